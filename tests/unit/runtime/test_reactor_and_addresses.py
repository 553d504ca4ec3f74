import socket
import threading
import time

import pytest

from hazelcast.errors import ConfigurationError
from hazelcast.future import Future
from hazelcast.network.address import parse_address, parse_addresses
from hazelcast.network.reactor import Reactor


@pytest.fixture
def reactor():
    r = Reactor("test-reactor")
    r.start()
    yield r
    r.shutdown()


def test_call_soon_from_many_threads_runs_every_call(reactor):
    done = Future()
    count = [0]
    total = 4 * 2000

    def bump():
        count[0] += 1
        if count[0] == total:
            done.set_result(True)

    def submit():
        for _ in range(2000):
            reactor.call_soon(bump)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert done.result(timeout=5)


def test_timers_fire_in_deadline_order_and_cancelled_ones_do_not(reactor):
    fired = []
    finished = Future()
    reactor.add_timer(0.10, lambda: fired.append("late"))
    cancelled = reactor.add_timer(0.05, lambda: fired.append("cancelled"))
    reactor.add_timer(0.02, lambda: fired.append("early"))
    reactor.add_timer(0.15, lambda: finished.set_result(True))
    cancelled.cancel()
    assert finished.result(timeout=5)
    assert fired == ["early", "late"]


def test_idle_reactor_sleeps_without_polling(reactor):
    # An idle loop in select() must use (almost) no CPU.
    thread_cpu_before = time.process_time()
    time.sleep(0.5)
    assert time.process_time() - thread_cpu_before < 0.1


def test_shutdown_joins_thread_and_closes_wakeup_sockets():
    r = Reactor("short-lived")
    r.start()
    thread = r.thread
    r.shutdown()
    assert not thread.is_alive()
    assert r._wake_reader.fileno() == -1 and r._wake_writer.fileno() == -1


def test_a_handler_error_does_not_stop_the_loop(reactor):
    left, right = socket.socketpair()
    errors = []
    later = Future()

    class Broken:
        def handle_read(self):
            raise RuntimeError("boom")

        def handle_write(self):
            pass

        def handle_error(self, error):
            errors.append(error)
            reactor.unregister(left)

    reactor.call_soon(reactor.register, left, 1, Broken())
    right.send(b"x")
    reactor.add_timer(0.1, lambda: later.set_result(True))
    assert later.result(timeout=5)
    assert [str(e) for e in errors] == ["boom"]
    left.close()
    right.close()


@pytest.mark.parametrize("text, expected", [
    ("10.0.0.1", [("10.0.0.1", 5701), ("10.0.0.1", 5702), ("10.0.0.1", 5703)]),
    ("example.com:5799", [("example.com", 5799)]),
    ("[::1]:6000", [("::1", 6000)]),
    ("[fe80::1]", [("fe80::1", 5701), ("fe80::1", 5702), ("fe80::1", 5703)]),
    ("fe80::1", [("fe80::1", 5701), ("fe80::1", 5702), ("fe80::1", 5703)]),
    ("  127.0.0.1:5701 ", [("127.0.0.1", 5701)]),
])
def test_parse_address_forms(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize("text, fragment", [
    ("host:abc", "not a number"),
    ("host:70000", "out of range"),
    ("[::1", "without ']'"),
    ("", "empty"),
    (":5701", "no host"),
    (5701, "must be a string"),
])
def test_parse_address_rejects_bad_input_with_a_clear_error(text, fragment):
    with pytest.raises(ConfigurationError, match=fragment):
        parse_address(text)


def test_empty_address_list_means_localhost_and_duplicates_are_dropped():
    assert parse_addresses([]) == [("localhost", 5701), ("localhost", 5702), ("localhost", 5703)]
    assert parse_addresses(["a:1", "a:1", "b:2"]) == [("a", 1), ("b", 2)]
