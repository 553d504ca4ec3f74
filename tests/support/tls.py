"""Test certificates made at test time with the ``openssl`` command line tool.

``certificates()`` makes them once per process in a temporary folder (removed
at exit) and returns a :class:`Certificates` of file paths:

* ``ca`` -- the test CA; ``other_ca`` -- an unrelated CA (for "wrong CA" tests)
* ``server_cert``/``server_key`` -- signed by ``ca`` for 127.0.0.1 and localhost
* ``expired_cert``/``expired_key`` -- the same names, signed by ``ca``, expired in 2020
* ``other_name_cert``/``other_name_key`` -- signed by ``ca`` for the name member.invalid only
* ``client_cert``/``client_key`` -- a client certificate signed by ``ca``
* ``client_key_encrypted`` -- ``client_key`` encrypted (AES-256) with ``KEY_PASSWORD``
* ``client_combined`` -- ``client_key`` and ``client_cert`` in one PEM file
* ``untrusted_client_cert``/``untrusted_client_key`` -- a client certificate signed by ``other_ca``

Keys are EC P-256: quick to make.
"""
import atexit
import os
import shutil
import subprocess
import tempfile
import threading

KEY_PASSWORD = "hazelcast"

_CONFIG = """\
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
authorityKeyIdentifier = keyid
[other_name]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:member.invalid
authorityKeyIdentifier = keyid
[client]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
[ca]
default_ca = ca_default
[ca_default]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[policy_any]
commonName = supplied
"""


class Certificates:
    def __init__(self, folder):
        self.folder = folder

    def path(self, name):
        return os.path.join(self.folder, name)

    def __getattr__(self, name):
        path = os.path.join(self.__dict__["folder"], name + ".pem")
        if not os.path.exists(path):
            raise AttributeError("no test certificate file %s" % path)
        return path


_lock = threading.Lock()
_made = None


def openssl_missing():
    """Why certificates cannot be made here, or None."""
    if shutil.which("openssl") is None:
        return "the openssl command line tool is not installed (apt-get install openssl)"
    return None


def _run(folder, *args):
    result = subprocess.run(("openssl",) + args, cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError("openssl %s failed:\n%s" % (" ".join(args), result.stdout.decode(errors="replace")))


def _new_key_and_csr(folder, name, subject):
    _run(folder, "req", "-new", "-config", "openssl.cnf", "-newkey", "ec",
         "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + "_key.pem",
         "-out", name + ".csr", "-subj", subject)


def _sign(folder, name, ca, extensions, start="", end=""):
    dates = ["-startdate", start, "-enddate", end] if start else ["-days", "3650"]
    _run(folder, "ca", "-batch", "-config", "openssl.cnf", "-notext", "-cert", ca + ".pem",
         "-keyfile", ca + "_key.pem", "-extensions", extensions, "-in", name + ".csr",
         "-out", name + "_cert.pem", *dates)


def _make_ca(folder, name, subject):
    _run(folder, "req", "-x509", "-config", "openssl.cnf", "-extensions", "v3_ca", "-newkey", "ec",
         "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + "_key.pem",
         "-out", name + ".pem", "-days", "3650", "-subj", subject)


def _make(folder):
    with open(os.path.join(folder, "openssl.cnf"), "w") as f:
        f.write(_CONFIG)
    open(os.path.join(folder, "index.txt"), "w").close()
    with open(os.path.join(folder, "serial"), "w") as f:
        f.write("1000\n")
    _make_ca(folder, "ca", "/CN=hzpy test CA")
    _make_ca(folder, "other_ca", "/CN=hzpy other CA")
    _new_key_and_csr(folder, "server", "/CN=localhost")
    _sign(folder, "server", "ca", "server")
    _new_key_and_csr(folder, "expired", "/CN=localhost")
    _sign(folder, "expired", "ca", "server", "20200101000000Z", "20200102000000Z")
    _new_key_and_csr(folder, "other_name", "/CN=member.invalid")
    _sign(folder, "other_name", "ca", "other_name")
    _new_key_and_csr(folder, "client", "/CN=hzpy client")
    _sign(folder, "client", "ca", "client")
    _new_key_and_csr(folder, "untrusted_client", "/CN=hzpy untrusted client")
    _sign(folder, "untrusted_client", "other_ca", "client")
    _run(folder, "pkey", "-in", "client_key.pem", "-aes256", "-passout", "pass:" + KEY_PASSWORD,
         "-out", "client_key_encrypted.pem")
    with open(os.path.join(folder, "client_combined.pem"), "w") as out:
        for part in ("client_key.pem", "client_cert.pem"):
            with open(os.path.join(folder, part)) as f:
                out.write(f.read())


def certificates():
    """The test certificates (made on first use)."""
    global _made
    with _lock:
        if _made is None:
            folder = tempfile.mkdtemp(prefix="hzpy-tls-")
            atexit.register(shutil.rmtree, folder, True)
            _make(folder)
            _made = Certificates(folder)
        return _made
