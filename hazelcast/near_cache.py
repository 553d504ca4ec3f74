"""The Near Cache of a map (manual section 7.8.1): a bounded, expiring local copy of
entries this client read, and the bookkeeping that keeps it from serving stale values.

Two classes, no I/O of their own:

* :class:`NearCache` holds the records. Reads never take a lock (a hit is one dict
  lookup and two time checks); writes, evictions and invalidations do. A value read
  from the cluster enters in two steps: :meth:`NearCache.try_reserve` before the
  request is sent and :meth:`NearCache.publish` with the response. An invalidation of
  the key in between drops the reservation, so a value that was already outdated when
  it arrived is never cached.
* :class:`RepairingHandler` follows the invalidation events of one map: per partition
  the partition UUID and the last invalidation sequence seen. A UUID change (the
  partition's data was lost, e.g. its member restarted) drops that partition's
  records; missed sequences (gaps between events, or sequences members report during
  reconciliation) are counted, and once more were missed than tolerated the records
  older than the last seen sequence are dropped.

:class:`hazelcast.proxy.near_cached_map.NearCachedMap` wires both to the cluster.
"""
import itertools
import math
import random
import threading
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple

from hazelcast.config import EVICTION_POLICY, IN_MEMORY_FORMAT, NearCacheConfig

_INFINITY = math.inf


class NearCacheRecord:
    """One cached entry; ``value`` is a ``Data`` (BINARY) or the deserialized object (OBJECT)."""

    __slots__ = ("key", "value", "creation_time", "expires_at", "last_access", "hits",
                 "partition_id", "uuid", "sequence", "index", "cost")

    def __init__(self, key: Any, value: Any, now: float, expires_at: float, partition_id: int,
                 uuid: Any, sequence: int, cost: int):
        self.key = key
        self.value = value
        self.creation_time = now
        self.expires_at = expires_at
        self.last_access = now
        self.hits = 0
        self.partition_id = partition_id
        self.uuid = uuid
        self.sequence = sequence
        self.index = -1
        self.cost = cost


class NearCacheStats:
    """A snapshot of a Near Cache's counters (all since the cache was created).

    * ``creation_time`` -- when the cache was created, milliseconds since the epoch
    * ``owned_entry_count`` -- entries held now
    * ``owned_entry_memory_cost`` -- bytes of the values held (BINARY format only, else 0)
    * ``hits`` / ``misses`` -- reads answered / not answered from the cache
    * ``evictions`` -- entries removed by the eviction policy
    * ``expirations`` -- entries removed for ``time_to_live_seconds``/``max_idle_seconds``
    * ``invalidations`` -- entries removed because the map changed (or may have)
    * ``invalidation_requests`` -- invalidations received, whether or not the key was cached
    """

    __slots__ = ("name", "creation_time", "owned_entry_count", "owned_entry_memory_cost", "hits",
                 "misses", "evictions", "expirations", "invalidations", "invalidation_requests")

    def __init__(self, name: str, creation_time: int, owned_entry_count: int, owned_entry_memory_cost: int,
                 hits: int, misses: int, evictions: int, expirations: int, invalidations: int,
                 invalidation_requests: int):
        self.name = name
        self.creation_time = creation_time
        self.owned_entry_count = owned_entry_count
        self.owned_entry_memory_cost = owned_entry_memory_cost
        self.hits = hits
        self.misses = misses
        self.evictions = evictions
        self.expirations = expirations
        self.invalidations = invalidations
        self.invalidation_requests = invalidation_requests

    @property
    def ratio(self) -> float:
        """Hits per miss (``inf`` with hits and no misses, 0.0 with neither)."""
        if self.misses:
            return self.hits / self.misses
        return _INFINITY if self.hits else 0.0

    def to_dict(self) -> Dict[str, int]:
        """The counters under the names client statistics use (``creationTime``, ``hits``, ...)."""
        return {
            "creationTime": self.creation_time,
            "evictions": self.evictions,
            "expirations": self.expirations,
            "hits": self.hits,
            "misses": self.misses,
            "ownedEntryCount": self.owned_entry_count,
            "ownedEntryMemoryCost": self.owned_entry_memory_cost,
            "invalidations": self.invalidations,
            "invalidationRequests": self.invalidation_requests,
        }

    def __repr__(self) -> str:
        return ("NearCacheStats(name=%r, owned_entry_count=%d, hits=%d, misses=%d, evictions=%d, "
                "expirations=%d, invalidations=%d)" % (self.name, self.owned_entry_count, self.hits,
                                                       self.misses, self.evictions, self.expirations,
                                                       self.invalidations))


class NearCache:
    """Records of one map, bounded by ``eviction_max_size`` and expiring as configured.

    Keys are whatever the caller uses consistently (the proxy uses ``str``/``int`` keys
    as they are and the serialized bytes of any other key). ``to_object`` turns a stored
    ``Data`` into the value a reader gets (BINARY format). ``clock`` is for tests.
    """

    def __init__(self, name: str, config: NearCacheConfig, to_object: Callable[[Any], Any],
                 clock: Callable[[], float] = time.monotonic):
        self.name = name
        self.config = config
        self._to_object = to_object
        self._clock = clock
        self._binary = config.in_memory_format == IN_MEMORY_FORMAT.BINARY
        ttl = config.time_to_live_seconds
        idle = config.max_idle_seconds
        self._ttl = _INFINITY if ttl is None else float(ttl)
        self._max_idle = _INFINITY if idle is None else float(idle)
        self._policy = config.eviction_policy
        self._max_size = config.eviction_max_size
        self._sampling_count = config.eviction_sampling_count
        self._pool_size = config.eviction_sampling_pool_size
        self._pool: List[NearCacheRecord] = []
        self._records: Dict[Any, NearCacheRecord] = {}
        self._keys: List[Any] = []  # the same keys, for O(1) random sampling
        self._reservations: Dict[Any, Tuple[int, int, Any, int]] = {}
        self._reservation_ids = itertools.count(1)
        self._lock = threading.Lock()
        self._random = random.Random()
        self.repairing_handler: Optional[RepairingHandler] = None
        self.creation_time = int(time.time() * 1000)
        self.hits = 0
        self.misses = 0
        self.evictions = 0
        self.expirations = 0
        self.invalidations = 0
        self.invalidation_requests = 0
        self._memory_cost = 0

    # --- reading (no lock) -------------------------------------------------------------

    def __getitem__(self, key: Any) -> Any:
        """The cached value of ``key``; ``KeyError`` when absent or expired (an expired
        record is removed on the way)."""
        record = self._records.get(key)
        if record is not None:
            now = self._clock()
            if now < record.expires_at and now - record.last_access <= self._max_idle:
                record.last_access = now
                record.hits += 1
                self.hits += 1
                if self._binary:
                    return self._to_object(record.value)
                return record.value
            self._remove_expired(record)
        self.misses += 1
        raise KeyError(key)

    def get(self, key: Any, default: Any = None) -> Any:
        """The cached value of ``key``, or ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: Any) -> bool:
        """True if ``key`` has a live record (does not count as a hit or a miss)."""
        record = self._records.get(key)
        if record is None:
            return False
        now = self._clock()
        return now < record.expires_at and now - record.last_access <= self._max_idle

    def __len__(self) -> int:
        return len(self._records)

    def keys(self) -> List[Any]:
        """The keys held now (expired records included until they are noticed)."""
        return list(self._records)

    # --- filling -----------------------------------------------------------------------

    def try_reserve(self, key: Any, partition_id: int = -1) -> Optional[int]:
        """Reserve ``key`` before reading it from the cluster; a reservation id, or None
        when the value must not be cached (already cached or reserved, or partition
        metadata not known yet)."""
        handler = self.repairing_handler
        uuid, sequence = None, 0
        if handler is not None:
            uuid, sequence = handler.snapshot(partition_id)
            if uuid is None:
                return None
        with self._lock:
            if key in self._records or key in self._reservations:
                return None
            reservation_id = next(self._reservation_ids)
            self._reservations[key] = (reservation_id, partition_id, uuid, sequence)
        return reservation_id

    def publish(self, key: Any, reservation_id: Optional[int], value_data: Any) -> Any:
        """Cache ``value_data`` (a ``Data``) for ``key`` if the reservation still stands and
        nothing invalidated it meanwhile. Returns the deserialized value in any case."""
        value = self._to_object(value_data)
        if reservation_id is None:
            return value
        with self._lock:
            reservation = self._reservations.get(key)
            if reservation is not None and reservation[0] == reservation_id:
                del self._reservations[key]
                _, partition_id, uuid, sequence = reservation
                handler = self.repairing_handler
                if value_data is not None and (
                        handler is None or not handler.is_stale(partition_id, uuid, sequence)):
                    self._insert(key, value_data if self._binary else value, partition_id, uuid, sequence)
        return value

    def release(self, key: Any, reservation_id: Optional[int]) -> None:
        """Give up a reservation (the read failed)."""
        if reservation_id is None:
            return
        with self._lock:
            reservation = self._reservations.get(key)
            if reservation is not None and reservation[0] == reservation_id:
                del self._reservations[key]

    def put(self, key: Any, value_data: Any, partition_id: int = -1) -> None:
        """Cache ``value_data`` for ``key`` at once (reserve and publish in one step)."""
        self.invalidate(key, count=False)
        self.publish(key, self.try_reserve(key, partition_id), value_data)

    def _insert(self, key: Any, value: Any, partition_id: int, uuid: Any, sequence: int) -> None:
        # under the lock; key is neither cached nor reserved
        if self._policy != EVICTION_POLICY.NONE and len(self._records) >= self._max_size:
            self._make_room()
        now = self._clock()
        cost = len(value) if self._binary else 0
        record = NearCacheRecord(key, value, now, now + self._ttl, partition_id, uuid, sequence, cost)
        record.index = len(self._keys)
        self._keys.append(key)
        self._records[key] = record
        self._memory_cost += cost

    # --- removing ----------------------------------------------------------------------

    def invalidate(self, key: Any, count: bool = True) -> bool:
        """Drop ``key`` (and any reservation of it); True if a record was held."""
        with self._lock:
            self._reservations.pop(key, None)
            removed = self._remove(key) is not None
        if count:
            self.invalidation_requests += 1
            if removed:
                self.invalidations += 1
        return removed

    def invalidate_all(self, keys: Iterable[Any]) -> None:
        """``invalidate`` each of ``keys``."""
        for key in keys:
            self.invalidate(key)

    def clear(self, count: bool = True) -> None:
        """Drop every record and reservation."""
        with self._lock:
            removed = len(self._records)
            self._records = {}
            self._keys = []
            self._pool = []
            self._reservations = {}
            self._memory_cost = 0
        if count:
            self.invalidation_requests += 1
            self.invalidations += removed

    def remove_stale(self, partition_ids: Set[int]) -> int:
        """Drop the records of ``partition_ids`` that the repairing handler finds stale."""
        handler = self.repairing_handler
        if handler is None or not partition_ids:
            return 0
        with self._lock:
            stale = [r.key for r in self._records.values()
                     if r.partition_id in partition_ids and handler.is_stale(r.partition_id, r.uuid, r.sequence)]
            for key in stale:
                self._remove(key)
        self.invalidations += len(stale)
        return len(stale)

    def expire(self) -> int:
        """Remove every expired record now; returns how many."""
        now = self._clock()
        with self._lock:
            expired = [r for r in self._records.values() if self._is_expired(r, now)]
            for record in expired:
                self._remove(record.key)
        self.expirations += len(expired)
        return len(expired)

    def _is_expired(self, record: NearCacheRecord, now: float) -> bool:
        return now >= record.expires_at or now - record.last_access > self._max_idle

    def _remove_expired(self, record: NearCacheRecord) -> None:
        with self._lock:
            if self._records.get(record.key) is not record:
                return
            self._remove(record.key)
        self.expirations += 1

    def _remove(self, key: Any) -> Optional[NearCacheRecord]:
        # under the lock: swap the last key into the freed slot of the key list
        record = self._records.pop(key, None)
        if record is None:
            return None
        keys = self._keys
        last = keys.pop()
        if record.index < len(keys):
            keys[record.index] = last
            self._records[last].index = record.index
        self._memory_cost -= record.cost
        return record

    # --- eviction ----------------------------------------------------------------------

    def _make_room(self) -> None:
        # under the lock: evict until one more record fits. Sampled records that have
        # expired go first (and then nothing is evicted if that made room); otherwise the
        # worst of the samples and the candidate pool (by policy) is evicted.
        while len(self._records) >= self._max_size:
            sample = self._sample()
            now = self._clock()
            expired = [r for r in sample if self._is_expired(r, now)]
            if expired:
                for record in expired:
                    self._remove(record.key)
                self.expirations += len(expired)
                continue
            if self._policy == EVICTION_POLICY.RANDOM:
                victim = sample[0]
            else:
                victim = self._pick_from_pool(sample)
            self._remove(victim.key)
            self.evictions += 1

    def _sample(self) -> List[NearCacheRecord]:
        keys = self._keys
        count = min(self._sampling_count, len(keys))
        records = self._records
        return [records[keys[i]] for i in self._random.sample(range(len(keys)), count)]

    def _pick_from_pool(self, sample: List[NearCacheRecord]) -> NearCacheRecord:
        records = self._records
        candidates = {id(r): r for r in self._pool if records.get(r.key) is r}
        for record in sample:
            candidates[id(record)] = record
        if self._policy == EVICTION_POLICY.LFU:
            ordered = sorted(candidates.values(), key=_lfu_score)
        else:
            ordered = sorted(candidates.values(), key=_lru_score)
        self._pool = ordered[1:1 + self._pool_size]
        return ordered[0]

    # --- statistics --------------------------------------------------------------------

    def stats(self) -> NearCacheStats:
        """A snapshot of the counters."""
        return NearCacheStats(self.name, self.creation_time, len(self._records), self._memory_cost,
                              self.hits, self.misses, self.evictions, self.expirations,
                              self.invalidations, self.invalidation_requests)

    def __repr__(self) -> str:
        return "NearCache(name=%r, size=%d)" % (self.name, len(self._records))


def _lru_score(record: NearCacheRecord) -> Tuple[float, float]:
    return record.last_access, record.creation_time


def _lfu_score(record: NearCacheRecord) -> Tuple[int, float]:
    return record.hits, record.last_access


# --- repairing -----------------------------------------------------------------------------

class MetaDataContainer:
    """What a client knows of one partition's invalidations: its UUID, the highest
    sequence seen, the sequence below which records are stale, and the sequences
    missed since they were last repaired."""

    __slots__ = ("uuid", "sequence", "stale_sequence", "missed_sequence_count")

    def __init__(self) -> None:
        self.uuid: Any = None
        self.sequence = 0
        self.stale_sequence = 0
        self.missed_sequence_count = 0

    def __repr__(self) -> str:
        return "MetaDataContainer(uuid=%s, sequence=%d, stale_sequence=%d, missed=%d)" % (
            self.uuid, self.sequence, self.stale_sequence, self.missed_sequence_count)


class RepairingHandler:
    """Applies the invalidation events of one map to its Near Cache and tracks, per
    partition, the metadata that detects missed events.

    ``key_of(data)`` turns an event's key into the cache key; ``partition_of(data_or_None)``
    gives its partition (``None``: the map-wide clear event, whose partition is that of the
    map name). With ``track_metadata`` False (members older than 3.8, whose events carry
    no metadata) events only invalidate.

    Events this client caused are applied too (unlike Java's client, which skips them):
    the proxy dropped the key already, but the same client may also have changed the map
    another way (a transaction, say), which only the event tells.
    """

    def __init__(self, near_cache: NearCache, key_of: Callable[[Any], Any],
                 partition_of: Callable[[Any], int], track_metadata: bool = True):
        self.name = near_cache.name
        self.near_cache = near_cache
        self._key_of = key_of
        self._partition_of = partition_of
        self._containers: Dict[int, MetaDataContainer] = {}
        self._lock = threading.Lock()
        self.track_metadata = track_metadata
        if track_metadata:
            near_cache.repairing_handler = self

    def container(self, partition_id: int) -> MetaDataContainer:
        """The metadata of ``partition_id`` (created empty on first use)."""
        container = self._containers.get(partition_id)
        if container is None:
            with self._lock:
                container = self._containers.setdefault(partition_id, MetaDataContainer())
        return container

    def snapshot(self, partition_id: int) -> Tuple[Any, int]:
        """``(uuid, sequence)`` of the partition now, read together."""
        container = self.container(partition_id)
        with self._lock:
            return container.uuid, container.sequence

    def is_stale(self, partition_id: int, uuid: Any, sequence: int) -> bool:
        """Whether a value read when the partition had ``uuid``/``sequence`` may be outdated."""
        container = self._containers.get(partition_id)
        return (container is None or uuid is None or uuid != container.uuid
                or sequence < container.stale_sequence)

    # --- events ---------------------------------------------------------------------------

    def handle(self, key_data: Any, source_uuid: Optional[str], partition_uuid: Any,
               sequence: Optional[int]) -> None:
        """One invalidation event (``key_data`` None: the whole map was cleared); the
        ``source_uuid`` of the member or client that caused it is not used."""
        if key_data is None:
            self.near_cache.clear()
        else:
            self.near_cache.invalidate(self._key_of(key_data))
        if partition_uuid is None or sequence is None or not self.track_metadata:
            return  # a member older than 3.8 sends no metadata
        partition_id = self._partition_of(key_data)
        self.check_or_repair_uuid(partition_id, partition_uuid)
        self.check_or_repair_sequence(partition_id, sequence)

    def handle_batch(self, keys: List[Any], source_uuids: Optional[List[str]],
                     partition_uuids: Optional[List[Any]], sequences: Optional[List[int]]) -> None:
        """A batch of invalidation events, applied in order."""
        if source_uuids is None or partition_uuids is None or sequences is None:
            for key_data in keys:
                self.handle(key_data, None, None, None)
            return
        for key_data, source_uuid, partition_uuid, sequence in zip(keys, source_uuids, partition_uuids,
                                                                   sequences):
            self.handle(key_data, source_uuid, partition_uuid, sequence)

    # --- metadata -------------------------------------------------------------------------

    def init_uuid(self, partition_id: int, uuid: Any) -> None:
        """Set the partition's UUID as first fetched from its member."""
        container = self.container(partition_id)
        with self._lock:
            if container.uuid != uuid:
                container.uuid = uuid

    def init_sequence(self, partition_id: int, sequence: int) -> None:
        """Set the partition's sequence as first fetched from its member (events seen
        meanwhile may have taken it further already)."""
        container = self.container(partition_id)
        with self._lock:
            container.sequence = max(container.sequence, sequence)

    def check_or_repair_uuid(self, partition_id: int, uuid: Any) -> None:
        """A different UUID than known means the partition's data was lost: its records
        go and its sequences start again from 0."""
        self.check_or_repair_uuids(((partition_id, uuid),))

    def check_or_repair_uuids(self, partition_uuids: Iterable[Tuple[int, Any]]) -> None:
        """``check_or_repair_uuid`` for many partitions, dropping records in one pass."""
        changed = set()
        for partition_id, uuid in partition_uuids:
            container = self.container(partition_id)
            with self._lock:
                if container.uuid is not None and container.uuid == uuid:
                    continue
                if container.uuid is not None:
                    changed.add(partition_id)
                container.uuid = uuid
                container.sequence = 0
                container.stale_sequence = 0
        self.near_cache.remove_stale(changed)

    def check_or_repair_sequence(self, partition_id: int, sequence: int,
                                 via_anti_entropy: bool = False) -> None:
        """Advance the partition's sequence to ``sequence``, counting the ones skipped
        (from an event: those strictly between; from reconciliation: all up to it)."""
        container = self.container(partition_id)
        with self._lock:
            current = container.sequence
            if current >= sequence:
                return
            container.sequence = sequence
            missed = sequence - current if via_anti_entropy else sequence - current - 1
            if missed > 0:
                container.missed_sequence_count += missed

    def missed_count(self) -> int:
        """Missed invalidations not yet repaired, over all partitions."""
        return sum(c.missed_sequence_count for c in list(self._containers.values()))

    def fix_sequence_gaps(self, max_tolerated_miss_count: int, force: bool = False) -> bool:
        """If more invalidations were missed than tolerated (or any, with ``force``), make
        the records of the partitions that missed some older than their last sequence
        stale and drop them. True if it did."""
        with self._lock:
            total = sum(c.missed_sequence_count for c in self._containers.values())
            if total == 0 or (not force and total <= max_tolerated_miss_count):
                return False
            repaired = set()
            for partition_id, container in self._containers.items():
                if container.missed_sequence_count:
                    container.missed_sequence_count = 0
                    if container.stale_sequence < container.sequence:
                        container.stale_sequence = container.sequence
                        repaired.add(partition_id)
        self.near_cache.remove_stale(repaired)
        return True

    def __repr__(self) -> str:
        return "RepairingHandler(name=%r, partitions=%d)" % (self.name, len(self._containers))
