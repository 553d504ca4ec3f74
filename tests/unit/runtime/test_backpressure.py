"""The bound on live invocations (hazelcast.client.max.concurrent.invocations), against a
FAKE member that never answers map requests: that is what keeps calls outstanding for
as long as a test needs, which a real member does not do on demand. The real-member
case is tests/integration/test_backpressure.py.
"""
import threading
import time

import pytest

import hazelcast
from hazelcast.errors import (ConfigurationError, HazelcastError, HazelcastOverloadError,
                              OperationTimeoutError)
from tests.unit.runtime.fake_member import FakeMember, client_of

MAX = "hazelcast.client.max.concurrent.invocations"
BACKOFF = "hazelcast.client.invocation.backoff.timeout.millis"
TIMEOUT = "hazelcast.client.invocation.timeout.seconds"


@pytest.fixture
def silent_member():
    member = FakeMember(on_map_request="silent")
    yield member
    member.close()


@pytest.fixture
def make_client(silent_member):
    clients = []

    def make(**properties):
        client = client_of(silent_member, **properties)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.shutdown()


def _one_slot_map(make_client, **properties):
    """A map proxy of a client allowed one call in progress, with nothing in progress yet."""
    client = make_client(**{MAX: 1}, **properties)
    _wait_for(lambda: client.invocation_service.pending_count() == 0)
    return client.get_map("m")


def _wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in %.1f s" % timeout
        time.sleep(0.01)


def test_a_full_client_fails_a_new_call_at_once_with_a_typed_overload_error(make_client, silent_member):
    client = make_client(**{MAX: 3, TIMEOUT: 3})
    service = client.invocation_service
    test_map = client.get_map("m")
    base = service.pending_count()  # the client's own registrations, if any are live
    outstanding = [test_map.get(i) for i in range(3 - base)]
    _wait_for(lambda: silent_member.map_requests == len(outstanding))
    started = time.monotonic()
    refused = test_map.put("x", 1)
    assert refused.done() and time.monotonic() - started < 0.05
    error = refused.exception()
    assert isinstance(error, HazelcastOverloadError) and isinstance(error, HazelcastError)
    assert "3 invocations are in progress" in str(error) and MAX in str(error)
    assert silent_member.map_requests == len(outstanding)  # never sent
    # the outstanding ones time out; then there is room again
    for future in outstanding:
        assert isinstance(future.exception(timeout=10), OperationTimeoutError)
    _wait_for(lambda: service.pending_count() <= base)
    again = test_map.get("y")
    _wait_for(lambda: silent_member.map_requests == len(outstanding) + 1)
    assert not again.done()


def test_urgent_requests_are_not_refused_so_the_heartbeat_keeps_a_full_client_connected(make_client):
    client = make_client(**{MAX: 1, TIMEOUT: 30, "hazelcast.client.heartbeat.interval": 200,
                            "hazelcast.client.heartbeat.timeout": 1500})
    test_map = client.get_map("m")
    _wait_for(lambda: client.invocation_service.pending_count() == 0)
    outstanding = test_map.get(1)
    assert isinstance(test_map.get(2).exception(timeout=1), HazelcastOverloadError)
    time.sleep(2.5)  # longer than the heartbeat timeout: pings went out and were answered
    assert not outstanding.done()
    assert [c.closed for c in client.connection_manager.active_connections()] == [False]


def test_with_a_backoff_timeout_the_caller_waits_for_room_at_most_that_long(make_client):
    test_map = _one_slot_map(make_client, **{BACKOFF: 700, TIMEOUT: 30})
    test_map.get(1)
    started = time.monotonic()
    refused = test_map.get(2)  # blocks the caller, then gives up
    waited = time.monotonic() - started
    assert 0.65 <= waited < 1.5, waited
    error = refused.exception(timeout=0)
    assert isinstance(error, HazelcastOverloadError) and "waited 0.7" in str(error), error


def test_a_waiting_caller_gets_in_when_room_is_made_and_keeps_its_own_deadline(make_client, silent_member):
    test_map = _one_slot_map(make_client, **{BACKOFF: 60000, TIMEOUT: 2})
    first = test_map.get(1)
    time.sleep(0.5)
    started = time.monotonic()
    second = test_map.get(2)  # waits until the first times out (~1.5 s from now)
    admitted_after = time.monotonic() - started
    assert 1.2 <= admitted_after < 2.2, admitted_after
    assert isinstance(first.exception(timeout=0), OperationTimeoutError)
    _wait_for(lambda: silent_member.map_requests == 2)  # it was sent
    # its deadline counts from its call, not from its admission: ~0.5 s left
    assert isinstance(second.exception(timeout=5), OperationTimeoutError)
    assert time.monotonic() - started < 2 + 0.6


def test_a_waiting_caller_never_waits_past_its_invocation_deadline(make_client):
    test_map = _one_slot_map(make_client, **{BACKOFF: 60000, TIMEOUT: 1.5})
    held = test_map.lock("k")  # never answered, and a lock waits as long as it takes
    started = time.monotonic()
    refused = test_map.get(2)
    waited = time.monotonic() - started
    assert 1.45 <= waited < 2.2, waited
    assert isinstance(refused.exception(timeout=0), HazelcastOverloadError)
    assert not held.done()


def test_shutdown_lets_a_waiting_caller_go(make_client):
    client = make_client(**{MAX: 1, BACKOFF: 60000, TIMEOUT: 30})
    test_map = client.get_map("m")
    _wait_for(lambda: client.invocation_service.pending_count() == 0)
    test_map.get(1)
    waiter_done = threading.Event()
    outcome = []

    def call():
        outcome.append(test_map.get(2))
        waiter_done.set()

    threading.Thread(target=call, daemon=True).start()
    time.sleep(0.3)
    client.shutdown()  # a waiting caller is let go: its call fails as not active
    assert waiter_done.wait(2)
    assert isinstance(outcome[0].exception(timeout=1), HazelcastError)


def test_the_bound_must_be_positive(silent_member):
    with pytest.raises(ConfigurationError, match="max.concurrent.invocations must be >= 1"):
        client_of(silent_member, **{MAX: 0})


def test_the_backoff_property_accepts_javas_default_of_minus_one():
    config = hazelcast.ClientConfig()
    config.set_property(BACKOFF, -1)
    config.set_property(MAX, 10)
    config.validate()
    config.set_property(MAX, -5)
    with pytest.raises(ConfigurationError):
        config.validate()
