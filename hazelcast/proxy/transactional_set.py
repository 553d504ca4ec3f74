"""3.12.3's import path of :class:`TransactionalSet` (defined in :mod:`hazelcast.proxy.transactional.collection`)."""
from hazelcast.proxy.transactional.collection import TransactionalSet

__all__ = ["TransactionalSet"]
