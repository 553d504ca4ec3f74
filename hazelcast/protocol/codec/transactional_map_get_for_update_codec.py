# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_transactional_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""TransactionalMap.getForUpdate (0x1003), since protocol 1.0. Response: DATA (105).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1003
RESPONSE_TYPE = 105
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, txn_id: str, thread_id: int, key: Data) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(txn_id)
    msg.append_long(thread_id)
    msg.append_data(key)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, txn_id: str, thread_id: int, key: Data) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, txn_id, thread_id, key)
