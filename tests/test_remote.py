"""kg push and kg build --store URL against a real Oxigraph server started on localhost,
through SPARQL 1.1 Update and the Graph Store Protocol; credentials against a stub."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import subprocess
import threading
import time
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.remote import RemoteStore, derive_query_url, detect_protocol, push

from .conftest import EXAMPLE, invoke
from .helpers import free_port


@pytest.fixture
def oxigraph_server(tmp_path):
    """A read-write ``oxigraph serve`` on a random free port; always terminated."""
    from kg.serve import find_server

    try:
        binary = find_server()
    except StoreError as exc:
        pytest.skip(str(exc))
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start on {base}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def remote_graph(base: str, iri: str) -> Graph:
    url = base + "/store?" + urllib.parse.urlencode({"graph": iri})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return Graph().parse(data=resp.read(), format="nt")


def remote_graphs(base: str) -> list[str]:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return [b["g"]["value"] for b in json.loads(resp.read())["results"]["bindings"]]


def local_graph(store_path, iri: str) -> Graph:
    import pyoxigraph as ox

    from kg.store import open_store

    with open_store(store_path, create=False) as s:
        return Graph().parse(data=s.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri)),
                             format="nt")


DOC = "https://w3id.org/kg/doc/state-visit"
ENTITIES = "https://w3id.org/kg/entities"


@pytest.mark.parametrize("endpoint,protocol", [("/update", "update"), ("/store", "gsp")])
def test_push_writes_each_document_once_and_replaces_changed_ones(oxigraph_server, example_store, tmp_path,
                                                                  endpoint, protocol):
    from kg.pipeline import build
    from kg.store import open_store

    local = tmp_path / "local"
    shutil.copytree(example_store, local)
    note = tmp_path / "note.txt"
    note.write_text("Germany criticized Russia over the attack.\n")
    with open_store(local) as s:
        build([note], s)
    url = oxigraph_server + endpoint
    with open_store(local, create=False) as s, RemoteStore(url) as remote:
        assert remote.protocol == protocol
        first = push(s, remote)
        again = push(s, remote)
    assert len(first.pushed) == 3 and not first.unchanged  # two documents and the entity graph
    assert not again.pushed and len(again.unchanged) == 3
    assert remote_graphs(oxigraph_server) == ["https://w3id.org/kg/doc/note", DOC, ENTITIES]
    assert isomorphic(remote_graph(oxigraph_server, DOC), local_graph(local, DOC))

    note.write_text("France praised Italy for its support.\n")  # the document changes
    with open_store(local) as s:
        build([note], s)
    with open_store(local, create=False) as s, RemoteStore(url) as remote:
        third = push(s, remote)
    assert third.pushed == ["https://w3id.org/kg/doc/note", ENTITIES] and third.unchanged == [DOC]
    remote_note = remote_graph(oxigraph_server, "https://w3id.org/kg/doc/note")
    assert isomorphic(remote_note, local_graph(local, "https://w3id.org/kg/doc/note"))
    assert "criticizes" not in remote_note.serialize(format="nt")  # replaced whole, nothing left over


def test_build_straight_into_a_remote_store(oxigraph_server, tmp_path):
    url = oxigraph_server + "/update"
    res = invoke("build", EXAMPLE, "--store", url)
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output
    res = invoke("build", EXAMPLE, "--store", url)
    assert "1 unchanged" in res.output
    assert remote_graphs(oxigraph_server) == [DOC, ENTITIES]
    local = tmp_path / "local"
    assert invoke("build", EXAMPLE, "--store", local).exit_code == 0
    for graph in (DOC, ENTITIES):
        assert isomorphic(remote_graph(oxigraph_server, graph), local_graph(local, graph))
    res = invoke("build", EXAMPLE, "--store", oxigraph_server + "/store")
    assert res.exit_code == 0  # unchanged: nothing to write
    note = tmp_path / "note.txt"
    note.write_text("Germany criticized Russia over the attack.\n")
    res = invoke("build", note, "--store", oxigraph_server + "/store")
    assert res.exit_code == 1 and "Graph Store Protocol" in res.output and "kg push" in res.output


def test_cli_push_and_its_report(oxigraph_server, example_store):
    res = invoke("push", oxigraph_server + "/store", "--store", example_store)
    assert res.exit_code == 0, res.output
    assert "2 pushed, 0 unchanged" in res.output and "(gsp)" in res.output  # the document and the entity graph
    res = invoke("push", oxigraph_server + "/update", "--store", example_store)
    assert "0 pushed, 2 unchanged" in res.output  # a GSP write is seen by the update protocol too


def test_unreachable_server_is_one_error_line(example_store):
    res = invoke("push", f"http://127.0.0.1:{free_port()}/update", "--store", example_store)
    assert res.exit_code == 1
    assert res.output.startswith("Error: cannot reach http://127.0.0.1:") and res.output.count("\n") == 1


def test_query_on_a_remote_store_says_where_to_query(oxigraph_server):
    res = invoke("query", "ASK {}", "--store", oxigraph_server + "/update")
    assert res.exit_code == 1 and "remote store" in res.output


@pytest.mark.parametrize("url,protocol,query", [
    ("http://localhost:7878/update", "update", "http://localhost:7878/query"),
    ("http://localhost:3030/kg/update", "update", "http://localhost:3030/kg/query"),
    ("http://localhost:3030/kg", "update", "http://localhost:3030/kg"),
    ("http://localhost:7200/repositories/kg/statements", "update", "http://localhost:7200/repositories/kg"),
    ("http://localhost:8890/sparql-auth", "update", "http://localhost:8890/sparql-auth"),
    ("http://localhost:3030/kg/data", "gsp", None),
    ("http://localhost:7200/repositories/kg/rdf-graphs/service", "gsp", None),
    ("http://localhost:8890/sparql-graph-crud-auth", "gsp", None),
])
def test_endpoint_shapes_of_common_servers(url, protocol, query):
    assert detect_protocol(url) == protocol
    if query:
        assert derive_query_url(url) == query
    assert RemoteStore(url).query_url == query


# ------------------------------------------------------------------ credentials

class _Recorder(http.server.BaseHTTPRequestHandler):
    """Wants Basic alice:s3cret; answers queries with no rows and accepts updates."""

    seen: list = []

    def _auth_ok(self) -> bool:
        expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
        _Recorder.seen.append((self.command, self.path, self.headers.get("Authorization")))
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return False
        return True

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        if not self._auth_ok():
            return
        if self.path.endswith("/query") and "n-triples" in (self.headers.get("Accept") or ""):
            self.send_response(200)  # an empty graph
            self.send_header("Content-Type", "application/n-triples")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.endswith("/query"):
            body = json.dumps({"head": {"vars": ["h"]}, "results": {"bindings": []}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(204)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    # shutdown() waits for the loop's next poll: 0.5 s by default, a tenth of that here
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    _Recorder.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_credentials_from_the_url_are_sent_and_kept_out_of_messages(stub, example_store):
    host = stub.removeprefix("http://")
    res = invoke("push", f"http://alice:s3cret@{host}/ds/update", "--store", example_store)
    assert res.exit_code == 0, res.output
    assert "s3cret" not in res.output
    authorised = [(m, p) for m, p, auth in _Recorder.seen if auth]
    # the document, then the entity graph: each read at the query endpoint, then written
    assert authorised == [("POST", "/ds/query"), ("POST", "/ds/update")] * 2
    # credentials only answer a challenge: each first attempt goes without them
    assert [auth for _, _, auth in _Recorder.seen][::2] == [None] * 4


def test_credentials_from_the_environment(stub, example_store, monkeypatch):
    monkeypatch.setenv("KG_REMOTE_USER", "alice")
    monkeypatch.setenv("KG_REMOTE_PASSWORD", "s3cret")
    res = invoke("push", stub + "/ds/update", "--store", example_store)
    assert res.exit_code == 0, res.output


def test_missing_credentials_say_how_to_give_them(stub, example_store, monkeypatch):
    monkeypatch.delenv("KG_REMOTE_USER", raising=False)
    res = invoke("push", stub + "/ds/update", "--store", example_store)
    assert res.exit_code == 1 and "401" in res.output and "KG_REMOTE_PASSWORD" in res.output
