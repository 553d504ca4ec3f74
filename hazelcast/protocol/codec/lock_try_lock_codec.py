# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_lock.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Lock.tryLock (0x0708), since protocol 1.0. Response: BOOLEAN (101).
"""
from typing import Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0708
RESPONSE_TYPE = 101
RETRYABLE = True
PARTITION_IDENTIFIER = "name"
ACQUIRES_RESOURCE = True
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, thread_id: int, lease: int, timeout: int, reference_id: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), name, thread_id, lease, timeout, reference_id)


def encode_request_for(version: Tuple[int, int], name: str, thread_id: int, lease: int, timeout: int, reference_id: Optional[int] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.2).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_long(thread_id)
    msg.append_long(lease)
    msg.append_long(timeout)
    if version >= (1, 2):
        if reference_id is None:
            raise IllegalArgumentError("lock_try_lock_codec: reference_id is required by protocol %d.%d" % version)
        msg.append_long(reference_id)
    return msg.finish()
