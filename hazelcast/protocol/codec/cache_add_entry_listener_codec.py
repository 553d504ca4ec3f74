# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.addEntryListener (0x1501), since protocol 1.0. Response: STRING (104); events: EVENT_CACHE.
"""
from typing import Callable, List, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_cache,
)
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import CacheEventData

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_cache"]

REQUEST_TYPE = 0x1501
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = (210,)


def encode_request(name: str, local_only: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_bool(local_only)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, local_only: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, local_only)


def handle(msg: ClientMessage, handle_event_cache: Optional[Callable[[int, List[CacheEventData], int], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 210 and handle_event_cache is not None:
        handle_event_cache(*decode_event_cache(msg))
        return
