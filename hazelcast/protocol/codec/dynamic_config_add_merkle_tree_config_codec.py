# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addMerkleTreeConfig (0x1e17), since protocol 1.7. Response: VOID (100).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e17
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 7)
EVENTS = ()


def encode_request(map_name: str, enabled: bool, depth: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(map_name)
    msg.append_bool(enabled)
    msg.append_int(depth)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], map_name: str, enabled: bool, depth: int) -> ClientMessage:
    """All fields of this request exist since 1.7: same as encode_request."""
    return encode_request(map_name, enabled, depth)
