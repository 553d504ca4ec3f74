# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.iterateEntries (0x151d), since protocol 1.1. Response: ENTRIES_WITH_CURSOR (118).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_entries_with_cursor_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x151d
RESPONSE_TYPE = 118
RETRYABLE = True
PARTITION_IDENTIFIER = "partitionId"
ACQUIRES_RESOURCE = False
SINCE = (1, 1)
EVENTS = ()


def encode_request(name: str, partition_id: int, table_index: int, batch: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(partition_id)
    msg.append_int(table_index)
    msg.append_int(batch)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, partition_id: int, table_index: int, batch: int) -> ClientMessage:
    """All fields of this request exist since 1.1: same as encode_request."""
    return encode_request(name, partition_id, table_index, batch)
