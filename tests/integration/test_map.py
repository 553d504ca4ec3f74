"""Map against real members: every operation, TTLs, locks across threads, entry processors
(IdentifiedDataSerializable and Portable), interceptors, MapLoader operations,
aggregations/projections, bad input, and the manual's 7.4.1 and 7.6 samples."""
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.core import EntryView
from hazelcast.errors import IllegalArgumentError, IllegalMonitorStateError
from hazelcast.future import Future
from hazelcast.serialization.predicate import is_greater_than, is_less_than, paging, sql
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_map_helpers import (AppendEntryProcessor, CountAggregator, SingleAttributeProjection,
                                                UpperCaseEntryProcessor, UpperCaseInterceptor, factory_cluster,
                                                needs_members, run_example, run_sample)
from tests.support import manual


@pytest.fixture(scope="module")
def client(cluster):
    client = hazelcast.HazelcastClient(client_config(cluster))
    yield client
    client.shutdown()


@pytest.fixture(scope="module")
def factory_client(cluster):
    client = hazelcast.HazelcastClient(client_config(factory_cluster()))
    yield client
    client.shutdown()


@pytest.fixture
def m(client):
    return client.get_map("map-" + uuid.uuid4().hex).blocking()


@pytest.fixture
def fm(factory_client):
    return factory_client.get_map("map-" + uuid.uuid4().hex).blocking()


def in_thread(function, *args):
    """Run ``function`` in a new thread (its own lock owner) and return its result."""
    result = []
    thread = threading.Thread(target=lambda: result.append(function(*args)))
    thread.start()
    thread.join(30)
    assert result, "the other thread did not finish"
    return result[0]


# --- the manual -----------------------------------------------------------------------------

def test_manual_7_4_1_sample_runs_as_written(client):
    [sample] = manual.python_blocks("### 7.4.1. Using Map", "### 7.4.2.")
    client.get_map("my-distributed-map").blocking().clear()
    run_sample(sample, {"client": client}, "7.4.1")
    my_map = client.get_map("my-distributed-map").blocking()
    assert my_map.get("key") == "newvalue"
    assert my_map.get("somekey") == "somevalue"
    my_map.clear()


def test_manual_7_6_entry_processor_sample_runs_as_written(factory_client):
    blocks = manual.python_blocks("### 7.6.1. Using EntryProcessor", "## 7.7.")
    assert len(blocks) == 2, "the manual's 7.6.1 section changed shape"
    namespace = {"client": factory_client}
    run_sample(blocks[0], namespace, "7.6.1 class")
    assert run_sample(blocks[1], namespace, "7.6.1 usage") == "processed\n"
    assert namespace["distributed_map"].execute_on_key("key", namespace["IdentifiedEntryProcessor"]("again")) \
        == "again"


def test_examples_run(client, factory_client):
    printed = run_example(client, "map_example.py").splitlines()
    assert printed == [
        "old value returned by put: 3", "get_all: [('apple', 4), ('pear', 5)]", "replace_if_same: True",
        "put_if_absent on an existing key returns its value: 2", "entry view: value 1, ttl 60000 ms, version 0",
        "another thread got the lock: False", "apple: 5 size: 4", "from a future: 2"]
    factory_client.get_map("greetings").clear().result()
    assert run_example(factory_client, "map_entry_processor_example.py").splitlines() == [
        "one key: hello!", "some keys: [('de', 'hallo?'), ('fr', 'bonjour?')]",
        "matching a predicate: [('de', 'hallo?.'), ('en', 'hello!.')]", "all: ['bonjour?~', 'hallo?.~', 'hello!.~']"]


# --- single-key operations --------------------------------------------------------------------

def test_put_get_set_put_if_absent_and_old_values(m):
    assert m.put("a", 1) is None
    assert m.put("a", 2) == 1
    assert m.get("a") == 2 and m.get("missing") is None
    assert m.set("a", 3) is None and m.get("a") == 3
    assert m.put_if_absent("a", 9) == 3 and m.get("a") == 3
    assert m.put_if_absent("b", "bee") is None and m.get("b") == "bee"
    assert m.put_transient("c", [1, 2]) is None and m.get("c") == [1, 2]
    assert m.contains_key("a") is True and m.contains_key("zz") is False
    assert m.contains_value("bee") is True and m.contains_value("wasp") is False
    assert m.size() == 3 and m.is_empty() is False


def test_replace_remove_delete(m):
    assert m.replace("k", "v") is None and m.contains_key("k") is False
    m.put("k", "v")
    assert m.replace("k", "w") == "v"
    assert m.replace_if_same("k", "v", "x") is False and m.get("k") == "w"
    assert m.replace_if_same("k", "w", "x") is True and m.get("k") == "x"
    assert m.remove_if_same("k", "w") is False
    assert m.remove_if_same("k", "x") is True and m.contains_key("k") is False
    m.put("k", "v")
    assert m.remove("k") == "v" and m.remove("k") is None
    m.put("k", "v")
    assert m.delete("k") is None and m.is_empty() is True


@needs_members("3.11")
def test_ttl_max_idle_and_set_ttl_expire_entries(m):
    m.put("ttl", 1, ttl=1)
    m.set("set-ttl", 1, ttl=1)
    m.put_if_absent("pia-ttl", 1, ttl=1)
    m.put_transient("transient-ttl", 1, ttl=1)
    m.put("idle", 1, max_idle=1)
    m.put("forever", 1, ttl=0)
    m.put("shortened", 1)
    assert m.set_ttl("shortened", 1) is True
    assert m.set_ttl("absent", 1) is False
    assert m.get_entry_view("ttl").ttl == 1000
    wait_until(lambda: m.key_set() == ["forever"], timeout=15, message="entries with a 1 s ttl/max idle to expire")


def test_get_all_and_put_all_span_partitions(m):
    entries = {"key-%d" % i: i for i in range(300)}
    assert m.put_all(entries) is None
    assert m.size() == 300
    assert m.get_all(list(entries) + ["absent"]) == entries
    assert m.get_all([]) == {}
    assert sorted(m.key_set()) == sorted(entries)
    assert sorted(m.values()) == list(range(300))
    assert dict(m.entry_set()) == entries
    assert m.put_all({}) is None


def test_get_entry_view_has_deserialized_key_and_value_and_statistics(m):
    assert m.get_entry_view("absent") is None
    m.put("k", {"nested": [1, 2]})
    m.put("k", "v2")
    m.get("k")
    view = m.get_entry_view("k")
    assert isinstance(view, EntryView)
    assert (view.key, view.value) == ("k", "v2")
    assert view.version == 1 and view.hits >= 1
    assert view.creation_time > 0 and view.last_update_time >= view.creation_time


def test_evict_evict_all_clear_flush(m):
    m.put_all({"a": 1, "b": 2, "c": 3})
    assert m.evict("a") is True and m.evict("a") is False
    assert m.get("a") is None and m.size() == 2
    assert m.flush() is None  # no MapStore: nothing to write, but allowed
    m.evict_all()
    assert m.size() == 0
    m.put_all({"a": 1, "b": 2})
    m.clear()
    assert m.is_empty() is True


@needs_members("3.8")
def test_remove_all_with_predicate(m):
    m.put_all({i: i for i in range(10)})
    m.remove_all(is_less_than("this", 5))
    assert sorted(m.values()) == [5, 6, 7, 8, 9]


def test_futures_of_the_non_blocking_proxy(client):
    future_map = client.get_map("map-" + uuid.uuid4().hex)
    put = future_map.put("k", "v")
    assert isinstance(put, Future)
    assert put.result() is None
    assert future_map.get("k").result() == "v"
    assert future_map.entry_set().result() == [("k", "v")]


# --- locks ------------------------------------------------------------------------------------

def test_lock_is_owned_by_the_calling_thread(m):
    m.put("k", "v")
    m.lock("k")
    assert m.is_locked("k") is True
    assert in_thread(m.try_lock, "k") is False
    assert in_thread(m.try_lock, "k", None, 0.3) is False  # waited on the member, then gave up
    assert in_thread(m.try_put, "k", "other", 0.2) is False
    assert in_thread(m.try_remove, "k", 0.2) is False
    assert in_thread(m.get, "k") == "v"  # reads are not blocked
    assert isinstance(in_thread(_raises, m.unlock, "k"), IllegalMonitorStateError)
    assert m.try_lock("k") is True  # re-entrant
    assert m.try_put("k", "mine") is True  # the owner may write
    m.unlock("k")
    m.unlock("k")
    assert m.is_locked("k") is False
    assert in_thread(m.try_put, "k", "other", 0.2) is True and m.get("k") == "other"
    assert in_thread(m.try_remove, "k") is True and m.contains_key("k") is False


def _raises(function, *args):
    try:
        function(*args)
    except Exception as e:  # handed back to the test's thread
        return e
    return None


def test_blocking_lock_waits_on_the_member_until_unlocked(m):
    m.lock("k")
    acquired = threading.Event()

    def other():
        m.lock("k")  # waits
        acquired.set()
        m.unlock("k")

    thread = threading.Thread(target=other)
    thread.start()
    assert not acquired.wait(0.5)
    m.unlock("k")
    assert acquired.wait(10)
    thread.join(10)
    assert m.is_locked("k") is False


def test_try_lock_with_timeout_gets_the_lock_when_released_in_time(m):
    m.lock("k")
    threading.Timer(0.3, m.force_unlock, ["k"]).start()
    start = time.monotonic()
    assert in_thread(m.try_lock, "k", None, 10) is True
    assert time.monotonic() - start < 8


def test_force_unlock_releases_another_threads_lock(m):
    in_thread(m.lock, "k")
    assert m.is_locked("k") is True
    m.force_unlock("k")
    assert m.is_locked("k") is False
    assert m.try_lock("k") is True
    m.unlock("k")


def test_lock_lease_expires(m):
    m.lock("lease", ttl=0.5)  # 3.12.3's keyword for the lease
    assert m.is_locked("lease") is True
    wait_until(lambda: not m.is_locked("lease"), timeout=10, message="the 0.5 s lease to expire")
    assert in_thread(m.try_lock, "k", 1) is True  # lease_time 1 s for the other thread
    wait_until(lambda: not m.is_locked("k"), timeout=10, message="the other thread's lease to expire")


# --- entry processors, interceptors, MapLoader, aggregations -------------------------------------

def test_entry_processors_identified_and_portable(fm):
    fm.put_all({"a": "x", "b": "y", "c": "z"})
    assert fm.execute_on_key("a", AppendEntryProcessor("1")) == "x1" and fm.get("a") == "x1"
    assert fm.execute_on_key("absent", AppendEntryProcessor("1")) is None
    assert fm.contains_key("absent") is False
    assert fm.submit_to_key("a", AppendEntryProcessor("2")) == "x12"
    # lists of (key, result) pairs, as 3.12.3 gives them
    assert sorted(fm.execute_on_keys(["b", "c"], AppendEntryProcessor("!"))) == [("b", "y!"), ("c", "z!")]
    assert fm.execute_on_keys([], AppendEntryProcessor("!")) == []
    assert sorted(fm.execute_on_entries(AppendEntryProcessor("?"))) == [
        ("a", "x12?"), ("b", "y!?"), ("c", "z!?")]
    assert fm.execute_on_entries(AppendEntryProcessor("#"), sql("__key = 'b'")) == [("b", "y!?#")]
    assert fm.execute_on_key("c", UpperCaseEntryProcessor("-up")) == "z!?"
    assert fm.get("c") == "Z!?-up"
    assert sorted(fm.execute_on_entries(UpperCaseEntryProcessor(), sql("__key IN ('a', 'b')"))) == [
        ("a", "x12?"), ("b", "y!?#")]
    assert fm.get_all(["a", "b"]) == {"a": "X12?", "b": "Y!?#"}


def test_interceptor_changes_reads_until_removed(fm):
    fm.put("k", "quiet")
    registration = fm.add_interceptor(UpperCaseInterceptor())
    assert isinstance(registration, str)
    assert fm.get("k") == "QUIET"
    assert fm.remove_interceptor(registration) is True
    assert fm.get("k") == "quiet"


def test_map_loader_load_all_and_given_keys(factory_client):
    loaded = factory_client.get_map("loaded-" + uuid.uuid4().hex).blocking()
    assert sorted(loaded.key_set()) == ["a", "b", "c"]  # initial load of loadAllKeys()
    assert loaded.get("x") == "hello-x"  # read through
    assert loaded.get("missing-1") is None
    loaded.put("a", "changed")
    loaded.evict_all()
    assert loaded.size() == 0
    loaded.load_all(["a", "q"])
    assert loaded.get_all(["a", "q"]) == {"a": "hello-a", "q": "hello-q"}
    loaded.put("b", "changed")
    loaded.load_all(replace_existing_values=False)
    assert loaded.get("b") == "changed" and loaded.size() == 4
    loaded.load_all()
    assert loaded.get("b") == "hello-b"
    assert loaded.load_all([]) is None
    loaded.put_transient("t", "transient")
    assert loaded.get("t") == "transient"
    loaded.flush()


@needs_members("3.8")
def test_aggregate_and_project_with_and_without_predicate(m):
    m.put_all({i: i for i in range(10)})
    assert m.aggregate(CountAggregator()) == 10
    assert m.aggregate(CountAggregator(), is_greater_than("this", 6)) == 3
    assert sorted(m.project(SingleAttributeProjection("this"))) == list(range(10))
    assert sorted(m.project(SingleAttributeProjection("__key"), is_less_than("this", 2))) == [0, 1]


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda m: m.put(None, 1), "key can't be None"),
    (lambda m: m.put("k", None), "value can't be None"),
    (lambda m: m.put("k", 1, ttl="1"), "ttl must be a number of seconds"),
    (lambda m: m.put("k", 1, max_idle=[]), "max_idle must be a number of seconds"),
    (lambda m: m.try_lock("k", timeout="soon"), "timeout must be a number of seconds"),
    (lambda m: m.replace_if_same("k", None, 1), "old_value can't be None"),
    (lambda m: m.get_all("abc"), "keys must be a collection of keys"),
    (lambda m: m.get_all([1, None]), "key can't be None"),
    (lambda m: m.put_all([("k", 1)]), "put_all takes a dict"),
    (lambda m: m.execute_on_key("k", "upper"), "entry_processor must be an IdentifiedDataSerializable or Portable"),
    (lambda m: m.execute_on_entries(lambda e: e), "entry_processor must be an IdentifiedDataSerializable"),
    (lambda m: m.values("age < 30"), "predicate must be a Predicate from hazelcast.serialization.predicate"),
    (lambda m: m.remove_all(paging(None, 2)), "PagingPredicate can only be used with key_set"),
    (lambda m: m.add_index("", True), "attribute must be a non-empty attribute name"),
    (lambda m: m.add_interceptor(None), "interceptor can't be None"),
    (lambda m: m.add_entry_listener(include_value=True), "needs at least one of added_func"),
    (lambda m: m.add_entry_listener(added_func="print"), "added_func must be a function"),
    (lambda m: m.remove_entry_listener(None), "registration_id must be the str"),
    (lambda m: m.key_set(paging(None, 2, comparator=UpperCaseInterceptor())), "needs a compare(entry1, entry2)"),
])
def test_bad_input_raises_a_typed_error_saying_what_is_accepted(m, call, message):
    with pytest.raises(IllegalArgumentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(m)


def test_add_index_and_destroy(client):
    indexed = client.get_map("map-" + uuid.uuid4().hex).blocking()
    indexed.add_index("this", ordered=True)
    indexed.put_all({i: i for i in range(20)})
    assert sorted(indexed.values(is_greater_than("this", 16))) == [17, 18, 19]
    assert indexed.destroy() is True
    assert client.get_map(indexed.name).blocking().size() == 0
