"""Failure paths a real member cannot produce on demand, against a FAKE member.

A malformed frame, half a response followed by silence, and a member that
stops answering: the client must turn each into a typed error within its
configured bounds, never a hang.
"""
import logging
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastError, OperationTimeoutError, TargetDisconnectedError
from tests.unit.runtime.fake_member import FakeMember, client_of as _client




@pytest.fixture
def fake_member(request):
    member = FakeMember(on_map_request=request.param)
    yield member
    member.close()


@pytest.mark.parametrize("fake_member", ["answer"], indirect=True)
def test_the_fake_member_is_good_enough_to_connect_to(fake_member):
    client = _client(fake_member)
    try:
        assert client.get_map("m").blocking().get("k") is None
        assert [m.uuid for m in client.cluster.get_member_list()] == ["fake-member-uuid"]
    finally:
        client.shutdown()


@pytest.mark.parametrize("fake_member", ["malformed"], indirect=True)
def test_malformed_frame_closes_the_connection_and_fails_the_call_typed(fake_member):
    client = _client(fake_member, **{"hazelcast.client.invocation.timeout.seconds": 2,
                                     "hazelcast.client.invocation.retry.pause.millis": 200})
    try:
        started = time.monotonic()
        future = client.get_map("m").put("k", "v")  # not retryable: fails on the closed connection
        with pytest.raises(HazelcastError) as info:
            future.result(timeout=10)
        assert time.monotonic() - started < 5
        assert isinstance(info.value, (TargetDisconnectedError, OperationTimeoutError))
        assert "malformed" in str(info.value) or "frame" in str(info.value)
    finally:
        client.shutdown()


@pytest.mark.parametrize("fake_member", ["half"], indirect=True)
def test_half_written_response_then_silence_is_caught_by_the_heartbeat(fake_member):
    client = _client(fake_member, **{"hazelcast.client.heartbeat.interval": 200,
                                     "hazelcast.client.heartbeat.timeout": 1000,
                                     "hazelcast.client.invocation.timeout.seconds": 3})
    try:
        # After half a frame the fake member goes silent on that connection (pings too),
        # like a member that hung mid-write: the heartbeat timeout declares it dead.
        started = time.monotonic()
        future = client.get_map("m").put("k", "v")
        with pytest.raises(HazelcastError):
            future.result(timeout=10)
        assert time.monotonic() - started < 6
    finally:
        client.shutdown()


@pytest.mark.parametrize("fake_member", ["silent"], indirect=True)
def test_silent_member_blocking_call_waits_but_a_dead_socket_is_detected(fake_member):
    client = _client(fake_member, **{"hazelcast.client.heartbeat.interval": 200,
                                     "hazelcast.client.heartbeat.timeout": 1000})
    try:
        future = client.get_map("m").put("k", "v")
        # The member answers pings, so the connection is alive: the call keeps waiting,
        # as a server-side blocking operation (lock, take) would.
        with pytest.raises(TimeoutError):
            future.result(timeout=1.5)
        fake_member.close()  # now the socket dies: the call fails, typed, promptly
        with pytest.raises(HazelcastError):
            future.result(timeout=5)
    finally:
        client.shutdown()


def test_a_refused_authentication_during_reconnect_is_retried_not_fatal():
    # A member may refuse an ownership change while the cluster still settles after the old
    # owner died; the FAKE member here refuses the first re-authentication.
    member = FakeMember(refuse_reauthentications=1)
    states = []
    config = hazelcast.ClientConfig()
    config.logger_config.level = logging.CRITICAL + 1
    config.network_config.addresses.append(member.address())
    config.network_config.connection_attempt_limit = 5
    config.network_config.connection_attempt_period = 0.2
    config.add_lifecycle_listener(states.append)
    client = hazelcast.HazelcastClient(config)
    try:
        member.drop_connections()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (states[-1:] == ["CONNECTED"] and "DISCONNECTED" in states):
            time.sleep(0.05)
        assert states == ["STARTING", "CONNECTED", "DISCONNECTED", "CONNECTED"]
        assert member.authentications == 3  # first, refused, accepted
        assert client.get_map("m").blocking().get("k") is None
    finally:
        client.shutdown()
        member.close()
