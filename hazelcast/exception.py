"""Compatibility path: earlier 3.x Python clients exposed their errors here.

Everything lives in :mod:`hazelcast.errors`; this module re-exports it, plus
the older spellings those clients used.
"""
from hazelcast.errors import *  # noqa: F401,F403
from hazelcast.errors import HazelcastClientNotActiveError, HazelcastTimeoutError

TimeoutError = HazelcastTimeoutError  # noqa: A001 - the name earlier clients used
HazelcastClientNotActiveException = HazelcastClientNotActiveError
