"""Lifecycle of a client: its states and the listeners that watch them."""
import logging
import threading
import uuid
from typing import Any, Callable, Dict, Iterable, Optional

_logger = logging.getLogger("HazelcastClient.LifecycleService")


class LifecycleState:
    """The states a client passes through, as strings a listener receives."""

    STARTING = "STARTING"
    STARTED = "STARTED"
    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"
    SHUTTING_DOWN = "SHUTTING_DOWN"
    SHUTDOWN = "SHUTDOWN"


# 3.12.3's module-level names of the same strings (listeners compare against them)
LIFECYCLE_STATE_STARTING = LifecycleState.STARTING
LIFECYCLE_STATE_CONNECTED = LifecycleState.CONNECTED
LIFECYCLE_STATE_DISCONNECTED = LifecycleState.DISCONNECTED
LIFECYCLE_STATE_SHUTTING_DOWN = LifecycleState.SHUTTING_DOWN
LIFECYCLE_STATE_SHUTDOWN = LifecycleState.SHUTDOWN


class LifecycleService:
    """Fires state changes to listeners (from config and added later)."""

    def __init__(self, initial_listeners: Iterable[Callable[[str], Any]] = ()) -> None:
        self._listeners: Dict[str, Callable[[str], Any]] = {}
        self._lock = threading.Lock()
        self.is_live = False
        self.state: Optional[str] = None
        for listener in initial_listeners:
            self.add_listener(listener)

    def add_listener(self, on_lifecycle_change: Callable[[str], Any]) -> str:
        """Call ``on_lifecycle_change(state)`` on every change; returns a registration id."""
        registration_id = str(uuid.uuid4())
        with self._lock:
            self._listeners[registration_id] = on_lifecycle_change
        return registration_id

    def remove_listener(self, registration_id: str) -> bool:
        with self._lock:
            return self._listeners.pop(registration_id, None) is not None

    def fire_lifecycle_event(self, new_state: str) -> None:
        """Record ``new_state`` and tell every listener (on the calling thread)."""
        if new_state in (LifecycleState.STARTING, LifecycleState.STARTED, LifecycleState.CONNECTED,
                         LifecycleState.DISCONNECTED):
            self.is_live = True
        elif new_state in (LifecycleState.SHUTTING_DOWN, LifecycleState.SHUTDOWN):
            self.is_live = False
        self.state = new_state
        _logger.info("HazelcastClient is %s", new_state)
        with self._lock:
            listeners = list(self._listeners.values())
        for listener in listeners:
            try:
                listener(new_state)
            except Exception:
                _logger.exception("Lifecycle listener %r raised on %s", listener, new_state)
