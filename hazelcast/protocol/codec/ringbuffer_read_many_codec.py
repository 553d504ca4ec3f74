# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_ringbuffer.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Ringbuffer.readMany (0x190a), since protocol 1.0. Response: READ_RESULT_SET (115).
"""
from typing import Optional

from hazelcast.protocol.codec.responses import decode_read_result_set_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

REQUEST_TYPE = 0x190a
RESPONSE_TYPE = 115
RETRYABLE = True
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, start_sequence: int, min_count: int, max_count: int, filter: Optional[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_long(start_sequence)
    msg.append_int(min_count)
    msg.append_int(max_count)
    if filter is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(filter)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(*args, **kwargs)
