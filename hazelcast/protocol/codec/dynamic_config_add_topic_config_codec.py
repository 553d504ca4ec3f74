# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addTopicConfig (0x1e08), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import ListenerConfigHolder, encode_listener_config_holder

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e08
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, global_ordering_enabled: bool, statistics_enabled: bool, multi_threading_enabled: bool, listener_configs: Optional[List[ListenerConfigHolder]]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_bool(global_ordering_enabled)
    msg.append_bool(statistics_enabled)
    msg.append_bool(multi_threading_enabled)
    if listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(listener_configs))
        for listener_configs_item in listener_configs:
            encode_listener_config_holder(msg, listener_configs_item)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, global_ordering_enabled: bool, statistics_enabled: bool, multi_threading_enabled: bool, listener_configs: Optional[List[ListenerConfigHolder]]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(name, global_ordering_enabled, statistics_enabled, multi_threading_enabled, listener_configs)
