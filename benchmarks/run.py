"""Side-by-side benchmark: this client, the official Python client 3.12.3 and the Java
client 3.12.x, each scenario against the same member(s), one client after the other.

    python benchmarks/run.py                       # every scenario, ~6 minutes
    python benchmarks/run.py --quick               # smoke run, ~2.5 minutes
    python benchmarks/run.py --scenarios get_1t,entry_set_10k --json out.json
    python benchmarks/run.py --clients ours,official --markdown table.md

It starts the member(s) with tests/support/cluster.py (full-JIT flags), creates
.benchmarks-venv/ with hazelcast-python-client==3.12.3 from PyPI if needed, compiles
benchmarks/java/BenchWorker.java against the client and member jars of
.cache/hazelcast/<version>/ (fetched by scripts/fetch-hazelcast.sh if missing), then
sends every scenario to one long-lived worker process per client (a fresh one for the
idle-CPU and memory scenarios), which speaks one JSON object per line on stdin/stdout
(see benchmarks/worker.py). Throughput scenarios run --rounds times with the clients in
rotated order; the best round is reported. Worker and member logs go to
.cache/benchmarks/<run>/. See benchmarks/README.md.
"""
import argparse
import hashlib
import json
import os
import platform
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
sys.path.insert(0, REPO_ROOT)
sys.path.insert(0, HERE)

from scenarios import CLIENTS, MEMORY_OPS, SCENARIOS  # noqa: E402
from tests.support import cluster as harness  # noqa: E402

OFFICIAL_PACKAGE = "hazelcast-python-client==3.12.3"
VENV = os.path.join(REPO_ROOT, ".benchmarks-venv")
WORK_DIR = os.path.join(REPO_ROOT, ".cache", "benchmarks")
JAVA_SOURCE = os.path.join(HERE, "java", "BenchWorker.java")
JVM_FLAGS = ["-Xms256m", "-Xmx1g"]

DEFAULT = {"warmup": 1.0, "duration": 2.0, "rounds": 2, "idle": 10.0, "memory_ops": MEMORY_OPS}
QUICK = {"warmup": 0.2, "duration": 0.8, "rounds": 1, "idle": 2.0, "memory_ops": 10000}


def log(text):
    print(text, file=sys.stderr, flush=True)


# --- the three clients ---------------------------------------------------------------

def venv_python():
    return os.path.join(VENV, "Scripts" if os.name == "nt" else "bin",
                        "python.exe" if os.name == "nt" else "python")


def ensure_official_venv():
    """.benchmarks-venv/ on this interpreter's version, with the official client."""
    py = venv_python()
    want = "%d.%d.%d" % sys.version_info[:3]
    cfg = os.path.join(VENV, "pyvenv.cfg")
    have = None
    if os.path.isfile(cfg):
        with open(cfg) as f:
            match = re.search(r"^version(?:_info)?\s*=\s*(\S+)", f.read(), re.M)
            have = match.group(1) if match else None
    if not os.path.isfile(py) or have != want:
        log("creating %s with %s (Python %s)" % (VENV, sys.executable, want))
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
    installed = subprocess.run(
        [py, "-c", "import importlib.metadata as m; print(m.version('hazelcast-python-client'))"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    if installed != OFFICIAL_PACKAGE.split("==")[1]:
        log("installing %s into %s" % (OFFICIAL_PACKAGE, VENV))
        subprocess.run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        OFFICIAL_PACKAGE], check=True)
    return py


def ensure_jars(version):
    folder = os.path.join(REPO_ROOT, ".cache", "hazelcast", version)
    jars = [os.path.join(folder, "%s-%s.jar" % (a, version)) for a in ("hazelcast", "hazelcast-client")]
    if not all(os.path.isfile(j) for j in jars):
        log("fetching the %s jars" % version)
        subprocess.run([os.path.join(REPO_ROOT, "scripts", "fetch-hazelcast.sh"), version],
                       check=True, stdout=subprocess.DEVNULL)
    return jars


def ensure_java_worker(jars):
    """Compile BenchWorker.java once per (source, jars); returns the classes folder."""
    javac = shutil.which("javac")
    if javac is None:
        raise RuntimeError("javac not found: install a JDK to benchmark the Java client")
    digest = hashlib.sha256()
    with open(JAVA_SOURCE, "rb") as f:
        digest.update(f.read())
    for jar in jars:
        digest.update(jar.encode())
    out = os.path.join(WORK_DIR, "java-classes", digest.hexdigest()[:16])
    if not os.path.isfile(os.path.join(out, "BenchWorker.class")):
        tmp = out + ".tmp%d" % os.getpid()
        os.makedirs(tmp, exist_ok=True)
        log("compiling %s" % os.path.relpath(JAVA_SOURCE, REPO_ROOT))
        subprocess.run([javac, "-nowarn", "-encoding", "UTF-8", "-cp", os.pathsep.join(jars),
                        "-d", tmp, JAVA_SOURCE], check=True)
        shutil.rmtree(out, ignore_errors=True)
        os.replace(tmp, out)
    return out


def worker_commands(clients, hz_version):
    """{client: (argv, env)} for each requested client."""
    commands = {}
    base_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    worker = os.path.join(HERE, "worker.py")
    if "ours" in clients:
        commands["ours"] = ([sys.executable, worker, "ours"], base_env)
    if "official" in clients:
        commands["official"] = ([ensure_official_venv(), worker, "official"], base_env)
    if "java" in clients:
        jars = ensure_jars(hz_version)
        classes = ensure_java_worker(jars)
        java = harness.java_executable()
        flags = list(harness.JAVA9_MODULE_FLAGS) if harness.java_major_version() >= 9 else []
        commands["java"] = ([java] + flags + JVM_FLAGS + [
            "-Djava.net.preferIPv4Stack=true", "-Dhazelcast.logging.type=jdk",
            "-Dhazelcast.phone.home.enabled=false",
            "-cp", os.pathsep.join([classes] + jars), "BenchWorker"], base_env)
    return commands


class Worker:
    """One worker process; requests and replies are JSON lines."""

    def __init__(self, argv, env, log_path):
        self.log_file = open(log_path, "ab")
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log_file, env=env, cwd=REPO_ROOT)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def receive(self, timeout):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("no answer within %.0f s" % timeout) from None
        if line is None:
            raise RuntimeError("worker exited with code %s" % self.process.wait())
        return json.loads(line)

    def send(self, obj):
        self.process.stdin.write((json.dumps(obj) + "\n").encode())
        self.process.stdin.flush()

    def close(self, kill=False):
        if kill:
            self.process.kill()
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


class WorkerPool:
    """Long-lived workers, one a client, reused for every scenario (so the Java client's
    JIT stays warm between scenarios, as in a real application); a fresh process for
    the idle-CPU and memory scenarios, which measure the whole process. A worker that
    fails or times out is replaced."""

    def __init__(self, commands, log_dir):
        self.commands = commands
        self.log_dir = log_dir
        self.workers = {}
        self.hellos = {}

    def _start(self, client, log_name):
        argv, env = self.commands[client]
        worker = Worker(argv, env, os.path.join(self.log_dir, log_name))
        self.hellos.setdefault(client, worker.receive(120)["hello"])
        return worker

    def run(self, client, request, fresh=False):
        """The result of one request, or {"error": ...}."""
        log_name = "%s-%s.log" % (client, request["scenario"] if fresh else "worker")
        limit = 180 + request["warmup"] + request["duration"] + request["idle"] + request["memory_ops"] / 500
        worker = None
        try:
            if fresh:
                worker = self._start(client, log_name)
            else:
                worker = self.workers.get(client)
                if worker is None:
                    worker = self.workers[client] = self._start(client, log_name)
            worker.send(request)
            reply = worker.receive(limit)
            return reply["result"] if reply.get("ok") else {"error": reply.get("error", "failed")}
        except Exception as e:  # noqa: BLE001 - one failure must not end the run
            if worker is not None and not fresh:
                self.workers.pop(client, None)
                worker.close(kill=True)
            return {"error": "%s: %s (log: .cache/benchmarks/%s/%s)" % (
                type(e).__name__, e, os.path.basename(self.log_dir), log_name)}
        finally:
            if fresh and worker is not None:
                worker.close()

    def close(self):
        for worker in self.workers.values():
            worker.close()
        self.workers.clear()


def best_round(scenario, rounds):
    """The round with the best headline figure (most ops/s, least CPU or memory)."""
    ok = [r for r in rounds if "error" not in r]
    if not ok:
        return rounds[-1]
    lower_better = scenario.kind in ("cpu", "memory")
    pick = min if lower_better else max
    best = dict(pick(ok, key=lambda r: headline(scenario, r)))
    if len(rounds) > 1:
        best["rounds"] = [headline(scenario, r) if "error" not in r else None for r in rounds]
    return best


# --- machine facts and load ----------------------------------------------------------

def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _proc_stat():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields), idle


def _tree_cpu_ticks(root_pid):
    """CPU ticks (utime+stime, with reaped children) of root_pid and its descendants."""
    children = {}
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        stats[pid] = sum(int(x) for x in fields[11:15])
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


class LoadMonitor:
    """Samples the 1-minute load average; with /proc/stat, how busy all CPUs were and
    how much of that was this run (this process, its workers and members)."""

    def __init__(self, interval=5.0):
        self.samples = []
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(self.interval):
            self.samples.append(os.getloadavg()[0])

    def start(self):
        self.load_start = os.getloadavg()
        self.samples.append(self.load_start[0])
        self.wall0 = time.monotonic()
        try:
            self.stat0 = _proc_stat()
            self.own0 = _tree_cpu_ticks(os.getpid())
        except OSError:
            self.stat0 = None
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self.samples.append(os.getloadavg()[0])
        report = {"loadavg_1m_start": round(self.load_start[0], 2),
                  "loadavg_1m_mean": round(sum(self.samples) / len(self.samples), 2),
                  "loadavg_1m_max": round(max(self.samples), 2),
                  "loadavg_1m_end": round(self.samples[-1], 2),
                  "wall_seconds": round(time.monotonic() - self.wall0, 1)}
        if self.stat0:
            total, idle = _proc_stat()
            busy = (total - self.stat0[0]) - (idle - self.stat0[1])
            elapsed = total - self.stat0[0]
            own = _tree_cpu_ticks(os.getpid()) - self.own0
            ncpu = os.cpu_count() or 1
            report["cpu_busy_percent_all"] = round(100.0 * busy / elapsed, 1) if elapsed else None
            report["cpu_busy_percent_others"] = round(100.0 * max(0, busy - own) / elapsed, 1) if elapsed else None
            report["cpus"] = ncpu
        return report


def machine_facts(hz_version):
    java = harness.java_executable()
    java_version = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True).stdout.splitlines()[0] if java else None

    def git(*args):
        return subprocess.run(["git"] + list(args), cwd=REPO_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu_model": cpu_model(), "kernel": platform.release(),
            "python": platform.python_version(), "python_executable": sys.executable,
            "java": java_version, "member_version": hz_version,
            "git_head": git("rev-parse", "--short", "HEAD"),
            "hazelcast_dirty": bool(git("status", "--porcelain", "--", "hazelcast"))}


# --- the table -----------------------------------------------------------------------

def headline(scenario, result):
    """The figure ratios are taken of: ops/s (higher better), CPU ms or MB (lower better)."""
    if not result or "error" in result:
        return None
    key = {"throughput": "ops_per_s", "serde": "ops_per_s", "cpu": "cpu_ms", "memory": "rss_mb"}[scenario.kind]
    return result.get(key)


def ratio(scenario, results, peer):
    ours, other = headline(scenario, results.get("ours")), headline(scenario, results.get(peer))
    if ours is None or other is None or other == 0:
        return None
    return ours / other


def target_status(scenario, results):
    """[(peer, minimum, ratio, met)] of the scenario's targets."""
    out = []
    for peer, minimum in scenario.targets:
        r = ratio(scenario, results, peer)
        out.append((peer, minimum, r, None if r is None else r >= minimum))
    return out


def _num(value, digits=3):
    if value is None:
        return "-"
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return "%.0f" % value
    if value >= 10:
        return "%.1f" % value
    return ("%." + str(digits) + "g") % value


def cells(scenario, result):
    """(value, p50, p99, CPU per op) strings of one client's result."""
    if result is None:
        return ("n/a", "", "", "")
    if "error" in result:
        return ("error", "", "", "")
    if scenario.kind == "cpu":
        return ("%s ms" % _num(result["cpu_ms"]), "", "", "")
    if scenario.kind == "memory":
        return ("%s MB" % _num(result["rss_mb"]), "", "", "")
    return (_num(result["ops_per_s"]), _num(result["p50_us"]), _num(result["p99_us"]),
            _num(result.get("cpu_us_per_op")))


def _ratio_text(r, lower_better):
    if r is None:
        return "-"
    text = ("%.2fx" % r) if r >= 0.1 else ("%.2gx" % r)
    return text + (" (lower=better)" if lower_better else "")


def _targets_text(scenario, results):
    parts = []
    for peer, minimum, _r, met in target_status(scenario, results):
        parts.append("%s>=%gx %s" % (peer, minimum, "?" if met is None else ("MET" if met else "MISSED")))
    return ", ".join(parts)


def table_rows(results, clients):
    header = ["scenario"]
    for c in clients:
        header += ["%s ops/s" % c, "p50 us", "p99 us", "CPU us/op"]
    peers = [c for c in ("official", "java") if c in clients and "ours" in clients]
    header += ["ours/%s" % p for p in peers] + ["targets"]
    rows = [header]
    for name, per_client in results.items():
        s = SCENARIOS[name]
        row = [name]
        for c in clients:
            row += list(cells(s, per_client.get(c)))
        lower = s.kind in ("cpu", "memory")
        row += [_ratio_text(ratio(s, per_client, p), lower) for p in peers]
        row.append(_targets_text(s, per_client))
        rows.append(row)
    return rows


def format_text(rows):
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if i == 0 or i == len(row) - 1 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def format_markdown(rows):
    out = ["| " + " | ".join(rows[0]) + " |",
           "|" + "|".join("---" if i == 0 or i == len(rows[0]) - 1 else "---:" for i in range(len(rows[0]))) + "|"]
    for row in rows[1:]:
        out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
    return "\n".join(out)


# --- main ----------------------------------------------------------------------------

def _prune_runs(keep):
    """Keep the logs of the last ``keep`` runs in WORK_DIR (run folders start with a date)."""
    try:
        runs = sorted(d for d in os.listdir(WORK_DIR) if d[:1].isdigit())
    except OSError:
        return
    for old in runs[:-keep] if len(runs) > keep else []:
        shutil.rmtree(os.path.join(WORK_DIR, old), ignore_errors=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", help="comma-separated, from: " + ", ".join(SCENARIOS))
    parser.add_argument("--clients", default=",".join(CLIENTS), help="comma-separated, default all: ours,official,java")
    parser.add_argument("--quick", action="store_true", help="short smoke run (0.2 s warm-up, 0.8 s measure, ...)")
    parser.add_argument("--json", metavar="FILE", help="write every figure, the machine and the load to FILE")
    parser.add_argument("--markdown", metavar="FILE", help="write the table as Markdown to FILE")
    parser.add_argument("--rounds", type=int, help="rounds of each throughput scenario, clients in "
                        "rotated order; the best round is reported (default %d, quick %d)"
                        % (DEFAULT["rounds"], QUICK["rounds"]))
    parser.add_argument("--member-warmup", type=float, help="seconds of traffic to the new member(s) "
                        "before the first scenario (default 5, quick 1)")
    parser.add_argument("--members", type=int, default=1, help="cluster size (default 1)")
    parser.add_argument("--hz-version", default=harness.hz_version(), help="member and Java client version")
    for key in ("warmup", "duration", "idle"):
        parser.add_argument("--" + key, type=float, help="seconds (default %s, quick %s)" % (DEFAULT[key], QUICK[key]))
    parser.add_argument("--memory-ops", type=int,
                        help="default %d, quick %d" % (DEFAULT["memory_ops"], QUICK["memory_ops"]))
    args = parser.parse_args(argv)
    names = [s.strip() for s in args.scenarios.split(",")] if args.scenarios else list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error("unknown scenario(s) %s; choose from %s" % (", ".join(unknown), ", ".join(SCENARIOS)))
    args.scenario_names = names
    args.client_names = [c.strip() for c in args.clients.split(",")]
    bad = [c for c in args.client_names if c not in CLIENTS]
    if bad:
        parser.error("unknown client(s) %s" % ", ".join(bad))
    settings = dict(QUICK if args.quick else DEFAULT)
    for key in settings:
        if getattr(args, key) is not None:
            settings[key] = getattr(args, key)
    args.rounds = max(1, settings.pop("rounds"))
    if args.member_warmup is None:
        args.member_warmup = 1.0 if args.quick else 5.0
    args.settings = settings
    return args


def main(argv=None):
    args = parse_args(argv)
    clients = [c for c in CLIENTS if c in args.client_names]
    _prune_runs(keep=10)
    run_dir = os.path.join(WORK_DIR, "%s-%d" % (time.strftime("%Y%m%d-%H%M%S"), os.getpid()))
    os.makedirs(run_dir, exist_ok=True)
    commands = worker_commands(clients, args.hz_version)
    need_member = any(SCENARIOS[n].member for n in args.scenario_names)
    facts = machine_facts(args.hz_version)
    monitor = LoadMonitor().start()
    cluster = None
    results = {}
    pool = WorkerPool(commands, run_dir)
    started = time.monotonic()
    try:
        if need_member:
            log("starting %d member(s) %s (perf flags)" % (args.members, args.hz_version))
            cluster = harness.Cluster(size=args.members, version=args.hz_version, perf=True,
                                      log_dir=os.path.join(run_dir, "members"))
        address = cluster.members[0].address_str if cluster else None
        if cluster and "ours" in clients:
            # the member's JIT compiles its request paths here, not during the first scenario
            warm = pool.run("ours", dict(args.settings, scenario="warm_up_member", address=address,
                                         duration=args.member_warmup))
            log("member warm-up: %s" % warm)
        for name in args.scenario_names:
            scenario = SCENARIOS[name]
            fresh = scenario.kind in ("cpu", "memory")
            rounds = 1 if fresh else args.rounds
            takers = [c for c in clients if scenario.java or c != "java"]
            per_client = {c: [] for c in takers}
            for n in range(rounds):
                # rotate the order so that no client always runs first after another one
                for client in takers[n % len(takers):] + takers[:n % len(takers)]:
                    request = dict(args.settings, scenario=name, address=address)
                    t0 = time.monotonic()
                    result = pool.run(client, request, fresh=fresh)
                    per_client[client].append(result)
                    value = cells(scenario, result)
                    log("%-20s %-9s %12s  p50 %8s us  p99 %8s us  CPU %7s us/op  (%.0f s)%s" % (
                        name, client, value[0], value[1] or "-", value[2] or "-", value[3] or "-",
                        time.monotonic() - t0,
                        "  " + result["error"] if "error" in result else ""))
            results[name] = {c: best_round(scenario, r) for c, r in per_client.items()}
    finally:
        pool.close()
        if cluster:
            cluster.shutdown()
    hellos = pool.hellos
    load = monitor.stop()
    rows = table_rows(results, clients)
    text = format_text(rows)
    print()
    print("Machine: %d CPUs, %s; Python %s; %s; members %s x%d" % (
        facts["nproc"], facts["cpu_model"], facts["python"], facts["java"], args.hz_version, args.members))
    print("Clients: %s" % "; ".join("%s %s" % (c, hellos.get(c, {}).get("version", "?")) for c in clients))
    print("Load: 1-min loadavg %.2f at start, mean %.2f, max %.2f; all CPUs %s%% busy, %s%% by other "
          "processes than this run" % (load["loadavg_1m_start"], load["loadavg_1m_mean"], load["loadavg_1m_max"],
                                      load.get("cpu_busy_percent_all"), load.get("cpu_busy_percent_others")))
    print("Settings: %s, rounds=%d (best reported); took %.0f s" % (
        ", ".join("%s=%s" % kv for kv in sorted(args.settings.items())), args.rounds, time.monotonic() - started))
    print()
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(format_markdown(rows) + "\n")
    if args.json:
        report = {"machine": facts, "load": load, "settings": dict(args.settings, rounds=args.rounds),
                  "members": args.members,
                  "clients": hellos, "results": results,
                  "ratios": {n: {p: ratio(SCENARIOS[n], r, p) for p in ("official", "java")}
                             for n, r in results.items()},
                  "targets": {n: [{"peer": p, "minimum": m, "ratio": r, "met": met}
                                  for p, m, r, met in target_status(SCENARIOS[n], res)]
                              for n, res in results.items() if SCENARIOS[n].targets}}
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    failed = [(n, c) for n, r in results.items() for c, v in r.items() if "error" in v]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
