"""Lock (manual 7.4.9) against real members: the sample, mutual exclusion between clients,
per-thread ownership, leases, waits that outlast the invocation timeout, locks of a client
that goes away, and a 3.6 member (no reference ids in its protocol)."""
import contextlib
import io
import os
import runpy
import textwrap
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import (HazelcastError, IllegalArgumentError, IllegalMonitorStateError,
                              UnsupportedOperationError)
from tests.integration.client_helpers import client_config
from tests.support import manual
from tests.support.cluster import jar_path


@pytest.fixture
def clients(cluster):
    """``clients(n, **properties)``: n fresh clients of the session member, shut down after."""
    made = []

    def make(count=1, cluster_=None, **properties):
        for _ in range(count):
            config = client_config(cluster_ or cluster)
            for name, value in properties.items():
                config.set_property(name, value)
            made.append(hazelcast.HazelcastClient(config))
        return made[-count:]

    yield make
    for client in made:
        client.shutdown()


def _name() -> str:
    return "lock-" + uuid.uuid4().hex


def run_manual_sample(heading: str, next_heading: str, client) -> str:
    """Run the one code sample of a manual section as written, with ``client`` defined;
    returns what it printed."""
    [sample] = manual.python_blocks(heading, next_heading)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(textwrap.dedent(sample), "<manual %s>" % heading, "exec"), {"client": client})
    return out.getvalue()


def in_thread(function, *args):
    """Run ``function`` in another thread; returns a callable that joins and gives its result."""
    box = {}

    def run():
        try:
            box["value"] = function(*args)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def join(timeout=30):
        thread.join(timeout)
        assert not thread.is_alive(), "the other thread is still running"
        if "error" in box:
            raise box["error"]
        return box["value"]

    return join


def _hold(lock, seconds):
    """Take ``lock`` (a blocking view) in another thread and release it there after
    ``seconds`` (ownership is per thread); returns once it is held, with the join."""
    held = threading.Event()

    def hold():
        lock.lock()
        held.set()
        time.sleep(seconds)
        lock.unlock()

    join = in_thread(hold)
    assert held.wait(10), "the holder thread did not get the lock"
    return join


def test_manual_sample_runs_as_written(clients):
    [client] = clients()
    assert run_manual_sample("### 7.4.9. Using Lock", "### 7.4.10.", client) == ""
    lock = client.get_lock("my-distributed-lock").blocking()
    assert not lock.is_locked()


def run_example(file_name: str, client) -> str:
    """Run ``main(client)`` of examples/<file_name>; returns what it printed."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", file_name)
    main = runpy.run_path(path)["main"]  # not as __main__: it does not connect by itself
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(client)
    return out.getvalue()


def test_lock_example(clients):
    [client] = clients()
    client.get_map("counts").blocking().remove("visits")
    assert run_example("lock_example.py", client).splitlines() == [
        "visits: 200", "locked for 10 more seconds at most"]


def test_two_clients_with_threads_keep_1000_increments_mutually_exclusive(clients):
    first, second = clients(2)
    lock_name, map_name = _name(), "counter-" + uuid.uuid4().hex
    first.get_map(map_name).blocking().put("count", 0)
    per_thread = 250

    def work(client):
        lock = client.get_lock(lock_name).blocking()
        counter = client.get_map(map_name).blocking()
        for _ in range(per_thread):
            with lock:
                counter.put("count", counter.get("count") + 1)

    joins = [in_thread(work, client) for client in (first, second, first, second)]
    for join in joins:
        join(120)
    assert second.get_map(map_name).blocking().get("count") == 4 * per_thread
    assert not first.get_lock(lock_name).blocking().is_locked()


def test_ownership_is_per_thread_and_reentrant(clients):
    [client] = clients()
    lock = client.get_lock(_name()).blocking()
    lock.lock()
    lock.lock()
    assert lock.is_locked_by_current_thread()
    assert lock.get_lock_count() == 2
    assert lock.get_remaining_lease_time() > 10 ** 12  # milliseconds: Java's "forever"

    assert in_thread(lock.is_locked_by_current_thread)() is False
    assert in_thread(lock.try_lock)() is False
    with pytest.raises(IllegalMonitorStateError):
        in_thread(lock.unlock)()

    lock.unlock()
    assert lock.is_locked() and lock.get_lock_count() == 1
    lock.unlock()
    assert not lock.is_locked()
    assert lock.get_remaining_lease_time() == -1
    with pytest.raises(IllegalMonitorStateError):
        lock.unlock()

    lock.lock()
    in_thread(lock.force_unlock)()  # whoever holds it
    assert not lock.is_locked()


def test_context_manager_on_both_views_and_futures(clients):
    [client] = clients()
    proxy = client.get_lock(_name())
    with proxy:
        assert proxy.is_locked_by_current_thread().result()
    assert not proxy.is_locked().result()
    with proxy.blocking() as lock:
        assert lock.is_locked_by_current_thread()
    assert proxy.try_lock().result() is True
    assert proxy.unlock().result() is None


def test_try_lock_waits_for_the_holder_and_times_out(clients):
    first, second = clients(2)
    name = _name()
    waiter = second.get_lock(name).blocking()
    holder = _hold(first.get_lock(name).blocking(), 1.0)
    started = time.monotonic()
    assert waiter.try_lock(timeout=0.3) is False
    assert 0.25 < time.monotonic() - started < 1.0
    assert waiter.try_lock(timeout=10) is True
    assert time.monotonic() - started < 6
    holder()
    assert waiter.is_locked_by_current_thread()
    waiter.unlock()


def test_lease_expires_and_frees_the_lock(clients):
    first, second = clients(2)
    name = _name()
    holder = first.get_lock(name).blocking()
    holder.lock(lease_time=1)
    remaining = holder.get_remaining_lease_time()
    assert isinstance(remaining, int) and 0 < remaining <= 1000  # milliseconds, as in 3.12.3
    started = time.monotonic()
    assert second.get_lock(name).blocking().try_lock(timeout=10, lease_time=5) is True
    assert 0.5 < time.monotonic() - started < 5
    assert not holder.is_locked_by_current_thread()
    with pytest.raises(IllegalMonitorStateError):
        holder.unlock()


def test_a_wait_longer_than_the_invocation_timeout_is_not_cut_short(clients):
    holder_client, waiter_client = clients(2, **{"hazelcast.client.invocation.timeout.seconds": 2})
    name = _name()
    holder = _hold(holder_client.get_lock(name).blocking(), 4)
    started = time.monotonic()
    waiter = waiter_client.get_lock(name)
    waiter.lock().result(timeout=30)
    assert time.monotonic() - started > 3.5
    holder()
    # while the wait went on, the same client kept working (the I/O thread was free)
    assert waiter.is_locked_by_current_thread().result() is True
    waiter.unlock().result()


def test_waiting_does_not_hold_the_client(clients):
    [client] = clients()
    name = _name()
    lock = client.get_lock(name)
    lock.lock().result()
    pending = in_thread(lambda: client.get_lock(name).blocking().lock())
    time.sleep(0.3)
    assert client.get_atomic_long(_name()).increment_and_get().result(timeout=5) == 1
    lock.unlock().result()
    pending()  # the other thread got it
    assert client.get_lock(name).blocking().is_locked()
    client.get_lock(name).blocking().force_unlock()


def test_locks_of_a_client_that_shuts_down_are_released(cluster_factory, clients):
    # the member releases a departed client's locks after its client clean-up delay
    # ("hazelcast.client.endpoint.remove.delay.seconds", 60 s by default on 3.12): shortened here
    members = cluster_factory(1, properties={"hazelcast.client.endpoint.remove.delay.seconds": "1"})
    leaving, staying = clients(2, cluster_=members)
    name = _name()
    leaving.get_lock(name).blocking().lock()
    lock = staying.get_lock(name).blocking()
    assert lock.try_lock() is False
    leaving.shutdown()
    started = time.monotonic()
    assert lock.try_lock(timeout=20) is True
    assert time.monotonic() - started < 20
    lock.unlock()


def test_bad_arguments_get_typed_errors_naming_them(clients):
    [client] = clients()
    lock = client.get_lock(_name())
    for call, words in [(lambda: lock.lock(lease_time=0), "lease_time"),
                        (lambda: lock.lock(lease_time="1"), "lease_time"),
                        (lambda: lock.try_lock(timeout=-5), "timeout"),
                        (lambda: lock.try_lock(timeout=True), "timeout"),
                        (lambda: lock.try_lock(1, lease_time=-3), "lease_time")]:
        with pytest.raises(IllegalArgumentError, match=words) as info:
            call()
        assert "seconds" in str(info.value)
    assert not lock.is_locked().result()


OLD_VERSION = "3.6.8"


@pytest.mark.skipif(not os.path.isfile(jar_path(OLD_VERSION)), reason="no %s member jar" % OLD_VERSION)
def test_a_3_6_member_locks_and_newer_structures_say_what_they_need(cluster_factory, clients):
    members = cluster_factory(1, version=OLD_VERSION)
    [client] = clients(cluster_=members)
    lock = client.get_lock(_name()).blocking()
    with lock:
        assert lock.get_lock_count() == 1
    assert lock.try_lock(timeout=1, lease_time=5) and lock.get_lock_count() == 1
    lock.unlock()
    lock.lock()
    lock.force_unlock()
    assert not lock.is_locked()

    with pytest.raises(UnsupportedOperationError, match="increase_permits") as info:
        client.get_semaphore(_name()).increase_permits(1)
    assert "3.10 or newer" in str(info.value) and "3.6" in str(info.value)
    # a 3.6 member has no FlakeIdGenerator service at all: it refuses the proxy itself
    with pytest.raises(HazelcastError, match="flakeIdGeneratorService"):
        client.get_flake_id_generator(_name())
