# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addMultiMapConfig (0x1e01), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import ListenerConfigHolder, encode_listener_config_holder

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e01
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, collection_type: str, listener_configs: Optional[List[ListenerConfigHolder]], binary: bool, backup_count: int, async_backup_count: int, statistics_enabled: bool, quorum_name: Optional[str], merge_policy: str, merge_batch_size: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, collection_type, listener_configs, binary, backup_count, async_backup_count, statistics_enabled, quorum_name, merge_policy, merge_batch_size)


def encode_request_for(version: Tuple[int, int], name: str, collection_type: str, listener_configs: Optional[List[ListenerConfigHolder]], binary: bool, backup_count: int, async_backup_count: int, statistics_enabled: bool, quorum_name: Optional[str] = None, merge_policy: Optional[str] = None, merge_batch_size: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.6).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(collection_type)
    if listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(listener_configs))
        for listener_configs_item in listener_configs:
            encode_listener_config_holder(msg, listener_configs_item)
    msg.append_bool(binary)
    msg.append_int(backup_count)
    msg.append_int(async_backup_count)
    msg.append_bool(statistics_enabled)
    if version >= (1, 6):
        if quorum_name is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_str(quorum_name)
        if merge_policy is None:
            raise IllegalArgumentError("dynamic_config_add_multi_map_config_codec: merge_policy is required by protocol %d.%d" % version)
        msg.append_str(merge_policy)
        if merge_batch_size is None:
            raise IllegalArgumentError("dynamic_config_add_multi_map_config_codec: merge_batch_size is required by protocol %d.%d" % version)
        msg.append_int(merge_batch_size)
    return msg.finish()
