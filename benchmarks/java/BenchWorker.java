import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.protocol.codec.ClientPingCodec;
import com.hazelcast.client.spi.impl.ClientInvocation;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IMap;
import com.hazelcast.nio.Connection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java client (com.hazelcast:hazelcast-client 3.12.x) under benchmark, driven by
 * benchmarks/run.py with the same line-per-JSON-object protocol as benchmarks/worker.py:
 * it writes {"hello": {...}}, then answers each request
 * {"scenario": NAME, "address": "host:port", "warmup": s, "duration": s, "idle": s,
 * "memory_ops": n} with {"ok": true, "result": {...}} or {"ok": false, "error": "..."}.
 * Workload constants mirror benchmarks/scenarios.py. Logging goes to stderr.
 */
public final class BenchWorker {
    static final int KEY_COUNT = 1000;
    static final int SMALL_VALUE_SIZE = 100;
    static final int BIG_VALUE_SIZE = 10 * 1024;
    static final int ENTRY_SET_SIZE = 10000;
    static final int ENTRY_SET_VALUE_SIZE = 1024;
    static final int BULK_SIZE = 100;
    static final int NEAR_CACHE_KEYS = 100;
    static final int MEMORY_KEYS = 10000;
    static final String NEAR_CACHE_MAP = "bench-near-cache";

    static final long RSS_AT_START_KB = rssKb();
    static final String SMALL = valueOf(SMALL_VALUE_SIZE, 0);
    static final String BIG = valueOf(BIG_VALUE_SIZE, 0);
    static final String[] KEYS = new String[KEY_COUNT];

    static {
        for (int i = 0; i < KEY_COUNT; i++) {
            KEYS[i] = keyOf(i);
        }
    }

    static String valueOf(int size, int seed) {
        String unit = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder sb = new StringBuilder(String.format("%08d", seed));
        while (sb.length() < size) {
            sb.append(unit);
        }
        return sb.substring(0, size);
    }

    static String keyOf(int i) {
        return "k" + i;
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** CPU time of the whole JVM (every thread, GC and JIT included). */
    static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Run time in ns of each thread of this process, from /proc/self/task/TID/schedstat
     * (empty if not Linux). */
    static Map<String, Long> taskCpuNs() {
        Map<String, Long> out = new HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return out;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = new String(Files.readAllBytes(Paths.get(task.getPath(), "schedstat")),
                        StandardCharsets.US_ASCII);
                out.put(task.getName(), Long.parseLong(stat.trim().split("\\s+")[0]));
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return out;
    }

    // --- a flat JSON object in, a flat JSON object out --------------------------------

    static final Pattern FIELD = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-+0-9.eE]+|true|false|null)");

    static Map<String, String> parse(String line) {
        Map<String, String> out = new HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            out.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return out;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String toJson(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(quote(e.getKey())).append(": ");
            Object v = e.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else if (v instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) v;
                sb.append(toJson(inner));
            } else {
                sb.append(quote(v.toString()));
            }
        }
        return sb.append('}').toString();
    }

    // --- measurement ----------------------------------------------------------------

    interface Op {
        void run(int i) throws Exception;
    }

    static final class LongList {
        long[] items = new long[1 << 16];
        int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }
    }

    static Map<String, Object> summary(long[] latencies, int n, long elapsedNs, double rate) {
        Arrays.sort(latencies, 0, n);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ops", n);
        r.put("seconds", elapsedNs / 1e9);
        r.put("ops_per_s", rate);
        r.put("p50_us", n == 0 ? null : latencies[n / 2] / 1000.0);
        r.put("p99_us", n == 0 ? null : latencies[Math.min(n - 1, (int) ((long) n * 99 / 100))] / 1000.0);
        return r;
    }

    /** Same rules as measure_blocking in worker.py: warm up until a common start, time
     * every call until a common end; ops/s is the sum of each thread's own rate. */
    static Map<String, Object> measureBlocking(Op op, double warmup, double duration, int threads)
            throws Exception {
        final long startNs = System.nanoTime() + (long) (warmup * 1e9);
        final long endNs = startNs + (long) (duration * 1e9);
        final LongList[] lats = new LongList[threads];
        final long[] firsts = new long[threads];
        final long[] lasts = new long[threads];
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final long[] cpu = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int index = t;
            Thread th = new Thread(() -> {
                try {
                    int i = index * 7919;
                    while (System.nanoTime() < startNs) {
                        op.run(i++);
                    }
                    LongList lat = new LongList();
                    if (index == 0) {
                        cpu[0] = processCpuNs();
                    }
                    long first = System.nanoTime();
                    long t1;
                    while (true) {
                        long t0 = System.nanoTime();
                        op.run(i++);
                        t1 = System.nanoTime();
                        lat.add(t1 - t0);
                        if (t1 >= endNs) {
                            break;
                        }
                    }
                    lats[index] = lat;
                    firsts[index] = first;
                    lasts[index] = t1;
                    if (index == 0) {
                        cpu[1] = processCpuNs();
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            });
            workers.add(th);
            th.start();
        }
        for (Thread th : workers) {
            th.join();
        }
        if (error.get() != null) {
            throw new RuntimeException(error.get());
        }
        int total = 0;
        double rate = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int t = 0; t < threads; t++) {
            total += lats[t].size;
            rate += lats[t].size / ((lasts[t] - firsts[t]) / 1e9);
            first = Math.min(first, firsts[t]);
            last = Math.max(last, lasts[t]);
        }
        long[] all = new long[total];
        int pos = 0;
        for (LongList l : lats) {
            System.arraycopy(l.items, 0, all, pos, l.size);
            pos += l.size;
        }
        Map<String, Object> r = summary(all, total, last - first, rate);
        r.put("threads", threads);
        double opsMeanwhile = rate * (lasts[0] - firsts[0]) / 1e9;
        r.put("cpu_us_per_op", opsMeanwhile > 0 ? (cpu[1] - cpu[0]) / 1e3 / opsMeanwhile : null);
        return r;
    }

    /** Same rules as measure_pipelined in worker.py: a semaphore of window permits, taken
     * before each submit and given back by the future's callback. */
    static Map<String, Object> measurePipelined(IMap<String, String> map, int window, double warmup,
                                                double duration) throws Exception {
        final Semaphore permits = new Semaphore(window);
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final boolean[] record = {false};
        int i = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        long start = 0;
        long cpu0 = 0;
        long end = warmEnd;
        for (int phase = 0; phase < 2; phase++) {
            while (System.nanoTime() < end) {
                permits.acquire();
                final long t0 = System.nanoTime();
                final boolean rec = record[0];
                map.getAsync(KEYS[i++ % KEY_COUNT]).andThen(new ExecutionCallback<String>() {
                    @Override
                    public void onResponse(String response) {
                        if (rec) {
                            latencies.add(System.nanoTime() - t0);
                        }
                        permits.release();
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        failure.compareAndSet(null, t);
                        permits.release();
                    }
                });
            }
            permits.acquire(window);
            permits.release(window);
            if (failure.get() != null) {
                throw new RuntimeException(failure.get());
            }
            if (phase == 0) {
                record[0] = true;
                cpu0 = processCpuNs();
                start = System.nanoTime();
                end = start + (long) (duration * 1e9);
            }
        }
        long elapsed = System.nanoTime() - start;
        long[] all = new long[latencies.size()];
        int n = 0;
        for (Long l : latencies) {
            if (n < all.length) {
                all[n++] = l;
            }
        }
        long cpuNs = processCpuNs() - cpu0;
        Map<String, Object> r = summary(all, n, elapsed, n / (elapsed / 1e9));
        r.put("window", window);
        r.put("cpu_us_per_op", n > 0 ? cpuNs / 1e3 / n : null);
        return r;
    }

    // --- scenarios ------------------------------------------------------------------

    static void fill(IMap<String, String> map, int count, java.util.function.IntFunction<String> value) {
        if (map.size() == count) {
            return;
        }
        for (int lo = 0; lo < count; lo += 1000) {
            Map<String, String> batch = new HashMap<>();
            for (int i = lo; i < Math.min(count, lo + 1000); i++) {
                batch.put(keyOf(i), value.apply(i));
            }
            map.putAll(batch);
        }
    }

    static Map<String, Object> run(String scenario, HazelcastInstance client, Map<String, String> req)
            throws Exception {
        double warmup = Double.parseDouble(req.get("warmup"));
        double duration = Double.parseDouble(req.get("duration"));
        switch (scenario) {
            case "ping": {
                HazelcastClientInstanceImpl impl = ((HazelcastClientProxy) client).client;
                Connection connection = impl.getConnectionManager().getOwnerConnection();
                return measureBlocking(i -> new ClientInvocation(impl, ClientPingCodec.encodeRequest(), null,
                        connection).invoke().get(), warmup, duration, 1);
            }
            case "put_1t":
            case "put_8t":
            case "put_10kb": {
                IMap<String, String> map = client.getMap(scenario.equals("put_10kb") ? "bench-big" : "bench-small");
                String value = scenario.equals("put_10kb") ? BIG : SMALL;
                return measureBlocking(i -> map.put(KEYS[i % KEY_COUNT], value), warmup, duration,
                        scenario.equals("put_8t") ? 8 : 1);
            }
            case "get_1t":
            case "get_8t":
            case "get_10kb": {
                IMap<String, String> map = client.getMap(scenario.equals("get_10kb") ? "bench-big" : "bench-small");
                String value = scenario.equals("get_10kb") ? BIG : SMALL;
                fill(map, KEY_COUNT, i -> value);
                if (!value.equals(map.get(KEYS[0]))) {
                    throw new IllegalStateException("get returned another value");
                }
                return measureBlocking(i -> map.get(KEYS[i % KEY_COUNT]), warmup, duration,
                        scenario.equals("get_8t") ? 8 : 1);
            }
            case "async_64":
            case "async_256": {
                IMap<String, String> map = client.getMap("bench-small");
                fill(map, KEY_COUNT, i -> SMALL);
                return measurePipelined(map, scenario.equals("async_64") ? 64 : 256, warmup, duration);
            }
            case "get_all_100": {
                IMap<String, String> map = client.getMap("bench-small");
                fill(map, KEY_COUNT, i -> SMALL);
                List<Set<String>> batches = new ArrayList<>();
                for (int lo = 0; lo < KEY_COUNT; lo += BULK_SIZE) {
                    batches.add(new LinkedHashSet<>(Arrays.asList(KEYS).subList(lo, lo + BULK_SIZE)));
                }
                if (map.getAll(batches.get(0)).size() != BULK_SIZE) {
                    throw new IllegalStateException("getAll returned fewer entries");
                }
                return measureBlocking(i -> map.getAll(batches.get(i % batches.size())), warmup, duration, 1);
            }
            case "put_all_100": {
                IMap<String, String> map = client.getMap("bench-small");
                List<Map<String, String>> batches = new ArrayList<>();
                for (int lo = 0; lo < KEY_COUNT; lo += BULK_SIZE) {
                    Map<String, String> b = new HashMap<>();
                    for (int k = lo; k < lo + BULK_SIZE; k++) {
                        b.put(KEYS[k], SMALL);
                    }
                    batches.add(b);
                }
                return measureBlocking(i -> map.putAll(batches.get(i % batches.size())), warmup, duration, 1);
            }
            case "entry_set_10k": {
                IMap<String, String> map = client.getMap("bench-entry-set");
                fill(map, ENTRY_SET_SIZE, i -> valueOf(ENTRY_SET_VALUE_SIZE, i));
                return measureBlocking(i -> {
                    long touched = 0;
                    for (Map.Entry<String, String> e : map.entrySet()) {
                        touched += e.getKey().length() + e.getValue().length();
                    }
                    if (touched < (long) ENTRY_SET_SIZE * ENTRY_SET_VALUE_SIZE) {
                        throw new IllegalStateException("entrySet: " + touched + " characters read");
                    }
                }, warmup, duration, 1);
            }
            case "near_cache_get": {
                IMap<String, String> map = client.getMap(NEAR_CACHE_MAP);
                Map<String, String> entries = new HashMap<>();
                for (int i = 0; i < NEAR_CACHE_KEYS; i++) {
                    entries.put(KEYS[i], SMALL);
                }
                map.putAll(entries);
                for (int i = 0; i < NEAR_CACHE_KEYS; i++) {
                    map.get(KEYS[i]);
                }
                long hits0 = map.getLocalMapStats().getNearCacheStats().getHits();
                Map<String, Object> r = measureBlocking(i -> map.get(KEYS[i % NEAR_CACHE_KEYS]), warmup, duration, 1);
                r.put("near_cache_hits", map.getLocalMapStats().getNearCacheStats().getHits() - hits0);
                return r;
            }
            case "idle_cpu": {
                double idle = Double.parseDouble(req.get("idle"));
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                Thread.sleep((long) (Math.min(1.0, idle / 5) * 1000));
                Map<String, Long> tasks0 = taskCpuNs();
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                Thread.sleep((long) (idle * 1000));
                double wall = (System.nanoTime() - wall0) / 1e9;
                double ticksMs = (os.getProcessCpuTime() - cpu0) / 1e6;
                Map<String, Long> tasks = taskCpuNs();
                double cpuMs = ticksMs;
                String how = "OperatingSystemMXBean.getProcessCpuTime (clock-tick resolution)";
                if (!tasks.isEmpty()) {
                    long ns = 0;
                    for (Map.Entry<String, Long> e : tasks.entrySet()) {
                        ns += e.getValue() - tasks0.getOrDefault(e.getKey(), 0L);
                    }
                    cpuMs = ns / 1e6;
                    how = "sum over /proc/self/task/*/schedstat (every JVM thread, ns resolution)";
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("cpu_ms", cpuMs);
                r.put("cpu_ms_process_ticks", ticksMs);
                r.put("seconds", wall);
                r.put("cpu_percent", cpuMs / 10.0 / wall);
                r.put("threads", tasks.size());
                r.put("measure", how);
                return r;
            }
            case "memory_100k": {
                long rssConnected = rssKb();
                IMap<String, String> map = client.getMap("bench-memory");
                int total = Integer.parseInt(req.get("memory_ops"));
                Semaphore permits = new Semaphore(64);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                ExecutionCallback<String> done = new ExecutionCallback<String>() {
                    @Override
                    public void onResponse(String response) {
                        permits.release();
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        failure.compareAndSet(null, t);
                        permits.release();
                    }
                };
                for (int i = 0; i < total; i++) {
                    permits.acquire();
                    String key = keyOf(i % MEMORY_KEYS);
                    if (i % 2 == 0) {
                        map.putAsync(key, SMALL).andThen(done);
                    } else {
                        map.getAsync(key).andThen(done);
                    }
                }
                permits.acquire(64);
                if (failure.get() != null) {
                    throw new RuntimeException(failure.get());
                }
                long rss = rssKb();
                System.gc();
                Runtime rt = Runtime.getRuntime();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("rss_mb", (rss - RSS_AT_START_KB) / 1024.0);
                r.put("rss_kb_process_start", RSS_AT_START_KB);
                r.put("rss_kb_connected", rssConnected);
                r.put("rss_kb_after_ops", rss);
                r.put("heap_used_mb_after_gc", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
                r.put("ops", total);
                r.put("measure", "VmRSS after ops - VmRSS at main() start (JVM already up); "
                        + "heap_used_mb_after_gc: heap in use after System.gc()");
                return r;
            }
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream proto = new PrintStream(System.out, true, "UTF-8");
        System.setOut(System.err); // the protocol owns stdout
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("client", "java");
        hello.put("version", com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion());
        hello.put("java", System.getProperty("java.version"));
        hello.put("pid", ProcessHandle.current().pid());
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("hello", hello);
        proto.println(toJson(wrapped));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().isEmpty()) {
                continue;
            }
            Map<String, String> req = parse(line);
            Map<String, Object> reply = new LinkedHashMap<>();
            HazelcastInstance client = null;
            try {
                String scenario = req.get("scenario");
                if (scenario.startsWith("serde_")) {
                    throw new UnsupportedOperationException("not measured for the Java client");
                }
                ClientConfig config = new ClientConfig();
                config.getGroupConfig().setName("dev").setPassword("dev-pass");
                config.getNetworkConfig().addAddress(req.get("address"));
                if (scenario.equals("near_cache_get")) {
                    config.addNearCacheConfig(new NearCacheConfig(NEAR_CACHE_MAP));
                }
                client = HazelcastClient.newHazelcastClient(config);
                reply.put("ok", true);
                reply.put("result", run(scenario, client, req));
            } catch (Throwable e) {
                e.printStackTrace();
                reply.clear();
                reply.put("ok", false);
                reply.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                if (client != null) {
                    client.shutdown();
                }
            }
            proto.println(toJson(reply));
        }
        System.exit(0);
    }
}
