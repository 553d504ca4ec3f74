"""Opens, authenticates and tracks the connections to members.

Authentication follows protocol 1.x: the first connection is the *owner*
connection (``isOwnerConnection = true``); the member answers with this
client's uuid and the owner member's uuid (the "principal"), which every later
connection, and every reconnect, sends back.
"""
import itertools
import logging
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Protocol

from hazelcast.errors import (AuthenticationError, HazelcastClientNotActiveError, HazelcastTimeoutError,
                              TargetDisconnectedError)
from hazelcast.future import Future
from hazelcast.network.address import Endpoint
from hazelcast.network.connection import Connection
from hazelcast.protocol.codec import client_authentication_codec
from hazelcast.version import CLIENT_TYPE, CLIENT_VERSION, SERIALIZATION_VERSION

_logger = logging.getLogger("HazelcastClient.ConnectionManager")


AUTHENTICATED = 0
CREDENTIALS_FAILED = 1
SERIALIZATION_VERSION_MISMATCH = 2
NOT_ALLOWED_IN_CLUSTER = 3



class ConnectionInvoker(Protocol):
    """What the connection manager needs from the invocation service above it, handed in
    at construction: authentication is a request like any other (one correlation,
    deadline and failure path), and responses on a connection go to the invocation table."""

    def invoke_on_connection(self, request: Any, connection: Connection, decoder: Optional[Callable] = None,
                             event_handler: Optional[Callable] = None, wait_timeout: Optional[float] = 0.0,
                             timeout: Optional[float] = None) -> Future: ...

    def handle_message(self, connection: Connection, message: Any) -> None: ...

    def on_connection_closed(self, connection: Connection, error: BaseException) -> None: ...

# After a failed connect, connect_in_background() leaves that address alone this long.
# Routing asks for a connection to a partition's owner on every request sent without
# one: with the owner dead (until the partition table says otherwise) that was a new
# connect attempt per request, thousands a second, each with its own read buffer.
BACKGROUND_CONNECT_BACKOFF = 1.0


class ConnectionManager:
    """Connections by member address, the owner connection and the principal."""

    def __init__(self, reactor, config, client_name: str, invoker: ConnectionInvoker, ssl_wrapper=None,
                 address_translator: Optional[Callable[[Endpoint], Optional[Endpoint]]] = None):
        self._reactor = reactor
        self._config = config
        self._client_name = client_name
        self._invoker = invoker
        self._ssl_wrapper = ssl_wrapper
        # Cloud discovery: member (private) address -> the address to connect to (public).
        # Connections are found by both; None means "connect where the member said".
        self._translate = address_translator
        self._lock = threading.RLock()
        self._connections: Dict[Endpoint, Connection] = {}
        self._pending: Dict[Endpoint, Future] = {}
        self._ids = itertools.count()
        self._failed_at: Dict[Endpoint, float] = {}  # last failed connect, by address
        self._live = True
        self.owner_connection: Optional[Connection] = None
        self.client_uuid: Optional[str] = None
        self.owner_uuid: Optional[str] = None
        self.partition_count: Optional[int] = None
        self.cluster_id: Optional[str] = None
        self._added_listeners: List[Callable[[Connection], None]] = []
        self._removed_listeners: List[Callable[[Connection, BaseException], None]] = []

    # --- listeners ------------------------------------------------------------

    def add_listener(self, on_added=None, on_removed=None) -> None:
        """``on_added(connection)`` after authentication; ``on_removed(connection, error)`` on close."""
        if on_added:
            self._added_listeners.append(on_added)
        if on_removed:
            self._removed_listeners.append(on_removed)

    # --- lookups ---------------------------------------------------------------

    def get_connection(self, endpoint: Endpoint) -> Optional[Connection]:
        connection = self._connections.get(endpoint)
        if connection is not None and connection.closed:
            return None
        return connection

    def active_connections(self) -> List[Connection]:
        with self._lock:
            return [c for c in set(self._connections.values()) if not c.closed]

    # --- connecting --------------------------------------------------------------

    def get_or_connect(self, endpoint: Endpoint, as_owner: bool = False) -> Future:
        """A Future of an authenticated connection to ``endpoint`` (opened if needed)."""
        if self._translate is not None and self._live:
            target = self._translate(endpoint)
            if target is None:
                future = Future()
                future.set_exception(TargetDisconnectedError(
                    "Cannot connect to member %s:%d: cloud discovery knows no public address for it"
                    % endpoint))
                return future
            endpoint = target
        with self._lock:
            if not self._live:
                future = Future()
                future.set_exception(HazelcastClientNotActiveError("Client is shut down"))
                return future
            connection = self.get_connection(endpoint)
            if connection is not None and as_owner and not connection.is_owner:
                return self._authenticate_as_owner(connection)
            if connection is not None:
                future = Future()
                future.set_result(connection)
                return future
            pending = self._pending.get(endpoint)
            if pending is not None and not as_owner:
                return pending
            future = Future()
            self._pending[endpoint] = future
        self._open(endpoint, as_owner, future)
        return future

    def connect_in_background(self, endpoint: Endpoint) -> None:
        """Start opening a connection to ``endpoint`` unless one is open or being opened,
        or a connect to it failed less than BACKGROUND_CONNECT_BACKOFF ago."""
        failed_at = self._failed_at.get(endpoint)
        if failed_at is not None and time.monotonic() - failed_at < BACKGROUND_CONNECT_BACKOFF:
            return
        self.get_or_connect(endpoint)

    def _open(self, endpoint: Endpoint, as_owner: bool, result: Future) -> None:
        network = self._config.network_config
        connection = Connection(self._reactor, endpoint, next(self._ids), self._invoker.handle_message,
                                lambda closed, error: self._on_connection_closed(closed, error, result),
                                network.socket_options, self._ssl_wrapper)
        _logger.info("Connecting to %s:%d", endpoint[0], endpoint[1])
        connection.start_connect(network.connection_timeout).add_inline_callback(
            lambda connected: self._on_connected(connection, connected, as_owner, result))

    def _auth_request(self, as_owner: bool):
        group = self._config.group_config
        return client_authentication_codec.encode_request(
            group.name, group.password, self.client_uuid, self.owner_uuid,
            as_owner, CLIENT_TYPE, SERIALIZATION_VERSION, CLIENT_VERSION,
            self._client_name, list(getattr(self._config, "labels", None) or []), None, None)

    def _authenticate(self, connection: Connection, as_owner: bool) -> Future:
        """Future of the member's authentication response on ``connection``; an
        ``AuthenticationError`` (or a ``HazelcastTimeoutError`` when the member did not
        answer within the connection timeout) if it did not accept the client."""
        host, port = connection.address
        group_name = self._config.group_config.name
        timeout = self._config.network_config.connection_timeout
        timeout = timeout if timeout > 0 else 120.0
        role = "as owner " if as_owner else ""

        def check(done: Future):
            error = done.exception()
            if isinstance(error, HazelcastTimeoutError):
                raise HazelcastTimeoutError("no authentication response from %s:%d within %.1f s"
                                            % (host, port, timeout), error)
            if error is not None:
                raise AuthenticationError("Authentication %sto %s:%d with group '%s' failed: %s"
                                          % (role, host, port, group_name, error), error)
            response = done.result()
            if response.status != AUTHENTICATED:
                raise AuthenticationError(_auth_failure_text(response.status, host, port, group_name,
                                                             response.serialization_version))
            return response

        return self._invoker.invoke_on_connection(
            self._auth_request(as_owner), connection, client_authentication_codec.decode_response,
            timeout=timeout).continue_with(check)

    def _authenticate_as_owner(self, connection: Connection) -> Future:
        """Make an open connection the owner connection by authenticating on it again.

        Used on reconnect when the new owner is a member we are already connected
        to: requests in flight on that connection carry on undisturbed.
        """
        def on_response(done: Future) -> Connection:
            response = done.result()  # raises the authentication error
            with self._lock:
                self._become_owner(connection, response)
            _logger.info("Authenticated as owner with %r", connection)
            return connection

        return self._authenticate(connection, True).continue_with(on_response)

    def _become_owner(self, connection: Connection, response) -> None:
        connection.is_owner = True
        connection.member_uuid = response.owner_uuid
        self.owner_connection = connection
        self.client_uuid = response.uuid
        self.owner_uuid = response.owner_uuid
        if response.partition_count:
            self.partition_count = response.partition_count
        self.cluster_id = response.cluster_id

    def _on_connected(self, connection: Connection, connected: Future, as_owner: bool, result: Future) -> None:
        if connected.exception() is not None:
            self._finish_pending(connection, result, error=connected.exception())
            return
        self._authenticate(connection, as_owner).add_inline_callback(
            lambda done: self._on_authenticated(connection, done, as_owner, result))

    def _on_authenticated(self, connection: Connection, done: Future, as_owner: bool, result: Future) -> None:
        error = done.exception()
        if error is not None:
            connection.close(str(error), error)  # fails ``result`` with ``error``
            return
        response = done.result()
        address = response.address
        connection.member_address = address
        connection.server_version = response.server_hazelcast_version
        member_endpoint = (address.host, address.port) if address is not None else connection.address
        with self._lock:
            if as_owner:
                self._become_owner(connection, response)
            self._connections[member_endpoint] = connection
            self._connections[connection.address] = connection
        _logger.info("Authenticated with %r (member %s, server version %s)", connection,
                     address, response.server_hazelcast_version)
        self._finish_pending(connection, result)
        for listener in list(self._added_listeners):
            try:
                listener(connection)
            except Exception:
                _logger.exception("Connection-added listener failed")

    def _finish_pending(self, connection: Connection, result: Future,
                        error: Optional[BaseException] = None) -> None:
        """Complete ``result`` (the Future ``get_or_connect`` handed out) with ``connection``
        or ``error``."""
        with self._lock:
            if self._pending.get(connection.address) is result:
                del self._pending[connection.address]
            if error is not None:
                self._failed_at[connection.address] = time.monotonic()
            else:
                self._failed_at.pop(connection.address, None)
        if error is not None:
            result.set_exception(error)
        else:
            result.set_result(connection)

    def _on_connection_closed(self, connection: Connection, error: BaseException, result: Future) -> None:
        with self._lock:
            keys = [k for k, c in self._connections.items() if c is connection]
            for key in keys:
                del self._connections[key]
            if self.owner_connection is connection:
                self.owner_connection = None
        if not keys:  # closed before it was authenticated: only the authentication was on it
            self._invoker.on_connection_closed(connection, error)
            self._finish_pending(connection, result, error)
            return
        for listener in list(self._removed_listeners):
            try:
                listener(connection, error)
            except Exception:
                _logger.exception("Connection-removed listener failed")

    # --- shutdown ----------------------------------------------------------------

    def shutdown(self) -> None:
        """Close every connection; later connects fail with a not-active error."""
        with self._lock:
            self._live = False
            connections = set(self._connections.values())
            pending = list(self._pending.values())
        for connection in connections:
            connection.close("client is shutting down", HazelcastClientNotActiveError("Client is shutting down"))
        for future in pending:
            future.set_exception(HazelcastClientNotActiveError("Client is shutting down"))


def _auth_failure_text(status: int, host: str, port: int, group: str, server_serialization_version) -> str:
    where = "Authentication to %s:%d with group '%s' failed: " % (host, port, group)
    if status == CREDENTIALS_FAILED:
        return where + ("the cluster rejected the credentials (check the group name and password "
                        "in ClientConfig.group_config)")
    if status == SERIALIZATION_VERSION_MISMATCH:
        return where + ("serialization version mismatch: client speaks %d, the member speaks %s"
                        % (SERIALIZATION_VERSION, server_serialization_version))
    if status == NOT_ALLOWED_IN_CLUSTER:
        return where + "the client is not allowed in this cluster (blacklisted or client filtering)"
    return where + "unknown authentication status %d" % status
