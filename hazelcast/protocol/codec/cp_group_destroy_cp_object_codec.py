# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cp_group.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""CPGroup.destroyCPObject (0x2102), since protocol 1.8. Response: VOID (100).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import RaftGroupId, encode_raft_group_id

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x2102
RESPONSE_TYPE = 100
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 8)
EVENTS = ()


def encode_request(group_id: RaftGroupId, service_name: str, object_name: str) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    encode_raft_group_id(msg, group_id)
    msg.append_str(service_name)
    msg.append_str(object_name)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], group_id: RaftGroupId, service_name: str, object_name: str) -> ClientMessage:
    """All fields of this request exist since 1.8: same as encode_request."""
    return encode_request(group_id, service_name, object_name)
