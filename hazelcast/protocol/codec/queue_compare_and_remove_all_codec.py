# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_queue.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Queue.compareAndRemoveAll (0x030d), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import List

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

REQUEST_TYPE = 0x030d
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, data_list: List[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(len(data_list))
    for item0 in data_list:
        msg.append_data(item0)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(*args, **kwargs)
