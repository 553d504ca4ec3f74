"""The Near Caches of one client (manual section 7.8.1): config lookup, registry and repair.

Which maps get one: :func:`near_cache_config_for` picks the ``NearCacheConfig`` of a
map name as Hazelcast's Java client does -- the config of exactly that name, else of
the name without its ``@partition-key`` suffix, else the best matching wildcard name
(``"orders-*"``: the most characters outside the ``*`` wins; a tie is a
``ConfigurationError``), else the config named ``"default"`` (which therefore applies
to every other map), else none.

With ``invalidate_on_change`` the client listens to the members' invalidation events,
and the manager's task repairs the caches when events were lost (see
:mod:`hazelcast.near_cache`): every second it checks the missed-event count against
``hazelcast.invalidation.max.tolerated.miss.count``, and every
``hazelcast.invalidation.reconciliation.interval.seconds`` it fetches the partition
UUIDs and sequences from every member. After the client reconnects to the cluster
any missed invalidation is repaired at once, whatever the tolerated count.
"""
import logging
import re
import threading
import time
from typing import TYPE_CHECKING, Dict, List, Optional

from hazelcast.config import ClientProperties, NearCacheConfig
from hazelcast.errors import ConfigurationError
from hazelcast.future import Future, combine_futures
from hazelcast.lifecycle import LifecycleState
from hazelcast.protocol.codec import map_fetch_near_cache_invalidation_metadata_codec

if TYPE_CHECKING:  # annotations only
    from hazelcast.cluster import ClusterService
    from hazelcast.config import ClientConfig
    from hazelcast.invocation import InvocationService
    from hazelcast.lifecycle import LifecycleService
    from hazelcast.near_cache import NearCache, RepairingHandler
    from hazelcast.network.reactor import Reactor

_logger = logging.getLogger("HazelcastClient.NearCache")

_TICK_SECONDS = 1.0
_EXPIRATION_EVERY_TICKS = 5


# --- which config ---------------------------------------------------------------------------

def near_cache_config_for(config, name: str) -> Optional[NearCacheConfig]:
    """The ``NearCacheConfig`` that applies to the map ``name`` (see the module doc), or None."""
    configs: Dict[str, NearCacheConfig] = config.near_cache_configs
    if not configs:
        return None
    found = configs.get(name)
    if found is not None:
        return found
    base_name = name.split("@", 1)[0]
    found = configs.get(base_name)
    if found is not None:
        return found
    best: List[str] = []
    best_score = -1
    for pattern in configs:
        if "*" not in pattern or not _wildcard_matches(pattern, base_name):
            continue
        score = len(pattern) - pattern.count("*")
        if score > best_score:
            best, best_score = [pattern], score
        elif score == best_score:
            best.append(pattern)
    if len(best) > 1:
        raise ConfigurationError(
            "Map '%s' matches the Near Cache configs %s equally well; make one name more specific "
            "(the match with the most characters outside '*' wins)" % (name, " and ".join(
                "'%s'" % p for p in sorted(best))))
    if best:
        return configs[best[0]]
    return configs.get("default")


def _wildcard_matches(pattern: str, name: str) -> bool:
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, name, re.S) is not None


# --- the per-client manager --------------------------------------------------------------------

def _reconciliation_interval(properties: ClientProperties) -> float:
    interval = properties.get_seconds(ClientProperties.INVALIDATION_RECONCILIATION_INTERVAL_SECONDS)
    minimum = properties.get_seconds(ClientProperties.MIN_RECONCILIATION_INTERVAL_SECONDS)
    if interval < 0 or 0 < interval < minimum:
        raise ConfigurationError(
            "property %s must be 0 (no reconciliation) or at least %s seconds (property %s), got %s"
            % (ClientProperties.INVALIDATION_RECONCILIATION_INTERVAL_SECONDS.name, _num(minimum),
               ClientProperties.MIN_RECONCILIATION_INTERVAL_SECONDS.name, _num(interval)))
    return interval


def _max_tolerated_miss_count(properties: ClientProperties) -> int:
    count = properties.get_int(ClientProperties.MAX_TOLERATED_MISS_COUNT)
    if count < 0:
        raise ConfigurationError("property %s must be a non-negative int, got %d"
                                 % (ClientProperties.MAX_TOLERATED_MISS_COUNT.name, count))
    return count


def _num(value: float) -> str:
    return "%d" % value if value == int(value) else "%s" % value


class NearCacheManager:
    """The Near Caches of one client: which config applies to a map, the registry of the
    caches (their statistics), and the task that expires, repairs and reconciles them.

    The task runs on the client's I/O thread every second while a Near Cache exists; it
    only sends requests and handles their responses in callbacks.
    """

    def __init__(self, config: "ClientConfig", properties: ClientProperties, lifecycle: "LifecycleService",
                 invocation_service: "InvocationService", cluster_service: "ClusterService",
                 reactor: "Reactor"):
        self._config = config
        self._properties = properties
        self._reactor = reactor
        self._lifecycle = lifecycle
        self._invocation_service = invocation_service
        self._cluster_service = cluster_service
        self._smart_routing = config.network_config.smart_routing
        # read when the first Near Cache is made: a bad property fails that get_map()
        self.interval = 0.0
        self.max_tolerated_miss_count = 0
        self._settings_read = False
        self._lock = threading.Lock()
        self._caches: Dict[str, NearCache] = {}
        self._clear_on_reconnect: Dict[str, NearCache] = {}
        self._uninitialized: Dict[str, RepairingHandler] = {}
        self._initializing = False  # a retry of the first fetch is under way
        self._running = False
        self._ticks = 0
        self._last_reconciliation = time.monotonic()
        self._lifecycle.add_listener(self._on_lifecycle)

    def config_for(self, name: str) -> Optional[NearCacheConfig]:
        """The ``NearCacheConfig`` that applies to the map ``name``, or None."""
        return near_cache_config_for(self._config, name)

    def near_caches(self) -> List["NearCache"]:
        """The Near Caches of the maps in use (registered and not destroyed)."""
        with self._lock:
            return list(self._caches.values())

    # --- registration ----------------------------------------------------------------------

    def _read_settings(self) -> None:
        if not self._settings_read:
            self.interval = _reconciliation_interval(self._properties)
            self.max_tolerated_miss_count = _max_tolerated_miss_count(self._properties)
            self._settings_read = True

    def register(self, near_cache: "NearCache", clear_on_reconnect: bool = False) -> None:
        """Expire, repair and reconcile ``near_cache`` from now on; with
        ``clear_on_reconnect`` (no metadata to repair it with) empty it after a reconnect."""
        self._read_settings()
        with self._lock:
            self._caches[near_cache.name] = near_cache
            if clear_on_reconnect:
                self._clear_on_reconnect[near_cache.name] = near_cache
            start = not self._running
            self._running = True
        if start:
            self._reactor.add_timer(_TICK_SECONDS, self._run)

    def deregister(self, name: str) -> None:
        with self._lock:
            self._caches.pop(name, None)
            self._clear_on_reconnect.pop(name, None)
            self._uninitialized.pop(name, None)

    def initialize(self, handler: "RepairingHandler", timeout: float) -> bool:
        """Fetch the map's partition UUIDs and sequences; True if every member answered
        within ``timeout``. Otherwise the task keeps trying every second."""
        with self._lock:
            self._uninitialized[handler.name] = handler
        done = self._initialize([handler])
        try:
            done.result(timeout)
        except Exception as e:
            _logger.debug("Near Cache of map '%s': initial metadata not fetched yet: %s", handler.name, e)
        with self._lock:
            return handler.name not in self._uninitialized

    # --- the periodic run (I/O thread) -------------------------------------------------------

    def _run(self) -> None:
        with self._lock:
            caches = list(self._caches.values())
            uninitialized = list(self._uninitialized.values())
            if not caches or not self._lifecycle.is_live:
                self._running = False
                return
        self._ticks += 1
        try:
            handlers = [c.repairing_handler for c in caches if c.repairing_handler is not None]
            for handler in handlers:
                handler.fix_sequence_gaps(self.max_tolerated_miss_count)
            if uninitialized and not self._initializing:
                self._initializing = True
                self._initialize(uninitialized).add_inline_callback(self._initialized)
            now = time.monotonic()
            if handlers and self.interval > 0 and now - self._last_reconciliation >= self.interval:
                self._last_reconciliation = now
                self.reconcile(handlers)
            if self._ticks % _EXPIRATION_EVERY_TICKS == 0:
                for cache in caches:
                    if cache.config.time_to_live_seconds is not None or cache.config.max_idle_seconds is not None:
                        cache.expire()
        except Exception:
            _logger.exception("Near Cache repairing task failed; it runs again in a second")
        finally:
            self._reactor.add_timer(_TICK_SECONDS, self._run)

    def _initialized(self, _: Future) -> None:
        self._initializing = False

    def _on_lifecycle(self, state: str) -> None:
        # Events sent while the client was disconnected are lost: repair whatever was missed.
        if state == LifecycleState.CONNECTED:
            self._reactor.call_soon(self._reconcile_after_reconnect)

    def _reconcile_after_reconnect(self) -> None:
        with self._lock:
            handlers = [c.repairing_handler for c in self._caches.values() if c.repairing_handler is not None]
            unrepairable = list(self._clear_on_reconnect.values())
        for near_cache in unrepairable:
            near_cache.clear()
        if handlers:
            self.reconcile(handlers, force=True)

    # --- metadata requests ------------------------------------------------------------------

    def _fetch(self, handlers: List["RepairingHandler"], initial: bool) -> Future:
        """Ask every data member for the partition UUIDs and sequences of the handlers' maps
        and apply each answer as it comes: as first values (``initial``) or to compare and
        repair. A Future of the list of answers."""
        by_name = {h.name: h for h in handlers}
        names = list(by_name)

        def apply(answer: Future) -> None:
            if not answer.is_success():
                _logger.debug("Fetching Near Cache invalidation metadata failed: %s", answer.exception())
                return
            response = answer.result()
            for handler in by_name.values():
                if initial:
                    for partition_id, uuid in response.partition_uuid_list:
                        handler.init_uuid(partition_id, uuid)
                else:
                    handler.check_or_repair_uuids(response.partition_uuid_list)
            for name, sequences in response.name_partition_sequence_list:
                handler = by_name.get(name)
                for partition_id, sequence in sequences if handler is not None else ():
                    if initial:
                        handler.init_sequence(partition_id, sequence)
                    else:
                        handler.check_or_repair_sequence(partition_id, sequence, via_anti_entropy=True)

        futures = []
        for member in self._cluster_service.get_member_list():
            if member.is_lite_member:
                continue
            address = member.address
            request = map_fetch_near_cache_invalidation_metadata_codec.encode_request(names, address)
            decoder = map_fetch_near_cache_invalidation_metadata_codec.decode_response
            if self._smart_routing:
                future = self._invocation_service.invoke_on_target(request, (address.host, address.port), decoder)
            else:  # any member passes the request on to the member it names
                future = self._invocation_service.invoke_on_random_target(request, decoder)
            future.add_inline_callback(apply)
            futures.append(future)
        return combine_futures(futures)

    def _initialize(self, handlers: List["RepairingHandler"]) -> Future:
        def finished(answers: Future) -> None:
            if answers.is_success() and answers.result():
                with self._lock:
                    for handler in handlers:
                        if self._uninitialized.get(handler.name) is handler:
                            del self._uninitialized[handler.name]

        combined = self._fetch(handlers, initial=True)
        combined.add_inline_callback(finished)
        return combined

    def reconcile(self, handlers: List["RepairingHandler"], force: bool = False) -> Future:
        """Compare every member's partition UUIDs and sequences with the handlers' (then,
        with ``force``, repair any miss at once, whatever the tolerated count)."""
        combined = self._fetch(handlers, initial=False)

        def repair(_: Future) -> None:
            for handler in handlers:
                handler.fix_sequence_gaps(self.max_tolerated_miss_count, force=force)

        combined.add_inline_callback(repair)
        return combined
