"""The client's listener threads (EVENT_THREAD_COUNT, EVENT_QUEUE_CAPACITY): the events of
one key (partition) run in order on one thread, other keys run in parallel, and a full
queue drops with a warning instead of growing without bound."""
import logging
import threading

import pytest

import hazelcast
from hazelcast.config import ClientConfig, ClientProperties
from hazelcast.errors import ConfigurationError
from hazelcast.util.worker import StripedWorker


@pytest.fixture
def workers():
    made = []

    def make(thread_count, capacity=1000):
        worker = StripedWorker("hz.test.event", thread_count, capacity)
        worker.start()
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.shutdown()


def test_one_key_runs_in_order_on_one_thread(workers):
    worker = workers(4)
    seen = []
    for i in range(200):
        worker.submit_keyed(7, lambda i=i: seen.append((i, threading.current_thread().name)))
    worker.call_and_wait(lambda: None)
    done = threading.Event()
    worker.submit_keyed(7, done.set)
    assert done.wait(5)
    assert [i for i, _ in seen] == list(range(200))
    assert len({name for _, name in seen}) == 1


def test_a_blocked_key_does_not_hold_up_another_key(workers):
    worker = workers(2)
    gate, other_ran = threading.Event(), threading.Event()
    worker.submit_keyed(0, gate.wait, 5)
    worker.submit_keyed(1, other_ran.set)
    assert other_ran.wait(2), "key 1 waited for key 0's slow listener"
    gate.set()


@pytest.mark.parametrize("key", [StripedWorker.UNKEYED, 18])
def test_call_and_wait_runs_in_order_with_the_calls_of_its_key(workers, key):
    worker = workers(3)
    order = []
    gate = threading.Event()
    worker.submit_keyed(key, gate.wait, 5)
    worker.submit_keyed(key, order.append, "event")
    threading.Timer(0.2, gate.set).start()
    worker.call_and_wait(lambda: order.append("fire existing"), key)
    assert order == ["event", "fire existing"]


def test_a_full_queue_drops_with_a_warning(workers, caplog):
    worker = workers(2, capacity=4)  # 2 waiting calls per thread
    gate = threading.Event()
    ran = []
    worker.submit_keyed(0, gate.wait, 5)  # taken off the queue by the thread, which then blocks
    caplog.set_level(logging.WARNING, logger="HazelcastClient.EventWorker")
    threading.Event().wait(0.2)
    for i in range(3):
        worker.submit_keyed(0, ran.append, i)
    assert "event dropped (1 dropped so far" in caplog.text
    gate.set()
    worker.worker_for(0).call_and_wait(lambda: None)  # after what was queued
    assert ran == [0, 1]


@pytest.mark.parametrize("prop", [ClientProperties.EVENT_THREAD_COUNT, ClientProperties.EVENT_QUEUE_CAPACITY])
def test_a_bad_property_fails_before_connecting(prop):
    config = ClientConfig()
    config.set_property(prop.name, 0)
    with pytest.raises(ConfigurationError, match="%s must be an int >= 1, got 0" % prop.name.replace(".", r"\.")):
        hazelcast.HazelcastClient(config)
