"""kg serve: Oxigraph's read-only SPARQL 1.1 Protocol server over a snapshot of the store,
queried over HTTP the way any SPARQL client would."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from kg.query import run_query

from .conftest import ROOT, invoke
from .helpers import free_port

pytest.importorskip("pyoxigraph")
ASK_VISITS = "PREFIX kg: <https://w3id.org/kg/ontology#> ASK { ?s kg:visits ?o }"
COUNTRIES = """PREFIX kg: <https://w3id.org/kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?label"""


def http(url, *, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


@pytest.fixture(scope="module")
def server(example_store, tmp_path_factory):
    from kg.serve import find_server, running

    try:
        find_server()
    except Exception as exc:  # noqa: BLE001 - the oxigraph package is in the test extra
        pytest.skip(str(exc))
    store = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(example_store, store)
    with running(store, bind=f"127.0.0.1:{free_port()}") as srv:
        yield srv


def test_get_query_with_sparql_json(server, store):
    url = server.query_url + "?" + urllib.parse.urlencode({"query": COUNTRIES})
    status, ctype, body = http(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    labels = [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]
    # the endpoint answers exactly what the embedded store answers
    assert labels == [row[0].value for row in run_query(store, COUNTRIES).rows]
    assert {"Canada", "Japan", "North Korea"} <= set(labels)


def test_post_query_body_and_form(server):
    status, _, body = http(server.query_url, data=ASK_VISITS.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True
    form = urllib.parse.urlencode({"query": COUNTRIES}).encode()
    status, ctype, body = http(server.query_url, data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["label"] and ["Japan"] in rows


def test_xml_and_tsv_results(server):
    url = server.query_url + "?" + urllib.parse.urlencode({"query": COUNTRIES})
    status, ctype, body = http(url, headers={"Accept": "application/sparql-results+xml"})
    assert status == 200 and ctype.startswith("application/sparql-results+xml") and b"<sparql" in body
    status, ctype, body = http(url, headers={"Accept": "text/tab-separated-values"})
    assert status == 200 and body.decode().splitlines()[0] == "?label"


def test_construct_gives_rdf_by_content_negotiation(server):
    q = "PREFIX kg: <https://w3id.org/kg/ontology#> CONSTRUCT WHERE { ?s kg:visits ?o }"
    for accept, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml")]:
        status, ctype, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                   headers={"Accept": accept})
        assert status == 200 and ctype.startswith(accept), accept
        assert len(Graph().parse(data=body, format=fmt)) == 2  # Trudeau visits Tokyo and Seoul


def test_the_endpoint_is_read_only(server):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, _ = http(server.url + "/update", data=update.encode(),
                        headers={"Content-Type": "application/sparql-update"})
    assert 400 <= status < 500
    status, _, _ = http(server.url + "/store?default", data=b"<urn:a> <urn:b> <urn:c> .", method="PUT",
                        headers={"Content-Type": "application/n-triples"})
    assert 400 <= status < 500
    q = "ASK { <urn:a> <urn:b> <urn:c> }"
    _, _, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": q}),
                      headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is False


def test_bad_query_is_a_400_with_a_reason(server):
    status, _, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": "SELEC ?x"}))
    assert status == 400 and body


def test_the_query_page_works_offline(server):
    status, ctype, body = http(server.url + "/")
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode()
    assert "yasgui" in page.lower()
    assert "https://" not in page.split("<body")[0]  # scripts and styles come from the server itself


def test_the_query_page_opens_with_kgs_prefixes_and_examples_that_run(server):
    from kg.query_page import EXAMPLES, prologue

    status, _, body = http(server.url + "/")
    page = body.decode()
    assert "PREFIX kg: <https://w3id.org/kg/ontology#>" in page and "PREFIX skos:" in page
    assert all(name in page for name, _ in EXAMPLES)
    assert http(server.url + "/yasgui.min.js")[0] == 200  # YASGUI itself is still the server's
    for name, text in EXAMPLES:
        status, _, body = http(server.query_url, data=(prologue() + text).encode(),
                               headers={"Content-Type": "application/sparql-query",
                                        "Accept": "application/sparql-results+json"})
        assert status == 200, (name, body[:300])
    def people(query):
        body = http(server.query_url, data=(prologue() + query).encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})[2]
        return int(json.loads(body)["results"]["bindings"][0]["people"]["value"])

    # the plain count over the endpoint's union counts each person once
    assert people(EXAMPLES[1][1]) == people("SELECT (COUNT(DISTINCT ?p) AS ?people) WHERE { ?p a kg:Person }") == 5


def test_bound_to_localhost_by_default():
    from kg.serve import DEFAULT_BIND, is_local, server_command

    assert DEFAULT_BIND.startswith("127.0.0.1:") and is_local(DEFAULT_BIND)
    cmd = server_command("/tmp/x", binary="oxigraph")
    assert cmd[1] == "serve-read-only" and cmd[cmd.index("--bind") + 1] == DEFAULT_BIND
    assert "--union-default-graph" in cmd and cmd[cmd.index("--timeout-s") + 1] == "30"
    assert not is_local("0.0.0.0:7878")


def test_snapshots_of_killed_servers_are_cleaned_up(example_store, tmp_path):
    from kg.serve import running

    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".store.kg-serve-{dead.stdout.strip()}-abc"
    (stale / "snapshot").mkdir(parents=True)
    mine = tmp_path / f".store.kg-serve-{os.getpid()}-live"  # a live process's: kept
    mine.mkdir()
    with running(store, bind=f"127.0.0.1:{free_port()}"):
        assert not stale.exists() and mine.exists()


def test_bad_bind_says_how():
    from kg.errors import StoreError
    from kg.serve import parse_bind

    for bad in ("7878", "localhost", "localhost:99999", "localhost:http"):
        with pytest.raises(StoreError, match="HOST:PORT"):
            parse_bind(bad)


@pytest.mark.slow
def test_kg_serve_command_while_a_build_writes_the_store(example_store, tmp_path):
    """The CLI serves a snapshot: the store stays writable, SIGTERM stops and cleans up."""
    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind",
                             f"127.0.0.1:{port}"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": ASK_VISITS})
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, _, body = http(url, headers={"Accept": "application/sparql-results+json"})
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        assert status == 200 and json.loads(body)["boolean"] is True
        # The store is not locked by the server: a build can write it meanwhile.
        note = tmp_path / "note.txt"
        note.write_text("France praised Italy for its support.\n")
        build = subprocess.run([sys.executable, "-m", "kg", "build", str(note), "--store", str(store)], env=env,
                               capture_output=True, text=True, timeout=120)
        assert build.returncode == 0, build.stderr
        assert any(p.name.startswith(".store.kg-serve-") for p in tmp_path.iterdir())
    finally:
        proc.send_signal(signal.SIGTERM)
        out = proc.communicate(timeout=30)[0].decode()
    assert "Serving a snapshot" in out
    # the log names the public address only, not the private port of the server behind the proxy
    assert {int(p) for p in re.findall(r"127\.0\.0\.1:(\d+)", out)} == {port}, out
    assert not any(p.name.startswith(".store.kg-serve-") for p in tmp_path.iterdir()), "snapshot left behind"


def test_answers_over_the_size_limit_are_refused(example_store, tmp_path):
    from kg.serve import find_server, running

    try:
        find_server()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(str(exc))
    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    everything = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    small = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with running(store, bind=f"127.0.0.1:{free_port()}", max_bytes=2000) as srv:
        status, _, body = http(srv.query_url + "?query=" + everything, headers={"Accept": "text/csv"})
        assert status == 413 and b"2,000 bytes" in body and b"LIMIT" in body
        status, _, body = http(srv.query_url + "?query=" + small, headers={"Accept": "text/csv"})
        assert status == 200 and body.count(b"\n") == 2
        # writes are refused by the proxy itself, whatever the method
        for method in ("PUT", "DELETE"):
            status, _, _ = http(srv.url + "/store?default", data=b"<urn:a> <urn:b> <urn:c> .", method=method,
                                headers={"Content-Type": "application/n-triples"})
            assert status == 405
    with running(store, bind=f"127.0.0.1:{free_port()}", max_bytes=None) as srv:  # 0 / None: no limit
        status, _, body = http(srv.query_url + "?query=" + everything, headers={"Accept": "text/csv"})
        assert status == 200 and len(body) > 2000


@pytest.mark.slow
def test_load_concurrent_clients_on_localhost(server):
    """8 clients × 25 queries against localhost: no errors; latency percentiles printed."""
    from concurrent.futures import ThreadPoolExecutor

    clients, per_client = 8, 25
    queries = [ASK_VISITS, COUNTRIES, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
               "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 50"]
    assert server.url.startswith("http://127.0.0.1:")

    def client(k: int) -> list[float]:
        times = []
        for i in range(per_client):
            q = urllib.parse.quote(queries[(k + i) % len(queries)])
            t = time.perf_counter()
            status, _, body = http(server.query_url + "?query=" + q,
                                   headers={"Accept": "application/sparql-results+json"})
            times.append(time.perf_counter() - t)
            assert status == 200, body[:200]
            json.loads(body)
        return times

    with ThreadPoolExecutor(clients) as pool:
        latencies = sorted(t for ts in pool.map(client, range(clients)) for t in ts)
    assert len(latencies) == clients * per_client

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"\nkg serve load: {clients} clients x {per_client} queries: p50 {pct(50):.1f} ms, "
          f"p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")


# ------------------------------------------------------------------ hostile clients (issue 15, items 1-4)
# Every server here listens on 127.0.0.1 and every request goes there; the "remote" server a
# SERVICE clause would call is a local recorder.

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SORTED_CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


@pytest.fixture
def recorder():
    """A local HTTP server that records every request it gets (what SERVICE would call)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def _any(self):
            seen.append((self.command, self.path))
            body = b'{"head":{"vars":[]},"results":{"bindings":[]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _any

        def log_message(self, *args):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    srv.seen = seen
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}"
    yield srv
    srv.shutdown()
    srv.server_close()


def _store_to_serve(example_store, tmp_path):
    """A copy of the example store in tmp_path (skips when Oxigraph's server is missing)."""
    from kg.serve import find_server

    try:
        find_server()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(str(exc))
    store = tmp_path / "store"
    if not store.exists():
        shutil.copytree(example_store, store)
    return store


def _served(example_store, tmp_path, **kwargs):
    from kg.serve import running

    return running(_store_to_serve(example_store, tmp_path), bind=f"127.0.0.1:{free_port()}", **kwargs)


def _service_queries(target: str) -> list[str]:
    return [f"SELECT * WHERE {{ SERVICE <{target}/a> {{ ?s ?p ?o }} }}",
            f"select * where {{ service silent <{target}/b> {{ ?s ?p ?o }} }}",
            f"PREFIX x: <urn:x#> SELECT * WHERE {{ ?s ?p ?o # SERVICE in a comment\n"
            f" SeRvIcE <{target}/c> {{ ?s ?p ?o }} }}"]


def test_service_is_refused_by_the_endpoint(example_store, tmp_path, recorder):
    with _served(example_store, tmp_path) as srv:
        for q in _service_queries(recorder.url):
            for how in ("get", "form", "body"):
                if how == "get":
                    status, ctype, body = http(srv.query_url + "?" + urllib.parse.urlencode({"query": q}))
                elif how == "form":
                    status, ctype, body = http(srv.query_url, data=urllib.parse.urlencode({"query": q}).encode(),
                                               headers={"Content-Type": "application/x-www-form-urlencoded"})
                else:
                    status, ctype, body = http(srv.query_url, data=q.encode(),
                                               headers={"Content-Type": "application/sparql-query"})
                assert status == 403 and ctype.startswith("text/plain"), (how, q, status, body[:200])
                assert b"SERVICE" in body and b"--allow-service" in body
        # the word inside a string or an IRI is no SERVICE clause
        q = ('SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l '
             'FILTER(CONTAINS(?l, "Secret Service") || ?e = <urn:x:SERVICE>) }')
        status, _, _ = http(srv.query_url + "?" + urllib.parse.urlencode({"query": q}),
                            headers={"Accept": "application/sparql-results+json"})
        assert status == 200
    assert recorder.seen == []


def test_service_can_be_allowed_explicitly(example_store, tmp_path, recorder):
    with _served(example_store, tmp_path, allow_service=True) as srv:
        q = f"SELECT * WHERE {{ SERVICE <{recorder.url}/ok> {{ ?s ?p ?o }} }}"
        status, _, _ = http(srv.query_url + "?" + urllib.parse.urlencode({"query": q}),
                            headers={"Accept": "application/sparql-results+json"})
        assert status == 200
    assert [path for _, path in recorder.seen] == ["/ok"]


def test_kg_query_refuses_service_and_a_failing_one_is_one_error_line(example_store, recorder):
    for q in _service_queries(recorder.url):
        res = invoke("query", q, "--store", example_store)
        assert res.exit_code == 1 and res.output.startswith("Error:") and "SERVICE" in res.output, res.output
        assert "--allow-service" in res.output
    assert recorder.seen == []
    closed = f"http://127.0.0.1:{free_port()}/sparql"
    q = f"SELECT * WHERE {{ SERVICE <{closed}> {{ ?s ?p ?o }} }}"
    res = invoke("query", q, "--allow-service", "--store", example_store)
    assert res.exit_code == 1 and res.output.startswith("Error:") and len(res.output.strip().splitlines()) == 1


def _oxigraph_children():
    psutil = pytest.importorskip("psutil")
    return [p for p in psutil.Process().children(recursive=True) if "oxigraph" in p.name()]


@pytest.mark.slow  # runs two queries into the timeout, then watches the engines wind down (about 30 s)
def test_the_timeout_cancels_the_query_and_frees_the_engine(example_store, tmp_path):
    psutil = pytest.importorskip("psutil")
    with _served(example_store, tmp_path, timeout=2) as srv:
        for q in (CROSS_JOIN, SORTED_CROSS_JOIN):
            before = _oxigraph_children()
            req = urllib.request.Request(srv.query_url + "?" + urllib.parse.urlencode({"query": q}),
                                         headers={"Accept": "application/sparql-results+json"})
            try:
                with urllib.request.urlopen(req, timeout=90) as resp:
                    status, ctype, body = resp.status, resp.headers.get("Content-Type", ""), resp.read()
            except urllib.error.HTTPError as exc:
                status, ctype, body = exc.code, exc.headers.get("Content-Type", ""), exc.read()
            assert status in (503, 504) and ctype.startswith("text/plain"), (status, body[:300])
            assert b"--timeout" in body
            # the engine that ran it is gone, and what runs now is idle
            gone, alive = psutil.wait_procs(before, timeout=10)
            assert len(gone) >= 1  # the engine that ran it was killed
            idle = _oxigraph_children()
            assert idle and all(p.cpu_percent(interval=1.0) < 50 for p in idle)
            status, _, body = http(srv.query_url + "?" + urllib.parse.urlencode({"query": ASK_VISITS}),
                                   headers={"Accept": "application/sparql-results+json"})
            assert status == 200 and json.loads(body)["boolean"] is True


def _raw(port: int, data: bytes, *, wait: float = 20) -> bytes:
    """Send raw bytes, then read until the server closes (or ``wait`` seconds pass)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(data)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
        return b"".join(chunks)


def test_malformed_and_oversized_requests_are_answered(example_store, tmp_path):
    with _served(example_store, tmp_path, max_request_bytes=10_000) as srv:
        port = int(srv.url.rsplit(":", 1)[1])
        for length in (b"abc", b"-5", b"1e3", b"5, 7"):
            answer = _raw(port, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                b"Content-Length: " + length + b"\r\n\r\nASK {}")
            assert answer.startswith(b"HTTP/1.1 400"), (length, answer[:200])
        answer = _raw(port, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                            b"Content-Length: 20000\r\n\r\n" + b"#" * 100)
        assert answer.startswith(b"HTTP/1.1 413") and b"10,000" in answer
        answer = _raw(port, b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            b"5\r\nASK {\r\n0\r\n\r\n")
        assert answer.split(b" ", 2)[1] in (b"411", b"400", b"501"), answer[:200]


def test_slow_clients_are_cut_off_and_do_not_block_others(example_store, tmp_path):
    import time

    with _served(example_store, tmp_path, client_timeout=1) as srv:
        port = int(srv.url.rsplit(":", 1)[1])
        slow = []
        for _ in range(50):  # half-sent requests: the headers never end
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
            slow.append(s)
        status, _, _ = http(srv.query_url + "?" + urllib.parse.urlencode({"query": ASK_VISITS}),
                            headers={"Accept": "application/sparql-results+json"})
        assert status == 200
        # a client dripping one byte at a time is cut off too
        drip = socket.create_connection(("127.0.0.1", port), timeout=30)
        drip.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\n")
        closed = False
        for _ in range(100):
            try:
                drip.sendall(b"X")
                time.sleep(0.2)
            except OSError:
                closed = True
                break
        for s in slow:  # every half-sent request was answered or closed by the server
            data = b""
            try:
                data = s.recv(65536)
            except (TimeoutError, ConnectionResetError):
                data = b"timeout"
            assert data != b"timeout", "a slow client was never cut off"
            s.close()
        drip.close()
        assert closed, "a dripping client was never cut off"


def test_clients_that_leave_early_leave_no_traceback(example_store, tmp_path, capfd):
    with _served(example_store, tmp_path) as srv:
        port = int(srv.url.rsplit(":", 1)[1])
        for _ in range(30):
            s = socket.create_connection(("127.0.0.1", port))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.sendall(f"GET /query?query={urllib.parse.quote('SELECT * WHERE { ?s ?p ?o }')} HTTP/1.1\r\n"
                      "Host: x\r\nAccept: text/csv\r\n\r\n".encode())
            s.close()  # reset, before the answer
        status, _, _ = http(srv.query_url + "?" + urllib.parse.urlencode({"query": ASK_VISITS}))
        assert status == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err, err


def _kg_serve(store, port, *extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind",
                             f"127.0.0.1:{port}", *extra], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": ASK_VISITS})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if http(url)[0] == 200:
                return proc
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"kg serve did not start: {proc.communicate()[0].decode()}")


@pytest.mark.slow
def test_the_backend_dies_with_kg_serve_and_the_log_shows_only_the_public_address(example_store, tmp_path):
    psutil = pytest.importorskip("psutil")
    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    port = free_port()
    proc = _kg_serve(store, port)
    engines = []
    try:
        engines = [p for p in psutil.Process(proc.pid).children(recursive=True) if "oxigraph" in p.name()]
        assert engines
        proc.kill()  # SIGKILL: no clean-up code runs in kg serve
        proc.wait(timeout=30)
        gone, alive = psutil.wait_procs(engines, timeout=15)
        assert not alive, "Oxigraph outlived kg serve"
    finally:
        for p in engines:
            if p.is_running():
                p.kill()
    out = proc.communicate(timeout=30)[0].decode()  # reads to the end and closes the pipe
    addresses = set(re.findall(r"(?:127\.0\.0\.1|localhost|\[::1\]):(\d+)", out))
    assert addresses == {str(port)}, out
    # the next start cleans up the snapshot the killed one left
    assert any(p.name.startswith(".store.kg-serve-") for p in tmp_path.iterdir())
    proc = _kg_serve(store, free_port())
    try:
        assert sum(p.name.startswith(".store.kg-serve-") for p in tmp_path.iterdir()) == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


@pytest.mark.skipif(not os.path.exists("/proc/self/cmdline"), reason="finds stale engines through /proc")
def test_a_stale_backend_left_by_a_killed_server_is_stopped_at_the_next_start(example_store, tmp_path):
    import pyoxigraph as ox

    from kg.serve import find_server

    try:
        binary = find_server()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(str(exc))
    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".store.kg-serve-{dead.stdout.strip()}-old"
    stale.mkdir()
    s = ox.Store(str(store))
    s.backup(str(stale / "snapshot"))
    del s
    engine = subprocess.Popen([binary, "serve-read-only", "--location", str(stale / "snapshot"), "--bind",
                               f"127.0.0.1:{free_port()}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        assert engine.poll() is None
        with _served(example_store, tmp_path):
            assert engine.wait(timeout=10) is not None  # stopped
            assert not stale.exists()
    finally:
        if engine.poll() is None:
            engine.kill()


def test_a_port_in_use_is_refused_before_any_engine_starts(example_store, tmp_path, monkeypatch):
    """The public port is taken first: when it is in use, kg serve says so and starts no engine,
    and leaves no snapshot behind (an engine started first could also take the port asked for)."""
    from kg.errors import StoreError
    from kg.serve import Engines, running

    store = _store_to_serve(example_store, tmp_path)
    started = []
    real_start = Engines.start
    monkeypatch.setattr(Engines, "start", lambda self: started.append(self) or real_start(self))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(StoreError, match=f"cannot listen on 127.0.0.1:{port}.*already in use"), \
                running(store, bind=f"127.0.0.1:{port}"):
            pass
    assert started == []
    assert [p.name for p in tmp_path.iterdir()] == ["store"]
