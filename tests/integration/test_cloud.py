"""Hazelcast Cloud discovery (manual 5.8) against a local HTTPS discovery endpoint.

The endpoint (an http.server with TLS on loopback, certificate from
tests/support/tls.py) answers like the cloud coordinator: the private address
of each real member and, as its public address, a stunnel TLS endpoint in front
of it. The client must find the members through it, reach every member (and
partition owner) only at the public addresses, and ask again when it meets an
unknown member or reconnects.
"""
import json
import ssl
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

import hazelcast
from hazelcast.config import ClientProperties
from hazelcast.errors import ConfigurationError, HazelcastSSLError, IllegalStateError
from hazelcast.lifecycle import LifecycleState
from hazelcast.network.cloud import CloudDiscoveryError, discovery_url, parse_response
from tests.integration.client_helpers import wait_until
from tests.integration.test_tls import _require
from tests.support import manual
from tests.support.stunnel import Stunnel, stunnel_missing
from tests.support.tls import certificates, openssl_missing

TOKEN = "dc9220bc5d9"  # the manual's sample token


class DiscoveryEndpoint:
    """A fake cloud coordinator on https://127.0.0.1:<port> answering from ``entries``."""

    def __init__(self, certs):
        self.entries = []
        self.requests = []  # (path, token) of every request
        self.status = 200
        self.body = None  # overrides the JSON of entries
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                endpoint.requests.append((url.path, parse_qs(url.query).get("token", [None])[0]))
                body = endpoint.body if endpoint.body is not None else json.dumps(endpoint.entries)
                payload = body.encode()
                self.send_response(endpoint.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certs.server_cert, certs.server_key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = "https://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-cloud", daemon=True)
        self.thread.start()

    def publish(self, pairs):
        """``[(private (host, port), public (host, port))]`` become the answer."""
        self.entries = [{"private-address": "%s:%d" % private, "public-address": "%s:%d" % public}
                        for private, public in pairs]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def certs():
    _require(openssl_missing())
    return certificates()


@pytest.fixture
def discovery(certs):
    endpoint = DiscoveryEndpoint(certs)
    yield endpoint
    endpoint.stop()


@pytest.fixture
def tunnels(certs):
    _require(stunnel_missing())
    started = []

    def start(member):
        t = Stunnel(member.address, certs.server_cert, certs.server_key).start()
        started.append(t)
        return t

    yield start
    for t in started:
        t.stop()


def manual_cloud_config(discovery, certs):
    """The manual's 5.8 sample as written, plus what a test needs: trust in the test CA
    (members and endpoint) and the endpoint's URL instead of the real coordinator."""
    block, = manual.python_blocks("## 5.8. Enabling Hazelcast Cloud Discovery", "# 6. Securing")
    config = hazelcast.ClientConfig()
    exec(compile(textwrap.dedent(block), "<manual 5.8>", "exec"), {"config": config})
    config.network_config.ssl_config.cafile = certs.ca
    config.set_property(ClientProperties.CLOUD_URL_BASE.name, discovery.url)
    config.network_config.connection_attempt_limit = 1
    return config


def _connection_to(client, address):
    for connection in client.connection_manager.active_connections():
        if connection.address == address:
            return connection
    return None


def test_cloud_discovery_reaches_members_only_at_their_public_tls_addresses(
        cluster_factory, discovery, tunnels, certs):
    members = cluster_factory(1, group_name="hazel", group_password="cast")  # the sample's group
    first = members.members[0]
    first_tunnel = tunnels(first)
    discovery.publish([(first.address, first_tunnel.address)])
    client = hazelcast.HazelcastClient(manual_cloud_config(discovery, certs))
    states = []
    client.lifecycle.add_listener(states.append)
    try:
        assert discovery.requests[0] == ("/cluster/discovery", TOKEN)
        data = client.get_map("cloud-map").blocking()
        data.put("a", 1)
        assert data.get("a") == 1
        assert {c.address for c in client.connection_manager.active_connections()} == {first_tunnel.address}

        # A member joins: the cloud lists it; the client meets its private address in the
        # member list, asks the cloud again and connects to its public (TLS) address.
        second = members.add_member()
        second_tunnel = tunnels(second)
        discovery.publish([(first.address, first_tunnel.address), (second.address, second_tunnel.address)])
        wait_until(lambda: _connection_to(client, second_tunnel.address) is not None, timeout=30,
                   message="a connection to the new member's public address")
        assert {c.address for c in client.connection_manager.active_connections()} == {
            first_tunnel.address, second_tunnel.address}

        # Partition owners are reached at their public addresses too.
        client.cluster.refresh_partitions().result(10)
        to_second = _connection_to(client, second_tunnel.address)
        owned_by_second = next(key for key in ("key-%d" % i for i in range(1000))
                               if client.partition_service.get_partition_owner(
                                   client.partition_service.get_partition_id(
                                       client.serialization_service.to_data(key))) == second.address)
        before = to_second.sent_frames
        data.put(owned_by_second, "routed")
        assert to_second.sent_frames > before
        assert data.get(owned_by_second) == "routed"

        # Reconnecting asks the cloud again.
        asked = len(discovery.requests)
        client.connection_manager.owner_connection.close("test closes the owner connection", None)
        wait_until(lambda: states[-1:] == [LifecycleState.CONNECTED] and client.connection_manager.owner_connection,
                   timeout=30, message="reconnected")
        assert len(discovery.requests) > asked
        assert data.get("a") == 1
    finally:
        client.shutdown()


def test_unreachable_member_list_fails_with_the_coordinator_answer(discovery, certs):
    discovery.status = 401
    discovery.body = '{"message": "Invalid token"}'
    with pytest.raises(IllegalStateError) as info:
        hazelcast.HazelcastClient(manual_cloud_config(discovery, certs))
    assert "HTTP 401" in str(info.value) and "Invalid token" in str(info.value)
    assert TOKEN not in str(info.value)  # the token is a secret: not in messages


def test_untrusted_coordinator_certificate_fails_with_ssl_error(discovery, certs):
    config = manual_cloud_config(discovery, certs)
    config.network_config.ssl_config.cafile = certs.other_ca
    with pytest.raises(HazelcastSSLError, match="cloud discovery.*certificate verify failed"):
        hazelcast.HazelcastClient(config)


def test_token_with_explicit_addresses_is_rejected():
    config = hazelcast.ClientConfig()
    config.network_config.cloud_config.enabled = True
    config.network_config.cloud_config.discovery_token = TOKEN
    config.network_config.addresses.append("127.0.0.1:5701")
    with pytest.raises(ConfigurationError, match="addresses must be empty when Hazelcast Cloud discovery"):
        hazelcast.HazelcastClient(config)

    config = hazelcast.ClientConfig()
    config.set_property(ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN.name, TOKEN)
    config.network_config.addresses.append("127.0.0.1:5701")
    with pytest.raises(ConfigurationError, match="addresses must be empty"):
        hazelcast.HazelcastClient(config)


def test_token_twice_or_missing_is_rejected():
    config = hazelcast.ClientConfig()
    config.network_config.cloud_config.enabled = True
    config.network_config.cloud_config.discovery_token = TOKEN
    config.set_property(ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN.name, TOKEN)
    with pytest.raises(ConfigurationError, match="configured twice"):
        hazelcast.HazelcastClient(config)
    config = hazelcast.ClientConfig()
    config.network_config.cloud_config.enabled = True
    with pytest.raises(ConfigurationError, match="discovery_token is empty"):
        hazelcast.HazelcastClient(config)


def test_response_format():
    table = parse_response('[{"private-address": "10.0.0.1", "public-address": "54.1.2.3:32298"},'
                           ' {"private-address": "10.0.0.2:5702", "public-address": "[::1]:5701"}]')
    assert table == {("10.0.0.1", 32298): ("54.1.2.3", 32298), ("10.0.0.2", 5702): ("::1", 5701)}
    assert parse_response("[]") == {}
    with pytest.raises(CloudDiscoveryError, match="invalid JSON"):
        parse_response("<html>")
    with pytest.raises(CloudDiscoveryError, match="public-address"):
        parse_response('[{"private-address": "10.0.0.1"}]')
    assert discovery_url("https://coordinator.hazelcast.cloud/", "a b") == \
        "https://coordinator.hazelcast.cloud/cluster/discovery?token=a%20b"
