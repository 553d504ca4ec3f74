"""CountDownLatch proxy (``client.get_count_down_latch(name)``)."""
from typing import Optional

from hazelcast.future import Future, cancellable
from hazelcast.protocol.codec import (count_down_latch_await_codec, count_down_latch_count_down_codec,
                                      count_down_latch_get_count_codec,
                                      count_down_latch_try_set_count_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_int
from hazelcast.util.duration import WAIT_FOREVER, to_millis, wait_of

_INT_MAX = (1 << 31) - 1


class CountDownLatch(NamePartitionedProxy):
    """A cluster-wide latch: callers of ``await_latch`` wait until the count reaches zero.

    Set the count with ``try_set_count`` (only when it is zero), lower it with
    ``count_down``. The wait happens on the member: it holds no client thread
    other than the one waiting on the result, and the invocation timeout does
    not cut it short. Methods return Futures; ``blocking()`` gives plain values.
    """


    def try_set_count(self, count: int) -> Future:
        """Set the count if it is zero now; Future of True if it was set."""
        check_int(count, "CountDownLatch.try_set_count: count", 0, _INT_MAX)
        return self._send(count_down_latch_try_set_count_codec.encode_request(self.name, count),
                          count_down_latch_try_set_count_codec.decode_response)

    def count_down(self) -> Future:
        """Lower the count by one (no effect at zero); at zero every waiter is released."""
        return self._send_void(count_down_latch_count_down_codec.encode_request(self.name))

    def get_count(self) -> Future:
        """Future of the current count."""
        return self._send(count_down_latch_get_count_codec.encode_request(self.name),
                          count_down_latch_get_count_codec.decode_response)

    def await_latch(self, timeout: Optional[float] = None) -> Future:
        """Wait until the count is zero, at most ``timeout`` seconds (None or -1: as long
        as it takes); Future of True if it reached zero, False if the time ran out.
        The Future can be cancelled: waiting changes nothing, so there is nothing to undo."""
        wait = to_millis(timeout, "CountDownLatch.await_latch: timeout", WAIT_FOREVER, infinite=True)
        reached = self._send(count_down_latch_await_codec.encode_request(self.name, wait),
                             count_down_latch_await_codec.decode_response, wait_of(wait))
        return cancellable(reached, _nothing_to_undo)

    await_ = await_latch  # ``await`` is a Python keyword



def _nothing_to_undo(_) -> None:
    return None
