"""Large frames: one maximum (the int32 length field), memory that follows the bytes
that actually arrived, and a typed error for a message no frame can carry."""
import ctypes
import struct
import tracemalloc

import pytest

from hazelcast.errors import MaxMessageSizeExceededError, ProtocolError
from hazelcast.protocol.message import HEADER_SIZE, MAX_FRAME_SIZE, ClientMessage
from hazelcast.protocol.reader import FrameReader

MiB = 1024 * 1024


def _header(length, correlation_id=7):
    return struct.pack("<iBBHqiH", length, 0, 0xC0, 0x0101, correlation_id, -1, HEADER_SIZE)


def test_the_reader_accepts_any_frame_the_length_field_can_state():
    assert MAX_FRAME_SIZE == 2 ** 31 - 1
    assert FrameReader().max_frame_size == MAX_FRAME_SIZE


def test_a_1_gib_frame_is_accepted_and_holds_only_the_bytes_received_so_far():
    reader = FrameReader()
    tracemalloc.start()
    try:
        assert reader.feed(_header(2 ** 30) + b"x" * MiB) == []
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reader.buffered == HEADER_SIZE + MiB
    assert peak < 8 * MiB, peak  # not the 1 GiB the header announces


def test_a_70_mib_frame_fed_in_chunks_is_one_message_and_the_next_frame_follows():
    payload = bytes(range(256)) * (70 * MiB // 256)
    stream = _header(HEADER_SIZE + len(payload)) + payload + _header(HEADER_SIZE + 3, 8) + b"abc"
    reader, out = FrameReader(), []
    view = memoryview(stream)
    for pos in range(0, len(stream), MiB + 17):
        out += reader.feed(view[pos:pos + MiB + 17])
    assert [m.correlation_id for m in out] == [7, 8]
    assert out[0].buf[HEADER_SIZE:] == payload
    assert bytes(out[1].buf[HEADER_SIZE:]) == b"abc"
    assert reader.buffered == 0


def test_a_length_beyond_int32_reads_as_negative_and_is_rejected():
    with pytest.raises(ProtocolError, match="invalid frame length"):
        FrameReader().feed(struct.pack("<I", 2 ** 31) + b"\x00" * 30)


def test_a_message_larger_than_any_frame_fails_typed_before_it_is_sent():
    message = ClientMessage.for_request(0x0101)
    # Grow the buffer to one byte over the largest frame through the C API's resize:
    # the pages are never touched, so this costs no time and no memory, unlike
    # appending 2 GiB of value bytes (which is what a user's oversized put does).
    resize = ctypes.pythonapi.PyByteArray_Resize
    resize.argtypes = [ctypes.py_object, ctypes.c_ssize_t]
    resize.restype = ctypes.c_int
    assert resize(message.buf, MAX_FRAME_SIZE + 1) == 0
    with pytest.raises(MaxMessageSizeExceededError, match="largest frame of 2147483647 bytes"):
        message.finish()
