"""Microbenchmark of the codec hot path: encode a Map.put request and decode its
DATA response (100-byte key, value and returned Data).

    python benchmarks/bench_codec.py [iterations]

Prints microseconds per encode+decode pair (best of 5 runs, one core).
"""
import os
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from hazelcast.protocol.codec import map_put_codec  # noqa: E402
from hazelcast.protocol.message import ClientMessage  # noqa: E402
from hazelcast.protocol.reader import FrameReader  # noqa: E402
from hazelcast.serialization.data import Data  # noqa: E402


def main() -> None:
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    key = Data(b"\x00\x00\x00\x00\xff\xff\xff\xf5" + b"k" * 92)
    value = Data(b"\x00\x00\x00\x00\xff\xff\xff\xf5" + b"v" * 92)
    payload = b"\x00" + struct.pack("<i", 100) + b"r" * 100
    response = struct.pack("<iBBHqiH", 22 + len(payload), 1, 0xC0, 105, 5, -1, 22) + payload
    encode, decode = map_put_codec.encode_request, map_put_codec.decode_response
    assert decode(ClientMessage(response)).buffer == b"r" * 100
    print("map.put encode + DATA decode: %.2f us per pair (best of 5 x %d)"
          % (_best(lambda: (encode("map", key, value, 1, -1), decode(ClientMessage(response))),
                   iterations), iterations))
    feed = FrameReader().feed
    print("  with the frame reader cutting the response from the stream: %.2f us per pair"
          % _best(lambda: (encode("map", key, value, 1, -1), decode(feed(response)[0])),
                  iterations))


def _best(pair, iterations: int) -> float:
    """Best of 5 runs, in microseconds per call of ``pair``."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(iterations):
            pair()
        best = min(best, time.perf_counter() - start)
    return best / iterations * 1e6


if __name__ == "__main__":
    main()
