"""Distributed Queue proxy (``client.get_queue(name)``): a blocking FIFO queue."""
import builtins
from typing import Any, List

from hazelcast.errors import HazelcastError, IllegalArgumentError, IllegalStateError
from hazelcast.future import Future
from hazelcast.protocol.codec import (queue_drain_to_codec, queue_drain_to_max_size_codec,
                                      queue_iterator_codec, queue_offer_codec, queue_peek_codec,
                                      queue_poll_codec, queue_put_codec, queue_remaining_capacity_codec,
                                      queue_remove_codec, queue_take_codec)
from hazelcast.proxy.base import check_int, duration_millis
from hazelcast.proxy.item_events import INT_MAX, ItemCollection


class Full(IllegalStateError):
    """``add`` found the queue full (3.12.3's name; also an ``IllegalStateError``, as in Java)."""


class Empty(HazelcastError):
    """3.12.3 defined it for an empty queue but never raised it; neither does this client:
    ``poll``/``peek`` answer None, ``take`` waits."""


class Queue(ItemCollection, codec_prefix="queue"):
    """A distributed FIFO queue, bounded when the member config gives it a ``max-size``.

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Timeouts are in seconds. The waiting of ``put``, ``take``
    and timed ``offer``/``poll`` happens on the member: no client thread is
    held while they wait, and the client's invocation timeout does not cut them
    short. Besides the methods here: ``size``, ``is_empty``, ``clear``,
    ``contains``, ``contains_all``, ``add_all``, ``remove_all``,
    ``retain_all``, ``add_listener``, ``remove_listener``.
    """

    def add(self, item: Any) -> Future:
        """Add ``item`` now; Future of True, or of :class:`Full` (an ``IllegalStateError``) when full."""
        def raise_if_full(added: bool) -> bool:
            if not added:
                raise Full("Queue is full: %s has no room for %r (use offer() to get False "
                                        "instead, or put() to wait for room)" % (self.name, item))
            return True

        return self.offer(item)._map(raise_if_full)

    def offer(self, item: Any, timeout: float = 0) -> Future:
        """Add ``item``, waiting up to ``timeout`` seconds for room; Future of False if there was none."""
        request = queue_offer_codec.encode_request(self.name, self._item_data(item),
                                                   duration_millis(timeout, "timeout"))
        return self._send(request, queue_offer_codec.decode_response)

    def put(self, item: Any) -> Future:
        """Add ``item``, waiting as long as it takes for room."""
        request = queue_put_codec.encode_request(self.name, self._item_data(item))
        return self._send_void(request)

    def poll(self, timeout: float = 0) -> Future:
        """Take the head, waiting up to ``timeout`` seconds for one; Future of it, or None."""
        request = queue_poll_codec.encode_request(self.name, duration_millis(timeout, "timeout"))
        return self._send(request, self._decode_item)

    def take(self) -> Future:
        """Take the head, waiting as long as it takes for one; Future of it."""
        return self._send(queue_take_codec.encode_request(self.name), self._decode_item)

    def peek(self) -> Future:
        """Future of the head without taking it, or None when empty."""
        return self._send(queue_peek_codec.encode_request(self.name), self._decode_item)

    def remove(self, item: Any) -> Future:
        """Remove one occurrence of ``item``; Future of True if there was one."""
        request = queue_remove_codec.encode_request(self.name, self._item_data(item))
        return self._send(request, queue_remove_codec.decode_response)

    def remaining_capacity(self) -> Future:
        """Future of how many more items fit (a large number for an unbounded queue)."""
        return self._send(queue_remaining_capacity_codec.encode_request(self.name),
                          queue_remaining_capacity_codec.decode_response)

    def iterator(self) -> Future:
        """Future of a list of the items, head first (a snapshot to iterate over)."""
        return self._send(queue_iterator_codec.encode_request(self.name), self._decode_items)

    def drain_to(self, list: List[Any], max_size: int = -1) -> Future:  # noqa: A002 - 3.12.3's keyword
        """Take up to ``max_size`` items (all when -1), appending them to ``list``; Future of the count."""
        target = list
        if not isinstance(target, builtins.list):
            raise IllegalArgumentError("list must be a list to append the drained items to, got %r"
                                       % (target,))
        if check_int(max_size, "max_size", -1, INT_MAX) < 0:
            request = queue_drain_to_codec.encode_request(self.name)
        else:
            request = queue_drain_to_max_size_codec.encode_request(self.name, max_size)

        def append(items: List[Any]) -> int:
            target.extend(items)
            return len(items)

        return self._send(request, self._decode_items)._map(append)
