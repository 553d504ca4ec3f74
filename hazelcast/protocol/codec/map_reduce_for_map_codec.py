# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map_reduce.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""MapReduce.forMap (0x0f03), since protocol 1.0. Response: LIST_ENTRY (117).
"""
from typing import List, Optional, Tuple

from hazelcast.protocol.codec.responses import decode_list_entry_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0f03
RESPONSE_TYPE = 117
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, job_id: str, predicate: Optional[Data], mapper: Data, combiner_factory: Optional[Data], reducer_factory: Optional[Data], map_name: str, chunk_size: int, keys: Optional[List[Data]], topology_changed_strategy: Optional[str]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(job_id)
    if predicate is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(predicate)
    msg.append_data(mapper)
    if combiner_factory is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(combiner_factory)
    if reducer_factory is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(reducer_factory)
    msg.append_str(map_name)
    msg.append_int(chunk_size)
    if keys is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_int(len(keys))
        for keys_item in keys:
            msg.append_data(keys_item)
    if topology_changed_strategy is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(topology_changed_strategy)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, job_id: str, predicate: Optional[Data], mapper: Data, combiner_factory: Optional[Data], reducer_factory: Optional[Data], map_name: str, chunk_size: int, keys: Optional[List[Data]], topology_changed_strategy: Optional[str]) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, job_id, predicate, mapper, combiner_factory, reducer_factory, map_name, chunk_size, keys, topology_changed_strategy)
