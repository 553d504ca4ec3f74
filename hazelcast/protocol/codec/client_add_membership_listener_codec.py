# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_client.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Client.addMembershipListener (0x0004), since protocol 1.0. Response: STRING (104); events: EVENT_MEMBER, EVENT_MEMBERLIST, EVENT_MEMBERATTRIBUTECHANGE.
"""
from typing import Callable, List, Optional, Tuple

from hazelcast.core import Member
from hazelcast.protocol.codec.responses import decode_string_response as decode_response
from hazelcast.protocol.codec.events import (
    decode_event_member,
    decode_event_memberlist,
    decode_event_memberattributechange,
)
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response", "handle", "decode_event_member", "decode_event_memberlist",
    "decode_event_memberattributechange"]

REQUEST_TYPE = 0x0004
RESPONSE_TYPE = 104
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = (200, 201, 202,)


def encode_request(local_only: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_bool(local_only)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], local_only: bool) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(local_only)


def handle(msg: ClientMessage, handle_event_member: Optional[Callable[[Member, int], object]] = None, handle_event_memberlist: Optional[Callable[[List[Member]], object]] = None, handle_event_memberattributechange: Optional[Callable[[str, str, int, Optional[str]], object]] = None) -> None:
    """Decode an event frame and call the matching handler with its fields."""
    message_type = msg.message_type
    if message_type == 200 and handle_event_member is not None:
        handle_event_member(*decode_event_member(msg))
        return
    if message_type == 201 and handle_event_memberlist is not None:
        handle_event_memberlist(*decode_event_memberlist(msg))
        return
    if message_type == 202 and handle_event_memberattributechange is not None:
        handle_event_memberattributechange(*decode_event_memberattributechange(msg))
        return
