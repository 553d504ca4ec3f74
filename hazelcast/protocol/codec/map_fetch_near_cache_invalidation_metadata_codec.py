# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Map.fetchNearCacheInvalidationMetadata (0x0142), since protocol 1.4. Response: NEAR_CACHE_INVALIDATION_META_DATA (122).
"""
from typing import List, Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_near_cache_invalidation_meta_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0142
RESPONSE_TYPE = 122
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 4)
EVENTS = ()


def encode_request(names: List[str], address: Address) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_int(len(names))
    for names_item in names:
        msg.append_str(names_item)
    encode_address(msg, address)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], names: List[str], address: Address) -> ClientMessage:
    """All fields of this request exist since 1.4: same as encode_request."""
    return encode_request(names, address)
