"""kg query: prefixes declared in advance, SELECT/ASK as table, CSV, TSV and SPARQL 1.1
results JSON, CONSTRUCT/DESCRIBE as RDF in every export format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import RDFS, Graph
from rdflib.compare import isomorphic

from kg.errors import FormatError
from kg.namespaces import PREFIXES
from kg.query import render, run_query
from kg.rdf_formats import RDF_FORMATS

from .conftest import invoke
from .helpers import RDFLIB_FORMAT, free_port, rdflib_graphs

VISITS = """SELECT ?who ?where ?conf WHERE { ?st kg:predicate kg:visits ; kg:actor ?w ; kg:recipient ?p ;
            kg:confidence ?conf . ?w rdfs:label ?who . ?p rdfs:label ?where } ORDER BY ?where"""


def test_every_prefix_is_declared_in_advance(store):
    for prefix, iri in PREFIXES.items():
        res = run_query(store, f"ASK {{ FILTER(STR({prefix}:x) = \"{iri}x\") }}")
        assert res.boolean, prefix


def test_select_as_sparql_json_parses_as_sparql_json(store):
    from rdflib.query import Result

    text = render(run_query(store, VISITS), "json")
    parsed = Result.parse(io.StringIO(text), format="json")
    assert [str(v) for v in parsed.vars] == ["who", "where", "conf"]
    rows = [(str(r.who), str(r.where)) for r in parsed]
    assert ("Justin Trudeau", "Tokyo") in rows
    conf = json.loads(text)["results"]["bindings"][0]["conf"]
    assert conf["type"] == "literal" and conf["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"


def test_ask_as_sparql_json(store):
    from rdflib.query import Result

    text = render(run_query(store, "ASK { ?s kg:visits ?o }"), "json")
    assert Result.parse(io.StringIO(text), format="json").askAnswer is True
    assert render(run_query(store, "ASK { ?s kg:sanctions ?o }"), "table") == "false"


def test_csv_and_tsv_quote_what_they_must(store):
    q = 'SELECT ?e WHERE { ?st kg:evidence ?e FILTER(CONTAINS(?e, ",")) } LIMIT 3'
    rows = list(csv.reader(io.StringIO(render(run_query(store, q), "csv"))))
    assert rows[0] == ["e"] and len(rows) == 4 and all("," in r[0] for r in rows[1:])
    tsv = render(run_query(store, VISITS), "tsv").splitlines()
    assert tsv[0] == "who\twhere\tconf" and all(len(line.split("\t")) == 3 for line in tsv)


def parse_any(text: str, fmt: str) -> Graph:
    """Parse RDF with rdflib, merging named graphs."""
    if fmt in ("nq", "trig"):
        g = Graph()
        for part in rdflib_graphs(text, fmt).values():
            g += part
        return g
    return Graph().parse(data=text, format=RDFLIB_FORMAT[fmt])


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_construct_in_every_rdf_format(store, fmt):
    q = "CONSTRUCT { ?s kg:visits ?o . ?s rdfs:label ?l } WHERE { ?s kg:visits ?o ; rdfs:label ?l }"
    g = parse_any(render(run_query(store, q), fmt), fmt)
    reference = Graph().parse(data=render(run_query(store, q), "nt"), format="nt")
    assert len(reference) == 3  # Trudeau visits Tokyo and Seoul, and his label
    assert isomorphic(g, reference)


def test_describe_gives_rdf(store):
    text = render(run_query(store, "DESCRIBE kgid:Q1490"), "table")  # Tokyo; the default is Turtle
    g = Graph().parse(data=text, format="turtle")
    labels = {str(o) for o in g.objects(predicate=RDFS.label)}
    assert "Tokyo" in labels


def test_a_format_that_does_not_fit_the_query_says_which_do(store):
    with pytest.raises(FormatError, match="gives rows, not RDF"):
        render(run_query(store, VISITS), "ttl")
    with pytest.raises(FormatError, match="gives RDF, not 'csv'"):
        render(run_query(store, "CONSTRUCT WHERE { ?s kg:visits ?o }"), "csv")


def test_cli_construct_to_a_file(example_store, tmp_path):
    out = tmp_path / "visits.jsonld"
    res = invoke("query", "CONSTRUCT WHERE { ?s kg:visits ?o }", "--store", example_store,
                 "--format", "jsonld", "-o", out)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert "@context" in data
    res = invoke("query", "CONSTRUCT WHERE { ?s kg:visits ?o }", "--store", example_store, "--format", "csv")
    assert res.exit_code == 2 and "ttl" in res.output


def test_a_query_that_fails_while_read_leaves_nothing_for_the_garbage_collector(example_store):
    """A pyoxigraph result may only be freed by the thread that made it: one left in a reference
    cycle is freed by whichever thread the collector next runs in (kg serve's, say), and pyo3
    then raises there."""
    import gc

    def failing_query():  # returns nothing: what it made is garbage once it returns
        closed = f"http://127.0.0.1:{free_port()}/sparql"
        res = invoke("query", f"SELECT * WHERE {{ SERVICE <{closed}> {{ ?s ?p ?o }} }}", "--allow-service",
                     "--store", example_store)
        assert res.exit_code == 1 and "the query failed" in res.output

    gc.collect()
    failing_query()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage if type(o).__module__.startswith("pyoxigraph")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []
