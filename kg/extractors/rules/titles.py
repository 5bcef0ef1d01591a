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
from .aliases import short_body
from .cabinet import cabinet_office
from .chambers import seats
from .context import BODIES, STATES
from .deps import is_head_of, list_lead, name_start, sentences_back
from .mentions import retype
from .parties import chamber_words
from .party_members import is_party_name, party_member, party_of
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
    _chamber_then_name(parsed, ms, linker)
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
            found += _shared_plural_titles(tok, m, found, out, ms, linker)
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


def _chamber_then_name(doc, ms: dict[int, Mention], linker) -> None:
    """"Speaker of the House Nancy Pelosi": the NER runs a chamber's bare name and the name
    after it into one organisation kg does not know; after "of the", a chamber's word
    (``chamber_names``) then two to four capitalised words that are no title are the chamber
    and a person (``ms`` is updated in place)."""
    chambers = chamber_words()
    for i, m in list(ms.items()):
        if i < 2 or m.type != "Organization" or ms.get(i - 1) is m or doc[i].lower_ not in chambers \
                or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ != "of" or linker.known(m.key or m.text) is not None:
            continue
        rest = [t for t in doc[i + 1:i + 6] if ms.get(t.i) is m]
        if not 2 <= len(rest) <= 4 or rest[-1].idx + len(rest[-1]) != m.end \
                or not all(t.is_alpha and t.is_title and not linker.is_title(t.text)
                           and t.lower_ not in W.org_heads | W.national_bodies | W.org_nouns for t in rest):
            continue  # "a member of the House Oversight Committee": a body's name
        ms[i] = Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), "Organization", key=doc[i].text)
        text = doc.text[rest[0].idx:m.end]
        actor = linker.known(text)
        person = Mention(text, rest[0].idx, m.end, "Person", country=actor.country if actor is not None else None)
        for t in rest:
            ms[t.i] = person


def _plural(tok, linker) -> bool:
    """Is a title's word plural ("Senators", "MPs"; the tagger often takes "Representatives"
    for a singular name)?"""
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s") and len(tok) > 3 \
        and linker.title_relations(tok.lower_) is None and linker.title_relations(tok.lower_[:-1]) is not None


def _shared_plural_titles(head, person: Mention, found: list[Title], out: dict[int, list[Title]], ms,
                          linker) -> list[Title]:
    """"Republican Senators A and B", "Conservative MPs A, B and C": a plural title before the
    first of a list of names is every name's, with the party or place before it (not a place
    after the first name: "Presidents A of Nigeria and B of Benin" is read as such)."""
    lead = list_lead(head, ms)
    if lead is head or lead.i not in out:
        return []
    start = ms[lead.i].start
    before = [t for t in out[lead.i] if t.token.idx < start and (t.org is None or t.org.start < start)]
    plurals = {t.token.lemma_.lower() for t in before if _plural(t.token, linker)}
    if not plurals:
        return []
    if any(c.dep_ == "appos" and c.i not in ms and c.pos_ == "NOUN" and c.lemma_.lower() not in plurals
           for c in head.children):
        return []  # "Senators A of X, B, the governor of Y, and C": a name given its own other office
    have = {(t.relation, (t.org.key or t.org.text) if t.org is not None else None) for t in found}
    return [t for t in before if (t.relation, (t.org.key or t.org.text) if t.org is not None else None) not in have]


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
    if not linker.is_title(noun) or noun in W.body_titles:
        return False
    if title.token.i > head.i:
        return title.token.dep_ in ("appos", "conj")
    # "Sea-Eye spokesperson Carlotta Weibl": a title only people hold, just before the name
    first = head
    while first.i > 0 and ms.get(first.i - 1) is ms[head.i]:
        first = head.doc[first.i - 1]
    return title.token.i == first.i - 1 and title.token.dep_ == "compound" and title.org is not None


def titles_of(head, person: Mention, ms, linker, home: str | None = None) -> Iterator[Title]:
    """The titles of one person, whose name's head token is ``head`` (``home``: the document's
    own country, for an office of a state named without one)."""
    found = list(_titles_of(head, person, ms, linker, home))
    # "Republican Kevin McCarthy", "X, a Democrat": a party beside the name, with no title
    found += [Title("memberOf", org, tok)
              for org, tok in party_member(head, person, ms, linker, [t.org for t in found if t.org is not None])]
    # "Senator X", "House Speaker Y", "Z (D-CA)": the seats of a chamber the title alone names,
    # in the country of the party too ("Senator X, a Democrat,")
    out = seats(head, person, found, ms, linker, home)
    # "Green Party Vice Chairman X", "the party's nominee, Y": who works for a party (an
    # officer, a candidate, a spokesperson) is its member too
    out += [t._replace(relation="memberOf") for t in out if t.relation == "worksFor" and t.org is not None
            and is_party_name(t.org, linker)
            and not any(o.relation == "memberOf" and o.org is t.org for o in out)]
    # "Senate candidate X", "Supreme Court nominee Y": standing for a body is no seat in it
    out = [t for t in out if not (t.relation == "memberOf" and t.token.lower_ in W.candidacy_titles
                                  and _state_body(t.org, linker))]
    yield from out
    # "Labour leader X", "X, leader of the Liberal Democrats": a party's leader is its member
    members = {t.org.key or t.org.text for t in out if t.relation == "memberOf" and t.org is not None}
    for t in out:
        if t.relation == "leaderOf" and t.org is not None and (t.org.key or t.org.text) not in members \
                and is_party_name(t.org, linker):
            members.add(t.org.key or t.org.text)
            yield t._replace(relation="memberOf")


def _state_body(org: Mention | None, linker) -> bool:
    """Is the organisation a chamber, a court or another body of a state ("Senate", "Supreme
    Court"; ``state_body_words``, ``state_body_names``), not a party?"""
    if org is None or is_party_name(org, linker) or party_of(org, linker) is not None:
        return False
    words = (org.key or org.text).lower().split()
    return " ".join(words) in W.state_body_names or words[-1] in W.state_body_names | W.state_body_words


def _titles_of(head, person: Mention, ms, linker, home: str | None) -> Iterator[Title]:
    doc = head.doc
    first = name_start(head, person, ms)  # "Labour MP (Member of Parliament) X": before the gloss
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
        org = _short_body(apposition_org(t, person, ms), ms, linker) or _the_body(t, ms, linker)
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


def _short_body(org: Mention | None, ms, linker) -> Mention | None:
    """"Mahan's director, X" after "Mahan Air": a one-word name the NER took for a person's
    that is the first word of an organisation the story names is that organisation, told short."""
    if org is None or org.type != "Person" or " " in org.text or not org.text[:1].isupper():
        return org
    return short_body(org.text, ms, linker) or org


def _the_body(t, ms, linker) -> Mention | None:
    """"Ann Roe, the head of the agency", "the party's chairman, Bo Lee": a title of a body
    named by its kind ("the agency", "the party's"; ``org_nouns``) is of the last body of that
    kind named before it, in its sentence or the three before (a party of parties.tsv or a name
    ending in "Party" for "the party", a name ending in the noun for any other)."""
    if t.dep_ == "attr":
        return None  # "X had been a leader of the party": not read past a copula
    noun = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj"), None) or next((c for c in t.children if c.dep_ == "poss"), None)
    if noun is None or noun.i in ms or noun.pos_ != "NOUN" \
            or not any(d.dep_ == "det" and d.lower_ == "the" for d in noun.children):
        return None
    kind = noun.lemma_.lower()
    start = sentences_back(noun, 3)
    if kind in W.place_kind_types:
        return _the_place(noun, kind, start, ms)
    if kind not in W.org_nouns:
        return None
    for i in range(noun.i - 1, start - 1, -1):
        m = ms.get(i)
        if m is None or m.type not in ("Organization", "Group"):
            continue
        if kind == "party" and (is_party_name(m, linker) or party_of(m, linker) is not None) \
                or (m.key or m.text).rsplit(" ", 1)[-1].lower() == kind:
            return m
    return None


def _the_place(noun, kind: str, start: int, ms) -> Mention | None:
    """"Maria Lopez, the country's health minister": the one place of the noun's kind
    (``place_kind_types``: a country for "country", a city for "city") named in the sentence
    before the title or the two before; none where two such places are named."""
    types = W.place_kind_types[kind]
    found = {(m.key or m.text): m for i in range(start, noun.i) if (m := ms.get(i)) is not None and m.type in types}
    return next(iter(found.values())) if len(found) == 1 else None


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
