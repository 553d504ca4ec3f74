"""Invocation deadlines and shutdown against real members (docs/timeouts.md).

No call outlives its deadline, whatever state it is in, and no Future is left
pending once the client is shut down -- asked for, or after it gave up
reconnecting. Operations that wait on the member (take, lock, poll(t)...) are not
cut short by the invocation timeout. Bounds have generous margins for a loaded
2-core machine, but they are asserted.
"""
import re
import threading
import time

import hazelcast
from hazelcast.errors import HazelcastClientNotActiveError, OperationTimeoutError, TargetDisconnectedError
from hazelcast.protocol.codec import map_size_codec
from tests.integration.client_helpers import client_config, wait_until

INVOCATION_TIMEOUT = "hazelcast.client.invocation.timeout.seconds"


def _errors(futures, timeout):
    """Each future's error, waiting at most ``timeout`` seconds for all of them together."""
    deadline = time.monotonic() + timeout
    return [f.exception(timeout=max(deadline - time.monotonic(), 0.01)) for f in futures]


def test_member_killed_and_reconnect_given_up_fails_every_call_not_active(cluster_factory, client_factory):
    members = cluster_factory(1)
    states = []
    config = client_config(members, connection_attempt_limit=2, connection_attempt_period=2.0)
    config.add_lifecycle_listener(states.append)
    client = client_factory(config)
    test_map = client.get_map("lost-cluster")
    test_map.blocking().put("k", 1)
    member = members.members[0]
    member.suspend()  # the requests below are written but never answered...
    in_flight = [test_map.put_all({i: "v" for i in range(1000)}), test_map.get("k"), test_map.put("k", 2)]
    time.sleep(0.3)
    member.terminate()  # ...and then the member is gone
    wait_until(lambda: "DISCONNECTED" in states, timeout=20, message="DISCONNECTED")
    started = time.monotonic()
    offline = [test_map.get("k"), test_map.put("k", 3), test_map.put_all({"a": 1, "b": 2})]
    errors = _errors(offline + in_flight, timeout=30)
    assert time.monotonic() - started < 20  # 2 attempts 2 s apart, then the shutdown
    assert all(isinstance(e, HazelcastClientNotActiveError) for e in errors[:3]), errors
    # A write in flight when its connection closed fails at once (it may have run);
    # the rest waited for the reconnect and were failed by the shutdown.
    assert all(isinstance(e, (HazelcastClientNotActiveError, TargetDisconnectedError)) for e in errors[3:]), errors
    wait_until(lambda: states[-1:] == ["SHUTDOWN"], timeout=10, message="SHUTDOWN")
    assert client.invocation_service.pending_count() == 0
    started = time.monotonic()
    assert isinstance(test_map.get("k").exception(timeout=5), HazelcastClientNotActiveError)
    assert time.monotonic() - started < 0.5


def test_suspended_member_calls_fail_at_the_invocation_timeout_naming_the_elapsed_time(cluster_factory,
                                                                                       client_factory):
    members = cluster_factory(1)
    config = client_config(members)
    config.set_property(INVOCATION_TIMEOUT, 5)
    client = client_factory(config)
    test_map = client.get_map("suspended")
    test_map.blocking().put("k", 1)
    member = members.members[0]
    member.suspend()
    try:
        started = time.monotonic()
        errors = _errors([test_map.get("k"), test_map.put("k", 2)], timeout=30)
        elapsed = time.monotonic() - started
    finally:
        member.resume()
    assert all(isinstance(e, OperationTimeoutError) for e in errors), errors
    assert 4.9 <= elapsed < 5 + 3, elapsed  # not when the heartbeat gives up (60 s)
    for error in errors:
        reported = float(re.search(r"timed out after (\d+\.\d) s", str(error)).group(1))
        assert 5.0 <= reported <= elapsed + 0.1, str(error)
        assert "invocation timeout of 5.0 s" in str(error)
    # the member answers again: late responses are dropped, new calls work
    assert test_map.blocking().get("k") in (1, 2)
    assert client.invocation_service.pending_count() == 0


def test_suspended_member_heartbeat_then_lost_cluster_leaves_no_call_pending(cluster_factory, client_factory):
    # The reported case: the heartbeat closes the connection to a hung member; a read
    # waits to be retried while the client fails to reconnect (the suspended member's
    # kernel accepts, authentication times out) and then shuts itself down.
    members = cluster_factory(1)
    config = client_config(members, connection_timeout=2.0, connection_attempt_period=1.0)
    config.set_property("hazelcast.client.heartbeat.timeout", 4000)
    config.set_property("hazelcast.client.heartbeat.interval", 1000)
    client = client_factory(config)
    test_map, queue = client.get_map("hung"), client.get_queue("hung")  # proxies made while it answers
    test_map.blocking().put("k", 1)
    member = members.members[0]
    member.suspend()
    try:
        started = time.monotonic()
        put, take, get = test_map.put("k", 2), queue.take(), test_map.get("k")
        put_error, take_error, get_error = _errors([put, take, get], timeout=40)
        elapsed = time.monotonic() - started
    finally:
        member.resume()
    assert isinstance(put_error, TargetDisconnectedError) and "Heartbeat" in str(put_error)
    assert isinstance(take_error, TargetDisconnectedError)
    assert isinstance(get_error, HazelcastClientNotActiveError), get_error
    assert elapsed < 30, elapsed
    assert client.invocation_service.pending_count() == 0


def test_shutdown_fails_a_call_waiting_on_its_retry_timer(cluster_factory, client_factory):
    members = cluster_factory(1)
    states = []
    config = client_config(members, connection_attempt_limit=0, connection_attempt_period=1.0)  # keeps trying
    config.add_lifecycle_listener(states.append)
    client = client_factory(config)
    test_map = client.get_map("retry-wait")
    test_map.blocking().put("k", 1)
    members.members[0].terminate()
    wait_until(lambda: "DISCONNECTED" in states, timeout=20, message="DISCONNECTED")
    future = test_map.get("k")  # no connection: it waits for its retry (up to 120 s)
    _assert_shutdown_fails_it_promptly(client, future, after=1.5)


def _assert_shutdown_fails_it_promptly(client, future, after):
    time.sleep(after)
    assert not future.done()
    started = time.monotonic()
    client.shutdown()
    assert isinstance(future.exception(timeout=10), HazelcastClientNotActiveError)
    assert time.monotonic() - started < 5


def _unisocket_client_and_suspended_other_member(cluster_factory, client_factory, invocation_timeout):
    members = cluster_factory(2)
    owner, other = members.members
    config = client_config(addresses=[owner.address_str], smart_routing=False, connection_timeout=60.0)
    config.group_config.name = members.group_name
    config.group_config.password = members.group_password
    config.set_property(INVOCATION_TIMEOUT, invocation_timeout)
    client = client_factory(config)
    wait_until(lambda: len(client.cluster.get_member_list()) == 2, message="both members known")
    other.suspend()  # connecting to it hangs in authentication: the kernel still accepts
    return client, other


def test_a_call_waiting_for_a_connection_fails_at_its_deadline(cluster_factory, client_factory):
    client, other = _unisocket_client_and_suspended_other_member(cluster_factory, client_factory, 3)
    try:
        started = time.monotonic()
        future = client.invocation_service.invoke_on_target(map_size_codec.encode_request("m"), other.address)
        error = future.exception(timeout=30)
        elapsed = time.monotonic() - started
    finally:
        other.resume()
    assert isinstance(error, OperationTimeoutError), error
    assert 2.9 <= elapsed < 3 + 3, elapsed  # not the 60 s connection timeout
    assert "could not be sent" in str(error) or "last error" in str(error)


def test_shutdown_fails_a_call_waiting_for_a_connection_promptly(cluster_factory, client_factory):
    client, other = _unisocket_client_and_suspended_other_member(cluster_factory, client_factory, 120)
    try:
        future = client.invocation_service.invoke_on_target(map_size_codec.encode_request("m"), other.address)
        _assert_shutdown_fails_it_promptly(client, future, after=1.0)
    finally:
        other.resume()


def test_a_50_mb_value_round_trips_and_other_calls_on_the_connection_carry_on(cluster, client_factory):
    config = client_config(cluster)
    config.set_property(INVOCATION_TIMEOUT, 60)
    client = client_factory(config)
    big_map = client.get_map("big-values").blocking()
    small_map = client.get_map("small-values").blocking()
    value = bytes(range(256)) * (50 * 1024 * 1024 // 256)
    stop = threading.Event()
    small_errors, small_calls = [], [0]

    def small_traffic():
        i = 0
        while not stop.is_set():
            try:
                small_map.put(i % 10, i)
                assert small_map.get(i % 10) == i
                small_calls[0] += 1
            except Exception as e:  # noqa: BLE001 - collected and asserted below
                small_errors.append(e)
            i += 1

    worker = threading.Thread(target=small_traffic)
    worker.start()
    try:
        started = time.monotonic()
        big_map.put("big", value)
        assert big_map.get("big") == value
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        worker.join(30)
        big_map.remove("big")
    assert elapsed < 30, elapsed
    assert small_errors == []
    assert small_calls[0] > 0


def test_blocking_operations_may_wait_longer_than_the_invocation_timeout(cluster, client_factory):
    config = client_config(cluster)
    config.set_property(INVOCATION_TIMEOUT, 2)
    client = client_factory(config)
    queue = client.get_queue("wait-longer")
    lock = client.get_lock("wait-longer").blocking()
    lock.lock()  # held by this thread, so the other threads wait for it
    results = {}

    def waiter(name, call):
        results[name] = call()
        if name == "lock":
            lock.unlock()

    threads = [threading.Thread(target=waiter, args=("lock", lock.lock)),
               threading.Thread(target=waiter, args=("try_lock", lambda: lock.try_lock(timeout=4)))]
    started = time.monotonic()
    take = queue.take()
    poll = client.get_queue("wait-longer-empty").poll(timeout=4)
    for thread in threads:
        thread.start()
    time.sleep(4.5)  # past the invocation timeout, with every wait above still on
    assert not take.done()
    queue.blocking().offer("item")
    assert take.result(timeout=10) == "item"
    assert poll.result(timeout=10) is None  # its own 4 s wait ran out: None, not a timeout error
    assert time.monotonic() - started >= 4
    lock.unlock()
    for thread in threads:
        thread.join(20)
    assert results == {"lock": None, "try_lock": False}  # try_lock gave up after 4 s; lock() got it


def test_a_call_after_shutdown_fails_at_once(cluster):
    client = hazelcast.HazelcastClient(client_config(cluster))
    test_map = client.get_map("after-shutdown")
    client.shutdown()
    started = time.monotonic()
    for future in (test_map.get("k"), test_map.put("k", 1), client.get_queue("q").take()):
        assert isinstance(future.exception(timeout=5), HazelcastClientNotActiveError)
    assert time.monotonic() - started < 0.5
    assert client.invocation_service.pending_count() == 0
