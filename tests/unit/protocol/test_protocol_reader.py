"""FrameReader: chunking, many frames per feed, fragment reassembly, malformed input."""
import struct

import pytest
from hypothesis import given, settings, strategies as st

from hazelcast.errors import ProtocolError
from hazelcast.protocol.codec import map_put_codec
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.reader import FrameReader, split_frames
from hazelcast.serialization.data import Data


def _request(correlation_id, size=10, event=False):
    msg = map_put_codec.encode_request("map", Data(b"k" * size), Data(b"v" * size), 1, 2)
    msg.correlation_id = correlation_id
    if event:
        msg.flags = msg.flags | 0x01
    return msg


def _frame(length=22, flags=0xC0, type_=0x0101, corr=0, partition=-1, offset=22, payload=b""):
    return struct.pack("<iBBHqiH", length, 0, flags, type_, corr, partition, offset) + payload


def _ids(messages):
    return [m.correlation_id for m in messages]


def test_one_whole_frame():
    msg = _request(7)
    (out,) = FrameReader().feed(bytes(msg.buf))
    assert out.buf == msg.buf and out.correlation_id == 7
    assert map_put_codec.decode_response is not None


def test_one_byte_at_a_time_and_many_frames():
    stream = b"".join(bytes(_request(i, size=i).buf) for i in range(20))
    reader = FrameReader()
    out = []
    for i in range(len(stream)):
        out += reader.feed(stream[i:i + 1])
    assert _ids(out) == list(range(20))
    assert reader.buffered == 0
    assert _ids(FrameReader().feed(memoryview(stream))) == list(range(20))


@given(st.lists(st.integers(min_value=1, max_value=200), max_size=30))
@settings(max_examples=50, deadline=None)
def test_any_chunking(cuts):
    stream = b"".join(bytes(_request(i, size=i * 3).buf) for i in range(8))
    reader, out, pos = FrameReader(), [], 0
    for cut in cuts:
        out += reader.feed(stream[pos:pos + cut])
        pos += cut
    out += reader.feed(stream[pos:])
    assert _ids(out) == list(range(8))


def test_fragments_interleaved_by_correlation_id():
    big_a, big_b = _request(1, size=300), _request(2, size=500, event=True)
    frags_a, frags_b = split_frames(big_a, 100), split_frames(big_b, 120)
    assert len(frags_a) > 3 and frags_a[0][5] == 0x80 and frags_a[-1][5] == 0x40
    assert frags_a[1][5] == 0x00 and frags_b[0][5] == 0x81
    stream = []
    for i in range(max(len(frags_a), len(frags_b))):
        stream += frags_a[i:i + 1] + frags_b[i:i + 1]
        if i == 2:
            stream.append(bytes(_request(3).buf))  # whole frame in the middle
    reader = FrameReader()
    out = reader.feed(b"".join(stream))
    assert sorted(_ids(out)) == [1, 2, 3]
    by_id = {m.correlation_id: m for m in out}
    assert by_id[1].buf == big_a.buf
    expected_b = bytearray(big_b.buf)
    assert by_id[2].buf == expected_b and by_id[2].is_event()
    assert reader.buffered == 0


def test_split_small_message_is_one_frame():
    msg = _request(1)
    assert split_frames(msg, 1000) == [bytes(msg.buf)]


@pytest.mark.parametrize("frames,reason", [
    ([_frame(length=21)], "short length"),
    ([_frame(length=-5)], "negative length"),
    ([_frame(length=10 ** 6)], "above maximum"),
    ([_frame(offset=10)], "data offset below header"),
    ([_frame(length=24, offset=30, payload=b"xx")], "data offset past end"),
    ([_frame(flags=0x40, payload=b"")], "END without BEGIN"),
    ([_frame(flags=0x00)], "middle without BEGIN"),
    ([_frame(flags=0x80, corr=5), _frame(flags=0x80, corr=5)], "BEGIN twice"),
    ([_frame(flags=0x80, corr=5, offset=40)], "fragment offset outside"),
])
def test_malformed_input_is_protocol_error(frames, reason):
    reader = FrameReader(max_frame_size=4096)
    with pytest.raises(ProtocolError):
        reader.feed(b"".join(frames))
    with pytest.raises(ProtocolError):  # the stream stays failed
        reader.feed(bytes(_request(1).buf))


def test_reassembled_size_limit():
    reader = FrameReader(max_frame_size=200, max_message_size=450)
    payload = b"x" * 150
    reader.feed(_frame(length=172, flags=0x80, corr=1, payload=payload))
    reader.feed(_frame(length=172, flags=0x00, corr=1, payload=payload))
    with pytest.raises(ProtocolError):
        reader.feed(_frame(length=172, flags=0x80, corr=2, payload=payload))


def test_partial_length_waits_and_is_bounded():
    reader = FrameReader(max_frame_size=100)
    assert reader.feed(b"\x10\x00") == []
    with pytest.raises(ProtocolError):
        reader.feed(b"\x00\x01")  # length 0x01000010 > 100


@given(st.binary(max_size=300), st.integers(min_value=1, max_value=64))
@settings(max_examples=200, deadline=None)
def test_fuzz_reader_never_raises_anything_else(data, chunk):
    reader = FrameReader(max_frame_size=256, max_message_size=512)
    try:
        for i in range(0, len(data), chunk):
            for msg in reader.feed(data[i:i + chunk]):
                assert isinstance(msg, ClientMessage)
    except ProtocolError:
        pass
    assert reader.buffered <= 256 + 512 + 22


@given(st.lists(st.tuples(st.sampled_from([0x80, 0x00, 0x40, 0xC0, 0xC1, 0x01]),
                          st.integers(min_value=0, max_value=3),
                          st.binary(max_size=40)), max_size=20))
@settings(max_examples=100, deadline=None)
def test_fuzz_fragment_sequences(frames):
    reader = FrameReader(max_frame_size=256, max_message_size=400)
    stream = b"".join(_frame(length=22 + len(p), flags=f, corr=c, payload=p) for f, c, p in frames)
    try:
        out = reader.feed(stream)
    except ProtocolError:
        return
    for msg in out:
        assert msg.flags & 0xC0 == 0xC0 and msg.frame_length == len(msg.buf)


@pytest.mark.parametrize("chunk", [1000, 4096, 65536, 128 * 1024, 10 ** 6])
def test_large_frames_are_received_in_place_in_any_chunking(chunk):
    big = [_request(i, size=150_000 + i) for i in range(3)]  # each > the in-place threshold
    small = [_request(10 + i, size=5) for i in range(3)]
    stream = b"".join(bytes(m.buf) for pair in zip(big, small) for m in pair)
    reader, out = FrameReader(), []
    for pos in range(0, len(stream), chunk):
        out += reader.feed(memoryview(stream)[pos:pos + chunk])
    assert _ids(out) == [0, 10, 1, 11, 2, 12]
    assert [bytes(m.buf) for m in out] == [bytes(m.buf) for pair in zip(big, small) for m in pair]
    assert reader.buffered == 0


def test_a_large_frame_split_into_fragments_is_reassembled():
    message = _request(5, size=200_000)
    frames = split_frames(message, 70_000)
    assert len(frames) > 2
    reader, out = FrameReader(), []
    stream = b"".join(frames)
    for pos in range(0, len(stream), 30_000):
        out += reader.feed(stream[pos:pos + 30_000])
    (whole,) = out
    assert whole.correlation_id == 5 and bytes(whole.buf[22:]) == bytes(message.buf[22:])


def test_a_large_frame_over_the_maximum_is_rejected_before_it_is_buffered():
    reader = FrameReader(max_frame_size=100_000)
    with pytest.raises(ProtocolError, match="invalid frame length 150"):
        reader.feed(_frame(length=150_000)[:1000])
    assert reader.buffered == 0


def _list_response(payload: bytes) -> ClientMessage:
    return ClientMessage(_frame(length=22 + len(payload), type_=117, payload=payload))


@pytest.mark.parametrize("payload, reason", [
    (struct.pack("<i", 2) + struct.pack("<i", 1) + b"a", "data size"),            # count says 2, one there
    (struct.pack("<i", 1) + struct.pack("<i", 5) + b"ab", "invalid data size 5"),  # value longer than frame
    (struct.pack("<i", 1) + struct.pack("<i", -3), "invalid data size -3"),
    (struct.pack("<i", 1) + b"\x01\x00", "data size"),                          # size prefix cut
])
def test_data_entry_lists_reject_truncated_or_inconsistent_frames(payload, reason):
    with pytest.raises(ProtocolError, match=reason):
        _list_response(payload).read_data_entry_list()


def test_data_lists_read_every_element_and_leave_the_cursor_after_them():
    payload = struct.pack("<i", 2) + struct.pack("<i", 1) + b"a" + struct.pack("<i", 2) + b"bc" + b"tail"
    message = _list_response(payload)
    assert [d.buffer for d in message.read_data_list()] == [b"a", b"bc"]
    assert message.read_raw(4) == b"tail"
    entries = _list_response(struct.pack("<iiciH", 1, 1, b"k", 2, 0x7676)).read_data_entry_list()
    assert [(k.buffer, v.buffer) for k, v in entries] == [(b"k", b"vv")]
