# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cp_group.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""CPGroup.createCPGroup (0x2101), since protocol 1.8. Response: RAFT_GROUP_ID (128).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_raft_group_id_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x2101
RESPONSE_TYPE = 128
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 8)
EVENTS = ()


def encode_request(proxy_name: str) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(proxy_name)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], proxy_name: str) -> ClientMessage:
    """All fields of this request exist since 1.8: same as encode_request."""
    return encode_request(proxy_name)
