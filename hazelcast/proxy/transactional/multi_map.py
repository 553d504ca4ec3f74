"""``TransactionalMultiMap``: a distributed MultiMap seen through a transaction."""
from typing import Any, List

from hazelcast.protocol.codec import (transactional_multi_map_get_codec, transactional_multi_map_put_codec,
                                      transactional_multi_map_remove_codec,
                                      transactional_multi_map_remove_entry_codec,
                                      transactional_multi_map_size_codec,
                                      transactional_multi_map_value_count_codec)
from hazelcast.proxy.transactional.base import TransactionalObject


class TransactionalMultiMap(TransactionalObject):
    """``transaction.get_multi_map(name)``: a key maps to several values."""

    service_name = "hz:impl:multiMapService"

    def put(self, key: Any, value: Any) -> bool:
        """Add ``value`` under ``key``; False if the collection already holds it (a set-typed one)."""
        return self._call(transactional_multi_map_put_codec, self._data(key, "key"), self._data(value, "value"))

    def get(self, key: Any) -> List[Any]:
        """The values under ``key`` (an empty list if none)."""
        return self._call_list(transactional_multi_map_get_codec, self._data(key, "key"))

    def remove(self, key: Any, value: Any) -> bool:
        """Remove the one entry ``key`` -> ``value``; True if it was there."""
        return self._call(transactional_multi_map_remove_entry_codec, self._data(key, "key"),
                          self._data(value, "value"))

    def remove_all(self, key: Any) -> List[Any]:
        """Remove every value under ``key``; the values removed."""
        return self._call_list(transactional_multi_map_remove_codec, self._data(key, "key"))

    def value_count(self, key: Any) -> int:
        """How many values ``key`` has."""
        return self._call(transactional_multi_map_value_count_codec, self._data(key, "key"))

    def size(self) -> int:
        """The number of key-value pairs."""
        return self._call(transactional_multi_map_size_codec)
