# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_client.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Client.createProxies (0x0013), since protocol 1.6. Response: VOID (100).
"""
from typing import List, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0013
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 6)
EVENTS = ()


def encode_request(proxies: List[Tuple[str, str]]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_int(len(proxies))
    for proxies_key, proxies_value in proxies:
        msg.append_str(proxies_key)
        msg.append_str(proxies_value)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], proxies: List[Tuple[str, str]]) -> ClientMessage:
    """All fields of this request exist since 1.6: same as encode_request."""
    return encode_request(proxies)
