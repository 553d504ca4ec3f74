"""AtomicLong proxy (``client.get_atomic_long(name)``, manual section 7.4.10)."""
from typing import Any

from hazelcast.future import Future
from hazelcast.protocol.codec import (atomic_long_add_and_get_codec, atomic_long_alter_and_get_codec,
                                      atomic_long_alter_codec, atomic_long_apply_codec,
                                      atomic_long_compare_and_set_codec,
                                      atomic_long_decrement_and_get_codec, atomic_long_get_and_add_codec,
                                      atomic_long_get_and_alter_codec,
                                      atomic_long_get_and_increment_codec, atomic_long_get_and_set_codec,
                                      atomic_long_get_codec, atomic_long_increment_and_get_codec,
                                      atomic_long_set_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_int, check_not_none

_long = atomic_long_get_codec.decode_response  # every LONG response decodes alike


class AtomicLong(NamePartitionedProxy):
    """A 64-bit signed integer of the cluster, updated atomically.

    ``alter``/``apply`` take a *function*: an object the member can run, i.e. a
    Java ``IFunction`` registered on the member whose serialized form the
    client sends (an ``IdentifiedDataSerializable``/``Portable`` twin in
    Python). Methods return Futures; ``blocking()`` gives plain values.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_object = lambda message: to_object(atomic_long_apply_codec.decode_response(message))


    def _function_data(self, function: Any, method: str):
        check_not_none(function, "AtomicLong.%s: function" % method)
        return self._to_data(function)

    def get(self) -> Future:
        """Future of the current value."""
        return self._send(atomic_long_get_codec.encode_request(self.name), _long)

    def set(self, new_value: int) -> Future:
        """Set the value."""
        check_int(new_value, "AtomicLong.set: new_value")
        return self._send_void(atomic_long_set_codec.encode_request(self.name, new_value))

    def get_and_set(self, new_value: int) -> Future:
        """Set the value; Future of the old one."""
        check_int(new_value, "AtomicLong.get_and_set: new_value")
        return self._send(atomic_long_get_and_set_codec.encode_request(self.name, new_value), _long)

    def compare_and_set(self, expected: int, updated: int) -> Future:
        """Set ``updated`` if the value is ``expected``; Future of True if it was set."""
        check_int(expected, "AtomicLong.compare_and_set: expected")
        check_int(updated, "AtomicLong.compare_and_set: updated")
        return self._send(atomic_long_compare_and_set_codec.encode_request(self.name, expected, updated),
                          atomic_long_compare_and_set_codec.decode_response)

    def add_and_get(self, delta: int) -> Future:
        """Add ``delta``; Future of the new value."""
        check_int(delta, "AtomicLong.add_and_get: delta")
        return self._send(atomic_long_add_and_get_codec.encode_request(self.name, delta), _long)

    def get_and_add(self, delta: int) -> Future:
        """Add ``delta``; Future of the old value."""
        check_int(delta, "AtomicLong.get_and_add: delta")
        return self._send(atomic_long_get_and_add_codec.encode_request(self.name, delta), _long)

    def increment_and_get(self) -> Future:
        """Add one; Future of the new value."""
        return self._send(atomic_long_increment_and_get_codec.encode_request(self.name), _long)

    def get_and_increment(self) -> Future:
        """Add one; Future of the old value."""
        return self._send(atomic_long_get_and_increment_codec.encode_request(self.name), _long)

    def decrement_and_get(self) -> Future:
        """Subtract one; Future of the new value."""
        return self._send(atomic_long_decrement_and_get_codec.encode_request(self.name), _long)

    def alter(self, function: Any) -> Future:
        """Replace the value with ``function(value)``, run on the member."""
        request = atomic_long_alter_codec.encode_request(self.name, self._function_data(function, "alter"))
        return self._send_void(request)

    def alter_and_get(self, function: Any) -> Future:
        """Replace the value with ``function(value)``; Future of the new value."""
        data = self._function_data(function, "alter_and_get")
        return self._send(atomic_long_alter_and_get_codec.encode_request(self.name, data), _long)

    def get_and_alter(self, function: Any) -> Future:
        """Replace the value with ``function(value)``; Future of the old value."""
        data = self._function_data(function, "get_and_alter")
        return self._send(atomic_long_get_and_alter_codec.encode_request(self.name, data), _long)

    def apply(self, function: Any) -> Future:
        """Future of ``function(value)`` (any serializable result); the value is unchanged."""
        data = self._function_data(function, "apply")
        return self._send(atomic_long_apply_codec.encode_request(self.name, data), self._decode_object)

