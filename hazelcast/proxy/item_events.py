"""What Queue, Set, List, MultiMap and ReplicatedMap share.

* :class:`ItemEvent` / :class:`ItemEventType`: what an item listener of a
  Queue, Set or List receives (MultiMap and ReplicatedMap listeners receive the
  :class:`~hazelcast.proxy.map_events.EntryEvent` of the Map);
* :class:`ItemCollection`: the methods Queue, Set and List have in common
  (all three live on the one partition their name hashes to);
* argument checks that raise :class:`~hazelcast.errors.IllegalArgumentError`
  naming the argument and what it accepts.
"""
import importlib
from types import SimpleNamespace
from typing import Any, Callable, Dict, Iterable, List, Optional

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future
from hazelcast.protocol.codec.responses import decode_data_response, decode_list_data_response
from hazelcast.proxy.base import NamePartitionedProxy, Proxy, check_int, check_not_none
from hazelcast.proxy.map_events import LISTENER_FUNCTIONS, entry_event_handler


# --- argument checks ----------------------------------------------------------------------

INT_MAX = (1 << 31) - 1


def check_index(value: Any, what: str = "index") -> int:
    """``value`` if it is an int from 0 to 2**31-1 (a list position), else an IllegalArgumentError."""
    return check_int(value, what, 0, INT_MAX)


def listener_functions(method: str, **functions: Optional[Callable]) -> Dict[str, Callable]:
    """The ``*_func`` arguments that were given; an error if none was, or one is not callable."""
    given = {name: function for name, function in functions.items() if function is not None}
    for name, function in given.items():
        if not callable(function):
            raise IllegalArgumentError("%s: %s must be a function taking an event, got %r"
                                       % (method, name, function))
    if not given:
        raise IllegalArgumentError("%s needs at least one of %s (a function taking an event)"
                                   % (method, ", ".join(functions)))
    return given


def entry_listener_functions(**functions: Optional[Callable]) -> Dict[int, Callable]:
    """``{EntryEventType value: function}`` of the ``*_func`` arguments of an ``add_entry_listener``."""
    given = listener_functions("add_entry_listener", **functions)
    return {event_type: given[name] for name, event_type in LISTENER_FUNCTIONS if name in given}


def items_to_data(to_data: Callable[[Any], Any], items: Iterable[Any], what: str = "items") -> List[Any]:
    """Serialize every element of ``items`` (an iterable, none of them None)."""
    if items is None or isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise IllegalArgumentError("%s must be a list (or another iterable) of items, got %r" % (what, items))
    data = []
    for item in items:
        if item is None:
            raise IllegalArgumentError("%s can't contain None" % what)
        data.append(to_data(item))
    return data


def register_listener(proxy: Proxy, add_codec, add_args: tuple, remove_codec, handler: Callable) -> Future:
    """Register a listener of ``proxy`` with ``add_codec.encode_request(name, *add_args, local_only)``,
    removable with ``remove_codec``; ``handler`` gets the event frames. Future of the registration id."""
    name = proxy.name
    return proxy._register_listener(
        lambda local_only: add_codec.encode_request(name, *add_args, local_only), add_codec.decode_response,
        lambda registration_id: remove_codec.encode_request(name, registration_id), handler)


def register_entry_listener(proxy: Proxy, add_codec, add_args: tuple, remove_codec,
                            functions: Dict[int, Callable]) -> Future:
    """:func:`register_listener` whose events become :class:`~hazelcast.proxy.map_events.EntryEvent`
    calls of ``functions`` (``{EntryEventType value: function}``)."""
    handler = entry_event_handler(add_codec, proxy.name, functions, proxy._to_object,
                                  proxy._context.cluster_service.get_member_by_uuid)
    return register_listener(proxy, add_codec, add_args, remove_codec, handler)


# --- item events ----------------------------------------------------------------------------

class ItemEventType:
    """``ItemEvent.event_type`` values."""
    ADDED = 1
    REMOVED = 2

    # 3.12.3's spellings of the same values
    added = ADDED
    removed = REMOVED


class ItemEvent:
    """An item was added to or removed from a Queue, Set or List.

    ``item`` is None unless the listener was added with ``include_value=True``;
    ``member`` is the member where it happened (None if the client does not know it yet).
    """

    __slots__ = ("name", "item", "event_type", "member")

    def __init__(self, name: str, item: Any, event_type: int, member):
        self.name = name
        self.item = item
        self.event_type = event_type
        self.member = member

    def __repr__(self) -> str:
        kind = {ItemEventType.ADDED: "ADDED", ItemEventType.REMOVED: "REMOVED"}.get(self.event_type,
                                                                                  self.event_type)
        return "ItemEvent(name=%s, item=%r, event_type=%s, member=%s)" % (self.name, self.item, kind,
                                                                          self.member)


# --- what Queue, Set and List share -------------------------------------------------------

_SHARED_OPERATIONS = ("size", "is_empty", "clear", "contains", "contains_all", "add_all",
                      "compare_and_remove_all", "compare_and_retain_all", "add_listener", "remove_listener")


class ItemCollection(NamePartitionedProxy):
    """Methods Queue, Set and List share; every request goes to the partition of the name
    (``_send``/``_send_void`` of :class:`~hazelcast.proxy.base.NamePartitionedProxy`).

    A subclass names its codecs' prefix: ``class Set(ItemCollection, codec_prefix="set")``.
    """

    _codecs: SimpleNamespace

    def __init_subclass__(cls, codec_prefix: str, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._codecs = SimpleNamespace(**{
            operation: importlib.import_module("hazelcast.protocol.codec.%s_%s_codec"
                                               % (codec_prefix, operation))
            for operation in _SHARED_OPERATIONS})

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

        return register_listener(self, add_codec, (bool(include_value),), self._codecs.remove_listener,
                                 lambda message: add_codec.handle(message, handle_event_item=on_item))

    def remove_listener(self, registration_id: str) -> Future:
        """Stop a listener added by :meth:`add_listener`; Future of True if it was registered."""
        return self._deregister_listener(registration_id)

    # the names this client used before it took 3.12.3's
    add_item_listener = add_listener
    remove_item_listener = remove_listener
