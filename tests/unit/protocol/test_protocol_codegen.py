"""The generated codecs are up to date and cover what a 3.12 member registers."""
import importlib
import os
import subprocess
import sys
import uuid

import pytest

from hazelcast.core import Address
from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol import types
from hazelcast.protocol.codec import CODECS
from hazelcast.protocol.message import ClientMessage
from protocol_reference import REPO, SHARED, require_shared


def test_generated_code_is_up_to_date():
    result = subprocess.run([sys.executable, "-m", "codegen", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_registered_3_12_codec_exists():
    path = require_shared(os.path.join(SHARED, "definitions", "server-3.12-registered.txt"))
    with open(path) as f:
        registered = {line.strip() for line in f if line.strip()}
    assert len(registered) == 430
    assert registered <= {name for name, _ in CODECS.values()}
    assert len(CODECS) == 435


def test_module_contract():
    for message_type, (_, module_name) in CODECS.items():
        codec = importlib.import_module("hazelcast.protocol.codec." + module_name)
        assert codec.REQUEST_TYPE == message_type
        assert isinstance(codec.RETRYABLE, bool)
        assert codec.PARTITION_IDENTIFIER is None or isinstance(codec.PARTITION_IDENTIFIER, str)
        assert callable(codec.encode_request) and callable(codec.decode_response)
        assert callable(codec.encode_request_for)
        assert hasattr(codec, "handle") == bool(codec.EVENTS)
        with open(codec.__file__) as f:
            assert f.readline().startswith("# GENERATED FILE - DO NOT EDIT")


def test_request_header_and_older_version_encoding():
    from hazelcast.protocol.codec import client_authentication_codec as auth
    args = ["dev", "dev-pass", None, None, True, "PYH", 1, "3.12.3"]
    full = auth.encode_request(*args, "client", ["a"], 271, None)
    assert full.flags == 0xC0 and full.correlation_id == 0 and full.partition_id == -1
    assert full.frame_length == len(full.buf) and full.retryable
    old = auth.encode_request_for((1, 3), *args)
    assert full.buf.startswith(old.buf[22:], 22) and len(old.buf) < len(full.buf)
    assert auth.encode_request_for((1, 8), *args, "client", ["a"], 271, None).buf == full.buf


def test_a_field_the_version_knows_cannot_be_left_out():
    from hazelcast.protocol.codec import client_authentication_codec as auth
    from hazelcast.protocol.codec import map_lock_codec
    from hazelcast.serialization.data import Data
    key = Data(b"\x00" * 8)
    assert len(map_lock_codec.encode_request_for((1, 1), "m", key, 1, -1).buf) + 8 == len(
        map_lock_codec.encode_request("m", key, 1, -1, 5).buf)
    with pytest.raises(IllegalArgumentError, match="map_lock_codec: reference_id is required by protocol 1.2"):
        map_lock_codec.encode_request_for((1, 2), "m", key, 1, -1)
    with pytest.raises(IllegalArgumentError, match="client_hazelcast_version is required by protocol 1.3"):
        auth.encode_request_for((1, 3), "dev", "dev-pass", None, None, True, "PYH", 1)


def test_codec_modules_export_their_contract():
    """``__all__`` names the re-exported decoders: a type checker sees codec.decode_response."""
    from hazelcast.protocol.codec import map_add_entry_listener_codec as codec
    assert {"encode_request", "encode_request_for", "decode_response", "handle",
            "decode_event_entry"} <= set(codec.__all__)
    assert all(hasattr(codec, name) for name in codec.__all__)


def test_custom_types_round_trip():
    msg = ClientMessage.for_request(1)
    value = uuid.UUID("f0000000-0000-0001-8000-000000000002")
    types.encode_uuid(msg, value)
    handler = types.ScheduledTaskHandler("s", "t", None, 17)
    types.encode_scheduled_task_handler(msg, handler)
    types.encode_raft_group_id(msg, types.RaftGroupId("default", 3, -4))
    types.encode_address(msg, Address("h", 1))
    msg.finish()
    read = ClientMessage(bytes(msg.buf))
    assert types.decode_uuid(read) == value
    assert types.decode_scheduled_task_handler(read) == handler
    assert types.decode_raft_group_id(read) == types.RaftGroupId("default", 3, -4)
    assert types.decode_address(read) == Address("h", 1)
    assert not read.has_remaining()


def test_short_and_long_frames_of_newer_and_older_members():
    import struct
    from hazelcast.protocol.codec import responses
    header = struct.Struct("<iBBHqiH")

    def frame(type_, payload):
        return ClientMessage(header.pack(22 + len(payload), 1, 0xC0, type_, 1, -1, 22) + payload)

    # a 1.4 member sends PARTITIONS without partitionStateVersion: default None
    table = struct.pack("<i", 1) + struct.pack("<i", 1) + b"h" + struct.pack("<ii", 5701, 0)
    decoded = responses.decode_partitions_response(frame(108, table))
    assert decoded.partitions == [(Address("h", 5701), [])]
    assert decoded.partition_state_version is None
    # trailing bytes a newer member might add are ignored
    assert responses.decode_long_response(frame(103, struct.pack("<q", 9) + b"extra")) == 9
    # ENTRY_VIEW: max_idle absent -> -1, present -> folded into the view
    view = b"\x00" + struct.pack("<i", 1) + b"k" + struct.pack("<i", 1) + b"v" + b"\x00" * 80
    assert responses.decode_entry_view_response(frame(111, view)).max_idle == -1
    with_idle = responses.decode_entry_view_response(frame(111, view + struct.pack("<q", 77)))
    assert with_idle.max_idle == 77 and with_idle.key.buffer == b"k"
