"""What Queue, Set, List, MultiMap and ReplicatedMap share.

* :class:`ItemEvent` / :class:`ItemEventType`: what an item listener of a
  Queue, Set or List receives (MultiMap and ReplicatedMap listeners receive the
  :class:`~hazelcast.proxy.map_events.EntryEvent` of the Map);
* argument checks that raise :class:`~hazelcast.errors.IllegalArgumentError`
  naming the argument and what it accepts.
"""
from typing import Any, Callable, Dict, Iterable, List, Optional

from hazelcast.errors import IllegalArgumentError
from hazelcast.proxy.base import check_int
from hazelcast.proxy.map_events import LISTENER_FUNCTIONS


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
