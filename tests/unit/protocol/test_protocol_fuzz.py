"""Every response and event decoder: any bytes decode to a value or raise ProtocolError."""
import os
import struct

import pytest
from hypothesis import given, settings, strategies as st

from hazelcast.errors import ProtocolError
from hazelcast.protocol.codec import events, responses
from hazelcast.protocol.message import ClientMessage
from protocol_reference import VECTORS, read_protocol_vectors, require_shared

DECODERS = sorted([(name, getattr(responses, name)) for name in dir(responses)
                   if name.startswith("decode_") and name.endswith("_response")]
                  + [(name, getattr(events, name)) for name in dir(events)
                     if name.startswith("decode_event_")])


def _frame(payload: bytes, message_type: int = 105) -> ClientMessage:
    header = struct.pack("<iBBHqiH", 22 + len(payload), 0, 0xC0, message_type, 0, -1, 22)
    return ClientMessage(header + payload)


def _decode_or_protocol_error(decoder, payload: bytes) -> None:
    try:
        decoder(_frame(payload))
    except ProtocolError:
        pass


def test_all_decoders_found():
    assert len(DECODERS) == 31 + 18


@pytest.mark.parametrize("name,decoder", DECODERS, ids=[n for n, _ in DECODERS])
@given(payload=st.binary(max_size=120))
@settings(max_examples=50, deadline=None)
def test_random_payload(name, decoder, payload):
    _decode_or_protocol_error(decoder, payload)


@pytest.mark.parametrize("name,decoder", DECODERS, ids=[n for n, _ in DECODERS])
@given(payload=st.lists(st.sampled_from([b"\x00", b"\x01", b"\x01\x00\x00\x00", b"\xff\xff\xff\x7f",
                                          b"\x02\x00\x00\x00", b"\x00" * 8, b"ab", b"\xc3"]),
                        max_size=30).map(b"".join))
@settings(max_examples=50, deadline=None)
def test_structured_payload(name, decoder, payload):
    """Small counts, null flags and partial UTF-8 reach deeper into nested decoders."""
    _decode_or_protocol_error(decoder, payload)


def test_every_prefix_of_real_responses_and_events():
    """Truncating a valid 1.6 response or event anywhere gives a value or ProtocolError."""
    path = require_shared(os.path.join(VECTORS, "1.6.protocol.compatibility.binary"))
    by_type = dict(DECODERS)
    response_ids = {by_type[n].__doc__.split()[1]: n for n, _ in DECODERS
                    if n.endswith("_response")}
    event_ids = {by_type[n].__doc__.split()[1]: n for n, _ in DECODERS
                 if not n.endswith("_response")}
    checked = set()
    for frame in read_protocol_vectors(path):
        message_type = int.from_bytes(frame[6:8], "little")
        name = (event_ids if frame[5] & 1 else response_ids).get(str(message_type))
        if name is None or name in checked:
            continue
        checked.add(name)
        for cut in range(22, len(frame) + 1):
            try:
                by_type[name](ClientMessage(frame[:cut]))
            except ProtocolError:
                assert cut < len(frame), name
    assert len(checked) >= 40
