"""Serialization through a real member, with proof from the Java side.

A Java entry processor (tests/java/src/com/hzpy/test/serialization/
TypeNameEntryProcessor.java, factory 1966) returns ``<java class>|<toString()>``
of the value stored under a key: that is what the member made of our bytes.
"""
import array
import datetime
import decimal

import pytest

import hazelcast
from hazelcast.config import INTEGER_TYPE
from hazelcast.core import HazelcastJsonValue
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable
from hazelcast.serialization.predicate import and_, is_equal_to, is_greater_than, sql
from tests.integration.client_helpers import client_config

FACTORIES = {1: "com.hzpy.test.serialization.AddressFactory",
             1966: "com.hzpy.test.serialization.SerializationTestFactory"}
PORTABLE_FACTORIES = {1: "com.hzpy.test.serialization.FooFactory"}


class TypeName(IdentifiedDataSerializable):
    """The Python face of the Java TypeNameEntryProcessor (no fields)."""

    def get_factory_id(self):
        return 1966

    def get_class_id(self):
        return 1

    def write_data(self, out):
        pass

    def read_data(self, inp):
        pass


class Address(IdentifiedDataSerializable):  # as in the manual, section 4.1
    def __init__(self, street=None, zip_code=None, city=None, state=None):
        self.street = street
        self.zip_code = zip_code
        self.city = city
        self.state = state

    def get_class_id(self):
        return 1

    def get_factory_id(self):
        return 1

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.street)
        object_data_output.write_int(self.zip_code)
        object_data_output.write_utf(self.city)
        object_data_output.write_utf(self.state)

    def read_data(self, object_data_input):
        self.street = object_data_input.read_utf()
        self.zip_code = object_data_input.read_int()
        self.city = object_data_input.read_utf()
        self.state = object_data_input.read_utf()


class Foo(Portable):  # as in the manual, section 4.2
    def __init__(self, foo=None):
        self.foo = foo

    def get_class_id(self):
        return 1

    def get_factory_id(self):
        return 1

    def write_portable(self, writer):
        writer.write_utf("foo", self.foo)

    def read_portable(self, reader):
        self.foo = reader.read_utf("foo")


class Employee(Portable):
    """A Portable whose Java class the member does not have: queried by field only."""

    def __init__(self, name=None, age=0):
        self.name = name
        self.age = age

    def get_factory_id(self):
        return 77

    def get_class_id(self):
        return 3

    def write_portable(self, writer):
        writer.write_utf("name", self.name)
        writer.write_int("age", self.age)

    def read_portable(self, reader):
        self.name = reader.read_utf("name")
        self.age = reader.read_int("age")


@pytest.fixture(scope="module")
def members(request):
    from tests.integration.conftest import _requirements_or_skip
    from tests.support.cluster import Cluster
    _requirements_or_skip()
    cluster = Cluster(size=1, data_serializable_factories=FACTORIES, portable_factories=PORTABLE_FACTORIES,
                      name="serialization")
    yield cluster
    cluster.shutdown()


def _client(members, **serialization):
    config = client_config(members)
    config.serialization_config.data_serializable_factories[1] = {1: Address}
    config.serialization_config.data_serializable_factories[1966] = {1: TypeName}
    config.serialization_config.portable_factories[1] = {1: Foo}
    config.serialization_config.portable_factories[77] = {3: Employee}
    for name, value in serialization.items():
        setattr(config.serialization_config, name, value)
    return hazelcast.HazelcastClient(config)


@pytest.fixture(scope="module")
def client(members):
    c = _client(members)
    yield c
    c.shutdown()


def java_view(client, value, map_name="types"):
    """What the member holds for ``value``: (java class name, toString())."""
    test_map = client.get_map(map_name).blocking()
    test_map.put("probe", value)
    class_name, _, text = test_map.execute_on_key("probe", TypeName()).partition("|")
    return class_name, text


@pytest.mark.parametrize("value, java_class, java_text", [
    (42, "java.lang.Integer", "42"),
    (-7, "java.lang.Integer", "-7"),
    (2.5, "java.lang.Double", "2.5"),
    ("héllo wörld \U0001F600", "java.lang.String", "héllo wörld \U0001F600"),
    (True, "java.lang.Boolean", "true"),
    ([1, "a", 2.0], "java.util.ArrayList", "[1, a, 2.0]"),
    (b"\x01\x02\xff", "[B", "[1, 2, -1]"),
    (array.array("i", [1, 2, 3]), "[I", "[1, 2, 3]"),
    (array.array("q", [1, 2 ** 40]), "[J", "[1, 1099511627776]"),
    (array.array("h", [-1, 7]), "[S", "[-1, 7]"),
    (array.array("d", [0.5, 1.5]), "[D", "[0.5, 1.5]"),
    (array.array("f", [0.5]), "[F", "[0.5]"),
    (decimal.Decimal("12.340"), "java.math.BigDecimal", "12.340"),
])
def test_python_values_arrive_as_the_java_types_of_the_manual(client, value, java_class, java_text):
    assert java_view(client, value) == (java_class, java_text)
    assert client.get_map("types").blocking().get("probe") == (
        list(value) if isinstance(value, (array.array,)) and value.typecode not in "bB" else value)


def test_datetime_arrives_as_java_date(client):
    moment = datetime.datetime(2020, 5, 17, 10, 30, 15, 123000, tzinfo=datetime.timezone.utc)
    java_class, _ = java_view(client, moment)
    assert java_class == "java.util.Date"
    assert client.get_map("types").blocking().get("probe") == moment


@pytest.mark.parametrize("integer_type, value, java_class", [
    (INTEGER_TYPE.BYTE, 7, "java.lang.Byte"),
    (INTEGER_TYPE.SHORT, 300, "java.lang.Short"),
    (INTEGER_TYPE.LONG, 2 ** 40, "java.lang.Long"),
    (INTEGER_TYPE.BIG_INT, 2 ** 70, "java.math.BigInteger"),
    (INTEGER_TYPE.VAR, 2 ** 40, "java.lang.Long"),
])
def test_default_integer_type_chooses_the_java_integer_class(members, integer_type, value, java_class):
    client = _client(members, default_integer_type=integer_type)
    try:
        assert java_view(client, value, "ints") == (java_class, str(value))
    finally:
        client.shutdown()


def test_identified_data_serializable_is_read_by_the_java_class(client):
    address = Address("Main St", 12345, "Springfield", "IL")
    assert java_view(client, address) == (
        "com.hzpy.test.serialization.Address",
        "Address{street=Main St, zipCode=12345, city=Springfield, state=IL}")
    back = client.get_map("types").blocking().get("probe")
    assert (back.street, back.zip_code, back.city, back.state) == ("Main St", 12345, "Springfield", "IL")


def test_portable_is_read_by_the_java_class(client):
    assert java_view(client, Foo("bar")) == ("com.hzpy.test.serialization.Foo", "Foo{foo=bar}")
    assert client.get_map("types").blocking().get("probe").foo == "bar"


def test_portable_map_is_queried_on_the_member_without_its_java_class(client):
    employees = client.get_map("employees").blocking()
    employees.put_all({i: Employee("emp-%d" % i, 20 + i) for i in range(10)})
    older = employees.values(sql("age >= 27"))
    assert sorted(e.name for e in older) == ["emp-7", "emp-8", "emp-9"]
    named = employees.key_set(and_(is_equal_to("name", "emp-3"), is_greater_than("age", 5)))
    assert named == [3]


def test_json_values_are_queried_by_field(client):
    people = client.get_map("json-people").blocking()
    people.put(1, HazelcastJsonValue({"name": "Ada", "age": 36, "langs": ["en", "fr"]}))
    people.put(2, HazelcastJsonValue('{"name": "Linus", "age": 28, "langs": ["fi"]}'))
    assert [v.loads()["name"] for v in people.values(is_greater_than("age", 30))] == ["Ada"]
    assert people.key_set(sql("langs[any] = 'fi'")) == [2]
    assert java_view(client, HazelcastJsonValue({"a": 1}))[0] == "com.hazelcast.core.HazelcastJsonValue"
