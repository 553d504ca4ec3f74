"""The Near Cache's own logic, without a member: expiry, eviction policies and sampling,
in-memory formats, reservations, statistics, invalidation metadata and repair, and the
choice of config for a map name."""
import uuid

import pytest

import hazelcast
from hazelcast.config import EVICTION_POLICY, IN_MEMORY_FORMAT, ClientProperties, NearCacheConfig
from hazelcast.errors import ConfigurationError
from hazelcast.near_cache import NearCache, RepairingHandler
from hazelcast.near_cache_manager import (_max_tolerated_miss_count, _reconciliation_interval,
                                          near_cache_config_for)
from hazelcast.serialization.service import SerializationService

SERIALIZATION = SerializationService(hazelcast.ClientConfig().serialization_config)
to_data = SERIALIZATION.to_data
to_object = SERIALIZATION.to_object


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def make_cache(clock=None, **settings):
    config = NearCacheConfig("m")
    for name, value in settings.items():
        setattr(config, name, value)
    return NearCache("m", config, to_object, clock=clock or Clock())


def fill(cache, clock, keys):
    for key in keys:
        cache.put(key, to_data("value-%s" % key))
        clock.advance(0.001)


# --- reading, formats, statistics ---------------------------------------------------------------

def test_hit_and_miss_are_counted_and_a_miss_raises_key_error():
    cache = make_cache()
    with pytest.raises(KeyError):
        cache["k"]
    cache.put("k", to_data("v"))
    assert cache["k"] == "v"
    assert cache.get("absent", "default") == "default"
    stats = cache.stats()
    assert (stats.hits, stats.misses, stats.owned_entry_count) == (1, 2, 1)
    assert stats.to_dict()["hits"] == 1 and stats.to_dict()["ownedEntryCount"] == 1
    assert set(stats.to_dict()) == {"creationTime", "evictions", "expirations", "hits", "misses",
                                    "ownedEntryCount", "ownedEntryMemoryCost", "invalidations",
                                    "invalidationRequests"}


def test_binary_format_deserializes_each_read_and_object_format_shares_one_object():
    binary = make_cache(in_memory_format=IN_MEMORY_FORMAT.BINARY)
    objects = make_cache(in_memory_format=IN_MEMORY_FORMAT.OBJECT)
    for cache in (binary, objects):
        cache.put("k", to_data({"a": [1, 2]}))
    assert binary["k"] == {"a": [1, 2]} and binary["k"] is not binary["k"]
    assert objects["k"] == {"a": [1, 2]} and objects["k"] is objects["k"]
    assert binary.stats().owned_entry_memory_cost == len(to_data({"a": [1, 2]}))
    assert objects.stats().owned_entry_memory_cost == 0


# --- expiry -------------------------------------------------------------------------------------

def test_time_to_live_expires_an_entry_however_often_it_is_read():
    clock = Clock()
    cache = make_cache(clock, time_to_live_seconds=10)
    cache.put("k", to_data("v"))
    clock.advance(9.9)
    assert cache["k"] == "v"
    clock.advance(0.1)
    with pytest.raises(KeyError):
        cache["k"]
    assert len(cache) == 0 and cache.stats().expirations == 1


def test_max_idle_expires_an_entry_not_read_for_that_long():
    clock = Clock()
    cache = make_cache(clock, max_idle_seconds=5)
    cache.put("k", to_data("v"))
    for _ in range(4):
        clock.advance(4)
        assert cache["k"] == "v"  # each read restarts the idle time
    clock.advance(5.1)
    assert "k" not in cache
    with pytest.raises(KeyError):
        cache["k"]
    assert cache.stats().expirations == 1


def test_zero_time_to_live_caches_nothing_usable_and_expire_sweeps():
    clock = Clock()
    cache = make_cache(clock, time_to_live_seconds=0)
    cache.put("k", to_data("v"))
    with pytest.raises(KeyError):
        cache["k"]
    ttl_cache = make_cache(clock, time_to_live_seconds=1)
    fill(ttl_cache, clock, range(5))
    clock.advance(2)
    assert ttl_cache.expire() == 5 and len(ttl_cache) == 0


# --- eviction -----------------------------------------------------------------------------------

def test_lru_evicts_the_least_recently_read():
    clock = Clock()
    cache = make_cache(clock, eviction_policy=EVICTION_POLICY.LRU, eviction_max_size=4,
                       eviction_sampling_count=16)
    fill(cache, clock, "abcd")
    for key in "acd":
        clock.advance(1)
        cache[key]
    cache.put("e", to_data("e"))
    assert sorted(cache.keys()) == ["a", "c", "d", "e"]
    assert cache.stats().evictions == 1


def test_lfu_evicts_the_least_often_read():
    clock = Clock()
    cache = make_cache(clock, eviction_policy=EVICTION_POLICY.LFU, eviction_max_size=4,
                       eviction_sampling_count=16)
    fill(cache, clock, "abcd")
    for key in "aabbcdd":
        cache[key]
    clock.advance(1)
    cache.put("e", to_data("e"))  # c was read once, the others more often
    assert sorted(cache.keys()) == ["a", "b", "d", "e"]


def test_random_keeps_the_size_and_none_ignores_it():
    clock = Clock()
    random_cache = make_cache(clock, eviction_policy=EVICTION_POLICY.RANDOM, eviction_max_size=5)
    unbounded = make_cache(clock, eviction_policy=EVICTION_POLICY.NONE, eviction_max_size=5)
    fill(random_cache, clock, range(50))
    fill(unbounded, clock, range(50))
    assert len(random_cache) == 5 and random_cache.stats().evictions == 45
    assert len(unbounded) == 50 and unbounded.stats().evictions == 0


def test_sampling_removes_expired_entries_instead_of_evicting():
    clock = Clock()
    cache = make_cache(clock, eviction_max_size=4, eviction_sampling_count=16, time_to_live_seconds=10)
    fill(cache, clock, "ab")
    clock.advance(8)
    fill(cache, clock, "cd")
    clock.advance(3)  # a and b have expired, c and d have not
    cache.put("e", to_data("e"))
    assert sorted(cache.keys()) == ["c", "d", "e"]
    stats = cache.stats()
    assert (stats.evictions, stats.expirations) == (0, 2)


def test_a_small_sample_still_bounds_the_size_and_evicts_old_entries_first():
    clock = Clock()
    cache = make_cache(clock, eviction_max_size=100, eviction_sampling_count=3, eviction_sampling_pool_size=8)
    fill(cache, clock, range(100))
    for key in range(50, 100):
        cache[key]
    fill(cache, clock, range(100, 150))
    assert len(cache) == 100
    survivors = set(cache.keys())
    # sampling is approximate, but the entries read recently survive far more often
    assert len(survivors & set(range(50, 100))) > len(survivors & set(range(50)))


# --- reservations -------------------------------------------------------------------------------

def test_an_invalidation_during_the_read_keeps_the_fetched_value_out():
    cache = make_cache()
    reservation = cache.try_reserve("k")
    assert cache.try_reserve("k") is None  # one read at a time caches a key
    cache.invalidate("k")
    assert cache.publish("k", reservation, to_data("old")) == "old"
    assert "k" not in cache
    fresh = cache.try_reserve("k")
    assert cache.publish("k", fresh, to_data("new")) == "new"
    assert cache["k"] == "new"


def test_a_failed_read_releases_its_reservation_and_none_is_not_cached():
    cache = make_cache()
    reservation = cache.try_reserve("k")
    cache.release("k", reservation)
    second = cache.try_reserve("k")
    assert second is not None
    assert cache.publish("k", second, None) is None
    assert len(cache) == 0 and cache.try_reserve("k") is not None


def test_clear_drops_records_and_reservations():
    cache = make_cache()
    reservation = cache.try_reserve("pending")
    cache.put("k", to_data("v"))
    cache.clear()
    cache.publish("pending", reservation, to_data("v"))
    assert len(cache) == 0
    assert cache.stats().invalidations == 1


# --- repairing ----------------------------------------------------------------------------------

def partition_of(key_data):
    """Partition 0 for the map-wide event, 2 for key "b", 1 for any other key."""
    return 0 if key_data is None else {"b": 2}.get(to_object(key_data), 1)


def make_handler(partitions=4):
    cache = make_cache()
    handler = RepairingHandler(cache, to_object, partition_of)
    for partition in range(partitions):
        handler.init_uuid(partition, uuid.UUID(int=partition + 1))
    return cache, handler


def put_in_partition(cache, key, partition):
    cache.put(key, to_data("v-%s" % key), partition)


def test_no_record_is_cached_before_the_partition_metadata_is_known():
    cache = make_cache()
    RepairingHandler(cache, to_object, lambda key: 0)
    assert cache.try_reserve("k", 0) is None
    cache.put("k", to_data("v"), 0)
    assert len(cache) == 0


def test_an_event_invalidates_whoever_caused_it():
    cache, handler = make_handler()
    for key in "acd":
        put_in_partition(cache, key, 1)
    handler.handle(to_data("a"), "other-client", uuid.UUID(int=2), 1)
    handler.handle(to_data("c"), "this-client", uuid.UUID(int=2), 2)  # e.g. its own transaction
    assert cache.keys() == ["d"]
    assert handler.container(1).sequence == 2 and handler.missed_count() == 0
    handler.handle(None, "other-client", uuid.UUID(int=1), 1)  # clear(): the map name's partition
    assert len(cache) == 0


def test_a_batch_event_applies_each_key_in_order():
    cache, handler = make_handler()
    for key in "abc":
        put_in_partition(cache, key, 1)
    handler.handle_batch([to_data("a"), to_data("c")], ["x", "x"], [uuid.UUID(int=2)] * 2, [1, 2])
    assert cache.keys() == ["b"]
    assert handler.container(1).sequence == 2


def test_sequence_gaps_are_tolerated_up_to_the_limit_then_repaired():
    cache, handler = make_handler()
    put_in_partition(cache, "a", 1)
    put_in_partition(cache, "b", 2)
    handler.handle(to_data("x"), "other", uuid.UUID(int=2), 5)  # sequences 1-4 missed
    assert handler.missed_count() == 4
    assert not handler.fix_sequence_gaps(max_tolerated_miss_count=10)
    assert sorted(cache.keys()) == ["a", "b"]
    assert handler.fix_sequence_gaps(max_tolerated_miss_count=3)
    assert cache.keys() == ["b"]  # only the partition that missed events lost its records
    assert handler.missed_count() == 0
    put_in_partition(cache, "a", 1)  # read after the repair: sequence 5 is not stale
    assert "a" in cache


def test_reconciliation_counts_every_sequence_it_did_not_see_and_force_repairs_any():
    cache, handler = make_handler()
    put_in_partition(cache, "a", 3)
    handler.check_or_repair_sequence(3, 1, via_anti_entropy=True)
    assert handler.missed_count() == 1
    assert not handler.fix_sequence_gaps(max_tolerated_miss_count=10)
    assert handler.fix_sequence_gaps(max_tolerated_miss_count=10, force=True)
    assert len(cache) == 0


def test_a_new_partition_uuid_drops_that_partitions_records_and_restarts_its_sequence():
    cache, handler = make_handler()
    put_in_partition(cache, "a", 1)
    put_in_partition(cache, "b", 2)
    handler.check_or_repair_sequence(1, 7)
    handler.check_or_repair_uuid(1, uuid.UUID(int=99))
    assert cache.keys() == ["b"]
    assert handler.container(1).sequence == 0
    handler.check_or_repair_uuid(2, uuid.UUID(int=3))  # unchanged: nothing happens
    assert cache.keys() == ["b"]


def test_a_value_read_while_its_partition_changed_is_not_cached():
    cache, handler = make_handler()
    reservation = cache.try_reserve("k", 1)
    handler.check_or_repair_uuid(1, uuid.UUID(int=50))  # the member lost the partition meanwhile
    cache.publish("k", reservation, to_data("v"))
    assert "k" not in cache
    reservation = cache.try_reserve("k", 1)
    handler.check_or_repair_sequence(1, 4)
    handler.fix_sequence_gaps(0)
    cache.publish("k", reservation, to_data("v"))
    assert "k" not in cache


def test_events_without_metadata_only_invalidate():
    cache = make_cache()
    handler = RepairingHandler(cache, to_object, lambda key: 0, track_metadata=False)
    cache.put("k", to_data("v"))
    assert "k" in cache
    handler.handle_batch([to_data("k")], None, None, None)
    assert len(cache) == 0 and cache.stats().invalidation_requests == 1


# --- configuration -------------------------------------------------------------------------------

def config_with(*names):
    config = hazelcast.ClientConfig()
    for name in names:
        config.add_near_cache_config(NearCacheConfig(name))
    return config


def test_config_lookup_exact_then_base_name_then_best_wildcard_then_default():
    config = config_with("orders", "ord*", "orders-*", "*-eu")
    assert near_cache_config_for(config, "orders").name == "orders"
    assert near_cache_config_for(config, "orders@partition-key").name == "orders"
    assert near_cache_config_for(config, "orders-2024").name == "orders-*"
    assert near_cache_config_for(config, "ordinal").name == "ord*"
    assert near_cache_config_for(config, "users") is None
    assert near_cache_config_for(config_with("default", "x"), "users").name == "default"
    assert near_cache_config_for(hazelcast.ClientConfig(), "users") is None


def test_config_lookup_refuses_an_ambiguous_wildcard_match():
    with pytest.raises(ConfigurationError) as error:
        near_cache_config_for(config_with("a*", "*z"), "abz")
    assert "'*z' and 'a*'" in str(error.value) and "abz" in str(error.value)


def test_reconciliation_properties_are_checked():
    ok = ClientProperties({"hazelcast.invalidation.reconciliation.interval.seconds": 2,
                           "hazelcast.invalidation.min.reconciliation.interval.seconds": 1})
    assert _reconciliation_interval(ok) == 2
    assert _reconciliation_interval(ClientProperties({
        "hazelcast.invalidation.reconciliation.interval.seconds": 0})) == 0
    with pytest.raises(ConfigurationError) as error:
        _reconciliation_interval(ClientProperties({"hazelcast.invalidation.reconciliation.interval.seconds": 5}))
    assert "at least 30 seconds" in str(error.value) and "got 5" in str(error.value)
    with pytest.raises(ConfigurationError) as error:
        _max_tolerated_miss_count(ClientProperties({"hazelcast.invalidation.max.tolerated.miss.count": -1}))
    assert "non-negative" in str(error.value)


def test_docs_property_sample_gives_a_two_second_interval_and_no_tolerance():
    import os
    import re
    path = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "near_cache.md")
    with open(path, encoding="utf-8") as f:
        [sample] = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    config = hazelcast.ClientConfig()
    exec(compile(sample, "docs/near_cache.md", "exec"), {"config": config})
    properties = ClientProperties(config.properties)
    assert _reconciliation_interval(properties) == 2
    assert _max_tolerated_miss_count(properties) == 0
