"""MurmurHash3 x86 32-bit, the partition hash of Hazelcast 3.x."""
import struct
from typing import Union

_C1 = 0xCC9E2D51
_C2 = 0x1B873593
_MASK = 0xFFFFFFFF
DEFAULT_SEED = 0x01000193


def murmur3_x86_32(data: Union[bytes, bytearray, memoryview], offset: int = 0, length: int = -1,
                   seed: int = DEFAULT_SEED) -> int:
    """Hash ``data[offset:offset+length]`` and return a signed 32-bit int."""
    if length < 0:
        length = len(data) - offset
    h = seed
    block_count = length >> 2
    if block_count:
        for k in struct.unpack_from("<%dI" % block_count, data, offset):
            k = (k * _C1) & _MASK
            k = ((k << 15) | (k >> 17)) & _MASK
            k = (k * _C2) & _MASK
            h ^= k
            h = ((h << 13) | (h >> 19)) & _MASK
            h = (h * 5 + 0xE6546B64) & _MASK
    tail_start = offset + (block_count << 2)
    rest = length & 3
    if rest:
        k = 0
        if rest == 3:
            k ^= data[tail_start + 2] << 16
        if rest >= 2:
            k ^= data[tail_start + 1] << 8
        k ^= data[tail_start]
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * _C2) & _MASK
        h ^= k
    h ^= length
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - 0x100000000 if h & 0x80000000 else h
