# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addLockConfig (0x1e04), since protocol 1.5. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e04
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, quorum_name: Optional[str]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    if quorum_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(quorum_name)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, quorum_name: Optional[str]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(name, quorum_name)
