"""Equal dicts and sets serialize to the same bytes (members compare keys by bytes)."""
import collections
import os
import subprocess
import sys

import pytest

from hazelcast.config import SerializationConfig
from hazelcast.serialization.service import SerializationService

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture(scope="module")
def service():
    return SerializationService(SerializationConfig())


def _reordered(d):
    return dict(reversed(list(d.items())))


@pytest.mark.parametrize("value", [
    {"a": 1, "b": 2, "c": 3},
    {7: "x", 2.5: "y", -3: "z", True: "t"},
    {b"k": 1, b"a": 2},
    {"mixed": 1, 2: "types", (1, 2): None, frozenset({1}): 0, None: 5},
    {"nested": {"z": {"y": 1, "x": 2}, "a": [{"q": 1, "p": 2}, ("t", {"s": 1, "r": 2})]}, "k": 0},
])
def test_equal_dicts_in_another_order_are_the_same_data(service, value):
    other = _reordered(value)
    assert list(other) != list(value)
    data = service.to_data(value)
    assert data == service.to_data(other)
    assert data.buffer == service.to_data(other).buffer
    assert service.to_object(data) == value


@pytest.mark.parametrize("make", [set, frozenset])
def test_equal_sets_are_the_same_data(service, make):
    items = ["s%d" % i for i in range(40)] + [("t", 1), 3]
    one, other = make(items), make(reversed(items))
    assert service.to_data(one) == service.to_data(other)
    assert service.to_object(service.to_data(one)) == one
    assert type(service.to_object(service.to_data(one))) is make


def test_shared_and_distinct_equal_objects_give_the_same_data(service):
    text = "x" * 100
    other = "".join(["x"] * 100)
    assert text is not other
    assert service.to_data({"a": text, "b": text}) == service.to_data({"a": text, "b": other})


def test_a_dict_reads_back_with_sorted_keys(service):
    assert list(service.to_object(service.to_data({"b": 1, "a": 2}))) == ["a", "b"]


def test_ordered_dict_keeps_its_order_since_its_equality_depends_on_it(service):
    one = collections.OrderedDict([("a", 1), ("b", 2)])
    other = collections.OrderedDict([("b", 2), ("a", 1)])
    assert one != other
    assert service.to_data(one) != service.to_data(other)
    assert service.to_object(service.to_data(other)) == other


def test_a_self_referencing_dict_still_round_trips(service):
    d = {"k": 1}
    d["self"] = d
    back = service.to_object(service.to_data(d))
    assert back["self"] is back and back["k"] == 1


_SCRIPT = ("import sys; from hazelcast.config import SerializationConfig; "
           "from hazelcast.serialization.service import SerializationService; "
           "s = SerializationService(SerializationConfig()); "
           "sys.stdout.write(s.to_data({'names': {'alpha', 'beta', 'gamma', 'delta', 'epsilon'}}).buffer.hex())")


def test_a_set_of_str_is_the_same_data_in_processes_with_other_hash_seeds():
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=REPO_ROOT)
        outputs.add(subprocess.run([sys.executable, "-c", _SCRIPT], env=env, check=True,
                                   capture_output=True, text=True).stdout)
    assert len(outputs) == 1
