"""Distributed Set proxy (``client.get_set(name)``): no duplicates, no order."""
from typing import Any

from hazelcast.future import Future
from hazelcast.protocol.codec import set_add_codec, set_get_all_codec, set_remove_codec
from hazelcast.proxy.item_events import ItemCollection


class Set(ItemCollection, codec_prefix="set"):
    """A distributed set; it lives on one partition (of its name).

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Besides the methods here: ``size``, ``is_empty``,
    ``clear``, ``contains``, ``contains_all``, ``add_all``, ``remove_all``,
    ``retain_all``, ``add_listener``, ``remove_listener``.
    """

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
