"""Semaphore (manual 7.4.11) against real members."""
import time
import uuid

import pytest

from hazelcast.errors import IllegalArgumentError
from tests.integration.test_lock import clients, in_thread, run_manual_sample  # noqa: F401 - the fixture


def _name() -> str:
    return "semaphore-" + uuid.uuid4().hex


def test_manual_sample_runs_as_written(clients):
    [client] = clients()
    client.get_semaphore("my-distributed-semaphore").destroy()  # the sample inits 10 permits
    printed = run_manual_sample("### 7.4.11. Using Semaphore", "### 7.4.12.", client)
    assert printed == "5\n"


def test_permits_are_counted_across_clients(clients):
    first, second = clients(2)
    name = _name()
    mine, theirs = first.get_semaphore(name).blocking(), second.get_semaphore(name).blocking()
    assert mine.init(3) is True
    assert theirs.init(10) is False  # only while there are no permits
    assert theirs.available_permits() == 3
    mine.acquire(2)
    assert theirs.try_acquire(2) is False
    assert theirs.try_acquire() is True
    assert mine.available_permits() == 0
    theirs.release(3)  # permits are not owned: anyone may release
    assert mine.available_permits() == 3
    assert mine.drain_permits() == 3 and mine.available_permits() == 0
    mine.increase_permits(5)
    mine.reduce_permits(2)
    assert theirs.available_permits() == 3


def test_acquire_waits_until_another_client_releases(clients):
    first, second = clients(2)
    name = _name()
    first.get_semaphore(name).blocking().init(1)
    holder = first.get_semaphore(name).blocking()
    holder.acquire()

    waiter = second.get_semaphore(name).blocking()
    started = time.monotonic()
    assert waiter.try_acquire(1, timeout=0.3) is False
    assert 0.25 < time.monotonic() - started < 5

    pending = in_thread(waiter.acquire)
    time.sleep(0.5)
    holder.release()
    assert pending(10) is None
    assert waiter.available_permits() == 0
    waiter.release()


def test_permits_of_a_client_that_shuts_down_come_back(cluster_factory, clients):
    members = cluster_factory(1, properties={"hazelcast.client.endpoint.remove.delay.seconds": "1"})
    leaving, staying = clients(2, cluster_=members)
    name = _name()
    leaving_semaphore = leaving.get_semaphore(name).blocking()
    leaving_semaphore.init(2)
    leaving_semaphore.acquire(2)
    semaphore = staying.get_semaphore(name).blocking()
    assert semaphore.available_permits() == 0
    leaving.shutdown()
    assert semaphore.try_acquire(2, timeout=20) is True


def test_bad_arguments_get_typed_errors_naming_them(clients):
    [client] = clients()
    semaphore = client.get_semaphore(_name())
    for call, words in [(lambda: semaphore.init(-1), "init: permits must be an int from 0 to 2147483647, got -1"),
                        (lambda: semaphore.acquire(1.5), "acquire: permits"),
                        (lambda: semaphore.release(None), "release: permits"),
                        (lambda: semaphore.try_acquire(1, timeout=-2), "try_acquire: timeout"),
                        (lambda: semaphore.reduce_permits(-1), "reduce_permits: reduction"),
                        (lambda: semaphore.increase_permits(2 ** 31), "increase_permits: increase")]:
        with pytest.raises(IllegalArgumentError, match=words):
            call()
    assert semaphore.available_permits().result() == 0
