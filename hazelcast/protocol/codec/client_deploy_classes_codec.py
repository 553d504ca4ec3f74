# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_client.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Client.deployClasses (0x0011), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0011
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(class_definitions: List[Tuple[str, bytes]]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_int(len(class_definitions))
    for class_definitions_key, class_definitions_value in class_definitions:
        msg.append_str(class_definitions_key)
        msg.append_bytes(class_definitions_value)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], class_definitions: List[Tuple[str, bytes]]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(class_definitions)
