"""Set against real members: every method, the manual's sample, item listeners."""
import uuid

import pytest

from hazelcast.errors import IllegalArgumentError
from hazelcast.proxy.item_events import ItemEventType
from tests.integration.client_helpers import wait_until
from tests.integration.collections_support import client, run_example, run_manual_sample  # noqa: F401


@pytest.fixture
def my_set(client):
    return client.get_set("set-" + uuid.uuid4().hex).blocking()


def test_manual_sample_runs_as_written(client):
    printed = run_manual_sample(client, "### 7.4.5. Using Set", "### 7.4.6.")
    assert sorted(printed.splitlines()) == ["item1", "item2", "item3"]


def test_example_runs(client):
    lines = [line for line in run_example(client, "set_example.py").splitlines()
             if not line.startswith("removed:")]
    assert lines == ["True False", "has python and go: True", "left: ['python', 'rust']"]


def test_add_remove_contains_without_duplicates(my_set):
    assert my_set.is_empty() is True and my_set.size() == 0
    assert my_set.add("a") is True
    assert my_set.add("a") is False
    assert my_set.add_all(["b", "c", "a"]) is True
    assert my_set.add_all(["b"]) is False
    assert sorted(my_set.get_all()) == ["a", "b", "c"]
    assert my_set.size() == 3 and my_set.is_empty() is False
    assert my_set.contains("b") is True and my_set.contains("z") is False
    assert my_set.contains_all(["a", "c"]) is True and my_set.contains_all(["a", "z"]) is False
    assert my_set.remove("b") is True and my_set.remove("b") is False
    assert my_set.remove_all(["a", "z"]) is True and my_set.remove_all(["z"]) is False
    assert my_set.get_all() == ["c"]
    my_set.add_all([1, 2, 3])
    assert my_set.retain_all([2, "c"]) is True and my_set.retain_all([2, "c"]) is False
    assert sorted(my_set.get_all(), key=str) == [2, "c"]
    my_set.clear()
    assert my_set.size() == 0 and my_set.get_all() == []


def test_item_listener_with_and_without_values(my_set):
    with_values, without_values = [], []
    registration = my_set.add_item_listener(include_value=True, item_added_func=with_values.append,
                                            item_removed_func=with_values.append)
    my_set.add_item_listener(item_removed_func=without_values.append)
    my_set.add("x")
    my_set.add("x")  # no change, no event
    my_set.remove("x")
    wait_until(lambda: len(with_values) == 2 and len(without_values) == 1, message="item events")
    assert [(e.item, e.event_type) for e in with_values] == [("x", ItemEventType.ADDED),
                                                            ("x", ItemEventType.REMOVED)]
    assert without_values[0].item is None and without_values[0].event_type == ItemEventType.REMOVED
    assert my_set.remove_item_listener(registration) is True
    my_set.add("y")
    my_set.remove("y")
    wait_until(lambda: len(without_values) == 2, message="the remaining listener's event")
    assert len(with_values) == 2


def test_bad_arguments_raise_typed_errors(my_set):
    with pytest.raises(IllegalArgumentError, match="item can't be None"):
        my_set.add(None)
    with pytest.raises(IllegalArgumentError, match="items must be a list"):
        my_set.contains_all(None)
    with pytest.raises(IllegalArgumentError, match="items can't contain None"):
        my_set.retain_all([None])
