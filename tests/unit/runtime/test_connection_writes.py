"""Connection writes: a large frame and small frames queued behind and around it reach
the peer whole and in order (the peer is a plain loopback socket, no protocol)."""
import socket
import struct
import threading
import time

import pytest

from hazelcast.errors import TargetDisconnectedError
from hazelcast.network.connection import PROTOCOL_PREAMBLE, Connection
from hazelcast.network.reactor import Reactor


@pytest.fixture
def connected():
    reactor = Reactor("test-writes")
    reactor.start()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    closed = []
    connection = Connection(reactor, server.getsockname(), 1, lambda c, m: None,
                            lambda c, e: closed.append(e))
    connection.start_connect(5).result(5)
    peer, _ = server.accept()
    yield connection, peer, closed
    connection.close("test over")
    peer.close()
    server.close()
    reactor.shutdown()


def _read_exactly(sock, size):
    chunks, got = [], 0
    while got < size:
        chunk = sock.recv(min(1 << 20, size - got))
        assert chunk, "the connection closed after %d of %d bytes" % (got, size)
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def test_big_and_small_frames_from_two_threads_arrive_whole_and_in_each_threads_order(connected):
    connection, peer, closed = connected
    big = [bytes([i]) * (6 * 1024 * 1024 + i) for i in range(3)]  # far more than the socket buffers
    small = [b"%08d" % i for i in range(3000)]

    def send_small():
        for frame in small:
            assert connection.send(frame)

    sender = threading.Thread(target=send_small)
    sender.start()  # small frames queue up behind, between and after the big ones
    for frame in big:
        assert connection.send(bytearray(frame))
    total = len(PROTOCOL_PREAMBLE) + sum(map(len, big)) + sum(map(len, small))
    received = _read_exactly(peer, total)  # the peer starts reading only now
    sender.join(10)
    assert received.startswith(PROTOCOL_PREAMBLE)
    stream = received[len(PROTOCOL_PREAMBLE):]
    # Remove each big frame where it is (whole, contiguous), then the rest is the small ones.
    rest = stream
    for frame in big:
        at = rest.index(frame[:64])
        assert rest[at:at + len(frame)] == frame
        rest = rest[:at] + rest[at + len(frame):]
    assert rest == b"".join(small)
    assert closed == []


def test_a_peer_reset_during_a_large_write_closes_the_connection_typed_once(connected):
    connection, peer, closed = connected
    assert connection.send(bytearray(32 * 1024 * 1024))  # far more than the socket buffers take
    peer.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    peer.close()  # a reset while most of the frame is still queued
    deadline = time.monotonic() + 5
    while not closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(closed) == 1 and isinstance(closed[0], TargetDisconnectedError), closed
    assert connection.closed
    assert connection.send(b"more") is False
