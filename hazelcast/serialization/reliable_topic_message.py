"""``ReliableTopicMessage``: what a ReliableTopic stores in its Ringbuffer.

IdentifiedDataSerializable factory -18, class 2, as Java members and clients
write it: publish time (ms), publisher address (a member's, or null when a
client published) and the serialized payload. The serialization service knows
this factory, so the backing ringbuffer can also be read directly.
"""
from typing import Optional

from hazelcast.core import Address
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput
from hazelcast.serialization.constants import CONSTANT_TYPE_DATA_SERIALIZABLE, CONSTANT_TYPE_NULL
from hazelcast.serialization.data import Data

TOPIC_FACTORY_ID = -18
RELIABLE_TOPIC_MESSAGE_CLASS_ID = 2
_ADDRESS_FACTORY_ID, _ADDRESS_CLASS_ID = 0, 1  # com.hazelcast.nio.Address on 3.x members


class ReliableTopicMessage(IdentifiedDataSerializable):
    """What a reliable topic stores per message: publish time (ms), publisher
    address (``None`` when a client published) and the serialized payload."""

    def __init__(self, publish_time: int = 0, publisher_address: Optional[Address] = None,
                 payload: Optional[Data] = None):
        self.publish_time = publish_time
        self.publisher_address = publisher_address
        self.payload = payload

    def write_data(self, out: ObjectDataOutput) -> None:
        if self.publisher_address is not None:
            raise HazelcastSerializationError("a client writes ReliableTopicMessage without a publisher address")
        out.write_long(self.publish_time)
        out.write_object(None)
        out.write_data(self.payload)

    def read_data(self, inp: ObjectDataInput) -> None:
        self.publish_time = inp.read_long()
        self.publisher_address = _read_address(inp)
        self.payload = inp.read_data()

    def get_factory_id(self) -> int:
        return TOPIC_FACTORY_ID

    def get_class_id(self) -> int:
        return RELIABLE_TOPIC_MESSAGE_CLASS_ID


def _read_address(inp: ObjectDataInput) -> Optional[Address]:
    """A nested ``writeObject(Address)`` of a Java member (or null)."""
    start = inp.position()
    type_id = inp.read_int()
    if type_id == CONSTANT_TYPE_NULL:
        return None
    if type_id == CONSTANT_TYPE_DATA_SERIALIZABLE and inp.read_boolean():
        if (inp.read_int(), inp.read_int()) == (_ADDRESS_FACTORY_ID, _ADDRESS_CLASS_ID):
            port = inp.read_int()
            inp.read_byte()  # 4 = IPv4, 6 = IPv6
            host = inp.read_byte_array() or b""
            return Address(bytes(host).decode("utf-8"), port)
    inp.set_position(start)
    value = inp.read_object()  # anything else: whatever the serialization service makes of it
    return value if isinstance(value, Address) else None


TOPIC_FACTORY = {RELIABLE_TOPIC_MESSAGE_CLASS_ID: ReliableTopicMessage}
