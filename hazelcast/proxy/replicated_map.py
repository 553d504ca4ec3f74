"""ReplicatedMap proxy (``client.get_replicated_map(name)``): every member holds every entry."""
import random
from typing import Any, Callable, Dict, Optional

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future
from hazelcast.protocol.codec import (replicated_map_add_entry_listener_codec,
                                      replicated_map_add_entry_listener_to_key_codec,
                                      replicated_map_add_entry_listener_to_key_with_predicate_codec,
                                      replicated_map_add_entry_listener_with_predicate_codec,
                                      replicated_map_clear_codec, replicated_map_contains_key_codec,
                                      replicated_map_contains_value_codec, replicated_map_entry_set_codec,
                                      replicated_map_get_codec, replicated_map_is_empty_codec,
                                      replicated_map_key_set_codec, replicated_map_put_all_codec,
                                      replicated_map_put_codec, replicated_map_remove_codec,
                                      replicated_map_remove_entry_listener_codec, replicated_map_size_codec,
                                      replicated_map_values_codec)
from hazelcast.proxy.base import Proxy, check_not_none
from hazelcast.util.duration import to_millis
from hazelcast.proxy.item_events import entry_listener_functions
from hazelcast.proxy.map_events import EntryEvent

# (key given, predicate given) -> the codec that registers such a listener
_ADD_ENTRY_LISTENER_CODECS = {
    (False, False): replicated_map_add_entry_listener_codec,
    (True, False): replicated_map_add_entry_listener_to_key_codec,
    (False, True): replicated_map_add_entry_listener_with_predicate_codec,
    (True, True): replicated_map_add_entry_listener_to_key_with_predicate_codec,
}


class ReplicatedMap(Proxy):
    """A key-value map copied to every member, for fast reads from anywhere.

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Writes go to the partition owner of the key and reach the
    other members asynchronously. Whole-map reads (``size``, ``values``, ...)
    are answered by one member, the owner of a partition this proxy picks at random.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._read_partition = -1
        to_object = self._to_object
        self._decode_value = lambda message: to_object(replicated_map_get_codec.decode_response(message))
        self._decode_values = lambda message: [
            to_object(d) for d in replicated_map_values_codec.decode_response(message)]
        self._decode_entries = lambda message: [
            (to_object(k), to_object(v)) for k, v in replicated_map_entry_set_codec.decode_response(message)]

    def _key(self, key: Any):
        check_not_none(key, "key")
        return self._to_data(key)

    def _invoke_on_read_partition(self, request, decoder: Callable) -> Future:
        if self._read_partition < 0:
            count = self._partition_service.get_partition_count()
            if count == 0:  # not known yet: partition 0 exists in every cluster
                return self._invoke_on_partition(request, 0, decoder)
            self._read_partition = random.randrange(count)
        return self._invoke_on_partition(request, self._read_partition, decoder)

    # --- by key ----------------------------------------------------------------------------

    def put(self, key: Any, value: Any, ttl: float = 0) -> Future:
        """Set ``key`` to ``value`` for ``ttl`` seconds (0: for ever); Future of the old value or None."""
        key_data = self._key(key)
        check_not_none(value, "value")
        request = replicated_map_put_codec.encode_request(self.name, key_data, self._to_data(value),
                                                          to_millis(ttl, "ReplicatedMap.put: ttl"))
        return self._invoke_on_key(request, key_data, self._decode_value)

    def get(self, key: Any) -> Future:
        """Future of the value of ``key``, or None."""
        key_data = self._key(key)
        request = replicated_map_get_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, self._decode_value)

    def remove(self, key: Any) -> Future:
        """Remove ``key``; Future of the value it had, or None."""
        key_data = self._key(key)
        request = replicated_map_remove_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, self._decode_value)

    def contains_key(self, key: Any) -> Future:
        """Future of True if ``key`` has a value."""
        key_data = self._key(key)
        request = replicated_map_contains_key_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, replicated_map_contains_key_codec.decode_response)

    # --- whole map ---------------------------------------------------------------------------

    def put_all(self, map: Dict[Any, Any]) -> Future:  # noqa: A002 - 3.12.3's keyword
        """Put every entry of the dict ``map``."""
        if not isinstance(map, dict):
            raise IllegalArgumentError("map must be a dict of keys to values, got %r" % (map,))
        pairs = []
        for key, value in map.items():
            check_not_none(value, "value")
            pairs.append((self._key(key), self._to_data(value)))
        request = replicated_map_put_all_codec.encode_request(self.name, pairs)
        return self._invoke(request)._map(lambda _: None)

    def contains_value(self, value: Any) -> Future:
        """Future of True if some key has ``value``."""
        check_not_none(value, "value")
        request = replicated_map_contains_value_codec.encode_request(self.name, self._to_data(value))
        return self._invoke_on_read_partition(request, replicated_map_contains_value_codec.decode_response)

    def size(self) -> Future:
        """Future of the number of entries."""
        return self._invoke_on_read_partition(replicated_map_size_codec.encode_request(self.name),
                                              replicated_map_size_codec.decode_response)

    def is_empty(self) -> Future:
        """Future of True if there are no entries."""
        return self._invoke_on_read_partition(replicated_map_is_empty_codec.encode_request(self.name),
                                              replicated_map_is_empty_codec.decode_response)

    def clear(self) -> Future:
        """Remove every entry, on every member."""
        return self._invoke(replicated_map_clear_codec.encode_request(self.name))._map(lambda _: None)

    def key_set(self) -> Future:
        """Future of the list of keys."""
        return self._invoke_on_read_partition(replicated_map_key_set_codec.encode_request(self.name),
                                              self._decode_values)

    def values(self) -> Future:
        """Future of the list of values."""
        return self._invoke_on_read_partition(replicated_map_values_codec.encode_request(self.name),
                                              self._decode_values)

    def entry_set(self) -> Future:
        """Future of the list of ``(key, value)`` pairs."""
        return self._invoke_on_read_partition(replicated_map_entry_set_codec.encode_request(self.name),
                                              self._decode_entries)

    # --- listeners ---------------------------------------------------------------------------

    def add_entry_listener(self, key: Any = None, predicate: Any = None,
                           added_func: Optional[Callable[[EntryEvent], None]] = None,
                           removed_func: Optional[Callable[[EntryEvent], None]] = None,
                           updated_func: Optional[Callable[[EntryEvent], None]] = None,
                           evicted_func: Optional[Callable[[EntryEvent], None]] = None,
                           clear_all_func: Optional[Callable[[EntryEvent], None]] = None) -> Future:
        """Call the functions with an :class:`EntryEvent` as entries change; events carry values.

        ``key`` limits events to that key; ``predicate`` (from
        :mod:`hazelcast.serialization.predicate`) to entries it matches.
        ``evicted_func`` is called when an entry's ``ttl`` ends. Future of the
        registration id for :meth:`remove_entry_listener`.
        """
        if isinstance(predicate, str):
            raise IllegalArgumentError("predicate must be a Predicate (e.g. hazelcast.serialization.predicate"
                                       ".sql(%r)), not a str" % (predicate,))
        functions = entry_listener_functions(added_func=added_func, removed_func=removed_func,
                                             updated_func=updated_func, evicted_func=evicted_func,
                                             clear_all_func=clear_all_func)
        codec = _ADD_ENTRY_LISTENER_CODECS[(key is not None, predicate is not None)]
        args = tuple(self._to_data(argument) for argument in (key, predicate) if argument is not None)
        return self._register_entry_listener(codec, args, replicated_map_remove_entry_listener_codec,
                                       functions)

    def remove_entry_listener(self, registration_id: str) -> Future:
        """Stop a listener added by :meth:`add_entry_listener`; Future of True if it was registered."""
        return self._deregister_listener(registration_id)
