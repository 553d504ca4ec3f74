"""A Map proxy with a Near Cache (manual section 7.8.1).

Which maps get one, and how the caches are repaired: :mod:`hazelcast.near_cache_manager`.
``get``/``get_all``/``contains_key`` answer from the cache when they can; a miss reads
from the cluster and caches the value (reserved before the request, so an invalidation
that arrives meanwhile keeps the outdated value out). Every mutation through this
proxy drops the local entry (when sent and again when done). With
``invalidate_on_change`` the client listens to the members' invalidation events.
"""
import logging
from typing import Any, Dict, List, Optional, Tuple

from hazelcast.config import NearCacheConfig
from hazelcast.future import Future, completed_future
from hazelcast.near_cache import NearCache, NearCacheStats, RepairingHandler
from hazelcast.protocol.codec import (map_add_near_cache_entry_listener_codec,
                                      map_add_near_cache_invalidation_listener_codec,
                                      map_get_codec, map_remove_entry_listener_codec)
from hazelcast.proxy.base import cluster_protocol_version, thread_id
from hazelcast.proxy.map import Map
from hazelcast.serialization import constants as _types

_logger = logging.getLogger("HazelcastClient.NearCache")

INVALIDATION_EVENT_FLAG = 256  # EntryEventType.INVALIDATION
_METADATA_SINCE = (1, 4)  # Hazelcast 3.8: partition UUIDs and sequences in invalidation events
# Serialized key types that may stand for a str or int key, which the cache holds as is.
_PRIMITIVE_KEY_TYPES = frozenset((_types.CONSTANT_TYPE_STRING, _types.CONSTANT_TYPE_INTEGER,
                                  _types.CONSTANT_TYPE_LONG, _types.CONSTANT_TYPE_SHORT,
                                  _types.CONSTANT_TYPE_BYTE))


# --- the proxy ------------------------------------------------------------------------------

class NearCachedMap(Map):
    """A :class:`~hazelcast.proxy.map.Map` whose reads are served from a local Near Cache.

    Created by ``client.get_map(name)`` when a ``NearCacheConfig`` applies to ``name``.
    ``get``, ``get_all`` and ``contains_key`` answer from the cache when they can;
    ``get_near_cache_stats()`` tells how the cache does.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        manager = context.near_cache_manager
        config = manager.config_for(name) or NearCacheConfig(name)
        self._near_cache = NearCache(name, config, self._to_object)
        self._near_caches = manager
        self._listener_id: Optional[str] = None
        self._name_partition: Optional[int] = None
        if config.invalidate_on_change:
            self._listen_for_invalidations()
        else:
            self._near_caches.register(self._near_cache)

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

    def _get_by_data(self, key_data) -> Future:
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

    def _get_all_by_data(self, key_datas: List[Any]) -> Future:
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

        return super()._get_all_by_data(missing).continue_with(publish)

    def _contains_key_by_data(self, key_data) -> Future:
        if self._cache_key_of_data(key_data) in self._near_cache:
            return completed_future(True)
        return super()._contains_key_by_data(key_data)

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

    # --- changes: Map sends every one through _mutate or _mutate_all ----------------------------

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

    def _mutate(self, key_datas: List[Any], future: Future) -> Future:
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

    def _mutate_all(self, future: Future) -> Future:
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
        self._near_caches.register(self._near_cache, clear_on_reconnect=not with_metadata)
        timeout = min(context.invocation_service.invocation_timeout, 30.0)
        if with_metadata:
            self._near_caches.initialize(handler, timeout)
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
        self._near_caches.deregister(self.name)
        listener_id, self._listener_id = self._listener_id, None
        if listener_id is not None:
            self._deregister_listener(listener_id)
        self._near_cache.clear(count=False)
