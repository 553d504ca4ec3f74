"""CountDownLatch against real members, and waits longer than the invocation timeout."""
import threading
import time
import uuid

import pytest

from hazelcast.errors import IllegalArgumentError
from tests.integration.test_lock import clients, in_thread  # noqa: F401 - the fixture


def _name() -> str:
    return "latch-" + uuid.uuid4().hex


def test_count_is_set_once_and_counted_down_to_zero(clients):
    first, second = clients(2)
    name = _name()
    latch, other = first.get_count_down_latch(name).blocking(), second.get_count_down_latch(name).blocking()
    assert latch.get_count() == 0
    assert latch.await_latch(0) is True  # already open
    assert latch.try_set_count(2) is True
    assert other.try_set_count(5) is False  # only while the count is zero
    assert other.get_count() == 2
    other.count_down()
    assert latch.get_count() == 1
    assert latch.await_latch(0.2) is False
    other.count_down()
    assert latch.get_count() == 0 and latch.await_(0) is True
    other.count_down()  # no effect at zero
    assert latch.get_count() == 0
    assert latch.try_set_count(1) is True  # usable again


def test_waiters_in_other_clients_are_released_by_count_down(clients):
    first, second, third = clients(3)
    name = _name()
    first.get_count_down_latch(name).blocking().try_set_count(2)
    waiters = [in_thread(client.get_count_down_latch(name).blocking().await_latch, 30)
               for client in (second, third)]
    time.sleep(0.3)
    started = time.monotonic()
    latch = first.get_count_down_latch(name)
    latch.count_down().result()
    latch.count_down().result()
    assert [join(10) for join in waiters] == [True, True]
    assert time.monotonic() - started < 5


def test_await_outlasts_the_invocation_timeout_and_times_out_on_its_own(clients):
    # hazelcast.client.invocation.timeout.seconds bounds retries, not how long a member
    # may take to answer: a 4 s wait with a 2 s invocation timeout ends as the latch says
    waiting, counting = clients(2, **{"hazelcast.client.invocation.timeout.seconds": 2})
    name = _name()
    latch = waiting.get_count_down_latch(name)
    latch.try_set_count(1).result()

    started = time.monotonic()
    assert latch.await_latch(3).result(timeout=30) is False
    assert 2.8 < time.monotonic() - started < 10

    threading.Timer(4, lambda: counting.get_count_down_latch(name).count_down().result()).start()
    started = time.monotonic()
    opened = latch.await_latch()  # None: as long as it takes
    # meanwhile the same client answers other calls at once: the wait holds no client thread
    assert latch.get_count().result(timeout=5) == 1
    assert opened.result(timeout=30) is True
    assert 3.5 < time.monotonic() - started < 15


def test_bad_arguments_get_typed_errors_naming_them(clients):
    [client] = clients()
    latch = client.get_count_down_latch(_name())
    for call, words in [(lambda: latch.try_set_count(-1), "try_set_count: count"),
                        (lambda: latch.try_set_count("3"), "try_set_count: count"),
                        (lambda: latch.await_latch(-3), "await_latch: timeout"),
                        (lambda: latch.await_latch("1"), "await_latch: timeout")]:
        with pytest.raises(IllegalArgumentError, match=words):
            call()
    assert latch.get_count().result() == 0
