# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_executor_service.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""ExecutorService.cancelOnAddress (0x0904), since protocol 1.0. Response: BOOLEAN (101).
"""
from hazelcast.core import Address
from hazelcast.protocol.codec.responses import decode_boolean_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.types import encode_address

REQUEST_TYPE = 0x0904
RESPONSE_TYPE = 101
RETRYABLE = False
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(uuid: str, address: Address, interrupt: bool) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_str(uuid)
    encode_address(msg, address)
    msg.append_bool(interrupt)
    return msg.finish()


def encode_request_for(version, *args, **kwargs) -> ClientMessage:
    """All fields of this request exist since 1.0: same as encode_request."""
    return encode_request(*args, **kwargs)
