"""The base of every distributed-object proxy, and ``blocking()``."""
import itertools
import logging
import re
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple

from hazelcast.errors import IllegalArgumentError, UnsupportedOperationError
from hazelcast.future import Future, check_may_block
from hazelcast.protocol.codec import client_destroy_proxy_codec
from hazelcast.proxy.map_events import EntryEvent, EntryEventType, entry_event_handler  # noqa: F401
from hazelcast.util.lazy import Loader, lazy_attributes

if TYPE_CHECKING:  # annotations only: proxies import the services' modules lazily or not at all
    from hazelcast.cluster import ClusterService
    from hazelcast.config import ClientConfig, ClientProperties
    from hazelcast.invocation import InvocationService
    from hazelcast.lifecycle import LifecycleService
    from hazelcast.listener import ListenerService
    from hazelcast.near_cache_manager import NearCacheManager
    from hazelcast.network.connection_manager import ConnectionManager
    from hazelcast.network.reactor import Reactor
    from hazelcast.partition import PartitionService
    from hazelcast.proxy.manager import ProxyManager
    from hazelcast.serialization.service import SerializationService
    from hazelcast.util.worker import StripedWorker

_logger = logging.getLogger("HazelcastClient.Proxy")


@dataclass(frozen=True)
class ProxyContext:
    """The services proxies (and transactions) work with, built once by the client in
    dependency order; nothing in it is replaced afterwards."""

    config: "ClientConfig"
    properties: "ClientProperties"
    lifecycle: "LifecycleService"
    serialization_service: "SerializationService"
    partition_service: "PartitionService"
    invocation_service: "InvocationService"
    connection_manager: "ConnectionManager"
    listener_service: "ListenerService"
    cluster_service: "ClusterService"
    near_cache_manager: "NearCacheManager"
    proxy_manager: "ProxyManager"
    reactor: "Reactor"
    event_worker: "StripedWorker"

    def add_timer(self, delay: float, callback: Callable[[], Any]):
        """Run ``callback()`` on the I/O thread after ``delay`` seconds (never block in it)."""
        return self.reactor.add_timer(delay, callback)

    def call_soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the I/O thread soon."""
        self.reactor.call_soon(callback, *args)

    def submit_event(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the event thread of unkeyed work, where user listeners
        run (in order with the other calls made through here)."""
        self.event_worker.submit(callback, *args)


def check_not_none(value: Any, what: str) -> None:
    if value is None:
        raise IllegalArgumentError("%s can't be None" % what)


_thread_ids = itertools.count(1)
_this_thread = threading.local()


def thread_id() -> int:
    """The id the cluster uses to tell this thread's locks from another's.

    Unique per thread for the life of the process: ``threading.get_ident()``
    is reused once a thread ends, which would hand a dead thread's locks to a
    new one.
    """
    try:
        return _this_thread.hz_id
    except AttributeError:
        _this_thread.hz_id = ident = next(_thread_ids)
        return ident


# One counter for the whole process: each lock/unlock request (Lock, Map and MultiMap
# locks) carries a fresh id, and the member ignores a request whose id it has already
# applied to that lock (a retry after a lost connection). Ids must not repeat for a
# lock, even across proxies. Members before 3.7 (protocol 1.2) ignore the field.
_reference_ids = itertools.count(1)


def next_reference_id() -> int:
    """A fresh reference id for a lock or unlock request."""
    return next(_reference_ids)


def listener_id(registration_id: Any) -> Any:
    """The registration id an ``add_*listener`` answered: code written for 3.12.3, whose
    non-blocking proxies answered the id itself, passes on our Future of it."""
    if isinstance(registration_id, Future):
        return registration_id.result()
    return registration_id


class Proxy:
    """A distributed object on the cluster: methods return Futures."""

    def __init__(self, service_name: str, name: str, context: ProxyContext):
        self.service_name = service_name
        self.name = name
        self._context = context
        self._invocation_service = context.invocation_service
        serialization = context.serialization_service
        self._to_data = serialization.to_data
        self._to_object = serialization.to_object
        self._partition_service = context.partition_service

    def destroy(self) -> bool:
        """Destroy the object on the cluster and forget this proxy; True when done."""
        check_may_block("%r.destroy()", self)
        self._context.proxy_manager.forget(self.service_name, self.name)
        request = client_destroy_proxy_codec.encode_request(self.name, self.service_name)
        self._invocation_service.invoke_on_random_target(request).result()
        return True

    def blocking(self) -> "BlockingProxy":
        """A view of this proxy whose methods return plain values instead of Futures."""
        return BlockingProxy(self)

    # --- helpers for subclasses -------------------------------------------------------

    # ``wait_timeout``: seconds the member may hold the request before it answers
    # (None: as long as it takes); see hazelcast/invocation.py and docs/timeouts.md.

    def _invoke(self, request, decoder: Optional[Callable] = None, wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invocation_service.invoke_on_random_target(request, decoder, wait_timeout)

    def _invoke_on_key(self, request, key_data, decoder: Optional[Callable] = None,
                       wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invocation_service.invoke_on_key(request, key_data, decoder, wait_timeout)

    def _invoke_on_partition(self, request, partition_id: int, decoder: Optional[Callable] = None,
                             wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invocation_service.invoke_on_partition(request, partition_id, decoder, wait_timeout)

    def _invoke_on_target(self, request, endpoint, decoder: Optional[Callable] = None,
                          wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invocation_service.invoke_on_target(request, endpoint, decoder, wait_timeout)

    def _register_listener(self, encode_register, decode_register, encode_deregister, handler) -> Future:
        return self._context.listener_service.register_listener(
            encode_register, decode_register, encode_deregister, handler)

    def _register_codec_listener(self, add_codec, add_args: tuple, remove_codec, handler: Callable) -> Future:
        """Register a listener with ``add_codec.encode_request(name, *add_args, local_only)``,
        removable with ``remove_codec``; ``handler`` gets the event frames. Future of the
        registration id."""
        name = self.name
        return self._register_listener(
            lambda local_only: add_codec.encode_request(name, *add_args, local_only), add_codec.decode_response,
            lambda registration_id: remove_codec.encode_request(name, registration_id), handler)

    def _register_entry_listener(self, add_codec, add_args: tuple, remove_codec,
                                 functions: Dict[int, Callable]) -> Future:
        """:meth:`_register_codec_listener` whose events become
        :class:`~hazelcast.proxy.map_events.EntryEvent` calls of ``functions``
        (``{EntryEventType value: function}``)."""
        handler = entry_event_handler(add_codec, self.name, functions, self._to_object,
                                      self._context.cluster_service.get_member_by_uuid)
        return self._register_codec_listener(add_codec, add_args, remove_codec, handler)

    def _deregister_listener(self, registration_id: str) -> Future:
        return self._context.listener_service.deregister_listener(listener_id(registration_id))

    def _partition_key_data(self):
        """Data of the name's partition key (the part after '@', as Java does)."""
        name = self.name
        key = name[name.index("@") + 1:] if "@" in name else name
        return self._to_data(key)

    def __repr__(self) -> str:
        return '%s(name="%s")' % (type(self).__name__, self.name)


class BlockingProxy:
    """Wraps a proxy so that each method waits for, and returns, its result.

    A method called on the client's I/O thread raises ``IllegalStateError`` before
    it sends anything: waiting there would deadlock, and a request sent but never
    waited for (a lock taken by a caller that got an error) would be worse.
    """

    def __init__(self, proxy: Proxy):
        self._wrapped = proxy
        self.name = proxy.name
        self.service_name = proxy.service_name

    def blocking(self) -> "BlockingProxy":
        return self

    def __getattr__(self, name: str):
        attribute = getattr(self._wrapped, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            check_may_block("%r.%s()", self, name)
            result = attribute(*args, **kwargs)
            if isinstance(result, Future):
                return result.result()
            return result

        call.__name__ = name
        call.__doc__ = attribute.__doc__
        self.__dict__[name] = call
        return call

    def __repr__(self) -> str:
        # the structure's own repr (``Map(name="m")``), as 3.12.3 shows a blocking view
        return repr(self._wrapped)


# --- protocol version of the members (append-only helpers) -----------------------------

# Open Client Protocol version spoken by each 3.x minor release (the messages it knows).
# Requests may always carry every field: a member ignores fields newer than its protocol.
_PROTOCOL_OF_MINOR = {6: (1, 0), 7: (1, 2), 8: (1, 4), 9: (1, 5), 10: (1, 6), 11: (1, 7), 12: (1, 8)}
NEWEST_PROTOCOL = (1, 8)
UNREPORTED_PROTOCOL = (1, 2)  # members report their version since protocol 1.3


def protocol_version_of(server_version: Optional[str]) -> Tuple[int, int]:
    """The protocol version of a member that reports Hazelcast ``server_version`` ("3.9.4" ->
    (1, 5)); None (not reported: a member older than protocol 1.3) gives (1, 2)."""
    if server_version is None:
        return UNREPORTED_PROTOCOL
    match = re.match(r"\s*(\d+)\.(\d+)", server_version)
    if match is None or int(match.group(1)) != 3 or int(match.group(2)) > 12:
        return NEWEST_PROTOCOL
    return _PROTOCOL_OF_MINOR.get(int(match.group(2)), (1, 0))


def cluster_protocol_version(context: ProxyContext) -> Tuple[int, int]:
    """The protocol version of the member behind the owner connection (the newest if not
    connected: the member will then say what it lacks)."""
    owner = context.connection_manager.owner_connection
    return protocol_version_of(owner.server_version) if owner is not None else NEWEST_PROTOCOL


def require_protocol(context: ProxyContext, since: Tuple[int, int], what: str) -> None:
    """Raise ``UnsupportedOperationError`` when the cluster's members are older than ``since``."""
    version = cluster_protocol_version(context)
    if version < since:
        owner = context.connection_manager.owner_connection
        running = owner.server_version if owner is not None and owner.server_version else "3.6 or 3.7"
        raise UnsupportedOperationError(
            "%s needs Hazelcast members of version %s or newer (client protocol %d.%d); the cluster "
            "runs %s" % (what, _FIRST_RELEASE_OF[since], since[0], since[1], running))


_FIRST_RELEASE_OF = {(1, 0): "3.6", (1, 2): "3.7", (1, 4): "3.8", (1, 5): "3.9", (1, 6): "3.10",
                     (1, 7): "3.11", (1, 8): "3.12"}


# --- argument checks shared by proxies (append-only helpers) ---------------------------

_LONG_MAX = (1 << 63) - 1


def check_int(value: Any, what: str, minimum: Optional[int] = None, maximum: Optional[int] = None) -> int:
    """``value`` if it is an int (not a bool) in [minimum, maximum]; else ``IllegalArgumentError``."""
    low = -(1 << 63) if minimum is None else minimum
    high = _LONG_MAX if maximum is None else maximum
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        if minimum is None and maximum is None:
            accepted = "a 64-bit int"
        elif maximum is None:
            accepted = "an int >= %d" % low
        else:
            accepted = "an int from %d to %d" % (low, high)
        raise IllegalArgumentError("%s must be %s, got %r" % (what, accepted, value))
    return value


class NamePartitionedProxy(Proxy):
    """A proxy whose object lives in one partition, chosen by its name (Lock, Semaphore,
    AtomicLong, AtomicReference, CountDownLatch): every request goes to that partition."""

    def __init__(self, service_name: str, name: str, context: ProxyContext):
        super().__init__(service_name, name, context)
        self._key_data = self._partition_key_data()

    def _send(self, request, decoder: Optional[Callable] = None, wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invoke_on_key(request, self._key_data, decoder, wait_timeout)

    def _send_void(self, request, wait_timeout: Optional[float] = 0.0) -> Future:
        """Send a request whose response has no value; Future of None."""
        return self._invoke_on_key(request, self._key_data, None, wait_timeout)._map(_to_none)

    def _send_undo(self, request, what: str) -> None:
        """Send ``request``, which takes back what the member granted to a call that was
        cancelled meanwhile. Nobody waits for it (it is sent from the I/O thread), so a
        failure is logged at ERROR: it is the only trace that ``what`` stayed undone."""
        def check(done: Future) -> None:
            if not done.is_success():
                _logger.error("%r: %s failed: %s", self, what, done.exception())

        self._invoke_on_key(request, self._key_data).add_inline_callback(check)


def _to_none(_) -> None:
    return None


# --- 3.12.3's names in this module ------------------------------------------------------

PartitionSpecificProxy = NamePartitionedProxy  # 3.12.3's name for a proxy routed by its name

MAX_SIZE = float("inf")  # 3.12.3's "no limit" marker

# 3.12.3 defined these here, and code written for it imports them from here (EntryEvent
# and EntryEventType are imported above, with entry_event_handler). The others live
# next to what uses them (modules that import this one), so they are imported on first
# use: attribute -> (loader of its module, name in it).


def _item_events() -> ModuleType:
    import hazelcast.proxy.item_events as module
    return module


def _topic() -> ModuleType:
    import hazelcast.proxy.topic as module
    return module


def _transactional_base() -> ModuleType:
    import hazelcast.proxy.transactional.base as module
    return module


_DEFINED_ELSEWHERE: Dict[str, Tuple[Loader, Optional[str]]] = {
    "ItemEvent": (_item_events, "ItemEvent"),
    "ItemEventType": (_item_events, "ItemEventType"),
    "TopicMessage": (_topic, "TopicMessage"),
    "TransactionalProxy": (_transactional_base, "TransactionalObject"),
}

__getattr__ = lazy_attributes(__name__, _DEFINED_ELSEWHERE)
