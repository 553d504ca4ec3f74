"""Fixtures and helpers of the Queue/Set/List/MultiMap/ReplicatedMap tests."""
import pytest

import hazelcast
from tests.integration.client_helpers import client_config
from tests.integration.test_map_helpers import run_example, run_sample  # noqa: F401 (re-exported)
from tests.support import manual


@pytest.fixture(scope="module")
def client(cluster):
    """One client of the session member for a test module."""
    client = hazelcast.HazelcastClient(client_config(cluster))
    yield client
    client.shutdown()


def run_manual_sample(client, heading: str, next_heading: str) -> str:
    """Run the one python block of the manual between two headings with ``client``; what it printed."""
    [sample] = manual.python_blocks(heading, next_heading)
    return run_sample(sample, {"client": client}, heading)


def owner_member(client, members, key):
    """The harness member that owns the partition of ``key``."""
    partitions = client.partition_service
    client.cluster.refresh_partitions().result(10)
    partition_id = partitions.get_partition_id(client.serialization_service.to_data(key))
    owner = partitions.get_partition_owner(partition_id)
    return next(m for m in members.members if m.address == owner)
