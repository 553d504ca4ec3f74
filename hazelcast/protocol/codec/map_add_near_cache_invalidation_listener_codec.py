# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Map.addNearCacheInvalidationListener (0x0145), since protocol 1.4. Response: STRING (104); events: EVENT_IMAPINVALIDATION, EVENT_IMAPBATCHINVALIDATION.
"""
from typing import Callable, List, Optional, Tuple
from uuid import UUID

from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_imapinvalidation,
    decode_event_imapbatchinvalidation,
)
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_imapinvalidation",
    "decode_event_imapbatchinvalidation"]

REQUEST_TYPE = 0x0145
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 4)
EVENTS = (215, 216,)


def encode_request(name: str, listener_flags: int, local_only: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(listener_flags)
    msg.append_bool(local_only)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, listener_flags: int, local_only: bool) -> ClientMessage:
    """All fields of this request exist since 1.4: same as encode_request."""
    return encode_request(name, listener_flags, local_only)


def handle(msg: ClientMessage, handle_event_imapinvalidation: Optional[Callable[[Optional[Data], Optional[str], Optional[UUID], Optional[int]], object]] = None, handle_event_imapbatchinvalidation: Optional[Callable[[List[Data], Optional[List[str]], Optional[List[UUID]], Optional[List[int]]], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 215 and handle_event_imapinvalidation is not None:
        handle_event_imapinvalidation(*decode_event_imapinvalidation(msg))
        return
    if message_type == 216 and handle_event_imapbatchinvalidation is not None:
        handle_event_imapbatchinvalidation(*decode_event_imapbatchinvalidation(msg))
        return
