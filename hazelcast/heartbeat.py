"""Heartbeats: keep idle connections alive and detect dead ones.

Every ``heartbeat.interval`` the reactor checks each connection: one that has
read nothing for ``heartbeat.timeout`` is closed (its invocations are then
retried or failed by the usual rules); one that has written nothing for an
interval gets a ``Client.ping``.
"""
import logging
import time

from hazelcast.errors import TargetDisconnectedError
from hazelcast.protocol.codec import client_ping_codec

_logger = logging.getLogger("HazelcastClient.HeartbeatManager")


class HeartbeatManager:
    def __init__(self, reactor, connection_manager, invocation_service, interval: float, timeout: float,
                 on_tick=None):
        self._reactor = reactor
        self._connection_manager = connection_manager
        self._invocation_service = invocation_service
        self._interval = interval
        self._timeout = timeout
        self._on_tick = on_tick
        self._timer = None
        self._live = False

    def start(self) -> None:
        self._live = True
        self._timer = self._reactor.add_timer(self._interval, self._check)

    def shutdown(self) -> None:
        self._live = False
        if self._timer is not None:
            self._timer.cancel()

    def _check(self) -> None:
        if not self._live:
            return
        now = time.monotonic()
        for connection in self._connection_manager.active_connections():
            if now - connection.last_read > self._timeout:
                _logger.warning("Heartbeat failed over %r: nothing read for %.1f s", connection,
                                now - connection.last_read)
                connection.close("heartbeat timed out", TargetDisconnectedError(
                    "Heartbeat timed out to %r: no data for %.1f s (hazelcast.client.heartbeat.timeout)"
                    % (connection, self._timeout)))
            elif now - connection.last_write > self._interval:
                self._invocation_service.invoke_on_connection(
                    client_ping_codec.encode_request(), connection)
        if self._on_tick is not None:
            try:
                self._on_tick()
            except Exception:
                _logger.exception("Periodic task failed")
        self._timer = self._reactor.add_timer(self._interval, self._check)
