"""``ClientMessage``: one frame of the Open Client Protocol 1.x.

Sans-IO: a message is a ``bytearray`` with a 22-byte little-endian header and
a payload, plus a read cursor. Codecs append fields to build a request and read
fields in order to decode a response or an event. Every read checks its bounds
and raises :class:`hazelcast.errors.ProtocolError` rather than ``struct.error``
or ``IndexError``, so that a truncated frame is always a typed error.

Header layout (all little-endian)::

    0  int32  frame length (header included)
    4  uint8  version
    5  uint8  flags (0x80 BEGIN, 0x40 END, 0x01 EVENT)
    6  uint16 message type
    8  int64  correlation id
    16 int32  partition id (-1 = none)
    20 uint16 data offset (22)
"""
import struct
from typing import Any, Callable, Dict, List, NoReturn, Optional, Tuple, Union

from hazelcast.errors import MaxMessageSizeExceededError, ProtocolError
from hazelcast.serialization.data import Data

HEADER_SIZE = 22
# The largest frame: its length field is a signed int32. One definition for the
# reader and the writer; 3.x members frame a value of any size they store as one
# frame, so this is also the client's limit on a single request or response.
MAX_FRAME_SIZE = 2 ** 31 - 1

BEGIN_FLAG = 0x80
END_FLAG = 0x40
BEGIN_END_FLAGS = BEGIN_FLAG | END_FLAG
LISTENER_EVENT_FLAG = 0x01

VERSION = 0  # what the reference vectors carry; every 3.x member accepts it

_LENGTH_OFFSET = 0
_VERSION_OFFSET = 4
_FLAGS_OFFSET = 5
_TYPE_OFFSET = 6
_CORRELATION_OFFSET = 8
_PARTITION_OFFSET = 16
_DATA_OFFSET_OFFSET = 20

_HEADER = struct.Struct("<iBBHqiH")
_INT = struct.Struct("<i")
_UINT16 = struct.Struct("<H")
_LONG = struct.Struct("<q")
_BYTE = struct.Struct("<b")
_UBYTE_PACK = struct.Struct("<B").pack

_int_pack = _INT.pack
_long_pack = _LONG.pack
# typed by what each format holds (struct's own stubs say tuple[Any, ...]); no run-time cost
_int_unpack_from: Callable[[Any, int], Tuple[int]] = _INT.unpack_from
_long_unpack_from: Callable[[Any, int], Tuple[int]] = _LONG.unpack_from
_uint16_unpack_from: Callable[[Any, int], Tuple[int]] = _UINT16.unpack_from

_header_templates: Dict[int, bytes] = {}  # message type -> its request header with correlation 0, partition -1

_TRUE = b"\x01"
_FALSE = b"\x00"


class ClientMessage:
    """A protocol frame being built (request) or read (response, event).

    Build::

        msg = ClientMessage.for_request(0x0101, retryable=False)
        msg.append_str(name); msg.append_data(key); ...
        msg.finish()          # writes the frame length; msg.buf is ready to send

    Read::

        msg = ClientMessage(frame_bytes)   # cursor at the data offset
        value = msg.read_int()
    """

    __slots__ = ("buf", "read_pos", "retryable", "_end")

    def __init__(self, buf: Union[bytes, bytearray, memoryview, None] = None) -> None:
        if buf is None:
            self.buf = bytearray(HEADER_SIZE)
            self.read_pos = HEADER_SIZE
            self._end = HEADER_SIZE
        else:
            if not isinstance(buf, bytearray):
                buf = bytearray(buf)
            self.buf = buf
            self._end = len(buf)
            if self._end < HEADER_SIZE:
                raise ProtocolError("frame of %d bytes is shorter than the %d-byte header"
                                    % (self._end, HEADER_SIZE))
            offset = _uint16_unpack_from(buf, _DATA_OFFSET_OFFSET)[0]
            if offset < HEADER_SIZE or offset > self._end:
                raise ProtocolError("data offset %d is outside the frame (header %d, length %d)"
                                    % (offset, HEADER_SIZE, self._end))
            self.read_pos = offset
        self.retryable = False

    # --- building ---------------------------------------------------------

    @classmethod
    def for_request(cls, message_type: int, retryable: bool = False) -> "ClientMessage":
        msg = cls.__new__(cls)
        header = _header_templates.get(message_type)
        if header is None:
            header = _header_templates[message_type] = _HEADER.pack(
                HEADER_SIZE, VERSION, BEGIN_END_FLAGS, message_type, 0, -1, HEADER_SIZE)
        msg.buf = bytearray(header)
        msg.read_pos = HEADER_SIZE
        msg._end = HEADER_SIZE
        msg.retryable = retryable
        return msg

    def finish(self) -> "ClientMessage":
        """Write the frame length; call once all fields are appended.

        Raises ``MaxMessageSizeExceededError`` (before anything is sent) when the
        message is larger than one protocol frame can be.
        """
        length = len(self.buf)
        if length > MAX_FRAME_SIZE:
            raise MaxMessageSizeExceededError(
                "message type 0x%04x is %d bytes, more than the protocol's largest frame of %d bytes "
                "(its length field is an int32); store the value in smaller parts"
                % (self.message_type, length, MAX_FRAME_SIZE))
        _INT.pack_into(self.buf, _LENGTH_OFFSET, length)
        self._end = length
        return self

    def append_byte(self, value: int) -> None:
        self.buf += _BYTE.pack(value) if value < 128 else _UBYTE_PACK(value)

    def append_bool(self, value: bool) -> None:
        self.buf += _TRUE if value else _FALSE

    def append_int(self, value: int) -> None:
        self.buf += _int_pack(value)

    def append_long(self, value: int) -> None:
        self.buf += _long_pack(value)

    def append_str(self, value: str) -> None:
        encoded = value.encode("utf-8")
        self.buf += _int_pack(len(encoded))
        self.buf += encoded

    def append_bytes(self, value: Union[bytes, bytearray]) -> None:
        """``byte[]``: int32 length, then the bytes."""
        self.buf += _int_pack(len(value))
        self.buf += value

    def append_data(self, value: Data) -> None:
        buffer = value.buffer
        self.buf += _int_pack(len(buffer))
        self.buf += buffer

    def append_null_flag(self, is_null: bool) -> None:
        """The is-null byte before a ``@Nullable`` field (1 = null)."""
        self.buf += _TRUE if is_null else _FALSE

    # --- reading ----------------------------------------------------------

    def _truncated(self, what: str, size: int) -> ProtocolError:
        return ProtocolError(
            "truncated frame: reading %s of %d bytes at offset %d, frame ends at %d "
            "(message type 0x%04x)" % (what, size, self.read_pos, self._end, self.message_type))

    def read_byte(self) -> int:
        pos = self.read_pos
        if pos + 1 > self._end:
            raise self._truncated("byte", 1)
        self.read_pos = pos + 1
        value = self.buf[pos]
        return value - 256 if value > 127 else value

    def read_bool(self) -> bool:
        pos = self.read_pos
        if pos + 1 > self._end:
            raise self._truncated("boolean", 1)
        self.read_pos = pos + 1
        return self.buf[pos] != 0

    def read_int(self) -> int:
        pos = self.read_pos
        if pos + 4 > self._end:
            raise self._truncated("int", 4)
        self.read_pos = pos + 4
        return _int_unpack_from(self.buf, pos)[0]

    def read_long(self) -> int:
        pos = self.read_pos
        if pos + 8 > self._end:
            raise self._truncated("long", 8)
        self.read_pos = pos + 8
        return _long_unpack_from(self.buf, pos)[0]

    def read_size(self, what: str = "list") -> int:
        """A length or count prefix: a non-negative int32 that fits in the frame."""
        pos = self.read_pos
        if pos + 4 > self._end:
            raise self._truncated(what + " size", 4)
        size = _int_unpack_from(self.buf, pos)[0]
        if size < 0 or size > self._end - pos - 4:
            raise ProtocolError("invalid %s size %d at offset %d: frame has %d bytes left"
                                % (what, size, pos, self._end - pos - 4))
        self.read_pos = pos + 4
        return size

    def read_raw(self, size: int) -> bytes:
        pos = self.read_pos
        if size < 0 or pos + size > self._end:
            raise self._truncated("raw bytes", size)
        self.read_pos = pos + size
        return bytes(self.buf[pos:pos + size])

    def read_str(self) -> str:
        size = self.read_size("string")
        pos = self.read_pos
        self.read_pos = pos + size
        try:
            return self.buf[pos:pos + size].decode("utf-8")
        except UnicodeDecodeError as e:
            raise ProtocolError("string at offset %d is not valid UTF-8: %s" % (pos, e)) from None

    def read_bytes(self) -> bytes:
        size = self.read_size("byte array")
        return self.read_raw(size)

    def read_data(self) -> Data:
        size = self.read_size("data")
        return Data(self.read_raw(size))

    def read_data_list(self) -> List[Data]:
        """``List<Data>``: a count, then each Data (one loop, no call per element)."""
        count = self.read_size("list")
        buf, pos, end = self.buf, self.read_pos, self._end
        out: List[Data] = []
        append = out.append
        unpack = _int_unpack_from
        with memoryview(buf) as view:
            for _ in range(count):
                if pos + 4 > end:
                    self._bad_element(pos, end, None)
                size = unpack(buf, pos)[0]
                pos += 4
                if size < 0 or size > end - pos:
                    self._bad_element(pos, end, size)
                append(Data(bytes(view[pos:pos + size])))
                pos += size
        self.read_pos = pos
        return out

    def read_data_entry_list(self) -> List[Tuple[Data, Data]]:
        """``List<Entry<Data, Data>>``: a count, then key and value Data of each entry."""
        count = self.read_size("list")
        buf, pos, end = self.buf, self.read_pos, self._end
        out: List[Tuple[Data, Data]] = []
        append = out.append
        unpack = _int_unpack_from
        with memoryview(buf) as view:
            for _ in range(count):
                if pos + 4 > end:
                    self._bad_element(pos, end, None)
                size = unpack(buf, pos)[0]
                pos += 4
                if size < 0 or size > end - pos:
                    self._bad_element(pos, end, size)
                key = Data(bytes(view[pos:pos + size]))
                pos += size
                if pos + 4 > end:
                    self._bad_element(pos, end, None)
                size = unpack(buf, pos)[0]
                pos += 4
                if size < 0 or size > end - pos:
                    self._bad_element(pos, end, size)
                append((key, Data(bytes(view[pos:pos + size]))))
                pos += size
        self.read_pos = pos
        return out

    def _bad_element(self, pos: int, end: int, size: Optional[int]) -> NoReturn:
        """Raise the error for a list element whose size prefix is cut or wrong."""
        if size is None:
            self.read_pos = pos
            raise self._truncated("data size", 4)
        raise ProtocolError("invalid data size %d at offset %d: frame has %d bytes left"
                            % (size, pos - 4, end - pos))

    def read_null_flag(self) -> bool:
        """Read the is-null byte of a ``@Nullable`` field; True means null."""
        return self.read_bool()

    def has_remaining(self) -> bool:
        """True while unread payload bytes remain (used before ``@Since`` groups)."""
        return self.read_pos < self._end

    # --- header -----------------------------------------------------------

    @property
    def frame_length(self) -> int:
        return _int_unpack_from(self.buf, _LENGTH_OFFSET)[0]

    @property
    def version(self) -> int:
        return self.buf[_VERSION_OFFSET]

    @property
    def flags(self) -> int:
        return self.buf[_FLAGS_OFFSET]

    @flags.setter
    def flags(self, value: int) -> None:
        self.buf[_FLAGS_OFFSET] = value

    def is_event(self) -> bool:
        return bool(self.buf[_FLAGS_OFFSET] & LISTENER_EVENT_FLAG)

    @property
    def message_type(self) -> int:
        return _uint16_unpack_from(self.buf, _TYPE_OFFSET)[0]

    @property
    def correlation_id(self) -> int:
        return _long_unpack_from(self.buf, _CORRELATION_OFFSET)[0]

    @correlation_id.setter
    def correlation_id(self, value: int) -> None:
        _LONG.pack_into(self.buf, _CORRELATION_OFFSET, value)

    @property
    def partition_id(self) -> int:
        return _int_unpack_from(self.buf, _PARTITION_OFFSET)[0]

    @partition_id.setter
    def partition_id(self, value: int) -> None:
        _INT.pack_into(self.buf, _PARTITION_OFFSET, value)

    @property
    def data_offset(self) -> int:
        return _uint16_unpack_from(self.buf, _DATA_OFFSET_OFFSET)[0]

    def copy(self) -> "ClientMessage":
        """A copy with its own buffer, for re-sending under a new correlation id."""
        msg = ClientMessage.__new__(ClientMessage)
        msg.buf = bytearray(self.buf)
        msg.read_pos = self.read_pos
        msg._end = self._end
        msg.retryable = self.retryable
        return msg

    def __repr__(self) -> str:
        return ("ClientMessage(type=0x%04x, correlation_id=%d, partition_id=%d, flags=0x%02x, "
                "length=%d)" % (self.message_type, self.correlation_id, self.partition_id,
                                self.flags, len(self.buf)))
