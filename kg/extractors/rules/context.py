"""What every rule may read: the per-document context, and the kinds of actor rules ask for.

A :class:`Context` is built once per document, after its mentions and titles are found,
and narrowed to each sentence with :meth:`Context.at`. Rules read it and return what they
found; none of them keeps state between calls. The one thing rules may change is the
mention table, and only through :func:`kg.extractors.rules.mentions.retype`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...model import Mention, is_country_code
from .words import W

if TYPE_CHECKING:
    from ...lexicon import Lexicon
    from ...resolve import Linker

# Kinds of mention (ontology classes) that rules ask for.
COLLECTIVE = ("Country", "Organization", "InternationalOrganization", "Group", "City", "Location")
STATES = ("Country", "City", "Location")
OWNERS = ("Country", "Organization", "InternationalOrganization", "Group")  # not "the Europe Bridge"
ACTOR_TYPES = ("Person", *COLLECTIVE)
BODIES = ("Organization", "InternationalOrganization")

# How many sentences before its own an act noun may stand for an act of ("the decision").
EARLIER = 2

# A (mention, confidence factor) reading of a token, as the role rules return them.
Reading = tuple[Mention, float]


@dataclass(frozen=True, slots=True)
class Context:
    """One document as the rules see it.

    ``ms`` maps a token index to the mention that covers it (every token of a name maps to
    the same object); ``titles`` maps the head token of a person to the titles found beside
    it, as (relation, organisation mention or None, title token); ``reported`` holds the
    first token of every sentence that a phrase such as "according to" makes reported;
    ``earlier``, the sentences read just before ``sent``, is the document's one memory
    from sentence to sentence, handed on by the reader (:func:`kg.extractors.rules.read`).
    """

    document: Any  # kg.model.Document
    ms: dict[int, Mention]
    lex: Lexicon
    linker: Linker
    reported: frozenset[int] = frozenset()
    titles: dict[int, list] = field(default_factory=dict)
    sent: Any = None  # the sentence (a spaCy Span) being read
    trace: Any = None  # a .trace.Trace when tracing where events are lost, else None
    country: str | None = None  # the document's own country, if it has one (home_country)
    # the sentences just before ``sent`` (at most EARLIER, nearest last): where an act named
    # by a bare noun ("criticised the decision") was told (:mod:`.antecedents`)
    earlier: tuple = ()

    def at(self, sent, earlier: tuple = ()) -> Context:
        """The same context, reading one sentence (after the ``earlier`` ones)."""
        # (as dataclasses.replace, which costs three times as much: this runs for every sentence)
        new = object.__new__(Context)
        for f in _FIELDS:
            _set(new, f, getattr(self, f))
        _set(new, "sent", sent)
        _set(new, "earlier", earlier)
        return new


_FIELDS = tuple(f.name for f in dataclasses.fields(Context))
_set = object.__setattr__


def home_country(ms: dict[int, Mention]) -> str | None:
    """The country a document is about, when one clearly dominates: the country of most of
    the names it gives a country (places, peoples, people and bodies kg knows; each name
    once), at least three of them and at least twice as many as any other, and the country
    of the first place it names (where a story's lead puts it). A story of a fire in Perth
    says "police" and "authorities" without saying whose; this is whose they are. A story
    between two countries has none, nor one whose lead is elsewhere (a theft in England of
    an artwork called "America"). A territory's sovereign is no rival to it (``territory_of``):
    a story of protests in Hong Kong names China often, and its police are Hong Kong's."""

    counts: dict[str, int] = {}
    first = None
    for i in sorted(ms):
        m = ms[i]
        if first is None and m.type in STATES and is_country_code(m.country):
            first = m.country
    for m in {id(m): m for m in ms.values()}.values():
        if is_country_code(m.country):
            counts[m.country] = counts.get(m.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and first in W.territory_of and counts[first] >= ranked[0][1] / 2:
        sovereigns = set(W.territory_of[first])
        ranked = [(first, counts[first])] + [kv for kv in ranked if kv[0] != first and kv[0] not in sovereigns]
    if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0] if ranked[0][0] == first else None


def same(a: Mention, b: Mention) -> bool:
    """Do two mentions name the same actor (the same object, or the same key)?"""
    return a is b or (a.key or a.text).lower() == (b.key or b.text).lower()


def name(m: Mention) -> str:
    return (m.key or m.text).lower()


def local_towns(parsed, ms: dict[int, Mention], home: str | None, linker) -> None:
    """A town the story calls a town ("the town of Madrid", "the towns hit were A, B and
    Madrid") is in the story's own country when the gazetteer's city of that name lies in a
    country the story never names: a story of an earthquake in the Philippines names the
    Philippine Madrid, not Spain's. The mention takes the story's country, and resolution then
    does not link it to the gazetteer's city (kg/resolve.py). A city named without such a
    noun ("talks in Geneva" in a story of two other states) keeps its link. Only a namesake of
    a capital: a town of the gazetteer that is no capital, called a town in a story of its
    neighbour ("Israeli soldiers raided the town of Hebron"), is that town itself."""
    if not home:
        return
    named = {}
    for m in {id(m): m for m in ms.values()}.values():
        if is_country_code(m.country):
            named.setdefault(m.country, set()).add(name(m))
    for i in sorted(ms):
        m = ms[i]
        if m.type != "City" or not is_country_code(m.country) or m.country == home \
                or named.get(m.country, set()) - {name(m)} or ms.get(i - 1) is m \
                or not linker.is_capital(m.country, m.key or m.text):
            continue
        sent = parsed[i].sent
        if not any(t.lower_ in W.small_town_nouns for t in parsed[max(sent.start, i - 10):i]):
            continue
        local = dataclasses.replace(m, country=home)
        for k, x in ms.items():
            if x is m:
                ms[k] = local
