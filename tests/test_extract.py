"""The example article: what an analyst expects the extractor to find."""

from __future__ import annotations


def facts(ex, asserted_only=True):
    return {(r.subject.label, r.predicate, r.object.label) for r in ex.relations
            if r.asserted or not asserted_only}


def test_events_of_the_example(example_extraction):
    f = facts(example_extraction)
    assert ("Justin Trudeau", "visits", "Tokyo") in f
    assert ("Justin Trudeau", "meetsWith", "Shinzo Abe") in f
    assert ("Shinzo Abe", "praises", "Canada") in f
    assert ("Justin Trudeau", "criticizes", "North Korea") in f
    assert ("Chrystia Freeland", "meetsWith", "Taro Kono") in f


def test_static_relations_of_the_example(example_extraction):
    f = facts(example_extraction)
    assert ("Justin Trudeau", "leaderOf", "Canada") in f
    assert ("Shinzo Abe", "leaderOf", "Japan") in f
    assert ("Chrystia Freeland", "worksFor", "Canada") in f
    assert ("Tokyo", "capitalOf", "Japan") in f


def test_records_carry_codes_links_and_provenance(example_extraction):
    ex = example_extraction
    visit = next(r for r in ex.relations if r.predicate == "visits" and r.object.label == "Tokyo")
    assert (visit.plover, visit.mode, visit.cameo) == ("CONSULT", "visit", "042")
    assert visit.object.wikidata == "Q1490" and visit.object.country == "JPN"
    assert ex.document.text[visit.start:visit.end].strip() == visit.sentence.strip()
    assert 0 < visit.confidence <= 1 and visit.extractor == "rules"


def test_one_entity_per_actor(example_extraction):
    labels = {}
    for r in example_extraction.relations:
        for e in (r.subject, r.object):
            labels.setdefault(e.label, set()).add(e.id)
    assert all(len(ids) == 1 for ids in labels.values())
    assert not {"Trudeau", "Abe", "Canadian", "Japanese"} & set(labels)


def test_future_plans_are_not_asserted(example_extraction):
    host = [r for r in example_extraction.relations if r.predicate == "hosts"]
    assert host and all(r.modality == "intended" and not r.asserted for r in host)
