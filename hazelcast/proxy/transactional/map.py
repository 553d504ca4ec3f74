"""``TransactionalMap``: a distributed Map seen through a transaction."""
from typing import Any, List, Optional

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec import (transactional_map_contains_key_codec, transactional_map_delete_codec,
                                      transactional_map_get_codec, transactional_map_get_for_update_codec,
                                      transactional_map_is_empty_codec, transactional_map_key_set_codec,
                                      transactional_map_key_set_with_predicate_codec,
                                      transactional_map_put_codec, transactional_map_put_if_absent_codec,
                                      transactional_map_remove_codec, transactional_map_remove_if_same_codec,
                                      transactional_map_replace_codec,
                                      transactional_map_replace_if_same_codec, transactional_map_set_codec,
                                      transactional_map_size_codec, transactional_map_values_codec,
                                      transactional_map_values_with_predicate_codec)
from hazelcast.proxy.transactional.base import TransactionalObject
from hazelcast.serialization.predicate import PagingPredicate
from hazelcast.util.duration import to_millis


class TransactionalMap(TransactionalObject):
    """``transaction.get_map(name)``: reads see committed data plus this transaction's
    own changes; writes lock their key until the transaction ends and are applied by
    ``commit()``."""

    service_name = "hz:impl:mapService"

    def contains_key(self, key: Any) -> bool:
        """True if ``key`` has a value (committed, or set in this transaction)."""
        return self._call(transactional_map_contains_key_codec, self._data(key, "key"))

    def get(self, key: Any) -> Any:
        """The value of ``key``, or None."""
        return self._call_object(transactional_map_get_codec, self._data(key, "key"))

    def get_for_update(self, key: Any) -> Any:
        """The value of ``key`` (or None), locking the key until the transaction ends."""
        return self._call_object(transactional_map_get_for_update_codec, self._data(key, "key"))

    def size(self) -> int:
        """The number of entries, counting this transaction's changes."""
        return self._call(transactional_map_size_codec)

    def is_empty(self) -> bool:
        return self._call(transactional_map_is_empty_codec)

    def put(self, key: Any, value: Any, ttl: float = -1) -> Any:
        """Set ``key`` to ``value`` (for ``ttl`` seconds once committed; -1: the map's
        default, 0: forever); the old value."""
        ttl_millis = to_millis(ttl, "TransactionalMap.put: ttl", "use the map's configured time to live")
        return self._call_object(transactional_map_put_codec, self._data(key, "key"),
                                 self._data(value, "value"), ttl_millis)

    def set(self, key: Any, value: Any) -> None:
        """Like ``put`` without returning the old value."""
        self._call(transactional_map_set_codec, self._data(key, "key"), self._data(value, "value"))

    def put_if_absent(self, key: Any, value: Any) -> Any:
        """Set ``key`` only if it has no value; the existing value (None if it was set)."""
        return self._call_object(transactional_map_put_if_absent_codec, self._data(key, "key"),
                                 self._data(value, "value"))

    def replace(self, key: Any, value: Any) -> Any:
        """Set ``key`` only if it has a value; that previous value (None: nothing replaced)."""
        return self._call_object(transactional_map_replace_codec, self._data(key, "key"),
                                 self._data(value, "value"))

    def replace_if_same(self, key: Any, old_value: Any, new_value: Any) -> bool:
        """Set ``key`` to ``new_value`` only if its value is ``old_value``; True if replaced."""
        return self._call(transactional_map_replace_if_same_codec, self._data(key, "key"),
                          self._data(old_value, "old_value"), self._data(new_value, "new_value"))

    def remove(self, key: Any) -> Any:
        """Remove ``key``; the value it had, or None."""
        return self._call_object(transactional_map_remove_codec, self._data(key, "key"))

    def remove_if_same(self, key: Any, value: Any) -> bool:
        """Remove ``key`` only if its value is ``value``; True if removed."""
        return self._call(transactional_map_remove_if_same_codec, self._data(key, "key"),
                          self._data(value, "value"))

    def delete(self, key: Any) -> None:
        """Remove ``key`` without returning its value."""
        self._call(transactional_map_delete_codec, self._data(key, "key"))

    def key_set(self, predicate: Optional[Any] = None) -> List[Any]:
        """The keys (of entries matching ``predicate``, when given)."""
        if predicate is None:
            return self._call_list(transactional_map_key_set_codec)
        return self._call_list(transactional_map_key_set_with_predicate_codec, self._predicate_data(predicate))

    def values(self, predicate: Optional[Any] = None) -> List[Any]:
        """The values (of entries matching ``predicate``, when given)."""
        if predicate is None:
            return self._call_list(transactional_map_values_codec)
        return self._call_list(transactional_map_values_with_predicate_codec, self._predicate_data(predicate))

    def _predicate_data(self, predicate: Any):
        if isinstance(predicate, PagingPredicate):
            raise IllegalArgumentError("A PagingPredicate can't be used in a transaction: use a plain predicate "
                                       "(hazelcast.serialization.predicate) and page the result yourself")
        return self._to_data(predicate)
