"""Distributed Queue proxy (``client.get_queue(name)``): a blocking FIFO queue."""
import builtins
import time
from typing import Any, List, Optional

from hazelcast.errors import HazelcastError, IllegalArgumentError, IllegalStateError
from hazelcast.future import CancellableFuture, Future
from hazelcast.protocol.codec import (queue_add_all_codec, queue_add_listener_codec, queue_clear_codec,
                                      queue_compare_and_remove_all_codec,
                                      queue_compare_and_retain_all_codec, queue_contains_all_codec,
                                      queue_contains_codec, queue_drain_to_codec,
                                      queue_drain_to_max_size_codec, queue_is_empty_codec,
                                      queue_iterator_codec, queue_offer_codec, queue_peek_codec,
                                      queue_poll_codec, queue_put_codec, queue_remaining_capacity_codec,
                                      queue_remove_codec, queue_remove_listener_codec, queue_size_codec)
from hazelcast.proxy.base import check_int
from hazelcast.proxy.item_collection import ItemCodecs, ItemCollection
from hazelcast.proxy.item_events import INT_MAX
from hazelcast.util.duration import to_millis, wait_of

# take() and poll(timeout) wait with polls of at most this long: the member cannot be
# told to stop a wait, so this bounds how long one goes on after its Future was cancelled.
WAIT_SLICE_MILLIS = 2000


class Full(IllegalStateError):
    """``add`` found the queue full (3.12.3's name; also an ``IllegalStateError``, as in Java)."""


class Empty(HazelcastError):
    """3.12.3 defined it for an empty queue but never raised it; neither does this client:
    ``poll``/``peek`` answer None, ``take`` waits."""


class Queue(ItemCollection):
    """A distributed FIFO queue, bounded when the member config gives it a ``max-size``.

    Every method returns a :class:`~hazelcast.future.Future`; use ``blocking()``
    for plain values. Timeouts are in seconds. The waiting of ``put``, ``take``
    and timed ``offer``/``poll`` happens on the member: no client thread is
    held while they wait, and the client's invocation timeout does not cut them
    short. Besides the methods here: ``size``, ``is_empty``, ``clear``,
    ``contains``, ``contains_all``, ``add_all``, ``remove_all``,
    ``retain_all``, ``add_listener``, ``remove_listener``.
    """

    _codecs = ItemCodecs(
        size=queue_size_codec,
        is_empty=queue_is_empty_codec,
        clear=queue_clear_codec,
        contains=queue_contains_codec,
        contains_all=queue_contains_all_codec,
        add_all=queue_add_all_codec,
        compare_and_remove_all=queue_compare_and_remove_all_codec,
        compare_and_retain_all=queue_compare_and_retain_all_codec,
        add_listener=queue_add_listener_codec,
        remove_listener=queue_remove_listener_codec)

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
        wait = to_millis(timeout, "Queue.offer: timeout")
        request = queue_offer_codec.encode_request(self.name, self._item_data(item), wait)
        return self._send(request, queue_offer_codec.decode_response, wait_of(wait))

    def put(self, item: Any) -> Future:
        """Add ``item``, waiting as long as it takes for room."""
        request = queue_put_codec.encode_request(self.name, self._item_data(item))
        return self._send_void(request, wait_timeout=None)

    def poll(self, timeout: float = 0) -> Future:
        """Take the head, waiting up to ``timeout`` seconds for one; Future of it, or None.

        With a ``timeout`` the Future can be cancelled, as for :meth:`take`."""
        millis = to_millis(timeout, "Queue.poll: timeout")
        if millis == 0:
            return self._send(queue_poll_codec.encode_request(self.name, 0), self._decode_item)
        return self._wait_for_item(time.monotonic() + millis / 1000.0)

    def take(self) -> Future:
        """Take the head, waiting as long as it takes for one; Future of it.

        The Future can be cancelled (``cancel()``, or the asyncio task awaiting it,
        e.g. by ``asyncio.wait_for`` timing out). No item is lost: the wait stops on
        the member within ``WAIT_SLICE_MILLIS``, and an item it takes meanwhile is
        put back at the tail of the queue (so it may come out after items offered
        later, and is not in the queue for the moment it takes to put it back).
        """
        return self._wait_for_item(None)

    def _wait_for_item(self, deadline: Optional[float]) -> Future:
        """Poll in slices until an item comes, ``deadline`` (monotonic; None: never) passes,
        or the returned Future is cancelled; an item that arrives for a cancelled wait is
        put back."""
        waiting = CancellableFuture()

        def ask() -> None:
            millis = WAIT_SLICE_MILLIS
            if deadline is not None:
                millis = max(0, min(millis, int((deadline - time.monotonic()) * 1000)))
            request = queue_poll_codec.encode_request(self.name, millis)
            self._send(request, queue_poll_codec.decode_response, wait_of(millis)).add_inline_callback(answered)

        def answered(done: Future) -> None:
            if not done.is_success():
                waiting.set_exception(done.exception())
                return
            data = done.result()
            if data is None:
                if waiting.done():
                    return  # cancelled: stop asking
                if deadline is None or time.monotonic() < deadline:
                    ask()
                else:
                    waiting.set_result(None)
                return
            try:
                item = self._to_object(data)
            except Exception as e:
                if not waiting.set_exception(e):
                    self._put_back(data)
                return
            if not waiting.set_result(item):
                self._put_back(data)

        ask()
        return waiting

    def _put_back(self, data) -> None:
        """Return an item taken for a wait that was cancelled meanwhile (to the tail)."""
        self._send_undo(queue_put_codec.encode_request(self.name, data),
                        "putting back an item taken for a cancelled take()/poll() (the item is lost)")

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
