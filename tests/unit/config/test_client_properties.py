import pytest

from hazelcast.config import ClientProperties, ClientProperty, TimeUnit
from hazelcast.errors import ConfigurationError

P = ClientProperties


@pytest.mark.parametrize("prop, name, default, unit", [
    (P.HEARTBEAT_INTERVAL, "hazelcast.client.heartbeat.interval", 5000, TimeUnit.MILLISECOND),
    (P.HEARTBEAT_TIMEOUT, "hazelcast.client.heartbeat.timeout", 60000, TimeUnit.MILLISECOND),
    (P.INVOCATION_TIMEOUT_SECONDS, "hazelcast.client.invocation.timeout.seconds", 120, TimeUnit.SECOND),
    (P.INVOCATION_RETRY_PAUSE_MILLIS, "hazelcast.client.invocation.retry.pause.millis", 1000, TimeUnit.MILLISECOND),
    (P.STATISTICS_ENABLED, "hazelcast.client.statistics.enabled", False, None),
    (P.STATISTICS_PERIOD_SECONDS, "hazelcast.client.statistics.period.seconds", 3, TimeUnit.SECOND),
    (P.SHUFFLE_MEMBER_LIST, "hazelcast.client.shuffle.member.list", True, None),
    (P.HAZELCAST_CLOUD_DISCOVERY_TOKEN, "hazelcast.client.cloud.discovery.token", "", None),
    (P.CLOUD_URL_BASE, "hazelcast.client.cloud.url", "https://coordinator.hazelcast.cloud", None),
    (P.INVALIDATION_RECONCILIATION_INTERVAL_SECONDS, "hazelcast.invalidation.reconciliation.interval.seconds",
     60, TimeUnit.SECOND),
    (P.MAX_TOLERATED_MISS_COUNT, "hazelcast.invalidation.max.tolerated.miss.count", 10, None),
    (P.MIN_RECONCILIATION_INTERVAL_SECONDS, "hazelcast.invalidation.min.reconciliation.interval.seconds",
     30, TimeUnit.SECOND),
    (P.EVENT_THREAD_COUNT, "hazelcast.client.event.thread.count", 5, None),
])
def test_known_properties(prop, name, default, unit, monkeypatch):
    monkeypatch.delenv(name, raising=False)
    assert (prop.name, prop.default_value, prop.time_unit) == (name, default, unit)
    assert P({}).get(prop) == default
    assert prop in P.all()


def test_aliases_listed_once():
    names = [p.name for p in P.all()]
    assert len(names) == len(set(names))
    assert P.CLOUD_DISCOVERY_TOKEN is P.HAZELCAST_CLOUD_DISCOVERY_TOKEN


def test_precedence(monkeypatch):
    prop = ClientProperty("test.precedence", 1)
    monkeypatch.delenv(prop.name, raising=False)
    assert P({}).get_int(prop) == 1
    monkeypatch.setenv(prop.name, "2")
    assert P({}).get_int(prop) == 2
    assert P({prop.name: 3}).get_int(prop) == 3
    assert P(None).get_int(prop) == 2


def test_bool(monkeypatch):
    prop = ClientProperty("test.bool", False)
    monkeypatch.delenv(prop.name, raising=False)
    assert P({prop.name: True}).get_bool(prop) is True
    assert P({prop.name: "TRUE"}).get_bool(prop) is True
    assert P({prop.name: " false "}).get_bool(prop) is False
    monkeypatch.setenv(prop.name, "true")
    assert P({}).get_bool(prop) is True
    for bad in ("yes", 1):
        with pytest.raises(ConfigurationError) as info:
            P({prop.name: bad}).get_bool(prop)
        assert prop.name in str(info.value)


def test_int_and_float():
    prop = ClientProperty("test.int", 0)
    assert P({prop.name: " 12 "}).get_int(prop) == 12
    assert P({prop.name: "1.5"}).get_float(prop) == 1.5
    with pytest.raises(ConfigurationError):
        P({prop.name: "1.5"}).get_int(prop)
    with pytest.raises(ConfigurationError):
        P({prop.name: True}).get_int(prop)
    with pytest.raises(ConfigurationError):
        P({prop.name: "x"}).get_float(prop)


def test_seconds():
    ms = ClientProperty("test.ms", 5000, TimeUnit.MILLISECOND)
    assert P({}).get_seconds(ms) == 5.0
    assert P({ms.name: "250"}).get_seconds(ms) == 0.25
    assert P({ms.name: 0}).get_seconds_positive_or_default(ms) == 5.0
    assert P({ms.name: -3}).get_seconds_positive_or_default(ms) == 5.0
    assert P({ms.name: 1500}).get_seconds_positive_or_default(ms) == 1.5
    minutes = ClientProperty("test.min", 2, TimeUnit.MINUTE)
    assert P({}).get_seconds(minutes) == 120.0
    with pytest.raises(ConfigurationError):
        P({}).get_seconds(ClientProperty("test.nounit", 1))
