# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/responses.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen

"""Decoders of the response messages (ids 100-132).

A single-field response decodes to the value itself; a multi-field one to a
NamedTuple. Fields added by a later protocol version (@Since) that an older
member does not send decode as None. Trailing extra bytes are ignored.
"""
from typing import List, NamedTuple, Optional, Tuple
from uuid import UUID

from hazelcast.core import Address, DistributedObjectInfo, EntryView, Member
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import (
    JobPartitionState,
    RaftGroupId,
    ScheduledTaskHandler,
    StackTraceElement,
    decode_address,
    decode_distributed_object_info,
    decode_entry_view,
    decode_job_partition_state,
    decode_member,
    decode_raft_group_id,
    decode_scheduled_task_handler,
    decode_stack_trace_element,
    decode_uuid,
)
from hazelcast.serialization.data import Data


def decode_void_response(msg: ClientMessage) -> None:
    """Response 100 (VOID): no fields."""
    return None


def decode_boolean_response(msg: ClientMessage) -> bool:
    """Response 101 (BOOLEAN)."""
    return msg.read_bool()


def decode_integer_response(msg: ClientMessage) -> int:
    """Response 102 (INTEGER)."""
    return msg.read_int()


def decode_long_response(msg: ClientMessage) -> int:
    """Response 103 (LONG)."""
    return msg.read_long()


def decode_string_response(msg: ClientMessage) -> str:
    """Response 104 (STRING)."""
    return msg.read_str()


def decode_data_response(msg: ClientMessage) -> Optional[Data]:
    """Response 105 (DATA)."""
    return None if msg.read_bool() else msg.read_data()


def decode_list_data_response(msg: ClientMessage) -> List[Data]:
    """Response 106 (LIST_DATA)."""
    return msg.read_data_list()


class AuthenticationResponse(NamedTuple):
    """Fields of response AUTHENTICATION; @Since fields absent from the frame are None."""
    status: int
    address: Optional[Address]
    uuid: Optional[str]
    owner_uuid: Optional[str]
    serialization_version: int
    server_hazelcast_version: Optional[str]
    client_unregistered_members: Optional[List[Member]]
    partition_count: Optional[int]
    cluster_id: Optional[str]


def decode_authentication_response(msg: ClientMessage) -> AuthenticationResponse:
    """Response 107 (AUTHENTICATION)."""
    server_hazelcast_version = client_unregistered_members = partition_count = cluster_id = None
    status = msg.read_byte()
    address = None if msg.read_bool() else decode_address(msg)
    uuid = None if msg.read_bool() else msg.read_str()
    owner_uuid = None if msg.read_bool() else msg.read_str()
    serialization_version = msg.read_byte()
    if msg.has_remaining():  # fields added in 1.3
        server_hazelcast_version = msg.read_str()
        client_unregistered_members = None if msg.read_bool() else [decode_member(msg) for _ in range(msg.read_size())]
    if msg.has_remaining():  # fields added in 1.8
        partition_count = msg.read_int()
        cluster_id = msg.read_str()
    return AuthenticationResponse(status, address, uuid, owner_uuid, serialization_version, server_hazelcast_version, client_unregistered_members, partition_count, cluster_id)


class PartitionsResponse(NamedTuple):
    """Fields of response PARTITIONS; @Since fields absent from the frame are None."""
    partitions: List[Tuple[Address, List[int]]]
    partition_state_version: Optional[int]


def decode_partitions_response(msg: ClientMessage) -> PartitionsResponse:
    """Response 108 (PARTITIONS)."""
    partition_state_version = None
    partitions = [(decode_address(msg), [msg.read_int() for _ in range(msg.read_size())]) for _ in range(msg.read_size())]
    if msg.has_remaining():  # fields added in 1.5
        partition_state_version = msg.read_int()
    return PartitionsResponse(partitions, partition_state_version)


class ExceptionResponse(NamedTuple):
    """Fields of response EXCEPTION; @Since fields absent from the frame are None."""
    error_code: int
    class_name: str
    message: Optional[str]
    stacktrace: List[StackTraceElement]
    cause_error_code: int
    cause_class_name: Optional[str]


def decode_exception_response(msg: ClientMessage) -> ExceptionResponse:
    """Response 109 (EXCEPTION)."""
    error_code = msg.read_int()
    class_name = msg.read_str()
    message = None if msg.read_bool() else msg.read_str()
    stacktrace = [decode_stack_trace_element(msg) for _ in range(msg.read_size())]
    cause_error_code = msg.read_int()
    cause_class_name = None if msg.read_bool() else msg.read_str()
    return ExceptionResponse(error_code, class_name, message, stacktrace, cause_error_code, cause_class_name)


def decode_list_distributed_object_response(msg: ClientMessage) -> List[DistributedObjectInfo]:
    """Response 110 (LIST_DISTRIBUTED_OBJECT)."""
    return [decode_distributed_object_info(msg) for _ in range(msg.read_size())]


def decode_entry_view_response(msg: ClientMessage) -> Optional[EntryView]:
    """Response 111 (ENTRY_VIEW): the EntryView (max_idle folded in, -1 if absent) or None."""
    view = None if msg.read_bool() else decode_entry_view(msg)
    if view is not None and msg.has_remaining():
        view.max_idle = msg.read_long()
    return view


class JobProcessInfoResponse(NamedTuple):
    """Fields of response JOB_PROCESS_INFO; @Since fields absent from the frame are None."""
    job_partition_states: List[JobPartitionState]
    process_records: int


def decode_job_process_info_response(msg: ClientMessage) -> JobProcessInfoResponse:
    """Response 112 (JOB_PROCESS_INFO)."""
    job_partition_states = [decode_job_partition_state(msg) for _ in range(msg.read_size())]
    process_records = msg.read_int()
    return JobProcessInfoResponse(job_partition_states, process_records)


class ReadResultSetResponse(NamedTuple):
    """Fields of response READ_RESULT_SET; @Since fields absent from the frame are None."""
    read_count: int
    items: List[Data]
    item_seqs: Optional[List[int]]
    next_seq: Optional[int]


def decode_read_result_set_response(msg: ClientMessage) -> ReadResultSetResponse:
    """Response 115 (READ_RESULT_SET)."""
    item_seqs = next_seq = None
    read_count = msg.read_int()
    items = msg.read_data_list()
    if msg.has_remaining():  # fields added in 1.5
        item_seqs = None if msg.read_bool() else [msg.read_long() for _ in range(msg.read_size())]
    if msg.has_remaining():  # fields added in 1.6
        next_seq = msg.read_long()
    return ReadResultSetResponse(read_count, items, item_seqs, next_seq)


class CacheKeyIteratorResultResponse(NamedTuple):
    """Fields of response CACHE_KEY_ITERATOR_RESULT; @Since fields absent from the frame are None."""
    table_index: int
    keys: List[Data]


def decode_cache_key_iterator_result_response(msg: ClientMessage) -> CacheKeyIteratorResultResponse:
    """Response 116 (CACHE_KEY_ITERATOR_RESULT)."""
    table_index = msg.read_int()
    keys = msg.read_data_list()
    return CacheKeyIteratorResultResponse(table_index, keys)


def decode_list_entry_response(msg: ClientMessage) -> List[Tuple[Data, Data]]:
    """Response 117 (LIST_ENTRY)."""
    return msg.read_data_entry_list()


class EntriesWithCursorResponse(NamedTuple):
    """Fields of response ENTRIES_WITH_CURSOR; @Since fields absent from the frame are None."""
    table_index: int
    entries: List[Tuple[Data, Data]]


def decode_entries_with_cursor_response(msg: ClientMessage) -> EntriesWithCursorResponse:
    """Response 118 (ENTRIES_WITH_CURSOR)."""
    table_index = msg.read_int()
    entries = msg.read_data_entry_list()
    return EntriesWithCursorResponse(table_index, entries)


def decode_list_data_maybe_null_elements_response(msg: ClientMessage) -> List[Optional[Data]]:
    """Response 119 (LIST_DATA_MAYBE_NULL_ELEMENTS)."""
    return [None if msg.read_bool() else msg.read_data() for _ in range(msg.read_size())]


class ScheduledTaskStatisticsResponse(NamedTuple):
    """Fields of response SCHEDULED_TASK_STATISTICS; @Since fields absent from the frame are None."""
    last_idle_time_nanos: int
    total_idle_time_nanos: int
    total_runs: int
    total_run_time_nanos: int
    last_run_duration_nanos: Optional[int]


def decode_scheduled_task_statistics_response(msg: ClientMessage) -> ScheduledTaskStatisticsResponse:
    """Response 120 (SCHEDULED_TASK_STATISTICS)."""
    last_run_duration_nanos = None
    last_idle_time_nanos = msg.read_long()
    total_idle_time_nanos = msg.read_long()
    total_runs = msg.read_long()
    total_run_time_nanos = msg.read_long()
    if msg.has_remaining():  # fields added in 1.6
        last_run_duration_nanos = msg.read_long()
    return ScheduledTaskStatisticsResponse(last_idle_time_nanos, total_idle_time_nanos, total_runs, total_run_time_nanos, last_run_duration_nanos)


def decode_all_scheduled_task_handlers_response(msg: ClientMessage) -> List[Tuple[Member, List[ScheduledTaskHandler]]]:
    """Response 121 (ALL_SCHEDULED_TASK_HANDLERS)."""
    return [(decode_member(msg), [decode_scheduled_task_handler(msg) for _ in range(msg.read_size())]) for _ in range(msg.read_size())]


class NearCacheInvalidationMetaDataResponse(NamedTuple):
    """Fields of response NEAR_CACHE_INVALIDATION_META_DATA; @Since fields absent from the frame are None."""
    name_partition_sequence_list: List[Tuple[str, List[Tuple[int, int]]]]
    partition_uuid_list: List[Tuple[int, UUID]]


def decode_near_cache_invalidation_meta_data_response(msg: ClientMessage) -> NearCacheInvalidationMetaDataResponse:
    """Response 122 (NEAR_CACHE_INVALIDATION_META_DATA)."""
    name_partition_sequence_list = [(msg.read_str(), [(msg.read_int(), msg.read_long()) for _ in range(msg.read_size())]) for _ in range(msg.read_size())]
    partition_uuid_list = [(msg.read_int(), decode_uuid(msg)) for _ in range(msg.read_size())]
    return NearCacheInvalidationMetaDataResponse(name_partition_sequence_list, partition_uuid_list)


def decode_list_entry_partition_uuid_response(msg: ClientMessage) -> List[Tuple[int, UUID]]:
    """Response 123 (LIST_ENTRY_PARTITION_UUID)."""
    return [(msg.read_int(), decode_uuid(msg)) for _ in range(msg.read_size())]


class ResultSegmentResponse(NamedTuple):
    """Fields of response QUERY_RESULT_SEGMENT; @Since fields absent from the frame are None."""
    results: List[Optional[Data]]
    next_table_index_to_read_from: int


def decode_query_result_segment_response(msg: ClientMessage) -> ResultSegmentResponse:
    """Response 124 (QUERY_RESULT_SEGMENT)."""
    results = [None if msg.read_bool() else msg.read_data() for _ in range(msg.read_size())]
    next_table_index_to_read_from = msg.read_int()
    return ResultSegmentResponse(results, next_table_index_to_read_from)


class EventJournalInitialSubscriberStateResponse(NamedTuple):
    """Fields of response EVENT_JOURNAL_INITIAL_SUBSCRIBER_STATE; @Since fields absent from the frame are None."""
    oldest_sequence: int
    newest_sequence: int


def decode_event_journal_initial_subscriber_state_response(msg: ClientMessage) -> EventJournalInitialSubscriberStateResponse:
    """Response 125 (EVENT_JOURNAL_INITIAL_SUBSCRIBER_STATE)."""
    oldest_sequence = msg.read_long()
    newest_sequence = msg.read_long()
    return EventJournalInitialSubscriberStateResponse(oldest_sequence, newest_sequence)


class IdBatchResponse(NamedTuple):
    """Fields of response FLAKE_ID_GEN_ID_BATCH; @Since fields absent from the frame are None."""
    base: int
    increment: int
    batch_size: int


def decode_flake_id_gen_id_batch_response(msg: ClientMessage) -> IdBatchResponse:
    """Response 126 (FLAKE_ID_GEN_ID_BATCH)."""
    base = msg.read_long()
    increment = msg.read_long()
    batch_size = msg.read_int()
    return IdBatchResponse(base, increment, batch_size)


class CRDTTimestampedLongResponse(NamedTuple):
    """Fields of response CRDT_TIMESTAMPED_LONG; @Since fields absent from the frame are None."""
    value: int
    replica_timestamps: List[Tuple[str, int]]
    replica_count: int


def decode_crdt_timestamped_long_response(msg: ClientMessage) -> CRDTTimestampedLongResponse:
    """Response 127 (CRDT_TIMESTAMPED_LONG)."""
    value = msg.read_long()
    replica_timestamps = [(msg.read_str(), msg.read_long()) for _ in range(msg.read_size())]
    replica_count = msg.read_int()
    return CRDTTimestampedLongResponse(value, replica_timestamps, replica_count)


def decode_raft_group_id_response(msg: ClientMessage) -> RaftGroupId:
    """Response 128 (RAFT_GROUP_ID)."""
    return decode_raft_group_id(msg)


class RaftLockOwnershipStateResponse(NamedTuple):
    """Fields of response RAFT_LOCK_OWNERSHIP_STATE_RESPONSE; @Since fields absent from the frame are None."""
    fence: int
    lock_count: int
    session_id: int
    thread_id: int


def decode_raft_lock_ownership_state_response_response(msg: ClientMessage) -> RaftLockOwnershipStateResponse:
    """Response 129 (RAFT_LOCK_OWNERSHIP_STATE_RESPONSE)."""
    fence = msg.read_long()
    lock_count = msg.read_int()
    session_id = msg.read_long()
    thread_id = msg.read_long()
    return RaftLockOwnershipStateResponse(fence, lock_count, session_id, thread_id)


class RaftSessionResponse(NamedTuple):
    """Fields of response RAFT_SESSION_RESPONSE; @Since fields absent from the frame are None."""
    session_id: int
    ttl_millis: int
    heartbeat_millis: int


def decode_raft_session_response_response(msg: ClientMessage) -> RaftSessionResponse:
    """Response 130 (RAFT_SESSION_RESPONSE)."""
    session_id = msg.read_long()
    ttl_millis = msg.read_long()
    heartbeat_millis = msg.read_long()
    return RaftSessionResponse(session_id, ttl_millis, heartbeat_millis)


class ClusterMetadataResponse(NamedTuple):
    """Fields of response CLUSTER_METADATA; @Since fields absent from the frame are None."""
    name: str
    version: str
    cluster_time: int
    state: int


def decode_cluster_metadata_response(msg: ClientMessage) -> ClusterMetadataResponse:
    """Response 131 (CLUSTER_METADATA)."""
    name = msg.read_str()
    version = msg.read_str()
    cluster_time = msg.read_long()
    state = msg.read_int()
    return ClusterMetadataResponse(name, version, cluster_time, state)


def decode_list_long_response(msg: ClientMessage) -> List[int]:
    """Response 132 (LIST_LONG)."""
    return [msg.read_long() for _ in range(msg.read_size())]
