"""Sector entities: a role noun with a country is a part of that country that acts on its
own ("Venezuelan police" → Venezuela police, COP), so events inside one country survive.
Sentences written for these tests."""

from __future__ import annotations

import json

from kg.model import SECTORS, STATE_SECTORS, Document, relation_from_record

from .conftest import find


def test_police_against_protesters_of_the_same_country_is_kept(run):
    r = find(run("Venezuelan police arrested opposition activists in Maracaibo."),
             "Venezuela police", "arrests", "Venezuela opposition")
    assert (r.subject.country, r.subject.sector, r.subject.type) == ("VEN", "COP", "Organization")
    assert (r.object.country, r.object.sector, r.object.type) == ("VEN", "OPP", "Group")
    assert r.plover == "COERCE" and "Venezuelan police" in r.subject.aliases


def test_one_node_per_country_and_sector(run):
    rels = run("Kenyan police raided a church in Mombasa. Later the police in Nairobi detained protesters.")
    police = {r.subject.id for r in rels if r.subject.sector == "COP"}
    assert len(police) == 1, sorted((r.subject.label, r.subject.id) for r in rels)


def test_an_event_of_one_entity_on_itself_is_still_dropped(run):
    rels = run("The Peruvian army attacked Peruvian soldiers.")
    assert not [r for r in rels if r.subject.id == r.object.id]


def test_the_government_is_the_state_itself(run):
    r = find(run("Chinese officials criticised Japan on Monday."), "China", "criticizes", "Japan")
    assert r.subject.sector is None and r.subject.wikidata == "Q148"
    r = find(run("The Syrian government accused Syrian rebels of shelling Aleppo."),
             "Syria", "accuses", "Syria rebels")
    assert (r.subject.sector, r.object.sector) == (None, "REB")


def test_a_place_gives_local_people_their_country(run):
    find(run("Police in Harare beat opposition supporters."), "Zimbabwe police", "assaults", "Zimbabwe opposition")


def test_police_act_on_people_of_their_own_country_unless_told_otherwise(run):
    find(run("Kenyan police shot two protesters."), "Kenya police", "attacks", "Kenya opposition")
    find(run("Kenyan police arrested three British tourists."), "Kenya police", "arrests", "United Kingdom")


def test_army_officers_are_the_military_and_police_officers_the_police(run):
    r = find(run("Chile granted asylum to three Bolivian army officers."), "Chile", "givesAidTo", "Bolivia military")
    assert r.object.sector == "MIL"
    r = find(run("Ghanaian police officers arrested Ghanaian students."), "Ghana police", "arrests", "Ghana civilians")
    assert r.subject.sector == "COP"


def test_a_part_of_a_country_may_make_demands_on_it(run):
    r = find(run("Thai students said Thailand must change its constitution."),
             "Thailand civilians", "requests", "Thailand")
    assert r.plover == "REQUEST"
    assert not [r for r in run("Norway said Norway must act.") if r.plover]


def test_the_police_later_in_the_text_are_the_ones_named_before(run):
    rels = run("Malian troops entered Gao on Friday. Later the troops detained two Nigerien soldiers.")
    r = find(rels, "Mali military", "arrests", "Niger military")
    assert r.confidence < find(run("Malian troops detained two Nigerien soldiers."),
                               "Mali military", "arrests", "Niger military").confidence
    # two armies named before: which one "the troops" are is not settled
    rels = run("Malian troops and the Algerian army met near Kidal. The troops detained two Nigerien soldiers.")
    assert not [r for r in rels if r.predicate == "arrests"], [(r.subject.label, r.object.label) for r in rels]


def test_security_officials_are_the_government(run):
    r = find(run("Egyptian security officials accused Egyptian activists of spying."),
             "Egypt", "accuses", "Egypt opposition")
    assert r.subject.sector is None


def test_troops_in_a_country_are_not_made_its_military(run):
    # they act there (the place, as before), but whose troops they are is not said
    rels = run("Security forces in Ghana beat Togolese refugees.")
    find(rels, "Ghana", "assaults", "Togo refugees")
    assert not [r for r in rels if r.subject.sector == "MIL"]
    find(run("Police in Harare detained the Zambian ambassador."), "Zimbabwe police", "arrests", "Zambia")


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
    assert STATE_SECTORS < set(SECTORS) and "GOV" not in SECTORS


def test_a_gold_span_of_the_country_alone_does_not_match_a_part_of_it():
    from kg.evaluate import Ref, entity_match

    rebels = Ref.of("Iraq rebels", ["Iraqi rebels"], country="IRQ", sector="REB")
    assert not entity_match(Ref.of("Iraq", loose=True), rebels)
    assert not entity_match(Ref.of("Iraqi", loose=True), rebels)
    assert entity_match(Ref.of("rebels", loose=True), rebels)
    assert entity_match(Ref.of("Iraqi rebels in the north", loose=True), rebels)
    assert entity_match(Ref.of("Iraq", loose=True), Ref.of("Iraq", ["Iraqi"], "Q796", "IRQ"))
