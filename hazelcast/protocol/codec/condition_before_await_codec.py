# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_condition.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Condition.beforeAwait (0x0802), since protocol 1.0. Response: VOID (100).
"""
from typing import Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_void_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0802
RESPONSE_TYPE = 100
RETRYABLE = True
PARTITION_IDENTIFIER = "lockName"
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, thread_id: int, lock_name: str, reference_id: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, thread_id, lock_name, reference_id)


def encode_request_for(version: Tuple[int, int], name: str, thread_id: int, lock_name: str, reference_id: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.2).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_long(thread_id)
    msg.append_str(lock_name)
    if version >= (1, 2):
        if reference_id is None:
            raise IllegalArgumentError("condition_before_await_codec: reference_id is required by protocol %d.%d" % version)
        msg.append_long(reference_id)
    return msg.finish()
