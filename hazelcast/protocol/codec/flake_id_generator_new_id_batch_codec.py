# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_flake_id_generator.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""FlakeIdGenerator.newIdBatch (0x1f01), since protocol 1.6. Response: FLAKE_ID_GEN_ID_BATCH (126).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_flake_id_gen_id_batch_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1f01
RESPONSE_TYPE = 126
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 6)
EVENTS = ()


def encode_request(name: str, batch_size: int) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_int(batch_size)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, batch_size: int) -> ClientMessage:
    """All fields of this request exist since 1.6: same as encode_request."""
    return encode_request(name, batch_size)
