"""Client statistics (manual 7.9.1), checked on the member that received them.

The member side is com.hzpy.test.statistics.ClientStatisticsReader: an entry
processor that returns what the member's ClientEngine holds as this client's
statistics (the text of the last Client.statistics request), by client uuid.
"""
import os
import textwrap
import time

import pytest

import hazelcast
from hazelcast import statistics
from hazelcast.config import ClientProperties, NearCacheConfig
from hazelcast.serialization.api import IdentifiedDataSerializable
from hazelcast.version import CLIENT_TYPE, CLIENT_VERSION
from tests.integration.client_helpers import client_config, wait_until
from tests.support import manual
from tests.support.cluster import Cluster, hz_version

FACTORY_ID = 2010


class ClientStatisticsReader(IdentifiedDataSerializable):
    """Python twin of com.hzpy.test.statistics.ClientStatisticsReader."""

    def __init__(self, client_uuid=None):
        self.client_uuid = client_uuid

    def write_data(self, out):
        out.write_utf(self.client_uuid)

    def read_data(self, inp):
        self.client_uuid = inp.read_utf()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


@pytest.fixture(scope="module")
def stats_cluster(cluster):
    # asks for `cluster` first: that fixture skips (or fails) when members cannot run here
    if tuple(int(part) for part in hz_version().split(".")[:2]) < (3, 9):
        pytest.skip("members before 3.9 keep no client statistics (HZ_VERSION=%s)" % hz_version())
    members = Cluster(size=1, name="statistics",
                      data_serializable_factories={FACTORY_ID: "com.hzpy.test.statistics.StatisticsFactory"},
                      properties={"hazelcast.client.statistics.enabled": "true"})
    yield members
    members.shutdown()


def _stats_config(cluster, period=1, **properties):
    config = client_config(cluster)
    config.set_property(ClientProperties.STATISTICS_ENABLED.name, True)
    config.set_property(ClientProperties.STATISTICS_PERIOD_SECONDS.name, period)
    for name, value in properties.items():
        config.set_property(name, value)
    return config


def member_side_stats(client):
    """The statistics text the member holds for ``client`` (None if none), parsed into a dict."""
    probe = client.get_map("statistics-probe").blocking()
    text = probe.execute_on_key("probe", ClientStatisticsReader(client.connection_manager.client_uuid))
    if text is None:
        return None
    return dict(_split_unescaped(pair, "=", 1) for pair in _split_unescaped(text, ","))


def _split_unescaped(text, separator, limit=-1):
    """Split on ``separator`` not preceded by a backslash (the 3.x statistics escaping)."""
    parts, current, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == separator and (limit < 0 or len(parts) < limit):
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def _next_stats(client, previous=None, timeout=10):
    """Member-side stats newer than ``previous`` (a parsed dict)."""
    def newer():
        stats = member_side_stats(client)
        if stats is None:
            return None
        if previous is not None and stats["lastStatisticsCollectionTime"] == previous["lastStatisticsCollectionTime"]:
            return None
        return stats
    return wait_until(newer, timeout=timeout, interval=0.2, message="statistics on the member")


def test_member_receives_the_client_statistics_periodically(stats_cluster):
    client = hazelcast.HazelcastClient(_stats_config(stats_cluster, period=1))
    try:
        first = _next_stats(client)
        second = _next_stats(client, first)  # a later collection: sent periodically
        owner = client.connection_manager.owner_connection
        assert second["clientType"] == CLIENT_TYPE
        assert second["clientVersion"] == CLIENT_VERSION
        assert second["clientName"] == client.name
        assert second["enterprise"] == "false"
        assert second["credentials.principal"] == stats_cluster.group_name
        assert second["clientAddress"] == "%s:%d" % owner.local_address
        assert int(second["clusterConnectionTimestamp"]) == int(owner.start_time * 1000)
        first_time = int(first["lastStatisticsCollectionTime"])
        second_time = int(second["lastStatisticsCollectionTime"])
        assert 500 <= second_time - first_time <= 5000
        assert abs(time.time() * 1000 - second_time) < 15000
        if statistics.psutil is not None:
            assert int(second["runtime.availableProcessors"]) == os.cpu_count()
            for key in ("os.committedVirtualMemorySize", "os.processCpuTime", "os.totalPhysicalMemorySize",
                        "runtime.uptime", "runtime.usedMemory"):
                assert int(second[key]) > 0, key
            assert float(second["os.systemLoadAverage"]) >= 0
    finally:
        client.shutdown()


def test_without_psutil_only_client_statistics_are_sent(stats_cluster, monkeypatch):
    monkeypatch.setattr(statistics, "psutil", None)  # as if the [stats] extra were not installed
    client = hazelcast.HazelcastClient(_stats_config(stats_cluster))
    try:
        stats = _next_stats(client)
        assert stats["clientName"] == client.name
        assert not [key for key in stats if key.startswith(("os.", "runtime."))]
    finally:
        client.shutdown()


def test_near_cache_statistics_reach_the_member(stats_cluster):
    pytest.importorskip("hazelcast.near_cache", reason="the Near Cache is not in this build")
    config = _stats_config(stats_cluster)
    map_name = "stats.near,cached"  # '.' and ',' are escaped in the statistics keys
    config.add_near_cache_config(NearCacheConfig(map_name))
    client = hazelcast.HazelcastClient(config)
    try:
        cached = client.get_map(map_name).blocking()
        cached.put("key", "value")
        assert cached.get("key") == "value"  # miss, then cached
        assert cached.get("key") == "value"  # hit
        assert cached.get("key") == "value"  # hit
        prefix = "nc.stats\\.near\\,cached."

        def counted():
            stats = member_side_stats(client)
            return stats if stats and stats.get(prefix + "hits") == "2" else None
        stats = wait_until(counted, timeout=10, interval=0.2, message="near cache hits on the member")
        assert stats[prefix + "misses"] == "1"
        assert stats[prefix + "ownedEntryCount"] == "1"
        assert int(stats[prefix + "creationTime"]) > 0
        for key in ("evictions", "expirations", "invalidations", "invalidationRequests",
                    "ownedEntryMemoryCost", "lastPersistenceTime"):
            assert prefix + key in stats
    finally:
        client.shutdown()


def test_statistics_are_off_by_default(stats_cluster):
    client = hazelcast.HazelcastClient(client_config(stats_cluster))
    try:
        time.sleep(0.5)
        assert member_side_stats(client) is None
    finally:
        client.shutdown()


def test_manual_statistics_sample_runs_as_written(stats_cluster):
    block, = manual.python_blocks("### 7.9.1. Enabling Client Statistics", "### 7.9.2")
    namespace = {"hazelcast": hazelcast, "ClientProperties": ClientProperties}
    exec(compile(textwrap.dedent(block), "<manual 7.9.1>", "exec"), namespace)
    config = namespace["config"]
    config.network_config.addresses.append(stats_cluster.members[0].address_str)
    client = hazelcast.HazelcastClient(config)
    try:
        assert client._statistics.period == 4
        assert _next_stats(client)["clientName"] == client.name  # the first goes at start
    finally:
        client.shutdown()


def test_a_non_positive_period_means_the_default(stats_cluster, caplog):
    client = hazelcast.HazelcastClient(_stats_config(stats_cluster, period=0))
    try:
        assert client._statistics.period == 3
        assert "cannot be less than or equal to 0" in caplog.text
        assert _next_stats(client)["clientName"] == client.name
    finally:
        client.shutdown()


def test_escape():
    assert statistics.escape("plain-name_1") == "plain-name_1"
    assert statistics.escape("a.b,c=d\\e") == "a\\.b\\,c\\=d\\\\e"
