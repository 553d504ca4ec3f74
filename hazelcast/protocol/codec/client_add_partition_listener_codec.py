# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_client.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Client.addPartitionListener (0x0012), since protocol 1.5. Response: VOID (100); events: EVENT_PARTITIONS.
"""
from typing import Callable, List, Optional, Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_partitions,
)
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_partitions"]

REQUEST_TYPE = 0x0012
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = (217,)


def encode_request() -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    return msg.finish()


def encode_request_for(version: Tuple[int, int]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request()


def handle(msg: ClientMessage, handle_event_partitions: Optional[Callable[[List[Tuple[Address, List[int]]], int], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 217 and handle_event_partitions is not None:
        handle_event_partitions(*decode_event_partitions(msg))
        return
