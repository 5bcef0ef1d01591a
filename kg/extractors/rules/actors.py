"""Actors: whom a token stands for, as the actor or the recipient of an event.

A name stands for its mention ("thousands of Kenyans": the country's people, "Kurds in
Turkey": that state's civilians, "the Russian president, Vladimir Putin": the one named
beside it); a pronoun for its antecedent when that is clear (:mod:`.coref`). A common noun
is put as a :class:`Noun` to the readings of :mod:`.noun_readings`, tried in order; the
first that has an answer gives it. Each answer carries a confidence factor that falls with
the weight of inference. The words are in ``kg/data/rules/actors.tsv`` and ``roles.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...lexicon import EventType
from ...model import Mention, is_country_code
from . import coref
from .aliases import short_name
from .context import COLLECTIVE, OWNERS, Reading
from .definites import named_body, titled
from .deps import MODIFIER, conjuncts
from .geography import place
from .noun_readings import READINGS
from .sectors import is_role_noun
from .words import W


def actors_of(ctx, tok, *, role: str = "actor", et: EventType | None = None,
              home: str | None = None) -> list[Reading]:
    """The mentions a head token stands for, over coordination, with a confidence factor.

    ``role`` is "actor" or "recipient"; ``et`` the event they take part in; ``home`` the
    country of the police acting, whose people a recipient may be."""
    out: list[Reading] = []
    for t in conjuncts(tok):
        if t.i != tok.i and any(c.dep_ == "neg" for c in t.children):
            continue  # "he and not his brother shoots Lincoln"
        out += actor_of(ctx, t, role, et, home)
    seen: set[int] = set()
    uniq = []
    for m, f in out:
        if id(m) not in seen:
            seen.add(id(m))
            uniq.append((m, f))
    return uniq


@dataclass(frozen=True, slots=True)
class Noun:
    """A common noun being read, and the question asked of it."""

    tok: Any
    lemma: str
    role: str
    et: EventType | None
    home: str | None
    agentive: bool  # a role noun ("police", "troops")
    mods: list  # its modifiers (amod, compound, poss, nmod)
    owner_ok: bool  # may the owner of the noun be the event's recipient?

    def actors(self, ctx, tok) -> list[Reading]:
        """Read another token, with its conjuncts, with the same question."""
        return actors_of(ctx, tok, role=self.role, et=self.et, home=self.home)

    def actor(self, ctx, tok) -> list[Reading]:
        """Read another token alone with the same question."""
        return actor_of(ctx, tok, self.role, self.et, self.home)

    # A reading asking another question reaches this module's functions through the noun:
    # this module imports the readings (:mod:`.noun_readings`), which so cannot import it.
    def actors_of(self, ctx, tok, *, role: str = "actor", et: EventType | None = None,
                  home: str | None = None) -> list[Reading]:
        """:func:`actors_of`, for a reading."""
        return actors_of(ctx, tok, role=role, et=et, home=home)

    def actor_of(self, ctx, tok, role: str, et: EventType | None, home: str | None = None) -> list[Reading]:
        """:func:`actor_of`, for a reading."""
        return actor_of(ctx, tok, role, et, home)

    def pronoun(self, ctx, tok) -> list[Reading]:
        """:func:`pronoun`, for a reading."""
        return pronoun(ctx, tok)


def actor_of(ctx, tok, role: str, et: EventType | None, home: str | None = None) -> list[Reading]:
    """Whom one token (no coordination) stands for."""
    ms = ctx.ms
    if tok.i in ms:
        m = ms[tok.i]
        if m.type == "Topic" and role == "actor":
            return []
        named = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms and ms[c.i].type == "Person"]
        if named and m.type == "Group" and not m.country:
            return [(named[0], 0.95)]  # "a Republican, Mark Amodei, voiced support": the one named
        living = _living_in(ctx, tok, m)
        if living is not None:
            return [(living, 0.9)]
        if _people(tok, m):
            # "thousands of Kenyans protested", "killed two Iraqis": the country's people, not
            # its state (but "the Israelis agreed" speaks of the state); "Bosnian Serbs",
            # "Croatian Serbs": a people of the state named before it, where they live
            home = _people_of(ctx, tok, m)
            start = home.start if home is not None else m.start
            text = tok.doc.text[start:m.end]
            return [(Mention(text, start, m.end, "Group", country=(home or m).country, key=text, sector="CVL"), 1.0)]
        return [(m, 1.0)]
    if tok.pos_ == "PRON":
        return pronoun(ctx, tok)
    if tok.pos_ == "NUM":
        # "One of these groups, the SDF, opposed ...": the one named beside the number
        return [(ms[c.i], 0.9) for c in tok.children if c.dep_ == "appos" and c.i in ms
                and ms[c.i].type in (*OWNERS, "Person")]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    named = _named_beside(ctx, tok) or _examples(ctx, tok) or named_body(ctx, tok) or short_name(ctx, tok) \
        or titled(ctx, tok, actor_of)
    if named:
        return named
    lemma = tok.lemma_.lower()
    owner_ok = role == "recipient" and et is not None and et.plover in W.owner_recipient and lemma not in W.tie_nouns
    # ("an anti-Syria journalist", "pro-Iran militias": whom they are for or against, not whose)
    mods = [c for c in tok.children if c.dep_ in MODIFIER and not (
        c.i >= 2 and tok.doc[c.i - 1].text == "-" and tok.doc[c.i - 2].lower_ in W.stance_prefixes)]
    n = Noun(tok, lemma, role, et, home, is_role_noun(ctx, tok), mods, owner_ok)
    for reading in READINGS:
        found = reading(ctx, n)
        if found is not None:
            return found
    return []


def _named_beside(ctx, tok) -> list[Reading]:
    """The person a role or person noun is put beside: "the Russian president, Vladimir
    Putin", "his son, Stephen", "Voss, the man convicted of ..."; the country or body a
    role, tie or body noun is put beside: "Syria's ally, Iran"."""
    ms = ctx.ms
    named = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms and ms[c.i].type == "Person"]
    if named and is_role_noun(ctx, tok):
        return [(named[0], 0.95)]
    # ("Kent's chief constable John Smith wrote ...": a noun put right before a name, with no
    # comma between, is the name's title, whatever the title)
    titled = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms and ms[c.i].type == "Person"
              and c.left_edge.i == tok.i + 1 and tok.tag_ == "NN"]
    if titled:
        return [(titled[0], 0.9)]
    bodies = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms
              and ms[c.i].type in COLLECTIVE and ms[c.i].type not in ("City", "Location")]
    if bodies and tok.i not in ms and (tok.lemma_.lower() in W.tie_nouns or tok.lemma_.lower() in W.body_nouns
                                       or is_role_noun(ctx, tok)):
        # "Syria's ally, Iran, condemned ...", "the main opposition party, the PDP, accused
        # ...": the country or body named beside it (a place beside a noun is where it is)
        return [(bodies[0], 0.9)]
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.person_nouns:
        return []
    if not named and tok.dep_ == "appos" and tok.head.i in ms and ms[tok.head.i].type == "Person":
        named = [ms[tok.head.i]]
    return [(named[0], 0.9)] if named else []


def _examples(ctx, tok) -> list[Reading]:
    """"allies such as Germany", "countries like China and Russia", "states including Iran":
    a plural noun stands for the states or bodies it is exemplified by (read with their
    conjuncts), when they are named."""
    if tok.tag_ != "NNS":
        return []
    ms = ctx.ms
    found: list[Reading] = []
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ in W.example_preps or c.lower_ == "as" and any(
                a.lower_ == "such" for a in c.children)):
            found += [(ms[t.i], 0.85) for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)
                      if t.i in ms and ms[t.i].type in OWNERS]
    return found


def _living_in(ctx, tok, m: Mention) -> Mention | None:
    """"the Albanians of southern Serbia", "Kurds in Turkey": a people of another state,
    coded as that state's civilians (as the GSR codes them). "Mexicans in the United States"
    stay Mexicans: a people with a state of its own belongs elsewhere only by "of"."""
    stateless = m.type == "Group" and not m.country
    if not (tok.tag_ in ("NNPS", "NNS") and tok.dep_ not in MODIFIER
            and (m.type == "Country" and m.text.lower() != (m.key or "").lower() or stateless)):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and stateless):
            for p in c.children:
                where = place(p, ctx.ms) if p.dep_ == "pobj" else None
                if where is not None and is_country_code(where.country) and where.country != m.country:
                    end = where.end
                    return Mention(tok.doc.text[m.start:end], m.start, end, "Group", country=where.country,
                                   key=tok.doc.text[m.start:end], sector="CVL")
    return None


def _people_of(ctx, tok, m: Mention) -> Mention | None:
    """The state before a people's name that they live in ("Bosnian Serbs": Bosnia), unless
    the people is one that names its citizens by their origin ("Chinese Americans")."""
    if tok.lower_ in W.origin_peoples:
        return None
    homes = [ctx.ms[c.i] for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.i in ctx.ms
             and ctx.ms[c.i].type == "Country" and is_country_code(ctx.ms[c.i].country)
             and ctx.ms[c.i].country != m.country]
    return homes[0] if len(homes) == 1 else None


def _people(tok, m: Mention) -> bool:
    """Is the token a plural demonym standing for a country's people ("Kenyans", "Iraqis"), or
    a demonym counted ("thousands of Sudanese", which is tagged singular)?"""
    counted = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in W.quantity_nouns
    return m.type == "Country" and m.country is not None and (tok.tag_ in ("NNPS", "NNS") or counted) \
        and tok.dep_ not in MODIFIER and " " not in m.text and m.text.lower() != (m.key or "").lower() \
        and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def pronoun(ctx, tok) -> list[Reading]:
    """Whom a pronoun stands for (:func:`.coref.pronoun`, reading nouns as :func:`actor_of` does)."""
    return coref.pronoun(ctx, tok, actor_of)
