"""Network faults between the client and a real member (tests/support/fault_proxy.py).

The member advertises the proxy's address, so every client connection, and
every reconnect, goes through the proxy. Each test switches one fault on and
asserts what the client does about it, with bounds: a silent member is found by
the heartbeat, a reset or half-closed connection is closed and replaced, and
slow or late responses never break the framing. Bounds have margins for a
loaded 2-core machine, but they are asserted.
"""
import logging
import time

import pytest

from hazelcast.errors import HazelcastError, OperationTimeoutError, TargetDisconnectedError
from tests.integration.client_helpers import client_config, wait_until
from tests.support.fault_proxy import FaultProxy, cluster_kwargs_behind, reserve_port

HEARTBEAT_TIMEOUT = "hazelcast.client.heartbeat.timeout"
HEARTBEAT_INTERVAL = "hazelcast.client.heartbeat.interval"
INVOCATION_TIMEOUT = "hazelcast.client.invocation.timeout.seconds"


@pytest.fixture
def proxied(cluster_factory):
    """(cluster, proxy): one member that clients reach only through ``proxy``."""
    port = reserve_port()
    members = cluster_factory(1, **cluster_kwargs_behind(port))
    proxy = FaultProxy(members.members[0].address, port=port)
    yield members, proxy
    proxy.close()


def _client(client_factory, members, proxy, heartbeat_timeout_ms=60000, invocation_timeout=30, **network):
    config = client_config(addresses=[proxy.address_str], connection_timeout=2.0,
                           connection_attempt_limit=100, connection_attempt_period=1.0, **network)
    config.group_config.name = members.group_name
    config.group_config.password = members.group_password
    config.set_property(HEARTBEAT_TIMEOUT, heartbeat_timeout_ms)
    config.set_property(HEARTBEAT_INTERVAL, 1000)
    config.set_property(INVOCATION_TIMEOUT, invocation_timeout)
    return client_factory(config)


def _connection_ids(client):
    return sorted(c.connection_id for c in client.connection_manager.active_connections())


def _map_holding_k(client_factory, proxied, name, **client_kwargs):
    """(client, map named ``name`` with k=1, ids of the client's connections now)."""
    members, proxy = proxied
    client = _client(client_factory, members, proxy, **client_kwargs)
    test_map = client.get_map(name)
    test_map.blocking().put("k", 1)
    return client, test_map, _connection_ids(client)


def test_the_member_is_reached_only_through_the_proxy(proxied, client_factory):
    members, proxy = proxied
    client = _client(client_factory, members, proxy)
    assert [(m.address.host, m.address.port) for m in client.cluster.get_member_list()] == [proxy.address]
    client.get_map("through").blocking().put("k", "v")
    assert proxy.accepted == 1 and len(proxy.open_links()) == 1
    assert proxy.forwarded("to_member")[0] > 0 and proxy.forwarded("to_client")[0] > 0


def test_silent_member_is_detected_by_the_heartbeat_and_calls_fail_typed_within_bound(proxied, client_factory):
    proxy = proxied[1]
    client, test_map, before = _map_holding_k(client_factory, proxied, "silent", heartbeat_timeout_ms=4000)
    proxy.drop()
    started = time.monotonic()
    put, get = test_map.put("k", 2), test_map.get("k")
    put_error = put.exception(timeout=20)
    detected = time.monotonic() - started
    # The write was in flight when the heartbeat closed the connection: it may have
    # run, so it fails (typed) rather than being retried; long before the 30 s
    # invocation timeout.
    assert isinstance(put_error, TargetDisconnectedError), put_error
    assert "Heartbeat" in str(put_error)
    assert 3.5 <= detected < 4 + 1 + 4, detected
    # The read is retried; reconnecting through the silent proxy fails (no
    # authentication answer) until the network heals.
    assert not get.done()
    proxy.heal()
    assert get.result(timeout=25) in (1, 2)
    assert time.monotonic() - started < 30
    assert _connection_ids(client) and _connection_ids(client) != before  # replaced
    assert test_map.blocking().get("k") in (1, 2)
    assert client.invocation_service.pending_count() == 0


def test_reset_connection_is_replaced_and_calls_continue(proxied, client_factory):
    proxy = proxied[1]
    client, test_map, before = _map_holding_k(client_factory, proxied, "reset")
    proxy.set_delay(0.5)  # so that these two are in flight when the reset comes
    get, put = test_map.get("k"), test_map.put("k", 2)
    time.sleep(0.2)
    started = time.monotonic()
    assert proxy.reset() == 1
    proxy.heal()
    # A read in flight is retried on the new connection; a write in flight may have
    # run, so it fails, typed (redo_operation is off).
    assert get.result(timeout=10) == 1
    assert isinstance(put.exception(timeout=10), TargetDisconnectedError)
    assert time.monotonic() - started < 6  # the retry pause (1 s) and a reconnect
    assert test_map.blocking().put("k", 3) == 1  # the delayed put never reached the member
    assert test_map.blocking().get("k") == 3
    assert _connection_ids(client) != before and proxy.accepted == 2
    assert client.invocation_service.pending_count() == 0


def test_connection_half_closed_by_the_member_side_is_closed_and_replaced_at_once(proxied, client_factory):
    proxy = proxied[1]
    # heartbeat timeout 60 s: not what finds it
    client, test_map, before = _map_holding_k(client_factory, proxied, "half-closed")
    started = time.monotonic()
    assert proxy.half_close("to_client") == 1  # the client reads EOF, could still write
    wait_until(lambda: _connection_ids(client) not in ([], before), timeout=10, message="a new connection")
    assert time.monotonic() - started < 5
    assert test_map.blocking().get("k") == 1
    assert proxy.accepted == 2


def test_half_open_connection_is_closed_by_the_heartbeat_and_replaced(proxied, client_factory):
    proxy = proxied[1]
    client, test_map, before = _map_holding_k(client_factory, proxied, "half-open", heartbeat_timeout_ms=4000)
    # FIN to the member, which closes its end; the client is never told: its
    # connection looks open, and what it writes goes nowhere.
    assert proxy.half_close("to_member", silent=True) == 1
    started = time.monotonic()
    get = test_map.get("k")  # written into the dead connection, then retried
    assert get.result(timeout=20) == 1
    elapsed = time.monotonic() - started
    assert 3.0 <= elapsed < 4 + 1 + 6, elapsed  # the heartbeat timeout, then a retry
    assert _connection_ids(client) != before and proxy.accepted == 2
    assert test_map.blocking().get("k") == 1


def test_byte_at_a_time_responses_never_break_framing(proxied, client_factory):
    members, proxy = proxied
    client = _client(client_factory, members, proxy)
    test_map = client.get_map("slow")
    values = {"k%d" % size: bytes((size + i) % 251 for i in range(size)).decode("latin-1")
              for size in (0, 1, 21, 100, 2500, 4099)}
    test_map.blocking().put_all(values)
    sent_before = proxy.forwarded("to_client")
    proxy.set_bandwidth(40000, chunk=1)  # one byte per send, the client reads tiny pieces
    # Several responses in flight at once: their bytes follow each other on the wire.
    futures = {key: test_map.get(key) for key in values}
    got = {key: future.result(timeout=60) for key, future in futures.items()}
    assert got == values
    assert test_map.get_all(list(values)).result(timeout=60) == values
    forwarded_bytes, sends = (a - b for a, b in zip(proxy.forwarded("to_client"), sent_before))
    assert forwarded_bytes > 2 * sum(map(len, values.values())) and sends == forwarded_bytes
    proxy.heal()
    assert test_map.blocking().get("k4099") == values["k4099"]
    assert proxy.accepted == 1  # never reconnected: the framing held


def test_late_responses_are_dropped_and_the_stream_stays_in_step(proxied, client_factory):
    members, proxy = proxied
    client = _client(client_factory, members, proxy, invocation_timeout=2)
    test_map = client.get_map("late")
    test_map.blocking().put_all({"a": "A" * 3000, "b": "B"})
    proxy.set_delay(3.0)  # each way: responses come 6 s late
    started = time.monotonic()
    errors = [f.exception(timeout=15) for f in (test_map.get("a"), test_map.get("b"))]
    elapsed = time.monotonic() - started
    assert all(isinstance(e, OperationTimeoutError) for e in errors), errors
    assert 1.9 <= elapsed < 2 + 2, elapsed
    proxy.set_delay(0.0)
    time.sleep(5)  # the late responses arrive (and are dropped) meanwhile
    assert test_map.blocking().get("b") == "B"
    assert test_map.blocking().get("a") == "A" * 3000
    assert proxy.accepted == 1
    assert client.invocation_service.pending_count() == 0


def test_every_failure_under_faults_is_typed(proxied, client_factory):
    # Many calls across a reset, a drop and a heal: each ends with its value or with a
    # HazelcastError subclass, never anything else and never later than its deadline.
    members, proxy = proxied
    client = _client(client_factory, members, proxy, heartbeat_timeout_ms=3000, invocation_timeout=6)
    test_map = client.get_map("typed")
    futures = []
    started = time.monotonic()
    for step in range(30):
        futures.append(test_map.put(step, step))
        futures.append(test_map.get(step))
        if step == 5:
            proxy.reset()
        elif step == 15:
            proxy.drop()
        elif step == 25:
            proxy.heal()
        time.sleep(0.1)
    outcomes = [f.exception(timeout=30) for f in futures]
    assert time.monotonic() - started < 3 + 6 + 3 + 5
    for outcome in outcomes:
        assert outcome is None or isinstance(outcome, HazelcastError), repr(outcome)
    assert client.invocation_service.pending_count() == 0
    assert test_map.blocking().put("after", 1) is None


class _ConnectAttempts(logging.Handler):
    """Counts the connection manager's "Connecting to host:port" records for one address."""

    def __init__(self, address):
        super().__init__(logging.INFO)
        self.text = "Connecting to %s:%d" % address
        self.count = 0

    def emit(self, record):
        if record.getMessage() == self.text:
            self.count += 1


def test_a_dead_partition_owner_is_not_reconnected_to_on_every_request(cluster_factory, client_factory):
    # Until the partition table drops a killed member, requests for its partitions find
    # no connection to their owner; each used to start a connect attempt of its own
    # (thousands a second, each with a 128 kB read buffer: the soak's resident memory
    # jumped by 50-120 MB per member kill). Attempts are now at most one a second.
    members = cluster_factory(2)
    client = client_factory(client_config(members))
    test_map = client.get_map("dead-owner")
    test_map.blocking().put_all({i: i for i in range(200)})
    victim = members.members[1]
    attempts = _ConnectAttempts(victim.address)
    logger = logging.getLogger("HazelcastClient.ConnectionManager")
    level = logger.level
    logger.addHandler(attempts)
    logger.setLevel(logging.INFO)
    try:
        victim.terminate()
        started = time.monotonic()
        futures = []
        while time.monotonic() - started < 3:
            futures.extend(test_map.put(i, -i) for i in range(200))
            time.sleep(0.05)
        elapsed = time.monotonic() - started
    finally:
        logger.removeHandler(attempts)
        logger.setLevel(level)
    outcomes = [f.exception(timeout=60) for f in futures]
    assert all(o is None or isinstance(o, HazelcastError) for o in outcomes)
    assert len(futures) > 2000
    # one a second from routing, one per heartbeat tick (5 s) for the member list
    assert attempts.count <= elapsed / 1.0 + 3, attempts.count
