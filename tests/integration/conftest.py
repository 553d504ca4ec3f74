"""Fixtures that start real members (see tests/support/cluster.py).

* ``cluster``          one member, shared by the whole session (group dev / dev-pass)
* ``member_address``   ``("127.0.0.1", port)`` of that member
* ``cluster_factory``  ``cluster_factory(n, **Cluster kwargs)``: fresh members for one test,
                       killed when the test ends
* ``client_factory``   ``client_factory(config)``: a client, shut down when the test ends

Without java or the member jar these tests are skipped with the reason, unless
``HZ_REQUIRE_MEMBERS=1`` (set by run-tests.sh), where that is an error instead.
"""
import os

import pytest

import hazelcast
from tests.support.cluster import Cluster, missing_requirements


def _requirements_or_skip():
    reason = missing_requirements()
    if reason:
        if os.environ.get("HZ_REQUIRE_MEMBERS") == "1":
            pytest.fail("integration tests need members, but " + reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def cluster():
    _requirements_or_skip()
    c = Cluster(size=1, name="session")
    yield c
    c.shutdown()


@pytest.fixture
def member_address(cluster):
    return cluster.members[0].address


@pytest.fixture
def cluster_factory():
    _requirements_or_skip()
    created = []

    def factory(size=1, **kwargs):
        c = Cluster(**kwargs)
        created.append(c)
        c.start(size)
        return c

    yield factory
    for c in created:
        c.shutdown()


@pytest.fixture
def client_factory():
    clients = []

    def factory(config):
        client = hazelcast.HazelcastClient(config)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.shutdown()


@pytest.fixture(scope="session")
def default_port_cluster():
    """One member on 127.0.0.1:5701, shared by the session: the manual's samples use the
    default config, which connects to localhost:5701-5703. Skips locally when the port is
    taken; under run-tests.sh (HZ_REQUIRE_MEMBERS=1) a taken port is an error."""
    from tests.support.cluster import port_is_free
    _requirements_or_skip()
    if not port_is_free(5701):
        reason = "port 5701 is taken on this machine; the manual's samples need it"
        if os.environ.get("HZ_REQUIRE_MEMBERS") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    c = Cluster(size=1, ports=[5701], name="port5701")
    yield c
    c.shutdown()
