"""Proxies of the distributed objects.

Every proxy module is imported with the package, as 3.12.3 did: code written for it
reaches e.g. ``hazelcast.proxy.map.Map`` after a bare ``import hazelcast``. The service
names are 3.12.3's constants here (defined in :mod:`hazelcast.proxy.manager`).
"""
from hazelcast.proxy import (atomic_long, atomic_reference, count_down_latch, executor,  # noqa: F401
                             flake_id_generator, id_generator, list, lock, map, multi_map, pn_counter,
                             queue, reliable_topic, replicated_map, ringbuffer, semaphore, set, topic,
                             transactional_list, transactional_map, transactional_multi_map,
                             transactional_queue, transactional_set)
from hazelcast.proxy.id_generator import ATOMIC_LONG_PREFIX as ID_GENERATOR_ATOMIC_LONG_PREFIX
from hazelcast.proxy.manager import (ATOMIC_LONG_SERVICE, ATOMIC_REFERENCE_SERVICE,  # noqa: F401
                                     COUNT_DOWN_LATCH_SERVICE, EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE,
                                     ID_GENERATOR_SERVICE, LIST_SERVICE, LOCK_SERVICE, MAP_SERVICE,
                                     MULTI_MAP_SERVICE, PN_COUNTER_SERVICE, QUEUE_SERVICE,
                                     RELIABLE_TOPIC_SERVICE, REPLICATED_MAP_SERVICE, RINGBUFFER_SERVICE,
                                     SEMAPHORE_SERVICE, SET_SERVICE, TOPIC_SERVICE)
