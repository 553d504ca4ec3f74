"""The client against older 3.x members (protocol 1.0-1.7), on top of the suite's default.

``run-tests.sh`` fetches the jars of ``HZ_OLDER_VERSIONS`` (default 3.6.8 and 3.9.4); a
version whose jar is missing is skipped with that reason. Members before 3.12 send no
partition count at authentication and, on a new cluster, an empty partition table at first;
members before 3.9 need the uuids of an earlier owner on reconnect.
"""
import os
import time

import pytest

import hazelcast
from tests.integration.client_helpers import client_config, wait_until
from tests.support.cluster import Cluster, jar_path

VERSIONS = os.environ.get("HZ_OLDER_VERSIONS", "3.6.8 3.9.4").split()


@pytest.fixture(params=VERSIONS)
def old_cluster(request, cluster):  # `cluster` only for its check that members can start
    version = request.param
    if not os.path.isfile(jar_path(version)):
        pytest.skip("no %s member jar (run-tests.sh fetches HZ_OLDER_VERSIONS)" % version)
    members = Cluster(size=2, version=version, name="old-" + version)
    yield members
    members.shutdown()


def test_map_listener_and_owner_loss_on_an_older_member(old_cluster):
    states, events = [], []
    config = client_config(old_cluster, connection_attempt_limit=10, connection_attempt_period=1.0)
    config.add_lifecycle_listener(states.append)
    client = hazelcast.HazelcastClient(config)
    try:
        test_map = client.get_map("old-map").blocking()
        test_map.put_all({i: "v%d" % i for i in range(100)})  # keys of every partition, at once
        assert test_map.size() == 100 and test_map.get(42) == "v42"
        assert client.partition_service.get_partition_count() == 271
        test_map.add_entry_listener(include_value=True, added_func=events.append)
        owner = client.connection_manager.owner_connection.member_address
        victim = next(m for m in old_cluster.members if m.address == (owner.host, owner.port))
        victim.terminate()
        wait_until(lambda: states[-1:] == ["CONNECTED"] and "DISCONNECTED" in states, timeout=60,
                   message="DISCONNECTED then CONNECTED")
        test_map.put("after", "reconnect")
        wait_until(lambda: any(e.key == "after" for e in events), timeout=30,
                   message="an entry event after the owner member died")
        assert test_map.get("after") == "reconnect"
    finally:
        started = time.monotonic()
        client.shutdown()
        assert time.monotonic() - started < 5
