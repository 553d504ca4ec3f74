"""Portable: class definitions, versions, nesting, nulls, arrays, raw data."""
import pytest

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable, VersionedPortable
from hazelcast.serialization.constants import FieldType
from hazelcast.serialization.portable import ClassDefinitionBuilder
from hazelcast.serialization.service import SerializationService

from tests.unit.serialization.sample_types import config


class Inner(Portable):
    def __init__(self, name=None):
        self.name = name

    def get_factory_id(self):
        return 5

    def get_class_id(self):
        return 2

    def write_portable(self, w):
        w.write_utf("name", self.name)

    def read_portable(self, r):
        self.name = r.read_utf("name")

    def __eq__(self, other):
        return isinstance(other, Inner) and self.name == other.name


class Outer(Portable):
    def __init__(self, inner=None, inners=None, raw=None, null_inner=False):
        self.inner = inner
        self.inners = inners
        self.raw = raw
        self.null_inner = null_inner

    def get_factory_id(self):
        return 5

    def get_class_id(self):
        return 1

    def write_portable(self, w):
        if self.null_inner:
            w.write_null_portable("inner", 5, 2)
        else:
            w.write_portable("inner", self.inner)
        w.write_portable_array("inners", self.inners)
        w.write_long("n", 7)
        if self.raw is not None:
            out = w.get_raw_data_output()
            out.write_utf(self.raw)
            out.write_object([1, "two"])

    def read_portable(self, r):
        self.inner = r.read_portable("inner")
        self.inners = r.read_portable_array("inners")
        self.n = r.read_long("n")
        if self.raw is not None or r.has_field("n"):
            try:
                inp = r.get_raw_data_input()
                self.raw = (inp.read_utf(), inp.read_object())
            except HazelcastSerializationError:
                self.raw = None


FACTORIES = {5: {1: Outer, 2: Inner}}


def svc(**kw):
    kw.setdefault("portable_factories", FACTORIES)
    return SerializationService(config(**kw))


def test_nested_portables_arrays_and_raw_data():
    s = svc()
    obj = s.to_object(s.to_data(Outer(Inner("a"), [Inner("b"), Inner("c")], raw="raw!")))
    assert obj.inner == Inner("a")
    assert obj.inners == [Inner("b"), Inner("c")]
    assert obj.n == 7
    assert obj.raw == ("raw!", [1, "two"])


def test_null_portable_and_null_array_with_registered_definitions():
    inner_cd = ClassDefinitionBuilder(5, 2).add_utf_field("name").build()
    outer_cd = (ClassDefinitionBuilder(5, 1).add_portable_field("inner", inner_cd)
                .add_portable_array_field("inners", inner_cd).add_long_field("n").build())
    s = svc(class_definitions=[inner_cd, outer_cd])
    obj = s.to_object(s.to_data(Outer(None, None)))
    assert obj.inner is None and obj.inners is None and obj.raw is None
    obj = s.to_object(s.to_data(Outer(null_inner=True, inners=[])))
    assert obj.inner is None and obj.inners == []


def test_null_portable_cannot_be_learned():
    with pytest.raises(HazelcastSerializationError, match="null portable field 'inner'"):
        svc().to_data(Outer(None, [Inner("x")]))


def test_check_class_def_errors_detects_missing_nested_definition():
    inner_cd = ClassDefinitionBuilder(5, 2).add_utf_field("name").build()
    outer_cd = ClassDefinitionBuilder(5, 1).add_portable_field("inner", inner_cd).build()
    with pytest.raises(HazelcastSerializationError, match="5/2"):
        svc(class_definitions=[outer_cd])
    svc(class_definitions=[outer_cd], check_class_def_errors=False)


def test_writing_field_not_in_registered_definition():
    cd = ClassDefinitionBuilder(5, 2).add_int_field("other").build()
    with pytest.raises(HazelcastSerializationError, match="Invalid field name 'name'"):
        svc(class_definitions=[cd]).to_data(Inner("x"))
    cd = ClassDefinitionBuilder(5, 2).add_int_field("name").build()
    with pytest.raises(HazelcastSerializationError, match="declared as int but written as utf"):
        svc(class_definitions=[cd]).to_data(Inner("x"))


def test_class_definition_builder():
    cd = (ClassDefinitionBuilder(1, 2, 3).add_int_field("a").add_utf_array_field("b")
          .add_double_field("c").build())
    assert cd.get_field_names() == ["a", "b", "c"]
    assert cd.get_field_type("b") == FieldType.UTF_ARRAY
    assert cd.get_field(2).name == "c" and cd.version == 3
    with pytest.raises(HazelcastSerializationError):
        ClassDefinitionBuilder(1, 2).add_int_field("a").add_long_field("a")


class PersonV1(VersionedPortable):
    def __init__(self, name=None, age=0):
        self.name, self.age = name, age

    def get_factory_id(self):
        return 7

    def get_class_id(self):
        return 1

    def get_class_version(self):
        return 1

    def write_portable(self, w):
        w.write_utf("name", self.name)
        w.write_int("age", self.age)

    def read_portable(self, r):
        self.name = r.read_utf("name")
        self.age = r.read_int("age")


class PersonV2(PersonV1):
    """Version 2: age widened to long, new field email, new field score."""

    def get_class_version(self):
        return 2

    def write_portable(self, w):
        w.write_utf("name", self.name)
        w.write_long("age", self.age)
        w.write_utf("email", getattr(self, "email", None))
        w.write_double("score", 1.5)

    def read_portable(self, r):
        self.name = r.read_utf("name")
        self.age = r.read_long("age")
        self.email = r.read_utf("email")
        self.score = r.read_double("score")
        self.version_read = r.get_version()


class PersonV3BadType(PersonV1):
    def get_class_version(self):
        return 3

    def read_portable(self, r):
        self.name = r.read_int("name")


def test_reading_another_version_gives_defaults_and_widens():
    v1 = svc(portable_factories={7: {1: PersonV1}})
    v2 = svc(portable_factories={7: {1: PersonV2}})
    obj = v2.to_object(v1.to_data(PersonV1("ann", 31)))
    assert (obj.name, obj.age, obj.email, obj.score) == ("ann", 31, None, 0.0)
    assert obj.version_read == 1
    p = PersonV2("bob", 40)
    p.email = "b@x"
    back = v2.to_object(v2.to_data(p))
    assert (back.name, back.age, back.email, back.score) == ("bob", 40, "b@x", 1.5)


def test_narrowing_across_versions_raises_clear_error():
    v1 = svc(portable_factories={7: {1: PersonV1}})
    v2 = svc(portable_factories={7: {1: PersonV2}})
    p = PersonV2("bob", 40)
    with pytest.raises(HazelcastSerializationError, match="'age'.*written as long.*read as int"):
        v1.to_object(v2.to_data(p))
    v3 = svc(portable_factories={7: {1: PersonV3BadType}})
    with pytest.raises(HazelcastSerializationError, match="'name'.*utf.*int"):
        v3.to_object(v1.to_data(PersonV1("x", 1)))


def test_global_portable_version_is_written():
    s = svc(portable_version=4)
    d = s.to_data(Inner("v"))
    assert int.from_bytes(d.buffer[16:20], "big") == 4
    assert s.to_object(d) == Inner("v")


def test_unknown_field_same_version_raises():
    class Reader(Inner):
        def read_portable(self, r):
            r.read_utf("missing")
    w = svc()
    d = w.to_data(Inner("x"))
    r = svc(portable_factories={5: {2: Reader}})
    with pytest.raises(HazelcastSerializationError, match="Unknown field name 'missing'"):
        r.to_object(d)


def test_unknown_portable_factory_names_ids():
    d = svc().to_data(Inner("x"))
    with pytest.raises(HazelcastSerializationError, match="factory id 5 .class id 2"):
        svc(portable_factories={}).to_object(d)


def test_portable_mixed_byte_orders():
    le = svc(is_big_endian=False)
    obj = le.to_object(le.to_data(Outer(Inner("a"), [Inner("b")], raw="r")))
    assert obj.inner == Inner("a") and obj.raw == ("r", [1, "two"])
