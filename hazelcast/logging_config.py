"""Applying a :class:`~hazelcast.config.LoggerConfig` (manual section 7.9.2).

Every logger of the client is ``HazelcastClient`` or a child of it
(``HazelcastClient.LifecycleService``, ``HazelcastClient.ClusterService``
...). Client code logs through a :class:`ClientLoggerAdapter` (see
:func:`get_logger`), which puts the client's ``client_name`` and
``group_name`` on each record, so one handler serves several clients and
user formatters can read those attributes, as the manual's custom
configuration example does.

Default behaviour, as the manual describes: the ``HazelcastClient`` logger
gets the configured level (``logging.INFO`` by default) and one handler
writing to ``sys.stderr`` with

    ``%(asctime)s %(name)s\\n%(levelname)s: %(version_message)s %(message)s``

where ``version_message`` is ``[client version] [group name] [client name]``.
That logger does not propagate to the root logger, so a program that also
configures root logging does not print every client line twice. Nothing else
is installed, and nothing at all when ``LoggerConfig.config_file`` is set:
then the JSON file is fed to :func:`logging.config.dictConfig` and the level
is ignored.
"""
import json
import logging
import logging.config
import sys
from typing import TYPE_CHECKING, Any, MutableMapping, Optional, Tuple

from hazelcast.config import LoggerConfig
from hazelcast.errors import ConfigurationError
from hazelcast.version import CLIENT_VERSION

__all__ = [
    "LOGGER_NAME", "DEFAULT_FORMAT", "DEFAULT_DATE_FORMAT", "VersionMessageFilter",
    "ClientLoggerAdapter", "get_logger", "apply_logger_config",
]

LOGGER_NAME = "HazelcastClient"
"""Name of the parent logger of every client logger."""

DEFAULT_FORMAT = "%(asctime)s %(name)s\n%(levelname)s: %(version_message)s %(message)s"
"""Format of the default handler (from the manual)."""

DEFAULT_DATE_FORMAT = "%b %d, %Y %I:%M:%S %p"
"""Date format of the default handler, e.g. ``Feb 15, 2019 12:51:59 PM``."""


class VersionMessageFilter(logging.Filter):
    """Sets ``record.version_message`` to ``[version] [group] [client]``.

    Group and client name come from the record (put there by
    :class:`ClientLoggerAdapter`), else from the client that configured the
    handler last; without either, records get ``[version]`` only. A record that already has a
    ``version_message`` keeps it.
    """

    def __init__(self, version: str = CLIENT_VERSION, group_name: Optional[str] = None,
                 client_name: Optional[str] = None):
        super().__init__()
        self.version = version
        self.group_name = group_name
        self.client_name = client_name

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "version_message"):
            parts = [self.version]
            group_name = getattr(record, "group_name", None) or self.group_name
            client_name = getattr(record, "client_name", None) or self.client_name
            if group_name is not None and client_name is not None:
                parts += [group_name, client_name]
            record.version_message = " ".join("[%s]" % p for p in parts)
        return True


if TYPE_CHECKING:  # generic for type checkers; not subscriptable at run time before 3.11
    _LoggerAdapter = logging.LoggerAdapter[logging.Logger]
    _StreamHandler = logging.StreamHandler[Any]
else:
    _LoggerAdapter = logging.LoggerAdapter
    _StreamHandler = logging.StreamHandler


class ClientLoggerAdapter(_LoggerAdapter):
    """A logger of one client: adds ``client_name`` and ``group_name`` to
    each record (merged with any ``extra`` the call passes)."""

    def __init__(self, logger: logging.Logger, client_name: str, group_name: str):
        super().__init__(logger, {"client_name": client_name, "group_name": group_name})

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> Tuple[Any, MutableMapping[str, Any]]:
        extra = dict(self.extra or {})
        extra.update(kwargs.get("extra") or {})
        kwargs["extra"] = extra
        return msg, kwargs


def get_logger(name: Optional[str], client_name: str, group_name: str) -> ClientLoggerAdapter:
    """The adapter for ``HazelcastClient.<name>`` (``HazelcastClient`` when
    ``name`` is empty) of the client ``client_name`` in ``group_name``."""
    full_name = LOGGER_NAME + "." + name if name else LOGGER_NAME
    return ClientLoggerAdapter(logging.getLogger(full_name), client_name, group_name)


class _StderrHandler(_StreamHandler):
    """StreamHandler that writes to whatever ``sys.stderr`` is at emit time."""

    _hazelcast_default = True  # the one default handler (see _default_handler)

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _default_handler(logger: logging.Logger) -> Optional[logging.Handler]:
    for handler in logger.handlers:
        if getattr(handler, "_hazelcast_default", False):
            return handler
    return None


def apply_logger_config(logger_config: LoggerConfig, client_name: str, group_name: str,
                        version: str = CLIENT_VERSION) -> ClientLoggerAdapter:
    """Configure logging as ``logger_config`` says and return the client's
    base logger adapter (``HazelcastClient`` with ``client_name`` and
    ``group_name``).

    With ``config_file`` set: load that JSON and pass it to
    :func:`logging.config.dictConfig`; install nothing else. An unreadable
    file or bad dictionary raises :class:`ConfigurationError`.

    Otherwise: set the ``HazelcastClient`` logger's level and make sure it
    has the one default ``sys.stderr`` handler (shared by all clients of the
    process; the level of the last client applied wins).
    """
    if logger_config.config_file:
        try:
            with open(logger_config.config_file) as f:
                dict_config = json.load(f)
            logging.config.dictConfig(dict_config)
        except (OSError, ValueError, TypeError, AttributeError, ImportError) as e:
            raise ConfigurationError("could not apply logging config file %r: %s"
                                     % (logger_config.config_file, e), cause=e) from e
        return get_logger(None, client_name, group_name)

    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logger_config.level)
    logger.propagate = False
    handler = _default_handler(logger)
    if handler is None:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter(DEFAULT_FORMAT, DEFAULT_DATE_FORMAT))
        handler.addFilter(VersionMessageFilter(version, group_name, client_name))
        logger.addHandler(handler)
    else:
        for installed in handler.filters:
            if isinstance(installed, VersionMessageFilter):
                installed.version = version
                installed.group_name = group_name
                installed.client_name = client_name
    return get_logger(None, client_name, group_name)
