# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/service_client.json (Open Client Protocol 1.8).
# Regenerate with: python -m codegen
"""Client.authenticationCustom (0x0003), since protocol 1.0. Response: AUTHENTICATION (107).
"""
from typing import List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.protocol.codec.responses import decode_authentication_response as decode_response
from hazelcast.protocol.message import ClientMessage
from hazelcast.serialization.data import Data

__all__ = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
    "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
    "decode_response"]

REQUEST_TYPE = 0x0003
RESPONSE_TYPE = 107
RETRYABLE = True
PARTITION_IDENTIFIER = None
ACQUIRES_RESOURCE = False
SINCE = (1, 0)
EVENTS = ()


def encode_request(credentials: Data, uuid: Optional[str], owner_uuid: Optional[str], is_owner_connection: bool, client_type: str, serialization_version: int, client_hazelcast_version: str, client_name: str, labels: List[str], partition_count: Optional[int], cluster_id: Optional[str]) -> ClientMessage:
    """The finished request frame (correlation id 0, partition id -1)."""
    return encode_request_for((1, 8), credentials, uuid, owner_uuid, is_owner_connection, client_type, serialization_version, client_hazelcast_version, client_name, labels, partition_count, cluster_id)


def encode_request_for(version: Tuple[int, int], credentials: Data, uuid: Optional[str], owner_uuid: Optional[str], is_owner_connection: bool, client_type: str, serialization_version: int, client_hazelcast_version: Optional[str] = None, client_name: Optional[str] = None, labels: Optional[List[str]] = None, partition_count: Optional[int] = None, cluster_id: Optional[str] = None) -> ClientMessage:
    """Like encode_request, but leaves out the fields that protocol `version`
    (e.g. (1, 2) for a 3.7 member) does not know (added in 1.3, 1.8).
    """
    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)
    msg.append_data(credentials)
    if uuid is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(uuid)
    if owner_uuid is None:
        msg.append_bool(True)
    else:
        msg.append_bool(False)
        msg.append_str(owner_uuid)
    msg.append_bool(is_owner_connection)
    msg.append_str(client_type)
    msg.append_byte(serialization_version)
    if version >= (1, 3):
        if client_hazelcast_version is None:
            raise IllegalArgumentError("client_authentication_custom_codec: client_hazelcast_version is required by protocol %d.%d" % version)
        msg.append_str(client_hazelcast_version)
    if version >= (1, 8):
        if client_name is None:
            raise IllegalArgumentError("client_authentication_custom_codec: client_name is required by protocol %d.%d" % version)
        msg.append_str(client_name)
        if labels is None:
            raise IllegalArgumentError("client_authentication_custom_codec: labels is required by protocol %d.%d" % version)
        msg.append_int(len(labels))
        for labels_item in labels:
            msg.append_str(labels_item)
        if partition_count is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_int(partition_count)
        if cluster_id is None:
            msg.append_bool(True)
        else:
            msg.append_bool(False)
            msg.append_str(cluster_id)
    return msg.finish()
