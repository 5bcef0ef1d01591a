"""Sector entities: a role noun with a country is a part of that country that acts on its
own ("Venezuelan police" → Venezuela police, COP). What sentences give is in
tests/data/extraction.jsonl; here, how sectors travel through records and RDF and match gold."""

from __future__ import annotations

import json

from kg.model import SECTORS, STATE_SECTORS, Document, relation_from_record


def test_sector_travels_through_records_and_rdf(run):
    from rdflib import Literal

    from kg.entities import store_graph
    from kg.model import Extraction
    from kg.namespaces import KG

    text = "Egyptian police detained student demonstrators in Alexandria."
    rels = run(text)
    r = next(r for r in rels if r.subject.sector)
    rec = json.loads(json.dumps(r.to_record()))
    assert rec["subject"]["sector"] == "COP" and relation_from_record(rec) == r
    g = store_graph([Extraction(Document("t", text), tuple(rels))])
    from rdflib import URIRef

    assert (URIRef(r.subject.id), KG.sector, Literal("COP")) in g


def test_sector_graph_conforms_to_the_shapes(run):
    from kg.entities import store_graph
    from kg.model import Extraction

    from .test_rdf_shapes import shacl

    text = "Venezuelan police arrested opposition activists in Maracaibo."
    conforms, report, _ = shacl(store_graph([Extraction(Document("t", text), tuple(run(text)))]))
    assert conforms, report


def test_state_organs_match_the_gold_state_and_society_does_not():
    from kg.evaluate import Ref, entity_match

    israel = Ref.of("Israel", ["Israeli"], "Q801", "ISR", state=True)
    assert entity_match(israel, Ref.of("Israel military", ["Israeli troops"], country="ISR", sector="MIL"))
    assert not entity_match(israel, Ref.of("Israel opposition", ["Israeli protesters"], country="ISR", sector="OPP"))
    assert not entity_match(israel, Ref.of("Egypt military", country="EGY", sector="MIL"))
    # a gold group is no state: the military does not stand for it
    settlers = Ref.of("settlers", country="ISR")
    assert not entity_match(settlers, Ref.of("Israel military", country="ISR", sector="MIL"))
    assert set(SECTORS) > STATE_SECTORS and "GOV" not in SECTORS


def test_a_gold_span_of_the_country_alone_does_not_match_a_part_of_it():
    from kg.evaluate import Ref, entity_match

    rebels = Ref.of("Iraq rebels", ["Iraqi rebels"], country="IRQ", sector="REB")
    assert not entity_match(Ref.of("Iraq", loose=True), rebels)
    assert not entity_match(Ref.of("Iraqi", loose=True), rebels)
    assert entity_match(Ref.of("rebels", loose=True), rebels)
    assert entity_match(Ref.of("Iraqi rebels in the north", loose=True), rebels)
    assert entity_match(Ref.of("Iraq", loose=True), Ref.of("Iraq", ["Iraqi"], "Q796", "IRQ"))
