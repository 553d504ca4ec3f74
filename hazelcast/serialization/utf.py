"""The 3.x ``writeUTF`` string encoding (protocol reference §9.2).

An int32 count of UTF-16 code units, then each code unit on its own as 1, 2
or 3 bytes: supplementary characters become two 3-byte surrogate sequences
(CESU-8 style), U+0000 is a single zero byte. For every string without
supplementary characters that is exactly ``str.encode('utf-8', 'surrogatepass')``,
which is what the fast paths below rely on.
"""
import re
from typing import Tuple

from hazelcast.errors import HazelcastSerializationError

_SUPPLEMENTARY = re.compile("[\U00010000-\U0010ffff]")
# 1 for UTF-8 continuation bytes (0x80-0xBF), 0 otherwise: one code unit per non-continuation byte.
_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))


def _split_pair(match: "re.Match[str]") -> str:
    cp = ord(match.group()) - 0x10000
    return chr(0xD800 | (cp >> 10)) + chr(0xDC00 | (cp & 0x3FF))


def encode(s: str) -> Tuple[int, bytes]:
    """``(utf16_unit_count, payload_bytes)`` of ``s``."""
    if s.isascii():
        return len(s), s.encode("ascii")
    units = len(s.encode("utf-16-le", "surrogatepass")) >> 1  # fast (no error handler)
    if units != len(s):
        s = _SUPPLEMENTARY.sub(_split_pair, s)
    return units, s.encode("utf-8", "surrogatepass")


def count_units(raw: bytes) -> int:
    """Code units in a whole encoded payload: one per non-continuation byte."""
    return len(raw) - raw.translate(_CONTINUATION).count(1)


def find_end(buf: bytes, pos: int, units: int) -> int:
    """Offset just past ``units`` encoded code units starting at ``pos``."""
    limit = len(buf)
    end = pos + units
    if end > limit:
        raise HazelcastSerializationError(
            "Truncated UTF string: %d characters announced at offset %d, only %d bytes left"
            % (units, pos, limit - pos))
    chunk = buf[pos:end]
    if chunk.isascii():
        return end
    # Each non-continuation byte starts one code unit; keep taking as many
    # bytes as code units are still missing until none are.
    missing = chunk.translate(_CONTINUATION).count(1)
    while missing:
        nxt = end + missing
        if nxt > limit:
            raise HazelcastSerializationError("Truncated UTF string at offset %d" % pos)
        missing = buf[end:nxt].translate(_CONTINUATION).count(1)
        end = nxt
    while end < limit and _CONTINUATION[buf[end]]:
        end += 1
    return end


def decode(raw: bytes) -> str:
    """Decode the payload bytes of a string (without the count prefix)."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        s = raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as e:
        raise HazelcastSerializationError("Malformed UTF string: %s" % e) from None
    if b"\xed" in raw:
        # Rejoin CESU-8 surrogate pairs into supplementary characters;
        # lone surrogates stay as they are.
        s = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return s
