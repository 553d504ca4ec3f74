# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_replicated_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ReplicatedMap.addEntryListenerWithPredicate (0x0e0b), since protocol 1.0. Response: STRING (104); events: EVENT_ENTRY.
"""
from typing import Callable, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_entry,
)
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_entry"]

REQUEST_TYPE = 0x0e0b
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = (203,)


def encode_request(name: str, predicate: Data, local_only: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_data(predicate)
    msg.append_bool(local_only)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, predicate: Data, local_only: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, predicate, local_only)


def handle(msg: ClientMessage, handle_event_entry: Optional[Callable[[Optional[Data], Optional[Data], Optional[Data], Optional[Data], int, str, int], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 203 and handle_event_entry is not None:
        handle_event_entry(*decode_event_entry(msg))
        return
