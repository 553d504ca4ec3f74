# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_dynamic_config.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""DynamicConfig.addRingbufferConfig (0x1e02), since protocol 1.5. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import RingbufferStoreConfigHolder, encode_ringbuffer_store_config_holder

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1e02
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 5)
EVENTS = ()


def encode_request(name: str, capacity: int, backup_count: int, async_backup_count: int, time_to_live_seconds: int, in_memory_format: str, ringbuffer_store_config: Optional[RingbufferStoreConfigHolder], quorum_name: Optional[str], merge_policy: str, merge_batch_size: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, capacity, backup_count, async_backup_count, time_to_live_seconds, in_memory_format, ringbuffer_store_config, quorum_name, merge_policy, merge_batch_size)


def encode_request_for(version: Tuple[int, int], name: str, capacity: int, backup_count: int, async_backup_count: int, time_to_live_seconds: int, in_memory_format: str, ringbuffer_store_config: Optional[RingbufferStoreConfigHolder], quorum_name: Optional[str] = None, merge_policy: Optional[str] = None, merge_batch_size: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.6).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(capacity)
    msg.append_int(backup_count)
    msg.append_int(async_backup_count)
    msg.append_int(time_to_live_seconds)
    msg.append_str(in_memory_format)
    if ringbuffer_store_config is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        encode_ringbuffer_store_config_holder(msg, ringbuffer_store_config)
    if version >= (1, 6):
        if quorum_name is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_str(quorum_name)
        if merge_policy is None:
            raise IllegalArgumentError("dynamic_config_add_ringbuffer_config_codec: merge_policy is required by protocol %d.%d" % version)
        msg.append_str(merge_policy)
        if merge_batch_size is None:
            raise IllegalArgumentError("dynamic_config_add_ringbuffer_config_codec: merge_batch_size is required by protocol %d.%d" % version)
        msg.append_int(merge_batch_size)
    return msg.finish()
