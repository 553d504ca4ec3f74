"""The client runtime against real members: samples, routing, failures, shutdown."""
import contextlib
import io
import os
import socket
import textwrap
import threading
import time

import pytest

import hazelcast
from hazelcast.errors import (AuthenticationError, HazelcastClientNotActiveError, HazelcastError,
                              IllegalStateError)
from tests.integration.client_helpers import client_config, wait_until
from tests.support import manual


def _run_blocks(blocks, namespace):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(textwrap.dedent(block), "<manual 1.5>", "exec"), namespace)
    return out.getvalue()


def test_manual_basic_usage_samples_run_as_written(default_port_cluster):
    blocks = manual.python_blocks("## 1.5. Basic Usage", "## 1.6. Code Samples")
    assert len(blocks) == 6, "the manual's 1.5 section changed shape"
    start, it_program, sales, callback, make_blocking, blocking_loop = blocks
    os.environ.pop("hazelcast.client.invocation.timeout.seconds", None)

    printed = _run_blocks([start], {})  # a client with the default config, then left running
    namespace = {}
    printed += _run_blocks([it_program], namespace)
    assert "Added IT personnel. Printing all known personnel" in printed
    for person in ("Alice", "Bob", "Clark"):
        assert "%s is in IT department" % person in printed

    namespace = {}
    _run_blocks([start], namespace)  # "Now, run the following code" with a connected client
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            for block in (sales, callback):
                exec(compile(textwrap.dedent(block), "<manual 1.5>", "exec"), namespace)
            # The sample sleeps 0.1 s for its callback; on a busy machine the callback
            # (on the I/O thread) may print a little later: give it a bounded while.
            wait_until(lambda: out.getvalue().count("Alice is in IT department") == 2, timeout=10,
                       message="the entry_set callback's output")
        printed = out.getvalue()
        for person in ("Denise", "Erwing", "Faith"):
            assert "%s is in Sales department" % person in printed
        assert printed.count("Alice is in IT department") == 2  # the loop and the callback
        printed = _run_blocks([make_blocking, blocking_loop], namespace)
        assert len([line for line in printed.splitlines() if " department" in line]) == 6
        assert isinstance(namespace["personnel_map"].put("Gina", "HR"), (str, type(None)))
    finally:
        namespace["client"].shutdown()


def test_context_manager_and_idempotent_shutdown(cluster):
    states = []
    config = client_config(cluster)
    config.add_lifecycle_listener(states.append)
    with hazelcast.HazelcastClient(config) as client:
        assert client.get_map("ctx").blocking().put("k", 1) is None
    client.shutdown()
    assert states == ["STARTING", "CONNECTED", "SHUTTING_DOWN", "SHUTDOWN"]
    with pytest.raises(HazelcastClientNotActiveError):
        client.get_map("ctx").get("k").result()


def test_smart_routing_sends_each_key_to_its_partition_owner(cluster_factory, client_factory):
    members = cluster_factory(3)
    client = client_factory(client_config(members))
    wait_until(lambda: len(client.connection_manager.active_connections()) == 3,
               message="connections to all 3 members")
    client.cluster.refresh_partitions().result(10)
    test_map = client.get_map("routing")
    client._heartbeat.shutdown()  # no pings or periodic table fetches among the counted frames
    connections = {c.member_address: c for c in client.connection_manager.active_connections()}
    partitions = client.partition_service
    checked = 0
    for i in range(100):
        key = "key-%d" % i
        key_data = client.serialization_service.to_data(key)
        table_version = partitions._state_version
        owner = partitions.get_partition_owner(partitions.get_partition_id(key_data))
        before = {address: c.sent_frames for address, c in connections.items()}
        test_map.put(key, i).result(10)
        if partitions._state_version != table_version:
            continue  # partitions migrated meanwhile (a 3-member cluster rebalances at first)
        grew = [address for address, c in connections.items() if c.sent_frames > before[address]]
        assert [(a.host, a.port) for a in grew] == [owner], "key %s went to %s, owner %s" % (key, grew, owner)
        checked += 1
    assert checked >= 50
    assert {owner for owner in partitions._owners.values()} == {(a.host, a.port) for a in connections}


def test_unisocket_client_opens_one_connection(cluster_factory, client_factory):
    members = cluster_factory(2)
    client = client_factory(client_config(members, smart_routing=False))
    test_map = client.get_map("uni").blocking()
    for i in range(20):
        test_map.put(i, i)
    assert test_map.size() == 20
    time.sleep(0.5)
    assert len(client.connection_manager.active_connections()) == 1


def test_wrong_group_name_fails_fast_with_authentication_error(cluster):
    config = client_config(cluster)
    config.group_config.name = "not-" + cluster.group_name
    started = time.monotonic()
    with pytest.raises(AuthenticationError) as info:
        hazelcast.HazelcastClient(config)
    assert time.monotonic() - started < 5
    assert "not-%s" % cluster.group_name in str(info.value)
    assert "credentials" in str(info.value)


def test_no_member_up_fails_after_attempt_limit_times_period_naming_addresses():
    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    config = client_config(addresses=["127.0.0.1:%d" % p for p in ports],
                           connection_attempt_limit=2, connection_attempt_period=1.0)
    started = time.monotonic()
    with pytest.raises(IllegalStateError) as info:
        hazelcast.HazelcastClient(config)
    elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 5, elapsed
    for port in ports:
        assert "127.0.0.1:%d" % port in str(info.value)


def test_shutdown_with_1000_futures_in_flight_fails_them_fast_and_leaves_nothing(cluster):
    threads_before = set(threading.enumerate())
    client = hazelcast.HazelcastClient(client_config(cluster))
    sockets = [c._sock for c in client.connection_manager.active_connections()]
    queue_map = client.get_map("shutdown-load")
    futures = [queue_map.put(i, "x" * 100) for i in range(1000)]
    started = time.monotonic()
    client.shutdown()
    for future in futures:
        future.exception(timeout=1)  # completed, one way or the other
    assert time.monotonic() - started < 1.5
    failed = [f.exception() for f in futures if f.exception() is not None]
    assert all(isinstance(e, HazelcastClientNotActiveError) for e in failed)
    wait_until(lambda: set(threading.enumerate()) <= threads_before, timeout=5,
               message="client threads to stop")
    assert all(s.fileno() == -1 for s in sockets)


def test_ten_threads_share_one_client_without_losing_results(cluster, client_factory):
    client = client_factory(client_config(cluster))
    shared = client.get_map("ten-threads").blocking()
    errors = []
    per_thread = int(os.environ.get("HZ_STRESS_OPS", "10000"))

    def work(tid):
        try:
            for i in range(per_thread):
                key = "%d-%d" % (tid, i % 50)
                shared.put(key, i)
                value = shared.get(key)
                if value != i:
                    errors.append((key, i, value))
                    return
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert shared.size() == 10 * 50


def test_owner_member_loss_fires_disconnected_then_connected_and_work_continues(cluster_factory,
                                                                              client_factory):
    members = cluster_factory(2)
    states = []
    config = client_config(members)
    config.add_lifecycle_listener(states.append)
    client = client_factory(config)
    test_map = client.get_map("owner-loss").blocking()
    test_map.put("before", 1)
    owner = client.connection_manager.owner_connection.member_address
    victim = next(m for m in members.members if m.address == (owner.host, owner.port))
    victim.terminate()
    wait_until(lambda: states[-1:] == ["CONNECTED"] and "DISCONNECTED" in states, timeout=30,
               message="DISCONNECTED then CONNECTED")
    assert states.index("DISCONNECTED") < len(states) - 1
    test_map.put("after", 2)
    assert test_map.get("after") == 2


def test_member_loss_under_load_reads_retry_and_writes_fail_typed(cluster_factory, client_factory):
    members = cluster_factory(3)
    client = client_factory(client_config(members))
    wait_until(lambda: len(client.connection_manager.active_connections()) == 3,
               message="connections to all 3 members")
    test_map = client.get_map("under-load")
    blocking = test_map.blocking()
    for i in range(100):
        blocking.put(i, i)
    removed, object_events = [], []
    client.cluster.add_listener(member_removed=removed.append)
    client.add_distributed_object_listener(object_events.append)
    stop = threading.Event()
    read_errors, write_errors, reads = [], [], [0]

    def load(tid):
        i = tid
        while not stop.is_set():
            try:
                value = blocking.get(i % 100)
                assert value in (None, i % 100) or isinstance(value, int)
                reads[0] += 1
            except Exception as e:  # noqa: BLE001
                read_errors.append(e)
            try:
                blocking.put(i % 100, i % 100)
            except HazelcastError as e:
                write_errors.append(e)
            except Exception as e:  # noqa: BLE001 - an untyped error is a defect
                write_errors.append(AssertionError("untyped %r" % e))
            i += 8

    threads = [threading.Thread(target=load, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    owner = client.connection_manager.owner_connection.member_address
    victim = next(m for m in members.members if m.address != (owner.host, owner.port))
    victim.terminate()
    wait_until(lambda: removed, timeout=30, message="member_removed event")
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join(30)
    assert read_errors == []
    assert all(isinstance(e, HazelcastError) for e in write_errors), write_errors
    assert reads[0] > 0
    assert blocking.get(5) == 5
    assert len(client.cluster.get_member_list()) == 2
    client.get_map("created-after-member-loss")  # listeners registered before the loss still fire
    wait_until(lambda: any(e.name == "created-after-member-loss" for e in object_events),
               timeout=10, message="a distributed-object event after the member loss")


def test_manual_member_and_lifecycle_listener_samples(default_port_cluster, capsys):
    member_sample, lifecycle_sample = manual.python_blocks("#### 7.5.1.1.", "### 7.5.2.")[:2]
    config = hazelcast.ClientConfig()
    namespace = {"hazelcast": hazelcast, "config": config}
    exec(compile(textwrap.dedent(lifecycle_sample), "<manual 7.5.1.2>", "exec"), namespace)
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("Lifecycle Event")] == [
        "Lifecycle Event >>> STARTING", "Lifecycle Event >>> CONNECTED",
        "Lifecycle Event >>> SHUTTING_DOWN", "Lifecycle Event >>> SHUTDOWN"]

    client = hazelcast.HazelcastClient()
    try:
        exec(compile(textwrap.dedent(member_sample), "<manual 7.5.1.1>", "exec"), {"client": client})
        joiner = default_port_cluster.add_member()
        try:
            wait_until(lambda: "Member Added: The address is" in capsys.readouterr().out, timeout=30,
                       message="the sample's member_added print")
        finally:
            joiner.shutdown()
            default_port_cluster.members.remove(joiner)
    finally:
        client.shutdown()


def test_membership_listener_fire_for_existing_and_removal(cluster_factory, client_factory):
    members = cluster_factory(2)
    client = client_factory(client_config(members))
    added, removed = [], []
    registration = client.cluster.add_listener(member_added=added.append, member_removed=removed.append,
                                               fire_for_existing=True)
    wait_until(lambda: len(added) == 2, message="member_added for both existing members")
    assert {"%s:%d" % (m.address.host, m.address.port) for m in added} == set(members.addresses)
    victim = members.members[1]
    victim.shutdown()
    wait_until(lambda: removed, timeout=30, message="member_removed")
    assert (removed[0].address.host, removed[0].address.port) == victim.address
    assert client.cluster.remove_listener(registration) is True


def test_distributed_objects_and_their_listener(cluster, client_factory):
    client = client_factory(client_config(cluster))
    events = []
    registration = client.add_distributed_object_listener(events.append)  # the id, as in 3.12.3
    assert isinstance(registration, str)
    created = client.get_map("dobj-listener-map")
    wait_until(lambda: any(e.name == "dobj-listener-map" and e.event_type == "CREATED" for e in events),
               message="CREATED event")
    names = {(p.name, p.service_name) for p in client.get_distributed_objects()}
    assert ("dobj-listener-map", "hz:impl:mapService") in names
    created.destroy()
    wait_until(lambda: any(e.event_type == "DESTROYED" for e in events), message="DESTROYED event")
    assert client.remove_distributed_object_listener(registration) is True


def test_default_logging_and_level_100_silences_it(default_port_cluster, capfd):
    client = hazelcast.HazelcastClient()
    client.shutdown()
    err = capfd.readouterr().err
    assert "HazelcastClient.LifecycleService\nINFO: [%s] [dev] [%s] HazelcastClient is STARTING" % (
        hazelcast.CLIENT_VERSION, client.name) in err
    assert "Client shutdown." in err
    config = hazelcast.ClientConfig()
    config.logger_config.level = 100
    quiet = hazelcast.HazelcastClient(config)
    quiet.shutdown()
    assert capfd.readouterr().err == ""


def test_a_request_for_a_member_that_left_fails_fast_instead_of_retrying(cluster_factory, client_factory):
    from hazelcast.protocol.codec import map_size_codec
    members = cluster_factory(2)
    client = client_factory(client_config(members))
    owner = client.connection_manager.owner_connection.member_address
    victim = next(m for m in members.members if m.address != (owner.host, owner.port))
    removed = []
    client.cluster.add_listener(member_removed=removed.append)
    victim.terminate()
    wait_until(lambda: removed, timeout=30, message="member_removed")
    started = time.monotonic()
    future = client.invocation_service.invoke_on_target(map_size_codec.encode_request("m"), victim.address)
    with pytest.raises(HazelcastError):
        future.result(timeout=30)
    assert time.monotonic() - started < 5  # not the 120 s invocation timeout
