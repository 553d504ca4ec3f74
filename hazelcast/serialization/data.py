"""``Data``: one serialized object, as it travels inside protocol frames.

Layout (3.x serialization version 1): big-endian int32 partition hash at
offset 0 (0 = none), big-endian int32 serializer type id at offset 4, then the
payload. This module is a leaf: the protocol layer imports it to carry Data
fields as opaque bytes.
"""
import struct
from typing import Callable, Dict, Optional, Tuple

from hazelcast.util.hashing import murmur3_x86_32

HEADER_SIZE = 8
_PARTITION_HASH_OFFSET = 0
_TYPE_OFFSET = 4
_BE_INT = struct.Struct(">i")
_be_int_unpack_from: Callable[[bytes, int], Tuple[int]] = _BE_INT.unpack_from  # typed: an int

# Hashes of recently used small keys. Every call serializes its key anew, and the
# pure-Python murmur3 of even a short key costs more than encoding the request; a
# dict lookup on the key's bytes does not. Bounded: emptied when full.
_RECENT_HASH_LIMIT = 8192
_RECENT_HASH_MAX_KEY_SIZE = 128
_recent_hashes: Dict[bytes, int] = {}


class Data:
    """Immutable serialized bytes with cheap access to the header fields."""

    __slots__ = ("buffer", "_hash")

    def __init__(self, buffer: bytes = b""):
        self.buffer = bytes(buffer)
        self._hash: Optional[int] = None

    def to_bytes(self) -> bytes:
        return self.buffer

    def total_size(self) -> int:
        return len(self.buffer)

    def data_size(self) -> int:
        """Size of the payload, without the 8-byte header."""
        return max(len(self.buffer) - HEADER_SIZE, 0)

    def get_type(self) -> int:
        """The serializer type id, or 0 (null) for an empty buffer."""
        if len(self.buffer) < HEADER_SIZE:
            return 0
        return _be_int_unpack_from(self.buffer, _TYPE_OFFSET)[0]

    def has_partition_hash(self) -> bool:
        return (len(self.buffer) >= HEADER_SIZE
                and _be_int_unpack_from(self.buffer, _PARTITION_HASH_OFFSET)[0] != 0)

    def get_partition_hash(self) -> int:
        """The hash that chooses this key's partition (cached)."""
        h = self._hash
        if h is None:
            buffer = self.buffer
            h = _recent_hashes.get(buffer)
            if h is None:
                if self.has_partition_hash():
                    h = _be_int_unpack_from(buffer, _PARTITION_HASH_OFFSET)[0]
                else:
                    h = murmur3_x86_32(buffer, HEADER_SIZE, len(buffer) - HEADER_SIZE)
                if len(buffer) <= _RECENT_HASH_MAX_KEY_SIZE:
                    if len(_recent_hashes) >= _RECENT_HASH_LIMIT:
                        _recent_hashes.clear()
                    _recent_hashes[buffer] = h
            self._hash = h
        return h

    def __hash__(self) -> int:
        return self.get_partition_hash()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Data) and self.buffer == other.buffer

    def __len__(self) -> int:
        return len(self.buffer)

    def __repr__(self) -> str:
        return "Data(type=%d, size=%d)" % (self.get_type(), len(self.buffer))
