# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/events.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen

"""Decoders of the event messages (ids 200-217): each returns the event's
fields as a tuple in wire order, ready for ``handler(*fields)``.
"""
from typing import List, Optional, Tuple
from uuid import UUID

from hazelcast.core import Address, Member
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import (
    CacheEventData,
    QueryCacheEventData,
    decode_address,
    decode_cache_event_data,
    decode_member,
    decode_query_cache_event_data,
    decode_uuid,
)
from hazelcast.serialization.data import Data


def decode_event_member(msg: ClientMessage) -> Tuple[Member, int]:
    """Event 200 (EVENT_MEMBER): (member, event_type); absent @Since fields are None."""
    member = decode_member(msg)
    event_type = msg.read_int()
    return member, event_type


def decode_event_memberlist(msg: ClientMessage) -> Tuple[List[Member]]:
    """Event 201 (EVENT_MEMBERLIST): (members); absent @Since fields are None."""
    members = [decode_member(msg) for _ in range(msg.read_size())]
    return (members,)


def decode_event_memberattributechange(msg: ClientMessage) -> Tuple[str, str, int, Optional[str]]:
    """Event 202 (EVENT_MEMBERATTRIBUTECHANGE): (uuid, key, operation_type, value); absent @Since fields are None."""
    uuid = msg.read_str()
    key = msg.read_str()
    operation_type = msg.read_int()
    value = None if msg.read_bool() else msg.read_str()
    return uuid, key, operation_type, value


def decode_event_entry(msg: ClientMessage) -> Tuple[Optional[Data], Optional[Data], Optional[Data], Optional[Data], int, str, int]:
    """Event 203 (EVENT_ENTRY): (key, value, old_value, merging_value, event_type, uuid, number_of_affected_entries); absent @Since fields are None."""
    key = None if msg.read_bool() else msg.read_data()
    value = None if msg.read_bool() else msg.read_data()
    old_value = None if msg.read_bool() else msg.read_data()
    merging_value = None if msg.read_bool() else msg.read_data()
    event_type = msg.read_int()
    uuid = msg.read_str()
    number_of_affected_entries = msg.read_int()
    return key, value, old_value, merging_value, event_type, uuid, number_of_affected_entries


def decode_event_item(msg: ClientMessage) -> Tuple[Optional[Data], str, int]:
    """Event 204 (EVENT_ITEM): (item, uuid, event_type); absent @Since fields are None."""
    item = None if msg.read_bool() else msg.read_data()
    uuid = msg.read_str()
    event_type = msg.read_int()
    return item, uuid, event_type


def decode_event_topic(msg: ClientMessage) -> Tuple[Data, int, str]:
    """Event 205 (EVENT_TOPIC): (item, publish_time, uuid); absent @Since fields are None."""
    item = msg.read_data()
    publish_time = msg.read_long()
    uuid = msg.read_str()
    return item, publish_time, uuid


def decode_event_partitionlost(msg: ClientMessage) -> Tuple[int, int, Optional[Address]]:
    """Event 206 (EVENT_PARTITIONLOST): (partition_id, lost_backup_count, source); absent @Since fields are None."""
    partition_id = msg.read_int()
    lost_backup_count = msg.read_int()
    source = None if msg.read_bool() else decode_address(msg)
    return partition_id, lost_backup_count, source


def decode_event_distributedobject(msg: ClientMessage) -> Tuple[str, str, str]:
    """Event 207 (EVENT_DISTRIBUTEDOBJECT): (name, service_name, event_type); absent @Since fields are None."""
    name = msg.read_str()
    service_name = msg.read_str()
    event_type = msg.read_str()
    return name, service_name, event_type


def decode_event_cacheinvalidation(msg: ClientMessage) -> Tuple[str, Optional[Data], Optional[str], Optional[UUID], Optional[int]]:
    """Event 208 (EVENT_CACHEINVALIDATION): (name, key, source_uuid, partition_uuid, sequence); absent @Since fields are None."""
    partition_uuid = sequence = None
    name = msg.read_str()
    key = None if msg.read_bool() else msg.read_data()
    source_uuid = None if msg.read_bool() else msg.read_str()
    if msg.has_remaining():  # fields added in 1.4
        partition_uuid = decode_uuid(msg)
        sequence = msg.read_long()
    return name, key, source_uuid, partition_uuid, sequence


def decode_event_mappartitionlost(msg: ClientMessage) -> Tuple[int, str]:
    """Event 209 (EVENT_MAPPARTITIONLOST): (partition_id, uuid); absent @Since fields are None."""
    partition_id = msg.read_int()
    uuid = msg.read_str()
    return partition_id, uuid


def decode_event_cache(msg: ClientMessage) -> Tuple[int, List[CacheEventData], int]:
    """Event 210 (EVENT_CACHE): (type, keys, completion_id); absent @Since fields are None."""
    type = msg.read_int()
    keys = [decode_cache_event_data(msg) for _ in range(msg.read_size())]
    completion_id = msg.read_int()
    return type, keys, completion_id


def decode_event_cachebatchinvalidation(msg: ClientMessage) -> Tuple[str, List[Data], Optional[List[str]], Optional[List[UUID]], Optional[List[int]]]:
    """Event 211 (EVENT_CACHEBATCHINVALIDATION): (name, keys, source_uuids, partition_uuids, sequences); absent @Since fields are None."""
    partition_uuids = sequences = None
    name = msg.read_str()
    keys = msg.read_data_list()
    source_uuids = None if msg.read_bool() else [msg.read_str() for _ in range(msg.read_size())]
    if msg.has_remaining():  # fields added in 1.4
        partition_uuids = [decode_uuid(msg) for _ in range(msg.read_size())]
        sequences = [msg.read_long() for _ in range(msg.read_size())]
    return name, keys, source_uuids, partition_uuids, sequences


def decode_event_querycachesingle(msg: ClientMessage) -> Tuple[QueryCacheEventData]:
    """Event 212 (EVENT_QUERYCACHESINGLE): (data); absent @Since fields are None."""
    data = decode_query_cache_event_data(msg)
    return (data,)


def decode_event_querycachebatch(msg: ClientMessage) -> Tuple[List[QueryCacheEventData], str, int]:
    """Event 213 (EVENT_QUERYCACHEBATCH): (events, source, partition_id); absent @Since fields are None."""
    events = [decode_query_cache_event_data(msg) for _ in range(msg.read_size())]
    source = msg.read_str()
    partition_id = msg.read_int()
    return events, source, partition_id


def decode_event_cachepartitionlost(msg: ClientMessage) -> Tuple[int, str]:
    """Event 214 (EVENT_CACHEPARTITIONLOST): (partition_id, uuid); absent @Since fields are None."""
    partition_id = msg.read_int()
    uuid = msg.read_str()
    return partition_id, uuid


def decode_event_imapinvalidation(msg: ClientMessage) -> Tuple[Optional[Data], Optional[str], Optional[UUID], Optional[int]]:
    """Event 215 (EVENT_IMAPINVALIDATION): (key, source_uuid, partition_uuid, sequence); absent @Since fields are None."""
    source_uuid = partition_uuid = sequence = None
    key = None if msg.read_bool() else msg.read_data()
    if msg.has_remaining():  # fields added in 1.4
        source_uuid = msg.read_str()
        partition_uuid = decode_uuid(msg)
        sequence = msg.read_long()
    return key, source_uuid, partition_uuid, sequence


def decode_event_imapbatchinvalidation(msg: ClientMessage) -> Tuple[List[Data], Optional[List[str]], Optional[List[UUID]], Optional[List[int]]]:
    """Event 216 (EVENT_IMAPBATCHINVALIDATION): (keys, source_uuids, partition_uuids, sequences); absent @Since fields are None."""
    source_uuids = partition_uuids = sequences = None
    keys = msg.read_data_list()
    if msg.has_remaining():  # fields added in 1.4
        source_uuids = [msg.read_str() for _ in range(msg.read_size())]
        partition_uuids = [decode_uuid(msg) for _ in range(msg.read_size())]
        sequences = [msg.read_long() for _ in range(msg.read_size())]
    return keys, source_uuids, partition_uuids, sequences


def decode_event_partitions(msg: ClientMessage) -> Tuple[List[Tuple[Address, List[int]]], int]:
    """Event 217 (EVENT_PARTITIONS): (partitions, partition_state_version); absent @Since fields are None."""
    partitions = [(decode_address(msg), [msg.read_int() for _ in range(msg.read_size())]) for _ in range(msg.read_size())]
    partition_state_version = msg.read_int()
    return partitions, partition_state_version
