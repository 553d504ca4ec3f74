"""Distributed List proxy (``client.get_list(name)``): ordered, duplicates allowed."""
from typing import Any, Iterable

from hazelcast.future import Future
from hazelcast.protocol.codec import (list_add_all_codec, list_add_all_with_index_codec, list_add_codec,
                                      list_add_listener_codec, list_add_with_index_codec,
                                      list_clear_codec, list_compare_and_remove_all_codec,
                                      list_compare_and_retain_all_codec, list_contains_all_codec,
                                      list_contains_codec, list_get_all_codec, list_get_codec,
                                      list_index_of_codec, list_is_empty_codec, list_iterator_codec,
                                      list_last_index_of_codec, list_list_iterator_codec,
                                      list_remove_codec, list_remove_listener_codec,
                                      list_remove_with_index_codec, list_set_codec, list_size_codec,
                                      list_sub_codec)
from hazelcast.proxy.item_collection import ItemCodecs, ItemCollection
from hazelcast.proxy.item_events import check_index, items_to_data


class List(ItemCollection):
    """A distributed list; it lives on one partition (of its name).

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. An index past the end fails with
    :class:`~hazelcast.errors.IndexOutOfBoundsError` (from the member); a negative
    one or a non-int with :class:`~hazelcast.errors.IllegalArgumentError`. Besides the methods
    here: ``size``, ``is_empty``, ``clear``, ``contains``, ``contains_all``,
    ``add_all``, ``remove_all``, ``retain_all``, ``add_listener``,
    ``remove_listener``.
    """

    _codecs = ItemCodecs(
        size=list_size_codec,
        is_empty=list_is_empty_codec,
        clear=list_clear_codec,
        contains=list_contains_codec,
        contains_all=list_contains_all_codec,
        add_all=list_add_all_codec,
        compare_and_remove_all=list_compare_and_remove_all_codec,
        compare_and_retain_all=list_compare_and_retain_all_codec,
        add_listener=list_add_listener_codec,
        remove_listener=list_remove_listener_codec)

    def add(self, item: Any) -> Future:
        """Append ``item``; Future of True."""
        request = list_add_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, list_add_codec.decode_response)

    def add_at(self, index: int, item: Any) -> Future:
        """Insert ``item`` at ``index``, shifting the later items."""
        request = list_add_with_index_codec.encode_request(self.name, check_index(index),
                                                           self._item_data(item))
        return self._send_void(request)

    def add_all_at(self, index: int, items: Iterable[Any]) -> Future:
        """Insert ``items`` (in their order) at ``index``; Future of True if the list changed."""
        request = list_add_all_with_index_codec.encode_request(
            self.name, check_index(index), items_to_data(self._to_data, items))
        return self._send(request, list_add_all_with_index_codec.decode_response)

    def get(self, index: int) -> Future:
        """Future of the item at ``index``."""
        request = list_get_codec.encode_request(self.name, check_index(index))
        return self._send(request, self._decode_item)

    def set_at(self, index: int, item: Any) -> Future:
        """Replace the item at ``index``; Future of the item that was there."""
        request = list_set_codec.encode_request(self.name, check_index(index), self._item_data(item))
        return self._send(request, self._decode_item)

    def remove(self, item: Any) -> Future:
        """Remove the first occurrence of ``item``; Future of True if there was one."""
        request = list_remove_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, list_remove_codec.decode_response)

    def remove_at(self, index: int) -> Future:
        """Remove the item at ``index``; Future of that item."""
        request = list_remove_with_index_codec.encode_request(self.name, check_index(index))
        return self._send(request, self._decode_item)

    def index_of(self, item: Any) -> Future:
        """Future of the index of the first occurrence of ``item``, or -1."""
        request = list_index_of_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, list_index_of_codec.decode_response)

    def last_index_of(self, item: Any) -> Future:
        """Future of the index of the last occurrence of ``item``, or -1."""
        request = list_last_index_of_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, list_last_index_of_codec.decode_response)

    def sub_list(self, from_index: int, to_index: int) -> Future:
        """Future of a list of the items from ``from_index`` (inclusive) to ``to_index`` (exclusive)."""
        request = list_sub_codec.encode_request(self.name, check_index(from_index, "from_index"),
                                                check_index(to_index, "to_index"))
        return self._send(request, self._decode_items)

    def get_all(self) -> Future:
        """Future of a list of every item, in order."""
        return self._send(list_get_all_codec.encode_request(self.name), self._decode_items)

    def iterator(self) -> Future:
        """Future of a list of every item, in order (a snapshot to iterate over)."""
        return self._send(list_iterator_codec.encode_request(self.name), self._decode_items)

    def list_iterator(self, index: int = 0) -> Future:
        """Future of a list of the items from ``index`` on, in order (a snapshot)."""
        request = list_list_iterator_codec.encode_request(self.name, check_index(index))
        return self._send(request, self._decode_items)
