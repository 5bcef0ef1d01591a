"""Hostile input, round two (issue 15): inputs a red team threw at kg that ended in a traceback,
lost good documents, or were read wrongly without a word.

The rule everywhere: no traceback; every refusal names the file (and the line of a corpus);
under ``--on-error skip`` only the bad record or file is left out. All fixtures are written
here; none comes from ../shared.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.ingest import read_inputs
from kg.skips import skipping

from .conftest import error_line, invoke, stored_ids

GOOD = "Germany criticized Russia over the attack on the border post."
OTHER = "France praised Italy for its support during the summit in Rome."


def write_jsonl(path, records) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")


# ------------------------------------------------------------------ 6. URLs that are no IRI

BAD_URLS = {
    "c1": "https://news.example.org/a\x85b",          # a C1 control
    "private": "https://news.example.org/\ue000x",     # private use (allowed in a query only)
    "tag": "https://news.example.org/t\U000e0041g",     # a tag character
    "fff0": "https://news.example.org/\ufff0z",        # U+FFF0 and above: no ucschar
    "nonchar": "https://news.example.org/\ufffe?q=\U0010fffd",
    "badpct": "https://news.example.org/100%?q=%zz",    # a lone '%'
    "space": "https://news.example.org/a b\tc",
}


@pytest.mark.parametrize("on_error", ["stop", "skip"])
def test_urls_that_are_no_iri_are_percent_encoded(tmp_path, on_error):
    corpus = tmp_path / "urls.jsonl"
    write_jsonl(corpus, [{"id": k, "text": GOOD, "url": u} for k, u in BAD_URLS.items()])
    store = tmp_path / "store"
    res = invoke("build", "--on-error", on_error, corpus, "--store", store)
    assert res.exit_code == 0, res.output
    assert stored_ids(store) == set(BAD_URLS)
    q = "SELECT ?src WHERE { GRAPH ?g { ?d dcterms:source ?src } }"
    res = invoke("query", q, "--store", store, "--format", "json")
    sources = [b["src"]["value"] for b in json.loads(res.output)["results"]["bindings"]]
    assert len(sources) == len(BAD_URLS)
    for s in sources:
        ox.NamedNode(s)  # a valid IRI (RFC 3987), checked by Oxigraph
        assert s.startswith("https://news.example.org/")
    assert "https://news.example.org/a%C2%85b" in sources and "https://news.example.org/100%25?q=%25zz" in sources


def test_url_iri_keeps_what_iris_allow():
    from kg.graph import url_iri

    assert str(url_iri("https://ja.example.org/記事?q=東京#上")) == "https://ja.example.org/記事?q=東京#上"
    assert str(url_iri("https://example.org/a%20b")) == "https://example.org/a%20b"


# ------------------------------------------------------------------ 7. lone surrogates

@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_lone_surrogate_is_refused_naming_the_line(tmp_path, command):
    corpus = tmp_path / "surrogates.jsonl"
    write_jsonl(corpus, [
        {"id": "good1", "text": GOOD},
        '{"id": "s1", "text": "Germany criticized Russia \\ud800 over the attack."}',
        '{"id": "s\\udc00", "text": "France praised Italy."}',
        '{"id": "s3", "text": "Japan met China.", "title": "\\udfff"}',
        {"id": "good2", "text": OTHER},
    ])
    store = ["--store", tmp_path / "store"] if command == "build" else []
    res = invoke(command, corpus, *store)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{corpus}:2:" in line and "surrogate" in line and "'text'" in line, line
    res = invoke(command, "--on-error", "skip", corpus, *store)
    assert res.exit_code == 0, res.output
    for n in (2, 3, 4):
        assert f"{corpus}:{n}:" in res.output
    if command == "build":
        assert stored_ids(tmp_path / "store") == {"good1", "good2"}


# ------------------------------------------------------------------ 8. JSONL decoded line by line

def test_one_latin1_line_costs_only_that_line(tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": f"{GOOD} Report {i}."}).encode() for i in range(160)]
    lines[149] = json.dumps({"id": "d149", "text": "Caf\u00e9 " + GOOD}, ensure_ascii=False).encode("latin-1")
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    res = invoke("extract", corpus)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{corpus}:150:" in line and "UTF-8" in line, line
    with skipping() as log:
        docs = list(read_inputs([corpus]))
    assert len(docs) == 159 and "d149" not in {d.id for d in docs}
    assert log.count == 1 and log.entries[0][0] == f"{corpus}:150"


def test_gzip_jsonl_bad_line_is_named_too(tmp_path):
    corpus = tmp_path / "c.jsonl.gz"
    body = (json.dumps({"id": "a", "text": GOOD}) + "\n").encode() + b'{"id": "b", "text": "Caf\xe9"}\n' \
        + (json.dumps({"id": "c", "text": OTHER}) + "\n").encode()
    corpus.write_bytes(gzip.compress(body))
    with skipping() as log:
        assert [d.id for d in read_inputs([corpus])] == ["a", "c"]
    assert log.entries[0][0] == f"{corpus}:2"


# ------------------------------------------------------------------ 9. guessing the encoding

@pytest.mark.parametrize("text", ["L\u00e9e met Kim in Seoul.", "L\u00e9e said the talks were good.\n",
                                  "Jos\u00e9 Mar\u00eda Aznar visited Berlin.",
                                  "The \u201cdeal\u201d was signed \u2013 at last."])
def test_western_text_that_is_not_utf8_is_read_as_windows_1252(tmp_path, text):
    path = tmp_path / "western.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = read_inputs([path])
    assert doc.text == text


def test_latin1_text_is_read_as_western_and_the_guess_is_named(tmp_path):
    from kg.skips import noting

    path = tmp_path / "latin1.txt"
    text = "L\u00e9e and M\u00fcller met in Z\u00fcrich; the minister's caf\u00e9 talks went on.\n"
    path.write_bytes(text.encode("latin-1"))
    with noting() as notes:
        [doc] = read_inputs([path])
    assert doc.text == text
    assert notes.count == 1 and str(path) in notes.entries[0][0] and "Windows-1252" in notes.entries[0][1]
    res = invoke("extract", path)
    assert res.exit_code == 0 and "Windows-1252" in res.output and str(path) in res.output


def test_utf16_with_a_bom_is_text(tmp_path):
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{codec}.txt"
        bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
        path.write_bytes(bom + (GOOD + " Caf\u00e9 \u4e2d\u6587.\n").encode(codec))
        [doc] = read_inputs([path])
        assert doc.text.startswith(GOOD) and "Caf\u00e9" in doc.text, codec


def test_utf8_is_preferred_and_says_nothing(tmp_path):
    from kg.skips import noting

    path = tmp_path / "utf8.txt"
    path.write_text("L\u00e9e met the Z\u00fcrich delegation. " + GOOD, encoding="utf-8")
    with noting() as notes:
        [doc] = read_inputs([path])
    assert doc.text.startswith("L\u00e9e") and notes.count == 0


# ------------------------------------------------------------------ 10. gzip bombs

def _bomb(path, size: int, line: bool = False):
    """A gzip file inflating to ``size`` bytes of one repeated sentence (a few kB on disk)."""
    chunk = (GOOD + " ").encode() * 1000
    with gzip.open(path, "wb", compresslevel=9) as fh:
        if line:
            fh.write(b'{"id": "big", "text": "')
        written = 0
        while written < size:
            fh.write(chunk)
            written += len(chunk)
        if line:
            fh.write(b'"}\n' + json.dumps({"id": "small", "text": OTHER}).encode() + b"\n")


def _peak_rss_of(code: str) -> tuple[int, str]:
    """Run ``code`` in a fresh Python; (its peak RSS in MB, its output)."""
    import subprocess
    import sys

    # VmHWM, not getrusage's ru_maxrss: Linux keeps the latter across fork and exec, so a child
    # of this (large) test process would report the test process's size.
    probe = code + ("\nimport re; print('RSS', int(re.search(r'VmHWM:\\s+(\\d+)', "
                    "open('/proc/self/status').read()).group(1)) // 1024)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    rss = int(out.stdout.rsplit("RSS", 1)[1])
    return rss, out.stdout


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory is read from /proc")
@pytest.mark.parametrize("name,line", [("bomb.txt.gz", False), ("bomb.jsonl.gz", True), ("bomb.html.gz", False)])
def test_a_gzip_bomb_is_refused_while_inflating(tmp_path, name, line):
    path = tmp_path / name
    _bomb(path, 300 * 2**20, line=line)
    assert path.stat().st_size < 2 * 2**20
    rss, out = _peak_rss_of(f"""
from kg.ingest import read_inputs
from kg.skips import skipping, checked
with skipping() as log:
    docs = [d.id for d in checked(read_inputs([{str(path)!r}]))]
print(docs, log.count, log.entries[0][1] if log.entries else '')
""")
    assert "1,000,000" in out or "limit" in out, out
    if line:
        assert "'small'" in out  # the line after the bomb is still read
    # 300 MB inflated in full would take over 300 MB; streaming keeps it near the interpreter's own
    assert rss < 200, f"peak RSS {rss} MB"


# ------------------------------------------------------------------ 13. no documents

@pytest.mark.parametrize("name,data", [
    ("empty.jsonl", b""), ("blank.jsonl", b"\n  \n\t\n"), ("header.csv", b"id,text,date\n"),
    ("header.tsv", b"id\ttext\n\n"), ("empty.txt", b""), ("empty.csv", b""), ("empty.jsonl.gz", gzip.compress(b"")),
    ("blank.md", b" \n \n"),
])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_an_input_without_documents_is_one_rule(tmp_path, name, data, command):
    path = tmp_path / name
    path.write_bytes(data)
    store = ["--store", tmp_path / "store"] if command == "build" else []
    res = invoke(command, path, *store)
    assert res.exit_code == 1, res.output
    line = error_line(res)
    assert str(path) in line and "no documents in" in line, line
    res = invoke(command, "--on-error", "skip", path, *store)
    assert res.exit_code == 0 and "no documents in" in res.output


def test_stdin_without_documents(tmp_path):
    res = invoke("extract", "-", input="")
    assert res.exit_code == 1 and "no documents in" in error_line(res) and "<stdin>" in error_line(res)


# ------------------------------------------------------------------ 14. unterminated CSV quote

def test_an_unterminated_csv_quote_names_its_line(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text(f'id,text\na,"{GOOD}"\nb,"{OTHER}\nc,Japan met China in Tokyo.\nd,Chile met Peru.\n')
    res = invoke("extract", path)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{path}:3:" in line and "quote" in line, line
    with skipping() as log:
        assert [d.id for d in read_inputs([path])] == ["a", "c", "d"]  # only the bad row is lost
    assert log.count == 1 and log.entries[0][0] == f"{path}:3"


# ------------------------------------------------------------------ 15. impossible dates

@pytest.mark.parametrize("date", ["2019-02-30", "2019-13-01", "20190230", "2019-04-31T10:00:00Z", "0000-01-01"])
def test_an_impossible_date_is_refused_with_the_line(tmp_path, date):
    corpus = tmp_path / "dates.jsonl"
    write_jsonl(corpus, [{"id": "a", "text": GOOD, "date": "2019-02-28"}, {"id": "b", "text": OTHER, "date": date}])
    res = invoke("extract", corpus)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{corpus}:2:" in line and "date" in line and repr(date) in line, line
    csv_path = tmp_path / "dates.csv"
    csv_path.write_text(f"id,text,date\na,{GOOD},2019-02-28\nb,{OTHER},{date}\n")
    with pytest.raises(InputError, match=r"dates\.csv:3: .*date"):
        list(read_inputs([csv_path]))


# ------------------------------------------------------------------ 16. what a stopped build keeps

@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])  # 2: worker processes
def test_a_stopped_build_keeps_every_document_before_the_bad_one(tmp_path, jobs):
    corpus = tmp_path / "c.jsonl"
    good = [{"id": f"d{i}", "text": GOOD if i % 2 else OTHER} for i in range(21)]
    write_jsonl(corpus, good + ["{broken"] + [{"id": "last", "text": GOOD}])
    store = tmp_path / "store"
    res = invoke("build", corpus, "--store", store, "--jobs", jobs)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{corpus}:22:" in line and "the 21 documents" in line, line
    assert stored_ids(store) == {f"d{i}" for i in range(21)}


def test_the_readme_says_what_a_stopped_build_keeps():
    from .conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "holds every document before the bad one" in readme
    assert "the documents before the bad one" not in readme


# ------------------------------------------------------------------ 17. symlinks leaving the folder

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_links_leaving_the_input_folder_are_skipped_and_said(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret plans: Germany criticized Russia over the attack.\n")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD + "\n")
    (folder / "sub" / "b.txt").write_text(OTHER + "\n")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "up.txt").symlink_to(os.path.join("..", "secret.txt"))
    (folder / "inside.txt").symlink_to(folder / "sub" / "b.txt")  # stays inside: read
    (folder / "outdir").symlink_to(tmp_path, target_is_directory=True)
    res = invoke("extract", "--format", "jsonl", folder)
    assert res.exit_code == 0, res.output
    assert "Secret" not in res.output
    assert "leak.txt" in res.output and "up.txt" in res.output and "outside" in res.output
    from kg.skips import noting

    with noting() as notes:
        assert sorted(d.id for d in read_inputs([folder])) == ["a", "inside", "sub/b"]
    assert notes.count == 2


# ------------------------------------------------------------------ 5. killing a parallel build

def _wait_for_lines(path, word: str, n: int, proc, limit: float = 300) -> None:
    import time

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(errors="replace").count(word) >= n:
            return
        if proc.poll() is not None:
            raise AssertionError(f"the build ended before it could be killed: {path.read_text(errors='replace')}")
        time.sleep(0.1)
    raise AssertionError(f"no {n} lines {word!r} in {limit} s: {path.read_text(errors='replace')}")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_a_parallel_build_killed_midway_leaves_no_process_and_an_intact_store(tmp_path, how):
    import signal
    import subprocess
    import sys

    psutil = pytest.importorskip("psutil")
    from .conftest import ROOT

    corpus = tmp_path / "c.jsonl"
    write_jsonl(corpus, [{"id": f"d{i}", "text": f"{GOOD} {OTHER} Report number {i}."} for i in range(400)])
    store = tmp_path / "store"
    log = tmp_path / "stderr.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "wb") as err, open(tmp_path / "stdout.txt", "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--jobs",
                                 "2", "-v", "--no-progress"], stdout=out, stderr=err, env=env,
                                stdin=subprocess.DEVNULL)
    family = []
    try:
        _wait_for_lines(log, "added ", 3, proc)
        family = psutil.Process(proc.pid).children(recursive=True)
        assert len(family) >= 2  # the workers (and the resource tracker)
        proc.send_signal(getattr(signal, how))
        code = proc.wait(timeout=120)
        gone, alive = psutil.wait_procs(family, timeout=30)
        assert not alive, f"left running after {how} of the build: {[p.cmdline()[:3] for p in alive]}"
    finally:
        for p in family:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        if proc.poll() is None:
            proc.kill()
    text = log.read_text(errors="replace")
    if how == "SIGTERM":  # the same clean stop as Ctrl-C: no traceback, a non-zero exit
        assert code != 0 and "Traceback" not in text and "Aborted" in text, text
    # The store opens (no process holds it), every stored document is complete, and building
    # again stores the rest.
    counts = {}
    from kg.store import open_store

    with open_store(store, create=False) as s:
        for row in s.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
            if "/doc/" in row["g"].value:  # the documents, not the entity graph
                counts[row["g"].value] = int(row["n"].value)
    assert counts and len(set(counts.values())) == 1, counts
    res = invoke("build", corpus, "--store", store)
    assert res.exit_code == 0 and f"{len(counts)} unchanged" in res.output, res.output


# ------------------------------------------------------------------ 11. what XML 1.0 forbids

CONTROLS = "\x00\x0b\x1b\x0c\ufffe"


@pytest.fixture
def control_store(tmp_path):
    """A store whose evidence, labels, aliases and title hold characters XML 1.0 forbids."""
    from kg.entities import update
    from kg.model import Document, Entity, Extraction, Relation
    from kg.store import open_store

    text = f"Germany{CONTROLS[1]} criticized\x1b Ruritania\x00 over the attack{CONTROLS[3]}."
    actor = Entity("https://w3id.org/kg/id/Q183", "Germ\x0bany", "Country", aliases=("Deutsch\x1bland",),
                   wikidata="Q183", country="DEU")
    target = Entity("https://w3id.org/kg/id/Q9999903", "Ruri\x00tania\ufffe", "Country", wikidata="Q9999903")
    rel = Relation(doc="ctl", sentence=text, start=0, end=len(text), subject=actor, predicate="criticizes",
                   object=target, plover="ACCUSE", cameo="111", confidence=0.7)
    path = tmp_path / "store"
    with open_store(path) as store:
        doc = Document(id="ctl", text=text, title="A title\x0b with\x1b controls")
        update(store, [Extraction(doc, (rel,), (actor, target))])
    return path


def _xml_ok(data: bytes, what: str):
    import xml.dom.minidom

    try:
        xml.dom.minidom.parseString(data)  # expat: a strict XML 1.0 parser
    except Exception as exc:  # noqa: BLE001 - the test reports any parse failure
        raise AssertionError(f"{what} is not well-formed XML: {exc}") from None


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "rdfxml"])
def test_every_xml_export_is_well_formed_and_reads_back(control_store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    res = invoke("export", "--format", fmt, "-o", out, "--store", control_store)
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    data = out.read_bytes()
    _xml_ok(data, fmt)
    if fmt == "rdfxml":
        import rdflib

        g = rdflib.Graph().parse(data=data, format="xml")
        labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
        assert "Germ\ufffdany" in labels  # the forbidden character replaced, the rest kept
    else:
        import networkx as nx

        g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(str(out))
        assert g.number_of_nodes() == 2 and g.number_of_edges() == 1
        assert any("Germ\ufffdany" in str(d.get("label", "")) for _, d in g.nodes(data=True))


def test_construct_results_as_rdfxml_are_well_formed(control_store):
    res = invoke("query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "rdfxml", "--store", control_store)
    assert res.exit_code == 0, res.output
    _xml_ok(res.output.encode("utf-8"), "CONSTRUCT as RDF/XML")


def test_the_endpoints_xml_answers_are_well_formed(control_store):
    import socket
    import urllib.parse
    import urllib.request

    from kg.serve import find_server, running

    try:
        find_server()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(str(exc))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with running(control_store, bind=f"127.0.0.1:{port}") as srv:
        for query, accept in [("SELECT ?s ?o WHERE { ?s ?p ?o }", "application/sparql-results+xml"),
                              ("CONSTRUCT WHERE { ?s ?p ?o }", "application/rdf+xml")]:
            url = srv.query_url + "?" + urllib.parse.urlencode({"query": query})
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
                assert r.status == 200
                _xml_ok(r.read(), accept)


def test_any_url_gives_a_valid_iri_or_none():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    from kg.graph import url_iri

    @hypothesis.settings(max_examples=600, deadline=None)
    @hypothesis.given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
                      st.sampled_from(["https://news.example.org/", "http://[::1]:8080/p?q=", "ftp://h/#"]))
    def check(tail, head):
        iri = url_iri(head + tail)
        if iri is not None:
            ox.NamedNode(str(iri))

    check()
