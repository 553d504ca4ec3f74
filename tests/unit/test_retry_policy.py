"""The retry rules as a table: (where the request goes x idempotent x error x sent x redo) -> retry?"""
import itertools
import socket

import pytest

from hazelcast.errors import (
    ClientOfflineError,
    HazelcastClientNotActiveError,
    HazelcastError,
    HazelcastInstanceNotActiveError,
    HazelcastSerializationError,
    HazelcastTimeoutError,
    OperationTimeoutError,
    PartitionMigratingError,
    RetryableHazelcastError,
    TargetDisconnectedError,
    TargetNotMemberError,
    TargetNotReplicaError,
    WrongTargetError,
)
from hazelcast.retry import Binding, RetryPolicy

ANY, MEMBER, GONE, CONNECTION = Binding.ANY, Binding.MEMBER, Binding.GONE_MEMBER, Binding.CONNECTION

# errors by what they say about the operation
DID_NOT_RUN = [RetryableHazelcastError("r"), PartitionMigratingError("m"), WrongTargetError("w"),
               TargetNotMemberError("t"), HazelcastInstanceNotActiveError("i"), ClientOfflineError("o")]
# HazelcastTimeoutError is a TimeoutError, so an OSError: it is decided like a lost connection
# (a member's OPERATION_TIMEOUT answer included), as InvocationService._should_retry does
CONNECTION_LOST = [TargetDisconnectedError("d"), ConnectionResetError(), socket.timeout(), OSError("x"),
                   HazelcastTimeoutError("t"), OperationTimeoutError("o")]
FINAL = [HazelcastError("h"), HazelcastSerializationError("s"), HazelcastClientNotActiveError("c"),
         ValueError("v"), RuntimeError("r"), KeyError("k")]
NOT_REPLICA = TargetNotReplicaError("n")  # did not run; but a chosen member will never serve it
EVERY_ERROR = DID_NOT_RUN + CONNECTION_LOST + FINAL + [NOT_REPLICA]


def _decide(binding, retryable, error, sent, redo):
    return RetryPolicy(redo_operation=redo).should_retry(binding, retryable, error, sent)


BOOLS = (False, True)

# (binding, retryable, error, sent, redo) -> retry; None in a column: every value of it
TABLE = [
    # 1. bound to a connection: never, whatever the error
    (CONNECTION, None, EVERY_ERROR, None, None, False),
    # 2. one member that left, or that says it is no replica: never
    (GONE, None, EVERY_ERROR, None, None, False),
    (MEMBER, None, [NOT_REPLICA], None, None, False),
    # 3. the operation did not run: always (partition/any member, or a member still there)
    (ANY, None, DID_NOT_RUN + [NOT_REPLICA], None, None, True),
    (MEMBER, None, DID_NOT_RUN, None, None, True),
    # 4. never written, connection lost: always
    (ANY, None, CONNECTION_LOST, False, None, True),
    (MEMBER, None, CONNECTION_LOST, False, None, True),
    # 5. written, connection lost: only if idempotent or redo_operation
    (ANY, True, CONNECTION_LOST, True, None, True),
    (ANY, False, CONNECTION_LOST, True, True, True),
    (ANY, False, CONNECTION_LOST, True, False, False),
    (MEMBER, True, CONNECTION_LOST, True, None, True),
    (MEMBER, False, CONNECTION_LOST, True, True, True),
    (MEMBER, False, CONNECTION_LOST, True, False, False),
    # 6. anything else: never, sent or not, redo or not
    (ANY, None, FINAL, None, None, False),
    (MEMBER, None, FINAL, None, None, False),
]


def _expand(row):
    binding, retryable, errors, sent, redo, expected = row
    for r, error, s, d in itertools.product(BOOLS if retryable is None else (retryable,), errors,
                                            BOOLS if sent is None else (sent,),
                                            BOOLS if redo is None else (redo,)):
        yield pytest.param(binding, r, error, s, d, expected,
                           id="%s-retryable=%s-%s-sent=%s-redo=%s" % (binding.name, r, type(error).__name__, s, d))


@pytest.mark.parametrize("binding,retryable,error,sent,redo,expected",
                         [case for row in TABLE for case in _expand(row)])
def test_retry_table(binding, retryable, error, sent, redo, expected):
    assert _decide(binding, retryable, error, sent, redo) is expected


def test_the_table_covers_every_combination():
    """Every (binding, retryable, error kind, sent, redo) is decided by exactly one row."""
    seen = {}
    for row in TABLE:
        for case in _expand(row):
            binding, retryable, error, sent, redo, _ = case.values
            key = (binding, retryable, id(error), sent, redo)
            assert key not in seen, "two rows decide %s" % (case.id,)
            seen[key] = case
    assert len(seen) == len(Binding) * len(BOOLS) * len(EVERY_ERROR) * len(BOOLS) * len(BOOLS)


def test_policy_is_a_frozen_value():
    policy = RetryPolicy(redo_operation=True)
    assert policy == RetryPolicy(redo_operation=True) and policy != RetryPolicy()
    assert hash(policy) == hash(RetryPolicy(redo_operation=True))
    with pytest.raises(AttributeError):
        policy.redo_operation = False  # type: ignore[misc]
    assert RetryPolicy().redo_operation is False
