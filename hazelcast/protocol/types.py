"""Composite ("custom") protocol types, encoded and decoded by hand.

Layouts follow the protocol 1.x custom-type definitions (fields in wire order,
no padding). Generated codecs call ``encode_<type>(msg, value)`` and
``decode_<type>(msg)``; the helpers here read and write through
:class:`~hazelcast.protocol.message.ClientMessage`, so truncated input always
raises :class:`~hazelcast.errors.ProtocolError`.

Python representations:

* ``Address``, ``Member``, ``DistributedObjectInfo``, ``EntryView``: the classes
  of :mod:`hazelcast.core` (``Member.attributes`` is a ``dict``).
* ``UUID``: :class:`uuid.UUID` built from the two signed int64 halves.
* The others: the ``NamedTuple`` classes below, with snake_case fields in
  wire order. Config holders are request-only, so they only have encoders.
"""
import uuid
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, TypeVar

from hazelcast.core import Address, DistributedObjectInfo, EntryView, Member
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

_MASK64 = 0xFFFFFFFFFFFFFFFF

T = TypeVar("T")


class Xid(NamedTuple):
    """An XA transaction id."""
    format_id: int
    global_transaction_id: bytes
    branch_qualifier: bytes


class JobPartitionState(NamedTuple):
    """MapReduce: who owns a partition of a job and in which state it is."""
    owner: Address
    state: str


class StackTraceElement(NamedTuple):
    """One frame of a member-side Java stack trace."""
    declaring_class: str
    method_name: str
    file_name: Optional[str]
    line_number: int


class CacheEventData(NamedTuple):
    """One JCache event inside EVENT_CACHE."""
    cache_event_type: int
    name: str
    data_key: Optional[Data]
    data_value: Optional[Data]
    data_old_value: Optional[Data]
    is_old_value_available: bool


class QueryCacheEventData(NamedTuple):
    """One continuous-query-cache event."""
    sequence: int
    data_key: Optional[Data]
    data_new_value: Optional[Data]
    event_type: int
    partition_id: int


class ScheduledTaskHandler(NamedTuple):
    """Where a scheduled task lives: a member address or a partition id (-1 if address)."""
    scheduler_name: str
    task_name: str
    address: Optional[Address]
    partition_id: int = -1


class RaftGroupId(NamedTuple):
    """A CP group id (protocol 1.8)."""
    name: str
    seed: int
    commit_index: int


# --- DynamicConfig holders (request-only) ----------------------------------

class ListenerConfigHolder(NamedTuple):
    listener_type: int
    implementation: Optional[Data]
    class_name: Optional[str]
    local: bool
    include_value: bool


class EvictionConfigHolder(NamedTuple):
    size: int
    max_size_policy: str
    eviction_policy: str
    comparator_class_name: Optional[str] = None
    comparator: Optional[Data] = None


class NearCachePreloaderConfig(NamedTuple):
    enabled: bool
    directory: str
    store_initial_delay_seconds: int
    store_interval_seconds: int


class NearCacheConfigHolder(NamedTuple):
    name: str
    in_memory_format: str
    serialize_keys: bool
    invalidate_on_change: bool
    time_to_live_seconds: int
    max_idle_seconds: int
    cache_local_entries: bool
    local_update_policy: str
    eviction_config: EvictionConfigHolder
    preloader_config: Optional[NearCachePreloaderConfig] = None


class MapStoreConfigHolder(NamedTuple):
    enabled: bool
    write_coalescing: bool
    write_delay_seconds: int
    write_batch_size: int
    initial_load_mode: str
    properties: Optional[Dict[str, str]] = None
    class_name: Optional[str] = None
    factory_class_name: Optional[str] = None
    implementation: Optional[Data] = None
    factory_implementation: Optional[Data] = None


class QueueStoreConfigHolder(NamedTuple):
    """Also the layout of RingbufferStoreConfigHolder; set one of the four sources."""
    class_name: Optional[str] = None
    factory_class_name: Optional[str] = None
    implementation: Optional[Data] = None
    factory_implementation: Optional[Data] = None
    properties: Optional[Dict[str, str]] = None
    enabled: bool = True


RingbufferStoreConfigHolder = QueueStoreConfigHolder


class PredicateConfigHolder(NamedTuple):
    class_name: Optional[str] = None
    sql: Optional[str] = None
    implementation: Optional[Data] = None


class MapIndexConfig(NamedTuple):
    attribute: str
    ordered: bool


class MapAttributeConfig(NamedTuple):
    name: str
    extractor: str


class QueryCacheConfigHolder(NamedTuple):
    batch_size: int
    buffer_size: int
    delay_seconds: int
    include_value: bool
    populate: bool
    coalesce: bool
    in_memory_format: str
    name: str
    predicate_config: PredicateConfigHolder
    eviction_config: EvictionConfigHolder
    listener_configs: Optional[List[ListenerConfigHolder]] = None
    index_configs: Optional[List[MapIndexConfig]] = None


class WanReplicationRef(NamedTuple):
    name: str
    merge_policy: str
    republishing_enabled: bool
    filters: Optional[List[str]] = None


class HotRestartConfig(NamedTuple):
    enabled: bool
    fsync: bool


class TimedExpiryPolicyFactoryConfig(NamedTuple):
    expiry_policy_type: str
    duration_amount: int
    time_unit: str


class CacheSimpleEntryListenerConfig(NamedTuple):
    synchronous: bool
    old_value_required: bool
    cache_entry_listener_factory: Optional[str] = None
    cache_entry_event_filter_factory: Optional[str] = None


# --- nullable helpers -------------------------------------------------------

def _append_nullable_str(msg: ClientMessage, value: Optional[str]) -> None:
    if value is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(value)


def _append_nullable_data(msg: ClientMessage, value: Optional[Data]) -> None:
    if value is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(value)


def _read_nullable_str(msg: ClientMessage) -> Optional[str]:
    return None if msg.read_bool() else msg.read_str()


def _read_nullable_data(msg: ClientMessage) -> Optional[Data]:
    return None if msg.read_bool() else msg.read_data()


# --- basic types ------------------------------------------------------------

def encode_address(msg: ClientMessage, value: Address) -> None:
    msg.append_str(value.host)
    msg.append_int(value.port)


def decode_address(msg: ClientMessage) -> Address:
    return Address(msg.read_str(), msg.read_int())


def encode_member(msg: ClientMessage, value: Member) -> None:
    encode_address(msg, value.address)
    msg.append_str(value.uuid)
    msg.append_bool(value.is_lite_member)
    attributes = value.attributes
    msg.append_int(len(attributes))
    for key, attr in attributes.items():
        msg.append_str(key)
        msg.append_str(attr)


def decode_member(msg: ClientMessage) -> Member:
    address = decode_address(msg)
    member_uuid = msg.read_str()
    lite = msg.read_bool()
    attributes = {}
    for _ in range(msg.read_size("attribute list")):
        key = msg.read_str()
        attributes[key] = msg.read_str()
    return Member(address, member_uuid, lite, attributes)


def encode_uuid(msg: ClientMessage, value: uuid.UUID) -> None:
    bits = value.int
    msb = bits >> 64
    lsb = bits & _MASK64
    msg.append_long(msb - (1 << 64) if msb >= 1 << 63 else msb)
    msg.append_long(lsb - (1 << 64) if lsb >= 1 << 63 else lsb)


def decode_uuid(msg: ClientMessage) -> uuid.UUID:
    msb = msg.read_long()
    lsb = msg.read_long()
    return uuid.UUID(int=((msb & _MASK64) << 64) | (lsb & _MASK64))


def uuid_from_bits(msb: int, lsb: int) -> uuid.UUID:
    """The :class:`uuid.UUID` of Java's (mostSignificantBits, leastSignificantBits)."""
    return uuid.UUID(int=((msb & _MASK64) << 64) | (lsb & _MASK64))


def encode_xid(msg: ClientMessage, value: Xid) -> None:
    msg.append_int(value.format_id)
    msg.append_bytes(value.global_transaction_id)
    msg.append_bytes(value.branch_qualifier)


def decode_xid(msg: ClientMessage) -> Xid:
    return Xid(msg.read_int(), msg.read_bytes(), msg.read_bytes())


_ENTRY_VIEW_LONGS = ("cost", "creation_time", "expiration_time", "hits", "last_access_time",
                     "last_stored_time", "last_update_time", "version",
                     "eviction_criteria_number", "ttl")


def encode_entry_view(msg: ClientMessage, value: EntryView) -> None:
    msg.append_data(value.key)
    msg.append_data(value.value)
    for field in _ENTRY_VIEW_LONGS:
        msg.append_long(getattr(value, field))


def decode_entry_view(msg: ClientMessage) -> EntryView:
    r = msg.read_long
    key = msg.read_data()
    value = msg.read_data()
    return EntryView(key, value, r(), r(), r(), r(), r(), r(), r(), r(), r(), r())


def encode_distributed_object_info(msg: ClientMessage, value: DistributedObjectInfo) -> None:
    msg.append_str(value.service_name)
    msg.append_str(value.name)


def decode_distributed_object_info(msg: ClientMessage) -> DistributedObjectInfo:
    service_name = msg.read_str()
    return DistributedObjectInfo(msg.read_str(), service_name)


def encode_job_partition_state(msg: ClientMessage, value: JobPartitionState) -> None:
    encode_address(msg, value.owner)
    msg.append_str(value.state)


def decode_job_partition_state(msg: ClientMessage) -> JobPartitionState:
    return JobPartitionState(decode_address(msg), msg.read_str())


def encode_stack_trace_element(msg: ClientMessage, value: StackTraceElement) -> None:
    msg.append_str(value[0])
    msg.append_str(value[1])
    _append_nullable_str(msg, value[2])
    msg.append_int(value[3])


def decode_stack_trace_element(msg: ClientMessage) -> StackTraceElement:
    return StackTraceElement(msg.read_str(), msg.read_str(), _read_nullable_str(msg),
                             msg.read_int())


def encode_cache_event_data(msg: ClientMessage, value: CacheEventData) -> None:
    msg.append_int(value.cache_event_type)
    msg.append_str(value.name)
    _append_nullable_data(msg, value.data_key)
    _append_nullable_data(msg, value.data_value)
    _append_nullable_data(msg, value.data_old_value)
    msg.append_bool(value.is_old_value_available)


def decode_cache_event_data(msg: ClientMessage) -> CacheEventData:
    return CacheEventData(msg.read_int(), msg.read_str(), _read_nullable_data(msg),
                          _read_nullable_data(msg), _read_nullable_data(msg), msg.read_bool())


def encode_query_cache_event_data(msg: ClientMessage, value: QueryCacheEventData) -> None:
    msg.append_long(value.sequence)
    _append_nullable_data(msg, value.data_key)
    _append_nullable_data(msg, value.data_new_value)
    msg.append_int(value.event_type)
    msg.append_int(value.partition_id)


def decode_query_cache_event_data(msg: ClientMessage) -> QueryCacheEventData:
    return QueryCacheEventData(msg.read_long(), _read_nullable_data(msg),
                               _read_nullable_data(msg), msg.read_int(), msg.read_int())


def encode_scheduled_task_handler(msg: ClientMessage, value: ScheduledTaskHandler) -> None:
    msg.append_str(value.scheduler_name)
    msg.append_str(value.task_name)
    if value.address is not None:
        msg.append_bool(True)
        encode_address(msg, value.address)
    else:
        msg.append_bool(False)
        msg.append_int(value.partition_id)


def decode_scheduled_task_handler(msg: ClientMessage) -> ScheduledTaskHandler:
    scheduler_name = msg.read_str()
    task_name = msg.read_str()
    if msg.read_bool():
        return ScheduledTaskHandler(scheduler_name, task_name, decode_address(msg), -1)
    return ScheduledTaskHandler(scheduler_name, task_name, None, msg.read_int())


def encode_raft_group_id(msg: ClientMessage, value: RaftGroupId) -> None:
    msg.append_str(value.name)
    msg.append_long(value.seed)
    msg.append_long(value.commit_index)


def decode_raft_group_id(msg: ClientMessage) -> RaftGroupId:
    return RaftGroupId(msg.read_str(), msg.read_long(), msg.read_long())


# --- DynamicConfig holder encoders -------------------------------------------

def _encode_properties(msg: ClientMessage, props: Optional[Dict[str, str]]) -> None:
    if props is None:
        msg.append_bool(True)
        return
    msg.append_bool(False)
    msg.append_int(len(props))
    for key, value in props.items():
        msg.append_str(key)
        msg.append_str(value)


def encode_listener_config_holder(msg: ClientMessage, value: ListenerConfigHolder) -> None:
    msg.append_byte(value.listener_type)
    _append_nullable_data(msg, value.implementation)
    _append_nullable_str(msg, value.class_name)
    msg.append_bool(value.local)
    msg.append_bool(value.include_value)


def encode_eviction_config_holder(msg: ClientMessage, value: EvictionConfigHolder) -> None:
    msg.append_int(value.size)
    msg.append_str(value.max_size_policy)
    msg.append_str(value.eviction_policy)
    _append_nullable_str(msg, value.comparator_class_name)
    _append_nullable_data(msg, value.comparator)


def encode_near_cache_config_holder(msg: ClientMessage, value: NearCacheConfigHolder) -> None:
    msg.append_str(value.name)
    msg.append_str(value.in_memory_format)
    msg.append_bool(value.serialize_keys)
    msg.append_bool(value.invalidate_on_change)
    msg.append_int(value.time_to_live_seconds)
    msg.append_int(value.max_idle_seconds)
    msg.append_bool(value.cache_local_entries)
    msg.append_str(value.local_update_policy)
    encode_eviction_config_holder(msg, value.eviction_config)
    preloader = value.preloader_config
    if preloader is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_bool(preloader.enabled)
        msg.append_str(preloader.directory)
        msg.append_int(preloader.store_initial_delay_seconds)
        msg.append_int(preloader.store_interval_seconds)


def encode_map_store_config_holder(msg: ClientMessage, value: MapStoreConfigHolder) -> None:
    msg.append_bool(value.enabled)
    msg.append_bool(value.write_coalescing)
    msg.append_int(value.write_delay_seconds)
    msg.append_int(value.write_batch_size)
    msg.append_str(value.initial_load_mode)
    _encode_properties(msg, value.properties)
    _append_nullable_str(msg, value.class_name)
    _append_nullable_str(msg, value.factory_class_name)
    _append_nullable_data(msg, value.implementation)
    _append_nullable_data(msg, value.factory_implementation)


def encode_queue_store_config_holder(msg: ClientMessage, value: QueueStoreConfigHolder) -> None:
    """Writes the first set source of: implementation, class name, factory implementation,
    otherwise the factory class name."""
    if value.implementation is not None:
        msg.append_byte(2)
        msg.append_data(value.implementation)
    elif value.class_name is not None:
        msg.append_byte(0)
        msg.append_str(value.class_name)
    elif value.factory_implementation is not None:
        msg.append_byte(3)
        msg.append_data(value.factory_implementation)
    else:
        if value.factory_class_name is None:
            raise ValueError("a store config holder needs one of class_name, factory_class_name, "
                             "implementation or factory_implementation")
        msg.append_byte(1)
        msg.append_str(value.factory_class_name)
    _encode_properties(msg, value.properties)
    msg.append_bool(value.enabled)


encode_ringbuffer_store_config_holder = encode_queue_store_config_holder


def encode_map_index_config(msg: ClientMessage, value: MapIndexConfig) -> None:
    msg.append_str(value.attribute)
    msg.append_bool(value.ordered)


def encode_map_attribute_config(msg: ClientMessage, value: MapAttributeConfig) -> None:
    msg.append_str(value.name)
    msg.append_str(value.extractor)


def encode_query_cache_config_holder(msg: ClientMessage, value: QueryCacheConfigHolder) -> None:
    msg.append_int(value.batch_size)
    msg.append_int(value.buffer_size)
    msg.append_int(value.delay_seconds)
    msg.append_bool(value.include_value)
    msg.append_bool(value.populate)
    msg.append_bool(value.coalesce)
    msg.append_str(value.in_memory_format)
    msg.append_str(value.name)
    predicate = value.predicate_config
    _append_nullable_str(msg, predicate.class_name)
    _append_nullable_str(msg, predicate.sql)
    _append_nullable_data(msg, predicate.implementation)
    encode_eviction_config_holder(msg, value.eviction_config)
    _encode_list(msg, value.listener_configs, encode_listener_config_holder)
    _encode_list(msg, value.index_configs, encode_map_index_config)


def _encode_list(msg: ClientMessage, items: Optional[Sequence[T]],
                 encode_item: Callable[[ClientMessage, T], None]) -> None:
    """A nullable list of composite items."""
    if items is None:
        msg.append_bool(True)
        return
    msg.append_bool(False)
    msg.append_int(len(items))
    for item in items:
        encode_item(msg, item)


def encode_wan_replication_ref(msg: ClientMessage, value: WanReplicationRef) -> None:
    msg.append_str(value.name)
    msg.append_str(value.merge_policy)
    msg.append_bool(value.republishing_enabled)
    _encode_list(msg, value.filters, ClientMessage.append_str)


def encode_hot_restart_config(msg: ClientMessage, value: HotRestartConfig) -> None:
    msg.append_bool(value.enabled)
    msg.append_bool(value.fsync)


def encode_timed_expiry_policy_factory_config(msg: ClientMessage,
                                              value: TimedExpiryPolicyFactoryConfig) -> None:
    msg.append_str(value.expiry_policy_type)
    msg.append_long(value.duration_amount)
    msg.append_str(value.time_unit)


def encode_cache_simple_entry_listener_config(msg: ClientMessage,
                                              value: CacheSimpleEntryListenerConfig) -> None:
    msg.append_bool(value.synchronous)
    msg.append_bool(value.old_value_required)
    _append_nullable_str(msg, value.cache_entry_listener_factory)
    _append_nullable_str(msg, value.cache_entry_event_filter_factory)

