"""SHACL: the example article's and the Wikinews corpus's stores conform to
ontologies/shapes.ttl, and stores with real defects do not.

A store is validated as the union of its graphs (the documents' and the entity graph),
what `kg export --format ttl` writes, with the ontology mixed in, as the header of
shapes.ttl tells users to do with the pyshacl command.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.entities import store_graph
from kg.graph import document_iri, statement_iri
from kg.namespaces import KG

# shacl is also imported from here by tests/test_sectors.py
from .helpers import ELB, RUR, VOGT, ruritania, shacl


def union_graph(store_path) -> Graph:
    """The union of a store's graphs, as one rdflib Graph (what kg export --format ttl gives)."""
    import pyoxigraph as ox

    from kg.store import open_store

    with open_store(store_path, create=False) as store:
        triples = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def test_the_hand_made_graph_conforms():
    conforms, text, _ = shacl(store_graph([ruritania()]))
    assert conforms, text
    conforms, text, _ = shacl(store_graph([ruritania(date=None, url="print edition")]))
    assert conforms, text


def test_the_example_article_conforms(example_store):
    conforms, text, _ = shacl(union_graph(example_store))
    assert conforms, text


def document_views(store_path) -> list[Graph]:
    """Each document's graph with the descriptions it relies on (the entities it denotes,
    its extractors): a store of that document alone, as far as the shapes can tell.
    Validating these one by one is much faster than validating the union at once."""
    import pyoxigraph as ox

    from kg.entities import ENTITY_GRAPH
    from kg.store import open_store

    views = []
    with open_store(store_path, create=False) as store:
        shared = ox.NamedNode(ENTITY_GRAPH)
        for iri in sorted(store.documents()):
            g = ox.NamedNode(iri)
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in store.ox.quads_for_pattern(None, None, None, g)]
            named = {t.object for t in triples if t.predicate.value.endswith(("#denotes", "#wasAttributedTo"))}
            for node in named:
                triples += [ox.Triple(q.subject, q.predicate, q.object)
                            for q in store.ox.quads_for_pattern(node, None, None, shared)]
            views.append(Graph(identifier=URIRef(iri)).parse(
                data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt"))
    return views


@pytest.mark.slow
def test_the_wikinews_corpus_conforms(wikinews_store):
    views = document_views(wikinews_store)
    assert len(views) == 171
    failures = []
    for g in views:
        conforms, text, _ = shacl(g)
        if not conforms:
            failures.append(f"{g.identifier}\n{text}")
    assert not failures, f"{len(failures)} of {len(views)} documents violate the shapes:\n" + failures[0]


# ------------------------------------------------------------------ defects the shapes must catch

EX = Namespace("https://example.org/")
DOC = document_iri("ruritania-1")
VOGT_, ELB_, RUR_ = URIRef(VOGT.id), URIRef(ELB.id), URIRef(RUR.id)


def _statements():
    ex = ruritania()
    visit, negated, intended, leads = (statement_iri(r) for r in ex.relations)
    return visit, negated, intended, leads


VISIT, NEGATED, INTENDED, LEADS = _statements()


def _day(iso: str) -> Literal:
    return Literal(iso, datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))


def _set(g, s, p, o):
    g.remove((s, p, None))
    g.add((s, p, o))


DEFECTS = {
    # the twin facts
    "direct edge of a negated fact": (lambda g: g.add((ELB_, KG.criticizes, RUR_)),
                                      "must not be stored as a direct edge"),
    "direct edge of an intended fact": (lambda g: g.add((VOGT_, KG.meetsWith, ELB_)),
                                        "must not be stored as a direct edge"),
    "asserted fact without its edge": (lambda g: g.remove((VOGT_, KG.visits, ELB_)),
                                       "must also be stored as its direct edge"),
    "edge without a statement": (lambda g: g.add((VOGT_, KG.hosts, ELB_)), "must be backed by an asserted statement"),
    "undeclared property on an entity": (lambda g: g.add((VOGT_, EX.likes, ELB_)), "may only carry"),
    # statements
    "evidence longer than its offsets": (lambda g: _set(g, VISIT, KG.endOffset, Literal(3)), "exactly as long"),
    "start after end": (lambda g: _set(g, VISIT, KG.startOffset, Literal(500)), None),
    "confidence above 1": (lambda g: _set(g, VISIT, KG.confidence, Literal(1.5)), None),
    "confidence as a string": (lambda g: _set(g, VISIT, KG.confidence, Literal("high")), None),
    "unknown modality": (lambda g: _set(g, VISIT, KG.modality, Literal("rumoured")), None),
    "two modalities": (lambda g: g.add((VISIT, KG.modality, Literal("reported"))), None),
    "negated as a string": (lambda g: _set(g, NEGATED, KG.negated, Literal("yes")), None),
    "no document": (lambda g: g.remove((VISIT, PROV.wasDerivedFrom, None)), None),
    "no extractor": (lambda g: g.remove((VISIT, PROV.wasAttributedTo, None)), None),
    "an unknown property": (lambda g: g.add((VISIT, EX.note, Literal("x"))), None),
    "article date not the document's": (lambda g: _set(g, VISIT, KG.articleDate, Literal("1999-01-01", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))), "kg:articleDate must be the date"),
    "event date as a plain string": (lambda g: g.add((VISIT, KG.eventDate, Literal("last Monday"))), None),
    "event date without its precision": (lambda g: g.add((VISIT, KG.eventDate, _day("2024-03-01"))), "go together"),
    "precision without an event date": (lambda g: g.add((VISIT, KG.datePrecision, Literal("day"))), "go together"),
    "unknown date precision": (lambda g: [g.add((VISIT, KG.eventDate, _day("2024-03-01"))),
                                          g.add((VISIT, KG.datePrecision, Literal("week")))], "day, month or year"),
    "month date not on the first": (lambda g: [g.add((VISIT, KG.eventDate, _day("2024-03-15"))),
                                               g.add((VISIT, KG.datePrecision, Literal("month")))], "first day"),
    "location that is not a place": (lambda g: g.add((VISIT, KG.location, VOGT_)), "one place"),
    "two locations": (lambda g: [g.add((VISIT, KG.location, ELB_)), g.add((VISIT, KG.location, RUR_))], None),
    "static relation with a location": (lambda g: g.add((LEADS, KG.location, ELB_)), None),
    "statement IRI not minted by kg": (lambda g: [g.add((EX.st, p, o)) for p, o in g.predicate_objects(VISIT)], None),
    # events
    "PLOVER class disagrees with the type": (lambda g: _set(g, VISIT, KG.ploverType, Literal("ACCUSE")),
                                             "exactly one PLOVER class"),
    "two PLOVER classes": (lambda g: g.add((VISIT, RDF.type, KG.Assault)), "exactly one PLOVER class"),
    "unknown PLOVER type": (lambda g: _set(g, VISIT, KG.ploverType, Literal("HUG")), None),
    "predicate of another PLOVER type": (lambda g: _set(g, VISIT, KG.predicate, KG.criticizes),
                                         "sub-property of the PLOVER"),
    "CAMEO code not digits": (lambda g: _set(g, VISIT, KG.cameoCode, Literal("visit")), "CAMEO code"),
    "event without a recipient": (lambda g: g.remove((VISIT, KG.recipient, None)), None),
    "event with kg:subject": (lambda g: g.add((VISIT, KG.subject, VOGT_)), "not kg:subject"),
    "actor that is not an entity": (lambda g: _set(g, VISIT, KG.actor, EX.nobody), None),
    "both event and static relation": (lambda g: g.add((VISIT, RDF.type, KG.StaticRelation)), None),
    # static relations
    "static relation with a PLOVER type": (lambda g: g.add((LEADS, KG.ploverType, Literal("AGREE"))), None),
    "static relation with an event predicate": (lambda g: _set(g, LEADS, KG.predicate, KG.visits),
                                                "static relation the ontology"),
    # entities
    "entity without a label": (lambda g: g.remove((VOGT_, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None)),
                               None),
    "prefLabel differs from label": (lambda g: _set(g, VOGT_, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                                    Literal("A. Vogt")), "must equal rdfs:label"),
    "two entity types": (lambda g: g.add((VOGT_, RDF.type, KG.Organization)), "exactly one type"),
    "country code not ISO alpha-3": (lambda g: _set(g, VOGT_, KG.countryCode, Literal("Ruritania")), "alpha-3"),
    "sameAs not Wikidata": (lambda g: g.add((ELB_, URIRef("http://www.w3.org/2002/07/owl#sameAs"),
                                             URIRef("https://dbpedia.org/resource/Elbonia"))), "Wikidata"),
    "QID IRI without its sameAs": (lambda g: g.remove((RUR_, URIRef("http://www.w3.org/2002/07/owl#sameAs"), None)),
                                   "must be linked to that Wikidata entity"),
    "entity no statement mentions": (lambda g: [g.add((EX.ghost, p, o)) for p, o in [
        (RDF.type, KG.Person), (URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Ghost")),
        (URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("Ghost"))]], None),
    # documents and provenance
    "content hash not SHA-256": (lambda g: _set(g, DOC, KG.contentHash, Literal("abc")), "SHA-256"),
    "document IRI not from its id": (lambda g: _set(g, DOC, DCTERMS.identifier, Literal("another-id")),
                                     "percent-encoded"),
    "statement naming an entity its document does not": (lambda g: _set(g, VISIT, KG.recipient, RUR_) or
                                                         g.remove((URIRef(DOC + "#Q9999901"), None, None)),
                                                         "local entities of its own document denote"),
    "local entity denoting another QID": (lambda g: _set(g, URIRef(DOC + "#Q9999901"), KG.denotes, ELB_),
                                          "denotes the entity of that QID"),
    "entity no document denotes": (lambda g: g.remove((URIRef(DOC + "#country/elbonia"), KG.denotes, None)),
                                   "denoted by the local entity"),
    "local entity with two labels": (lambda g: g.add((URIRef(DOC + "#country/elbonia"), KG.localLabel, Literal("E"))),
                                     None),
    "local country code not ISO": (lambda g: _set(g, URIRef(DOC + "#country/elbonia"), KG.localCountry,
                                                  Literal("Elbonia")), "alpha-3"),
    "URL as a string": (lambda g: _set(g, DOC, DCTERMS.source, Literal("https://news.example/x")), None),
    "document date not a date": (lambda g: _set(g, DOC, DCTERMS.date, Literal("March 4")), None),
    "extractor without version": (lambda g: g.remove((None, KG.version, None)), None),
    "activity that used another document": (lambda g: _set(g, URIRef(DOC + "#extraction"), PROV.used, EX.doc), None),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_a_defect_is_caught(defect):
    break_it, message = DEFECTS[defect]
    g = store_graph([ruritania()])
    break_it(g)
    conforms, text, messages = shacl(g)
    assert not conforms, f"the shapes let through: {defect}"
    if message:
        assert any(message in m for m in messages), f"{defect}: expected a violation saying {message!r}, got\n{text}"
