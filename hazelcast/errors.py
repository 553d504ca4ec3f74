"""Every exception the client raises.

This module is the bottom layer of the package: it imports nothing of ours.
Errors that a member sends back (protocol error replies) are mapped to these
classes by the single table in :mod:`hazelcast.protocol.error_codes`.

Naming: a Java ``FooException`` is ``FooError`` here. Where a Python built-in
exception means the same thing, the class also derives from it, so that
``except TimeoutError`` or ``except ValueError`` work as a Python user expects.
"""
from typing import List, Optional, Tuple


class HazelcastError(Exception):
    """Base class of every error raised by the client.

    Errors that came from a member carry what the member said:
    ``error_code``, ``server_class_name``, ``server_message``,
    ``server_stack_trace`` (a list of ``(declaring_class, method, file, line)``)
    and, when the member reported one, ``cause_error_code`` and
    ``cause_class_name``. Client-side errors leave them ``None``.
    """

    def __init__(self, message: Optional[str] = None, cause: Optional[BaseException] = None):
        super().__init__(message)
        self.message = message
        self.cause = cause
        self.error_code: Optional[int] = None
        self.server_class_name: Optional[str] = None
        self.server_message: Optional[str] = None
        self.server_stack_trace: List[Tuple[str, str, Optional[str], int]] = []
        self.cause_error_code: Optional[int] = None
        self.cause_class_name: Optional[str] = None
        if cause is not None:
            self.__cause__ = cause

    def __str__(self) -> str:
        text = self.message if self.message is not None else ""
        if self.server_class_name:
            text = "%s: %s" % (self.server_class_name, text) if text else self.server_class_name
        return text


# --- client-side errors ---------------------------------------------------

class ProtocolError(HazelcastError):
    """Malformed bytes on the wire: a frame or field that breaks the protocol."""


class HazelcastClientNotActiveError(HazelcastError, ValueError):
    """The client is shut down (or shutting down) and cannot run the call.

    Also a ``ValueError``, as 3.12.3's ``HazelcastClientNotActiveException`` was."""


class ClientOfflineError(HazelcastError):
    """The client has no connection to the cluster right now."""


class ConfigurationError(HazelcastError, ValueError):
    """A configuration value is invalid."""


class AuthenticationError(HazelcastError):
    """The cluster refused the client's credentials or connection."""


class HazelcastSSLError(HazelcastError):
    """A TLS/SSL connection to a member (or to the cloud discovery service) failed:
    an untrusted or expired certificate, a protocol or cipher that the other
    side does not accept, or a client certificate the member requires."""


class HazelcastTimeoutError(HazelcastError, TimeoutError):
    """An operation did not complete within its time limit."""


class OperationTimeoutError(HazelcastTimeoutError):
    """An invocation ran past the invocation timeout."""


class IllegalStateError(HazelcastError, RuntimeError):
    """The call is not valid in the current state."""


class IllegalArgumentError(HazelcastError, ValueError):
    """An argument is not acceptable."""


class HazelcastSerializationError(HazelcastError):
    """A value could not be serialized or deserialized."""


class NoDataMemberInClusterError(HazelcastError):
    """The cluster has no data member to serve the request."""


# --- errors reported by members (one class per 3.12 error code) ------------

class RetryableHazelcastError(HazelcastError):
    pass


class UndefinedError(HazelcastError):
    """A member error with a code this client does not know."""


class ArrayIndexOutOfBoundsError(HazelcastError, IndexError):
    pass


class ArrayStoreError(HazelcastError):
    pass


class CacheError(HazelcastError):
    pass


class CacheLoaderError(CacheError):
    pass


class CacheNotExistsError(HazelcastError):
    pass


class CacheWriterError(CacheError):
    pass


class CallerNotMemberError(RetryableHazelcastError):
    pass


class CancellationError(HazelcastError):
    pass


class ClassCastError(HazelcastError, TypeError):
    pass


class ClassNotFoundError(HazelcastError):
    pass


class ConcurrentModificationError(HazelcastError):
    pass


class ConfigMismatchError(HazelcastError):
    pass


class DistributedObjectDestroyedError(HazelcastError):
    pass


class DuplicateInstanceNameError(HazelcastError):
    pass


class HazelcastEOFError(HazelcastError, EOFError):
    pass


class EntryProcessorError(HazelcastError):
    pass


class ExecutionError(HazelcastError):
    pass


class HazelcastInstanceNotActiveError(IllegalStateError):
    pass


class HazelcastOverloadError(HazelcastError):
    pass


class HazelcastIOError(HazelcastError, IOError):
    pass


class IllegalAccessError(HazelcastError):
    pass


class IllegalMonitorStateError(HazelcastError):
    pass


class IllegalThreadStateError(IllegalArgumentError):
    pass


class IndexOutOfBoundsError(HazelcastError, IndexError):
    pass


class InterruptedError_(HazelcastError):
    """Java InterruptedException (named so as not to shadow the built-in)."""


class InvalidAddressError(IllegalArgumentError):
    pass


class InvalidConfigurationError(HazelcastError):
    pass


class MemberLeftError(RetryableHazelcastError):
    pass


class NegativeArraySizeError(HazelcastError):
    pass


class NoSuchElementError(HazelcastError):
    pass


class NotSerializableError(HazelcastError):
    pass


class NullPointerError(HazelcastError):
    pass


class PartitionMigratingError(RetryableHazelcastError):
    pass


class QueryError(HazelcastError):
    pass


class QueryResultSizeExceededError(HazelcastError):
    pass


class QuorumError(HazelcastError):
    pass


class ReachedMaxSizeError(HazelcastError):
    pass


class RejectedExecutionError(HazelcastError):
    pass


class RemoteMapReduceError(HazelcastError):
    pass


class ResponseAlreadySentError(HazelcastError):
    pass


class RetryableIOError(RetryableHazelcastError):
    pass


class HazelcastRuntimeError(HazelcastError, RuntimeError):
    pass


class HazelcastSecurityError(HazelcastError):
    pass


class HazelcastSocketError(HazelcastIOError):
    pass


class StaleSequenceError(HazelcastError):
    pass


class TargetDisconnectedError(HazelcastError):
    pass


class TargetNotMemberError(RetryableHazelcastError):
    pass


class TopicOverloadError(HazelcastError):
    pass


class TopologyChangedError(HazelcastError):
    pass


class TransactionError(HazelcastError):
    pass


class TransactionNotActiveError(TransactionError):
    pass


class TransactionTimedOutError(TransactionError):
    pass


class URISyntaxError(HazelcastError):
    pass


class UTFDataFormatError(HazelcastError):
    pass


class UnsupportedOperationError(HazelcastError):
    pass


class WrongTargetError(RetryableHazelcastError):
    pass


class XAError(HazelcastError):
    pass


class AccessControlError(HazelcastSecurityError):
    pass


class LoginError(HazelcastError):
    pass


class UnsupportedCallbackError(HazelcastError):
    pass


class ReplicatedMapCantBeCreatedOnLiteMemberError(HazelcastError):
    pass


class MaxMessageSizeExceededError(HazelcastError):
    """A message is larger than the protocol (or the member) allows."""


class WANReplicationQueueFullError(HazelcastError):
    pass


class HazelcastAssertionError(HazelcastError, AssertionError):
    pass


class OutOfMemoryError(HazelcastError):
    pass


class StackOverflowError(HazelcastError):
    pass


class NativeOutOfMemoryError(HazelcastError):
    pass


class ServiceNotFoundError(HazelcastError):
    pass


class StaleTaskIdError(HazelcastError):
    pass


class DuplicateTaskError(HazelcastError):
    pass


class StaleTaskError(HazelcastError):
    pass


class LocalMemberResetError(HazelcastError):
    pass


class IndeterminateOperationStateError(HazelcastError):
    pass


class NodeIdOutOfRangeError(HazelcastError):
    pass


class TargetNotReplicaError(RetryableHazelcastError):
    pass


class MutationDisallowedError(HazelcastError):
    pass


class ConsistencyLostError(HazelcastError):
    pass


class SessionExpiredError(HazelcastError):
    pass


class WaitKeyCancelledError(HazelcastError):
    pass


class LockAcquireLimitReachedError(HazelcastError):
    pass


class LockOwnershipLostError(IllegalMonitorStateError):
    pass


class CPGroupDestroyedError(HazelcastError):
    pass


class CannotReplicateError(RetryableHazelcastError):
    pass


class LeaderDemotedError(RetryableHazelcastError):
    pass


class StaleAppendRequestError(RetryableHazelcastError):
    pass


class NotLeaderError(RetryableHazelcastError):
    pass


class JetError(HazelcastError):
    """An error code in the Jet range (500-599)."""


class UserError(HazelcastError):
    """An error code in the user range (1000 and up)."""

