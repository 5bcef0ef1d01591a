"""Hostile text must not inject into anything kg generates (issue 7).

Payloads for SPARQL (named-query parameters), CSV formulas (query, analyze and Neo4j
output), IRIs minted from any Unicode, and file names from document ids. HTML escaping is
covered by tests/test_viz.py and tests/test_browser.py.
"""

from __future__ import annotations

import json
import os

import pyoxigraph as ox
import pytest

from kg.entities import update
from kg.errors import QueryError
from kg.model import Document
from kg.rows import csv_safe

from .conftest import invoke

SPARQL_PAYLOADS = [
    '" } ; DROP ALL ; #',
    '"} DROP ALL ; SELECT * WHERE { ?s ?p ?o #',
    "> } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "http://x> } INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:y> <urn:z> } } #",
    "https://example.org/a b> } ; CLEAR ALL ; #",
    "Germany\" . } UNION { ?s ?p ?o } #",
    "' ; DELETE WHERE { ?s ?p ?o } #",
    "\\\" ) } DROP DEFAULT",
    "Q1 } DROP ALL",
    "\u0000\n\r}",
]
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"]
NASTY_IDS = ["../../etc/passwd", "a/b", "CON", "..", ".", "nul.txt", "<script>alert(1)</script>",
             '" } ; DROP ALL ; #', "Café #1/2?x=y&z", "日本語の記事", "emoji 🙂 id", "tab\there",
             "back\\slash", "%2e%2e%2fetc", "=cmd|' /C calc'!A0"]
TEXT = "Germany criticized Russia over the attack on the border post."


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A store built from documents with hostile ids and evidence that starts with formulas."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus.jsonl"
    lines = [json.dumps({"id": doc_id, "text": f"{FORMULAS[i % len(FORMULAS)]} {TEXT}"})
             for i, doc_id in enumerate(NASTY_IDS)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = root / "store"
    res = invoke("build", corpus, "--store", store)
    assert res.exit_code == 0, res.output
    return store


def quad_count(store) -> int:
    res = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                 "--format", "csv")
    return int(res.output.splitlines()[1])


@pytest.mark.parametrize("payload", SPARQL_PAYLOADS)
@pytest.mark.parametrize("name,param", [("relations", "entity"), ("between", "a"), ("events", "plover"),
                                        ("events", "from"), ("actors", "plover")])
def test_sparql_parameters_cannot_inject(hostile_store, payload, name, param):
    before = quad_count(hostile_store)
    params = ["--param", f"{param}={payload}"]
    if name == "between":
        params += ["--param", "b=Russia"]
    res = invoke("query", "--name", name, *params, "--store", hostile_store, "--format", "json")
    # Either a clean error (the value is not a valid entity, date or PLOVER type) or no rows.
    if res.exit_code == 0:
        assert json.loads(res.output)["results"]["bindings"] == []
    else:
        assert res.output.startswith("Error:") and len(res.output.strip().splitlines()) == 1, res.output
    assert quad_count(hostile_store) == before


@pytest.mark.parametrize("payload", SPARQL_PAYLOADS)
def test_bound_entity_lookups_raise_query_errors(hostile_store, payload):
    from kg.query import resolve_entity
    from kg.store import open_store

    with open_store(hostile_store, create=False) as store, pytest.raises(QueryError):
        resolve_entity(store, payload)


def test_query_csv_is_faithful_by_default_and_safe_on_request(hostile_store):
    q = "SELECT ?e WHERE { GRAPH ?g { ?st <https://w3id.org/kg/ontology#evidence> ?e } } ORDER BY ?e"
    raw = invoke("query", q, "--store", hostile_store, "--format", "csv").output.splitlines()[1:]
    assert any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in raw), raw
    for fmt in ("csv", "tsv"):
        res = invoke("query", q, "--store", hostile_store, "--format", fmt, "--spreadsheet-safe")
        import csv
        import io

        rows = list(csv.reader(io.StringIO(res.output), delimiter="," if fmt == "csv" else "\t"))[1:]
        assert rows and all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
        assert any(cell.startswith("'=") for row in rows for cell in row)


def test_analyze_csv_neutralises_formulas():
    from kg.analyze import Report

    rep = Report("t", ["entity", "score", "note"],
                 [{"entity": f, "score": -0.5, "note": [f, "ok"]} for f in FORMULAS])
    import csv
    import io

    rows = list(csv.reader(io.StringIO(rep.render("csv"))))[1:]
    assert len(rows) == len(FORMULAS)
    for entity, score, note in rows:
        assert entity.startswith("'") and note.startswith("'")
        assert score == "-0.5"  # numbers stay numbers


def test_neo4j_export_neutralises_formulas(hostile_store, tmp_path):
    out = tmp_path / "neo4j"
    res = invoke("export", "--format", "neo4j", "-o", out, "--store", hostile_store)
    assert res.exit_code == 0, res.output
    import csv

    for name in ("entities.csv", "relations.csv"):
        with (out / name).open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows[1:] for cell in row
                   if not _number(cell))
    for f in FORMULAS:
        assert csv_safe(f).startswith("'")


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_document_iris_from_any_unicode_are_valid(hostile_store, tmp_path):
    out = tmp_path / "all.nq"
    res = invoke("export", "--format", "nq", "-o", out, "--store", hostile_store)
    assert res.exit_code == 0, res.output
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert len(graphs) == len(NASTY_IDS) + 1  # and the entity graph
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(data=out.read_bytes(), format="nquads")  # from a path, rdflib leaves the file open
    ids = {str(o) for s, p, o, g in ds.quads((None, rdflib.DCTERMS.identifier, None, None))}
    assert set(NASTY_IDS) <= ids  # ids survive as literals, exactly


@pytest.mark.parametrize("label", ["Ωmega Corp", "Müller-Lüdenscheidt", "日本", "a<b>c", 'x"y', "tab\tx", "😀",
                                   "space in name", "{braces}|pipe^`"])
@pytest.mark.parametrize("type_", ["PERSON", "ORG", "GPE"])
def test_entity_iris_are_valid_for_any_label(label, type_):
    import rdflib

    from kg.resolve import entity_iri

    iri = entity_iri(label, type_, None)
    node = ox.NamedNode(iri)  # pyoxigraph checks IRI syntax (RFC 3987)
    assert node.value == iri
    g = rdflib.Graph()
    g.add((rdflib.URIRef(iri), rdflib.RDFS.label, rdflib.Literal(label)))
    again = rdflib.Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert {str(s) for s in again.subjects()} == {iri}


def test_no_file_is_named_after_a_document(hostile_store, tmp_path, monkeypatch):
    # From deep inside tmp_path, a traversal from an id would land inside tmp_path too.
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    from kg.export import available

    written = set()
    for fmt in available():
        target = deep / ("out-neo4j" if fmt == "neo4j" else f"out.{fmt}")
        res = invoke("export", "--format", fmt, "-o", target, "--store", hostile_store)
        assert res.exit_code == 0, (fmt, res.output)
        written.add(target.name)
    res = invoke("viz", "-o", deep / "graph.html", "--store", hostile_store)
    assert res.exit_code == 0, res.output
    written.add("graph.html")
    everything = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    assert not any("passwd" in p or "etc" in p.split("/") for p in everything), everything
    assert set(os.listdir(deep)) == written
    import re

    names = os.listdir(deep / "out-neo4j")
    assert names and all(re.fullmatch(r"[a-z_-]+\.(csv|cypher)", n) for n in names), names


def test_a_carriage_return_cannot_start_a_new_csv_row():
    import csv
    import io

    from kg.analyze import Report

    rep = Report("t", ["entity", "n"], [{"entity": "a\rb,=1\r\n@x", "n": 1}, {"entity": "\r=SUM(1)", "n": 2}])
    rows = list(csv.reader(io.StringIO(rep.render("csv"), newline="")))
    assert len(rows) == 3 and [r[1] for r in rows[1:]] == ["1", "2"]
    assert rows[2][0].startswith("'")


CYPHER_PAYLOADS = ["Robert'}) DETACH DELETE n //", "x\"}) MATCH (n) DETACH DELETE n RETURN 1 //",
                   "`) CALL dbms.killQueries() //", "a\nLOAD CSV FROM 'http://evil/' AS r //", "\r=1+1"]


def test_neo4j_export_keeps_cypher_payloads_in_the_data(tmp_path):
    import csv

    from kg.export import write
    from kg.model import Entity, Extraction, Relation
    from kg.resolve import entity_iri
    from kg.store import open_store

    target = Entity("https://w3id.org/kg/id/Q9999902", "Ruritania", "Country", wikidata="Q9999902")
    path = tmp_path / "store"
    with open_store(path) as store:
        for i, label in enumerate(CYPHER_PAYLOADS):
            actor = Entity(entity_iri(label, "Person", None), label, "Person", aliases=(label + " alias",))
            text = f"{label} criticized Ruritania."
            rel = Relation(doc=f"d{i}", sentence=text, start=0, end=len(text), subject=actor,
                           predicate="criticizes", object=target, plover="ACCUSE", cameo="111", confidence=0.5)
            update(store, [Extraction(Document(id=f"d{i}", text=text), (rel,), (actor, target))])
        write("neo4j", store, tmp_path / "neo4j")
    cypher = (tmp_path / "neo4j" / "load.cypher").read_text()
    for word in ("DETACH", "killQueries", "evil", "Robert", "1+1"):  # labels never become Cypher
        assert word not in cypher
    with (tmp_path / "neo4j" / "entities.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = {r["name"] for r in rows}
    assert len(rows) == len(CYPHER_PAYLOADS) + 1  # one row each: no payload split a row
    assert "'\n=1+1" in names and "Robert'}) DETACH DELETE n //" in names
    with (tmp_path / "neo4j" / "relations.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(CYPHER_PAYLOADS)
