"""The RDF model: direct edges and statement nodes, provenance, entities, documents."""

from __future__ import annotations

from dataclasses import replace

from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.entities import store_graph
from kg.graph import document_iri, extraction_graph, local_entity_iri, statement_iri
from kg.model import Entity, Extraction, Relation
from kg.namespaces import KG

from .helpers import ELB, RUR, VOGT, ruritania, shacl

# Not rdflib's XSD namespace object: pytest's collector pokes at module attributes and it warns.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

def test_asserted_facts_are_direct_edges_and_others_are_not():
    g = extraction_graph(ruritania())
    vogt, elb, rur = URIRef(VOGT.id), URIRef(ELB.id), URIRef(RUR.id)
    assert (vogt, KG.visits, elb) in g
    assert (vogt, KG.leaderOf, rur) in g
    assert (elb, KG.criticizes, rur) not in g  # negated
    assert (vogt, KG.meetsWith, elb) not in g  # only intended
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 4  # every fact has its statement node


def test_event_statement_carries_everything():
    ex = ruritania()
    g = store_graph([ex])
    st = statement_iri(ex.relations[0])
    doc = document_iri("ruritania-1")
    assert set(g.objects(st, RDF.type)) == {KG.Statement, KG.Event, KG.Consult}
    expected = {
        KG.ploverType: Literal("CONSULT"), KG.mode: Literal("visit"), KG.cameoCode: Literal("042"),
        KG.actor: URIRef(VOGT.id), KG.recipient: URIRef(ELB.id), KG.predicate: KG.visits,
        KG.evidence: Literal(ex.relations[0].sentence), KG.startOffset: Literal(0),
        KG.endOffset: Literal(len(ex.relations[0].sentence)), KG.negated: Literal(False),
        KG.modality: Literal("asserted"), KG.articleDate: Literal("2024-03-04", datatype=XSD_DATE),
        PROV.wasDerivedFrom: doc,
        PROV.wasAttributedTo: URIRef("https://w3id.org/kg/extractor/rules/0.1.0"),
        PROV.wasGeneratedBy: URIRef(doc + "#extraction"),
    }
    for p, o in expected.items():
        assert list(g.objects(st, p)) == [o], p
    conf = g.value(st, KG.confidence)
    assert conf.datatype == XSD_DECIMAL and float(conf) == 0.9
    assert g.value(st, KG.eventDate) is None  # the text gave no date of its own
    ex_node = g.value(st, PROV.wasAttributedTo)
    assert {KG.Extractor, PROV.SoftwareAgent} == set(g.objects(ex_node, RDF.type))
    assert str(g.value(ex_node, KG.version)) == "0.1.0" and str(g.value(ex_node, RDFS.label)) == "rules"
    activity = g.value(st, PROV.wasGeneratedBy)
    assert (activity, PROV.used, doc) in g and (activity, PROV.wasAssociatedWith, ex_node) in g


def test_negated_and_intended_statements_keep_their_flags():
    ex = ruritania()
    g = extraction_graph(ex)
    neg, intended = statement_iri(ex.relations[1]), statement_iri(ex.relations[2])
    assert g.value(neg, KG.negated) == Literal(True)
    assert g.value(intended, KG.modality) == Literal("intended")


def test_an_event_date_other_than_the_article_date_is_kept_apart():
    ex = ruritania()
    rel = ex.relations[0]
    moved = Relation(**{**{f: getattr(rel, f) for f in rel.__slots__}, "date": "2024-03-01"})
    g = store_graph([Extraction(ex.document, (moved,), (moved.subject, moved.object))])
    st = statement_iri(moved)
    assert g.value(st, KG.eventDate) == Literal("2024-03-01", datatype=XSD_DATE)
    assert g.value(st, KG.articleDate) == Literal("2024-03-04", datatype=XSD_DATE)
    conforms, text, _ = shacl(g)
    assert conforms, text


def test_an_event_keeps_its_date_at_the_precision_given_and_its_place():
    """A historical event dated to a month, in a city: what the extractor will give (issue 13)."""
    capital = Entity("https://w3id.org/kg/id/city/elbograd", "Elbograd", "City", country="ELB")
    ex = ruritania()
    rel = replace(ex.relations[0], date="1982-03", date_precision="month", location=capital)
    g = store_graph([Extraction(ex.document, (rel,), (rel.subject, rel.object))])
    st = statement_iri(rel)
    assert g.value(st, KG.eventDate) == Literal("1982-03-01", datatype=XSD_DATE)
    assert g.value(st, KG.datePrecision) == Literal("month")
    assert g.value(st, KG.location) == URIRef(capital.id)
    assert g.value(URIRef(capital.id), KG.countryCode) == Literal("ELB")  # the place is described in the store
    # and it is a local entity of the document, like the actors
    assert g.value(local_entity_iri("ruritania-1", capital.id), KG.denotes) == URIRef(capital.id)
    conforms, text, _ = shacl(g)
    assert conforms, text


def test_a_day_date_says_so():
    ex = ruritania()
    rel = replace(ex.relations[0], date="2024-03-01")
    g = extraction_graph(Extraction(ex.document, (rel,), (rel.subject, rel.object)))
    assert g.value(statement_iri(rel), KG.datePrecision) == Literal("day")


def test_static_relation_statement():
    ex = ruritania()
    g = extraction_graph(ex)
    st = statement_iri(ex.relations[3])
    assert set(g.objects(st, RDF.type)) == {KG.Statement, KG.StaticRelation}
    assert g.value(st, KG.subject) == URIRef(VOGT.id) and g.value(st, KG.object) == URIRef(RUR.id)
    assert g.value(st, KG.ploverType) is None


def test_the_document_keeps_what_it_says_of_each_entity():
    g = extraction_graph(ruritania())
    vogt = local_entity_iri("ruritania-1", VOGT.id)
    assert g.value(vogt, RDF.type) == KG.LocalEntity and g.value(vogt, KG.denotes) == URIRef(VOGT.id)
    assert g.value(vogt, KG.localLabel) == Literal("Anna Vogt") and g.value(vogt, KG.localType) == KG.Person
    assert set(g.objects(vogt, KG.localAlias)) == {Literal("Vogt")}
    assert g.value(vogt, KG.localCountry) == Literal("RUR")
    assert g.value(vogt, KG.nameKey) == Literal("anna vogt") and g.value(vogt, KG.surnameKey) == Literal("vogt")
    assert g.value(local_entity_iri("ruritania-1", RUR.id), KG.localWikidata) == URIRef(
        "http://www.wikidata.org/entity/Q9999901")
    # the description of an entity is not in the document's graph, but in the entity graph
    assert g.value(URIRef(VOGT.id), RDFS.label) is None
    assert not list(g.subjects(RDF.type, KG.Extractor))


def test_entities_carry_labels_aliases_links_and_country():
    g = store_graph([ruritania()])
    vogt, rur = URIRef(VOGT.id), URIRef(RUR.id)
    assert g.value(vogt, RDF.type) == KG.Person
    assert g.value(vogt, RDFS.label) == Literal("Anna Vogt") == g.value(vogt, SKOS.prefLabel)
    assert set(g.objects(vogt, SKOS.altLabel)) == {Literal("Vogt")}
    assert g.value(vogt, KG.countryCode) == Literal("RUR")
    assert g.value(rur, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q9999901")


def test_document_carries_title_url_date_and_hash():
    ex = ruritania()
    g = extraction_graph(ex)
    doc = document_iri("ruritania-1")
    assert g.identifier == doc
    assert g.value(doc, RDF.type) == KG.Document
    assert g.value(doc, DCTERMS.identifier) == Literal("ruritania-1")
    assert g.value(doc, DCTERMS.title) == Literal("Vogt in Elbonia")
    assert g.value(doc, DCTERMS.source) == URIRef("https://news.example/ruritania?id=1")
    assert g.value(doc, DCTERMS.date) == Literal("2024-03-04", datatype=XSD_DATE)
    assert g.value(doc, KG.contentHash) == Literal(ex.document.content_hash)
    assert len(ex.document.content_hash) == 64


def test_document_without_date_or_with_a_non_url_source():
    g = extraction_graph(ruritania(date=None, url="page 4 of the print edition"))
    doc = document_iri("ruritania-1")
    assert g.value(doc, DCTERMS.date) is None and g.value(doc, DCTERMS.source) is None
    assert g.value(doc, DCTERMS.bibliographicCitation) == Literal("page 4 of the print edition")
    assert not list(g.subject_objects(KG.articleDate))


def test_document_iris_are_safe_and_distinct_for_any_id():
    ids = ["a b", "a%20b", "a/b", "a#b", "ä", "../etc/passwd", "x?y=1"]
    iris = [document_iri(i) for i in ids]
    assert len(set(iris)) == len(ids)
    for iri in iris:
        rest = iri[len("https://w3id.org/kg/doc/"):]
        assert all(c.isalnum() or c in "-._~%" for c in rest), iri


def test_graphs_are_identical_across_builds(example_extraction):
    from rdflib.compare import isomorphic

    a, b = extraction_graph(example_extraction), extraction_graph(example_extraction)
    assert isomorphic(a, b)


def test_entity_iris_are_stable_across_builds(tmp_path):
    """The same article built into two fresh stores gives the same entity and statement IRIs."""
    from kg.pipeline import build
    from kg.store import open_store

    from .conftest import EXAMPLE

    iris = []
    for name in ("first", "second"):
        with open_store(tmp_path / name) as store:
            build([EXAMPLE], store)
            rows = store.query("SELECT DISTINCT ?x WHERE { { ?x skos:prefLabel ?l } UNION { ?x kg:predicate ?p } }")
            iris.append({r["x"].value for r in rows})
    assert iris[0] == iris[1] and len(iris[0]) > 20
    assert "https://w3id.org/kg/id/Q3099714" in iris[0]  # Justin Trudeau, by his Wikidata QID
