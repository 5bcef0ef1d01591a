"""When a predicted fact is the gold fact: names, entities, countries, direction.

Both sides are reduced to :class:`Fact` (a predicted relation record by
:func:`fact_from_relation`, gold by the readers in :mod:`kg.evaluate.formats`) and compared
under these rules.

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
five relations for CoNLL04 (see :data:`kg.evaluate.formats.conll04.CONLL04_TYPES`).
Predictions whose type a set does not annotate (a ``meetsWith`` in CoNLL04) are left out
of that set's score.

*Entities.* A gold fact names each side by one or more alternatives; a predicted entity
matches an alternative when both carry a Wikidata QID and the QIDs are equal, or (when
either lacks one) when a normalised name of one equals a normalised name of the other
(label or alias; case, accents, punctuation, possessive ``'s`` and a leading "the"
folded away: see :func:`norm_name`). Two different QIDs never match. Gold taken from a
text span (GSR actor text, CoNLL04 entity spans) also matches when one name's words
are a contiguous run of the other's ("Lincoln" in "President Lincoln"), except that a
gold span naming only the country of a predicted sector entity ("Iraq" in "Iraq rebels")
does not match it. A predicted organ of a state (a sector entity of
:data:`kg.model.STATE_SECTORS`: "Israel military", "Iraq police") also matches a gold
``Country`` entity of its own country code, because kg's gold codes an actor named by a
state role to its state ("Israeli troops" → Israel; see docs/evaluation.md): the
prediction names the same actor more finely. Sections of society (opposition, rebels,
civilians, media) get no such credit: a state is not its rebels.

*Countries.* At country level each side becomes its country code: an entity's
``country`` (ISO 3166 alpha-3), except that an international organisation is ``IGO``
(its seat is not its country), and so is a person without a country whom the same
document's facts make the leader or an official of one ("NATO Secretary-General Jens
Stoltenberg": the gold sets code such officials IGO; see
:func:`kg.evaluate.running.evaluate`). Facts with a side that has no country are left out
of the country level on both sides. Duplicate facts collapse to one per document.

*Direction.* A fact is matched subject-to-subject and object-to-object, or either way
round when the gold fact is symmetric: by default the predicates in
:data:`SYMMETRIC_PREDICATES`, or whatever the gold record says with ``"symmetric"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import MODALITIES, STATE_SECTORS

if TYPE_CHECKING:
    from ..model import Entity, Relation

__all__ = ["MODALITIES", "PLOVER_TYPES", "STATIC_PREDICATES", "SYMMETRIC_PREDICATES", "Fact", "Ref",
           "country_code", "entity_match", "fact_from_relation", "norm_name"]

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATIC_PREDICATES = ("leaderOf", "worksFor", "memberOf", "citizenOf", "livesIn", "locatedIn", "basedIn",
                     "capitalOf", "allyOf", "tradesWith")
SYMMETRIC_PREDICATES = frozenset({"meetsWith", "holdsTalksWith", "cooperatesWith", "signsAgreementWith",
                                  "allyOf", "tradesWith"})


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
    kind: str | None = None  # a predicted entity's type (kg.model.ENTITY_TYPES)

    @classmethod
    def of(cls, label: str, aliases: Iterable[str] = (), wikidata: str | None = None,
           country: str | None = None, loose: bool = False, key: str = "", *, state: bool = False,
           sector: str | None = None, kind: str | None = None) -> Ref:
        names = frozenset(n for n in (norm_name(x) for x in (label, *aliases)) if n)
        return cls(names, wikidata or None, country or None, loose, key or label, label, state, sector or None,
                   kind or None)


def _contiguous(short: Sequence[str], long: Sequence[str]) -> bool:
    n = len(short)
    return 0 < n <= len(long) and any(list(long[i:i + n]) == list(short) for i in range(len(long) - n + 1))


def entity_match(gold: Ref, pred: Ref) -> bool:
    """Does a predicted entity match a gold alternative? (QID, else name; see the module doc.)

    >>> entity_match(Ref.of("Xi Jinping", ["Xi"]), Ref.of("XI"))
    True
    >>> entity_match(Ref.of("Xi Jinping", wikidata="Q15031"), Ref.of("Xi Jinping", wikidata="Q1"))
    False
    >>> entity_match(Ref.of("President Lincoln", loose=True), Ref.of("Lincoln"))
    True
    """
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
                      sector=e.sector, kind=e.type)

    return Fact(doc=rel.doc, subject=(ref(rel.subject, rel.subject_mention),),
                object=(ref(rel.object, rel.object_mention),),
                predicates=(rel.predicate,), plovers=(rel.plover,) if rel.plover else (),
                cameo=rel.cameo, symmetric=rel.predicate in SYMMETRIC_PREDICATES,
                negated=rel.negated, modality=rel.modality)
