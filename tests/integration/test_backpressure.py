"""The bound on live invocations against a real member (docs/timeouts.md, Backpressure).

Calls held by the member (``Queue.take`` on an empty queue) fill the client; a new
call is refused at once with ``HazelcastOverloadError``, or, with a backoff timeout,
waits until another client's offer completes a take and makes room.
"""
import threading
import time

from hazelcast.errors import HazelcastOverloadError
from tests.integration.client_helpers import client_config

MAX = "hazelcast.client.max.concurrent.invocations"
BACKOFF = "hazelcast.client.invocation.backoff.timeout.millis"


def _bounded_client(client_factory, cluster, **properties):
    config = client_config(cluster)
    config.set_property(MAX, 2)
    for name, value in properties.items():
        config.set_property(name, value)
    client = client_factory(config)
    deadline = time.monotonic() + 10
    while client.invocation_service.pending_count() and time.monotonic() < deadline:
        time.sleep(0.01)  # start-up requests done: the two slots are free
    return client


def test_a_full_client_refuses_then_accepts_once_the_member_answers(cluster, client_factory):
    client = _bounded_client(client_factory, cluster)
    other = client_factory(client_config(cluster))
    queue, test_map = client.get_queue("bp-refuse"), client.get_map("bp-refuse")
    other_queue = other.get_queue("bp-refuse")
    takes = [queue.take(), queue.take()]
    time.sleep(0.3)
    refused = test_map.put("k", 1)
    assert isinstance(refused.exception(timeout=0), HazelcastOverloadError)
    assert isinstance(test_map.size().exception(timeout=0), HazelcastOverloadError)
    other_queue.blocking().offer("a")
    other_queue.blocking().offer("b")
    assert sorted(t.result(timeout=10) for t in takes) == ["a", "b"]
    deadline = time.monotonic() + 5
    while client.invocation_service.pending_count() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert test_map.blocking().put("k", 1) is None
    assert test_map.blocking().get("k") == 1  # the refused put never reached the member before


def test_with_a_backoff_timeout_a_call_waits_until_room_is_made(cluster, client_factory):
    client = _bounded_client(client_factory, cluster, **{BACKOFF: 10000})
    other = client_factory(client_config(cluster))
    queue, test_map = client.get_queue("bp-wait"), client.get_map("bp-wait")
    takes = [queue.take(), queue.take()]
    time.sleep(0.3)
    threading.Timer(1.0, lambda: other.get_queue("bp-wait").blocking().offer("x")).start()
    started = time.monotonic()
    put = test_map.put("k", "v")  # the caller waits here for one of the takes to complete
    waited = time.monotonic() - started
    assert 0.9 <= waited < 5, waited
    assert put.result(timeout=10) is None
    assert [t.result(timeout=0) for t in takes if t.done()] == ["x"]
    other.get_queue("bp-wait").blocking().offer("y")
    assert sorted(t.result(timeout=10) for t in takes) == ["x", "y"]
