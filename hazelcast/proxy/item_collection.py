"""The methods Queue, Set and List have in common (all three live on the one partition
their name hashes to)."""
from types import ModuleType
from typing import Any, Callable, Iterable, NamedTuple, Optional

from hazelcast.future import Future
from hazelcast.protocol.codec.responses import decode_data_response, decode_list_data_response
from hazelcast.proxy.base import NamePartitionedProxy, check_not_none
from hazelcast.proxy.item_events import ItemEvent, ItemEventType, items_to_data, listener_functions


class ItemCodecs(NamedTuple):
    """The codecs of the operations Queue, Set and List share (each has its own)."""
    size: ModuleType
    is_empty: ModuleType
    clear: ModuleType
    contains: ModuleType
    contains_all: ModuleType
    add_all: ModuleType
    compare_and_remove_all: ModuleType
    compare_and_retain_all: ModuleType
    add_listener: ModuleType
    remove_listener: ModuleType


class ItemCollection(NamePartitionedProxy):
    """Methods Queue, Set and List share; every request goes to the partition of the name
    (``_send``/``_send_void`` of :class:`~hazelcast.proxy.base.NamePartitionedProxy`).

    A subclass names its codecs in ``_codecs``.
    """

    _codecs: ItemCodecs

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_item = lambda message: to_object(decode_data_response(message))
        self._decode_items = lambda message: [to_object(d) for d in decode_list_data_response(message)]

    def _item_data(self, item: Any, what: str = "item"):
        check_not_none(item, what)
        return self._to_data(item)

    def _send_items(self, codec, items: Iterable[Any]) -> Future:
        """Send a request of ``codec`` that carries the name and ``items``."""
        request = codec.encode_request(self.name, items_to_data(self._to_data, items))
        return self._send(request, codec.decode_response)

    def size(self) -> Future:
        """Future of the number of items."""
        codec = self._codecs.size
        return self._send(codec.encode_request(self.name), codec.decode_response)

    def is_empty(self) -> Future:
        """Future of True if there are no items."""
        codec = self._codecs.is_empty
        return self._send(codec.encode_request(self.name), codec.decode_response)

    def clear(self) -> Future:
        """Remove every item."""
        return self._send_void(self._codecs.clear.encode_request(self.name))

    def contains(self, item: Any) -> Future:
        """Future of True if ``item`` is there."""
        codec = self._codecs.contains
        return self._send(codec.encode_request(self.name, self._item_data(item)), codec.decode_response)

    def contains_all(self, items: Iterable[Any]) -> Future:
        """Future of True if every one of ``items`` is there."""
        return self._send_items(self._codecs.contains_all, items)

    def add_all(self, items: Iterable[Any]) -> Future:
        """Add every one of ``items``; Future of True if that changed the collection."""
        return self._send_items(self._codecs.add_all, items)

    def remove_all(self, items: Iterable[Any]) -> Future:
        """Remove every item equal to one of ``items``; Future of True if any was removed."""
        return self._send_items(self._codecs.compare_and_remove_all, items)

    def retain_all(self, items: Iterable[Any]) -> Future:
        """Keep only the items equal to one of ``items``; Future of True if any was removed."""
        return self._send_items(self._codecs.compare_and_retain_all, items)

    def add_listener(self, include_value: bool = False,
                     item_added_func: Optional[Callable[[ItemEvent], None]] = None,
                     item_removed_func: Optional[Callable[[ItemEvent], None]] = None) -> Future:
        """Call the functions with an :class:`ItemEvent` as items come and go.

        With ``include_value`` the event carries the item. Future of the
        registration id for :meth:`remove_listener`.
        """
        add_codec = self._codecs.add_listener
        name = self.name
        given = listener_functions("add_listener", item_added_func=item_added_func,
                                   item_removed_func=item_removed_func)
        functions = {ItemEventType.ADDED: given.get("item_added_func"),
                     ItemEventType.REMOVED: given.get("item_removed_func")}
        to_object = self._to_object
        members = self._context.cluster_service

        def on_item(item, uuid, event_type):
            function = functions.get(event_type)
            if function is not None:
                function(ItemEvent(name, to_object(item), event_type, members.get_member_by_uuid(uuid)))

        return self._register_codec_listener(add_codec, (bool(include_value),), self._codecs.remove_listener,
                                             lambda message: add_codec.handle(message, handle_event_item=on_item))

    def remove_listener(self, registration_id: str) -> Future:
        """Stop a listener added by :meth:`add_listener`; Future of True if it was registered."""
        return self._deregister_listener(registration_id)

    # the names this client used before it took 3.12.3's
    add_item_listener = add_listener
    remove_item_listener = remove_listener
