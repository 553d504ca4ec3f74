"""Distributed Map proxy (``client.get_map(name)``): manual 7.4.1, 7.5.2, 7.6 and 7.7."""
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from hazelcast.errors import HazelcastSerializationError, IllegalArgumentError, IllegalStateError
from hazelcast.future import Future, combine_futures, completed_future
from hazelcast.protocol.codec import (
    map_add_entry_listener_codec, map_add_entry_listener_to_key_codec,
    map_add_entry_listener_to_key_with_predicate_codec, map_add_entry_listener_with_predicate_codec,
    map_add_index_codec, map_add_interceptor_codec, map_aggregate_codec,
    map_aggregate_with_predicate_codec, map_clear_codec, map_contains_key_codec,
    map_contains_value_codec, map_delete_codec, map_entries_with_paging_predicate_codec,
    map_entries_with_predicate_codec, map_entry_set_codec, map_evict_all_codec, map_evict_codec,
    map_execute_on_all_keys_codec, map_execute_on_key_codec, map_execute_on_keys_codec,
    map_execute_with_predicate_codec, map_flush_codec, map_force_unlock_codec, map_get_all_codec,
    map_get_codec, map_get_entry_view_codec, map_is_empty_codec, map_is_locked_codec,
    map_key_set_codec, map_key_set_with_paging_predicate_codec, map_key_set_with_predicate_codec,
    map_load_all_codec, map_load_given_keys_codec, map_lock_codec, map_project_codec,
    map_project_with_predicate_codec, map_put_all_codec, map_put_codec,
    map_put_if_absent_codec, map_put_if_absent_with_max_idle_codec, map_put_transient_codec,
    map_put_transient_with_max_idle_codec, map_put_with_max_idle_codec, map_remove_all_codec,
    map_remove_codec, map_remove_entry_listener_codec, map_remove_if_same_codec,
    map_remove_interceptor_codec, map_replace_codec, map_replace_if_same_codec, map_set_codec,
    map_set_ttl_codec, map_set_with_max_idle_codec, map_size_codec, map_submit_to_key_codec,
    map_try_lock_codec, map_try_put_codec, map_try_remove_codec, map_unlock_codec,
    map_values_codec, map_values_with_paging_predicate_codec, map_values_with_predicate_codec)
from hazelcast.proxy import map_paging
from hazelcast.proxy.base import Proxy, check_not_none, listener_id, next_reference_id, thread_id
from hazelcast.proxy.map_events import (EntryEvent, EntryEventType, entry_event_handler, listener_flags,
                                        listener_functions)
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable
from hazelcast.serialization.predicate import NOT_PREDICATE_TYPES, PagingPredicate, Predicate
from hazelcast.util.duration import HOLD_LOCK, WAIT_FOREVER, to_millis, wait_of

__all__ = ["Map", "EntryEvent", "EntryEventType"]

SERVICE_NAME = "hz:impl:mapService"

# Lock requests carry an id the member uses to recognise a retried request; it only has
# to grow, so one counter serves every map of the process.

_MEMBER_OBJECT = "an IdentifiedDataSerializable or Portable object (or one with a custom serializer) " \
                 "whose Java twin is on the members' classpath"


def _none(_) -> None:
    return None


# What the sentinels None/-1 mean for each kind of duration a Map takes (see
# hazelcast.util.duration for the rule every duration follows).
_MAP_TTL = "use the map's configured time to live (0 is forever)"
_MAP_MAX_IDLE = "use the map's configured max idle (0 is forever)"


def _ttl_millis(ttl: Optional[float]) -> int:
    return to_millis(ttl, "Map: ttl", _MAP_TTL)


def _timeout_millis(timeout: Optional[float]) -> int:
    return to_millis(timeout, "Map: timeout", WAIT_FOREVER, infinite=True)


def _lease_millis(lease_time: Optional[float]) -> int:
    return to_millis(lease_time, "Map: lease_time", HOLD_LOCK, infinite=True, positive=True)


class Map(Proxy):
    """A distributed key-value map partitioned across the cluster.

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()`` for
    plain values. Keys and values go through the client's serialization service.
    Times (``ttl``, ``max_idle``, ``timeout``; ``ttl`` of ``lock``/``try_lock`` is the
    lease) are in seconds, checked and rounded up to whole milliseconds by
    :mod:`hazelcast.util.duration` (0.0005 s is 1 ms, never 0 = forever); None/-1 is the
    documented default of each, other negatives, NaN and non-numbers raise
    ``IllegalArgumentError``.

    Extension points for a subclass that keeps entries locally (the Near Cache): reads
    of values go through ``_get_by_data``, ``_get_all_by_data`` and
    ``_contains_key_by_data``; every change goes through ``_mutate`` (the entries of
    some keys) or ``_mutate_all`` (any entry).
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_value = lambda message: to_object(map_get_codec.decode_response(message))
        self._decode_objects = lambda message: [to_object(d) for d in map_values_codec.decode_response(message)]
        self._decode_entries = lambda message: [
            (to_object(k), to_object(v)) for k, v in map_entry_set_codec.decode_response(message)]

    # --- argument helpers -------------------------------------------------------------------

    def _key_data(self, key: Any):
        check_not_none(key, "key")
        return self._to_data(key)

    def _value_data(self, value: Any, what: str = "value"):
        check_not_none(value, what)
        return self._to_data(value)

    def _member_object_data(self, obj: Any, what: str):
        """Data of an object the members must run (entry processor, comparator, ...)."""
        check_not_none(obj, what)
        if isinstance(obj, (IdentifiedDataSerializable, Portable)):
            return self._to_data(obj)
        try:
            data = self._to_data(obj)
        except HazelcastSerializationError as e:
            data, error = None, e
        else:
            error = None
        if data is None or data.get_type() <= 0:
            raise IllegalArgumentError("%s must be %s, got %s %r%s" % (
                what, _MEMBER_OBJECT, type(obj).__name__, obj, " (%s)" % error if error else ""))
        return data

    def _predicate_data(self, predicate: Any, paging_allowed: bool = False):
        if isinstance(predicate, PagingPredicate) and not paging_allowed:
            raise IllegalArgumentError("a PagingPredicate can only be used with key_set, values and entry_set; "
                                       "give a plain predicate here")
        if not isinstance(predicate, Predicate):
            if predicate is None or isinstance(predicate, NOT_PREDICATE_TYPES):
                raise IllegalArgumentError(
                    "predicate must be a Predicate from hazelcast.serialization.predicate (e.g. "
                    "sql(\"age < 30\") or is_equal_to(\"name\", \"Joe\")), got %s %r"
                    % (type(predicate).__name__, predicate))
            return self._member_object_data(predicate, "predicate")
        return self._to_data(predicate)

    def _entry_arguments(self, key: Any, value: Any, ttl: Optional[float], max_idle: Optional[float]) -> tuple:
        """``(key Data, value Data, ttl ms, max_idle ms or None)`` for the put-like operations."""
        return (self._key_data(key), self._value_data(value), _ttl_millis(ttl),
                None if max_idle is None else to_millis(max_idle, "Map: max_idle", _MAP_MAX_IDLE))

    def _encode_with_ttl(self, codec, max_idle_codec, key_data, value_data, ttl: int, max_idle: Optional[int]):
        """A put-like request; the max-idle variant (members 3.11+) only when ``max_idle`` is given."""
        if max_idle is None:
            return codec.encode_request(self.name, key_data, value_data, thread_id(), ttl)
        return max_idle_codec.encode_request(self.name, key_data, value_data, thread_id(), ttl, max_idle)

    def _key_data_list(self, keys: Iterable[Any]) -> List[Any]:
        check_not_none(keys, "keys")
        if isinstance(keys, (str, bytes)):
            raise IllegalArgumentError("keys must be a collection of keys, got the single %s %r"
                                       % (type(keys).__name__, keys))
        return [self._key_data(key) for key in keys]

    # --- reads ------------------------------------------------------------------------------

    def get(self, key: Any) -> Future:
        """Future of the value of ``key``, or None."""
        return self._get_by_data(self._key_data(key))

    def _get_by_data(self, key_data) -> Future:
        request = map_get_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_value)

    def get_all(self, keys: Iterable[Any]) -> Future:
        """Future of a dict of those of ``keys`` that have values; one request per partition, in parallel."""
        key_datas = self._key_data_list(keys)
        to_object = self._to_object
        return self._get_all_by_data(key_datas)._map(
            lambda pairs: {to_object(k): to_object(v) for k, v in pairs})

    def _get_all_by_data(self, key_datas: List[Any]) -> Future:
        """Future of the ``(key Data, value Data)`` pairs of the keys that have values."""
        by_partition: Dict[int, List[Any]] = {}
        get_partition_id = self._partition_service.get_partition_id
        for key_data in key_datas:
            by_partition.setdefault(get_partition_id(key_data), []).append(key_data)
        futures = [self._invoke_on_partition(map_get_all_codec.encode_request(self.name, key_list),
                                             partition_id, map_get_all_codec.decode_response)
                   for partition_id, key_list in by_partition.items()]
        return combine_futures(futures)._map(lambda lists: [pair for pairs in lists for pair in pairs])

    def get_entry_view(self, key: Any) -> Future:
        """Future of the :class:`~hazelcast.core.EntryView` of ``key`` (its value and statistics), or None."""
        key_data = self._key_data(key)
        request = map_get_entry_view_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_entry_view)

    def _decode_entry_view(self, message):
        view = map_get_entry_view_codec.decode_response(message)
        if view is not None:
            view.key = self._to_object(view.key)
            view.value = self._to_object(view.value)
        return view

    def contains_key(self, key: Any) -> Future:
        """Future of True if the map has ``key``."""
        return self._contains_key_by_data(self._key_data(key))

    def _contains_key_by_data(self, key_data) -> Future:
        request = map_contains_key_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, map_contains_key_codec.decode_response)

    def contains_value(self, value: Any) -> Future:
        """Future of True if some key maps to ``value``."""
        request = map_contains_value_codec.encode_request(self.name, self._value_data(value))
        return self._invoke(request, map_contains_value_codec.decode_response)

    def size(self) -> Future:
        """Future of the number of entries."""
        return self._invoke(map_size_codec.encode_request(self.name), map_size_codec.decode_response)

    def is_empty(self) -> Future:
        """Future of True if the map has no entries."""
        return self._invoke(map_is_empty_codec.encode_request(self.name), map_is_empty_codec.decode_response)

    # --- the one path of every change -------------------------------------------------------
    #
    # Every method that changes entries hands the Future of its request to one of these two
    # (after sending it): a subclass that keeps entries locally (the Near Cache) overrides
    # them, and nothing else, to drop what changed. tests/unit/test_map_mutations.py checks
    # that every public method either is in its list of reads or goes through here.

    def _mutate(self, key_datas: List[Any], sent: Future) -> Future:
        """``sent``: the Future of a request that changes the entries of ``key_datas``."""
        return sent

    def _mutate_all(self, sent: Future) -> Future:
        """``sent``: the Future of a request that may change any entry."""
        return sent

    def _mutate_key(self, request, key_data, decoder: Optional[Callable] = None,
                    wait_timeout: Optional[float] = 0.0) -> Future:
        return self._mutate([key_data], self._invoke_on_key(request, key_data, decoder, wait_timeout))

    # --- writes -----------------------------------------------------------------------------

    def put(self, key: Any, value: Any, ttl: Optional[float] = -1, max_idle: Optional[float] = None) -> Future:
        """Set ``key`` to ``value``; Future of the old value (or None).

        ``ttl``: seconds the entry lives (None/-1: the map's default, 0: forever);
        ``max_idle``: seconds it may go untouched (members 3.11+).
        """
        key_data, value_data, ttl_ms, max_idle_ms = self._entry_arguments(key, value, ttl, max_idle)
        request = self._encode_with_ttl(map_put_codec, map_put_with_max_idle_codec, key_data, value_data,
                                        ttl_ms, max_idle_ms)
        return self._mutate_key(request, key_data, self._decode_value)

    def set(self, key: Any, value: Any, ttl: Optional[float] = -1, max_idle: Optional[float] = None) -> Future:
        """Like ``put`` without returning the old value (cheaper)."""
        key_data, value_data, ttl_ms, max_idle_ms = self._entry_arguments(key, value, ttl, max_idle)
        request = self._encode_with_ttl(map_set_codec, map_set_with_max_idle_codec, key_data, value_data,
                                        ttl_ms, max_idle_ms)
        return self._mutate_key(request, key_data)._map(_none)

    def put_if_absent(self, key: Any, value: Any, ttl: Optional[float] = -1,
                      max_idle: Optional[float] = None) -> Future:
        """Set ``key`` only if it has no value; Future of the existing value (None if it was set)."""
        key_data, value_data, ttl_ms, max_idle_ms = self._entry_arguments(key, value, ttl, max_idle)
        request = self._encode_with_ttl(map_put_if_absent_codec, map_put_if_absent_with_max_idle_codec, key_data,
                                        value_data, ttl_ms, max_idle_ms)
        return self._mutate_key(request, key_data, self._decode_value)

    def put_transient(self, key: Any, value: Any, ttl: Optional[float] = -1,
                      max_idle: Optional[float] = None) -> Future:
        """Like ``set``, but a MapStore on the members does not store the entry."""
        key_data, value_data, ttl_ms, max_idle_ms = self._entry_arguments(key, value, ttl, max_idle)
        request = self._encode_with_ttl(map_put_transient_codec, map_put_transient_with_max_idle_codec, key_data,
                                        value_data, ttl_ms, max_idle_ms)
        return self._mutate_key(request, key_data)._map(_none)

    def try_put(self, key: Any, value: Any, timeout: float = 0) -> Future:
        """Put, waiting up to ``timeout`` seconds for another thread's lock on ``key``; Future of True if put."""
        key_data, value_data, timeout_ms = self._key_data(key), self._value_data(value), _timeout_millis(timeout)
        request = map_try_put_codec.encode_request(self.name, key_data, value_data, thread_id(), timeout_ms)
        return self._mutate_key(request, key_data, map_try_put_codec.decode_response, wait_of(timeout_ms))

    def replace(self, key: Any, value: Any) -> Future:
        """Set ``key`` to ``value`` only if it has a value; Future of the replaced value (or None)."""
        key_data = self._key_data(key)
        request = map_replace_codec.encode_request(self.name, key_data, self._value_data(value), thread_id())
        return self._mutate_key(request, key_data, self._decode_value)

    def replace_if_same(self, key: Any, old_value: Any, new_value: Any) -> Future:
        """Set ``key`` to ``new_value`` only if its value is ``old_value``; Future of True if replaced."""
        key_data = self._key_data(key)
        request = map_replace_if_same_codec.encode_request(
            self.name, key_data, self._value_data(old_value, "old_value"), self._value_data(new_value, "new_value"),
            thread_id())
        return self._mutate_key(request, key_data, map_replace_if_same_codec.decode_response)

    def set_ttl(self, key: Any, ttl: Optional[float]) -> Future:
        """Give the existing entry of ``key`` a new time to live (members 3.11+); Future of True if it exists."""
        key_data = self._key_data(key)
        request = map_set_ttl_codec.encode_request(self.name, key_data, _ttl_millis(ttl))
        return self._mutate_key(request, key_data, map_set_ttl_codec.decode_response)

    def put_all(self, map: Dict[Any, Any]) -> Future:  # noqa: A002 - 3.12.3's keyword
        """Put every entry of the dict ``map``; one request per partition, sent in parallel."""
        check_not_none(map, "map")
        if not isinstance(map, dict):
            raise IllegalArgumentError("put_all takes a dict of entries, got %s" % type(map).__name__)
        by_partition: Dict[int, List[Tuple[Any, Any]]] = {}
        get_partition_id = self._partition_service.get_partition_id
        key_datas = []
        for key, value in map.items():
            key_data = self._key_data(key)
            key_datas.append(key_data)
            by_partition.setdefault(get_partition_id(key_data), []).append((key_data, self._value_data(value)))
        futures = [self._invoke_on_partition(map_put_all_codec.encode_request(self.name, pairs), partition_id)
                   for partition_id, pairs in by_partition.items()]
        return self._mutate(key_datas, combine_futures(futures)._map(_none))

    # --- removals ---------------------------------------------------------------------------

    def remove(self, key: Any) -> Future:
        """Remove ``key``; Future of the value it had (or None)."""
        key_data = self._key_data(key)
        request = map_remove_codec.encode_request(self.name, key_data, thread_id())
        return self._mutate_key(request, key_data, self._decode_value)

    def remove_if_same(self, key: Any, value: Any) -> Future:
        """Remove ``key`` only if its value is ``value``; Future of True if removed."""
        key_data = self._key_data(key)
        request = map_remove_if_same_codec.encode_request(self.name, key_data, self._value_data(value), thread_id())
        return self._mutate_key(request, key_data, map_remove_if_same_codec.decode_response)

    def try_remove(self, key: Any, timeout: float = 0) -> Future:
        """Remove, waiting up to ``timeout`` seconds for another thread's lock; Future of True if removed."""
        key_data, timeout_ms = self._key_data(key), _timeout_millis(timeout)
        request = map_try_remove_codec.encode_request(self.name, key_data, thread_id(), timeout_ms)
        return self._mutate_key(request, key_data, map_try_remove_codec.decode_response, wait_of(timeout_ms))

    def delete(self, key: Any) -> Future:
        """Remove ``key`` without returning its value."""
        key_data = self._key_data(key)
        request = map_delete_codec.encode_request(self.name, key_data, thread_id())
        return self._mutate_key(request, key_data)._map(_none)

    def evict(self, key: Any) -> Future:
        """Evict ``key`` from memory (a MapStore keeps it); Future of True if it was there."""
        key_data = self._key_data(key)
        request = map_evict_codec.encode_request(self.name, key_data, thread_id())
        return self._mutate_key(request, key_data, map_evict_codec.decode_response)

    def evict_all(self) -> Future:
        """Evict every entry that is not locked (a MapStore keeps them)."""
        return self._mutate_all(self._invoke(map_evict_all_codec.encode_request(self.name))._map(_none))

    def clear(self) -> Future:
        """Remove every entry (and, with a MapStore, delete them from it)."""
        return self._mutate_all(self._invoke(map_clear_codec.encode_request(self.name))._map(_none))

    def remove_all(self, predicate: Predicate) -> Future:
        """Remove every entry ``predicate`` matches (members 3.8+)."""
        request = map_remove_all_codec.encode_request(self.name, self._predicate_data(predicate))
        return self._mutate_all(self._invoke(request)._map(_none))

    # --- MapStore ---------------------------------------------------------------------------

    def flush(self) -> Future:
        """Write every pending (write-behind) entry to the MapStore."""
        return self._invoke(map_flush_codec.encode_request(self.name))._map(_none)

    def load_all(self, keys: Optional[Iterable[Any]] = None, replace_existing_values: bool = True) -> Future:
        """Load ``keys`` (default: every key the MapLoader knows) from the MapLoader into the map."""
        if keys is None:
            request = map_load_all_codec.encode_request(self.name, bool(replace_existing_values))
            return self._mutate_all(self._invoke(request)._map(_none))
        key_datas = self._key_data_list(keys)
        if not key_datas:
            return completed_future(None)
        request = map_load_given_keys_codec.encode_request(self.name, key_datas, bool(replace_existing_values))
        return self._mutate(key_datas, self._invoke(request)._map(_none))

    # --- locks ------------------------------------------------------------------------------

    def lock(self, key: Any, ttl: Optional[float] = -1) -> Future:
        """Lock ``key`` for the calling thread, waiting (on the member) as long as it takes.

        The lock is re-entrant and released after ``ttl`` seconds (the lease; 3.12.3's
        name) if given. Other threads can't change the entry meanwhile; reads still work.
        """
        key_data = self._key_data(key)
        request = map_lock_codec.encode_request(self.name, key_data, thread_id(),
                                                _lease_millis(ttl), next_reference_id())
        return self._invoke_on_key(request, key_data, wait_timeout=None)._map(_none)

    def try_lock(self, key: Any, ttl: Optional[float] = -1, timeout: Optional[float] = 0) -> Future:
        """Lock ``key`` if it gets free within ``timeout`` seconds (None: waits as long as it takes),
        held for at most ``ttl`` seconds (the lease); Future of True if locked."""
        key_data = self._key_data(key)
        wait = _timeout_millis(timeout)
        request = map_try_lock_codec.encode_request(self.name, key_data, thread_id(),
                                                    _lease_millis(ttl), wait, next_reference_id())
        return self._invoke_on_key(request, key_data, map_try_lock_codec.decode_response, wait_of(wait))

    def unlock(self, key: Any) -> Future:
        """Release the calling thread's lock on ``key`` (IllegalMonitorStateError if it does not hold it)."""
        key_data = self._key_data(key)
        request = map_unlock_codec.encode_request(self.name, key_data, thread_id(), next_reference_id())
        return self._invoke_on_key(request, key_data)._map(_none)

    def force_unlock(self, key: Any) -> Future:
        """Release the lock on ``key`` whoever holds it."""
        key_data = self._key_data(key)
        request = map_force_unlock_codec.encode_request(self.name, key_data, next_reference_id())
        return self._invoke_on_key(request, key_data)._map(_none)

    def is_locked(self, key: Any) -> Future:
        """Future of True if some thread holds the lock on ``key``."""
        key_data = self._key_data(key)
        request = map_is_locked_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, map_is_locked_codec.decode_response)

    # --- queries ----------------------------------------------------------------------------

    def key_set(self, predicate: Optional[Predicate] = None) -> Future:
        """Future of the list of keys (matching ``predicate``; a PagingPredicate gives its current page)."""
        if predicate is None:
            return self._invoke(map_key_set_codec.encode_request(self.name), self._decode_objects)
        if isinstance(predicate, PagingPredicate):
            if predicate.comparator is not None:  # the client sorts with it too: it needs the values
                return self._query_page(predicate, map_paging.ENTRY, map_entries_with_paging_predicate_codec,
                                        self._objects_of_pairs, lambda entry: entry[0])
            to_object = self._to_object
            return self._query_page(predicate, map_paging.KEY, map_key_set_with_paging_predicate_codec,
                                    lambda datas: [(to_object(d), None) for d in datas], lambda entry: entry[0])
        request = map_key_set_with_predicate_codec.encode_request(self.name, self._predicate_data(predicate))
        return self._invoke(request, self._decode_objects)

    def values(self, predicate: Optional[Predicate] = None) -> Future:
        """Future of the list of values (of entries matching ``predicate``; paging as ``key_set``)."""
        if predicate is None:
            return self._invoke(map_values_codec.encode_request(self.name), self._decode_objects)
        if isinstance(predicate, PagingPredicate):
            return self._query_page(predicate, map_paging.VALUE, map_values_with_paging_predicate_codec,
                                    self._objects_of_pairs, lambda entry: entry[1])
        request = map_values_with_predicate_codec.encode_request(self.name, self._predicate_data(predicate))
        return self._invoke(request, self._decode_objects)

    def entry_set(self, predicate: Optional[Predicate] = None) -> Future:
        """Future of the list of ``(key, value)`` pairs (matching ``predicate``; paging as ``key_set``)."""
        if predicate is None:
            return self._invoke(map_entry_set_codec.encode_request(self.name), self._decode_entries)
        if isinstance(predicate, PagingPredicate):
            return self._query_page(predicate, map_paging.ENTRY, map_entries_with_paging_predicate_codec,
                                    self._objects_of_pairs, lambda entry: entry)
        request = map_entries_with_predicate_codec.encode_request(self.name, self._predicate_data(predicate))
        return self._invoke(request, self._decode_entries)

    def _objects_of_pairs(self, pairs) -> List[Tuple[Any, Any]]:
        to_object = self._to_object
        return [(to_object(k), to_object(v)) for k, v in pairs]

    def _query_page(self, predicate: PagingPredicate, iteration_type: str, codec,
                    to_entries: Callable, pick: Callable) -> Future:
        map_paging.prepare(predicate, iteration_type)
        request = codec.encode_request(self.name, self._predicate_data(predicate, paging_allowed=True))

        def decode(message):
            entries = to_entries(codec.decode_response(message))
            return [pick(entry) for entry in map_paging.page_of(entries, predicate)]

        return self._invoke(request, decode)

    def add_index(self, attribute: str, ordered: bool = False) -> Future:
        """Index ``attribute`` (e.g. ``"age"``, ``"__key"``, ``"this"``) on the members to speed up queries;
        ``ordered`` for range queries."""
        if not isinstance(attribute, str) or not attribute:
            raise IllegalArgumentError("attribute must be a non-empty attribute name (str), got %r" % (attribute,))
        request = map_add_index_codec.encode_request(self.name, attribute, bool(ordered))
        return self._invoke(request)._map(_none)

    def aggregate(self, aggregator: Any, predicate: Optional[Predicate] = None) -> Future:
        """Run ``aggregator`` (a Java Aggregator's twin) over the entries (matching ``predicate``) on the
        members (3.8+); Future of its result."""
        aggregator_data = self._member_object_data(aggregator, "aggregator")
        if predicate is None:
            request = map_aggregate_codec.encode_request(self.name, aggregator_data)
        else:
            request = map_aggregate_with_predicate_codec.encode_request(self.name, aggregator_data,
                                                                        self._predicate_data(predicate))
        to_object = self._to_object
        return self._invoke(request, lambda message: to_object(map_aggregate_codec.decode_response(message)))

    def project(self, projection: Any, predicate: Optional[Predicate] = None) -> Future:
        """Apply ``projection`` (a Java Projection's twin) to the entries (matching ``predicate``) on the
        members (3.8+); Future of the list of results."""
        projection_data = self._member_object_data(projection, "projection")
        if predicate is None:
            request = map_project_codec.encode_request(self.name, projection_data)
        else:
            request = map_project_with_predicate_codec.encode_request(self.name, projection_data,
                                                                      self._predicate_data(predicate))
        to_object = self._to_object
        return self._invoke(request, lambda message: [
            to_object(d) for d in map_project_codec.decode_response(message)])

    # --- entry processors -------------------------------------------------------------------

    def execute_on_key(self, key: Any, entry_processor: Any) -> Future:
        """Run ``entry_processor`` on the entry of ``key`` on its member; Future of its result."""
        key_data = self._key_data(key)
        processor_data = self._member_object_data(entry_processor, "entry_processor")
        request = map_execute_on_key_codec.encode_request(self.name, processor_data, key_data, thread_id())
        return self._mutate_key(request, key_data, self._decode_value)

    def submit_to_key(self, key: Any, entry_processor: Any) -> Future:
        """Like ``execute_on_key`` (the member runs it asynchronously)."""
        key_data = self._key_data(key)
        processor_data = self._member_object_data(entry_processor, "entry_processor")
        request = map_submit_to_key_codec.encode_request(self.name, processor_data, key_data, thread_id())
        return self._mutate_key(request, key_data, self._decode_value)

    def execute_on_keys(self, keys: Iterable[Any], entry_processor: Any) -> Future:
        """Run ``entry_processor`` on the entries of ``keys``; Future of the list of
        ``(key, result)`` pairs (3.12.3's shape: ``dict(...)`` it for a lookup)."""
        key_datas = self._key_data_list(keys)
        processor_data = self._member_object_data(entry_processor, "entry_processor")
        if not key_datas:
            return completed_future([])
        request = map_execute_on_keys_codec.encode_request(self.name, processor_data, key_datas)
        return self._mutate(key_datas, self._invoke(request, self._decode_entries))

    def execute_on_entries(self, entry_processor: Any, predicate: Optional[Predicate] = None) -> Future:
        """Run ``entry_processor`` on every entry (matching ``predicate``); Future of the
        list of ``(key, result)`` pairs (3.12.3's shape)."""
        processor_data = self._member_object_data(entry_processor, "entry_processor")
        if predicate is None:
            request = map_execute_on_all_keys_codec.encode_request(self.name, processor_data)
        else:
            request = map_execute_with_predicate_codec.encode_request(self.name, processor_data,
                                                                      self._predicate_data(predicate))
        return self._mutate_all(self._invoke(request, self._decode_entries))

    # --- interceptors -----------------------------------------------------------------------

    def add_interceptor(self, interceptor: Any) -> Future:
        """Add a MapInterceptor (the twin of a Java one) on the members; Future of its id."""
        request = map_add_interceptor_codec.encode_request(self.name,
                                                           self._member_object_data(interceptor, "interceptor"))
        return self._invoke(request, map_add_interceptor_codec.decode_response)

    def remove_interceptor(self, registration_id: str) -> Future:
        """Remove the interceptor ``add_interceptor`` returned the id of; Future of True if it existed."""
        if not isinstance(registration_id, str):
            raise IllegalArgumentError("registration_id must be the str add_interceptor returned, got %r"
                                       % (registration_id,))
        request = map_remove_interceptor_codec.encode_request(self.name, registration_id)
        return self._invoke(request, map_remove_interceptor_codec.decode_response)

    # --- entry listeners --------------------------------------------------------------------

    def add_entry_listener(self, include_value: bool = False, key: Any = None, predicate: Optional[Predicate] = None,
                           added_func: Optional[Callable] = None, removed_func: Optional[Callable] = None,
                           updated_func: Optional[Callable] = None, evicted_func: Optional[Callable] = None,
                           evict_all_func: Optional[Callable] = None, clear_all_func: Optional[Callable] = None,
                           merged_func: Optional[Callable] = None, expired_func: Optional[Callable] = None,
                           loaded_func: Optional[Callable] = None) -> Future:
        """Call the given functions with an :class:`~hazelcast.proxy.map_events.EntryEvent` for each event.

        Only events of ``key`` and/or of entries matching ``predicate`` arrive when given;
        ``include_value`` adds the values to the events. The listener is registered on the
        members before this returns (so it sees every operation issued after the call),
        and again on every member the client connects to later. Future of the
        registration id for ``remove_entry_listener``.
        """
        functions = listener_functions(locals())
        flags = listener_flags(functions)
        include_value = bool(include_value)
        name = self.name
        predicate_data = None if predicate is None else self._predicate_data(predicate)
        if key is not None:
            key_data = self._to_data(key)
            if predicate_data is not None:
                codec = map_add_entry_listener_to_key_with_predicate_codec
                arguments = (name, key_data, predicate_data, include_value, flags)
            else:
                codec = map_add_entry_listener_to_key_codec
                arguments = (name, key_data, include_value, flags)
        elif predicate_data is not None:
            codec = map_add_entry_listener_with_predicate_codec
            arguments = (name, predicate_data, include_value, flags)
        else:
            codec = map_add_entry_listener_codec
            arguments = (name, include_value, flags)
        handler = entry_event_handler(codec, name, functions, self._to_object,
                                      self._context.cluster_service.get_member_by_uuid)
        registered = self._register_listener(
            lambda local_only: codec.encode_request(*arguments, local_only), codec.decode_response,
            lambda server_id: map_remove_entry_listener_codec.encode_request(name, server_id), handler)
        try:
            registered.exception()  # wait for the members to know the listener
        except IllegalStateError:
            pass  # called on the I/O thread (in a callback): can't wait there
        return registered

    def remove_entry_listener(self, registration_id: str) -> Future:
        """Stop the listener ``add_entry_listener`` returned the id of (or the Future of it);
        Future of True if it existed."""
        registration_id = listener_id(registration_id)
        if not isinstance(registration_id, str):
            raise IllegalArgumentError("registration_id must be the str add_entry_listener returned, got %r"
                                       % (registration_id,))
        return self._deregister_listener(registration_id)
