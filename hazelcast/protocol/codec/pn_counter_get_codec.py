# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_pn_counter.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""PNCounter.get (0x2001), since protocol 1.6. Response: CRDT_TIMESTAMPED_LONG (127).
"""
from typing import List, Tuple

from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_crdt_timestamped_long_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x2001
RESPONSE_TYPE = 127
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 6)
EVENTS = ()


def encode_request(name: str, replica_timestamps: List[Tuple[str, int]], target_replica: Address) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(len(replica_timestamps))
    for replica_timestamps_key, replica_timestamps_value in replica_timestamps:
        msg.append_str(replica_timestamps_key)
        msg.append_long(replica_timestamps_value)
    encode_address(msg, target_replica)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, replica_timestamps: List[Tuple[str, int]], target_replica: Address) -> ClientMessage:
    """All fields of this request exist since 1.6: same as encode_request."""
    return encode_request(name, replica_timestamps, target_replica)
