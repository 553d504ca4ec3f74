"""Start, stop and inspect real Hazelcast 3.x members on loopback for tests.

Typical use::

    from tests.support.cluster import Cluster

    with Cluster(size=3) as cluster:          # 3 members on free 127.0.0.1 ports
        cluster.members[0].terminate()        # SIGKILL
        cluster.wait_for_size(2)
        cluster.members[0].restart()
        cluster.wait_for_size(3)

Where things come from (each can be overridden by an environment variable, which
``run-tests.sh`` sets):

* ``HZ_VERSION``       member version, default ``3.12.13``
* ``HZ_JAR``           the member jar, default ``.cache/hazelcast/<version>/hazelcast-<version>.jar``
* ``HZ_TEST_CLASSES``  compiled ``tests/java/src`` classes, default ``tests/java/build/<version>``
* ``HZ_LOG_DIR``       where member logs and configs go, default ``.cache/member-logs/<run>``
* ``HZ_START_TIMEOUT`` seconds to wait for a member to start, default 60

No Java process is left behind: members run in their own session with a parent-death
signal (Linux), are killed at interpreter exit and on SIGTERM/SIGHUP, and every member
carries ``-Dhzpy.test.owner=<pid>:<start time>`` so that :func:`sweep_stale_members`
kills those whose owner is gone (a run that was SIGKILLed).
"""
import atexit
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_VERSION = "3.12.13"
DEFAULT_TEMPLATE = os.path.join(REPO_ROOT, "tests", "java", "hazelcast.xml")
OWNER_PROPERTY = "hzpy.test.owner"
HOST = "127.0.0.1"

# What Hazelcast 3.12 itself asks for on Java 9+ (it prints this list when they are
# missing); harmless for older 3.x members, and only passed to Java 9 or newer.
JAVA9_MODULE_FLAGS = (
    "--add-modules", "java.se",
    "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.management/sun.management=ALL-UNNAMED",
    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
)

# Small heap, one GC thread family, C1 only: a member is up in about a second.
FAST_JVM_FLAGS = ("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                  "-XX:-UsePerfData", "-Xss512k")
# For benchmarks: full JIT, bigger heap.
PERF_JVM_FLAGS = ("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC")

# Member properties the harness sets on every member (a cluster may override any).
DEFAULT_PROPERTIES = {
    "hazelcast.phone.home.enabled": "false",
    "hazelcast.wait.seconds.before.join": "0",
    "hazelcast.max.wait.seconds.before.join": "0",
    "hazelcast.socket.bind.any": "false",          # listen on 127.0.0.1 only
    "hazelcast.shutdownhook.policy": "GRACEFUL",    # SIGTERM = graceful shutdown
    "hazelcast.graceful.shutdown.max.wait": "30",
    "hazelcast.health.monitoring.level": "OFF",
    "hazelcast.merge.first.run.delay.seconds": "5",
    "hazelcast.merge.next.run.delay.seconds": "5",
}

_STARTED_RE = re.compile(rb"is STARTED")
# 3.9+: "Members {size:3, ver:3} [";  3.6-3.8: "Members [3] {"
_MEMBERS_RE = re.compile(rb"Members (?:\{size:(\d+)|\[(\d+)\] \{)")
_PORT_IN_USE_RE = re.compile(rb"(?i)(port \[\d+\] is already in use|Address already in use)")


class HarnessError(RuntimeError):
    """The harness could not do what was asked (member did not start, timeout, ...)."""


# --- locating java, the jar and the test classes -------------------------------------

def hz_version():
    return os.environ.get("HZ_VERSION") or DEFAULT_VERSION


def jar_path(version=None):
    """Path of the member jar (may not exist)."""
    version = version or hz_version()
    env = os.environ.get("HZ_JAR")
    if env and version == hz_version():
        return env
    return os.path.join(REPO_ROOT, ".cache", "hazelcast", version, "hazelcast-%s.jar" % version)


def test_classes_dir(version=None):
    """Compiled tests/java/src classes for this version, or None if there are none."""
    version = version or hz_version()
    env = os.environ.get("HZ_TEST_CLASSES")
    path = env if env and version == hz_version() else os.path.join(
        REPO_ROOT, "tests", "java", "build", version)
    return path if os.path.isdir(path) else None


def java_executable():
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = os.path.join(home, "bin", "java.exe" if os.name == "nt" else "java")
        if os.path.isfile(candidate):
            return candidate
    return shutil.which("java")


def missing_requirements(version=None):
    """A sentence saying why members can't be started here, or None if they can."""
    if java_executable() is None:
        return "java was not found on PATH (nor in JAVA_HOME): install a JDK 8+ to run members"
    jar = jar_path(version)
    if not os.path.isfile(jar):
        return ("the Hazelcast member jar %s is missing: run ./run-tests.sh (or "
                "scripts/fetch-hazelcast.sh %s) to fetch it" % (jar, version or hz_version()))
    return None


_java_major = None


def java_major_version():
    global _java_major
    if _java_major is None:
        out = subprocess.run([java_executable(), "-version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, check=False).stdout.decode("utf-8", "replace")
        match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
        if not match:
            _java_major = 8
        else:
            major = int(match.group(1))
            _java_major = int(match.group(2) or 0) if major == 1 else major
    return _java_major


# --- ports ----------------------------------------------------------------------------

_reserved_ports = set()
_port_lock = threading.Lock()


def port_is_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as a member's server socket does: connections of a member that just stopped
        # linger in TIME_WAIT for a minute, and they do not keep a new member out
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port():
    """A free TCP port on 127.0.0.1, below the Linux ephemeral range so that outgoing
    connections can't take it between now and the member binding it."""
    with _port_lock:
        for _ in range(500):
            port = random.randint(20000, 32000)
            if port in _reserved_ports or not port_is_free(port):
                continue
            _reserved_ports.add(port)
            return port
    raise HarnessError("no free port found on %s" % HOST)


# --- ownership marker, stale member sweep, exit cleanup -------------------------------

def _process_start_time(pid):
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    fields = stat[stat.rindex(b")") + 2:].split()
    return fields[19].decode()  # field 22 overall: start time in clock ticks since boot


def owner_marker(pid=None):
    pid = pid or os.getpid()
    return "%d:%s" % (pid, _process_start_time(pid) or "0")


def _cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().split(b"\0")
    except OSError:
        return []


def member_processes():
    """{pid: owner marker} of every running process started by this harness (any run)."""
    found = {}
    if not os.path.isdir("/proc"):
        return found
    prefix = ("-D%s=" % OWNER_PROPERTY).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        for arg in _cmdline(int(entry)):
            if arg.startswith(prefix):
                found[int(entry)] = arg[len(prefix):].decode()
                break
    return found


def _owner_alive(marker):
    pid_text, _, start = marker.partition(":")
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    current = _process_start_time(pid)
    return current is not None and (start == "0" or current == start)


def sweep_stale_members():
    """Kill members left by earlier runs whose owning process is gone. Returns their pids."""
    killed = []
    for pid, marker in member_processes().items():
        if not _owner_alive(marker):
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            except OSError:
                pass
    return killed


_live_members = set()
_cleanup_installed = False
_all_members = []  # every member started in this process, for log reports


def kill_all_members():
    """SIGKILL every member this process started and still runs (exit/signal cleanup)."""
    for member in list(_live_members):
        try:
            member.terminate()
        except Exception:  # noqa: BLE001 - cleanup must go on
            pass


def _install_cleanup():
    global _cleanup_installed
    if _cleanup_installed:
        return
    _cleanup_installed = True
    atexit.register(kill_all_members)
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if signum is None:
            continue
        previous = signal.getsignal(signum)

        def handler(num, frame, previous=previous):
            kill_all_members()
            if callable(previous):
                previous(num, frame)
            else:
                signal.signal(num, signal.SIG_DFL)
                os.kill(os.getpid(), num)

        try:
            signal.signal(signum, handler)
        except (ValueError, OSError):
            pass


def _default_log_dir():
    base = os.environ.get("HZ_LOG_DIR")
    if base:
        return base
    root = os.path.join(REPO_ROOT, ".cache", "member-logs")
    run = "%s-%d" % (time.strftime("%Y%m%d-%H%M%S"), os.getpid())
    _prune_old_runs(root, keep=10)
    return os.path.join(root, run)


def _prune_old_runs(root, keep, min_age_seconds=6 * 3600):
    """Delete all but the ``keep`` newest run folders, sparing any touched recently:
    another test run may be using it right now."""
    try:
        runs = sorted(os.listdir(root))
    except OSError:
        return
    now = time.time()
    for old in runs[:-keep] if len(runs) > keep else []:
        path = os.path.join(root, old)
        try:
            if now - os.path.getmtime(path) < min_age_seconds:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)


_run_log_dir = None


def run_log_dir():
    """One folder per test run holding every member's config and log."""
    global _run_log_dir
    if _run_log_dir is None:
        _run_log_dir = _default_log_dir()
        os.makedirs(_run_log_dir, exist_ok=True)
    return _run_log_dir


# --- members --------------------------------------------------------------------------

def _xml_escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


class Member:
    """One member process. Created by :class:`Cluster`; not started until :meth:`start`."""

    def __init__(self, cluster, index, port):
        self.cluster = cluster
        self.index = index
        self.port = port
        name = "%s-member%d-%d" % (cluster.name, index, port)
        self.log_path = os.path.join(cluster.log_dir, name + ".log")
        self.config_path = os.path.join(cluster.log_dir, name + ".xml")
        self.process = None
        self.suspended = False
        self.starts = 0
        self._scan_pos = 0          # how far the log was read
        self._started = False       # "is STARTED" seen in this incarnation
        self._member_count = None   # last member-list size in this incarnation
        self._partial = b""

    # -- properties --
    @property
    def address(self):
        return HOST, self.port

    @property
    def address_str(self):
        return "%s:%d" % self.address

    @property
    def pid(self):
        return self.process.pid if self.process else None

    @property
    def is_running(self):
        return self.process is not None and self.process.poll() is None

    def __repr__(self):
        state = "suspended" if self.suspended else ("running" if self.is_running else "stopped")
        return "<Member %s %s pid=%s>" % (self.address_str, state, self.pid)

    # -- lifecycle --
    def start(self, wait=True, timeout=None):
        """Launch the JVM; with ``wait``, block until it logged ``is STARTED``."""
        if self.is_running:
            raise HarnessError("%r is already running" % self)
        _install_cleanup()
        self.cluster.write_config(self)
        cmd = self.cluster.command(self)
        self.starts += 1
        self._started = False
        self._member_count = None
        self._partial = b""
        with open(self.log_path, "ab") as log:
            if self.starts > 1:
                log.write(b"\n==== hzpy harness: start #%d ====\n" % self.starts)
            log.write(("# %s\n" % " ".join(cmd)).encode())
            log.flush()
            self._scan_pos = log.tell()
            kwargs = {}
            if os.name == "posix":
                kwargs["start_new_session"] = True  # Ctrl-C in a terminal doesn't reach it
            else:
                kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
            self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, cwd=self.cluster.log_dir,
                                            **kwargs)
        self.suspended = False
        _live_members.add(self)
        if self not in _all_members:
            _all_members.append(self)
        if wait:
            self.wait_started(timeout)
        return self

    def wait_started(self, timeout=None):
        deadline = time.monotonic() + (timeout or self.cluster.start_timeout)
        while True:
            self._scan()
            if self._started:
                return self
            if not self.is_running:
                self._reap()
                raise HarnessError("member %s exited with code %s before it started\n%s"
                                   % (self.address_str, self.process.returncode, self.log_tail()))
            if time.monotonic() > deadline:
                self.terminate()
                raise HarnessError("member %s did not start within %ss\n%s"
                                   % (self.address_str, timeout or self.cluster.start_timeout,
                                      self.log_tail()))
            time.sleep(0.05)

    def shutdown(self, timeout=40):
        """Graceful: SIGTERM runs Hazelcast's shutdown hook (policy GRACEFUL), which hands
        partitions over first. SIGKILL if it takes longer than ``timeout`` seconds."""
        if not self.is_running:
            self._reap()
            return
        if self.suspended:
            self.resume()
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.terminate()
        self._reap()

    def terminate(self):
        """Abrupt: SIGKILL (a crash, as far as the cluster can tell)."""
        if self.process is not None and self.process.poll() is None:
            self._signal(getattr(signal, "SIGKILL", signal.SIGTERM))
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                pass
        self._reap()

    def restart(self, graceful=False, wait=True, timeout=None):
        """Stop (SIGKILL, or graceful) and start again on the same port."""
        if graceful:
            self.shutdown()
        else:
            self.terminate()
        return self.start(wait=wait, timeout=timeout)

    def suspend(self):
        """SIGSTOP: the process keeps its sockets but answers nothing (a hung member)."""
        self._signal(signal.SIGSTOP)
        self.suspended = True

    def resume(self):
        self._signal(signal.SIGCONT)
        self.suspended = False

    def _signal(self, signum):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            if os.name == "posix":
                os.killpg(self.process.pid, signum)
            else:
                self.process.send_signal(signum)
        except ProcessLookupError:
            pass

    def _reap(self):
        if self.process is not None and self.process.poll() is not None:
            _live_members.discard(self)
            self.suspended = False

    # -- log --
    def _scan(self):
        """Read what the member logged since the last call; track STARTED and member count."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(self._scan_pos)
                chunk = f.read()
        except OSError:
            return
        if not chunk:
            return
        self._scan_pos += len(chunk)
        text = self._partial + chunk
        cut = text.rfind(b"\n") + 1
        self._partial = text[cut:]
        text = text[:cut]
        if _STARTED_RE.search(text):
            self._started = True
        for match in _MEMBERS_RE.finditer(text):
            self._member_count = int(match.group(1) or match.group(2))

    def member_count(self):
        """The size of the latest member list this member logged (None before any)."""
        self._scan()
        return self._member_count

    def log_text(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def log_tail(self, lines=60):
        text = self.log_text().splitlines()
        return ("---- last %d lines of %s ----\n" % (min(lines, len(text)), self.log_path)
                + "\n".join(text[-lines:]))


# --- clusters -------------------------------------------------------------------------

class Cluster:
    """N members of one group on 127.0.0.1, joined over TCP/IP (multicast off).

    :param size: members to start right away (0 = none; call :meth:`start`)
    :param group_name, group_password: the group credentials
    :param structures: XML put at the top level of the config (``<map name=...>`` ...)
    :param serialization: XML put inside ``<serialization>``
    :param data_serializable_factories: {factory id: Java class} registrations
    :param portable_factories: {factory id: Java class} registrations
    :param properties: member properties, added to / overriding :data:`DEFAULT_PROPERTIES`
    :param extra_xml: more top-level XML (same place as ``structures``)
    :param template: path of the config template, default ``tests/java/hazelcast.xml``
    :param xml: a whole config template as a string (overrides ``template``)
    :param jvm_args: extra JVM arguments; ``perf=True`` uses full-JIT flags for benchmarks
    :param classpath: extra classpath entries
    :param ports: fixed ports for the first members (default: free ports)
    """

    _counter = 0

    def __init__(self, size=0, version=None, group_name="dev", group_password="dev-pass",
                 structures="", serialization="", data_serializable_factories=None,
                 portable_factories=None, properties=None, extra_xml="", template=None,
                 xml=None, jvm_args=(), perf=False, classpath=(), log_dir=None, name=None,
                 start_timeout=None, ports=None):
        Cluster._counter += 1
        self.name = name or "c%d" % Cluster._counter
        self.version = version or hz_version()
        reason = missing_requirements(self.version)
        if reason:
            raise HarnessError(reason)
        self.jar = jar_path(self.version)
        self.group_name = group_name
        self.group_password = group_password
        self.structures = structures
        self.serialization = serialization
        self.data_serializable_factories = dict(data_serializable_factories or {})
        self.portable_factories = dict(portable_factories or {})
        self.properties = dict(DEFAULT_PROPERTIES)
        self.properties.update(properties or {})
        self.extra_xml = extra_xml
        if xml is None:
            with open(template or DEFAULT_TEMPLATE, encoding="utf-8") as f:
                xml = f.read()
        self.template = xml
        self.jvm_args = list(jvm_args)
        self.perf = perf
        self.classpath = list(classpath)
        self.log_dir = log_dir or run_log_dir()
        os.makedirs(self.log_dir, exist_ok=True)
        self.start_timeout = start_timeout or float(os.environ.get("HZ_START_TIMEOUT", "60"))
        self.members = []
        self._owner = owner_marker()
        if size:
            self.start(size, ports=ports)

    # -- config and command line --
    def render_config(self, member):
        members = "\n".join("                <member>%s</member>" % m.address_str
                            for m in self.members)
        props = "\n".join('        <property name="%s">%s</property>' % (_xml_escape(k),
                                                                         _xml_escape(v))
                          for k, v in sorted(self.properties.items()))
        serialization = self.serialization
        if self.data_serializable_factories:
            serialization += "\n<data-serializable-factories>\n%s\n</data-serializable-factories>" % (
                "\n".join('<data-serializable-factory factory-id="%d">%s</data-serializable-factory>'
                          % (fid, cls) for fid, cls in sorted(self.data_serializable_factories.items())))
        if self.portable_factories:
            serialization += "\n<portable-factories>\n%s\n</portable-factories>" % (
                "\n".join('<portable-factory factory-id="%d">%s</portable-factory>' % (fid, cls)
                          for fid, cls in sorted(self.portable_factories.items())))
        values = {
            "group_name": _xml_escape(self.group_name),
            "group_password": _xml_escape(self.group_password),
            "port": str(member.port),
            "members": members,
            "properties": props,
            "serialization": serialization,
            "structures": self.structures + "\n" + self.extra_xml,
        }
        return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], self.template)

    def write_config(self, member):
        with open(member.config_path, "w", encoding="utf-8") as f:
            f.write(self.render_config(member))

    def command(self, member):
        java = java_executable()
        cmd = []
        if (sys.platform.startswith("linux") and shutil.which("setpriv")
                and threading.current_thread() is threading.main_thread()):
            # the member dies with the process that started it, even on SIGKILL
            cmd += [shutil.which("setpriv"), "--pdeathsig", "KILL", "--"]
        cmd.append(java)
        if java_major_version() >= 9:
            cmd += JAVA9_MODULE_FLAGS
        cmd += PERF_JVM_FLAGS if self.perf else FAST_JVM_FLAGS
        cmd += ["-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.config=%s" % member.config_path,
                "-Dhazelcast.phone.home.enabled=false",
                "-Dhazelcast.logging.type=jdk",
                # one line per record, with milliseconds
                "-Djava.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n",
                "-D%s=%s" % (OWNER_PROPERTY, self._owner)]
        cmd += self.jvm_args
        entries = [self.jar]
        classes = test_classes_dir(self.version)
        if classes:
            entries.append(classes)
        entries += self.classpath
        cmd += ["-cp", os.pathsep.join(entries), "com.hazelcast.core.server.StartServer"]
        return cmd

    # -- lifecycle --
    def start(self, count=1, timeout=None, ports=None):
        """Start ``count`` more members together and wait until all running members see
        the whole cluster. ``ports`` fixes the first ports (e.g. ``[5701]``); the rest are
        free ones. Returns the new members."""
        sweep_stale_members()
        ports = list(ports or [])
        for port in ports:
            if not port_is_free(port):
                raise HarnessError("port %s:%d is already in use (another member running?)"
                                   % (HOST, port))
        ports += [free_port() for _ in range(count - len(ports))]
        new = [Member(self, len(self.members) + i, port) for i, port in enumerate(ports)]
        self.members.extend(new)
        try:
            if not self.running_members:
                # a lone first member becomes master at once; the others then join it
                # (all at once, they spend seconds electing a master among themselves)
                new[0].start(timeout=timeout)
            for member in new:
                if not member.is_running:
                    member.start(wait=False)
            for member in new:
                member.wait_started(timeout)
            self.wait_for_size(len(self.running_members), timeout=timeout)
        except BaseException:
            for member in new:
                member.terminate()
            raise
        return new

    def add_member(self, timeout=None):
        return self.start(1, timeout)[0]

    @property
    def running_members(self):
        return [m for m in self.members if m.is_running]

    @property
    def addresses(self):
        """``["127.0.0.1:port", ...]`` of the running members."""
        return [m.address_str for m in self.running_members]

    def wait_for_size(self, size, members=None, timeout=None):
        """Block until each of ``members`` (default: the running, unsuspended ones) logged
        a member list of ``size``."""
        members = members if members is not None else [
            m for m in self.running_members if not m.suspended]
        deadline = time.monotonic() + (timeout or self.start_timeout)
        while True:
            counts = {m.address_str: m.member_count() for m in members}
            if all(c == size for c in counts.values()):
                return
            for m in members:
                if not m.is_running:
                    raise HarnessError("member %s died while waiting for %d members\n%s"
                                       % (m.address_str, size, m.log_tail()))
            if time.monotonic() > deadline:
                raise HarnessError("members did not agree on %d members: %s\n%s" % (
                    size, counts, "\n".join(m.log_tail(30) for m in members)))
            time.sleep(0.05)

    def shutdown(self, graceful=False):
        """Stop every member: SIGKILL by default (fast), or one by one gracefully."""
        for member in self.members:
            if graceful:
                member.shutdown()
            else:
                member.terminate()

    close = shutdown

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown()

    def logs(self, lines=80):
        return "\n".join(m.log_tail(lines) for m in self.members)

    def __repr__(self):
        return "<Cluster %s v%s %r>" % (self.name, self.version, self.members)


def started_members():
    """Every member started in this process so far (running or not)."""
    return list(_all_members)
