"""THE table from protocol error codes to client exception classes, and the
decoder of the error message (type 109) into a typed exception.

Codes 0-97 are those a 3.12 member sends (error-codes-3.12.tsv); 500-599 is the
Jet range (JetError), 1000 and above the user range (UserError); any other
code maps to UndefinedError. The Java class name the member reported is kept
on the exception as ``server_class_name``.
"""
from typing import Dict, Type

from hazelcast import errors
from hazelcast.protocol.codec.responses import decode_exception_response
from hazelcast.protocol.message import ClientMessage

ERROR_MESSAGE_TYPE = 109
JET_RANGE = range(500, 600)
USER_RANGE_START = 1000

ERROR_CLASSES: Dict[int, Type[errors.HazelcastError]] = {
    0: errors.UndefinedError,  # UNDEFINED
    1: errors.ArrayIndexOutOfBoundsError,  # ARRAY_INDEX_OUT_OF_BOUNDS
    2: errors.ArrayStoreError,  # ARRAY_STORE
    3: errors.AuthenticationError,  # AUTHENTICATION
    4: errors.CacheError,  # CACHE
    5: errors.CacheLoaderError,  # CACHE_LOADER
    6: errors.CacheNotExistsError,  # CACHE_NOT_EXISTS
    7: errors.CacheWriterError,  # CACHE_WRITER
    8: errors.CallerNotMemberError,  # CALLER_NOT_MEMBER
    9: errors.CancellationError,  # CANCELLATION
    10: errors.ClassCastError,  # CLASS_CAST
    11: errors.ClassNotFoundError,  # CLASS_NOT_FOUND
    12: errors.ConcurrentModificationError,  # CONCURRENT_MODIFICATION
    13: errors.ConfigMismatchError,  # CONFIG_MISMATCH
    14: errors.ConfigurationError,  # CONFIGURATION
    15: errors.DistributedObjectDestroyedError,  # DISTRIBUTED_OBJECT_DESTROYED
    16: errors.DuplicateInstanceNameError,  # DUPLICATE_INSTANCE_NAME
    17: errors.HazelcastEOFError,  # EOF
    18: errors.EntryProcessorError,  # ENTRY_PROCESSOR
    19: errors.ExecutionError,  # EXECUTION
    20: errors.HazelcastError,  # HAZELCAST
    21: errors.HazelcastInstanceNotActiveError,  # HAZELCAST_INSTANCE_NOT_ACTIVE
    22: errors.HazelcastOverloadError,  # HAZELCAST_OVERLOAD
    23: errors.HazelcastSerializationError,  # HAZELCAST_SERIALIZATION
    24: errors.HazelcastIOError,  # IO
    25: errors.IllegalArgumentError,  # ILLEGAL_ARGUMENT
    26: errors.IllegalAccessError,  # ILLEGAL_ACCESS_EXCEPTION
    27: errors.IllegalAccessError,  # ILLEGAL_ACCESS_ERROR
    28: errors.IllegalMonitorStateError,  # ILLEGAL_MONITOR_STATE
    29: errors.IllegalStateError,  # ILLEGAL_STATE
    30: errors.IllegalThreadStateError,  # ILLEGAL_THREAD_STATE
    31: errors.IndexOutOfBoundsError,  # INDEX_OUT_OF_BOUNDS
    32: errors.InterruptedError_,  # INTERRUPTED
    33: errors.InvalidAddressError,  # INVALID_ADDRESS
    34: errors.InvalidConfigurationError,  # INVALID_CONFIGURATION
    35: errors.MemberLeftError,  # MEMBER_LEFT
    36: errors.NegativeArraySizeError,  # NEGATIVE_ARRAY_SIZE
    37: errors.NoSuchElementError,  # NO_SUCH_ELEMENT
    38: errors.NotSerializableError,  # NOT_SERIALIZABLE
    39: errors.NullPointerError,  # NULL_POINTER
    40: errors.OperationTimeoutError,  # OPERATION_TIMEOUT
    41: errors.PartitionMigratingError,  # PARTITION_MIGRATING
    42: errors.QueryError,  # QUERY
    43: errors.QueryResultSizeExceededError,  # QUERY_RESULT_SIZE_EXCEEDED
    44: errors.QuorumError,  # QUORUM
    45: errors.ReachedMaxSizeError,  # REACHED_MAX_SIZE
    46: errors.RejectedExecutionError,  # REJECTED_EXECUTION
    47: errors.RemoteMapReduceError,  # REMOTE_MAP_REDUCE
    48: errors.ResponseAlreadySentError,  # RESPONSE_ALREADY_SENT
    49: errors.RetryableHazelcastError,  # RETRYABLE_HAZELCAST
    50: errors.RetryableIOError,  # RETRYABLE_IO
    51: errors.HazelcastRuntimeError,  # RUNTIME
    52: errors.HazelcastSecurityError,  # SECURITY
    53: errors.HazelcastSocketError,  # SOCKET
    54: errors.StaleSequenceError,  # STALE_SEQUENCE
    55: errors.TargetDisconnectedError,  # TARGET_DISCONNECTED
    56: errors.TargetNotMemberError,  # TARGET_NOT_MEMBER
    57: errors.HazelcastTimeoutError,  # TIMEOUT
    58: errors.TopicOverloadError,  # TOPIC_OVERLOAD
    59: errors.TopologyChangedError,  # TOPOLOGY_CHANGED
    60: errors.TransactionError,  # TRANSACTION
    61: errors.TransactionNotActiveError,  # TRANSACTION_NOT_ACTIVE
    62: errors.TransactionTimedOutError,  # TRANSACTION_TIMED_OUT
    63: errors.URISyntaxError,  # URI_SYNTAX
    64: errors.UTFDataFormatError,  # UTF_DATA_FORMAT
    65: errors.UnsupportedOperationError,  # UNSUPPORTED_OPERATION
    66: errors.WrongTargetError,  # WRONG_TARGET
    67: errors.XAError,  # XA
    68: errors.AccessControlError,  # ACCESS_CONTROL
    69: errors.LoginError,  # LOGIN
    70: errors.UnsupportedCallbackError,  # UNSUPPORTED_CALLBACK
    71: errors.NoDataMemberInClusterError,  # NO_DATA_MEMBER
    72: errors.ReplicatedMapCantBeCreatedOnLiteMemberError,  # REPLICATED_MAP_CANT_BE_CREATED
    73: errors.MaxMessageSizeExceededError,  # MAX_MESSAGE_SIZE_EXCEEDED
    74: errors.WANReplicationQueueFullError,  # WAN_REPLICATION_QUEUE_FULL
    75: errors.HazelcastAssertionError,  # ASSERTION_ERROR
    76: errors.OutOfMemoryError,  # OUT_OF_MEMORY_ERROR
    77: errors.StackOverflowError,  # STACK_OVERFLOW_ERROR
    78: errors.NativeOutOfMemoryError,  # NATIVE_OUT_OF_MEMORY_ERROR
    79: errors.ServiceNotFoundError,  # SERVICE_NOT_FOUND
    80: errors.StaleTaskIdError,  # STALE_TASK_ID
    81: errors.DuplicateTaskError,  # DUPLICATE_TASK
    82: errors.StaleTaskError,  # STALE_TASK
    83: errors.LocalMemberResetError,  # LOCAL_MEMBER_RESET
    84: errors.IndeterminateOperationStateError,  # INDETERMINATE_OPERATION_STATE
    85: errors.NodeIdOutOfRangeError,  # FLAKE_ID_NODE_ID_OUT_OF_RANGE_EXCEPTION
    86: errors.TargetNotReplicaError,  # TARGET_NOT_REPLICA_EXCEPTION
    87: errors.MutationDisallowedError,  # MUTATION_DISALLOWED_EXCEPTION
    88: errors.ConsistencyLostError,  # CONSISTENCY_LOST_EXCEPTION
    89: errors.SessionExpiredError,  # SESSION_EXPIRED_EXCEPTION
    90: errors.WaitKeyCancelledError,  # WAIT_KEY_CANCELLED_EXCEPTION
    91: errors.LockAcquireLimitReachedError,  # LOCK_ACQUIRE_LIMIT_REACHED_EXCEPTION
    92: errors.LockOwnershipLostError,  # LOCK_OWNERSHIP_LOST_EXCEPTION
    93: errors.CPGroupDestroyedError,  # CP_GROUP_DESTROYED_EXCEPTION
    94: errors.CannotReplicateError,  # CANNOT_REPLICATE_EXCEPTION
    95: errors.LeaderDemotedError,  # LEADER_DEMOTED_EXCEPTION
    96: errors.StaleAppendRequestError,  # STALE_APPEND_REQUEST_EXCEPTION
    97: errors.NotLeaderError,  # NOT_LEADER_EXCEPTION
}


def error_class(code: int) -> Type[errors.HazelcastError]:
    """The exception class for an error code (never raises)."""
    cls = ERROR_CLASSES.get(code)
    if cls is not None:
        return cls
    if code in JET_RANGE:
        return errors.JetError
    if code >= USER_RANGE_START:
        return errors.UserError
    return errors.UndefinedError


def error_from_message(msg: ClientMessage) -> errors.HazelcastError:
    """Decode an error message (type 109) into its typed exception.

    The exception's message is the member's message; ``error_code``,
    ``server_class_name``, ``server_message``, ``server_stack_trace`` (list of
    ``(declaring_class, method, file, line)``), ``cause_error_code`` and
    ``cause_class_name`` carry what the member sent. Malformed bodies raise
    :class:`~hazelcast.errors.ProtocolError`.
    """
    body = decode_exception_response(msg)
    error = error_class(body.error_code)(body.message)
    error.error_code = body.error_code
    error.server_class_name = body.class_name
    error.server_message = body.message
    error.server_stack_trace = [(f.declaring_class, f.method_name, f.file_name, f.line_number)
                                for f in body.stacktrace]
    error.cause_error_code = body.cause_error_code
    error.cause_class_name = body.cause_class_name
    return error
