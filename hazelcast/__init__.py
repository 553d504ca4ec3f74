"""Hazelcast IMDG 3.x Python client."""
from hazelcast.version import CLIENT_VERSION

__version__ = CLIENT_VERSION
