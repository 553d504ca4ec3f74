"""PN Counter (manual 7.4.13) against real members: the sample, every operation, replicas
converging, failing over to another replica, and lost session consistency."""
import time
import uuid

import pytest

from hazelcast.errors import ConsistencyLostError, IllegalArgumentError
from tests.integration.client_helpers import wait_until
from tests.integration.test_lock import clients, in_thread, run_manual_sample  # noqa: F401 - the fixture

# replicas exchange state every 200 ms; counters named single-replica* live on the
# oldest member only (replica-count 1)
CRDT_XML = """
<crdt-replication>
    <replication-period-millis>200</replication-period-millis>
</crdt-replication>
<pn-counter name="single-replica*">
    <replica-count>1</replica-count>
</pn-counter>
"""


def _name(prefix="pn-") -> str:
    return prefix + uuid.uuid4().hex


def test_manual_sample_runs_as_written(clients):
    [client] = clients()
    client.get_pn_counter("pn-counter").destroy()
    printed = run_manual_sample("### 7.4.13. Using PN Counter", "### 7.4.14.", client)
    assert printed.split() == ["0", "5", "4", "4", "5"]


def test_every_operation(clients):
    [client] = clients()
    counter = client.get_pn_counter(_name()).blocking()
    assert counter.get() == 0
    assert counter.get_and_add(10) == 0
    assert counter.add_and_get(-3) == 7
    assert counter.get_and_subtract(2) == 7
    assert counter.subtract_and_get(-1) == 6
    assert counter.get_and_increment() == 6
    assert counter.increment_and_get() == 8
    assert counter.get_and_decrement() == 8
    assert counter.decrement_and_get() == 6
    assert counter.reset() is None  # local: forgets the observed clock, not the value
    assert counter.get() == 6
    future = client.get_pn_counter(counter.name).add_and_get(4)
    assert future.result() == 10


def test_bad_arguments_get_typed_errors_naming_them(clients):
    [client] = clients()
    counter = client.get_pn_counter(_name())
    for call, words in [(lambda: counter.add_and_get(1.0), "add_and_get: delta must be"),
                        (lambda: counter.get_and_add("1"), "get_and_add: delta"),
                        (lambda: counter.subtract_and_get(-2 ** 63), "subtract_and_get: delta"),
                        (lambda: counter.get_and_subtract(None), "get_and_subtract: delta")]:
        with pytest.raises(IllegalArgumentError, match=words):
            call()
    assert counter.get().result() == 0


def test_updates_through_different_replicas_converge(cluster_factory, clients):
    members = cluster_factory(3, structures=CRDT_XML)
    users = clients(3, cluster_=members)
    name = _name()

    def add(client):
        counter = client.get_pn_counter(name)
        for _ in range(50):
            counter.increment_and_get().result()

    for join in [in_thread(add, client) for client in users]:
        join(60)
    # each client reads its own writes at once, and sees everyone's once the replicas converge
    for client in users:
        counter = client.get_pn_counter(name).blocking()
        assert counter.get() >= 50
        wait_until(lambda counter=counter: counter.get() == 150, timeout=20, message="150 on every replica")
    # so do new clients, on whichever replica they pick
    for late in clients(3, cluster_=members):
        late_counter = late.get_pn_counter(name).blocking()
        # a replica none of the writers used may still be catching up: it converges too
        wait_until(lambda late_counter=late_counter: late_counter.get() == 150, timeout=20,
                   message="150 for a new client")


def _counter_on(client, target_address, prefix):
    """A PN counter proxy of a new name whose replica is ``target_address`` (the proxy
    picks one at random on its first call)."""
    for _ in range(64):
        counter = client.get_pn_counter(_name(prefix))
        counter.get().result()
        if (counter._target.address.host, counter._target.address.port) == target_address:
            return counter
    raise AssertionError("no PN counter chose %s:%d in 64 tries" % target_address)


def test_losing_a_replica_fails_over_or_reports_lost_consistency(cluster_factory, clients):
    members = cluster_factory(2, structures=CRDT_XML)
    oldest = members.members[0]
    [client] = clients(cluster_=members, **{"hazelcast.client.invocation.timeout.seconds": 3})
    replicated = _counter_on(client, oldest.address, "pn-")
    assert replicated.add_and_get(10).result() == 10
    single = client.get_pn_counter(_name("single-replica-"))
    assert single.add_and_get(5).result() == 5
    time.sleep(1)  # replicated's state reaches the other member

    oldest.terminate()
    # the replica this client used is gone: the next call goes to the other one
    assert replicated.add_and_get(1).result(timeout=30) == 11
    assert replicated.get().result() == 11

    wait_until(lambda: len(client.cluster.get_member_list()) == 1, timeout=30,
               message="the client to see the member leave")
    # the only replica of `single` is gone, and the new one has not seen its 5
    with pytest.raises(ConsistencyLostError, match="reset()"):
        single.get().result(timeout=30)
    single.reset()
    assert single.get().result() == 0
    assert single.add_and_get(2).result() == 2
