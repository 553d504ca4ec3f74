"""PN Counter proxy (``client.get_pn_counter(name)``, manual section 7.4.13).

A CRDT counter: every replica member accepts updates and the replicas
exchange state in the background, so the value is eventually the same on
all of them. The client keeps the vector clock (replica id -> logical
timestamp) of the newest state it has seen, sends it with each request, and
a replica whose state is older answers ``ConsistencyLostException``. That
gives this proxy "read your writes" and monotonic reads.

Replicas are the first ``replica-count`` data members of the member list
(asked once from the cluster). The proxy talks to one replica, picked at
random, until it fails; then it tries the others it has not tried for that
call. When none can serve, the call fails: with ``ConsistencyLostError`` if a
replica lacked the observed state (``reset()`` starts a new session), else
with the last error.
"""
import random
import threading
from typing import Callable, Dict, List, Optional, Set, Tuple

from hazelcast.core import Member
from hazelcast.errors import (ConsistencyLostError, HazelcastClientNotActiveError, HazelcastError,
                              NoDataMemberInClusterError)
from hazelcast.future import Future
from hazelcast.protocol.codec import (pn_counter_add_codec, pn_counter_get_codec,
                                      pn_counter_get_configured_replica_count_codec)
from hazelcast.proxy.base import Proxy, check_int, require_protocol

VectorClock = Dict[str, int]
_decode = pn_counter_get_codec.decode_response  # CRDT_TIMESTAMPED_LONG: value, clock, replica count


def is_after(clock: VectorClock, other: VectorClock) -> bool:
    """True if ``clock`` is causally strictly after ``other`` (at least as new for every
    replica of ``other``, and newer for one, or knows more replicas)."""
    newer = False
    for replica, timestamp in other.items():
        mine = clock.get(replica)
        if mine is None or mine < timestamp:
            return False
        if mine > timestamp:
            newer = True
    return newer or len(clock) > len(other)


class _Call:
    """One user call on its way through the replicas."""

    __slots__ = ("encode", "result", "tried", "errors")

    def __init__(self, encode: Callable[[Member, List[Tuple[str, int]]], object]):
        self.encode = encode
        self.result = Future()
        self.tried: Set[Member] = set()
        self.errors: List[Tuple[Member, BaseException]] = []


class PNCounter(Proxy):
    """A counter that every replica can update, converging across the cluster
    (Hazelcast 3.10 and newer). Methods return Futures; ``blocking()`` gives
    plain values."""

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._lock = threading.Lock()
        self._observed: VectorClock = {}
        self._target: Optional[Member] = None
        self._max_replicas = 0  # asked from the cluster on first use

    # --- public API -------------------------------------------------------------------

    def get(self) -> Future:
        """Future of the current value."""
        return self._call(lambda target, clock: pn_counter_get_codec.encode_request(
            self.name, clock, target.address))

    def get_and_add(self, delta: int) -> Future:
        """Add ``delta``; Future of the value before."""
        return self._add(delta, True, "get_and_add")

    def add_and_get(self, delta: int) -> Future:
        """Add ``delta``; Future of the value after."""
        return self._add(delta, False, "add_and_get")

    def get_and_subtract(self, delta: int) -> Future:
        """Subtract ``delta``; Future of the value before."""
        return self._add(-self._checked(delta, "get_and_subtract"), True, "get_and_subtract")

    def subtract_and_get(self, delta: int) -> Future:
        """Subtract ``delta``; Future of the value after."""
        return self._add(-self._checked(delta, "subtract_and_get"), False, "subtract_and_get")

    def get_and_increment(self) -> Future:
        """Add one; Future of the value before."""
        return self._add(1, True, "get_and_increment")

    def increment_and_get(self) -> Future:
        """Add one; Future of the value after."""
        return self._add(1, False, "increment_and_get")

    def get_and_decrement(self) -> Future:
        """Subtract one; Future of the value before."""
        return self._add(-1, True, "get_and_decrement")

    def decrement_and_get(self) -> Future:
        """Subtract one; Future of the value after."""
        return self._add(-1, False, "decrement_and_get")

    def reset(self) -> None:
        """Forget the observed vector clock (local, immediate): the next call may be
        served by any replica, even one that has not seen this client's updates yet.
        The way out of ``ConsistencyLostError``."""
        with self._lock:
            self._observed = {}

    # --- replica selection and failover -----------------------------------------------

    @staticmethod
    def _checked(delta: int, method: str) -> int:
        # -(-2**63) would not fit in a long: the smallest delta is one more
        return check_int(delta, "PNCounter.%s: delta" % method, -(1 << 63) + 1)

    def _add(self, delta: int, get_before_update: bool, method: str) -> Future:
        self._checked(delta, method)
        return self._call(lambda target, clock: pn_counter_add_codec.encode_request(
            self.name, delta, get_before_update, clock, target.address))

    def _call(self, encode) -> Future:
        require_protocol(self._context, pn_counter_get_codec.SINCE, "PNCounter")
        call = _Call(encode)
        self._attempt(call)
        return call.result

    def _attempt(self, call: _Call) -> None:
        if self._max_replicas == 0:
            request = pn_counter_get_configured_replica_count_codec.encode_request(self.name)
            self._invoke(request, pn_counter_get_configured_replica_count_codec.decode_response) \
                .add_inline_callback(lambda done: self._on_replica_count(call, done))
            return
        target = self._choose_target(call.tried)
        if target is None:
            call.result.set_exception(self._no_replica_error(call))
            return
        with self._lock:
            clock = list(self._observed.items())
        endpoint = (target.address.host, target.address.port)
        self._invoke_on_target(call.encode(target, clock), endpoint, _decode) \
            .add_inline_callback(lambda done: self._on_response(call, target, done))

    def _on_replica_count(self, call: _Call, done: Future) -> None:
        error = done.exception()
        if error is not None:
            call.result.set_exception(error)
            return
        self._max_replicas = max(1, done.result())
        self._attempt(call)

    def _on_response(self, call: _Call, target: Member, done: Future) -> None:
        error = done.exception()
        if error is None:
            response = done.result()
            self._observe(dict(response.replica_timestamps))
            call.result.set_result(response.value)
        elif isinstance(error, HazelcastError) and not isinstance(error, HazelcastClientNotActiveError):
            call.tried.add(target)
            call.errors.append((target, error))
            with self._lock:
                if self._target == target:
                    self._target = None
            self._attempt(call)
        else:
            call.result.set_exception(error)

    def _replicas(self) -> List[Member]:
        data_members = [m for m in self._context.cluster_service.get_member_list() if not m.is_lite_member]
        return data_members[:self._max_replicas]

    def _choose_target(self, tried: Set[Member]) -> Optional[Member]:
        replicas = self._replicas()
        with self._lock:
            current = self._target
            if current is not None and current in replicas and current not in tried:
                return current
            candidates = [m for m in replicas if m not in tried]
            self._target = random.choice(candidates) if candidates else None
            return self._target

    def _observe(self, received: VectorClock) -> None:
        with self._lock:
            if is_after(received, self._observed):
                self._observed = received

    def _no_replica_error(self, call: _Call) -> BaseException:
        if not call.errors:
            return NoDataMemberInClusterError(
                "PN counter '%s': the cluster has no data member to act as its replica" % self.name)
        last = call.errors[-1][1]
        lost = [member for member, error in call.errors if isinstance(error, ConsistencyLostError)]
        if lost:
            tried = ", ".join("%s:%d" % (m.address.host, m.address.port) for m, _ in call.errors)
            return ConsistencyLostError(
                "PN counter '%s': no replica can serve this client's session (tried %s); those that "
                "answered have not seen the updates this client already observed (their replica "
                "may have left the cluster). Call reset() to start a new session and accept their "
                "state." % (self.name, tried), last)
        return last
