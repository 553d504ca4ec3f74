"""AtomicLong (manual 7.4.10) and AtomicReference against real members, with server-side
functions (Java IFunctions of tests/java/src/com/hzpy/test/functions, factory 2001)."""
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalArgumentError, IllegalStateError
from hazelcast.serialization.api import IdentifiedDataSerializable
from tests.integration.client_helpers import client_config
from tests.integration.test_lock import in_thread, run_manual_sample
from tests.support.cluster import Cluster

FACTORIES = {2001: "com.hzpy.test.functions.FunctionsFactory",
             2002: "com.hzpy.test.functions.ExecutorTasksFactory"}


class JavaTwin(IdentifiedDataSerializable):
    """Python side of a com.hzpy.test.functions class: at most one field, a str or an int
    (written as a Java long). Only sent, never read back."""

    factory_id = 2001
    class_id = 0

    def __init__(self, argument=None):
        self.argument = argument

    def get_factory_id(self):
        return self.factory_id

    def get_class_id(self):
        return self.class_id

    def write_data(self, out):
        if isinstance(self.argument, int):
            out.write_long(self.argument)
        elif self.argument is not None:
            out.write_utf(self.argument)

    def read_data(self, inp):
        raise NotImplementedError("only sent to members")


class Multiply(JavaTwin):
    """MultiplyFunction: value * factor (AtomicLong)."""
    class_id = 1


class Append(JavaTwin):
    """AppendFunction: str(value) + suffix, or suffix when None (AtomicReference)."""
    class_id = 2


class Describe(JavaTwin):
    """DescribeFunction: "<Java simple class name>:<value>"."""
    class_id = 3


class Failing(JavaTwin):
    """FailingFunction: throws IllegalStateException(message); also an executor task."""
    class_id = 4


@pytest.fixture(scope="module")
def functions_cluster(cluster):
    """Two members that know the Java functions and tasks (test_executor uses it too)."""
    # asks for `cluster` first: that fixture skips (or fails) when members cannot run here
    members = Cluster(size=2, name="functions", data_serializable_factories=FACTORIES)
    yield members
    members.shutdown()


@pytest.fixture(scope="module")
def client(functions_cluster):
    client = hazelcast.HazelcastClient(client_config(functions_cluster))
    yield client
    client.shutdown()


def _name() -> str:
    return "atomic-" + uuid.uuid4().hex


def test_manual_sample_runs_as_written(client):
    client.get_atomic_long("counter").blocking().set(0)
    printed = run_manual_sample("### 7.4.10. Using Atomic Long", "### 7.4.11.", client)
    assert printed == "counter: 3\n"


def test_atomic_long_operations(client):
    counter = client.get_atomic_long(_name()).blocking()
    assert counter.get() == 0
    assert counter.increment_and_get() == 1
    assert counter.get_and_increment() == 1
    assert counter.decrement_and_get() == 1
    assert counter.add_and_get(10) == 11
    assert counter.get_and_add(-20) == 11
    assert counter.get() == -9
    assert counter.get_and_set(2 ** 63 - 1) == -9
    assert counter.compare_and_set(0, 1) is False
    assert counter.compare_and_set(2 ** 63 - 1, -2 ** 63) is True
    assert counter.set(7) is None
    assert counter.get() == 7


def test_atomic_long_functions_run_on_the_member(client):
    counter = client.get_atomic_long(_name()).blocking()
    counter.set(3)
    assert counter.alter(Multiply(2)) is None
    assert counter.get() == 6
    assert counter.alter_and_get(Multiply(3)) == 18
    assert counter.get_and_alter(Multiply(-1)) == 18
    assert counter.get() == -18
    assert counter.apply(Describe()) == "Long:-18"  # any result type; the value is unchanged
    assert counter.get() == -18
    with pytest.raises(IllegalStateError, match="no alter today"):
        counter.alter(Failing("no alter today"))
    assert counter.get() == -18


def test_increments_from_threads_and_clients_are_never_lost(client, functions_cluster):
    name = _name()
    other = hazelcast.HazelcastClient(client_config(functions_cluster))
    try:
        def work(c):
            proxy = c.get_atomic_long(name)
            return [proxy.increment_and_get().result() for _ in range(100)]

        joins = [in_thread(work, c) for c in (client, other, client, other)]
        seen = [value for join in joins for value in join()]
    finally:
        other.shutdown()
    assert sorted(seen) == list(range(1, 401))


def test_atomic_reference_operations(client):
    ref = client.get_atomic_reference(_name()).blocking()
    assert ref.get() is None and ref.is_null() is True
    assert ref.contains(None) is True
    assert ref.set({"a": [1, 2]}) is None
    assert ref.get() == {"a": [1, 2]}
    assert ref.contains({"a": [1, 2]}) is True and ref.contains("other") is False
    assert ref.get_and_set("text") == {"a": [1, 2]}
    assert ref.set_and_get(42) == 42
    assert ref.compare_and_set("text", 1) is False
    assert ref.compare_and_set(42, None) is True
    assert ref.is_null() is True
    assert ref.get_and_set("x") is None
    assert ref.clear() is None
    assert ref.get() is None


def test_atomic_reference_functions_run_on_the_member(client):
    ref = client.get_atomic_reference(_name()).blocking()
    assert ref.alter_and_get(Append("a")) == "a"  # from None
    assert ref.get_and_alter(Append("b")) == "a"
    assert ref.get() == "ab"
    assert ref.alter(Append("c")) is None
    assert ref.apply(Describe()) == "String:abc"
    assert ref.get() == "abc"
    ref.set(5)
    assert ref.apply(Describe()) == "Integer:5"  # Python ints up to 32 bits are Java Integers
    with pytest.raises(IllegalStateError, match="nope"):
        ref.apply(Failing("nope"))


def test_futures_and_typed_errors(client):
    counter = client.get_atomic_long(_name())
    ref = client.get_atomic_reference(_name())
    assert counter.add_and_get(5).result() == 5
    assert ref.set_and_get("v").result() == "v"
    for call, words in [(lambda: counter.add_and_get(1.5), "AtomicLong.add_and_get: delta must be"),
                        (lambda: counter.set(2 ** 63), "AtomicLong.set: new_value must be a 64-bit int"),
                        (lambda: counter.compare_and_set(None, 1), "compare_and_set: expected"),
                        (lambda: counter.alter(None), "AtomicLong.alter: function can't be None"),
                        (lambda: ref.apply(None), "AtomicReference.apply: function can't be None")]:
        with pytest.raises(IllegalArgumentError, match=words):
            call()
    assert counter.get().result() == 5
