"""A fake member, for the cases a real member cannot produce on demand.

It answers just enough of the protocol for a client to connect (authentication,
membership listener, partition table, ping) and then misbehaves on map requests
as the test asks: a malformed frame, half a response and then silence, or no
answer at all. Tests that use it say so; everything else runs against real
members.
"""
import logging
import socket
import threading

import hazelcast
from hazelcast.protocol.message import ClientMessage
from hazelcast.protocol.reader import FrameReader

EVENT_FLAGS = 0xC1
MEMBER_UUID = "fake-member-uuid"


def client_of(member: "FakeMember", **properties) -> "hazelcast.HazelcastClient":
    """A quiet client connected to ``member`` (one connection attempt), with ``properties``."""
    config = hazelcast.ClientConfig()
    config.logger_config.level = logging.CRITICAL + 1
    config.network_config.addresses.append(member.address())
    config.network_config.connection_attempt_limit = 1
    for name, value in properties.items():
        config.set_property(name, value)
    return hazelcast.HazelcastClient(config)


class FakeMember:
    def __init__(self, on_map_request="answer", refuse_reauthentications=0):
        self.on_map_request = on_map_request
        self.refuse_reauthentications = refuse_reauthentications  # after the first auth
        self.authentications = 0
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(4)
        self.port = self._server.getsockname()[1]
        self._threads = []
        self._sockets = []
        self._stopped = False
        self.map_requests = 0
        self._stalled = set()
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)

    def address(self) -> str:
        return "127.0.0.1:%d" % self.port

    def drop_connections(self) -> None:
        """Close every client connection (the server socket stays): the client reconnects."""
        for sock in self._sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass
        self._sockets = []

    def close(self) -> None:
        self._stopped = True
        self._server.close()
        for sock in self._sockets:
            try:
                sock.close()
            except OSError:
                pass

    def _accept(self) -> None:
        while not self._stopped:
            try:
                sock, _ = self._server.accept()
            except OSError:
                return
            self._sockets.append(sock)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        reader = FrameReader()
        preamble = b""
        try:
            while len(preamble) < 3:
                preamble += sock.recv(3 - len(preamble))
            while not self._stopped:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                for request in reader.feed(chunk):
                    self._answer(sock, request)
        except OSError:
            return

    def _reply(self, sock, request, response_type, build=None, flags=None) -> None:
        message = ClientMessage.for_request(response_type)
        if build is not None:
            build(message)
        message.finish()
        message.correlation_id = request.correlation_id
        if flags is not None:
            message.flags = flags
        sock.sendall(bytes(message.buf))

    def _answer(self, sock, request) -> None:
        if sock in self._stalled:
            return  # after half a frame this connection says nothing more, not even to pings
        kind = request.message_type
        if kind == 0x0002:  # authentication
            self.authentications += 1
            refuse = self.authentications > 1 and self.refuse_reauthentications > 0
            if refuse:
                self.refuse_reauthentications -= 1

            def auth(m):
                m.append_byte(1 if refuse else 0)  # 1 = CREDENTIALS_FAILED
                m.append_bool(False)
                m.append_str("127.0.0.1")
                m.append_int(self.port)
                m.append_bool(False)
                m.append_str("fake-client-uuid")
                m.append_bool(False)
                m.append_str(MEMBER_UUID)
                m.append_byte(1)
                m.append_str("3.12.13")
                m.append_bool(True)  # no unregistered members
                m.append_int(271)
                m.append_str("fake-cluster")
            self._reply(sock, request, 107, auth)
        elif kind == 0x0004:  # membership listener: registration id, then the member list
            self._reply(sock, request, 104, lambda m: m.append_str("registration"))

            def member_list(m):
                m.append_int(1)
                m.append_str("127.0.0.1")
                m.append_int(self.port)
                m.append_str(MEMBER_UUID)
                m.append_bool(False)
                m.append_int(0)
            self._reply(sock, request, 201, member_list, flags=EVENT_FLAGS)
        elif kind == 0x0008:  # partition table: everything on this member
            def partitions(m):
                m.append_int(1)
                m.append_str("127.0.0.1")
                m.append_int(self.port)
                m.append_int(271)
                for partition_id in range(271):
                    m.append_int(partition_id)
                m.append_int(1)
            self._reply(sock, request, 108, partitions)
        elif kind == 0x000F:  # ping
            self._reply(sock, request, 100)
        elif kind == 0x0005:  # create proxy
            self._reply(sock, request, 100)
        elif kind >> 8 == 0x01:  # a map request: misbehave as configured
            self.map_requests += 1
            self._misbehave(sock, request)

    def _misbehave(self, sock, request) -> None:
        mode = self.on_map_request
        if mode == "malformed":
            sock.sendall(b"\x05\x00\x00\x00\x00")  # frame length 5 < the 22-byte header
        elif mode == "half":
            message = ClientMessage.for_request(105)
            message.append_bool(True)
            message.finish()
            message.correlation_id = request.correlation_id
            sock.sendall(bytes(message.buf[:len(message.buf) // 2]))
            self._stalled.add(sock)
        elif mode == "silent":
            pass
        else:
            self._reply(sock, request, 105, lambda m: m.append_bool(True))
