"""Profile this checkout's client on one benchmark scenario, every thread included.

    python benchmarks/profile_client.py async_64                 # py-spy, GIL samples
    python benchmarks/profile_client.py entry_set_10k --all-threads
    python benchmarks/profile_client.py put_1t --sampler cprofile --wall --top 40

Starts a member (perf flags) with the harness, runs the scenario once unprofiled (it
fills the map and warms up), then again under a profiler, and prints the functions by
own time with their share of the total and by inclusive time. Serde scenarios need no
member.

``--sampler py-spy`` (the default): the scenario runs in a child process and py-spy
(installed on first use into the git-ignored .cache/benchmarks/tools-venv/ from PyPI)
samples it from outside while it measures, 200 times a second, without slowing the
client down much. By default only the thread holding the GIL is sampled, so the shares
are of the interpreter's busy time -- what limits a GIL-bound client; ``--all-threads``
samples every thread that is not idle instead. Raw stacks are kept in
.cache/benchmarks/profile-<scenario>.txt.

``--sampler cprofile``: a ``cProfile`` profiler in every thread the client and the
scenario start (reactor, event worker, the 8 workers of ``*_8t``...) and in the main
thread, merged; by default each counts its thread's CPU time (``time.thread_time``),
``--wall`` counts elapsed time. cProfile adds a fixed cost to every Python call (the
client runs several times slower under it), so call-heavy code looks dearer than it
is. Stats go to .cache/benchmarks/profile-<scenario>.pstats.
"""
import argparse
import cProfile
import io
import json
import os
import pstats
import re
import subprocess
import sys
import threading
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, REPO_ROOT)

import worker  # noqa: E402
from scenarios import SCENARIOS  # noqa: E402


class ThreadProfilers:
    """A cProfile profiler in every thread started while ``active``, plus the caller's."""

    def __init__(self, timer):
        self.timer = timer
        self.active = False
        self.profiles = []  # (thread name, Profile)
        self._lock = threading.Lock()
        original_run = threading.Thread.run
        owner = self

        def run(thread):
            if not owner.active:
                return original_run(thread)
            profile = cProfile.Profile(owner.timer)
            with owner._lock:
                owner.profiles.append((thread.name, profile))
            profile.enable()
            try:
                return original_run(thread)
            finally:
                profile.disable()
        threading.Thread.run = run

    def main_thread_profile(self):
        profile = cProfile.Profile(self.timer)
        self.profiles.append(("main", profile))
        return profile

    def stats(self):
        merged = None
        per_thread = []
        for name, profile in self.profiles:
            stream = io.StringIO()
            try:
                st = pstats.Stats(profile, stream=stream)
            except TypeError:  # a thread that never made a call
                continue
            per_thread.append((name, st.total_tt))
            if merged is None:
                merged = st
            else:
                merged.add(st)
        return merged, per_thread


def label(func):
    filename, line, name = func
    if filename.startswith(REPO_ROOT):
        filename = os.path.relpath(filename, REPO_ROOT)
    elif filename == "~":
        return name
    else:
        filename = os.path.basename(filename)
    return "%s:%d(%s)" % (filename, line, name)


def print_report(st, per_thread, top, out):
    total = st.total_tt or 1e-9
    print("threads (own time of every function in the thread): " + ", ".join(
        "%s %.2f s" % (n, t) for n, t in sorted(per_thread, key=lambda x: -x[1]) if t > 0.001), file=out)
    print("total %.2f s\n" % total, file=out)
    rows = [(func, cc, nc, tt, ct) for func, (cc, nc, tt, ct, _callers) in st.stats.items()]
    print("%-7s %-7s %12s  %s" % ("own %", "cum %", "calls", "function"), file=out)
    for func, _cc, nc, tt, ct in sorted(rows, key=lambda r: -r[3])[:top]:
        print("%6.1f%% %6.1f%% %12d  %s" % (100 * tt / total, 100 * ct / total, nc, label(func)), file=out)
    print("\nby cumulative time (own time of the function and what it calls):", file=out)
    for func, _cc, nc, tt, ct in sorted(rows, key=lambda r: -r[4])[:top]:
        print("%6.1f%% %6.1f%% %12d  %s" % (100 * tt / total, 100 * ct / total, nc, label(func)), file=out)


TOOLS_VENV = os.path.join(REPO_ROOT, ".cache", "benchmarks", "tools-venv")


def py_spy():
    """Path of py-spy, installed into TOOLS_VENV from PyPI if needed."""
    exe = os.path.join(TOOLS_VENV, "bin", "py-spy")
    if not os.path.isfile(exe):
        print("installing py-spy into %s" % os.path.relpath(TOOLS_VENV, REPO_ROOT), file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", TOOLS_VENV], check=True)
        subprocess.run([os.path.join(TOOLS_VENV, "bin", "python"), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "py-spy"], check=True)
    return exe


_FRAME = re.compile(r"^(.*) \((.*?)(?::\d+)?\)$")


def frame_label(frame):
    match = _FRAME.match(frame)
    if not match:
        return frame
    name, filename = match.groups()
    if filename.startswith(REPO_ROOT):
        filename = os.path.relpath(filename, REPO_ROOT)
    return "%s (%s)" % (name, filename)


def spy_report(raw_path, top, out):
    """Own and inclusive shares per function of py-spy's raw (collapsed) stacks."""
    own, inclusive, threads = Counter(), Counter(), Counter()
    total = 0
    with open(raw_path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            count = int(count)
            frames = stack.split(";")
            if frames[0].startswith("thread ") or frames[0].startswith("process "):
                threads[frames[0]] += count
                frames = frames[1:]
            labels = [frame_label(fr) for fr in frames]
            total += count
            if labels:
                own[labels[-1]] += count
            for label_ in set(labels):
                inclusive[label_] += count
    if not total:
        print("no samples", file=out)
        return
    print("%d samples; threads: %s\n" % (total, ", ".join(
        "%s %.0f%%" % (t, 100.0 * c / total) for t, c in threads.most_common())), file=out)
    print("%-7s %-7s  %s" % ("own %", "incl %", "function (file)"), file=out)
    for label_, count in own.most_common(top):
        print("%6.1f%% %6.1f%%  %s" % (100.0 * count / total, 100.0 * inclusive[label_] / total, label_), file=out)
    print("\nby inclusive share:", file=out)
    for label_, count in inclusive.most_common(top):
        print("%6.1f%% %6.1f%%  %s" % (100.0 * own[label_] / total, 100.0 * count / total, label_), file=out)


def child(args):
    """Runs in the process py-spy samples: an unprofiled pass, then the measured one."""
    adapter = worker.OursClient()
    base = {"scenario": args.scenario, "address": args.address, "idle": 0, "memory_ops": 0}
    first = worker.run_request(adapter, dict(base, warmup=0.2, duration=min(1.0, args.duration)), None)
    print(json.dumps({"unprofiled": first}), flush=True)
    second = worker.run_request(adapter, dict(base, warmup=args.warmup, duration=args.duration), None)
    print(json.dumps({"profiled": second}), flush=True)


def run_py_spy(args, scenario, address, out):
    exe = py_spy()
    raw = os.path.join(REPO_ROOT, ".cache", "benchmarks", "profile-%s.txt" % args.scenario)
    os.makedirs(os.path.dirname(raw), exist_ok=True)
    cmd = [sys.executable, os.path.abspath(__file__), args.scenario, "--child", "--address", str(address),
           "--duration", str(args.duration), "--warmup", str(args.warmup)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    unprofiled = json.loads(proc.stdout.readline())["unprofiled"]
    spy = [exe, "record", "--pid", str(proc.pid), "--rate", "200", "--format", "raw", "--threads",
           "--function", "--duration", str(int(args.warmup + args.duration + 0.999)), "--output", raw]
    if not args.all_threads:
        spy.append("--gil")
    spied = subprocess.run(spy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    profiled = json.loads(proc.stdout.readline())["profiled"]
    proc.wait()
    if spied.returncode != 0:
        raise RuntimeError("py-spy failed: %s" % spied.stdout[-2000:])
    print("scenario %s: %s" % (args.scenario, scenario.title), file=out)
    print("unprofiled: %.1f ops/s (p50 %.1f us); while sampled: %.1f ops/s (p50 %.1f us); py-spy, %s" % (
        unprofiled["ops_per_s"], unprofiled["p50_us"], profiled["ops_per_s"], profiled["p50_us"],
        "every busy thread" if args.all_threads else "the thread holding the GIL"), file=out)
    spy_report(raw, args.top, out)
    print("\nraw stacks in %s" % os.path.relpath(raw, REPO_ROOT), file=out)


def run_cprofile(args, scenario, address, out):
    profilers = ThreadProfilers(time.perf_counter if args.wall else time.thread_time)
    adapter = worker.OursClient()
    base = {"scenario": args.scenario, "address": address, "idle": 0, "memory_ops": 0}
    unprofiled = worker.run_request(adapter, dict(base, warmup=0.2, duration=min(1.0, args.duration)), None)
    profilers.active = True
    main_profile = profilers.main_thread_profile()
    main_profile.enable()
    profiled = worker.run_request(adapter, dict(base, warmup=args.warmup, duration=args.duration), None)
    main_profile.disable()
    profilers.active = False
    time.sleep(0.2)  # let the client's threads run their profilers' disable()
    st, per_thread = profilers.stats()
    print("scenario %s: %s" % (args.scenario, scenario.title), file=out)
    print("unprofiled: %.1f ops/s (p50 %.1f us); under the profiler: %.1f ops/s; timer: %s" % (
        unprofiled["ops_per_s"], unprofiled["p50_us"], profiled["ops_per_s"],
        "wall" if args.wall else "thread CPU"), file=out)
    print_report(st, per_thread, args.top, out)
    path = os.path.join(REPO_ROOT, ".cache", "benchmarks", "profile-%s.pstats" % args.scenario)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    st.dump_stats(path)
    print("\nstats written to %s" % os.path.relpath(path, REPO_ROOT), file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=[n for n, s in SCENARIOS.items() if s.kind in ("throughput", "serde")])
    parser.add_argument("--sampler", choices=("py-spy", "cprofile"), default="py-spy")
    parser.add_argument("--duration", type=float, default=4.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--all-threads", action="store_true", help="py-spy: every busy thread, not only the GIL holder")
    parser.add_argument("--wall", action="store_true", help="cprofile: elapsed time instead of thread CPU time")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    scenario = SCENARIOS[args.scenario]
    cluster = None
    try:
        address = None
        if scenario.member:
            from tests.support.cluster import Cluster
            cluster = Cluster(size=1, perf=True)
            address = cluster.members[0].address_str
        if args.sampler == "py-spy":
            run_py_spy(args, scenario, address, sys.stdout)
        else:
            run_cprofile(args, scenario, address, sys.stdout)
    finally:
        if cluster:
            cluster.shutdown()


if __name__ == "__main__":
    main()
