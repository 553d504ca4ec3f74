"""Proxies of the distributed objects.

3.12.3 imported every proxy module with this package, so code written for it reaches
``hazelcast.proxy.map.Map`` after a bare ``import hazelcast`` and imports the proxy
classes from here (``from hazelcast.proxy import Queue``). Here they are imported when
first reached (``__getattr__`` below): importing all of them up front would add about
60 ms to ``import hazelcast``. The service names are 3.12.3's constants here (defined in
:mod:`hazelcast.proxy.manager`).
"""
from types import ModuleType
from typing import Dict, Optional, Tuple

from hazelcast.proxy.manager import (ATOMIC_LONG_SERVICE, ATOMIC_REFERENCE_SERVICE,  # noqa: F401
                                     COUNT_DOWN_LATCH_SERVICE, EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE,
                                     ID_GENERATOR_SERVICE, LIST_SERVICE, LOCK_SERVICE, MAP_SERVICE,
                                     MULTI_MAP_SERVICE, PN_COUNTER_SERVICE, QUEUE_SERVICE,
                                     RELIABLE_TOPIC_SERVICE, REPLICATED_MAP_SERVICE, RINGBUFFER_SERVICE,
                                     SEMAPHORE_SERVICE, SET_SERVICE, TOPIC_SERVICE)
from hazelcast.util.lazy import Loader, lazy_attributes

# Each defining module is imported by a plain import statement the first time one of its names
# is asked for (``import a.b as m`` imports the submodule before reading it, so this package's
# ``__getattr__`` is not asked for the module itself).

def _atomic_long() -> ModuleType:
    import hazelcast.proxy.atomic_long as module
    return module

def _atomic_reference() -> ModuleType:
    import hazelcast.proxy.atomic_reference as module
    return module

def _count_down_latch() -> ModuleType:
    import hazelcast.proxy.count_down_latch as module
    return module

def _executor() -> ModuleType:
    import hazelcast.proxy.executor as module
    return module

def _flake_id_generator() -> ModuleType:
    import hazelcast.proxy.flake_id_generator as module
    return module

def _id_generator() -> ModuleType:
    import hazelcast.proxy.id_generator as module
    return module

def _list() -> ModuleType:
    import hazelcast.proxy.list as module
    return module

def _lock() -> ModuleType:
    import hazelcast.proxy.lock as module
    return module

def _map() -> ModuleType:
    import hazelcast.proxy.map as module
    return module

def _multi_map() -> ModuleType:
    import hazelcast.proxy.multi_map as module
    return module

def _pn_counter() -> ModuleType:
    import hazelcast.proxy.pn_counter as module
    return module

def _queue() -> ModuleType:
    import hazelcast.proxy.queue as module
    return module

def _reliable_topic() -> ModuleType:
    import hazelcast.proxy.reliable_topic as module
    return module

def _replicated_map() -> ModuleType:
    import hazelcast.proxy.replicated_map as module
    return module

def _ringbuffer() -> ModuleType:
    import hazelcast.proxy.ringbuffer as module
    return module

def _semaphore() -> ModuleType:
    import hazelcast.proxy.semaphore as module
    return module

def _set() -> ModuleType:
    import hazelcast.proxy.set as module
    return module

def _topic() -> ModuleType:
    import hazelcast.proxy.topic as module
    return module

def _transactional_list() -> ModuleType:
    import hazelcast.proxy.transactional_list as module
    return module

def _transactional_map() -> ModuleType:
    import hazelcast.proxy.transactional_map as module
    return module

def _transactional_multi_map() -> ModuleType:
    import hazelcast.proxy.transactional_multi_map as module
    return module

def _transactional_queue() -> ModuleType:
    import hazelcast.proxy.transactional_queue as module
    return module

def _transactional_set() -> ModuleType:
    import hazelcast.proxy.transactional_set as module
    return module

def _core() -> ModuleType:
    import hazelcast.core as module
    return module


# attribute -> (its module's loader, name in it; None: the module itself)
_LAZY: Dict[str, Tuple[Loader, Optional[str]]] = {
    "atomic_long": (_atomic_long, None),
    "atomic_reference": (_atomic_reference, None),
    "count_down_latch": (_count_down_latch, None),
    "executor": (_executor, None),
    "flake_id_generator": (_flake_id_generator, None),
    "id_generator": (_id_generator, None),
    "list": (_list, None),
    "lock": (_lock, None),
    "map": (_map, None),
    "multi_map": (_multi_map, None),
    "pn_counter": (_pn_counter, None),
    "queue": (_queue, None),
    "reliable_topic": (_reliable_topic, None),
    "replicated_map": (_replicated_map, None),
    "ringbuffer": (_ringbuffer, None),
    "semaphore": (_semaphore, None),
    "set": (_set, None),
    "topic": (_topic, None),
    "transactional_list": (_transactional_list, None),
    "transactional_map": (_transactional_map, None),
    "transactional_multi_map": (_transactional_multi_map, None),
    "transactional_queue": (_transactional_queue, None),
    "transactional_set": (_transactional_set, None),
    "AtomicLong": (_atomic_long, "AtomicLong"),
    "AtomicReference": (_atomic_reference, "AtomicReference"),
    "CountDownLatch": (_count_down_latch, "CountDownLatch"),
    "DistributedObjectEvent": (_core, "DistributedObjectEvent"),
    "Executor": (_executor, "Executor"),
    "FlakeIdGenerator": (_flake_id_generator, "FlakeIdGenerator"),
    "ID_GENERATOR_ATOMIC_LONG_PREFIX": (_id_generator, "ATOMIC_LONG_PREFIX"),
    "IdGenerator": (_id_generator, "IdGenerator"),
    "List": (_list, "List"),
    "Lock": (_lock, "Lock"),
    "MultiMap": (_multi_map, "MultiMap"),
    "PNCounter": (_pn_counter, "PNCounter"),
    "Queue": (_queue, "Queue"),
    "ReliableTopic": (_reliable_topic, "ReliableTopic"),
    "ReplicatedMap": (_replicated_map, "ReplicatedMap"),
    "Ringbuffer": (_ringbuffer, "Ringbuffer"),
    "Semaphore": (_semaphore, "Semaphore"),
    "Set": (_set, "Set"),
    "Topic": (_topic, "Topic"),
}

__getattr__ = lazy_attributes(__name__, _LAZY)


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
