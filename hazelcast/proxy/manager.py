"""Creates and caches proxies: one per (service, name) per client."""
import threading
from typing import Dict, List, Tuple

import importlib

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import is_io_thread
from hazelcast.protocol.codec import client_create_proxy_codec

MAP_SERVICE = "hz:impl:mapService"
MULTI_MAP_SERVICE = "hz:impl:multiMapService"
REPLICATED_MAP_SERVICE = "hz:impl:replicatedMapService"
QUEUE_SERVICE = "hz:impl:queueService"
SET_SERVICE = "hz:impl:setService"
LIST_SERVICE = "hz:impl:listService"
RINGBUFFER_SERVICE = "hz:impl:ringbufferService"
TOPIC_SERVICE = "hz:impl:topicService"
RELIABLE_TOPIC_SERVICE = "hz:impl:reliableTopicService"
LOCK_SERVICE = "hz:impl:lockService"
SEMAPHORE_SERVICE = "hz:impl:semaphoreService"
ATOMIC_LONG_SERVICE = "hz:impl:atomicLongService"
ATOMIC_REFERENCE_SERVICE = "hz:impl:atomicReferenceService"
COUNT_DOWN_LATCH_SERVICE = "hz:impl:countDownLatchService"
ID_GENERATOR_SERVICE = "hz:impl:idGeneratorService"
FLAKE_ID_GENERATOR_SERVICE = "hz:impl:flakeIdGeneratorService"
PN_COUNTER_SERVICE = "hz:impl:PNCounterService"
EXECUTOR_SERVICE = "hz:impl:executorService"

NEAR_CACHED_MAP = "near-cached " + MAP_SERVICE  # not a service: the Map proxy with a Near Cache

# service name -> "module:Class" of its proxy, imported on first use.
_PROXY_CLASSES = {
    NEAR_CACHED_MAP: "hazelcast.proxy.near_cached_map:NearCachedMap",
    MAP_SERVICE: "hazelcast.proxy.map:Map",
    MULTI_MAP_SERVICE: "hazelcast.proxy.multi_map:MultiMap",
    REPLICATED_MAP_SERVICE: "hazelcast.proxy.replicated_map:ReplicatedMap",
    QUEUE_SERVICE: "hazelcast.proxy.queue:Queue",
    SET_SERVICE: "hazelcast.proxy.set:Set",
    LIST_SERVICE: "hazelcast.proxy.list:List",
    RINGBUFFER_SERVICE: "hazelcast.proxy.ringbuffer:Ringbuffer",
    TOPIC_SERVICE: "hazelcast.proxy.topic:Topic",
    RELIABLE_TOPIC_SERVICE: "hazelcast.proxy.reliable_topic:ReliableTopic",
    LOCK_SERVICE: "hazelcast.proxy.lock:Lock",
    SEMAPHORE_SERVICE: "hazelcast.proxy.semaphore:Semaphore",
    ATOMIC_LONG_SERVICE: "hazelcast.proxy.atomic_long:AtomicLong",
    ATOMIC_REFERENCE_SERVICE: "hazelcast.proxy.atomic_reference:AtomicReference",
    COUNT_DOWN_LATCH_SERVICE: "hazelcast.proxy.count_down_latch:CountDownLatch",
    ID_GENERATOR_SERVICE: "hazelcast.proxy.id_generator:IdGenerator",
    FLAKE_ID_GENERATOR_SERVICE: "hazelcast.proxy.flake_id_generator:FlakeIdGenerator",
    PN_COUNTER_SERVICE: "hazelcast.proxy.pn_counter:PNCounter",
    EXECUTOR_SERVICE: "hazelcast.proxy.executor:Executor",
}


def _proxy_class(service_name: str):
    module_name, _, class_name = _PROXY_CLASSES[service_name].partition(":")
    return getattr(importlib.import_module(module_name), class_name)


class ProxyManager:
    def __init__(self):
        self._lock = threading.Lock()
        self._proxies: Dict[Tuple[str, str], object] = {}
        self._context = None

    def bind(self, context) -> None:
        self._context = context

    def get_or_create(self, service_name: str, name: str, create_on_cluster: bool = True):
        if not isinstance(name, str) or not name:
            raise IllegalArgumentError("The name of a %s must be a non-empty str, got %r (%s)"
                                       % (_proxy_class(service_name).__name__, name, type(name).__name__))
        key = (service_name, name)
        proxy = self._proxies.get(key)
        if proxy is not None:
            return proxy
        proxy_class = _proxy_class(service_name)
        if service_name == MAP_SERVICE and self._context.config.near_cache_configs:
            from hazelcast.proxy.near_cached_map import near_cache_config_for
            if near_cache_config_for(self._context.config, name) is not None:
                proxy_class = _proxy_class(NEAR_CACHED_MAP)
        # Built outside the lock: a constructor may ask for other proxies (ReliableTopic
        # for its Ringbuffer) and creating on the cluster is a round trip. Two threads may
        # race to build the same proxy; the first one stored wins.
        proxy = proxy_class(service_name, name, self._context)
        if create_on_cluster:
            self._create_on_cluster(service_name, name)
        with self._lock:
            return self._proxies.setdefault(key, proxy)

    def _create_on_cluster(self, service_name: str, name: str) -> None:
        connection_manager = self._context.invocation_service._connection_manager
        owner = connection_manager.owner_connection
        address = owner.member_address if owner is not None else None
        if address is None:
            return
        request = client_create_proxy_codec.encode_request(name, service_name, address)
        created = self._context.invocation_service.invoke_on_random_target(request)
        if not is_io_thread():  # there waiting would deadlock; members also create it on first use
            created.result()

    def forget(self, service_name: str, name: str) -> None:
        with self._lock:
            self._proxies.pop((service_name, name), None)

    def proxies_for(self, infos) -> List[object]:
        proxies = []
        for info in infos:
            if info.service_name in _PROXY_CLASSES:
                proxies.append(self.get_or_create(info.service_name, info.name, create_on_cluster=False))
        return proxies
