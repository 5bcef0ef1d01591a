"""Test data and checks that several test modules share. Fixtures and the small helpers
(invoke, error_line, quads, shared_path) are in conftest.py.

- The Ruritania documents: hand-made extractions with every kind of fact (asserted, negated,
  intended, static), with known answers for the RDF model, named queries and exports.
- The world: a small network of people and countries for the networkx bridge, the measures
  and the page.
- Finland and Estonia: hand-made reports of events for the event table and the series.
- shacl(): a graph checked against ontologies/shapes.ttl.
- write_store(), free_port(), rdflib_graphs(), page_data().
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import socket
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from kg.model import Document, Entity, Extraction, Relation

# ------------------------------------------------------------------ stores

def write_store(path: str | Path, extractions: Iterable[Extraction]) -> Path:
    """A store at ``path`` holding these extractions, written as kg build writes them: each
    its document's graph, and the entity graph (:func:`kg.entities.update`)."""
    from kg.entities import update
    from kg.store import open_store

    with open_store(path) as store:
        for ex in extractions:
            update(store, [ex])
    return Path(path)


def build_store(path: str | Path, inputs: Iterable[str | Path]) -> Path:
    """A store at ``path`` built from these files or corpora, as kg build builds it."""
    from kg.pipeline import build
    from kg.store import open_store

    with open_store(path) as store:
        build(list(inputs), store)
    return Path(path)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ Ruritania

TEXT = ("Ruritania's president Anna Vogt visited Elbonia on Monday. "
        "Elbonia did not condemn Ruritania. Vogt plans to meet the Elbonian premier. "
        "Vogt leads Ruritania.")

VOGT = Entity("https://w3id.org/kg/id/person/anna-vogt", "Anna Vogt", "Person", aliases=("Vogt",), country="RUR")
RUR = Entity("https://w3id.org/kg/id/Q9999901", "Ruritania", "Country", wikidata="Q9999901", country="RUR")
ELB = Entity("https://w3id.org/kg/id/country/elbonia", "Elbonia", "Country", country="ELB")


def _relation(sent: str, subject: Entity, predicate: str, obj: Entity, **kw) -> Relation:
    start = TEXT.index(sent)
    return Relation(doc="ruritania-1", sentence=sent, start=start, end=start + len(sent), subject=subject,
                    predicate=predicate, object=obj, article_date=kw.get("date"), **kw)


def ruritania(date: str | None = "2024-03-04", url: str | None = "https://news.example/ruritania?id=1") -> Extraction:
    """A hand-made extraction: an asserted event, a negated one, an intended one, a static relation."""
    doc = Document(id="ruritania-1", text=TEXT, title="Vogt in Elbonia", date=date, url=url)
    rels = (
        _relation("Ruritania's president Anna Vogt visited Elbonia on Monday.", VOGT, "visits", ELB,
                  plover="CONSULT", mode="visit", cameo="042", confidence=0.9, date=date),
        _relation("Elbonia did not condemn Ruritania.", ELB, "criticizes", RUR, plover="ACCUSE", cameo="111",
                  negated=True, confidence=0.7, date=date),
        _relation("Vogt plans to meet the Elbonian premier.", VOGT, "meetsWith", ELB, plover="CONSULT",
                  cameo="040", modality="intended", confidence=0.6, date=date),
        _relation("Vogt leads Ruritania.", VOGT, "leaderOf", RUR, confidence=0.8, date=date),
    )
    entities = {e.id: e for r in rels for e in (r.subject, r.object)}
    return Extraction(document=doc, relations=rels, entities=tuple(entities.values()))


SECOND = ("Elbonia condemned Ruritania on Friday. Ruritania's president Anna Vogt visited Elbonia "
          "on Monday. Ruritania sanctions Elbonia.")
THIRD = "Vogt met Elbonian officials. " + TEXT


def news_document(doc_id: str, text: str, date: str | None, rels_spec) -> Extraction:
    """An extraction of ``text`` with relations given as (sentence, subject, predicate, object, keywords)."""
    doc = Document(id=doc_id, text=text, title=doc_id.title(), date=date, url=f"https://news.example/{doc_id}")
    rels = []
    for sent, s, p, o, kw in rels_spec:
        start = text.index(sent)
        rels.append(Relation(doc=doc_id, sentence=sent, start=start, end=start + len(sent), subject=s,
                             predicate=p, object=o, date=date, article_date=date, **kw))
    entities = {e.id: e for r in rels for e in (r.subject, r.object)}
    return Extraction(document=doc, relations=tuple(rels), entities=tuple(entities.values()))


def news_extractions() -> list[Extraction]:
    """Three documents: ruritania-1 (2024-03-04), ruritania-2 (2024-05-10), ruritania-3 (no date)."""
    second = news_document("ruritania-2", SECOND, "2024-05-10", [
        ("Elbonia condemned Ruritania on Friday.", ELB, "criticizes", RUR, {"plover": "ACCUSE", "cameo": "111"}),
        ("Ruritania's president Anna Vogt visited Elbonia on Monday.", VOGT, "visits", ELB,
         {"plover": "CONSULT", "mode": "visit", "cameo": "042"}),
        ("Ruritania sanctions Elbonia.", RUR, "sanctions", ELB, {"plover": "SANCTION", "cameo": "163"}),
    ])
    third = news_document("ruritania-3", THIRD, None, [
        ("Vogt met Elbonian officials.", VOGT, "meetsWith", ELB, {"plover": "CONSULT", "cameo": "040"}),
    ])
    return [ruritania(), second, third]


# ------------------------------------------------------------------ Finland and Estonia

FIN, EST = "https://w3id.org/kg/id/Q33", "https://w3id.org/kg/id/Q191"
BALTIC_TEXT = ("Finland and Estonia met in Moscow. Estonia met Finland. Finland criticized Estonia. "
               "Estonia criticized Finland.")
FINLAND = Entity(FIN, "Finland", "Country", wikidata="Q33", country="FIN")
ESTONIA = Entity(EST, "Estonia", "Country", wikidata="Q191", country="EST")


def said(doc: str, sentence: str, s: Entity, p: str, o: Entity, plover: str, cameo: str, **kw) -> Relation:
    """A relation stated by one sentence of BALTIC_TEXT in document ``doc``."""
    start = BALTIC_TEXT.index(sentence)
    return Relation(doc=doc, sentence=sentence, start=start, end=start + len(sentence), subject=s, predicate=p,
                    object=o, plover=plover, cameo=cameo, **kw)


def store_of(tmp_path, docs: dict[str, list[Relation]], date="2019-03-07"):
    """An open store in ``tmp_path`` holding BALTIC_TEXT once per document, with these relations."""
    from kg.entities import update
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    for doc_id, rels in docs.items():
        doc = Document(id=doc_id, text=BALTIC_TEXT, date=date, url=f"https://news.example/{doc_id}")
        # as kg's records have it: a sentence that gives no date gives the article's
        # (a date of None beside an article date is an undated event: "had invaded")
        rels = [replace(r, article_date=date, date=r.date or date) for r in rels]
        ents = {e.id: e for r in rels for e in (r.subject, r.object)}
        update(store, [Extraction(doc, tuple(rels), tuple(ents.values()))])
    return store


# ------------------------------------------------------------------ the world

ID = "https://w3id.org/kg/id/test/"


def world_extractions() -> list[Extraction]:
    """Four documents of people and countries; tests/test_analyze.py says what is in them."""
    def ent(key, label, type_, country=None, qid=None, aliases=()):
        return Entity(ID + key, label, type_, tuple(aliases), qid, country)

    anna = ent("anna-berg", "Anna Berg", "Person", "DEU", "Q90001", ["Berg"])
    marc = ent("marc-duval", "Marc Duval", "Person", "FRA", "Q90002", ["Duval"])
    deu, fra = ent("deu", "Germany", "Country", "DEU", "Q183"), ent("fra", "France", "Country", "FRA", "Q142")
    rus, ukr = ent("rus", "Russia", "Country", "RUS", "Q159"), ent("ukr", "Ukraine", "Country", "UKR", "Q212")
    ita = ent("ita", "Italy", "Country", "ITA", "Q38")
    berlin = ent("berlin", "Berlin", "City", "DEU", "Q64")
    lee_min = ent("lee-min", "Lee Min", "Person", "KOR", None, ["Lee"])
    lee_sun = ent("lee-sun", "Lee Sun", "Person", "KOR", None, ["Lee"])

    def rel(doc, i, s, p, o, plover=None, conf=0.9, date=None, **kw):
        return Relation(doc, f"Sentence {i} of {doc}: {s.label} {p} {o.label}.", i * 100, i * 100 + 60, s, p, o,
                        plover=plover, confidence=conf, date=date, **kw)

    docs = [
        (Document("d1", "text one", title="Spring talks", date="2019-03-04"), [
            rel("d1", 1, anna, "meetsWith", marc, "CONSULT"),
            rel("d1", 2, anna, "leaderOf", deu, conf=0.8),
            rel("d1", 3, fra, "praises", ita, "SUPPORT"),
            rel("d1", 4, fra, "praises", ita, "SUPPORT"),
            rel("d1", 5, deu, "attacks", fra, "ASSAULT", negated=True),
            rel("d1", 6, deu, "attacks", ita, "ASSAULT", modality="hypothetical"),
        ]),
        # d2: dates on the statements themselves
        (Document("d2", "text two", title="Summer dispute"), [
            rel("d2", 1, deu, "criticizes", rus, "ACCUSE", date="2019-07-15"),
            rel("d2", 2, rus, "threatens", ukr, "THREATEN", conf=0.6, date="2019-07-15"),
        ]),
        # d3: dated by its document only
        (Document("d3", "text three", date="2019-10-02"), [
            rel("d3", 1, rus, "attacks", ukr, "ASSAULT", conf=0.7),
            rel("d3", 2, deu, "criticizes", rus, "ACCUSE"),
            rel("d3", 3, deu, "agreesWith", rus, "AGREE"),
            rel("d3", 4, marc, "visits", berlin, "CONSULT", conf=0.85),
        ]),
        (Document("d4", "text four"), [
            rel("d4", 1, rus, "criticizes", deu, "ACCUSE", conf=0.5),
            rel("d4", 2, lee_min, "meetsWith", lee_sun, "CONSULT"),
        ]),
    ]
    return [Extraction(d, tuple(rs), ()) for d, rs in docs]


def build_world(path: str | Path) -> Path:
    """A store at ``path`` holding the world."""
    return write_store(path, world_extractions())


# ------------------------------------------------------------------ SHACL

@functools.cache
def _shapes_and_ontology():
    from rdflib import Graph

    from kg.namespaces import ONTOLOGY_DIR, ONTOLOGY_FILE

    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl"), Graph().parse(ONTOLOGY_FILE)


@functools.lru_cache(maxsize=256)
def _translated(query: str, base, ns):
    from rdflib.plugins.sparql import processor

    return processor.translateQuery(processor.parseQuery(query), base, dict(ns) if ns else None)


@contextlib.contextmanager
def _prepared_sparql():
    """Parse each SPARQL constraint once instead of once per focus node.

    pySHACL hands rdflib the query text for every focus node, and rdflib's parser takes
    about 20 ms a query: 85 s for the corpus instead of 9 s. A translated query is
    reusable with other bindings (that is what rdflib's prepareQuery is for).
    """
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query

    def query(self, q, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(q, str):
            q = _translated(q, base, tuple(sorted(initNs.items())) if initNs else None)
        return processor.evalQuery(self.graph, q, initBindings, base)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original


def shacl(graph) -> tuple[bool, str, set[str]]:
    """(conforms, the report as text, the messages of the violations) of an rdflib graph."""
    from pyshacl import validate
    from rdflib import URIRef

    shapes, ontology = _shapes_and_ontology()
    with _prepared_sparql():
        conforms, report, text = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    messages = {str(m) for m in report.objects(None, URIRef("http://www.w3.org/ns/shacl#resultMessage"))}
    return conforms, text, messages


# ------------------------------------------------------------------ reading outputs back

def page_data(html: str) -> dict:
    """The data block of a page kg viz wrote."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert m, "the page has its data block"
    return json.loads(m.group(1))


RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdfxml": "xml", "jsonld": "json-ld"}


def rdflib_graphs(data: bytes | str, fmt: str) -> dict[str, object]:
    """The non-empty named graphs of N-Quads or TriG as rdflib reads them, by graph name."""
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
    out = {}
    for g in ds.graphs():
        if len(g):
            copy = Graph()
            for t in g:
                copy.add(t)
            out[str(g.identifier)] = copy
    return out
