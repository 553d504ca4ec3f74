"""List against real members: every method, the manual's sample, item listeners."""
import uuid

import pytest

from hazelcast.errors import IllegalArgumentError, IndexOutOfBoundsError
from hazelcast.proxy.item_events import ItemEventType
from tests.integration.client_helpers import wait_until
from tests.integration.collections_support import client, run_example, run_manual_sample  # noqa: F401


@pytest.fixture
def my_list(client):
    return client.get_list("list-" + uuid.uuid4().hex).blocking()


def test_manual_sample_runs_as_written(client):
    printed = run_manual_sample(client, "### 7.4.6. Using List", "### 7.4.7.")
    assert printed == "Removed: item1\nCurrent size is 1\n"
    assert client.get_list("my-distributed-list").blocking().size() == 0


def test_example_runs(client):
    lines = [line for line in run_example(client, "list_example.py").splitlines()
             if not line.startswith("added:")]
    assert lines == ["['fetch', 'build', 'lint', 'test', 'fetch']", "first/last fetch: 0 4",
                     "replaced: build", "middle: ['compile', 'lint', 'test']", "removed: fetch"]


def test_positional_methods(my_list):
    assert my_list.add("a") is True
    assert my_list.add("a") is True  # duplicates are kept
    assert my_list.add_at(1, "b") is None
    assert my_list.add_all(["c", "d"]) is True
    assert my_list.add_all_at(0, ["x", "y"]) is True
    assert my_list.get_all() == ["x", "y", "a", "b", "a", "c", "d"]
    assert my_list.get(2) == "a"
    assert my_list.set_at(0, "z") == "x"
    assert my_list.remove_at(1) == "y"
    assert my_list.get_all() == ["z", "a", "b", "a", "c", "d"]
    assert my_list.index_of("a") == 1 and my_list.last_index_of("a") == 3
    assert my_list.index_of("missing") == -1 and my_list.last_index_of("missing") == -1
    assert my_list.sub_list(1, 3) == ["a", "b"]
    assert my_list.iterator() == ["z", "a", "b", "a", "c", "d"]
    assert my_list.list_iterator() == ["z", "a", "b", "a", "c", "d"]
    assert my_list.list_iterator(4) == ["c", "d"]


def test_collection_methods(my_list):
    assert my_list.is_empty() is True
    my_list.add_all([1, 2, 3, 2])
    assert my_list.size() == 4 and my_list.is_empty() is False
    assert my_list.contains(2) is True and my_list.contains(9) is False
    assert my_list.contains_all([1, 3]) is True and my_list.contains_all([1, 9]) is False
    assert my_list.remove(2) is True and my_list.remove(9) is False
    assert my_list.get_all() == [1, 3, 2]
    assert my_list.remove_all([2, 9]) is True and my_list.remove_all([9]) is False
    my_list.add_all([4, 5])
    assert my_list.retain_all([1, 5]) is True
    assert my_list.get_all() == [1, 5]
    my_list.clear()
    assert my_list.size() == 0


def test_index_out_of_range_is_a_typed_error(my_list):
    my_list.add("only")
    for call in (lambda: my_list.get(5), lambda: my_list.set_at(1, "x"), lambda: my_list.remove_at(1),
                 lambda: my_list.add_at(3, "x"), lambda: my_list.sub_list(0, 4)):
        with pytest.raises(IndexOutOfBoundsError):
            call()
    assert my_list.get_all() == ["only"]


def test_item_listener_with_and_without_values(my_list):
    with_values, without_values = [], []
    registration = my_list.add_item_listener(True, with_values.append, with_values.append)
    my_list.add_item_listener(False, without_values.append)
    my_list.add("x")
    my_list.remove("x")
    wait_until(lambda: len(with_values) == 2 and len(without_values) == 1, message="item events")
    assert [(e.item, e.event_type) for e in with_values] == [("x", ItemEventType.ADDED),
                                                            ("x", ItemEventType.REMOVED)]
    assert without_values[0].item is None
    assert my_list.remove_item_listener(registration) is True
    my_list.add("y")
    wait_until(lambda: len(without_values) == 2, message="the remaining listener's event")
    assert len(with_values) == 2


def test_remove_at_event_carries_no_item(my_list):
    # The member publishes remove-by-index before it looks the item up (3.x behaviour).
    events = []
    my_list.add_item_listener(True, item_removed_func=events.append)
    my_list.add("x")
    assert my_list.remove_at(0) == "x"
    wait_until(lambda: events, message="the REMOVED event")
    assert (events[0].item, events[0].event_type) == (None, ItemEventType.REMOVED)


def test_bad_arguments_raise_typed_errors(my_list):
    with pytest.raises(IllegalArgumentError, match=r"index must be an int from 0 to 2147483647, got '0'"):
        my_list.get("0")
    with pytest.raises(IllegalArgumentError, match=r"index must be an int from 0 to 2147483647, got -1"):
        my_list.remove_at(-1)
    with pytest.raises(IllegalArgumentError, match="index must be an int"):
        my_list.add_at(True, "x")
    with pytest.raises(IllegalArgumentError, match="from_index must be an int"):
        my_list.sub_list(0.0, 1)
    with pytest.raises(IllegalArgumentError, match="to_index must be an int"):
        my_list.sub_list(0, 2 ** 31)
    with pytest.raises(IllegalArgumentError, match="item can't be None"):
        my_list.set_at(0, None)
    assert my_list.size() == 0
