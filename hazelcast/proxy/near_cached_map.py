"""A Map proxy with a Near Cache (manual section 7.8.1).

Which maps get one: :func:`near_cache_config_for` picks the ``NearCacheConfig`` of a
map name as Hazelcast's Java client does -- the config of exactly that name, else of
the name without its ``@partition-key`` suffix, else the best matching wildcard name
(``"orders-*"``: the most characters outside the ``*`` wins; a tie is a
``ConfigurationError``), else the config named ``"default"`` (which therefore applies
to every other map), else none.

``get``/``get_all``/``contains_key`` answer from the cache when they can; a miss reads
from the cluster and caches the value (reserved before the request, so an invalidation
that arrives meanwhile keeps the outdated value out). Every mutation through this
proxy drops the local entry (when sent and again when done). With
``invalidate_on_change`` the client listens to the members' invalidation events, and
a per-client task repairs the cache when events were lost (see
:mod:`hazelcast.near_cache`): every second it checks the missed-event count against
``hazelcast.invalidation.max.tolerated.miss.count``, and every
``hazelcast.invalidation.reconciliation.interval.seconds`` it fetches the partition
UUIDs and sequences from every member. After the client reconnects to the cluster
any missed invalidation is repaired at once, whatever the tolerated count.
"""
import logging
import re
import threading
import time
import weakref
from typing import Any, Dict, List, Optional, Tuple

from hazelcast.config import ClientProperties, NearCacheConfig
from hazelcast.errors import ConfigurationError
from hazelcast.future import Future, combine_futures, completed_future
from hazelcast.lifecycle import LifecycleState
from hazelcast.near_cache import NearCache, NearCacheStats, RepairingHandler
from hazelcast.protocol.codec import (map_add_near_cache_entry_listener_codec,
                                      map_add_near_cache_invalidation_listener_codec,
                                      map_fetch_near_cache_invalidation_metadata_codec,
                                      map_get_codec, map_remove_entry_listener_codec)
from hazelcast.proxy.base import cluster_protocol_version, thread_id
from hazelcast.proxy.map import Map
from hazelcast.serialization import constants as _types

_logger = logging.getLogger("HazelcastClient.NearCache")

INVALIDATION_EVENT_FLAG = 256  # EntryEventType.INVALIDATION
_METADATA_SINCE = (1, 4)  # Hazelcast 3.8: partition UUIDs and sequences in invalidation events
_TICK_SECONDS = 1.0
_EXPIRATION_EVERY_TICKS = 5
# Serialized key types that may stand for a str or int key, which the cache holds as is.
_PRIMITIVE_KEY_TYPES = frozenset((_types.CONSTANT_TYPE_STRING, _types.CONSTANT_TYPE_INTEGER,
                                  _types.CONSTANT_TYPE_LONG, _types.CONSTANT_TYPE_SHORT,
                                  _types.CONSTANT_TYPE_BYTE))


# --- which config ---------------------------------------------------------------------------

def near_cache_config_for(config, name: str) -> Optional[NearCacheConfig]:
    """The ``NearCacheConfig`` that applies to the map ``name`` (see the module doc), or None."""
    configs: Dict[str, NearCacheConfig] = config.near_cache_configs
    if not configs:
        return None
    found = configs.get(name)
    if found is not None:
        return found
    base_name = name.split("@", 1)[0]
    found = configs.get(base_name)
    if found is not None:
        return found
    best: List[str] = []
    best_score = -1
    for pattern in configs:
        if "*" not in pattern or not _wildcard_matches(pattern, base_name):
            continue
        score = len(pattern) - pattern.count("*")
        if score > best_score:
            best, best_score = [pattern], score
        elif score == best_score:
            best.append(pattern)
    if len(best) > 1:
        raise ConfigurationError(
            "Map '%s' matches the Near Cache configs %s equally well; make one name more specific "
            "(the match with the most characters outside '*' wins)" % (name, " and ".join(
                "'%s'" % p for p in sorted(best))))
    if best:
        return configs[best[0]]
    return configs.get("default")


def _wildcard_matches(pattern: str, name: str) -> bool:
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, name, re.S) is not None


# --- the per-client repairing task ------------------------------------------------------------

def _reconciliation_interval(properties: ClientProperties) -> float:
    interval = properties.get_seconds(ClientProperties.INVALIDATION_RECONCILIATION_INTERVAL_SECONDS)
    minimum = properties.get_seconds(ClientProperties.MIN_RECONCILIATION_INTERVAL_SECONDS)
    if interval < 0 or 0 < interval < minimum:
        raise ConfigurationError(
            "property %s must be 0 (no reconciliation) or at least %s seconds (property %s), got %s"
            % (ClientProperties.INVALIDATION_RECONCILIATION_INTERVAL_SECONDS.name, _num(minimum),
               ClientProperties.MIN_RECONCILIATION_INTERVAL_SECONDS.name, _num(interval)))
    return interval


def _max_tolerated_miss_count(properties: ClientProperties) -> int:
    count = properties.get_int(ClientProperties.MAX_TOLERATED_MISS_COUNT)
    if count < 0:
        raise ConfigurationError("property %s must be a non-negative int, got %d"
                                 % (ClientProperties.MAX_TOLERATED_MISS_COUNT.name, count))
    return count


def _num(value: float) -> str:
    return "%d" % value if value == int(value) else "%s" % value


class _RepairingTask:
    """One per client: expires, repairs and reconciles every Near Cache of the client.

    Runs on the client's I/O thread every second while a Near Cache exists; it only
    sends requests and handles their responses in callbacks.
    """

    def __init__(self, context):
        client = context.client
        self._reactor = context  # add_timer / call_soon on the I/O thread
        self._lifecycle = client.lifecycle
        self._invocation_service = context.invocation_service
        self._cluster_service = context.cluster_service
        self._smart_routing = context.config.network_config.smart_routing
        self.interval = _reconciliation_interval(client.properties)
        self.max_tolerated_miss_count = _max_tolerated_miss_count(client.properties)
        self._lock = threading.Lock()
        self._caches: Dict[str, NearCache] = {}
        self._clear_on_reconnect: Dict[str, NearCache] = {}
        self._uninitialized: Dict[str, RepairingHandler] = {}
        self._initializing = False  # a retry of the first fetch is under way
        self._running = False
        self._ticks = 0
        self._last_reconciliation = time.monotonic()
        self._lifecycle.add_listener(self._on_lifecycle)

    # --- registration ----------------------------------------------------------------------

    def register(self, near_cache: NearCache, clear_on_reconnect: bool = False) -> None:
        """Expire, repair and reconcile ``near_cache`` from now on; with
        ``clear_on_reconnect`` (no metadata to repair it with) empty it after a reconnect."""
        with self._lock:
            self._caches[near_cache.name] = near_cache
            if clear_on_reconnect:
                self._clear_on_reconnect[near_cache.name] = near_cache
            start = not self._running
            self._running = True
        if start:
            self._reactor.add_timer(_TICK_SECONDS, self._run)

    def deregister(self, name: str) -> None:
        with self._lock:
            self._caches.pop(name, None)
            self._clear_on_reconnect.pop(name, None)
            self._uninitialized.pop(name, None)

    def initialize(self, handler: RepairingHandler, timeout: float) -> bool:
        """Fetch the map's partition UUIDs and sequences; True if every member answered
        within ``timeout``. Otherwise the task keeps trying every second."""
        with self._lock:
            self._uninitialized[handler.name] = handler
        done = self._initialize([handler])
        try:
            done.result(timeout)
        except Exception as e:
            _logger.debug("Near Cache of map '%s': initial metadata not fetched yet: %s", handler.name, e)
        with self._lock:
            return handler.name not in self._uninitialized

    # --- the periodic run (I/O thread) -------------------------------------------------------

    def _run(self) -> None:
        with self._lock:
            caches = list(self._caches.values())
            uninitialized = list(self._uninitialized.values())
            if not caches or not self._lifecycle.is_live:
                self._running = False
                return
        self._ticks += 1
        try:
            handlers = [c.repairing_handler for c in caches if c.repairing_handler is not None]
            for handler in handlers:
                handler.fix_sequence_gaps(self.max_tolerated_miss_count)
            if uninitialized and not self._initializing:
                self._initializing = True
                self._initialize(uninitialized).add_inline_callback(self._initialized)
            now = time.monotonic()
            if handlers and self.interval > 0 and now - self._last_reconciliation >= self.interval:
                self._last_reconciliation = now
                self.reconcile(handlers)
            if self._ticks % _EXPIRATION_EVERY_TICKS == 0:
                for cache in caches:
                    if cache.config.time_to_live_seconds is not None or cache.config.max_idle_seconds is not None:
                        cache.expire()
        except Exception:
            _logger.exception("Near Cache repairing task failed; it runs again in a second")
        finally:
            self._reactor.add_timer(_TICK_SECONDS, self._run)

    def _initialized(self, _: Future) -> None:
        self._initializing = False

    def _on_lifecycle(self, state: str) -> None:
        # Events sent while the client was disconnected are lost: repair whatever was missed.
        if state == LifecycleState.CONNECTED:
            self._reactor.call_soon(self._reconcile_after_reconnect)

    def _reconcile_after_reconnect(self) -> None:
        with self._lock:
            handlers = [c.repairing_handler for c in self._caches.values() if c.repairing_handler is not None]
            unrepairable = list(self._clear_on_reconnect.values())
        for near_cache in unrepairable:
            near_cache.clear()
        if handlers:
            self.reconcile(handlers, force=True)

    # --- metadata requests ------------------------------------------------------------------

    def _fetch(self, handlers: List[RepairingHandler], initial: bool) -> Future:
        """Ask every data member for the partition UUIDs and sequences of the handlers' maps
        and apply each answer as it comes: as first values (``initial``) or to compare and
        repair. A Future of the list of answers."""
        by_name = {h.name: h for h in handlers}
        names = list(by_name)

        def apply(answer: Future) -> None:
            if not answer.is_success():
                _logger.debug("Fetching Near Cache invalidation metadata failed: %s", answer.exception())
                return
            response = answer.result()
            for handler in by_name.values():
                if initial:
                    for partition_id, uuid in response.partition_uuid_list:
                        handler.init_uuid(partition_id, uuid)
                else:
                    handler.check_or_repair_uuids(response.partition_uuid_list)
            for name, sequences in response.name_partition_sequence_list:
                handler = by_name.get(name)
                for partition_id, sequence in sequences if handler is not None else ():
                    if initial:
                        handler.init_sequence(partition_id, sequence)
                    else:
                        handler.check_or_repair_sequence(partition_id, sequence, via_anti_entropy=True)

        futures = []
        for member in self._cluster_service.get_member_list():
            if member.is_lite_member:
                continue
            address = member.address
            request = map_fetch_near_cache_invalidation_metadata_codec.encode_request(names, address)
            decoder = map_fetch_near_cache_invalidation_metadata_codec.decode_response
            if self._smart_routing:
                future = self._invocation_service.invoke_on_target(request, (address.host, address.port), decoder)
            else:  # any member passes the request on to the member it names
                future = self._invocation_service.invoke_on_random_target(request, decoder)
            future.add_inline_callback(apply)
            futures.append(future)
        return combine_futures(futures)

    def _initialize(self, handlers: List[RepairingHandler]) -> Future:
        def finished(answers: Future) -> None:
            if answers.is_success() and answers.result():
                with self._lock:
                    for handler in handlers:
                        if self._uninitialized.get(handler.name) is handler:
                            del self._uninitialized[handler.name]

        combined = self._fetch(handlers, initial=True)
        combined.add_inline_callback(finished)
        return combined

    def reconcile(self, handlers: List[RepairingHandler], force: bool = False) -> Future:
        """Compare every member's partition UUIDs and sequences with the handlers' (then,
        with ``force``, repair any miss at once, whatever the tolerated count)."""
        combined = self._fetch(handlers, initial=False)

        def repair(_: Future) -> None:
            for handler in handlers:
                handler.fix_sequence_gaps(self.max_tolerated_miss_count, force=force)

        combined.add_inline_callback(repair)
        return combined


_tasks: "weakref.WeakKeyDictionary[Any, _RepairingTask]" = weakref.WeakKeyDictionary()
_tasks_lock = threading.Lock()


def _repairing_task(context) -> _RepairingTask:
    with _tasks_lock:
        task = _tasks.get(context)
        if task is None:
            task = _tasks[context] = _RepairingTask(context)
        return task


# --- the proxy ------------------------------------------------------------------------------

class NearCachedMap(Map):
    """A :class:`~hazelcast.proxy.map.Map` whose reads are served from a local Near Cache.

    Created by ``client.get_map(name)`` when a ``NearCacheConfig`` applies to ``name``.
    ``get``, ``get_all`` and ``contains_key`` answer from the cache when they can;
    ``get_near_cache_stats()`` tells how the cache does.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        config = near_cache_config_for(context.config, name) or NearCacheConfig(name)
        self._near_cache = NearCache(name, config, self._to_object)
        self._task = _repairing_task(context)
        self._listener_id: Optional[str] = None
        self._name_partition: Optional[int] = None
        if config.invalidate_on_change:
            self._listen_for_invalidations()
        else:
            self._task.register(self._near_cache)

    # --- reads ------------------------------------------------------------------------------

    def get(self, key: Any) -> Future:
        """Future of the value of ``key`` (from the Near Cache when it holds it), or None."""
        kind = type(key)
        if kind is str or kind is int:  # the cache holds these keys as they are: no serializing
            try:
                return completed_future(self._near_cache[key])
            except KeyError:
                return self._read(key, self._to_data(key))
        return super().get(key)

    def _get_internal(self, key_data) -> Future:
        cache_key = self._cache_key_of_data(key_data)
        try:
            return completed_future(self._near_cache[cache_key])
        except KeyError:
            return self._read(cache_key, key_data)

    def _read(self, cache_key: Any, key_data) -> Future:
        partition_id = self._partition_service.get_partition_id(key_data)
        reservation = self._near_cache.try_reserve(cache_key, partition_id)
        request = map_get_codec.encode_request(self.name, key_data, thread_id())
        future = self._invoke_on_partition(request, partition_id, map_get_codec.decode_response)
        return future.continue_with(self._publish, cache_key, reservation)

    def _publish(self, fetched: Future, cache_key: Any, reservation: Optional[int]) -> Any:
        error = fetched.exception()
        if error is not None:
            self._near_cache.release(cache_key, reservation)
            raise error
        return self._near_cache.publish(cache_key, reservation, fetched.result())

    def _get_all_internal(self, key_datas: List[Any]) -> Future:
        # Pairs of (key Data, value); cached values are already objects, which the
        # caller's to_object leaves as they are.
        near_cache = self._near_cache
        pairs: List[Tuple[Any, Any]] = []
        missing: List[Any] = []
        reserved: Dict[bytes, Tuple[Any, Optional[int]]] = {}  # key bytes -> cache key, reservation
        get_partition_id = self._partition_service.get_partition_id
        for key_data in key_datas:
            cache_key = self._cache_key_of_data(key_data)
            try:
                pairs.append((key_data, near_cache[cache_key]))
                continue
            except KeyError:
                pass
            if key_data.buffer not in reserved:
                reservation = near_cache.try_reserve(cache_key, get_partition_id(key_data))
                reserved[key_data.buffer] = (cache_key, reservation)
                missing.append(key_data)
        if not missing:
            return completed_future(pairs)

        def publish(fetched: Future) -> List[Tuple[Any, Any]]:
            error = fetched.exception()
            if error is None:
                for key_data, value_data in fetched.result():
                    cache_key, reservation = reserved.pop(key_data.buffer, (None, None))
                    pairs.append((key_data, near_cache.publish(cache_key, reservation, value_data)))
            for cache_key, reservation in reserved.values():
                near_cache.release(cache_key, reservation)
            if error is not None:
                raise error
            return pairs

        return super()._get_all_internal(missing).continue_with(publish)

    def _contains_key_internal(self, key_data) -> Future:
        if self._cache_key_of_data(key_data) in self._near_cache:
            return completed_future(True)
        return super()._contains_key_internal(key_data)

    def destroy(self) -> bool:
        """Destroy the map on the cluster; the Near Cache and its listener go too."""
        self._stop()
        return super().destroy()

    # --- Near Cache access --------------------------------------------------------------------

    @property
    def near_cache(self) -> NearCache:
        """The Near Cache itself (for statistics and tests)."""
        return self._near_cache

    def get_near_cache_stats(self) -> NearCacheStats:
        """A snapshot of the Near Cache counters: hits, misses, entries, evictions, ..."""
        return self._near_cache.stats()

    # --- local mutations (the overrides are made below the class) ------------------------------

    def _cache_key_of_data(self, key_data) -> Any:
        """The cache key of a serialized key: str and int keys as they are, others as bytes."""
        if key_data.get_type() in _PRIMITIVE_KEY_TYPES:
            try:
                key = self._to_object(key_data)
            except Exception:
                return key_data.buffer
            kind = type(key)
            if kind is str or kind is int:
                return key
        return key_data.buffer

    def _invalidating(self, key_datas: List[Any], future: Future) -> Future:
        # Drop the keys now (a read that follows this call must not see the old value)
        # and again once done (a read that raced with the change may have cached it).
        near_cache = self._near_cache
        cache_keys = [self._cache_key_of_data(key_data) for key_data in key_datas]
        near_cache.invalidate_all(cache_keys)

        def again(_: Future) -> None:
            for cache_key in cache_keys:
                near_cache.invalidate(cache_key, count=False)

        future.add_inline_callback(again)
        return future

    def _clearing(self, future: Future) -> Future:
        near_cache = self._near_cache
        near_cache.clear()
        future.add_inline_callback(lambda _: near_cache.clear(count=False))
        return future

    # --- invalidation events --------------------------------------------------------------------

    def _listen_for_invalidations(self) -> None:
        context = self._context
        with_metadata = cluster_protocol_version(context) >= _METADATA_SINCE
        handler = RepairingHandler(self._near_cache, self._cache_key_of_data, self._partition_of,
                                   track_metadata=with_metadata)
        self._task.register(self._near_cache, clear_on_reconnect=not with_metadata)
        timeout = min(context.invocation_service.invocation_timeout, 30.0)
        if with_metadata:
            self._task.initialize(handler, timeout)
            codec = map_add_near_cache_invalidation_listener_codec
        else:
            codec = map_add_near_cache_entry_listener_codec
        name = self.name

        def on_event(message) -> None:
            codec.handle(message, handle_event_imapinvalidation=handler.handle,
                         handle_event_imapbatchinvalidation=handler.handle_batch)

        registration = self._register_listener(
            lambda local_only: codec.encode_request(name, INVALIDATION_EVENT_FLAG, local_only),
            codec.decode_response,
            lambda server_id: map_remove_entry_listener_codec.encode_request(name, server_id),
            on_event)
        try:
            self._listener_id = registration.result(timeout)
        except Exception as e:
            _logger.warning("Near Cache of map '%s': the invalidation listener is not registered (%s); "
                            "cached entries are repaired by reconciliation only", name, e)
            registration.add_inline_callback(self._late_registration)

    def _late_registration(self, registration: Future) -> None:
        if registration.is_success():
            self._listener_id = registration.result()

    def _partition_of(self, key_data) -> int:
        if key_data is None:
            if self._name_partition is None:
                self._name_partition = self._partition_service.get_partition_id(self._to_data(self.name))
            return self._name_partition
        return self._partition_service.get_partition_id(key_data)

    def _stop(self) -> None:
        self._task.deregister(self.name)
        listener_id, self._listener_id = self._listener_id, None
        if listener_id is not None:
            self._deregister_listener(listener_id)
        self._near_cache.clear(count=False)


# Every Map operation that changes entries goes through one of these hooks of Map; the
# overrides drop the entries concerned from the Near Cache.
_ONE_KEY_HOOKS = ("_put_internal", "_set_internal", "_put_if_absent_internal", "_put_transient_internal",
                  "_try_put_internal", "_replace_internal", "_replace_if_same_internal", "_set_ttl_internal",
                  "_remove_internal", "_remove_if_same_internal", "_try_remove_internal", "_delete_internal",
                  "_evict_internal", "_execute_on_key_internal", "_submit_to_key_internal")
_KEY_LIST_HOOKS = ("_execute_on_keys_internal", "_load_given_keys_internal")
_WHOLE_MAP_HOOKS = ("_clear_internal", "_evict_all_internal", "_remove_all_internal", "_load_all_internal",
                    "_execute_on_entries_internal")


def _override(name: str, make):
    base = getattr(Map, name)
    method = make(base)
    method.__name__ = name
    method.__qualname__ = "NearCachedMap." + name
    method.__doc__ = base.__doc__
    setattr(NearCachedMap, name, method)


for _name in _ONE_KEY_HOOKS:
    _override(_name, lambda base: lambda self, key_data, *args: self._invalidating(
        [key_data], base(self, key_data, *args)))
for _name in _KEY_LIST_HOOKS:
    _override(_name, lambda base: lambda self, key_datas, *args: self._invalidating(
        key_datas, base(self, key_datas, *args)))
for _name in _WHOLE_MAP_HOOKS:
    _override(_name, lambda base: lambda self, *args: self._clearing(base(self, *args)))
_override("_put_all_internal", lambda base: lambda self, by_partition: self._invalidating(
    [key_data for pairs in by_partition.values() for key_data, _ in pairs], base(self, by_partition)))
