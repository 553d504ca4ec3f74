"""Whether a failed invocation is tried again: the retry rules as one small value object.

The invocation service asks :meth:`RetryPolicy.should_retry` each time an attempt
fails; the answer depends only on the arguments, so the rules are tested as a table
(tests/unit/test_retry_policy.py). The pause between attempts and the deadline are
the invocation service's, not this module's.
"""
import enum
from dataclasses import dataclass

from hazelcast.errors import (
    ClientOfflineError,
    HazelcastInstanceNotActiveError,
    RetryableHazelcastError,
    TargetDisconnectedError,
    TargetNotReplicaError,
)

__all__ = ["Binding", "RetryPolicy"]


class Binding(enum.Enum):
    """Where a request must be sent, as far as retrying it is concerned."""

    ANY = "any"
    """A partition owner or any member: another attempt may go wherever the routing sends it."""
    MEMBER = "member"
    """One chosen member that is still in the member list."""
    GONE_MEMBER = "gone_member"
    """One chosen member that is no longer in the member list."""
    CONNECTION = "connection"
    """One connection: authentication, ping, a listener registration on that connection."""


# the member says the operation did not run (or there was no connection to run it on)
_DID_NOT_RUN = (RetryableHazelcastError, HazelcastInstanceNotActiveError, ClientOfflineError)
# the connection is gone: a request written to it may or may not have run. HazelcastTimeoutError
# (a TimeoutError) is an OSError too, so a member's OPERATION_TIMEOUT answer is decided here.
_CONNECTION_LOST = (TargetDisconnectedError, OSError)


@dataclass(frozen=True)
class RetryPolicy:
    """The client's retry rules; ``redo_operation`` is the network config's setting of that name.

    Rules, in order:

    1. A request bound to one connection is never retried (another connection is another
       session: the caller starts over).
    2. A request for one chosen member is not retried when that member has left the
       cluster or answered ``TargetNotReplicaError``: retrying there cannot help, the
       caller chooses another member.
    3. An error saying the operation did not run (``RetryableHazelcastError`` and its
       kind, ``HazelcastInstanceNotActiveError``, ``ClientOfflineError``) is retried.
    4. A request that was never written is retried when its connection was lost
       (``TargetDisconnectedError`` or any ``OSError``; ``HazelcastTimeoutError`` is one).
    5. A written request whose connection was lost is retried only when running it twice
       is harmless (``retryable``: read-only or idempotent) or ``redo_operation`` is set.
    6. Anything else fails.
    """

    redo_operation: bool = False

    def should_retry(self, binding: Binding, retryable: bool, error: BaseException, sent: bool) -> bool:
        """True to try the request again, False to fail its future with ``error``.

        ``retryable``: the request's codec says running it twice is harmless;
        ``sent``: the request was written to a connection before ``error``.
        """
        if binding is Binding.CONNECTION:
            return False
        if binding is Binding.GONE_MEMBER or (binding is Binding.MEMBER
                                               and isinstance(error, TargetNotReplicaError)):
            return False
        if isinstance(error, _DID_NOT_RUN):
            return True
        if not isinstance(error, _CONNECTION_LOST):
            return False
        return not sent or retryable or self.redo_operation
