"""Listener registrations that follow the client's connections.

In smart mode a listener is registered on every connection with
``localOnly = true`` (each member reports its own events); in unisocket mode
on the one connection with ``localOnly = false``. A registration is made again
on every new or restored connection, so listeners survive member loss and
reconnects. Users see one registration id for all of it.
"""
import logging
import threading
import uuid
from typing import Callable, Dict

from hazelcast.future import Future, combine_futures

_logger = logging.getLogger("HazelcastClient.ListenerService")


class _Registration:
    __slots__ = ("encode_register", "decode_register", "encode_deregister", "handler", "on_connections")

    def __init__(self, encode_register, decode_register, encode_deregister, handler):
        self.encode_register = encode_register
        self.decode_register = decode_register
        self.encode_deregister = encode_deregister
        self.handler = handler
        self.on_connections: Dict[object, tuple] = {}  # connection -> (server id, correlation id)


class ListenerService:
    """Registers listeners on connections and keeps them registered."""

    def __init__(self, invocation_service, connection_manager, smart_routing: bool):
        self._invocation_service = invocation_service
        self._connection_manager = connection_manager
        self._smart = smart_routing
        self._lock = threading.RLock()
        self._registrations: Dict[str, _Registration] = {}

    def register_listener(self, encode_register: Callable[[bool], object],
                          decode_register: Callable[[object], str],
                          encode_deregister: Callable[[str], object],
                          handler: Callable[[object], None]) -> Future:
        """Register everywhere it belongs; a Future of the user's registration id."""
        registration_id = str(uuid.uuid4())
        registration = _Registration(encode_register, decode_register, encode_deregister, handler)
        with self._lock:
            self._registrations[registration_id] = registration
            connections = self._target_connections()
            futures = [self._register_on(registration, c) for c in connections]
        return combine_futures(futures)._map(lambda _: registration_id)

    def deregister_listener(self, registration_id: str) -> Future:
        """Remove the registration from every connection; Future of True if it existed."""
        with self._lock:
            registration = self._registrations.pop(registration_id, None)
            if registration is None:
                done = Future()
                done.set_result(False)
                return done
            entries = list(registration.on_connections.items())
            registration.on_connections.clear()
        futures = []
        for connection, (server_id, correlation_id) in entries:
            self._invocation_service.remove_event_handler(correlation_id)
            if connection.closed:
                continue
            future = self._invocation_service.invoke_on_connection(
                registration.encode_deregister(server_id), connection)
            futures.append(future.continue_with(lambda f: None))  # a lost connection is fine
        return combine_futures(futures)._map(lambda _: True)

    def _target_connections(self):
        if self._smart:
            return self._connection_manager.active_connections()
        owner = self._connection_manager.owner_connection
        return [owner] if owner is not None and not owner.closed else []

    def _register_on(self, registration: _Registration, connection) -> Future:
        request = registration.encode_register(self._smart)
        future = self._invocation_service.invoke_on_connection(
            request, connection, decoder=registration.decode_register, event_handler=registration.handler)
        correlation_id = request.correlation_id

        def on_registered(done: Future) -> None:
            if done.exception() is not None:
                self._invocation_service.remove_event_handler(correlation_id)
                return
            with self._lock:
                still_wanted = registration in self._registrations.values()
                if still_wanted and not connection.closed:
                    registration.on_connections[connection] = (done.result(), correlation_id)
                    return
            self._invocation_service.remove_event_handler(correlation_id)

        future.add_inline_callback(on_registered)
        return future

    # --- connection events ------------------------------------------------------------

    def on_connection_added(self, connection) -> None:
        if not self._smart and not connection.is_owner:
            return
        with self._lock:
            registrations = list(self._registrations.values())
            for registration in registrations:
                if connection not in registration.on_connections:
                    self._register_on(registration, connection).add_inline_callback(_log_failure)

    def on_connection_removed(self, connection, error) -> None:
        with self._lock:
            for registration in self._registrations.values():
                entry = registration.on_connections.pop(connection, None)
                if entry is not None:
                    self._invocation_service.remove_event_handler(entry[1])


def _log_failure(future: Future) -> None:
    error = future.exception()
    if error is not None:
        _logger.warning("Re-registering a listener failed: %s", error)
