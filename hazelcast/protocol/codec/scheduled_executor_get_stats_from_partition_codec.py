# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_scheduled_executor.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ScheduledExecutor.getStatsFromPartition (0x1d05), since protocol 1.4. Response: SCHEDULED_TASK_STATISTICS (120).
"""
from typing import Tuple

from hazelcast.protocol.codec.responses import decode_scheduled_task_statistics_response as decode_response
from hazelcast.protocol.message import ClientMessage

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x1d05
RESPONSE_TYPE = 120
RETRYABLE = True
PARTITION_IDENTIFIER = "taskName"
ACQUIRES_RESOURCE = False
SINCE = (1, 4)
EVENTS = ()


def encode_request(scheduler_name: str, task_name: str) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(scheduler_name)
    msg.append_str(task_name)
    return msg.finish()


def encode_request_for(version: Tuple[int, int], scheduler_name: str, task_name: str) -> ClientMessage:
    """All fields of this request exist since 1.4: same as encode_request."""
    return encode_request(scheduler_name, task_name)
