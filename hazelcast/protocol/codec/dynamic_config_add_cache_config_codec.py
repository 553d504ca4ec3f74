# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addCacheConfig (0x1e10), since protocol 1.5. Response: VOID (100).
"""
from typing import List, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import (
    CacheSimpleEntryListenerConfig,
    EvictionConfigHolder,
    HotRestartConfig,
    ListenerConfigHolder,
    TimedExpiryPolicyFactoryConfig,
    WanReplicationRef,
    encode_cache_simple_entry_listener_config,
    encode_eviction_config_holder,
    encode_hot_restart_config,
    encode_listener_config_holder,
    encode_timed_expiry_policy_factory_config,
    encode_wan_replication_ref,
)

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e10
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, key_type: Optional[str], value_type: Optional[str], statistics_enabled: bool, management_enabled: bool, read_through: bool, write_through: bool, cache_loader_factory: Optional[str], cache_writer_factory: Optional[str], cache_loader: Optional[str], cache_writer: Optional[str], backup_count: int, async_backup_count: int, in_memory_format: str, quorum_name: Optional[str], merge_policy: Optional[str], disable_per_entry_invalidation_events: bool, partition_lost_listener_configs: Optional[List[ListenerConfigHolder]], expiry_policy_factory_class_name: Optional[str], timed_expiry_policy_factory_config: Optional[TimedExpiryPolicyFactoryConfig], cache_entry_listeners: Optional[List[CacheSimpleEntryListenerConfig]], eviction_config: Optional[EvictionConfigHolder], wan_replication_ref: Optional[WanReplicationRef], hot_restart_config: Optional[HotRestartConfig]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    if key_type is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(key_type)
    if value_type is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(value_type)
    msg.append_bool(statistics_enabled)
    msg.append_bool(management_enabled)
    msg.append_bool(read_through)
    msg.append_bool(write_through)
    if cache_loader_factory is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(cache_loader_factory)
    if cache_writer_factory is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(cache_writer_factory)
    if cache_loader is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(cache_loader)
    if cache_writer is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(cache_writer)
    msg.append_int(backup_count)
    msg.append_int(async_backup_count)
    msg.append_str(in_memory_format)
    if quorum_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(quorum_name)
    if merge_policy is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(merge_policy)
    msg.append_bool(disable_per_entry_invalidation_events)
    if partition_lost_listener_configs is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(partition_lost_listener_configs))
        for partition_lost_listener_configs_item in partition_lost_listener_configs:
            encode_listener_config_holder(msg, partition_lost_listener_configs_item)
    if expiry_policy_factory_class_name is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(expiry_policy_factory_class_name)
    if timed_expiry_policy_factory_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_timed_expiry_policy_factory_config(msg, timed_expiry_policy_factory_config)
    if cache_entry_listeners is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(cache_entry_listeners))
        for cache_entry_listeners_item in cache_entry_listeners:
            encode_cache_simple_entry_listener_config(msg, cache_entry_listeners_item)
    if eviction_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_eviction_config_holder(msg, eviction_config)
    if wan_replication_ref is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_wan_replication_ref(msg, wan_replication_ref)
    if hot_restart_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_hot_restart_config(msg, hot_restart_config)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, key_type: Optional[str], value_type: Optional[str], statistics_enabled: bool, management_enabled: bool, read_through: bool, write_through: bool, cache_loader_factory: Optional[str], cache_writer_factory: Optional[str], cache_loader: Optional[str], cache_writer: Optional[str], backup_count: int, async_backup_count: int, in_memory_format: str, quorum_name: Optional[str], merge_policy: Optional[str], disable_per_entry_invalidation_events: bool, partition_lost_listener_configs: Optional[List[ListenerConfigHolder]], expiry_policy_factory_class_name: Optional[str], timed_expiry_policy_factory_config: Optional[TimedExpiryPolicyFactoryConfig], cache_entry_listeners: Optional[List[CacheSimpleEntryListenerConfig]], eviction_config: Optional[EvictionConfigHolder], wan_replication_ref: Optional[WanReplicationRef], hot_restart_config: Optional[HotRestartConfig]) -> ClientMessage:
    """All fields of this request exist since 1.5: same as encode_request."""
    return encode_request(name, key_type, value_type, statistics_enabled, management_enabled, read_through, write_through, cache_loader_factory, cache_writer_factory, cache_loader, cache_writer, backup_count, async_backup_count, in_memory_format, quorum_name, merge_policy, disable_per_entry_invalidation_events, partition_lost_listener_configs, expiry_policy_factory_class_name, timed_expiry_policy_factory_config, cache_entry_listeners, eviction_config, wan_replication_ref, hot_restart_config)
