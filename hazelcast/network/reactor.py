"""The I/O reactor: one daemon thread that owns every socket of a client.

It waits on a ``selectors`` selector (epoll/kqueue/select), with a wake-up
socket pair so that other threads can hand it work, and a heap of timers on
the monotonic clock. An idle client sleeps in ``select()`` until the next timer
is due: there is no polling loop.
"""
import heapq
import itertools
import logging
import selectors
import socket
import threading
import time
from collections import deque
from typing import Any, Callable, Deque, List, Optional, Tuple

from hazelcast.future import mark_io_thread

_logger = logging.getLogger("HazelcastClient.Reactor")

_READ = selectors.EVENT_READ
_WRITE = selectors.EVENT_WRITE


class Timer:
    """A scheduled call; ``cancel()`` stops it if it has not run yet."""

    __slots__ = ("deadline", "callback", "cancelled", "_seq")

    def __init__(self, deadline: float, callback: Callable[[], Any], seq: int):
        self.deadline = deadline
        self.callback = callback
        self.cancelled = False
        self._seq = seq

    def cancel(self) -> None:
        self.cancelled = True

    def __lt__(self, other: "Timer") -> bool:
        return (self.deadline, self._seq) < (other.deadline, other._seq)


class Reactor:
    """Runs socket handlers, queued calls and timers on one thread.

    A handler registered with :meth:`register` must have ``handle_read()``,
    ``handle_write()`` and ``handle_error(exception)``.
    """

    def __init__(self, name: str = "hz.client.reactor"):
        self._name = name
        self._selector = selectors.DefaultSelector()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._wake_writer.setblocking(False)
        self._selector.register(self._wake_reader, _READ, None)
        self._wake_pending = False
        self._calls: Deque[Tuple[Callable[..., Any], Tuple[Any, ...]]] = deque()
        self._timers: List[Timer] = []
        self._timer_seq = itertools.count()
        self._timer_lock = threading.Lock()
        self._running = False
        self._thread: Optional[threading.Thread] = None

    # --- lifecycle --------------------------------------------------------

    def start(self) -> None:
        self._running = True
        self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
        self._thread.start()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the loop, join the thread and close the selector and wake-up sockets."""
        if not self._running:
            return
        self._running = False
        self.wake()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._close_resources()

    def _close_resources(self) -> None:
        try:
            self._selector.close()
        except Exception:  # already closed
            pass
        for sock in (self._wake_reader, self._wake_writer):
            try:
                sock.close()
            except OSError:
                pass

    def is_reactor_thread(self) -> bool:
        return threading.current_thread() is self._thread

    @property
    def thread(self) -> Optional[threading.Thread]:
        return self._thread

    # --- registration (reactor thread only) -------------------------------

    def register(self, sock: socket.socket, events: int, handler: Any) -> None:
        self._selector.register(sock, events, handler)

    def modify(self, sock: socket.socket, events: int, handler: Any) -> None:
        self._selector.modify(sock, events, handler)

    def unregister(self, sock: socket.socket) -> None:
        try:
            self._selector.unregister(sock)
        except (KeyError, ValueError, OSError):
            pass

    # --- handing work to the thread (any thread) --------------------------

    def call_soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the reactor thread, soon."""
        self._calls.append((callback, args))
        if not self.is_reactor_thread():
            self.wake()

    def wake(self) -> None:
        if self._wake_pending:
            return
        self._wake_pending = True
        try:
            self._wake_writer.send(b"x")
        except (BlockingIOError, OSError):
            pass

    def add_timer(self, delay: float, callback: Callable[[], Any]) -> Timer:
        """Run ``callback()`` on the reactor thread after ``delay`` seconds."""
        timer = Timer(time.monotonic() + max(delay, 0.0), callback, next(self._timer_seq))
        with self._timer_lock:
            heapq.heappush(self._timers, timer)
            is_first = self._timers[0] is timer
        if is_first and not self.is_reactor_thread():
            self.wake()
        return timer

    # --- the loop -----------------------------------------------------------

    def _loop(self) -> None:
        mark_io_thread()
        _logger.debug("Reactor %s started", self._name)
        select = self._selector.select
        while self._running:
            try:
                timeout = self._next_timeout()
                events = select(timeout)
                for key, mask in events:
                    handler = key.data
                    if handler is None:
                        self._drain_wakeup()
                        continue
                    try:
                        if mask & _READ:
                            handler.handle_read()
                        if mask & _WRITE:
                            handler.handle_write()
                    except Exception as e:  # a broken socket must not stop the loop
                        handler.handle_error(e)
                self._run_calls()
                self._run_timers()
            except Exception:
                if self._running:
                    _logger.exception("Unexpected error in the reactor loop; continuing")
        _logger.debug("Reactor %s stopped", self._name)

    def _next_timeout(self) -> Optional[float]:
        if self._calls:
            return 0
        with self._timer_lock:
            if not self._timers:
                return None
            wait: float = max(self._timers[0].deadline - time.monotonic(), 0)
            return wait

    def _drain_wakeup(self) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        # Reset only after draining: a wake-up byte sent meanwhile is either still
        # in the socket (a spurious wake) or its call is run by the _run_calls that
        # follows. Resetting first could swallow a byte and leave the flag stuck.
        self._wake_pending = False

    def _run_calls(self) -> None:
        calls = self._calls
        for _ in range(len(calls)):
            callback, args = calls.popleft()
            try:
                callback(*args)
            except Exception:
                _logger.exception("Error in a call run on the reactor: %r", callback)

    def _run_timers(self) -> None:
        now = time.monotonic()
        due = []
        with self._timer_lock:
            timers = self._timers
            while timers and timers[0].deadline <= now:
                due.append(heapq.heappop(timers))
        for timer in due:
            if timer.cancelled:
                continue
            try:
                timer.callback()
            except Exception:
                _logger.exception("Error in a timer run on the reactor: %r", timer.callback)
