"""Distributed MultiMap proxy (``client.get_multi_map(name)``): many values per key."""
from typing import Any, Callable, Optional

from hazelcast.future import Future
from hazelcast.protocol.codec import (multi_map_add_entry_listener_codec,
                                      multi_map_add_entry_listener_to_key_codec, multi_map_clear_codec,
                                      multi_map_contains_entry_codec, multi_map_contains_key_codec,
                                      multi_map_contains_value_codec, multi_map_entry_set_codec,
                                      multi_map_force_unlock_codec, multi_map_get_codec,
                                      multi_map_is_locked_codec, multi_map_key_set_codec,
                                      multi_map_lock_codec, multi_map_put_codec, multi_map_remove_codec,
                                      multi_map_remove_entry_codec,
                                      multi_map_remove_entry_listener_codec, multi_map_size_codec,
                                      multi_map_try_lock_codec, multi_map_unlock_codec,
                                      multi_map_value_count_codec, multi_map_values_codec)
from hazelcast.proxy.base import Proxy, check_not_none, next_reference_id, thread_id
from hazelcast.util.duration import HOLD_LOCK, WAIT_FOREVER, to_millis, wait_of
from hazelcast.proxy.item_events import entry_listener_functions
from hazelcast.proxy.map_events import EntryEvent

# Lock requests carry an id that is new for every call, so that a retried request
# is not counted twice by the member. One counter for the process keeps them unique.


def _lease_millis(lease_time: Optional[float]) -> int:
    return to_millis(lease_time, "MultiMap: lease_time", HOLD_LOCK, infinite=True, positive=True)


class MultiMap(Proxy):
    """A distributed map from keys to collections of values, partitioned by key.

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Locks belong to the calling thread (as in Java): the
    thread that locked a key is the one that can unlock it.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_values = lambda message: [
            to_object(d) for d in multi_map_get_codec.decode_response(message)]
        self._decode_entries = lambda message: [
            (to_object(k), to_object(v)) for k, v in multi_map_entry_set_codec.decode_response(message)]

    def _key(self, key: Any):
        check_not_none(key, "key")
        return self._to_data(key)

    def _value(self, value: Any):
        check_not_none(value, "value")
        return self._to_data(value)

    # --- by key ----------------------------------------------------------------------------

    def put(self, key: Any, value: Any) -> Future:
        """Add ``value`` to the values of ``key``; Future of True if it was added."""
        key_data = self._key(key)
        request = multi_map_put_codec.encode_request(self.name, key_data, self._value(value), thread_id())
        return self._invoke_on_key(request, key_data, multi_map_put_codec.decode_response)

    def get(self, key: Any) -> Future:
        """Future of the list of values of ``key`` (empty when none)."""
        key_data = self._key(key)
        request = multi_map_get_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_values)

    def remove(self, key: Any, value: Any) -> Future:
        """Remove ``value`` from the values of ``key``; Future of True if it was there."""
        key_data = self._key(key)
        request = multi_map_remove_entry_codec.encode_request(self.name, key_data, self._value(value),
                                                              thread_id())
        return self._invoke_on_key(request, key_data, multi_map_remove_entry_codec.decode_response)

    def remove_all(self, key: Any) -> Future:
        """Remove ``key`` with all its values; Future of the list of values removed."""
        key_data = self._key(key)
        request = multi_map_remove_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, self._decode_values)

    def contains_key(self, key: Any) -> Future:
        """Future of True if ``key`` has values."""
        key_data = self._key(key)
        request = multi_map_contains_key_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, multi_map_contains_key_codec.decode_response)

    def contains_entry(self, key: Any, value: Any) -> Future:
        """Future of True if ``value`` is among the values of ``key``."""
        key_data = self._key(key)
        request = multi_map_contains_entry_codec.encode_request(self.name, key_data, self._value(value),
                                                                thread_id())
        return self._invoke_on_key(request, key_data, multi_map_contains_entry_codec.decode_response)

    def value_count(self, key: Any) -> Future:
        """Future of the number of values of ``key``."""
        key_data = self._key(key)
        request = multi_map_value_count_codec.encode_request(self.name, key_data, thread_id())
        return self._invoke_on_key(request, key_data, multi_map_value_count_codec.decode_response)

    # --- whole map ---------------------------------------------------------------------------

    def contains_value(self, value: Any) -> Future:
        """Future of True if some key has ``value``."""
        request = multi_map_contains_value_codec.encode_request(self.name, self._value(value))
        return self._invoke(request, multi_map_contains_value_codec.decode_response)

    def size(self) -> Future:
        """Future of the number of key-value pairs."""
        request = multi_map_size_codec.encode_request(self.name)
        return self._invoke(request, multi_map_size_codec.decode_response)

    def clear(self) -> Future:
        """Remove every key and value."""
        return self._invoke(multi_map_clear_codec.encode_request(self.name))._map(lambda _: None)

    def key_set(self) -> Future:
        """Future of the list of keys."""
        return self._invoke(multi_map_key_set_codec.encode_request(self.name), self._decode_values)

    def values(self) -> Future:
        """Future of the list of all values of all keys."""
        return self._invoke(multi_map_values_codec.encode_request(self.name), self._decode_values)

    def entry_set(self) -> Future:
        """Future of the list of ``(key, value)`` pairs, one per value."""
        return self._invoke(multi_map_entry_set_codec.encode_request(self.name), self._decode_entries)

    # --- locks -------------------------------------------------------------------------------

    def lock(self, key: Any, lease_time: Optional[float] = -1) -> Future:
        """Lock ``key`` for this thread, waiting as long as it takes.

        With ``lease_time`` (seconds) the member releases the lock after that long.
        """
        key_data = self._key(key)
        request = multi_map_lock_codec.encode_request(self.name, key_data, thread_id(),
                                                      _lease_millis(lease_time), next_reference_id())
        return self._invoke_on_key(request, key_data, wait_timeout=None)._map(lambda _: None)

    def try_lock(self, key: Any, lease_time: Optional[float] = -1, timeout: Optional[float] = -1) -> Future:
        """Lock ``key`` for this thread if possible within ``timeout`` seconds (-1/None, the
        default as in 3.12.3: as long as it takes; 0: do not wait); Future of True if locked."""
        key_data = self._key(key)
        wait = to_millis(timeout, "MultiMap.try_lock: timeout", WAIT_FOREVER, infinite=True)
        request = multi_map_try_lock_codec.encode_request(self.name, key_data, thread_id(),
                                                          _lease_millis(lease_time), wait,
                                                          next_reference_id())
        return self._invoke_on_key(request, key_data, multi_map_try_lock_codec.decode_response, wait_of(wait))

    def is_locked(self, key: Any) -> Future:
        """Future of True if some thread (anywhere) holds the lock of ``key``."""
        key_data = self._key(key)
        request = multi_map_is_locked_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, multi_map_is_locked_codec.decode_response)

    def unlock(self, key: Any) -> Future:
        """Release this thread's lock of ``key`` (one level of it, if locked several times).

        Fails with :class:`~hazelcast.errors.IllegalMonitorStateError` if this thread does not hold it.
        """
        key_data = self._key(key)
        request = multi_map_unlock_codec.encode_request(self.name, key_data, thread_id(),
                                                        next_reference_id())
        return self._invoke_on_key(request, key_data)._map(lambda _: None)

    def force_unlock(self, key: Any) -> Future:
        """Release the lock of ``key`` whoever holds it."""
        key_data = self._key(key)
        request = multi_map_force_unlock_codec.encode_request(self.name, key_data, next_reference_id())
        return self._invoke_on_key(request, key_data)._map(lambda _: None)

    # --- listeners ---------------------------------------------------------------------------

    def add_entry_listener(self, include_value: bool = False, key: Any = None,
                           added_func: Optional[Callable[[EntryEvent], None]] = None,
                           removed_func: Optional[Callable[[EntryEvent], None]] = None,
                           clear_all_func: Optional[Callable[[EntryEvent], None]] = None) -> Future:
        """Call the functions with an :class:`EntryEvent` as values are added, removed, or all cleared.

        With ``key`` only that key's events come; with ``include_value`` events
        carry the value. Future of the registration id for :meth:`remove_entry_listener`.
        """
        functions = entry_listener_functions(added_func=added_func, removed_func=removed_func,
                                             clear_all_func=clear_all_func)
        if key is None:
            codec, args = multi_map_add_entry_listener_codec, (bool(include_value),)
        else:
            codec, args = multi_map_add_entry_listener_to_key_codec, (self._to_data(key), bool(include_value))
        return self._register_entry_listener(codec, args, multi_map_remove_entry_listener_codec, functions)

    def remove_entry_listener(self, registration_id: str) -> Future:
        """Stop a listener added by :meth:`add_entry_listener`; Future of True if it was registered."""
        return self._deregister_listener(registration_id)
