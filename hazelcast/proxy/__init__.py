"""Proxies of the distributed objects.

Every proxy module is imported with the package, as 3.12.3 did: code written for it
reaches e.g. ``hazelcast.proxy.map.Map`` after a bare ``import hazelcast``. The service
names are 3.12.3's constants here (defined in :mod:`hazelcast.proxy.manager`), and so are
the proxy classes it re-exported (``from hazelcast.proxy import Queue``).
"""
from hazelcast.proxy import (atomic_long, atomic_reference, count_down_latch, executor,  # noqa: F401
                             flake_id_generator, id_generator, list, lock, map, multi_map, pn_counter,
                             queue, reliable_topic, replicated_map, ringbuffer, semaphore, set, topic,
                             transactional_list, transactional_map, transactional_multi_map,
                             transactional_queue, transactional_set)
from hazelcast.core import DistributedObjectEvent  # noqa: F401 - 3.12.3 re-exported these here
from hazelcast.proxy.atomic_long import AtomicLong  # noqa: F401
from hazelcast.proxy.atomic_reference import AtomicReference  # noqa: F401
from hazelcast.proxy.count_down_latch import CountDownLatch  # noqa: F401
from hazelcast.proxy.executor import Executor  # noqa: F401
from hazelcast.proxy.flake_id_generator import FlakeIdGenerator  # noqa: F401
from hazelcast.proxy.id_generator import ATOMIC_LONG_PREFIX as ID_GENERATOR_ATOMIC_LONG_PREFIX
from hazelcast.proxy.id_generator import IdGenerator  # noqa: F401
from hazelcast.proxy.list import List  # noqa: F401
from hazelcast.proxy.lock import Lock  # noqa: F401
from hazelcast.proxy.multi_map import MultiMap  # noqa: F401
from hazelcast.proxy.pn_counter import PNCounter  # noqa: F401
from hazelcast.proxy.queue import Queue  # noqa: F401
from hazelcast.proxy.reliable_topic import ReliableTopic  # noqa: F401
from hazelcast.proxy.replicated_map import ReplicatedMap  # noqa: F401
from hazelcast.proxy.ringbuffer import Ringbuffer  # noqa: F401
from hazelcast.proxy.semaphore import Semaphore  # noqa: F401
from hazelcast.proxy.set import Set  # noqa: F401
from hazelcast.proxy.topic import Topic  # noqa: F401
from hazelcast.proxy.manager import (ATOMIC_LONG_SERVICE, ATOMIC_REFERENCE_SERVICE,  # noqa: F401
                                     COUNT_DOWN_LATCH_SERVICE, EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE,
                                     ID_GENERATOR_SERVICE, LIST_SERVICE, LOCK_SERVICE, MAP_SERVICE,
                                     MULTI_MAP_SERVICE, PN_COUNTER_SERVICE, QUEUE_SERVICE,
                                     RELIABLE_TOPIC_SERVICE, REPLICATED_MAP_SERVICE, RINGBUFFER_SERVICE,
                                     SEMAPHORE_SERVICE, SET_SERVICE, TOPIC_SERVICE)
