"""Round trips, the priority order, and the error cases of SerializationService."""
import array
import datetime
import decimal
import pickle
import threading
import uuid

import pytest

from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable, StreamSerializer
from hazelcast.serialization.builtins import JavaClass, JavaEnum
from hazelcast.serialization.constants import INTEGER_TYPE
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationService

from tests.unit.serialization.sample_types import config


def svc(**kw):
    return SerializationService(config(**kw))


def type_of(service, obj):
    return service.to_data(obj).get_type()


@pytest.mark.parametrize("be", [True, False])
@pytest.mark.parametrize("value", [
    "", "abc", "é😀\x00z\ud800", "x" * 5000, 0, -1, 2 ** 31 - 1, -2 ** 31, True, False, 1.5,
    -0.0, float("inf"), [1, "a", None, [2.5, True]], [], b"", b"\x00\xff",
    HazelcastJsonValue('{"a": 1}'), decimal.Decimal("-123.4500"), decimal.Decimal("1E+5"),
    decimal.Decimal(0), JavaClass("java.lang.String"), JavaEnum("java.util.concurrent.TimeUnit",
                                                                 "SECONDS"),
    {"k": [1, 2]}, {1, 2}, uuid.UUID(int=5), None,
])
def test_round_trip(value, be):
    s = svc(is_big_endian=be)
    assert s.to_object(s.to_data(value)) == value


@pytest.mark.parametrize("kind,value,type_id", [
    (INTEGER_TYPE.BYTE, -128, -3), (INTEGER_TYPE.SHORT, 32767, -6), (INTEGER_TYPE.INT, 7, -7),
    (INTEGER_TYPE.LONG, 2 ** 63 - 1, -8), (INTEGER_TYPE.BIG_INT, 2 ** 100, -23),
    (INTEGER_TYPE.BIG_INT, -2 ** 100, -23), (INTEGER_TYPE.VAR, 2 ** 64, -23),
    (INTEGER_TYPE.VAR, 128, -6), (INTEGER_TYPE.VAR, 2 ** 40, -8),
])
def test_integer_types(kind, value, type_id):
    s = svc(default_integer_type=kind)
    d = s.to_data(value)
    assert d.get_type() == type_id
    assert s.to_object(d) == value


@pytest.mark.parametrize("value,raw", [(0, "00"), (-1, "ff"), (127, "7f"), (128, "0080"),
                                       (-128, "80"), (-129, "ff7f"), (255, "00ff")])
def test_big_integer_bytes_are_java_to_byte_array(value, raw):
    d = svc(default_integer_type=INTEGER_TYPE.BIG_INT).to_data(value)
    assert d.buffer[8:].hex() == "%08x" % (len(raw) // 2) + raw


def test_int_too_large_names_value_type_and_option():
    with pytest.raises(HazelcastSerializationError) as e:
        svc().to_data(2 ** 31)
    msg = str(e.value)
    assert "2147483648" in msg and "Integer" in msg and "default_integer_type" in msg
    with pytest.raises(HazelcastSerializationError, match="Byte"):
        svc(default_integer_type=INTEGER_TYPE.BYTE).to_data(200)


def test_builtin_type_ids():
    s = svc()
    assert [type_of(s, v) for v in ("a", 1, True, 1.0, [1], (1,), b"x", bytearray(b"x"))] == \
        [-11, -7, -4, -10, -26, -26, -12, -12]
    assert type_of(s, HazelcastJsonValue("1")) == -130
    assert type_of(s, datetime.datetime.now()) == -22
    assert type_of(s, decimal.Decimal("1.5")) == -24
    assert type_of(s, {"a": 1}) == -120
    arrays = {"b": -12, "h": -15, "i": -16, "q": -17, "f": -18, "d": -19, "u": -14}
    for code, tid in arrays.items():
        assert type_of(s, array.array(code, "ab" if code == "u" else [1, 2])) == tid


def test_tuple_and_bytearray_read_back_as_list_and_bytes():
    s = svc()
    assert s.to_object(s.to_data((1, "a"))) == [1, "a"]
    assert s.to_object(s.to_data(bytearray(b"ab"))) == b"ab"
    assert s.to_object(s.to_data(array.array("i", [1, 2]))) == [1, 2]


def test_datetime_is_java_date_in_milliseconds():
    s = svc()
    utc = datetime.datetime(2020, 5, 17, 12, 30, 1, 123999, tzinfo=datetime.timezone.utc)
    d = s.to_data(utc)
    assert d.buffer[8:] == (1589718601123).to_bytes(8, "big")
    assert s.to_object(d) == utc.replace(microsecond=123000)
    naive = datetime.datetime(2001, 2, 3, 4, 5, 6)
    assert s.to_object(s.to_data(naive)) == naive.astimezone()
    before_epoch = datetime.datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=datetime.timezone.utc)
    assert s.to_object(s.to_data(before_epoch)) == before_epoch


def test_non_data_passes_through_and_null():
    s = svc()
    obj = object()
    assert s.to_object(obj) is obj
    assert s.to_object(None) is None
    assert s.to_data(None) is None
    assert s.to_object(Data(b"")) is None
    d = s.to_data("x")
    assert s.to_data(d) is d


class Ids(IdentifiedDataSerializable, str):
    def get_factory_id(self):
        return 9

    def get_class_id(self):
        return 1

    def write_data(self, out):
        out.write_utf("ids")

    def read_data(self, inp):
        self.read = inp.read_utf()


class Both(Portable, IdentifiedDataSerializable):
    def get_factory_id(self):
        return 9

    def get_class_id(self):
        return 1

    def write_data(self, out):
        pass

    def write_portable(self, w):
        pass


class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Point3(Point):
    pass


class PointSerializer(StreamSerializer):
    def get_type_id(self):
        return 1000

    def write(self, out, obj):
        out.write_int(obj.x)
        out.write_int(obj.y)

    def read(self, inp):
        return Point(inp.read_int(), inp.read_int())


class MyInt(int):
    pass


class MyIntSerializer(StreamSerializer):
    def get_type_id(self):
        return 1001

    def write(self, out, obj):
        out.write_long(obj)

    def read(self, inp):
        return MyInt(inp.read_long())


class GlobalSer(StreamSerializer):
    destroyed = False

    def get_type_id(self):
        return 2000

    def write(self, out, obj):
        out.write_utf(repr(obj))

    def read(self, inp):
        return ("global", inp.read_utf())

    def destroy(self):
        GlobalSer.destroyed = True


def test_priority_order():
    s = svc(custom_serializers={Point: PointSerializer, str: PointSerializer, MyInt: MyIntSerializer},
            global_serializer=GlobalSer)
    assert type_of(s, Ids("abc")) == -2          # IDS before built-in str
    assert type_of(s, Both()) == -2              # IDS before Portable
    assert type_of(s, "abc") == -11              # built-in before custom
    assert type_of(s, Point(1, 2)) == 1000       # custom by exact type
    assert type_of(s, Point3(1, 2)) == 1000      # custom by base class
    assert type_of(s, MyInt(5)) == 1001          # custom for a subclass of a built-in
    assert type_of(s, {"a": 1}) == 2000          # global before pickle
    assert s.to_object(s.to_data({"a": 1})) == ("global", "{'a': 1}")
    assert s.to_object(s.to_data(Point3(3, 4))) == Point(3, 4)
    s.destroy()
    assert GlobalSer.destroyed


def test_builtin_subclasses_use_builtin_serializers():
    import enum

    class Color(enum.IntEnum):
        RED = 1
    s = svc()
    assert type_of(s, Color.RED) == -7
    assert type_of(s, MyInt(3)) == -7


def test_pickle_switch_refuses_both_ways():
    allowed = svc()
    d = allowed.to_data(uuid.UUID(int=1))
    assert d.get_type() == -120
    strict = svc(allow_pickle=False)
    with pytest.raises(HazelcastSerializationError, match="UUID.*allow_pickle"):
        strict.to_data(uuid.UUID(int=1))
    with pytest.raises(HazelcastSerializationError, match="allow_pickle"):
        strict.to_object(d)
    assert strict.to_object(strict.to_data("still fine")) == "still fine"


def test_a_null_pickle_is_a_serialization_error():
    # type -120 with a null byte array (length -1): nothing a pickle could come from
    null_pickle = Data(b"\x00\x00\x00\x00" + (-120).to_bytes(4, "big", signed=True) + b"\xff\xff\xff\xff")
    with pytest.raises(HazelcastSerializationError, match="Cannot unpickle value: the pickle bytes are null"):
        svc().to_object(null_pickle)


def test_unknown_ids_are_named():
    s = svc(data_serializable_factories={9: {2: Ids}})
    d = svc().to_data(Ids("x"))
    with pytest.raises(HazelcastSerializationError, match="factory 9 has no class for class id 1"):
        s.to_object(d)
    with pytest.raises(HazelcastSerializationError, match="factory id 9 .class id 1"):
        svc().to_object(d)
    with pytest.raises(HazelcastSerializationError, match="type id 4242"):
        svc().to_object(Data(b"\x00\x00\x00\x00\x00\x00\x10\x92"))


def test_invalid_custom_type_ids():
    class Bad(PointSerializer):
        def get_type_id(self):
            return -3
    with pytest.raises(HazelcastSerializationError, match="positive"):
        svc(custom_serializers={Point: Bad})
    with pytest.raises(HazelcastSerializationError, match="1000"):
        svc(custom_serializers={Point: PointSerializer, Point3: PointSerializer()})


def test_unpicklable_raises_serialization_error():
    with pytest.raises(HazelcastSerializationError, match="pickle"):
        svc().to_data(threading.Lock())


def test_java_serializable_names_the_class():
    jdk = b"\xac\xed\x00\x05\x73\x72\x00\x11java.util.HashMap" + b"\x00" * 8
    d = Data(b"\x00\x00\x00\x00\xff\xff\xff\x9c" + jdk)
    with pytest.raises(HazelcastSerializationError, match="java.util.HashMap"):
        svc().to_object(d)


def test_non_identified_data_serializable():
    d = Data(b"\x00" * 4 + b"\xff\xff\xff\xfe" + b"\x00" + b"\x00\x00\x00\x03Foo")
    with pytest.raises(HazelcastSerializationError, match="Foo"):
        svc().to_object(d)


def test_java_types_a_member_may_return():
    s = svc()
    linked = Data(b"\x00" * 4 + (-27).to_bytes(4, "big", signed=True) + b"\x00\x00\x00\x01"
                  + (-6).to_bytes(4, "big", signed=True) + b"\xfe\x0c")
    assert s.to_object(linked) == [-500]
    float_data = Data(b"\x00" * 4 + (-9).to_bytes(4, "big", signed=True) + b"\x3f\xc0\x00\x00")
    assert s.to_object(float_data) == 1.5


def test_partitioning_strategy():
    s = svc()
    d = s.to_data("order-1@customer-7", partitioning_strategy=lambda k: k.split("@")[1])
    assert d.get_partition_hash() == s.to_data("customer-7").get_partition_hash()
    assert s.to_object(d) == "order-1@customer-7"


def test_thread_safety():
    s = svc()
    errors = []

    def work(n):
        try:
            for i in range(300):
                v = [n, i, "s%d" % i, {"p": i}]
                assert s.to_object(s.to_data(v)) == v
        except Exception as e:  # pragma: no cover
            errors.append(e)
    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_pickle_payload_is_a_byte_array():
    d = svc().to_data({"a": 1})
    n = int.from_bytes(d.buffer[8:12], "big")
    assert pickle.loads(d.buffer[12:12 + n]) == {"a": 1}


def test_json_value_raises_what_json_dumps_raises_as_3_12_3_does():
    from hazelcast.core import HazelcastJsonValue
    with pytest.raises(TypeError, match="not JSON-serializable"):
        HazelcastJsonValue(object())
    circular = []
    circular.append(circular)
    with pytest.raises(ValueError, match="not JSON-serializable"):
        HazelcastJsonValue(circular)


def test_byte_arrays_are_bytes_or_bytearray_with_3_12_3_property():
    from hazelcast.config import ClientProperties
    assert ClientProperties.SERIALIZATION_INPUT_RETURNS_BYTEARRAY.name == \
        "hazelcast.serialization.input.returns.bytearray"
    plain = SerializationService(config())
    assert type(plain.to_object(plain.to_data(b"\x01\x02"))) is bytes
    as_bytearray = SerializationService(config(), byte_arrays_as_bytearray=True)
    value = as_bytearray.to_object(as_bytearray.to_data(b"\x01\x02"))
    assert type(value) is bytearray and value == bytearray(b"\x01\x02")
