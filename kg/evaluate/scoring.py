"""Counting: precision, recall and F1 of predicted facts against gold facts, at a level.

A level is a type scheme (what a fact's type is: PLOVER type, predicate, CAMEO code...)
and a projection (entities, or their country codes). Facts are compared per document,
under the rules of :mod:`kg.evaluate.matching`.

A prediction is correct when it matches a required gold fact; a prediction that matches
only optional gold facts is not counted at all; any other prediction is wrong. A required
gold fact is found when some prediction matches it. Precision = correct / counted
predictions, recall = found / required gold facts, F1 their harmonic mean. Predictions are
first de-duplicated per document (same type, same entity IRIs, or same country codes), so
saying a fact twice earns nothing. Per-type rows count predictions under their own type
and gold facts under their first accepted type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .matching import Fact, Ref, entity_match

if TYPE_CHECKING:
    from ..model import Relation

__all__ = ["COUNTRY", "ENTITY", "PLOVER_LEVELS", "Counts", "Level", "LevelScore", "Report", "Scheme",
           "cameo_scheme", "plover_scheme", "predicate_scheme", "root_scheme", "score", "type_scheme",
           "types_found"]

# ------------------------------------------------------------------ levels

Scheme = Callable[[Fact], tuple[str, ...]]


def type_scheme(f: Fact) -> tuple[str, ...]:
    """PLOVER type for events, predicate name for static relations."""
    return f.plovers or f.predicates


def predicate_scheme(f: Fact) -> tuple[str, ...]:
    return f.predicates


def plover_scheme(f: Fact) -> tuple[str, ...]:
    """PLOVER type; static relations are out of scope."""
    return f.plovers


def cameo_scheme(f: Fact) -> tuple[str, ...]:
    return (f.cameo,) if f.cameo else ()


def root_scheme(f: Fact) -> tuple[str, ...]:
    return (f.cameo[:2],) if f.cameo and len(f.cameo) >= 2 else ()


@dataclass(frozen=True)
class Level:
    """One way of scoring a set: a type scheme and entity or country projection."""

    name: str
    scheme: Scheme
    projection: str  # "entity" or "country"


ENTITY = Level("entity", type_scheme, "entity")
COUNTRY = Level("country", type_scheme, "country")
PLOVER_LEVELS = (Level("entity", plover_scheme, "entity"), Level("country", plover_scheme, "country"))


# ------------------------------------------------------------------ results

@dataclass
class Counts:
    correct: int = 0  # predictions that match a required gold fact
    predicted: int = 0  # predictions counted
    found: int = 0  # required gold facts matched
    gold: int = 0  # required gold facts

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold

    def to_dict(self) -> dict:
        return {"precision": _r(self.precision) if self.predicted else None,
                "recall": _r(self.recall) if self.gold else None,
                "f1": _r(self.f1), "correct": self.correct, "predicted": self.predicted,
                "found": self.found, "gold": self.gold}


def _r(x: float) -> float:
    return round(x, 4)


@dataclass
class LevelScore:
    name: str
    overall: Counts
    by_type: dict[str, Counts]
    left_out: int = 0  # gold facts that cannot be expressed at this level (no country, unmapped code)
    wrong: list[str] = field(default_factory=list)  # predictions that match no gold fact
    missed: list[str] = field(default_factory=list)  # required gold facts no prediction matches

    def to_dict(self) -> dict:
        return {"overall": self.overall.to_dict(), "left_out": self.left_out,
                "types": {t: c.to_dict() for t, c in sorted(self.by_type.items())},
                "wrong": self.wrong, "missed": self.missed}


@dataclass
class Report:
    """The scores of one gold set."""

    name: str
    documents: int
    gold_facts: int
    predictions: int
    levels: list[LevelScore]
    notes: list[str] = field(default_factory=list)
    # Gold events whose PLOVER type some prediction in the same document has, whatever its
    # actors: how often the trigger is seen at all, apart from argument attachment.
    types_found: tuple[int, int] | None = None

    def level(self, name: str) -> LevelScore:
        return next(lv for lv in self.levels if lv.name == name)

    def to_dict(self) -> dict:
        found = ({"types_found": {"found": self.types_found[0], "events": self.types_found[1]}}
                 if self.types_found else {})
        return {"set": self.name, "documents": self.documents, "gold_facts": self.gold_facts,
                "predictions": self.predictions, "notes": self.notes, **found,
                "levels": {lv.name: lv.to_dict() for lv in self.levels}}


# ------------------------------------------------------------------ scoring

@dataclass(frozen=True)
class _Item:
    doc: str
    labels: tuple[str, ...]
    subject: tuple  # Refs (entity level) or codes (country level); () is a wildcard
    object: tuple
    symmetric: bool
    optional: bool


def _side(refs: tuple[Ref, ...], projection: str) -> tuple | None:
    """The alternatives of one side at a level; None when the side cannot be expressed."""
    if not refs or projection == "entity":
        return refs
    codes = tuple(dict.fromkeys(r.country for r in refs if r.country))
    return codes or None


def _items(facts: Iterable[Fact], level: Level, all_facts: bool) -> tuple[list[_Item], int]:
    out: list[_Item] = []
    left_out = 0
    for f in facts:
        if not all_facts and not f.asserted:
            continue
        labels = level.scheme(f)
        s, o = _side(f.subject, level.projection), _side(f.object, level.projection)
        if not labels or s is None or o is None:
            left_out += 0 if f.optional else 1
            continue
        if all_facts and f.status:
            labels = tuple(f"{lb}~{f.status}" for lb in labels)
        out.append(_Item(f.doc, labels, s, o, f.symmetric, f.optional))
    return out, left_out


def _dedupe_gold(items: list[_Item]) -> list[_Item]:
    """Country-level gold: facts that project to the same type and codes are one fact.

    The merged fact accepts every type either accepted, and is required if either was.
    """
    merged: dict[tuple, _Item] = {}
    for it in items:
        key = (it.doc, it.labels[0], frozenset(it.subject), frozenset(it.object), it.symmetric)
        old = merged.get(key)
        if old is not None:
            labels = old.labels + tuple(lb for lb in it.labels if lb not in old.labels)
            it = _Item(it.doc, labels, old.subject, old.object, it.symmetric, old.optional and it.optional)
        merged[key] = it
    return list(merged.values())


def _dedupe_predictions(items: list[_Item], projection: str) -> list[_Item]:
    seen: dict[tuple, _Item] = {}
    for it in items:
        s, o = it.subject[0], it.object[0]
        if projection == "entity":
            s, o = s.key, o.key
        pair = tuple(sorted((s, o))) if it.symmetric else (s, o)
        seen.setdefault((it.doc, it.labels[0], pair), it)
    return list(seen.values())


def _describe(it: _Item, projection: str) -> str:
    def side(alts: tuple) -> str:
        if not alts:
            return "*"
        return "|".join(a.label for a in alts) if projection == "entity" else "|".join(alts)

    symmetric = " (symmetric)" if it.symmetric else ""
    return f"{it.doc}: {side(it.subject)} {'/'.join(it.labels)} {side(it.object)}{symmetric}"


def _side_match(alts: tuple, value, projection: str) -> bool:
    if not alts:
        return True
    if projection == "entity":
        return any(entity_match(a, value) for a in alts)
    return value in alts


def _matches(g: _Item, p: _Item, projection: str) -> bool:
    if p.labels[0] not in g.labels:
        return False
    s, o = p.subject[0], p.object[0]
    if _side_match(g.subject, s, projection) and _side_match(g.object, o, projection):
        return True
    return g.symmetric and _side_match(g.subject, o, projection) and _side_match(g.object, s, projection)


def _by_doc(items: Iterable[_Item]) -> dict[str, list[_Item]]:
    out: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        out[it.doc].append(it)
    return out


@dataclass
class _Tally:
    """The counts per type, and the lines of --explain, as documents are compared."""

    projection: str
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def document(self, golds: list[_Item], preds: list[_Item]) -> None:
        for p in preds:
            hits = [g for g in golds if _matches(g, p, self.projection)]
            if hits and all(g.optional for g in hits):
                continue
            c = self.by_type[p.labels[0]]
            c.predicted += 1
            c.correct += bool(hits)
            if not hits:
                self.wrong.append(_describe(p, self.projection))
        for g in golds:
            if g.optional:
                continue
            c = self.by_type[g.labels[0]]
            c.gold += 1
            found = any(_matches(g, p, self.projection) for p in preds)
            c.found += found
            if not found:
                self.missed.append(_describe(g, self.projection))


def score(gold: Sequence[Fact], predicted: Sequence[Fact], level: Level, *, all_facts: bool = False) -> LevelScore:
    """Precision, recall and F1 of predicted facts against gold facts at one level.

    >>> from kg.evaluate import Fact, Ref, score, ENTITY
    >>> xi, lee = Ref.of("Xi Jinping", ["Xi"], "Q15031"), Ref.of("Lee Jae Myung", ["Lee"])
    >>> gold = [Fact("d", (lee,), (xi,), ("meetsWith",), ("CONSULT",), symmetric=True)]
    >>> pred = [Fact("d", (Ref.of("Xi"),), (Ref.of("Lee"),), ("meetsWith",), ("CONSULT",))]
    >>> s = score(gold, pred, ENTITY)
    >>> (s.overall.precision, s.overall.recall)
    (1.0, 1.0)
    """
    g_items, left_out = _items(gold, level, all_facts)
    p_items, _ = _items(predicted, level, all_facts)
    if level.projection == "country":
        g_items = _dedupe_gold(g_items)
    p_items = _dedupe_predictions(p_items, level.projection)
    by_doc_gold, by_doc_pred = _by_doc(g_items), _by_doc(p_items)
    tally = _Tally(level.projection)
    for doc in sorted(set(by_doc_gold) | set(by_doc_pred)):
        tally.document(by_doc_gold.get(doc, []), by_doc_pred.get(doc, []))
    overall = Counts()
    for c in tally.by_type.values():
        overall.add(c)
    return LevelScore(level.name, overall, dict(tally.by_type), left_out, tally.wrong, tally.missed)


def types_found(gold: Sequence[Fact], relations: Sequence[Relation]) -> tuple[int, int] | None:
    """How many gold events have their PLOVER type among the predictions of their document.

    None when the gold has no events. Actors and status are not looked at: this measures
    whether the event's trigger was read at all.
    """
    events = [f for f in gold if f.plovers]
    if not events:
        return None
    seen = {(r.doc, r.plover) for r in relations if r.plover}
    return sum(any((f.doc, p) in seen for p in f.plovers) for f in events), len(events)
