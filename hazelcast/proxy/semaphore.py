"""Semaphore proxy (``client.get_semaphore(name)``, manual section 7.4.11)."""
from typing import Optional

from hazelcast.future import Future, cancellable
from hazelcast.protocol.codec import (semaphore_acquire_codec, semaphore_available_permits_codec,
                                      semaphore_drain_permits_codec, semaphore_increase_permits_codec,
                                      semaphore_init_codec, semaphore_reduce_permits_codec,
                                      semaphore_release_codec, semaphore_try_acquire_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_int, require_protocol
from hazelcast.util.duration import WAIT_FOREVER, to_millis, wait_of

_INT_MAX = (1 << 31) - 1


class Semaphore(NamePartitionedProxy):
    """A counting semaphore for the whole cluster.

    Permits are not owned: any client may release what another acquired. If a
    client that acquired permits disconnects, the cluster gives its permits
    back. Methods return Futures; ``blocking()`` gives plain values.
    """


    def init(self, permits: int) -> Future:
        """Set the permits if the semaphore has none yet; Future of True if set."""
        check_int(permits, "Semaphore.init: permits", 0, _INT_MAX)
        return self._send(semaphore_init_codec.encode_request(self.name, permits),
                          semaphore_init_codec.decode_response)

    def acquire(self, permits: int = 1) -> Future:
        """Take ``permits``, waiting as long as it takes (the Future completes once taken).

        The Future can be cancelled: if the member hands out the permits after the
        cancellation, the client releases them at once."""
        check_int(permits, "Semaphore.acquire: permits", 0, _INT_MAX)
        return cancellable(self._send_void(semaphore_acquire_codec.encode_request(self.name, permits),
                                           wait_timeout=None),
                           lambda _: self._give_back(permits))

    def try_acquire(self, permits: int = 1, timeout: Optional[float] = 0) -> Future:
        """Take ``permits`` if they become available within ``timeout`` seconds (0: do not
        wait; None or -1: as long as it takes); Future of True if taken. Cancellable as
        :meth:`acquire` is."""
        check_int(permits, "Semaphore.try_acquire: permits", 0, _INT_MAX)
        wait = to_millis(timeout, "Semaphore.try_acquire: timeout", WAIT_FOREVER, infinite=True)
        acquired = self._send(semaphore_try_acquire_codec.encode_request(self.name, permits, wait),
                              semaphore_try_acquire_codec.decode_response, wait_of(wait))
        return cancellable(acquired, lambda taken: taken and self._give_back(permits))

    def _give_back(self, permits: int) -> None:
        """Release permits the member handed to an acquire that was cancelled meanwhile."""
        self._send_undo(semaphore_release_codec.encode_request(self.name, permits),
                        "releasing %d permits acquired for a cancelled acquire" % permits)

    def release(self, permits: int = 1) -> Future:
        """Give back ``permits``."""
        check_int(permits, "Semaphore.release: permits", 0, _INT_MAX)
        return self._send_void(semaphore_release_codec.encode_request(self.name, permits))

    def available_permits(self) -> Future:
        """Future of the number of permits free now."""
        return self._send(semaphore_available_permits_codec.encode_request(self.name),
                          semaphore_available_permits_codec.decode_response)

    def drain_permits(self) -> Future:
        """Take every free permit; Future of how many were taken."""
        return self._send(semaphore_drain_permits_codec.encode_request(self.name),
                          semaphore_drain_permits_codec.decode_response)

    def reduce_permits(self, reduction: int) -> Future:
        """Remove ``reduction`` free permits without taking them."""
        check_int(reduction, "Semaphore.reduce_permits: reduction", 0, _INT_MAX)
        return self._send_void(semaphore_reduce_permits_codec.encode_request(self.name, reduction))

    def increase_permits(self, increase: int) -> Future:
        """Add ``increase`` permits (Hazelcast 3.10 and newer)."""
        check_int(increase, "Semaphore.increase_permits: increase", 0, _INT_MAX)
        require_protocol(self._context, semaphore_increase_permits_codec.SINCE, "Semaphore.increase_permits")
        return self._send_void(semaphore_increase_permits_codec.encode_request(self.name, increase))

