"""The one duration rule (hazelcast.util.duration) and the proxies that use it.

The proxy tests build proxies on a context whose invocation service records requests, so
they show that a bad duration is refused before anything is sent.
"""
import fractions
import struct

import pytest

from hazelcast.config import SerializationConfig
from hazelcast.errors import ConfigurationError, IllegalArgumentError
from hazelcast.future import completed_future
from hazelcast.proxy.map import Map
from hazelcast.proxy.multi_map import MultiMap
from hazelcast.proxy.queue import Queue
from hazelcast.proxy.replicated_map import ReplicatedMap
from hazelcast.serialization.service import SerializationService
from hazelcast.util.duration import MAX_MILLIS, checked_seconds, to_millis
from tests.support.contexts import proxy_context

NAN = float("nan")
INF = float("inf")


@pytest.mark.parametrize("seconds,millis", [
    (0, 0), (0.0, 0), (1, 1000), (2.5, 2500), (0.0005, 1), (1e-9, 1), (5e-324, 1), (0.001, 1),
    (0.0015, 2), (0.0019, 2), (0.3, 300), (1.1, 1100), (0.07, 70), (123.456, 123456),
    (fractions.Fraction(1, 3), 334), (10 ** 30, MAX_MILLIS), (1e300, MAX_MILLIS),
    (9223372036854775.807, MAX_MILLIS),
])
def test_rounds_up_to_whole_milliseconds(seconds, millis):
    assert to_millis(seconds, "t") == millis


@pytest.mark.parametrize("seconds", [1e-12, 0.0001, 0.0005, 0.00099])
def test_a_positive_duration_never_becomes_zero(seconds):
    assert to_millis(seconds, "t") == 1
    assert to_millis(seconds, "t", "use the default") == 1


@pytest.mark.parametrize("sentinel", [None, -1, -1.0])
def test_sentinels_give_minus_one_where_the_api_has_them(sentinel):
    assert to_millis(sentinel, "t", "use the default") == -1
    assert checked_seconds(sentinel, "t", "use the default") is None


def test_infinity_is_the_sentinel_only_where_it_means_no_limit():
    assert to_millis(INF, "t", "wait as long as it takes", infinite=True) == -1
    with pytest.raises(IllegalArgumentError, match=r"t must be a number of seconds >= 0, or None/-1 to "
                                                   r"use the default, got inf \(float\)"):
        to_millis(INF, "t", "use the default")
    with pytest.raises(IllegalArgumentError):
        to_millis(INF, "t")


@pytest.mark.parametrize("bad", [-2, -0.5, -1e-9, -INF, NAN, True, False, "1", b"1", [1], object()])
@pytest.mark.parametrize("unset,infinite", [("", False), ("use the default", False),
                                            ("wait as long as it takes", True)])
def test_refused_with_what_was_wrong_and_what_is_accepted(bad, unset, infinite):
    with pytest.raises(IllegalArgumentError) as caught:
        to_millis(bad, "Map.put: ttl", unset, infinite)
    message = str(caught.value)
    assert message.startswith("Map.put: ttl must be a number of seconds >= 0")
    assert repr(bad) in message and type(bad).__name__ in message
    assert isinstance(caught.value, ValueError)
    if unset:
        assert ("or None/-1%s to %s" % ("/float('inf')" if infinite else "", unset)) in message


@pytest.mark.parametrize("bad", [None, -1])
def test_sentinels_are_refused_where_the_api_has_none(bad):
    with pytest.raises(IllegalArgumentError, match="must be a number of seconds >= 0, got"):
        to_millis(bad, "Queue.poll: timeout")


def test_positive_refuses_zero_only():
    with pytest.raises(IllegalArgumentError, match="> 0"):
        to_millis(0, "lease_time", positive=True)
    assert to_millis(0.0001, "lease_time", positive=True) == 1


def test_error_class_can_be_chosen_for_settings():
    with pytest.raises(ConfigurationError):
        checked_seconds(NAN, "NearCacheConfig.max_idle_seconds", error=ConfigurationError)
    assert checked_seconds(0.25, "x") == 0.25


# --- the proxies: refused before anything is sent ---------------------------------------

class _RecordingInvocations:
    """Stands in for the invocation service: records requests instead of sending them."""

    def __init__(self):
        self.sent = []

    def _record(self, request, *rest):
        self.sent.append(request)
        return completed_future(None)

    invoke_on_key = invoke_on_partition = invoke_on_random_target = invoke_on_target = _record


class _OnePartition:
    def get_partition_id(self, key_data):
        return 0


@pytest.fixture
def context():
    return proxy_context(invocation_service=_RecordingInvocations(), partition_service=_OnePartition(),
                         serialization_service=SerializationService(SerializationConfig()))


def _proxy(cls, context):
    return cls("svc", "name", context)


BAD = [-2, -0.001, NAN, -INF, True, "5"]
CALLS = [
    (Map, lambda p, v: p.put("k", "v", ttl=v)),
    (Map, lambda p, v: p.set("k", "v", v)),
    (Map, lambda p, v: p.put_if_absent("k", "v", v)),
    (Map, lambda p, v: p.put_transient("k", "v", v)),
    (Map, lambda p, v: p.put("k", "v", -1, max_idle=v)),
    (Map, lambda p, v: p.set_ttl("k", v)),
    (Map, lambda p, v: p.try_put("k", "v", v)),
    (Map, lambda p, v: p.try_remove("k", v)),
    (Map, lambda p, v: p.lock("k", v)),
    (Map, lambda p, v: p.try_lock("k", timeout=v)),
    (MultiMap, lambda p, v: p.lock("k", v)),
    (MultiMap, lambda p, v: p.try_lock("k", timeout=v)),
    (ReplicatedMap, lambda p, v: p.put("k", "v", v)),
    (Queue, lambda p, v: p.offer("i", v)),
    (Queue, lambda p, v: p.poll(v)),
]


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("cls,call", CALLS)
def test_proxies_refuse_bad_durations_before_sending(context, cls, call, bad):
    proxy = _proxy(cls, context)
    with pytest.raises(IllegalArgumentError, match="must be a number of seconds"):
        call(proxy, bad)
    assert context.invocation_service.sent == []


@pytest.mark.parametrize("call", [lambda p: p.put("k", "v", ttl=INF), lambda p: p.set_ttl("k", INF),
                                  lambda p: p.put("k", "v", max_idle=INF)])
def test_infinity_is_not_a_map_ttl(context, call):
    with pytest.raises(IllegalArgumentError, match="or None/-1 to use the map's configured"):
        call(_proxy(Map, context))
    assert context.invocation_service.sent == []


def _last_longs(request, count):
    """The last ``count`` int64 fields of a request frame (the TTL/max idle of a put)."""
    return struct.unpack_from("<%dq" % count, request.buf, len(request.buf) - 8 * count)


@pytest.mark.parametrize("ttl,max_idle,sent", [
    (0.0005, None, (1,)), (0.0005, 0.0002, (1, 1)), (-1, -1, (-1, -1)), (None, None, (-1,)),
    (0, 0, (0, 0)), (2.5, 0.3, (2500, 300)),
])
def test_map_put_sends_rounded_up_milliseconds_and_sentinels(context, ttl, max_idle, sent):
    _proxy(Map, context).put("k", "v", ttl, max_idle)
    (request,) = context.invocation_service.sent
    assert _last_longs(request, len(sent)) == sent
