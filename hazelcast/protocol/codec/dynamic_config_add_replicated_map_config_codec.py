# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addReplicatedMapConfig (0x1e07), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import ListenerConfigHolder, encode_listener_config_holder

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e07
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, in_memory_format: str, async_fillup: bool, statistics_enabled: bool, merge_policy: str, listener_configs: Optional[List[ListenerConfigHolder]], quorum_name: Optional[str], merge_batch_size: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, in_memory_format, async_fillup, statistics_enabled, merge_policy, listener_configs, quorum_name, merge_batch_size)


def encode_request_for(version: Tuple[int, int], name: str, in_memory_format: str, async_fillup: bool, statistics_enabled: bool, merge_policy: str, listener_configs: Optional[List[ListenerConfigHolder]], quorum_name: Optional[str] = None, merge_batch_size: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.6).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(in_memory_format)
    msg.append_bool(async_fillup)
    msg.append_bool(statistics_enabled)
    msg.append_str(merge_policy)
    if listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(listener_configs))
        for listener_configs_item in listener_configs:
            encode_listener_config_holder(msg, listener_configs_item)
    if version >= (1, 6):
        if quorum_name is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_str(quorum_name)
        if merge_batch_size is None:
            raise IllegalArgumentError("dynamic_config_add_replicated_map_config_codec: merge_batch_size is required by protocol %d.%d" % version)
        msg.append_int(merge_batch_size)
    return msg.finish()
