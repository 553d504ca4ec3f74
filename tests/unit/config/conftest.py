import logging

import pytest

from hazelcast.logging_config import LOGGER_NAME


@pytest.fixture
def clean_client_logger():
    """Give back the HazelcastClient logger as it was before the test."""
    logger = logging.getLogger(LOGGER_NAME)
    saved = (logger.level, logger.propagate, list(logger.handlers), list(logger.filters), logger.disabled)
    yield logger
    logger.setLevel(saved[0])
    logger.propagate = saved[1]
    logger.handlers[:] = saved[2]
    logger.filters[:] = saved[3]
    logger.disabled = saved[4]
