# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_list.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""List.containsAll (0x0503), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import List

from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

REQUEST_TYPE = 0x0503
RESPONSE_TYPE = 101
RETRYABLE = True
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, values: List[Data]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(len(values))
    for item0 in values:
        msg.append_data(item0)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(*args, **kwargs)
