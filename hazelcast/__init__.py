"""Hazelcast IMDG 3.x Python client.

    import hazelcast
    client = hazelcast.HazelcastClient(hazelcast.ClientConfig())
"""
from hazelcast.client import HazelcastClient
from hazelcast.config import (ClientConfig, ClientCloudConfig, ClientNetworkConfig, ClientProperties,
                              FlakeIdGeneratorConfig, GroupConfig, LoggerConfig, NearCacheConfig,
                              SerializationConfig, SSLConfig)
from hazelcast.core import HazelcastJsonValue
from hazelcast.lifecycle import LifecycleState
from hazelcast.version import CLIENT_VERSION

__version__ = CLIENT_VERSION

__all__ = [
    "HazelcastClient", "ClientConfig", "ClientCloudConfig", "ClientNetworkConfig", "ClientProperties",
    "FlakeIdGeneratorConfig", "GroupConfig", "LoggerConfig", "NearCacheConfig", "SerializationConfig",
    "SSLConfig", "HazelcastJsonValue", "LifecycleState", "CLIENT_VERSION",
]
