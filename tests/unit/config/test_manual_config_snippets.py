"""Every configuration sample of the user manual, run as written.

Only ``hazelcast.HazelcastClient`` is replaced by a stand-in that validates
the config (the real client is tested elsewhere), and file paths of the
logging example point into a temporary folder.
"""
import sys
import textwrap

import pytest

import hazelcast
from hazelcast.config import (
    EVICTION_POLICY, IN_MEMORY_FORMAT, PROTOCOL, ClientConfig, ClientProperties, NearCacheConfig,
)
from hazelcast.logging_config import apply_logger_config, get_logger
from hazelcast.serialization.api import StreamSerializer


class _StandInClient:
    def __init__(self, config=None):
        self.config = config if config is not None else ClientConfig()
        self.config.validate()
        self.logger = apply_logger_config(self.config.logger_config, "hz.client_0",
                                          self.config.group_config.name)
        for listener in self.config.lifecycle_listeners:
            listener("STARTING")

    def shutdown(self):
        for listener in self.config.lifecycle_listeners:
            listener("SHUTDOWN")


@pytest.fixture
def run(monkeypatch, clean_client_logger):
    monkeypatch.setattr(hazelcast, "ClientConfig", ClientConfig, raising=False)
    monkeypatch.setattr(hazelcast, "HazelcastClient", _StandInClient, raising=False)
    # setenv first so that monkeypatch records the variable's state and removes it at
    # teardown: the 1.4.3 sample sets it process-wide, and a bare delenv of an absent
    # variable records nothing, which left every later client of this test process (the
    # integration tests) with a 2 s invocation timeout.
    monkeypatch.setenv(ClientProperties.INVOCATION_TIMEOUT_SECONDS.name, "")
    monkeypatch.delenv(ClientProperties.INVOCATION_TIMEOUT_SECONDS.name)

    def run(snippet, **names):
        namespace = {"hazelcast": hazelcast, "config": ClientConfig()}
        namespace.update(names)
        exec(compile(textwrap.dedent(snippet), "<manual>", "exec"), namespace)
        return namespace
    return run


def test_1_4_2_create_config(run):
    ns = run('''
        import hazelcast

        config = hazelcast.ClientConfig()
        client = hazelcast.HazelcastClient(config)
    ''')
    assert ns["client"].config is ns["config"]


def test_1_4_2_1_group_settings(run):
    ns = run('''
        config = hazelcast.ClientConfig()
        config.group_config.name = "group-name-of-your-cluster"
        config.group_config.password = "group password"
    ''')
    assert ns["config"].group_config.name == "group-name-of-your-cluster"
    assert ns["config"].group_config.password == "group password"


def test_1_4_2_2_network_settings(run):
    ns = run('''
        import hazelcast

        config = hazelcast.ClientConfig()
        config.network_config.addresses.append("IP-address:port")
    ''')
    assert ns["config"].network_config.addresses == ["IP-address:port"]


def test_1_4_3_properties_programmatically(run):
    ns = run('''
        from hazelcast.config import ClientProperties

        # Sets invocation timeout as 2 seconds
        config.set_property(ClientProperties.INVOCATION_TIMEOUT_SECONDS.name, 2)
    ''')
    props = ClientProperties(ns["config"].properties)
    assert props.get_seconds(ClientProperties.INVOCATION_TIMEOUT_SECONDS) == 2.0
    ns = run('''
        # Sets invocation timeout as 2 seconds
        config.set_property("hazelcast.client.invocation.timeout.seconds", 2)
    ''')
    assert ns["config"].get_property("hazelcast.client.invocation.timeout.seconds") == 2


def test_1_4_3_properties_by_environment_variable(run):
    run('''
        import os

        environ = os.environ
        environ[ClientProperties.INVOCATION_TIMEOUT_SECONDS.name] = "2"
    ''', ClientProperties=ClientProperties)
    assert ClientProperties({}).get_seconds(ClientProperties.INVOCATION_TIMEOUT_SECONDS) == 2.0
    # programmatic wins over the environment
    assert ClientProperties({ClientProperties.INVOCATION_TIMEOUT_SECONDS.name: 7}).get_seconds(
        ClientProperties.INVOCATION_TIMEOUT_SECONDS) == 7.0


def test_1_5_basic_usage(run):
    run('''
        import hazelcast

        # We create a config for illustrative purposes.
        # We do not adjust this config. Therefore it has default settings.
        config = hazelcast.ClientConfig() 

        # Client connects to the cluster with the given configuration. 
        client = hazelcast.HazelcastClient(config) 
    ''')


def test_3_1_1_programmatic_configuration(run):
    ns = run('''
        config = hazelcast.ClientConfig()
        config.network_config.addresses.append("127.0.0.1:5701")
        client = hazelcast.HazelcastClient(config)
    ''')
    assert ns["config"].network_config.addresses == ["127.0.0.1:5701"]


class Address:
    pass


class Foo:
    pass


class Musician:
    def __init__(self, name):
        self.name = name


class MusicianSerializer(StreamSerializer):
    pass


class GlobalSerializer(StreamSerializer):
    pass


def test_4_serialization(run):
    ns = run('''
        factory = {1: Address}
        config.serialization_config.data_serializable_factories[1] = factory
        factory = {1: Foo}
        config.serialization_config.data_serializable_factories[1] = factory
        config.serialization_config.set_custom_serializer(Musician, MusicianSerializer)
        config.serialization_config.global_serializer = GlobalSerializer
    ''', Address=Address, Foo=Foo, Musician=Musician, MusicianSerializer=MusicianSerializer,
             GlobalSerializer=GlobalSerializer)
    ser = ns["config"].serialization_config
    assert ser.data_serializable_factories == {1: {1: Foo}}
    assert ser.custom_serializers == {Musician: MusicianSerializer}
    assert ser.global_serializer is GlobalSerializer
    ns["config"].validate()


def test_4_default_integer_type_is_configurable():
    from hazelcast.config import INTEGER_TYPE
    config = ClientConfig()
    assert config.serialization_config.default_integer_type == INTEGER_TYPE.INT
    config.serialization_config.default_integer_type = INTEGER_TYPE.LONG
    assert config.serialization_config.default_integer_type == INTEGER_TYPE.LONG


def test_5_network(run):
    ns = run('''
        config.network_config.addresses.extend(["10.1.1.21""10.1.1.22:5703"])
        config.network_config.smart_routing = True
        config.network_config.redo_operation = True
        config.network_config.connection_timeout = 6.0
        config.network_config.connection_attempt_period = 5.0
        config.network_config.connection_attempt_limit = 5
    ''')
    net = ns["config"].network_config
    assert (net.smart_routing, net.redo_operation, net.connection_timeout,
            net.connection_attempt_period, net.connection_attempt_limit) == (True, True, 6.0, 5.0, 5)
    ns = run('''
        config.network_config.addresses.append("10.1.1.21") # single value
        config.network_config.addresses.extend(["10.1.1.23", "10.1.1.22:5703"]) # multiple values
        config.network_config.smart_routing = True
        config.network_config.redo_operation = True
        config.network_config.connection_timeout = 6.0
        config.network_config.connection_attempt_limit = 5
        config.network_config.connection_attempt_period = 5.0
    ''')
    assert ns["config"].network_config.addresses == ["10.1.1.21", "10.1.1.23", "10.1.1.22:5703"]
    ns["config"].validate()


def test_5_8_cloud(run):
    ns = run('''
        config.group_config.name = "hazel"
        config.group_config.password = "cast"

        config.network_config.ssl_config.enabled = True

        config.network_config.cloud_config.enabled = True
        config.network_config.cloud_config.discovery_token = "dc9220bc5d9"
    ''')
    cloud = ns["config"].network_config.cloud_config
    assert cloud.enabled and cloud.discovery_token == "dc9220bc5d9"
    ns["config"].validate()


def test_6_1_2_ssl(run):
    ns = run('''
        import hazelcast
        from hazelcast.config import PROTOCOL

        config = hazelcast.ClientConfig()
        config.network_config.ssl_config.enabled = True
        config.network_config.ssl_config.cafile = "/home/hazelcast/cafile.pem"
        config.network_config.ssl_config.certfile = "/home/hazelcast/certfile.pem"
        config.network_config.ssl_config.keyfile = "/home/hazelcast/keyfile.pem"
        config.network_config.ssl_config.password = "hazelcast"
        config.network_config.ssl_config.protocol = PROTOCOL.TLSv1_3
        config.network_config.ssl_config.ciphers = "DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA"
    ''')
    ssl = ns["config"].network_config.ssl_config
    assert ssl.enabled and ssl.protocol == PROTOCOL.TLSv1_3 and ssl.password == "hazelcast"
    run('''
        config.network_config.ssl_config.enabled = True
        config.network_config.ssl_config.cafile = "/home/hazelcast/cafile.pem"
        config.network_config.ssl_config.certfile = "/home/hazelcast/certfile.pem"
        config.network_config.ssl_config.keyfile = "/home/hazelcast/keyfile.pem"
        config.network_config.ssl_config.password = "hazelcast"
        config.network_config.ssl_config.ciphers = "DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA"
        from hazelcast.config import PROTOCOL

        config.network_config.ssl_config.protocol = PROTOCOL.TLSv1_3
    ''')
    assert ClientConfig().network_config.ssl_config.protocol == PROTOCOL.TLS  # TLSv1_2 (PROTOCOL_ALIASES)


def test_7_1_overview(run):
    ns = run('''
        import hazelcast

        config = hazelcast.ClientConfig()
        config.group_config.name = "dev"
        config.network_config.addresses.append("10.90.0.1")
        client = hazelcast.HazelcastClient(config)
    ''')
    assert ns["config"].network_config.addresses == ["10.90.0.1"]


def test_7_3_2_retry_pause(run):
    ns = run('''
        config.set_property("hazelcast.client.invocation.retry.pause.millis", 500)
    ''')
    props = ClientProperties(ns["config"].properties)
    assert props.get_seconds(ClientProperties.INVOCATION_RETRY_PAUSE_MILLIS) == 0.5
    assert ClientProperties({}).get_seconds(ClientProperties.INVOCATION_RETRY_PAUSE_MILLIS) == 1.0


def test_7_5_1_2_lifecycle_listener(run, capsys):
    run('''
        config.add_lifecycle_listener(lambda s: print("Lifecycle Event >>> {}".format(s)))

        client = hazelcast.HazelcastClient(config)

        client.shutdown()
    ''')
    assert "Lifecycle Event >>> STARTING" in capsys.readouterr().out


def test_7_8_1_near_cache(run):
    ns = run('''
        from hazelcast.config import NearCacheConfig, IN_MEMORY_FORMAT, EVICTION_POLICY

        near_cache_config = NearCacheConfig("mostly-read-map")
        near_cache_config.invalidate_on_change = False
        near_cache_config.time_to_live_seconds = 600
        near_cache_config.max_idle_seconds = 5
        near_cache_config.in_memory_format = IN_MEMORY_FORMAT.OBJECT
        near_cache_config.eviction_policy = EVICTION_POLICY.LRU
        near_cache_config.eviction_max_size = 100
        near_cache_config.eviction_sampling_count = 8
        near_cache_config.eviction_sampling_pool_size = 16

        config.add_near_cache_config(near_cache_config)
    ''')
    ncc = ns["config"].near_cache_configs["mostly-read-map"]
    assert (ncc.invalidate_on_change, ncc.time_to_live_seconds, ncc.max_idle_seconds, ncc.in_memory_format,
            ncc.eviction_policy, ncc.eviction_max_size) == (False, 600, 5, IN_MEMORY_FORMAT.OBJECT,
                                                            EVICTION_POLICY.LRU, 100)
    ns = run('''
        near_cache_config = NearCacheConfig("mostly-read-map")
        near_cache_config.invalidate_on_change = True
        near_cache_config.in_memory_format = IN_MEMORY_FORMAT.OBJECT
        near_cache_config.eviction_policy = EVICTION_POLICY.LRU
        near_cache_config.eviction_max_size = 5000

        config.add_near_cache_config(near_cache_config)
    ''', NearCacheConfig=NearCacheConfig, IN_MEMORY_FORMAT=IN_MEMORY_FORMAT, EVICTION_POLICY=EVICTION_POLICY)
    assert ns["config"].near_cache_configs["mostly-read-map"].eviction_max_size == 5000
    ns["config"].validate()


def test_7_9_1_statistics(run):
    ns = run('''
        config = hazelcast.ClientConfig()
        config.set_property(ClientProperties.STATISTICS_ENABLED.name, True)
        config.set_property(ClientProperties.STATISTICS_PERIOD_SECONDS.name, 4)
    ''', ClientProperties=ClientProperties)
    props = ClientProperties(ns["config"].properties)
    assert props.get_bool(ClientProperties.STATISTICS_ENABLED) is True
    assert props.get_seconds_positive_or_default(ClientProperties.STATISTICS_PERIOD_SECONDS) == 4.0
    ns["config"].validate()


def test_7_9_2_default_logging(run, capsys):
    ns = run('''
        import hazelcast

        client = hazelcast.HazelcastClient()
        client.shutdown()
    ''')
    ns["client"].logger.info("Client started.")
    err = capsys.readouterr().err
    assert "HazelcastClient\nINFO: [%s] [dev] [hz.client_0] Client started.\n" % hazelcast.__version__ in err


def test_7_9_2_level_turns_logging_off(run, capsys):
    ns = run('''
        config.logger_config.level = 100  # Any value greater than 50 will turn off the logging
        client = hazelcast.HazelcastClient(config)
    ''')
    ns["client"].logger.critical("not shown")
    assert capsys.readouterr().err == ""


CONFIG_JSON = r'''
{
    "version": 1,
    "disable_existing_loggers": false,
    "filters": {
        "version_message_filter": {
            "()": "some_package.log.VersionMessageFilter"
        }
    },
    "formatters": {
        "hazelcast_formatter": {
            "()": "some_package.log.HazelcastFormatter",
            "format": "%(asctime)s %(name)s\n%(levelname)s: %(version_message)s %(message)s",
            "datefmt": "%b %d, %Y %I:%M:%S %p"
        }
    },
    "handlers": {
        "console_handler": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["version_message_filter"],
            "formatter": "hazelcast_formatter"
        }
    },
    "loggers": {
        "HazelcastClient": {
            "handlers": ["console_handler"],
            "level": "INFO"
        }
    }
}
'''

LOG_PY = '''
import logging

from hazelcast.version import CLIENT_VERSION

class VersionMessageFilter(logging.Filter):
    def filter(self, record):
        record.version_message = "[" + CLIENT_VERSION + "]"
        return True
        
class HazelcastFormatter(logging.Formatter):
    def format(self, record):
        client_name = getattr(record, "client_name", None)
        group_name = getattr(record, "group_name", None)
        if client_name and group_name:
            record.msg = "[" + group_name + "] [" + client_name + "] " + record.msg
        return super(HazelcastFormatter, self).format(record)
'''


def test_7_9_2_custom_logging_config_file(run, tmp_path, monkeypatch, capsys):
    package = tmp_path / "some_package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "log.py").write_text(LOG_PY)
    (tmp_path / "config.json").write_text(CONFIG_JSON)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "some_package", raising=False)
    monkeypatch.delitem(sys.modules, "some_package.log", raising=False)

    run('''
        import hazelcast

        config = hazelcast.ClientConfig()
        config.logger_config.config_file = "/home/hazelcast/config.json"

        client = hazelcast.HazelcastClient(config)

        ## Some operations

        client.shutdown()
    '''.replace("/home/hazelcast/config.json", str(tmp_path / "config.json")))
    get_logger("ClusterService", "hz.client_0", "dev").info("Client started.")
    captured = capsys.readouterr()
    expected = "HazelcastClient.ClusterService\nINFO: [%s] [dev] [hz.client_0] Client started.\n" % (
        hazelcast.__version__)
    assert expected in captured.out
    assert captured.err == ""
