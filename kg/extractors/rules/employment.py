"""Work stated by a verb other than "work": employing, hiring, joining, writing or reporting for.

"X, an engineer employed by Acme", "Acme hired X in 1990", "X joined Acme in 1979", "X writes
a column for the Ledger", "X covers the courts for the Ledger" (worksFor; joining a party or a
union is memberOf). Also where a verb of working names its body further down the clause:
"worked as a machinist at Acme", "taught drama for two weeks at Brandt University".

Which lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``; the bodies one
joins as a member (``membership_bodies``) are in ``kg/data/rules/statics.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import actors_of
from .context import BODIES
from .deps import PASS_SUBJ, SUBJ, conjuncts
from .homes import described_by
from .linking import mention
from .mentions import person_not_place
from .records import static
from .words import W

# Dependencies a verb's place of work may hang under, below the verb: "worked [as a
# machinist] at Acme", "taught [acting] [for two weeks] at Brandt": prepositional phrases,
# a gerund or noun object. Clauses (relative, adverbial, infinitive) are not followed.
_DOWN = frozenset({"prep", "pobj", "npadvmod", "dobj", "xcomp"})
_DEPTH = 4


def work_places(tok, ms, preps: tuple[str, ...]) -> list[Mention]:
    """The bodies a verb of working names by one of ``preps``: right under the verb ("works at
    Acme") or further down its prepositional phrases ("worked as a machinist at Acme",
    "worked for a decade at Acme"). A phrase that names a body ends the walk down it."""
    found: list[Mention] = []
    stack = [(c, 1) for c in tok.children]
    while stack:
        c, depth = stack.pop()
        if c.dep_ not in _DOWN or c.dep_ == "xcomp" and c.tag_ not in ("VBG", "NN"):
            continue
        if c.dep_ == "prep" and c.lower_ in preps:
            named = [ms[q.i] for p in c.children if p.dep_ == "pobj" for q in conjuncts(p)
                     if q.i in ms and ms[q.i].type in BODIES]
            if named:
                found.extend(m for m in named if m not in found)
                continue
        if depth < _DEPTH:
            stack.extend((g, depth + 1) for g in c.children)
    return found


def _people(ctx, tok, deps) -> list[Mention]:
    """The people in the roles ``deps`` of a verb only people fill: a name the NER took for a
    place kg does not know is a person's ("Acme hired Rita Calloway")."""
    found = (person_not_place(a, ctx.linker) for c in tok.children if c.dep_ in deps for a, _ in actors_of(ctx, c))
    return [a for a in found if a.type == "Person"]


def _subjects(ctx, tok) -> list[Mention]:
    """The people who act in a verb (:func:`workers`), a name the NER took for a place kg does
    not know being a person's."""
    found = (person_not_place(a, ctx.linker) for a in workers(ctx, tok, False))
    return [a for a in found if a.type == "Person"]


def workers(ctx, tok, serving: bool) -> list[Mention]:
    """Who works at, serves in or joins what a verb names: its subjects, a lone surname the NER
    left untagged, or the name a relative clause, a conjoined verb or a "while" clause is said
    of ("Higgins, who works at the Pentagon", "Derwinski, a Republican who served in Congress")."""
    ms = ctx.ms
    people = [a for c in tok.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    if not people and not serving:
        # "Harrington taught at Harvard": a lone surname the NER left untagged; only a
        # person teaches or works somewhere
        people = [a for c in tok.children if c.dep_ == "nsubj" and c.i not in ms and c.pos_ == "PROPN"
                  and c.is_title and not any(g.dep_ == "compound" for g in c.children)
                  and ctx.linker.known(c.text) is None
                  for a in [mention(c.doc[c.i:c.i + 1], "Person", "PERSON", ctx.linker)] if a is not None]
    if not people and tok.dep_ in ("relcl", "conj") and tok.head.i in ms:
        people = [ms[tok.head.i]]  # "Higgins, who works at the Pentagon"
    if not any(a.type == "Person" for a in people) and tok.dep_ == "relcl" and tok.head.dep_ == "appos" \
            and tok.head.head.i in ms:
        people = [ms[tok.head.head.i]]  # "Derwinski, a Republican who served in Congress"
    if not people and tok.dep_ == "advcl" and not any(c.dep_ in SUBJ for c in tok.children):
        # "X fell ill while working at the hospital": who works is the main clause's subject
        people = [a for c in tok.head.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    if not people and tok.dep_ == "conj":  # "who is a major ... and works at the Pentagon"
        first = tok.head
        people = [a for c in first.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
        if not people and first.dep_ == "relcl" and first.head.i in ms:
            people = [ms[first.head.i]]
    return people


def _bodies(ctx, tok, deps) -> list[Mention]:
    return [a for c in tok.children if c.dep_ in deps for a, _ in actors_of(ctx, c) if a.type in BODIES]


def _described(ctx, tok) -> list[Mention]:
    """The person a participle describes: "X, employed by Acme", and the one its noun is said
    of (:func:`.homes.described_by`): "X, an engineer employed by Acme", "X is an engineer
    employed by Acme"."""
    ms = ctx.ms
    if tok.dep_ != "acl":
        return []
    head = tok.head
    if head.i in ms and ms[head.i].type == "Person":
        return [ms[head.i]]
    return [m for m in described_by(ctx, head) if m.type == "Person"]


def employed(ctx, tok, m) -> Iterator[RelationMention]:
    """"X is employed by Acme", "X, an engineer employed by Acme", "Acme hired X"."""
    passive = tok.tag_ == "VBN" and (tok.dep_ == "acl" or any(c.dep_ == "auxpass" for c in tok.children))
    if passive:
        people = _people(ctx, tok, PASS_SUBJ) or _described(ctx, tok)
        orgs = [ctx.ms[q.i] for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for q in conjuncts(p) if q.i in ctx.ms and ctx.ms[q.i].type in BODIES]
    else:
        people = _people(ctx, tok, ("dobj",))
        orgs = _bodies(ctx, tok, SUBJ)
    for person in people:
        for org in orgs:
            yield static(ctx, person, "worksFor", org, 0.65, tok)


def joined(ctx, tok, m) -> Iterator[RelationMention]:
    """"X joined Acme in 1979" (worksFor), "X joined the Labour Party" (memberOf): a person
    who joins a body works in it or belongs to it."""
    for person in _subjects(ctx, tok):
        for org in _bodies(ctx, tok, ("dobj",)):
            yield static(ctx, person, _tie(org), org, 0.6, tok)


def _tie(org: Mention) -> str:
    """One belongs to a party or a union (memberOf), and works for any other body."""
    return "memberOf" if org.text.split()[-1].lower() in W.membership_bodies else "worksFor"


def writes_for(ctx, tok, m) -> Iterator[RelationMention]:
    """"X writes for the Ledger", "X writes a column for the Ledger", "X covers the courts for
    the Ledger": who writes or reports for a body works for it. The body hangs on the verb or
    on its object by "for"."""
    ms = ctx.ms
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    orgs = [ms[q.i] for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children if p.dep_ == "pobj" for q in conjuncts(p) if q.i in ms and ms[q.i].type in BODIES]
    for person in _subjects(ctx, tok):
        for org in orgs:
            yield static(ctx, person, "worksFor", org, 0.6, tok)


def _left(tok, ms) -> list[Mention]:
    """The bodies one retires or resigns from: "from Acme", "from the board of Acme", "as
    president of Acme"."""
    found = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("from", "as"):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if c.lower_ == "from" and p.i in ms:
                found.append(ms[p.i])
                continue
            found += [ms[q.i] for d in p.children if d.dep_ == "prep" and d.lower_ in ("of", "at", "for")
                      for q in d.children if q.dep_ == "pobj" and q.i in ms]
    return [m for m in found if m.type in BODIES]


def left_job(ctx, tok, m) -> Iterator[RelationMention]:
    """"X retired from Acme in 1990", "X resigned as president of Acme", "X quit Acme": one
    worked there ("X quit the Labour Party": one belonged to it)."""
    ms = ctx.ms
    people = _subjects(ctx, tok)
    orgs = _left(tok, ms)
    if tok.lemma_.lower() == "quit":
        orgs += _bodies(ctx, tok, ("dobj",))
    for person in people:
        for org in orgs:
            yield static(ctx, person, _tie(org), org, 0.6, tok)
