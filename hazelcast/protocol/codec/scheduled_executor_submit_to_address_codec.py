# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_scheduled_executor.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ScheduledExecutor.submitToAddress (0x1d03), since protocol 1.4. Response: VOID (100).
"""
from typing import Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1d03
RESPONSE_TYPE = 100
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 4)
EVENTS = ()


def encode_request(scheduler_name: str, address: Address, type: int, task_name: str, task: Data, initial_delay_in_millis: int, period_in_millis: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(scheduler_name)
    encode_address(msg, address)
    msg.append_byte(type)
    msg.append_str(task_name)
    msg.append_data(task)
    msg.append_long(initial_delay_in_millis)
    msg.append_long(period_in_millis)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], scheduler_name: str, address: Address, type: int, task_name: str, task: Data, initial_delay_in_millis: int, period_in_millis: int) -> ClientMessage:
    """All fields of this request exist since 1.4: same as encode_request."""
    return encode_request(scheduler_name, address, type, task_name, task, initial_delay_in_millis, period_in_millis)
