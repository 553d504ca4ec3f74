# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_executor_service.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ExecutorService.submitToAddress (0x0906), since protocol 1.0. Response: DATA (105).
"""
from typing import Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_data_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0906
RESPONSE_TYPE = 105
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, uuid: str, callable: Data, address: Address) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(uuid)
    msg.append_data(callable)
    encode_address(msg, address)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, uuid: str, callable: Data, address: Address) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, uuid, callable, address)
