"""Format name → writer. Exporters are registered by name, like extractors.

==========  ==========================================================================
``ttl``     Turtle: the union of all document graphs
``nt``      N-Triples: the union of all document graphs
``nq``      N-Quads: one named graph per document
``trig``    TriG: one named graph per document
``rdfxml``  RDF/XML: the union of all document graphs
``jsonld``  JSON-LD, compacted with the context shipped in ``ontologies/context.jsonld``
``graphml`` GraphML through networkx: entities and their asserted relations
``gexf``    GEXF (Gephi) through networkx: the same graph
``neo4j``   a folder: CSV files for ``neo4j-admin database import`` and a ``LOAD CSV`` script
``jsonl``   relation records, one JSON object a line
==========  ==========================================================================

RDF formats are written by Oxigraph straight from the store (``jsonld`` through rdflib,
for the context; see :mod:`kg.rdf_formats`). GraphML, GEXF and Neo4j go through
:func:`kg.netgraph.to_networkx`, the one bridge from RDF to graphs. An exporter returns
the bytes of one file, or for a folder format a ``{file name: bytes}`` dict; :func:`write`
writes either atomically.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import FormatError
from .files import atomic_write_bytes
from .namespaces import PREFIXES, local_name
from .netgraph import to_networkx
from .queries import sparql
from .rdf_formats import rdf_format, serialize_triples
from .rows import csv_safe

Exporter = Callable[..., "bytes | dict[str, bytes]"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    fn: Exporter
    folder: bool = False  # writes several files into a folder


_REGISTRY: dict[str, ExportFormat] = {}


def register(name: str, description: str, *, folder: bool = False) -> Callable[[Exporter], Exporter]:
    """Register an exporter: ``fn(store) -> bytes`` (or ``-> {file name: bytes}`` with ``folder``)."""
    def deco(fn: Exporter) -> Exporter:
        _REGISTRY[name] = ExportFormat(name, description, fn, folder)
        return fn

    return deco


def get_format(name: str) -> ExportFormat:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise FormatError(f"unknown export format {name!r}; choose one of {', '.join(_REGISTRY)}") from None


def get(name: str) -> Exporter:
    return get_format(name).fn


def available() -> dict[str, str]:
    return {n: f.description for n, f in _REGISTRY.items()}


def write(name: str, store, output: str | Path) -> list[Path]:
    """Export ``store`` in format ``name`` to ``output`` (a file, or a folder for folder formats).

    Every file is written atomically: to a temporary file in the same folder, then renamed.
    """
    fmt = get_format(name)
    data = fmt.fn(store)
    output = Path(output)
    if fmt.folder:
        if output.exists() and not output.is_dir():
            raise FormatError(f"{output} is a file; the {name} export writes several files into a folder, "
                              "give -o a folder path")
        return [atomic_write_bytes(output / fname, content) for fname, content in data.items()]
    if output.is_dir():
        raise FormatError(f"{output} is a folder; give -o a file path such as {output / ('graph.' + name)}")
    return [atomic_write_bytes(output, data)]


# ------------------------------------------------------------------ RDF

def union_triples(store):
    """The union of the document graphs, each triple once."""
    return store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)


def _union(fmt: str) -> Exporter:
    def export(store) -> bytes:
        return serialize_triples(union_triples(store), fmt)

    return export


def _dataset(fmt: str) -> Exporter:
    def export(store) -> bytes:
        kw = {} if fmt == "nq" else {"prefixes": PREFIXES}
        return store.ox.dump(format=rdf_format(fmt), **kw)

    return export


register("ttl", "Turtle: the union of all documents")(_union("ttl"))
register("nt", "N-Triples: the union of all documents")(_union("nt"))
register("nq", "N-Quads: one named graph per document")(_dataset("nq"))
register("trig", "TriG: one named graph per document")(_dataset("trig"))
register("rdfxml", "RDF/XML: the union of all documents")(_union("rdfxml"))
register("jsonld", "JSON-LD with kg's @context (ontologies/context.jsonld)")(_union("jsonld"))


# ------------------------------------------------------------------ graphs (networkx)

def _graph_safe(g):
    """A copy of a kg networkx graph whose attributes GraphML and GEXF can hold.

    Both formats take only strings, numbers and booleans: ``None`` is left out and lists
    (aliases, evidence, documents, dates) become JSON text. ``weight`` is the number of
    statements behind an edge, the attribute Gephi and yEd size edges by.
    """
    import networkx as nx

    def clean(attrs: dict) -> dict:
        out = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, (list, tuple, set)):
                v = json.dumps(list(v), ensure_ascii=False)
            out[k] = v
        return out

    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **clean(d))
    for s, o, k, d in g.edges(keys=True, data=True):
        h.add_edge(s, o, key=k, weight=d.get("count", 1), **clean(d))
    return h


@register("graphml", "GraphML (networkx): entities and their asserted relations")
def export_graphml(store) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(_graph_safe(to_networkx(store)), buf, encoding="utf-8")
    return buf.getvalue()


@register("gexf", "GEXF for Gephi (networkx): entities and their asserted relations")
def export_gexf(store) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(_graph_safe(to_networkx(store)), buf, encoding="utf-8")
    return buf.getvalue()


# ------------------------------------------------------------------ Neo4j

def _array(values: Iterable[str]) -> str:
    # neo4j-admin splits arrays on ';' and has no escape for it.
    return ";".join(str(v).replace(";", ",") for v in values)


def relationship_type(predicate: str) -> str:
    """An ontology property name → a Neo4j relationship type: meetsWith → MEETS_WITH."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def _csv(header: list[str], rows: Iterable[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([csv_safe(c) if isinstance(c, str) else c for c in row])
    return buf.getvalue().encode("utf-8")


NEO4J_NODE_HEADER = ["id:ID", "name", "type", "wikidata", "country", "aliases:string[]", ":LABEL"]
NEO4J_REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "predicate", "plover", "quad", "count:int",
                    "confidence:float", "docs:string[]", "dates:string[]", "evidence"]


@register("neo4j", "a folder: Neo4j CSV (neo4j-admin import) and a LOAD CSV Cypher script", folder=True)
def export_neo4j(store) -> dict[str, bytes]:
    g = to_networkx(store)
    nodes = []
    for n, d in sorted(g.nodes(data=True)):
        nodes.append([n, d.get("label", ""), d.get("type", "Topic"), d.get("wikidata") or "", d.get("country") or "",
                      _array(d.get("aliases") or []), f"Entity;{d.get('type', 'Topic')}"])
    rels = []
    for s, o, _, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        evidence = "\n".join(" ".join(sentence.split()) for sentence, _doc in d.get("evidence", []))
        rels.append([s, o, relationship_type(d["predicate"]), d["predicate"], d.get("plover") or "",
                     d.get("quad") or "", d.get("count", 1), d.get("confidence", 0.0), _array(d.get("docs", [])),
                     _array(d.get("dates", [])), evidence])
    types = sorted({row[2] for row in nodes})
    rel_types = sorted({row[2] for row in rels})
    return {
        "entities.csv": _csv(NEO4J_NODE_HEADER, nodes),
        "relations.csv": _csv(NEO4J_REL_HEADER, rels),
        "load.cypher": _cypher(types, rel_types).encode("utf-8"),
    }


def _cypher(types: list[str], rel_types: list[str]) -> str:
    lines = [
        "// Load kg's Neo4j export with LOAD CSV: copy entities.csv and relations.csv into the",
        "// database's import folder, then run:  cypher-shell -u neo4j -p PASSWORD -f load.cypher",
        "// Into a new, empty database the bulk importer is faster:",
        "//   neo4j-admin database import full --nodes=entities.csv --relationships=relations.csv \\",
        "//     --multiline-fields=true --array-delimiter=';' neo4j",
        "// Text cells that begin with = + - @ carry a leading ' so spreadsheets do not run them.",
        "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
        "",
        "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row",
        "MERGE (n:Entity {id: row.`id:ID`})",
        "SET n.name = row.name, n.type = row.type,",
        "    n.wikidata = CASE row.wikidata WHEN '' THEN null ELSE row.wikidata END,",
        "    n.country = CASE row.country WHEN '' THEN null ELSE row.country END,",
        "    n.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] ELSE split(row.`aliases:string[]`, ';') END;",
    ]
    for t in types:  # labels cannot be parameters in Cypher: one statement a label
        lines += ["", "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row",
                  f"WITH row WHERE row.type = '{t}'", f"MATCH (n:Entity {{id: row.`id:ID`}}) SET n:{t};"]
    for t in rel_types:  # nor relationship types
        lines += [
            "", "LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{t}'",
            "MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})",
            f"MERGE (a)-[r:{t}]->(b)",
            "SET r.predicate = row.predicate,",
            "    r.plover = CASE row.plover WHEN '' THEN null ELSE row.plover END,",
            "    r.quad = CASE row.quad WHEN '' THEN null ELSE row.quad END,",
            "    r.count = toInteger(row.`count:int`), r.confidence = toFloat(row.`confidence:float`),",
            "    r.docs = split(row.`docs:string[]`, ';'),",
            "    r.dates = CASE row.`dates:string[]` WHEN '' THEN [] ELSE split(row.`dates:string[]`, ';') END,",
            "    r.evidence = row.evidence;",
        ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ relation records

def entity_records(store) -> dict[str, dict]:
    """Every entity's record (the ``subject``/``object`` of a relation record), by IRI."""
    out: dict[str, dict] = {}
    for row in store.query(sparql("_entity-records")):
        iri = row["e"].value
        rec = out.setdefault(iri, {"id": iri, "label": row["label"].value, "aliases": [],
                                   "type": local_name(row["type"].value),
                                   "wikidata": local_name(row["wd"].value) if row["wd"] else None,
                                   "country": row["cc"].value if row["cc"] else None,
                                   "sector": row["sector"].value if row["sector"] else None})
        if row["alt"] is not None and row["alt"].value not in rec["aliases"]:
            rec["aliases"].append(row["alt"].value)
    for rec in out.values():
        rec["aliases"].sort()
    return out


def relation_records(store):
    """The relation records stored, as dicts (the ``jsonl`` schema)."""
    entities = entity_records(store)

    def entity(iri: str) -> dict:
        return entities.get(iri) or {"id": iri, "label": local_name(iri), "aliases": [], "type": "Topic",
                                     "wikidata": None, "country": None, "sector": None}

    def lit(row, k):
        return row[k].value if row[k] is not None else None

    for row in store.query(sparql("_relation-records")):
        yield {
            "doc": row["doc"].value, "sentence": row["evidence"].value,
            "start": int(row["start"].value), "end": int(row["end"].value),
            "subject": entity(row["s"].value), "predicate": local_name(row["p"].value),
            "plover": lit(row, "plover"), "mode": lit(row, "mode"), "cameo": lit(row, "cameo"),
            "object": entity(row["o"].value), "negated": row["negated"].value == "true",
            "modality": row["modality"].value, "confidence": float(row["conf"].value),
            "date": lit(row, "date"), "extractor": row["ex"].value,
            "subject_mention": lit(row, "said_s"), "object_mention": lit(row, "said_o"),
        }


@register("jsonl", "relation records, one JSON object a line")
def export_jsonl(store) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in relation_records(store)).encode("utf-8")
