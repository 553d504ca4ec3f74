"""Transactional proxies, obtained from a :class:`~hazelcast.transaction.Transaction`:
``get_map``, ``get_multi_map``, ``get_queue``, ``get_list``, ``get_set``."""
from hazelcast.proxy.transactional.base import TransactionalObject
from hazelcast.proxy.transactional.collection import TransactionalList, TransactionalSet
from hazelcast.proxy.transactional.map import TransactionalMap
from hazelcast.proxy.transactional.multi_map import TransactionalMultiMap
from hazelcast.proxy.transactional.queue import TransactionalQueue

PROXY_CLASSES = {
    "map": TransactionalMap,
    "multi_map": TransactionalMultiMap,
    "queue": TransactionalQueue,
    "list": TransactionalList,
    "set": TransactionalSet,
}

__all__ = ["TransactionalObject", "TransactionalMap", "TransactionalMultiMap", "TransactionalQueue",
           "TransactionalList", "TransactionalSet", "PROXY_CLASSES"]
