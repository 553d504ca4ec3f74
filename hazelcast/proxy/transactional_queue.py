"""3.12.3's import path of :class:`TransactionalQueue` (defined in :mod:`hazelcast.proxy.transactional.queue`)."""
from hazelcast.proxy.transactional.queue import TransactionalQueue

__all__ = ["TransactionalQueue"]
