"""Byte streams behind :class:`ObjectDataOutput` / :class:`ObjectDataInput`.

Both honour the configured byte order. The output always starts with the
8-byte Data header reserved, so that positions are absolute offsets into the
final Data (portable position tables depend on it). Reads are bounds-checked
and raise :class:`HazelcastSerializationError` on truncated input.
"""
import struct
from typing import TYPE_CHECKING, Any, Generic, List, Optional, Sequence, Tuple, TypeVar, Union

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import utf
from hazelcast.serialization.api import ObjectDataInput, ObjectDataOutput
from hazelcast.serialization.constants import (
    BYTE_MIN, BYTE_MAX, SHORT_MIN, SHORT_MAX, INT_MIN, INT_MAX, LONG_MIN, LONG_MAX)
from hazelcast.serialization.data import Data, HEADER_SIZE

if TYPE_CHECKING:
    from hazelcast.serialization.service import SerializationService


T = TypeVar("T")

if TYPE_CHECKING:
    class _Format(Generic[T]):
        """A struct.Struct of one value of type T, as the type checker sees it (the stubs
        say tuple[Any, ...] for every format)."""

        size: int

        def pack(self, value: T) -> bytes: ...
        def pack_into(self, buffer: Union[bytearray, memoryview], offset: int, value: T) -> None: ...
        def unpack_from(self, buffer: Union[bytes, bytearray, memoryview], offset: int = 0) -> Tuple[T]: ...

    def _format(fmt: str, kind: "type[T]") -> _Format[T]: ...
else:
    def _format(fmt: str, kind: type) -> struct.Struct:
        return struct.Struct(fmt)


class _Order:
    """The struct codecs of one byte order."""

    def __init__(self, prefix: str):
        self.name = "BIG_ENDIAN" if prefix == ">" else "LITTLE_ENDIAN"
        self.byte = _format(prefix + "b", int)
        self.ubyte = _format(prefix + "B", int)
        self.bool = _format(prefix + "?", bool)
        self.char = _format(prefix + "H", int)
        self.short = _format(prefix + "h", int)
        self.ushort = _format(prefix + "H", int)
        self.int = _format(prefix + "i", int)
        self.long = _format(prefix + "q", int)
        self.float = _format(prefix + "f", float)
        self.double = _format(prefix + "d", float)
        self.prefix = prefix


BIG = _Order(">")
LITTLE = _Order("<")
_ARRAY_CODES = {"short": "h", "int": "i", "long": "q", "float": "f", "double": "d", "char": "H"}


def _check_range(value: int, lo: int, hi: int, what: str) -> None:
    if not lo <= value <= hi:
        raise HazelcastSerializationError(
            "%r does not fit in a Java %s (%d..%d)" % (value, what, lo, hi))


class ObjectDataOutputImpl(ObjectDataOutput):
    """Output stream over a ``bytearray``; ``service`` handles nested objects."""

    __slots__ = ("_buf", "_o", "_service")

    def __init__(self, service: Optional["SerializationService"] = None, big_endian: bool = True,
                 header: bool = True) -> None:
        self._buf = bytearray(HEADER_SIZE) if header else bytearray()
        self._o = BIG if big_endian else LITTLE
        self._service = service

    # --- primitives -----------------------------------------------------
    def write_byte(self, val: int) -> None:
        if not -128 <= val <= 255:
            _check_range(val, BYTE_MIN, BYTE_MAX, "byte")
        self._buf.append(val & 0xFF)

    def write_boolean(self, val: bool) -> None:
        self._buf.append(1 if val else 0)

    def write_char(self, val: Union[str, int]) -> None:
        self._buf += self._o.char.pack(_char_code(val))

    def write_short(self, val: int) -> None:
        try:
            self._buf += self._o.short.pack(val)
        except struct.error:
            _check_range(val, SHORT_MIN, SHORT_MAX, "short")
            raise

    def write_int(self, val: int) -> None:
        try:
            self._buf += self._o.int.pack(val)
        except struct.error:
            _check_range(val, INT_MIN, INT_MAX, "int")
            raise

    def write_long(self, val: int) -> None:
        try:
            self._buf += self._o.long.pack(val)
        except struct.error:
            _check_range(val, LONG_MIN, LONG_MAX, "long")
            raise

    def write_float(self, val: float) -> None:
        self._buf += self._o.float.pack(val)

    def write_double(self, val: float) -> None:
        self._buf += self._o.double.pack(val)

    def write_utf(self, val: Optional[str]) -> None:
        if val is None:
            self._buf += self._o.int.pack(-1)
            return
        n, raw = utf.encode(val)
        self._buf += self._o.int.pack(n)
        self._buf += raw

    def write_bytes(self, string: str) -> None:
        """Each character's low 8 bits (Java ``writeBytes``)."""
        self._buf += bytes(ord(c) & 0xFF for c in string)

    def write_chars(self, val: str) -> None:
        """Each character as a 2-byte UTF-16 unit (Java ``writeChars``)."""
        self._buf += val.encode("utf-16-be" if self._o is BIG else "utf-16-le", "surrogatepass")

    def write_from(self, buff: bytes, offset: Optional[int] = None, length: Optional[int] = None) -> None:
        """Raw bytes, no length prefix (Java ``write(byte[], off, len)``); offset None is 0."""
        offset = offset or 0
        end = len(buff) if length is None else offset + length
        self._buf += buff[offset:end]

    def write_zero_bytes(self, count: int) -> None:
        self._buf += bytes(count)

    # --- arrays ---------------------------------------------------------
    def write_byte_array(self, val: Optional[Union[bytes, bytearray, memoryview, Sequence[int]]]) -> None:
        """``bytes``/``bytearray`` as they are, or a sequence of ints -128..255."""
        if val is None:
            self._buf += self._o.int.pack(-1)
            return
        if not isinstance(val, (bytes, bytearray, memoryview)):
            for v in val:
                if not -128 <= v <= 255:
                    _check_range(v, BYTE_MIN, BYTE_MAX, "byte")
            val = bytes(v & 0xFF for v in val)
        self._buf += self._o.int.pack(len(val))
        self._buf += val

    def write_boolean_array(self, val: Optional[Sequence[bool]]) -> None:
        if val is None:
            self._buf += self._o.int.pack(-1)
            return
        self._buf += self._o.int.pack(len(val))
        self._buf += bytes(1 if v else 0 for v in val)

    def write_char_array(self, val: Optional[Sequence[Union[str, int]]]) -> None:
        self._write_packed("char", None if val is None else [_char_code(ch) for ch in val])

    def _write_packed(self, kind: str, value: Optional[Sequence[Union[int, float]]]) -> None:
        if value is None:
            self._buf += self._o.int.pack(-1)
            return
        n = len(value)
        try:
            packed = struct.pack("%s%d%s" % (self._o.prefix, n, _ARRAY_CODES[kind]), *value)
        except struct.error as e:
            raise HazelcastSerializationError("Cannot write %s[]: %s" % (kind, e)) from None
        self._buf += self._o.int.pack(n)
        self._buf += packed

    def write_short_array(self, val: Optional[Sequence[int]]) -> None:
        self._write_packed("short", val)

    def write_int_array(self, val: Optional[Sequence[int]]) -> None:
        self._write_packed("int", val)

    def write_long_array(self, val: Optional[Sequence[int]]) -> None:
        self._write_packed("long", val)

    def write_float_array(self, val: Optional[Sequence[float]]) -> None:
        self._write_packed("float", val)

    def write_double_array(self, val: Optional[Sequence[float]]) -> None:
        self._write_packed("double", val)

    def write_utf_array(self, val: Optional[Sequence[Optional[str]]]) -> None:
        if val is None:
            self._buf += self._o.int.pack(-1)
            return
        self._buf += self._o.int.pack(len(val))
        for s in val:
            self.write_utf(s)

    # --- nested ---------------------------------------------------------
    def write_object(self, val: Any) -> None:
        """int32 type id, then that serializer's payload (type 0 for None)."""
        service = self._service
        if service is None:
            raise _no_service("write_object")
        service.write_object(self, val)

    def write_data(self, val: Optional[Data]) -> None:
        """int32 length (-1 = null), then the Data bytes."""
        if val is None:
            self._buf += self._o.int.pack(-1)
            return
        buf = val.buffer
        self._buf += self._o.int.pack(len(buf))
        self._buf += buf

    # --- positions --------------------------------------------------------
    def position(self) -> int:
        return len(self._buf)

    def write_int_at(self, position: int, value: int) -> None:
        self._o.int.pack_into(self._buf, position, value)

    def write_boolean_at(self, position: int, value: bool) -> None:
        self._buf[position] = 1 if value else 0

    def write_int_be_at(self, position: int, value: int) -> None:
        BIG.int.pack_into(self._buf, position, value)

    def to_byte_array(self) -> bytes:
        return bytes(self._buf)

    def get_byte_order(self) -> str:
        return self._o.name

    def is_big_endian(self) -> bool:
        return self._o is BIG

    def get_service(self) -> Optional["SerializationService"]:
        return self._service


def _no_service(what: str) -> HazelcastSerializationError:
    return HazelcastSerializationError(
        "%s needs the serialization service, and this stream was made without one" % what)


def _char_code(value: Union[str, int]) -> int:
    if isinstance(value, int):
        return value & 0xFFFF
    if len(value) != 1 or ord(value) > 0xFFFF:
        raise HazelcastSerializationError(
            "A Java char holds one UTF-16 code unit, got %r" % (value,))
    return ord(value)


class ObjectDataInputImpl(ObjectDataInput):
    """Input stream over ``bytes``; positions are absolute offsets into them."""

    __slots__ = ("_buf", "_pos", "_size", "_o", "_service")

    def __init__(self, buff: bytes, offset: int = HEADER_SIZE, service: Optional["SerializationService"] = None,
                 big_endian: bool = True) -> None:
        self._buf = buff
        self._pos = offset
        self._size = len(buff)
        self._o = BIG if big_endian else LITTLE
        self._service = service

    def _truncated(self, need: int, position: int) -> HazelcastSerializationError:
        return HazelcastSerializationError(
            "Truncated input: need %d byte(s) at offset %d, the buffer has %d"
            % (need, position, self._size))

    def _unpack(self, st: "_Format[T]", position: Optional[int]) -> T:
        if position is None:
            pos = self._pos
            end = pos + st.size
            if end > self._size:
                raise self._truncated(st.size, pos)
            self._pos = end
            return st.unpack_from(self._buf, pos)[0]
        if position < 0 or position + st.size > self._size:
            raise self._truncated(st.size, position)
        return st.unpack_from(self._buf, position)[0]

    def _take(self, n: int) -> bytes:
        pos = self._pos
        end = pos + n
        if n < 0 or end > self._size:
            raise self._truncated(n, pos)
        self._pos = end
        return self._buf[pos:end]

    def read_into(self, buff: bytearray, offset: Optional[int] = None, length: Optional[int] = None) -> int:
        """Fill ``buff`` from ``offset`` (None: 0) with ``length`` bytes (None: to its end)."""
        offset = offset or 0
        if length is None:
            length = len(buff) - offset
        buff[offset:offset + length] = self._take(length)
        return length

    def read_raw(self, n: int) -> bytes:
        """``n`` raw bytes."""
        return self._take(n)

    def skip_bytes(self, count: int) -> int:
        count = max(0, min(count, self._size - self._pos))
        self._pos += count
        return count

    def read_boolean(self, position: Optional[int] = None) -> bool:
        return self._unpack(self._o.ubyte, position) != 0

    def read_byte(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.byte, position)

    def read_unsigned_byte(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.ubyte, position)

    def read_char(self, position: Optional[int] = None) -> str:
        return chr(self._unpack(self._o.char, position))

    def read_short(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.short, position)

    def read_unsigned_short(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.ushort, position)

    def read_int(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.int, position)

    def read_long(self, position: Optional[int] = None) -> int:
        return self._unpack(self._o.long, position)

    def read_float(self, position: Optional[int] = None) -> float:
        return self._unpack(self._o.float, position)

    def read_double(self, position: Optional[int] = None) -> float:
        return self._unpack(self._o.double, position)

    def read_utf(self) -> Optional[str]:
        n = self._unpack(self._o.int, None)
        if n < 0:
            return None
        pos = self._pos
        end = utf.find_end(self._buf, pos, n)
        self._pos = end
        return utf.decode(self._buf[pos:end])

    def _count(self) -> int:
        n = self._unpack(self._o.int, None)
        if n > self._size - self._pos:
            raise self._truncated(n, self._pos)
        return n

    def read_byte_array(self) -> Optional[bytes]:
        n = self._count()
        return None if n < 0 else self._take(n)

    def read_boolean_array(self) -> Optional[List[bool]]:
        n = self._count()
        return None if n < 0 else [b != 0 for b in self._take(n)]

    def _read_packed(self, code: str, size: int) -> Optional[List[Any]]:
        n = self._count()
        if n < 0:
            return None
        raw = self._take(n * size)
        return list(struct.unpack("%s%d%s" % (self._o.prefix, n, code), raw))

    def read_char_array(self) -> Optional[List[str]]:
        codes = self._read_packed("H", 2)
        return None if codes is None else [chr(c) for c in codes]

    def read_short_array(self) -> Optional[List[int]]:
        return self._read_packed("h", 2)

    def read_int_array(self) -> Optional[List[int]]:
        return self._read_packed("i", 4)

    def read_long_array(self) -> Optional[List[int]]:
        return self._read_packed("q", 8)

    def read_float_array(self) -> Optional[List[float]]:
        return self._read_packed("f", 4)

    def read_double_array(self) -> Optional[List[float]]:
        return self._read_packed("d", 8)

    def read_utf_array(self) -> Optional[List[Optional[str]]]:
        n = self._count()
        if n < 0:
            return None
        return [self.read_utf() for _ in range(n)]

    def read_object(self) -> Any:
        service = self._service
        if service is None:
            raise _no_service("read_object")
        return service.read_object(self)

    def read_data(self) -> Optional[Data]:
        n = self._count()
        return None if n < 0 else Data(self._take(n))

    def get_byte_order(self) -> str:
        return self._o.name

    def is_big_endian(self) -> bool:
        return self._o is BIG

    def position(self) -> int:
        return self._pos

    def set_position(self, position: int) -> None:
        if not 0 <= position <= self._size:
            raise HazelcastSerializationError(
                "Position %d is outside the buffer (size %d)" % (position, self._size))
        self._pos = position

    def size(self) -> int:
        return self._size

    def available(self) -> int:
        return self._size - self._pos

    def get_service(self) -> Optional["SerializationService"]:
        return self._service

    def get_buffer(self) -> bytes:
        return self._buf


class BytearrayDataInput(ObjectDataInputImpl):
    """The input stream when ``ClientProperties.SERIALIZATION_INPUT_RETURNS_BYTEARRAY`` is
    True (3.12.3's opt-in): byte arrays come as ``bytearray``. A class of its own, so that
    the default stream pays nothing for the option."""

    __slots__ = ()

    # bytearray where the interface says bytes: the documented effect of this opt-in
    def read_byte_array(self) -> Optional[bytearray]:  # type: ignore[override]
        data = super().read_byte_array()
        return None if data is None else bytearray(data)
