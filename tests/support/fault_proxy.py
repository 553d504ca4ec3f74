"""A small TCP proxy on loopback that injects network faults between a client and a member.

Typical use::

    from tests.support.fault_proxy import FaultProxy

    with FaultProxy(("127.0.0.1", member_port)) as proxy:   # listens on a free port
        ...connect the client to proxy.address_str...
        proxy.set_delay(0.5)          # every chunk is held 0.5 s in each direction
        proxy.set_bandwidth(20_000, chunk=1)  # byte-at-a-time, 20 kB/s
        proxy.drop()                  # forward nothing any more, close nothing (a silent member)
        proxy.heal()                  # back to forwarding (faults off; dropped bytes stay lost)
        proxy.half_close("to_client") # FIN to the client; the member side stays open
        proxy.half_close("to_member", silent=True)  # FIN to the member; the client is told nothing
        proxy.reset()                 # RST on both sides of every current connection

Faults apply to the connections open now and to the ones accepted later. Each
accepted connection is a :class:`Link` with two :class:`_Pipe` s (client->member
and member->client); a pipe is a reader thread, which reads chunks as they come,
and a writer thread, which forwards them after the delay and at the bandwidth.
Loopback only; meant for tests, not for speed.

To keep a client's reconnects going through the proxy, the member must tell
clients the proxy's address: start it with the member property
``hazelcast.local.publicAddress`` set to :attr:`FaultProxy.address_str`
(see :func:`cluster_kwargs_behind`).
"""
import collections
import socket
import struct
import threading
import time
from typing import Deque, List, Tuple

HOST = "127.0.0.1"
Endpoint = Tuple[str, int]
_READ_SIZE = 64 * 1024


def cluster_kwargs_behind(proxy_port: int) -> dict:
    """Keyword arguments of a one-member :class:`~tests.support.cluster.Cluster` whose
    member tells clients it is at ``127.0.0.1:proxy_port``, so that every client
    connection, reconnects too, goes through the proxy listening there. The member's
    TCP/IP join list is left empty: with its own real address in it, a member with a
    different public address takes itself for another member and tries to join it."""
    from tests.support.cluster import DEFAULT_TEMPLATE
    with open(DEFAULT_TEMPLATE, encoding="utf-8") as f:
        template = f.read().replace("{{members}}", "")
    return {"xml": template, "properties": {"hazelcast.local.publicAddress": "%s:%d" % (HOST, proxy_port)}}


def reserve_port() -> int:
    """A free loopback port (bound, then released)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class _Pipe:
    """One direction of a link: reads from ``src``, writes to ``dst``."""

    def __init__(self, link: "Link", src: socket.socket, dst: socket.socket, name: str):
        self.link = link
        self.src = src
        self.dst = dst
        self.name = name  # "to_member" or "to_client": where the bytes go
        self.queue: Deque[Tuple[float, bytes]] = collections.deque()
        self.cond = threading.Condition()
        self.eof = False  # the reader saw the end of src (or an error)
        self.shut = False  # dst was half-closed (or the link torn down): forward nothing more
        self.silent = False  # swallow an EOF from src instead of passing it on
        self.forwarded = 0  # bytes written to dst
        self.sends = 0  # send() calls made for them
        self.threads = [threading.Thread(target=self._read, name="fault-proxy-read-" + name, daemon=True),
                        threading.Thread(target=self._write, name="fault-proxy-write-" + name, daemon=True)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def _read(self) -> None:
        proxy = self.link.proxy
        while True:
            try:
                data = self.src.recv(_READ_SIZE)
            except OSError:
                data = b""
            with self.cond:
                if not data:
                    self.eof = True
                    self.cond.notify_all()
                    return
                if proxy.dropping or self.shut:
                    continue  # silently lost, as on a dead network path
                self.queue.append((time.monotonic() + proxy.delay, data))
                self.cond.notify_all()

    def _write(self) -> None:
        proxy = self.link.proxy
        while True:
            with self.cond:
                while not self.queue and not self.eof and not self.shut:
                    self.cond.wait(0.5)
                if self.shut:
                    return
                if not self.queue:  # eof and everything forwarded
                    break
                ready, data = self.queue.popleft()
            wait = ready - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            if proxy.dropping:
                continue
            if not self._send(data):
                self.link.tear_down()
                return
        if self.silent or self.link.silent:
            return  # the other end is not told (a half-open connection)
        try:
            self.dst.shutdown(socket.SHUT_WR)  # pass the half-close on
        except OSError:
            pass
        self.link.pipe_done()

    def _send(self, data: bytes) -> bool:
        proxy = self.link.proxy
        view = memoryview(data)
        while view:
            rate, chunk = proxy.bandwidth, proxy.chunk
            piece = view[:chunk] if chunk else view
            try:
                self.dst.sendall(piece)
            except OSError:
                return False
            self.forwarded += len(piece)
            self.sends += 1
            view = view[len(piece):]
            if rate:
                time.sleep(len(piece) / rate)
        return True


class Link:
    """One proxied connection: the client's socket and ours to the member."""

    def __init__(self, proxy: "FaultProxy", client: socket.socket, member: socket.socket):
        self.proxy = proxy
        self.client = client
        self.member = member
        self.silent = False
        self.closed = False
        self._done = 0
        self._lock = threading.Lock()
        self.to_member = _Pipe(self, client, member, "to_member")
        self.to_client = _Pipe(self, member, client, "to_client")

    def start(self) -> None:
        self.to_member.start()
        self.to_client.start()

    def pipe(self, direction: str) -> _Pipe:
        if direction == "to_client":
            return self.to_client
        if direction == "to_member":
            return self.to_member
        raise ValueError("direction is 'to_client' or 'to_member', not %r" % (direction,))

    def half_close(self, direction: str, silent: bool) -> None:
        """FIN towards one side; with ``silent``, the other side is never told anything."""
        pipe = self.pipe(direction)
        other = self.to_client if pipe is self.to_member else self.to_member
        with pipe.cond:
            pipe.shut = True
            pipe.queue.clear()
            pipe.cond.notify_all()
        if silent:
            with other.cond:
                other.silent = True
                other.shut = True  # what the closed side still says is lost too
                other.queue.clear()
                other.cond.notify_all()
        try:
            pipe.dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def reset(self) -> None:
        """RST on both sockets (SO_LINGER 0 then close)."""
        for sock in (self.client, self.member):
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
        self.tear_down(how=socket.SHUT_RD)

    def pipe_done(self) -> None:
        with self._lock:
            self._done += 1
            both = self._done == 2
        if both:
            self.tear_down()

    def tear_down(self, how: int = socket.SHUT_RDWR) -> None:
        """Close both sockets. A blocked recv() is woken only by shutdown(), not by
        close(); SHUT_RD sends nothing, so a close with SO_LINGER 0 after it is an RST."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
        for pipe in (self.to_member, self.to_client):
            with pipe.cond:
                pipe.shut = True
                pipe.cond.notify_all()
        for sock in (self.client, self.member):
            try:
                sock.shutdown(how)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass


class FaultProxy:
    """Listens on ``127.0.0.1:port`` (0: a free port) and forwards to ``target``."""

    def __init__(self, target: Endpoint, port: int = 0):
        self.target = target
        self.delay = 0.0
        self.bandwidth = 0.0  # bytes per second, 0 = unlimited
        self.chunk = 0  # bytes per send, 0 = whatever was read
        self.dropping = False
        self.links: List[Link] = []
        self.accepted = 0
        self._lock = threading.Lock()
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind((HOST, port))
        self._server.listen(16)
        self.port = self._server.getsockname()[1]
        self._closed = False
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy-accept", daemon=True)
        self._acceptor.start()

    @property
    def address(self) -> Endpoint:
        return HOST, self.port

    @property
    def address_str(self) -> str:
        return "%s:%d" % self.address

    # --- faults -----------------------------------------------------------------------

    def set_delay(self, seconds: float) -> None:
        """Hold every chunk ``seconds`` before forwarding it (each direction)."""
        self.delay = float(seconds)

    def set_bandwidth(self, bytes_per_second: float, chunk: int = 0) -> None:
        """Forward at most ``bytes_per_second`` (0: unlimited), ``chunk`` bytes per send."""
        self.bandwidth = float(bytes_per_second)
        self.chunk = int(chunk)

    def drop(self) -> None:
        """Forward nothing more, in either direction, and close nothing: the client sees
        a member that went silent (and new connections are accepted but stay silent)."""
        self.dropping = True

    def heal(self) -> None:
        """Faults off: forward again at full speed (what was dropped stays lost)."""
        self.dropping = False
        self.delay = 0.0
        self.bandwidth = 0.0
        self.chunk = 0

    def half_close(self, direction: str = "to_client", silent: bool = False) -> int:
        """Half-close every open link towards ``direction`` ("to_client": the client reads
        EOF; "to_member": the member does). With ``silent``, whatever the other side does
        next is not passed on, so it sees a connection that is open but dead. Returns the
        number of links affected."""
        links = self.open_links()
        for link in links:
            link.half_close(direction, silent)
        return len(links)

    def reset(self) -> int:
        """Reset every open link (both sides get an RST). Returns how many."""
        links = self.open_links()
        for link in links:
            link.reset()
        return len(links)

    # --- state ------------------------------------------------------------------------

    def open_links(self) -> List[Link]:
        with self._lock:
            return [link for link in self.links if not link.closed]

    def forwarded(self, direction: str) -> Tuple[int, int]:
        """(bytes, send calls) forwarded so far in ``direction`` over every link."""
        with self._lock:
            pipes = [link.pipe(direction) for link in self.links]
        return sum(p.forwarded for p in pipes), sum(p.sends for p in pipes)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            try:
                member = socket.create_connection(self.target, timeout=5)
                member.settimeout(None)
            except OSError:
                client.close()  # the member is down: so is the proxied connection
                continue
            for sock in (client, member):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = Link(self, client, member)
            with self._lock:
                if self._closed:
                    link.tear_down()
                    return
                self.links.append(link)
                self.accepted += 1
            link.start()

    def close(self) -> None:
        """Stop listening and close every link."""
        with self._lock:
            self._closed = True
            links = list(self.links)
        try:
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        except OSError:
            pass
        try:
            self._server.close()
        except OSError:
            pass
        self._acceptor.join(2)
        for link in links:
            link.tear_down()
        for link in links:
            for thread in link.to_member.threads + link.to_client.threads:
                thread.join(2)

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
