"""Invocations: sending requests, routing them, matching responses, retrying.

This is the one retry path of the client. An invocation is retried (after the
retry pause, under a fresh correlation id, until the invocation timeout) when

* the member answered with an error that says the operation did not run
  (``RetryableHazelcastError`` and its kind, ``HazelcastInstanceNotActiveError``);
* it could not be sent at all (no connection to the cluster right now);
* the connection closed while the request was in flight, and the request is
  read-only/idempotent (``retryable``) or ``redo_operation`` is enabled.

Anything else completes the future with the error. Correlation ids come from
one counter and are never reused, not even for a retry.
"""
import itertools
import logging
import time
from typing import Callable, Dict, Optional, Tuple

from hazelcast.errors import (ClientOfflineError, HazelcastClientNotActiveError,
                              HazelcastInstanceNotActiveError, OperationTimeoutError,
                              RetryableHazelcastError, TargetDisconnectedError,
                              TargetNotReplicaError)
from hazelcast.future import Future
from hazelcast.protocol.error_codes import error_from_message

_logger = logging.getLogger("HazelcastClient.InvocationService")

EXCEPTION_MESSAGE_TYPE = 109
Endpoint = Tuple[str, int]


class Invocation:
    """One request on its way, with where it must go and how to finish it."""

    __slots__ = ("request", "partition_id", "connection", "endpoint", "future", "deadline",
                 "event_handler", "sent_connection", "decoder", "attempt")

    def __init__(self, request, partition_id: int = -1, connection=None,
                 endpoint: Optional[Endpoint] = None, decoder: Optional[Callable] = None,
                 event_handler: Optional[Callable] = None):
        self.request = request
        self.partition_id = partition_id
        self.connection = connection  # bound: only this connection, never retried elsewhere
        self.endpoint = endpoint  # a specific member
        self.decoder = decoder
        self.event_handler = event_handler
        self.future = Future()
        self.deadline = 0.0
        self.sent_connection = None
        self.attempt = 0

    def __repr__(self) -> str:
        return "Invocation(type=0x%04x, partition=%d, endpoint=%s)" % (
            self.request.message_type, self.partition_id, self.endpoint)


class InvocationService:
    """Routes requests to connections and completes their futures."""

    def __init__(self, reactor, connection_manager, partition_service, event_worker, *,
                 smart_routing: bool, redo_operation: bool, invocation_timeout: float,
                 retry_pause: float):
        self._reactor = reactor
        self._connection_manager = connection_manager
        self._partition_service = partition_service
        self._event_worker = event_worker
        self._smart = smart_routing
        self._redo_operation = redo_operation
        self.invocation_timeout = invocation_timeout
        self._retry_pause = retry_pause
        self._pending: Dict[int, Invocation] = {}
        self._event_handlers: Dict[int, Callable] = {}
        self._ids = itertools.count(1)
        self._live = True
        # Set by the client: is (host, port) a member of the cluster right now?
        self.is_member: Callable[[Endpoint], bool] = lambda endpoint: True

    def next_correlation_id(self) -> int:
        return next(self._ids)

    # --- entry points ---------------------------------------------------------------

    def invoke(self, invocation: Invocation) -> Future:
        invocation.deadline = time.monotonic() + self.invocation_timeout
        self._send(invocation)
        return invocation.future

    def invoke_on_partition(self, request, partition_id: int, decoder=None) -> Future:
        request.partition_id = partition_id
        return self.invoke(Invocation(request, partition_id=partition_id, decoder=decoder))

    def invoke_on_key(self, request, key_data, decoder=None) -> Future:
        partition_service = self._partition_service
        partition_id = partition_service.get_partition_id(key_data)
        request.partition_id = partition_id
        invocation = Invocation(request, partition_id, None, None, decoder)
        invocation.deadline = time.monotonic() + self.invocation_timeout
        if self._smart and self._live:
            # The common case, straight to the partition owner's connection.
            connection = self._owner_connection(partition_id)
            if connection is not None:
                self._send_on(invocation, connection)
                return invocation.future
        self._send(invocation)
        return invocation.future

    def invoke_on_random_target(self, request, decoder=None) -> Future:
        return self.invoke(Invocation(request, decoder=decoder))

    def invoke_on_target(self, request, endpoint: Endpoint, decoder=None) -> Future:
        return self.invoke(Invocation(request, endpoint=endpoint, decoder=decoder))

    def invoke_on_connection(self, request, connection, decoder=None, event_handler=None) -> Future:
        return self.invoke(Invocation(request, connection=connection, decoder=decoder,
                                      event_handler=event_handler))

    # --- sending ------------------------------------------------------------------------

    def _send(self, invocation: Invocation) -> None:
        if not self._live:
            invocation.future.set_exception(HazelcastClientNotActiveError("Client is shut down"))
            return
        connection = self._choose_connection(invocation)
        if connection is None:
            return  # waiting for a connection to a specific member, or failed/retrying
        self._send_on(invocation, connection)

    def _send_on(self, invocation: Invocation, connection) -> None:
        correlation_id = next(self._ids)
        request = invocation.request
        request.correlation_id = correlation_id
        invocation.sent_connection = connection
        if invocation.event_handler is not None:
            self._event_handlers[correlation_id] = invocation.event_handler
        self._pending[correlation_id] = invocation
        if not connection.send(request.buf):
            self._pending.pop(correlation_id, None)
            self._event_handlers.pop(correlation_id, None)
            self._on_failure(invocation, TargetDisconnectedError(
                "%r closed before the request could be sent" % (connection,)), sent=False)

    def _choose_connection(self, invocation: Invocation):
        manager = self._connection_manager
        if invocation.connection is not None:
            connection = invocation.connection
            if connection.closed:
                invocation.future.set_exception(connection.close_reason or TargetDisconnectedError(
                    "%r is closed" % (connection,)))
                return None
            return connection
        if invocation.endpoint is not None:
            connection = manager.get_connection(invocation.endpoint)
            if connection is None:
                self._connect_then_send(invocation, invocation.endpoint)
            return connection
        if self._smart and invocation.partition_id >= 0:
            connection = self._owner_connection(invocation.partition_id)
            if connection is not None:
                return connection
            owner = self._partition_service.get_partition_owner(invocation.partition_id)
            if owner is not None:
                manager.get_or_connect(owner)  # for next time; the owner connection relays
        connection = manager.owner_connection
        if connection is None or connection.closed:
            connections = manager.active_connections()
            connection = connections[0] if connections else None
        if connection is None:
            self._on_failure(invocation, ClientOfflineError(
                "No connection to the cluster to send %r" % (invocation,)), sent=False)
        return connection

    def _owner_connection(self, partition_id: int):
        """The open connection to the member owning ``partition_id``, if there is one."""
        owner = self._partition_service.get_partition_owner(partition_id)
        return self._connection_manager.get_connection(owner) if owner is not None else None

    def _connect_then_send(self, invocation: Invocation, endpoint: Endpoint) -> None:
        def on_connected(connected: Future) -> None:
            error = connected.exception()
            if error is not None:
                self._on_failure(invocation, TargetDisconnectedError(
                    "Cannot connect to %s:%d: %s" % (endpoint[0], endpoint[1], error), error), sent=False)
            else:
                self._send_on(invocation, connected.result())

        self._connection_manager.get_or_connect(endpoint).add_inline_callback(on_connected)

    # --- receiving (reactor thread) -------------------------------------------------------

    def handle_message(self, connection, message) -> None:
        correlation_id = message.correlation_id
        if message.is_event():
            handler = self._event_handlers.get(correlation_id)
            if handler is None:
                _logger.debug("Event for unknown registration %d dropped", correlation_id)
            else:
                self._event_worker.submit(handler, message)
            return
        invocation = self._pending.pop(correlation_id, None)
        if invocation is None:
            _logger.debug("Response for unknown correlation id %d dropped: %r", correlation_id, message)
            return
        if message.message_type == EXCEPTION_MESSAGE_TYPE:
            self._event_handlers.pop(correlation_id, None)
            self._on_failure(invocation, error_from_message(message), sent=True)
            return
        decoder = invocation.decoder
        if decoder is None:
            invocation.future.set_result(message)
            return
        try:
            value = decoder(message)
        except Exception as e:
            invocation.future.set_exception(e)
            return
        invocation.future.set_result(value)

    # --- failures and retries -------------------------------------------------------------

    def _on_failure(self, invocation: Invocation, error: BaseException, sent: bool) -> None:
        if not self._live:
            invocation.future.set_exception(HazelcastClientNotActiveError("Client is shut down", error))
            return
        if not self._should_retry(invocation, error, sent):
            invocation.future.set_exception(error)
            return
        remaining = invocation.deadline - time.monotonic()
        if remaining < self._retry_pause:
            invocation.future.set_exception(OperationTimeoutError(
                "%r did not succeed within the invocation timeout of %.1f s; last error: %s"
                % (invocation, self.invocation_timeout, error), error))
            return
        invocation.attempt += 1
        if invocation.attempt > 3:
            _logger.debug("Retrying %r after %s", invocation, error)
        self._reactor.add_timer(self._retry_pause, lambda: self._send(invocation))

    def _should_retry(self, invocation: Invocation, error: BaseException, sent: bool) -> bool:
        if invocation.connection is not None:
            return False  # bound to one connection (listener registration, auth, ping)
        if invocation.endpoint is not None:
            # Meant for one member: if it is no longer one, or says it cannot serve the
            # request, retrying there cannot help; the caller chooses another member.
            if isinstance(error, TargetNotReplicaError) or not self.is_member(invocation.endpoint):
                return False
        if isinstance(error, (RetryableHazelcastError, HazelcastInstanceNotActiveError, ClientOfflineError)):
            return True
        if not sent:
            return isinstance(error, (TargetDisconnectedError, OSError))
        if isinstance(error, (TargetDisconnectedError, OSError)):
            return invocation.request.retryable or self._redo_operation
        return False

    def on_connection_closed(self, connection, error: BaseException) -> None:
        """Fail or retry every invocation that was waiting on ``connection``."""
        lost = [(cid, inv) for cid, inv in list(self._pending.items()) if inv.sent_connection is connection]
        for correlation_id, invocation in lost:
            if self._pending.pop(correlation_id, None) is None:
                continue
            self._event_handlers.pop(correlation_id, None)
            if not isinstance(error, TargetDisconnectedError) and not isinstance(error, HazelcastClientNotActiveError):
                error = TargetDisconnectedError(str(error), error)
            self._on_failure(invocation, error, sent=True)

    def remove_event_handler(self, correlation_id: int) -> None:
        self._event_handlers.pop(correlation_id, None)

    def shutdown(self) -> None:
        """Fail every pending invocation with a not-active error."""
        self._live = False
        error = HazelcastClientNotActiveError("Client is shutting down")
        pending = list(self._pending.values())
        self._pending.clear()
        self._event_handlers.clear()
        for invocation in pending:
            invocation.future.set_exception(error)

    def pending_count(self) -> int:
        return len(self._pending)
