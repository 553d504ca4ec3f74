"""Streams: byte order, UTF encoding, bounds checks."""
import pytest

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import utf
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationService
from hazelcast.serialization.streams import ObjectDataInputImpl, ObjectDataOutputImpl

from tests.unit.serialization.sample_types import config


@pytest.mark.parametrize("s,count,hexbytes", [
    ("abc", 3, "616263"),
    ("\x00", 1, "00"),
    ("é", 1, "c3a9"),
    ("€", 1, "e282ac"),
    ("😀", 2, "eda0bdedb880"),      # two 3-byte surrogate sequences, never 4-byte UTF-8
    ("\udc00", 1, "edb080"),        # lone surrogate kept
])
def test_utf_encoding(s, count, hexbytes):
    n, raw = utf.encode(s)
    assert (n, raw.hex()) == (count, hexbytes)
    out = ObjectDataOutputImpl(None, True, header=False)
    out.write_utf(s)
    out.write_int(7)
    inp = ObjectDataInputImpl(out.to_byte_array(), 0)
    assert inp.read_utf() == s
    assert inp.read_int() == 7


def test_utf_abc_example_of_readme():
    out = ObjectDataOutputImpl(None, True, header=False)
    out.write_utf("abc")
    assert out.to_byte_array().hex() == "00000003616263"


def test_every_bmp_code_unit_round_trips():
    # (adjacent high+low surrogates would legitimately read back as one character)
    s = "".join(chr(c) for c in range(0, 0x10000, 7) if not 0xD800 <= c < 0xE000)
    s += "😀a\U0010ffff"
    out = ObjectDataOutputImpl(None, False, header=False)
    out.write_utf(s)
    out.write_utf(None)
    inp = ObjectDataInputImpl(out.to_byte_array(), 0, big_endian=False)
    assert inp.read_utf() == s
    assert inp.read_utf() is None
    assert inp.available() == 0


@pytest.mark.parametrize("method", ["read_int", "read_long", "read_short", "read_double",
                                    "read_utf", "read_byte_array", "read_int_array",
                                    "read_utf_array", "read_boolean", "read_char"])
def test_truncated_reads_raise_serialization_error(method):
    inp = ObjectDataInputImpl(b"\x00\x00\x00\x05a", 0)
    inp.read_byte()
    inp.read_byte()
    inp.read_byte()
    with pytest.raises(HazelcastSerializationError):
        for _ in range(3):
            getattr(inp, method)()


@pytest.mark.parametrize("raw", [
    "00000000fffffff5000000056162",        # string shorter than announced
    "00000000fffffff50000000361e282",      # cut inside a multi-byte char
    "00000000fffffff9000000",              # int cut
    "00000000ffffffe6000000020000",        # list cut
    "00000000ffffffff00000001",            # portable cut
    "00000000fffffffe0100",                # IDS cut
    "0000",                                # header cut
    "00000000fffffff47fffffff",            # huge byte[] count
])
def test_truncated_data_raises_serialization_error(raw):
    s = SerializationService(config())
    with pytest.raises(HazelcastSerializationError):
        s.to_object(Data(bytes.fromhex(raw)))


def test_positions_and_byte_order():
    out = ObjectDataOutputImpl(None, False, header=False)
    out.write_int(1)
    out.write_short(2)
    out.write_int_at(0, 0x01020304)
    assert out.to_byte_array().hex() == "040302010200"
    assert out.get_byte_order() == "LITTLE_ENDIAN"
    inp = ObjectDataInputImpl(out.to_byte_array(), 0, big_endian=False)
    assert inp.read_short(4) == 2
    assert inp.position() == 0
    assert inp.skip_bytes(100) == 6
    assert inp.available() == 0


def test_write_range_errors():
    out = ObjectDataOutputImpl(None)
    for method, value in (("write_byte", 300), ("write_short", 40000),
                          ("write_int", 2 ** 31), ("write_long", 2 ** 63)):
        with pytest.raises(HazelcastSerializationError, match="does not fit"):
            getattr(out, method)(value)
    with pytest.raises(HazelcastSerializationError):
        out.write_int_array([2 ** 40])
    with pytest.raises(HazelcastSerializationError):
        out.write_char("ab")


def test_misc_methods():
    out = ObjectDataOutputImpl(None, True, header=False)
    out.write_bytes("AB")
    out.write_chars("AB")
    out.write_from(b"xyz", 1, 1)
    out.write_byte_array([-1, 2])
    out.write_boolean_array([True, False])
    out.write_char_array(["a"])
    assert out.to_byte_array().hex() == "4142" + "00410042" + "79" + "00000002ff02" + \
        "000000020100" + "0000000100" + "61"
    inp = ObjectDataInputImpl(out.to_byte_array(), 0)
    buf = bytearray(2)
    inp.read_into(buf)
    assert buf == b"AB"
    assert inp.read_unsigned_short() == 0x41


def test_nested_objects_need_a_service():
    """A stream made without the serialization service refuses nested objects with a clear error
    (before: AttributeError on None)."""
    with pytest.raises(HazelcastSerializationError, match="write_object needs the serialization service"):
        ObjectDataOutputImpl(None).write_object("x")
    with pytest.raises(HazelcastSerializationError, match="read_object needs the serialization service"):
        ObjectDataInputImpl(b"\x00\x00\x00\x00", 0).read_object()
