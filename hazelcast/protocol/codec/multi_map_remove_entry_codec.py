# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_multi_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""MultiMap.removeEntry (0x0215), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0215
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = "key"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, key: Data, value: Data, thread_id: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_data(key)
    msg.append_data(value)
    msg.append_long(thread_id)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, key: Data, value: Data, thread_id: int) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, key, value, thread_id)
