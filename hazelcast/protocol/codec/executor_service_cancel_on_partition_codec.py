# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_executor_service.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ExecutorService.cancelOnPartition (0x0903), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0903
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = "partitionId"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(uuid: str, partition_id: int, interrupt: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(uuid)
    msg.append_int(partition_id)
    msg.append_bool(interrupt)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], uuid: str, partition_id: int, interrupt: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(uuid, partition_id, interrupt)
