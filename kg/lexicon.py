"""The event lexicon and role nouns, read from the data files in ``kg/data``.

``events.tsv`` says which verbs and nouns trigger which ontology predicate (with its PLOVER
type, mode and CAMEO code); ``cameo_verbs.tsv`` (derived from the CAMEO verb dictionary by
``derive_events.py``) adds reviewed verbs and verb + object phrases that ``events.tsv`` does
not list, at a lower confidence weight; ``agents.tsv`` lists role nouns ("troops", "ministry") that act
for the country or organisation named beside them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .errors import DataError


@dataclass(frozen=True, slots=True)
class EventType:
    predicate: str
    plover: str
    mode: str | None
    cameo: str
    preps: frozenset[str]  # prepositions that introduce the recipient
    requires: frozenset[str]  # object lemmas a verb trigger needs (cut *ties*)
    weak_preps: frozenset[str] = frozenset()  # recipient only when nothing better ("attack in Kabul")
    # recipient even when there is a direct object, which is then what is moved ("withdrew
    # its troops from Syria", "sent warships to the Gulf")
    theme_preps: frozenset[str] = frozenset()
    weight: float = 1.0  # confidence factor: 1 for the curated lexicon, less for derived rows


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, EventType]  # lemma → event type, needing no particular object
    restricted: dict[str, tuple[EventType, ...]]  # lemma → event types that need one of their objects
    nouns: dict[str, EventType]
    by_predicate: dict[str, EventType]
    agents: dict[str, str]  # role noun → CAMEO sector (GOV, MIL, REB, ...)

    def verb(self, lemma: str, object_lemmas, prep_lemmas=()) -> EventType | None:
        """The event a verb triggers given the lemmas of its objects; restricted rows first,
        those its direct objects fit before those only its prepositions' objects fit ("called
        off the strike after talks" calls off a strike, not talks)."""
        for lemmas in (set(object_lemmas), set(prep_lemmas)):
            for et in self.restricted.get(lemma, ()):
                if et.requires & lemmas:
                    return et
        return self.verbs.get(lemma)


def _cells(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(",") if c.strip()]


def _words(cell: str) -> list[str]:
    """A cell's words, where "@name" stands for the word list of that name in
    ``kg/data/rules/*.tsv`` ("@legislature_nouns"), kept there as its one source."""
    return [w for c in _cells(cell) for w in (_rule_list(c[1:]) if c.startswith("@") else (c,))]


def _rule_list(name: str) -> tuple[str, ...]:
    """The words of one word list of ``kg/data/rules/*.tsv`` (a row "name<TAB>a, b, c")."""
    rules = resources.files("kg.data").joinpath("rules")
    words = [w for path in sorted(rules.iterdir(), key=lambda p: p.name) if path.name.endswith(".tsv")
             for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
             for cols in [line.split("\t")] if len(cols) == 2 and cols[0].strip() == name for w in _cells(cols[1])]
    if not words:
        raise DataError(f"kg/data/events.tsv: no word list {name!r} in kg/data/rules/*.tsv")
    return tuple(words)


def _lines(name: str):
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, [c.strip() for c in line.split("\t")]


# Derived verbs were reviewed as a list, not sentence by sentence: their records say so.
DERIVED_WEIGHT = 0.9


@functools.cache
def load() -> Lexicon:
    """The lexicon, read once per process."""
    verbs: dict[str, EventType] = {}
    restricted: dict[str, list[EventType]] = {}
    nouns: dict[str, EventType] = {}
    by_pred: dict[str, EventType] = {}
    rows = [(cols, 1.0) for _, cols in _lines("events.tsv")]
    rows += [(cols, DERIVED_WEIGHT) for _, cols in _lines("cameo_verbs.tsv")]
    for cols, weight in rows:
        cols = cols + [""] * 8
        pred, plover, mode, cameo, vs, ns, preps, requires = cols[:8]
        cells = _cells(preps)
        strong = frozenset(p.lstrip("!") for p in cells if not p.startswith("~"))
        weak = frozenset(p[1:] for p in cells if p.startswith("~"))
        theme = frozenset(p[1:] for p in cells if p.startswith("!"))
        et = EventType(pred, plover, mode or None, cameo, strong, frozenset(_words(requires)), weak, theme,
                       weight)
        if weight == 1.0:
            by_pred.setdefault(pred, et)
        # A lemma belongs to the first row that lists it; rows with a 'requires' column are
        # consulted first for their lemmas, so they may share lemmas with plain rows. A
        # phrasal verb is keyed "verb particle" ("lash out").
        for v in _cells(vs):
            if et.requires:
                restricted.setdefault(v, []).append(et)
            else:
                verbs.setdefault(v, et)
        for n in _cells(ns):
            nouns.setdefault(n, et)
    agents = {cols[0].lower(): cols[1] for _, cols in _lines("agents.tsv") if len(cols) >= 2}
    return Lexicon(verbs, {k: tuple(v) for k, v in restricted.items()}, nouns, by_pred, agents)
