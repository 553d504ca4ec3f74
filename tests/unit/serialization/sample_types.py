"""The reference objects of ../shared/protocol/vectors/serialization-3.x-sample.binary
(VECTORS.md section (d)), and a stand-in SerializationConfig."""
import types

from hazelcast.serialization.api import IdentifiedDataSerializable, Portable
from hazelcast.serialization.constants import INTEGER_TYPE
from hazelcast.serialization.service import SerializationService

W1 = "Pijamalı hasta, yağız şoföre çabucak güvendi."
W2 = "イロハニホヘト チリヌルヲ ワカヨタレソ ツネナラム"
W3 = "The quick brown fox jumps over the lazy dog"
S = W1 + W2 + W3
BOOLEANS = [True, False, True]
BYTES = bytes([112, 4, 255, 4, 112, 256 - 35, 43])
CHARS = ["a", "b", "c"]
DOUBLES = [-897543.3678909, 11.1, 22.2, 33.3]
SHORTS = [-500, 2, 3]
FLOATS_F32 = [900.5678, 1.0, 2.1, 3.4]  # compared after float32 rounding
INTS = [56789, 2, 3]
LONGS = [-50992225, 1231232141, 2, 3]
STRINGS = [W1, W2, W3]


def config(**overrides):
    """A stand-in for hazelcast.config.SerializationConfig."""
    cfg = types.SimpleNamespace(
        portable_version=0, data_serializable_factories={}, portable_factories={},
        class_definitions=[], check_class_def_errors=True, is_big_endian=True,
        default_integer_type=INTEGER_TYPE.INT, custom_serializers={}, global_serializer=None,
        allow_pickle=True)
    for k, v in overrides.items():
        setattr(cfg, k, v)
    return cfg


class AnInnerPortable(Portable):
    def __init__(self, i=0, f=0.0):
        self.i = i
        self.f = f

    def get_factory_id(self):
        return 1

    def get_class_id(self):
        return 2

    def write_portable(self, writer):
        writer.write_int("i", self.i)
        writer.write_float("f", self.f)

    def read_portable(self, reader):
        self.i = reader.read_int("i")
        self.f = reader.read_float("f")

    def __eq__(self, other):
        return isinstance(other, AnInnerPortable) and (self.i, self.f) == (other.i, other.f)


_PRIMS = ("boolean", "byte", "char", "double", "short", "float", "int", "long", "utf")
_ARRAYS = ("boolean", "byte", "char", "double", "short", "float", "int", "long", "utf")


class AnIdentifiedDataSerializable(IdentifiedDataSerializable):
    """Fields in the order of VECTORS.md (d)."""

    def __init__(self, values=None, arrays=None, portable=None):
        self.values = values
        self.arrays = arrays
        self.portable = portable

    def get_factory_id(self):
        return 1

    def get_class_id(self):
        return 1

    def write_data(self, out):
        for kind, v in zip(_PRIMS, self.values):
            getattr(out, "write_" + kind)(v)
        for kind, v in zip(_ARRAYS, self.arrays):
            getattr(out, "write_%s_array" % kind)(v)
        for kind in _ARRAYS:
            getattr(out, "write_%s_array" % kind)(None)
        out.write_object(self.portable)
        out.write_object(None)

    def read_data(self, inp):
        self.values = [getattr(inp, "read_" + kind)() for kind in _PRIMS]
        self.arrays = [getattr(inp, "read_%s_array" % kind)() for kind in _ARRAYS]
        self.nulls = [getattr(inp, "read_%s_array" % kind)() for kind in _ARRAYS]
        self.portable = inp.read_object()
        self.null_object = inp.read_object()


_P_NAMES = ("bool", "b", "c", "d", "s", "f", "i", "l", "str")
_A_NAMES = ("booleans", "bs", "cs", "ds", "ss", "fs", "is", "ls", "strs")
_A_KINDS = ("boolean", "byte", "char", "double", "short", "float", "int", "long", "utf")


class APortable(Portable):
    def __init__(self, values=None, p=None, arrays=None, ps=None):
        self.values = values
        self.p = p
        self.arrays = arrays
        self.ps = ps

    def get_factory_id(self):
        return 1

    def get_class_id(self):
        return 1

    def write_portable(self, w):
        for name, kind, v in zip(_P_NAMES, _PRIMS, self.values):
            getattr(w, "write_" + kind)(name, v)
        w.write_portable("p", self.p)
        for name, kind, v in zip(_A_NAMES, _A_KINDS, self.arrays):
            getattr(w, "write_%s_array" % kind)(name, v)
        w.write_portable_array("ps", self.ps)
        for name, kind in zip(_A_NAMES, _A_KINDS):
            getattr(w, "write_%s_array" % kind)(name + "Null", None)

    def read_portable(self, r):
        self.values = [getattr(r, "read_" + kind)(name) for name, kind in zip(_P_NAMES, _PRIMS)]
        self.p = r.read_portable("p")
        self.arrays = [getattr(r, "read_%s_array" % kind)(name)
                       for name, kind in zip(_A_NAMES, _A_KINDS)]
        self.ps = r.read_portable_array("ps")
        self.nulls = [getattr(r, "read_%s_array" % kind)(name + "Null")
                      for name, kind in zip(_A_NAMES, _A_KINDS)]


PRIM_VALUES = [True, 113, "x", -897543.3678909, -500, 900.5678, 56789, -50992225, S]
ARRAY_VALUES = [BOOLEANS, BYTES, CHARS, DOUBLES, SHORTS, FLOATS_F32, INTS, LONGS, STRINGS]


def sample_service(big_endian=True, **overrides):
    return SerializationService(config(
        is_big_endian=big_endian,
        data_serializable_factories={1: {1: AnIdentifiedDataSerializable}},
        portable_factories={1: {1: APortable, 2: AnInnerPortable}}, **overrides))
