"""Ringbuffer (manual 7.4.7) against a real member: every method, blocking reads, stale
sequences, overflow with a time-to-live, bad arguments, and the manual's sample as written."""
import os
import runpy
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import ClassCastError, IllegalArgumentError, StaleSequenceError
from hazelcast.proxy.ringbuffer import MAX_BATCH_SIZE, OVERFLOW_POLICY, ReadResult
from hazelcast.serialization.predicate import sql
from tests.integration.client_helpers import client_config
from tests.support.cluster import Cluster
from tests.support.manual import python_blocks
from tests.integration.test_atomics import functions_cluster  # noqa: F401 - the fixture

STRUCTURES = ("<ringbuffer name='small*'><capacity>10</capacity></ringbuffer>"
              "<ringbuffer name='ttl*'><capacity>3</capacity><time-to-live-seconds>30</time-to-live-seconds>"
              "</ringbuffer>")


@pytest.fixture(scope="module")
def client(cluster):  # `cluster` only for its check that members can be started
    with Cluster(size=1, structures=STRUCTURES, name="ringbuffer") as members:
        c = hazelcast.HazelcastClient(client_config(members))
        yield c
        c.shutdown()


def ringbuffer(client, prefix="rb"):
    return client.get_ringbuffer("%s-%s" % (prefix, uuid.uuid4().hex[:8])).blocking()


def test_manual_sample_runs_as_written(client, capsys):
    (sample,) = python_blocks("### 7.4.7. Using Ringbuffer", "### 7.4.8.")
    exec(sample, {"client": client})
    assert capsys.readouterr().out == "100\n200\n"


def test_sizes_and_sequences_of_an_empty_then_filled_ringbuffer(client):
    rb = ringbuffer(client, "small")
    assert rb.capacity() == 10
    assert (rb.size(), rb.head_sequence(), rb.tail_sequence(), rb.remaining_capacity()) == (0, 0, -1, 10)
    assert [rb.add("item-%d" % i) for i in range(3)] == [0, 1, 2]
    assert (rb.size(), rb.head_sequence(), rb.tail_sequence()) == (3, 0, 2)
    assert rb.add_all(["item-%d" % i for i in range(3, 13)]) == 12
    # capacity 10: the three oldest were overwritten
    assert (rb.size(), rb.head_sequence(), rb.tail_sequence()) == (10, 3, 12)
    assert rb.remaining_capacity() == 10  # no time-to-live: everything may be overwritten


def test_read_one_returns_the_item_and_objects_round_trip(client):
    rb = ringbuffer(client)
    values = ["text", 42, 1.5, True, [1, "two"], b"\x00\x01"]
    for value in values:
        rb.add(value)
    assert [rb.read_one(i) for i in range(len(values))] == values


def test_read_one_at_the_tail_waits_for_the_next_item(client):
    rb = ringbuffer(client)
    pending = rb._wrapped.read_one(0)
    time.sleep(0.3)
    assert not pending.done()
    rb.add("late")
    assert pending.result(10) == "late"


def test_read_many_returns_items_sequences_and_the_next_sequence(client):
    rb = ringbuffer(client)
    rb.add_all(list(range(100, 110)))
    result = rb.read_many(2, 1, 5)
    assert isinstance(result, ReadResult)
    assert list(result) == [102, 103, 104, 105, 106] and result.items == [102, 103, 104, 105, 106]
    assert len(result) == result.size == result.read_count == 5
    assert result[0] == 102 and result[-1] == 106 and result[1:3] == [103, 104]
    assert result.sequences == [2, 3, 4, 5, 6] and result.get_sequence(4) == 6
    assert result.next_sequence_to_read_from == 7
    rest = rb.read_many(result.next_sequence_to_read_from, 0, 100)
    assert list(rest) == [107, 108, 109] and rest.next_sequence_to_read_from == 10
    assert list(rb.read_many(10, 0, 10)) == []  # min_count 0 at the tail answers at once


def test_read_many_waits_until_min_count_items_are_there(client):
    rb = ringbuffer(client)
    pending = rb._wrapped.read_many(0, 3, 10)
    rb.add("a")
    rb.add("b")
    time.sleep(0.3)
    assert not pending.done()
    rb.add("c")
    result = pending.result(10)
    assert list(result) == ["a", "b", "c"] and result.next_sequence_to_read_from == 3


def test_reading_before_the_head_raises_stale_sequence_error(client):
    rb = ringbuffer(client, "small")
    rb.add_all(list(range(25)))  # capacity 10: head is 15
    assert rb.head_sequence() == 15
    with pytest.raises(StaleSequenceError, match="headSequence is:15"):
        rb.read_one(14)
    with pytest.raises(StaleSequenceError):
        rb.read_many(0, 1, 10)
    assert rb.read_one(15) == 15


def test_reading_beyond_the_tail_plus_one_is_refused_by_the_member(client):
    rb = ringbuffer(client)
    rb.add("x")
    with pytest.raises(IllegalArgumentError, match="too large"):
        rb.read_one(5)


def test_fail_policy_with_a_time_to_live_adds_nothing_when_full(client):
    rb = ringbuffer(client, "ttl")
    assert [rb.add(i, OVERFLOW_POLICY.FAIL) for i in range(3)] == [0, 1, 2]
    assert rb.remaining_capacity() == 0
    assert rb.add(3, OVERFLOW_POLICY.FAIL) == -1
    assert rb.add_all([3, 4], OVERFLOW_POLICY.FAIL) == -1
    assert rb.tail_sequence() == 2
    assert rb.add(3, OVERFLOW_POLICY.OVERWRITE) == 3  # overwrite ignores the time-to-live
    assert (rb.head_sequence(), rb.read_one(3)) == (1, 3)


@pytest.mark.parametrize("call, message", [
    (lambda rb: rb.read_many(0, 5, 4), r"min_count \(5\) must not be larger than max_count \(4\)"),
    (lambda rb: rb.read_many(0, 1, MAX_BATCH_SIZE + 1), "max_count can't be larger than 1000, got 1001"),
    (lambda rb: rb.read_many(0, 11, 20), r"min_count \(11\) must not be larger than the capacity \(10\)"),
    (lambda rb: rb.read_many(-1, 1, 2), "start_sequence must be an int >= 0, got -1"),
    (lambda rb: rb.read_many(0, -1, 2), "min_count must be an int >= 0, got -1"),
    (lambda rb: rb.read_many(0, 1, "2"), "max_count must be an int >= 0, got '2'"),
    (lambda rb: rb.read_one(-3), "sequence must be an int >= 0, got -3"),
    (lambda rb: rb.read_one(1.5), "sequence must be an int >= 0, got 1.5"),
    (lambda rb: rb.add(None), "item can't be None"),
    (lambda rb: rb.add(1, overflow_policy=2), r"overflow_policy must be OVERFLOW_POLICY.OVERWRITE \(0\) or "
                                              r"OVERFLOW_POLICY.FAIL \(1\), got 2"),
    (lambda rb: rb.add_all([]), "items can't be empty"),
    (lambda rb: rb.add_all(list(range(1001))), "items can't hold more than 1000 items, got 1001"),
    (lambda rb: rb.add_all([1, None]), "an item of items can't be None"),
    (lambda rb: rb.add_all("abc"), "items must be a list"),
])
def test_bad_arguments_raise_illegal_argument_error(client, call, message):
    rb = ringbuffer(client, "small")
    rb.capacity()  # known capacity: the min_count check happens at once
    with pytest.raises(IllegalArgumentError, match=message) as info:
        call(rb)
    assert isinstance(info.value, ValueError)


def test_min_count_above_an_unknown_capacity_fails_the_future(client):
    rb = client.get_ringbuffer("small-" + uuid.uuid4().hex[:8])  # capacity not fetched yet
    with pytest.raises(IllegalArgumentError, match="larger than the capacity"):
        rb.read_many(0, 11, 20).result(10)


def test_a_filter_is_sent_to_the_member(client):
    rb = ringbuffer(client)
    rb.add("x")
    # a filter must be an IFunction the members know; a predicate is not one, and the member says so
    with pytest.raises(ClassCastError):
        rb.read_many(0, 1, 10, filter=sql("this = 'x'"))


def test_example_runs(client, monkeypatch, capsys):
    client.get_ringbuffer("my-ringbuffer").destroy()
    config = client_config(addresses=client.config.network_config.addresses)
    monkeypatch.setattr(hazelcast, "ClientConfig", lambda: config)
    runpy.run_path(os.path.join(os.path.dirname(__file__), "..", "..", "examples", "ringbuffer_example.py"))
    assert capsys.readouterr().out.splitlines() == [
        "100", "200", "Read 5 items, the last added has sequence 4", "  sequence 0: 100", "  sequence 1: 200",
        "  sequence 2: 300", "  sequence 3: 400", "  sequence 4: 500", "Next read starts at sequence 5"]


def test_read_many_with_a_member_side_filter_skips_items_but_counts_them(functions_cluster):
    from tests.integration.test_atomics import JavaTwin

    class StartsWith(JavaTwin):
        """com.hzpy.test.functions.StartsWithFilter: items whose text starts with a prefix."""
        class_id = 5

    filtering_client = hazelcast.HazelcastClient(client_config(functions_cluster))
    try:
        rb = filtering_client.get_ringbuffer("filtered-" + uuid.uuid4().hex).blocking()
        rb.add_all(["apple", "banana", "apricot", "cherry", "avocado"])
        result = rb.read_many(0, 1, 10, filter=StartsWith("a"))
        assert list(result) == ["apple", "apricot", "avocado"]
        assert result.read_count == 5  # filtered-out items are read (and skipped) too
        assert [result.get_sequence(i) for i in range(len(result))] == [0, 2, 4]
    finally:
        filtering_client.shutdown()
