"""Titles beside a person's name, and the organisation or country each title is of.

"Canadian Prime Minister Justin Trudeau", "Adil Abdul-Mahdi, the acting Prime Minister of
Iraq", "CNN reporter Jane Roe", "Ada Stern, who is president of Acme": each gives a
(relation, organisation, title token) triple for the person. Which titles exist and what
relation each implies (leaderOf, worksFor, citizenOf) is kg's title table
(``kg/data/titles.tsv``, asked through the linker); the words that void or qualify a title
are in ``kg/data/rules/statics.tsv`` and ``mentions.tsv``. Runs once per document, before
the sentences are read: a title of a country gives the person that country, which every
later rule sees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import NamedTuple

from ...model import Mention
from .context import BODIES, COLLECTIVE, STATES, same
from .deps import MODIFIER, SUBJ, attached, is_head_of, mention_start
from .geography import place, town_like
from .mentions import retype
from .parties import party_member, party_of
from .words import W

# What a title may be of: a body, a place or (for personal staff) a person; not a topic.
HOLDERS = (*COLLECTIVE, "Person")
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
    for tok in parsed:
        m = ms.get(tok.i)
        if m is None or m.type not in ("Person", "Organization") or id(m) in seen or not is_head_of(tok, m, ms):
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


def title_of(phrase: str, linker) -> tuple[str | None, str | None]:
    """(relation to an organisation, to a country) of the title a phrase ends with."""
    found = linker.title_relations(phrase)
    if found is None and phrase.endswith("s") and len(phrase) > 3:
        found = linker.title_relations(phrase[:-1])  # "Presidents Buhari of Nigeria and Talon of Benin"
    return found or (None, None)


def title_phrase(tok, ms=None) -> str:
    """"the acting Prime Minister of Iraq" → "acting prime minister": the words just before the
    title token back to the determiner or comma (read off the text, not the parse, which often
    splits "former vice-president" into separate appositions)."""
    doc = tok.doc
    words = [tok]
    i = tok.i - 1
    while i >= 0 and len(words) < 6 and (ms is None or i not in ms) and not doc[i].is_sent_end \
            and (doc[i].pos_ in ("ADJ", "NOUN", "PROPN") or doc[i].text == "-"):
        words.insert(0, doc[i])
        i -= 1
    return " ".join(w.lower_ for w in words).replace(" - ", "-")


def titles_of(head, person: Mention, ms, linker, home: str | None = None) -> Iterator[Title]:
    """The titles of one person, whose name's head token is ``head`` (``home``: the document's
    own country, for an office of a state named without one)."""
    found = list(_titles_of(head, person, ms, linker, home))
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
    found: list[tuple[str, object, Mention | None]] = _titles_before(head, first, ms, linker)
    designated = _designation(head, person, ms)
    if designated is not None:
        # "Sen. Jo Marsh, R-Utah": the state a legislator (or governor) is elected in
        letter, state = designated
        found = [(phrase, t, state if org is None and linker.title_scope(phrase) & ELECTED else org)
                 for phrase, t, org in found]
        if not any(org is state for _, _, org in found):
            found.append(("legislator", letter, state))
    under_unit: set[int] = set()
    for t in _appositions(head, person, first, ms, linker):
        if any(c.dep_ == "advmod" and c.lower_ in W.former_title_adverbs for c in t.children):
            continue  # "X, previously the deputy chief minister of Goa": no longer
        org = _apposition_org(t, person, ms)
        if org is not None and any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.i not in ms
                                   and p.pos_ == "NOUN" and p.lemma_.lower() not in W.unit_not_department
                                   and p.lemma_.lower() not in W.place_nouns  # "mayor of the city of X"
                                   and org.start > p.idx and not any(a.dep_ == "appos" and ms.get(a.i) is org
                                                                     for a in p.children)
                                   for c in t.children for p in c.children):
            under_unit.add(t.i)  # "head of research at X": a department's head does not lead X
        found.append((_with_of(t, title_phrase(t, ms), linker), t, org))
    for phrase, t, org in found:
        relation, state_relation = title_of(phrase, linker)
        if relation is None and state_relation is not None and org is not None \
                and org.type in BODIES and phrase.split()[-1] not in W.not_employed:
            state_relation = None  # "a chemist at Brisk Labs": a profession at a body is a job there
        if relation is None and state_relation is None:
            yield from _job(head, person, t, org, ms, linker)
            continue
        yield from _office(doc, person, phrase, t, org, (relation, state_relation), t.i in under_unit, ms, linker,
                           home)


# ---------------------------------------------------------------- titles before the name
def _title_words(head, first, ms, linker) -> tuple[list, int]:
    """The words just before a name that may be its title, and the index before them."""
    doc = head.doc
    words: list = []
    i = first - 1
    if i >= 2 and i in ms:
        # "US Ambassador to Germany Richard Grenell": the host country is no employer
        k = mention_start(i, ms[i], ms) - 1
        if k >= 1 and doc[k].lower_ == "to" and linker.is_title(doc[k - 1].text):
            i = k - 1
    while i >= 0 and len(words) < 7 and i not in ms and not doc[i].is_sent_end and (
            doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") and doc[i].text not in (",", "(", ")", '"', "``", "''")
            # "Secretary of State", "trade and industry commissioner"
            or words and i > 0 and doc[i].lower_ == "of" and linker.is_title(doc[i - 1].text)
            or words and i > 0 and doc[i].lower_ == "and" and doc[i - 1].pos_ == "NOUN"
            and words[0].pos_ == "NOUN"):
        words.insert(0, doc[i])
        i -= 1
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of is not None and not title_of(" ".join(w.lower_ for w in words), linker)[0]:
        words = words[:of]  # "Secretary of Transportation": the title is "Secretary"
    return words, i


def _titles_before(head, first, ms, linker) -> list:
    """"Canadian Prime Minister Justin Trudeau", "CNTP Secretary Luis Cobos"."""
    doc = head.doc
    merged = _title_ending_a_name(head, first, ms, linker)
    if merged:
        return merged
    words, i = _title_words(head, first, ms, linker)
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    if not words or title_of(phrase, linker) == (None, None):
        of_place = _title_of_place_before(head, first, ms, linker)
        if of_place or not words:
            return of_place or _plural_title(head, ms, linker)
    found = []
    if i >= 1 and doc[i].tag_ == "POS" and i - 1 in ms and title_of(phrase, linker) != (None, None):
        i -= 1  # "Northamptonshire's chief constable Nick Adderley": the body or place it is of
    org, words = _body_before(head, i, words, ms, linker)
    if org is None and len(words) > 1 and words[0].is_upper and words[0].is_alpha and len(words[0]) > 1 \
            and not linker.is_title(words[0].text) and linker.demonym(words[0].text) is None:
        # "CNTP Secretary Luis Cobos": an acronym the NER left untagged names the body
        org = Mention(words[0].text, words[0].idx, words[0].idx + len(words[0]), "Organization", key=words[0].text)
        words = words[1:]
        phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    of_org = attached(head, ms, (), ("of",), types=COLLECTIVE)
    if org is None:  # "King Hassan of Morocco"
        org = of_org
    elif of_org is not None and of_org.type in BODIES and org.type == "Country" \
            and linker.demonym(doc[i].text) is not None:
        org = of_org  # "Polish leader X of the Law and Justice Party" leads the party, not Poland
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of_org is not None and org is not of_org and len(words) > 1 and of is None \
            and linker.is_title(words[-1].lower_) \
            and title_of(" ".join(w.lower_ for w in words[:-1]), linker)[0]:
        # "AU chairperson President el-Sisi of Egypt": two titles, two organisations
        found.append((words[-1].lower_, words[-1], of_org))
        phrase, words = " ".join(w.lower_ for w in words[:-1]), words[:-1]
    if words:
        found.append((phrase, words[of - 1] if of else words[-1], org))
    return found


def _title_ending_a_name(head, first, ms, linker) -> list:
    """"FAA Administrator Jo Marsh": the NER ran the body and the title into one name; the
    title is the name's last word, the body the acronym before it ("Detective Inspector X"
    is one title)."""
    doc = head.doc
    j = first - 1
    org = ms.get(j)
    if org is None or org.type != "Organization" or doc[j].sent != head.sent \
            or linker.known(org.key or org.text) is not None:
        return []
    start = mention_start(j, org, ms)
    if j - start not in (1, 2) or not linker.is_title(doc[j].text) or linker.is_title(doc[start:j].text) \
            or title_of(doc[j].lower_, linker)[0] is None \
            or not all(t.is_upper and len(t.text) > 1 for t in doc[start:j]):
        return []
    body = doc[start:j]
    return [(doc[j].lower_, doc[j], Mention(body.text, body.start_char, body.end_char, "Organization", key=body.text))]


def _body_before(head, i: int, words: list, ms, linker) -> tuple[Mention | None, list]:
    """The body or place named just before a title (its last token is ``i``), if the title is
    of it, and the title's words (none when a word before the body voids it)."""
    doc = head.doc
    if not (i >= 0 and i in ms and doc[i].sent == head.sent and ms[i].type in COLLECTIVE):
        return None, words
    org = ms[i]
    start = mention_start(i, org, ms)
    if start > 0 and doc[start - 1].lower_ in W.voiding:
        return None, []  # "retired FBI agent": no longer works there
    if start > 0 and doc[start - 1].lower_ == "and":
        return None, words  # "Police and Crime Commissioner": part of the title
    if linker.is_title(f"{doc[start:i + 1].text} {words[0].text}"):
        return None, words  # "State Senator X": the NER's name is a word of the title
    return org, words


def _title_of_place_before(head, first, ms, linker) -> list:
    """"Mayor of Koszalin Piotr Jedlinski", "First Minister of Scotland Nicola Sturgeon": a title
    of a place or body just before the name."""
    doc = head.doc
    j = first - 1
    while j > first - 3 and j > 0 and j not in ms and doc[j].pos_ == "PROPN" and doc[j].is_title \
            and not doc[j].ent_type_ and not linker.is_title(doc[j].text):
        j -= 1  # "Mayor of London Sadiq Khan" with only "Khan" tagged
    org = ms.get(j)
    if org is None or org.type not in COLLECTIVE or doc[j].sent != head.sent:
        return []
    k = mention_start(j, org, ms) - 1
    k -= k > 0 and doc[k].lower_ == "the"
    if k < 1 or doc[k].lower_ != "of" or k - 1 in ms:
        return []
    words, _ = _title_words(head, k, ms, linker)
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    if not words or title_of(phrase, linker) == (None, None):
        return []
    return [(phrase, words[-1], org)]


def _plural_title(head, ms, linker) -> list:
    """"Presidents Buhari of Nigeria and Talon of Benin": the plural title covers both."""
    doc = head.doc
    if not (head.dep_ == "conj" and head.head.i in ms and ms[head.head.i].type == "Person"):
        return []
    lead = head.head
    j = lead.i
    while j > 0 and ms.get(j - 1) is ms[lead.i]:
        j -= 1
    if j > 0 and j - 1 not in ms and doc[j - 1].lower_.endswith("s") and title_of(doc[j - 1].lower_, linker)[0]:
        org = attached(head, ms, (), ("of",), types=COLLECTIVE)
        if org is not None:
            return [(doc[j - 1].lower_, doc[j - 1], org)]
    return []


def _designation(head, person, ms) -> tuple | None:
    """"Jo Marsh, R-Utah," "Tom Barr (D-Fla.)": a party's initial and a state after a name, as
    US news writes its legislators; (the initial's token, the state) or None."""
    doc = head.doc
    end = head.i + 1
    while ms.get(end) is person:
        end += 1
    if end + 3 < len(doc) and doc[end].text in (",", "(") and doc[end + 1].text in W.party_initials \
            and doc[end + 2].text == "-":
        state = ms.get(end + 3)
        if state is not None and state.type in ("Location", "City"):
            return doc[end + 1], state
    return None


# ---------------------------------------------------------------- titles after the name
def _appositions(head, person, first, ms, linker) -> list:
    """Title nouns beside the name: "Adil Abdul-Mahdi, the acting Prime Minister of Iraq"; "the
    minister, Wang Yi"; "Xi is the president of China"; "Ada Stern, who is president of Acme"."""
    doc = head.doc
    own = [t for t in doc[first:min(len(doc), head.i + 8)] if ms.get(t.i) is person]
    # every word of the name: the parser sometimes splits "Ada Stern" into two subjects
    appos = [c for t in own for c in t.children if c.dep_ == "appos" and c.i not in ms]
    # "Karadzic, leader of the Bosnian Serbs and vice-president of the Writers' Union"
    # ("vice-president" parsed as an apposition of "leader"; a list of titles after a past one
    # is past too: "X, former Foreign Secretary, mayor of London")
    appos += [cc for c in appos for cc in c.children if cc.i not in ms and cc.pos_ in ("NOUN", "PROPN")
              and (cc.dep_ == "conj" or cc.dep_ == "appos" and not _voided(c, ms, linker))]
    # "X, a professor of history and director of the Hoover Institution": the parser makes the
    # second title a conjunct of the first one's object
    appos += [cc for c in appos for prep in c.children if prep.dep_ == "prep"
              for p in prep.children if p.dep_ == "pobj" and p.i not in ms
              for cc in p.children if cc.dep_ == "conj" and cc.i not in ms and cc.pos_ == "NOUN"
              and title_of(cc.lower_, linker) != (None, None)]
    if head.dep_ == "appos" and head.head.i not in ms and head.head.pos_ in ("NOUN", "PROPN") \
            and not (head.head.dep_ == "appos" and ms.get(head.head.head.i) is not None
                     and ms[head.head.head.i].type == "Person"):
        appos.append(head.head)  # "the minister, Wang Yi" (but "X, the mayor of Y, Z" is X's title)
    elif head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.lower_ in ("of", "for") \
            and head.head.head.head.i not in ms and head.head.head.head.pos_ == "NOUN" \
            and title_of(head.head.head.head.lower_, linker) != (None, None) \
            and not (head.head.head.head.dep_ == "appos" and ms.get(head.head.head.head.head.i) is not None
                     and ms[head.head.head.head.head.i].type == "Person"):
        # "the mayor of Paris, Anne Hidalgo", parsed with the name beside "Paris"
        appos.append(head.head.head.head)
    elif head.dep_ == "appos" and head.head.i in ms and ms[head.head.i].type != "Person":
        # "speaking to AFP, the president of X, Ali Said": the title between two names in
        # apposition is the later name's (after a person's name it is that person's)
        appos += [c for c in head.head.children if c.dep_ == "appos" and c.i not in ms and c.pos_ == "NOUN"
                  and c.i < head.i and title_of(c.lower_, linker) != (None, None)
                  and not any(ms.get(k) is not None and ms[k].type == "Person" for k in range(c.i, first))]
    if first >= 4 and doc[first - 1].text == "," and first - 2 in ms and ms[first - 2].type in BODIES:
        # "the deputy secretary of the Foreign Ministry, John Miller" parsed without the apposition
        k = mention_start(first - 2, ms[first - 2], ms) - 1
        k -= doc[k].lower_ == "the"
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].pos_ == "NOUN" and k - 1 not in ms \
                and title_of(doc[k - 1].lower_, linker)[0] is not None and doc[k - 1] not in appos:
            appos.append(doc[k - 1])
    if head.dep_ in ("nmod", "compound") and head.head.i not in ms and head.head.pos_ == "NOUN" \
            and head.head.i > head.i and any(doc[k].text == "," for k in range(head.i + 1, head.head.i)):
        appos.append(head.head)  # "Ada Stern, spokeswoman for X" parsed with the name modifying the job
    # "Xi is the president of China", "Dole's wife, Elizabeth, is a native of Salisbury"
    subject = head if head.dep_ in SUBJ else head.head if head.dep_ == "appos" and head.head.dep_ in SUBJ \
        and head.head.i not in ms else None
    if subject is not None:
        appos += [c for c in subject.head.children if c.dep_ == "attr" and c.i not in ms
                  and subject.head.lemma_ == "be"]
    # "Ada Stern, who is president of Acme"
    appos += [a for t in own for r in t.children if r.dep_ == "relcl" and r.lemma_ == "be"
              and r.tag_ in ("VBZ", "VBP")  # "who was Trump's envoy until December": no longer
              and any(s.dep_ in SUBJ and s.lower_ in W.relative for s in r.children)
              for a in r.children if a.dep_ == "attr" and a.i not in ms]
    return appos


def _with_of(t, phrase: str, linker) -> str:
    """"chief of staff", "secretary of state" after a name: the title goes on past "of"."""
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and linker.is_title(f"{t.lower_} of {doc[t.i + 2].lower_}"):
        return f"{phrase} of {doc[t.i + 2].lower_}"
    return phrase


def _voided(t, ms, linker) -> bool:
    """Is a title noun voided by a word before it ("former Foreign Secretary")?"""
    return title_of(t.lower_, linker) != (None, None) and title_of(title_phrase(t, ms), linker) == (None, None)


def _apposition_org(t, person, ms) -> Mention | None:
    """The body a title noun after the name is of: "spokeswoman for the Sierra Club"."""
    org = attached(t, ms, MODIFIER, ("of", "for", "at"), types=HOLDERS)
    if org is None and t.dep_ == "conj" and not any(c.dep_ == "prep" for c in t.children):
        # "X, a jeweler and president of Acme": the parse hangs "of Acme" on the first title
        org = next((ms[p.i] for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")
                    and c.i > t.i for p in c.children if p.dep_ == "pobj" and p.i in ms
                    and ms[p.i].type in HOLDERS and ms[p.i] is not person), None)
    if org is None and not _unit_owner(t, ms, COLLECTIVE):
        # "an official in the ministry", "a lawyer from Acme" (but "commander of US forces in
        # Vietnam" commands the forces, not Vietnam: see below)
        org = attached(t, ms, (), ("from", "in"), types=HOLDERS)
    if org is not None and org.type in ("Group", "Country", "Organization") \
            and any(c.dep_ == "amod" and ms.get(c.i) is org for c in t.children):
        # "the Democratic chairman of the committee": the body it is of, not the adjective
        org = attached(t, ms, (), ("of",), types=COLLECTIVE) or org
    if org is person:  # the name itself modifies the job noun: look behind a preposition
        org = attached(t, ms, ("poss",), ("of", "for", "at", "from", "in"), types=HOLDERS)
    if org is None and t.lemma_.lower() in W.personal_staff:
        org = attached(t, ms, (), ("to",), types=HOLDERS)  # "an aide to Senator Bob Kerrey"
    if org is None:
        # "leader of the main opposition party, the Civic Forum": the body named in apposition
        # to the kind of body the title is of
        org = next((ms[a.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    and p.lemma_.lower() in W.org_nouns | W.membership_bodies
                    for a in p.children if a.dep_ == "appos" and a.i in ms and ms[a.i].type in BODIES), None)
    if org is None:
        # "mayor of the Polish city of Gdansk": the place a place noun names
        org = next((where for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms
                    for where in [place(p, ms)] if where is not None), None)
    if org is None:
        # "an engineer with the USDA's research service": the body that owns the unit named
        org = _unit_owner(t, ms, BODIES)
    if org is None:
        # "vice president of marketing for Acme", "head of research at the institute": the
        # body behind the department
        org = next((ms[q.i] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    and (_bare(p) or p.lemma_.lower() in W.board_nouns)  # not "of the Barton camp at X"
                    for d in p.children if d.dep_ == "prep" and (d.lower_ in ("for", "at", "with") or
                                                                 d.lower_ == "of" and p.lemma_.lower() in
                                                                 W.board_of_nouns)
                    for q in d.children if q.dep_ == "pobj" and q.i in ms
                    and ms[q.i].type in BODIES), None)
    return org


def _unit_owner(t, ms, types) -> Mention | None:
    """"an engineer with the USDA's research service", "commander of U.S. forces": the body
    that owns the unit a title is of."""
    return next((ms[g.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with")
                 for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                 for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                 and ms[g.i].type in types), None)


def _bare(noun) -> bool:
    """A department named by a bare noun ("of marketing", "of daytime programs"), not a place
    or a thing ("of the Clara Barton camp")."""
    return not any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


# ---------------------------------------------------------------- what a title makes the person
def _job(head, person, t, org, ms, linker) -> Iterator[Title]:
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


def _office(doc, person, phrase, t, org, relations, under_unit: bool, ms, linker,
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
        yield from _unnamed_office(person, phrase, t, relation, scope, home, ms, linker)


def _unnamed_office(person, phrase: str, t, relation: str, scope, home, ms, linker) -> Iterator[Title]:
    """A title that names no body or country: "Foreign Secretary Dominic Raab"."""
    # the curated table knows whose office he holds (only for the relation his title implies)
    actor = linker.known(person.key or person.text)
    if actor is not None and actor.relation == relation and actor.country and not actor.derived:
        if linker.country(actor.country) is not None:
            yield Title(relation, None, t, scope)
    elif home is not None and _home_office(person, actor, phrase, t, home, ms):
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
    return not any(m.type == "Country" and m.country != home for m in others)


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
