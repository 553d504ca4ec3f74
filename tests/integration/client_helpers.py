"""Helpers for integration tests: clients pointed at harness members."""
import logging
import time

import hazelcast


def client_config(cluster=None, addresses=None, **network):
    """A ClientConfig for ``cluster`` (or explicit addresses), quiet logging."""
    config = hazelcast.ClientConfig()
    config.logger_config.level = logging.WARNING
    if cluster is not None:
        config.group_config.name = cluster.group_name
        config.group_config.password = cluster.group_password
        addresses = ["%s:%d" % m.address for m in cluster.members if m.is_running]
    config.network_config.addresses.extend(addresses or [])
    for key, value in network.items():
        setattr(config.network_config, key, value)
    return config


def wait_until(predicate, timeout=10.0, interval=0.05, message="condition"):
    """Poll ``predicate`` until it is truthy or ``timeout`` passes (then fail)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.1f s waiting for %s" % (timeout, message))
        time.sleep(interval)
