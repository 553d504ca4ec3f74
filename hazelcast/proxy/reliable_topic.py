"""ReliableTopic proxy (``client.get_reliable_topic(name)``): a topic kept in a Ringbuffer.

Messages are stored in the member-side ringbuffer ``_hz_rb_<name>`` as
``ReliableTopicMessage`` objects (IdentifiedDataSerializable factory -18,
class 2, as Java members and clients write them), so Python and Java
publishers and listeners share a topic. Each listener reads the ringbuffer
in batches (``read_many``; a read at the tail waits on the member for new
messages), one read at a time, driven by callbacks: no thread per listener.
Listener code runs on the client's event thread of unkeyed work (one thread, in order).

A listener survives member loss (reads are retried, on the new partition
owner). When messages it has not read yet are overwritten, it either jumps
to the oldest message still stored (a loss-tolerant listener) or is
terminated with a logged error.
"""
import logging
import threading
import time
import uuid
from typing import Any, Callable, Dict, Optional, Set

from hazelcast.config import TOPIC_OVERLOAD_POLICY
from hazelcast.errors import (ClientOfflineError, DistributedObjectDestroyedError,
                              HazelcastClientNotActiveError, HazelcastInstanceNotActiveError,
                              HazelcastIOError, HazelcastSerializationError, HazelcastTimeoutError,
                              IllegalArgumentError, RetryableHazelcastError, StaleSequenceError,
                              TargetDisconnectedError, TopicOverloadError)
from hazelcast.future import Future, completed_future
from hazelcast.lifecycle import LifecycleState
from hazelcast.proxy.base import Proxy, check_not_none, listener_id
from hazelcast.proxy.manager import RINGBUFFER_SERVICE
from hazelcast.proxy.ringbuffer import OVERFLOW_POLICY, ReadResult, Ringbuffer
from hazelcast.proxy.topic import TopicMessage
from hazelcast.serialization.reliable_topic_message import (RELIABLE_TOPIC_MESSAGE_CLASS_ID, TOPIC_FACTORY_ID,
                                                            ReliableTopicMessage)
from hazelcast.serialization.data import Data

_logger = logging.getLogger("HazelcastClient.ReliableTopic")

TOPIC_RB_PREFIX = "_hz_rb_"
"""Prefix of the ringbuffer that holds a reliable topic's messages (as on the members)."""


INITIAL_BACKOFF = 0.1  # seconds; a BLOCK publish doubles it up to MAX_BACKOFF
MAX_BACKOFF = 2.0
READ_RETRY_DELAY = 0.25  # seconds before a listener reads again after a transient failure

_TRANSIENT_ERRORS = (TargetDisconnectedError, RetryableHazelcastError, HazelcastInstanceNotActiveError,
                     HazelcastTimeoutError, ClientOfflineError, HazelcastIOError, OSError)


def decode_reliable_topic_message(data: Data, serialization_service, big_endian: bool = True
                                  ) -> ReliableTopicMessage:
    """Read a ringbuffer item of a reliable topic; a clear error if it is something else."""
    message = serialization_service.to_object(data) if data is not None else None
    if not isinstance(message, ReliableTopicMessage):
        raise HazelcastSerializationError(
            "a reliable topic ringbuffer item must be a ReliableTopicMessage (IdentifiedDataSerializable "
            "factory %d class %d), got %r" % (TOPIC_FACTORY_ID, RELIABLE_TOPIC_MESSAGE_CLASS_ID, message))
    return message


class ReliableMessageListener:
    """Base class for listeners that control where they read from.

    Override ``on_message``; the other methods have these defaults:

    * ``retrieve_initial_sequence()`` -- the sequence of the first message to
      read; -1 (default) means the next message published.
    * ``store_sequence(sequence)`` -- called with each message's sequence just
      before ``on_message`` gets it (store it to resume later, e.g. return
      the stored value + 1 from ``retrieve_initial_sequence``).
    * ``is_loss_tolerant()`` -- False (default): if unread messages were
      overwritten, the listener is terminated (logged as an error). True: it
      continues from the oldest message still stored.
    * ``is_terminal(error)`` -- whether an exception raised by ``on_message``
      ends the listener; default False (it is logged and reading goes on).

    Any object with an ``on_message`` method (and any of the others) works
    as well; so does a plain function taking a :class:`TopicMessage`.
    """

    def on_message(self, message: TopicMessage) -> None:
        raise NotImplementedError("on_message must be implemented by %s" % type(self).__name__)

    def retrieve_initial_sequence(self) -> int:
        return -1

    def store_sequence(self, sequence: int) -> None:
        pass

    def is_loss_tolerant(self) -> bool:
        return False

    def is_terminal(self, error: BaseException) -> bool:
        return False


_DEFAULTS = ReliableMessageListener()


class _ListenerAdapter:
    """A function, or an object with some of ReliableMessageListener's methods, as all of them."""

    __slots__ = ("listener", "on_message", "retrieve_initial_sequence", "store_sequence",
                 "is_loss_tolerant", "is_terminal")

    def __init__(self, listener: Any):
        if isinstance(listener, type):
            raise IllegalArgumentError("listener must be a function or an object, not the class %s: pass an "
                                       "instance, e.g. %s()" % (listener.__name__, listener.__name__))
        self.listener = listener
        on_message = getattr(listener, "on_message", None)
        if on_message is None and callable(listener):
            on_message = listener
        if not callable(on_message):
            raise IllegalArgumentError(
                "listener must be a function taking a TopicMessage, or an object with an on_message(message) "
                "method (see ReliableMessageListener), got %r" % (listener,))
        self.on_message = on_message
        for name in ("retrieve_initial_sequence", "store_sequence", "is_loss_tolerant", "is_terminal"):
            method = getattr(listener, name, None)
            if method is not None and not callable(method):
                raise IllegalArgumentError("%s of the listener must be a method, got %r" % (name, method))
            setattr(self, name, method or getattr(_DEFAULTS, name))


class ReliableTopic(Proxy):
    """A topic whose messages are kept (in a ringbuffer) so that listeners lose none.

    ``publish`` follows the topic's overload policy
    (:class:`~hazelcast.config.ReliableTopicConfig`) when the ringbuffer has
    no room. ``add_listener`` takes a function of a :class:`TopicMessage` or
    a :class:`ReliableMessageListener`. Methods return Futures.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._config = context.config.get_reliable_topic_config(name)
        # Built directly (not via client.get_ringbuffer): the proxy manager is
        # creating this proxy right now; the members create the ringbuffer on use.
        self._ringbuffer = Ringbuffer(RINGBUFFER_SERVICE, TOPIC_RB_PREFIX + name, context)
        self._serialization = context.serialization_service
        self._big_endian = bool(getattr(context.config.serialization_config, "is_big_endian", True))
        self._cluster = context.cluster_service
        self._runners: Dict[str, _MessageRunner] = {}
        self._blocked: Set[Future] = set()
        self._lock = threading.Lock()
        self._lifecycle_registration: Optional[str] = None
        self._lifecycle = context.lifecycle

    @property
    def config(self):
        """The :class:`~hazelcast.config.ReliableTopicConfig` in use."""
        return self._config

    # --- publishing -------------------------------------------------------------------------

    def publish(self, message: Any) -> Future:
        """Publish ``message``; Future of None once it is stored.

        When the ringbuffer is full (it has a time-to-live and holds only
        younger messages), the overload policy decides: ``BLOCK`` waits,
        ``ERROR`` fails with ``TopicOverloadError``, ``DISCARD_NEWEST`` drops
        this message and ``DISCARD_OLDEST`` overwrites the oldest.
        """
        check_not_none(message, "message")
        stored = ReliableTopicMessage(int(time.time() * 1000), None, self._to_data(message))
        item = self._to_data(stored)
        policy = self._config.topic_overload_policy
        if policy == TOPIC_OVERLOAD_POLICY.DISCARD_OLDEST:
            return self._ringbuffer.add(item, OVERFLOW_POLICY.OVERWRITE)._map(_ignore)
        if policy == TOPIC_OVERLOAD_POLICY.DISCARD_NEWEST:
            return self._ringbuffer.add(item, OVERFLOW_POLICY.FAIL)._map(_ignore)
        if policy == TOPIC_OVERLOAD_POLICY.ERROR:
            return self._ringbuffer.add(item, OVERFLOW_POLICY.FAIL)._map(
                lambda sequence: self._raise_if_full(sequence, message))
        result = Future()
        self._watch_lifecycle()
        with self._lock:
            self._blocked.add(result)
        result.add_inline_callback(self._unblock)
        self._add_blocking(item, INITIAL_BACKOFF, result)
        return result

    def _raise_if_full(self, sequence: int, message: Any) -> None:
        if sequence == -1:
            raise TopicOverloadError(
                "Failed to publish message %r on topic %s: its ringbuffer %s is full of messages still "
                "within their time-to-live, and the topic overload policy is ERROR (BLOCK waits, "
                "DISCARD_NEWEST drops, DISCARD_OLDEST overwrites)" % (message, self.name, self._ringbuffer.name))

    def _add_blocking(self, item: Data, delay: float, result: Future) -> None:
        if result.done():
            return

        def on_added(added: Future) -> None:
            error = added.exception()
            if error is not None:
                result.set_exception(error)
            elif added.result() != -1:
                result.set_result(None)
            else:
                self._schedule(delay, lambda: self._add_blocking(item, min(delay * 2, MAX_BACKOFF), result))

        self._ringbuffer.add(item, OVERFLOW_POLICY.FAIL).add_inline_callback(on_added)

    def _unblock(self, future: Future) -> None:
        with self._lock:
            self._blocked.discard(future)

    # --- listeners --------------------------------------------------------------------------

    def add_listener(self, on_message: Any = None) -> Future:
        """Start delivering messages to ``on_message``; Future of the registration id.

        ``on_message`` is a function taking a :class:`TopicMessage`, or a
        :class:`ReliableMessageListener` (any object with ``on_message``).
        Once the Future is done, every later publish reaches the listener.
        """
        check_not_none(on_message, "on_message")
        adapter = _ListenerAdapter(on_message)
        initial = adapter.retrieve_initial_sequence()
        if isinstance(initial, bool) or not isinstance(initial, int) or initial < -1:
            raise IllegalArgumentError("retrieve_initial_sequence() must return a sequence >= 0, or -1 for the "
                                       "next message published; it returned %r" % (initial,))
        registration_id = str(uuid.uuid4())
        runner = _MessageRunner(self, registration_id, adapter)
        self._watch_lifecycle()
        with self._lock:
            self._runners[registration_id] = runner
        if initial >= 0:
            runner.start(initial)
            return completed_future(registration_id)

        def start_after_tail(tail: int) -> str:
            runner.start(tail + 1)
            return registration_id

        future = self._ringbuffer.tail_sequence()._map(start_after_tail)
        future.add_inline_callback(lambda done: done.exception() is not None and runner.cancel())
        return future

    def remove_listener(self, registration_id: str) -> Future:
        """Stop the listener ``registration_id`` (or the Future of it); Future of True if it was running."""
        registration_id = listener_id(registration_id)
        check_not_none(registration_id, "registration_id")
        with self._lock:
            runner = self._runners.get(registration_id)
        if runner is None:
            return completed_future(False)
        runner.cancel()
        return completed_future(True)

    def destroy(self) -> bool:
        """Stop every listener and destroy the topic and its ringbuffer on the cluster."""
        self._cancel_all()
        if self._lifecycle_registration is not None:
            self._lifecycle.remove_listener(self._lifecycle_registration)
            self._lifecycle_registration = None
        super().destroy()
        return self._ringbuffer.destroy()

    # --- plumbing ---------------------------------------------------------------------------

    def _forget(self, registration_id: str) -> None:
        with self._lock:
            self._runners.pop(registration_id, None)

    def _cancel_all(self) -> None:
        with self._lock:
            runners = list(self._runners.values())
        for runner in runners:
            runner.cancel()

    def _watch_lifecycle(self) -> None:
        if self._lifecycle_registration is None and self._lifecycle is not None:
            self._lifecycle_registration = self._lifecycle.add_listener(self._on_lifecycle)

    def _on_lifecycle(self, state: str) -> None:
        if state != LifecycleState.SHUTTING_DOWN:
            return
        self._cancel_all()
        with self._lock:
            blocked = list(self._blocked)
        for future in blocked:
            future.set_exception(HazelcastClientNotActiveError(
                "the client shut down while a publish on reliable topic %s waited for room" % self.name))

    def _schedule(self, delay: float, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the I/O thread after ``delay`` seconds."""
        self._context.add_timer(delay, callback)

    def _submit(self, callback: Callable[..., None], *args: Any) -> None:
        """Run ``callback(*args)`` on the client's event thread (where listeners run)."""
        self._context.submit_event(callback, *args)

    def _to_topic_message(self, data: Data) -> TopicMessage:
        stored = decode_reliable_topic_message(data, self._serialization, self._big_endian)
        member = None
        if stored.publisher_address is not None:
            member = next((m for m in self._cluster.get_member_list()
                           if m.address == stored.publisher_address), None)
        return TopicMessage(self.name, self._to_object(stored.payload), stored.publish_time, member)


class _MessageRunner:
    """Reads one listener's messages: read a batch, deliver it, read the next."""

    def __init__(self, topic: ReliableTopic, registration_id: str, listener: _ListenerAdapter):
        self._topic = topic
        self._registration_id = registration_id
        self._listener = listener
        self._batch_size = topic.config.read_batch_size
        self._sequence = -1
        self._cancelled = False

    def start(self, sequence: int) -> None:
        self._sequence = sequence
        self._read()

    def cancel(self) -> None:
        self._cancelled = True
        self._topic._forget(self._registration_id)

    def _describe(self) -> str:
        return "listener %r (registration %s) of reliable topic %s" % (
            self._listener.listener, self._registration_id, self._topic.name)

    # --- the read loop ------------------------------------------------------------------

    def _read(self) -> None:
        if self._cancelled:
            return
        try:
            future = self._topic._ringbuffer._read_many(self._sequence, 1, self._batch_size, None, _identity)
        except Exception as error:  # e.g. the client's serialization of the request failed
            self._topic._submit(self._on_failure, error)
            return
        future.add_inline_callback(lambda done: self._topic._submit(self._on_read, done))

    def _on_read(self, done: Future) -> None:  # event thread
        if self._cancelled:
            return
        error = done.exception()
        if error is not None:
            self._on_failure(error)
            return
        result: ReadResult = done.result()
        sequences = result.sequences or list(range(self._sequence, self._sequence + len(result)))
        if sequences and sequences[0] > self._sequence and not self._on_loss(sequences[0]):
            return
        for data, sequence in zip(result.items, sequences):  # items stay Data: read with _identity
            if not self._deliver(data, sequence):
                return
        self._sequence = max(result.next_sequence_to_read_from, self._sequence + result.read_count)
        self._read()

    def _deliver(self, data: Data, sequence: int) -> bool:
        listener = self._listener
        try:
            listener.store_sequence(sequence)
            listener.on_message(self._topic._to_topic_message(data))
        except Exception as error:
            if self._is_terminal(error):
                _logger.error("Terminating %s: it raised on the message at sequence %d: %r",
                              self._describe(), sequence, error, exc_info=error)
                self.cancel()
                return False
            _logger.warning("%s raised on the message at sequence %d (not terminal, reading goes on): %r",
                            self._describe(), sequence, error, exc_info=error)
        return True

    def _is_terminal(self, error: BaseException) -> bool:
        try:
            return bool(self._listener.is_terminal(error))
        except Exception as e:
            _logger.warning("is_terminal of %s raised %r; treating the error as terminal", self._describe(), e)
            return True

    def _on_loss(self, oldest: int) -> bool:
        """Messages from our sequence up to ``oldest`` are gone; True to go on from ``oldest``."""
        lost_from = self._sequence
        if not self._loss_tolerant():
            _logger.error("Terminating %s: messages from sequence %d to %d were overwritten before it read them "
                          "(the listener is too slow, or the ringbuffer too small). A loss-tolerant listener "
                          "would continue from the oldest message.", self._describe(), lost_from, oldest - 1)
            self.cancel()
            return False
        _logger.warning("%s lost messages %d to %d (overwritten before it read them); continuing from %d",
                        self._describe(), lost_from, oldest - 1, oldest)
        self._sequence = oldest
        return True

    def _loss_tolerant(self) -> bool:
        try:
            return bool(self._listener.is_loss_tolerant())
        except Exception as e:
            _logger.warning("is_loss_tolerant of %s raised %r; treating it as not loss tolerant",
                            self._describe(), e)
            return False

    def _on_failure(self, error: BaseException) -> None:  # event thread
        if isinstance(error, HazelcastClientNotActiveError):
            _logger.debug("Stopping %s: the client is shut down", self._describe())
            self.cancel()
        elif isinstance(error, DistributedObjectDestroyedError):
            _logger.info("Stopping %s: the topic was destroyed", self._describe())
            self.cancel()
        elif isinstance(error, StaleSequenceError):
            # what we wanted to read is older than the head: jump to the head, or stop
            self._restart_from(self._topic._ringbuffer.head_sequence(), 0, self._on_loss)
        elif isinstance(error, IllegalArgumentError) and self._loss_tolerant():
            # beyond the tail: the ringbuffer lost its data (e.g. every replica died); start afresh
            _logger.warning("%s reads beyond the end of the ringbuffer (%s); continuing with the next message",
                            self._describe(), error)
            self._restart_from(self._topic._ringbuffer.tail_sequence(), 1, self._set_and_go_on)
        elif isinstance(error, _TRANSIENT_ERRORS):
            _logger.debug("%s: reading failed (%r); reading again", self._describe(), error)
            self._topic._schedule(READ_RETRY_DELAY, self._read)
        else:
            _logger.error("Terminating %s: reading from sequence %d failed: %r", self._describe(),
                          self._sequence, error, exc_info=error)
            self.cancel()

    def _restart_from(self, position: Future, offset: int, decide: Callable[[int], bool]) -> None:
        def on_position(done: Future) -> None:  # event thread
            if self._cancelled:
                return
            if done.exception() is not None:
                self._on_failure(done.exception())
            elif decide(done.result() + offset):
                self._read()

        position.add_inline_callback(lambda done: self._topic._submit(on_position, done))

    def _set_and_go_on(self, sequence: int) -> bool:
        self._sequence = sequence
        return True


def _identity(value: Any) -> Any:
    return value


def _ignore(_) -> None:
    return None
