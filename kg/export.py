"""Format name → writer. Exporters are registered by name, like extractors.

==========  ==========================================================================
``ttl``     Turtle: the union of all document graphs
``nt``      N-Triples: the union of all document graphs
``nq``      N-Quads: one named graph per document
``trig``    TriG: one named graph per document
``rdfxml``  RDF/XML: the union of all document graphs
``jsonld``  JSON-LD, compacted with the context shipped in ``ontologies/context.jsonld``
``graphml`` GraphML through networkx: entities and their asserted relations
``gexf``    GEXF (Gephi) through networkx: the same graph, with dates for Gephi's timeline
``neo4j``   a folder: CSV files for ``neo4j-admin database import`` and a ``LOAD CSV`` script
``jsonl``   relation records, one JSON object a line
``events``  the event table as CSV: one row per real event (see docs/events.md)
``events-parquet``  the event table as Parquet (needs ``kg[parquet]``)
``events-jsonl``    the event table, one JSON object an event with every report behind it
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

from . import events
from .errors import FormatError
from .files import atomic_write_bytes
from .namespaces import PREFIXES, local_name
from .netgraph import to_networkx
from .queries import sparql
from .rdf_formats import rdf_format, serialize_triples
from .rows import csv_safe
from .xmlsafe import xml_text

Exporter = Callable[..., "bytes | dict[str, bytes]"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    fn: Exporter
    folder: bool = False  # writes several files into a folder
    options: tuple[str, ...] = ()  # keyword options fn takes besides the store (kg export flags)


_REGISTRY: dict[str, ExportFormat] = {}


def register(name: str, description: str, *, folder: bool = False,
             options: tuple[str, ...] = ()) -> Callable[[Exporter], Exporter]:
    """Register an exporter: ``fn(store, **options) -> bytes`` (or ``-> {file name: bytes}`` with
    ``folder``); ``options`` names the keyword options it takes."""
    def deco(fn: Exporter) -> Exporter:
        _REGISTRY[name] = ExportFormat(name, description, fn, folder, tuple(options))
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


def export(name: str, store, **options) -> bytes | dict[str, bytes]:
    """The export of ``store`` in format ``name``, with the options that format takes."""
    fmt = get_format(name)
    unknown = sorted(set(options) - set(fmt.options))
    if unknown:
        takers = [f.name for f in _REGISTRY.values() if unknown[0] in f.options]
        flag = "--" + unknown[0].replace("_", "-")
        raise FormatError(f"{flag} does not apply to the {name} format"
                          + (f"; it goes with {', '.join(takers)}" if takers else ""))
    return fmt.fn(store, **options)


def write(name: str, store, output: str | Path, **options) -> list[Path]:
    """Export ``store`` in format ``name`` to ``output`` (a file, or a folder for folder formats).

    Every file is written atomically: to a temporary file in the same folder, then renamed.
    """
    fmt = get_format(name)
    data = export(name, store, **options)
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

def _graph_safe(g, *, spells_as_list: bool = False):
    """A copy of a kg networkx graph whose attributes GraphML and GEXF can hold, with its dates.

    Both formats take only strings, numbers and booleans: ``None`` is left out and lists
    (aliases, evidence, documents, dates) become JSON text. ``weight`` is the number of
    statements behind an edge, the attribute Gephi and yEd size edges by; ``events`` the
    number of real events they report.

    Time, for Gephi's timeline: an event edge carries ``spells``, one (first day, last day)
    per period its events happened in (a day, or a whole month or year when the text gives
    no more), and ``start``/``end`` as text; an entity carries ``start`` and ``end``, the
    first and last day of its events. Static relations and undated events have no time:
    Gephi shows them throughout. GEXF writes spells as spells (``spells_as_list``); GraphML,
    which has no time, gets them as JSON text like the other lists.
    """
    import networkx as nx

    def clean(attrs: dict) -> dict:
        out = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, (list, tuple, set)) and not (k == "spells" and spells_as_list):
                v = json.dumps(list(v), ensure_ascii=False)
            out[k] = xml_text(v) if isinstance(v, str) else v  # what XML 1.0 forbids: see kg.xmlsafe
        return out

    h = nx.MultiDiGraph()
    span: dict[str, list[str]] = {}
    edges = []
    for s, o, k, d in g.edges(keys=True, data=True):
        spells = _spells(d) if d.get("plover") else []
        if spells:
            d = {**d, "spells": spells, "start": spells[0][0], "end": max(e for _, e in spells)}
            for n in (s, o):
                first, last = span.get(n, (spells[0][0], d["end"]))
                span[n] = [min(first, spells[0][0]), max(last, d["end"])]
        edges.append((s, o, k, d))
    for n, d in g.nodes(data=True):
        first, last = span.get(n, (None, None))
        h.add_node(xml_text(n), **clean({**d, "start": first, "end": last}))
    for s, o, k, d in edges:
        if spells_as_list:  # GEXF: the time is in the spells, start and end would say it twice
            d = {key: v for key, v in d.items() if key not in ("start", "end")}
        h.add_edge(xml_text(s), xml_text(o), key=k, weight=d.get("count", 1), **clean(d))
    return h


def _spells(edge: dict) -> list[tuple[str, str]]:
    """(first day, last day) of each period the edge's statements date their events to."""
    import calendar

    out = set()
    for m in edge.get("mentions", ()):
        day, precision = m.get("date"), m.get("precision") or "day"
        if not day:
            continue
        y, mo = int(day[:4]), int(day[5:7])
        if precision == "year":
            out.add((f"{y:04d}-01-01", f"{y:04d}-12-31"))
        elif precision == "month":
            out.add((f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"))
        else:
            out.add((day, day))
    return sorted(out)


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
    nx.write_gexf(_graph_safe(to_networkx(store), spells_as_list=True), buf, encoding="utf-8")
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
            **_record_date(lit(row, "date"), lit(row, "precision")),
            "article_date": lit(row, "articleDate"), "location": entity(row["loc"].value) if row["loc"] else None,
            "extractor": row["ex"].value,
            "subject_mention": lit(row, "said_s"), "object_mention": lit(row, "said_o"),
        }


def _record_date(date: str | None, precision: str | None) -> dict:
    """A record's ``date`` at its precision: kg:eventDate "1982-01-01" at year precision is "1982"."""
    precision = precision or ("day" if date else None)
    cut = {"year": 4, "month": 7}.get(precision)
    return {"date": date[:cut] if cut and date else date, "date_precision": precision}


@register("jsonl", "relation records, one JSON object a line")
def export_jsonl(store) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in relation_records(store)).encode("utf-8")


# ------------------------------------------------------------------ the event table

@register("events", "the event table as CSV: one row per real event, GDELT-style columns (docs/events.md)",
          options=("include_unasserted",))
def export_events(store, *, include_unasserted: bool = False) -> bytes:
    return events.to_csv(events.rows(store, include_unasserted=include_unasserted))


@register("events-parquet", "the event table as Parquet (needs pyarrow: pip install 'kg[parquet]')",
          options=("include_unasserted",))
def export_events_parquet(store, *, include_unasserted: bool = False) -> bytes:
    return events.to_parquet(events.rows(store, include_unasserted=include_unasserted))


@register("events-jsonl", "the event table as JSON lines, each event with every statement behind it",
          options=("include_unasserted",))
def export_events_jsonl(store, *, include_unasserted: bool = False) -> bytes:
    evs = events.read_events(store, include_unasserted=include_unasserted)
    return events.to_jsonl(evs, events.rows(store, events=evs))
