"""A TCP proxy in a thread, put between a server under test and PostgreSQL so a test can make the database go
away and come back: cut every connection and refuse new ones, optionally at the moment given SQL passes through.

Plain sockets and `selectors`, one thread. Data is forwarded as it arrives; a write waits until the other side
has taken it, which on loopback with PostgreSQL's request-and-answer protocol is never for long. The SQL text is
visible on the wire only without TLS: give the client `sslmode=disable`."""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
from dataclasses import dataclass, field
from types import TracebackType

CHUNK = 65536
COMMAND_TIMEOUT = 10.0  # seconds the test waits for the proxy thread to carry out a command


@dataclass
class _Link:
    """One client connection and the upstream connection it is forwarded to."""

    client: socket.socket
    upstream: socket.socket
    tail: bytes = b""  # the end of what the client sent, so a pattern split across two reads is still found

    def peer_of(self, sock: socket.socket) -> socket.socket:
        return self.upstream if sock is self.client else self.client


@dataclass
class _Trigger:
    """Cut once these patterns have been sent by a client, in this order; the read holding the last one is
    dropped, so the database never receives it."""

    patterns: tuple[bytes, ...]
    matched: int = 0
    fired: threading.Event = field(default_factory=threading.Event)


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset, as a vanished server or a firewall does, rather than an orderly goodbye."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class TcpProxy:
    """Listens on a free port of 127.0.0.1 and forwards each connection to `upstream`."""

    def __init__(self, *, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._selector = selectors.DefaultSelector()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._links: dict[socket.socket, _Link] = {}
        self._lock = threading.Lock()
        self._commands: list[tuple[str, threading.Event]] = []
        self._refusing = False
        self._trigger: _Trigger | None = None
        self._stopped = False
        self.accepted = 0  # connections forwarded since the start
        self.refused = 0  # connections reset at once while refusing
        self.cuts = 0  # times every connection was cut
        self._thread = threading.Thread(target=self._run, name=f"tcp-proxy-{self.port}", daemon=True)

    def __enter__(self) -> TcpProxy:
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._selector.register(self._wake_reader, selectors.EVENT_READ)
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._command("stop")
        self._thread.join(COMMAND_TIMEOUT)

    @property
    def refusing(self) -> bool:
        return self._refusing

    def cut(self) -> None:
        """The database goes away: every open connection is reset and new ones are refused until `restore`."""
        self._command("cut")

    def restore(self) -> None:
        """The database is back: new connections are forwarded again (the ones cut stay cut)."""
        self._command("restore")

    def cut_when_sent(self, *patterns: bytes) -> threading.Event:
        """Arms a cut for the moment a client has sent all `patterns` in order; the returned event is set then."""
        if not patterns or not all(patterns):
            raise ValueError("give at least one non-empty pattern")
        trigger = _Trigger(patterns=patterns)
        with self._lock:
            self._trigger = trigger
        return trigger.fired

    def disarm(self) -> None:
        with self._lock:
            self._trigger = None

    def _command(self, name: str) -> None:
        done = threading.Event()
        with self._lock:
            self._commands.append((name, done))
        self._wake_writer.send(b"x")
        if not done.wait(COMMAND_TIMEOUT):
            raise TimeoutError(f"the proxy did not carry out {name!r}")

    def _run(self) -> None:
        while not self._stopped:
            for key, _events in self._selector.select():
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._wake_reader:
                    sock.recv(CHUNK)
                    self._carry_out_commands()
                elif sock is self._listener:
                    self._accept()
                elif sock in self._links:
                    self._forward(sock)
        self._close_everything()

    def _carry_out_commands(self) -> None:
        with self._lock:
            commands, self._commands = self._commands, []
        for name, done in commands:
            if name == "cut":
                self._cut_all()
            elif name == "restore":
                self._refusing = False
            elif name == "stop":
                self._stopped = True
            done.set()

    def _accept(self) -> None:
        try:
            client, _address = self._listener.accept()
        except BlockingIOError:
            return
        client.setblocking(True)
        if self._refusing:
            self.refused += 1
            _reset(client)
            return
        try:
            upstream = socket.create_connection(self.upstream, timeout=COMMAND_TIMEOUT)
        except OSError:
            _reset(client)
            return
        upstream.settimeout(None)
        link = _Link(client=client, upstream=upstream)
        for end in (client, upstream):
            self._links[end] = link
            self._selector.register(end, selectors.EVENT_READ)
        self.accepted += 1

    def _forward(self, sock: socket.socket) -> None:
        link = self._links[sock]
        try:
            data = sock.recv(CHUNK)
        except OSError:
            data = b""
        if not data:  # one side hung up: so does the other, in good order
            self._close(link, reset=False)
            return
        if sock is link.client and self._fires(link, data):
            self._cut_all()
            return
        try:
            link.peer_of(sock).sendall(data)
        except OSError:
            self._close(link, reset=False)

    def _fires(self, link: _Link, data: bytes) -> bool:
        """Whether `data` completes the armed trigger; remembers partial progress across reads."""
        with self._lock:
            trigger = self._trigger
        if trigger is None:
            return False
        window = link.tail + data
        start = 0
        while trigger.matched < len(trigger.patterns):
            found = window.find(trigger.patterns[trigger.matched], start)
            if found < 0:
                break
            start = found + len(trigger.patterns[trigger.matched])
            trigger.matched += 1
        if trigger.matched == len(trigger.patterns):
            with self._lock:
                self._trigger = None
            trigger.fired.set()
            return True
        keep = max(len(pattern) for pattern in trigger.patterns) - 1
        link.tail = window[max(start, len(window) - keep) :]
        return False

    def _cut_all(self) -> None:
        self._refusing = True
        self.cuts += 1
        for link in {id(link): link for link in self._links.values()}.values():
            self._close(link)

    def _close(self, link: _Link, *, reset: bool = True) -> None:
        for end in (link.client, link.upstream):
            if self._links.pop(end, None) is not None:
                self._selector.unregister(end)
            if reset:
                _reset(end)
            else:
                end.close()

    def _close_everything(self) -> None:
        for link in {id(link): link for link in self._links.values()}.values():
            self._close(link)
        for sock in (self._listener, self._wake_reader):
            self._selector.unregister(sock)
            sock.close()
        self._wake_writer.close()
        self._selector.close()
