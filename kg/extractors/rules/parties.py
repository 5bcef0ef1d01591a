"""Parties: the national party a word names, and the mentions that name one.

"Conservative MP Jane Doe", "Labour leader X", "Republican Kevin McCarthy", "X, a Democrat":
news names a party by an adjective or noun that the NER often leaves untagged, or tags as a
people ("Democratic", "Tories") with no link. Which party a word names depends on the
country (``kg/data/parties.tsv``: "Labour" is the British, Irish or New Zealand party), so
the word names a party only where the text says which country: a country named just before
it ("British Labour MP X"), the country of the person it describes, or the document's own
country (:func:`.context.home_country`); with none of these, the party of the country the
document names most often (more than any other; "the Democrats" in a story of Washington
and Kyiv). Otherwise no party is named: kg does not guess.

Runs once per document, after the mentions and before the titles: a party word the NER
missed becomes a mention where a political role or a person's name follows it
(``party_roles`` in ``kg/data/rules/offices.tsv``), and the titles then read it as they
read any body before a title. Plain words stay plain: "labour" in lower case, "Labour Day",
"Conservative commentator" (no political role), and a capitalised word opening a sentence
unless the document's or person's country picks its party.
"""

from __future__ import annotations

import dataclasses
import functools

from ...model import Mention
from .context import same
from .deps import SUBJ, apposed_to, columns, conjuncts, list_lead, name_start
from .records import static
from .words import W

# What a mention of a party may have been typed by the NER: a people ("Democrats") or a body.
TAGGED = ("Group", "Organization")


def party_mentions(parsed, ms: dict[int, Mention], linker, home: str | None) -> None:
    """Link the document's party names and add the party words the NER missed (``ms`` is
    updated in place); ``home`` is the document's own country (context.home_country)."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in ms.values()}.values():
        if m.type != "Person" and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    # the country named most often, if one is named more often than any other
    top = {c for c, n in counts.items() if n == ranked[0]} if ranked and ranked[:2] != ranked[:1] * 2 else set()
    named = Named(top, frozenset(counts))
    _link_tagged(parsed, ms, linker, home, named)
    _add_untagged(parsed, ms, linker, home, named)


@dataclasses.dataclass(frozen=True)
class Named:
    """The countries a document names: the one it names most often (a set of one, or empty)
    and every country it names at all."""

    most: set[str]
    anywhere: frozenset[str]


def choose(parties, evidence: str | None, home: str | None, named: Named):
    """The one party of ``parties`` the document's countries pick, or None: the country the
    text ties the word to, else the document's own country, else the country the document
    names most often. A word only one country's party bears ("Republican", "Tories") names
    that party in a story of no one country that names its country at all ("Republican
    Senator X" in a story of Syria, Turkey and the United States)."""
    if evidence or home:
        pick = [p for p in parties if p.country == (evidence or home)]
    else:
        pick = [p for p in parties if p.country in named.most]
        if not pick and len(parties) == 1 and parties[0].country in named.anywhere:
            pick = list(parties)
    return pick[0] if len(pick) == 1 else None


def _country_before(doc, start: int, ms) -> str | None:
    """"British Labour MP X", "the Canadian Liberals": the country named just before a word."""
    k = start - 1
    m = ms.get(k) if k >= 0 else None
    return m.country if m is not None and m.type == "Country" and m.country else None


def _link_tagged(parsed, ms, linker, home, named) -> None:
    """"the Democrats", "Labour" tagged by the NER: the party they name, linked."""
    done: set[int] = set()
    for i in range(len(parsed)):
        m = ms.get(i)  # (a token is made only where a mention is)
        if m is None or id(m) in done or m.type not in TAGGED or not m.text[:1].isupper():
            continue
        tok = parsed[i]
        done.add(id(m))
        parties = linker.parties(m.key or m.text) or linker.parties(m.text)
        if not parties:
            m, parties = _party_then_chamber(parsed, tok.i, m, ms, linker)
        if not parties or linker.is_party(m):
            continue
        m, parties = _widened(parsed, tok.i, m, ms, linker, parties)
        known = linker.known(m.text)
        evidence = _country_before(parsed, tok.i, ms)
        if known is not None and not (evidence or home):
            continue  # "Congress": another body kg knows, unless the country is clear
        party = choose(parties, evidence, home, named)
        if party is None:
            continue
        new = dataclasses.replace(m, country=party.country, key=party.label)
        for i, x in list(ms.items()):
            if x is m:
                ms[i] = new


def _party_then_chamber(doc, i: int, m: Mention, ms, linker):
    """"the Republican Senate Majority Leader": the NER runs a party's word and a chamber's bare
    name (``chamber_names``) into one organisation kg does not know; they are the party, as a
    mention of its own (in ``ms``), and the chamber. The party mention and its parties, or the
    mention as it was and none."""
    toks = [t for t in doc[i:i + 6] if ms.get(t.i) is m]
    if len(toks) < 2 or linker.known(m.key or m.text) is not None or toks[-1].lower_ not in chamber_words():
        return m, ()
    words = doc[toks[0].i:toks[-1].i]
    parties = linker.parties(words.text)
    if not parties:
        return m, ()
    party = Mention(words.text, words.start_char, words.end_char, m.type, key=words.text)
    last = toks[-1]
    chamber = Mention(last.text, last.idx, last.idx + len(last.text), "Organization", key=last.text)
    for t in toks[:-1]:
        ms[t.i] = party
    ms[last.i] = chamber
    return party, parties


@functools.cache
def chamber_words() -> frozenset[str]:
    """The one-word bare names of chambers ("house", "senate", "commons")."""
    return frozenset(key.split(" ", 1)[1] for key in W.chamber_names if " " not in key.split(" ", 1)[1])


def _widened(doc, i: int, m: Mention, ms, linker, parties):
    """"Liberal Democrat" with only "Democrat" tagged: the party word the words before the
    mention complete, as a longer mention (in ``ms``), and its parties."""
    start = i
    while start > 0 and ms.get(start - 1) is m:
        start -= 1
    for k in (start - 2, start - 1):
        if k < 0 or any(j in ms or not _capital(doc[j]) for j in range(k, start)):
            continue
        longer = linker.parties(f"{doc[k:start].text} {m.text}")
        if longer:
            wide = dataclasses.replace(m, text=doc.text[doc[k].idx:m.end], start=doc[k].idx)
            for j in range(k, len(doc)):
                if j < start or ms.get(j) is m:
                    ms[j] = wide
                elif j > start:
                    break
            return wide, longer
    return m, parties


def _add_untagged(parsed, ms, linker, home, named) -> None:
    """"Conservative MP Jane Doe", "Republican Kevin McCarthy": a party word the NER missed,
    before a political role or a person's name, becomes a mention of its party."""
    doc = parsed
    i, n = 0, len(doc)
    lower = columns(doc).lower
    while i < n:
        # (the first test of _party_word, on the document's columns: no token made for most words)
        found = _party_word(doc, i, ms, linker) if linker.may_start_party(lower[i]) else None
        if found is None:
            i += 1
            continue
        end, parties = found
        # "the Labour Party": a party's name needs no role after it
        role = "" if end - i > 1 and doc[end - 1].lower_ == "party" else _role_after(doc, end, ms, linker)
        if role is None:
            i = end
            continue
        evidence = _country_before(doc, i, ms) or role
        if doc[i].is_sent_start and not (evidence or home) and not _seat_holder(doc, end, ms):
            i = end  # "Labour leaders met ...": a capital that may be the sentence's only
            continue
        party = choose(parties, evidence or None, home, named)
        if party is not None:
            span = doc[i:end]
            # typed as the NER types a party's adjective or people ("Democratic", "Tories"):
            # the party is a group its members belong to; linking makes it the organisation
            m = Mention(span.text, span.start_char, span.end_char, "Group", country=party.country,
                        key=party.label)
            for k in range(i, end):
                ms[k] = m
        i = end


def _seat_holder(doc, end: int, ms) -> bool:
    """"Conservative MP Jane Doe": a seat in a legislature, in the singular, then a person's
    name after the word that ends at ``end`` (the title may be inside the name's mention)."""
    if end >= len(doc) or doc[end].lower_ not in W.party_seat_titles or doc[end].is_sent_start:
        return False
    m = ms.get(end)
    if m is not None:
        return m.type == "Person" and ms.get(end + 1) is m
    after = ms.get(end + 1)
    return after is not None and after.type == "Person" and not doc[end + 1].is_sent_start


def _party_word(doc, i: int, ms, linker) -> tuple[int, tuple] | None:
    """The longest party word (up to three tokens, none in a mention) starting at token i:
    (the index after it, its parties)."""
    # a capitalised word is alphabetic, so its lower case is its lookup key's first word
    if not linker.may_start_party(doc[i].lower_):
        return None
    for size in (3, 2, 1):
        end = i + size
        if end > len(doc) or any(k in ms or not _capital(doc[k]) for k in range(i, end)):
            continue
        parties = linker.parties(doc[i:end].text)
        if parties:
            return end, parties
    return None


def _capital(tok) -> bool:
    """A word written as a party's name is: "Labour", "SNP" (not "labour", "The")."""
    return tok.is_alpha and (tok.is_title or tok.is_upper and len(tok) > 1) and tok.pos_ != "DET"


def _role_after(doc, end: int, ms, linker) -> str | None:
    """Is the word before ``end`` a party's because a political role or a person's name follows
    ("Labour MP", "Democratic US Senator", "Republican Kevin McCarthy")? The country the
    words after it name ("" if none), or None when nothing political follows."""
    if end >= len(doc):
        return None
    country = ""
    m = ms.get(end)
    if m is not None and m.type in ("Country", "Location") and not doc[end].is_sent_start:
        # "Democratic US Senator", "Republican Ohio Congressman": the country or state, then the title
        country = m.country or ""
        while end < len(doc) and ms.get(end) is m:
            end += 1
        if end >= len(doc):
            return None
        m = ms.get(end)
    if m is not None:
        return (m.country or country) if m.type == "Person" else None
    word = doc[end]
    if word.lemma_.lower() in W.party_roles or word.lower_ in W.party_roles:
        return country
    if linker.is_title(word.text) and linker.title_scope(word.text) & {"state", "legislature", "region", "town"}:
        return country
    return None


def party_of(m: Mention | None, linker) -> object | None:
    """The party (parties.tsv) a linked mention names, or None."""
    if m is None:
        return None
    key = m.key or m.text
    return next((p for p in linker.parties(key) if p.label == key), None)


def is_party_name(m: Mention, linker) -> bool:
    """Is the mention a party: one of parties.tsv, or a name that ends in "Party" ("the
    Libertarian Party", "the Aam Aadmi Party")?"""
    return linker.is_party(m) or (m.key or m.text).rsplit(" ", 1)[-1].lower() == "party"


def party_member(head, person: Mention, ms, linker, orgs) -> list[tuple[Mention, object]]:
    """The parties a person's name says they belong to: "Republican Kevin McCarthy", "Sherrod
    Brown, a Democrat,", "Labour's Ann Roe", "X is a Conservative", and a party before a title
    that is of something else ("Republican US Senator X", "X, the Democratic Speaker of the
    House"); (party, its token), leaving out those of ``orgs`` (the titles already found)."""
    doc = head.doc
    first = name_start(head, person, ms)  # "Labour MP (Member of Parliament) X": before the gloss
    tokens = [t for t in [_party_before(doc, first, ms, linker)] if t is not None]
    # "X, a Democrat,", "Labour's Keir Starmer"
    tokens += [c for c in head.children if c.dep_ in ("appos", "poss") and c.i in ms]
    # "X, the Democratic Speaker of the House": the party on a title in apposition
    # (or on a word before the title: "X, the Republican Senate Majority Leader")
    tokens += [x for c in head.children if c.dep_ == "appos" and c.i not in ms
               for g in c.children if g.dep_ in ("amod", "compound")
               for x in (g, *(h for h in g.children if h.dep_ in ("amod", "compound"))) if x.i in ms]
    tokens += _shared_party(head, ms)  # "A, B and C, all Republicans"
    tokens += _party_apposed_to(head, ms)  # "a Republican, X", "two Democratic Representatives, A and B"
    if head.dep_ == "poss" and head.head.i in ms:
        tokens.append(head.head)  # "Prime Minister X's Liberal Party won"
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
        tokens += [c for c in head.head.children if c.dep_ == "attr" and c.i in ms]  # "X is a Republican"
    # "X, who is a Republican," (not "who was")
    tokens += [a for r in head.children if r.dep_ == "relcl" and r.lemma_ == "be" and r.tag_ in ("VBZ", "VBP")
               and any(s.dep_ == "nsubj" and s.lower_ in W.relative for s in r.children)
               for a in r.children if a.dep_ == "attr" and a.i in ms]
    found = []
    for tok in tokens:
        m = ms[tok.i]
        if m is person or party_of(m, linker) is None or any(same(m, o) for o in orgs) \
                or any(same(m, o) for o, _ in found) or _voided(doc, tok, m, ms):
            continue
        found.append((m, tok))
    return found


def _voided(doc, tok, m: Mention, ms) -> bool:
    """"X, a former Democrat,": a word before the party's noun says it is no longer his (before
    a party's adjective it voids the title: "the former Democratic Dean of the House")."""
    if tok.dep_ in ("amod", "compound"):
        return False
    i = tok.i
    while i > 0 and ms.get(i - 1) is m:
        i -= 1
    return i > 0 and doc[i - 1].lower_ in W.voiding


def _shared_party(head, ms) -> list:
    """"A of X, B of Y and C of Z, all Republicans", "A and B, both Democrats": a party in
    apposition to a list of names, with "all" or "both", is every name's: the party tokens
    on any name of the list ``head`` is in (its own apposition is read already)."""
    person = ms.get(head.i)
    top = head
    while top.dep_ in ("conj", "appos") and _is_person(top.head, ms) and top.head.i != top.i:
        top = top.head
    names, found, todo = [], [], [top]
    while todo:
        t = todo.pop()
        names.append(t)
        todo += [c for c in t.children if c.dep_ in ("conj", "appos") and _is_person(c, ms)]
    if len(names) < 2:
        return []
    for t in names:
        if ms.get(t.i) is person:
            continue
        found += [c for c in t.children if c.dep_ == "appos" and c.i in ms and not _is_person(c, ms)
                  and any(d.dep_ in ("det", "predet", "preconj") and d.lower_ in W.distributive for d in c.children)]
    return found


def _party_apposed_to(head, ms) -> list:
    """"a Republican, Mark Amodei,", "Two Democratic Representatives, A and B,": the party a
    list of names is in apposition to, as a noun or on the title the names are apposed to."""
    noun = apposed_to(list_lead(head, ms, apposed=False), ms)
    if noun is None:
        return []
    if noun.i in ms:
        return [noun]
    return [g for g in noun.children if g.dep_ in ("amod", "compound") and g.i in ms]


def _is_person(tok, ms) -> bool:
    m = ms.get(tok.i)
    return m is not None and m.type == "Person"


def _party_before(doc, first: int, ms, linker):
    """"Republican Kevin McCarthy", "Republican US Senator Elizabeth Dole": the token of a
    party named just before the name, over the title and a place or country between (not
    after "former"), or None."""
    k = first - 1
    steps = 0
    while k >= 0 and steps < 5 and not doc[k + 1].is_sent_start:
        m = ms.get(k)
        if m is not None and party_of(m, linker) is not None:
            start = k
            while start > 0 and ms.get(start - 1) is m:
                start -= 1
            return doc[k] if start == 0 or doc[start - 1].lower_ not in W.voiding else None
        if m is not None and m.type in ("Country", "Location", "City"):
            while k > 0 and ms.get(k - 1) is m:
                k -= 1
        elif m is None and doc[k].is_lower and (_standing(doc[k].lower_) or doc[k].lower_ in W.voiding
                                                and k > 0 and _standing(doc[k - 1].lower_)):
            pass  # "Democratic challenger former Vice President X": the party is the challenger's
        elif m is not None or not (doc[k].is_title or doc[k].is_upper) or not linker.is_title(doc[k].text):
            return None
        k -= 1
        steps += 1
    return None


def _standing(word: str) -> bool:
    """Is the word one who stands for an office (``candidacy_nouns``, ``candidacy_titles``)?"""
    return word in W.candidacy_nouns or word in W.candidacy_titles


def belongs(ctx, tok, m):
    """"X belongs to the Republican Party", "X, who belongs to Labour": a person who belongs
    to a party or a union (a name ending in one of ``membership_bodies``) is its member."""
    ms = ctx.ms
    if tok.tag_ not in ("VBZ", "VBP"):
        return  # "X belonged to the party until 2010": no longer
    people = [ms[c.i] for s in tok.children if s.dep_ in SUBJ for c in conjuncts(s) if c.i in ms]
    if not people and tok.dep_ == "relcl" and tok.head.i in ms:
        people = [ms[tok.head.i]]
    bodies = [ms[q.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj" for q in conjuncts(p) if q.i in ms]
    for body in bodies:
        if not (is_party_name(body, ctx.linker) or party_of(body, ctx.linker) is not None
                or (body.key or body.text).rsplit(" ", 1)[-1].lower() in W.membership_bodies):
            continue
        for person in people:
            if person.type == "Person":
                yield static(ctx, person, "memberOf", body, 0.65, tok)


def candidacy(ctx, tok, m):
    """"X, a candidate in the Democratic primary", "X ended her bid for the Republican
    nomination", "X decided to run in the Libertarian Party primaries": who stands in a party's
    own contest (``party_contests`` in offices.tsv: a primary, a nomination, a caucus) is its
    member. The contest's party is a word on it; its candidate the subject of a verb of
    standing (``candidacy_verbs``) or the one a candidacy (``candidacy_nouns``) is said of."""
    ms, linker = ctx.ms, ctx.linker
    parties = [ms[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in ms
               and is_party_name(ms[c.i], linker)]
    if not parties:
        return
    race = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok if tok.dep_ == "dobj" else None
    if race is None:
        return
    for person in _candidates(ctx, race.head):
        for party in parties[:1]:
            yield static(ctx, person, "memberOf", party, 0.6, tok)


def standing_as(ctx, tok, m):
    """"X ran for Congress as a Republican", "X was elected as a Democrat": who stands or is
    elected as a party's man (a verb of ``candidacy_verbs``, ``appointing_verbs``) is its member."""
    ms, linker = ctx.ms, ctx.linker
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ != "prep" or verb.pos_ != "VERB" or lemma not in W.candidacy_verbs and not (
            lemma in W.appointing_verbs and any(c.dep_ == "nsubjpass" for c in verb.children)):
        return  # (an active "appointed X as a Republican": the one appointed is the object, not the subject)
    for p in tok.children:
        party = ms.get(p.i) if p.dep_ == "pobj" else None
        if party is not None and party_of(party, linker) is not None and not _voided(tok.doc, p, party, ms):
            for person in _subjects_of(ctx, verb):
                yield static(ctx, person, "memberOf", party, 0.6, tok)


def _candidates(ctx, head) -> list[Mention]:
    """The people who stand in a contest, from the word it hangs on: a verb of standing ("ran
    in", "seeks", "won"), or a candidacy noun said of a name ("X, a candidate in", "X, who was a
    candidate in", "X ended her bid for")."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in W.candidacy_verbs:
        return _subjects_of(ctx, head)
    if head.pos_ != "NOUN" or lemma not in W.candidacy_nouns:
        return []
    ms = ctx.ms
    first = head
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "NOUN":
        first = first.head  # "X, a veteran, activist, and currently a candidate for"
    if first.dep_ == "appos" and _is_person(first.head, ms):
        return [ms[first.head.i]]
    if head.dep_ == "attr" or head.dep_ == "dobj" and head.head.lemma_.lower() in W.campaign_verbs:
        return _subjects_of(ctx, head.head)
    return []


def _subjects_of(ctx, verb) -> list[Mention]:
    """The people a verb is said of: its subjects, the subject of the verb it completes ("decided
    to run"), or the name a relative clause is on ("X, who was a candidate")."""
    ms = ctx.ms
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and not any(c.dep_ in SUBJ for c in verb.children):
        verb = verb.head
    out = []
    for s in verb.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if s.lower_ in W.relative and verb.dep_ == "relcl":
            s = verb.head
        out += [ms[c.i] for c in conjuncts(s) if _is_person(c, ms)]
    return out
