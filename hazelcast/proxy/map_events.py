"""Map entry events (manual 7.5.2.1): ``EntryEventType``, ``EntryEvent`` and the glue
that turns ``add_entry_listener(added_func=..., ...)`` into listener flags and a
handler for the event frames."""
from typing import Any, Callable, Dict, Optional

from hazelcast.errors import IllegalArgumentError


class EntryEventType:
    """The kinds of entry events; each is also the bit of the listener flags."""

    ADDED = 1
    REMOVED = 2
    UPDATED = 4
    EVICTED = 8
    EVICT_ALL = 16
    CLEAR_ALL = 32
    MERGED = 64
    EXPIRED = 128
    INVALIDATION = 256
    LOADED = 512

    # 3.12.3's spellings of the same values
    added = ADDED
    removed = REMOVED
    updated = UPDATED
    evicted = EVICTED
    evict_all = EVICT_ALL
    clear_all = CLEAR_ALL
    merged = MERGED
    expired = EXPIRED
    invalidation = INVALIDATION
    loaded = LOADED

    _NAMES = {1: "ADDED", 2: "REMOVED", 4: "UPDATED", 8: "EVICTED", 16: "EVICT_ALL",
              32: "CLEAR_ALL", 64: "MERGED", 128: "EXPIRED", 256: "INVALIDATION", 512: "LOADED"}

    @classmethod
    def name_of(cls, event_type: int) -> str:
        return cls._NAMES.get(event_type, str(event_type))


# add_entry_listener keyword -> the event type it listens to
LISTENER_FUNCTIONS = (
    ("added_func", EntryEventType.ADDED),
    ("removed_func", EntryEventType.REMOVED),
    ("updated_func", EntryEventType.UPDATED),
    ("evicted_func", EntryEventType.EVICTED),
    ("evict_all_func", EntryEventType.EVICT_ALL),
    ("clear_all_func", EntryEventType.CLEAR_ALL),
    ("merged_func", EntryEventType.MERGED),
    ("expired_func", EntryEventType.EXPIRED),
    ("loaded_func", EntryEventType.LOADED),
)

_UNSET = object()


class EntryEvent:
    """One map event, as passed to the functions given to ``add_entry_listener``.

    ``key``, ``value``, ``old_value`` and ``merging_value`` are deserialized on first
    access (``value``/``old_value`` are None unless the listener was added with
    ``include_value=True``). ``event_type`` is an :class:`EntryEventType` value,
    ``uuid`` the id of the member that fired it (``member`` is that member, when the
    client knows it), ``number_of_affected_entries`` the count of a map-wide event
    (``clear``/``evict_all``). ``name`` is the map's name.
    """

    __slots__ = ("name", "event_type", "uuid", "number_of_affected_entries", "_to_object",
                 "_raw", "_objects", "_member_lookup")

    def __init__(self, name: str, key, value, old_value, merging_value, event_type: int, uuid: str,
                 number_of_affected_entries: int, to_object: Callable[[Any], Any],
                 member_lookup: Optional[Callable[[str], Any]] = None):
        self.name = name
        self.event_type = event_type
        self.uuid = uuid
        self.number_of_affected_entries = number_of_affected_entries
        self._to_object = to_object
        self._raw = (key, value, old_value, merging_value)
        self._objects = [_UNSET, _UNSET, _UNSET, _UNSET]
        self._member_lookup = member_lookup

    def _field(self, index: int) -> Any:
        value = self._objects[index]
        if value is _UNSET:
            value = self._to_object(self._raw[index])
            self._objects[index] = value
        return value

    @property
    def key(self) -> Any:
        return self._field(0)

    @property
    def value(self) -> Any:
        return self._field(1)

    @property
    def old_value(self) -> Any:
        return self._field(2)

    @property
    def merging_value(self) -> Any:
        return self._field(3)

    @property
    def member(self) -> Any:
        """The member that fired the event (None if the client does not know it)."""
        return self._member_lookup(self.uuid) if self._member_lookup is not None else None

    def __repr__(self) -> str:
        return ("EntryEvent(event_type=%s, key=%r, value=%r, old_value=%r, merging_value=%r, "
                "uuid=%s, number_of_affected_entries=%d)" % (
                    EntryEventType.name_of(self.event_type), self.key, self.value, self.old_value,
                    self.merging_value, self.uuid, self.number_of_affected_entries))


def listener_functions(arguments: Dict[str, Any]) -> Dict[int, Callable[[EntryEvent], Any]]:
    """``{event type: function}`` of the ``*_func`` arguments that were given.

    Raises a typed error when none was given or one is not callable.
    """
    functions = {}
    for argument, event_type in LISTENER_FUNCTIONS:
        function = arguments.get(argument)
        if function is None:
            continue
        if not callable(function):
            raise IllegalArgumentError("add_entry_listener: %s must be a function taking an EntryEvent, "
                                       "got %r" % (argument, function))
        functions[event_type] = function
    if not functions:
        raise IllegalArgumentError("add_entry_listener needs at least one of %s (a function taking an "
                                   "EntryEvent)" % ", ".join(name for name, _ in LISTENER_FUNCTIONS))
    return functions


def listener_flags(functions: Dict[int, Any]) -> int:
    """The listener flags the member filters events by: one bit per event type listened to."""
    flags = 0
    for event_type in functions:
        flags |= event_type
    return flags


def entry_event_handler(codec, name: str, functions: Dict[int, Callable[[EntryEvent], Any]],
                        to_object: Callable[[Any], Any], member_lookup: Callable[[str], Any]):
    """A handler of raw event frames (run on the client's event thread) that builds
    EntryEvents and calls the function registered for their type."""

    def on_entry(key, value, old_value, merging_value, event_type, uuid, number_of_affected_entries):
        function = functions.get(event_type)
        if function is not None:
            function(EntryEvent(name, key, value, old_value, merging_value, event_type, uuid,
                                number_of_affected_entries, to_object, member_lookup))

    def handle(message) -> None:
        codec.handle(message, handle_event_entry=on_entry)

    return handle
