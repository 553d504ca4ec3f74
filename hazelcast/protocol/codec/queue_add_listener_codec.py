# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_queue.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Queue.addListener (0x0311), since protocol 1.0. Response: STRING (104); events: EVENT_ITEM.
"""
from typing import Callable, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_item,
)
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_item"]

REQUEST_TYPE = 0x0311
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = (204,)


def encode_request(name: str, include_value: bool, local_only: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_bool(include_value)
    msg.append_bool(local_only)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, include_value: bool, local_only: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, include_value, local_only)


def handle(msg: ClientMessage, handle_event_item: Optional[Callable[[Optional[Data], str, int], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 204 and handle_event_item is not None:
        handle_event_item(*decode_event_item(msg))
        return
