"""Built-in (default) serializers: Java primitives, strings, arrays, and the
Java types a member may return (Date, BigInteger, BigDecimal, Class, Enum,
ArrayList, LinkedList). Each writer is ``fn(out, obj) -> type_id``; each
reader is ``fn(inp) -> obj``."""
import datetime
import decimal
from typing import Any, Callable, Dict, List, NamedTuple, NoReturn, Optional

from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import constants as c
from hazelcast.serialization.streams import ObjectDataInputImpl, ObjectDataOutputImpl

Writer = Callable[[ObjectDataOutputImpl, Any], int]
"""Writes a value's payload and returns its type id."""
Reader = Callable[[ObjectDataInputImpl], Any]
"""Reads a value's payload."""

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class JavaClass(NamedTuple):
    """A ``java.lang.Class`` value (type -21), by its binary name."""
    name: str


class JavaEnum(NamedTuple):
    """A Java enum constant (type -25): declaring class name and constant name."""
    class_name: str
    name: str


# --- writers ---------------------------------------------------------------

def write_bool(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_boolean(v)
    return c.CONSTANT_TYPE_BOOLEAN


def write_float(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_double(v)
    return c.CONSTANT_TYPE_DOUBLE


def write_str(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_utf(v)
    return c.CONSTANT_TYPE_STRING


def write_bytes(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_byte_array(v)
    return c.CONSTANT_TYPE_BYTE_ARRAY


def write_json(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_utf(v.to_string())
    return c.JSON_SERIALIZATION_TYPE


def write_list(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_int(len(v))
    for item in v:
        out.write_object(item)
    return c.JAVA_DEFAULT_TYPE_ARRAY_LIST


def write_datetime(out: ObjectDataOutputImpl, v: Any) -> int:
    if v.tzinfo is None:
        v = v.astimezone()  # naive = local time, as datetime.timestamp() reads it
    delta = v - EPOCH
    out.write_long(delta.days * 86400000 + delta.seconds * 1000 + delta.microseconds // 1000)
    return c.JAVA_DEFAULT_TYPE_DATE


def _big_int_bytes(v: int) -> bytes:
    bits = v.bit_length() if v >= 0 else (~v).bit_length()
    return v.to_bytes(bits // 8 + 1, "big", signed=True)


def write_big_int(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_byte_array(_big_int_bytes(v))
    return c.JAVA_DEFAULT_TYPE_BIG_INTEGER


def write_decimal(out: ObjectDataOutputImpl, v: Any) -> int:
    if not v.is_finite():
        raise HazelcastSerializationError(
            "Cannot serialize Decimal %s: a Java BigDecimal has no NaN or infinity" % v)
    sign, digits, exponent = v.as_tuple()
    unscaled = int("".join(map(str, digits)) or "0")
    out.write_byte_array(_big_int_bytes(-unscaled if sign else unscaled))
    out.write_int(-exponent)
    return c.JAVA_DEFAULT_TYPE_BIG_DECIMAL


def write_java_class(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_utf(v.name)
    return c.JAVA_DEFAULT_TYPE_CLASS


def write_java_enum(out: ObjectDataOutputImpl, v: Any) -> int:
    out.write_utf(v.class_name)
    out.write_utf(v.name)
    return c.JAVA_DEFAULT_TYPE_ENUM


# array.array typecode -> (output method, type id)
_ARRAY_TYPECODES = {
    "b": ("write_byte_array", c.CONSTANT_TYPE_BYTE_ARRAY),
    "B": ("write_byte_array", c.CONSTANT_TYPE_BYTE_ARRAY),
    "h": ("write_short_array", c.CONSTANT_TYPE_SHORT_ARRAY),
    "H": ("write_int_array", c.CONSTANT_TYPE_INTEGER_ARRAY),
    "i": ("write_int_array", c.CONSTANT_TYPE_INTEGER_ARRAY),
    "I": ("write_long_array", c.CONSTANT_TYPE_LONG_ARRAY),
    "l": ("write_long_array", c.CONSTANT_TYPE_LONG_ARRAY),
    "L": ("write_long_array", c.CONSTANT_TYPE_LONG_ARRAY),
    "q": ("write_long_array", c.CONSTANT_TYPE_LONG_ARRAY),
    "Q": ("write_long_array", c.CONSTANT_TYPE_LONG_ARRAY),
    "f": ("write_float_array", c.CONSTANT_TYPE_FLOAT_ARRAY),
    "d": ("write_double_array", c.CONSTANT_TYPE_DOUBLE_ARRAY),
    "u": ("write_char_array", c.CONSTANT_TYPE_CHAR_ARRAY),
}


def write_array(out: ObjectDataOutputImpl, v: Any) -> int:
    method, type_id = _ARRAY_TYPECODES[v.typecode]
    getattr(out, method)(v.tobytes() if v.typecode == "B" else v)
    return type_id


# --- integers ---------------------------------------------------------------

_INT_KINDS = {
    c.INTEGER_TYPE.BYTE: ("write_byte", c.CONSTANT_TYPE_BYTE, c.BYTE_MIN, c.BYTE_MAX, "Byte"),
    c.INTEGER_TYPE.SHORT: ("write_short", c.CONSTANT_TYPE_SHORT, c.SHORT_MIN, c.SHORT_MAX, "Short"),
    c.INTEGER_TYPE.INT: ("write_int", c.CONSTANT_TYPE_INTEGER, c.INT_MIN, c.INT_MAX, "Integer"),
    c.INTEGER_TYPE.LONG: ("write_long", c.CONSTANT_TYPE_LONG, c.LONG_MIN, c.LONG_MAX, "Long"),
}
_INTEGER_TYPE_NAMES = {v: k for k, v in vars(c.INTEGER_TYPE).items() if k.isupper()}


def write_int_var(out: ObjectDataOutputImpl, v: Any) -> int:
    """The smallest Java integer type holding ``v``."""
    for kind in (c.INTEGER_TYPE.BYTE, c.INTEGER_TYPE.SHORT, c.INTEGER_TYPE.INT, c.INTEGER_TYPE.LONG):
        method, type_id, lo, hi, _ = _INT_KINDS[kind]
        if lo <= v <= hi:
            getattr(out, method)(v)
            return type_id
    return write_big_int(out, v)


def int_writer(integer_type: int) -> Writer:
    """The writer of Python ints for ``default_integer_type``."""
    if integer_type == c.INTEGER_TYPE.VAR:
        return write_int_var
    if integer_type == c.INTEGER_TYPE.BIG_INT:
        return write_big_int
    if integer_type not in _INT_KINDS:
        raise HazelcastSerializationError(
            "Unknown default_integer_type %r: use one of INTEGER_TYPE.VAR, BYTE, SHORT, INT, "
            "LONG, BIG_INT" % (integer_type,))
    method, type_id, lo, hi, java_name = _INT_KINDS[integer_type]
    option = _INTEGER_TYPE_NAMES[integer_type]

    def write(out: ObjectDataOutputImpl, v: int) -> int:
        if not lo <= v <= hi:
            raise HazelcastSerializationError(
                "Cannot serialize int %d: it does not fit in a Java %s (%d..%d), the type chosen "
                "by SerializationConfig.default_integer_type = INTEGER_TYPE.%s. Set "
                "default_integer_type to INTEGER_TYPE.LONG, BIG_INT or VAR to send it."
                % (v, java_name, lo, hi, option))
        getattr(out, method)(v)
        return type_id
    return write


# --- readers ----------------------------------------------------------------

def read_big_int(inp: ObjectDataInputImpl) -> int:
    raw = inp.read_byte_array()
    if not raw:
        raise HazelcastSerializationError("Corrupt BigInteger: no magnitude bytes")
    return int.from_bytes(raw, "big", signed=True)


def read_decimal(inp: ObjectDataInputImpl) -> decimal.Decimal:
    unscaled = read_big_int(inp)
    scale = inp.read_int()
    digits = tuple(int(d) for d in str(abs(unscaled)))
    return decimal.Decimal((1 if unscaled < 0 else 0, digits, -scale))


def read_date(inp: ObjectDataInputImpl) -> datetime.datetime:
    return EPOCH + datetime.timedelta(milliseconds=inp.read_long())


def read_list(inp: ObjectDataInputImpl) -> Optional[List[Any]]:
    n = inp.read_int()
    if n < 0:
        return None
    if n > inp.available():
        raise HazelcastSerializationError("Corrupt list: %d elements announced, %d bytes left"
                                          % (n, inp.available()))
    read = inp.read_object
    return [read() for _ in range(n)]


def _java_object_class(raw: bytes) -> str:
    """The class name at the head of a JDK object stream, if it has the usual shape."""
    # magic ACED 0005, TC_OBJECT 0x73, TC_CLASSDESC 0x72, u2 length, modified UTF-8 name
    if len(raw) > 9 and raw[:4] == b"\xac\xed\x00\x05" and raw[4] == 0x73 and raw[5] == 0x72:
        n = int.from_bytes(raw[6:8], "big")
        return raw[8:8 + n].decode("utf-8", "replace")
    return "<unknown class>"


def read_java_serializable(inp: ObjectDataInputImpl) -> NoReturn:
    raw = inp.read_raw(inp.available())
    raise HazelcastSerializationError(
        "Cannot read a Java Serializable object (%s): Java object streams are not supported "
        "by the Python client; use IdentifiedDataSerializable, Portable or JSON for values "
        "shared with Python" % _java_object_class(raw))


def read_java_externalizable(inp: ObjectDataInputImpl) -> NoReturn:
    name = inp.read_utf()
    raise HazelcastSerializationError(
        "Cannot read a Java Externalizable object (%s): not supported by the Python client" % name)


def builtin_readers() -> Dict[int, Reader]:
    """type id -> reader for every built-in type."""
    return {
        c.CONSTANT_TYPE_BYTE: lambda i: i.read_byte(),
        c.CONSTANT_TYPE_BOOLEAN: lambda i: i.read_boolean(),
        c.CONSTANT_TYPE_CHAR: lambda i: i.read_char(),
        c.CONSTANT_TYPE_SHORT: lambda i: i.read_short(),
        c.CONSTANT_TYPE_INTEGER: lambda i: i.read_int(),
        c.CONSTANT_TYPE_LONG: lambda i: i.read_long(),
        c.CONSTANT_TYPE_FLOAT: lambda i: i.read_float(),
        c.CONSTANT_TYPE_DOUBLE: lambda i: i.read_double(),
        c.CONSTANT_TYPE_STRING: lambda i: i.read_utf(),
        c.CONSTANT_TYPE_BYTE_ARRAY: lambda i: i.read_byte_array(),
        c.CONSTANT_TYPE_BOOLEAN_ARRAY: lambda i: i.read_boolean_array(),
        c.CONSTANT_TYPE_CHAR_ARRAY: lambda i: i.read_char_array(),
        c.CONSTANT_TYPE_SHORT_ARRAY: lambda i: i.read_short_array(),
        c.CONSTANT_TYPE_INTEGER_ARRAY: lambda i: i.read_int_array(),
        c.CONSTANT_TYPE_LONG_ARRAY: lambda i: i.read_long_array(),
        c.CONSTANT_TYPE_FLOAT_ARRAY: lambda i: i.read_float_array(),
        c.CONSTANT_TYPE_DOUBLE_ARRAY: lambda i: i.read_double_array(),
        c.CONSTANT_TYPE_STRING_ARRAY: lambda i: i.read_utf_array(),
        c.JAVA_DEFAULT_TYPE_CLASS: lambda i: JavaClass(i.read_utf()),
        c.JAVA_DEFAULT_TYPE_DATE: read_date,
        c.JAVA_DEFAULT_TYPE_BIG_INTEGER: read_big_int,
        c.JAVA_DEFAULT_TYPE_BIG_DECIMAL: read_decimal,
        c.JAVA_DEFAULT_TYPE_ENUM: lambda i: JavaEnum(i.read_utf(), i.read_utf()),
        c.JAVA_DEFAULT_TYPE_ARRAY_LIST: read_list,
        c.JAVA_DEFAULT_TYPE_LINKED_LIST: read_list,
        c.JAVA_DEFAULT_TYPE_SERIALIZABLE: read_java_serializable,
        c.JAVA_DEFAULT_TYPE_EXTERNALIZABLE: read_java_externalizable,
        c.JSON_SERIALIZATION_TYPE: lambda i: HazelcastJsonValue(i.read_utf()),
    }


def builtin_writers() -> Dict[type, Writer]:
    """exact Python type -> writer (``int`` is added by the service, per config)."""
    import array
    return {
        bool: write_bool, float: write_float, str: write_str, bytes: write_bytes,
        bytearray: write_bytes, list: write_list, tuple: write_list,
        HazelcastJsonValue: write_json, datetime.datetime: write_datetime,
        decimal.Decimal: write_decimal, JavaClass: write_java_class, JavaEnum: write_java_enum,
        array.array: write_array,
    }
