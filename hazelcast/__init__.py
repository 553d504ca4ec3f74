"""Hazelcast IMDG 3.x Python client.

    import hazelcast
    client = hazelcast.HazelcastClient(hazelcast.ClientConfig())
"""
from types import ModuleType

from hazelcast.client import HazelcastClient
from hazelcast.config import (ClientConfig, ClientCloudConfig, ClientNetworkConfig, ClientProperties,
                              FlakeIdGeneratorConfig, GroupConfig, LoggerConfig, NearCacheConfig,
                              SerializationConfig, SSLConfig)
from hazelcast.core import HazelcastJsonValue
from hazelcast.lifecycle import LifecycleState
from hazelcast.version import CLIENT_VERSION, CLIENT_VERSION_INFO
# 3.12.3's package imported its submodules, and code written for it uses them as
# attributes (``hazelcast.exception.HazelcastError`` after a bare ``import hazelcast``);
# ``hazelcast.proxy`` imports its own on first use, and so does ``transaction`` below.
from hazelcast import exception, proxy, serialization, util  # noqa: F401,E402
from hazelcast.util.lazy import lazy_attributes  # noqa: E402

__version__ = CLIENT_VERSION
__version_info__ = CLIENT_VERSION_INFO


def _transaction() -> ModuleType:
    import hazelcast.transaction as module
    return module


__getattr__ = lazy_attributes(__name__, {"transaction": (_transaction, None)})


__all__ = [
    "HazelcastClient", "ClientConfig", "ClientCloudConfig", "ClientNetworkConfig", "ClientProperties",
    "FlakeIdGeneratorConfig", "GroupConfig", "LoggerConfig", "NearCacheConfig", "SerializationConfig",
    "SSLConfig", "HazelcastJsonValue", "LifecycleState", "CLIENT_VERSION",
]
