"""Map entry listeners against real members (manual 7.5.2.1): every event type with its key,
value and old value in each filter mode (none, key, predicate, key and predicate), without
values, removal, LOADED from a MapLoader, EXPIRED, and events after a member is lost."""
import contextlib
import io
import textwrap
import threading
import uuid

import pytest

import hazelcast
from hazelcast.errors import HazelcastError
from hazelcast.proxy.map_events import EntryEvent, EntryEventType
from hazelcast.serialization.predicate import is_greater_than
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_map_helpers import factory_cluster, needs_members, run_example
from tests.support import manual

ALL_FUNCTIONS = ("added_func", "removed_func", "updated_func", "evicted_func", "evict_all_func",
                 "clear_all_func", "merged_func", "expired_func", "loaded_func")


@pytest.fixture(scope="module")
def client(cluster):
    client = hazelcast.HazelcastClient(client_config(cluster))
    yield client
    client.shutdown()


@pytest.fixture
def m(client):
    return client.get_map("listened-" + uuid.uuid4().hex).blocking()


class Recorder:
    """Collects events as ``(type name, key, value, old value, affected entries)`` tuples."""

    def __init__(self):
        self.events = []
        self.raw = []
        self._lock = threading.Lock()

    def __call__(self, event):
        with self._lock:
            self.raw.append(event)
            self.events.append((EntryEventType.name_of(event.event_type), event.key, event.value,
                                event.old_value, event.number_of_affected_entries))

    def functions(self):
        return {name: self for name in ALL_FUNCTIONS}

    def wait_for(self, count, timeout=10):
        wait_until(lambda: len(self.events) >= count, timeout=timeout,
                   message="%d events (have %r)" % (count, self.events))
        return list(self.events)


def test_manual_7_5_2_1_samples_run_as_written(client):
    added_sample, cleared_sample = manual.python_blocks("#### 7.5.2.1.", "## 7.6.")
    customer_map = client.get_map("customers-" + uuid.uuid4().hex)
    customer_map.put_all({"1": "John Stiles", "2": "Richard Miles", "3": "Judy Doe"}).result()
    namespace = {"customer_map": customer_map}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(textwrap.dedent(added_sample), "<manual 7.5.2.1>", "exec"), namespace)
        wait_until(lambda: "Entry Added: 4-Jane Doe\n" in out.getvalue(), message="the added event's print")
        exec(compile(textwrap.dedent(cleared_sample), "<manual 7.5.2.1>", "exec"), namespace)
        wait_until(lambda: "Map Cleared: 4\n" in out.getvalue(), message="the clear event's print")
    assert out.getvalue() == "Entry Added: 4-Jane Doe\nMap Cleared: 4\n"


def test_example_runs(client):
    printed = run_example(client, "map_listener_example.py").splitlines()
    assert sorted(printed[:7]) == ["big stock added: screws", "bolts changed to 30", "bolts: 20 -> 30",
                                   "bolts: None -> 20", "nuts: 10 -> None", "nuts: None -> 10",
                                   "screws: None -> 500"]
    assert printed[7:] == ["cleared 2 entries"]


# operations, then the events each filter mode must see for them ("k" is the watched key,
# the predicate is "this > 10": the update to 5 doesn't match it)
def _operate(m):
    m.put("k", 11)
    m.put("other", 1)
    m.put("k", 12)
    m.put("k", 5)
    m.put("k", 13)
    m.remove("k")
    m.put("k", 14)
    m.evict("k")
    m.evict_all()
    m.put("k", 15)
    m.clear()


_K_EVENTS = [("ADDED", "k", 11, None, 1), ("UPDATED", "k", 12, 11, 1), ("UPDATED", "k", 5, 12, 1),
             ("UPDATED", "k", 13, 5, 1), ("REMOVED", "k", None, 13, 1), ("ADDED", "k", 14, None, 1),
             ("EVICTED", "k", None, 14, 1), ("EVICT_ALL", None, None, None, 1), ("ADDED", "k", 15, None, 1),
             ("CLEAR_ALL", None, None, None, 1)]
_PREDICATE_EVENTS = [e for e in _K_EVENTS if e[2] != 5]


@pytest.mark.parametrize("mode, expected", [
    ("all", [("ADDED", "other", 1, None, 1)] + _K_EVENTS),
    ("key", _K_EVENTS),
    ("predicate", _PREDICATE_EVENTS),
    ("key and predicate", _PREDICATE_EVENTS),
])
def test_each_event_type_in_each_filter_mode(m, mode, expected):
    recorder = Recorder()
    filters = {}
    if "key" in mode:
        filters["key"] = "k"
    if "predicate" in mode:
        filters["predicate"] = is_greater_than("this", 10)
    registration = m.add_entry_listener(include_value=True, **filters, **recorder.functions())
    assert isinstance(registration, str)
    _operate(m)
    events = recorder.wait_for(len(expected))
    # Members keep the order of one key's events (one partition); events of another key
    # and the map-wide EVICT_ALL / CLEAR_ALL (key None) may interleave with them.
    for key in ("k", "other", None):
        assert [e for e in events if e[1] == key] == [e for e in expected if e[1] == key], key
    assert sorted(events, key=repr) == sorted(expected, key=repr)
    event = recorder.raw[0]
    assert isinstance(event, EntryEvent) and event.name == m.name
    assert event.member is not None and event.member.uuid == event.uuid
    assert "ADDED" in repr(event)


def test_without_include_value_events_carry_keys_only(m):
    recorder = Recorder()
    m.add_entry_listener(added_func=recorder, updated_func=recorder, removed_func=recorder)
    m.put("k", 1)
    m.put("k", 2)
    m.remove("k")
    assert recorder.wait_for(3) == [("ADDED", "k", None, None, 1), ("UPDATED", "k", None, None, 1),
                                    ("REMOVED", "k", None, None, 1)]


def test_only_the_functions_given_are_called_and_removal_stops_events(m):
    added, removed = Recorder(), Recorder()
    registration = m.add_entry_listener(include_value=True, added_func=added)
    other_registration = m.add_entry_listener(include_value=True, removed_func=removed)
    m.put("k", 1)
    m.put("k", 2)
    m.remove("k")
    assert added.wait_for(1) == [("ADDED", "k", 1, None, 1)]
    assert removed.wait_for(1) == [("REMOVED", "k", None, 2, 1)]
    assert m.remove_entry_listener(registration) is True
    assert m.remove_entry_listener(registration) is False
    m.put("k", 3)
    m.remove("k")
    assert removed.wait_for(2)[1] == ("REMOVED", "k", None, 3, 1)
    assert added.events == [("ADDED", "k", 1, None, 1)]
    assert m.remove_entry_listener(other_registration) is True


@needs_members("3.11")
def test_expired_event_after_ttl(m):
    expired, evicted = Recorder(), Recorder()
    m.add_entry_listener(include_value=True, key="t", expired_func=expired, evicted_func=evicted)
    m.put("t", "short-lived", ttl=0.5)
    wait_until(lambda: m.get("t") is None, timeout=10, message="the entry to expire")
    assert expired.wait_for(1) == [("EXPIRED", "t", None, "short-lived", 1)]
    # 3.12 members also fire EVICTED for an expiry (what older clients listened to)
    assert evicted.wait_for(1) == [("EVICTED", "t", None, "short-lived", 1)]


@needs_members("3.11")
def test_loaded_event_from_a_map_loader(cluster):
    loader_client = hazelcast.HazelcastClient(client_config(factory_cluster()))
    try:
        loaded_map = loader_client.get_map("loaded-" + uuid.uuid4().hex).blocking()
        loaded_map.size()  # the initial load of a, b, c happens before the listener exists
        recorder = Recorder()
        loaded_map.add_entry_listener(include_value=True, loaded_func=recorder, added_func=recorder)
        assert loaded_map.get("x") == "hello-x"
        assert recorder.wait_for(1) == [("LOADED", "x", "hello-x", None, 1)]
        loaded_map.put("missing-y", "put")  # the loader has no value for it: added, not loaded
        assert recorder.wait_for(2)[1] == ("ADDED", "missing-y", "put", None, 1)
    finally:
        loader_client.shutdown()


def test_listeners_keep_delivering_after_a_member_is_lost(cluster_factory):
    three = cluster_factory(3)
    member_client = hazelcast.HazelcastClient(client_config(three))
    try:
        survivor_map = member_client.get_map("lossy").blocking()
        everything, watched = Recorder(), Recorder()
        survivor_map.add_entry_listener(include_value=True, added_func=everything)
        survivor_map.add_entry_listener(key="key-7", predicate=is_greater_than("this", 0), updated_func=watched)
        survivor_map.put_all({"key-%d" % i: i for i in range(30)})
        everything.wait_for(30)
        three.members[1].terminate()
        three.wait_for_size(2)
        for i in range(30, 60):
            survivor_map.put("key-%d" % i, i)
        survivor_map.put("key-7", 70)
        events = everything.wait_for(60, timeout=30)
        assert sorted(e[1] for e in events) == sorted("key-%d" % i for i in range(60))
        assert watched.wait_for(1, timeout=30) == [("UPDATED", "key-7", None, None, 1)]
    finally:
        member_client.shutdown()


def test_listener_is_registered_again_when_the_client_reconnects(cluster_factory):
    single = cluster_factory(1)
    reconnecting_client = hazelcast.HazelcastClient(client_config(single))
    try:
        restarted_map = reconnecting_client.get_map("restarted").blocking()
        recorder = Recorder()
        restarted_map.add_entry_listener(include_value=True, added_func=recorder)
        restarted_map.put("before", 1)
        recorder.wait_for(1)
        single.members[0].restart()  # a new member on the same address: no data, no listeners
        # the client reconnects and registers the listener on the new connection; a put may
        # run before that registration lands, so keep adding keys until events come again
        attempt = iter(range(10 ** 6))
        wait_until(lambda: _put_and_count(restarted_map, recorder, next(attempt)) > 1, timeout=60,
                   interval=0.3, message="events after the member restarted")
        assert recorder.events[-1][0] == "ADDED" and recorder.events[-1][1].startswith("after-")
    finally:
        reconnecting_client.shutdown()


def _put_and_count(target_map, recorder, attempt):
    # While the client is still reconnecting a put may fail (no connection yet, or its
    # invocation timeout passes on a loaded machine): that attempt simply does not count,
    # and the wait goes on until events come again or its own 60 s bound passes.
    try:
        target_map.put("after-%d" % attempt, attempt)
    except HazelcastError:
        pass
    return len(recorder.events)
