"""The relation record (kg's JSONL interchange format): event dates at their precision, the
article's date and the event's place, written by hand as another extractor would."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kg.model import Entity, Relation, relation_from_record

MOSCOW = Entity("https://w3id.org/kg/id/Q649", "Moscow", "City", wikidata="Q649", country="RUS")
FIN = Entity("https://w3id.org/kg/id/Q33", "Finland", "Country", wikidata="Q33", country="FIN")
EST = Entity("https://w3id.org/kg/id/Q191", "Estonia", "Country", wikidata="Q191", country="EST")


def meeting(**kw) -> Relation:
    return Relation(doc="d1", sentence="Finland and Estonia met in Moscow.", start=0, end=34, subject=FIN,
                    predicate="meetsWith", object=EST, plover="CONSULT", cameo="040", **kw)


@pytest.mark.parametrize("date, precision", [("1982", "year"), ("1982-03", "month"), ("2019-03-05", "day")])
def test_a_date_carries_its_precision_through_the_record(date, precision):
    rel = meeting(date=date, article_date="2019-03-07", location=MOSCOW)
    rec = json.loads(json.dumps(rel.to_record()))
    assert (rec["date"], rec["date_precision"], rec["article_date"]) == (date, precision, "2019-03-07")
    assert rec["location"] == {"id": MOSCOW.id, "label": "Moscow", "aliases": [], "type": "City",
                               "wikidata": "Q649", "country": "RUS", "sector": None}
    assert relation_from_record(rec) == rel


def test_the_precision_is_read_from_the_date_when_left_out():
    assert meeting(date="1982").date_precision == "year"
    assert meeting().date_precision is None
    # a record written before these fields existed reads as before
    rec = meeting(date="2019-03-05").to_record()
    for key in ("date_precision", "article_date", "location"):
        del rec[key]
    rel = relation_from_record(rec)
    assert (rel.date_precision, rel.article_date, rel.location) == ("day", None, None)


@pytest.mark.parametrize("kw, message", [
    ({"date": "1982", "date_precision": "day"}, "written at year precision but date_precision is 'day'"),
    ({"date": "03/05/2019"}, "not an ISO date"),
    ({"date": "2019-13"}, "not an ISO date"),
    ({"date": "2019", "date_precision": "decade"}, "unknown date_precision 'decade'"),
    ({"date_precision": "year"}, "without a date"),
])
def test_a_date_that_does_not_fit_its_precision_is_refused(kw, message):
    with pytest.raises(ValueError, match=message):
        meeting(**kw)


def test_dates_and_places_survive_the_trip_through_the_store(tmp_path):
    """Records → RDF → the jsonl export give back the same records, whatever the precision."""
    from kg import export
    from kg.entities import update
    from kg.model import Document, Extraction
    from kg.store import open_store

    text = "Finland and Estonia met in Moscow."
    doc = Document(id="d1", text=text, date="2019-03-07", url="https://news.example/d1")
    rels = tuple(meeting(date=date, article_date="2019-03-07", location=place, confidence=0.5 + i / 10)
                 for i, (date, place) in enumerate([("1982", MOSCOW), ("1982-03", None), ("2019-03-05", MOSCOW),
                                                    ("2019-03-07", None)]))
    predicates = ("meetsWith", "holdsTalksWith", "phones", "hosts")
    rels = tuple(replace(r, predicate=p) for r, p in zip(rels, predicates, strict=True))
    with open_store(tmp_path / "store") as store:
        update(store, [Extraction(doc, rels, (FIN, EST))])
        got = sorted((json.loads(line) for line in export.get("jsonl")(store).decode().splitlines()),
                     key=lambda r: r["predicate"])
    want = sorted((r.to_record() for r in rels), key=lambda r: r["predicate"])
    assert got == want
    assert [(r["predicate"], r["date"]) for r in got] == [
        ("holdsTalksWith", "1982-03"), ("hosts", "2019-03-07"), ("meetsWith", "1982"), ("phones", "2019-03-05")]
