"""Talk Open Client Protocol 1.x to a member over a plain socket, without the client.

For tests of the harness and of the wire format itself::

    sock = raw.connect(member.address)           # sends the b"CB2" preamble
    raw.send(sock, raw.auth_request("dev", "dev-pass", correlation_id=1))
    response = raw.receive(sock)                 # a ClientMessage
"""
import socket
import struct
import time

from hazelcast.protocol.message import ClientMessage

PROTOCOL_PREAMBLE = b"CB2"

AUTHENTICATION = 0x0002
PING = 0x000F

VOID_RESPONSE = 100
AUTHENTICATION_RESPONSE = 107
ERROR_RESPONSE = 109

AUTH_OK = 0
AUTH_CREDENTIALS_FAILED = 1
AUTH_SERIALIZATION_VERSION_MISMATCH = 2


def connect(address, timeout=10.0):
    sock = socket.create_connection(address, timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.sendall(PROTOCOL_PREAMBLE)
    return sock


def send(sock, message):
    sock.sendall(bytes(message.buf))


def _receive_exactly(sock, size, deadline):
    chunks = bytearray()
    while len(chunks) < size:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            raise ConnectionError("member closed the connection after %d of %d bytes"
                                  % (len(chunks), size))
        chunks += chunk
    return chunks


def receive(sock, timeout=10.0):
    """Read one whole frame and return it as a :class:`ClientMessage`."""
    deadline = time.monotonic() + timeout
    head = _receive_exactly(sock, 4, deadline)
    (length,) = struct.unpack("<i", head)
    if length < 22:
        raise ValueError("frame length %d is shorter than a header" % length)
    return ClientMessage(head + _receive_exactly(sock, length - 4, deadline))


def auth_request(group_name, group_password, correlation_id=1, owner=True,
                 client_type="PYH", serialization_version=1, client_version="3.12.3"):
    """Client.authentication (0x0002): username, password, uuid (null), owner uuid (null),
    is-owner-connection, client type, serialization version, client version."""
    msg = ClientMessage.for_request(AUTHENTICATION, True)
    msg.append_str(group_name)
    msg.append_str(group_password)
    msg.append_null_flag(True)   # uuid
    msg.append_null_flag(True)   # owner uuid
    msg.append_bool(owner)
    msg.append_str(client_type)
    msg.append_byte(serialization_version)
    msg.append_str(client_version)
    msg.finish()
    msg.correlation_id = correlation_id
    return msg


def ping_request(correlation_id):
    msg = ClientMessage.for_request(PING, True)
    msg.finish()
    msg.correlation_id = correlation_id
    return msg


def authenticate(address, group_name="dev", group_password="dev-pass", timeout=10.0):
    """Open a socket, authenticate, return ``(sock, response)``; the caller closes it."""
    sock = connect(address, timeout)
    try:
        send(sock, auth_request(group_name, group_password))
        return sock, receive(sock, timeout)
    except BaseException:
        sock.close()
        raise


def ping(address, group_name="dev", group_password="dev-pass", timeout=10.0):
    """True if the member authenticates us and answers a ping within ``timeout``."""
    try:
        sock, response = authenticate(address, group_name, group_password, timeout)
    except (OSError, ConnectionError, ValueError):
        return False
    with sock:
        if response.message_type != AUTHENTICATION_RESPONSE or response.read_byte() != AUTH_OK:
            return False
        try:
            send(sock, ping_request(2))
            reply = receive(sock, timeout)
        except (OSError, ConnectionError, ValueError):
            return False
        return reply.message_type == VOID_RESPONSE and reply.correlation_id == 2
