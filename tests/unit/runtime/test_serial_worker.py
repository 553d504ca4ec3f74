"""SerialWorker.call_and_wait: what ClusterService.add_listener(fire_for_existing=True) uses to
have run member_added for the current members, in order with later events, before it returns."""
import threading
import time

from hazelcast.util.worker import SerialWorker


def test_call_and_wait_runs_after_what_was_submitted_and_returns_once_it_ran():
    worker = SerialWorker("test-worker")
    worker.start()
    try:
        order = []
        worker.submit(lambda: (time.sleep(0.2), order.append("earlier event")))
        worker.call_and_wait(lambda: order.append("existing members"))
        assert order == ["earlier event", "existing members"]
        ran_on = []
        worker.call_and_wait(lambda: ran_on.append(threading.current_thread()))
        assert ran_on[0] is not threading.current_thread()  # on the worker, like every listener
    finally:
        worker.shutdown()


def test_call_and_wait_from_the_worker_itself_runs_at_once():
    worker = SerialWorker("test-worker")
    worker.start()
    try:
        order = []
        done = threading.Event()

        def listener():
            worker.call_and_wait(lambda: order.append("nested"))  # would deadlock if queued
            order.append("after")
            done.set()

        worker.submit(listener)
        assert done.wait(5)
        assert order == ["nested", "after"]
    finally:
        worker.shutdown()


def test_call_and_wait_on_a_stopped_or_unstarted_worker_still_runs():
    unstarted = SerialWorker("never-started")
    ran = []
    unstarted.call_and_wait(lambda: ran.append("unstarted"))
    stopped = SerialWorker("stopped")
    stopped.start()
    stopped.shutdown()
    stopped.call_and_wait(lambda: ran.append("stopped"))
    assert ran == ["unstarted", "stopped"]
