"""``TransactionalList`` and ``TransactionalSet``: a distributed List or Set seen
through a transaction."""
from typing import Any

from hazelcast.protocol.codec import (transactional_list_add_codec, transactional_list_remove_codec,
                                      transactional_list_size_codec, transactional_set_add_codec,
                                      transactional_set_remove_codec, transactional_set_size_codec)
from hazelcast.proxy.transactional.base import TransactionalObject


class _TransactionalCollection(TransactionalObject):
    _add_codec = _remove_codec = _size_codec = None

    def add(self, item: Any) -> bool:
        """Add ``item``; True if the collection changed."""
        return self._call(self._add_codec, self._data(item, "item"))

    def remove(self, item: Any) -> bool:
        """Remove ``item`` (one occurrence); True if it was there."""
        return self._call(self._remove_codec, self._data(item, "item"))

    def size(self) -> int:
        """The number of items, counting this transaction's changes."""
        return self._call(self._size_codec)


class TransactionalList(_TransactionalCollection):
    """``transaction.get_list(name)``."""

    service_name = "hz:impl:listService"
    _add_codec = transactional_list_add_codec
    _remove_codec = transactional_list_remove_codec
    _size_codec = transactional_list_size_codec


class TransactionalSet(_TransactionalCollection):
    """``transaction.get_set(name)``: adding an item it already holds returns False."""

    service_name = "hz:impl:setService"
    _add_codec = transactional_set_add_codec
    _remove_codec = transactional_set_remove_codec
    _size_codec = transactional_set_size_codec
