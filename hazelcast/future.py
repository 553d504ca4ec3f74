"""``Future``: the result of an asynchronous call.

Every proxy method returns one. It resembles ``concurrent.futures.Future``:
``result(timeout)``, ``exception()``, ``done()``, ``cancel()``,
``add_done_callback()``, and adds ``continue_with()`` for chaining. It is also
awaitable from asyncio code::

    value = await my_map.get("key")

Which thread runs what (docs/callbacks.md has the whole story):

* ``add_done_callback(fn)``: never on the client's I/O thread. When the I/O
  thread completes the future (every answer from the cluster does), the
  callbacks go to the callback thread ``hz.callbacks`` (one per process, shared
  by all clients, a daemon started on first use), which runs them one at a
  time: futures in the order they completed, the callbacks added to one future
  before it completed in the order they were added. When another thread completes the future (``cancel()``,
  a call that fails before anything is sent), it runs them itself before it
  returns. A callback added to a future that is already done runs at once on
  the adding thread (on the callback thread if that is the I/O thread).
* ``continue_with(fn)`` and ``add_inline_callback(fn)``: on the thread that
  completes the future, usually the I/O thread, like the client's own
  continuations. They must be quick and must not block.

Each callback runs exactly once; an exception it raises is logged (logger
``HazelcastClient.Future``), not lost and not propagated.

Blocking on the I/O thread would deadlock it, so it is refused with
``IllegalStateError``: ``result()`` of a pending future, and every blocking
client call (``blocking()`` views, ``with lock:``), which refuse BEFORE sending
anything to the cluster.

``cancel()`` returns True only for the futures of waiting calls that can be
undone (``Queue.take``/``poll`` with a timeout, ``Lock.lock``/``try_lock``,
``Semaphore.acquire``/``try_acquire``, ``CountDownLatch.await_latch``); see each
method and docs/callbacks.md for what is guaranteed. A cancelled future is done;
``result()`` and ``exception()`` raise ``concurrent.futures.CancelledError``
(an ``Exception``), ``await`` raises ``asyncio.CancelledError``. Cancelling the
asyncio task that awaits a future (``asyncio.wait_for`` timing out) cancels
the future.
"""
import functools
import logging
import os
import threading
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any, Callable, Generator, Generic, Iterable, List, Optional, TypeVar, Union

from hazelcast.errors import HazelcastTimeoutError, IllegalStateError
from hazelcast.util.worker import SerialWorker

if TYPE_CHECKING:
    import asyncio  # imported when first awaited: most clients never use asyncio

_logger = logging.getLogger("HazelcastClient.Future")

T = TypeVar("T")
U = TypeVar("U")

_PENDING = 0
_RESULT = 1
_EXCEPTION = 2
_CANCELLED = 3

_allocate_lock = threading.Lock


class _ThreadMarker(threading.local):
    # A class default, so that reading it on other threads is a plain attribute lookup
    # (getattr with a default would raise and catch AttributeError on every call).
    is_io_thread = False


_io_thread_marker = _ThreadMarker()

# Futures share a few locks instead of allocating one each: the critical sections
# are a handful of attribute reads and writes, and a Future is made per request.
_STRIPES = 64
_stripe_locks = [_allocate_lock() for _ in range(_STRIPES)]

# Runs add_done_callback() callbacks of futures the I/O thread completes. One per
# process because a Future does not know its client; a daemon, so an idle one never
# keeps the interpreter alive, and started only when first needed.
_callback_worker = SerialWorker("hz.callbacks", lazy=True)


def _new_callback_worker() -> None:
    # A forked child has none of the parent's threads: a worker the parent had started
    # would look started and never run anything there.
    global _callback_worker
    _callback_worker = SerialWorker("hz.callbacks", lazy=True)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_callback_worker)


def mark_io_thread() -> None:
    """Called by the reactor thread at start: blocking waits there would deadlock."""
    _io_thread_marker.is_io_thread = True


def is_io_thread() -> bool:
    """True on the client's I/O thread, where nothing may wait for the cluster."""
    return _io_thread_marker.is_io_thread


def check_may_block(what: str, *args: Any) -> None:
    """Raise ``IllegalStateError`` if called on the client's I/O thread, where waiting for
    an answer would deadlock; blocking calls check this before they send anything.
    ``what % args`` names the call (formatted only when refusing: this is on every
    blocking call's path)."""
    if is_io_thread():
        raise IllegalStateError(
            "%s blocks, and was called on the client's I/O thread (from a continue_with() "
            "continuation or an inline callback), where waiting would deadlock; nothing was sent. "
            "Use the Future-returning method and chain on it, or add_done_callback(), whose "
            "callbacks run on the callback thread and may block." % (what % args if args else what))


def is_callback_thread() -> bool:
    """True on the thread that runs ``add_done_callback()`` callbacks of I/O completions."""
    return _callback_worker.is_worker_thread()


def _run_callback(future: "Future[T]", callback: Callable[["Future[T]"], Any]) -> None:
    try:
        callback(future)
    except Exception:
        _logger.exception("A Future callback %r raised; the error is logged and ignored", callback)


def _run_callbacks(future: "Future[T]", callbacks: List[Callable[["Future[T]"], Any]]) -> None:
    for callback in callbacks:
        _run_callback(future, callback)


class Future(Generic[T]):
    """The eventual result, or error, of an asynchronous operation (a ``T`` value)."""

    __slots__ = ("_state", "_value", "_lock", "_waiters", "_callbacks", "_user_callbacks",
                 "__weakref__")

    def __init__(self) -> None:
        self._state = _PENDING
        self._value: Any = None  # the T value, or the error (by _state)
        self._lock = _stripe_locks[id(self) >> 4 & (_STRIPES - 1)]
        self._waiters: Optional[List[Any]] = None
        self._callbacks: Optional[List[Callable[[Future[T]], Any]]] = None  # inline
        self._user_callbacks: Optional[List[Callable[[Future[T]], Any]]] = None

    # --- completion (called by the client) --------------------------------

    def set_result(self, result: T) -> bool:
        """Complete with a value; returns False if it was already complete (or cancelled)."""
        return self._complete(_RESULT, result)

    def set_exception(self, exception: BaseException, traceback: Any = None) -> bool:
        """Complete with an error; returns False if it was already complete (or cancelled)."""
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
            user_callbacks = self._user_callbacks
            self._waiters = None
            self._callbacks = None
            self._user_callbacks = None
        if waiters:
            for waiter in waiters:
                waiter.release()
        if callbacks:
            for callback in callbacks:
                _run_callback(self, callback)
        if user_callbacks:
            if is_io_thread():
                _callback_worker.submit(_run_callbacks, self, user_callbacks)
            else:
                _run_callbacks(self, user_callbacks)
        return True

    # --- inspection -------------------------------------------------------

    def done(self) -> bool:
        """True once completed with a value or an error, or cancelled."""
        return self._state != _PENDING

    def running(self) -> bool:
        return self._state == _PENDING

    def cancelled(self) -> bool:
        return self._state == _CANCELLED

    def cancel(self) -> bool:
        """False: this operation cannot be taken back once sent (see :class:`CancellableFuture`
        for the ones that can)."""
        return False

    def is_success(self) -> bool:
        return self._state == _RESULT

    def traceback(self) -> Any:
        """The traceback of the error this Future failed with (None otherwise)."""
        return self._value.__traceback__ if self._state == _EXCEPTION else None

    def _wait(self, timeout: Optional[float]) -> None:
        if self._state != _PENDING:
            return
        if is_io_thread():
            raise IllegalStateError(
                "Future.result() was called on the client's I/O thread (in a continue_with() "
                "continuation or an inline callback) on a future that is not done; this would "
                "deadlock. Chain with continue_with(), or use add_done_callback(), whose callbacks "
                "run on the callback thread.")
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

    def result(self, timeout: Optional[float] = None) -> T:
        """Wait (at most ``timeout`` seconds) and return the value, or raise the error
        (``concurrent.futures.CancelledError`` if cancelled)."""
        if self._state == _PENDING:
            self._wait(timeout)
        if self._state == _RESULT:
            value: T = self._value
            return value
        if self._state == _CANCELLED:
            raise CancelledError()
        raise self._value

    def exception(self, timeout: Optional[float] = None) -> Optional[BaseException]:
        """Wait and return the error, or None when the future completed with a value;
        raises ``concurrent.futures.CancelledError`` if cancelled."""
        if self._state == _PENDING:
            self._wait(timeout)
        if self._state == _CANCELLED:
            raise CancelledError()
        return self._value if self._state == _EXCEPTION else None

    # --- chaining ---------------------------------------------------------

    def add_done_callback(self, callback: Callable[["Future[T]"], Any]) -> None:
        """Call ``callback(future)`` once it is done (at once if it already is); never on
        the I/O thread, so the callback may block (it holds up the callbacks after it)."""
        with self._lock:
            if self._state == _PENDING:
                if self._user_callbacks is None:
                    self._user_callbacks = [callback]
                else:
                    self._user_callbacks.append(callback)
                return
        if is_io_thread():
            _callback_worker.submit(_run_callbacks, self, [callback])
        else:
            _run_callback(self, callback)

    def add_inline_callback(self, callback: Callable[["Future[T]"], Any]) -> None:
        """Call ``callback(future)`` on the thread that completes it (usually the I/O
        thread), or at once if done. For quick, non-blocking work only: it saves the
        hand-over to the callback thread, and blocking client calls in it are refused."""
        with self._lock:
            if self._state == _PENDING:
                if self._callbacks is None:
                    self._callbacks = [callback]
                else:
                    self._callbacks.append(callback)
                return
        _run_callback(self, callback)

    def continue_with(self, continuation_func: Callable[..., Any], *args: Any) -> "Future[Any]":
        """A new Future completed with ``continuation_func(this_future, *args)``.

        The continuation runs on the thread that completes this future (usually
        the I/O thread): keep it quick and non-blocking. If it raises, the new
        future fails with that error. If it returns a Future, the new future
        follows that one.
        """
        chained: Future[Any] = Future()

        def run(completed: "Future[T]") -> None:
            try:
                value = continuation_func(completed, *args)
            except Exception as e:
                chained.set_exception(e)
                return
            if isinstance(value, Future):
                value.add_inline_callback(lambda inner: _copy_outcome(inner, chained))
            else:
                chained.set_result(value)

        self.add_inline_callback(run)
        return chained

    def _map(self, transform: Callable[[T], U]) -> "Future[U]":
        """A new Future with ``transform`` applied to this one's value (errors and
        cancellation pass through)."""
        mapped: Future[U] = Future()

        def run(completed: "Future[T]") -> None:
            if completed._state != _RESULT:
                mapped._complete(completed._state, completed._value)
                return
            try:
                mapped.set_result(transform(completed._value))
            except Exception as e:
                mapped.set_exception(e)

        self.add_inline_callback(run)
        return mapped

    def __await__(self) -> Generator[Any, None, T]:
        if self._state == _PENDING:
            import asyncio
            loop = asyncio.get_running_loop()
            bridge = loop.create_future()

            def transfer(completed: "Future[T]") -> None:
                try:
                    loop.call_soon_threadsafe(_copy_to_asyncio, completed, bridge)
                except RuntimeError:
                    pass  # the loop is closed: nobody awaits this any more

            self.add_inline_callback(transfer)
            try:
                yield from bridge.__await__()
            except asyncio.CancelledError:
                # The awaiting task was cancelled (asyncio.wait_for timing out, task.cancel()):
                # take the operation back too where that is safe.
                self.cancel()
                raise
        if self._state == _CANCELLED:
            import asyncio
            raise asyncio.CancelledError()
        return self.result()

    def __repr__(self) -> str:
        state = {_PENDING: "pending", _RESULT: "done", _EXCEPTION: "failed",
                 _CANCELLED: "cancelled"}[self._state]
        return "<%s %s>" % (type(self).__name__, state)


class CancellableFuture(Future[T]):
    """The Future of a waiting operation that can be taken back: ``cancel()`` works
    while it is pending.

    Cancelling only marks it: the request may still be waiting on the member. The
    code that made it completes it with ``set_result()``; when that returns False
    because it was cancelled, that code undoes what the member did (see
    :func:`cancellable`).
    """

    __slots__ = ()

    def cancel(self) -> bool:
        """Cancel it if it is still pending; True if it is (now) cancelled."""
        if self._complete(_CANCELLED, None):
            return True
        return self._state == _CANCELLED


def cancellable(inner: Future[T], undo: Callable[[T], Any]) -> CancellableFuture[T]:
    """A cancellable Future of ``inner``'s outcome.

    When ``inner`` succeeds after the returned future was cancelled, nobody will see
    its value, so ``undo(value)`` is called (on the completing thread: it must not
    block) to take back what the operation did. A failure needs no undoing.
    """
    outer: CancellableFuture[T] = CancellableFuture()

    def settle(done: Future[T]) -> None:
        if done._state != _RESULT:
            outer._complete(done._state, done._value)
        elif not outer.set_result(done._value):
            undo(done._value)

    inner.add_inline_callback(settle)
    return outer


def _copy_outcome(source: Future[Any], target: Future[Any]) -> None:
    target._complete(source._state, source._value)


def _copy_to_asyncio(source: Future[Any], target: "asyncio.Future[Any]") -> None:
    if target.done():
        return
    if source._state == _RESULT:
        target.set_result(source._value)
    elif source._state == _CANCELLED:
        target.cancel()
    else:
        target.set_exception(source._value)


class ImmediateFuture(Future[T]):
    """A Future that already holds ``result`` (3.12.3's name)."""

    __slots__ = ()

    def __init__(self, result: T) -> None:
        super().__init__()
        self.set_result(result)


class ImmediateExceptionFuture(Future[Any]):
    """A Future that already holds the error ``exception`` (3.12.3's name)."""

    __slots__ = ()

    def __init__(self, exception: BaseException, traceback: Any = None) -> None:
        super().__init__()
        self.set_exception(exception, traceback)


# The client's own done futures are plain Futures: an ImmediateFuture costs a second
# __init__ call (0.47 -> 0.93 us), and completed_future serves every locally cached id.
def completed_future(value: T) -> Future[T]:
    """A Future that already holds ``value``."""
    future: Future[T] = Future()
    future.set_result(value)
    return future


def failed_future(error: BaseException) -> Future[Any]:
    """A Future that already holds ``error``."""
    future: Future[Any] = Future()
    future.set_exception(error)
    return future


def combine_futures(*futures: Union[Future[Any], Iterable[Future[Any]]]) -> Future[List[Any]]:
    """A Future of the list of values of ``futures``, in order; fails with the first error
    (or is cancelled when one of them is).

    Takes the futures as arguments (3.12.3's ``combine_futures(f1, f2)``) or one
    iterable of them (``combine_futures([f1, f2])``).
    """
    parts: List[Future[Any]]
    if len(futures) == 1 and not isinstance(futures[0], Future):
        parts = list(futures[0])
    else:
        parts = [f for f in futures if isinstance(f, Future)]
        if len(parts) != len(futures):
            raise TypeError("combine_futures takes Futures, or one iterable of them")
    combined: Future[List[Any]] = Future()
    if not parts:
        combined.set_result([])
        return combined
    results: List[Any] = [None] * len(parts)
    remaining = [len(parts)]
    lock = _allocate_lock()

    def collect(index: int, completed: Future[Any]) -> None:
        if completed._state != _RESULT:
            combined._complete(completed._state, completed._value)
            return
        results[index] = completed._value
        with lock:
            remaining[0] -= 1
            finished = remaining[0] == 0
        if finished:
            combined.set_result(results)

    for i, future in enumerate(parts):
        future.add_inline_callback(functools.partial(collect, i))
    return combined


def make_blocking(instance: Any) -> Any:
    """3.12.3's spelling of ``instance.blocking()``: a view of a proxy whose methods
    return plain values instead of Futures."""
    return instance.blocking()
