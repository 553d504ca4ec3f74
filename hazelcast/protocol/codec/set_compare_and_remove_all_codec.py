# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_set.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Set.compareAndRemoveAll (0x0607), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import List, Tuple

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0607
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, values: List[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(len(values))
    for values_item in values:
        msg.append_data(values_item)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, values: List[Data]) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, values)
