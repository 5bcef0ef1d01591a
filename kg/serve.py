"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, by Oxigraph's own server.

kg does not implement a server: it runs ``oxigraph serve-read-only`` from the ``oxigraph``
package (``pip install 'kg[serve]'``), which answers GET and POST queries with the standard
media types, negotiates result formats, and has a query page (YASGUI, served locally) at
``/``. Queries see the union of the document graphs, as ``kg query`` does.

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
Oxigraph's server has no result-size limit: a query without ``LIMIT`` returns everything.
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
            cors: bool = False, startup_wait: float = 20.0, log=None) -> Iterator[Server]:
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
    process = None
    try:
        snap = snapshot(store_path, work / "snapshot")
        errors = open(work / "server.log", "w+b") if log is None else None
        process = subprocess.Popen(server_command(snap, bind, timeout, cors, binary),
                                   stdout=log or errors, stderr=log or errors, stdin=subprocess.DEVNULL)
        url = f"http://{host if ':' not in host or host.startswith('[') else f'[{host}]'}:{port}"
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
        yield Server(url, process, snap)
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


def serve(store_path: str | Path, *, bind: str = DEFAULT_BIND, timeout: int | None = DEFAULT_TIMEOUT,
          cors: bool = False, echo=print) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); returns the server's exit code."""
    def stop(signum, frame):  # let the ``finally`` of running() stop the server and clean up
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with running(store_path, bind=bind, timeout=timeout, cors=cors, log=sys.stderr) as srv:
            echo(f"Serving a snapshot of {store_path} (read-only) at {srv.url}/")
            echo(f"SPARQL endpoint: {srv.query_url}   (GET ?query=... or POST; Ctrl-C to stop)")
            echo("Queries see the union of all documents; declare prefixes (PREFIX kg: "
                 "<https://w3id.org/kg/ontology#>).")
            try:
                return srv.process.wait()
            except KeyboardInterrupt:
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
