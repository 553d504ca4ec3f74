"""Authentication goes through the invocation service handed to the connection manager
at construction: one correlation, deadline and failure path for every request.

A plain listening socket stands in for the member (the fake invoker answers for it):
what is checked is what the connection manager asks of the invoker and what it makes
of the answer.
"""
import socket
import threading

import pytest

from hazelcast.config import ClientConfig
from hazelcast.errors import AuthenticationError, HazelcastTimeoutError, OperationTimeoutError
from hazelcast.future import Future
from hazelcast.network.connection_manager import ConnectionManager
from hazelcast.network.reactor import Reactor
from hazelcast.protocol.codec import client_authentication_codec


class RecordingInvoker:
    """Records the requests; the test completes their futures."""

    def __init__(self):
        self.calls = []
        self.closed = []
        self.sent = threading.Event()

    def invoke_on_connection(self, request, connection, decoder=None, event_handler=None,
                             wait_timeout=0.0, timeout=None):
        future = Future()
        self.calls.append((request, connection, decoder, timeout, future))
        self.sent.set()
        return future

    def handle_message(self, connection, message):
        raise AssertionError("no message is expected: the invoker answers for the member")

    def on_connection_closed(self, connection, error):
        self.closed.append((connection, error))


@pytest.fixture
def listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    yield server.getsockname()
    server.close()
    for sock in accepted:
        sock.close()


@pytest.fixture
def manager():
    reactor = Reactor("hz.test.reactor")
    reactor.start()
    config = ClientConfig()
    config.network_config.connection_timeout = 3.0
    invoker = RecordingInvoker()
    manager = ConnectionManager(reactor, config, "test-client", invoker)
    yield manager, invoker
    manager.shutdown()
    reactor.shutdown()


def _connect(manager, invoker, endpoint):
    connected = manager.get_or_connect(endpoint, as_owner=True)
    assert invoker.sent.wait(5), "the authentication request was not handed to the invoker"
    [(request, connection, decoder, timeout, future)] = invoker.calls
    assert request.message_type == client_authentication_codec.REQUEST_TYPE
    assert decoder is client_authentication_codec.decode_response
    assert timeout == 3.0  # the connection timeout, not the invocation timeout
    return connected, connection, future


def test_a_member_error_fails_the_connect_with_an_authentication_error_and_closes(manager, listener):
    manager, invoker = manager
    connected, connection, future = _connect(manager, invoker, listener)
    future.set_exception(ValueError("denied by the member"))
    with pytest.raises(AuthenticationError, match="Authentication as owner to 127.0.0.1:%d with group 'dev' "
                                                  "failed: denied by the member" % listener[1]):
        connected.result(5)
    assert connection.closed
    assert [c for c, _ in invoker.closed] == [connection]  # the invoker fails what was still on it
    assert manager.active_connections() == [] and manager.owner_connection is None


def test_no_answer_within_the_connection_timeout_says_so(manager, listener):
    manager, invoker = manager
    connected, connection, future = _connect(manager, invoker, listener)
    future.set_exception(OperationTimeoutError("timed out"))
    with pytest.raises(HazelcastTimeoutError, match="no authentication response from 127.0.0.1:%d within 3.0 s"
                                                    % listener[1]):
        connected.result(5)
    assert connection.closed
