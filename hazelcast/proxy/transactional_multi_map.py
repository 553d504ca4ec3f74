"""3.12.3's import path of :class:`TransactionalMultiMap`
(defined in :mod:`hazelcast.proxy.transactional.multi_map`)."""
from hazelcast.proxy.transactional.multi_map import TransactionalMultiMap

__all__ = ["TransactionalMultiMap"]
