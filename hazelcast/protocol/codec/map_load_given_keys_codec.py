# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Map.loadGivenKeys (0x0125), since protocol 1.0. Response: VOID (100).
"""
from typing import List

from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

REQUEST_TYPE = 0x0125
RESPONSE_TYPE = 100
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, keys: List[Data], replace_existing_values: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(len(keys))
    for item0 in keys:
        msg.append_data(item0)
    msg.append_bool(replace_existing_values)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(*args, **kwargs)
