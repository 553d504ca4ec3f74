"""Queue against real members: every method, blocking calls, a bounded queue, item listeners."""
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalArgumentError, IllegalStateError
from hazelcast.proxy.queue import Full
from hazelcast.proxy.item_events import ItemEventType
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.collections_support import client, run_example, run_manual_sample  # noqa: F401

BOUNDED = "<queue name='bounded*'><max-size>3</max-size></queue>"


@pytest.fixture
def queue(client):
    return client.get_queue("queue-" + uuid.uuid4().hex).blocking()


def test_manual_sample_runs_as_written(client):
    printed = run_manual_sample(client, "### 7.4.4. Using Queue", "### 7.4.5.")
    assert printed == "yet-another-item\n"
    assert client.get_queue("my-distributed-queue").blocking().is_empty()


def test_example_runs(client):
    lines = run_example(client, "queue_example.py").splitlines()
    done = [line for line in lines if line.startswith("done:")]
    assert done == ["done: task-0", "done: task-1", "done: task-2"]
    assert "poll with a timeout on an empty queue: None" in lines
    assert "drained 3 items: ['a', 'b', 'c']" in lines


def test_offer_poll_peek_take_put_in_fifo_order(queue):
    assert queue.is_empty() is True
    assert queue.poll() is None and queue.peek() is None
    assert queue.add("a") is True
    assert queue.offer("b") is True
    assert queue.put("c") is None
    assert queue.size() == 3 and queue.is_empty() is False
    assert queue.peek() == "a"
    assert queue.iterator() == ["a", "b", "c"]
    assert queue.poll() == "a"
    assert queue.take() == "b"
    assert queue.poll(1) == "c"
    assert queue.size() == 0


def test_collection_methods(queue):
    assert queue.add_all(["a", "b", "c", "b"]) is True
    assert queue.contains("b") is True and queue.contains("z") is False
    assert queue.contains_all(["a", "c"]) is True and queue.contains_all(["a", "z"]) is False
    assert queue.remove("b") is True and queue.remove("z") is False
    assert queue.iterator() == ["a", "c", "b"]
    assert queue.remove_all(["b"]) is True and queue.remove_all(["z"]) is False
    assert queue.add_all([1, 2, 3]) is True
    assert queue.retain_all(["a", 2]) is True
    assert queue.iterator() == ["a", 2]
    queue.clear()
    assert queue.size() == 0
    assert queue.remaining_capacity() == 2 ** 31 - 1  # unbounded


def test_drain_to(queue):
    queue.add_all(range(5))
    target = ["kept"]
    assert queue.drain_to(target, 2) == 2
    assert target == ["kept", 0, 1]
    assert queue.drain_to(target) == 3
    assert target == ["kept", 0, 1, 2, 3, 4]
    assert queue.drain_to(target) == 0 and queue.size() == 0


def test_poll_with_timeout_returns_none_after_the_timeout(queue):
    start = time.monotonic()
    assert queue.poll(0.5) is None
    assert 0.45 <= time.monotonic() - start < 3


def test_timed_poll_returns_an_item_offered_while_it_waits(client, queue):
    waiting = client.get_queue(queue.name).poll(10)  # the Future, not blocking
    time.sleep(0.2)
    assert not waiting.done()
    queue.offer("late")
    assert waiting.result(5) == "late"


def test_take_waits_past_the_invocation_timeout(cluster):
    config = client_config(cluster)
    config.set_property("hazelcast.client.invocation.timeout.seconds", 1)
    client = hazelcast.HazelcastClient(config)
    try:
        queue = client.get_queue("take-" + uuid.uuid4().hex)
        taken = queue.take()
        time.sleep(1.6)
        assert not taken.done(), taken.exception()
        queue.offer("finally").result()
        assert taken.result(5) == "finally"
    finally:
        client.shutdown()


def test_bounded_queue_from_member_config(cluster_factory):
    members = cluster_factory(1, structures=BOUNDED)
    client = hazelcast.HazelcastClient(client_config(members))
    try:
        queue = client.get_queue("bounded-" + uuid.uuid4().hex).blocking()
        assert queue.remaining_capacity() == 3
        assert queue.add_all([1, 2]) is True and queue.add(3) is True
        assert queue.remaining_capacity() == 0

        with pytest.raises(IllegalStateError, match="Queue is full"):
            queue.add(4)
        with pytest.raises(Full):  # 3.12.3's name for it
            queue.add(4)
        assert queue.offer(4) is False
        start = time.monotonic()
        assert queue.offer(4, 0.5) is False
        assert 0.45 <= time.monotonic() - start < 3

        blocked_put = client.get_queue(queue.name).put(4)
        time.sleep(0.2)
        assert not blocked_put.done()
        assert queue.poll() == 1
        assert blocked_put.result(5) is None
        assert queue.iterator() == [2, 3, 4]
    finally:
        client.shutdown()


def test_item_listener_with_and_without_values(queue):
    with_values, without_values = [], []
    registration = queue.add_item_listener(True, item_added_func=with_values.append,
                                           item_removed_func=with_values.append)
    queue.add_item_listener(item_added_func=without_values.append)
    queue.offer("x")
    queue.poll()
    wait_until(lambda: len(with_values) == 2 and len(without_values) == 1, message="item events")
    added, removed = with_values
    assert (added.item, added.event_type, added.name) == ("x", ItemEventType.ADDED, queue.name)
    assert (removed.item, removed.event_type) == ("x", ItemEventType.REMOVED)
    assert added.member is not None
    assert without_values[0].item is None and without_values[0].event_type == ItemEventType.ADDED

    assert queue.remove_item_listener(registration) is True
    assert queue.remove_item_listener(registration) is False
    queue.offer("y")
    wait_until(lambda: len(without_values) == 2, message="the remaining listener's event")
    assert len(with_values) == 2


def test_bad_arguments_raise_typed_errors(queue):
    with pytest.raises(IllegalArgumentError, match="item can't be None"):
        queue.offer(None)
    with pytest.raises(IllegalArgumentError, match=r"timeout must be a number of seconds >= 0, got -1"):
        queue.poll(-1)
    with pytest.raises(IllegalArgumentError, match="timeout must be a number of seconds"):
        queue.offer("x", "5")
    with pytest.raises(IllegalArgumentError, match="items can't contain None"):
        queue.add_all(["a", None])
    with pytest.raises(IllegalArgumentError, match="items must be a list"):
        queue.add_all("abc")
    with pytest.raises(IllegalArgumentError, match="list must be a list"):
        queue.drain_to(None)
    with pytest.raises(IllegalArgumentError, match=r"max_size must be an int from -1 to 2147483647, got 2.5"):
        queue.drain_to([], 2.5)
    with pytest.raises(IllegalArgumentError, match="add_listener needs at least one of item_added_func"):
        queue.add_item_listener(include_value=True)
    assert queue.size() == 0

