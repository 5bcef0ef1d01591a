"""Event dates: the day a sentence names, read against the article's date (kg/dates.py)."""

from __future__ import annotations

import pytest

from kg.dates import day_of
from kg.model import Document

FRIDAY = "2024-03-15"


@pytest.mark.parametrize("text, day", [
    ("Wednesday", "2024-03-13"),
    ("on Friday", FRIDAY),             # the article's own weekday is the article's day
    ("last Friday", "2024-03-08"),
    ("next Tuesday", "2024-03-19"),
    ("Monday morning", "2024-03-11"),
    ("yesterday", "2024-03-14"),
    ("today", FRIDAY),
    ("March 2", "2024-03-02"),
    ("2 March", "2024-03-02"),
    ("Sept. 9, 2023", "2023-09-09"),
    ("the 4th of March", "2024-03-04"),
    ("2023-12-31", "2023-12-31"),
    ("February 30", None),             # no such day
    ("last week", None),               # no one day
    ("2019", None),
    ("March", None),
])
def test_day_of(text, day):
    assert day_of(text, FRIDAY) == day


def test_relative_days_need_the_article_date_and_absolute_ones_do_not():
    assert day_of("Wednesday", None) is None and day_of("yesterday", None) is None
    assert day_of("March 2, 2024", None) == "2024-03-02"


@pytest.fixture
def on_friday(run):
    """Relations of a text in an article dated FRIDAY."""
    return lambda text: run(text, date=FRIDAY)


def _event(rels):
    return next(r for r in rels if r.plover)


def test_an_event_takes_the_day_its_sentence_names(on_friday):
    assert _event(on_friday("On Wednesday, Kenya expelled the ambassador of Norway.")).date == "2024-03-13"


def test_an_undated_sentence_keeps_the_article_date(on_friday):
    assert _event(on_friday("Kenya expelled the ambassador of Norway.")).date == FRIDAY


def test_two_different_days_in_a_sentence_date_nothing(on_friday):
    rel = _event(on_friday("Kenya expelled the ambassador of Norway on Monday after a protest on Sunday."))
    assert rel.date == FRIDAY


def test_a_birth_date_does_not_date_the_other_event(on_friday):
    rel = _event(on_friday("Born on June 3, 1950, Peter Novak met Xi Jinping in Beijing."))
    assert rel.date == FRIDAY


def test_a_past_weekday_does_not_date_a_planned_event(on_friday):
    rel = _event(on_friday("On Monday, officials said President William Ruto will visit Norway."))
    assert rel.modality == "intended" and rel.date == FRIDAY
    rel = _event(on_friday("President William Ruto will visit Norway next Tuesday."))
    assert rel.modality == "intended" and rel.date == "2024-03-19"


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
