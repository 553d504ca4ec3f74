"""Near Cache (manual 7.8.1) against real members: reads served locally, invalidation by
other clients (single and batched events), local mutations, in-memory formats, expiry,
eviction policies, statistics, repair of lost invalidations by reconciliation and after a
member restart, and the manual's samples."""
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.config import EVICTION_POLICY, IN_MEMORY_FORMAT, NearCacheConfig
from hazelcast.errors import ConfigurationError
from hazelcast.lifecycle import LifecycleState
from hazelcast.proxy.near_cached_map import NearCachedMap
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_map_helpers import run_sample
from tests.support import manual
from tests.support.cluster import Cluster, hz_version


@pytest.fixture(scope="module")
def single_events(cluster):
    """Two members that send every invalidation at once (no batching)."""
    members = Cluster(size=2, name="nc-single", properties={"hazelcast.map.invalidation.batch.enabled": "false"})
    yield members
    members.shutdown()


@pytest.fixture
def clients():
    """``clients(cluster, *near_cache_configs, **properties)`` -> a client, shut down after the test."""
    made = []

    def make(members, *near_cache_configs, smart_routing=True, **properties):
        config = client_config(members, smart_routing=smart_routing)
        for near_cache_config in near_cache_configs:
            config.add_near_cache_config(near_cache_config)
        for name, value in properties.items():
            config.set_property(name.replace("_", "."), value)
        config.network_config.connection_attempt_limit = 40
        config.network_config.connection_attempt_period = 0.5
        client = hazelcast.HazelcastClient(config)
        made.append(client)
        return client

    yield make
    for client in made:
        client.shutdown()


def near_cache(name, **settings):
    config = NearCacheConfig(name)
    for setting, value in settings.items():
        setattr(config, setting, value)
    return config


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def cached_keys(near_cached):
    return set(near_cached.near_cache.keys())


# --- the manual ---------------------------------------------------------------------------------

def test_manual_samples_run_as_written(single_events, clients):
    configuring, example = manual.python_blocks("#### 7.8.1.1. Configuring Near Cache", "#### 7.8.1.3.")
    namespace = {"config": client_config(single_events)}
    run_sample(configuring, namespace, "7.8.1.1")
    written = namespace["config"].near_cache_configs["mostly-read-map"]
    assert (written.invalidate_on_change, written.time_to_live_seconds, written.max_idle_seconds,
            written.in_memory_format, written.eviction_policy, written.eviction_max_size,
            written.eviction_sampling_count, written.eviction_sampling_pool_size) == (
        False, 600, 5, IN_MEMORY_FORMAT.OBJECT, EVICTION_POLICY.LRU, 100, 8, 16)
    # invalidate_on_change = False: another client's change is not seen until the entry
    # expires (here: 5 s unread), this client's own change at once
    name = "mostly-read-map-" + uuid.uuid4().hex[:8]
    written.name = name
    other = clients(single_events).get_map(name).blocking()
    other.put("key", "first")
    uninformed = clients(single_events, written).get_map(name).blocking()
    assert uninformed.get("key") == "first"
    other.put("key", "second")
    time.sleep(0.3)
    assert uninformed.get("key") == "first"
    uninformed.put("key", "own")
    assert uninformed.get("key") == "own"

    config = namespace["config"] = client_config(single_events)
    run_sample(example, namespace, "7.8.1.2")
    writer = hazelcast.HazelcastClient(client_config(single_events))
    writer.get_map("mostly-read-map").blocking().put("key", {"v": 1})
    client = hazelcast.HazelcastClient(config)
    try:
        mostly_read = client.get_map("mostly-read-map")
        assert isinstance(mostly_read, NearCachedMap)
        reader = mostly_read.blocking()
        assert reader.get("key") == {"v": 1}
        assert reader.get("key") is reader.get("key")  # OBJECT: the one cached object
        stats = reader.get_near_cache_stats()
        assert stats.hits == 2 and stats.misses == 1 and stats.owned_entry_count == 1
        writer.get_map("mostly-read-map").blocking().put("key", {"v": 2})
        # "eventually evicted on the client side" (at once: these members do not batch)
        wait_until(lambda: reader.get("key") == {"v": 2}, timeout=5, message="the update to reach the reader")
    finally:
        writer.shutdown()
        client.shutdown()


# --- invalidation by other clients --------------------------------------------------------------

def test_another_clients_update_invalidates_the_cached_entry_within_a_second(single_events, clients):
    name = unique("nc")
    writer = clients(single_events).get_map(name).blocking()
    writer.put_all({"k": "v1", "gone": "x"})  # before the reader listens: no events for it
    reader = clients(single_events, near_cache(name)).get_map(name).blocking()
    assert reader.get("k") == "v1" and reader.get("gone") == "x"
    assert reader.get("k") == "v1"
    assert reader.get_near_cache_stats().hits == 1

    writer.put("k", "v2")
    wait_until(lambda: reader.get("k") == "v2", timeout=1.0, message="the update to invalidate the reader")
    writer.remove("gone")
    wait_until(lambda: reader.get("gone") is None, timeout=1.0, message="the removal to invalidate the reader")
    reader.get("k")
    writer.clear()
    wait_until(lambda: reader.get("k") is None, timeout=1.0, message="clear() to invalidate the reader")
    assert reader.get_near_cache_stats().invalidations >= 3


def test_batched_invalidations_reach_the_cache(cluster, clients):
    # The shared member batches invalidations (100 a batch, or every 10 s): 200 updates
    # make two full batches, sent at once.
    name = unique("nc-batch")
    writer = clients(cluster).get_map(name).blocking()
    writer.put_all({i: "old" for i in range(200)})
    reader = clients(cluster, near_cache(name)).get_map(name).blocking()
    assert set(reader.get_all(range(200)).values()) == {"old"}
    assert len(reader.near_cache) == 200
    writer.put_all({i: "new" for i in range(200)})
    # Usually both batches come at once; two partition threads filling the member's batch
    # queue can leave a remainder for its 10 s timer, so allow for that.
    wait_until(lambda: len(reader.near_cache) == 0, timeout=13, message="both batches to arrive")
    assert set(reader.get_all(range(200)).values()) == {"new"}


def test_smart_and_unisocket_readers_hear_from_both_members(single_events, clients):
    name = unique("nc-two")
    writer = clients(single_events).get_map(name).blocking()
    writer.put_all({i: "old" for i in range(40)})
    smart = clients(single_events, near_cache(name)).get_map(name).blocking()
    unisocket = clients(single_events, near_cache(name), smart_routing=False).get_map(name).blocking()
    for reader in (smart, unisocket):
        assert set(reader.get_all(range(40)).values()) == {"old"}
        assert len(reader.near_cache) == 40
    writer.put_all({i: "new" for i in range(40)})  # keys owned by both members change
    for reader in (smart, unisocket):
        wait_until(lambda reader=reader: len(reader.near_cache) == 0, timeout=5, message="events from both members")
        assert set(reader.get_all(range(40)).values()) == {"new"}


def test_reads_racing_with_updates_end_with_the_last_value(single_events, clients):
    name = unique("nc-race")
    writer = clients(single_events).get_map(name).blocking()
    reader = clients(single_events, near_cache(name)).get_map(name).blocking()
    keys = list(range(20))
    stop = threading.Event()
    errors = []

    def read():
        try:
            while not stop.is_set():
                reader.get_all(keys)
                for key in keys:
                    reader.get(key)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    try:
        for round_number in range(15):
            writer.put_all({key: round_number for key in keys})
    finally:
        stop.set()
        for thread in readers:
            thread.join(10)
    assert not errors
    # No value read while it was being replaced stays cached (an end-to-end check: the
    # reservation logic that ensures it is tested deterministically in the unit tests).
    wait_until(lambda: all(reader.get(key) == 14 for key in keys), timeout=5, message="the last values")


# --- reads and local mutations -------------------------------------------------------------------

def test_reads_are_counted_and_this_proxys_mutations_drop_the_entry(single_events, clients):
    name = unique("nc-local")
    clients(single_events).get_map(name).blocking().put_all({"a": 1, "b": 2, "c": 3})
    near_cached = clients(single_events, near_cache(name)).get_map(name)
    m = near_cached.blocking()
    assert m.get("a") == 1 and m.get("a") == 1
    assert m.get_all(["a", "b", "missing"]) == {"a": 1, "b": 2}  # a from the cache, b fetched
    assert m.get_all(["a", "b"]) == {"a": 1, "b": 2}  # both cached now
    assert m.contains_key("b") and not m.contains_key("missing")
    stats = m.get_near_cache_stats()
    assert (stats.hits, stats.owned_entry_count) == (4, 2)
    assert stats.misses == 3  # a, b and missing (contains_key only looks)

    # each mutation through this proxy is visible to the next read of this proxy
    m.put("a", 10)
    assert m.get("a") == 10
    m.set("a", 11)
    assert m.get("a") == 11
    assert near_cached.replace("a", 12).result() == 11
    assert m.get("a") == 12
    m.delete("a")
    assert m.get("a") is None
    m.get("b")
    m.evict_all()  # no MapStore: the entries are gone from the member too
    assert len(m.near_cache) == 0 and m.get("b") is None


def test_this_clients_transaction_invalidates_its_near_cache(single_events, clients):
    name = unique("nc-txn")
    clients(single_events).get_map(name).blocking().put("k", "before")
    client = clients(single_events, near_cache(name))
    m = client.get_map(name).blocking()
    assert m.get("k") == "before" and "k" in m.near_cache
    with client.new_transaction() as transaction:  # not through the near-cached proxy
        transaction.get_map(name).put("k", "in a transaction")
    wait_until(lambda: m.get("k") == "in a transaction", timeout=5, message="the event of the transaction")


def test_binary_format_hands_out_copies_and_object_format_one_shared_object(single_events, clients):
    binary, objects = unique("nc-binary"), unique("nc-object")
    writer = clients(single_events)
    for name in (binary, objects):
        writer.get_map(name).blocking().put("k", {"list": [1, 2]})
    client = clients(single_events, near_cache(binary, in_memory_format=IN_MEMORY_FORMAT.BINARY),
                     near_cache(objects, in_memory_format=IN_MEMORY_FORMAT.OBJECT))
    b, o = client.get_map(binary).blocking(), client.get_map(objects).blocking()
    first = b.get("k")
    first["list"].append(3)  # changing a copy does not change the cache
    assert b.get("k") == {"list": [1, 2]} and b.get("k") is not b.get("k")
    assert o.get("k") is o.get("k") == {"list": [1, 2]}


def test_non_string_keys_are_cached_and_invalidated(single_events, clients):
    name = unique("nc-keys")
    writer = clients(single_events).get_map(name).blocking()
    keys = [7, -3, 1.5, True, "7", (1, "tuple")]
    for key in keys:
        writer.put(key, "v1-%r" % (key,))
    reader = clients(single_events, near_cache(name)).get_map(name).blocking()
    assert [reader.get(key) for key in keys] == ["v1-%r" % (key,) for key in keys]
    assert [reader.get(key) for key in keys] == ["v1-%r" % (key,) for key in keys]
    assert reader.get_near_cache_stats().hits == len(keys)
    for key in keys:
        writer.put(key, "v2-%r" % (key,))
    wait_until(lambda: [reader.get(key) for key in keys] == ["v2-%r" % (key,) for key in keys], timeout=5,
               message="every key's update to reach the reader")


# --- expiry and eviction -------------------------------------------------------------------------

def test_time_to_live_and_max_idle(single_events, clients):
    ttl, idle = unique("nc-ttl"), unique("nc-idle")
    writer = clients(single_events)
    for name in (ttl, idle):
        writer.get_map(name).blocking().put("k", "v")
    client = clients(single_events, near_cache(ttl, time_to_live_seconds=1), near_cache(idle, max_idle_seconds=1))
    t, i = client.get_map(ttl).blocking(), client.get_map(idle).blocking()
    for m in (t, i):
        m.get("k")
    time.sleep(0.6)
    assert "k" in t.near_cache and "k" in i.near_cache
    assert t.get("k") == i.get("k") == "v"  # both hits; the idle clock restarts
    time.sleep(0.6)
    assert "k" not in t.near_cache  # lived 1.2 s
    assert "k" in i.near_cache  # idle 0.6 s
    assert t.get("k") == "v" and t.get_near_cache_stats().expirations == 1
    time.sleep(1.2)
    assert i.get("k") == "v"
    stats = i.get_near_cache_stats()
    assert (stats.expirations, stats.hits, stats.misses) == (1, 1, 2)


def test_each_eviction_policy(single_events, clients):
    policies = {policy: unique("nc-%s" % policy.lower()) for policy in ("LRU", "LFU", "RANDOM", "NONE")}
    writer = clients(single_events)
    for name in policies.values():
        writer.get_map(name).blocking().put_all({i: i for i in range(15)})
    client = clients(single_events, *[
        near_cache(name, eviction_policy=getattr(EVICTION_POLICY, policy), eviction_max_size=10,
                   eviction_sampling_count=16) for policy, name in policies.items()])
    maps = {policy: client.get_map(name).blocking() for policy, name in policies.items()}
    for m in maps.values():
        for i in range(10):
            m.get(i)
        for _ in range(3):
            for i in range(5):
                m.get(i)  # 0-4: read often, but before 5-9
        for i in range(5, 10):
            m.get(i)
        for i in range(10, 15):
            assert m.get(i) == i

    lru, lfu = cached_keys(maps["LRU"]), cached_keys(maps["LFU"])
    assert lru == set(range(5, 15))  # the least recently read went
    assert set(range(5)) <= lfu and len(lfu) == 10  # the most often read stayed
    assert len(maps["RANDOM"].near_cache) == 10
    assert cached_keys(maps["NONE"]) == set(range(15))
    assert [maps[p].get_near_cache_stats().evictions for p in ("LRU", "LFU", "RANDOM", "NONE")] == [5, 5, 5, 0]


# --- repair ----------------------------------------------------------------------------------------

def test_a_lost_invalidation_is_repaired_by_reconciliation(single_events, clients):
    if tuple(int(part) for part in hz_version().split(".")[:2]) < (3, 8):
        pytest.skip("members older than 3.8 send no invalidation metadata to reconcile with")
    name = unique("nc-repair")
    # The writer has a Near Cache too: members number invalidations only while some
    # client listens, and the writer goes on listening when the reader no longer does.
    writer = clients(single_events, near_cache(name)).get_map(name).blocking()
    writer.put("k", "v1")
    reader_client = clients(single_events, near_cache(name),
                            hazelcast_invalidation_reconciliation_interval_seconds=2,
                            hazelcast_invalidation_min_reconciliation_interval_seconds=1,
                            hazelcast_invalidation_max_tolerated_miss_count=0)
    near_cached = reader_client.get_map(name)
    reader = near_cached.blocking()
    assert reader.get("k") == "v1" and "k" in reader.near_cache

    # lose the next invalidation: take the reader's listener away while the value changes
    near_cached._deregister_listener(near_cached._listener_id).result(10)
    writer.put("k", "v2")
    assert reader.get("k") == "v1"  # stale: nothing told the reader
    wait_until(lambda: reader.get("k") == "v2", timeout=5, message="reconciliation to repair the entry")
    assert reader.get_near_cache_stats().invalidations >= 1


def test_entries_of_a_restarted_member_are_repaired(cluster_factory, clients):
    members = cluster_factory(1)
    name = unique("nc-restart")
    clients(members).get_map(name).blocking().put("k", "before restart")
    reader_client = clients(members, near_cache(name))
    reader = reader_client.get_map(name).blocking()
    assert reader.get("k") == "before restart" and "k" in reader.near_cache
    reconnected = threading.Event()
    reader_client.lifecycle.add_listener(lambda state: state == LifecycleState.CONNECTED and reconnected.set())

    # Killed, the member comes back empty with new partition UUIDs (before 3.8, without
    # metadata, the client empties the cache when it reconnects).
    members.members[0].restart()
    assert reconnected.wait(30), "the client did not reconnect"
    wait_until(lambda: reader.get("k") is None, timeout=10, message="the lost entry to leave the Near Cache")
    writer = clients(members).get_map(name).blocking()
    reader.get("k")
    writer.put("k", "after restart")
    wait_until(lambda: reader.get("k") == "after restart", timeout=10, message="events to flow after the restart")


# --- bad configuration ----------------------------------------------------------------------------

def test_bad_reconciliation_interval_is_a_configuration_error(cluster, clients):
    name = unique("nc-bad")
    client = clients(cluster, near_cache(name), hazelcast_invalidation_reconciliation_interval_seconds=5)
    with pytest.raises(ConfigurationError) as error:
        client.get_map(name)
    assert "hazelcast.invalidation.reconciliation.interval.seconds must be 0" in str(error.value)
    assert "at least 30 seconds" in str(error.value)
