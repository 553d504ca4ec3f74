import asyncio
import concurrent.futures
import logging
import os
import threading
import time

import pytest

from hazelcast.errors import HazelcastTimeoutError, IllegalStateError
from hazelcast.future import (CancellableFuture, Future, cancellable, check_may_block,
                              combine_futures, completed_future, failed_future, is_callback_thread)
from hazelcast.network.reactor import Reactor
from hazelcast.proxy.base import BlockingProxy
from tests.unit.runtime.test_reactor_and_addresses import reactor  # noqa: F401 (a started Reactor)


def test_result_returns_value_set_later_from_another_thread():
    future = Future()
    threading.Timer(0.05, future.set_result, args=(42,)).start()
    assert future.result(timeout=5) == 42
    assert future.done()
    assert future.exception() is None


def test_result_raises_the_error_it_was_completed_with():
    future = failed_future(KeyError("missing"))
    with pytest.raises(KeyError, match="missing"):
        future.result()
    assert isinstance(future.exception(), KeyError)


def test_result_timeout_raises_a_timeout_error_that_is_also_the_builtin():
    future = Future()
    started = time.monotonic()
    with pytest.raises(HazelcastTimeoutError):
        future.result(timeout=0.1)
    assert time.monotonic() - started < 2
    with pytest.raises(TimeoutError):
        future.result(timeout=0.01)


def test_completing_twice_keeps_the_first_outcome():
    future = Future()
    assert future.set_result(1) is True
    assert future.set_result(2) is False
    assert future.set_exception(ValueError()) is False
    assert future.result() == 1


def test_each_callback_runs_exactly_once_even_if_added_after_completion():
    future = Future()
    calls = []
    future.add_done_callback(lambda f: calls.append(("before", f.result())))
    future.set_result("v")
    future.set_result("again")
    future.add_done_callback(lambda f: calls.append(("after", f.result())))
    assert calls == [("before", "v"), ("after", "v")]


def test_an_exception_in_a_callback_is_logged_not_lost_and_not_propagated(caplog):
    future = Future()
    seen = []
    future.add_done_callback(lambda f: 1 / 0)
    future.add_done_callback(lambda f: seen.append(f.result()))
    logger = logging.getLogger("HazelcastClient.Future")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.ERROR, logger="HazelcastClient.Future"):
            future.set_result(7)
    finally:
        logger.removeHandler(caplog.handler)
    assert seen == [7]
    assert any("ZeroDivisionError" in r.exc_text for r in caplog.records if r.exc_text)


def test_continue_with_passes_the_future_and_args_and_chains_returned_futures():
    future = Future()
    inner = Future()
    chained = future.continue_with(lambda f, extra: f.result() + extra, 10)
    flattened = future.continue_with(lambda f: inner)
    future.set_result(5)
    assert chained.result(timeout=1) == 15
    assert not flattened.done()
    inner.set_result("inner")
    assert flattened.result(timeout=1) == "inner"


def test_continue_with_fails_when_the_continuation_raises():
    chained = completed_future(1).continue_with(lambda f: {}["nope"])
    with pytest.raises(KeyError):
        chained.result(timeout=1)


def test_combine_futures_keeps_order_and_fails_on_first_error():
    a, b = Future(), Future()
    combined = combine_futures([a, b])
    b.set_result("b")
    a.set_result("a")
    assert combined.result(timeout=1) == ["a", "b"]
    failing = combine_futures([Future(), failed_future(ValueError("x"))])
    with pytest.raises(ValueError):
        failing.result(timeout=1)
    assert combine_futures([]).result() == []


def test_future_is_awaitable_from_asyncio():
    async def main():
        future = Future()
        threading.Timer(0.05, future.set_result, args=("async",)).start()
        value = await future
        failing = Future()
        threading.Timer(0.05, failing.set_exception, args=(ValueError("bad"),)).start()
        with pytest.raises(ValueError):
            await failing
        return value, await completed_future(3)

    assert asyncio.run(main()) == ("async", 3)


def test_blocking_result_on_the_io_thread_raises_instead_of_deadlocking():
    reactor = Reactor("test-reactor")
    reactor.start()
    try:
        outcome = Future()
        pending = Future()

        def on_reactor():
            try:
                pending.result()
            except IllegalStateError as e:
                outcome.set_result(str(e))

        reactor.call_soon(on_reactor)
        assert "deadlock" in outcome.result(timeout=5)
    finally:
        reactor.shutdown()


def on_io_thread(reactor, function, *args):
    """Run ``function(*args)`` on the reactor thread; what it returned (or raised)."""
    outcome = Future()

    def run():
        try:
            outcome.set_result(function(*args))
        except BaseException as e:
            outcome.set_exception(e)

    reactor.call_soon(run)
    return outcome.result(timeout=5)


def test_done_callbacks_of_an_io_completion_run_on_the_callback_thread_in_order(reactor):
    future = Future()
    seen = []
    finished = threading.Event()
    future.add_done_callback(lambda f: seen.append(("first", threading.current_thread().name)))
    future.add_done_callback(lambda f: seen.append(("second", is_callback_thread())))
    future.add_done_callback(lambda f: finished.set())
    on_io_thread(reactor, future.set_result, 1)
    assert finished.wait(5)
    assert seen == [("first", "hz.callbacks"), ("second", True)]


def test_a_sleeping_done_callback_does_not_hold_up_the_io_thread(reactor):
    future = Future()
    started, release = threading.Event(), threading.Event()
    future.add_done_callback(lambda f: (started.set(), release.wait(5)))
    try:
        reactor.call_soon(future.set_result, 1)
        assert started.wait(5)
        began = time.monotonic()
        assert on_io_thread(reactor, lambda: "the I/O thread is free") == "the I/O thread is free"
        assert time.monotonic() - began < 1
    finally:
        release.set()


def test_callbacks_of_one_future_keep_order_and_futures_keep_completion_order(reactor):
    futures = [Future() for _ in range(50)]
    seen = []
    for i, future in enumerate(futures):
        future.add_done_callback(lambda f, i=i: seen.append((i, "a")))
        future.add_done_callback(lambda f, i=i: seen.append((i, "b")))
    finished = threading.Event()
    futures[-1].add_done_callback(lambda f: finished.set())

    def complete_all():
        for future in futures:
            future.set_result(None)

    on_io_thread(reactor, complete_all)
    assert finished.wait(5)
    assert seen == [(i, tag) for i in range(50) for tag in ("a", "b")]


def test_inline_callbacks_and_continuations_run_on_the_completing_io_thread(reactor):
    future = Future()
    threads = []
    future.add_inline_callback(lambda f: threads.append(reactor.is_reactor_thread()))
    chained = future.continue_with(lambda f: reactor.is_reactor_thread())
    on_io_thread(reactor, future.set_result, 1)
    assert threads == [True]
    assert chained.result(timeout=5) is True


def test_callbacks_of_a_future_completed_elsewhere_run_on_that_thread():
    future = Future()
    seen = []
    future.add_done_callback(lambda f: seen.append(threading.current_thread()))
    future.set_result(1)
    completed_future(2).add_done_callback(lambda f: seen.append(threading.current_thread()))
    assert seen == [threading.current_thread()] * 2


def test_a_callback_added_on_the_io_thread_to_a_done_future_runs_on_the_callback_thread(reactor):
    ran_on = Future()
    done = completed_future(1)
    on_io_thread(reactor, done.add_done_callback, lambda f: ran_on.set_result(is_callback_thread()))
    assert ran_on.result(timeout=5) is True


def test_a_done_callback_may_block_on_another_future_the_io_thread_completes(reactor):
    first, second = Future(), Future()
    got = Future()
    first.add_done_callback(lambda f: got.set_result(second.result(timeout=5)))
    on_io_thread(reactor, first.set_result, 1)
    reactor.add_timer(0.05, lambda: second.set_result("second"))
    assert got.result(timeout=5) == "second"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_gets_a_callback_thread_of_its_own(reactor):
    started, ran = Future(), threading.Event()
    started.add_done_callback(lambda f: ran.set())
    on_io_thread(reactor, started.set_result, 1)
    assert ran.wait(5)  # the parent's callback thread runs now
    pid = os.fork()
    if pid == 0:  # the child: only this thread survived the fork
        code = 1
        try:
            child_reactor = Reactor("child-reactor")
            child_reactor.start()
            future, in_child = Future(), threading.Event()
            future.add_done_callback(lambda f: in_child.set())
            child_reactor.call_soon(future.set_result, 1)
            code = 0 if in_child.wait(5) else 1
            child_reactor.shutdown()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_check_may_block_refuses_only_on_the_io_thread(reactor):
    check_may_block("a blocking call")  # a user thread may block
    with pytest.raises(IllegalStateError, match="nothing was sent"):
        on_io_thread(reactor, check_may_block, "Lock.lock()")


class _RecordingProxy:
    """Stands in for a proxy: BlockingProxy only needs a name and methods to wrap."""

    name = "recorded"
    service_name = "test"

    def __init__(self):
        self.calls = []

    def lock(self):
        self.calls.append("lock")
        return completed_future(None)


def test_a_blocking_view_refuses_on_the_io_thread_before_calling_the_proxy(reactor):
    proxy = _RecordingProxy()
    view = BlockingProxy(proxy)
    with pytest.raises(IllegalStateError, match="I/O thread"):
        on_io_thread(reactor, view.lock)
    assert proxy.calls == []  # nothing was sent
    assert view.lock() is None and proxy.calls == ["lock"]


# --- cancellation -------------------------------------------------------------------


def test_a_plain_future_cannot_be_cancelled():
    future = Future()
    assert future.cancel() is False
    assert not future.cancelled() and not future.done()
    future.set_result(1)
    assert future.result() == 1


def test_a_cancelled_future_is_done_and_raises_the_concurrent_futures_cancelled_error():
    future = CancellableFuture()
    seen = []
    future.add_done_callback(lambda f: seen.append(f.cancelled()))
    assert future.cancel() is True
    assert future.cancel() is True  # already cancelled
    assert future.cancelled() and future.done() and not future.is_success()
    assert seen == [True]
    assert future.set_result("late") is False
    with pytest.raises(concurrent.futures.CancelledError):
        future.result()
    with pytest.raises(concurrent.futures.CancelledError):
        future.exception()
    assert "cancelled" in repr(future)


def test_cancel_wakes_a_thread_waiting_for_the_result():
    future = CancellableFuture()
    threading.Timer(0.05, future.cancel).start()
    with pytest.raises(concurrent.futures.CancelledError):
        future.result(timeout=5)


def test_a_done_future_cannot_be_cancelled():
    future = CancellableFuture()
    future.set_result(1)
    assert future.cancel() is False
    assert not future.cancelled() and future.result() == 1


def test_cancellable_undoes_a_success_that_comes_after_the_cancel():
    undone = []
    inner = Future()
    outer = cancellable(inner, undone.append)
    assert outer.cancel() is True
    inner.set_result("granted")
    assert undone == ["granted"]

    inner, failing = Future(), Future()
    kept = cancellable(inner, undone.append)
    inner.set_result("kept")
    assert kept.result() == "kept"
    cancelled_failure = cancellable(failing, undone.append)
    cancelled_failure.cancel()
    failing.set_exception(ValueError("no"))
    assert undone == ["granted"]  # a value someone got, or a failure: nothing to undo


def test_cancellation_passes_through_map_and_combine():
    source = CancellableFuture()
    mapped = source._map(lambda value: value + 1)
    combined = combine_futures([source, Future()])
    source.cancel()
    assert mapped.cancelled() and combined.cancelled()


def test_awaiting_a_cancelled_future_raises_the_asyncio_cancelled_error():
    async def main():
        future = CancellableFuture()
        asyncio.get_running_loop().call_later(0.05, future.cancel)
        with pytest.raises(asyncio.CancelledError):
            await future
        with pytest.raises(asyncio.CancelledError):
            await future  # already done

    asyncio.run(main())


def test_a_timed_out_await_cancels_a_cancellable_future_and_leaves_a_plain_one_running():
    async def main():
        cancellable_one, plain = CancellableFuture(), Future()
        for future in (cancellable_one, plain):
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(future, 0.05)
        return cancellable_one, plain

    cancellable_one, plain = asyncio.run(main())
    assert cancellable_one.cancelled()
    assert not plain.done()
    plain.set_result("still usable")
    assert plain.result() == "still usable"


def test_awaiting_a_future_completed_on_the_io_thread(reactor):
    async def main():
        future = Future()
        reactor.add_timer(0.05, lambda: future.set_result("from I/O"))
        return await future

    assert asyncio.run(main()) == "from I/O"
