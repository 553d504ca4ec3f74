"""Proxies of the distributed objects.

3.12.3 imported every proxy module with this package, so code written for it reaches
``hazelcast.proxy.map.Map`` after a bare ``import hazelcast`` and imports the proxy
classes from here (``from hazelcast.proxy import Queue``). Here they are imported when
first reached (``__getattr__`` below): importing all of them up front would add about
60 ms to ``import hazelcast``. The service names are 3.12.3's constants here (defined in
:mod:`hazelcast.proxy.manager`).
"""
from typing import Dict, Optional, Tuple

from hazelcast.proxy.manager import (ATOMIC_LONG_SERVICE, ATOMIC_REFERENCE_SERVICE,  # noqa: F401
                                     COUNT_DOWN_LATCH_SERVICE, EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE,
                                     ID_GENERATOR_SERVICE, LIST_SERVICE, LOCK_SERVICE, MAP_SERVICE,
                                     MULTI_MAP_SERVICE, PN_COUNTER_SERVICE, QUEUE_SERVICE,
                                     RELIABLE_TOPIC_SERVICE, REPLICATED_MAP_SERVICE, RINGBUFFER_SERVICE,
                                     SEMAPHORE_SERVICE, SET_SERVICE, TOPIC_SERVICE)
from hazelcast.util.lazy import lazy_attributes

# attribute -> (module, name in it; None: the module itself)
_LAZY: Dict[str, Tuple[str, Optional[str]]] = {
    "atomic_long": ("hazelcast.proxy.atomic_long", None),
    "atomic_reference": ("hazelcast.proxy.atomic_reference", None),
    "count_down_latch": ("hazelcast.proxy.count_down_latch", None),
    "executor": ("hazelcast.proxy.executor", None),
    "flake_id_generator": ("hazelcast.proxy.flake_id_generator", None),
    "id_generator": ("hazelcast.proxy.id_generator", None),
    "list": ("hazelcast.proxy.list", None),
    "lock": ("hazelcast.proxy.lock", None),
    "map": ("hazelcast.proxy.map", None),
    "multi_map": ("hazelcast.proxy.multi_map", None),
    "pn_counter": ("hazelcast.proxy.pn_counter", None),
    "queue": ("hazelcast.proxy.queue", None),
    "reliable_topic": ("hazelcast.proxy.reliable_topic", None),
    "replicated_map": ("hazelcast.proxy.replicated_map", None),
    "ringbuffer": ("hazelcast.proxy.ringbuffer", None),
    "semaphore": ("hazelcast.proxy.semaphore", None),
    "set": ("hazelcast.proxy.set", None),
    "topic": ("hazelcast.proxy.topic", None),
    "transactional_list": ("hazelcast.proxy.transactional_list", None),
    "transactional_map": ("hazelcast.proxy.transactional_map", None),
    "transactional_multi_map": ("hazelcast.proxy.transactional_multi_map", None),
    "transactional_queue": ("hazelcast.proxy.transactional_queue", None),
    "transactional_set": ("hazelcast.proxy.transactional_set", None),
    "AtomicLong": ("hazelcast.proxy.atomic_long", "AtomicLong"),
    "AtomicReference": ("hazelcast.proxy.atomic_reference", "AtomicReference"),
    "CountDownLatch": ("hazelcast.proxy.count_down_latch", "CountDownLatch"),
    "DistributedObjectEvent": ("hazelcast.core", "DistributedObjectEvent"),
    "Executor": ("hazelcast.proxy.executor", "Executor"),
    "FlakeIdGenerator": ("hazelcast.proxy.flake_id_generator", "FlakeIdGenerator"),
    "ID_GENERATOR_ATOMIC_LONG_PREFIX": ("hazelcast.proxy.id_generator", "ATOMIC_LONG_PREFIX"),
    "IdGenerator": ("hazelcast.proxy.id_generator", "IdGenerator"),
    "List": ("hazelcast.proxy.list", "List"),
    "Lock": ("hazelcast.proxy.lock", "Lock"),
    "MultiMap": ("hazelcast.proxy.multi_map", "MultiMap"),
    "PNCounter": ("hazelcast.proxy.pn_counter", "PNCounter"),
    "Queue": ("hazelcast.proxy.queue", "Queue"),
    "ReliableTopic": ("hazelcast.proxy.reliable_topic", "ReliableTopic"),
    "ReplicatedMap": ("hazelcast.proxy.replicated_map", "ReplicatedMap"),
    "Ringbuffer": ("hazelcast.proxy.ringbuffer", "Ringbuffer"),
    "Semaphore": ("hazelcast.proxy.semaphore", "Semaphore"),
    "Set": ("hazelcast.proxy.set", "Set"),
    "Topic": ("hazelcast.proxy.topic", "Topic"),
}

__getattr__ = lazy_attributes(__name__, _LAZY)


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
