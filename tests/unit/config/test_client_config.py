import logging

import pytest

from hazelcast.config import (PROTOCOL_ALIASES,
    EVICTION_POLICY, IN_MEMORY_FORMAT, INTEGER_TYPE, PROTOCOL, ClientCloudConfig, ClientConfig,
    ClientNetworkConfig, ClientProperties, FlakeIdGeneratorConfig, GroupConfig, LoggerConfig, NearCacheConfig,
    SerializationConfig, SSLConfig,
)
from hazelcast.errors import ConfigurationError
from hazelcast.serialization import constants


def test_defaults():
    c = ClientConfig()
    assert (c.group_config.name, c.group_config.password) == ("dev", "dev-pass")
    n = c.network_config
    assert n.addresses == [] and n.socket_options == []
    assert (n.smart_routing, n.redo_operation, n.connection_timeout, n.connection_attempt_limit,
            n.connection_attempt_period) == (True, False, 5.0, 2, 3.0)
    s = n.ssl_config
    assert (s.enabled, s.cafile, s.certfile, s.keyfile, s.password, s.protocol, s.ciphers, s.check_hostname) == (
        False, None, None, None, None, PROTOCOL.TLS, None, False)
    assert (n.cloud_config.enabled, n.cloud_config.discovery_token) == (False, "")
    assert c.near_cache_configs == {} and c.flake_id_generator_configs == {}
    assert c.lifecycle_listeners == [] and c.membership_listeners == []
    assert (c.logger_config.level, c.logger_config.config_file) == (logging.INFO, None)
    assert c.client_name is None and c.labels == set() and c.properties == {}
    c.validate()


def test_serialization_defaults_exactly():
    s = SerializationConfig()
    assert (s.portable_version, s.data_serializable_factories, s.portable_factories, s.class_definitions,
            s.check_class_def_errors, s.is_big_endian, s.default_integer_type, s.custom_serializers,
            s.global_serializer, s.allow_pickle) == (0, {}, {}, set(), True, True, INTEGER_TYPE.INT, {}, None, True)
    assert INTEGER_TYPE is constants.INTEGER_TYPE


def test_instances_do_not_share_state():
    a, b = ClientConfig(), ClientConfig()
    a.network_config.addresses.append("x")
    a.network_config.smart_routing = False
    a.serialization_config.portable_factories[1] = {}
    assert b.network_config.addresses == [] and b.network_config.smart_routing is True
    assert b.serialization_config.portable_factories == {}


def test_constants():
    assert (IN_MEMORY_FORMAT.BINARY, IN_MEMORY_FORMAT.OBJECT) == (0, 1)
    assert (EVICTION_POLICY.NONE, EVICTION_POLICY.LRU, EVICTION_POLICY.LFU, EVICTION_POLICY.RANDOM) == (0, 1, 2, 3)
    # 3.12.3's values: the aliases SSL and TLS have values of their own
    assert (PROTOCOL.SSLv2, PROTOCOL.SSLv3, PROTOCOL.SSL, PROTOCOL.TLSv1, PROTOCOL.TLSv1_1, PROTOCOL.TLSv1_2,
            PROTOCOL.TLSv1_3, PROTOCOL.TLS) == (0, 1, 2, 3, 4, 5, 6, 7)
    assert PROTOCOL_ALIASES == {PROTOCOL.SSL: PROTOCOL.SSLv3, PROTOCOL.TLS: PROTOCOL.TLSv1_2}
    values = [PROTOCOL.SSLv2, PROTOCOL.SSLv3, PROTOCOL.TLSv1, PROTOCOL.TLSv1_1, PROTOCOL.TLSv1_2, PROTOCOL.TLSv1_3]
    assert values == sorted(set(values))


@pytest.mark.parametrize("obj, attr, value", [
    (ClientNetworkConfig(), "smart_routing", 1),
    (ClientNetworkConfig(), "redo_operation", "yes"),
    (ClientNetworkConfig(), "connection_timeout", -1),
    (ClientNetworkConfig(), "connection_timeout", "5"),
    (ClientNetworkConfig(), "connection_attempt_limit", 2.5),
    (ClientNetworkConfig(), "connection_attempt_limit", True),
    (ClientNetworkConfig(), "connection_attempt_period", -0.1),
    (GroupConfig(), "name", None),
    (GroupConfig(), "password", 5),
    (SSLConfig(), "protocol", 42),
    (SSLConfig(), "password", 5),
    (SSLConfig(), "cafile", 1),
    (SSLConfig(), "enabled", None),
    (ClientCloudConfig(), "discovery_token", None),
    (NearCacheConfig(), "in_memory_format", 7),
    (NearCacheConfig(), "in_memory_format", 1.0),
    (NearCacheConfig(), "eviction_policy", "LRU"),
    (NearCacheConfig(), "eviction_max_size", 0),
    (NearCacheConfig(), "eviction_sampling_count", 0),
    (NearCacheConfig(), "eviction_sampling_pool_size", -1),
    (NearCacheConfig(), "time_to_live_seconds", -1),
    (NearCacheConfig(), "max_idle_seconds", "5"),
    (NearCacheConfig(), "invalidate_on_change", None),
    (FlakeIdGeneratorConfig(), "prefetch_count", 0),
    (FlakeIdGeneratorConfig(), "prefetch_count", 100001),
    (FlakeIdGeneratorConfig(), "prefetch_validity_in_millis", -1),
    (SerializationConfig(), "default_integer_type", 9),
    (SerializationConfig(), "portable_version", -1),
    (SerializationConfig(), "is_big_endian", 0),
    (SerializationConfig(), "allow_pickle", None),
    (LoggerConfig(), "level", "LOUD"),
    (LoggerConfig(), "level", 1.5),
    (LoggerConfig(), "config_file", 3),
    (ClientConfig(), "client_name", ""),
])
def test_bad_values_are_refused_on_assignment(obj, attr, value):
    before = getattr(obj, attr)
    with pytest.raises(ConfigurationError) as info:
        setattr(obj, attr, value)
    message = str(info.value)
    assert attr in message and repr(value) in message and "must be" in message
    assert isinstance(info.value, ValueError)
    assert getattr(obj, attr) == before


def test_good_values_are_kept():
    ssl = SSLConfig()
    ssl.password = b"secret"
    ssl.password = lambda: "secret"
    ssl.check_hostname = True
    ncc = NearCacheConfig("m")
    ncc.time_to_live_seconds = 0
    ncc.max_idle_seconds = 1.5
    ncc.time_to_live_seconds = None
    assert ncc.name == "m" and ncc.max_idle_seconds == 1.5
    flake = FlakeIdGeneratorConfig("f")
    flake.prefetch_count = 100000
    flake.prefetch_validity_in_millis = 0
    logger = LoggerConfig()
    logger.level = "debug"
    assert logger.level == logging.DEBUG
    logger.level = 100
    net = ClientNetworkConfig()
    net.connection_timeout = 0
    net.connection_attempt_limit = 0


def test_repr_hides_secrets():
    c = ClientConfig()
    c.network_config.ssl_config.password = "topsecret"
    c.network_config.cloud_config.discovery_token = "tok123"
    text = repr(c)
    assert "topsecret" not in text and "tok123" not in text and "dev-pass" not in text
    assert "smart_routing=True" in text


def test_add_configs_by_name():
    c = ClientConfig()
    near = NearCacheConfig("m")
    flake = FlakeIdGeneratorConfig("f")
    assert c.add_near_cache_config(near) is c
    c.add_flake_id_generator_config(flake)
    assert c.near_cache_configs == {"m": near}
    assert c.get_flake_id_generator_config("f") is flake
    other = c.get_flake_id_generator_config("other")
    assert other.name == "other" and other.prefetch_count == 100
    default = FlakeIdGeneratorConfig()
    c.add_flake_id_generator_config(default)
    assert c.get_flake_id_generator_config("other") is default
    with pytest.raises(ConfigurationError):
        c.add_near_cache_config("m")
    with pytest.raises(ConfigurationError):
        c.add_flake_id_generator_config(near)


def test_listeners():
    c = ClientConfig()
    c.add_lifecycle_listener(print)
    assert c.lifecycle_listeners == [print]
    with pytest.raises(ConfigurationError):
        c.add_lifecycle_listener("not callable")

    def added(m):
        pass
    c.add_membership_listener(member_added=added)
    c.add_membership_listener(None, added, True)

    class Listener:
        def member_added(self, m):
            pass

        def member_removed(self, m):
            pass
    listener = Listener()
    c.add_membership_listener(listener)
    assert c.membership_listeners[0] == (added, None, False)
    assert c.membership_listeners[1] == (None, added, True)
    assert c.membership_listeners[2] == (listener.member_added, listener.member_removed, False)
    with pytest.raises(ConfigurationError):
        c.add_membership_listener()
    with pytest.raises(ConfigurationError):
        c.add_membership_listener(added, fire_for_existing="yes")
    c.validate()


def test_labels_and_client_name():
    c = ClientConfig()
    c.add_label("a")
    c.labels.add("b")
    c.client_name = "my-client"
    c.validate()
    c.labels.add(3)
    with pytest.raises(ConfigurationError):
        c.validate()


def test_set_and_get_property():
    c = ClientConfig()
    assert c.set_property(ClientProperties.HEARTBEAT_TIMEOUT, 1000) is c
    assert c.get_property("hazelcast.client.heartbeat.timeout") == 1000
    assert c.get_property(ClientProperties.HEARTBEAT_TIMEOUT) == 1000
    assert c.get_property("unset") is None
    with pytest.raises(ConfigurationError):
        c.set_property(5, 1)
    with pytest.raises(ConfigurationError):
        c.set_property("x", None)


def _validate_error(mutate):
    c = ClientConfig()
    mutate(c)
    with pytest.raises(ConfigurationError) as info:
        c.validate()
    return str(info.value)


def test_validate_network_lists():
    assert "addresses" in _validate_error(lambda c: c.network_config.addresses.append(5701))
    assert "addresses" in _validate_error(lambda c: c.network_config.addresses.append(""))
    assert "socket_options" in _validate_error(lambda c: c.network_config.socket_options.append((1, 2)))
    c = ClientConfig()
    c.network_config.socket_options.append((6, 1, 1))
    c.network_config.addresses.extend(["localhost", "10.0.0.1:5702", "[::1]:5701"])
    c.validate()


def test_validate_serialization():
    assert "factory id" in _validate_error(
        lambda c: c.serialization_config.data_serializable_factories.__setitem__("1", {}))
    assert "portable_factories" in _validate_error(
        lambda c: c.serialization_config.portable_factories.__setitem__(1, [1]))
    assert "class_id" in _validate_error(
        lambda c: c.serialization_config.portable_factories.__setitem__(1, {"a": dict}))
    assert "custom_serializers" in _validate_error(
        lambda c: c.serialization_config.custom_serializers.__setitem__("str", object))
    s = SerializationConfig()
    s.add_portable_factory(1, {1: dict})
    s.add_data_serializable_factory(2, {3: list})
    s.add_class_definition("cd")
    assert s.portable_factories == {1: {1: dict}} and s.data_serializable_factories == {2: {3: list}}
    assert s.class_definitions == {"cd"}
    with pytest.raises(ConfigurationError):
        s.add_portable_factory(1, {1: 5})
    with pytest.raises(ConfigurationError):
        s.set_custom_serializer("str", object)


def test_validate_near_cache_and_flake_names():
    assert "near_cache_configs" in _validate_error(
        lambda c: c.near_cache_configs.__setitem__("a", NearCacheConfig("b")))
    assert "flake_id_generator_configs" in _validate_error(
        lambda c: c.flake_id_generator_configs.__setitem__("a", NearCacheConfig("a")))


def test_validate_properties(monkeypatch):
    monkeypatch.delenv("hazelcast.client.statistics.enabled", raising=False)
    assert "statistics.enabled" in _validate_error(
        lambda c: c.set_property("hazelcast.client.statistics.enabled", "maybe"))
    assert "invocation.timeout" in _validate_error(
        lambda c: c.set_property("hazelcast.client.invocation.timeout.seconds", "abc"))
    assert "heartbeat" in _validate_error(lambda c: c.set_property("hazelcast.client.heartbeat.interval", -5))
    c = ClientConfig()
    c.set_property("hazelcast.client.statistics.period.seconds", -1)  # means the default
    c.set_property("some.unknown.property", object())
    c.validate()
    monkeypatch.setenv("hazelcast.client.statistics.enabled", "nope")
    with pytest.raises(ConfigurationError):
        ClientConfig().validate()


def test_validate_cloud(monkeypatch):
    monkeypatch.delenv("hazelcast.client.cloud.discovery.token", raising=False)
    assert "discovery_token" in _validate_error(lambda c: setattr(c.network_config.cloud_config, "enabled", True))

    def cloud_and_addresses(c):
        c.network_config.cloud_config.enabled = True
        c.network_config.cloud_config.discovery_token = "t"
        c.network_config.addresses.append("127.0.0.1")
    assert "addresses" in _validate_error(cloud_and_addresses)

    def cloud_twice(c):
        c.network_config.cloud_config.enabled = True
        c.network_config.cloud_config.discovery_token = "t"
        c.set_property(ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN.name, "t2")
    assert "twice" in _validate_error(cloud_twice)
    c = ClientConfig()
    c.set_property(ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN.name, "t2")
    c.validate()


def test_3_12_3_config_names():
    import socket

    from hazelcast import config as config_module
    config = ClientConfig()
    config.network_config.socket_options.append(
        config_module.SocketOption(socket.SOL_SOCKET, socket.SO_SNDBUF, 32768))
    config.set_property(key="hazelcast.client.heartbeat.interval", value=1000)
    assert config.get_property_or_default("hazelcast.client.heartbeat.interval", 5) == 1000
    assert config.get_property_or_default("hazelcast.client.heartbeat.timeout", 5) == 5
    assert config.get_properties() == {"hazelcast.client.heartbeat.interval": 1000}
    config.add_flake_id_generator_config(flake_id_generator_config=FlakeIdGeneratorConfig("ids"))
    config.load_balancer = object()  # 3.12.3 code sets it; 3.12.3 never read it either
    config.validate()
    assert (config_module.DEFAULT_GROUP_NAME, config_module.DEFAULT_GROUP_PASSWORD) == ("dev", "dev-pass")
    assert (config_module.DEFAULT_MAX_ENTRY_COUNT, config_module.DEFAULT_SAMPLING_COUNT,
            config_module.DEFAULT_SAMPLING_POOL_SIZE, config_module.MAXIMUM_PREFETCH_COUNT) == (10000, 8, 16, 100000)
    assert ClientProperties({"x": "y"}).get(property=config_module.ClientProperty("x")) == "y"
