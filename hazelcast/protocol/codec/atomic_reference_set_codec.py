# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_atomic_reference.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""AtomicReference.set (0x0b09), since protocol 1.0. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0b09
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, new_value: Optional[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    if new_value is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(new_value)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, new_value: Optional[Data]) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, new_value)
