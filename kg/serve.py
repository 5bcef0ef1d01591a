"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, by Oxigraph's own server.

kg does not implement a SPARQL server: it runs ``oxigraph serve-read-only`` from the
``oxigraph`` package (``pip install 'kg[serve]'``), which answers GET and POST queries with
the standard media types, negotiates result formats, and has a query page (YASGUI, served
locally) at ``/``, which kg's guard answers with its own (:mod:`kg.query_page`: the same
YASGUI, opened on kg's prefixes and example queries). Queries see the union of the store's
graphs, each entity described once, as ``kg query`` does.

**The store lock.** The embedded store is a RocksDB database that one writer locks. Oxigraph
documents that opening it read-only while another process writes it is undefined
behaviour, and its read-only server takes no lock, so it could not stop a ``kg build``. kg
therefore serves a *snapshot*: it opens the store (failing with a clear message if a build
holds it), makes an Oxigraph backup next to it (a RocksDB checkpoint: hard links, no copy
on the same file system), and serves that. ``kg build`` may run against the store while
``kg serve`` runs; the endpoint shows the store as it was when ``kg serve`` started, and a
restart shows the new documents.

**The guard in front.** Oxigraph's server trusts its clients, so kg never exposes it: it
runs on private localhost ports (``ENGINES`` processes, the *engines*) behind a small
reverse proxy (:class:`Guard`, standard library only) on the public address, which

- refuses federated queries (``SERVICE <url>``: the server would fetch any URL for anyone,
  see :mod:`kg.federation`) with 403, unless started with ``allow_service``;
- enforces ``--timeout`` itself: Oxigraph's own timeout lets a cross join run on (and
  answers 200 with a cut, invalid body), so at the limit the guard answers 504 with a text
  body and kills the engine that ran the query, which frees its CPU and memory at once;
  the supervisor starts a fresh engine, and the other queries that engine was running are
  sent again to another one (queries are read-only, so repeating them is safe);
- reads each answer up to ``--max-result-bytes`` (413 beyond, saying how to get less);
- limits a request body to ``--max-request-bytes`` (413), answers a malformed request
  (``Content-Length: abc``, a negative length, a chunked body) with 400 or 411, gives a
  client ``--client-timeout`` seconds to send each request (a slow or stalled client is cut
  off), and holds at most ``MAX_CONNECTIONS`` connections (503 beyond);
- logs no traceback when a client leaves early.

**Nothing outlives kg serve.** Engines are started through a small launcher that asks Linux
to kill them when the supervisor thread that started them ends (``PR_SET_PDEATHSIG``), so
even a SIGKILL of ``kg serve`` takes them down. A snapshot left by a server killed outright
(its pid is in the folder name), and any engine still serving it, are removed when
``kg serve`` next starts. The log shows the public address only.
"""

from __future__ import annotations

import contextlib
import http
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import StoreError
from .xmlsafe import xml_bytes

DEFAULT_BIND = "127.0.0.1:7878"
DEFAULT_TIMEOUT = 30
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_REQUEST_BYTES = 1_000_000
DEFAULT_CLIENT_TIMEOUT = 10
ENGINES = 2  # Oxigraph processes: while one is restarted after a timeout, the other answers
MAX_CONNECTIONS = 512
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def find_server() -> str:
    """The ``oxigraph`` executable: next to this Python, else on PATH."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if here.exists():
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError("kg serve runs Oxigraph's SPARQL server, which is not installed; "
                     "install it with: pip install 'kg[serve]' (the oxigraph package)")


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` → (host, port), refusing anything else with the way out."""
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise StoreError(f"--bind must be HOST:PORT such as {DEFAULT_BIND}, got {bind!r}")
    return host, int(port)


def is_local(bind: str) -> bool:
    return parse_bind(bind)[0] in LOCAL_HOSTS


def _url(host: str, port: int) -> str:
    host = host.strip("[]")
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


def snapshot(store_path: str | Path, target: str | Path) -> Path:
    """A consistent copy of the store at ``target`` (hard links where the file system allows)."""
    from .store import open_store

    with open_store(store_path, create=False) as store:
        try:
            store.ox.backup(str(target))
        except OSError as exc:
            raise StoreError(f"cannot snapshot the store {store_path} into {target} ({exc})") from None
    return Path(target)


def server_command(location: str | Path, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
                   cors: bool = False, binary: str | None = None) -> list[str]:
    """The ``oxigraph serve-read-only`` command line of one engine.

    ``timeout`` is Oxigraph's own, which kg does not rely on (see the module docstring):
    :func:`running` passes none and cancels queries itself.
    """
    parse_bind(bind)
    cmd = [binary or find_server(), "serve-read-only", "--location", str(location), "--bind", bind,
           "--union-default-graph"]
    if timeout:
        cmd += ["--timeout-s", str(int(timeout))]
    if cors:
        cmd.append("--cors")
    return cmd


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ the engines

# Run by a fresh Python between the supervisor and Oxigraph: ask the kernel to kill this
# process when the thread that started it ends, check that its parent still lives (it may
# have died before the request), then become Oxigraph. The request survives exec. (A
# preexec_fn would do the same inside the fork, which is unsafe in a process with threads.)
_LAUNCHER = """import ctypes, os, signal, sys
if sys.platform.startswith("linux"):
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
if os.getppid() != int(sys.argv[1]):
    sys.exit(1)
os.execv(sys.argv[2], sys.argv[2:])
"""


class Engine:
    """One ``oxigraph serve-read-only`` process on a private localhost port."""

    def __init__(self, command: list[str], port: int, log):
        self.port = port
        self.inflight = 0
        self.dead = False  # killed (a query ran over the limit) or exited
        self._idle: list = []  # kept-alive connections to it
        self.process = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(os.getpid()), *command],
                                        stdout=log, stderr=log, stdin=subprocess.DEVNULL)

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def connection(self, timeout: float):
        import http.client

        try:
            conn = self._idle.pop()
        except IndexError:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            conn.connect()
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        else:
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
        return conn

    def keep(self, conn) -> None:
        if not self.dead and len(self._idle) < 64:
            self._idle.append(conn)
        else:
            conn.close()

    def kill(self) -> None:
        self.dead = True
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        while self._idle:
            self._idle.pop().close()


class Engines:
    """The engines and the supervisor thread that starts, restarts and stops them.

    Engines are started only by the supervisor thread, which lives as long as the server:
    Linux kills an engine when the thread that started it ends (see ``_LAUNCHER``).
    """

    def __init__(self, command, count: int, work: Path, startup_wait: float):
        self.command, self.count, self.work, self.startup_wait = command, count, work, startup_wait
        self.engines: list[Engine] = []
        self.lock = threading.Condition()
        self.todo: list[Engine] = []
        self.stopping = False
        self.failure: str | None = None
        # Oxigraph's own output goes here, not to the terminal: its private ports stay private.
        self.log = open(work / "engine.log", "ab")  # noqa: SIM115 - held for the engines' life, closed in stop()
        self.thread = threading.Thread(target=self._supervise, name="kg-serve-engines", daemon=True)

    # -- run by the supervisor thread only
    def _start_one(self) -> Engine:
        port = _free_port()
        engine = Engine([f"127.0.0.1:{port}" if c == "{bind}" else c for c in self.command], port, self.log)
        deadline = time.monotonic() + self.startup_wait
        while not engine.ready():
            if engine.process.poll() is not None:
                raise StoreError(f"the SPARQL server stopped at start-up (exit code {engine.process.returncode})"
                                 f"{self._last_log_line()}")
            if time.monotonic() > deadline:
                engine.kill()
                raise StoreError(f"the SPARQL server did not answer within {self.startup_wait:.0f} s")
            time.sleep(0.05)
        self._write_pids()
        return engine

    def _last_log_line(self) -> str:
        try:
            lines = (self.work / "engine.log").read_bytes().decode("utf-8", "replace").strip().splitlines()
        except OSError:
            return ""
        return f": {lines[-1]}" if lines else ""

    def _write_pids(self) -> None:
        pids = " ".join(str(e.process.pid) for e in self.engines if not e.dead)
        with contextlib.suppress(OSError):
            (self.work / "engines.pid").write_text(pids)

    def _supervise(self) -> None:
        try:
            for _ in range(self.count):
                engine = self._start_one()
                with self.lock:
                    self.engines.append(engine)
                    self.lock.notify_all()
            while True:
                with self.lock:
                    while not self.todo and not self.stopping:
                        self.lock.wait(timeout=1.0)
                        for e in self.engines:  # an engine that died on its own is replaced too
                            if not e.dead and e.process.poll() is not None:
                                e.dead = True
                                self.todo.append(e)
                    if self.stopping:
                        break
                    old = self.todo.pop(0)
                old.kill()
                fresh = self._start_one()
                with self.lock:
                    self.engines = [fresh if e is old else e for e in self.engines]
                    self._write_pids()
                    self.lock.notify_all()
        except StoreError as exc:
            with self.lock:
                self.failure = str(exc)
                self.lock.notify_all()
        finally:
            for e in list(self.engines):
                e.kill()

    # -- used by any thread
    def start(self) -> None:
        self.thread.start()
        with self.lock:
            while len(self.engines) < self.count and self.failure is None and self.thread.is_alive():
                self.lock.wait(timeout=0.5)
            if self.failure:
                raise StoreError(self.failure)
            if len(self.engines) < self.count:  # the supervisor died of an error it does not expect
                raise StoreError("the SPARQL server could not be started: its supervisor stopped unexpectedly")

    def acquire(self, deadline: float) -> Engine | None:
        """The live engine with the fewest queries running (waiting for one while they restart)."""
        with self.lock:
            while True:
                live = [e for e in self.engines if not e.dead]
                if live:
                    engine = min(live, key=lambda e: e.inflight)
                    engine.inflight += 1
                    return engine
                if self.failure or self.stopping or time.monotonic() >= deadline:
                    return None
                self.lock.wait(timeout=min(0.5, max(deadline - time.monotonic(), 0.01)))

    def release(self, engine: Engine) -> None:
        with self.lock:
            engine.inflight -= 1

    def restart(self, engine: Engine) -> None:
        """Kill ``engine`` now (its CPU and memory are freed at once) and have a fresh one started."""
        with self.lock:
            if engine.dead:
                return
            engine.dead = True
        if engine.process.poll() is None:
            engine.process.kill()
        with self.lock:
            self.todo.append(engine)
            self.lock.notify_all()

    def stop(self) -> None:
        with self.lock:
            self.stopping = True
            self.lock.notify_all()
        if self.thread.ident is not None:  # started (running() stops a pool it never started when the port is taken)
            self.thread.join(timeout=30)
        for e in list(self.engines):
            e.kill()
        self.log.close()

    def pids(self) -> list[int]:
        return [e.process.pid for e in self.engines if not e.dead]


# ------------------------------------------------------------------ the guard (reverse proxy)

_XML_TYPES = {"application/sparql-results+xml", "application/rdf+xml", "application/xml", "text/xml"}
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
               "transfer-encoding", "upgrade", "content-length", "host"}


class _Refused(Exception):
    """An answer the guard gives itself: (status, text)."""

    def __init__(self, status: int, text: str, close: bool = False):
        super().__init__(text)
        self.status, self.text, self.close = status, text, close


class _Deadlines:
    """Connections that must send their request by a time; one thread cuts off the late ones."""

    def __init__(self):
        self.lock = threading.Lock()
        self.due: dict[socket.socket, float] = {}
        self.running = True
        self.thread = threading.Thread(target=self._reap, name="kg-serve-deadlines", daemon=True)
        self.thread.start()

    def set(self, sock, when: float) -> None:
        with self.lock:
            self.due[sock] = when

    def clear(self, sock) -> None:
        with self.lock:
            self.due.pop(sock, None)

    def _reap(self) -> None:
        while self.running:
            time.sleep(0.2)
            now = time.monotonic()
            with self.lock:
                late = [s for s, t in self.due.items() if t <= now]
                for s in late:
                    del self.due[s]
            for s in late:  # the handler's read returns at once; it then closes the connection
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


def _queries_in(path: str, headers, body: bytes | None) -> list[str]:
    """Every query text a request carries (URL parameter, form field or body)."""
    found = []
    query = urllib.parse.urlsplit(path).query
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key in ("query", "update"):
            found.append(value)
    if body:
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        text = body.decode("utf-8", "replace")
        if ctype == "application/x-www-form-urlencoded":
            found += [v for k, v in urllib.parse.parse_qsl(text, keep_blank_values=True) if k in ("query", "update")]
        else:  # a query body, or anything else: checked as a query (when in doubt, refuse)
            found.append(text)
    return found


class _Handler(BaseHTTPRequestHandler):
    """One client connection; its settings are the guard's (``self.server.guard``)."""

    protocol_version = "HTTP/1.1"

    def setup(self):
        self.guard = self.server.guard
        self.timeout = self.guard.client_timeout  # each read from, or write to, the client
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the
        # body until the client's delayed ACK (40 ms a request).
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):  # quiet, like Oxigraph's server
        pass

    def handle_one_request(self):
        # The whole request (line, headers, body) must arrive within client_timeout.
        self.guard.deadlines.set(self.connection, time.monotonic() + self.guard.client_timeout)
        try:
            super().handle_one_request()
        except OSError:  # the client left, or was cut off
            self.close_connection = True
        finally:
            self.guard.deadlines.clear(self.connection)

    def _body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _Refused(411, "send the request body with a Content-Length (chunked bodies are not accepted)",
                           close=True)
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            return None
        if len(set(lengths)) > 1 or not lengths[0].strip().isdigit():
            raise _Refused(400, f"malformed Content-Length {', '.join(lengths)!r}: it must be one number of bytes",
                           close=True)
        length, limit = int(lengths[0]), self.guard.max_request_bytes
        if length > limit:
            raise _Refused(413, f"the request body has {length:,} bytes, over the server's limit of {limit:,} "
                                "bytes; send a shorter query (or restart kg serve with a higher "
                                "--max-request-bytes)", close=True)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise ConnectionError("the client left before sending its body")
        return body

    def _forward(self):
        if self.command in ("GET", "HEAD") and self.path.split("?")[0] in ("/", "/index.html"):
            from .query_page import query_page  # kg's query page: kg's prefixes and examples

            return self._respond(200, "OK", [("Content-Type", "text/html; charset=utf-8")], query_page())
        try:
            body = self._body()
            self.guard.deadlines.clear(self.connection)  # the request is in: now it is the engine's time
            self.guard.check(self.path, self.headers, body)
            status, reason, headers, data = self.guard.forward(self.command, self.path, self.headers, body)
        except _Refused as refused:
            return self._error(refused.status, refused.text, close=refused.close)
        self._respond(status, reason, headers, data)

    def _respond(self, status: int, reason: str, headers, data: bytes, close: bool = False) -> None:
        """The whole answer in one write: fewer system calls and wake-ups on both sides than
        headers and body apart (what costs most with many clients)."""
        head = [f"HTTP/1.1 {status} {reason}", f"Date: {self.date_time_string()}", *(f"{k}: {v}" for k, v in headers),
                f"Content-Length: {len(data)}"]
        if close or self.close_connection:
            head.append("Connection: close")
            self.close_connection = True
        self.wfile.write("\r\n".join(head).encode("latin-1", "replace") + b"\r\n\r\n"
                         + (data if self.command != "HEAD" else b""))

    def _error(self, status: int, message: str, close: bool = False):
        self._respond(status, http.HTTPStatus(status).phrase, [("Content-Type", "text/plain; charset=utf-8")],
                      (message + "\n").encode("utf-8"), close)

    do_GET = do_POST = do_HEAD = do_OPTIONS = _forward

    def do_PUT(self):  # read-only: refused here already, whatever the engine says
        self._error(405, "this endpoint is read-only", close=True)

    do_DELETE = do_PATCH = do_PUT


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # the default 5 makes a burst of clients wait for TCP retries
    guard: Guard

    def process_request(self, request, client_address):
        guard = self.guard
        with guard.active_lock:
            full = guard.active >= MAX_CONNECTIONS
            if not full:
                guard.active += 1
        if full:  # answer at once, without a thread
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                                b"Connection: close\r\nContent-Length: 32\r\n\r\ntoo many connections; try again\n")
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.guard.active_lock:
                self.guard.active -= 1

    def handle_error(self, request, client_address):
        # A client that leaves early is no error of the server's: no traceback.
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            self.guard.say(f"kg serve: a request from {client_address[0]} failed: {exc!r}")


class _Server6(_Server):
    address_family = socket.AF_INET6


class Guard:
    """The public face of ``kg serve``: checks each request, forwards it to an engine, checks the answer."""

    def __init__(self, bind: tuple[str, int], engines: Engines, *, max_bytes: int | None, timeout: float | None,
                 max_request_bytes: int, client_timeout: float, allow_service: bool, log=None):
        self.engines = engines
        self.max_bytes, self.timeout = max_bytes, timeout
        self.max_request_bytes, self.client_timeout = max_request_bytes, client_timeout
        self.allow_service = allow_service
        self.log = log
        self.active = 0
        self.active_lock = threading.Lock()
        host = bind[0].strip("[]")
        self.server = (_Server6 if ":" in host else _Server)((host, bind[1]), _Handler, bind_and_activate=False)
        self.server.guard = self
        try:
            self.server.server_bind()  # the port is ours; it listens from start() (see running())
        except OSError:
            self.server.server_close()
            raise
        self.deadlines = _Deadlines()
        self.thread = threading.Thread(target=self.server.serve_forever, name="kg-serve-guard", daemon=True)

    def check(self, path: str, headers, body: bytes | None) -> None:
        """Refuse a federated query (unless allowed)."""
        if self.allow_service:
            return
        from .federation import refusal, uses_service

        if any(uses_service(q) for q in _queries_in(path, headers, body)):
            raise _Refused(403, refusal("the server"))

    def say(self, line: str) -> None:
        if self.log is not None:
            with contextlib.suppress(OSError, ValueError):
                print(line, file=self.log, flush=True)

    def forward(self, method: str, path: str, headers, body: bytes | None):
        """(status, reason, headers, body) of the engines' answer, within the time limit.

        An engine that runs past the limit is killed (the client gets 504); a query that
        lost its engine that way, to another query, is sent again to another engine.
        """
        import http.client

        send = {k: v for k, v in headers.items() if k.lower() not in _HOP_BY_HOP}
        start = time.monotonic()
        deadline = start + self.timeout if self.timeout else float("inf")
        while True:
            engine = self.engines.acquire(min(deadline, start + 60))
            if engine is None:
                raise _Refused(503, "the SPARQL engine is not available; try again in a moment")
            conn = None
            reused = False
            try:
                left = deadline - time.monotonic()
                conn = engine.connection(timeout=max(left, 0.05) if self.timeout else None)
                reused = conn.sock is not None
                conn.request(method, path, body=body, headers=send)
                resp = conn.getresponse()
                data = self._read(resp, conn, deadline)
                if data is None:
                    conn.close()
                    raise _Refused(413, f"the result is larger than the server's limit of {self.max_bytes:,} "
                                        "bytes; add LIMIT to the query (or restart kg serve with a higher "
                                        "--max-result-bytes)")
                out = [(k, v) for k, v in resp.getheaders() if k.lower() not in _HOP_BY_HOP]
                if (resp.getheader("Content-Type") or "").split(";")[0].strip() in _XML_TYPES:
                    data = xml_bytes(data)  # Oxigraph writes what XML 1.0 forbids as it is: see kg.xmlsafe
                if resp.will_close:
                    conn.close()
                else:
                    engine.keep(conn)
                return resp.status, resp.reason, out, data
            except TimeoutError:
                if conn is not None:
                    conn.close()
                self.engines.restart(engine)
                self.say(f"kg serve: a query ran over the limit of {self.timeout:g} s; cancelled it")
                raise _Refused(504, f"the query ran longer than the server's limit of {self.timeout:g} s and was "
                                    "cancelled; make it more selective (add LIMIT, bind more of the pattern) or "
                                    "restart kg serve with a higher --timeout") from None
            except (OSError, http.client.HTTPException) as exc:
                if conn is not None:
                    conn.close()
                if (engine.dead or reused) and time.monotonic() < deadline:
                    continue  # killed for another query's sake, or a kept-alive connection gone stale: again
                raise _Refused(502, f"the SPARQL engine did not answer ({exc})") from None
            finally:
                self.engines.release(engine)

    def _read(self, resp, conn, deadline: float) -> bytes | None:
        """The whole answer, or None when it is over ``max_bytes``; TimeoutError past the deadline."""
        limit = self.max_bytes or float("inf")
        chunks, size = [], 0
        while True:
            if self.timeout:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                if conn.sock is not None:
                    conn.sock.settimeout(left)
            chunk = resp.read1(1 << 16) if hasattr(resp, "read1") else resp.read(1 << 16)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)

    def start(self) -> Guard:
        self.server.server_activate()
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.thread.is_alive():  # shutdown() waits for serve_forever, which a guard never started never ends
            self.server.shutdown()
        self.server.server_close()
        self.deadlines.running = False


# ------------------------------------------------------------------ running it

@dataclass
class Server:
    url: str  # the base URL; SPARQL queries go to url + "/query"
    snapshot: Path
    engines: Engines

    @property
    def query_url(self) -> str:
        return self.url + "/query"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _engines_serving(folder: Path) -> list[int]:
    """Processes whose command line serves a store inside ``folder`` (Linux: read from /proc)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    needle = str(folder).encode()
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve-read-only" in cmd and any(arg.startswith(needle) for arg in cmd):
            found.append(int(entry.name))
    return found


def _remove_stale_snapshots(store_path: Path) -> None:
    """Delete snapshots left by a kg serve that was killed outright (its pid is in the name),
    stopping any engine still serving one."""
    for p in store_path.parent.glob(f".{store_path.name}.kg-serve-*-*"):
        pid = p.name[len(f".{store_path.name}.kg-serve-"):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            for engine in _engines_serving(p):
                with contextlib.suppress(OSError):
                    os.kill(engine, signal.SIGKILL)
            shutil.rmtree(p, ignore_errors=True)


@contextlib.contextmanager
def running(store_path: str | Path, *, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
            cors: bool = False, startup_wait: float = 20.0, log=None,
            max_bytes: int | None = DEFAULT_MAX_BYTES, max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
            client_timeout: float = DEFAULT_CLIENT_TIMEOUT, allow_service: bool = False,
            engines: int = ENGINES) -> Iterator[Server]:
    """Serve a snapshot of the store for the duration of the ``with`` block.

    ``log`` receives the guard's own lines (a query cancelled at the limit); Oxigraph's
    output goes to a file in the snapshot's folder.

    >>> with running("output/store", bind="127.0.0.1:7878") as srv:   # doctest: +SKIP
    ...     urllib.request.urlopen(srv.query_url + "?query=ASK%7B%7D").read()
    """
    store_path = Path(store_path)
    binary = find_server()
    host, port = parse_bind(bind)
    _remove_stale_snapshots(store_path)
    # Next to the store, so the backup is hard links on the same file system.
    work = Path(tempfile.mkdtemp(prefix=f".{store_path.name}.kg-serve-{os.getpid()}-", dir=store_path.parent))
    pool = guard = None
    try:
        snap = snapshot(store_path, work / "snapshot")
        command = server_command(snap, "127.0.0.1:1", None, cors, binary)  # no timeout of its own: see above
        command[command.index("--bind") + 1] = "{bind}"
        pool = Engines(command, engines, work, startup_wait)
        # The public port is taken before the engines pick their private ones, so that an
        # engine can never be handed the port the user asked for.
        try:
            guard = Guard((host, port), pool, max_bytes=max_bytes, timeout=timeout,
                          max_request_bytes=max_request_bytes, client_timeout=client_timeout,
                          allow_service=allow_service, log=log)
        except OSError as exc:
            raise StoreError(f"cannot listen on {bind} ({exc}); is it already in use? "
                             "Pick another with --bind") from None
        pool.start()
        guard.start()
        yield Server(_url(host, port), snap, pool)
    finally:
        if guard is not None:
            guard.stop()
        if pool is not None:
            pool.stop()
        shutil.rmtree(work, ignore_errors=True)


def serve(store_path: str | Path, *, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
          cors: bool = False, echo=print, max_bytes: int | None = DEFAULT_MAX_BYTES,
          max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, client_timeout: float = DEFAULT_CLIENT_TIMEOUT,
          allow_service: bool = False) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); returns the exit code."""
    def stop(signum, frame):  # let the ``finally`` of running() stop the server and clean up
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with running(store_path, bind=bind, timeout=timeout, cors=cors, log=sys.stderr, max_bytes=max_bytes,
                     max_request_bytes=max_request_bytes, client_timeout=client_timeout,
                     allow_service=allow_service) as srv:
            echo(f"Serving a snapshot of {store_path} (read-only) at {srv.url}/")
            echo(f"SPARQL endpoint: {srv.query_url}   (GET ?query=... or POST; Ctrl-C to stop)")
            echo("Queries see the union of all documents, each entity described once. The query page at / "
                 "declares kg's prefixes; elsewhere declare them (PREFIX kg: <https://w3id.org/kg/ontology#>).")
            try:
                while srv.engines.thread.is_alive():
                    srv.engines.thread.join(timeout=1.0)
            except KeyboardInterrupt:
                return 0
            raise StoreError(f"the SPARQL server stopped: {srv.engines.failure or 'unknown reason'}")
    finally:
        signal.signal(signal.SIGTERM, previous)
