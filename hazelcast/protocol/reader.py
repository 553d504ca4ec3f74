"""Sans-IO framing: bytes from a socket in, complete ClientMessages out.

:class:`FrameReader` accepts bytes in any chunking, cuts them into frames,
reassembles fragmented messages (BEGIN ... middle ... END frames, keyed by
correlation id) and rejects malformed input with
:class:`~hazelcast.errors.ProtocolError`; once it has raised, the stream is
unusable and every later ``feed`` raises again. Memory is bounded: a partial
frame never exceeds ``max_frame_size`` (by default the most the int32 length
field allows, :data:`~hazelcast.protocol.message.MAX_FRAME_SIZE`: a 3.x member
sends a value of any size it stores as one frame), and it grows with the bytes
actually received, never with what a length field merely announces; all partly
reassembled messages together never exceed ``max_message_size``.

:func:`split_frames` is the writer side: it cuts a finished message into
fragments no larger than a given frame size.
"""
import struct
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from hazelcast.errors import ProtocolError
from hazelcast.protocol.message import (
    BEGIN_END_FLAGS, BEGIN_FLAG, END_FLAG, HEADER_SIZE, MAX_FRAME_SIZE, ClientMessage)

_INT = struct.Struct("<i")
_int_unpack_from: Callable[[Any, int], Tuple[int]] = _INT.unpack_from
_UINT16 = struct.Struct("<H")
_LONG = struct.Struct("<q")
_uint16_unpack_from: Callable[[Any, int], Tuple[int]] = _UINT16.unpack_from
_long_unpack_from: Callable[[Any, int], Tuple[int]] = _LONG.unpack_from

_Bytes = Union[bytes, bytearray, memoryview]
_FLAGS_OFFSET = 5
_CORRELATION_OFFSET = 8
_DATA_OFFSET_OFFSET = 20


class _Partial:
    """A fragmented message being reassembled."""
    __slots__ = ("header", "chunks", "size")

    def __init__(self, header: bytes, chunk: bytes):
        self.header = header
        self.chunks = [chunk]
        self.size = len(chunk)


_BIG_FRAME_SIZE = 64 * 1024  # frames at least this long are collected apart from _pending


class FrameReader:
    """Turns a byte stream into ClientMessages.

    ``feed(data)`` returns the messages completed by ``data`` (possibly none),
    in stream order.
    """

    def __init__(self, max_frame_size: int = MAX_FRAME_SIZE,
                 max_message_size: int = 0):
        if max_frame_size < HEADER_SIZE:
            raise ValueError("max_frame_size must be at least %d" % HEADER_SIZE)
        self.max_frame_size = max_frame_size
        self.max_message_size = max_message_size or max_frame_size
        self._pending = bytearray()
        self._partials: Dict[int, _Partial] = {}
        self._partial_bytes = 0
        self._error: Optional[ProtocolError] = None
        # A large frame is collected in its own buffer, appended to as bytes arrive (no
        # growing and trimming of _pending, no copy of the whole frame at the end).
        self._big_frame: Optional[bytearray] = None
        self._big_length = 0

    @property
    def buffered(self) -> int:
        """Bytes held for incomplete frames and incomplete messages."""
        big = self._big_frame
        return len(self._pending) + self._partial_bytes + (len(big) if big is not None else 0)

    def feed(self, data: _Bytes) -> List[ClientMessage]:
        """Consume ``data`` (bytes, bytearray or memoryview); return completed messages."""
        if self._error is not None:
            raise ProtocolError("frame reader already failed: %s" % self._error)
        try:
            return self._feed(data)
        except ProtocolError as e:
            self._error = e
            self._pending = bytearray()
            self._partials.clear()
            self._partial_bytes = 0
            self._big_frame = None
            raise

    def _fill_big_frame(self, frame: bytearray, data: _Bytes) -> Tuple[Optional[bytearray], int]:
        """Append what ``data`` holds of the big ``frame``; the frame once whole, and bytes used."""
        used = min(self._big_length - len(frame), len(data))
        frame += data[:used]
        if len(frame) < self._big_length:
            return None, used
        self._big_frame = None
        return frame, used

    def _complete_frame(self, frame: bytearray, out: List[ClientMessage]) -> None:
        if frame[_FLAGS_OFFSET] & BEGIN_END_FLAGS == BEGIN_END_FLAGS:
            out.append(ClientMessage(frame))
        else:
            message = self._fragment(frame)
            if message is not None:
                out.append(message)

    def _feed(self, data: _Bytes) -> List[ClientMessage]:
        out: List[ClientMessage] = []
        big_frame = self._big_frame
        if big_frame is not None:
            frame, used = self._fill_big_frame(big_frame, data)
            if frame is None:
                return out
            self._complete_frame(frame, out)
            data = memoryview(data)[used:]
            if not len(data):
                return out
        out.extend(self._feed_frames(data))
        return out

    def _feed_frames(self, data: _Bytes) -> List[ClientMessage]:
        pending = self._pending
        buf: _Bytes
        if pending:
            pending += data
            buf = pending
        else:
            buf = data
        out: List[ClientMessage] = []
        pos = 0
        end = len(buf)
        max_frame = self.max_frame_size
        while end - pos >= 4:
            length = _int_unpack_from(buf, pos)[0]
            if length < HEADER_SIZE or length > max_frame:
                raise ProtocolError("invalid frame length %d at stream offset %d (must be %d..%d)"
                                    % (length, pos, HEADER_SIZE, max_frame))
            if end - pos < length:
                if length >= _BIG_FRAME_SIZE:
                    self._big_frame = bytearray(memoryview(buf)[pos:end])
                    self._big_length = length
                    pos = end
                break
            frame = bytearray(memoryview(buf)[pos:pos + length])
            pos += length
            self._complete_frame(frame, out)
        if pending:
            del pending[:pos]
        elif pos < end:
            self._pending = bytearray(buf[pos:])
        return out

    def _fragment(self, frame: bytearray) -> Optional[ClientMessage]:
        offset = _uint16_unpack_from(frame, _DATA_OFFSET_OFFSET)[0]
        if offset < HEADER_SIZE or offset > len(frame):
            raise ProtocolError("data offset %d is outside the frame (length %d)"
                                % (offset, len(frame)))
        flags = frame[_FLAGS_OFFSET]
        correlation_id = _long_unpack_from(frame, _CORRELATION_OFFSET)[0]
        payload = bytes(frame[offset:])
        partial = self._partials.get(correlation_id)
        if flags & BEGIN_FLAG:
            if partial is not None:
                raise ProtocolError("BEGIN fragment for correlation id %d while a message with "
                                    "that id is still being reassembled" % correlation_id)
            self._add_bytes(len(payload) + HEADER_SIZE, correlation_id)
            self._partials[correlation_id] = _Partial(bytes(frame[:HEADER_SIZE]), payload)
            return None
        if partial is None:
            raise ProtocolError("%s fragment for correlation id %d without a BEGIN fragment"
                                % ("END" if flags & END_FLAG else "middle", correlation_id))
        self._add_bytes(len(payload), correlation_id)
        partial.chunks.append(payload)
        partial.size += len(payload)
        if not flags & END_FLAG:
            return None
        del self._partials[correlation_id]
        self._partial_bytes -= partial.size + HEADER_SIZE
        buf = bytearray(partial.header)
        buf[_FLAGS_OFFSET] |= BEGIN_END_FLAGS
        _UINT16.pack_into(buf, _DATA_OFFSET_OFFSET, HEADER_SIZE)
        for chunk in partial.chunks:
            buf += chunk
        _INT.pack_into(buf, 0, len(buf))
        return ClientMessage(buf)

    def _add_bytes(self, size: int, correlation_id: int) -> None:
        self._partial_bytes += size
        if self._partial_bytes > self.max_message_size:
            raise ProtocolError("fragmented messages exceed the maximum of %d bytes (correlation "
                                "id %d)" % (self.max_message_size, correlation_id))


def split_frames(msg: ClientMessage, max_frame_size: int) -> List[bytes]:
    """Cut a finished message into frames of at most ``max_frame_size`` bytes.

    A message that fits is returned as its single frame. Otherwise the first
    frame has BEGIN, the last END, middle ones neither; all share the header.
    """
    buf = msg.buf
    if len(buf) <= max_frame_size:
        return [bytes(buf)]
    chunk = max_frame_size - HEADER_SIZE
    if chunk <= 0:
        raise ValueError("max_frame_size must exceed the %d-byte header" % HEADER_SIZE)
    offset = msg.data_offset
    header = bytearray(buf[:HEADER_SIZE])
    _UINT16.pack_into(header, _DATA_OFFSET_OFFSET, HEADER_SIZE)
    base_flags = header[_FLAGS_OFFSET] & ~BEGIN_END_FLAGS
    starts: List[Tuple[int, int]] = [(s, min(s + chunk, len(buf)))
                                     for s in range(offset, len(buf), chunk)]
    frames = []
    for i, (start, stop) in enumerate(starts):
        frame = bytearray(header)
        frame[_FLAGS_OFFSET] = (base_flags | (BEGIN_FLAG if i == 0 else 0)
                                | (END_FLAG if i == len(starts) - 1 else 0))
        frame += buf[start:stop]
        _INT.pack_into(frame, 0, len(frame))
        frames.append(bytes(frame))
    return frames
