"""Settings of the wrong type are refused when assigned; names the client does not know are
logged with the closest known name (the 3.12.3 client accepted any attribute and property,
so they are not refused)."""
import logging

import pytest

from hazelcast.config import (ClientConfig, ClientNetworkConfig, FlakeIdGeneratorConfig, GroupConfig,
                              NearCacheConfig, SerializationConfig, SSLConfig)
from hazelcast.errors import ConfigurationError
from hazelcast.serialization.api import StreamSerializer


class Widget:
    pass


class WidgetSerializer(StreamSerializer):
    def get_type_id(self):
        return 10

    def write(self, out, obj):
        pass

    def read(self, inp):
        return Widget()


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def at(self, level):
        return [r.getMessage() for r in self.records if r.levelno == level]


@pytest.fixture
def config_log():
    logger = logging.getLogger("HazelcastClient.Config")
    handler = _Records()
    saved_level, saved_disabled = logger.level, logger.disabled
    logger.setLevel(logging.DEBUG)
    logger.disabled = False
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(saved_level)
    logger.disabled = saved_disabled


# --- wrong types at assignment ------------------------------------------------------------

def test_a_single_address_str_is_refused_at_once_with_the_list_to_write():
    network = ClientNetworkConfig()
    with pytest.raises(ConfigurationError) as caught:
        network.addresses = "127.0.0.1:5701"
    assert "ClientNetworkConfig.addresses must be a list of address strings" in str(caught.value)
    assert "['127.0.0.1:5701']" in str(caught.value)
    assert network.addresses == []


@pytest.mark.parametrize("obj,attr,value", [
    (ClientNetworkConfig(), "addresses", None),
    (ClientNetworkConfig(), "addresses", ("127.0.0.1",)),
    (ClientNetworkConfig(), "addresses", ["127.0.0.1", 5701]),
    (ClientNetworkConfig(), "addresses", [""]),
    (ClientNetworkConfig(), "socket_options", [(1, 2)]),
    (ClientNetworkConfig(), "ssl_config", None),
    (ClientNetworkConfig(), "cloud_config", SSLConfig()),
    (ClientNetworkConfig(), "connection_timeout", float("nan")),
    (ClientNetworkConfig(), "connection_timeout", float("inf")),
    (ClientNetworkConfig(), "connection_timeout", True),
    (ClientNetworkConfig(), "connection_attempt_period", -3),
    (NearCacheConfig(), "time_to_live_seconds", float("nan")),
    (NearCacheConfig(), "time_to_live_seconds", float("inf")),
    (NearCacheConfig(), "max_idle_seconds", "5"),
    (NearCacheConfig(), "max_idle_seconds", -0.5),
    (ClientConfig(), "network_config", GroupConfig()),
    (ClientConfig(), "group_config", None),
    (ClientConfig(), "near_cache_configs", [NearCacheConfig()]),
    (ClientConfig(), "near_cache_configs", {"other": NearCacheConfig("m")}),
    (ClientConfig(), "flake_id_generator_configs", {"default": NearCacheConfig()}),
    (ClientConfig(), "lifecycle_listeners", [5]),
    (ClientConfig(), "labels", ["a"]),
    (ClientConfig(), "properties", {5: "x"}),
    (SerializationConfig(), "custom_serializers", {Widget: 5}),
    (SerializationConfig(), "custom_serializers", {"Widget": WidgetSerializer}),
    (SerializationConfig(), "global_serializer", 5),
    (SerializationConfig(), "global_serializer", object()),
    (SerializationConfig(), "data_serializable_factories", {1: [Widget]}),
    (SerializationConfig(), "class_definitions", None),
])
def test_wrong_types_are_refused_at_assignment(obj, attr, value):
    before = getattr(obj, attr)
    with pytest.raises(ConfigurationError) as caught:
        setattr(obj, attr, value)
    assert attr in str(caught.value) and "must be" in str(caught.value)
    assert getattr(obj, attr) is before


def test_good_values_of_the_checked_collections_are_kept():
    config = ClientConfig()
    config.network_config.addresses = ["127.0.0.1:5701", "localhost"]
    config.near_cache_configs = {"m": NearCacheConfig("m")}
    config.serialization_config.custom_serializers = {Widget: WidgetSerializer}
    config.serialization_config.global_serializer = WidgetSerializer()
    config.serialization_config.global_serializer = None
    config.labels = {"a"}
    config.properties = {"hazelcast.client.heartbeat.interval": 1000}
    config.validate()


@pytest.mark.parametrize("serializer", [5, None, "WidgetSerializer", Widget, object()])
def test_set_custom_serializer_refuses_what_is_not_a_serializer_at_once(serializer):
    config = SerializationConfig()
    with pytest.raises(ConfigurationError, match="must be a StreamSerializer class or instance"):
        config.set_custom_serializer(Widget, serializer)
    assert config.custom_serializers == {}


def test_set_custom_serializer_takes_a_class_or_an_instance():
    config = SerializationConfig()
    config.set_custom_serializer(Widget, WidgetSerializer)
    config.set_custom_serializer(Exception, WidgetSerializer())
    assert set(config.custom_serializers) == {Widget, Exception}


def test_in_place_changes_are_checked_again_by_validate():
    config = ClientConfig()
    config.serialization_config.custom_serializers[Widget] = 5
    with pytest.raises(ConfigurationError, match=r"custom_serializers\[Widget\]"):
        config.validate()


# --- unknown names: logged, with the closest known one ------------------------------------

@pytest.mark.parametrize("obj,attr,suggestion", [
    (NearCacheConfig(), "tll_seconds", "time_to_live_seconds"),
    (NearCacheConfig(), "max_idle", "max_idle_seconds"),
    (ClientNetworkConfig(), "smartrouting", "smart_routing"),
    (ClientNetworkConfig(), "address", "addresses"),
    (FlakeIdGeneratorConfig(), "prefetch_counts", "prefetch_count"),
    (ClientConfig(), "near_cache_config", "near_cache_configs"),
])
def test_a_misspelled_setting_is_logged_with_the_closest_setting(config_log, obj, attr, suggestion):
    setattr(obj, attr, 5)
    [message] = config_log.at(logging.WARNING)
    assert "%s has no setting %r (did you mean %r?)" % (type(obj).__name__, attr, suggestion) in message
    assert getattr(obj, attr) == 5  # kept, as the 3.12.3 client kept it


def test_known_settings_and_private_attributes_are_not_logged(config_log):
    near_cache = NearCacheConfig("m")
    near_cache.time_to_live_seconds = 5
    near_cache._private = 1
    ClientConfig().validate()
    assert config_log.records == []


def test_an_unrelated_unknown_setting_is_logged_without_a_suggestion(config_log):
    GroupConfig().colour = "blue"
    [message] = config_log.at(logging.WARNING)
    assert message.startswith("GroupConfig has no setting 'colour'; the value is kept")


def test_a_misspelled_property_is_logged_once_with_the_closest_property(config_log):
    config = ClientConfig()
    config.set_property("hazelcast.client.heartbeat.intervall", 1000)
    config.set_property("hazelcast.client.heartbeat.intervall", 2000)
    config.validate()
    [message] = config_log.at(logging.WARNING)
    assert "'hazelcast.client.heartbeat.intervall' is not a property of this client: did you mean " \
           "'hazelcast.client.heartbeat.interval'?" in message
    assert config.get_property("hazelcast.client.heartbeat.intervall") == 2000


def test_other_unknown_properties_are_logged_at_info_since_they_may_be_meant_for_members(config_log):
    config = ClientConfig()
    config.properties["hazelcast.logging.type"] = "log4j"
    config.set_property("hazelcast.client.statistics.enabled", True)
    config.validate()
    assert config_log.at(logging.WARNING) == []
    [message] = config_log.at(logging.INFO)
    assert "'hazelcast.logging.type' is not a property of this client" in message


@pytest.mark.parametrize("value", ["nan", float("nan"), "inf", float("inf"), -5])
def test_duration_properties_must_be_finite_and_not_negative(value):
    config = ClientConfig()
    config.set_property("hazelcast.client.heartbeat.interval", value)
    with pytest.raises(ConfigurationError, match="property hazelcast.client.heartbeat.interval must be a finite "
                                                 "number >= 0"):
        config.validate()
