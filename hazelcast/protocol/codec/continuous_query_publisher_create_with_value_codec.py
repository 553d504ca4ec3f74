# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_continuous_query.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ContinuousQuery.publisherCreateWithValue (0x1801), since protocol 1.0. Response: LIST_ENTRY (117).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_list_entry_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1801
RESPONSE_TYPE = 117
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(map_name: str, cache_name: str, predicate: Data, batch_size: int, buffer_size: int, delay_seconds: int, populate: bool, coalesce: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(map_name)
    msg.append_str(cache_name)
    msg.append_data(predicate)
    msg.append_int(batch_size)
    msg.append_int(buffer_size)
    msg.append_long(delay_seconds)
    msg.append_bool(populate)
    msg.append_bool(coalesce)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], map_name: str, cache_name: str, predicate: Data, batch_size: int, buffer_size: int, delay_seconds: int, populate: bool, coalesce: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(map_name, cache_name, predicate, batch_size, buffer_size, delay_seconds, populate, coalesce)
