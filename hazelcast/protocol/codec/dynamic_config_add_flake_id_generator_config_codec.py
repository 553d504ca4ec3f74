# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addFlakeIdGeneratorConfig (0x1e12), since protocol 1.6. Response: VOID (100).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e12
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 6)
EVENTS = ()


def encode_request(name: str, prefetch_count: int, prefetch_validity: int, id_offset: int, statistics_enabled: bool, node_id_offset: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(prefetch_count)
    msg.append_long(prefetch_validity)
    msg.append_long(id_offset)
    msg.append_bool(statistics_enabled)
    msg.append_long(node_id_offset)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, prefetch_count: int, prefetch_validity: int, id_offset: int, statistics_enabled: bool, node_id_offset: int) -> ClientMessage:
    """All fields of this request exist since 1.6: same as encode_request."""
    return encode_request(name, prefetch_count, prefetch_validity, id_offset, statistics_enabled, node_id_offset)
