"""Future callbacks and cancellation against a real member (docs/callbacks.md): which thread
runs callbacks, blocking calls refused on the I/O thread before anything is sent, and
cancelled waits (queue take/poll, lock, semaphore, latch) that lose no item and leave no
lock or permit held."""
import asyncio
import concurrent.futures
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalStateError
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.collections_support import client  # noqa: F401 (the module's client fixture)
from tests.support.manual import doc_python_blocks, run_blocks


@pytest.fixture(scope="module")
def other_client(cluster):
    """A second client: it tells whether a lock is free for someone else."""
    client = hazelcast.HazelcastClient(client_config(cluster))
    yield client
    client.shutdown()


def unique(prefix: str) -> str:
    return "%s-%s" % (prefix, uuid.uuid4().hex)


def test_the_docs_samples_run_and_print_what_the_docs_say(client):
    printed = run_blocks(doc_python_blocks("callbacks.md"), {"client": client}, "docs/callbacks.md")
    assert printed == "{'thread': True, 'value': 7}\n8\nNone\norder-1\n"


# --- callbacks ------------------------------------------------------------------------


def test_a_sleeping_done_callback_does_not_delay_an_unrelated_put(client):
    m = client.get_map(unique("callbacks"))
    started, finished = threading.Event(), threading.Event()

    def sleepy(_):
        started.set()
        time.sleep(2)
        finished.set()

    m.get("k").add_done_callback(sleepy)
    assert started.wait(5)
    began = time.monotonic()
    m.put("unrelated", "v").result(timeout=10)
    took = time.monotonic() - began
    assert finished.wait(5)  # leave the callback thread free for the next tests
    assert took < 1.0, "the put waited %.2f s for a sleeping callback" % took


def test_a_blocking_lock_in_a_done_callback_runs_on_the_callback_thread(client, other_client):
    name = unique("lock-in-callback")
    lock = client.get_lock(name).blocking()
    outcome = concurrent.futures.Future()

    def take_and_release(_):
        try:
            lock.lock()
            held = lock.is_locked_by_current_thread()
            lock.unlock()
            outcome.set_result((threading.current_thread().name, held))
        except BaseException as e:
            outcome.set_exception(e)

    client.get_map(unique("callbacks")).get("k").add_done_callback(take_and_release)
    assert outcome.result(timeout=10) == ("hz.callbacks", True)
    assert other_client.get_lock(name).blocking().try_lock() is True


def test_a_blocking_lock_on_the_io_thread_is_refused_before_it_is_sent(client, other_client):
    name = unique("lock-on-io-thread")
    lock = client.get_lock(name).blocking()
    # continue_with continuations run on the I/O thread, where waiting would deadlock
    chained = client.get_map(unique("callbacks")).get("k").continue_with(lambda _: lock.lock())
    with pytest.raises(IllegalStateError, match="nothing was sent"):
        chained.result(timeout=10)
    assert lock.is_locked() is False
    assert other_client.get_lock(name).blocking().try_lock() is True


def test_a_proxy_can_be_made_and_used_asynchronously_on_the_io_thread(client):
    name = unique("made-on-io-thread")
    chained = client.get_map(unique("callbacks")).get("k").continue_with(
        lambda _: client.get_map(name).put("k", "v"))  # a Future: continue_with follows it
    assert chained.result(timeout=10) is None
    assert client.get_map(name).blocking().get("k") == "v"


def test_a_transaction_begun_on_the_io_thread_is_refused_before_it_is_sent(client):
    chained = client.get_map(unique("callbacks")).get("k").continue_with(
        lambda _: client.new_transaction().begin())
    with pytest.raises(IllegalStateError, match="transaction's begin blocks.*nothing was sent"):
        chained.result(timeout=10)
    with client.new_transaction() as transaction:  # the client's thread bookkeeping is intact
        transaction.get_map(unique("txn")).put("k", "v")


# --- queue ----------------------------------------------------------------------------


def test_timed_out_awaited_takes_lose_no_item(client):
    queue = client.get_queue(unique("cancelled-takes"))

    async def main():
        for _ in range(2):
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(queue.take(), 0.3)
        await queue.offer("first")
        await queue.offer("second")
        return [await queue.poll(10), await queue.poll(10)]

    assert sorted(asyncio.run(main())) == ["first", "second"]
    assert queue.size().result() == 0


def test_timed_out_awaited_polls_with_a_timeout_lose_no_item(client):
    queue = client.get_queue(unique("cancelled-polls"))

    async def main():
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(queue.poll(60), 0.3)
        await queue.offer("item")
        return await queue.poll(10)

    assert asyncio.run(main()) == "item"


def test_a_cancelled_take_future_is_cancelled_and_the_item_stays_available(client):
    queue = client.get_queue(unique("cancel-take"))
    take = queue.take()
    time.sleep(0.2)  # the poll is waiting on the member
    assert take.cancel() is True
    assert take.cancelled()
    with pytest.raises(concurrent.futures.CancelledError):
        take.result()
    queue.offer("kept").result()
    assert queue.poll(10).result() == "kept"


def test_take_and_timed_poll_still_wait_longer_than_one_slice(client):
    from hazelcast.proxy.queue import WAIT_SLICE_MILLIS
    queue = client.get_queue(unique("slices"))
    slice_s = WAIT_SLICE_MILLIS / 1000.0
    take = queue.take()
    began = time.monotonic()
    assert queue.poll(slice_s * 1.5).result() is None
    assert time.monotonic() - began >= slice_s * 1.5 - 0.05
    time.sleep(slice_s * 0.6)
    assert not take.done()
    queue.offer("late").result()
    assert take.result(timeout=10) == "late"


def test_an_operation_that_cannot_be_undone_is_not_cancelled(client):
    queue = client.get_queue(unique("not-cancellable"))
    offered = queue.offer("x")
    assert offered.cancel() is False
    assert offered.result(timeout=10) is True
    assert queue.poll().result() == "x"


# --- lock, semaphore, latch -----------------------------------------------------------


def _hold(lock_view, release: threading.Event, held: threading.Event) -> threading.Thread:
    """Hold ``lock_view`` on a thread of its own until ``release`` is set."""
    def run():
        lock_view.lock()
        held.set()
        release.wait(30)
        lock_view.unlock()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert held.wait(10)
    return thread


@pytest.mark.parametrize("wait", ["lock", "try_lock"])
def test_a_cancelled_lock_wait_leaves_the_lock_free(client, other_client, wait):
    name = unique("cancelled-lock-" + wait)
    release, held = threading.Event(), threading.Event()
    holder = _hold(other_client.get_lock(name).blocking(), release, held)
    lock = client.get_lock(name)

    async def main():
        attempt = lock.lock() if wait == "lock" else lock.try_lock(timeout=60)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(attempt, 0.3)
        return attempt

    attempt = asyncio.run(main())
    assert attempt.cancelled()
    release.set()  # the member now grants the lock to the cancelled wait; the client gives it back
    holder.join(10)
    assert other_client.get_lock(name).blocking().try_lock(timeout=10) is True
    assert lock.is_locked_by_current_thread().result() is False


def test_a_cancelled_semaphore_acquire_gives_the_permits_back(client):
    semaphore = client.get_semaphore(unique("cancelled-acquire"))
    assert semaphore.init(0).result() is True
    acquire = semaphore.acquire(2)
    time.sleep(0.2)
    assert acquire.cancel() is True
    semaphore.release(2).result()  # the member hands them to the cancelled acquire
    wait_until(lambda: semaphore.available_permits().result() == 2, timeout=10,
               message="the permits of the cancelled acquire to come back")


def test_a_latch_wait_can_be_cancelled(client):
    latch = client.get_count_down_latch(unique("cancelled-await"))
    assert latch.try_set_count(1).result() is True
    waiting = latch.await_latch(60)
    assert waiting.cancel() is True
    latch.count_down().result()
    assert latch.get_count().result() == 0
