"""``TransactionalQueue``: a distributed Queue seen through a transaction."""
from typing import Any

from hazelcast.protocol.codec import (transactional_queue_offer_codec, transactional_queue_peek_codec,
                                      transactional_queue_poll_codec, transactional_queue_size_codec,
                                      transactional_queue_take_codec)
from hazelcast.proxy.transactional.base import TransactionalObject
from hazelcast.util.duration import to_millis


class TransactionalQueue(TransactionalObject):
    """``transaction.get_queue(name)``: offered items appear to others on commit; polled
    items are reserved for this transaction and return to the queue on rollback."""

    service_name = "hz:impl:queueService"

    def offer(self, item: Any, timeout: float = 0) -> bool:
        """Add ``item``, waiting up to ``timeout`` seconds for room; True if added."""
        timeout_millis = to_millis(timeout, "TransactionalQueue.offer: timeout")
        return self._call(transactional_queue_offer_codec, self._data(item, "item"), timeout_millis)

    def take(self) -> Any:
        """The head item, waiting as long as it takes for one."""
        return self._call_object(transactional_queue_take_codec, wait_forever=True)

    def poll(self, timeout: float = 0) -> Any:
        """The head item, waiting up to ``timeout`` seconds; None if there is none."""
        wait = to_millis(timeout, "TransactionalQueue.poll: timeout")
        return self._call_object(transactional_queue_poll_codec, wait)

    def peek(self, timeout: float = 0) -> Any:
        """The head item without removing it, waiting up to ``timeout`` seconds; None if none."""
        wait = to_millis(timeout, "TransactionalQueue.peek: timeout")
        return self._call_object(transactional_queue_peek_codec, wait)

    def size(self) -> int:
        """The number of items, counting this transaction's offers and polls."""
        return self._call(transactional_queue_size_codec)
