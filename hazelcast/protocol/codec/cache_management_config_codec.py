# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.managementConfig (0x1512), since protocol 1.0. Response: VOID (100).
"""
from typing import Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1512
RESPONSE_TYPE = 100
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, is_stat: bool, enabled: bool, address: Address) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_bool(is_stat)
    msg.append_bool(enabled)
    encode_address(msg, address)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, is_stat: bool, enabled: bool, address: Address) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, is_stat, enabled, address)
