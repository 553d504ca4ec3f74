"""One Python client under benchmark, driven by ``benchmarks/run.py`` over stdin/stdout.

    python benchmarks/worker.py ours|official

Protocol: one JSON object per line. The worker first writes
``{"hello": {...}}`` (client name and version, Python version, pid). Then for each
request line ``{"scenario": NAME, "address": "host:port", "warmup": s, "duration": s,
"idle": s, "memory_ops": n}`` it answers ``{"ok": true, "result": {...}}`` or
``{"ok": false, "error": "..."}``. End of input ends the worker. Everything else the
process prints (client logging included) goes to stderr, which the runner keeps in a
log file.

``official`` is the ``hazelcast-python-client==3.12.3`` package of the virtualenv this
script runs in; on Python 3.10+ its ``collections`` ABC imports are aliased here,
before it is imported (its files are not touched). ``ours`` is this checkout's
``hazelcast`` package.
"""


def _rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


_RSS_AT_START_KB = _rss_kb()  # before anything else is imported: the memory baseline

import json  # noqa: E402
import os  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from functools import partial  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)

from scenarios import (BIG_VALUE_SIZE, BULK_SIZE, ENTRY_SET_SIZE, ENTRY_SET_VALUE_SIZE,  # noqa: E402
                       KEY_COUNT, MEMORY_KEYS, NEAR_CACHE_KEYS, SMALL_VALUE_SIZE, key_of,
                       percentiles, value_of)

perf_ns = time.perf_counter_ns


# --- the two Python clients behind one small interface ---------------------------------

class OursClient:
    name = "ours"

    def __init__(self):
        if REPO_ROOT not in sys.path:
            sys.path.insert(0, REPO_ROOT)
        import hazelcast
        self.hz = hazelcast
        self.version = hazelcast.CLIENT_VERSION
        self.module_path = os.path.dirname(hazelcast.__file__)

    def connect(self, address, near_cache_map=None):
        config = self.hz.ClientConfig()
        config.network_config.addresses.append(address)
        if near_cache_map:
            config.add_near_cache_config(self.hz.NearCacheConfig(near_cache_map))
        return self.hz.HazelcastClient(config)

    def pinger(self, client):
        from hazelcast.protocol.codec import client_ping_codec
        invoke = client.invocation_service.invoke_on_connection
        connection = client.connection_manager.owner_connection
        encode, decode = client_ping_codec.encode_request, client_ping_codec.decode_response
        return lambda: invoke(encode(), connection, decode).result()

    def is_near_cached(self, map_proxy):
        return "NearCache" in type(map_proxy).__name__

    def serialization_service(self):
        from hazelcast.serialization.service import SerializationService
        return SerializationService(self.hz.ClientConfig().serialization_config)

    def entry_set_decoder(self):
        """A function of a response frame (bytes) to the entry list map.entry_set returns."""
        from hazelcast.protocol.codec import map_entry_set_codec
        from hazelcast.protocol.message import ClientMessage
        to_object = self.serialization_service().to_object
        decode = map_entry_set_codec.decode_response

        def decode_entries(frame):
            # what Map.entry_set's decoder does with the response
            return [(to_object(k), to_object(v)) for k, v in decode(ClientMessage(bytearray(frame)))]
        return decode_entries


class OfficialClient:
    name = "official"

    def __init__(self):
        import collections
        import collections.abc
        for abc_name in collections.abc.__all__:  # 3.12.3 imports these from collections
            if not hasattr(collections, abc_name):
                setattr(collections, abc_name, getattr(collections.abc, abc_name))
        import hazelcast
        if os.path.dirname(os.path.dirname(hazelcast.__file__)) == REPO_ROOT:
            raise RuntimeError("the official worker imported this checkout's hazelcast package: "
                               "run it with the benchmark virtualenv's python")
        self.hz = hazelcast
        from hazelcast.version import CLIENT_VERSION
        self.version = CLIENT_VERSION
        self.module_path = os.path.dirname(hazelcast.__file__)

    def connect(self, address, near_cache_map=None):
        config = self.hz.ClientConfig()
        config.network_config.addresses.append(address)
        if near_cache_map:
            from hazelcast.config import NearCacheConfig
            config.add_near_cache_config(NearCacheConfig(near_cache_map))
        return self.hz.HazelcastClient(config)

    def pinger(self, client):
        from hazelcast.protocol.codec import client_ping_codec
        invoke = client.invoker.invoke_on_connection
        connection = next(iter(client.connection_manager.connections.values()))
        encode = client_ping_codec.encode_request
        return lambda: invoke(encode(), connection).result()

    def is_near_cached(self, map_proxy):
        return "NearCache" in type(map_proxy).__name__

    def serialization_service(self):
        from hazelcast.config import SerializationConfig
        from hazelcast.serialization import SerializationServiceV1
        return SerializationServiceV1(serialization_config=SerializationConfig())

    def entry_set_decoder(self):
        from hazelcast.protocol.client_message import ClientMessage
        from hazelcast.protocol.codec import map_entry_set_codec
        to_object = self.serialization_service().to_object
        decode = map_entry_set_codec.decode_response

        def decode_entries(frame):
            # what its Map.entry_set's response handler does: a lazily decoded list
            return decode(ClientMessage(bytearray(frame)), to_object)["response"]
        return decode_entries


# --- measurement loops -----------------------------------------------------------------

def _summary(latencies_ns, ops, elapsed_ns, **extra):
    p50, p99 = percentiles(latencies_ns)
    result = {"ops": ops, "seconds": elapsed_ns / 1e9,
              "ops_per_s": ops / (elapsed_ns / 1e9) if elapsed_ns else None,
              "p50_us": p50, "p99_us": p99}
    result.update(extra)
    return result


def measure_blocking(op, warmup, duration, threads=1):
    """Run ``op(i)`` in ``threads`` threads: ``warmup`` seconds, then ``duration`` seconds
    timing every call. Each thread's rate is its calls over the time from the start of
    its first timed call to the end of its last; ops/s is the sum of the threads' rates."""
    per_thread = [None] * threads
    errors = []
    cpu = {}
    start_ns = perf_ns() + int(warmup * 1e9)
    end_ns = start_ns + int(duration * 1e9)

    def loop(index):
        try:
            i = index * 7919
            while perf_ns() < start_ns:
                op(i)
                i += 1
            latencies = []
            append = latencies.append
            if index == 0:
                cpu["start"] = time.process_time()
            first = perf_ns()
            while True:
                t0 = perf_ns()
                op(i)
                t1 = perf_ns()
                append(t1 - t0)
                i += 1
                if t1 >= end_ns:
                    break
            per_thread[index] = (latencies, first, t1)
            if index == 0:
                cpu["end"] = time.process_time()
        except BaseException as e:  # noqa: BLE001 - reported to the runner
            errors.append(e)

    if threads == 1:
        loop(0)
    else:
        workers = [threading.Thread(target=loop, args=(n,), daemon=True) for n in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    if errors:
        raise errors[0]
    latencies = [x for lat, _, _ in per_thread for x in lat]
    rate = sum(len(lat) / ((t1 - t0) / 1e9) for lat, t0, t1 in per_thread)
    elapsed = max(t1 for _, _, t1 in per_thread) - min(t0 for _, t0, _ in per_thread)
    result = _summary(latencies, len(latencies), elapsed, threads=threads)
    result["ops_per_s"] = rate
    # process CPU (every thread) while thread 0 measured, per operation of all threads
    cpu_s = cpu["end"] - cpu["start"]
    t0_lat, t0_first, t0_last = per_thread[0]
    ops_meanwhile = rate * (t0_last - t0_first) / 1e9
    result["cpu_us_per_op"] = 1e6 * cpu_s / ops_meanwhile if ops_meanwhile else None
    return result


def measure_pipelined(submit, window, warmup, duration):
    """Keep ``window`` requests outstanding: ``submit(i)`` returns a Future; a semaphore
    permit is taken before each submit and given back by the Future's callback."""
    permits = threading.Semaphore(window)
    latencies = []
    failures = []
    state = {"record": False}

    def submit_one(i):
        permits.acquire()
        t0 = perf_ns()
        future = submit(i)

        def done(f, t0=t0):
            t1 = perf_ns()
            if f.exception() is not None:
                failures.append(f.exception())
            elif state["record"]:
                latencies.append(t1 - t0)
            permits.release()
        future.add_done_callback(done)

    i = 0
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        submit_one(i)
        i += 1
    for _ in range(window):  # drain the warm-up requests
        permits.acquire()
    for _ in range(window):
        permits.release()
    if failures:
        raise failures[0]
    state["record"] = True
    cpu0 = time.process_time()
    start = perf_ns()
    end_ns = start + int(duration * 1e9)
    while perf_ns() < end_ns:
        submit_one(i)
        i += 1
    for _ in range(window):
        permits.acquire()
    elapsed = perf_ns() - start
    cpu_s = time.process_time() - cpu0
    if failures:
        raise failures[0]
    return _summary(latencies, len(latencies), elapsed, window=window,
                    cpu_us_per_op=1e6 * cpu_s / len(latencies) if latencies else None)


def measure_batches(op, batch, warmup, duration):
    """For operations too short to time one by one: time batches of ``batch`` calls;
    p50/p99 are of the per-call mean of each batch."""
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        for _ in range(batch):
            op()
    samples = []
    cpu0 = time.process_time()
    start = perf_ns()
    end_ns = start + int(duration * 1e9)
    rng = range(batch)
    while True:
        t0 = perf_ns()
        for _ in rng:
            op()
        t1 = perf_ns()
        samples.append((t1 - t0) / batch)
        if t1 >= end_ns:
            break
    cpu_s = time.process_time() - cpu0
    return _summary(samples, len(samples) * batch, t1 - start, batch=batch,
                    cpu_us_per_op=1e6 * cpu_s / (len(samples) * batch))


# --- scenarios -------------------------------------------------------------------------

SMALL = value_of(SMALL_VALUE_SIZE)
BIG = value_of(BIG_VALUE_SIZE)
KEYS = [key_of(i) for i in range(KEY_COUNT)]


def _fill(m, count, make_value, batch=1000):
    """Fill blocking map ``m`` with ``key_of(i) -> make_value(i)`` unless it is already."""
    if m.size() == count:
        return
    for lo in range(0, count, batch):
        m.put_all({key_of(i): make_value(i) for i in range(lo, min(count, lo + batch))})


def _blocking_map(client, name):
    return client.get_map(name).blocking()


def scenario_ping(adapter, client, req):
    ping = adapter.pinger(client)
    return measure_blocking(lambda i: ping(), req["warmup"], req["duration"])


def _put(adapter, client, req, threads, value, name):
    m = _blocking_map(client, name)
    keys = KEYS
    return measure_blocking(lambda i: m.put(keys[i % KEY_COUNT], value), req["warmup"],
                            req["duration"], threads)


def _get(adapter, client, req, threads, value, name):
    m = _blocking_map(client, name)
    _fill(m, KEY_COUNT, lambda i: value)
    keys = KEYS
    first = m.get(keys[0])
    if first != value:
        raise AssertionError(("get returned %r" % (first,))[:80])
    return measure_blocking(lambda i: m.get(keys[i % KEY_COUNT]), req["warmup"],
                            req["duration"], threads)


def _async(adapter, client, req, window):
    m = client.get_map("bench-small")
    _fill(m.blocking(), KEY_COUNT, lambda i: SMALL)
    keys = KEYS
    get = m.get
    return measure_pipelined(lambda i: get(keys[i % KEY_COUNT]), window, req["warmup"],
                             req["duration"])


def scenario_get_all_100(adapter, client, req):
    m = _blocking_map(client, "bench-small")
    _fill(m, KEY_COUNT, lambda i: SMALL)
    batches = [KEYS[lo:lo + BULK_SIZE] for lo in range(0, KEY_COUNT, BULK_SIZE)]
    if len(m.get_all(batches[0])) != BULK_SIZE:
        raise AssertionError("get_all returned fewer entries")
    return measure_blocking(lambda i: m.get_all(batches[i % len(batches)]), req["warmup"],
                            req["duration"])


def scenario_put_all_100(adapter, client, req):
    m = _blocking_map(client, "bench-small")
    batches = [{k: SMALL for k in KEYS[lo:lo + BULK_SIZE]} for lo in range(0, KEY_COUNT, BULK_SIZE)]
    return measure_blocking(lambda i: m.put_all(batches[i % len(batches)]), req["warmup"],
                            req["duration"])


def _entry_set_value(i):
    return value_of(ENTRY_SET_VALUE_SIZE, i)


def scenario_entry_set_10k(adapter, client, req):
    m = _blocking_map(client, "bench-entry-set")
    _fill(m, ENTRY_SET_SIZE, _entry_set_value)

    def op(i):
        touched = 0
        for key, value in m.entry_set():
            touched += len(key) + len(value)
        if touched < ENTRY_SET_SIZE * ENTRY_SET_VALUE_SIZE:
            raise AssertionError("entry_set: %d characters read" % touched)
    return measure_blocking(op, req["warmup"], req["duration"])


def scenario_near_cache_get(adapter, client, req):
    name = "bench-near-cache"
    m = _blocking_map(client, name)
    if not adapter.is_near_cached(client.get_map(name)):
        raise RuntimeError("no Near Cache proxy: get_map(%r) gave %s" % (name, type(client.get_map(name)).__name__))
    keys = [key_of(i) for i in range(NEAR_CACHE_KEYS)]
    m.put_all({k: SMALL for k in keys})
    for k in keys:  # load the Near Cache
        m.get(k)
    return measure_blocking(lambda i: m.get(keys[i % NEAR_CACHE_KEYS]), req["warmup"],
                            req["duration"])


def scenario_idle_cpu(adapter, client, req):
    time.sleep(min(1.0, req["idle"] / 5))  # let connection set-up work settle
    cpu0, wall0 = time.process_time(), time.perf_counter()
    time.sleep(req["idle"])
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_ms": cpu * 1000, "seconds": wall, "cpu_percent": 100.0 * cpu / wall,
            "threads": threading.active_count()}


def scenario_memory_100k(adapter, client, req, rss_imported_kb=None):
    import gc
    rss_connected = _rss_kb()
    m = client.get_map("bench-memory")
    total = req["memory_ops"]
    value = SMALL
    permits = threading.Semaphore(64)
    failures = []

    def done(f):
        if f.exception() is not None:
            failures.append(f.exception())
        permits.release()

    for i in range(total):
        permits.acquire()
        key = key_of(i % MEMORY_KEYS)
        f = m.put(key, value) if i % 2 == 0 else m.get(key)
        f.add_done_callback(done)
    for _ in range(64):
        permits.acquire()
    if failures:
        raise failures[0]
    gc.collect()
    rss = _rss_kb()
    return {"rss_mb": (rss - _RSS_AT_START_KB) / 1024.0,
            "rss_kb_process_start": _RSS_AT_START_KB, "rss_kb_imported": rss_imported_kb,
            "rss_kb_connected": rss_connected, "rss_kb_after_ops": rss,
            "ops": total, "measure": "VmRSS after ops - VmRSS at interpreter start"}


def scenario_serde_str_1k(adapter, req):
    svc = adapter.serialization_service()
    text = value_of(1024)
    data = svc.to_data(text)
    to_object = svc.to_object
    if to_object(data) != text:
        raise AssertionError("round trip failed")
    return measure_batches(lambda: to_object(data), 200, req["warmup"], req["duration"])


def entry_set_frame(count=ENTRY_SET_SIZE, size=ENTRY_SET_VALUE_SIZE):
    """The bytes of a Map.entrySet response (protocol 1.x, type 117 LIST_ENTRY) holding
    ``count`` pairs ``key_of(i) -> value_of(size, i)``, every Data a Java String with
    partition hash 0, built from the protocol spec, the same for both clients."""
    def data(text):
        raw = text.encode("utf-8")
        # Data: partition hash (BE int), type id -11 = String (BE int), UTF length, bytes
        return struct.pack(">iii", 0, -11, len(text)) + raw

    parts = [struct.pack("<i", count)]
    for i in range(count):
        for blob in (data(key_of(i)), data(value_of(size, i))):
            parts.append(struct.pack("<i", len(blob)))
            parts.append(blob)
    payload = b"".join(parts)
    header = struct.pack("<iBBHqiH", 22 + len(payload), 1, 0xC0, 117, 1, -1, 22)
    return header + payload


def scenario_serde_entry_set_10k(adapter, req):
    decode = adapter.entry_set_decoder()
    frame = entry_set_frame()

    def op(i):
        touched = 0
        for key, value in decode(frame):
            touched += len(key) + len(value)
        if touched < ENTRY_SET_SIZE * ENTRY_SET_VALUE_SIZE:
            raise AssertionError("decoded entry set: %d characters read" % touched)
    return measure_blocking(op, req["warmup"], req["duration"])


def warm_up_member(adapter, client, req):
    """Not a scenario: run.py sends it once before the first scenario so that the
    member's JIT has compiled its request paths before anything is measured."""
    half = req["duration"] / 2
    _async(adapter, client, dict(req, warmup=0.0, duration=half), window=64)
    m = _blocking_map(client, "bench-small")
    ping = adapter.pinger(client)
    keys = KEYS
    end = time.perf_counter() + half
    i = 0
    while time.perf_counter() < end:
        ping()
        m.put(keys[i % KEY_COUNT], SMALL)
        m.get(keys[i % KEY_COUNT])
        i += 1
    return {"ops": i * 3}


NEAR_CACHE_MAP = "bench-near-cache"

SCENARIO_FUNCTIONS = {
    "ping": scenario_ping,
    "put_1t": partial(_put, threads=1, value=SMALL, name="bench-small"),
    "get_1t": partial(_get, threads=1, value=SMALL, name="bench-small"),
    "put_8t": partial(_put, threads=8, value=SMALL, name="bench-small"),
    "get_8t": partial(_get, threads=8, value=SMALL, name="bench-small"),
    "async_64": partial(_async, window=64),
    "async_256": partial(_async, window=256),
    "get_all_100": scenario_get_all_100,
    "put_all_100": scenario_put_all_100,
    "entry_set_10k": scenario_entry_set_10k,
    "put_10kb": partial(_put, threads=1, value=BIG, name="bench-big"),
    "get_10kb": partial(_get, threads=1, value=BIG, name="bench-big"),
    "near_cache_get": scenario_near_cache_get,
    "idle_cpu": scenario_idle_cpu,
    "memory_100k": scenario_memory_100k,
    "serde_str_1k": scenario_serde_str_1k,
    "serde_entry_set_10k": scenario_serde_entry_set_10k,
    "warm_up_member": warm_up_member,
}


def run_request(adapter, req, rss_imported_kb):
    name = req["scenario"]
    fn = SCENARIO_FUNCTIONS.get(name)
    if fn is None:
        raise ValueError("unknown scenario %r" % name)
    if name.startswith("serde_"):
        return fn(adapter, req)
    client = adapter.connect(req["address"], NEAR_CACHE_MAP if name == "near_cache_get" else None)
    try:
        if name == "memory_100k":
            return fn(adapter, client, req, rss_imported_kb)
        return fn(adapter, client, req)
    finally:
        client.shutdown()


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "ours"
    # the protocol owns the original stdout; anything printed goes to stderr
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(obj):
        proto.write(json.dumps(obj) + "\n")
        proto.flush()

    adapter = {"ours": OursClient, "official": OfficialClient}[which]()
    rss_imported = _rss_kb()
    send({"hello": {"client": which, "version": adapter.version, "module": adapter.module_path,
                    "python": sys.version.split()[0], "pid": os.getpid()}})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        try:
            send({"ok": True, "result": run_request(adapter, req, rss_imported)})
        except BaseException as e:  # noqa: BLE001 - the runner reports it
            traceback.print_exc()
            send({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})


if __name__ == "__main__":
    main()
