"""Scoring relation records against gold: precision, recall and F1 (``kg eval``).

A gold set is a list of documents and the facts an analyst reads in them. The extractor
runs on the documents (or relation records are read from a file), and both sides are
reduced to :class:`Fact` and compared under the rules below. Five sets are built in:

========  =============================================  ==========================
name      gold                                           levels
========  =============================================  ==========================
seed      ``eval/gold/seed.jsonl`` (the Lee-Beijing       entity, country
          article, written for kg)
wikinews  ``eval/gold/wikinews.jsonl`` (12 Wikinews       entity, country
          articles, written for kg)
plover    PLOVER GSR dev (``gold/plover/gsr-dev.jsonl``)  entity, country
plover-tune, plover-holdout
          the two halves of GSR dev, split once by a      entity, country
          fixed hash of the record id (:func:`half`)
petrarch  PETRARCH unit tests, fictional actors           cameo, root, plover
conll04   CoNLL04 dev (``gold/conll04/dev.json``)          entity
========  =============================================  ==========================

A path to a file in one of the external formats (a GSR JSONL, a PETRARCH unit-test JSONL,
a CoNLL04 JSON: their held-back halves, say) is scored like the set of that format. Shared
data is found through ``KG_SHARED`` (default ``../shared`` beside the repository).

Matching rules
--------------
*Which facts count.* By default only asserted facts are scored on both sides: a fact
that is negated, intended or hypothetical is neither a gold fact to find nor a
prediction to judge (``reported`` counts as asserted). With ``all_facts=True`` every
fact counts and its status becomes part of its type (``ACCUSE~negated``), so a negated
prediction only matches a negated gold fact.

*Relation type.* Events are compared by PLOVER type and static relations by predicate
name (``match="type"``, the default); ``match="predicate"`` compares the ontology
predicate of events too (``meetsWith`` is then not ``holdsTalksWith``). A gold fact may
accept several predicates or PLOVER types (a list), and a prediction matches if its
type is any of them. The external sets use their own type spaces: PLOVER types for the
GSR; CAMEO code, CAMEO root (first two digits) and PLOVER type for PETRARCH; CoNLL04's
five relations for CoNLL04 (see :data:`CONLL04_TYPES`). Predictions whose type a set does
not annotate (a ``meetsWith`` in CoNLL04) are left out of that set's score.

*Entities.* A gold fact names each side by one or more alternatives; a predicted entity
matches an alternative when both carry a Wikidata QID and the QIDs are equal, or (when
either lacks one) when a normalised name of one equals a normalised name of the other
(label or alias; case, accents, punctuation, possessive ``'s`` and a leading "the"
folded away: see :func:`norm_name`). Two different QIDs never match. Gold taken from a
text span (GSR actor text, CoNLL04 entity spans) also matches when one name's words
are a contiguous run of the other's ("Lincoln" in "President Lincoln"), except that a
gold span naming only the country of a predicted sector entity ("Iraq" in "Iraq rebels")
does not match it. A predicted organ
of a state (a sector entity of :data:`kg.model.STATE_SECTORS`: "Israel military", "Iraq
police") also matches a gold ``Country`` entity of its own country code, because kg's gold
codes an actor named by a state role to its state ("Israeli troops" → Israel; see
eval/README.md): the prediction names the same actor more finely. Sections of society
(opposition, rebels, civilians, media) get no such credit: a state is not its rebels.

*Countries.* At country level each side becomes its country code: an entity's
``country`` (ISO 3166 alpha-3), except that an international organisation is ``IGO``
(its seat is not its country), and so is a person without a country whom the same
document's facts make the leader or an official of one ("NATO Secretary-General Jens
Stoltenberg": the gold sets code such officials IGO). Facts with a side that has no country are left out of
the country level on both sides. Duplicate facts collapse to one per document.

*Direction.* A fact is matched subject-to-subject and object-to-object, or either way
round when the gold fact is symmetric: by default the predicates in
:data:`SYMMETRIC_PREDICATES`, or whatever the gold record says with ``"symmetric"``.

*The external sets.* The GSR has several actors or recipients on some events, mutual
events with no recipient, and codes that are not ISO alpha-3 (see :func:`read_plover`
and :data:`GSR_CODES`); PETRARCH names actors by code, some with no country (see
:func:`read_petrarch`). Neither annotates static relations, so those are left out there.

*Counting.* Facts are compared per document. A prediction is correct when it matches a
required gold fact; a prediction that matches only optional gold facts is not counted
at all; any other prediction is wrong. A required gold fact is found when some
prediction matches it. Precision = correct / counted predictions, recall = found /
required gold facts, F1 their harmonic mean. Predictions are first de-duplicated per
document (same type, same entity IRIs, or same country codes), so saying a fact twice
earns nothing. Per-type rows count predictions under their own type and gold facts
under their first accepted type.

Gold file format (``eval/gold/*.jsonl``)
----------------------------------------
One JSON object a line, of three kinds; ``#`` lines and blank lines are skipped::

    {"document": "lee-beijing", "source": "corpus/lee-beijing.txt"}
    {"entity": "KOR", "label": "South Korea", "type": "Country", "wikidata": "Q884",
     "country": "KOR", "aliases": ["Republic of Korea"]}
    {"doc": "lee-beijing", "subject": "lee", "predicate": "visits", "plover": "CONSULT",
     "cameo": "042", "object": ["CHN", "beijing"], "note": "his state visit"}

A ``document`` line names a document and where its text is: a path relative to
``KG_SHARED`` (else to the gold file), a text file or a JSONL corpus holding that id.
An ``entity`` line defines a key. A fact line gives ``doc``, ``subject``, ``object``
(a key, an inline entity object, or a list of them: alternatives), ``predicate`` (a
name or a list), and for events ``plover`` (a type or a list) and optionally ``cameo``;
then optionally ``negated`` (false), ``modality`` (asserted), ``symmetric``,
``optional`` (false) and ``note``. Gold files quote no article text: documents are
referred to by id and entities by label, QID and country.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GoldError
from .model import STATE_SECTORS

if TYPE_CHECKING:
    from .model import Document, Entity, Relation

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "eval" / "gold"
FLOORS_FILE = REPO / "eval" / "floors.json"
SETS = ("seed", "wikinews", "plover", "plover-tune", "plover-holdout", "petrarch", "conll04")
# The GSR dev file is split once, by a fixed hash of each record's id, into a half that rules
# are tuned on and a half that is only measured (eval/README.md, "Discipline").
GSR_HALVES = ("tune", "holdout")

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATIC_PREDICATES = ("leaderOf", "worksFor", "memberOf", "citizenOf", "livesIn", "locatedIn", "basedIn",
                     "capitalOf", "allyOf", "tradesWith")
SYMMETRIC_PREDICATES = frozenset({"meetsWith", "holdsTalksWith", "cooperatesWith", "signsAgreementWith",
                                  "allyOf", "tradesWith"})
MODALITIES = ("asserted", "reported", "intended", "hypothetical")

# CoNLL04 relation → the kg predicates (or PLOVER type) that express it.
CONLL04_TYPES = {
    "Work_For": ("worksFor", "leaderOf", "memberOf"),
    "Live_In": ("livesIn", "citizenOf"),
    "Located_In": ("locatedIn", "capitalOf"),
    "OrgBased_In": ("basedIn",),
    "Kill": ("ASSAULT",),
}
# PLOVER GSR actor codes that are not ISO alpha-3: CAMEO-era country codes, and the
# non-state codes, which are folded into one bucket (NSA) that a predicted organisation
# or group without a country matches. IGO stays IGO (see country_code).
GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "NGO": "NSA", "IMG": "NSA", "ISM": "NSA"}


# ------------------------------------------------------------------ names and entities

def norm_name(text: str) -> str:
    """The comparison key of a name.

    >>> norm_name("the U.S.")
    'us'
    >>> norm_name("Lee Jae Myung’s") == norm_name("Lee Jae-myung")
    True
    >>> norm_name("Recep Tayyip Erdoğan")
    'recep tayyip erdogan'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").lower().strip()
    text = re.sub(r"'s?$|'s(?=\s)", "", text)
    text = text.replace(".", "")
    text = re.sub(r"[^\w&]+", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(text.split())


@dataclass(frozen=True)
class Ref:
    """One entity as the scorer sees it."""

    names: frozenset[str]  # normalised
    wikidata: str | None = None
    country: str | None = None  # the country-level code
    loose: bool = False  # a gold text span: a contiguous run of words also matches
    key: str = ""  # identity for de-duplicating predictions (the entity IRI)
    label: str = ""
    state: bool = False  # a gold Country entity
    sector: str | None = None  # a predicted part of a country (kg.model.SECTORS)

    @classmethod
    def of(cls, label: str, aliases: Iterable[str] = (), wikidata: str | None = None,
           country: str | None = None, loose: bool = False, key: str = "", *, state: bool = False,
           sector: str | None = None) -> Ref:
        names = frozenset(n for n in (norm_name(x) for x in (label, *aliases)) if n)
        return cls(names, wikidata or None, country or None, loose, key or label, label, state, sector or None)


def _contiguous(short: Sequence[str], long: Sequence[str]) -> bool:
    n = len(short)
    return 0 < n <= len(long) and any(list(long[i:i + n]) == list(short) for i in range(len(long) - n + 1))


def entity_match(gold: Ref, pred: Ref) -> bool:
    """Does a predicted entity match a gold alternative? (QID, else name; see the module doc.)"""
    if gold.state and pred.sector in STATE_SECTORS and gold.country and gold.country == pred.country:
        return True  # "Israel military" is how the gold's Israel acted
    if gold.wikidata and pred.wikidata:
        return gold.wikidata == pred.wikidata
    if gold.names & pred.names:
        return True
    if gold.loose:
        for g in gold.names:
            gw = g.split()
            for p in pred.names:
                pw = p.split()
                # a part of a country ("Iraq rebels", "Iraqi protesters") is not matched by
                # the country's name alone: a shorter gold span must hold its head noun
                if _contiguous(pw, gw) or (_contiguous(gw, pw) and (not pred.sector or gw[-1] == pw[-1])):
                    return True
    return False


def country_code(entity: Entity) -> str | None:
    """The country-level code of a predicted entity: its ISO code, or IGO for an international organisation."""
    if entity.type == "InternationalOrganization":
        return "IGO"
    return entity.country


def _gsr_country(entity: Entity) -> str | None:
    code = country_code(entity)
    if code is None and entity.type in ("Organization", "Group"):
        return "NSA"
    return code


def _petrarch_country(entity: Entity) -> str | None:
    # A PETRARCH code's first three letters are the country ("IGOEEU" → IGO).
    return _code3(country_code(entity))


def _code3(code: str | None) -> str | None:
    code = (code or "").strip().lstrip("~").upper()[:3]
    return code if len(code) == 3 and code.isalpha() else None


# ------------------------------------------------------------------ facts

@dataclass(frozen=True)
class Fact:
    """A gold or predicted relation, reduced to what scoring compares.

    A side with no alternatives (``()``) is a wildcard: anything matches it. Readers use
    it for gold events whose recipient the gold does not name, and make them optional.
    """

    doc: str
    subject: tuple[Ref, ...]
    object: tuple[Ref, ...]
    predicates: tuple[str, ...] = ()
    plovers: tuple[str, ...] = ()
    cameo: str | None = None
    symmetric: bool = False
    optional: bool = False
    negated: bool = False
    modality: str = "asserted"

    @property
    def asserted(self) -> bool:
        return not self.negated and self.modality in ("asserted", "reported")

    @property
    def status(self) -> str:
        """'' for an asserted fact, else what keeps it from being one."""
        return "" if self.asserted else ("negated" if self.negated else self.modality)


def fact_from_relation(rel: Relation, country: Callable[[Entity], str | None] = country_code) -> Fact:
    """A predicted relation record as a :class:`Fact`.

    The words a record names an entity by when they stand for it ("Berlin rejected":
    Germany, named "Berlin") are one of its names for matching, as the text gave them.
    """
    def ref(e: Entity, said: str | None) -> Ref:
        return Ref.of(e.label, (*e.aliases, *([said] if said else [])), e.wikidata, country(e), key=e.id,
                      sector=e.sector)

    return Fact(doc=rel.doc, subject=(ref(rel.subject, rel.subject_mention),),
                object=(ref(rel.object, rel.object_mention),),
                predicates=(rel.predicate,), plovers=(rel.plover,) if rel.plover else (),
                cameo=rel.cameo, symmetric=rel.predicate in SYMMETRIC_PREDICATES,
                negated=rel.negated, modality=rel.modality)


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


def conll04_scheme(f: Fact) -> tuple[str, ...]:
    have = set(f.predicates) | set(f.plovers)
    return tuple(t for t, accepted in CONLL04_TYPES.items() if have & set(accepted))


@dataclass(frozen=True)
class Level:
    """One way of scoring a set: a type scheme and entity or country projection."""

    name: str
    scheme: Scheme
    projection: str  # "entity" or "country"


ENTITY = Level("entity", type_scheme, "entity")
COUNTRY = Level("country", type_scheme, "country")
PLOVER_LEVELS = (Level("entity", plover_scheme, "entity"), Level("country", plover_scheme, "country"))


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

    return f"{it.doc}: {side(it.subject)} {'/'.join(it.labels)} {side(it.object)}" + (" (symmetric)" if it.symmetric else "")


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
    by_doc_gold: dict[str, list[_Item]] = defaultdict(list)
    by_doc_pred: dict[str, list[_Item]] = defaultdict(list)
    for it in g_items:
        by_doc_gold[it.doc].append(it)
    for it in p_items:
        by_doc_pred[it.doc].append(it)
    overall = Counts()
    by_type: dict[str, Counts] = defaultdict(Counts)
    wrong, missed = [], []
    for doc in sorted(set(by_doc_gold) | set(by_doc_pred)):
        golds, preds = by_doc_gold.get(doc, []), by_doc_pred.get(doc, [])
        for p in preds:
            hits = [g for g in golds if _matches(g, p, level.projection)]
            if hits and all(g.optional for g in hits):
                continue
            c = by_type[p.labels[0]]
            c.predicted += 1
            c.correct += bool(hits)
            if not hits:
                wrong.append(_describe(p, level.projection))
        for g in golds:
            if g.optional:
                continue
            c = by_type[g.labels[0]]
            c.gold += 1
            found = any(_matches(g, p, level.projection) for p in preds)
            c.found += found
            if not found:
                missed.append(_describe(g, level.projection))
    for c in by_type.values():
        overall.add(c)
    return LevelScore(level.name, overall, dict(by_type), left_out, wrong, missed)


# ------------------------------------------------------------------ gold sets

@dataclass
class GoldSet:
    """Documents, the gold facts read in them, and how to score them."""

    name: str
    source: str  # the gold file, for messages
    documents: list[Document]
    facts: list[Fact]
    levels: tuple[Level, ...]
    gazetteers: tuple[Path, ...] = ()  # actor files the extractor needs for this set
    country: Callable[[Entity], str | None] = country_code


def shared_root() -> Path:
    """Where the shared data is: ``KG_SHARED``, else ``../shared`` beside the repository."""
    env = os.environ.get("KG_SHARED")
    return Path(env).expanduser() if env else REPO.parent / "shared"


def shared_file(relative: str, needed_for: str) -> Path:
    path = shared_root() / relative
    if not path.exists():
        raise GoldError(f"{path} not found (needed for {needed_for!r}); set KG_SHARED to the shared data "
                        f"folder (the one holding corpus/, gold/ and reference/)")
    return path


def load(name_or_path: str | Path, *, match: str = "type") -> GoldSet:
    """A gold set by name (see :data:`SETS`) or by path.

    A path may be a gold file in kg's format, or a file in the format of one of the
    external sets (a PLOVER GSR JSONL, a PETRARCH unit-test JSONL, a CoNLL04 JSON), so
    that their held-back parts are scored the same way; the format is read off the file.
    ``match`` is ``type`` or ``predicate`` for sets in kg's gold format (see the module doc).
    """
    name = str(name_or_path)
    if match not in ("type", "predicate"):
        raise GoldError(f"unknown match {match!r}; use 'type' or 'predicate'")
    if name == "plover":
        return read_plover(shared_file("gold/plover/gsr-dev.jsonl", name))
    if name.startswith("plover-") and name[len("plover-"):] in GSR_HALVES:
        return read_plover(shared_file("gold/plover/gsr-dev.jsonl", name), name=name, part=name[len("plover-"):])
    if name == "petrarch":
        return _petrarch(shared_file("gold/petrarch/unittest.jsonl", name), name)
    if name == "conll04":
        return read_conll04(shared_file("gold/conll04/dev.json", name))
    if name in ("seed", "wikinews"):
        path = GOLD_DIR / f"{name}.jsonl"
        if not path.exists():
            raise GoldError(f"the gold file {path} is missing; this needs a checkout of the kg repository "
                            f"(or pass the path of a gold file)")
        return read_gold(path, match=match)
    path = Path(name)
    if not path.is_file():
        raise GoldError(f"no gold set named {name!r} and no such file; use one of {', '.join(SETS)}, "
                        f"'all', or the path of a gold file")
    kind = sniff(path)
    if kind == "plover":
        return read_plover(path, name=path.stem)
    if kind == "petrarch":
        return _petrarch(path, path.stem)
    if kind == "conll04":
        return read_conll04(path, name=path.stem)
    return read_gold(path, match=match)


def _petrarch(path: Path, name: str) -> GoldSet:
    return read_petrarch(path, shared_file("gold/petrarch/PETR.Validate.actors.txt", name),
                         shared_file("reference/CAMEO2PLOVER-2021.txt", name), name=name)


def sniff(path: Path) -> str:
    """The format of a gold file: ``kg``, ``plover`` (GSR), ``petrarch`` or ``conll04``."""
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
    if head.lstrip().startswith("["):
        return "conll04"
    first = next((line for line in head.splitlines() if line.strip() and not line.startswith("#")), "")
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return "kg"  # read_gold says what is wrong with it
    if isinstance(obj, dict) and "event" in obj and "actor" in obj:
        return "plover"
    if isinstance(obj, dict) and "events" in obj and "text" in obj:
        return "petrarch"
    return "kg"


def _entity_ref(obj: dict, where: str) -> Ref:
    label = obj.get("label")
    if not isinstance(label, str) or not label.strip():
        raise GoldError(f"{where}: an entity needs a 'label'")
    aliases = obj.get("aliases") or []
    if not isinstance(aliases, list):
        raise GoldError(f"{where}: 'aliases' must be a list of names")
    typ = obj.get("type")
    country = "IGO" if typ == "InternationalOrganization" else obj.get("country")
    return Ref.of(label, aliases, obj.get("wikidata"), country, key=obj.get("entity") or label,
                  state=typ == "Country")


def _listed(value, what: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise GoldError(f"{where}: {what!r} must be a name or a list of names, got {value!r}")
    return tuple(values)


def read_gold(path: str | Path, *, match: str = "type") -> GoldSet:
    """Read a gold file in kg's format (see the module doc) and the documents it names."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
    entities: dict[str, Ref] = {}
    sources: dict[str, tuple[str, int]] = {}
    raw_facts: list[tuple[dict, str]] = []
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{where}: each line must be a JSON object")
        if "document" in obj:
            if not isinstance(obj.get("source"), str):
                raise GoldError(f"{where}: a document line needs a 'source' (a path relative to KG_SHARED)")
            sources[str(obj["document"])] = (obj["source"], number)
        elif "entity" in obj:
            entities[str(obj["entity"])] = _entity_ref(obj, where)
        elif "doc" in obj:
            raw_facts.append((obj, where))
        else:
            raise GoldError(f"{where}: a line needs 'document', 'entity' or 'doc' (a fact); see the gold format "
                            f"in eval/README.md")

    def side(value, where: str) -> tuple[Ref, ...]:
        values = value if isinstance(value, list) else [value]
        if not values:
            raise GoldError(f"{where}: an empty list of alternatives")
        out = []
        for v in values:
            if isinstance(v, dict):
                out.append(_entity_ref(v, where))
            elif isinstance(v, str) and v in entities:
                out.append(entities[v])
            else:
                raise GoldError(f"{where}: unknown entity {v!r}; define it with an 'entity' line first")
        return tuple(out)

    facts = []
    for obj, where in raw_facts:
        doc = str(obj["doc"])
        if doc not in sources:
            raise GoldError(f"{where}: document {doc!r} has no 'document' line naming its source")
        predicates = _listed(obj.get("predicate"), "predicate", where)
        plovers = _listed(obj.get("plover"), "plover", where)
        if not predicates:
            raise GoldError(f"{where}: a fact needs a 'predicate'")
        bad = [p for p in plovers if p not in PLOVER_TYPES]
        if bad:
            raise GoldError(f"{where}: unknown PLOVER type {bad[0]!r}; one of {', '.join(PLOVER_TYPES)}")
        if not plovers and not set(predicates) <= set(STATIC_PREDICATES):
            raise GoldError(f"{where}: {predicates[0]!r} is not a static relation ({', '.join(STATIC_PREDICATES)}); "
                            f"an event needs a 'plover' type")
        modality = obj.get("modality", "asserted")
        if modality not in MODALITIES:
            raise GoldError(f"{where}: unknown modality {modality!r}; one of {', '.join(MODALITIES)}")
        symmetric = obj.get("symmetric", any(p in SYMMETRIC_PREDICATES for p in predicates))
        facts.append(Fact(doc=doc, subject=side(obj.get("subject"), where), object=side(obj.get("object"), where),
                          predicates=predicates, plovers=plovers, cameo=obj.get("cameo"),
                          symmetric=bool(symmetric), optional=bool(obj.get("optional", False)),
                          negated=bool(obj.get("negated", False)), modality=modality))
    documents = _read_documents(path, sources)
    scheme = type_scheme if match == "type" else predicate_scheme
    levels = (Level("entity", scheme, "entity"), Level("country", scheme, "country"))
    name = path.stem
    return GoldSet(name, str(path), documents, facts, levels)


def _read_documents(gold_path: Path, sources: dict[str, tuple[str, int]]) -> list[Document]:
    from .errors import InputError
    from .ingest import read_inputs

    by_source: dict[Path, list[str]] = defaultdict(list)
    for doc_id, (source, number) in sources.items():
        candidates = [shared_root() / source, gold_path.parent / source]
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            raise GoldError(f"{gold_path}:{number}: the source {source!r} of document {doc_id!r} is not in "
                            f"{shared_root()}; set KG_SHARED to the shared data folder")
        by_source[found].append(doc_id)
    docs: dict[str, Document] = {}
    for source, ids in by_source.items():
        wanted = set(ids)
        try:
            for d in read_inputs([source]):
                if d.id in wanted:
                    docs[d.id] = d
        except InputError as exc:
            raise GoldError(f"{gold_path}: cannot read {source} ({exc})") from None
        missing = wanted - set(docs)
        if missing:
            raise GoldError(f"{gold_path}: no document with id {min(missing)!r} in {source}")
    return [docs[d] for d in sources]


def _jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from None


def half(record_id: str) -> str:
    """The half of the GSR dev split a record belongs to: ``tune`` or ``holdout``.

    The split is fixed (SHA-256 of the id, even or odd), so it never changes with the file's
    order or with new records.

    >>> half("PLOVER-GSR01-AGREE-0003"), half("PLOVER-GSR01-AGREE-0009")
    ('tune', 'holdout')
    """
    return GSR_HALVES[int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2]


def read_plover(path: Path, name: str = "plover", part: str | None = None) -> GoldSet:
    """The PLOVER gold-standard records: one event a sentence, scored by type and actor/recipient country.

    Every actor is an alternative subject and every recipient an alternative object, so an
    event with several actors or recipients is found by any one correct pair. An event
    with two or more actors and no recipient is mutual (the actors act on each other:
    symmetric); one with a single actor and no recipient has a wildcard recipient and is
    optional, since a relation record always has an object. Codes are mapped by
    :data:`GSR_CODES`.
    """
    from .model import Document

    docs, facts = [], []
    for number, rec in _jsonl(path):
        if "id" not in rec or "text" not in rec or "event" not in rec:
            raise GoldError(f"{path}:{number}: a GSR record needs 'id', 'text' and 'event'")
        doc = str(rec["id"])
        if part is not None and half(doc) != part:
            continue
        docs.append(Document(id=doc, text=rec["text"], source=str(path)))

        def refs(actors) -> tuple[Ref, ...]:
            out = []
            for a in actors or []:
                code = (a.get("code") or "").upper()
                out.append(Ref.of(a.get("actorText") or "", country=GSR_CODES.get(code, code) or None, loose=True))
            return tuple(out)

        actors, recipients = refs(rec.get("actor")), refs(rec.get("recipient"))
        if not actors:
            continue
        mutual = not recipients and len(actors) >= 2
        facts.append(Fact(doc=doc, subject=actors, object=actors if mutual else recipients,
                          plovers=(rec["event"],), symmetric=mutual,
                          optional=not recipients and not mutual))
    return GoldSet(name, str(path), docs, facts, PLOVER_LEVELS, country=_gsr_country)


def cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER type, from the CAMEO2PLOVER table."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover_of_cameo(code: str | None, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to its parent codes ("1711" → "171" → "17")."""
    code = (code or "").strip()
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


PETRARCH_LEVELS = (Level("cameo", cameo_scheme, "country"), Level("root", root_scheme, "country"),
                   Level("plover", plover_scheme, "country"))


def read_petrarch(path: Path, actors: Path, cameo_table: Path, name: str = "petrarch") -> GoldSet:
    """PETRARCH2 validation sentences: CAMEO event code with source and target actor codes.

    Scored at country level only (the gold names actors by code), with three type levels:
    the exact CAMEO code, its root (first two digits) and its PLOVER type by the
    CAMEO2PLOVER table (codes the table does not map are left out of that level). An actor
    code's first three letters are its country; a code with no country (``---GOV``) or a
    missing source or target is a wildcard, and such an event is optional. The extractor
    runs with the fictional-actor dictionary as a user gazetteer.
    """
    from .model import Document

    table = cameo_to_plover(cameo_table)
    docs, facts = [], []
    for number, rec in _jsonl(path):
        if "text" not in rec:
            raise GoldError(f"{path}:{number}: a PETRARCH record needs 'text'")
        doc = f"{rec.get('id') or 'petrarch'}#{number}"  # ids repeat in the suite
        date = str(rec.get("date") or "")
        date = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        docs.append(Document(id=doc, text=rec["text"], date=date, source=str(path)))
        for ev in rec.get("events") or []:
            code = ev.get("eventcode")
            if not code:
                continue
            src, tgt = _code3(ev.get("sourcecode")), _code3(ev.get("targetcode"))
            plover = plover_of_cameo(code, table)
            facts.append(Fact(doc=doc, subject=(Ref(frozenset(), country=src),) if src else (),
                              object=(Ref(frozenset(), country=tgt),) if tgt else (),
                              plovers=(plover,) if plover else (), cameo=code,
                              optional=not (src and tgt)))
    return GoldSet(name, str(path), docs, facts, PETRARCH_LEVELS, gazetteers=(actors,),
                   country=_petrarch_country)


def detokenize(tokens: Sequence[str]) -> str:
    """CoNLL04 tokens → readable text: no space before closing punctuation or clitics."""
    out = ""
    for i, tok in enumerate(tokens):
        glue = i == 0 or tok in (",", ".", ";", ":", "?", "!", ")", "'s", "'", "n't", "'re", "'d", "'ll", "'ve", "'m") \
            or tokens[i - 1] in ("(", "`", "``")
        out += tok if glue else " " + tok
    return out


def read_conll04(path: Path, name: str = "conll04") -> GoldSet:
    """CoNLL04 sentences: the five relations between gold entity spans, mapped by :data:`CONLL04_TYPES`.

    Entities are matched by name against the span text (loosely: see the module doc);
    there is no country level, since CoNLL04 entities carry no country.
    """
    from .model import Document

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read CoNLL04 ({exc})") from None
    docs, facts = [], []
    for i, sent in enumerate(data):
        tokens = sent["tokens"]
        doc = f"conll04-{sent.get('orig_id', i)}"
        docs.append(Document(id=doc, text=detokenize(tokens), source=str(path)))
        ents = [Ref.of(detokenize(tokens[e["start"]:e["end"]]), loose=True) for e in sent["entities"]]
        for rel in sent["relations"]:
            accepted = CONLL04_TYPES.get(rel["type"])
            if accepted is None:
                raise GoldError(f"{path}: sentence {i}: unknown relation type {rel['type']!r}")
            events = tuple(a for a in accepted if a in PLOVER_TYPES)
            statics = tuple(a for a in accepted if a not in PLOVER_TYPES)
            facts.append(Fact(doc=doc, subject=(ents[rel["head"]],), object=(ents[rel["tail"]],),
                              predicates=statics, plovers=events))
    return GoldSet(name, str(path), docs, facts, (Level("entity", conll04_scheme, "entity"),))


# ------------------------------------------------------------------ running

def predict(gs: GoldSet, *, extractor: str = "rules", gazetteer: Iterable[str | Path] = ()) -> list[Relation]:
    """Run an extractor over the set's documents (with the set's own actor files, if any)."""
    from .pipeline import extract_documents, load_gazetteer

    g = load_gazetteer([*gs.gazetteers, *gazetteer])
    return [r for ex in extract_documents(gs.documents, extractor=extractor, gazetteer=g) for r in ex.relations]


def read_predictions(path: str | Path) -> list[Relation]:
    """Relation records (``kg extract --format jsonl``) from a file."""
    from .model import relation_from_record

    path = Path(path)
    out = []
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the predictions ({exc})") from None
    with fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(relation_from_record(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
                raise GoldError(f"{path}:{number}: not a relation record ({type(exc).__name__}: {exc}); "
                                f"write them with kg extract --format jsonl") from None
    return out


def evaluate(gs: GoldSet, relations: Iterable[Relation], *, all_facts: bool = False) -> Report:
    """Score relation records against a gold set, at each of its levels."""
    doc_ids = {d.id for d in gs.documents}
    relations = list(relations)
    inside = [r for r in relations if r.doc in doc_ids]
    staff = {(r.doc, r.subject.id) for r in inside if r.asserted and r.predicate in ("leaderOf", "worksFor")
             and r.subject.type == "Person" and r.object.type == "InternationalOrganization"}

    def country(doc: str) -> Callable[[Entity], str | None]:
        def code(e: Entity) -> str | None:
            found = gs.country(e)
            return "IGO" if found is None and (doc, e.id) in staff else found
        return code

    predicted = [fact_from_relation(r, country(r.doc)) for r in inside]
    notes = []
    if len(inside) < len(relations):
        notes.append(f"{len(relations) - len(inside)} relation records name documents outside this set and were ignored")
    levels = [score(gs.facts, predicted, lv, all_facts=all_facts) for lv in gs.levels]
    return Report(gs.name, len(gs.documents), len(gs.facts), len(inside), levels, notes,
                  types_found(gs.facts, inside))


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


def run(name_or_path: str | Path, *, predictions: str | Path | None = None, extractor: str = "rules",
        gazetteer: Iterable[str | Path] = (), match: str = "type", all_facts: bool = False) -> Report:
    """Load a gold set, get predictions (run the extractor, or read them) and score them.

    >>> from kg.evaluate import run
    >>> report = run("seed")                            # doctest: +SKIP
    >>> report.level("entity").overall.f1               # doctest: +SKIP
    """
    gs = load(name_or_path, match=match)
    rels = read_predictions(predictions) if predictions else predict(gs, extractor=extractor, gazetteer=gazetteer)
    return evaluate(gs, rels, all_facts=all_facts)


def export_documents(gs: GoldSet) -> str:
    """The set's documents as a JSONL corpus, to extract from with another tool or extractor."""
    return "".join(json.dumps({"id": d.id, "text": d.text, **({"date": d.date} if d.date else {})},
                              ensure_ascii=False) + "\n" for d in gs.documents)


def format_explanation(reports: Sequence[Report], level: str | None = None) -> str:
    """The wrong predictions and the missed gold facts of each report, at one level (the first by default)."""
    out = []
    for rep in reports:
        lv = rep.level(level) if level else rep.levels[0]
        out.append(f"== {rep.name} ({lv.name} level): {len(lv.wrong)} wrong predictions")
        out += [f"  {line}" for line in lv.wrong]
        out.append(f"== {rep.name} ({lv.name} level): {len(lv.missed)} missed gold facts")
        out += [f"  {line}" for line in lv.missed]
    return "\n".join(out)


def format_table(reports: Sequence[Report]) -> str:
    """The reports as one plain-text table: overall and per-type rows for every level."""
    from .query import table

    def cell(x: float, denominator: int) -> str:
        return f"{x:.3f}" if denominator else "-"

    rows = []
    for rep in reports:
        for lv in rep.levels:
            entries = [("ALL", lv.overall)] + sorted(lv.by_type.items())
            for t, c in entries:
                rows.append([rep.name, lv.name, t, cell(c.precision, c.predicted), cell(c.recall, c.gold),
                             f"{c.f1:.3f}", f"{c.correct}/{c.predicted}", f"{c.found}/{c.gold}"])
    out = table(["set", "level", "type", "P", "R", "F1", "correct/pred", "found/gold"], rows, 40)
    notes = [f"{rep.name}: {rep.documents} documents, {rep.gold_facts} gold facts, {rep.predictions} predictions"
             + "".join(f"; {lv.left_out} gold facts left out at {lv.name} level (no country, or a type it "
                       f"cannot express)" for lv in rep.levels if lv.left_out)
             for rep in reports]
    notes += [f"{rep.name}: {n}" for rep in reports for n in rep.notes]
    notes += [f"{rep.name}: gold event type found in {rep.types_found[0]} of {rep.types_found[1]} events "
              f"({rep.types_found[0] / rep.types_found[1]:.0%})" for rep in reports if rep.types_found]
    return out + "\n\n" + "\n".join(notes)


# ------------------------------------------------------------------ floors

METRICS = ("precision", "recall", "f1")


def read_floors(path: str | Path = FLOORS_FILE) -> dict:
    """The regression floors: ``{set: {level: {precision, recall, f1}}}``; empty when there is no file."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the floors ({exc})") from None
    return {k: v for k, v in data.items() if not k.startswith("_")}


def figures(report: Report) -> dict[str, dict[str, float]]:
    return {lv.name: {m: getattr(lv.overall, m) for m in METRICS} for lv in report.levels}


def below_floors(report: Report, floors: dict) -> list[str]:
    """Every overall figure of a report that is below its floor, as readable lines."""
    out = []
    have = figures(report)
    for level, metrics in floors.get(report.name, {}).items():
        for m, floor in metrics.items():
            value = have.get(level, {}).get(m)
            if value is None:
                out.append(f"{report.name}/{level}: no such level in the report (floor {m} {floor})")
            elif value < floor:
                out.append(f"{report.name}/{level} {m} {value:.4f} is below its floor {floor:.4f}")
    return out


def floor_of(value: float) -> float:
    """A floor a little below a figure: 0.02 less, or a tenth less when the figure is small."""
    return max(0.0, math.floor((value - min(0.02, value / 10)) * 1000) / 1000)


def update_floors(reports: Sequence[Report], floors: dict) -> tuple[dict, list[str]]:
    """The floors set a little below each current figure (see :func:`floor_of`).

    Returns the new floors and a line per change; a floor that goes down says so, since
    lowering one accepts a regression (the file's diff shows it in review).
    """
    new = json.loads(json.dumps(floors))
    changes = []
    for rep in reports:
        for level, metrics in figures(rep).items():
            for m, value in metrics.items():
                floor = floor_of(value)
                old = new.get(rep.name, {}).get(level, {}).get(m)
                if old != floor:
                    new.setdefault(rep.name, {}).setdefault(level, {})[m] = floor
                    how = "LOWERED" if old is not None and floor < old else "raised" if old is not None else "set"
                    changes.append(f"{rep.name}/{level} {m}: {old if old is not None else '-'} -> {floor} ({how})")
    return new, changes


def write_floors(floors: dict, path: str | Path = FLOORS_FILE) -> None:
    from .files import atomic_write_text

    data = {"_comment": "Regression floors for kg eval (overall precision/recall/F1 per set and level). "
                        "Update with: kg eval all --update-floors (see eval/README.md)"}
    data.update({k: floors[k] for k in sorted(floors)})
    atomic_write_text(path, json.dumps(data, indent=1, sort_keys=False) + "\n")
