"""3.12.3's import path of :class:`TransactionalMap` (defined in :mod:`hazelcast.proxy.transactional.map`)."""
from hazelcast.proxy.transactional.map import TransactionalMap

__all__ = ["TransactionalMap"]
