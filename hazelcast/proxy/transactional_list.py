"""3.12.3's import path of :class:`TransactionalList` (defined in :mod:`hazelcast.proxy.transactional.collection`)."""
from hazelcast.proxy.transactional.collection import TransactionalList

__all__ = ["TransactionalList"]
