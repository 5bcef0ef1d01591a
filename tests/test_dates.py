"""Event dates: time expressions read against the article's date (kg/dates.py), tied to the
event they date (kg/extractors/rules/dates.py), and carried to the graph and the event table.
Sentences that date an event in context are in tests/data/extraction.jsonl (the block of
the time and place cases)."""

from __future__ import annotations

import pytest

from kg.dates import When, read
from kg.model import Document

FRIDAY = "2024-03-15"


@pytest.mark.parametrize("text, date", [
    # days
    ("Wednesday", "2024-03-13"),
    ("on Friday", FRIDAY),             # the article's own weekday is the article's day
    ("last Friday", "2024-03-08"),
    ("next Tuesday", "2024-03-19"),
    ("Monday morning", "2024-03-11"),
    ("yesterday", "2024-03-14"),
    ("today", FRIDAY),
    ("the day before yesterday", "2024-03-13"),
    ("March 2", "2024-03-02"),
    ("2 March", "2024-03-02"),
    ("Sept. 9, 2023", "2023-09-09"),
    ("the 4th of March", "2024-03-04"),
    ("2023-12-31", "2023-12-31"),
    ("three days ago", "2024-03-12"),
    # months
    ("March 1982", "1982-03"),
    ("in March of 1982", "1982-03"),
    ("early March", "2024-03"),
    ("the end of January", "2024-01"),
    ("last month", "2024-02"),
    ("earlier this month", "2024-03"),
    ("next month", "2024-04"),
    ("two months ago", "2024-01"),
    ("earlier this week", "2024-03"),  # Monday 11 to Thursday 14: within March
    ("last week", "2024-03"),          # 4 to 10 March
    # years
    ("1982", "1982"),
    ("in 1982", "1982"),
    ("back in 1994", "1994"),
    ("the year 2000", "2000"),
    ("late 2018", "2018"),
    ("last year", "2023"),
    ("earlier this year", "2024"),
    ("next year", "2025"),
    ("a year ago", "2023"),
    ("two years ago", "2022"),
    ("the spring of 2018", "2018"),
    ("last summer", "2023"),
    ("the Falklands War", "1982"),     # a named era of one year
])
def test_an_expression_gives_its_date_at_its_precision(text, date):
    assert read(text, FRIDAY).date == date


@pytest.mark.parametrize("text", [
    "in the 1980s", "the '90s", "decades ago", "a few years ago", "years ago", "the 19th century",
    "during the Cold War", "World War II", "the Second World War",
])
def test_a_period_longer_than_a_year_is_past_without_a_date(text):
    assert read(text, FRIDAY) == When(None, True)


@pytest.mark.parametrize("text", [
    "February 30", "for three years", "annual", "four-year", "the age of 50", "1,000", "weekly", "March",
])
def test_words_that_name_no_time_of_the_event_date_nothing(text):
    when = read(text, FRIDAY)
    assert when is None or (text == "March" and when.date == "2024-03")


def test_a_span_across_two_months_is_dated_to_its_year_and_across_two_years_not_at_all():
    assert read("last week", "2024-03-06").date == "2024"  # 26 February to 3 March
    assert read("last week", "2025-01-08") == When(None, True)  # 30 December 2024 to 5 January 2025
    assert read("last winter", FRIDAY) == When(None, True)  # December 2023 to February 2024


def test_a_yearless_date_is_read_in_the_direction_of_the_event():
    assert read("December 30", "2020-01-02").date == "2019-12-30"  # just before the article
    assert read("in May", FRIDAY, "past").date == "2023-05"
    assert read("in May", FRIDAY, "future").date == "2024-05"
    assert read("in March", FRIDAY, "future").date == "2024-03"    # the article's month is both
    assert read("January 5", "2023-12-20", "future").date == "2024-01-05"
    assert read("next spring", FRIDAY).date == "2025" and read("this spring", FRIDAY).date == "2024"


def test_relative_expressions_need_the_article_date_and_absolute_ones_do_not():
    assert read("Wednesday", None) is None and read("yesterday", None) is None
    assert read("last year", None) is None and read("in May", None) is None
    assert read("March 2, 2024", None).date == "2024-03-02" and read("1982", None).date == "1982"


@pytest.fixture
def on_friday(run):
    """Relations of a text in an article dated FRIDAY."""
    return lambda text: run(text, date=FRIDAY)


def _event(rels):
    return next(r for r in rels if r.plover)


def test_an_event_takes_the_date_its_clause_gives(on_friday):
    assert _event(on_friday("On Wednesday, Kenya expelled the ambassador of Norway.")).date == "2024-03-13"
    rel = _event(on_friday("Kenya expelled the ambassador of Norway in 1982."))
    assert (rel.date, rel.date_precision, rel.article_date) == ("1982", "year", FRIDAY)


def test_an_undated_sentence_keeps_the_article_date(on_friday):
    rel = _event(on_friday("Kenya expelled the ambassador of Norway."))
    assert (rel.date, rel.date_precision, rel.undated) == (FRIDAY, "day", False)


def test_a_date_belongs_to_the_clause_it_hangs_on(on_friday):
    # the Sunday is the protest's, not the expulsion's
    rel = _event(on_friday("Kenya expelled the ambassador of Norway on Monday after a protest on Sunday."))
    assert rel.date == "2024-03-11"


def test_a_birth_date_does_not_date_the_other_event(on_friday):
    # the meeting is not of 1950, nor news of the article's day: a life told in the past
    rel = _event(on_friday("Born on June 3, 1950, Senator Peter Novak met Xi Jinping in Beijing."))
    assert (rel.date, rel.undated) == (None, True)
    rel = _event(on_friday("Born on June 3, 1950, Senator Peter Novak met Xi Jinping in Beijing on Monday."))
    assert rel.date == "2024-03-11"


def test_a_past_date_does_not_date_a_planned_event(on_friday):
    rel = _event(on_friday("On Monday, officials said President William Ruto will visit Norway."))
    assert rel.modality == "intended" and rel.date == FRIDAY
    rel = _event(on_friday("President William Ruto will visit Norway next Tuesday."))
    assert rel.modality == "intended" and rel.date == "2024-03-19"


def test_a_historical_event_never_takes_the_article_date(on_friday):
    rel = _event(on_friday("Kenya had expelled the ambassador of Norway decades earlier, in a row over trade."))
    assert (rel.date, rel.undated, rel.article_date) == (None, True, FRIDAY)


def test_the_event_date_reaches_the_graph_beside_the_article_date(on_friday):
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.graph import extraction_graph
    from kg.model import Extraction
    from kg.namespaces import KG

    rels = on_friday("On Wednesday, Kenya expelled the ambassador of Norway.")
    doc = Document("t", "x", date=FRIDAY)
    g = extraction_graph(Extraction(doc, tuple(rels), ()))
    assert set(g.objects(None, KG.eventDate)) == {Literal("2024-03-13", datatype=XSD.date)}
    assert set(g.objects(None, KG.articleDate)) == {Literal(FRIDAY, datatype=XSD.date)}


def test_an_undated_event_keeps_no_date_in_the_store_the_event_table_and_the_records(tmp_path, on_friday):
    """"had expelled ... decades earlier": not an event of the article's day anywhere."""
    from kg import events
    from kg.entities import store_graph
    from kg.export import relation_records
    from kg.model import Extraction
    from kg.namespaces import KG
    from kg.query import run_named
    from kg.store import open_store

    from .helpers import shacl, write_store

    text = "Kenya had expelled the ambassador of Norway decades earlier. Kenya expelled the envoy of Norway."
    rels = tuple(on_friday(text))
    assert sorted((r.date or "", r.undated) for r in rels if r.plover) == [("", True), (FRIDAY, False)]
    doc = Document("t", text, date=FRIDAY)
    ex = Extraction(doc, rels, tuple({e.id: e for r in rels for e in (r.subject, r.object)}.values()))
    g = store_graph([ex])  # the document's graph and the entity graph, as a build writes them
    assert len(set(g.subjects(KG.undated, None))) == 1 and len(set(g.objects(None, KG.eventDate))) == 0
    conforms, report, _ = shacl(g)
    assert conforms, report
    write_store(tmp_path / "store", [ex])
    with open_store(tmp_path / "store") as store:
        rows = events.rows(store)
        # two events, not one: the expulsion of decades ago is not the one of the article's day
        assert sorted((r["date"] or "", r["first_seen"]) for r in rows) == [("", FRIDAY), (FRIDAY, FRIDAY)]
        named = run_named(store, "events")
        at = named.variables.index("date")
        assert sorted(row[at].value for row in named.rows) == ["", FRIDAY]
        records = [r for r in relation_records(store) if r["plover"]]
        assert sorted((r["date"] or "", r["article_date"]) for r in records) == [("", FRIDAY), (FRIDAY, FRIDAY)]

