# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addEventJournalConfig (0x1e11), since protocol 1.5. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e11
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(map_name: Optional[str], cache_name: Optional[str], enabled: bool, capacity: int, time_to_live_seconds: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    if map_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(map_name)
    if cache_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(cache_name)
    msg.append_bool(enabled)
    msg.append_int(capacity)
    msg.append_int(time_to_live_seconds)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], map_name: Optional[str], cache_name: Optional[str], enabled: bool, capacity: int, time_to_live_seconds: int) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(map_name, cache_name, enabled, capacity, time_to_live_seconds)
