"""Background threads that run submitted calls in order: one (SerialWorker) or several,
each call on the thread of its key (StripedWorker, the client's event threads)."""
import logging
import queue
import threading
from typing import Any, Callable, List, Optional, Tuple

_logger = logging.getLogger("HazelcastClient.EventWorker")
_STOP = object()


class SerialWorker:
    """Runs ``submit``-ted calls one after another on its own daemon thread.

    Used for user callbacks (listener events, Future callbacks) so that a slow
    callback never stalls the I/O thread, while they keep their arrival order.
    A ``lazy`` worker starts its thread on the first ``submit`` instead of at
    ``start()``: an idle one costs no thread.
    """

    def __init__(self, name: str, lazy: bool = False, capacity: Optional[int] = None):
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._capacity = capacity  # calls that may wait; None: no bound
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._stopped = False
        self._lazy = lazy
        self._start_lock = threading.Lock()

    def start(self) -> None:
        with self._start_lock:
            if not self._started:
                self._started = True
                self._thread.start()

    def submit(self, callback: Callable[..., Any], *args: Any) -> bool:
        """Queue ``callback(*args)``; False (and not queued) when ``capacity`` calls wait already.
        (The count is read without a lock: concurrent submitters may pass it by a few.)"""
        if self._stopped:
            return True  # shutting down: dropped on purpose, not for lack of room
        if self._capacity is not None and self._queue.qsize() >= self._capacity:
            return False
        # _enqueue inlined: Future callbacks come through here, one call less each
        self._queue.put((callback, args))
        if self._lazy and not self._started:
            self.start()
        return True

    def _enqueue(self, callback: Callable[..., Any], args: Tuple[Any, ...]) -> None:
        self._queue.put((callback, args))
        if self._lazy and not self._started:
            self.start()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Run what is queued, then stop and join the thread."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(_STOP)
        if self._started and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def is_worker_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def call_and_wait(self, callback: Callable[[], Any]) -> None:
        """Run ``callback()`` in order with the submitted calls and return once it ran
        (directly when called from the worker itself, or when the worker is not running,
        so that this never waits for a call that will not happen)."""
        if self.is_worker_thread() or not self._started or self._stopped:
            callback()
            return
        done = threading.Event()

        def run() -> None:
            try:
                callback()
            finally:
                done.set()

        self._enqueue(run, ())  # past the capacity: it is waited for, so it must not be dropped
        while not done.wait(0.5):
            if self._stopped and not self._thread.is_alive():
                return  # shut down before it ran: nothing will run it any more

    def _run(self) -> None:
        get = self._queue.get
        while True:
            item = get()
            if item is _STOP:
                return
            callback, args = item
            try:
                callback(*args)
            except Exception:
                _logger.exception("Error in a user callback %r", callback)


class StripedWorker:
    """``thread_count`` SerialWorkers; a call submitted with a key runs on the worker of that
    key, so the calls of one key (an event's partition) run in order on one thread while
    other keys' calls run in parallel. Calls without a key share the worker of key -1.

    Each worker holds at most ``capacity // thread_count`` waiting calls; a call beyond
    that is dropped with a warning, as Java clients drop events when their queue is full.
    """

    UNKEYED = -1

    def __init__(self, name: str, thread_count: int, capacity: int):
        if thread_count < 1 or capacity < 1:
            raise ValueError("thread_count and capacity must be >= 1, got %d and %d" % (thread_count, capacity))
        per_worker = max(1, capacity // thread_count)
        self._workers: List[SerialWorker] = [
            SerialWorker("%s-%d" % (name, i), capacity=per_worker) for i in range(thread_count)]
        self._dropped = 0

    def start(self) -> None:
        for worker in self._workers:
            worker.start()

    def shutdown(self, timeout: float = 5.0) -> None:
        for worker in self._workers:
            worker.shutdown(timeout)

    def worker_for(self, key: int) -> SerialWorker:
        return self._workers[key % len(self._workers)]

    def submit_keyed(self, key: int, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the worker of ``key``, after the calls of that key
        submitted before."""
        if not self.worker_for(key).submit(callback, *args):
            self._dropped += 1
            _logger.warning("Event queue of thread %d is full: event dropped (%d dropped so far; "
                            "see property hazelcast.client.event.queue.capacity)",
                            key % len(self._workers), self._dropped)

    def submit(self, callback: Callable[..., Any], *args: Any) -> None:
        self.submit_keyed(self.UNKEYED, callback, *args)

    def call_and_wait(self, callback: Callable[[], Any], key: int = UNKEYED) -> None:
        """``SerialWorker.call_and_wait`` on the worker of ``key``: in order with its calls."""
        self.worker_for(key).call_and_wait(callback)

    def is_worker_thread(self) -> bool:
        return any(worker.is_worker_thread() for worker in self._workers)
