"""FlakeIdGenerator proxy (``client.get_flake_id_generator(name)``, manual section 7.4.14),
and ``IdBatcher``, the batching that it and the IdGenerator share."""
import collections
import threading
import time
from typing import Callable, Deque, List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future, completed_future, failed_future
from hazelcast.protocol.codec import flake_id_generator_new_id_batch_codec
from hazelcast.proxy.base import Proxy, require_protocol


class IdBatch:
    """``count`` ids ``base``, ``base + increment``, ...; usable until ``valid_until``
    (``time.monotonic()`` seconds; None: for ever)."""

    __slots__ = ("next", "increment", "remaining", "valid_until")

    def __init__(self, base: int, increment: int, count: int, valid_until: Optional[float] = None):
        self.next = base
        self.increment = increment
        self.remaining = count
        self.valid_until = valid_until

    def take(self) -> Optional[int]:
        """The next id, or None when the batch is used up or expired."""
        if self.remaining <= 0 or (self.valid_until is not None and time.monotonic() >= self.valid_until):
            return None
        value = self.next
        self.next += self.increment
        self.remaining -= 1
        return value


class IdBatcher:
    """Hands out ids from batches that ``fetch()`` (a Future of an :class:`IdBatch`) supplies.

    Thread-safe. An id from the current batch is returned at once (a completed
    Future); when the batch is used up, callers get pending Futures, one fetch
    is started, and its ids serve them in call order (more fetches follow while
    callers wait). Nothing blocks: fetches complete on the I/O thread.
    """

    def __init__(self, fetch: Callable[[], Future]):
        self._fetch_batch = fetch
        self._lock = threading.Lock()
        self._batch: Optional[IdBatch] = None
        self._waiters: Deque[Future] = collections.deque()
        self._fetching = False

    def new_id(self) -> Future:
        with self._lock:
            if not self._waiters and self._batch is not None:
                value = self._batch.take()
                if value is not None:
                    return completed_future(value)
            waiter = Future()
            self._waiters.append(waiter)
            start = not self._fetching
            self._fetching = True
        if start:
            self._fetch()
        return waiter

    def set_batch(self, batch: IdBatch) -> None:
        """Use ``batch`` from now on (IdGenerator.init)."""
        with self._lock:
            self._batch = batch

    def _fetch(self) -> None:
        try:
            future = self._fetch_batch()
        except Exception as e:  # e.g. the cluster is too old: fail the waiters, do not raise here
            future = failed_future(e)
        future.add_inline_callback(self._on_batch)

    def _on_batch(self, future: Future) -> None:
        error = future.exception()
        served: List[Tuple[Future, int]] = []
        failed: List[Future] = []
        with self._lock:
            if error is not None:
                failed = list(self._waiters)
                self._waiters.clear()
            else:
                self._batch = future.result()
                while self._waiters:
                    value = self._batch.take()
                    if value is None:
                        break
                    served.append((self._waiters.popleft(), value))
            again = bool(self._waiters)
            self._fetching = again
        for waiter, value in served:
            waiter.set_result(value)
        for waiter in failed:
            waiter.set_exception(error)
        if again:
            self._fetch()


# A flake id is (milliseconds since the epoch of 2018 << 22) | (sequence << 16) | member id:
# one hour of ids, shifted past the sequence and member-id bits.
_ONE_HOUR_OF_IDS = (3600 * 1000) << (6 + 16)


class FlakeIdGenerator(Proxy):
    """Cluster-wide unique, roughly ordered 64-bit ids (Hazelcast 3.10 and newer).

    Ids come in batches of ``prefetch_count`` per round trip, usable for
    ``prefetch_validity_in_millis`` (see ``FlakeIdGeneratorConfig``); most calls
    of ``new_id()`` are answered locally. Thread-safe. ``blocking()`` gives
    plain values.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        config = context.config.get_flake_id_generator_config(name)
        self._batch_size = config.prefetch_count
        validity = config.prefetch_validity_in_millis
        self._validity = validity / 1000.0 if validity > 0 else None
        self._batcher = IdBatcher(self._new_batch)

    def new_id(self) -> Future:
        """Future of a new unique id (non-negative)."""
        return self._batcher.new_id()

    def init(self, id: int) -> Future:  # noqa: A002 - 3.12.3's keyword
        """Future of True if the ids this generator hands out from now on are larger
        than ``id`` by at least an hour's worth of ids (other clients may still use
        older batches), as 3.12.3's ``init`` answers; it changes nothing on the
        cluster. For code moving from :class:`IdGenerator`: call it before any id is
        generated and fall back to another name when it answers False."""
        if isinstance(id, bool) or not isinstance(id, int):
            raise IllegalArgumentError("FlakeIdGenerator.init: id must be an int, got %r" % (id,))
        return self.new_id()._map(lambda next_id: next_id >= id + _ONE_HOUR_OF_IDS)

    def _new_batch(self) -> Future:
        require_protocol(self._context, flake_id_generator_new_id_batch_codec.SINCE, "FlakeIdGenerator")
        request = flake_id_generator_new_id_batch_codec.encode_request(self.name, self._batch_size)
        validity = self._validity
        codec = flake_id_generator_new_id_batch_codec

        def decode(message) -> IdBatch:
            response = codec.decode_response(message)
            valid_until = time.monotonic() + validity if validity is not None else None
            return IdBatch(response.base, response.increment, response.batch_size, valid_until)

        return self._invoke(request, decode)
