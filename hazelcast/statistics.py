"""Client statistics (manual section 7.9.1), sent to the cluster for Management Center.

With ``hazelcast.client.statistics.enabled`` the client sends, at start and
then every ``hazelcast.client.statistics.period.seconds`` (default 3), one
``Client.statistics`` request over the owner connection, if the owner member
is 3.9 or newer. The payload is the IMDG 3.x text format: ``name=value``
pairs joined by ``,``::

    lastStatisticsCollectionTime=<ms>,enterprise=false,clientType=PYH,
    clientVersion=<v>,clusterConnectionTimestamp=<ms>,clientAddress=<ip>:<port>,
    clientName=<name>,credentials.principal=<group name>,
    os.committedVirtualMemorySize=...,...,runtime.usedMemory=...,
    nc.<map name>.creationTime=...,nc.<map name>.hits=...,...

The ``os.*`` and ``runtime.*`` figures need the optional ``psutil`` package
(``pip install hazelcast-python-client[stats]``); without it they are left
out. Near Cache names are escaped: ``=``, ``.``, ``,`` and ``\\`` get a
``\\`` in front, so ``nc.a\\.b.hits`` is the hits of the Near Cache of map
``a.b``. See docs/statistics.md for what each figure means in Python.
"""
import logging
import os
import time
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional, Tuple

from hazelcast.config import ClientProperties
from hazelcast.protocol.codec import client_statistics_codec
from hazelcast.version import CLIENT_TYPE, CLIENT_VERSION

if TYPE_CHECKING:  # annotations only
    from hazelcast.config import ClientConfig
    from hazelcast.invocation import InvocationService
    from hazelcast.near_cache_manager import NearCacheManager
    from hazelcast.network.connection_manager import ConnectionManager
    from hazelcast.network.reactor import Reactor

try:
    import psutil  # optional: pip install hazelcast-python-client[stats]
except ImportError:  # pragma: no cover - depends on the environment
    psutil = None

_logger = logging.getLogger("HazelcastClient.Statistics")

NEAR_CACHE_PREFIX = "nc."
STAT_SEPARATOR = ","
KEY_VALUE_SEPARATOR = "="
SINCE_SERVER_VERSION = (3, 9)
_SPECIAL = frozenset("=.,\\")

# Near Cache figures in the order the 3.x members' format lists them.
_NEAR_CACHE_FIELDS = (
    ("creationTime", "creation_time"),
    ("evictions", "evictions"),
    ("hits", "hits"),
    ("lastPersistenceDuration", None),
    ("lastPersistenceKeyCount", None),
    ("lastPersistenceTime", None),
    ("lastPersistenceWrittenBytes", None),
    ("misses", "misses"),
    ("ownedEntryCount", "owned_entry_count"),
    ("expirations", "expirations"),
    ("invalidations", "invalidations"),
    ("invalidationRequests", "invalidation_requests"),
    ("ownedEntryMemoryCost", "owned_entry_memory_cost"),
)


def escape(name: str) -> str:
    """``name`` with ``=``, ``.``, ``,`` and ``\\`` escaped by a backslash."""
    if not _SPECIAL.intersection(name):
        return name
    return "".join("\\" + c if c in _SPECIAL else c for c in name)


def _millis(seconds: float) -> int:
    return int(seconds * 1000)


def _server_version_ok(version: Optional[str]) -> bool:
    if not version:
        return True
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(c for c in piece if c.isdigit())
        if not digits:
            return True
        parts.append(int(digits))
    return tuple(parts) >= SINCE_SERVER_VERSION


def _psutil_gauges() -> List[Tuple[str, Callable[[Any], Any]]]:
    """``(name, function(process))`` of the os./runtime. figures, in the format's order."""
    ps = psutil
    return [
        ("os.committedVirtualMemorySize", lambda p: p.memory_info().vms),
        ("os.freePhysicalMemorySize", lambda p: ps.virtual_memory().free),
        ("os.freeSwapSpaceSize", lambda p: ps.swap_memory().free),
        ("os.maxFileDescriptorCount", lambda p: p.rlimit(ps.RLIMIT_NOFILE)[0]),
        ("os.openFileDescriptorCount", lambda p: p.num_fds()),
        ("os.processCpuTime", lambda p: int(sum(p.cpu_times()[:2]) * 1e9)),  # nanoseconds
        ("os.systemLoadAverage", lambda p: os.getloadavg()[0]),
        ("os.totalPhysicalMemorySize", lambda p: ps.virtual_memory().total),
        ("os.totalSwapSpaceSize", lambda p: ps.swap_memory().total),
        ("runtime.availableProcessors", lambda p: ps.cpu_count()),
        ("runtime.freeMemory", lambda p: ps.virtual_memory().available),
        ("runtime.maxMemory", lambda p: ps.virtual_memory().total),
        ("runtime.totalMemory", lambda p: p.memory_info().rss),
        ("runtime.uptime", lambda p: _millis(time.time() - p.create_time())),
        ("runtime.usedMemory", lambda p: p.memory_info().rss),
    ]


class Statistics:
    """Collects and periodically sends this client's statistics (when enabled)."""

    def __init__(self, client_name: str, config: "ClientConfig", properties: ClientProperties,
                 reactor: "Reactor", connection_manager: "ConnectionManager",
                 invocation_service: "InvocationService", near_cache_manager: "NearCacheManager"):
        self._client_name = client_name
        self._group_name = config.group_config.name
        self._reactor = reactor
        self._connection_manager = connection_manager
        self._invocation_service = invocation_service
        self._near_cache_manager = near_cache_manager
        self.enabled = properties.get_bool(ClientProperties.STATISTICS_ENABLED)
        period = properties.get_float(ClientProperties.STATISTICS_PERIOD_SECONDS)
        if self.enabled and period <= 0:
            default = float(ClientProperties.STATISTICS_PERIOD_SECONDS.default_value)
            _logger.warning("Provided client statistics %s cannot be less than or equal to 0. You provided "
                            "%s seconds as the configuration. Client will use the default value of %s "
                            "instead.", ClientProperties.STATISTICS_PERIOD_SECONDS.name, period, default)
            period = default
        self.period = period
        self._timer = None
        self._live = False
        self._failed_gauges = set()
        self._process = None

    def start(self) -> None:
        """Send now and then every period (no-op when disabled)."""
        if not self.enabled:
            return
        self._live = True
        _logger.info("Client statistics is enabled with period %s seconds.", self.period)
        self._reactor.call_soon(self._tick)

    def shutdown(self) -> None:
        self._live = False
        if self._timer is not None:
            self._timer.cancel()

    def _tick(self) -> None:
        if not self._live:
            return
        try:
            self.send()
        except Exception:
            _logger.exception("Could not collect or send the client statistics")
        self._timer = self._reactor.add_timer(self.period, self._tick)

    def send(self) -> None:
        """Collect and send once over the owner connection (nothing without one)."""
        connection = self._connection_manager.owner_connection
        if connection is None or connection.closed:
            _logger.debug("Cannot send client statistics to the server. No owner connection.")
            return
        if not _server_version_ok(connection.server_version):
            _logger.debug("Client statistics cannot be sent to server %s since the connected owner "
                          "server version %s is less than 3.9", connection.address, connection.server_version)
            return
        stats = self.collect(connection)
        future = self._invocation_service.invoke_on_connection(
            client_statistics_codec.encode_request(stats), connection)
        future.add_inline_callback(_log_failure)

    def collect(self, connection) -> str:
        """The statistics text for ``connection`` (the owner connection)."""
        local = connection.local_address
        pairs: List[Tuple[str, Any]] = [
            ("lastStatisticsCollectionTime", _millis(time.time())),
            ("enterprise", "false"),
            ("clientType", CLIENT_TYPE),
            ("clientVersion", CLIENT_VERSION),
            ("clusterConnectionTimestamp", _millis(connection.start_time)),
            ("clientAddress", "%s:%d" % local if local else ""),
            ("clientName", self._client_name),
            ("credentials.principal", self._group_name),
        ]
        pairs.extend(self._runtime_gauges())
        for name, near_cache_stats in self._near_cache_stats():
            prefix = NEAR_CACHE_PREFIX + escape(name[1:] if name.startswith("/") else name) + "."
            for key, attribute in _NEAR_CACHE_FIELDS:
                value = getattr(near_cache_stats, attribute, 0) if attribute else 0
                pairs.append((prefix + key, value))
        return STAT_SEPARATOR.join("%s%s%s" % (k, KEY_VALUE_SEPARATOR, v) for k, v in pairs)

    def _runtime_gauges(self) -> Iterator[Tuple[str, Any]]:
        if psutil is None:
            return
        if self._process is None:
            self._process = psutil.Process()
        for name, gauge in _psutil_gauges():
            if name in self._failed_gauges:
                continue
            try:
                value = gauge(self._process)
            except Exception as e:  # not available on this platform
                self._failed_gauges.add(name)
                _logger.debug("Statistic %s is not available here and is left out: %s", name, e)
                continue
            yield name, value

    def _near_cache_stats(self) -> Iterator[Tuple[str, Any]]:
        """``(map name, NearCacheStats)`` of every Near Cache in use."""
        for near_cache in self._near_cache_manager.near_caches():
            yield near_cache.name, near_cache.stats()


def _log_failure(future) -> None:
    error = future.exception()
    if error is not None:
        _logger.debug("Could not send stats: %s", error)
