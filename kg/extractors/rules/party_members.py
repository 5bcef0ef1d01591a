"""Party members: who belongs to a party, as the name says or as a sentence says.

Beside a person's name (read by :mod:`.titles` with the titles): "Republican Kevin McCarthy",
"Sherrod Brown, a Democrat,", "Labour's Ann Roe", "A and B, both Democrats", "X is a
Conservative", not "X, a former Democrat". In a sentence (static rules, ``memberOf``): "X
belongs to the Republican Party", "X, a candidate in the Democratic primary", "X ran for
Congress as a Republican". Which party a word names was decided with the mentions
(:mod:`.parties`); the words are in ``kg/data/rules/offices.tsv``.
"""

from __future__ import annotations

from ...model import Mention
from .context import same
from .deps import SUBJ, apposed_to, conjuncts, list_lead, name_start
from .records import static
from .words import W


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
