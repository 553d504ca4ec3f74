"""What the benchmark suite measures: one table the runner, the Python worker and the
README agree on. Imports nothing but the standard library, so that both the runner
(this checkout's Python) and the official client's worker (its own virtualenv) load it.

Each scenario has a ``kind`` that says what its headline figure is:

* ``throughput`` -- operations per second, higher is better; p50/p99 latency of one
  operation (for pipelined scenarios: from submitting the request to its Future's
  callback).
* ``cpu`` -- process CPU milliseconds over an idle period, lower is better.
* ``memory`` -- resident memory in MB, lower is better.
* ``serde`` -- like ``throughput`` but without a member: decoding only.
"""
from collections import OrderedDict, namedtuple

Scenario = namedtuple("Scenario", "name kind title member java targets")
# targets: ((peer, minimum ratio of ours to peer), ...) where the ratio is of ops/s
# (throughput and serde kinds).

_ALL = [
    Scenario("ping", "throughput",
             "Client.ping over the one connection, blocking, 1 thread (the round-trip floor)",
             True, True, ()),
    Scenario("put_1t", "throughput", "map.put, 100-byte str value, blocking, 1 thread",
             True, True, (("official", 1.5),)),
    Scenario("get_1t", "throughput", "map.get, 100-byte str value, blocking, 1 thread",
             True, True, (("official", 1.5),)),
    Scenario("put_8t", "throughput", "map.put, 100-byte str value, blocking, 8 threads",
             True, True, ()),
    Scenario("get_8t", "throughput", "map.get, 100-byte str value, blocking, 8 threads",
             True, True, ()),
    Scenario("async_64", "throughput",
             "map.get, 100-byte value, pipelined: 64 Futures outstanding",
             True, True, (("official", 3.0), ("java", 0.5))),
    Scenario("async_256", "throughput",
             "map.get, 100-byte value, pipelined: 256 Futures outstanding",
             True, True, (("official", 3.0), ("java", 0.5))),
    Scenario("get_all_100", "throughput", "map.get_all of 100 keys (100-byte values); ops = calls",
             True, True, ()),
    Scenario("put_all_100", "throughput", "map.put_all of 100 entries (100-byte values); ops = calls",
             True, True, ()),
    Scenario("entry_set_10k", "throughput",
             "map.entry_set of 10,000 x 1 KB str, every key and value read; ops = calls",
             True, True, (("official", 50.0),)),
    Scenario("put_10kb", "throughput", "map.put, 10 KB str value, blocking, 1 thread",
             True, True, ()),
    Scenario("get_10kb", "throughput", "map.get, 10 KB str value, blocking, 1 thread",
             True, True, ()),
    Scenario("near_cache_get", "throughput",
             "map.get hitting the Near Cache (BINARY format, 100 keys of 100-byte str), 1 thread",
             True, True, (("official", 3.0),)),
    Scenario("idle_cpu", "cpu", "process CPU time of a connected, idle client over the idle period",
             True, True, ()),
    Scenario("memory_100k", "memory",
             "RSS after 100,000 map ops (put/get alternating, 64 pipelined, 10,000 keys) minus "
             "RSS before the client was imported",
             True, True, ()),
    Scenario("serde_str_1k", "serde", "deserialize one 1 KB str (to_object of its Data), no member",
             False, False, (("official", 50.0),)),
    Scenario("serde_entry_set_10k", "serde",
             "decode a 10,000 x 1 KB str entry_set response message and read every entry, no member",
             False, False, (("official", 50.0),)),
]

SCENARIOS = OrderedDict((s.name, s) for s in _ALL)
CLIENTS = ("ours", "official", "java")

# Workload constants shared by the Python worker and (by hand) benchmarks/java/BenchWorker.java.
KEY_COUNT = 1000            # distinct keys of the small-value scenarios
SMALL_VALUE_SIZE = 100
BIG_VALUE_SIZE = 10 * 1024
ENTRY_SET_SIZE = 10000
ENTRY_SET_VALUE_SIZE = 1024
BULK_SIZE = 100             # get_all / put_all
NEAR_CACHE_KEYS = 100
MEMORY_OPS = 100000
MEMORY_KEYS = 10000


def value_of(size, seed=0):
    """A deterministic ASCII str of ``size`` characters (= UTF-8 bytes)."""
    unit = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ("%08d" % seed) + unit * (size // len(unit) + 1)
    return text[:size]


def key_of(i):
    return "k%d" % i


def percentiles(samples_ns):
    """(p50, p99) in microseconds of a list of nanosecond durations."""
    if not samples_ns:
        return None, None
    ordered = sorted(samples_ns)
    n = len(ordered)
    return ordered[n // 2] / 1000.0, ordered[min(n - 1, (n * 99) // 100)] / 1000.0
