"""Small helpers. ``TimeUnit`` is re-exported here, where 3.12.3 had it."""
from hazelcast.config import TimeUnit

__all__ = ["TimeUnit"]
