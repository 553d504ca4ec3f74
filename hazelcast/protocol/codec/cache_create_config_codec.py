# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.createConfig (0x1507), since protocol 1.0. Response: DATA (105).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1507
RESPONSE_TYPE = 105
RETRYABLE = True
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(cache_config: Data, create_also_on_others: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_data(cache_config)
    msg.append_bool(create_also_on_others)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], cache_config: Data, create_also_on_others: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(cache_config, create_also_on_others)
