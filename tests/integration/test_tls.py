"""TLS/SSL (manual 5.7 and 6.1) against a real member behind stunnel.

IMDG's own TLS is an Enterprise feature: here stunnel (tests/support/stunnel.py)
terminates TLS in front of an open-source member. The member still reports its
plain address; the client files the TLS connection under that address too, so
smart routing to this one member goes over TLS (and unisocket mode is tested
as well). Certificates come from tests/support/tls.py.
"""
import os
import ssl
import textwrap
import threading
import time

import pytest

import hazelcast
from hazelcast.config import PROTOCOL
from hazelcast.errors import ConfigurationError, HazelcastSSLError
from tests.integration.client_helpers import client_config
from tests.support import manual
from tests.support.stunnel import Stunnel, stunnel_missing
from tests.support.tls import KEY_PASSWORD, certificates, openssl_missing

CONNECTION_TIMEOUT = 5.0


def _require(reason):
    if reason:
        if os.environ.get("HZ_REQUIRE_MEMBERS") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def certs():
    _require(openssl_missing())
    return certificates()


@pytest.fixture
def tunnel(cluster, certs):
    """``tunnel(**Stunnel options)``: a TLS endpoint in front of the session member."""
    _require(stunnel_missing())
    started = []

    def start(**options):
        options.setdefault("cert", certs.server_cert)
        options.setdefault("key", certs.server_key)
        t = Stunnel(cluster.members[0].address, **options).start()
        started.append(t)
        return t

    yield start
    for t in started:
        t.stop()


def tls_config(cluster, tunnel, certs, smart_routing=True, **ssl_settings):
    config = client_config(addresses=[tunnel.address_str], smart_routing=smart_routing,
                           connection_timeout=CONNECTION_TIMEOUT, connection_attempt_limit=1)
    config.group_config.name = cluster.group_name
    config.group_config.password = cluster.group_password
    ssl_config = config.network_config.ssl_config
    ssl_config.enabled = True
    ssl_config.cafile = certs.ca
    for name, value in ssl_settings.items():
        setattr(ssl_config, name, value)
    return config


def _use_map(client):
    m = client.get_map("tls-map").blocking()
    big = "x" * 300000  # spans many TLS records
    m.put("big", big)
    m.put_all({i: "v%d" % i for i in range(200)})
    assert m.get("big") == big
    assert m.get(7) == "v7"
    return m


def _tls_version(client):
    connections = client.connection_manager.active_connections()
    assert connections
    return {c._sock.version() for c in connections}


@pytest.mark.parametrize("smart_routing", [True, False], ids=["smart", "unisocket"])
def test_map_over_tls(cluster, certs, tunnel, smart_routing):
    t = tunnel()
    with hazelcast.HazelcastClient(tls_config(cluster, t, certs, smart_routing)) as client:
        _use_map(client)
        assert {c.address for c in client.connection_manager.active_connections()} == {t.address}
        assert _tls_version(client) == {"TLSv1.2"}  # PROTOCOL.TLS, the default, is TLSv1_2


def test_tls13_both_sides(cluster, certs, tunnel):
    t = tunnel(protocol="TLSv1.3")
    with hazelcast.HazelcastClient(tls_config(cluster, t, certs, protocol=PROTOCOL.TLSv1_3)) as client:
        _use_map(client)
        assert _tls_version(client) == {"TLSv1.3"}


def _fails_fast(config, error_type, *fragments):
    start = time.monotonic()
    with pytest.raises(error_type) as info:
        hazelcast.HazelcastClient(config)
    assert time.monotonic() - start < CONNECTION_TIMEOUT
    for fragment in fragments:
        assert fragment in str(info.value)
    return info.value


def test_untrusted_member_certificate(cluster, certs, tunnel):
    t = tunnel()
    _fails_fast(tls_config(cluster, t, certs, cafile=certs.other_ca), HazelcastSSLError,
                t.address_str, "unable to get local issuer certificate", "not signed by a CA the client trusts")


def test_system_cas_do_not_trust_a_private_ca(cluster, certs, tunnel):
    t = tunnel()
    _fails_fast(tls_config(cluster, t, certs, cafile=None), HazelcastSSLError, "local issuer")


def test_expired_member_certificate(cluster, certs, tunnel):
    t = tunnel(cert=certs.expired_cert, key=certs.expired_key)
    _fails_fast(tls_config(cluster, t, certs), HazelcastSSLError, "certificate has expired")


@pytest.mark.parametrize("client_protocol, member_protocol", [
    (PROTOCOL.TLSv1_3, "TLSv1.2"), (PROTOCOL.TLSv1_2, "TLSv1.3")], ids=["client1.3-member1.2", "client1.2-member1.3"])
def test_protocol_mismatch(cluster, certs, tunnel, client_protocol, member_protocol):
    t = tunnel(protocol=member_protocol)
    _fails_fast(tls_config(cluster, t, certs, protocol=client_protocol), HazelcastSSLError,
                "PROTOCOL_VERSION", "SSLConfig.protocol")


def test_tls_client_against_a_plain_member(cluster, certs):
    config = client_config(cluster, connection_attempt_limit=1, connection_timeout=CONNECTION_TIMEOUT)
    config.network_config.ssl_config.enabled = True
    config.network_config.ssl_config.cafile = certs.ca
    _fails_fast(config, HazelcastSSLError, "during the TLS handshake", "does it speak TLS")


def test_cipher_suites(cluster, certs, tunnel):
    t = tunnel(protocol="TLSv1.2", ciphers="ECDHE-ECDSA-AES256-GCM-SHA384")
    config = tls_config(cluster, t, certs, ciphers="ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-SHA")
    with hazelcast.HazelcastClient(config) as client:
        _use_map(client)
        assert {c._sock.cipher()[0] for c in client.connection_manager.active_connections()} == {
            "ECDHE-ECDSA-AES256-GCM-SHA384"}
    _fails_fast(tls_config(cluster, t, certs, ciphers="ECDHE-ECDSA-AES128-GCM-SHA256"), HazelcastSSLError,
                "HANDSHAKE_FAILURE", "SSLConfig.ciphers")


def test_hostname_checking_is_an_option(cluster, certs, tunnel):
    t = tunnel(cert=certs.other_name_cert, key=certs.other_name_key)  # names member.invalid only
    with hazelcast.HazelcastClient(tls_config(cluster, t, certs)) as client:  # default: chain only
        _use_map(client)
    _fails_fast(tls_config(cluster, t, certs, check_hostname=True), HazelcastSSLError,
                "IP address mismatch", "does not name 127.0.0.1")
    t2 = tunnel()  # a certificate for 127.0.0.1 passes the check
    with hazelcast.HazelcastClient(tls_config(cluster, t2, certs, check_hostname=True)) as client:
        _use_map(client)


# --- mutual authentication (manual 6.1.3) ------------------------------------------------

@pytest.mark.parametrize("keys", ["separate", "combined"])
def test_mutual_authentication_with_a_client_certificate(cluster, certs, tunnel, keys):
    t = tunnel(cafile=certs.ca, require_client_cert=True)
    files = dict(certfile=certs.client_cert, keyfile=certs.client_key) if keys == "separate" else dict(
        certfile=certs.client_combined)  # key and certificate in one file: keyfile unset
    with hazelcast.HazelcastClient(tls_config(cluster, t, certs, **files)) as client:
        _use_map(client)


@pytest.mark.parametrize("protocol", [PROTOCOL.TLSv1_2, PROTOCOL.TLSv1_3], ids=["TLSv1_2", "TLSv1_3"])
def test_mutual_authentication_without_a_client_certificate(cluster, certs, tunnel, protocol):
    # TLS 1.2 fails in the handshake; with TLS 1.3 the member's refusal arrives just after it
    t = tunnel(cafile=certs.ca, require_client_cert=True)
    _fails_fast(tls_config(cluster, t, certs, protocol=protocol), HazelcastSSLError,
                "mutual authentication")


def test_mutual_authentication_with_an_untrusted_client_certificate(cluster, certs, tunnel):
    t = tunnel(cafile=certs.ca, require_client_cert=True)
    _fails_fast(tls_config(cluster, t, certs, certfile=certs.untrusted_client_cert,
                           keyfile=certs.untrusted_client_key), HazelcastSSLError, "UNKNOWN_CA")


@pytest.mark.parametrize("password", [KEY_PASSWORD, KEY_PASSWORD.encode(), bytearray(KEY_PASSWORD.encode()),
                                      lambda: KEY_PASSWORD, lambda: KEY_PASSWORD.encode()],
                         ids=["str", "bytes", "bytearray", "function-str", "function-bytes"])
def test_password_protected_key(cluster, certs, tunnel, password):
    t = tunnel(cafile=certs.ca, require_client_cert=True)
    config = tls_config(cluster, t, certs, certfile=certs.client_cert, keyfile=certs.client_key_encrypted,
                        password=password)
    with hazelcast.HazelcastClient(config) as client:
        _use_map(client)


@pytest.mark.parametrize("password, fragment", [
    ("wrong", "encrypted with another password"), (None, "encrypted but no password is set")])
def test_wrong_or_missing_key_password(certs, password, fragment):
    config = hazelcast.ClientConfig()
    ssl_config = config.network_config.ssl_config
    ssl_config.enabled = True
    ssl_config.certfile = certs.client_cert
    ssl_config.keyfile = certs.client_key_encrypted
    ssl_config.password = password
    with pytest.raises(ConfigurationError, match="SSLConfig.*password") as info:
        hazelcast.HazelcastClient(config)
    assert fragment in str(info.value)


# --- configuration checked at start, before connecting ----------------------------------

def _start_error(**ssl_settings):
    config = hazelcast.ClientConfig()
    config.network_config.ssl_config.enabled = True
    for name, value in ssl_settings.items():
        setattr(config.network_config.ssl_config, name, value)
    with pytest.raises(ConfigurationError) as info:
        hazelcast.HazelcastClient(config)
    return str(info.value)


@pytest.mark.parametrize("protocol, name", [(PROTOCOL.SSLv2, "SSLv2"), (PROTOCOL.SSLv3, "SSLv3"),
                                            (PROTOCOL.SSL, "SSLv3")])
def test_protocols_this_openssl_does_not_offer(protocol, name):
    if name == "SSLv3" and ssl.HAS_SSLv3:
        pytest.skip("this OpenSSL still offers SSLv3")
    text = _start_error(protocol=protocol)
    assert "SSLConfig.protocol" in text and "PROTOCOL.%s" % name in text
    assert "PROTOCOL.TLSv1_2" in text  # what is accepted


def test_invalid_cipher_string():
    text = _start_error(ciphers="NO-SUCH-CIPHER")
    assert "SSLConfig.ciphers" in text and "NO-SUCH-CIPHER" in text and "OpenSSL cipher list" in text


def test_missing_files(certs):
    assert "SSLConfig.cafile: no such file '/nonexistent/ca.pem'" in _start_error(cafile="/nonexistent/ca.pem")
    assert "SSLConfig.certfile" in _start_error(certfile="/nonexistent/cert.pem")
    assert "SSLConfig.keyfile: set without certfile" in _start_error(keyfile=certs.client_key)


def test_disabled_ssl_ignores_the_other_settings(cluster):
    config = client_config(cluster)
    config.network_config.ssl_config.cafile = "/nonexistent/ca.pem"  # enabled is False: ignored
    with hazelcast.HazelcastClient(config) as client:
        client.get_map("tls-map").blocking().put(1, 1)


def test_manual_tls_samples_run_as_written(cluster, certs, tunnel):
    blocks = manual.python_blocks("#### 6.1.2. TLS/SSL for Hazelcast Python Clients", "#### 6.1.3.")
    namespace = {}
    for block in blocks:
        exec(compile(textwrap.dedent(block), "<manual 6.1.2>", "exec"), namespace)
    config = namespace["config"]
    assert config.network_config.ssl_config.protocol == PROTOCOL.TLSv1_3
    # The sample's files are placeholders: starting says which one is missing.
    with pytest.raises(ConfigurationError, match="SSLConfig.cafile: no such file '/home/hazelcast/cafile.pem'"):
        hazelcast.HazelcastClient(config)
    # The same settings with real files (the sample's password is the test key's) connect
    # to a member that requires TLS 1.3 and a client certificate.
    source = "\n".join(blocks).replace("/home/hazelcast/cafile.pem", certs.ca).replace(
        "/home/hazelcast/certfile.pem", certs.client_cert).replace(
        "/home/hazelcast/keyfile.pem", certs.client_key_encrypted)
    namespace = {}
    exec(compile(source, "<manual 6.1.2 with test files>", "exec"), namespace)
    config = namespace["config"]
    t = tunnel(cafile=certs.ca, require_client_cert=True, protocol="TLSv1.3")
    config.group_config.name = cluster.group_name
    config.group_config.password = cluster.group_password
    config.network_config.addresses.append(t.address_str)
    with hazelcast.HazelcastClient(config) as client:
        _use_map(client)
        assert _tls_version(client) == {"TLSv1.3"}


def test_many_threads_share_one_tls_connection(cluster, certs, tunnel):
    # Only the reactor thread may touch the SSL object; callers on many threads must still
    # get their own answers, with large and small frames interleaved.
    t = tunnel()
    with hazelcast.HazelcastClient(tls_config(cluster, t, certs)) as client:
        m = client.get_map("tls-threads")
        errors = []

        def work(n):
            try:
                for i in range(150):
                    value = ("%d-%d-" % (n, i)) * (1 + (i % 7) * 2000)
                    m.put("%d-%d" % (n, i), value).result(30)
                    assert m.get("%d-%d" % (n, i)).result(30) == value
            except BaseException as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not errors, errors[:3]
        assert m.size().result(10) == 8 * 150
