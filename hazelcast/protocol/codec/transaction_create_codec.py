# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_transaction.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Transaction.create (0x1702), since protocol 1.0. Response: STRING (104).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1702
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = True
SINCE = (1, 0)
EVENTS = ()


def encode_request(timeout: int, durability: int, transaction_type: int, thread_id: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_long(timeout)
    msg.append_int(durability)
    msg.append_int(transaction_type)
    msg.append_long(thread_id)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], timeout: int, durability: int, transaction_type: int, thread_id: int) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(timeout, durability, transaction_type, thread_id)
