# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_replicated_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ReplicatedMap.put (0x0e01), since protocol 1.0. Response: DATA (105).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0e01
RESPONSE_TYPE = 105
RETRYABLE = False
PARTITION_IDENTIFIER = "key"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, key: Data, value: Data, ttl: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_data(key)
    msg.append_data(value)
    msg.append_long(ttl)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, key: Data, value: Data, ttl: int) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, key, value, ttl)
