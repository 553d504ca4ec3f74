"""Distributed Map proxy (``client.get_map(name)``)."""
from typing import Any, Dict, Iterable, List, Optional, Tuple

from hazelcast.future import Future, combine_futures
from hazelcast.protocol.codec import (map_clear_codec, map_contains_key_codec, map_contains_value_codec,
                                      map_delete_codec, map_entries_with_predicate_codec,
                                      map_entry_set_codec, map_get_all_codec, map_get_codec,
                                      map_is_empty_codec, map_key_set_codec,
                                      map_key_set_with_predicate_codec, map_put_all_codec,
                                      map_put_codec, map_put_if_absent_codec, map_remove_codec,
                                      map_set_codec, map_size_codec, map_values_codec,
                                      map_values_with_predicate_codec)
from hazelcast.proxy.base import Proxy, check_not_none, thread_id, to_millis

SERVICE_NAME = "hz:impl:mapService"


class Map(Proxy):
    """A distributed key-value map partitioned across the cluster.

    Every method returns a :class:`~hazelcast.future.Future`; use
    ``blocking()`` for plain values. Keys and values go through the client's
    serialization service.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_value = lambda message: to_object(map_get_codec.decode_response(message))
        self._decode_values = lambda message: [to_object(d) for d in map_values_codec.decode_response(message)]
        self._decode_entries = lambda message: [
            (to_object(k), to_object(v)) for k, v in map_entry_set_codec.decode_response(message)]

    # --- single-key operations ------------------------------------------------------------

    def put(self, key: Any, value: Any, ttl: float = -1) -> Future:
        """Set ``key`` to ``value`` (for ``ttl`` seconds, or the map's default); Future of the old value."""
        check_not_none(key, "key")
        check_not_none(value, "value")
        key_data = self._to_data(key)
        request = map_put_codec.encode_request(self.name, key_data, self._to_data(value), thread_id(),
                                               to_millis(ttl))
        return self._invoke_on_key(request, key_data, self._decode_value)

    def get(self, key: Any) -> Future:
        """Future of the value of ``key``, or None."""
        check_not_none(key, "key")
        key_data = self._to_data(key)
        request = map_get_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_value)

    def set(self, key: Any, value: Any, ttl: float = -1) -> Future:
        """Like ``put`` without returning the old value."""
        check_not_none(key, "key")
        check_not_none(value, "value")
        key_data = self._to_data(key)
        request = map_set_codec.encode_request(self.name, key_data, self._to_data(value), thread_id(),
                                               to_millis(ttl))
        return self._invoke_on_key(request, key_data)._map(lambda _: None)

    def put_if_absent(self, key: Any, value: Any, ttl: float = -1) -> Future:
        """Set ``key`` only if it has no value; Future of the existing value (None if set)."""
        check_not_none(key, "key")
        check_not_none(value, "value")
        key_data = self._to_data(key)
        request = map_put_if_absent_codec.encode_request(self.name, key_data, self._to_data(value),
                                                         thread_id(), to_millis(ttl))
        return self._invoke_on_key(request, key_data, self._decode_value)

    def remove(self, key: Any) -> Future:
        """Remove ``key``; Future of the value it had."""
        check_not_none(key, "key")
        key_data = self._to_data(key)
        request = map_remove_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_value)

    def delete(self, key: Any) -> Future:
        """Remove ``key`` without returning its value."""
        check_not_none(key, "key")
        key_data = self._to_data(key)
        request = map_delete_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data)._map(lambda _: None)

    def contains_key(self, key: Any) -> Future:
        """Future of True if the map has ``key``."""
        check_not_none(key, "key")
        key_data = self._to_data(key)
        request = map_contains_key_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, map_contains_key_codec.decode_response)

    def contains_value(self, value: Any) -> Future:
        """Future of True if some key maps to ``value``."""
        check_not_none(value, "value")
        request = map_contains_value_codec.encode_request(self.name, self._to_data(value))
        return self._invoke(request, map_contains_value_codec.decode_response)

    # --- whole-map operations ---------------------------------------------------------------

    def size(self) -> Future:
        """Future of the number of entries."""
        return self._invoke(map_size_codec.encode_request(self.name), map_size_codec.decode_response)

    def is_empty(self) -> Future:
        return self._invoke(map_is_empty_codec.encode_request(self.name), map_is_empty_codec.decode_response)

    def clear(self) -> Future:
        """Remove every entry."""
        return self._invoke(map_clear_codec.encode_request(self.name))._map(lambda _: None)

    def key_set(self, predicate=None) -> Future:
        """Future of the list of keys (matching ``predicate``, when given)."""
        if predicate is None:
            request = map_key_set_codec.encode_request(self.name)
        else:
            request = map_key_set_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._decode_values)

    def values(self, predicate=None) -> Future:
        """Future of the list of values (of entries matching ``predicate``, when given)."""
        if predicate is None:
            request = map_values_codec.encode_request(self.name)
        else:
            request = map_values_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._decode_values)

    def entry_set(self, predicate=None) -> Future:
        """Future of the list of ``(key, value)`` pairs (matching ``predicate``, when given)."""
        if predicate is None:
            request = map_entry_set_codec.encode_request(self.name)
        else:
            request = map_entries_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._decode_entries)

    def put_all(self, entries: Dict[Any, Any]) -> Future:
        """Put every entry of ``entries``; one request per partition owner, sent in parallel."""
        check_not_none(entries, "entries")
        by_partition: Dict[int, List[Tuple[Any, Any]]] = {}
        get_partition_id = self._partition_service.get_partition_id
        for key, value in entries.items():
            check_not_none(key, "key")
            check_not_none(value, "value")
            key_data = self._to_data(key)
            by_partition.setdefault(get_partition_id(key_data), []).append((key_data, self._to_data(value)))
        futures = [self._invoke_on_partition(map_put_all_codec.encode_request(self.name, pairs), partition_id)
                   for partition_id, pairs in by_partition.items()]
        return combine_futures(futures)._map(lambda _: None)

    def get_all(self, keys: Iterable[Any]) -> Future:
        """Future of a dict of the given keys that have values."""
        check_not_none(keys, "keys")
        by_partition: Dict[int, List[Any]] = {}
        get_partition_id = self._partition_service.get_partition_id
        for key in keys:
            check_not_none(key, "key")
            key_data = self._to_data(key)
            by_partition.setdefault(get_partition_id(key_data), []).append(key_data)
        futures = [self._invoke_on_partition(map_get_all_codec.encode_request(self.name, key_list),
                                             partition_id, self._decode_entries)
                   for partition_id, key_list in by_partition.items()]
        return combine_futures(futures)._map(_merge_entry_lists)


def _merge_entry_lists(lists: List[List[Tuple[Any, Any]]]) -> Dict[Any, Any]:
    result: Dict[Any, Any] = {}
    for entries in lists:
        result.update(entries)
    return result
