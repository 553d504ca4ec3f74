"""Executor service against real members, with Java Callables of
tests/java/src/com/hzpy/test/functions (factory 2002; FailingFunction of 2001)."""
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalArgumentError, IllegalStateError, RejectedExecutionError
from tests.support.manual import doc_python_blocks, run_blocks
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_atomics import Failing, JavaTwin, functions_cluster  # noqa: F401 - the fixture


class Echo(JavaTwin):
    """EchoTask: returns message + "@host:port" of the member that ran it."""
    factory_id, class_id = 2002, 1


class Increment(JavaTwin):
    """IncrementTask: increments the AtomicLong of that name on the member, returns the value."""
    factory_id, class_id = 2002, 2


class Sleep(JavaTwin):
    """SleepTask: sleeps that many milliseconds, returns them."""
    factory_id, class_id = 2002, 4


@pytest.fixture(scope="module")
def client(functions_cluster):
    config = client_config(functions_cluster)
    config.set_property("hazelcast.client.invocation.timeout.seconds", 2)
    client = hazelcast.HazelcastClient(config)
    yield client
    client.shutdown()


def _executor(client):
    return client.get_executor("executor-" + uuid.uuid4().hex)


def _where(result: str) -> str:
    return result.split("@", 1)[1]


def _address(member) -> str:
    return "%s:%d" % (member.address.host, member.address.port)


def test_execute_on_key_owner_runs_where_the_key_lives(client):
    executor = _executor(client).blocking()
    partitions = client.partition_service

    def runs_on_owner(key):
        owner = partitions.get_partition_owner(
            partitions.get_partition_id(client.serialization_service.to_data(key)))
        return owner is not None and executor.execute_on_key_owner(key, Echo("k")) == "k@%s:%d" % owner

    # (right after a member joins, partitions may still be moving: compare once both agree)
    for key in ["a", "b", "c", 1, 2, 3]:
        wait_until(lambda key=key: runs_on_owner(key), timeout=30, message="%r to run on its owner" % (key,))


def test_execute_on_chosen_members(client):
    executor = _executor(client).blocking()
    first, second = client.cluster.get_member_list()
    assert executor.execute_on_member(second, Echo("one")) == "one@" + _address(second)
    assert executor.execute_on_members([second, first], Echo("both")) == [
        "both@" + _address(second), "both@" + _address(first)]
    assert executor.execute_on_members([], Echo("none")) == []


def test_execute_on_all_members_runs_once_on_each(client):
    executor = _executor(client)
    counter = "runs-" + uuid.uuid4().hex
    results = executor.execute_on_all_members(Increment(counter)).result()
    assert sorted(results) == [1, 2]
    assert client.get_atomic_long(counter).blocking().get() == 2
    echoes = executor.execute_on_all_members(Echo("all")).result()
    assert [_where(e) for e in echoes] == [_address(m) for m in client.cluster.get_member_list()]


def test_a_task_longer_than_the_invocation_timeout_completes(client):
    # the client's invocation timeout is 2 s; the task takes 3 s
    assert _executor(client).execute_on_member(client.cluster.get_member_list()[0], Sleep(3000)) \
        .result(timeout=30) == 3000


def test_a_failing_task_gives_a_typed_error(client):
    executor = _executor(client).blocking()
    with pytest.raises(IllegalStateError, match="task failed on purpose"):
        executor.execute_on_key_owner("key", Failing("task failed on purpose"))
    with pytest.raises(IllegalStateError, match="again"):
        executor.execute_on_all_members(Failing("again"))


def test_shutdown(client):
    executor = _executor(client).blocking()
    assert executor.is_shutdown() is False
    assert executor.shutdown() is None
    assert executor.is_shutdown() is True
    member = client.cluster.get_member_list()[0]
    with pytest.raises(RejectedExecutionError, match="shut down"):
        executor.execute_on_member(member, Echo("late"))


def test_bad_arguments_get_typed_errors_naming_them(client):
    executor = _executor(client)
    member = client.cluster.get_member_list()[0]
    for call, words in [(lambda: executor.execute_on_member(member, None), "execute_on_member: task can't be None"),
                        (lambda: executor.execute_on_member("127.0.0.1:5701", Echo("x")),
                         "execute_on_member: member must be a hazelcast.core.Member"),
                        (lambda: executor.execute_on_members(member, Echo("x")),
                         "execute_on_members: members must be an iterable of Member"),
                        (lambda: executor.execute_on_members([member, None], Echo("x")),
                         "each of members must be a hazelcast.core.Member"),
                        (lambda: executor.execute_on_key_owner(None, Echo("x")),
                         "execute_on_key_owner: key can't be None")]:
        with pytest.raises(IllegalArgumentError, match=words):
            call()


def test_docs_concurrency_samples_run_in_order(client):
    printed = run_blocks(doc_python_blocks("concurrency.md"), {"client": client}, "docs/concurrency.md")
    first_member = _address(client.cluster.get_member_list()[0])
    assert printed.splitlines() == [
        "True", "2", "True", "True", "True", "False -1",                      # Lock
        "True", "1", "False", "3", "1",                                      # Semaphore
        "1", "1", "True", "100", "True", "True", "{'mode': 'safe'} True",    # atomics
        "300", "300",                                                        # functions
        "True", "True", "0",                                                 # CountDownLatch
        "True", "42000",                                                     # IdGenerator
        "True True",                                                         # FlakeIdGenerator
        "5", "5", "3 4", "4",                                                # PN Counter
        "True", "one@" + first_member, "True", "True"]                       # executor
