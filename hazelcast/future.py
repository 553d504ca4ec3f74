"""``Future``: the result of an asynchronous call.

Every proxy method returns one. It resembles ``concurrent.futures.Future``:
``result(timeout)``, ``exception()``, ``done()``, ``add_done_callback()``, and
adds ``continue_with()`` for chaining. It is also awaitable from asyncio code::

    value = await my_map.get("key")

Callbacks run on the thread that completes the future (usually the client's
I/O thread), exactly once each; an exception a callback raises is logged, not
lost and not propagated. Never block inside a callback: ``result()`` called on
the I/O thread on a future that is not done raises ``IllegalStateError``
instead of deadlocking.
"""
import logging
import threading
from typing import Any, Callable, List, Optional

from hazelcast.errors import HazelcastTimeoutError, IllegalStateError

_logger = logging.getLogger("HazelcastClient.Future")

_PENDING = 0
_RESULT = 1
_EXCEPTION = 2

_allocate_lock = threading.Lock
_io_thread_marker = threading.local()

# Futures share a few locks instead of allocating one each: the critical sections
# are a handful of attribute reads and writes, and a Future is made per request.
_STRIPES = 64
_stripe_locks = [_allocate_lock() for _ in range(_STRIPES)]


def mark_io_thread() -> None:
    """Called by the reactor thread at start: blocking waits there would deadlock."""
    _io_thread_marker.is_io_thread = True


def _on_io_thread() -> bool:
    return getattr(_io_thread_marker, "is_io_thread", False)


class Future:
    """The eventual result, or error, of an asynchronous operation."""

    __slots__ = ("_state", "_value", "_lock", "_waiters", "_callbacks", "__weakref__")

    def __init__(self):
        self._state = _PENDING
        self._value = None
        self._lock = _stripe_locks[id(self) >> 4 & (_STRIPES - 1)]
        self._waiters: Optional[List[Any]] = None
        self._callbacks: Optional[List[Callable[["Future"], Any]]] = None

    # --- completion (called by the client) --------------------------------

    def set_result(self, result: Any) -> bool:
        """Complete with a value; returns False if it was already complete."""
        return self._complete(_RESULT, result)

    def set_exception(self, exception: BaseException, traceback=None) -> bool:
        """Complete with an error; returns False if it was already complete."""
        if not isinstance(exception, BaseException):
            exception = IllegalStateError("future completed with a non-exception: %r" % (exception,))
        return self._complete(_EXCEPTION, exception)

    def _complete(self, state: int, value: Any) -> bool:
        with self._lock:
            if self._state != _PENDING:
                return False
            self._value = value
            self._state = state
            waiters = self._waiters
            callbacks = self._callbacks
            self._waiters = None
            self._callbacks = None
        if waiters:
            for waiter in waiters:
                waiter.release()
        if callbacks:
            for callback in callbacks:
                self._run_callback(callback)
        return True

    def _run_callback(self, callback: Callable[["Future"], Any]) -> None:
        try:
            callback(self)
        except Exception:
            _logger.exception("A Future callback %r raised; the error is logged and ignored", callback)

    # --- inspection -------------------------------------------------------

    def done(self) -> bool:
        return self._state != _PENDING

    def running(self) -> bool:
        return self._state == _PENDING

    def cancelled(self) -> bool:
        return False

    def cancel(self) -> bool:
        """A request sent to the cluster cannot be taken back: always False."""
        return False

    def is_success(self) -> bool:
        return self._state == _RESULT

    def traceback(self) -> Any:
        """The traceback of the error this Future failed with (None otherwise)."""
        return self._value.__traceback__ if self._state == _EXCEPTION else None

    def _wait(self, timeout: Optional[float]) -> None:
        if self._state != _PENDING:
            return
        if _on_io_thread():
            raise IllegalStateError(
                "Future.result() was called on the client's I/O thread (inside a callback) on a "
                "future that is not done; this would deadlock. Use add_done_callback() or "
                "continue_with() instead of blocking there.")
        waiter = _allocate_lock()
        waiter.acquire()
        with self._lock:
            if self._state != _PENDING:
                return
            if self._waiters is None:
                self._waiters = [waiter]
            else:
                self._waiters.append(waiter)
        if timeout is None:
            waiter.acquire()
        elif not waiter.acquire(timeout=max(timeout, 0)):
            with self._lock:
                if self._waiters and waiter in self._waiters:
                    self._waiters.remove(waiter)
            if self._state == _PENDING:
                raise HazelcastTimeoutError("Future.result() timed out after %s seconds" % timeout)

    def result(self, timeout: Optional[float] = None) -> Any:
        """Wait (at most ``timeout`` seconds) and return the value, or raise the error."""
        if self._state == _PENDING:
            self._wait(timeout)
        if self._state == _RESULT:
            return self._value
        raise self._value

    def exception(self, timeout: Optional[float] = None) -> Optional[BaseException]:
        """Wait and return the error, or None when the future completed with a value."""
        if self._state == _PENDING:
            self._wait(timeout)
        return self._value if self._state == _EXCEPTION else None

    # --- chaining ---------------------------------------------------------

    def add_done_callback(self, callback: Callable[["Future"], Any]) -> None:
        """Call ``callback(future)`` once it completes (at once if it already has)."""
        with self._lock:
            if self._state == _PENDING:
                if self._callbacks is None:
                    self._callbacks = [callback]
                else:
                    self._callbacks.append(callback)
                return
        self._run_callback(callback)

    def continue_with(self, continuation_func: Callable[..., Any], *args: Any) -> "Future":
        """A new Future completed with ``continuation_func(this_future, *args)``.

        If the continuation raises, the new future fails with that error. If it
        returns a Future, the new future follows that one.
        """
        chained = Future()

        def run(completed: "Future") -> None:
            try:
                value = continuation_func(completed, *args)
            except Exception as e:
                chained.set_exception(e)
                return
            if isinstance(value, Future):
                value.add_done_callback(lambda inner: _copy_outcome(inner, chained))
            else:
                chained.set_result(value)

        self.add_done_callback(run)
        return chained

    def _map(self, transform: Callable[[Any], Any]) -> "Future":
        """A new Future with ``transform`` applied to this one's value (errors pass through)."""
        mapped = Future()

        def run(completed: "Future") -> None:
            if completed._state == _EXCEPTION:
                mapped.set_exception(completed._value)
                return
            try:
                mapped.set_result(transform(completed._value))
            except Exception as e:
                mapped.set_exception(e)

        self.add_done_callback(run)
        return mapped

    def __await__(self):
        if self._state == _PENDING:
            import asyncio
            loop = asyncio.get_running_loop()
            bridge = loop.create_future()

            def transfer(completed: "Future") -> None:
                loop.call_soon_threadsafe(_copy_to_asyncio, completed, bridge)

            self.add_done_callback(transfer)
            yield from bridge.__await__()
        return self.result()

    def __repr__(self) -> str:
        state = {_PENDING: "pending", _RESULT: "done", _EXCEPTION: "failed"}[self._state]
        return "<Future %s>" % state


def _copy_outcome(source: Future, target: Future) -> None:
    if source._state == _RESULT:
        target.set_result(source._value)
    else:
        target.set_exception(source._value)


def _copy_to_asyncio(source: Future, target) -> None:
    if target.done():
        return
    if source._state == _RESULT:
        target.set_result(source._value)
    else:
        target.set_exception(source._value)


class ImmediateFuture(Future):
    """A Future that already holds ``result`` (3.12.3's name)."""

    __slots__ = ()

    def __init__(self, result: Any):
        super().__init__()
        self.set_result(result)


class ImmediateExceptionFuture(Future):
    """A Future that already holds the error ``exception`` (3.12.3's name)."""

    __slots__ = ()

    def __init__(self, exception: BaseException, traceback=None):
        super().__init__()
        self.set_exception(exception, traceback)


# The client's own done futures are plain Futures: an ImmediateFuture costs a second
# __init__ call (0.47 -> 0.93 us), and completed_future serves every locally cached id.
def completed_future(value: Any = None) -> Future:
    """A Future that already holds ``value``."""
    future = Future()
    future.set_result(value)
    return future


def failed_future(error: BaseException) -> Future:
    """A Future that already holds ``error``."""
    future = Future()
    future.set_exception(error)
    return future


def combine_futures(*futures: Any) -> Future:
    """A Future of the list of values of ``futures``, in order; fails with the first error.

    Takes the futures as arguments (3.12.3's ``combine_futures(f1, f2)``) or one
    iterable of them (``combine_futures([f1, f2])``).
    """
    if len(futures) == 1 and not isinstance(futures[0], Future):
        futures = futures[0]
    futures = list(futures)
    combined = Future()
    if not futures:
        combined.set_result([])
        return combined
    results: List[Any] = [None] * len(futures)
    remaining = [len(futures)]
    lock = _allocate_lock()

    def collect(index: int, completed: Future) -> None:
        if completed._state == _EXCEPTION:
            combined.set_exception(completed._value)
            return
        results[index] = completed._value
        with lock:
            remaining[0] -= 1
            finished = remaining[0] == 0
        if finished:
            combined.set_result(results)

    for i, future in enumerate(futures):
        future.add_done_callback(lambda f, i=i: collect(i, f))
    return combined


def make_blocking(instance: Any) -> Any:
    """3.12.3's spelling of ``instance.blocking()``: a view of a proxy whose methods
    return plain values instead of Futures."""
    return instance.blocking()
