import asyncio
import logging
import threading
import time

import pytest

from hazelcast.errors import HazelcastTimeoutError, IllegalStateError
from hazelcast.future import Future, combine_futures, completed_future, failed_future
from hazelcast.network.reactor import Reactor


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
