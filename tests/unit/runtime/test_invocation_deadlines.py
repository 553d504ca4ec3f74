"""Deadline arithmetic of invocations, against a FAKE member.

The fake member stays connected and answers heartbeats but never answers a map
request: a member that holds a request for as long as it likes, on demand and
for exactly as long as the test needs (a real member does this only for
particular blocking operations). The integration tests in
tests/integration/test_invocation_deadlines.py cover the same rules against
real members that are suspended, killed or slow.
"""
import logging
import re
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastClientNotActiveError, OperationTimeoutError
from hazelcast.protocol.codec import map_get_codec
from tests.unit.runtime.fake_member import FakeMember


@pytest.fixture
def silent_client():
    member = FakeMember(on_map_request="silent")
    config = hazelcast.ClientConfig()
    config.logger_config.level = logging.CRITICAL + 1
    config.network_config.addresses.append(member.address())
    config.network_config.connection_attempt_limit = 1
    config.set_property("hazelcast.client.invocation.timeout.seconds", 1)
    config.set_property("hazelcast.client.heartbeat.interval", 200)
    client = hazelcast.HazelcastClient(config)
    yield client
    client.shutdown()
    member.close()


def _get(client, wait_timeout):
    key = client.serialization_service.to_data("k")
    request = map_get_codec.encode_request("m", key, 1)
    return client.invocation_service.invoke_on_key(request, key, wait_timeout=wait_timeout)


def _failed_after(future, started, limit=10.0):
    error = future.exception(timeout=limit)
    return error, time.monotonic() - started


def test_the_deadline_is_the_invocation_timeout_plus_the_wait(silent_client):
    started = time.monotonic()
    plain = _get(silent_client, 0.0)
    waiting = _get(silent_client, 1.5)
    error, elapsed = _failed_after(plain, started)
    assert isinstance(error, OperationTimeoutError)
    assert 0.95 <= elapsed < 1 + 1.5, elapsed
    assert not waiting.done()
    error, elapsed = _failed_after(waiting, started)
    assert isinstance(error, OperationTimeoutError)
    assert 2.45 <= elapsed < 2.5 + 1.5, elapsed
    assert "plus its wait of 1.5 s" in str(error)
    assert "no response from Connection(" in str(error)
    reported = float(re.search(r"timed out after (\d+\.\d) s", str(error)).group(1))
    assert 2.5 <= reported <= elapsed + 0.1
    assert silent_client.invocation_service.pending_count() == 0  # a late answer finds nothing


def test_an_unbounded_wait_outlives_the_timeout_until_shutdown_fails_it(silent_client):
    unbounded = _get(silent_client, None)  # like Queue.take(): as long as it takes
    time.sleep(2.5)  # over twice the invocation timeout
    assert not unbounded.done()
    started = time.monotonic()
    silent_client.shutdown()
    error, elapsed = _failed_after(unbounded, started)
    assert isinstance(error, HazelcastClientNotActiveError)
    assert elapsed < 1.0


def test_after_shutdown_every_invoke_fails_at_once(silent_client):
    silent_client.shutdown()
    started = time.monotonic()
    for wait_timeout in (0.0, 5.0, None):
        error, _ = _failed_after(_get(silent_client, wait_timeout), started, limit=1)
        assert isinstance(error, HazelcastClientNotActiveError)
    assert time.monotonic() - started < 0.5
    assert silent_client.invocation_service.pending_count() == 0


def test_a_bounded_call_made_while_only_unbounded_ones_wait_still_times_out(silent_client):
    unbounded = _get(silent_client, None)  # with only this one live, nothing needs checking
    time.sleep(0.5)
    started = time.monotonic()
    error, elapsed = _failed_after(_get(silent_client, 0.0), started)
    assert isinstance(error, OperationTimeoutError)
    assert 0.95 <= elapsed < 1 + 1.5, elapsed
    assert not unbounded.done()
