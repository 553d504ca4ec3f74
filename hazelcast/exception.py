"""Compatibility path: earlier 3.x Python clients exposed their errors here.

Everything lives in :mod:`hazelcast.errors`; this module re-exports it, plus
the older spellings those clients used.
"""
from hazelcast.errors import *  # noqa: F401,F403
from hazelcast.errors import (HazelcastClientNotActiveError, HazelcastSecurityError, HazelcastSocketError,
                              HazelcastSSLError, HazelcastTimeoutError, IllegalAccessError, IllegalStateError,
                              InterruptedError_)

# 3.12.3's names of the same classes
TimeoutError = HazelcastTimeoutError  # noqa: A001 - the name earlier clients used
HazelcastClientNotActiveException = HazelcastClientNotActiveError
HazelcastCertificationError = HazelcastSSLError  # 3.12.3 raised it for cloud discovery TLS failures
HazelcastIllegalStateError = IllegalStateError
HazelcastInterruptedError = InterruptedError_
IllegalAccessException = IllegalAccessError
SecurityError = HazelcastSecurityError
SocketError = HazelcastSocketError
