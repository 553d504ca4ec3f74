# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_atomic_long.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""AtomicLong.compareAndSet (0x0a06), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0a06
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, expected: int, updated: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_long(expected)
    msg.append_long(updated)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, expected: int, updated: int) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, expected, updated)
