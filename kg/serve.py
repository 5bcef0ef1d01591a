"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, by Oxigraph's own server.

kg does not implement a server: it runs ``oxigraph serve-read-only`` from the ``oxigraph``
package (``pip install 'kg[serve]'``), which answers GET and POST queries with the standard
media types, negotiates result formats, and has a query page (YASGUI, served locally) at
``/``, which kg's proxy replaces by its own (:mod:`kg.query_page`: the same YASGUI, opened on
kg's prefixes and example queries). Queries see the union of the store's graphs, as ``kg
query`` does.

**The store lock.** The embedded store is a RocksDB database that one writer locks. Oxigraph
documents that opening it read-only while another process writes it is undefined
behaviour, and its read-only server takes no lock, so it could not stop a ``kg build``. kg
therefore serves a *snapshot*: it opens the store (failing with a clear message if a build
holds it), makes an Oxigraph backup next to it (a RocksDB checkpoint: hard links, no copy
on the same file system), and serves that. ``kg build`` may run against the store while
``kg serve`` runs; the endpoint shows the store as it was when ``kg serve`` started, and a
restart shows the new documents. The snapshot is deleted when the server stops (or, if it
was killed outright, when ``kg serve`` next starts).

**Limits.** ``--timeout`` (seconds) is passed to Oxigraph, which cancels longer queries.
Oxigraph's server has no result-size limit, so with ``--max-result-bytes`` (the default) kg
puts a small reverse proxy (:class:`LimitingProxy`, standard library only) on the public
address and runs Oxigraph on a private localhost port behind it. The proxy reads each answer
up to the limit: a larger one is dropped and the client gets ``413`` with the limit and the
way out (add ``LIMIT`` to the query, or raise ``--max-result-bytes``). The answer is held in
memory while it is checked, so memory is bounded by the limit times the concurrent queries.
``--max-result-bytes 0`` serves Oxigraph directly, with no size limit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError

DEFAULT_BIND = "127.0.0.1:7878"
DEFAULT_TIMEOUT = 30
DEFAULT_MAX_BYTES = 10_000_000
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
    """The ``oxigraph serve-read-only`` command line kg runs."""
    parse_bind(bind)
    cmd = [binary or find_server(), "serve-read-only", "--location", str(location), "--bind", bind,
           "--union-default-graph"]
    if timeout:
        cmd += ["--timeout-s", str(int(timeout))]
    if cors:
        cmd.append("--cors")
    return cmd

# ------------------------------------------------------------------ the result-size limit

_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
               "transfer-encoding", "upgrade", "content-length", "host"}


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LimitingProxy:
    """Forward HTTP requests to ``backend`` (host, port); refuse answers over ``max_bytes``."""

    def __init__(self, bind: tuple[str, int], backend: tuple[str, int], max_bytes: int, timeout: float | None):
        import http.client
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet, like Oxigraph's server
                pass

            def _forward(self):
                if self.command in ("GET", "HEAD") and self.path.split("?")[0] in ("/", "/index.html"):
                    return self._page()  # kg's query page: kg's prefixes and examples
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
                conn = http.client.HTTPConnection(*backend, timeout=(timeout or 0) + 30 if timeout else None)
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    resp = conn.getresponse()
                    data = resp.read(max_bytes + 1)
                    if len(data) > max_bytes:
                        return self._error(413, f"the result is larger than the server's limit of {max_bytes:,} "
                                                "bytes; add LIMIT to the query (or restart kg serve with a higher "
                                                "--max-result-bytes)")
                    self.send_response(resp.status, resp.reason)
                    for k, v in resp.getheaders():
                        if k.lower() not in _HOP_BY_HOP:
                            self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError as exc:
                    self._error(502, f"the SPARQL server did not answer ({exc})")
                finally:
                    conn.close()

            def _page(self):
                from .query_page import query_page

                data = query_page()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(data)

            def _error(self, status: int, message: str):
                data = (message + "\n").encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_HEAD = do_OPTIONS = _forward

            def do_PUT(self):  # read-only: refused here already, whatever the backend says
                self._error(405, "this endpoint is read-only")

            do_DELETE = do_PATCH = do_PUT

        import socket

        host, port = bind
        host = host.strip("[]")

        class Server(ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
            daemon_threads = True
            request_queue_size = 128  # the default 5 makes a burst of clients wait for TCP retries

        self.server = Server((host, port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="kg-serve-proxy", daemon=True)

    def start(self) -> LimitingProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Server:
    url: str  # the base URL; SPARQL queries go to url + "/query"
    process: subprocess.Popen
    snapshot: Path

    @property
    def query_url(self) -> str:
        return self.url + "/query"


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/", timeout=1) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_snapshots(store_path: Path) -> None:
    """Delete snapshots left by a kg serve that was killed outright (its pid is in the name)."""
    for p in store_path.parent.glob(f".{store_path.name}.kg-serve-*-*"):
        pid = p.name[len(f".{store_path.name}.kg-serve-"):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(p, ignore_errors=True)


@contextlib.contextmanager
def running(store_path: str | Path, *, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
            cors: bool = False, startup_wait: float = 20.0, log=None,
            max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Server]:
    """Serve a snapshot of the store for the duration of the ``with`` block.

    >>> with running("output/store", bind="127.0.0.1:7878") as srv:   # doctest: +SKIP
    ...     urllib.request.urlopen(srv.query_url + "?query=ASK%7B%7D").read()
    """
    store_path = Path(store_path)
    binary = find_server()
    host, port = parse_bind(bind)
    _remove_stale_snapshots(store_path)
    # Next to the store, so the backup is hard links on the same file system.
    work = Path(tempfile.mkdtemp(prefix=f".{store_path.name}.kg-serve-{os.getpid()}-", dir=store_path.parent))
    process = proxy = None
    public = bind
    if max_bytes:  # Oxigraph on a private port, the limiting proxy on the public address
        bind = f"127.0.0.1:{_free_port()}"
    try:
        snap = snapshot(store_path, work / "snapshot")
        errors = open(work / "server.log", "w+b") if log is None else None
        process = subprocess.Popen(server_command(snap, bind, timeout, cors, binary),
                                   stdout=log or errors, stderr=log or errors, stdin=subprocess.DEVNULL)
        bhost, bport = parse_bind(bind)
        url = f"http://{bhost if ':' not in bhost or bhost.startswith('[') else f'[{bhost}]'}:{bport}"
        deadline = time.monotonic() + startup_wait
        while not _ready(url):
            if process.poll() is not None:
                detail = ""
                if errors is not None:
                    errors.seek(0)
                    detail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
                    detail = f": {detail[0]}" if detail[0] else ""
                raise StoreError(f"the SPARQL server stopped at start-up (exit code {process.returncode}){detail}; "
                                 f"is {bind} already in use? Pick another with --bind")
            if time.monotonic() > deadline:
                raise StoreError(f"the SPARQL server did not answer at {url} within {startup_wait:.0f} s")
            time.sleep(0.1)
        if max_bytes:
            try:
                proxy = LimitingProxy((host, port), parse_bind(bind), max_bytes, timeout).start()
            except OSError as exc:
                raise StoreError(f"cannot listen on {public} ({exc}); is it already in use? "
                                 "Pick another with --bind") from None
            url = f"http://{host if ':' not in host or host.startswith('[') else f'[{host}]'}:{port}"
        yield Server(url, process, snap)
    finally:
        if proxy is not None:
            proxy.stop()
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


def serve(store_path: str | Path, *, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
          cors: bool = False, echo=print, max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); returns the server's exit code."""
    def stop(signum, frame):  # let the ``finally`` of running() stop the server and clean up
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        # Behind the limiting proxy Oxigraph's log names its private address: keep it out of the user's
        with running(store_path, bind=bind, timeout=timeout, cors=cors, log=None if max_bytes else sys.stderr,
                     max_bytes=max_bytes) as srv:
            echo(f"Serving a snapshot of {store_path} (read-only) at {srv.url}/")
            echo(f"SPARQL endpoint: {srv.query_url}   (GET ?query=... or POST; Ctrl-C to stop)")
            echo("Queries see the union of all documents, each entity described once. The query page at / "
                 "declares kg's prefixes; elsewhere declare them (PREFIX kg: <https://w3id.org/kg/ontology#>).")
            try:
                return srv.process.wait()
            except KeyboardInterrupt:
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
