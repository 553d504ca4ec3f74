"""Distributed Lock proxy (``client.get_lock(name)``, manual section 7.4.9)."""
from typing import Optional

from hazelcast.future import Future, cancellable, check_may_block
from hazelcast.protocol.codec import (lock_force_unlock_codec, lock_get_lock_count_codec,
                                      lock_get_remaining_lease_time_codec,
                                      lock_is_locked_by_current_thread_codec, lock_is_locked_codec,
                                      lock_lock_codec, lock_try_lock_codec, lock_unlock_codec)
from hazelcast.proxy.base import BlockingProxy, NamePartitionedProxy, next_reference_id, thread_id
from hazelcast.util.duration import HOLD_LOCK, WAIT_FOREVER, to_millis, wait_of


class Lock(NamePartitionedProxy):
    """A re-entrant lock for the whole cluster, owned by the thread that took it.

    As in Java, ownership is per thread: the thread that called ``lock()`` must
    call ``unlock()``. The owner may lock again (re-entrant); each lock needs
    its unlock. A lock held by a client is released by the cluster when that
    client disconnects (after the member's client clean-up delay).

    Methods return Futures; ``blocking()`` gives plain values. Both are
    context managers::

        with client.get_lock("my-lock").blocking():
            ...  # guarded code
    """


    def lock(self, lease_time: Optional[float] = -1) -> Future:
        """Take the lock, waiting as long as it takes (the Future completes once held).

        ``lease_time``: seconds after which the cluster releases it by itself;
        None or -1 (the default) keeps it until ``unlock()``.

        The Future can be cancelled (``cancel()``, or the asyncio task awaiting it):
        the member keeps waiting, and if it grants the lock after the cancellation
        the client releases that hold at once, so the cancelled call leaves no hold.
        """
        lease = to_millis(lease_time, "Lock.lock: lease_time", HOLD_LOCK, infinite=True, positive=True)
        owner = thread_id()
        request = lock_lock_codec.encode_request(self.name, lease, owner, next_reference_id())
        return cancellable(self._send_void(request, wait_timeout=None), lambda _: self._release_unwanted(owner))

    def try_lock(self, timeout: Optional[float] = 0, lease_time: Optional[float] = -1) -> Future:
        """Take the lock if it is free within ``timeout`` seconds; Future of True if taken.

        ``timeout`` 0 (the default) does not wait; None or -1 waits as long as it
        takes. ``lease_time`` as for :meth:`lock`. Cancellable as :meth:`lock` is.
        """
        wait = to_millis(timeout, "Lock.try_lock: timeout", WAIT_FOREVER, infinite=True)
        lease = to_millis(lease_time, "Lock.try_lock: lease_time", HOLD_LOCK, infinite=True,
                          positive=True)
        owner = thread_id()
        request = lock_try_lock_codec.encode_request(self.name, owner, lease, wait, next_reference_id())
        return cancellable(self._send(request, lock_try_lock_codec.decode_response, wait_of(wait)),
                           lambda acquired: acquired and self._release_unwanted(owner))

    def _release_unwanted(self, owner: int) -> None:
        """Give back a hold the member granted to a lock()/try_lock() that was cancelled
        meanwhile: unlock for the thread id the request carried."""
        request = lock_unlock_codec.encode_request(self.name, owner, next_reference_id())
        self._send_undo(request, "releasing the lock granted to a cancelled lock call")

    def unlock(self) -> Future:
        """Release one hold of the calling thread; fails with ``IllegalMonitorStateError``
        if this thread does not hold the lock."""
        request = lock_unlock_codec.encode_request(self.name, thread_id(), next_reference_id())
        return self._send_void(request)

    def force_unlock(self) -> Future:
        """Release the lock whoever holds it, however many times."""
        request = lock_force_unlock_codec.encode_request(self.name, next_reference_id())
        return self._send_void(request)

    def is_locked(self) -> Future:
        """Future of True if anyone holds the lock."""
        return self._send(lock_is_locked_codec.encode_request(self.name), lock_is_locked_codec.decode_response)

    def is_locked_by_current_thread(self) -> Future:
        """Future of True if the calling thread holds the lock."""
        request = lock_is_locked_by_current_thread_codec.encode_request(self.name, thread_id())
        return self._send(request, lock_is_locked_by_current_thread_codec.decode_response)

    def get_lock_count(self) -> Future:
        """Future of how many times the holder has taken the lock (0 if free)."""
        return self._send(lock_get_lock_count_codec.encode_request(self.name),
                          lock_get_lock_count_codec.decode_response)

    def get_remaining_lease_time(self) -> Future:
        """Future of the MILLISECONDS left before the lease ends, as the member reports
        them (3.12.3's unit, unlike the seconds ``lock()`` takes): -1 when not locked,
        a huge value (Java's "forever") when held without a lease."""
        request = lock_get_remaining_lease_time_codec.encode_request(self.name)
        return self._send(request, lock_get_remaining_lease_time_codec.decode_response)

    def blocking(self) -> "BlockingLock":
        return BlockingLock(self)

    def __enter__(self) -> "Lock":
        check_may_block("with %r", self)
        self.lock().result()
        return self

    def __exit__(self, *exc_info) -> None:
        self.unlock().result()


class BlockingLock(BlockingProxy):
    """``Lock.blocking()``: plain values, and ``with lock:`` takes and releases it."""

    def __enter__(self) -> "BlockingLock":
        check_may_block("with %r", self)
        self._wrapped.lock().result()
        return self

    def __exit__(self, *exc_info) -> None:
        self._wrapped.unlock().result()

