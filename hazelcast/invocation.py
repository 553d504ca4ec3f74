"""Invocations: sending requests, routing them, matching responses, retrying.

Policy, in one place:

* **One deadline.** Every invocation gets one deadline on the monotonic clock
  when it is made: ``invocation timeout`` (+ ``wait_timeout`` for an operation
  that legitimately waits on the member, such as ``Queue.poll(5)``). Whatever
  state it is in -- waiting for a connection, sent and awaiting its response,
  or waiting to be retried -- it fails with ``OperationTimeoutError`` once the
  deadline passes; the message gives the real elapsed time, the configured
  timeout and the last error. An operation that may wait on the member for as
  long as it takes (``wait_timeout=None``: ``Queue.take``, ``Lock.lock``...) has
  that deadline only until its request is written; after that only a response,
  the loss of its connection (heartbeat) or shutdown ends it. Deadlines are
  checked every ``SWEEP_PERIOD`` (0.1 s) while calls with one are live.
* **One retry path** (its rules: :class:`hazelcast.retry.RetryPolicy`). An
  invocation is retried (after the retry pause, under a
  fresh correlation id, while its deadline allows) when the member answered
  with an error that says the operation did not run (``RetryableHazelcastError``
  and its kind, ``HazelcastInstanceNotActiveError``); when it could not be sent
  (no connection right now); or when its connection closed while the request
  was in flight and the request is read-only/idempotent (``retryable``) or
  ``redo_operation`` is enabled. Anything else completes the future with the
  error.
* **Nothing is left pending.** Every live invocation, in any state, is in one
  table, keyed by its current correlation id; whoever removes it from the
  table completes its future, so it completes exactly once. Shutdown empties
  the table, failing each with ``HazelcastClientNotActiveError``, and anything
  invoked afterwards fails at once.

* **A bound on live invocations** (``hazelcast.client.max.concurrent.invocations``,
  unbounded by default). A new invocation that finds the table full fails at
  once with ``HazelcastOverloadError``, or, with
  ``hazelcast.client.invocation.backoff.timeout.millis`` > 0, its caller waits
  for room (polling with a growing pause, as Java's client does) at most that
  long and never past the invocation's own deadline. Retries keep their place;
  the client's own requests on a chosen connection (authentication, pings,
  listener and membership registrations) are never refused, but they count.

Correlation ids come from one counter and are never reused, not even for a
retry. See docs/timeouts.md.
"""
import itertools
import logging
import math
import threading
import time
from typing import TYPE_CHECKING, Callable, Dict, FrozenSet, Iterable, Optional

from hazelcast.errors import (ClientOfflineError, ConfigurationError, HazelcastClientNotActiveError,
                              HazelcastOverloadError, OperationTimeoutError, TargetDisconnectedError)
from hazelcast.future import Future
from hazelcast.retry import Binding, RetryPolicy
from hazelcast.network.address import Endpoint
from hazelcast.protocol.error_codes import ERROR_MESSAGE_TYPE, error_from_message

if TYPE_CHECKING:  # annotations only
    from hazelcast.network.connection_manager import ConnectionManager

_logger = logging.getLogger("HazelcastClient.InvocationService")


# Deadlines are enforced by one periodic sweep over the live invocations rather
# than a reactor timer per invocation. Measured in-process (invoke_on_key plus
# its response, no network): 2.7 us per request with or without the sweep; a
# timer per invocation would add 0.7-0.8 us (a Timer object and a locked heap
# push; cancelling only marks it, so each entry also lingers in the heap for the
# whole invocation timeout, 120 s by default: millions of entries at a high
# request rate). The sweep costs one pass over the live invocations per period,
# runs only while there are some (an idle client still sleeps), and fires a
# deadline at most one period late.
SWEEP_PERIOD = 0.1
_NO_DEADLINE = math.inf

# hazelcast.client.max.concurrent.invocations: Java's default, Integer.MAX_VALUE, means
# "no bound" (and costs nothing on the hot path).
UNBOUNDED = 2 ** 31 - 1
# A caller waiting for room in a full table polls with a pause growing from the first
# to the last (completions are not signalled to waiters: that would cost every call).
_ROOM_POLL_FIRST = 0.0005
_ROOM_POLL_MAX = 0.02


class Invocation:
    """One request on its way, with where it must go and how to finish it."""

    __slots__ = ("request", "partition_id", "connection", "endpoint", "future", "deadline",
                 "event_handler", "sent_connection", "decoder", "attempt", "correlation_id",
                 "start", "wait_timeout", "last_error")

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
        self.start = 0.0
        self.wait_timeout: Optional[float] = 0.0  # seconds the member may wait; None: unbounded
        self.sent_connection = None  # the connection it is in flight on, if any
        self.attempt = 0
        self.correlation_id = 0
        self.last_error: Optional[BaseException] = None

    def __repr__(self) -> str:
        return "Invocation(type=0x%04x, partition=%d, endpoint=%s)" % (
            self.request.message_type, self.partition_id, self.endpoint)


class InvocationService:
    """Routes requests to connections and completes their futures."""

    def __init__(self, reactor, partition_service, event_worker,
                 connection_manager: "Callable[[InvocationService], ConnectionManager]", *,
                 smart_routing: bool, redo_operation: bool, invocation_timeout: float,
                 retry_pause: float, max_concurrent_invocations: int = UNBOUNDED,
                 backoff_timeout: float = -1.0):
        self._reactor = reactor
        self._partition_service = partition_service
        self._event_worker = event_worker
        self._smart = smart_routing
        self._retry_policy = RetryPolicy(redo_operation)
        self.invocation_timeout = invocation_timeout
        self._retry_pause = retry_pause
        if max_concurrent_invocations < 1:
            raise ConfigurationError("hazelcast.client.max.concurrent.invocations must be >= 1 (%d for no "
                                     "bound), got %r" % (UNBOUNDED, max_concurrent_invocations))
        # 0: no bound; else the most live invocations a caller may add to
        self._max_concurrent = 0 if max_concurrent_invocations >= UNBOUNDED else max_concurrent_invocations
        self._backoff_timeout = backoff_timeout  # <= 0: a full table fails the call at once
        self._admit_lock = threading.RLock()  # a failed future's callbacks may invoke again
        # Every live invocation (not yet completed), by its current correlation id.
        self._invocations: Dict[int, Invocation] = {}
        self._event_handlers: Dict[int, Callable] = {}
        self._ids = itertools.count(1)
        self._live = True
        self._sweep_lock = threading.Lock()
        self._sweeping = False
        # The members' endpoints as the cluster service last told them; None: not known yet.
        self._member_endpoints: Optional[FrozenSet[Endpoint]] = None
        # Built here, with this service as its invoker: the connection manager sends its
        # authentication through invoke_on_connection and hands responses to handle_message.
        self._connection_manager = connection_manager(self)

    @property
    def connection_manager(self) -> "ConnectionManager":
        return self._connection_manager

    def set_member_endpoints(self, endpoints: Iterable[Endpoint]) -> None:
        """Called by the cluster service when the member list changes."""
        self._member_endpoints = frozenset(endpoints)

    def is_member(self, endpoint: Endpoint) -> bool:
        """Is (host, port) a member of the cluster right now (True until the list is known)?"""
        members = self._member_endpoints
        return members is None or endpoint in members

    def next_correlation_id(self) -> int:
        return next(self._ids)

    # --- entry points ---------------------------------------------------------------
    #
    # ``wait_timeout``: seconds the member may legitimately hold the request before
    # answering (a blocking poll, try_lock...), added to the invocation timeout; None
    # for an operation that waits as long as it takes.

    def invoke(self, invocation: Invocation, wait_timeout: Optional[float] = 0.0,
               urgent: bool = False) -> Future:
        if self._start(invocation, wait_timeout, urgent=urgent):
            self._send(invocation)
        return invocation.future

    def invoke_on_partition(self, request, partition_id: int, decoder=None,
                            wait_timeout: Optional[float] = 0.0) -> Future:
        request.partition_id = partition_id
        return self.invoke(Invocation(request, partition_id=partition_id, decoder=decoder), wait_timeout)

    def invoke_on_key(self, request, key_data, decoder=None, wait_timeout: Optional[float] = 0.0) -> Future:
        partition_id = self._partition_service.get_partition_id(key_data)
        request.partition_id = partition_id
        invocation = Invocation(request, partition_id, None, None, decoder)
        if not self._start(invocation, wait_timeout):
            return invocation.future
        if self._smart:
            # The common case, straight to the partition owner's connection.
            connection = self._owner_connection(partition_id)
            if connection is not None:
                self._send_on(invocation, connection)
                return invocation.future
        self._send(invocation)
        return invocation.future

    def invoke_on_random_target(self, request, decoder=None, wait_timeout: Optional[float] = 0.0) -> Future:
        return self.invoke(Invocation(request, decoder=decoder), wait_timeout)

    def invoke_on_target(self, request, endpoint: Endpoint, decoder=None,
                         wait_timeout: Optional[float] = 0.0) -> Future:
        return self.invoke(Invocation(request, endpoint=endpoint, decoder=decoder), wait_timeout)

    def invoke_on_connection(self, request, connection, decoder=None, event_handler=None,
                             wait_timeout: Optional[float] = 0.0, timeout: Optional[float] = None,
                             urgent: bool = True) -> Future:
        """``timeout``: seconds instead of the invocation timeout (authentication waits
        the connection timeout). ``urgent``: never refused by the bound on live
        invocations. True by default: requests on a chosen connection are the client's own
        (authentication, pings, listener, membership and partition-table requests,
        statistics); a transaction's operations, the users' calls among them, pass False."""
        invocation = Invocation(request, connection=connection, decoder=decoder, event_handler=event_handler)
        if self._start(invocation, wait_timeout, timeout, urgent):
            self._send(invocation)
        return invocation.future

    # --- the table of live invocations ---------------------------------------------------

    def _start(self, invocation: Invocation, wait_timeout: Optional[float],
               timeout: Optional[float] = None, urgent: bool = False) -> bool:
        """Give ``invocation`` its deadline and enter it in the table; False if it failed."""
        now = time.monotonic()
        invocation.start = now
        invocation.wait_timeout = wait_timeout
        invocation.deadline = now + (self.invocation_timeout if timeout is None else timeout) + (wait_timeout or 0.0)
        if self._max_concurrent and not urgent:
            return self._admit(invocation)
        return self._track(invocation)

    def _admit(self, invocation: Invocation) -> bool:
        """Enter ``invocation`` if the table has room, waiting for room if so configured
        (never on the reactor thread, which is what makes room); False if it failed."""
        limit = self._max_concurrent
        give_up = invocation.start
        if self._backoff_timeout > 0 and not self._reactor.is_reactor_thread():
            give_up = min(invocation.start + self._backoff_timeout, invocation.deadline)
        pause = _ROOM_POLL_FIRST
        while True:
            with self._admit_lock:  # check and enter as one step: the bound is exact
                if len(self._invocations) < limit or not self._live:
                    return self._track(invocation)  # (after shutdown: fails it as not active)
            now = time.monotonic()
            if now >= give_up:
                break
            time.sleep(min(pause, give_up - now))
            pause = min(pause * 2, _ROOM_POLL_MAX)
        waited = "; waited %.2f s for room" % (now - invocation.start) if give_up > invocation.start else ""
        invocation.future.set_exception(HazelcastOverloadError(
            "%r refused: %d invocations are in progress, the most allowed "
            "(hazelcast.client.max.concurrent.invocations)%s" % (invocation, len(self._invocations), waited)))
        return False

    def _track(self, invocation: Invocation) -> bool:
        """Enter ``invocation`` in the table under a fresh correlation id; False if the
        client is shut down (it is then failed)."""
        correlation_id = next(self._ids)
        invocation.correlation_id = correlation_id
        invocation.request.correlation_id = correlation_id
        self._invocations[correlation_id] = invocation
        if not self._live:  # checked after entering: a concurrent shutdown either sees it or we do
            if self._claim(invocation):
                invocation.future.set_exception(_not_active(invocation, invocation.last_error))
            return False
        if not self._sweeping:
            self._start_sweep()
        return True

    def _claim(self, invocation: Invocation) -> bool:
        """Take ``invocation`` out of the table; True if this caller now owns completing it."""
        return self._invocations.pop(invocation.correlation_id, None) is invocation

    def _start_sweep(self) -> None:
        with self._sweep_lock:
            if self._sweeping:
                return
            self._sweeping = True
        self._reactor.add_timer(SWEEP_PERIOD, self._sweep)

    def _sweep(self) -> None:
        """Fail the invocations past their deadline (reactor thread, every SWEEP_PERIOD)."""
        now = time.monotonic()
        deadlines_left = False
        for invocation in list(self._invocations.values()):
            deadline = invocation.deadline
            if deadline > now:
                deadlines_left = deadlines_left or deadline != _NO_DEADLINE
            elif self._claim(invocation):
                self._event_handlers.pop(invocation.correlation_id, None)
                invocation.future.set_exception(self._timeout_error(invocation, now))
        with self._sweep_lock:
            # Cleared before the table is looked at again: an invocation entered
            # meanwhile either is seen here or sees the flag down and starts the next
            # sweep. Calls that may wait as long as they take (a reliable topic's read,
            # a take()) need no sweep: with only those left, the client sleeps.
            self._sweeping = False
            if self._live and (deadlines_left or any(
                    invocation.deadline != _NO_DEADLINE for invocation in list(self._invocations.values()))):
                self._sweeping = True
                self._reactor.add_timer(SWEEP_PERIOD, self._sweep)

    def _timeout_error(self, invocation: Invocation, now: float) -> OperationTimeoutError:
        wait = invocation.wait_timeout
        allowed = "the invocation timeout of %.1f s" % self.invocation_timeout
        if wait:
            allowed += " plus its wait of %.1f s" % wait
        if invocation.last_error is not None:
            state = "last error: %s" % (invocation.last_error,)
        elif invocation.sent_connection is not None:
            state = "no response from %r" % (invocation.sent_connection,)
        else:
            state = "it could not be sent"
        return OperationTimeoutError("%r timed out after %.1f s (%s); %s"
                                     % (invocation, now - invocation.start, allowed, state),
                                     invocation.last_error)

    # --- sending ------------------------------------------------------------------------

    def _send(self, invocation: Invocation) -> None:
        connection = self._choose_connection(invocation)
        if connection is not None:
            self._send_on(invocation, connection)

    def _send_on(self, invocation: Invocation, connection) -> None:
        invocation.sent_connection = connection  # before sending: a close now finds it
        if invocation.event_handler is not None:
            self._event_handlers[invocation.correlation_id] = invocation.event_handler
        if invocation.wait_timeout is None:
            invocation.deadline = _NO_DEADLINE  # the member may hold it as long as it takes
        if not connection.send(invocation.request.buf) and self._claim(invocation):
            self._event_handlers.pop(invocation.correlation_id, None)
            self._on_failure(invocation, TargetDisconnectedError(
                "%r closed before the request could be sent" % (connection,)), sent=False)

    def _choose_connection(self, invocation: Invocation):
        """The connection to send on now, or None (then it is waiting, retrying or failed)."""
        manager = self._connection_manager
        if invocation.connection is not None:
            connection = invocation.connection
            if connection.closed:
                if self._claim(invocation):
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
                manager.connect_in_background(owner)  # for next time; the owner connection relays
        connection = manager.owner_connection
        if connection is None or connection.closed:
            connections = manager.active_connections()
            connection = connections[0] if connections else None
        if connection is None and self._claim(invocation):
            self._on_failure(invocation, ClientOfflineError(
                "No connection to the cluster to send %r" % (invocation,)), sent=False)
        return connection

    def _owner_connection(self, partition_id: int):
        """The open connection to the member owning ``partition_id``, if there is one."""
        owner = self._partition_service.get_partition_owner(partition_id)
        return self._connection_manager.get_connection(owner) if owner is not None else None

    def _connect_then_send(self, invocation: Invocation, endpoint: Endpoint) -> None:
        """Send once a connection to ``endpoint`` is up; the invocation stays in the
        table meanwhile, so its deadline and shutdown still reach it."""
        def on_connected(connected: Future) -> None:
            if self._invocations.get(invocation.correlation_id) is not invocation:
                return  # timed out or failed by shutdown while connecting
            error = connected.exception()
            if error is None:
                self._send_on(invocation, connected.result())
            elif self._claim(invocation):
                self._on_failure(invocation, TargetDisconnectedError(
                    "Cannot connect to %s:%d: %s" % (endpoint[0], endpoint[1], error), error), sent=False)

        self._connection_manager.get_or_connect(endpoint).add_inline_callback(on_connected)

    # --- receiving (reactor thread) -------------------------------------------------------

    def handle_message(self, connection, message) -> None:
        correlation_id = message.correlation_id
        if message.is_event():
            handler = self._event_handlers.get(correlation_id)
            if handler is None:
                _logger.debug("Event for unknown registration %d dropped", correlation_id)
            else:
                # the events of one partition stay in order, on one listener thread
                self._event_worker.submit_keyed(message.partition_id, handler, message)
            return
        invocation = self._invocations.pop(correlation_id, None)
        if invocation is None:
            _logger.debug("Response for unknown correlation id %d dropped (timed out?): %r",
                          correlation_id, message)
            return
        if message.message_type == ERROR_MESSAGE_TYPE:
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
        """Retry or fail ``invocation``, which the caller has claimed (taken out of the table)."""
        invocation.sent_connection = None
        if not self._live:
            invocation.future.set_exception(_not_active(invocation, error))
            return
        if not self._should_retry(invocation, error, sent):
            invocation.future.set_exception(error)
            return
        invocation.last_error = error
        now = time.monotonic()
        if invocation.wait_timeout is None:
            # Written already (no deadline since): retrying it gets a fresh invocation timeout.
            invocation.deadline = min(invocation.deadline, now + self.invocation_timeout)
        if invocation.deadline - now < self._retry_pause:
            invocation.future.set_exception(self._timeout_error(invocation, now))
            return
        invocation.attempt += 1
        if invocation.attempt > 3:
            _logger.debug("Retrying %r after %s", invocation, error)
        if self._track(invocation):  # in the table while it waits: deadline and shutdown see it
            self._reactor.add_timer(self._retry_pause, lambda: self._retry(invocation))

    def _retry(self, invocation: Invocation) -> None:
        if self._invocations.get(invocation.correlation_id) is invocation:  # not timed out or shut down
            self._send(invocation)

    def _should_retry(self, invocation: Invocation, error: BaseException, sent: bool) -> bool:
        """The retry rules are :class:`RetryPolicy`'s; this only says where the request is bound."""
        if invocation.connection is not None:
            binding = Binding.CONNECTION
        elif invocation.endpoint is not None:
            binding = Binding.MEMBER if self.is_member(invocation.endpoint) else Binding.GONE_MEMBER
        else:
            binding = Binding.ANY
        return self._retry_policy.should_retry(binding, invocation.request.retryable, error, sent)

    def on_connection_closed(self, connection, error: BaseException) -> None:
        """Fail or retry every invocation that was in flight on ``connection``."""
        if not isinstance(error, (TargetDisconnectedError, HazelcastClientNotActiveError)):
            error = TargetDisconnectedError(str(error), error)
        lost = [inv for inv in list(self._invocations.values()) if inv.sent_connection is connection]
        for invocation in lost:
            if self._claim(invocation):
                self._event_handlers.pop(invocation.correlation_id, None)
                self._on_failure(invocation, error, sent=True)

    def remove_event_handler(self, correlation_id: int) -> None:
        self._event_handlers.pop(correlation_id, None)

    def shutdown(self) -> None:
        """Fail every live invocation, whatever its state, with a not-active error;
        later invocations fail at once."""
        self._live = False
        for correlation_id in list(self._invocations):
            invocation = self._invocations.pop(correlation_id, None)
            if invocation is not None:
                invocation.future.set_exception(_not_active(invocation, invocation.last_error))
        self._event_handlers.clear()

    def pending_count(self) -> int:
        """Live invocations: sent, waiting for a connection or waiting to be retried."""
        return len(self._invocations)


def _not_active(invocation: Invocation, cause: Optional[BaseException]) -> HazelcastClientNotActiveError:
    return HazelcastClientNotActiveError("Client is shut down; %r did not complete" % (invocation,), cause)
