"""Every record of serialization-3.x-sample.binary reads to its reference
value and writes back to the same bytes, in both byte orders."""
import array
import os
import struct

import pytest

from hazelcast.serialization.constants import INTEGER_TYPE
from hazelcast.serialization.data import Data
from hazelcast.serialization.streams import ObjectDataOutputImpl

from tests.unit.serialization import sample_types as st

SAMPLE = os.path.join("..", "shared", "protocol", "vectors", "serialization-3.x-sample.binary")


def f32(x):
    return struct.unpack(">f", struct.pack(">f", x))[0]


def _records():
    if not os.path.exists(SAMPLE):
        return None
    with open(SAMPLE, "rb") as fh:
        raw = fh.read()
    out, pos = [], 0
    while pos < len(raw):
        k = struct.unpack_from(">i", raw, pos)[0]
        key = raw[pos + 4:pos + 4 + k].decode("ascii")
        pos += 4 + k
        n = struct.unpack_from(">i", raw, pos)[0]
        pos += 4
        data = None
        if n >= 0:
            data = raw[pos:pos + n]
            pos += n
        out.append((key, data))
    return out


RECORDS = _records()


@pytest.fixture(scope="module")
def records():
    if RECORDS is None:
        pytest.skip("serialization sample not found at %s (run from the repo root with "
                    "/work/shared present)" % SAMPLE)
    return RECORDS


def test_record_count(records):
    assert len(records) == 44
    assert sum(1 for k, _ in records if k.endswith("BIG_ENDIAN")) == 22


def _inner():
    return st.AnInnerPortable(56789, f32(900.5678))


def expected(name):
    """(reference value, comparison) of a record type name."""
    floats = [f32(x) for x in st.FLOATS_F32]
    return {
        "NULL": None, "Boolean": True, "Byte": 113, "Character": "x",
        "Double": -897543.3678909, "Short": -500, "Float": f32(900.5678), "Integer": 56789,
        "Long": -50992225, "String": st.S, "AnInnerPortable": _inner(),
        "boolean[]": st.BOOLEANS, "byte[]": st.BYTES, "char[]": st.CHARS,
        "double[]": st.DOUBLES, "short[]": st.SHORTS, "float[]": floats, "int[]": st.INTS,
        "long[]": st.LONGS, "String[]": st.STRINGS,
    }[name]


def _split(key):
    _, name, order = key.split("-", 2)
    return name, order == "BIG_ENDIAN"


def test_every_record_reads_to_reference_value(records):
    for key, raw in records:
        name, be = _split(key)
        svc = st.sample_service(be)
        if raw is None:
            assert name == "NULL"
            assert svc.to_object(None) is None
            assert svc.to_data(None) is None
            continue
        obj = svc.to_object(Data(raw))
        floats = [f32(x) for x in st.FLOATS_F32]
        if name == "AnIdentifiedDataSerializable":
            assert obj.values[:5] == [True, 113, "x", -897543.3678909, -500], key
            assert obj.values[5] == f32(900.5678)
            assert obj.values[6:] == [56789, -50992225, st.S]
            assert obj.arrays == [st.BOOLEANS, st.BYTES, st.CHARS, st.DOUBLES, st.SHORTS,
                                  floats, st.INTS, st.LONGS, st.STRINGS], key
            assert obj.nulls == [None] * 9
            assert obj.portable == _inner() and obj.null_object is None
        elif name == "APortable":
            assert obj.values[:5] == [True, 113, "x", -897543.3678909, -500], key
            assert obj.values[5] == f32(900.5678)
            assert obj.values[6:] == [56789, -50992225, st.S]
            assert obj.p == _inner()
            assert obj.arrays == [st.BOOLEANS, st.BYTES, st.CHARS, st.DOUBLES, st.SHORTS,
                                  floats, st.INTS, st.LONGS, st.STRINGS], key
            assert obj.ps == [_inner()] * 3
            assert obj.nulls == [None] * 9
        else:
            assert obj == expected(name), key


def _write_stream(be, method, value, type_id):
    out = ObjectDataOutputImpl(None, be)
    getattr(out, method)(value)
    out.write_int_be_at(4, type_id)
    return out.to_byte_array()


def written(name, be):
    """Our bytes for the record ``name``, through the public API where Python has a type."""
    svc = st.sample_service(be)
    floats = array.array("f", st.FLOATS_F32)
    by_service = {
        "Boolean": True, "Double": -897543.3678909, "Integer": 56789, "String": st.S,
        "AnInnerPortable": st.AnInnerPortable(56789, 900.5678), "byte[]": st.BYTES,
        "char[]": array.array("u", "abc"), "double[]": array.array("d", st.DOUBLES),
        "short[]": array.array("h", st.SHORTS), "float[]": floats,
        "int[]": array.array("i", st.INTS), "long[]": array.array("q", st.LONGS),
        "AnIdentifiedDataSerializable": st.AnIdentifiedDataSerializable(
            st.PRIM_VALUES, st.ARRAY_VALUES, st.AnInnerPortable(56789, 900.5678)),
        "APortable": st.APortable(st.PRIM_VALUES, st.AnInnerPortable(56789, 900.5678),
                                  st.ARRAY_VALUES, [st.AnInnerPortable(56789, 900.5678)] * 3),
    }
    if name in by_service:
        return svc.to_data(by_service[name]).buffer
    int_types = {"Byte": (INTEGER_TYPE.BYTE, 113), "Short": (INTEGER_TYPE.SHORT, -500),
                 "Long": (INTEGER_TYPE.LONG, -50992225)}
    if name in int_types:
        kind, value = int_types[name]
        return st.sample_service(be, default_integer_type=kind).to_data(value).buffer
    streams = {"Character": ("write_char", "x", -5), "Float": ("write_float", 900.5678, -9),
               "boolean[]": ("write_boolean_array", st.BOOLEANS, -13),
               "String[]": ("write_utf_array", st.STRINGS, -20)}
    return _write_stream(be, *streams[name])


def test_every_record_writes_back_to_the_same_bytes(records):
    for key, raw in records:
        name, be = _split(key)
        if raw is None:
            continue
        assert written(name, be) == raw, key


def test_var_integer_picks_the_sample_types(records):
    by_key = dict(records)
    svc = st.sample_service(True, default_integer_type=INTEGER_TYPE.VAR)
    assert svc.to_data(113).buffer == by_key["1-Byte-BIG_ENDIAN"]
    assert svc.to_data(-500).buffer == by_key["1-Short-BIG_ENDIAN"]
    assert svc.to_data(56789).buffer == by_key["1-Integer-BIG_ENDIAN"]
    assert svc.to_data(-50992225).buffer == by_key["1-Integer-BIG_ENDIAN"][:8] + \
        struct.pack(">i", -50992225)


def test_portable_positions_match_vectors(records):
    raw = dict(records)["1-APortable-BIG_ENDIAN"]
    positions = struct.unpack_from(">30i", raw, 28)
    assert list(positions[:29]) == [148, 156, 161, 167, 179, 185, 193, 201, 213, 390, 443, 461,
                                   477, 492, 533, 548, 573, 594, 635, 825, 974, 993, 1006, 1019,
                                   1032, 1045, 1058, 1071, 1084]
    assert positions[29] == 0


def test_portable_readable_without_registered_class_definition(records):
    """A fresh service learns the class definition from the inline field names."""
    raw = dict(records)["1-APortable-LITTLE_ENDIAN"]
    svc = st.sample_service(False)
    assert svc.portable_context.lookup(1, 1, 0) is None
    obj = svc.to_object(Data(raw))
    assert obj.values[8] == st.S
    cd = svc.portable_context.lookup(1, 1, 0)
    assert cd.get_field_names()[:3] == ["bool", "b", "c"]
    assert cd.get_field("p").class_id == 2
