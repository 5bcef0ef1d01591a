"""The loss trace: where each trigger's event went (kg/extractors/rules/trace.py). Sentences
written for kg; what they must extract is in tests/data/extraction.jsonl."""

from __future__ import annotations

import pytest

from kg.model import Document


@pytest.fixture(scope="module")
def traced():
    from kg import gazetteer, nlp
    from kg.extractors.rules import read
    from kg.extractors.rules.trace import Trace
    from kg.resolve import Linker

    model, linker = nlp.load(), Linker.of(gazetteer.default())

    def _traced(text: str):
        t = Trace()
        rels = list(read(Document("t", text), model(text), linker, trace=t))
        return rels, {s.word: (s.cause, s.detail) for s in t.final()}

    return _traced


def test_a_record_and_the_gates_before_it(traced):
    rels, steps = traced("Norway condemned Sweden. The explosion killed three villagers. "
                         "Peruvian farmers protested in Madrid.")  # abroad: against no one named
    assert steps["condemned"] == ("record", "")
    assert any(r.predicate == "criticizes" for r in rels)
    assert steps["killed"][0] == "no-actor" and steps["killed"][1] == "noun:explosion"
    assert steps["protested"][0] == "no-recipient"


def test_a_lemma_the_lexicon_knows_that_triggered_nothing(traced):
    # "cut" needs "ties" (or the like) as its object to be an event
    _, steps = traced("Chile cut the budget.")
    assert steps["cut"] == ("not-trigger", "requires")


def test_tracing_changes_nothing_extracted(traced, run):
    text = "Kenyan police arrested protesters in Nairobi, and Uganda condemned the arrests."
    rels, _ = traced(text)
    from kg import gazetteer, nlp
    from kg.extractors.rules import read
    from kg.resolve import Linker

    plain = list(read(Document("t", text), nlp.load()(text), Linker.of(gazetteer.default())))
    assert plain == rels and plain
