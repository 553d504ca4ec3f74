"""One TCP connection to a member, driven by the reactor.

Writes are thread-safe and keep frame order. When nothing is queued, the
calling thread sends directly (a non-blocking ``send``: it never waits on a
slow socket); whatever the kernel does not take is queued and the reactor
flushes the queue, joining queued frames into one ``send``.

TLS: after the TCP connect the socket is wrapped by ``ssl_wrapper`` and the
reactor drives the handshake; from then on only the reactor thread touches
the SSL object (reads loop until OpenSSL wants more bytes, since decrypted
data buffered inside it does not make the socket readable). TLS failures
close the connection with a ``HazelcastSSLError``.
"""
import errno
import logging
import socket
import ssl
import threading
import time
from typing import Any, Callable, List, Optional, Tuple

from hazelcast.errors import (HazelcastClientNotActiveError, HazelcastError, ProtocolError,
                              TargetDisconnectedError)
from hazelcast.future import Future
from hazelcast.protocol.reader import FrameReader

_logger = logging.getLogger("HazelcastClient.Connection")

PROTOCOL_PREAMBLE = b"CB2"
_READ_BUFFER_SIZE = 128 * 1024
_READ_EVENT = 1   # selectors.EVENT_READ
_WRITE_EVENT = 2  # selectors.EVENT_WRITE
# A non-blocking send that took nothing; with TLS, SSL_write may also need to
# wait (and must then be retried with the same bytes first, which the queue keeps).
_WOULD_BLOCK = (BlockingIOError, InterruptedError, ssl.SSLWantWriteError, ssl.SSLWantReadError)
_JOIN_LIMIT = 64 * 1024  # a frame this large is sent from its own buffer, never joined (copied)


class Connection:
    """A non-blocking socket to one member with its frame reader and write queue."""

    def __init__(self, reactor, address, connection_id: int,
                 message_handler: Callable[["Connection", Any], None],
                 close_handler: Callable[["Connection", BaseException], None],
                 socket_options: List = (), ssl_wrapper=None):
        self._reactor = reactor
        self.address = address  # (host, port) we connect to
        self.connection_id = connection_id
        self.message_handler = message_handler
        self._close_handler = close_handler
        self._reader = FrameReader()  # frames up to the protocol's maximum
        self._socket_options = list(socket_options)
        self._ssl_wrapper = ssl_wrapper
        self._sock: Optional[socket.socket] = None
        self._connect_timer = None
        self._write_lock = threading.Lock()
        self._out: List[Any] = []
        self._write_armed = False  # selector also watches for writability
        self._flush_scheduled = False
        self.sent_frames = 0  # frames handed to send(); tests use it to prove routing
        self._busy = False  # frames in flight: queue new ones for a joint send
        # An SSL object must not be used by two threads at once: with TLS every
        # send goes through the queue and only the reactor thread touches the socket.
        self._tls = ssl_wrapper is not None
        self._writable = False  # True once connected (and TLS handshake done)
        self._handshaking = False
        self._read_view: Optional[memoryview] = None  # allocated once connected
        self._closed = False
        self.close_reason: Optional[BaseException] = None
        self.connected_future = Future()
        # Set by the connection manager once authenticated:
        self.member_address = None
        self.member_uuid: Optional[str] = None
        self.is_owner = False
        self.server_version: Optional[str] = None
        now = time.monotonic()
        self.last_read = now
        self.last_write = now
        self.start_time = time.time()

    # --- connecting (reactor thread) --------------------------------------

    def start_connect(self, timeout: float) -> Future:
        """Begin the non-blocking connect; the future completes once the preamble is sent."""
        self._reactor.call_soon(self._connect, timeout)
        return self.connected_future

    def _connect(self, timeout: float) -> None:
        if self._closed:
            return
        host, port = self.address
        try:
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
            # Members usually listen on IPv4; "localhost" often resolves to ::1 first.
            infos.sort(key=lambda info: info[0] != socket.AF_INET)
            family, socktype, proto, _, sockaddr = infos[0]
            sock = socket.socket(family, socktype, proto)
            self._sock = sock
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for level, option, value in self._socket_options:
                sock.setsockopt(level, option, value)
            result = sock.connect_ex(sockaddr)
        except OSError as e:
            self.close("cannot connect to %s:%d: %s" % (host, port, e), e)
            return
        if result not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY):
            error = OSError(result, "connect to %s:%d failed: %s" % (host, port, errno.errorcode.get(result, result)))
            self.close(str(error), error)
            return
        self._reactor.register(sock, _WRITE_EVENT, self)
        self._write_armed = True
        if timeout > 0:  # 0 means no timeout
            self._connect_timer = self._reactor.add_timer(timeout, self._on_connect_timeout)

    def _on_connect_timeout(self) -> None:
        if not self.connected_future.done() and not self._closed:
            host, port = self.address
            error = socket.timeout("connecting to %s:%d timed out" % (host, port))
            self.close(str(error), error)

    def _finish_connect(self) -> None:
        err = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            host, port = self.address
            error = OSError(err, "connect to %s:%d failed: %s" % (host, port, errno.errorcode.get(err, err)))
            self.close(str(error), error)
            return
        if self._ssl_wrapper is not None:
            plain = self._sock
            self._reactor.unregister(plain)  # wrapping detaches the plain socket object
            try:
                self._sock = self._ssl_wrapper(plain, self.address[0])
            except (ssl.SSLError, ValueError, OSError) as e:
                self._sock = plain
                self._close_tls(e, during_handshake=True)
                return
            self._handshaking = True
            self._reactor.register(self._sock, _READ_EVENT | _WRITE_EVENT, self)
            self._do_handshake()
            return
        self._on_transport_ready()

    def _do_handshake(self) -> None:
        try:
            self._sock.do_handshake()
        except ssl.SSLWantReadError:
            self._reactor.modify(self._sock, _READ_EVENT, self)
            return
        except ssl.SSLWantWriteError:
            self._reactor.modify(self._sock, _READ_EVENT | _WRITE_EVENT, self)
            return
        except (ssl.SSLError, OSError) as e:
            self._close_tls(e, during_handshake=True)
            return
        self._handshaking = False
        self._on_transport_ready()

    def _close_tls(self, error: BaseException, during_handshake: bool) -> None:
        """Close with a HazelcastSSLError telling what failed (a plain reset or EOF
        in the handshake is reported as such too: the member dropped the TLS hello)."""
        from hazelcast.network.ssl import describe_ssl_error
        host, port = self.address
        if isinstance(error, ssl.SSLError) or during_handshake:
            failure = describe_ssl_error(error, host, port, during_handshake)
            self.close(str(failure), failure)
        else:
            self.close("I/O error: %s" % error, error)

    def _on_transport_ready(self) -> None:
        if self._connect_timer is not None:
            self._connect_timer.cancel()
        # Not before: an attempt that fails (a member that is down) should cost no buffer.
        self._read_view = memoryview(bytearray(_READ_BUFFER_SIZE))
        self._reactor.modify(self._sock, _READ_EVENT, self)
        with self._write_lock:
            self._write_armed = False
            self._writable = True
            self._out.insert(0, PROTOCOL_PREAMBLE)
        self._flush()
        self.connected_future.set_result(self)

    # --- writing (any thread) ---------------------------------------------

    def send(self, buf) -> bool:
        """Queue ``buf`` (a whole frame) for sending; False if the connection is closed.

        When nothing is in flight the calling thread sends at once (lowest
        latency for a blocking call). While earlier frames await their
        responses, frames are queued and the reactor sends them together.
        With TLS the reactor always sends.
        """
        with self._write_lock:
            if self._closed:
                return False
            self.sent_frames += 1
            if self._out or not self._writable or self._busy or self._tls:
                self._out.append(buf)
                self._schedule_flush_locked()
                return True
            try:
                sent = self._sock.send(buf)
            except _WOULD_BLOCK:
                sent = 0
            except Exception as e:
                # Close on the reactor thread: it owns the registration.
                self._reactor.call_soon(self.close, "write failed: %s" % e, e)
                return True
            self._busy = True
            self.last_write = time.monotonic()
            if sent < len(buf):
                self._out.append(memoryview(buf)[sent:])
                self._schedule_flush_locked()
        return True

    def _schedule_flush_locked(self) -> None:
        if self._writable and not self._flush_scheduled:
            self._flush_scheduled = True
            self._reactor.call_soon(self._flush)

    def _flush(self) -> None:
        """Send as much of the queue as the socket takes (reactor thread).

        Small frames are joined into one ``send``; a large one (a big value) is sent
        from its own buffer, never copied into a joined one: re-joining a 50 MB
        frame's remainder with each new small frame would copy it again and again.
        """
        failure = None
        with self._write_lock:
            self._flush_scheduled = False
            out = self._out
            if self._closed:
                return
            while out:
                data, taken = _next_batch(out)
                try:
                    sent = self._sock.send(data)
                except _WOULD_BLOCK:
                    sent = 0
                except OSError as e:
                    failure = e
                    break
                self.last_write = time.monotonic()
                if sent == len(data):
                    del out[:taken]
                    continue
                out[:taken] = [memoryview(data)[sent:]]
                break
            if failure is None:
                watch_write = bool(out)
                if watch_write != self._write_armed:
                    self._write_armed = watch_write
                    self._reactor.modify(self._sock, _READ_EVENT | _WRITE_EVENT if watch_write
                                         else _READ_EVENT, self)
        if failure is None:
            return
        if self._tls:
            # A TLS write mostly fails because the member sent an alert and closed (with
            # TLS 1.3 a refused client certificate arrives only after the handshake):
            # reading reports that alert; the write error is the fallback.
            self.handle_read()
            if not self._closed:
                self._close_tls(failure, during_handshake=False)
        else:
            self.close("write failed: %s" % failure, failure)

    # --- reactor callbacks -------------------------------------------------

    def handle_write(self) -> None:
        if self._closed:
            return
        if not self._writable:
            if self._handshaking:
                self._do_handshake()
            else:
                self._finish_connect()
            return
        self._flush()

    def handle_read(self) -> None:
        if self._closed:
            return
        if self._handshaking:
            self._do_handshake()
            return
        if not self._writable:
            return
        sock = self._sock
        view = self._read_view
        reader = self._reader
        handler = self.message_handler
        while True:
            try:
                received = sock.recv_into(view)
            except (BlockingIOError, InterruptedError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                return  # with TLS: only now is everything decrypted consumed
            except ssl.SSLError as e:
                self._close_tls(e, during_handshake=False)
                return
            if received == 0:
                self.close("connection closed by the member", None)
                return
            self.last_read = time.monotonic()
            try:
                messages = reader.feed(view[:received])
            except ProtocolError as e:
                self.close("malformed data from the member: %s" % e, e)
                return
            for message in messages:
                try:
                    handler(self, message)
                except Exception:
                    _logger.exception("Error while handling %r on %r", message, self)
            if self._busy:
                self._busy = False
                if self._out:
                    self._flush()
            if received < len(view) and self._ssl_wrapper is None:
                return

    def handle_error(self, error: BaseException) -> None:
        self.close("I/O error: %s" % error, error)

    # --- closing ------------------------------------------------------------

    @property
    def local_address(self) -> Optional[tuple]:
        """``(ip, port)`` of this end of the socket, None when not connected."""
        try:
            return self._sock.getsockname()[:2] if self._sock is not None else None
        except OSError:
            return None

    @property
    def closed(self) -> bool:
        return self._closed

    def is_alive(self) -> bool:
        return not self._closed

    def close(self, reason: str, cause: Optional[BaseException] = None) -> None:
        """Close once; pending work on it is failed by the close handler."""
        if not self._reactor.is_reactor_thread() and self._reactor.thread is not None \
                and self._reactor.thread.is_alive():
            with self._write_lock:
                if self._closed:
                    return
            self._reactor.call_soon(self.close, reason, cause)
            return
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            self._writable = False
            self._out.clear()
        error = cause if isinstance(cause, HazelcastError) else TargetDisconnectedError(
            "Connection to %s:%d closed: %s" % (self.address[0], self.address[1], reason), cause)
        self.close_reason = error
        if self._connect_timer is not None:
            self._connect_timer.cancel()
        sock = self._sock
        if sock is not None:
            self._reactor.unregister(sock)
            try:
                sock.close()
            except OSError:
                pass
        was_connected = self.connected_future.done()
        if not was_connected:
            self.connected_future.set_exception(error)
        if not was_connected or isinstance(cause, HazelcastClientNotActiveError):
            _logger.debug("%r closed: %s", self, reason)  # a refused connect is reported by the caller
        elif cause is None:
            _logger.info("%r closed: %s", self, reason)
        else:
            _logger.warning("%r closed: %s", self, reason)
        try:
            self._close_handler(self, error)
        except Exception:
            _logger.exception("Error in the close handler of %r", self)

    def __repr__(self) -> str:
        host, port = self.address
        return "Connection(id=%d, address=%s:%d, owner=%s)" % (self.connection_id, host, port, self.is_owner)


def _next_batch(out: List[Any]) -> Tuple[Any, int]:
    """What to hand to one ``send``, and how many queued frames it covers: small frames
    joined; a large frame alone, from its own buffer (the small ones before it first)."""
    if len(out) == 1:
        return out[0], 1
    if max(map(len, out)) < _JOIN_LIMIT:
        return b"".join(out), len(out)
    taken = 0
    while len(out[taken]) < _JOIN_LIMIT:
        taken += 1
    return (out[0], 1) if taken == 0 else (b"".join(out[:taken]), taken)
