"""ReplicatedMap against real members: every method, ttl, entry listeners with key/predicate filters."""
import uuid

import pytest

from hazelcast.errors import IllegalArgumentError
from hazelcast.proxy.map_events import EntryEventType
from hazelcast.serialization.predicate import is_greater_than, sql
from tests.integration.client_helpers import wait_until
from tests.integration.collections_support import client, run_example, run_manual_sample  # noqa: F401


@pytest.fixture
def replicated_map(client):
    return client.get_replicated_map("replicated-" + uuid.uuid4().hex).blocking()


def test_manual_sample_runs_as_written(client):
    printed = run_manual_sample(client, "### 7.4.3. Using Replicated Map", "### 7.4.4.")
    assert printed == "replaced value = None\nvalue for key = value\n"


def test_example_runs(client):
    lines = run_example(client, "replicated_map_example.py").splitlines()
    assert "tea costs 4 - entries: 3" in lines


def test_put_get_remove(replicated_map):
    assert replicated_map.get("k") is None
    assert replicated_map.put("k", 1) is None
    assert replicated_map.put("k", 2) == 1
    assert replicated_map.get("k") == 2
    assert replicated_map.contains_key("k") is True and replicated_map.contains_key("x") is False
    assert replicated_map.contains_value(2) is True and replicated_map.contains_value(1) is False
    assert replicated_map.remove("k") == 2
    assert replicated_map.remove("k") is None
    assert replicated_map.is_empty() is True


def test_whole_map_methods(replicated_map):
    assert replicated_map.put_all({"a": 1, "b": 2, "c": 3}) is None
    assert replicated_map.size() == 3 and replicated_map.is_empty() is False
    assert sorted(replicated_map.key_set()) == ["a", "b", "c"]
    assert sorted(replicated_map.values()) == [1, 2, 3]
    assert sorted(replicated_map.entry_set()) == [("a", 1), ("b", 2), ("c", 3)]
    replicated_map.clear()
    assert replicated_map.size() == 0 and replicated_map.entry_set() == []


def test_ttl_ends_an_entry_with_an_evicted_event(replicated_map):
    evicted = []
    replicated_map.add_entry_listener(evicted_func=evicted.append)
    replicated_map.put("short", "lived", ttl=0.5)
    replicated_map.put("long", "lived")
    assert replicated_map.get("short") == "lived"
    wait_until(lambda: replicated_map.get("short") is None, timeout=10, message="the ttl to end")
    wait_until(lambda: evicted, message="the EVICTED event")
    assert (evicted[0].key, evicted[0].old_value, evicted[0].event_type) == ("short", "lived",
                                                                             EntryEventType.EVICTED)
    assert replicated_map.get("long") == "lived"


def test_entry_listener_sees_every_kind_of_event(replicated_map):
    events = []
    registration = replicated_map.add_entry_listener(
        added_func=events.append, removed_func=events.append, updated_func=events.append,
        clear_all_func=events.append)
    replicated_map.put("k", 1)
    replicated_map.put("k", 2)
    replicated_map.remove("k")
    replicated_map.put("j", 3)
    replicated_map.clear()
    wait_until(lambda: len(events) == 5, message="five events")
    # the events of one key arrive in order; other keys' (other partitions') run on other
    # event threads (hazelcast.client.event.thread.count), so they may come in between
    assert [(e.event_type, e.value, e.old_value) for e in events if e.key == "k"] == [
        (EntryEventType.ADDED, 1, None),
        (EntryEventType.UPDATED, 2, 1),
        (EntryEventType.REMOVED, None, 2)]
    assert [(e.event_type, e.value, e.old_value) for e in events if e.key == "j"] == [
        (EntryEventType.ADDED, 3, None)]
    [clear_all] = [e for e in events if e.event_type == EntryEventType.CLEAR_ALL]
    assert clear_all.number_of_affected_entries == 1
    assert events[0].name == replicated_map.name and events[0].member is not None

    assert replicated_map.remove_entry_listener(registration) is True
    assert replicated_map.remove_entry_listener(registration) is False
    still_listening = []
    replicated_map.add_entry_listener(added_func=still_listening.append)
    replicated_map.put("after", 1)
    wait_until(lambda: still_listening, message="the other listener's event")
    assert len(events) == 5


def test_entry_listener_filters_by_key_predicate_or_both(replicated_map):
    by_key, by_predicate, by_both = [], [], []
    replicated_map.add_entry_listener(key="a", added_func=by_key.append)
    replicated_map.add_entry_listener(predicate=sql("this > 5"), added_func=by_predicate.append)
    replicated_map.add_entry_listener(key="b", predicate=is_greater_than("this", 5),
                                      added_func=by_both.append)
    replicated_map.put_all({"a": 1, "b": 2})
    replicated_map.put_all({"c": 10, "d": 20})
    replicated_map.put("b", 30)  # an update: only added_func was given
    replicated_map.remove("b")
    replicated_map.put("b", 40)
    wait_until(lambda: by_key and len(by_predicate) == 3 and by_both, message="filtered events")
    assert [(e.key, e.value) for e in by_key] == [("a", 1)]
    assert sorted((e.key, e.value) for e in by_predicate) == [("b", 40), ("c", 10), ("d", 20)]
    assert [(e.key, e.value) for e in by_both] == [("b", 40)]


def test_bad_arguments_raise_typed_errors(replicated_map):
    with pytest.raises(IllegalArgumentError, match="key can't be None"):
        replicated_map.get(None)
    with pytest.raises(IllegalArgumentError, match="value can't be None"):
        replicated_map.put("k", None)
    with pytest.raises(IllegalArgumentError, match=r"ttl must be a number of seconds >= 0, got -1"):
        replicated_map.put("k", "v", ttl=-1)
    with pytest.raises(IllegalArgumentError, match="map must be a dict"):
        replicated_map.put_all([("k", "v")])
    with pytest.raises(IllegalArgumentError, match=r"predicate must be a Predicate .*sql\('this > 5'\)"):
        replicated_map.add_entry_listener(predicate="this > 5")
    assert replicated_map.size() == 0
