# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addDurableExecutorConfig (0x1e0a), since protocol 1.5. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e0a
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, pool_size: int, durability: int, capacity: int, quorum_name: Optional[str]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, pool_size, durability, capacity, quorum_name)


def encode_request_for(version: Tuple[int, int], name: str, pool_size: int, durability: int, capacity: int, quorum_name: Optional[str] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.6).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(pool_size)
    msg.append_int(durability)
    msg.append_int(capacity)
    if version >= (1, 6):
        if quorum_name is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_str(quorum_name)
    return msg.finish()
