"""Cluster membership and the owner connection.

Connecting: the configured addresses (and, on a reconnect, the members last
known) are shuffled and tried in turn, ``connection_attempt_limit`` rounds,
``connection_attempt_period`` seconds apart; a wrong group stops at once with
``AuthenticationError``. Once the owner connection is up, the client listens
to membership events on it; in smart mode it also opens a connection to every
member. Losing the owner connection fires DISCONNECTED and starts the same
connect loop on a background thread; success fires CONNECTED, failure shuts
the client down. When an address failed with a TLS error, giving up raises
``HazelcastSSLError`` instead of ``IllegalStateError``. The addresses come
from ``address_provider`` (cloud discovery) when one is given; if it fails,
the known members are still tried and its error is part of the final message.
"""
import logging
import random
import threading
import time
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

from hazelcast.core import Address, Member, MemberSelector
from hazelcast.errors import (AuthenticationError, HazelcastClientNotActiveError, HazelcastError,
                              HazelcastSSLError, IllegalStateError)
from hazelcast.lifecycle import LifecycleState
from hazelcast.network.address import Endpoint, parse_addresses
from hazelcast.future import Future
from hazelcast.protocol.codec import client_add_membership_listener_codec, client_get_partitions_codec

_logger = logging.getLogger("HazelcastClient.ClusterService")

MEMBER_ADDED = 1
MEMBER_REMOVED = 2


class ClusterService:
    """Members of the cluster, membership listeners, and (re)connecting."""

    def __init__(self, config, lifecycle, connection_manager, invocation_service, partition_service,
                 event_worker, shutdown_client: Callable[[], None], shuffle: bool = True,
                 address_provider: Optional[Callable[[], List[Endpoint]]] = None):
        self._config = config
        self._lifecycle = lifecycle
        self._connection_manager = connection_manager
        self._invocation_service = invocation_service
        self._partition_service = partition_service
        self._event_worker = event_worker
        self._shutdown_client = shutdown_client
        self._shuffle = shuffle
        # Where to look for members: the configured addresses unless a provider
        # (e.g. cloud discovery) is given; called again on every (re)connect.
        self._address_provider = address_provider or (
            lambda: parse_addresses(list(config.network_config.addresses)))
        self._lock = threading.RLock()
        self._members: Dict[str, Member] = {}  # uuid -> member, in cluster order
        self._listeners: Dict[str, Tuple[Optional[Callable], Optional[Callable]]] = {}
        self._initial_list = threading.Event()
        self._provider_error: Optional[BaseException] = None
        self._reconnecting = False
        self._live = True
        self._event_key = -1  # the partition id membership events arrive with (see _handle_member_event)
        for listener in getattr(config, "membership_listeners", None) or []:
            added, removed = _as_listener_pair(listener)
            self._listeners[str(uuid.uuid4())] = (added, removed)

    # --- public API ---------------------------------------------------------------------

    def add_listener(self, member_added: Optional[Callable[[Member], None]] = None,
                     member_removed: Optional[Callable[[Member], None]] = None,
                     fire_for_existing: bool = False) -> str:
        """Call ``member_added(member)`` / ``member_removed(member)`` on changes.

        With ``fire_for_existing``, ``member_added`` has been called for every
        current member when this returns (as in 3.12.3); on the event thread, in
        order with the events that follow. Returns a registration id for
        :meth:`remove_listener`.
        """
        registration_id = str(uuid.uuid4())
        with self._lock:
            self._listeners[registration_id] = (member_added, member_removed)
            existing = list(self._members.values())
        if fire_for_existing and member_added is not None:
            def fire_existing() -> None:
                for member in existing:
                    try:
                        member_added(member)
                    except Exception:
                        _logger.exception("Membership listener %r raised", member_added)

            self._event_worker.call_and_wait(fire_existing, self._event_key)
        return registration_id

    def remove_listener(self, registration_id: str) -> bool:
        with self._lock:
            return self._listeners.pop(registration_id, None) is not None

    def get_member_list(self) -> List[Member]:
        with self._lock:
            return list(self._members.values())

    def get_members(self, selector: Any = None) -> List[Member]:
        """The members ``selector`` picks: a :class:`~hazelcast.core.MemberSelector` (3.12.3's
        kind, with ``select(member)``) or a function of a member; all when None."""
        members = self.get_member_list()
        if selector is None:
            return members
        choose = selector.select if isinstance(selector, MemberSelector) else selector
        return [m for m in members if choose(m)]

    def size(self) -> int:
        return len(self._members)

    def get_member_by_uuid(self, member_uuid: str) -> Optional[Member]:
        return self._members.get(member_uuid)

    def get_member_by_address(self, address: Address) -> Optional[Member]:
        """The current member at ``address`` (a :class:`~hazelcast.core.Address`), or None."""
        with self._lock:
            return next((m for m in self._members.values() if m.address == address), None)

    @property
    def members(self) -> List[Member]:
        """The current members (3.12.3's property; same as :meth:`get_member_list`)."""
        return self.get_member_list()

    def owner_member(self) -> Optional[Member]:
        owner = self._connection_manager.owner_uuid
        return self._members.get(owner) if owner else None

    # --- connecting ---------------------------------------------------------------------

    def _candidate_endpoints(self, errors: Optional[Dict[str, str]] = None) -> List[Endpoint]:
        try:
            configured = list(self._address_provider())
            self._provider_error = None
            if errors is not None:
                errors.pop("address provider", None)
        except HazelcastError as e:  # e.g. cloud discovery unreachable: try the known members
            _logger.warning("Could not get the member addresses: %s", e)
            self._provider_error = e
            if errors is not None:
                errors["address provider"] = str(e)
            configured = []
        known = [(m.address.host, m.address.port) for m in self.get_member_list()]
        if self._shuffle:
            random.shuffle(configured)
            random.shuffle(known)
        seen = set()
        ordered = []
        for endpoint in known + configured:
            if endpoint not in seen:
                seen.add(endpoint)
                ordered.append(endpoint)
        return ordered

    def connect_to_cluster(self, reconnecting: bool = False) -> None:
        """Connect the owner connection, trying every address per round (blocking).

        At start a refused authentication ends the attempt at once (wrong group). On a
        reconnect it counts as one failed attempt: while a cluster is still noticing that
        the old owner died, a member may refuse the ownership change for a moment
        ("already processed a newer authentication", seen on 3.9 members).
        """
        network = self._config.network_config
        limit = network.connection_attempt_limit
        period = network.connection_attempt_period
        tried: List[str] = []
        last_errors: Dict[str, str] = {}
        ssl_error: Optional[HazelcastSSLError] = None
        attempt = 0
        while self._live:
            attempt += 1
            round_start = time.monotonic()
            for endpoint in self._candidate_endpoints(last_errors):
                if not self._live:
                    break
                label = "%s:%d" % endpoint
                if label not in tried:
                    tried.append(label)
                try:
                    connection = self._connection_manager.get_or_connect(endpoint, as_owner=True).result()
                except AuthenticationError as e:
                    if not reconnecting:
                        raise
                    last_errors[label] = str(e)
                    _logger.warning("Owner authentication to %s refused during reconnect: %s", label, e)
                    continue
                except HazelcastClientNotActiveError:
                    raise
                except Exception as e:
                    if isinstance(e, HazelcastSSLError):
                        ssl_error = e
                    last_errors[label] = str(e) or type(e).__name__
                    _logger.debug("Could not connect to %s: %s", label, e)
                    continue
                self._on_owner_connected(connection)
                return
            if limit > 0 and attempt >= limit:
                break
            remaining = period - (time.monotonic() - round_start)
            _logger.warning("Unable to get alive cluster connection, attempt %d of %s, trying again in "
                            "%.1f seconds", attempt, limit if limit > 0 else "unlimited", max(remaining, 0))
            if remaining > 0:
                time.sleep(remaining)
        if not self._live:
            raise HazelcastClientNotActiveError("Client was shut down while connecting")
        if "address provider" in last_errors:
            tried.insert(0, "address provider")
            if ssl_error is None and isinstance(self._provider_error, HazelcastSSLError):
                ssl_error = self._provider_error
        details = "; ".join("%s (%s)" % (a, last_errors.get(a, "not tried")) for a in tried)
        if ssl_error is not None:  # say it is TLS: that is what the user has to fix
            raise HazelcastSSLError("Unable to connect to any address over TLS after %d attempt(s): %s"
                                    % (attempt, details), ssl_error)
        raise IllegalStateError("Unable to connect to any address after %d attempt(s) %.1f s apart. "
                                "The following addresses were tried: %s"
                                % (attempt, period, details))

    def _on_owner_connected(self, connection) -> None:
        self._partition_service.set_partition_count(self._connection_manager.partition_count)
        self._initial_list.clear()
        request = client_add_membership_listener_codec.encode_request(False)
        future = self._invocation_service.invoke_on_connection(
            request, connection, event_handler=self._handle_member_event)
        try:
            future.result(self._invocation_service.invocation_timeout)
        except Exception as e:
            connection.close("membership listener registration failed: %s" % e, None)
            raise
        if not self._initial_list.wait(self._invocation_service.invocation_timeout):
            _logger.warning("No member list arrived from %r", connection)
        if not self.wait_for_partition_table(min(self._invocation_service.invocation_timeout, 30.0)):
            _logger.warning("No partition table from %r yet; key operations go through it until one "
                            "arrives", connection)

    def on_connection_removed(self, connection, error) -> None:
        """Called by the connection manager: reconnect when the owner connection is lost."""
        if not connection.is_owner or not self._live:
            return
        with self._lock:
            if self._reconnecting:
                return
            self._reconnecting = True
        self._lifecycle.fire_lifecycle_event(LifecycleState.DISCONNECTED)
        threading.Thread(target=self._reconnect, name="hz.client.reconnect", daemon=True).start()

    def _reconnect(self) -> None:
        try:
            self.connect_to_cluster(reconnecting=True)
        except Exception as e:
            with self._lock:
                self._reconnecting = False
            if self._live:
                _logger.error("Client could not reconnect to the cluster and shuts down: %s", e)
                self._shutdown_client()
            return
        with self._lock:
            self._reconnecting = False
        self._lifecycle.fire_lifecycle_event(LifecycleState.CONNECTED)

    def connect_to_all_members(self) -> None:
        """Smart mode: make sure there is a connection to every known member."""
        if not self._config.network_config.smart_routing or not self._live:
            return
        for member in self.get_member_list():
            endpoint = (member.address.host, member.address.port)
            if self._connection_manager.get_connection(endpoint) is None:
                self._connection_manager.get_or_connect(endpoint).add_inline_callback(_log_connect_failure)

    def shutdown(self) -> None:
        self._live = False
        self._initial_list.set()

    # --- the partition table -----------------------------------------------------------

    def refresh_partitions(self) -> Optional[Future]:
        """Ask the owner member for the partition table; the Future of the request (None
        without an owner connection). The table is applied when it arrives."""
        connection = self._connection_manager.owner_connection
        if connection is None or connection.closed:
            return None
        future = self._invocation_service.invoke_on_connection(
            client_get_partitions_codec.encode_request(), connection,
            decoder=client_get_partitions_codec.decode_response)
        future.add_inline_callback(self._on_partitions)
        return future

    def _on_partitions(self, future: Future) -> None:
        error = future.exception()
        if error is not None:
            _logger.debug("Fetching the partition table failed: %s", error)
            return
        response = future.result()
        self._partition_service.apply_table(response.partitions, response.partition_state_version)

    def wait_for_partition_table(self, timeout: float, pause: float = 0.1) -> bool:
        """Fetch the table until the member has one (blocking; not on the I/O thread).

        A member answers with an empty table while it is still arranging the
        partitions of a new cluster. Members before 3.12 do not send the
        partition count at authentication, so until the table arrives keys
        could not be routed.
        """
        deadline = time.monotonic() + timeout
        while True:
            future = self.refresh_partitions()
            if future is not None:
                try:
                    future.result(max(deadline - time.monotonic(), 0.01))
                except Exception as e:  # noqa: BLE001 - retried until the deadline
                    _logger.debug("Fetching the partition table failed: %s", e)
            if self._partition_service.has_table():
                return True
            if time.monotonic() + pause > deadline:
                return False
            time.sleep(pause)

    # --- membership events (event thread) ----------------------------------------------

    def _handle_member_event(self, message) -> None:
        # The member gives membership events a partition id (that of the registration), and
        # the event threads run each partition's events in order on one thread: add_listener
        # runs fire_existing on that thread, in order with them.
        self._event_key = message.partition_id
        client_add_membership_listener_codec.handle(
            message, handle_event_member=self._on_member_event,
            handle_event_memberlist=self._on_member_list,
            handle_event_memberattributechange=self._on_attribute_change)

    def _on_member_list(self, members: List[Member]) -> None:
        with self._lock:
            previous = self._members
            self._members = {m.uuid: m for m in members}
            added = [m for m in members if m.uuid not in previous]
            removed = [m for uid, m in previous.items() if uid not in self._members]
        self._log_members()
        for member in removed:
            self._fire(member, MEMBER_REMOVED)
        for member in added:
            self._fire(member, MEMBER_ADDED)
        # only now: the client's constructor (or a reconnect) returns once the listeners
        # from the config have seen the members, as in 3.12.3
        self._initial_list.set()
        self._after_membership_change()

    def _on_member_event(self, member: Member, event_type: int) -> None:
        with self._lock:
            if event_type == MEMBER_ADDED:
                self._members[member.uuid] = member
            elif event_type == MEMBER_REMOVED:
                self._members.pop(member.uuid, None)
        self._log_members()
        if event_type == MEMBER_REMOVED:
            connection = self._connection_manager.get_connection((member.address.host, member.address.port))
            if connection is not None:
                connection.close("member %s left the cluster" % member, None)
        self._fire(member, event_type)
        self._after_membership_change()

    def _on_attribute_change(self, member_uuid, key, operation_type, value) -> None:
        with self._lock:
            member = self._members.get(member_uuid)
            if member is None:
                return
            if operation_type == 1:
                member.attributes[key] = value
            else:
                member.attributes.pop(key, None)

    def _after_membership_change(self) -> None:
        with self._lock:
            endpoints = [(m.address.host, m.address.port) for m in self._members.values()]
        self._invocation_service.set_member_endpoints(endpoints)
        self.refresh_partitions()
        self.connect_to_all_members()

    def _fire(self, member: Member, event_type: int) -> None:
        with self._lock:
            listeners = list(self._listeners.values())
        for added, removed in listeners:
            callback = added if event_type == MEMBER_ADDED else removed
            if callback is None:
                continue
            try:
                callback(member)
            except Exception:
                _logger.exception("Membership listener %r raised", callback)

    def _log_members(self) -> None:
        members = self.get_member_list()
        lines = "\n".join("\t%r" % m for m in members)
        _logger.info("\n\nMembers [%d] {\n%s\n}\n", len(members), lines)


def _as_listener_pair(listener):
    """Config membership listeners: a ``(added, removed)`` pair or an object with methods."""
    if isinstance(listener, (tuple, list)):
        added = listener[0] if len(listener) > 0 else None
        removed = listener[1] if len(listener) > 1 else None
        return added, removed
    return getattr(listener, "member_added", None), getattr(listener, "member_removed", None)


def _log_connect_failure(future) -> None:
    error = future.exception()
    if error is not None:
        _logger.debug("Connecting to a member failed: %s", error)
