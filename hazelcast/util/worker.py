"""A single background thread that runs submitted calls in order."""
import logging
import queue
import threading
from typing import Any, Callable

_logger = logging.getLogger("HazelcastClient.EventWorker")
_STOP = object()


class SerialWorker:
    """Runs ``submit``-ted calls one after another on its own daemon thread.

    Used for user callbacks (listener events, Future callbacks) so that a slow
    callback never stalls the I/O thread, while they keep their arrival order.
    A ``lazy`` worker starts its thread on the first ``submit`` instead of at
    ``start()``: an idle one costs no thread.
    """

    def __init__(self, name: str, lazy: bool = False):
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
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

    def submit(self, callback: Callable[..., Any], *args: Any) -> None:
        if not self._stopped:
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

        self.submit(run)
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
