# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_map_reduce.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""MapReduce.jobProcessInformation (0x0f02), since protocol 1.0. Response: JOB_PROCESS_INFO (112).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_job_process_info_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0f02
RESPONSE_TYPE = 112
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(name: str, job_id: str) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(name)
    msg.append_str(job_id)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], name: str, job_id: str) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(name, job_id)
