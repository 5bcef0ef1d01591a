"""What a title makes its holder: the relation to the body or place it is of, and which place that is.

A known title relates its holder to the body or country it is of by kg's title table
(``kg/data/titles.tsv``): an office of a town or region leads the place, a state's office
named with no country may be the document's own country's, a staff or party title is a
party's or a person's (``kg/data/rules/offices.tsv``); any other noun before or beside a
name is a job at the body named with it. :mod:`.title_words` finds the titles,
:mod:`.titles` runs both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import NamedTuple

from ...model import Mention
from .context import BODIES, STATES, same
from .deps import MODIFIER, attached
from .geography import other_country, town_like
from .mentions import retype
from .party_members import party_of
from .title_words import HOLDERS
from .words import W

# Offices of a place within a country: they lead the place named with them.
LOCAL = frozenset({"region", "town"})
# Offices one is elected to in a state ("Gov. X, R-Texas", "Sen. X, D-Ohio").
ELECTED = frozenset({"region", "legislature"})


class Title(NamedTuple):
    """One title of a person: the relation it gives to the organisation or place it is of."""

    relation: str
    org: Mention | None  # None: the title names no body ("Foreign Secretary X", known to kg)
    token: object  # the title's word (a spaCy Token)
    scope: frozenset[str] = frozenset()  # what kind of place the office is of (titles.tsv)
    home: bool = False  # a state's office whose state is the document's own country, not named


def job(head, person, t, org, ms, linker) -> Iterator[Title]:
    """A noun that is no known title: "NFL placekicker Mark Moseley", "CNN reporter Jane Roe",
    "X, Acme's chief economist" hold a job at the organisation."""
    if org is not None and org.type in BODIES and t.pos_ in ("NOUN", "PROPN") and t.i not in ms \
            and t.lemma_.lower() not in W.not_jobs and t.i < head.i:
        yield Title("worksFor", org, t)
    elif org is not None and org.type in ("City", "Location") and t.pos_ == "NOUN" and t.i not in ms \
            and t.lemma_.lower() not in W.not_jobs | W.place_nouns | W.org_nouns | W.press_nouns \
            and t.lemma_.lower() not in W.personal_staff \
            and any(c.dep_ in ("poss", "compound", "nmod") and ms.get(c.i) is org
                    and (c.dep_ == "poss" or _known_place(org, linker)) for c in t.children):
        # "Pittsburgh's superintendent, Richard Wallace", "Tulsa plastic surgeon Ann Roe": one
        # works, so lives, in the town named with the job (before the noun, a town kg knows:
        # the NER's places there are often names of other things, "Marvel film X")
        yield Title("livesIn", org, t)
    elif t.i > head.i and t.pos_ == "NOUN" and t.lemma_.lower() not in W.not_jobs | W.place_nouns | W.not_employed:
        # "X, 58, was acting comptroller at the American University", "X, Acme's chief
        # economist": a job at a body
        at = attached(t, ms, ("poss",), ("at", "with", "for"), types=BODIES)
        if at is not None and not same(at, person):
            yield Title("worksFor", at, t)


def _known_place(m: Mention, linker) -> bool:
    known = linker.known(m.key or m.text)
    return known is not None and known.type in ("City", "Location")


def office(doc, person, phrase, t, org, relations, under_unit: bool, ms, linker,
           home: str | None = None) -> Iterator[Title]:
    """A known title: the relation it implies to the organisation or country it is of."""
    relation, state_relation = relations
    if org is None:
        org = attached(t, ms, MODIFIER, ("of", "for", "at", "from"), types=HOLDERS)
    if org is not None and org.type != "Person":
        after = next((x for x in doc[max(0, t.i - 8):t.i] if x.idx >= org.end), None)
        if after is not None and after.lower_ == "and":
            org = None  # "Police and Crime Commissioner X": a word of the title, not the employer
    special = _staff_or_party(person, phrase, t, org, relation, linker)
    if special is not None:
        yield from _special(special, person, t, ms)
        return
    org = _home_place(doc, org, t, relation, ms, linker) if org is not person else None
    if org is not None and (org is person or org.type == "Person"):
        org = None
    scope = linker.title_scope(phrase) or linker.title_scope(phrase.removesuffix("s"))  # "Presidents"
    org = _state_not_city(org, scope, linker)
    if org is not None:
        rel = relation_to(org, (relation, state_relation), scope, linker)
        if rel == "leaderOf" and under_unit:
            rel = "worksFor"
        if rel:
            yield Title(rel, org, t, scope)
    elif relation in ("leaderOf", "worksFor"):
        court = _the_court(phrase, t, ms)
        if court is not None:
            yield Title(relation, court, t, scope)
        else:
            yield from _unnamed_office(person, phrase, t, relation, scope, home, ms, linker)


def _the_court(phrase: str, t, ms) -> Mention | None:
    """"Chief Justice John Roberts" in a story that names one court (the US Supreme Court): a
    judge's title (``court_titles`` in offices.tsv) named with no court is of the one court the
    document names, if it names just one of the kind the title sits in ("Judge X" is no member of
    a supreme court)."""
    words = phrase.split()
    title = " ".join(words[-2:]) if " ".join(words[-2:]) in W.court_titles else words[-1]
    if title not in W.court_titles or not t.is_title:
        return None
    other = set(W.court_titles[title])  # words of the courts such a judge does not sit in
    courts = {(m.key or m.text): m for m in ms.values()
              if m.type in BODIES and "court" in (name := (m.key or m.text).lower().split()) and not other & set(name)}
    if not courts:
        return None
    # "the US Supreme Court ... the Supreme Court": a shorter name the longer one ends with is the same court
    longest = max(courts, key=len)
    return courts[longest] if all(longest.endswith(name) for name in courts) else None


def _unnamed_office(person, phrase: str, t, relation: str, scope, home, ms, linker) -> Iterator[Title]:
    """A title that names no body or country: "Foreign Secretary Dominic Raab"."""
    # the curated table knows whose office he holds (only for the relation his title implies)
    actor = linker.known(person.key or person.text)
    if actor is not None and actor.relation == relation and actor.country and not actor.derived:
        if linker.country(actor.country) is not None:
            yield Title(relation, None, t, scope)
    elif home is not None and (not scope or "state" in scope) and _home_office(person, actor, phrase, t, home, ms):
        # (a region's office, "Chief Minister X", is no office of the country: region_offices.home_region)
        # "Prime Minister Jane Roe" in a story about one country: that country's
        country = linker.country_mention(home, t.idx, t.idx + len(t.text))
        if country is not None:
            yield Title(relation, country, t, scope, home=True)


def _home_office(person, actor, phrase: str, t, home: str, ms) -> bool:
    """May a state's office named without a country be the document's own country's? Only
    an office of ``home_offices`` written capitalised before the name, of a person known to
    no other country, in a sentence that names no other country."""
    words = phrase.split()
    if " ".join(words[-2:]) not in W.home_offices and words[-1] not in W.home_offices:
        return False
    if not t.is_title or t.i > min((i for i in ms if ms[i] is person), default=-1) \
            or person.country not in (None, home) or actor is not None and actor.country not in (None, home):
        return False
    doc = t.doc
    start = t.i - len(words) + 1
    if start > 1 and doc[start - 1].text == "," and ms.get(start - 2) is not None and ms[start - 2].type in STATES:
        return False  # "the mayor of Esperanza, Sultan Kudarat": a place after a place, not a sultan
    others = [ms[i] for i in range(t.sent.start, t.sent.end) if i in ms and ms[i] is not person]
    if words[-1] in W.body_offices and any(m.type in BODIES and m.country != home for m in others):
        return False  # "the court is led by President X": a body's president (not "the French Parliament")
    return not other_country(t, home, ms, person)


def _special(special: Title, person, t, ms) -> Iterator[Title]:
    """A staff or party title; an aide at a body ("Rabin's spokesman at the Defense Ministry")
    works at the body too."""
    yield special
    if special.org.type == "Person":
        body = attached(t, ms, (), ("at", "in", "with"), types=BODIES)
        if body is not None and not same(body, person):
            yield Title("worksFor", body, t)


def _home_place(doc, org: Mention | None, t, relation: str | None, ms, linker) -> Mention | None:
    """"a Fargo native", "a resident of Kulm": what one is a native or resident of is a place,
    whatever the NER took the name for (it often takes a small town for an organisation or
    a person),
    unless kg knows the name or it ends like a body's ("Acme Corp.")."""
    if org is None or relation is not None or t.lemma_.lower() not in W.home_titles \
            or org.type not in ("Organization", "Person") or linker.known(org.key or org.text) is not None \
            or not town_like(org.text):
        return org
    home = dataclasses.replace(org, type="Location")
    at = next((t for t in doc if ms.get(t.i) is org), None)
    if at is not None:
        retype(at, ms, home)
    return home


def _state_not_city(org: Mention | None, scope: frozenset[str], linker) -> Mention | None:
    """"New York Gov. X", "Washington Sen. Y": an office of a state or a seat in a legislature
    named with a name both a city and a state bear is the state's."""
    if org is None or org.type != "City" or not scope & ELECTED or org.text.lower() not in W.city_or_state:
        return org
    state = linker.known(f"{org.text} State")
    if state is None or state.type != "Location":
        return org
    return dataclasses.replace(org, type="Location", country=state.country, key=state.label)


def _staff_or_party(person, phrase: str, t, org, relation, linker) -> Title | None:
    """"Merkel's spokesperson, Steffen Seibert" works for Merkel; "Republican President X",
    "Democratic chairman X", "Conservative MP X" belong to a party (they do not lead it), but
    "Labour leader X" leads a party that has one leader (parties.tsv)."""
    if org is None:
        return None
    if org.type == "Person" and org is not person and relation == "worksFor" \
            and (t.lemma_.lower() in W.personal_staff or phrase in W.personal_staff) and not same(org, person):
        return Title("worksFor", org, t)
    if org.type == "Group" and (org.key or org.text).lower() in W.party_words:
        return Title("memberOf", org, t)
    party = party_of(org, linker)
    if party is not None:
        heads = party.leader == "party" and relation == "leaderOf" and t.lemma_.lower() in W.party_heads \
            and phrase.split()[-1] == t.lower_ and len(phrase.split()) == 1
        return Title("leaderOf" if heads else "memberOf", org, t, linker.title_scope(phrase))
    return None


def relation_to(org: Mention, relations: tuple[str | None, str | None], scope: frozenset[str],
                linker) -> str | None:
    """The relation a title gives its holder to the organisation or place it is of.

    An office of a region or town leads the place it is named with ("Ohio Governor",
    "the mayor of Tulsa", "Puerto Rico's governor"); named with a demonym it says only
    whose citizen the holder is ("a Nigerian governor"). Other titles relate to a place as
    to a country (their country relation), and a citizen of a town lives there ("Atlanta
    businessman Neil Estes", "Ohio Senator X").
    """
    relation, state_relation = relations
    if scope & LOCAL and (org.type in ("City", "Location")
                          or org.type == "Country" and linker.demonym(org.text) is None):
        rel = relation
    else:
        rel = state_relation if org.type in STATES else relation
    if rel == "citizenOf" and org.type != "Country":
        rel = "livesIn"
    return rel
