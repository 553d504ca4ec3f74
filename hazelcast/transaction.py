"""Transactions (manual 7.4.12): ``client.new_transaction()``.

A transaction runs on one member: ``begin()`` picks a connection and asks that
member to create the transaction; every transactional operation, the commit
and the rollback then go over that same connection and are never retried
elsewhere. The member keeps the transaction's changes as a log (and holds
locks on the keys it touched) until ``commit()`` applies them.

A transaction belongs to the thread that began it. Its id and that thread's
id go with every request; using it from another thread raises
``IllegalStateError``, and a thread can have only one active transaction per
client at a time. Transactional proxies block (they return values, not
Futures), since they must run on that thread anyway.

If the connection to the transaction's member closes (the member died, or
the network failed), operations and ``commit()`` raise ``TransactionError``
whose ``cause`` is the ``TargetDisconnectedError``: the member discards an
uncommitted transaction when its client connection closes, so nothing of it
is applied. ``rollback()`` after that succeeds without sending anything.
"""
import logging
import random
import threading
import time
from typing import Any, Dict, Optional, Tuple

from hazelcast.core import Address
from hazelcast.errors import (ClientOfflineError, HazelcastClientNotActiveError, IllegalArgumentError,
                              IllegalStateError, TransactionError, TransactionNotActiveError,
                              TransactionTimedOutError)
from hazelcast.future import check_may_block
from hazelcast.protocol.codec import (transaction_commit_codec, transaction_create_codec,
                                      transaction_rollback_codec)
from hazelcast.proxy.base import ProxyContext, thread_id
from hazelcast.util.duration import to_millis

_logger = logging.getLogger("HazelcastClient.Transaction")

TWO_PHASE = 1
"""Commit prepares on every participant first, then commits (the default)."""
ONE_PHASE = 2
"""Commit in one step: faster, but a failure during commit can leave it partly applied."""

DEFAULT_TIMEOUT = 120.0
DEFAULT_DURABILITY = 1

_TYPE_NAMES = {TWO_PHASE: "TWO_PHASE", ONE_PHASE: "ONE_PHASE"}
_CONNECTION_WAIT_STEP = 0.1


class TransactionState:
    """The states of a :class:`Transaction`, as strings (``transaction.state``)."""

    NO_TXN = "NO_TXN"
    ACTIVE = "ACTIVE"
    COMMITTING = "COMMITTING"
    COMMITTED = "COMMITTED"
    COMMIT_FAILED = "COMMIT_FAILED"
    ROLLING_BACK = "ROLLING_BACK"
    ROLLED_BACK = "ROLLED_BACK"


_ROLLBACK_ALLOWED = (TransactionState.ACTIVE, TransactionState.COMMIT_FAILED)


class TransactionManager:
    """Creates the transactions of one client and knows which thread runs which."""

    def __init__(self, context: ProxyContext):
        self._context = context
        self._local = threading.local()

    def new_transaction(self, timeout: float = DEFAULT_TIMEOUT, durability: int = DEFAULT_DURABILITY,
                        type: int = TWO_PHASE) -> "Transaction":
        """A transaction not yet begun; the arguments are checked here."""
        timeout_millis = to_millis(timeout, "new_transaction: timeout", positive=True)
        if isinstance(durability, bool) or not isinstance(durability, int) or durability < 0:
            raise IllegalArgumentError("durability must be an int >= 0 (how many members keep a backup of "
                                       "the transaction log), got %r" % (durability,))
        if isinstance(type, bool) or type not in _TYPE_NAMES:
            raise IllegalArgumentError("type must be hazelcast.transaction.TWO_PHASE (1) or ONE_PHASE (2), "
                                       "got %r" % (type,))
        return Transaction(self, self._context, timeout_millis, durability, type)

    # --- one active transaction per thread ---------------------------------------------

    def claim_thread(self, transaction: "Transaction") -> None:
        current = getattr(self._local, "transaction", None)
        if current is not None and current is not transaction and current._is_alive():
            raise IllegalStateError(
                "This thread already runs transaction %s; nested transactions are not allowed: commit or "
                "roll it back before beginning another" % current.id)
        self._local.transaction = transaction

    def release_thread(self, transaction: "Transaction") -> None:
        if getattr(self._local, "transaction", None) is transaction:
            self._local.transaction = None

    # --- the connection a transaction runs on ---------------------------------------------

    def connection(self):
        """An authenticated connection: a random member's (smart routing) or the owner's.

        Waits up to the invocation timeout while the client has none (it is reconnecting).
        """
        invocation_service = self._context.invocation_service
        manager = self._context.connection_manager
        lifecycle = self._context.lifecycle
        smart = self._context.config.network_config.smart_routing
        deadline = time.monotonic() + invocation_service.invocation_timeout
        while True:
            if not lifecycle.is_live:
                raise HazelcastClientNotActiveError("The client is shut down: it can't begin a transaction")
            if smart:
                connections = manager.active_connections()
                if connections:
                    return random.choice(connections)
            else:
                owner = manager.owner_connection
                if owner is not None and not owner.closed:
                    return owner
            if time.monotonic() >= deadline:
                raise ClientOfflineError("No connection to the cluster within %.1f s to begin a transaction on"
                                         % invocation_service.invocation_timeout)
            time.sleep(_CONNECTION_WAIT_STEP)


class Transaction:
    """One transaction: ``begin()``, work through ``get_map()`` and friends, then ``commit()``
    or ``rollback()``.

    Also a context manager: ``with client.new_transaction() as t:`` begins it (unless it is
    already active), commits when the block ends normally and rolls back when it raises.
    """

    def __init__(self, manager: TransactionManager, context: ProxyContext, timeout_millis: int,
                 durability: int, transaction_type: int):
        self._manager = manager
        self._context = context
        # what its transactional proxies serialize with
        self.serialization_service = context.serialization_service
        self._timeout_millis = timeout_millis
        self.durability = durability
        self.transaction_type = transaction_type
        self._state = TransactionState.NO_TXN
        self._id: Optional[str] = None
        self._thread_ident: Optional[int] = None
        self._thread_id = 0
        self._connection = None
        self._start = 0.0
        self._objects: Dict[Tuple[str, str], Any] = {}

    # --- read-only facts ------------------------------------------------------------------

    @property
    def id(self) -> Optional[str]:
        """The id the member gave the transaction (None until it has begun)."""
        return self._id

    @property
    def state(self) -> str:
        """One of the :class:`TransactionState` strings."""
        return self._state

    @property
    def timeout(self) -> float:
        """Seconds from ``begin()`` within which ``commit()`` must come."""
        return self._timeout_millis / 1000.0

    @property
    def member_address(self) -> Optional[Address]:
        """The :class:`~hazelcast.core.Address` of the member the transaction runs on (None before
        ``begin()``)."""
        connection = self._connection
        return connection.member_address if connection is not None else None

    # --- begin / commit / rollback -----------------------------------------------------------

    def begin(self) -> None:
        """Start the transaction on a member (blocking). Only once per Transaction object."""
        if self._state != TransactionState.NO_TXN:
            raise IllegalStateError("Transaction %s is %s: a transaction begins only once; create a new one "
                                    "with client.new_transaction()" % (self._id, self._state))
        self._manager.claim_thread(self)
        try:
            self._thread_ident = threading.get_ident()
            self._thread_id = thread_id()
            connection = self._manager.connection()
            self._start = time.monotonic()  # before the member's own clock starts: we time out first
            request = transaction_create_codec.encode_request(
                self._timeout_millis, self.durability, self.transaction_type, self._thread_id)
            self._id = self._wait(connection, request, transaction_create_codec.decode_response, "begin")
            self._connection = connection
            self._state = TransactionState.ACTIVE
        except BaseException:
            self._thread_ident = None
            self._manager.release_thread(self)
            raise

    def commit(self) -> None:
        """Apply every change of the transaction atomically (blocking).

        Raises ``TransactionTimedOutError`` when the timeout has passed since ``begin()``,
        ``TransactionError`` when the member refuses or is lost. After a failed commit,
        call ``rollback()`` to release the locks the transaction holds.
        """
        self._check_thread("commit")
        if self._state != TransactionState.ACTIVE:
            raise TransactionNotActiveError("Transaction %s is %s: only an ACTIVE transaction can be committed"
                                            % (self._id, self._state))
        self._state = TransactionState.COMMITTING
        try:
            elapsed = time.monotonic() - self._start
            if elapsed > self.timeout and not self._connection.closed:  # else: say the member was lost
                raise TransactionTimedOutError(
                    "Transaction %s timed out: %.3f s since begin() exceed its timeout of %.3f s; roll it back"
                    % (self._id, elapsed, self.timeout))
            request = transaction_commit_codec.encode_request(self._id, self._thread_id)
            try:
                self._wait(self._connection, request, None, "commit")
            except TransactionError as e:
                if type(e) is TransactionError and "timed-out" in (e.server_message or ""):
                    raise TransactionTimedOutError("Transaction %s timed out (its timeout is %.3f s): %s"
                                                   % (self._id, self.timeout, e.server_message), e)
                raise
        except BaseException:
            self._state = TransactionState.COMMIT_FAILED
            raise
        finally:
            self._manager.release_thread(self)
        self._state = TransactionState.COMMITTED

    def rollback(self) -> None:
        """Discard every change of the transaction and release its locks (blocking).

        Allowed while ACTIVE or after a failed commit. If the connection to the
        transaction's member is gone, there is nothing to send: the member drops the
        transaction itself.
        """
        self._check_thread("rollback")
        if self._state not in _ROLLBACK_ALLOWED:
            raise TransactionNotActiveError("Transaction %s is %s: only an ACTIVE transaction, or one whose "
                                            "commit failed, can be rolled back" % (self._id, self._state))
        self._state = TransactionState.ROLLING_BACK
        try:
            if not self._connection.closed:
                request = transaction_rollback_codec.encode_request(self._id, self._thread_id)
                try:
                    self._wait(self._connection, request, None, "rollback")
                except TransactionError as e:
                    if not self._connection.closed:
                        raise
                    _logger.debug("Rollback of %s not sent, its connection closed: %s", self._id, e.cause)
        finally:
            self._state = TransactionState.ROLLED_BACK
            self._manager.release_thread(self)

    # --- transactional objects -----------------------------------------------------------------

    def get_map(self, name: str):
        """The :class:`~hazelcast.proxy.transactional.TransactionalMap` called ``name``."""
        return self._object("map", name)

    def get_multi_map(self, name: str):
        """The :class:`~hazelcast.proxy.transactional.TransactionalMultiMap` called ``name``."""
        return self._object("multi_map", name)

    def get_queue(self, name: str):
        """The :class:`~hazelcast.proxy.transactional.TransactionalQueue` called ``name``."""
        return self._object("queue", name)

    def get_list(self, name: str):
        """The :class:`~hazelcast.proxy.transactional.TransactionalList` called ``name``."""
        return self._object("list", name)

    def get_set(self, name: str):
        """The :class:`~hazelcast.proxy.transactional.TransactionalSet` called ``name``."""
        return self._object("set", name)

    def _object(self, kind: str, name: str):
        from hazelcast.proxy import transactional
        if not isinstance(name, str) or not name:
            raise IllegalArgumentError("The name of a transactional %s must be a non-empty str, got %r"
                                       % (kind, name))
        self._check_usable("get_%s(%r)" % (kind, name))
        key = (kind, name)
        proxy = self._objects.get(key)
        if proxy is None:
            proxy = self._objects[key] = transactional.PROXY_CLASSES[kind](name, self)
        return proxy

    # --- what the transactional proxies call ----------------------------------------------------

    def call(self, codec, name: str, *args, wait_forever: bool = False) -> Any:
        """Send ``codec``'s request (name, transaction id, thread id, *args) and wait for the value.

        The member may hold it (on a key locked by another transaction, an empty queue)
        up to the transaction's timeout, or as long as it takes with ``wait_forever``.
        """
        self._check_usable((codec.__doc__ or codec.__name__).split()[0])
        request = codec.encode_request(name, self._id, self._thread_id, *args)
        return self._wait(self._connection, request, codec.decode_response, "operation",
                          None if wait_forever else self.timeout)

    def _is_alive(self) -> bool:
        """ACTIVE with its connection open (one whose member is lost can only be rolled back)."""
        return self._state == TransactionState.ACTIVE and not self._connection.closed

    def _check_thread(self, what: str) -> None:
        owner = self._thread_ident
        if owner is not None and owner != threading.get_ident():
            raise IllegalStateError("Transaction %s belongs to the thread that began it (ident %d); %s was "
                                    "called from thread %r: a transaction can't span threads"
                                    % (self._id, owner, what, threading.current_thread().name))

    def _check_usable(self, what: str) -> None:
        self._check_thread(what)
        if self._state != TransactionState.ACTIVE:
            hint = " (call begin() first)" if self._state == TransactionState.NO_TXN else ""
            raise TransactionNotActiveError("Transaction %s is %s: %s needs an ACTIVE transaction%s"
                                            % (self._id, self._state, what, hint))

    def _wait(self, connection, request, decoder, what: str, wait_timeout: Optional[float] = 0.0) -> Any:
        check_may_block("The transaction's %s", what)
        future = self._context.invocation_service.invoke_on_connection(
            request, connection, decoder, wait_timeout=wait_timeout, urgent=False)  # the user's call
        try:
            return future.result()
        except HazelcastClientNotActiveError:
            raise
        except Exception as e:
            if not connection.closed or isinstance(e, TransactionError) or getattr(e, "error_code", None) is not None:
                raise  # still connected, or the member's own answer
            if what == "begin":
                text = "the transaction was not created; begin() again"
            elif what == "commit":
                text = ("the commit's outcome is unknown to the client (if the member applied it before "
                        "it was lost, the changes are there)")
            else:
                text = "the member discards an uncommitted transaction whose connection closes"
            raise TransactionError("The connection to member %s that transaction %s runs on closed during %s: %s"
                                   % (connection.member_address, self._id, what, text), e) from e

    # --- context manager --------------------------------------------------------------------------

    def __enter__(self) -> "Transaction":
        if self._state == TransactionState.NO_TXN:
            self.begin()
        elif self._state != TransactionState.ACTIVE:
            raise TransactionNotActiveError("Transaction %s is %s: a with-block needs a new or ACTIVE transaction"
                                            % (self._id, self._state))
        return self

    def __exit__(self, exc_type, exc, traceback) -> bool:
        if exc_type is None and self._state == TransactionState.ACTIVE:
            try:
                self.commit()
            except BaseException:
                self._quiet_rollback()
                raise
        elif self._state in _ROLLBACK_ALLOWED:
            self._quiet_rollback()
        return False

    def _quiet_rollback(self) -> None:
        if self._state not in _ROLLBACK_ALLOWED:
            return
        try:
            self.rollback()
        except Exception:
            _logger.warning("Rollback of transaction %s failed", self._id, exc_info=True)

    def __repr__(self) -> str:
        return "Transaction(id=%s, state=%s, type=%s, timeout=%.3f s, durability=%d)" % (
            self._id, self._state, _TYPE_NAMES[self.transaction_type], self.timeout, self.durability)
