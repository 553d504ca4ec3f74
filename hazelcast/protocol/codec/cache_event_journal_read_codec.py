# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.eventJournalRead (0x1522), since protocol 1.5. Response: READ_RESULT_SET (115).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_read_result_set_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1522
RESPONSE_TYPE = 115
RETRYABLE = True
PARTITION_IDENTIFIER = "partitionId"
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, start_sequence: int, min_size: int, max_size: int, predicate: Optional[Data], projection: Optional[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_long(start_sequence)
    msg.append_int(min_size)
    msg.append_int(max_size)
    if predicate is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(predicate)
    if projection is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(projection)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, start_sequence: int, min_size: int, max_size: int, predicate: Optional[Data], projection: Optional[Data]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(name, start_sequence, min_size, max_size, predicate, projection)
