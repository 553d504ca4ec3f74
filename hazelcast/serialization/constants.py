"""Numeric constants of Hazelcast 3.x serialization (version 1).

Facts from the protocol reference (§9): serializer type ids, portable field
type ids, the predicate factory id, and the integer-type option values.
"""


class INTEGER_TYPE:
    """How a Python ``int`` is sent (``SerializationConfig.default_integer_type``).

    ``VAR`` picks the smallest of byte/short/int/long/BigInteger that holds
    the value; the others always use that Java type and raise
    :class:`~hazelcast.errors.HazelcastSerializationError` when the value
    does not fit.
    """

    VAR = 0
    BYTE = 1
    SHORT = 2
    INT = 3
    LONG = 4
    BIG_INT = 5


# --- serializer type ids (written big-endian at offset 4 of Data) ----------
CONSTANT_TYPE_NULL = 0
CONSTANT_TYPE_PORTABLE = -1
CONSTANT_TYPE_DATA_SERIALIZABLE = -2
CONSTANT_TYPE_BYTE = -3
CONSTANT_TYPE_BOOLEAN = -4
CONSTANT_TYPE_CHAR = -5
CONSTANT_TYPE_SHORT = -6
CONSTANT_TYPE_INTEGER = -7
CONSTANT_TYPE_LONG = -8
CONSTANT_TYPE_FLOAT = -9
CONSTANT_TYPE_DOUBLE = -10
CONSTANT_TYPE_STRING = -11
CONSTANT_TYPE_BYTE_ARRAY = -12
CONSTANT_TYPE_BOOLEAN_ARRAY = -13
CONSTANT_TYPE_CHAR_ARRAY = -14
CONSTANT_TYPE_SHORT_ARRAY = -15
CONSTANT_TYPE_INTEGER_ARRAY = -16
CONSTANT_TYPE_LONG_ARRAY = -17
CONSTANT_TYPE_FLOAT_ARRAY = -18
CONSTANT_TYPE_DOUBLE_ARRAY = -19
CONSTANT_TYPE_STRING_ARRAY = -20
JAVA_DEFAULT_TYPE_CLASS = -21
JAVA_DEFAULT_TYPE_DATE = -22
JAVA_DEFAULT_TYPE_BIG_INTEGER = -23
JAVA_DEFAULT_TYPE_BIG_DECIMAL = -24
JAVA_DEFAULT_TYPE_ENUM = -25
JAVA_DEFAULT_TYPE_ARRAY_LIST = -26
JAVA_DEFAULT_TYPE_LINKED_LIST = -27
JAVA_DEFAULT_TYPE_SERIALIZABLE = -100
JAVA_DEFAULT_TYPE_EXTERNALIZABLE = -101
PYTHON_TYPE_PICKLE = -120
JSON_SERIALIZATION_TYPE = -130

# --- portable field type ids ------------------------------------------------
class FieldType:
    """One-byte field type ids written inline in a Portable body."""

    PORTABLE = 0
    BYTE = 1
    BOOLEAN = 2
    CHAR = 3
    SHORT = 4
    INT = 5
    LONG = 6
    FLOAT = 7
    DOUBLE = 8
    UTF = 9
    PORTABLE_ARRAY = 10
    BYTE_ARRAY = 11
    BOOLEAN_ARRAY = 12
    CHAR_ARRAY = 13
    SHORT_ARRAY = 14
    INT_ARRAY = 15
    LONG_ARRAY = 16
    FLOAT_ARRAY = 17
    DOUBLE_ARRAY = 18
    UTF_ARRAY = 19

    NAMES = ("portable", "byte", "boolean", "char", "short", "int", "long", "float",
             "double", "utf", "portable[]", "byte[]", "boolean[]", "char[]", "short[]",
             "int[]", "long[]", "float[]", "double[]", "utf[]")

    @classmethod
    def name_of(cls, field_type: int) -> str:
        if 0 <= field_type < len(cls.NAMES):
            return cls.NAMES[field_type]
        return "unknown(%d)" % field_type


PREDICATE_FACTORY_ID = -32

# Java value ranges
BYTE_MIN, BYTE_MAX = -0x80, 0x7F
SHORT_MIN, SHORT_MAX = -0x8000, 0x7FFF
INT_MIN, INT_MAX = -0x80000000, 0x7FFFFFFF
LONG_MIN, LONG_MAX = -0x8000000000000000, 0x7FFFFFFFFFFFFFFF
