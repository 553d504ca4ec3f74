"""Client configuration: what a :class:`ClientConfig` holds and how it is checked.

Everything the user manual configures lives here and is importable from
``hazelcast.config``: :class:`ClientConfig` and its parts, the constant
classes (:class:`IN_MEMORY_FORMAT`, :class:`EVICTION_POLICY`,
:class:`PROTOCOL`, ``INTEGER_TYPE``), the client properties
(:class:`ClientProperty`, :class:`ClientProperties`) and
:class:`LoggerConfig`.

Validation happens in two places:

* **at assignment** -- every setting (``smart_routing``,
  ``connection_timeout``, ``NearCacheConfig.eviction_max_size``,
  ``SSLConfig.protocol``, ``ClientNetworkConfig.addresses`` ...) is checked
  when it is set, and a bad value raises
  :class:`hazelcast.errors.ConfigurationError` (a ``ValueError``) naming the
  attribute, the value and what is accepted. Durations follow the one rule of
  :mod:`hazelcast.util.duration` (numbers of seconds, no NaN/infinity/bool);
* **at client start** -- lists and dicts that the manual tells users to
  mutate in place (``addresses.append``, ``data_serializable_factories[1] =``,
  ...) are checked again, with the rules that span several objects, by
  :meth:`ClientConfig.validate`, which the client calls before it connects.

Names the client does not know are logged, not refused, because the 3.12.3
client accepted them: assigning an attribute that is not a setting (e.g.
``NearCacheConfig().tll_seconds = 5``) logs a warning on the
``HazelcastClient.Config`` logger naming the closest setting
(``time_to_live_seconds``); so does a property name that is close to a known
one (a likely typo). Other unknown property names (e.g. member-side or Java
client properties shared with other configs) are logged at INFO.
"""
import logging
import math
import numbers
import os
from typing import (Any, Callable, Dict, FrozenSet, Generic, List, Literal, NamedTuple, Optional, Set, Tuple, Type,
                    TypeVar, overload)

from hazelcast.errors import ConfigurationError
from hazelcast.serialization.constants import INTEGER_TYPE
from hazelcast.util.duration import checked_seconds
from hazelcast.util.suggest import close_match

_logger = logging.getLogger("HazelcastClient.Config")

__all__ = [
    "INTEGER_TYPE", "IN_MEMORY_FORMAT", "EVICTION_POLICY", "PROTOCOL", "TimeUnit",
    "GroupConfig", "SSLConfig", "ClientCloudConfig", "ClientNetworkConfig",
    "SerializationConfig", "NearCacheConfig", "FlakeIdGeneratorConfig", "LoggerConfig",
    "ClientProperty", "ClientProperties", "ClientConfig", "TOPIC_OVERLOAD_POLICY", "ReliableTopicConfig",
]


# --- constant classes -------------------------------------------------------

class IN_MEMORY_FORMAT:
    """How a Near Cache stores its values."""

    BINARY = 0
    """Serialized form (the default): every read deserializes."""
    OBJECT = 1
    """Deserialized form: reads return the cached object itself."""


class EVICTION_POLICY:
    """Which Near Cache entry goes when ``eviction_max_size`` is reached."""

    NONE = 0
    """Never evict for size; expiry (TTL, max idle) still applies."""
    LRU = 1
    """Least recently used (the default)."""
    LFU = 2
    """Least frequently used."""
    RANDOM = 3
    """Any entry."""


class PROTOCOL:
    """TLS/SSL protocol versions for :attr:`SSLConfig.protocol`.

    The values are 3.12.3's ints; ``SSL`` means ``SSLv3`` and ``TLS`` means
    ``TLSv1_2``, as the manual says (see :data:`PROTOCOL_ALIASES`). The runtime
    maps them onto the ``ssl`` module.
    """

    SSLv2 = 0
    SSLv3 = 1
    SSL = 2
    TLSv1 = 3
    TLSv1_1 = 4
    TLSv1_2 = 5
    TLSv1_3 = 6
    TLS = 7


PROTOCOL_ALIASES = {PROTOCOL.SSL: PROTOCOL.SSLv3, PROTOCOL.TLS: PROTOCOL.TLSv1_2}
"""The protocol an alias value of :class:`PROTOCOL` stands for."""


def _constants(cls: type) -> Dict[str, int]:
    """The public constant names of a constant class, mapped to their values."""
    return {k: v for k, v in vars(cls).items() if not k.startswith("_") and isinstance(v, int)}


class TimeUnit:
    """Units of :class:`ClientProperty` values, as seconds per unit."""

    NANOSECOND = 1e-9
    MICROSECOND = 1e-6
    MILLISECOND = 1e-3
    SECOND = 1.0
    MINUTE = 60.0
    HOUR = 3600.0

    @staticmethod
    def to_seconds(value: float, time_unit: float) -> float:
        """``value`` in ``time_unit`` expressed as float seconds."""
        return float(value) * time_unit


# --- validation helpers -------------------------------------------------------

def _describe(value: Any) -> str:
    return "%r (%s)" % (value, type(value).__name__)


def _fail(what: str, accepted: str, value: Any) -> ConfigurationError:
    return ConfigurationError("%s must be %s, got %s" % (what, accepted, _describe(value)))


def _check_bool(what: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail(what, "True or False", value)
    return value


@overload
def _check_str(what: str, value: Any, optional: Literal[False] = False) -> str: ...
@overload
def _check_str(what: str, value: Any, optional: bool) -> Optional[str]: ...


def _check_str(what: str, value: Any, optional: bool = False) -> Optional[str]:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _fail(what, "a str" + (" or None" if optional else ""), value)
    return value


def _check_number(what: str, value: Any, minimum: float = 0, integer: bool = False,
                  optional: bool = False, maximum: Optional[float] = None) -> Any:
    if value is None and optional:
        return None
    kind = numbers.Integral if integer else numbers.Real
    ok = isinstance(value, kind) and not isinstance(value, bool)
    if ok and (value < minimum or (maximum is not None and value > maximum)):
        ok = False
    if not ok:
        accepted = "an int" if integer else "a number"
        accepted += " >= %s" % minimum if maximum is None else " in [%s, %s]" % (minimum, maximum)
        raise _fail(what, accepted + (" or None" if optional else ""), value)
    return int(value) if integer else value


def _check_choice(what: str, value: Any, cls: type) -> int:
    choices = _constants(cls)
    if not _is_int(value) or value not in choices.values():
        names = ", ".join("%s.%s" % (cls.__name__, n) for n in choices)
        raise _fail(what, "one of " + names, value)
    choice: int = value
    return choice


T = TypeVar("T")


class _Checked(Generic[T]):
    """A data descriptor that validates on assignment; reads give a ``T``.

    ``check(what, value)`` returns the value to store or raises
    :class:`ConfigurationError`; ``what`` is ``"Owner.attribute"``.
    """

    def __init__(self, check: Callable[[str, Any], T], default: Any, doc: str = "") -> None:
        self.check = check
        self.default = default
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.what = "%s.%s" % (owner.__name__, name)

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> "_Checked[T]": ...

    @overload
    def __get__(self, obj: object, owner: Optional[type] = None) -> T: ...

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.name] = self.check(self.what, value)


def _boolean(default: bool, doc: str = "") -> _Checked[bool]:
    return _Checked(_check_bool, default, doc)


@overload
def _string(default: str, optional: Literal[False] = False, doc: str = "") -> _Checked[str]: ...
@overload
def _string(default: Optional[str], optional: Literal[True], doc: str = "") -> _Checked[Optional[str]]: ...


def _string(default: Optional[str], optional: bool = False, doc: str = "") -> _Checked[Any]:
    return _Checked(lambda w, v: _check_str(w, v, optional), default, doc)


@overload
def _number(default: int, minimum: float = 0, *, integer: Literal[True], maximum: Optional[float] = None,
            doc: str = "") -> _Checked[int]: ...
@overload
def _number(default: Any, minimum: float = 0, integer: bool = False, optional: bool = False,
            maximum: Optional[float] = None, doc: str = "") -> _Checked[Any]: ...


def _number(default: Any, minimum: float = 0, integer: bool = False, optional: bool = False,
            maximum: Optional[float] = None, doc: str = "") -> _Checked[Any]:
    return _Checked(lambda w, v: _check_number(w, v, minimum, integer, optional, maximum), default, doc)


def _choice(cls: type, default: int, doc: str = "") -> _Checked[int]:
    return _Checked(lambda w, v: _check_choice(w, v, cls), default, doc)


def _check_seconds(what: str, value: Any, optional: bool = False) -> Optional[float]:
    """A duration in seconds (the rule of :mod:`hazelcast.util.duration`), or None if optional."""
    if value is None and optional:
        return None
    return checked_seconds(value, what + (" (or None: no limit)" if optional else ""), error=ConfigurationError)


@overload
def _seconds(default: float, optional: Literal[False] = False, doc: str = "") -> _Checked[float]: ...
@overload
def _seconds(default: Optional[float], optional: Literal[True], doc: str = "") -> _Checked[Optional[float]]: ...


def _seconds(default: Optional[float], optional: bool = False, doc: str = "") -> _Checked[Any]:
    return _Checked(lambda w, v: _check_seconds(w, v, optional), default, doc)


def _check_instance(cls: type) -> Callable[[str, Any], Any]:
    def check(what: str, value: Any) -> Any:
        if not isinstance(value, cls):
            raise _fail(what, "a " + cls.__name__, value)
        return value
    return check


def _part(cls: Type[T], doc: str = "") -> _Checked[T]:
    """A nested config object (always set by ``__init__``)."""
    return _Checked(_check_instance(cls), None, doc)


def _collection(check: Callable[[str, Any], T], doc: str = "") -> _Checked[T]:
    """A list/dict/set setting that users may also mutate in place (checked again by
    ``validate``); always set by ``__init__``."""
    return _Checked(check, None, doc)


def _check_items(container: Any, accepted: str, item_ok: Callable[[Any], bool],
                 item_accepted: str) -> Callable[[str, Any], Any]:
    """The check of a ``container`` (a type or tuple of types) whose every item (every key
    of a dict) passes ``item_ok``."""
    def check(what: str, value: Any) -> Any:
        if not isinstance(value, container):
            raise _fail(what, accepted, value)
        for item in value:
            if not item_ok(item):
                raise _fail("every entry of " + what, item_accepted, item)
        return value
    return check


_SECRET_SETTINGS = ("password", "discovery_token")


def _warn_unknown_setting(cls: type, name: str, known: FrozenSet[str]) -> None:
    suggestion = close_match(name, known)
    _logger.warning("%s has no setting %r%s; the value is kept but the client does not read it",
                    cls.__name__, name, " (did you mean %r?)" % suggestion if suggestion else "")


class _Config:
    """Base of the config classes: a readable ``repr`` of every setting
    (secrets shown as ``'***'``), a warning for attributes that are not settings,
    and :meth:`_recheck` of the settings that may have been mutated in place."""

    _setting_names: Dict[type, FrozenSet[str]] = {}

    @classmethod
    def _known_settings(cls) -> FrozenSet[str]:
        names = _Config._setting_names.get(cls)
        if names is None:
            names = frozenset(name for klass in cls.__mro__ for name, attr in vars(klass).items()
                              if isinstance(attr, _Checked))
            _Config._setting_names[cls] = names
        return names

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_") and name not in self._known_settings() and not hasattr(type(self), name):
            _warn_unknown_setting(type(self), name, self._known_settings())
        object.__setattr__(self, name, value)

    def _recheck(self) -> None:
        """Run every setting's check again on its current value (lists and dicts may
        have been changed in place since they were assigned)."""
        for klass in type(self).__mro__:
            for attr in vars(klass).values():
                if isinstance(attr, _Checked):
                    attr.check(attr.what, getattr(self, attr.name))

    def _settings(self) -> Dict[str, Any]:
        out = {}
        for klass in reversed(type(self).__mro__):
            for name, attr in vars(klass).items():
                if isinstance(attr, _Checked):
                    out[name] = getattr(self, name)
        for name, value in vars(self).items():
            if not name.startswith("_") and name not in out:
                out[name] = value
        return out

    def __repr__(self) -> str:
        settings = self._settings()
        for name in _SECRET_SETTINGS:
            if settings.get(name):
                settings[name] = "***"
        items = ", ".join("%s=%r" % kv for kv in sorted(settings.items()))
        return "%s(%s)" % (type(self).__name__, items)


# --- group, SSL, cloud, network -------------------------------------------------

class GroupConfig(_Config):
    """The cluster (group) to join.

    ``name`` must match the members' group name. ``password`` is only checked
    by members older than IMDG 3.11.
    """

    name = _string("dev", doc="Group name of the cluster, default ``\"dev\"``.")
    password = _string("dev-pass", doc="Group password, default ``\"dev-pass\"``.")

    def __init__(self, name: str = "dev", password: str = "dev-pass"):
        self.name = name
        self.password = password


def _check_password(what: str, value: Any) -> Any:
    if value is None or callable(value) or isinstance(value, (str, bytes, bytearray)):
        return value
    raise _fail(what, "None, a str, bytes, bytearray or a function returning one", value)


class SSLConfig(_Config):
    """TLS/SSL settings of the connections to members (manual section 6.1.2).

    * ``enabled`` -- use TLS at all; when ``False`` the rest is ignored.
    * ``cafile`` -- PEM file of CA certificates that member certificates are
      checked against; ``None`` uses the system's default CA locations.
    * ``certfile`` / ``keyfile`` -- the client's own certificate and private
      key in PEM, for mutual authentication; without ``keyfile`` the key is
      read from ``certfile``.
    * ``password`` -- of an encrypted private key: a str (encoded as UTF-8),
      bytes, bytearray, or a function with no arguments returning one.
    * ``protocol`` -- a :class:`PROTOCOL` value, default ``PROTOCOL.TLS``
      (that is ``TLSv1_2``).
    * ``ciphers`` -- OpenSSL cipher list string, ``None`` for the defaults.
    * ``check_hostname`` -- also match the member's certificate against the
      host name the client connected to. Default ``False``: the certificate
      chain is still verified against ``cafile``, but members are usually
      reached by IP address, which their certificates rarely name.
    """

    enabled = _boolean(False)
    cafile = _string(None, optional=True)
    certfile = _string(None, optional=True)
    keyfile = _string(None, optional=True)
    password = _Checked(_check_password, None)
    protocol = _choice(PROTOCOL, PROTOCOL.TLS)
    ciphers = _string(None, optional=True)
    check_hostname = _boolean(False)


class ClientCloudConfig(_Config):
    """Hazelcast Cloud discovery (manual section 5.8).

    With ``enabled`` the client asks the cloud coordinator (property
    ``hazelcast.client.cloud.url``) for member addresses using
    ``discovery_token`` instead of using ``ClientNetworkConfig.addresses``.
    """

    enabled = _boolean(False)
    discovery_token = _string("")


_check_address_list = _check_items(list, "a list of address strings",
                                   lambda address: isinstance(address, str) and bool(address.strip()),
                                   'a non-empty str like "host", "host:port" or "[ipv6]:port"')


def _check_addresses(what: str, value: Any) -> List[str]:
    if isinstance(value, str):
        raise _fail(what, "a list of address strings (one address too: [%r])" % value, value)
    addresses: List[str] = _check_address_list(what, value)
    return addresses


def _is_socket_option(option: Any) -> bool:
    return (isinstance(option, tuple) and len(option) == 3
            and isinstance(option[0], int) and isinstance(option[1], int))


class ClientNetworkConfig(_Config):
    """How the client reaches the cluster (manual chapter 5).

    * ``addresses`` -- list of ``"host"``, ``"host:port"`` or
      ``"[ipv6]:port"`` strings; a host without a port means ports 5701-5703.
      Empty (the default) means ``localhost``. Checked by
      :meth:`ClientConfig.validate`; parsed by the runtime.
    * ``smart_routing`` -- ``True``: connect to every member and send each
      operation to the partition owner; ``False``: unisocket mode.
    * ``redo_operation`` -- also retry operations that are not read-only.
    * ``connection_timeout`` -- seconds a member has to accept a connection;
      ``0`` means no timeout. Default ``5.0``.
    * ``connection_attempt_limit`` -- how many times to try the address list
      before giving up; ``0`` means no limit. Default ``2``.
    * ``connection_attempt_period`` -- seconds between those attempts,
      default ``3.0``.
    * ``socket_options`` -- list of ``(level, option, value)`` (or
      :class:`SocketOption`, 3.12.3's name for the same tuple) passed to
      ``socket.setsockopt``.
    * ``ssl_config`` -- :class:`SSLConfig`; ``cloud_config`` --
      :class:`ClientCloudConfig`.
    """

    smart_routing = _boolean(True)
    redo_operation = _boolean(False)
    connection_timeout = _seconds(5.0)
    connection_attempt_limit = _number(2, integer=True)
    connection_attempt_period = _seconds(3.0)
    addresses: "_Checked[List[str]]" = _collection(_check_addresses)
    socket_options: "_Checked[List[Tuple[int, int, Any]]]" = _collection(_check_items(
        list, "a list of (level, option, value)", _is_socket_option, "a tuple (level: int, option: int, value)"))
    ssl_config = _part(SSLConfig)
    cloud_config = _part(ClientCloudConfig)

    def __init__(self) -> None:
        self.addresses = []
        self.socket_options = []
        self.ssl_config = SSLConfig()
        self.cloud_config = ClientCloudConfig()

    def validate(self) -> None:
        """Check the in-place-mutated lists; raise :class:`ConfigurationError`."""
        self._recheck()


# --- serialization --------------------------------------------------------------

def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_SERIALIZER_METHODS = ("get_type_id", "write", "read")


def _check_serializer(what: str, serializer: Any) -> Any:
    """A StreamSerializer class or instance: anything with callable get_type_id, write, read."""
    if not all(callable(getattr(serializer, method, None)) for method in _SERIALIZER_METHODS):
        raise _fail(what, "a StreamSerializer class or instance (with get_type_id, write and read)",
                    serializer)
    return serializer


def _check_global_serializer(what: str, value: Any) -> Any:
    return None if value is None else _check_serializer(what, value)


def _check_custom_serializers(what: str, value: Any) -> Dict[type, Any]:
    if not isinstance(value, dict):
        raise _fail(what, "a dict {type: serializer}", value)
    for _type, serializer in value.items():
        if not isinstance(_type, type):
            raise _fail("every key of " + what, "a class", _type)
        _check_serializer("%s[%s]" % (what, _type.__name__), serializer)
    return value


def _check_factories(what: str, value: Any) -> Dict[int, Dict[int, Any]]:
    if not isinstance(value, dict):
        raise _fail(what, "a dict {factory_id: {class_id: cls}}", value)
    attr = what.rpartition(".")[2]
    for factory_id, factory in value.items():
        _check_factory(attr, factory_id, factory)
    return value


def _check_factory(attr: str, factory_id: Any, factory: Any) -> None:
    what = "SerializationConfig.%s[%r]" % (attr, factory_id)
    if not _is_int(factory_id):
        raise _fail("a factory id in SerializationConfig." + attr, "an int", factory_id)
    if not isinstance(factory, dict):
        raise _fail(what, "a dict {class_id: class}", factory)
    for class_id, cls in factory.items():
        if not _is_int(class_id) or not callable(cls):
            raise _fail("every entry of " + what, "class_id (int) -> class", (class_id, cls))


class SerializationConfig(_Config):
    """How objects are turned into bytes (manual chapter 4).

    * ``portable_version`` -- version written into Portable class
      definitions that do not say otherwise, default ``0``.
    * ``data_serializable_factories`` -- ``{factory_id: {class_id: cls}}``
      for ``IdentifiedDataSerializable`` classes.
    * ``portable_factories`` -- ``{factory_id: {class_id: cls}}`` for
      ``Portable`` classes.
    * ``class_definitions`` -- set of Portable ``ClassDefinition`` objects
      registered up front.
    * ``check_class_def_errors`` -- raise when a registered class definition
      is incomplete or conflicts.
    * ``is_big_endian`` -- byte order of the data (the cluster default is
      big endian).
    * ``default_integer_type`` -- an ``INTEGER_TYPE`` value: how a plain
      ``int`` is written, default ``INTEGER_TYPE.INT``.
    * ``custom_serializers`` -- ``{python_type: serializer}`` where the
      serializer is a ``StreamSerializer`` class or instance.
    * ``global_serializer`` -- serializer class or instance used for any
      object no other serializer takes, instead of pickle.
    * ``allow_pickle`` -- fall back to ``pickle`` for other objects; when
      ``False`` such objects raise instead.
    """

    portable_version = _number(0, integer=True)
    check_class_def_errors = _boolean(True)
    is_big_endian = _boolean(True)
    default_integer_type = _choice(INTEGER_TYPE, INTEGER_TYPE.INT)
    allow_pickle = _boolean(True)
    data_serializable_factories: "_Checked[Dict[int, Dict[int, Any]]]" = _collection(_check_factories)
    portable_factories: "_Checked[Dict[int, Dict[int, Any]]]" = _collection(_check_factories)
    class_definitions: "_Checked[Set[Any]]" = _collection(_check_items(
        (set, frozenset, list, tuple), "a set", lambda item: True, ""))
    custom_serializers: "_Checked[Dict[type, Any]]" = _collection(_check_custom_serializers)
    global_serializer: "_Checked[Any]" = _Checked(_check_global_serializer, None)

    def __init__(self) -> None:
        self.data_serializable_factories = {}
        self.portable_factories = {}
        self.class_definitions = set()
        self.custom_serializers = {}
        self.global_serializer = None

    def add_data_serializable_factory(self, factory_id: int, factory: Dict[int, Any]) -> None:
        """Register ``{class_id: cls}`` for IdentifiedDataSerializable ``factory_id``."""
        _check_factory("data_serializable_factories", factory_id, factory)
        self.data_serializable_factories[factory_id] = factory

    def add_portable_factory(self, factory_id: int, factory: Dict[int, Any]) -> None:
        """Register ``{class_id: cls}`` for Portable ``factory_id``."""
        _check_factory("portable_factories", factory_id, factory)
        self.portable_factories[factory_id] = factory

    def add_class_definition(self, class_definition: Any) -> None:
        """Register a Portable ``ClassDefinition`` ahead of use."""
        self.class_definitions.add(class_definition)

    def set_custom_serializer(self, _type: type, serializer: Any) -> None:
        """Serialize instances of ``_type`` with ``serializer`` (class or instance)."""
        if not isinstance(_type, type):
            raise _fail("the type given to SerializationConfig.set_custom_serializer", "a class", _type)
        self.custom_serializers[_type] = _check_serializer(
            "the serializer given to SerializationConfig.set_custom_serializer", serializer)

    def validate(self) -> None:
        """Check the in-place-mutated collections; raise :class:`ConfigurationError`."""
        self._recheck()


# --- per-structure configs ----------------------------------------------------------

class NearCacheConfig(_Config):
    """Near Cache of one map (manual section 7.8.1).

    ``name`` is the map name the cache applies to. See the manual for each
    setting; ``time_to_live_seconds`` and ``max_idle_seconds`` accept any
    non-negative number of seconds or ``None`` (no limit).
    """

    name = _string("default")
    invalidate_on_change = _boolean(True)
    in_memory_format = _choice(IN_MEMORY_FORMAT, IN_MEMORY_FORMAT.BINARY)
    time_to_live_seconds = _seconds(None, optional=True)
    max_idle_seconds = _seconds(None, optional=True)
    eviction_policy = _choice(EVICTION_POLICY, EVICTION_POLICY.LRU)
    eviction_max_size = _number(10000, minimum=1, integer=True)
    eviction_sampling_count = _number(8, minimum=1, integer=True)
    eviction_sampling_pool_size = _number(16, minimum=1, integer=True)

    def __init__(self, name: str = "default"):
        self.name = name


class FlakeIdGeneratorConfig(_Config):
    """Client-side batching of one Flake ID generator (manual section 7.4.14).

    * ``prefetch_count`` -- IDs fetched per round trip, 1 to 100000,
      default 100.
    * ``prefetch_validity_in_millis`` -- how long fetched IDs may be used;
      ``0`` means forever. Default 600000 (10 minutes).
    """

    MAXIMUM_PREFETCH_COUNT = 100000

    name = _string("default")
    prefetch_count = _number(100, minimum=1, maximum=MAXIMUM_PREFETCH_COUNT, integer=True)
    prefetch_validity_in_millis = _number(600000, integer=True)

    def __init__(self, name: str = "default"):
        self.name = name


class TOPIC_OVERLOAD_POLICY:
    """What ``ReliableTopic.publish`` does when its ringbuffer has no room
    (only possible when the ringbuffer has a time-to-live)."""

    DISCARD_OLDEST = 0
    """Overwrite the oldest message, even if it is still within its time-to-live."""
    DISCARD_NEWEST = 1
    """Drop the message being published, silently."""
    BLOCK = 2
    """Wait, retrying with backoff (0.1 s doubling up to 2 s), until there is room (the default)."""
    ERROR = 3
    """Fail the publish with :class:`hazelcast.errors.TopicOverloadError`."""


class ReliableTopicConfig(_Config):
    """Client side of one ReliableTopic (``client.get_reliable_topic(name)``).

    * ``read_batch_size`` -- messages a listener fetches per round trip,
      1 to 1000, default 10.
    * ``topic_overload_policy`` -- a :class:`TOPIC_OVERLOAD_POLICY`
      constant, default ``BLOCK``.

    The topic's messages live in the member-side ringbuffer ``_hz_rb_<name>``,
    whose capacity, backups and time-to-live are configured on the members.
    """

    MAXIMUM_READ_BATCH_SIZE = 1000

    name = _string("default")
    read_batch_size = _number(10, minimum=1, maximum=MAXIMUM_READ_BATCH_SIZE, integer=True)
    topic_overload_policy = _choice(TOPIC_OVERLOAD_POLICY, TOPIC_OVERLOAD_POLICY.BLOCK)

    def __init__(self, name: str = "default"):
        self.name = name


def _check_level(what: str, value: Any) -> int:
    if isinstance(value, str):
        level = logging.getLevelName(value.upper())
        if isinstance(level, int):
            return level
    elif _is_int(value):
        number: int = value
        return number
    raise _fail(what, "an int logging level (e.g. logging.DEBUG) or a level name", value)


class LoggerConfig(_Config):
    """Logging of the client (manual section 7.9.2).

    * ``level`` -- threshold of the ``HazelcastClient`` logger, default
      ``logging.INFO``; anything above 50 (``CRITICAL``) turns logging off.
      A level name such as ``"DEBUG"`` is accepted and stored as its int.
    * ``config_file`` -- path of a JSON file holding a
      ``logging.config.dictConfig`` dictionary. When set, ``level`` is
      ignored and the client installs nothing of its own.

    Applied by :func:`hazelcast.logging_config.apply_logger_config`.
    """

    level = _Checked(_check_level, logging.INFO)
    config_file = _string(None, optional=True)


# --- properties -----------------------------------------------------------------

class ClientProperty:
    """One client property: its ``name``, ``default_value`` and, for
    durations, ``time_unit`` (a :class:`TimeUnit` value)."""

    def __init__(self, name: str, default_value: Any = None, time_unit: Optional[float] = None):
        self.name = name
        self.default_value = default_value
        self.time_unit = time_unit

    def __repr__(self) -> str:
        return "ClientProperty(%r, %r)" % (self.name, self.default_value)


class ClientProperties:
    """The client properties and their resolution (manual section 1.4.3).

    The class attributes are the known properties. An instance wraps the
    ``ClientConfig.properties`` dict and resolves each property as: the
    programmatically set value, else the environment variable of the same
    name, else the default. Values from the environment are strings and are
    converted by the typed getters.
    """

    HEARTBEAT_INTERVAL = ClientProperty("hazelcast.client.heartbeat.interval", 5000, TimeUnit.MILLISECOND)
    """How often a heartbeat goes to an idle connection."""
    HEARTBEAT_TIMEOUT = ClientProperty("hazelcast.client.heartbeat.timeout", 60000, TimeUnit.MILLISECOND)
    """A connection that received nothing for this long is closed."""
    INVOCATION_TIMEOUT_SECONDS = ClientProperty("hazelcast.client.invocation.timeout.seconds", 120,
                                                TimeUnit.SECOND)
    """How long an operation may be retried before it fails."""
    INVOCATION_RETRY_PAUSE_MILLIS = ClientProperty("hazelcast.client.invocation.retry.pause.millis", 1000,
                                                   TimeUnit.MILLISECOND)
    """Pause between retries of an invocation."""
    STATISTICS_ENABLED = ClientProperty("hazelcast.client.statistics.enabled", False)
    """Send client statistics to the cluster (for Management Center)."""
    STATISTICS_PERIOD_SECONDS = ClientProperty("hazelcast.client.statistics.period.seconds", 3, TimeUnit.SECOND)
    """Period of statistics collection; non-positive means the default."""
    SHUFFLE_MEMBER_LIST = ClientProperty("hazelcast.client.shuffle.member.list", True)
    """Try member addresses in random order."""
    HAZELCAST_CLOUD_DISCOVERY_TOKEN = ClientProperty("hazelcast.client.cloud.discovery.token", "")
    """Cloud discovery token; when set, enables cloud discovery like ClientCloudConfig."""
    CLOUD_URL_BASE = ClientProperty("hazelcast.client.cloud.url", "https://coordinator.hazelcast.cloud")
    """Base URL of the Hazelcast Cloud coordinator."""
    INVALIDATION_RECONCILIATION_INTERVAL_SECONDS = ClientProperty(
        "hazelcast.invalidation.reconciliation.interval.seconds", 60, TimeUnit.SECOND)
    """How often Near Caches compare their invalidation sequences with the members."""
    MAX_TOLERATED_MISS_COUNT = ClientProperty("hazelcast.invalidation.max.tolerated.miss.count", 10)
    """Missed invalidations after which a Near Cache partition is cleared."""
    MIN_RECONCILIATION_INTERVAL_SECONDS = ClientProperty(
        "hazelcast.invalidation.min.reconciliation.interval.seconds", 30, TimeUnit.SECOND)
    """Lower bound of INVALIDATION_RECONCILIATION_INTERVAL_SECONDS (0 disables reconciliation)."""
    EVENT_THREAD_COUNT = ClientProperty("hazelcast.client.event.thread.count", 5)
    """Threads that run user event listeners; the events of one partition (of one key, or of
    one Topic/Queue/Set/List) always run on the same thread, in order."""
    EVENT_QUEUE_CAPACITY = ClientProperty("hazelcast.client.event.queue.capacity", 1000000)
    """Events that may wait for the listener threads (split evenly among them); an event
    beyond that is dropped with a warning."""
    SERIALIZATION_INPUT_RETURNS_BYTEARRAY = ClientProperty("hazelcast.serialization.input.returns.bytearray",
                                                           False)
    """``ObjectDataInput.read_byte_array()`` answers a ``bytearray`` when True, as in 3.12.3;
    ``bytes`` otherwise (3.12.3 answered a list of ints)."""
    MAX_CONCURRENT_INVOCATIONS = ClientProperty("hazelcast.client.max.concurrent.invocations", 2147483647)
    """Most invocations in progress at once; 2147483647 (the default) means no bound."""
    BACKPRESSURE_BACKOFF_TIMEOUT_MILLIS = ClientProperty("hazelcast.client.invocation.backoff.timeout.millis",
                                                         -1, TimeUnit.MILLISECOND)
    """How long a call may wait for room when MAX_CONCURRENT_INVOCATIONS are in progress;
    <= 0 (the default -1): fail at once with HazelcastOverloadError."""

    # Short aliases.
    CLOUD_DISCOVERY_TOKEN = HAZELCAST_CLOUD_DISCOVERY_TOKEN
    CLOUD_URL = CLOUD_URL_BASE
    INVALIDATION_MAX_TOLERATED_MISS_COUNT = MAX_TOLERATED_MISS_COUNT
    INVALIDATION_MIN_RECONCILIATION_INTERVAL_SECONDS = MIN_RECONCILIATION_INTERVAL_SECONDS

    def __init__(self, properties: Optional[Dict[str, Any]] = None):
        self._properties = properties if properties is not None else {}

    @classmethod
    def all(cls) -> List[ClientProperty]:
        """Every known property (aliases once)."""
        seen: Dict[str, ClientProperty] = {}
        for value in vars(cls).values():
            if isinstance(value, ClientProperty):
                seen.setdefault(value.name, value)
        return list(seen.values())

    def get(self, property: ClientProperty) -> Any:
        """Raw value: programmatic, else environment variable, else default."""
        value = self._properties.get(property.name)
        if value is None:
            value = os.environ.get(property.name)
        if value is None:
            value = property.default_value
        return value

    def get_bool(self, property: ClientProperty) -> bool:
        """Value as a bool; accepts bools and "true"/"false" in any case."""
        value = self.get(property)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        raise _fail("property " + property.name, "True/False or the string \"true\"/\"false\"", value)

    def get_int(self, property: ClientProperty) -> int:
        """Value as an int; accepts ints and decimal strings."""
        value = self.get(property)
        if _is_int(value):
            number: int = value
            return number
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise _fail("property " + property.name, "an int or a string of one", value)

    def get_float(self, property: ClientProperty) -> float:
        """Value as a float; accepts numbers and numeric strings."""
        value = self.get(property)
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise _fail("property " + property.name, "a number or a string of one", value)

    def get_seconds(self, property: ClientProperty) -> float:
        """Value converted from the property's time unit to float seconds."""
        return TimeUnit.to_seconds(self.get_float(property), _time_unit(property))

    def get_seconds_positive_or_default(self, property: ClientProperty) -> float:
        """Like :meth:`get_seconds`, but a value <= 0 gives the default."""
        seconds = self.get_seconds(property)
        if seconds > 0:
            return seconds
        return TimeUnit.to_seconds(float(property.default_value), _time_unit(property))


class SocketOption(NamedTuple):
    """One entry of ``ClientNetworkConfig.socket_options``: arguments of ``socket.setsockopt``."""

    level: int
    option: int
    value: Any


# --- the client config --------------------------------------------------------------

_KNOWN_PROPERTY_NAMES = frozenset(prop.name for prop in ClientProperties.all())
# Time properties for which a negative value is a setting of its own (the default).
_NEGATIVE_MEANS_DEFAULT = (ClientProperties.STATISTICS_PERIOD_SECONDS,
                           ClientProperties.BACKPRESSURE_BACKOFF_TIMEOUT_MILLIS)


def _time_unit(property: ClientProperty) -> float:
    if property.time_unit is None:
        raise ConfigurationError("property %s has no time unit" % property.name)
    return property.time_unit


def _check_dict_of(cls: Type[Any]) -> Callable[[str, Any], Dict[str, Any]]:
    """The check of a ``{name: config}`` dict whose configs are ``cls`` named by their key."""
    def check(what: str, value: Any) -> Dict[str, Any]:
        if not isinstance(value, dict):
            raise _fail(what, "a dict {name: %s}" % cls.__name__, value)
        for name, cfg in value.items():
            if not isinstance(cfg, cls) or cfg.name != name:
                raise _fail("%s[%r]" % (what, name), "a %s named %r" % (cls.__name__, name), cfg)
        return value
    return check


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


_LISTENER_TUPLE = "(member_added, member_removed, fire_for_existing)"

def _check_client_name(what: str, value: Any) -> Optional[str]:
    if value is None or (isinstance(value, str) and value):
        return value
    raise _fail(what, "None or a non-empty str", value)


class ClientConfig(_Config):
    """Everything a ``HazelcastClient`` is configured with (manual chapter 3).

    Attributes: ``group_config`` (:class:`GroupConfig`), ``network_config``
    (:class:`ClientNetworkConfig`), ``serialization_config``
    (:class:`SerializationConfig`), ``near_cache_configs`` (map name ->
    :class:`NearCacheConfig`), ``flake_id_generator_configs`` (name ->
    :class:`FlakeIdGeneratorConfig`), ``reliable_topic_configs`` (topic name ->
    :class:`ReliableTopicConfig`), ``lifecycle_listeners`` (functions
    called with the new state string), ``membership_listeners`` (tuples
    ``(member_added, member_removed, fire_for_existing)``),
    ``logger_config`` (:class:`LoggerConfig`), ``client_name`` (``None``:
    the client names itself ``hz.client_N``), ``labels`` (set of str) and
    ``properties`` (property name -> value; see :class:`ClientProperties`).

    Scalars are checked when set; call :meth:`validate` (the client does,
    at start) for the rest.
    """

    client_name = _Checked(_check_client_name, None)
    group_config = _part(GroupConfig)
    network_config = _part(ClientNetworkConfig)
    serialization_config = _part(SerializationConfig)
    logger_config = _part(LoggerConfig)
    near_cache_configs: "_Checked[Dict[str, NearCacheConfig]]" = _collection(_check_dict_of(NearCacheConfig))
    flake_id_generator_configs: "_Checked[Dict[str, FlakeIdGeneratorConfig]]" = _collection(
        _check_dict_of(FlakeIdGeneratorConfig))
    reliable_topic_configs: "_Checked[Dict[str, ReliableTopicConfig]]" = _collection(
        _check_dict_of(ReliableTopicConfig))
    lifecycle_listeners: "_Checked[List[Callable[[str], Any]]]" = _collection(_check_items(
        list, "a list of functions", callable, "a function"))
    membership_listeners: "_Checked[List[Tuple[Optional[Callable[..., Any]], Optional[Callable[..., Any]], bool]]]" = (
        _collection(_check_items(
        list, "a list of " + _LISTENER_TUPLE, lambda entry: isinstance(entry, tuple) and len(entry) == 3,
        _LISTENER_TUPLE)))
    labels: "_Checked[Set[str]]" = _collection(_check_items((set, frozenset), "a set of str", _is_str, "a str"))
    properties: "_Checked[Dict[str, Any]]" = _collection(_check_items(
        dict, "a dict {property name: value}", _is_str, "a str name"))
    load_balancer = None
    """Accepted for 3.12.3 code, which set it but never read it: members are picked at random."""

    def __init__(self) -> None:
        self._reported_properties: Set[str] = set()
        self.group_config = GroupConfig()
        self.network_config = ClientNetworkConfig()
        self.serialization_config = SerializationConfig()
        self.near_cache_configs = {}
        self.flake_id_generator_configs = {}
        self.reliable_topic_configs = {}
        self.lifecycle_listeners = []
        self.membership_listeners = []
        self.logger_config = LoggerConfig()
        self.labels = set()
        self.properties = {}

    def add_near_cache_config(self, near_cache_config: NearCacheConfig) -> "ClientConfig":
        """Use ``near_cache_config`` for the map of the same name."""
        if not isinstance(near_cache_config, NearCacheConfig):
            raise _fail("the argument of add_near_cache_config", "a NearCacheConfig", near_cache_config)
        self.near_cache_configs[near_cache_config.name] = near_cache_config
        return self

    def add_flake_id_generator_config(self, flake_id_generator_config: FlakeIdGeneratorConfig) -> "ClientConfig":
        """Use ``flake_id_generator_config`` for the Flake ID generator of the same name."""
        if not isinstance(flake_id_generator_config, FlakeIdGeneratorConfig):
            raise _fail("the argument of add_flake_id_generator_config", "a FlakeIdGeneratorConfig",
                        flake_id_generator_config)
        self.flake_id_generator_configs[flake_id_generator_config.name] = flake_id_generator_config
        return self

    def get_flake_id_generator_config(self, name: str) -> FlakeIdGeneratorConfig:
        """The config for generator ``name``: its own, else the one named
        ``"default"``, else a fresh default one."""
        found = self.flake_id_generator_configs.get(name) or self.flake_id_generator_configs.get("default")
        return found if found is not None else FlakeIdGeneratorConfig(name)

    def add_reliable_topic_config(self, reliable_topic_config: ReliableTopicConfig) -> "ClientConfig":
        """Use ``reliable_topic_config`` for the ReliableTopic of the same name."""
        if not isinstance(reliable_topic_config, ReliableTopicConfig):
            raise _fail("the argument of add_reliable_topic_config", "a ReliableTopicConfig",
                        reliable_topic_config)
        self.reliable_topic_configs[reliable_topic_config.name] = reliable_topic_config
        return self

    def get_reliable_topic_config(self, name: str) -> ReliableTopicConfig:
        """The config for topic ``name``: its own, else the one named
        ``"default"``, else a fresh default one."""
        found = self.reliable_topic_configs.get(name) or self.reliable_topic_configs.get("default")
        return found if found is not None else ReliableTopicConfig(name)

    def add_lifecycle_listener(self, lifecycle_state_changed: Optional[Callable[[str], None]] = None
                               ) -> "ClientConfig":
        """Call ``lifecycle_state_changed(state)`` on every lifecycle change,
        from ``STARTING`` on."""
        if not callable(lifecycle_state_changed):
            raise _fail("the argument of add_lifecycle_listener", "a function taking the state",
                        lifecycle_state_changed)
        self.lifecycle_listeners.append(lifecycle_state_changed)
        return self

    def add_membership_listener(self, member_added: Any = None, member_removed: Optional[Callable[..., Any]] = None,
                                fire_for_existing: bool = False) -> "ClientConfig":
        """Listen to members joining and leaving from the start.

        Either pass functions (``member_added(member)``,
        ``member_removed(member)``, one may be ``None``), or pass one object
        that has ``member_added`` and/or ``member_removed`` methods. With
        ``fire_for_existing``, ``member_added`` is also called for members
        already in the cluster when the listener is registered. Stored in
        ``membership_listeners`` as ``(member_added, member_removed,
        fire_for_existing)``.
        """
        if member_added is not None and not callable(member_added) and member_removed is None:
            listener = member_added
            member_added = getattr(listener, "member_added", None)
            member_removed = getattr(listener, "member_removed", None)
        for what, fn in (("member_added", member_added), ("member_removed", member_removed)):
            if fn is not None and not callable(fn):
                raise _fail(what + " of add_membership_listener", "a function or None", fn)
        if member_added is None and member_removed is None:
            raise ConfigurationError("add_membership_listener needs member_added or member_removed "
                                     "(a function, or an object with such methods)")
        self.membership_listeners.append((member_added, member_removed, _check_bool(
            "fire_for_existing of add_membership_listener", fire_for_existing)))
        return self

    def add_label(self, label: str) -> "ClientConfig":
        """Add a label that identifies this client to the cluster."""
        self.labels.add(_check_str("a label", label))
        return self

    def set_property(self, key: str, value: Any) -> "ClientConfig":
        """Set client property ``key`` (a name, or a :class:`ClientProperty`; see
        :class:`ClientProperties`); this wins over an environment variable of the same name."""
        if isinstance(key, ClientProperty):
            key = key.name
        _check_str("a property name", key)
        if value is None:
            raise _fail("the value of property " + key, "not None", value)
        self._report_unknown_property(key)
        self.properties[key] = value
        return self

    def get_property(self, name: str) -> Any:
        """The programmatically set value of property ``name``, or ``None``."""
        return self.get_property_or_default(name, None)

    def get_property_or_default(self, key: str, default: Any) -> Any:
        """The programmatically set value of property ``key``, or ``default``."""
        if isinstance(key, ClientProperty):
            key = key.name
        return self.properties.get(key, default)

    def get_properties(self) -> Dict[str, Any]:
        """The programmatically set properties (the ``properties`` dict itself)."""
        return self.properties

    def validate(self) -> None:
        """Check the whole configuration; raise :class:`ConfigurationError`.

        Covers what cannot be checked on assignment: lists and dicts mutated
        in place, property values, and rules spanning several settings.
        """
        self._recheck()
        self.network_config.validate()
        self.serialization_config.validate()
        self._validate_properties()
        self._validate_cloud()

    def _report_unknown_property(self, name: str) -> None:
        """Log (once per name) a property name that no client property has."""
        if name in _KNOWN_PROPERTY_NAMES or name in self._reported_properties:
            return
        self._reported_properties.add(name)
        suggestion = close_match(name, _KNOWN_PROPERTY_NAMES, separator=".")
        if suggestion:
            _logger.warning("Property %r is not a property of this client: did you mean %r? (the value is "
                            "kept but the client does not read it)", name, suggestion)
        else:
            _logger.info("Property %r is not a property of this client; the value is kept but the client "
                         "does not read it", name)

    def _validate_properties(self) -> None:
        for name in self.properties:
            self._report_unknown_property(name)
        props = ClientProperties(self.properties)
        for prop in ClientProperties.all():
            default = prop.default_value
            if isinstance(default, bool):
                props.get_bool(prop)
            elif prop.time_unit is not None:
                value = props.get_float(prop)
                if not (value < 0 and prop in _NEGATIVE_MEANS_DEFAULT) and not (0 <= value < math.inf):
                    raise _fail("property " + prop.name, "a finite number >= 0 (in its time unit)", value)
            elif isinstance(default, int) and props.get_int(prop) < 0:
                raise _fail("property " + prop.name, "an int >= 0", props.get_int(prop))
            elif isinstance(default, str):
                _check_str("property " + prop.name, props.get(prop))

    def _validate_cloud(self) -> None:
        cloud = self.network_config.cloud_config
        token_property = ClientProperties(self.properties).get(ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN)
        if cloud.enabled and token_property:
            raise ConfigurationError(
                "cloud discovery is configured twice: use either network_config.cloud_config or the "
                "property %s, not both" % ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN.name)
        if cloud.enabled and not cloud.discovery_token:
            raise ConfigurationError("network_config.cloud_config.enabled is True but "
                                     "cloud_config.discovery_token is empty")
        if (cloud.enabled or token_property) and self.network_config.addresses:
            raise ConfigurationError("network_config.addresses must be empty when Hazelcast Cloud discovery "
                                     "is enabled: the cloud supplies the member addresses")


# --- 3.12.3's module-level names of defaults defined above ------------------------------

DEFAULT_GROUP_NAME = GroupConfig.name.default
DEFAULT_GROUP_PASSWORD = GroupConfig.password.default
DEFAULT_MAX_ENTRY_COUNT = NearCacheConfig.eviction_max_size.default
DEFAULT_SAMPLING_COUNT = NearCacheConfig.eviction_sampling_count.default
DEFAULT_SAMPLING_POOL_SIZE = NearCacheConfig.eviction_sampling_pool_size.default
MAXIMUM_PREFETCH_COUNT = FlakeIdGeneratorConfig.MAXIMUM_PREFETCH_COUNT
