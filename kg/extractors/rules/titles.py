"""Titles beside a person's name, and the organisation or country each title is of.

"Canadian Prime Minister Justin Trudeau", "Adil Abdul-Mahdi, the acting Prime Minister of
Iraq", "CNN reporter Jane Roe", "Ada Stern, who is president of Acme": each gives a
(relation, organisation, title token) triple for the person. Which titles exist and what
relation each implies (leaderOf, worksFor, citizenOf) is kg's title table
(``kg/data/titles.tsv``, asked through the linker); the words that void or qualify a title
are in ``kg/data/rules/statics.tsv`` and ``mentions.tsv``. Runs once per document, before
the sentences are read: a title of a country gives the person that country, which every
later rule sees. The titles' words are found by :mod:`.title_words`, the relation each
makes by :mod:`.posts`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention
from .cabinet import cabinet_office
from .chambers import seats
from .context import BODIES, STATES
from .deps import is_head_of
from .mentions import retype
from .parties import party_member
from .posts import ELECTED, Title, job, office
from .title_words import apposition_org, appositions, designation, title_of, title_phrase, titles_before, with_of
from .words import W


def affiliations(parsed, ms: dict[int, Mention], linker, home: str | None = None) -> dict[int, list[Title]]:
    """Titles beside each person: token index of the person's head → [(relation, org, title token)].
    ``home``, the document's own country (context.home_country), is the country of a state's
    office named without one ("Prime Minister X").

    A person with a title of a country gets that country ("Russian President Boris
    Yeltsin" acts for Russia), and a name the NER took for an organisation that holds an
    office is a person's; the mentions in ``ms`` are updated in place.
    """
    out: dict[int, list[Title]] = {}
    seen: set[int] = set()
    for i in range(len(parsed)):
        m = ms.get(i)  # (a token is made only where a mention is)
        if m is None or m.type not in ("Person", "Organization") or id(m) in seen:
            continue
        tok = parsed[i]
        if not is_head_of(tok, m, ms):
            continue
        seen.add(id(m))
        if m.type == "Organization":
            found = _title_holder(tok, m, ms, linker)
            m = ms[tok.i]
        else:
            found = list(titles_of(tok, m, ms, linker, home))
        if not found:
            continue
        out[tok.i] = found
        if m.country is None:
            # An office or citizenship gives a person a country; living somewhere does not,
            # but a seat in a legislature does ("Ohio Senator X", "Labour MP X").
            country = next((t.org.country for t in found if t.org is not None and t.org.country
                            and (t.relation == "citizenOf" or t.relation in ("leaderOf", "worksFor")
                                 and t.org.type in ("Country", "Organization", "City", "Location")
                                 or "legislature" in t.scope and t.relation in ("livesIn", "memberOf"))), None)
            if country is not None:
                new = dataclasses.replace(m, country=country)
                for t in tok.doc[max(0, tok.i - 6):tok.i + 1]:
                    if ms.get(t.i) is m:
                        ms[t.i] = new
    return out


def _title_holder(tok, org: Mention, ms, linker) -> list[Title]:
    """"Ricardo Rosales, Puerto Rico's governor", "Harrington, a professor at Queens College",
    "Presidents Buhari of Nigeria and Talon of Benin": a name the NER took for an
    organisation (unknown to kg, written like a person's name) whose title says it is a
    person's. Its titles, with the mention retyped in ``ms``; none (and ``ms`` as it was)
    for any other name."""
    words = org.text.split()
    if org.country or linker.known(org.key or org.text) is not None or org.text.isupper() \
            or not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) \
            or words[-1].lower().strip(".") in W.org_heads | W.national_bodies:
        return []
    person = dataclasses.replace(org, type="Person")
    retype(tok, ms, person)
    found = list(titles_of(tok, person, ms, linker))
    if not any(_personal(t, tok, ms, linker) for t in found):
        retype(tok, ms, org)
        return []
    return found


def _personal(title: Title, head, ms, linker) -> bool:
    """Does a title say that its holder is a person: an office of a place, or a title only
    people hold, in apposition ("X, a professor at ...")? Some titles bodies hold too ("Acme,
    the owner of ...", "Acme, an adviser to the deal"), and a title with a person's name
    beside it is that person's ("speaking to AFP, the president of X, Ali Said, ...")."""
    if any(c.dep_ == "appos" and c.i in ms and ms[c.i].type == "Person" and ms[c.i] is not ms[head.i]
           and (c.head.i == title.token.i or c.i > title.token.i) for c in (*title.token.children, *head.children)):
        return False
    if title.scope and title.org is not None and title.org.type in STATES:
        return True
    noun = title.token.lemma_.lower()
    return title.token.i > head.i and title.token.dep_ in ("appos", "conj") and linker.is_title(noun) \
        and noun not in W.body_titles


def titles_of(head, person: Mention, ms, linker, home: str | None = None) -> Iterator[Title]:
    """The titles of one person, whose name's head token is ``head`` (``home``: the document's
    own country, for an office of a state named without one)."""
    # "Senator X", "House Speaker Y", "Z (D-CA)": the seats of a chamber the title alone names
    found = seats(head, person, list(_titles_of(head, person, ms, linker, home)), ms, linker, home)
    yield from found
    # "Republican Kevin McCarthy", "X, a Democrat": a party beside the name, with no title
    for org, tok in party_member(head, person, ms, linker, [t.org for t in found if t.org is not None]):
        yield Title("memberOf", org, tok)


def _titles_of(head, person: Mention, ms, linker, home: str | None) -> Iterator[Title]:
    doc = head.doc
    first = head.i
    while first > 0 and ms.get(first - 1) is person:
        first -= 1
    # (title phrase, title token, its organisation)
    found: list[tuple[str, object, Mention | None]] = titles_before(head, first, ms, linker)
    designated = designation(head, person, ms)
    if designated is not None:
        # "Sen. Jo Marsh, R-Utah": the state a legislator (or governor) is elected in
        letter, state = designated
        found = [(phrase, t, state if org is None and linker.title_scope(phrase) & ELECTED else org)
                 for phrase, t, org in found]
        if not any(org is state for _, _, org in found):
            found.append(("legislator", letter, state))
    under_unit: set[int] = set()
    for t in appositions(head, person, first, ms, linker):
        if any(c.dep_ == "advmod" and c.lower_ in W.former_title_adverbs for c in t.children):
            continue  # "X, previously the deputy chief minister of Goa": no longer
        org = apposition_org(t, person, ms)
        if org is not None and any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.i not in ms
                                   and p.pos_ == "NOUN" and p.lemma_.lower() not in W.unit_not_department
                                   and p.lemma_.lower() not in W.place_nouns  # "mayor of the city of X"
                                   and org.start > p.idx and not any(a.dep_ == "appos" and ms.get(a.i) is org
                                                                     for a in p.children)
                                   for c in t.children for p in c.children):
            under_unit.add(t.i)  # "head of research at X": a department's head does not lead X
        found.append((with_of(t, title_phrase(t, ms), linker), t, org))
    for phrase, t, org in found:
        relation, state_relation = title_of(phrase, linker)
        if relation is None and state_relation is not None and org is not None \
                and org.type in BODIES and phrase.split()[-1] not in W.not_employed:
            state_relation = None  # "a chemist at Brisk Labs": a profession at a body is a job there
        if relation is None and state_relation is None:
            yield from job(head, person, t, org, ms, linker)
            continue
        titles = list(office(doc, person, phrase, t, org, (relation, state_relation), t.i in under_unit, ms,
                             linker, home))
        yield from _cabinet(doc, person, phrase, t, org, titles, ms, linker, home)


def _cabinet(doc, person, phrase: str, t, org, titles: list[Title], ms, linker, home) -> Iterator[Title]:
    """A cabinet officer's titles: the country he works for, though no country is named
    ("Commerce Secretary X"), not the portfolio the NER took for a body ("British Home"
    Secretary X works for the United Kingdom): kg/data/cabinet.tsv, :mod:`.cabinet`."""
    cab = cabinet_office(doc, person, phrase, t, org, ms, linker, home)
    if cab is None:
        yield from titles
        return
    place, portfolio = cab
    titles = [x for x in titles if portfolio is None or x.org is not portfolio]
    yield from titles
    if place is None:
        return  # "Shadow Home Secretary X": no office of the government
    if not any(x.relation in ("worksFor", "leaderOf") for x in titles):
        yield Title("worksFor", place, t, linker.title_scope(phrase), home=portfolio is None)
