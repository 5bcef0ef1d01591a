"""Every export format: RDF formats round-trip into a fresh store; GraphML and GEXF are read
back by networkx, the Neo4j files by the csv module; relation records match the extraction."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import export as exporters
from kg.model import Document, Entity, Extraction, Relation
from kg.namespaces import KG

from .conftest import invoke
from .helpers import RDFLIB_FORMAT, news_extractions, rdflib_graphs, write_store


@pytest.fixture(scope="module")
def news_store(tmp_path_factory):
    """The three hand-made documents plus one whose text tries formula injection."""
    hostile = Entity("https://w3id.org/kg/id/organization/cmd", "=cmd|' /C calc'!A0", "Organization",
                     aliases=("+SUM(1,2)", "@evil", "-2+3"))
    target = Entity("https://w3id.org/kg/id/Q9999901", "Ruritania", "Country", wikidata="Q9999901", country="RUR")
    text = "=cmd|' /C calc'!A0 criticized Ruritania; \"quotes\", commas\tand tabs."
    rel = Relation(doc="=hostile", sentence=text, start=0, end=len(text), subject=hostile, predicate="criticizes",
                   object=target, plover="ACCUSE", cameo="111", confidence=0.5)
    ex = Extraction(Document(id="=hostile", text=text), (rel,), (hostile, target))
    return write_store(tmp_path_factory.mktemp("exports") / "store", [*news_extractions(), ex])


@pytest.fixture
def store(news_store):
    from kg.store import open_store

    with open_store(news_store, create=False) as s:
        yield s


def store_graphs(store) -> dict[str, Graph]:
    """Each graph of a store (named graphs by IRI, the default graph as "") as an rdflib Graph."""
    import pyoxigraph as ox

    out: dict[str, Graph] = {}
    for q in store.ox:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object)], format=ox.RdfFormat.N_TRIPLES)
        out.setdefault(name, Graph()).parse(data=nt, format="nt")
    return out


def union_graph(graphs: dict[str, Graph]) -> Graph:
    g = Graph()
    for part in graphs.values():
        g += part
    return g


def test_every_registered_format_is_documented_and_tested():
    tested = set(RDFLIB_FORMAT) | {"graphml", "gexf", "neo4j", "jsonl"}
    tested |= {"events", "events-parquet", "events-jsonl"}  # tests/test_event_table.py
    assert set(exporters.available()) == tested
    for name in tested:
        assert f"``{name}``" in exporters.__doc__


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdfxml", "jsonld"])
def test_triple_formats_round_trip_into_a_fresh_store(store, tmp_path, fmt):
    from kg.store import open_store

    data = exporters.get(fmt)(store)
    with open_store(tmp_path / "fresh") as fresh:
        fresh.load(data, fmt)
        back = union_graph(store_graphs(fresh))
    original = union_graph(store_graphs(store))
    assert len(original) > 200
    assert isomorphic(original, back)
    # and rdflib, a second, independent parser, reads the same graph
    assert isomorphic(original, Graph().parse(data=data, format=RDFLIB_FORMAT[fmt]))


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_quad_formats_round_trip_graph_by_graph(store, tmp_path, fmt):
    from kg.store import open_store

    data = exporters.get(fmt)(store)
    with open_store(tmp_path / "fresh") as fresh:
        fresh.load(data, fmt)
        back = store_graphs(fresh)
        assert sorted(fresh.documents()) == sorted(store.documents())
    original = store_graphs(store)
    assert len(original) == 5 and "" not in original  # four documents and the entity graph
    assert original.keys() == back.keys()
    for name in original:
        assert isomorphic(original[name], back[name]), name
    parsed = rdflib_graphs(data, fmt)
    assert parsed.keys() == original.keys()
    for name in original:
        assert isomorphic(original[name], parsed[name]), name


def test_jsonld_uses_the_shipped_context(store):
    from kg.namespaces import ONTOLOGY_DIR

    doc = json.loads(exporters.get("jsonld")(store))
    shipped = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text())["@context"]
    assert doc["@context"] == shipped
    nodes = doc["@graph"]
    vogt = next(n for n in nodes if n["@id"] == "https://w3id.org/kg/id/person/anna-vogt")
    assert vogt["prefLabel"] == "Anna Vogt" and vogt["countryCode"] == "RUR"
    st = next(n for n in nodes if n.get("predicate") == "kg:visits" and n["wasDerivedFrom"].endswith("ruritania-1"))
    # typed by the context: the values compact to strings whose type the context restores
    assert st["startOffset"] == "0" and st["negated"] == "false" and st["confidence"] == "0.9"


def test_the_context_covers_every_property_kg_writes(store):
    """Every property in the data has a term in the context, or compacts to a prefix it declares."""
    from kg.namespaces import ONTOLOGY_DIR

    ctx = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text())["@context"]
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.startswith("http")}

    def expand(term: str) -> str:
        prefix, _, local = term.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else term

    terms = {expand(v if isinstance(v, str) else v["@id"]) for k, v in ctx.items() if k not in prefixes}
    written = {str(p) for p in union_graph(store_graphs(store)).predicates()}
    missing = {p for p in written if p not in terms and not p.startswith(str(KG))
               and p != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    assert not missing, "add these to ontologies/context.jsonld"


def test_load_of_broken_data_leaves_the_store_unchanged(store, tmp_path):
    from kg.errors import StoreError
    from kg.store import open_store

    good = exporters.get("nq")(store)
    with open_store(tmp_path / "fresh") as fresh:
        fresh.load(good, "nq")
        before = len(fresh)
        broken = good + b"<urn:a> <urn:b> \"unterminated .\n"
        with pytest.raises(StoreError, match="does not parse"):
            fresh.load(broken, "nq")
        assert len(fresh) == before


# ------------------------------------------------------------------ graphs

def _check_networkx_graph(g):
    vogt = "https://w3id.org/kg/id/person/anna-vogt"
    assert g.nodes[vogt]["label"] == "Anna Vogt" and g.nodes[vogt]["type"] == "Person"
    assert json.loads(g.nodes[vogt]["aliases"]) == ["Vogt"]
    edges = {(s, o, d["predicate"]): d for s, o, d in g.edges(data=True)}
    visit = edges[(vogt, "https://w3id.org/kg/id/country/elbonia", "visits")]
    assert int(visit["count"]) == 2 and int(visit["weight"]) == 2 and visit["plover"] == "CONSULT"
    assert json.loads(visit["docs"]) == ["ruritania-1", "ruritania-2"]
    assert ("https://w3id.org/kg/id/country/elbonia", "https://w3id.org/kg/id/Q9999901", "criticizes") in edges
    # the negated criticism of ruritania-1 is no edge: only ruritania-2's is counted
    crit = edges[("https://w3id.org/kg/id/country/elbonia", "https://w3id.org/kg/id/Q9999901", "criticizes")]
    assert json.loads(crit["docs"]) == ["ruritania-2"]
    return edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_are_read_back_by_networkx(store, tmp_path, fmt):
    import networkx as nx

    from kg.netgraph import to_networkx

    path = tmp_path / f"graph.{fmt}"
    exporters.write(fmt, store, path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    source = to_networkx(store)
    assert g.number_of_nodes() == source.number_of_nodes()
    assert g.number_of_edges() == source.number_of_edges()
    assert g.is_directed() and g.is_multigraph()
    _check_networkx_graph(g)


# ------------------------------------------------------------------ Neo4j

def _read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_neo4j_files_have_import_headers_and_consistent_ids(store, tmp_path):
    written = exporters.write("neo4j", store, tmp_path / "neo4j")
    assert sorted(p.name for p in written) == ["entities.csv", "load.cypher", "relations.csv"]
    nodes = _read_csv((tmp_path / "neo4j" / "entities.csv").read_bytes())
    rels = _read_csv((tmp_path / "neo4j" / "relations.csv").read_bytes())
    assert list(nodes[0]) == exporters.NEO4J_NODE_HEADER
    assert list(rels[0]) == exporters.NEO4J_REL_HEADER
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == len(nodes)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    vogt = next(n for n in nodes if n["name"] == "Anna Vogt")
    assert vogt[":LABEL"] == "Entity;Person" and vogt["aliases:string[]"] == "Vogt" and vogt["country"] == "RUR"
    visit = next(r for r in rels if r[":TYPE"] == "VISITS")
    assert visit["count:int"] == "2" and visit["docs:string[]"] == "ruritania-1;ruritania-2"
    assert float(visit["confidence:float"]) == 0.9
    assert {r[":TYPE"] for r in rels} >= {"VISITS", "MEETS_WITH", "LEADER_OF", "CRITICIZES", "SANCTIONS"}


def test_neo4j_cells_cannot_run_as_formulas(store, tmp_path):
    exporters.write("neo4j", store, tmp_path / "neo4j")
    for name in ("entities.csv", "relations.csv"):
        for row in csv.reader(io.StringIO((tmp_path / "neo4j" / name).read_text())):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    nodes = _read_csv((tmp_path / "neo4j" / "entities.csv").read_bytes())
    hostile = next(n for n in nodes if "cmd" in n["name"])
    assert hostile["name"] == "'=cmd|' /C calc'!A0"
    assert hostile["aliases:string[]"].startswith("'")
    rels = _read_csv((tmp_path / "neo4j" / "relations.csv").read_bytes())
    crit = next(r for r in rels if r[":START_ID"] == hostile["id:ID"])
    assert crit["docs:string[]"] == "'=hostile" and crit["evidence"].startswith("'=cmd")


def test_neo4j_cypher_loads_every_label_and_type(store, tmp_path):
    exporters.write("neo4j", store, tmp_path / "neo4j")
    cypher = (tmp_path / "neo4j" / "load.cypher").read_text()
    for statement in [s.strip() for s in cypher.split(";") if s.strip() and not s.strip().startswith("//")]:
        assert statement.count("LOAD CSV") <= 1
    assert "neo4j-admin database import full --nodes=entities.csv --relationships=relations.csv" in cypher
    for label in ("Person", "Country", "Organization"):
        assert f"SET n:{label};" in cypher
    for rel_type in ("VISITS", "MEETS_WITH", "CRITICIZES", "LEADER_OF", "SANCTIONS"):
        assert f"MERGE (a)-[r:{rel_type}]->(b)" in cypher
    assert "row.`id:ID`" in cypher and "row.`:START_ID`" in cypher


def test_relationship_types_follow_neo4j_convention():
    assert exporters.relationship_type("meetsWith") == "MEETS_WITH"
    assert exporters.relationship_type("leaderOf") == "LEADER_OF"
    assert exporters.relationship_type("visits") == "VISITS"


# ------------------------------------------------------------------ relation records

def test_jsonl_gives_back_the_relation_records(store):
    lines = exporters.get("jsonl")(store).decode("utf-8").splitlines()
    got = [json.loads(line) for line in lines]
    expected = [r.to_record() for ex in news_extractions() for r in ex.relations]

    def key(r):
        return (r["doc"], r["start"], r["predicate"], r["subject"]["id"], r["object"]["id"])

    got_news = sorted((r for r in got if r["doc"].startswith("ruritania")), key=key)
    assert len(got_news) == len(expected)
    for g, e in zip(got_news, sorted(expected, key=key), strict=True):
        assert g == e


def test_jsonl_records_read_back_as_relations(store):
    from kg.model import relation_from_record

    for line in exporters.get("jsonl")(store).decode("utf-8").splitlines():
        rel = relation_from_record(json.loads(line))
        assert rel.to_record() == json.loads(line)


# ------------------------------------------------------------------ writing

def test_writes_are_atomic_and_refuse_a_wrong_target(store, tmp_path):
    from kg.errors import FormatError

    out = tmp_path / "graph.ttl"
    out.write_text("old")
    exporters.write("ttl", store, out)
    assert out.read_text().startswith("@prefix") and not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(FormatError, match="is a folder"):
        exporters.write("ttl", store, tmp_path)
    with pytest.raises(FormatError, match="several files into a folder"):
        exporters.write("neo4j", store, out)


def test_cli_export_every_format(news_store, tmp_path):
    for fmt in exporters.available():
        target = tmp_path / (fmt if fmt == "neo4j" else f"graph.{fmt}")
        res = invoke("export", "--format", fmt, "--store", news_store, "-o", target)
        assert res.exit_code == 0, res.output
        assert target.exists()
    res = invoke("export", "--format", "neo4j", "--store", news_store)
    assert res.exit_code == 2 and "-o FOLDER" in res.output


def test_jsonl_export_of_the_example_equals_its_extraction(example_store, example_extraction):
    """Relation records survive the trip through RDF unchanged."""
    from kg.store import open_store

    with open_store(example_store, create=False) as s:
        exported = exporters.get("jsonl")(s).decode("utf-8").splitlines()
    expected = [r.to_record() for r in example_extraction.relations]
    assert sorted(json.dumps(json.loads(line), sort_keys=True) for line in exported) == \
        sorted(json.dumps(r, sort_keys=True) for r in expected)
