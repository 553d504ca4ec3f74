import json
import logging
import re

import pytest

from hazelcast.config import LoggerConfig
from hazelcast.errors import ConfigurationError
from hazelcast.logging_config import (
    DEFAULT_DATE_FORMAT, DEFAULT_FORMAT, LOGGER_NAME, ClientLoggerAdapter, VersionMessageFilter,
    apply_logger_config, get_logger,
)

pytestmark = pytest.mark.usefixtures("clean_client_logger")


def test_default_format_and_prefix(capsys):
    logger = apply_logger_config(LoggerConfig(), "hz.client_0", "dev", "3.10")
    assert isinstance(logger, ClientLoggerAdapter)
    get_logger("LifecycleService", "hz.client_0", "dev").info("HazelcastClient is %s", "STARTING")
    err = capsys.readouterr().err
    assert re.fullmatch(r"[A-Z][a-z]{2} \d\d, \d{4} \d\d:\d\d:\d\d [AP]M HazelcastClient\.LifecycleService\n"
                        r"INFO: \[3\.10\] \[dev\] \[hz\.client_0\] HazelcastClient is STARTING\n", err), err
    assert DEFAULT_FORMAT == "%(asctime)s %(name)s\n%(levelname)s: %(version_message)s %(message)s"
    assert DEFAULT_DATE_FORMAT == "%b %d, %Y %I:%M:%S %p"


def test_default_level_is_info(capsys):
    logger = apply_logger_config(LoggerConfig(), "c", "g")
    logger.debug("hidden")
    logger.warning("shown")
    err = capsys.readouterr().err
    assert "hidden" not in err and "WARNING: " in err and "shown" in err


def test_level_setting(capsys):
    config = LoggerConfig()
    config.level = logging.DEBUG
    apply_logger_config(config, "c", "g").debug("visible")
    assert "DEBUG: " in capsys.readouterr().err
    config.level = 100
    apply_logger_config(config, "c", "g").critical("off")
    assert capsys.readouterr().err == ""


def test_one_handler_shared_by_clients(capsys, clean_client_logger):
    apply_logger_config(LoggerConfig(), "hz.client_0", "dev")
    second = apply_logger_config(LoggerConfig(), "hz.client_1", "other")
    defaults = [h for h in clean_client_logger.handlers if getattr(h, "_hazelcast_default", False)]
    assert len(defaults) == 1
    second.info("hi")
    assert "[other] [hz.client_1] hi" in capsys.readouterr().err


def test_no_propagation_to_root_in_default_mode(clean_client_logger):
    apply_logger_config(LoggerConfig(), "c", "g")
    assert clean_client_logger.propagate is False


def test_extra_is_merged_not_replaced(capsys):
    logger = apply_logger_config(LoggerConfig(), "c", "g")
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)
    handler = Keep()
    logging.getLogger(LOGGER_NAME).addHandler(handler)
    logger.info("x", extra={"connection": 7})
    assert (records[0].client_name, records[0].group_name, records[0].connection) == ("c", "g", 7)


def test_filter_without_names():
    record = logging.LogRecord("n", logging.INFO, __file__, 1, "m", None, None)
    VersionMessageFilter("9.9").filter(record)
    assert record.version_message == "[9.9]"
    record.version_message = "kept"
    VersionMessageFilter("9.9").filter(record)
    assert record.version_message == "kept"


def test_config_file_installs_nothing_else(tmp_path, clean_client_logger, capsys):
    path = tmp_path / "logging.json"
    path.write_text(json.dumps({
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(levelname)s|%(client_name)s|%(message)s"}},
        "handlers": {"out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                             "formatter": "plain"}},
        "loggers": {"HazelcastClient": {"handlers": ["out"], "level": "WARNING", "propagate": False}},
    }))
    config = LoggerConfig()
    config.config_file = str(path)
    config.level = logging.DEBUG  # ignored when a file is given
    logger = apply_logger_config(config, "hz.client_3", "dev")
    logger.info("dropped")
    logger.warning("kept")
    captured = capsys.readouterr()
    assert captured.out == "WARNING|hz.client_3|kept\n" and captured.err == ""
    assert not any(getattr(h, "_hazelcast_default", False) for h in clean_client_logger.handlers)


@pytest.mark.parametrize("content", [None, "{not json", json.dumps({"version": 99})])
def test_bad_config_file(tmp_path, content):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    config = LoggerConfig()
    config.config_file = str(path)
    with pytest.raises(ConfigurationError) as info:
        apply_logger_config(config, "c", "g")
    assert str(path) in str(info.value)
