# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Map.fetchNearCacheInvalidationMetadata (0x0142), since protocol 1.4. Response: NEAR_CACHE_INVALIDATION_META_DATA (122).
"""
from typing import List

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_near_cache_invalidation_meta_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address

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
    for item0 in names:
        msg.append_str(item0)
    encode_address(msg, address)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.4: same as encode_request."""
    return encode_request(*args, **kwargs)
