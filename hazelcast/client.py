"""``HazelcastClient``: builds the client's services once and connects."""
import itertools
import logging
import threading
from typing import Any, Callable, List, Optional, Tuple

from hazelcast.cluster import ClusterService
from hazelcast.config import ClientConfig, ClientProperties
from hazelcast.core import DistributedObjectEvent, DistributedObjectInfo
from hazelcast.errors import ConfigurationError
from hazelcast.heartbeat import HeartbeatManager
from hazelcast.invocation import InvocationService
from hazelcast.lifecycle import LifecycleService, LifecycleState
from hazelcast.listener import ListenerService
from hazelcast.logging_config import apply_logger_config
from hazelcast.near_cache_manager import NearCacheManager
from hazelcast.network.cloud import cloud_discovery_for
from hazelcast.network.connection_manager import ConnectionManager
from hazelcast.network.reactor import Reactor
from hazelcast.network.ssl import ssl_wrapper
from hazelcast.partition import PartitionService
from hazelcast.protocol.codec import (client_add_distributed_object_listener_codec,
                                      client_get_distributed_objects_codec,
                                      client_remove_distributed_object_listener_codec)
from hazelcast.proxy import manager as services
from hazelcast.proxy.base import ProxyContext
from hazelcast.proxy.manager import ProxyManager
from hazelcast.serialization.service import SerializationService
from hazelcast.statistics import Statistics
from hazelcast.util.worker import StripedWorker

_logger = logging.getLogger("HazelcastClient")
_client_ids = itertools.count()


def _event_threads(properties: ClientProperties) -> Tuple[int, int]:
    """(thread count, queue capacity) of the listener threads, each at least 1."""
    values = []
    for prop in (ClientProperties.EVENT_THREAD_COUNT, ClientProperties.EVENT_QUEUE_CAPACITY):
        value = properties.get_int(prop)
        if value < 1:
            raise ConfigurationError("property %s must be an int >= 1, got %d" % (prop.name, value))
        values.append(value)
    return values[0], values[1]


class HazelcastClient:
    """A client of one Hazelcast IMDG 3.x cluster.

    Creating it connects to the cluster (raising if no member can be reached
    within the configured attempts). It is also a context manager that shuts
    down on exit::

        with hazelcast.HazelcastClient(config) as client:
            client.get_map("m").blocking().put("k", "v")
    """

    def __init__(self, config: Optional[ClientConfig] = None):
        config = config if config is not None else ClientConfig()
        if not isinstance(config, ClientConfig):
            raise ConfigurationError("HazelcastClient takes a hazelcast.ClientConfig, got %r"
                                     % type(config).__name__)
        config.validate()
        self.config = config
        self.id = next(_client_ids)
        self.name = config.client_name or "hz.client_%d" % self.id
        self._logger = apply_logger_config(config.logger_config, self.name, config.group_config.name)
        self.properties = ClientProperties(config.properties)
        self._shutdown_lock = threading.Lock()

        properties = self.properties
        network = config.network_config
        ssl_wrapper = self._ssl_wrapper()  # a bad SSLConfig fails here, before any thread starts
        event_threads = _event_threads(properties)  # and so do bad event thread properties
        self.lifecycle = LifecycleService(config.lifecycle_listeners)
        self.lifecycle.fire_lifecycle_event(LifecycleState.STARTING)
        self.serialization_service = SerializationService(
            config.serialization_config,
            properties.get_bool(ClientProperties.SERIALIZATION_INPUT_RETURNS_BYTEARRAY))
        self._reactor = Reactor("hz.%s.reactor" % self.name)
        self._cloud = cloud_discovery_for(config, properties,
                                          can_block=lambda: not self._reactor.is_reactor_thread())
        self._event_worker = StripedWorker("hz.%s.event" % self.name, *event_threads)
        self.partition_service = PartitionService()
        self.invocation_service = InvocationService(
            self._reactor, self.partition_service, self._event_worker,
            lambda invoker: ConnectionManager(
                self._reactor, config, self.name, invoker, ssl_wrapper=ssl_wrapper,
                address_translator=self._cloud.translate if self._cloud else None),
            smart_routing=network.smart_routing, redo_operation=network.redo_operation,
            invocation_timeout=properties.get_seconds_positive_or_default(
                ClientProperties.INVOCATION_TIMEOUT_SECONDS),
            retry_pause=properties.get_seconds_positive_or_default(
                ClientProperties.INVOCATION_RETRY_PAUSE_MILLIS),
            max_concurrent_invocations=properties.get_int(ClientProperties.MAX_CONCURRENT_INVOCATIONS),
            backoff_timeout=properties.get_seconds(ClientProperties.BACKPRESSURE_BACKOFF_TIMEOUT_MILLIS))
        self.connection_manager = self.invocation_service.connection_manager
        self.listener_service = ListenerService(self.invocation_service, self.connection_manager,
                                                network.smart_routing)
        self.cluster = ClusterService(
            config, self.lifecycle, self.connection_manager, self.invocation_service,
            self.partition_service, self._event_worker, self._shutdown_after_lost_cluster,
            shuffle=properties.get_bool(ClientProperties.SHUFFLE_MEMBER_LIST),
            address_provider=self._cloud.load_addresses if self._cloud else None)
        self.connection_manager.add_listener(
            on_added=self.listener_service.on_connection_added,
            on_removed=self._on_connection_removed)
        self._heartbeat = HeartbeatManager(
            self._reactor, self.connection_manager, self.invocation_service,
            interval=properties.get_seconds_positive_or_default(ClientProperties.HEARTBEAT_INTERVAL),
            timeout=properties.get_seconds_positive_or_default(ClientProperties.HEARTBEAT_TIMEOUT),
            on_tick=self._periodic)
        self._near_cache_manager = NearCacheManager(config, properties, self.lifecycle, self.invocation_service,
                                                    self.cluster, self._reactor)
        self._proxy_manager = ProxyManager(lambda proxy_manager: ProxyContext(
            config=config, properties=properties, lifecycle=self.lifecycle,
            serialization_service=self.serialization_service, partition_service=self.partition_service,
            invocation_service=self.invocation_service, connection_manager=self.connection_manager,
            listener_service=self.listener_service, cluster_service=self.cluster,
            near_cache_manager=self._near_cache_manager, proxy_manager=proxy_manager,
            reactor=self._reactor, event_worker=self._event_worker))
        self._context = self._proxy_manager.context
        self._statistics = Statistics(self.name, config, properties, self._reactor, self.connection_manager,
                                      self.invocation_service, self._near_cache_manager)
        self._ticks = 0
        self._start()

    def _ssl_wrapper(self):
        """``wrap(sock, server_hostname)`` from ``ssl_config``, or None without TLS."""
        return ssl_wrapper(self.config.network_config.ssl_config)

    def _start(self) -> None:
        self._reactor.start()
        self._event_worker.start()
        try:
            self.cluster.connect_to_cluster()
        except BaseException:
            self.shutdown()
            raise
        self._heartbeat.start()
        self._statistics.start()
        self.cluster.connect_to_all_members()
        self.lifecycle.fire_lifecycle_event(LifecycleState.CONNECTED)
        _logger.info("Client started.")

    # --- wiring callbacks ----------------------------------------------------------------

    def _on_connection_removed(self, connection, error) -> None:
        self.listener_service.on_connection_removed(connection, error)
        self.invocation_service.on_connection_closed(connection, error)
        self.cluster.on_connection_removed(connection, error)

    def _periodic(self) -> None:
        self._ticks += 1
        self.cluster.connect_to_all_members()
        if self._ticks % 2 == 0:
            self.cluster.refresh_partitions()

    def _shutdown_after_lost_cluster(self) -> None:
        threading.Thread(target=self.shutdown, name="hz.client.shutdown", daemon=True).start()

    # --- distributed objects -------------------------------------------------------------

    def _proxy(self, service_name: str, name: str):
        return self._proxy_manager.get_or_create(service_name, name)

    def get_map(self, name: str):
        """The distributed Map called ``name``."""
        return self._proxy(services.MAP_SERVICE, name)

    def get_multi_map(self, name: str):
        """The distributed MultiMap called ``name``."""
        return self._proxy(services.MULTI_MAP_SERVICE, name)

    def get_replicated_map(self, name: str):
        """The ReplicatedMap called ``name``."""
        return self._proxy(services.REPLICATED_MAP_SERVICE, name)

    def get_queue(self, name: str):
        """The distributed Queue called ``name``."""
        return self._proxy(services.QUEUE_SERVICE, name)

    def get_set(self, name: str):
        """The distributed Set called ``name``."""
        return self._proxy(services.SET_SERVICE, name)

    def get_list(self, name: str):
        """The distributed List called ``name``."""
        return self._proxy(services.LIST_SERVICE, name)

    def get_ringbuffer(self, name: str):
        """The Ringbuffer called ``name``."""
        return self._proxy(services.RINGBUFFER_SERVICE, name)

    def get_topic(self, name: str):
        """The Topic called ``name``."""
        return self._proxy(services.TOPIC_SERVICE, name)

    def get_reliable_topic(self, name: str):
        """The ReliableTopic called ``name`` (backed by a Ringbuffer)."""
        return self._proxy(services.RELIABLE_TOPIC_SERVICE, name)

    def get_lock(self, name: str):
        """The distributed Lock called ``name``."""
        return self._proxy(services.LOCK_SERVICE, name)

    def get_semaphore(self, name: str):
        """The Semaphore called ``name``."""
        return self._proxy(services.SEMAPHORE_SERVICE, name)

    def get_atomic_long(self, name: str):
        """The AtomicLong called ``name``."""
        return self._proxy(services.ATOMIC_LONG_SERVICE, name)

    def get_atomic_reference(self, name: str):
        """The AtomicReference called ``name``."""
        return self._proxy(services.ATOMIC_REFERENCE_SERVICE, name)

    def get_count_down_latch(self, name: str):
        """The CountDownLatch called ``name``."""
        return self._proxy(services.COUNT_DOWN_LATCH_SERVICE, name)

    def get_id_generator(self, name: str):
        """The IdGenerator called ``name`` (blocks of ids from an AtomicLong)."""
        return self._proxy(services.ID_GENERATOR_SERVICE, name)

    def get_flake_id_generator(self, name: str):
        """The FlakeIdGenerator called ``name``."""
        return self._proxy(services.FLAKE_ID_GENERATOR_SERVICE, name)

    def get_pn_counter(self, name: str):
        """The PN Counter called ``name``."""
        return self._proxy(services.PN_COUNTER_SERVICE, name)

    def get_executor(self, name: str):
        """The executor service called ``name``."""
        return self._proxy(services.EXECUTOR_SERVICE, name)

    def get_distributed_objects(self) -> List[Any]:
        """Proxies of every distributed object on the cluster (blocking)."""
        request = client_get_distributed_objects_codec.encode_request()
        infos: List[DistributedObjectInfo] = self.invocation_service.invoke_on_random_target(
            request, client_get_distributed_objects_codec.decode_response).result()
        return self._proxy_manager.proxies_for(infos)

    def add_distributed_object_listener(self, listener_func: Callable[[Any], None]) -> str:
        """Call ``listener_func(DistributedObjectEvent)`` when objects are created or destroyed;
        returns the registration id once registered (blocking, as in 3.12.3)."""
        def handle(message):
            client_add_distributed_object_listener_codec.handle(
                message, handle_event_distributedobject=lambda name, service, event_type: listener_func(
                    DistributedObjectEvent(name, service, event_type)))

        return self.listener_service.register_listener(
            client_add_distributed_object_listener_codec.encode_request,
            client_add_distributed_object_listener_codec.decode_response,
            client_remove_distributed_object_listener_codec.encode_request, handle).result()

    def remove_distributed_object_listener(self, registration_id: str) -> bool:
        """Stop that listener; True if it was registered (blocking, as in 3.12.3)."""
        return self.listener_service.deregister_listener(registration_id).result()

    def new_transaction(self, timeout: float = 120, durability: int = 1, type: int = 1):
        """A new transaction (manual 7.4.12); ``begin()`` it, or use it as a context manager."""
        from hazelcast.transaction import TransactionManager  # on first use: most programs run none
        manager = self.__dict__.get("_transaction_manager")
        if manager is None:
            manager = self.__dict__.setdefault("_transaction_manager", TransactionManager(self._context))
        return manager.new_transaction(timeout, durability, type)

    # --- lifecycle -------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Disconnect and stop every thread; idempotent. Pending Futures fail with
        ``HazelcastClientNotActiveError``."""
        with self._shutdown_lock:
            if self.lifecycle.state in (LifecycleState.SHUTTING_DOWN, LifecycleState.SHUTDOWN):
                return
            self.lifecycle.fire_lifecycle_event(LifecycleState.SHUTTING_DOWN)
        self.cluster.shutdown()
        self._statistics.shutdown()
        self._heartbeat.shutdown()
        self.invocation_service.shutdown()
        self._reactor.shutdown()
        self.connection_manager.shutdown()
        self._event_worker.shutdown()
        self.lifecycle.fire_lifecycle_event(LifecycleState.SHUTDOWN)
        _logger.info("Client shutdown.")

    def __enter__(self) -> "HazelcastClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()

    def __repr__(self) -> str:
        return "HazelcastClient(name=%s, group=%s)" % (self.name, self.config.group_config.name)
