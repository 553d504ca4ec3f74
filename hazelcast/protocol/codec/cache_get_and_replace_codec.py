# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_cache.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Cache.getAndReplace (0x150c), since protocol 1.0. Response: DATA (105).
"""
from typing import Optional, Tuple

from hazelcast.protocol.codec.responses import decode_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x150c
RESPONSE_TYPE = 105
RETRYABLE = False
PARTITION_IDENTIFIER = "key"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, key: Data, value: Data, expiry_policy: Optional[Data], completion_id: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_data(key)
    msg.append_data(value)
    if expiry_policy is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_data(expiry_policy)
    msg.append_int(completion_id)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, key: Data, value: Data, expiry_policy: Optional[Data], completion_id: int) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, key, value, expiry_policy, completion_id)
