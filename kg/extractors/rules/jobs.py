"""Static relations of people's offices and jobs, present and former, given by a verb or a word.

"was named president of Acme", "former Acme executive Ann Roe", "works at the Pentagon",
"served in Congress" (leaderOf, worksFor, memberOf).

Which lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import actors_of
from .context import BODIES, COLLECTIVE
from .deps import MODIFIER, PASS_SUBJ, attached, mention_end
from .employment import work_places, workers
from .homes import described_by
from .mentions import as_person
from .posts import relation_to
from .records import static
from .title_words import title_of, title_phrase
from .words import W


def appointed(ctx, tok, m) -> Iterator[RelationMention]:
    """"X was named president of Acme", "X, who was elected mayor of Tulsa": the office given."""
    ms = ctx.ms
    people = [a for c in tok.children if c.dep_ in PASS_SUBJ for a, _ in actors_of(ctx, c)]
    if any(c.dep_ in PASS_SUBJ and c.lower_ in W.relative for c in tok.children) \
            and tok.dep_ == "relcl" and tok.head.i in ms:
        people = [ms[tok.head.i]]
    nouns = list(tok.children)
    for x in tok.children:
        if x.dep_ == "xcomp" and x.lemma_ == "be":
            # "elected Ann Roe to be chairman of Acme": the title after "to be", the named the object
            nouns += [a for a in x.children if a.dep_ == "attr"]
            people = people or [ms[d.i] for d in tok.children if d.dep_ == "dobj" and d.i in ms]
    # "X was sworn in as Puerto Rico's governor", "elected X as the new party leader": the title
    # after "as"; the one named is the passive subject, else the object
    named_as = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children if p.dep_ == "pobj"]
    if named_as and not people:
        people = [ms[d.i] for d in tok.children if d.dep_ == "dobj" and d.i in ms]
    nouns += named_as
    for t in nouns:
        if t.dep_ not in ("oprd", "attr", "xcomp", "dobj", "pobj") or t.pos_ != "NOUN" or t.i in ms:
            continue
        phrase = title_phrase(t, ms)
        relations = title_of(phrase, ctx.linker)
        org = attached(t, ms, MODIFIER, ("of", "for", "at"), types=COLLECTIVE)
        if org is None or relations == (None, None):
            continue
        # "was elected mayor of Tulsa", "X, who was named president of Acme"
        pred = relation_to(org, relations, ctx.linker.title_scope(phrase), ctx.linker)
        if pred in ("citizenOf", "livesIn"):
            continue
        for person in people or _appointee(ctx, tok, t, phrase):
            if person.type == "Person" and pred and person is not org:
                yield static(ctx, person, pred, org, 0.75, tok)


def _appointee(ctx, verb, t, phrase: str) -> list[Mention]:
    """"elected Jan Nowak president of Poland", "made Emile Jonassaint provisional president of
    Haiti": the name just before the title, whatever the parse made of it."""
    ms = ctx.ms
    k = t.i - len(phrase.split())
    if k <= verb.i or k not in ms:
        return []
    name = ms[k]
    return [as_person(name, ctx.linker)] if name.type in ("Person", "Organization") else []


def former(ctx, tok, m) -> Iterator[RelationMention]:
    """"former Acme executive Ann Roe", "Roe, a former member of the Acme board", "ex-chairman of
    Acme X": a past office or job. The title table voids a title after "former" (it says
    nothing of the holder now); the place a person worked stays a fact of them, read here as
    the job's relation to the body at a lower confidence and marked undated (the text puts it
    in the past without saying when). Only bodies: a former office of a place ("former Texas
    Gov. X") says nothing of where the holder lives now."""
    noun = _former_title(ctx, tok)
    if noun is None or noun.lemma_.lower() in W.not_jobs | W.not_employed | W.org_nouns | W.place_nouns:
        return
    org = _former_body(ctx, tok, noun)
    person = _former_holder(ctx, noun, org) if org is not None else None
    if person is None or person.type != "Person" or org is person:
        return
    phrase = " ".join(t.lower_ for t in tok.doc[tok.i + 1:noun.i + 1] if t.i not in ctx.ms)
    relation = title_of(phrase, ctx.linker)[0] if phrase else None
    if relation is None and (title_of(noun.lower_, ctx.linker) != (None, None) or noun.lemma_.lower() in W.not_jobs):
        return  # a title the table knows but not with these words before it
    rec = static(ctx, person, relation or "worksFor", org, 0.5, noun)
    yield dataclasses.replace(rec, undated=True)


def _former_title(ctx, tok):
    """The title noun after "former": the last noun of the words that follow it up to the
    holder's name or the end of the phrase ("former Acme executive", "ex-chairman", "former
    first deputy director"), read off the text (the parse splits such phrases every way)."""
    ms, doc = ctx.ms, tok.doc
    noun = None
    for k in range(tok.i + 1, min(len(doc), tok.i + 8)):
        t = doc[k]
        if k in ms:
            if ms[k].type == "Person":
                break
        elif t.pos_ == "NOUN" and t.text != "-":
            noun = t
        elif not (t.pos_ in ("ADJ", "PROPN") or t.text == "-"):
            break
    return noun


def _former_body(ctx, tok, noun) -> Mention | None:
    """The body a former title is of: named between "former" and the title ("former Acme
    executive") or after it ("former member of the Acme board")."""
    ms = ctx.ms
    inside = [ms[k] for k in range(tok.i + 1, noun.i) if k in ms]
    if inside:
        return inside[-1] if inside[-1].type in BODIES else None
    org = attached(noun, ms, ("poss",), ("of", "for", "at", "with"), types=BODIES)
    if org is None:  # "a former member of the Acme board": the body that owns the unit
        org = next((ms[g.i] for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "with")
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms
                    for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                    and ms[g.i].type in BODIES), None)
    return org


def _former_holder(ctx, noun, org: Mention) -> Mention | None:
    """Who holds a former title: the name right after it ("former Acme executive Ann Roe",
    "former commander of the Navy Ann Roe") or the name it is said of ("Roe, a former
    member of ...", "Roe, a lawyer and a former member of ...", "Roe is a former ...")."""
    ms = ctx.ms
    doc = noun.doc
    k = noun.i + 1
    if k + 1 < len(doc) and doc[k].lower_ in ("of", "for", "at", "with"):
        k += 1 + (doc[k + 1].lower_ == "the")
        k = mention_end(k, org, ms) if ms.get(k) is org else len(doc)
    if k < len(doc) and k in ms and ms[k].type == "Person":
        return ms[k]
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "appos" and t.head.i in ms:
        return ms[t.head.i]
    described = described_by(ctx, t)
    return described[0] if described else None


def works(ctx, tok, m) -> Iterator[RelationMention]:
    """"X works for/at Acme" (worksFor), "X served in Congress / on the council", "X sits on the
    committee" (memberOf)."""
    ms = ctx.ms
    lemma = tok.lemma_.lower()
    seated = lemma in W.seat_verbs  # "X, who sits on the Intelligence Committee"
    serving = seated or lemma in W.serving_verbs
    people = workers(ctx, tok, serving)
    preps = ("on",) if seated else ("in", "on", "with") if serving else ("for", "at", "with")
    orgs = work_places(tok, ms, preps)
    for person in people:
        if person.type != "Person":
            continue
        for org in orgs:
            yield static(ctx, person, "memberOf" if serving else "worksFor", org, 0.7, tok)
