"""A TLS endpoint in front of a real member: stunnel4 on a free loopback port.

Hazelcast IMDG's own TLS is an Enterprise feature, so the tests put stunnel
(the TLS server) in front of an open-source member::

    with Stunnel(member.address, certs.server_cert, certs.server_key) as tunnel:
        config.network_config.addresses.append("%s:%d" % tunnel.address)

``cafile`` + ``require_client_cert=True`` makes it demand and verify a client
certificate (stunnel ``verify = 2``: mutual authentication). ``protocol``
pins stunnel to one version ("TLSv1.2", "TLSv1.3"); ``ciphers`` sets its
TLS 1.2 cipher list. The log is kept in ``log_path`` for failures.
"""
import atexit
import os
import shutil
import subprocess
import tempfile
import time

from tests.support.cluster import HOST, free_port

_running = set()


def stunnel_executable():
    return shutil.which("stunnel4") or shutil.which("stunnel")


def stunnel_missing():
    """Why stunnel cannot run here, or None."""
    if stunnel_executable() is None:
        return "stunnel4 is not installed (apt-get install stunnel4; run-tests.sh installs it)"
    return None


def _stop_all():
    for tunnel in list(_running):
        tunnel.stop()


atexit.register(_stop_all)


class Stunnel:
    def __init__(self, connect, cert, key, cafile=None, require_client_cert=False, protocol=None,
                 ciphers=None):
        self.connect = connect
        self.cert = cert
        self.key = key
        self.cafile = cafile
        self.require_client_cert = require_client_cert
        self.protocol = protocol
        self.ciphers = ciphers
        self.port = None
        self.process = None
        self.folder = None
        self.log_path = None

    @property
    def address(self):
        return HOST, self.port

    @property
    def address_str(self):
        return "%s:%d" % self.address

    def _config(self):
        lines = [
            "foreground = yes",
            "pid =",
            "syslog = no",
            "debug = 5",
            "output = %s" % self.log_path,
            "[hazelcast]",
            "accept = %s:%d" % (HOST, self.port),
            "connect = %s:%d" % tuple(self.connect),
            "cert = %s" % self.cert,
            "key = %s" % self.key,
        ]
        if self.cafile:
            lines.append("CAfile = %s" % self.cafile)
        if self.require_client_cert:
            lines.append("verify = 2")
        if self.protocol:
            lines.append("sslVersionMin = %s" % self.protocol)
            lines.append("sslVersionMax = %s" % self.protocol)
        if self.ciphers:
            lines.append("ciphers = %s" % self.ciphers)
        return "\n".join(lines) + "\n"

    def start(self, timeout=10.0):
        reason = stunnel_missing()
        if reason:
            raise RuntimeError(reason)
        self.folder = tempfile.mkdtemp(prefix="hzpy-stunnel-")
        self.log_path = os.path.join(self.folder, "stunnel.log")
        self.port = free_port()
        config_path = os.path.join(self.folder, "stunnel.conf")
        with open(config_path, "w") as f:
            f.write(self._config())
        self.process = subprocess.Popen([stunnel_executable(), config_path], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        _running.add(self)
        deadline = time.monotonic() + timeout
        while not self._listening():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.log()
                self.stop()
                raise RuntimeError("stunnel did not start listening on %d:\n%s" % (self.port, log))
            time.sleep(0.02)
        return self

    def _listening(self):
        # Configuration is done when the log says so; avoids a probing TLS connect.
        return "Configuration successful" in self.log()

    def log(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        _running.discard(self)
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

