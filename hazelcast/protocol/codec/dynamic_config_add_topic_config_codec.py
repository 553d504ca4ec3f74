# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addTopicConfig (0x1e08), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import ListenerConfigHolder, encode_listener_config_holder

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
        for item0 in listener_configs:
            encode_listener_config_holder(msg, item0)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(*args, **kwargs)
