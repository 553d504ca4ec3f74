"""An application written for hazelcast-python-client 3.12.3 runs unchanged on this client.

``run_application`` below is written the way a 3.12.3 user wrote it: its import paths,
keyword names, argument orders, enum spellings, units and result shapes (nothing in it
knows this client). Each assertion of the tests names the 3.12.3 behaviour it relies on;
each of those failed on this client before issue 14 was fixed. Real members (two, with
the Java twins of the task and entry processor) answer every call.
"""
import threading
import uuid

import pytest

import hazelcast
from tests.integration.behaviour_probe import AppendProcessor, EchoTask
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_atomics import FACTORIES
from tests.integration.test_map_helpers import MAP_FACTORIES
from tests.support.cluster import Cluster

# --- the application, as written for 3.12.3 ---------------------------------------------
# (3.12.3 import paths: these modules/names did not exist here before)
from hazelcast.config import MAXIMUM_PREFETCH_COUNT, FlakeIdGeneratorConfig
from hazelcast.core import DataMemberSelector, DistributedObjectEventType
from hazelcast.exception import HazelcastSerializationError
from hazelcast.lifecycle import (LIFECYCLE_STATE_CONNECTED, LIFECYCLE_STATE_SHUTDOWN,
                                 LIFECYCLE_STATE_SHUTTING_DOWN, LIFECYCLE_STATE_STARTING)
from hazelcast.proxy.base import EntryEventType, ItemEventType
from hazelcast.proxy.ringbuffer import OVERFLOW_POLICY_FAIL
from hazelcast.proxy.transactional_map import TransactionalMap
from hazelcast.util import TimeUnit


def run_application(group_name, group_password, addresses):
    """What the 3.12.3 application does; returns what it observed."""
    seen = {"members_at_start": [], "states": [], "entry_events": [], "item_events": [],
            "object_events": []}
    connected = threading.Event()

    def on_state(state):
        seen["states"].append(state)
        if state == LIFECYCLE_STATE_CONNECTED:
            connected.set()

    config = hazelcast.ClientConfig()
    config.group_config.name = group_name
    config.group_config.password = group_password
    for address in addresses:
        config.network_config.addresses.append(address)
    config.add_lifecycle_listener(on_state)
    config.add_membership_listener(member_added=lambda m: seen["members_at_start"].append(m))
    config.set_property(key="hazelcast.client.invocation.timeout.seconds", value=60)
    flake_config = FlakeIdGeneratorConfig("ids")
    flake_config.prefetch_count = MAXIMUM_PREFETCH_COUNT
    config.add_flake_id_generator_config(flake_id_generator_config=flake_config)

    client = hazelcast.HazelcastClient(config)
    # 3.12.3: the config's membership listener has seen the members when the constructor returns
    seen["members_when_constructed"] = len(seen["members_at_start"])
    seen["connected_when_constructed"] = connected.is_set()
    try:
        suffix = uuid.uuid4().hex
        registration = client.add_distributed_object_listener(
            lambda event: seen["object_events"].append((event.name, event.event_type)))
        seen["object_registration"] = registration

        existing = []
        client.cluster.add_listener(member_added=existing.append, fire_for_existing=True)
        seen["fired_for_existing"] = len(existing)
        cluster_members = client.cluster.members
        seen["member_by_address"] = client.cluster.get_member_by_address(cluster_members[0].address) \
            == cluster_members[0]
        seen["data_members"] = len(client.cluster.get_members(DataMemberSelector()))

        # --- map, listener with 3.12.3's event type spellings, entry processors, locks ---
        customers = client.get_map("customers-" + suffix).blocking()
        seen["map_str"] = str(customers)
        customers.add_entry_listener(
            include_value=True,
            added_func=lambda event: seen["entry_events"].append(
                ("added", event.key, event.event_type == EntryEventType.added)),
            updated_func=lambda event: seen["entry_events"].append(
                ("updated", event.key, event.event_type == EntryEventType.updated)))
        customers.put_all(map={"alice": "a", "bob": "b"})
        customers.put("alice", "a2")
        seen["processed_keys"] = customers.execute_on_keys(["alice", "bob"], AppendProcessor("!"))
        seen["processed_all"] = customers.execute_on_entries(AppendProcessor("?"))
        customers.lock("alice", ttl=20)
        seen["locked"] = customers.is_locked("alice")
        customers.unlock("alice")

        # --- a queue item listener ---
        jobs = client.get_queue("jobs-" + suffix)
        item_registration = jobs.add_listener(
            include_value=True,
            item_added_func=lambda event: seen["item_events"].append(
                (event.item, event.event_type == ItemEventType.added)))
        jobs.offer("job-1").result()
        seen["item_registration_removed_later"] = item_registration

        # --- executor: where first, then the task ---
        executor = client.get_executor("reports-" + suffix).blocking()
        members = client.cluster.get_member_list()
        seen["members"] = ["%s:%d" % (m.address.host, m.address.port) for m in members]
        seen["on_key_owner"] = executor.execute_on_key_owner("alice", EchoTask("key"))
        seen["on_member"] = executor.execute_on_member(members[1], EchoTask("one"))
        seen["on_members"] = executor.execute_on_members(members, EchoTask("all"))

        # --- a lock with a lease; the remaining lease is in milliseconds ---
        lock = client.get_lock("lock-" + suffix).blocking()
        seen["lock_str"] = str(lock)
        lock.lock(lease_time=20)
        seen["remaining_lease"] = lock.get_remaining_lease_time()
        lock.unlock()

        # --- ringbuffer with 3.12.3's overflow policy constant ---
        ringbuffer = client.get_ringbuffer("rb-" + suffix).blocking()
        seen["rb_sequence"] = ringbuffer.add("first", OVERFLOW_POLICY_FAIL)
        seen["rb_items"] = list(ringbuffer.read_many(0, 1, 10))

        # --- a transaction through 3.12.3's module path ---
        transaction = client.new_transaction(timeout=30)
        transaction.begin()
        txn_map = transaction.get_map("txn-" + suffix)
        seen["txn_map_is_3_12_3_class"] = isinstance(txn_map, TransactionalMap)
        txn_map.put("k", "v")
        transaction.commit()
        seen["txn_committed"] = client.get_map("txn-" + suffix).blocking().get("k")

        seen["flake_id"] = client.get_flake_id_generator("ids").blocking().new_id()
        seen["timeunit_ms"] = TimeUnit.to_seconds(1500, TimeUnit.MILLISECOND)
        try:
            hazelcast.core.HazelcastJsonValue(object())
        except TypeError:  # 3.12.3 lets json.dumps's TypeError through
            seen["json_error"] = "TypeError"
        seen["serialization_error_reachable"] = hazelcast.exception.HazelcastSerializationError \
            is HazelcastSerializationError
        seen["object_created"] = DistributedObjectEventType.CREATED
        return seen, client
    except BaseException:
        client.shutdown()
        raise


@pytest.fixture(scope="module")
def app_cluster(cluster):
    # asks for `cluster` first: that fixture skips (or fails) when members cannot run here
    factories = dict(FACTORIES)
    factories.update(MAP_FACTORIES["data_serializable_factories"])
    members = Cluster(size=2, name="migrating", data_serializable_factories=factories,
                      portable_factories=MAP_FACTORIES["portable_factories"])
    yield members
    members.shutdown()


@pytest.fixture(scope="module")
def app(app_cluster):
    config = client_config(app_cluster)
    seen, client = run_application(config.group_config.name, config.group_config.password,
                                   list(config.network_config.addresses))
    yield seen, client
    client.shutdown()


def test_membership_and_lifecycle_listeners_ran_before_the_constructor_returned(app):
    seen, _ = app
    assert seen["members_when_constructed"] == 2
    assert seen["connected_when_constructed"] is True
    assert seen["states"][:2] == [LIFECYCLE_STATE_STARTING, LIFECYCLE_STATE_CONNECTED]
    assert seen["fired_for_existing"] == 2  # had run when add_listener returned
    assert seen["member_by_address"] is True and seen["data_members"] == 2


def test_events_carry_3_12_3_event_types(app):
    seen, client = app
    wait_until(lambda: len(seen["entry_events"]) >= 3, message="entry events")
    events = sorted(seen["entry_events"])
    assert ("added", "alice", True) in events and ("added", "bob", True) in events
    assert ("updated", "alice", True) in events
    wait_until(lambda: seen["item_events"], message="item event")
    assert seen["item_events"] == [("job-1", True)]
    wait_until(lambda: any(t == seen["object_created"] for _, t in seen["object_events"]),
               message="distributed object event")
    assert isinstance(seen["object_registration"], str)  # the id itself, as in 3.12.3
    assert client.remove_distributed_object_listener(seen["object_registration"]) is True


def test_results_have_3_12_3_shapes_and_units(app):
    seen, _ = app
    assert sorted(seen["processed_keys"]) == [("alice", "a2!"), ("bob", "b!")]  # (key, result) pairs
    assert sorted(seen["processed_all"]) == [("alice", "a2!?"), ("bob", "b!?")]
    assert seen["locked"] is True
    assert 1000 < seen["remaining_lease"] <= 20000  # milliseconds
    assert seen["rb_sequence"] == 0 and seen["rb_items"] == ["first"]
    assert seen["txn_map_is_3_12_3_class"] is True and seen["txn_committed"] == "v"
    assert isinstance(seen["flake_id"], int)
    assert seen["timeunit_ms"] == 1.5
    assert seen["json_error"] == "TypeError"
    assert seen["serialization_error_reachable"] is True


def test_executor_takes_where_then_the_task(app):
    seen, _ = app
    first, second = seen["members"]
    assert seen["on_key_owner"].startswith("key@")
    assert seen["on_member"] == "one@" + second
    assert seen["on_members"] == ["all@" + first, "all@" + second]


def test_proxies_print_as_the_structure(app):
    seen, client = app
    assert seen["map_str"].startswith('Map(name="customers-')
    assert seen["lock_str"].startswith('Lock(name="lock-')
    assert repr(client.get_queue("q").blocking()) == repr(client.get_queue("q")) == 'Queue(name="q")'


def test_a_listener_id_future_from_a_plain_proxy_removes_the_listener(app):
    # 3.12.3's plain proxies answered the id itself; ours answer a Future of it
    _, client = app
    queue = client.get_queue("listened-" + uuid.uuid4().hex)
    registration = queue.add_listener(item_added_func=lambda event: None)
    assert queue.remove_listener(registration).result() is True


def test_lifecycle_ends_with_3_12_3_states(app_cluster):
    config = client_config(app_cluster)
    states = []
    config.add_lifecycle_listener(states.append)
    client = hazelcast.HazelcastClient(config)
    client.shutdown()
    assert states == [LIFECYCLE_STATE_STARTING, LIFECYCLE_STATE_CONNECTED, LIFECYCLE_STATE_SHUTTING_DOWN,
                      LIFECYCLE_STATE_SHUTDOWN]
