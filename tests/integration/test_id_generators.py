"""FlakeIdGenerator (manual 7.4.14) and IdGenerator against real members."""
import re
import time
import uuid

import pytest

import hazelcast
from hazelcast.config import FlakeIdGeneratorConfig
from hazelcast.errors import IllegalArgumentError
from tests.integration.client_helpers import client_config
from tests.integration.test_lock import clients, in_thread, run_example, run_manual_sample  # noqa: F401 - fixture


def _name() -> str:
    return "ids-" + uuid.uuid4().hex


def test_manual_flake_id_sample_runs_as_written(clients):
    [client] = clients()
    printed = run_manual_sample("### 7.4.14. Using Flake ID Generator", "## 7.5.", client)
    assert re.fullmatch(r"ID: \d+\n", printed)


def test_flake_init_tells_whether_new_ids_are_past_the_given_one(clients):
    # 3.12.3's FlakeIdGenerator.init(id): True when ids from now on exceed id by an hour's reserve
    [client] = clients()
    generator = client.get_flake_id_generator(_name()).blocking()
    current = generator.new_id()
    assert generator.init(0) is True
    assert generator.init(current) is False  # not an hour's worth of ids past it
    assert generator.init(current - ((3600 * 1000 + 60000) << 22)) is True
    with pytest.raises(IllegalArgumentError, match="init: id must be an int"):
        generator.init("1")


def test_100000_flake_ids_from_4_threads_are_unique(clients):
    [client] = clients()
    generator = client.get_flake_id_generator(_name()).blocking()

    def take():
        return [generator.new_id() for _ in range(25000)]

    joins = [in_thread(take) for _ in range(4)]
    ids = [i for join in joins for i in join(120)]
    assert len(ids) == 100000
    assert len(set(ids)) == 100000
    assert min(ids) >= 0


def test_prefetch_count_and_validity_shape_the_batches(cluster):
    name = _name()
    config = client_config(cluster)
    batched = FlakeIdGeneratorConfig(name)
    batched.prefetch_count = 50
    batched.prefetch_validity_in_millis = 1500
    config.add_flake_id_generator_config(batched)
    first = hazelcast.HazelcastClient(config)
    second = hazelcast.HazelcastClient(client_config(cluster))
    try:
        mine, theirs = first.get_flake_id_generator(name), second.get_flake_id_generator(name)
        reserved = [mine.new_id().result()]
        other = theirs.new_id().result()  # its batch comes after the 50 ids reserved for `mine`
        reserved += [mine.new_id().result() for _ in range(49)]
        assert max(reserved) < other
        assert mine.new_id().result() > other  # the 51st needs a new batch

        mine.new_id().result()
        time.sleep(1.6)  # the batch expires unused
        theirs_later = theirs.new_id().result()
        assert mine.new_id().result() > theirs_later
    finally:
        first.shutdown()
        second.shutdown()


def test_flake_ids_of_two_clients_never_collide(clients):
    first, second = clients(2)
    name = _name()
    futures = [client.get_flake_id_generator(name).new_id() for _ in range(300) for client in (first, second)]
    ids = [future.result() for future in futures]
    assert len(set(ids)) == 600


def test_id_generator_hands_out_blocks_of_10000(clients):
    first, second = clients(2)
    name = _name()
    mine, theirs = first.get_id_generator(name).blocking(), second.get_id_generator(name).blocking()
    assert [mine.new_id() for _ in range(3)] == [0, 1, 2]
    assert theirs.new_id() == 10000
    assert mine.new_id() == 3
    # the blocks are counted by an AtomicLong any client (of any language) can see
    assert first.get_atomic_long("hz:atomic:idGenerator:" + name).blocking().get() == 2
    assert mine.init(5) is False  # ids were handed out already


def test_id_generator_init_sets_the_next_id(clients):
    first, second = clients(2)
    name = _name()
    generator = first.get_id_generator(name)
    assert generator.init(12345).result() is True
    assert generator.init(99).result() is False
    assert [generator.new_id().result() for _ in range(3)] == [12346, 12347, 12348]
    assert second.get_id_generator(name).new_id().result() == 20000
    with pytest.raises(IllegalArgumentError, match="IdGenerator.init: initial must be an int >= 0, got -1"):
        generator.init(-1)


def test_id_generator_ids_from_threads_across_blocks_are_unique(clients):
    first, second = clients(2)
    name = _name()

    def take(client):
        generator = client.get_id_generator(name).blocking()
        return [generator.new_id() for _ in range(6000)]

    joins = [in_thread(take, client) for client in (first, second, first, second)]
    ids = [i for join in joins for i in join(120)]
    assert len(set(ids)) == 24000
    assert first.get_atomic_long("hz:atomic:idGenerator:" + name).blocking().get() >= 3


def test_destroying_an_id_generator_starts_over(clients):
    [client] = clients()
    name = _name()
    generator = client.get_id_generator(name).blocking()
    assert generator.new_id() == 0 and generator.new_id() == 1
    assert generator.destroy() is True
    assert client.get_id_generator(name).blocking().new_id() == 0


def test_counters_example(clients):
    [client] = clients()
    lines = run_example("counters_example.py", client).splitlines()
    assert lines[:2] == ["orders: 1", "likes: 2"]
    assert re.fullmatch(r"flake id: \d+", lines[2]) and lines[3] == "sequential id: 0"
    assert sorted(lines[4:8]) == ["worker %d has a slot" % n for n in range(4)]
    assert lines[8:] == ["all workers done: True"]
