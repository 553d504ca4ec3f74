"""AtomicReference proxy (``client.get_atomic_reference(name)``)."""
from typing import Any

from hazelcast.future import Future
from hazelcast.protocol.codec import (atomic_reference_alter_and_get_codec, atomic_reference_alter_codec,
                                      atomic_reference_apply_codec, atomic_reference_clear_codec,
                                      atomic_reference_compare_and_set_codec,
                                      atomic_reference_contains_codec,
                                      atomic_reference_get_and_alter_codec,
                                      atomic_reference_get_and_set_codec, atomic_reference_get_codec,
                                      atomic_reference_is_null_codec,
                                      atomic_reference_set_and_get_codec, atomic_reference_set_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_not_none

_bool = atomic_reference_contains_codec.decode_response  # every BOOLEAN response decodes alike


class AtomicReference(NamePartitionedProxy):
    """One value of the cluster (any serializable object, or None), updated atomically.

    The member compares values by their serialized form (``compare_and_set``,
    ``contains``). ``alter``/``apply`` take a function the member can run (a
    Java ``IFunction`` with a serializable Python twin). Methods return
    Futures; ``blocking()`` gives plain values.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_object = lambda message: to_object(atomic_reference_get_codec.decode_response(message))


    def _value_data(self, value: Any):
        return None if value is None else self._to_data(value)

    def _function_data(self, function: Any, method: str):
        check_not_none(function, "AtomicReference.%s: function" % method)
        return self._to_data(function)

    def get(self) -> Future:
        """Future of the value (None if unset)."""
        return self._send(atomic_reference_get_codec.encode_request(self.name), self._decode_object)

    def set(self, new_value: Any) -> Future:
        """Set the value (None clears it)."""
        request = atomic_reference_set_codec.encode_request(self.name, self._value_data(new_value))
        return self._send_void(request)

    def get_and_set(self, new_value: Any) -> Future:
        """Set the value; Future of the old one."""
        request = atomic_reference_get_and_set_codec.encode_request(self.name, self._value_data(new_value))
        return self._send(request, self._decode_object)

    def set_and_get(self, new_value: Any) -> Future:
        """Set the value; Future of the new one."""
        request = atomic_reference_set_and_get_codec.encode_request(self.name, self._value_data(new_value))
        return self._send(request, self._decode_object)

    def compare_and_set(self, expected: Any, updated: Any) -> Future:
        """Set ``updated`` if the value equals ``expected``; Future of True if it was set."""
        request = atomic_reference_compare_and_set_codec.encode_request(
            self.name, self._value_data(expected), self._value_data(updated))
        return self._send(request, _bool)

    def contains(self, expected: Any) -> Future:
        """Future of True if the value equals ``expected`` (None: if it is unset)."""
        request = atomic_reference_contains_codec.encode_request(self.name, self._value_data(expected))
        return self._send(request, _bool)

    def is_null(self) -> Future:
        """Future of True if no value is set."""
        return self._send(atomic_reference_is_null_codec.encode_request(self.name), _bool)

    def clear(self) -> Future:
        """Unset the value."""
        return self._send_void(atomic_reference_clear_codec.encode_request(self.name))

    def alter(self, function: Any) -> Future:
        """Replace the value with ``function(value)``, run on the member."""
        request = atomic_reference_alter_codec.encode_request(self.name, self._function_data(function, "alter"))
        return self._send_void(request)

    def alter_and_get(self, function: Any) -> Future:
        """Replace the value with ``function(value)``; Future of the new value."""
        data = self._function_data(function, "alter_and_get")
        return self._send(atomic_reference_alter_and_get_codec.encode_request(self.name, data), self._decode_object)

    def get_and_alter(self, function: Any) -> Future:
        """Replace the value with ``function(value)``; Future of the old value."""
        data = self._function_data(function, "get_and_alter")
        return self._send(atomic_reference_get_and_alter_codec.encode_request(self.name, data), self._decode_object)

    def apply(self, function: Any) -> Future:
        """Future of ``function(value)``; the value is unchanged."""
        data = self._function_data(function, "apply")
        return self._send(atomic_reference_apply_codec.encode_request(self.name, data), self._decode_object)

