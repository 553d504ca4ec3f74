"""Shared by the test_map*.py modules (no tests here): the Python twins of the Java classes
in tests/java/src/com/hzpy/test/map, two members with their factories (started once per
run; two, so that queries merge results from several members), and running manual samples."""
import contextlib
import importlib.util
import io
import os
import textwrap

import pytest

from hazelcast.serialization.api import IdentifiedDataSerializable, Portable
from tests.support.cluster import REPO_ROOT, Cluster, hz_version

MAP_FACTORIES = {
    "data_serializable_factories": {5: "com.hzpy.test.map.IdentifiedFactory"},
    "portable_factories": {6: "com.hzpy.test.map.MapPortableFactory"},
    "structures": "<map name='loaded*'><map-store enabled='true'>"
                  "<class-name>com.hzpy.test.map.GreetingLoader</class-name></map-store></map>",
}

_started = {}


def factory_cluster() -> Cluster:
    """Two members with the Map tests' Java factories and MapLoader, shared by the modules."""
    cluster = _started.get("cluster")
    if cluster is None or not all(member.is_running for member in cluster.members):
        cluster = Cluster(size=2, name="map", **MAP_FACTORIES)
        _started["cluster"] = cluster
    return cluster


def needs_members(version: str):
    """Skip a test when the members (HZ_VERSION) are older than ``version`` (e.g. "3.11")."""
    have = tuple(int(part) for part in hz_version().split(".")[:2])
    want = tuple(int(part) for part in version.split("."))
    return pytest.mark.skipif(have < want, reason="needs %s+ members, HZ_VERSION is %s" % (version, hz_version()))


def _printed(action) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        action()
    return out.getvalue()


def run_sample(block: str, namespace: dict, where: str) -> str:
    """Exec one manual code block in ``namespace``; what it printed."""
    return _printed(lambda: exec(compile(textwrap.dedent(block), "<manual %s>" % where, "exec"), namespace))


def load_example(file_name: str):
    """The module examples/<file_name>."""
    spec = importlib.util.spec_from_file_location(file_name[:-3], os.path.join(REPO_ROOT, "examples", file_name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_example(client, example) -> str:
    """Run ``main(client)`` of an example (its module or file name); what it printed."""
    module = load_example(example) if isinstance(example, str) else example
    return _printed(lambda: module.main(client))


class _Identified(IdentifiedDataSerializable):
    """Factory 5 of com.hzpy.test.map.IdentifiedFactory; subclasses set CLASS_ID."""

    CLASS_ID = 0

    def get_factory_id(self):
        return 5

    def get_class_id(self):
        return self.CLASS_ID

    def write_data(self, object_data_output):
        pass

    def read_data(self, object_data_input):
        pass


class AppendEntryProcessor(_Identified):
    """Appends ``suffix`` to the string value; returns the new value."""

    CLASS_ID = 2

    def __init__(self, suffix=""):
        self.suffix = suffix

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.suffix)


class DescendingValueComparator(_Identified):
    """Largest value first; ``compare`` is what the Java twin does, for the client's merge."""

    CLASS_ID = 3

    def compare(self, entry1, entry2):
        return (entry2[1] > entry1[1]) - (entry2[1] < entry1[1])


class UpperCaseInterceptor(_Identified):
    """Upper-cases strings read with get()."""

    CLASS_ID = 4


class UpperCaseEntryProcessor(Portable):
    """Portable factory 6, class 1: upper-cases the value, appends ``suffix``; returns the old value."""

    def __init__(self, suffix=""):
        self.suffix = suffix

    def get_factory_id(self):
        return 6

    def get_class_id(self):
        return 1

    def write_portable(self, writer):
        writer.write_utf("suffix", self.suffix)

    def read_portable(self, reader):
        self.suffix = reader.read_utf("suffix")


class CountAggregator(IdentifiedDataSerializable):
    """The member's built-in count aggregator (factory -41, class 4) over ``attribute_path``."""

    def __init__(self, attribute_path=None):
        self.attribute_path = attribute_path

    def get_factory_id(self):
        return -41

    def get_class_id(self):
        return 4

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.attribute_path)
        object_data_output.write_long(0)

    def read_data(self, object_data_input):
        self.attribute_path = object_data_input.read_utf()
        object_data_input.read_long()


class SingleAttributeProjection(IdentifiedDataSerializable):
    """The member's built-in single-attribute projection (factory -42, class 0)."""

    def __init__(self, attribute_path=None):
        self.attribute_path = attribute_path

    def get_factory_id(self):
        return -42

    def get_class_id(self):
        return 0

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.attribute_path)

    def read_data(self, object_data_input):
        self.attribute_path = object_data_input.read_utf()
