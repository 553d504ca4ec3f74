"""Every record of every protocol compatibility vector file (1.0-1.6, full and .null).

Requests are encoded from the reference values with the encoding of the file's
protocol version (``encode_request_for``) and compared byte for byte after
normalising the flags (vectors carry 0, requests are built with BEGIN|END).
Responses are decoded with the preceding request's ``decode_response``, events
through its ``handle``; both are compared with the reference values.
"""
import importlib
import os

import pytest

from hazelcast.protocol.codec import CODECS
from hazelcast.protocol.message import ClientMessage
from protocol_reference import (
    VECTORS, VERSIONS, Blobs, expected_fields, load_definitions, norm, param_values,
    read_protocol_vectors, require_shared, version_tuple)

RECORD_COUNTS = {"1.0": 659, "1.1": 677, "1.2": 677, "1.3": 681, "1.4": 743, "1.5": 794,
                 "1.6": 820}
REQUESTS, RESPONSES, EVENTS = load_definitions()
FILES = [(v, null) for v in VERSIONS for null in (False, True)]


def _codec(message_type):
    return importlib.import_module("hazelcast.protocol.codec." + CODECS[message_type][1])


def _expected_response(response, version, null_file):
    params = response["params"]
    values = expected_fields(params, version, null_file)
    if response["const"] == "ENTRY_VIEW":
        return values[0]  # max_idle (1.7) is folded into the view; absent here, so -1
    if not params:
        return None
    return values[0] if len(params) == 1 else values


def _check_request(frame, version, null_file):
    definition = REQUESTS[int.from_bytes(frame[6:8], "little")]
    codec = _codec(int.from_bytes(frame[6:8], "little"))
    args = param_values(definition["params"], version, null_file, Blobs(frame))
    msg = codec.encode_request_for(version, *args)
    if version == (1, 6) or all(version_tuple(p["since"]) <= version
                                for p in definition["params"]):
        if len(args) == len(definition["params"]):
            assert codec.encode_request(*args).buf == msg.buf
    buf = bytearray(msg.buf)
    assert buf[5] == 0xC0, "requests are built unfragmented"
    buf[5] = 0
    return codec, buf == frame


def _run_file(version_text, null_file):
    name = "%s.protocol.compatibility%s.binary" % (version_text, ".null" if null_file else "")
    path = require_shared(os.path.join(VECTORS, name))
    version = version_tuple(version_text)
    frames = read_protocol_vectors(path)
    failures, counts = [], {"request": 0, "response": 0, "event": 0}
    codec = None
    for index, frame in enumerate(frames):
        message_type = int.from_bytes(frame[6:8], "little")
        where = "%s record %d (type 0x%04x)" % (name, index, message_type)
        try:
            if frame[5] & 0x01:
                counts["event"] += 1
                event = EVENTS[message_type]
                seen = []
                handler = "handle_event_" + event["const"].lower().replace("event_", "", 1)
                codec.handle(ClientMessage(frame), **{handler: lambda *a, seen=seen: seen.append(a)})
                expected = expected_fields(event["params"], version, null_file)
                if norm(seen) != norm([tuple(expected)]):
                    failures.append("%s: event decoded %r, expected %r" % (where, seen, expected))
            elif 100 <= message_type <= 132:
                counts["response"] += 1
                assert codec.RESPONSE_TYPE == message_type
                decoded = codec.decode_response(ClientMessage(frame))
                expected = _expected_response(RESPONSES[message_type], version, null_file)
                if norm(decoded) != norm(expected):
                    failures.append("%s: response decoded %r, expected %r"
                                    % (where, decoded, expected))
            else:
                counts["request"] += 1
                codec, same = _check_request(frame, version, null_file)
                if not same:
                    failures.append("%s: encoded request differs" % where)
        except Exception as e:  # collect, so one run reports every failing record
            failures.append("%s: %s: %s" % (where, type(e).__name__, e))
    return frames, counts, failures


@pytest.mark.parametrize("version_text,null_file", FILES,
                         ids=["%s%s" % (v, ".null" if n else "") for v, n in FILES])
def test_every_record_of_vector_file(version_text, null_file):
    frames, counts, failures = _run_file(version_text, null_file)
    assert not failures, "%d of %d records failed:\n%s" % (
        len(failures), len(frames), "\n".join(failures[:30]))
    assert len(frames) == RECORD_COUNTS[version_text]
    assert counts["request"] == counts["response"]
