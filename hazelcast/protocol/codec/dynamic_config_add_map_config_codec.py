# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addMapConfig (0x1e0e), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import (
    HotRestartConfig,
    ListenerConfigHolder,
    MapAttributeConfig,
    MapIndexConfig,
    MapStoreConfigHolder,
    NearCacheConfigHolder,
    QueryCacheConfigHolder,
    WanReplicationRef,
    encode_hot_restart_config,
    encode_listener_config_holder,
    encode_map_attribute_config,
    encode_map_index_config,
    encode_map_store_config_holder,
    encode_near_cache_config_holder,
    encode_query_cache_config_holder,
    encode_wan_replication_ref,
)
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e0e
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, backup_count: int, async_backup_count: int, time_to_live_seconds: int, max_idle_seconds: int, eviction_policy: str, read_backup_data: bool, cache_deserialized_values: str, merge_policy: str, in_memory_format: str, listener_configs: Optional[List[ListenerConfigHolder]], partition_lost_listener_configs: Optional[List[ListenerConfigHolder]], statistics_enabled: bool, quorum_name: Optional[str], map_eviction_policy: Optional[Data], max_size_config_max_size_policy: str, max_size_config_size: int, map_store_config: Optional[MapStoreConfigHolder], near_cache_config: Optional[NearCacheConfigHolder], wan_replication_ref: Optional[WanReplicationRef], map_index_configs: Optional[List[MapIndexConfig]], map_attribute_configs: Optional[List[MapAttributeConfig]], query_cache_configs: Optional[List[QueryCacheConfigHolder]], partitioning_strategy_class_name: Optional[str], partitioning_strategy_implementation: Optional[Data], hot_restart_config: Optional[HotRestartConfig], merge_batch_size: int, metadata_policy: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, backup_count, async_backup_count, time_to_live_seconds, max_idle_seconds, eviction_policy, read_backup_data, cache_deserialized_values, merge_policy, in_memory_format, listener_configs, partition_lost_listener_configs, statistics_enabled, quorum_name, map_eviction_policy, max_size_config_max_size_policy, max_size_config_size, map_store_config, near_cache_config, wan_replication_ref, map_index_configs, map_attribute_configs, query_cache_configs, partitioning_strategy_class_name, partitioning_strategy_implementation, hot_restart_config, merge_batch_size, metadata_policy)


def encode_request_for(version: Tuple[int, int], name: str, backup_count: int, async_backup_count: int, time_to_live_seconds: int, max_idle_seconds: int, eviction_policy: str, read_backup_data: bool, cache_deserialized_values: str, merge_policy: str, in_memory_format: str, listener_configs: Optional[List[ListenerConfigHolder]], partition_lost_listener_configs: Optional[List[ListenerConfigHolder]], statistics_enabled: bool, quorum_name: Optional[str], map_eviction_policy: Optional[Data], max_size_config_max_size_policy: str, max_size_config_size: int, map_store_config: Optional[MapStoreConfigHolder], near_cache_config: Optional[NearCacheConfigHolder], wan_replication_ref: Optional[WanReplicationRef], map_index_configs: Optional[List[MapIndexConfig]], map_attribute_configs: Optional[List[MapAttributeConfig]], query_cache_configs: Optional[List[QueryCacheConfigHolder]], partitioning_strategy_class_name: Optional[str], partitioning_strategy_implementation: Optional[Data], hot_restart_config: Optional[HotRestartConfig], merge_batch_size: Optional[int] = None, metadata_policy: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.6, 1.8).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(backup_count)
    msg.append_int(async_backup_count)
    msg.append_int(time_to_live_seconds)
    msg.append_int(max_idle_seconds)
    msg.append_str(eviction_policy)
    msg.append_bool(read_backup_data)
    msg.append_str(cache_deserialized_values)
    msg.append_str(merge_policy)
    msg.append_str(in_memory_format)
    if listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(listener_configs))
        for listener_configs_item in listener_configs:
            encode_listener_config_holder(msg, listener_configs_item)
    if partition_lost_listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(partition_lost_listener_configs))
        for partition_lost_listener_configs_item in partition_lost_listener_configs:
            encode_listener_config_holder(msg, partition_lost_listener_configs_item)
    msg.append_bool(statistics_enabled)
    if quorum_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(quorum_name)
    if map_eviction_policy is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(map_eviction_policy)
    msg.append_str(max_size_config_max_size_policy)
    msg.append_int(max_size_config_size)
    if map_store_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_map_store_config_holder(msg, map_store_config)
    if near_cache_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_near_cache_config_holder(msg, near_cache_config)
    if wan_replication_ref is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_wan_replication_ref(msg, wan_replication_ref)
    if map_index_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(map_index_configs))
        for map_index_configs_item in map_index_configs:
            encode_map_index_config(msg, map_index_configs_item)
    if map_attribute_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(map_attribute_configs))
        for map_attribute_configs_item in map_attribute_configs:
            encode_map_attribute_config(msg, map_attribute_configs_item)
    if query_cache_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(query_cache_configs))
        for query_cache_configs_item in query_cache_configs:
            encode_query_cache_config_holder(msg, query_cache_configs_item)
    if partitioning_strategy_class_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(partitioning_strategy_class_name)
    if partitioning_strategy_implementation is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(partitioning_strategy_implementation)
    if hot_restart_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_hot_restart_config(msg, hot_restart_config)
    if version >= (1, 6):
        if merge_batch_size is None:
            raise IllegalArgumentError("dynamic_config_add_map_config_codec: merge_batch_size is required by protocol %d.%d" % version)
        msg.append_int(merge_batch_size)
    if version >= (1, 8):
        if metadata_policy is None:
            raise IllegalArgumentError("dynamic_config_add_map_config_codec: metadata_policy is required by protocol %d.%d" % version)
        msg.append_int(metadata_policy)
    return msg.finish()
