"""MultiMap against real members: every method, thread-owned locks, entry listeners."""
import ast
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalArgumentError, IllegalMonitorStateError
from hazelcast.proxy.map_events import EntryEventType
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.collections_support import (client, owner_member, run_example,  # noqa: F401
                                                     run_manual_sample)


@pytest.fixture
def multi_map(client):
    return client.get_multi_map("multi-map-" + uuid.uuid4().hex).blocking()


def in_other_thread(function):
    """What ``function()`` returns (or raises) when run by another thread."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except Exception as e:  # handed back to the test thread
            outcome["error"] = e

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_manual_sample_runs_as_written(client):
    printed = run_manual_sample(client, "### 7.4.2. Using MultiMap", "### 7.4.3.")
    # The manual shows "['value2', 'value1', 'value3']": a list of the three, in the member's order.
    assert sorted(ast.literal_eval(printed)) == ["value1", "value2", "value3"]
    assert sorted(client.get_multi_map("my-distributed-multimap").blocking().get("my-key")) == [
        "value1", "value3"]


def test_example_runs(client):
    lines = [line for line in run_example(client, "multi_map_example.py").splitlines()
             if not line.startswith(("added:", "removed:"))]
    assert lines == ["alice: ['admin', 'dev'] count: 2", "entries: [('alice', 'dev'), ('bob', 'dev')]"]


def test_put_get_and_counts(multi_map):
    assert multi_map.get("k") == []
    assert multi_map.put("k", 1) is True
    assert multi_map.put("k", 2) is True
    assert multi_map.put("k", 2) is False  # values of a key are a set by default
    assert multi_map.put("other", 1) is True
    assert sorted(multi_map.get("k")) == [1, 2]
    assert multi_map.value_count("k") == 2 and multi_map.value_count("none") == 0
    assert multi_map.size() == 3
    assert sorted(multi_map.key_set()) == ["k", "other"]
    assert sorted(multi_map.values()) == [1, 1, 2]
    assert sorted(multi_map.entry_set()) == [("k", 1), ("k", 2), ("other", 1)]


def test_contains_and_remove(multi_map):
    multi_map.put("k", "a")
    multi_map.put("k", "b")
    multi_map.put("j", "c")
    assert multi_map.contains_key("k") is True and multi_map.contains_key("x") is False
    assert multi_map.contains_value("c") is True and multi_map.contains_value("x") is False
    assert multi_map.contains_entry("k", "a") is True and multi_map.contains_entry("j", "a") is False
    assert multi_map.remove("k", "a") is True and multi_map.remove("k", "a") is False
    assert multi_map.get("k") == ["b"]
    assert multi_map.remove_all("k") == ["b"]
    assert multi_map.remove_all("k") == []
    assert multi_map.contains_key("k") is False
    multi_map.clear()
    assert multi_map.size() == 0 and multi_map.key_set() == []


def test_locks_belong_to_the_thread(multi_map):
    multi_map.lock("k")
    multi_map.lock("k")  # re-entrant: two unlocks release it
    assert multi_map.is_locked("k") is True
    assert in_other_thread(lambda: multi_map.try_lock("k", timeout=0)) is False
    with pytest.raises(IllegalMonitorStateError):
        in_other_thread(lambda: multi_map.unlock("k"))
    multi_map.unlock("k")
    assert multi_map.is_locked("k") is True
    multi_map.unlock("k")
    assert multi_map.is_locked("k") is False
    with pytest.raises(IllegalMonitorStateError):
        multi_map.unlock("k")

    assert in_other_thread(lambda: multi_map.try_lock("k", timeout=0)) is True
    start = time.monotonic()
    assert multi_map.try_lock("k", timeout=0.5) is False
    assert 0.45 <= time.monotonic() - start < 3
    multi_map.force_unlock("k")  # whoever holds it
    assert multi_map.is_locked("k") is False
    assert multi_map.try_lock("k") is True
    multi_map.unlock("k")


def test_try_lock_waits_by_default_as_in_3_12_3(multi_map):
    # 3.12.3's MultiMap.try_lock(key, lease_time=-1, timeout=-1): without a timeout it waits
    multi_map.lock("k", 0.5)  # lease_time, positionally
    start = time.monotonic()
    assert in_other_thread(lambda: multi_map.try_lock("k")) is True
    assert 0.3 <= time.monotonic() - start < 10
    multi_map.force_unlock("k")


def test_lock_lease_and_a_waiting_lock(multi_map):
    multi_map.lock("k", lease_time=0.5)
    start = time.monotonic()
    in_other_thread(lambda: multi_map.lock("k"))  # waits on the member until the lease ends
    assert 0.3 <= time.monotonic() - start < 10
    assert multi_map.is_locked("k") is True
    assert multi_map.try_lock("k", lease_time=1, timeout=0) is False
    multi_map.force_unlock("k")
    assert multi_map.try_lock("k", lease_time=0.3) is True
    wait_until(lambda: not multi_map.is_locked("k"), timeout=10, message="the lease to end")


def test_entry_listener_with_and_without_values(multi_map):
    with_values, without_values = [], []
    registration = multi_map.add_entry_listener(True, added_func=with_values.append,
                                                removed_func=with_values.append,
                                                clear_all_func=with_values.append)
    multi_map.add_entry_listener(added_func=without_values.append)
    multi_map.put("k", "v")
    multi_map.remove("k", "v")
    multi_map.put("k", "w")
    multi_map.put("j", "w")
    multi_map.put("j", "z")
    multi_map.clear()
    wait_until(lambda: len(with_values) == 6 and len(without_values) == 4, message="entry events")
    added, removed, added_again, _, _, cleared = with_values
    assert (added.key, added.value, added.event_type, added.name) == ("k", "v", EntryEventType.ADDED,
                                                                      multi_map.name)
    assert added.member is not None
    assert (removed.key, removed.old_value, removed.event_type) == ("k", "v", EntryEventType.REMOVED)
    assert (added_again.key, added_again.value) == ("k", "w")
    # clear() fires one event that counts the keys
    assert (cleared.event_type, cleared.number_of_affected_entries) == (EntryEventType.CLEAR_ALL, 2)
    assert [(e.key, e.value) for e in without_values] == [("k", None), ("k", None), ("j", None), ("j", None)]

    assert multi_map.remove_entry_listener(registration) is True
    assert multi_map.remove_entry_listener(registration) is False
    multi_map.put("k", "x")
    wait_until(lambda: len(without_values) == 5, message="the remaining listener's event")
    assert len(with_values) == 6


def test_remove_all_fires_one_removed_event_per_value(multi_map):
    removed = []
    multi_map.add_entry_listener(True, removed_func=removed.append)
    multi_map.put("k", 1)
    multi_map.put("k", 2)
    assert sorted(multi_map.remove_all("k")) == [1, 2]
    wait_until(lambda: len(removed) == 2, message="two REMOVED events")
    assert [(e.key, e.event_type) for e in removed] == [("k", EntryEventType.REMOVED)] * 2
    assert sorted(e.old_value for e in removed) == [1, 2]


def test_entry_listener_for_one_key(multi_map):
    events = []
    multi_map.add_entry_listener(True, key="mine", added_func=events.append)
    multi_map.put("other", 1)
    multi_map.put("mine", 2)
    wait_until(lambda: events, message="the event of the key")
    multi_map.put("mine", 3)
    wait_until(lambda: len(events) == 2, message="the second event of the key")
    assert [(e.key, e.value) for e in events] == [("mine", 2), ("mine", 3)]


def test_bad_arguments_raise_typed_errors(multi_map):
    with pytest.raises(IllegalArgumentError, match="key can't be None"):
        multi_map.put(None, 1)
    with pytest.raises(IllegalArgumentError, match="value can't be None"):
        multi_map.remove("k", None)
    with pytest.raises(IllegalArgumentError, match=r"lease_time must be a number of seconds > 0, or "
                                                   r"None/-1/float\('inf'\) to hold the lock until it is "
                                                   r"unlocked, got -2"):
        multi_map.lock("k", lease_time=-2)
    with pytest.raises(IllegalArgumentError, match="timeout must be a number of seconds"):
        multi_map.try_lock("k", timeout="1")
    assert multi_map.is_locked("k") is False
    with pytest.raises(IllegalArgumentError, match="add_entry_listener needs at least one of added_func, "
                                                   "removed_func, clear_all_func"):
        multi_map.add_entry_listener(True)
    with pytest.raises(IllegalArgumentError, match="removed_func must be a function taking an event"):
        multi_map.add_entry_listener(removed_func="print")


def test_listeners_keep_firing_after_the_owner_member_dies(cluster_factory):
    """A MultiMap entry listener and a Queue item listener, when the owner of their partition dies."""
    members = cluster_factory(3)
    client = hazelcast.HazelcastClient(client_config(members))
    try:
        name = "survivor"  # the queue's partition is its name's; the multimap key is the same
        multi_map = client.get_multi_map(name).blocking()
        queue = client.get_queue(name).blocking()
        entries, items = [], []
        multi_map.add_entry_listener(True, added_func=lambda event: entries.append(event.value))
        queue.add_item_listener(True, item_added_func=lambda event: items.append(event.item))
        multi_map.put(name, "before")
        queue.offer("before")
        wait_until(lambda: entries == items == ["before"], message="the first events")

        victim = owner_member(client, members, name)
        victim.terminate()
        members.wait_for_size(2, members=[m for m in members.members if m is not victim])
        wait_until(lambda: client.cluster.size() == 2, timeout=30, message="the client to see 2 members")

        assert multi_map.put(name, "after") is True
        assert queue.offer("after") is True
        wait_until(lambda: entries == items == ["before", "after"], timeout=15,
                   message="events from a surviving member")
        assert sorted(multi_map.get(name)) == ["after", "before"]
        assert queue.iterator() == ["before", "after"]
    finally:
        client.shutdown()

