"""Distributed Set proxy (``client.get_set(name)``): no duplicates, no order."""
from typing import Any

from hazelcast.future import Future
from hazelcast.protocol.codec import (set_add_all_codec, set_add_codec, set_add_listener_codec,
                                      set_clear_codec, set_compare_and_remove_all_codec,
                                      set_compare_and_retain_all_codec, set_contains_all_codec,
                                      set_contains_codec, set_get_all_codec, set_is_empty_codec,
                                      set_remove_codec, set_remove_listener_codec, set_size_codec)
from hazelcast.proxy.item_collection import ItemCodecs, ItemCollection


class Set(ItemCollection):
    """A distributed set; it lives on one partition (of its name).

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Besides the methods here: ``size``, ``is_empty``,
    ``clear``, ``contains``, ``contains_all``, ``add_all``, ``remove_all``,
    ``retain_all``, ``add_listener``, ``remove_listener``.
    """

    _codecs = ItemCodecs(
        size=set_size_codec,
        is_empty=set_is_empty_codec,
        clear=set_clear_codec,
        contains=set_contains_codec,
        contains_all=set_contains_all_codec,
        add_all=set_add_all_codec,
        compare_and_remove_all=set_compare_and_remove_all_codec,
        compare_and_retain_all=set_compare_and_retain_all_codec,
        add_listener=set_add_listener_codec,
        remove_listener=set_remove_listener_codec)

    def add(self, item: Any) -> Future:
        """Add ``item``; Future of True if it was not there yet."""
        request = set_add_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, set_add_codec.decode_response)

    def remove(self, item: Any) -> Future:
        """Remove ``item``; Future of True if it was there."""
        request = set_remove_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, set_remove_codec.decode_response)

    def get_all(self) -> Future:
        """Future of a list of every item."""
        return self._send(set_get_all_codec.encode_request(self.name), self._decode_items)
