"""Creates and caches proxies: one per (service, name) per client."""
import threading
from typing import TYPE_CHECKING, Callable, Dict, List, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import is_io_thread
from hazelcast.protocol.codec import client_create_proxy_codec

if TYPE_CHECKING:
    from hazelcast.proxy.base import ProxyContext

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

# Each proxy module is imported when its first proxy is made: importing all of them
# with the client would add about 65 ms to ``import hazelcast``.

def _near_cached_map() -> type:
    from hazelcast.proxy.near_cached_map import NearCachedMap
    return NearCachedMap


def _map() -> type:
    from hazelcast.proxy.map import Map
    return Map


def _multi_map() -> type:
    from hazelcast.proxy.multi_map import MultiMap
    return MultiMap


def _replicated_map() -> type:
    from hazelcast.proxy.replicated_map import ReplicatedMap
    return ReplicatedMap


def _queue() -> type:
    from hazelcast.proxy.queue import Queue
    return Queue


def _set() -> type:
    from hazelcast.proxy.set import Set
    return Set


def _list() -> type:
    from hazelcast.proxy.list import List
    return List


def _ringbuffer() -> type:
    from hazelcast.proxy.ringbuffer import Ringbuffer
    return Ringbuffer


def _topic() -> type:
    from hazelcast.proxy.topic import Topic
    return Topic


def _reliable_topic() -> type:
    from hazelcast.proxy.reliable_topic import ReliableTopic
    return ReliableTopic


def _lock() -> type:
    from hazelcast.proxy.lock import Lock
    return Lock


def _semaphore() -> type:
    from hazelcast.proxy.semaphore import Semaphore
    return Semaphore


def _atomic_long() -> type:
    from hazelcast.proxy.atomic_long import AtomicLong
    return AtomicLong


def _atomic_reference() -> type:
    from hazelcast.proxy.atomic_reference import AtomicReference
    return AtomicReference


def _count_down_latch() -> type:
    from hazelcast.proxy.count_down_latch import CountDownLatch
    return CountDownLatch


def _id_generator() -> type:
    from hazelcast.proxy.id_generator import IdGenerator
    return IdGenerator


def _flake_id_generator() -> type:
    from hazelcast.proxy.flake_id_generator import FlakeIdGenerator
    return FlakeIdGenerator


def _pn_counter() -> type:
    from hazelcast.proxy.pn_counter import PNCounter
    return PNCounter


def _executor() -> type:
    from hazelcast.proxy.executor import Executor
    return Executor


# service name -> the function that imports and answers the class of its proxies
_PROXY_CLASSES: Dict[str, Callable[[], type]] = {
    MAP_SERVICE: _map,
    MULTI_MAP_SERVICE: _multi_map,
    REPLICATED_MAP_SERVICE: _replicated_map,
    QUEUE_SERVICE: _queue,
    SET_SERVICE: _set,
    LIST_SERVICE: _list,
    RINGBUFFER_SERVICE: _ringbuffer,
    TOPIC_SERVICE: _topic,
    RELIABLE_TOPIC_SERVICE: _reliable_topic,
    LOCK_SERVICE: _lock,
    SEMAPHORE_SERVICE: _semaphore,
    ATOMIC_LONG_SERVICE: _atomic_long,
    ATOMIC_REFERENCE_SERVICE: _atomic_reference,
    COUNT_DOWN_LATCH_SERVICE: _count_down_latch,
    ID_GENERATOR_SERVICE: _id_generator,
    FLAKE_ID_GENERATOR_SERVICE: _flake_id_generator,
    PN_COUNTER_SERVICE: _pn_counter,
    EXECUTOR_SERVICE: _executor,
}


class ProxyManager:
    """The proxies of one client, one per (service, name), and the context they share.

    ``make_context(manager)`` builds that context: it names this manager, which proxies
    use to destroy themselves and to reach other proxies.
    """

    def __init__(self, make_context: "Callable[[ProxyManager], ProxyContext]"):
        self._lock = threading.Lock()
        self._proxies: Dict[Tuple[str, str], object] = {}
        self.context = make_context(self)

    def get_or_create(self, service_name: str, name: str, create_on_cluster: bool = True):
        if not isinstance(name, str) or not name:
            raise IllegalArgumentError("The name of a %s must be a non-empty str, got %r (%s)"
                                       % (_PROXY_CLASSES[service_name]().__name__, name, type(name).__name__))
        key = (service_name, name)
        proxy = self._proxies.get(key)
        if proxy is not None:
            return proxy
        proxy_class = _PROXY_CLASSES[service_name]()
        if service_name == MAP_SERVICE and self.context.near_cache_manager.config_for(name) is not None:
            proxy_class = _near_cached_map()
        # Built outside the lock: a constructor may ask for other proxies (ReliableTopic
        # for its Ringbuffer) and creating on the cluster is a round trip. Two threads may
        # race to build the same proxy; the first one stored wins.
        proxy = proxy_class(service_name, name, self.context)
        if create_on_cluster:
            self._create_on_cluster(service_name, name)
        with self._lock:
            return self._proxies.setdefault(key, proxy)

    def _create_on_cluster(self, service_name: str, name: str) -> None:
        owner = self.context.connection_manager.owner_connection
        address = owner.member_address if owner is not None else None
        if address is None:
            return
        request = client_create_proxy_codec.encode_request(name, service_name, address)
        created = self.context.invocation_service.invoke_on_random_target(request)
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
