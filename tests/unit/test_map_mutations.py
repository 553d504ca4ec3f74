"""Every Map method that changes entries goes through ``Map._mutate`` (some keys) or
``Map._mutate_all`` (any entry): the Near Cache overrides those two and nothing else, so a
new mutating method that bypasses them would leave stale entries in the Near Cache.

The lists below classify every public Map method; a method in neither fails the first
test, so adding one means saying whether it changes entries.
"""
import inspect

import pytest

from hazelcast.config import SerializationConfig
from hazelcast.future import completed_future
from hazelcast.proxy.map import Map
from hazelcast.serialization.api import IdentifiedDataSerializable
from hazelcast.serialization.predicate import sql
from hazelcast.serialization.service import SerializationService
from tests.support.contexts import proxy_context

# Methods that leave every entry as it is (locks, listeners, interceptors, indexes and
# flush change no value a Near Cache holds).
READS = {"add_entry_listener", "add_index", "add_interceptor", "aggregate", "blocking", "contains_key",
         "contains_value", "destroy", "entry_set", "flush", "force_unlock", "get", "get_all", "get_entry_view",
         "is_empty", "is_locked", "key_set", "lock", "project", "remove_entry_listener", "remove_interceptor",
         "size", "try_lock", "unlock", "values"}


class Processor(IdentifiedDataSerializable):
    def write_data(self, out):
        pass

    def read_data(self, inp):
        pass

    def get_factory_id(self):
        return 1

    def get_class_id(self):
        return 1


ALL = "every entry"
# method -> (arguments, the keys it changes or ALL)
MUTATIONS = {
    "put": (("k", "v"), ["k"]),
    "set": (("k", "v"), ["k"]),
    "put_if_absent": (("k", "v"), ["k"]),
    "put_transient": (("k", "v"), ["k"]),
    "try_put": (("k", "v", 1), ["k"]),
    "replace": (("k", "v"), ["k"]),
    "replace_if_same": (("k", "v", "w"), ["k"]),
    "set_ttl": (("k", 5), ["k"]),
    "put_all": (({"a": 1, "b": 2},), ["a", "b"]),
    "remove": (("k",), ["k"]),
    "remove_if_same": (("k", "v"), ["k"]),
    "try_remove": (("k", 1), ["k"]),
    "delete": (("k",), ["k"]),
    "evict": (("k",), ["k"]),
    "evict_all": ((), ALL),
    "clear": ((), ALL),
    "remove_all": ((sql("a > 1"),), ALL),
    "load_all": ((), ALL),
    "execute_on_key": (("k", Processor()), ["k"]),
    "submit_to_key": (("k", Processor()), ["k"]),
    "execute_on_keys": ((["a", "b"], Processor()), ["a", "b"]),
    "execute_on_entries": ((Processor(),), ALL),
}


class AnsweringInvocations:
    """Answers every request at once with None (what is checked is the path, not the answer)."""

    def _answer(self, *args, **kwargs):
        return completed_future(None)

    invoke_on_key = invoke_on_partition = invoke_on_random_target = invoke_on_target = _answer


class OnePartition:
    def get_partition_id(self, key_data):
        return 0


class RecordingMap(Map):
    def __init__(self, *args):
        super().__init__(*args)
        self.changes = []

    def _mutate(self, key_datas, sent):
        self.changes.append([self._to_object(d) for d in key_datas])
        return sent

    def _mutate_all(self, sent):
        self.changes.append(ALL)
        return sent


def _public_methods():
    return {name for name, value in inspect.getmembers(Map) if not name.startswith("_") and callable(value)}


def test_every_public_method_is_classified():
    unclassified = _public_methods() - READS - set(MUTATIONS)
    assert not unclassified, ("say whether these Map methods change entries (MUTATIONS, through "
                              "_mutate/_mutate_all) or not (READS): %s" % sorted(unclassified))
    assert not READS & set(MUTATIONS)
    assert (READS | set(MUTATIONS)) <= _public_methods(), "a listed method no longer exists"


@pytest.mark.parametrize("method", sorted(MUTATIONS))
def test_every_mutation_goes_through_mutate_once(method):
    context = proxy_context(invocation_service=AnsweringInvocations(), partition_service=OnePartition(),
                            serialization_service=SerializationService(SerializationConfig()))
    recording = RecordingMap("hz:impl:mapService", "m", context)
    args, changed = MUTATIONS[method]
    getattr(recording, method)(*args).result(1)
    assert recording.changes == [changed]
