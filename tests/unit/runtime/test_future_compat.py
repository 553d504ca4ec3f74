"""hazelcast.future as code written for 3.12.3 uses it."""
import pytest

from hazelcast.future import (Future, ImmediateExceptionFuture, ImmediateFuture, combine_futures,
                              make_blocking)


def test_immediate_futures_are_done_futures():
    assert ImmediateFuture(5).result() == 5 and ImmediateFuture(5).is_success()
    failed = ImmediateExceptionFuture(KeyError("k"))
    assert failed.done() and not failed.is_success()
    with pytest.raises(KeyError):
        failed.result()


def test_traceback_of_a_failed_future():
    try:
        raise ValueError("boom")
    except ValueError as e:
        error = e
    future = Future()
    assert future.traceback() is None
    future.set_exception(error)
    assert future.traceback() is error.__traceback__
    assert ImmediateFuture(1).traceback() is None


def test_combine_futures_takes_the_futures_as_arguments_or_one_iterable():
    assert combine_futures(ImmediateFuture(1), ImmediateFuture(2)).result() == [1, 2]  # 3.12.3's form
    assert combine_futures([ImmediateFuture(1), ImmediateFuture(2)]).result() == [1, 2]
    assert combine_futures(ImmediateFuture(1)).result() == [1]
    assert combine_futures().result() == []


def test_combine_futures_refuses_what_is_not_a_future_at_once():
    # before: an AttributeError from inside combine_futures
    with pytest.raises(TypeError, match="combine_futures takes Futures, or one iterable of them"):
        combine_futures(ImmediateFuture(1), 2)


def test_continue_with_by_3_12_3_keyword():
    assert ImmediateFuture(2).continue_with(continuation_func=lambda f: f.result() * 3).result() == 6
    assert ImmediateFuture(2).continue_with(lambda f, k: f.result() * k, 4).result() == 8


def test_make_blocking_is_the_blocking_view():
    class Proxyish:
        def blocking(self):
            return "blocking view"

    assert make_blocking(Proxyish()) == "blocking view"
