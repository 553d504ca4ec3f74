"""Small value types that users see: addresses, members, entry views, JSON values."""
import json
from typing import Any, Dict, Optional


class Address:
    """A member's host and port."""

    __slots__ = ("host", "port")

    def __init__(self, host: str, port: int):
        self.host = host
        self.port = port

    def __repr__(self) -> str:
        return "Address(host=%s, port=%d)" % (self.host, self.port)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and self.host == other.host and self.port == other.port

    def __hash__(self) -> int:
        return hash((self.host, self.port))


class Member:
    """A cluster member as the cluster describes it."""

    __slots__ = ("address", "uuid", "is_lite_member", "attributes")

    def __init__(self, address: Address, uuid: str, is_lite_member: bool = False,
                 attributes: Optional[Dict[str, str]] = None):
        self.address = address
        self.uuid = uuid
        self.is_lite_member = is_lite_member
        self.attributes = attributes or {}

    @property
    def lite_member(self) -> bool:
        return self.is_lite_member

    def __repr__(self) -> str:
        lite = " lite" if self.is_lite_member else ""
        return "Member [%s]:%d - %s%s" % (self.address.host, self.address.port, self.uuid, lite)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Member) and self.address == other.address and self.uuid == other.uuid

    def __hash__(self) -> int:
        return hash((self.address, self.uuid))


class DistributedObjectInfo:
    """Name and service of a distributed object that exists on the cluster."""

    __slots__ = ("name", "service_name")

    def __init__(self, name: str, service_name: str):
        self.name = name
        self.service_name = service_name

    def __repr__(self) -> str:
        return "DistributedObjectInfo(name=%s, service_name=%s)" % (self.name, self.service_name)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, DistributedObjectInfo) and self.name == other.name
                and self.service_name == other.service_name)

    def __hash__(self) -> int:
        return hash((self.name, self.service_name))


class DistributedObjectEventType:
    """``DistributedObjectEvent.event_type`` values."""

    CREATED = "CREATED"
    DESTROYED = "DESTROYED"


class DistributedObjectEvent:
    """A distributed object was created or destroyed (``event_type``: a
    :class:`DistributedObjectEventType` string)."""

    __slots__ = ("name", "service_name", "event_type")

    def __init__(self, name: str, service_name: str, event_type: str):
        self.name = name
        self.service_name = service_name
        self.event_type = event_type

    def __repr__(self) -> str:
        return "DistributedObjectEvent(name=%s, service_name=%s, event_type=%s)" % (
            self.name, self.service_name, self.event_type)


class MemberSelector:
    """Chooses members: ``select(member)`` is True for a member to use."""

    def select(self, member: Member) -> bool:
        raise NotImplementedError("a MemberSelector subclass implements select(member)")


class DataMemberSelector(MemberSelector):
    """Selects the members that hold data (not lite members)."""

    def select(self, member: Member) -> bool:
        return not member.is_lite_member


class EntryView:
    """A snapshot of one map entry with its statistics (``Map.get_entry_view``)."""

    __slots__ = ("key", "value", "cost", "creation_time", "expiration_time", "hits",
                 "last_access_time", "last_stored_time", "last_update_time", "version",
                 "eviction_criteria_number", "ttl", "max_idle")

    def __init__(self, key: Any = None, value: Any = None, cost: int = 0, creation_time: int = 0,
                 expiration_time: int = 0, hits: int = 0, last_access_time: int = 0,
                 last_stored_time: int = 0, last_update_time: int = 0, version: int = 0,
                 eviction_criteria_number: int = 0, ttl: int = 0, max_idle: int = -1) -> None:
        self.key = key
        self.value = value
        self.cost = cost
        self.creation_time = creation_time
        self.expiration_time = expiration_time
        self.hits = hits
        self.last_access_time = last_access_time
        self.last_stored_time = last_stored_time
        self.last_update_time = last_update_time
        self.version = version
        self.eviction_criteria_number = eviction_criteria_number
        self.ttl = ttl
        self.max_idle = max_idle

    def __repr__(self) -> str:
        return "EntryView(key=%r, value=%r, version=%d, hits=%d, ttl=%d)" % (
            self.key, self.value, self.version, self.hits, self.ttl)


class HazelcastJsonValue:
    """A JSON document stored as a string, queryable on the member by field.

    Build it from a JSON string or from any object ``json.dumps`` accepts.
    """

    __slots__ = ("_json_string",)

    def __init__(self, value: Any):
        if value is None:
            raise ValueError("HazelcastJsonValue needs a JSON string or a JSON-serializable "
                             "object, got None")
        if isinstance(value, str):
            self._json_string = value
        else:
            try:
                self._json_string = json.dumps(value)
            except (TypeError, ValueError) as e:
                # the class json.dumps raised, as 3.12.3 lets it through: TypeError for an
                # object it cannot encode, ValueError for a circular reference
                raise type(e)("HazelcastJsonValue: %r is not JSON-serializable (%s)"
                              % (type(value).__name__, e)) from None

    def to_string(self) -> str:
        """The JSON text."""
        return self._json_string

    def loads(self) -> Any:
        """The JSON text parsed into Python objects."""
        return json.loads(self._json_string)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HazelcastJsonValue) and self._json_string == other._json_string

    def __hash__(self) -> int:
        return hash(self._json_string)

    def __repr__(self) -> str:
        return "HazelcastJsonValue(%s)" % self._json_string
