"""The event lexicon: which words trigger which ontology predicate, read from kg/data/events.tsv."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventType:
    predicate: str
    plover: str
    mode: str | None
    cameo: str
    preps: frozenset[str]  # prepositions that introduce the recipient
    requires: frozenset[str]  # object lemmas a verb trigger needs (cut *ties*)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, EventType]
    nouns: dict[str, EventType]
    by_predicate: dict[str, EventType]


def _cells(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(",") if c.strip()]


@functools.cache
def load() -> Lexicon:
    verbs: dict[str, EventType] = {}
    nouns: dict[str, EventType] = {}
    by_pred: dict[str, EventType] = {}
    text = resources.files("kg.data").joinpath("events.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * 8
        pred, plover, mode, cameo, vs, ns, preps, requires = cols[:8]
        et = EventType(pred, plover, mode or None, cameo, frozenset(_cells(preps)), frozenset(_cells(requires)))
        by_pred[pred] = et
        # A lemma belongs to the first row that lists it; rows with a 'requires' column
        # are consulted first for their lemmas (see rules.py), so they may share lemmas.
        for v in _cells(vs):
            if et.requires:
                verbs.setdefault("+" + v, et)
            else:
                verbs.setdefault(v, et)
        for n in _cells(ns):
            nouns.setdefault(n, et)
    return Lexicon(verbs, nouns, by_pred)
