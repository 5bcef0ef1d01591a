"""Static ties of bodies and states: who heads a body, its members, allies and trade partners.

leaderOf from "X, who runs the Acme museum", "the foundation headed by X"; memberOf from
"X, a member of Y", "NATO member Turkey", "G7 is a group of seven countries, ..."; allyOf
and tradesWith from "US ally Japan", "allies such as Germany", "its alliance with the US",
"China's largest trading partner". Where a body is seated is read in :mod:`.bodies`. Which
lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``; the words are in
``kg/data/rules/statics.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import actor_of, actors_of
from .context import BODIES, COLLECTIVE, OWNERS, same
from .deps import PASS_SUBJ, SUBJ, attached, conjuncts
from .records import static
from .words import W


def heads(ctx, tok, m) -> Iterator[RelationMention]:
    """"X, who runs the Acme museum", "Y heads the agency", "the foundation headed by X": a body's head."""
    ms = ctx.ms
    people = [a for c in tok.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    if not people and tok.dep_ == "relcl" and tok.head.i in ms:
        people = [ms[tok.head.i]]
    orgs = [ms[o.i] for o in tok.children if o.dep_ == "dobj" and o.i in ms]
    if tok.lemma_.lower() in W.passive_heading_verbs and tok.tag_ not in ("VBZ", "VBP"):
        orgs = []  # "led the team to victory": only "the party led by X", "X leads the agency" say who heads it
    if not orgs and tok.tag_ == "VBN":
        # "the Mediterranean Foundation, headed by Juan Novara", "Acme is run by Ann Roe"
        people = [a for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for a, _ in actors_of(ctx, p)]
        orgs = [ms[c.i] for c in tok.children if c.dep_ in PASS_SUBJ and c.i in ms]
        if not orgs and tok.dep_ == "acl" and tok.head.i in ms:
            orgs = [ms[tok.head.i]]
    for org in orgs:
        for person in people:
            if person.type == "Person" and org.type in BODIES:
                yield static(ctx, person, "leaderOf", org, 0.7, tok)


def alliance(ctx, tok, m) -> Iterator[RelationMention]:
    """"its alliance with the US", "the US-Japan alliance", "a trade partnership with Chile"."""
    lemma = tok.lemma_.lower()
    if lemma in W.trade_ties and not any(c.lemma_.lower() in W.trade_words for c in tok.children):
        return
    pred = "tradesWith" if lemma in W.trade_ties else "allyOf"
    holders = [a for c in tok.children if c.dep_ == "poss" for a, _ in actor_of(ctx, c, "actor", None)]
    others = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
              for p in c.children if p.dep_ == "pobj" for a, _ in actors_of(ctx, p)]
    if not others and tok.dep_ == "dobj":
        # "keeping its alliance with the US", where the parse hangs "with" on the verb
        others = [a for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj" for a, _ in actors_of(ctx, p)]
    for h in holders:
        for o in others:
            if not same(h, o) and h.type in OWNERS and o.type in OWNERS:
                yield static(ctx, h, pred, o, 0.7, tok)


def members(ctx, tok, m) -> Iterator[RelationMention]:
    """"G7 is an informal group of seven countries, the UK, the US, ...": each is a member."""
    ms = ctx.ms
    body = next((ms[c.i] for c in tok.head.children if c.dep_ in SUBJ and c.i in ms), None)
    if body is None or body.type not in ("InternationalOrganization", "Organization"):
        return
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            listed = conjuncts(p) if p.i in ms else [x for a in p.children if a.dep_ in ("conj", "appos")
                                                     for x in conjuncts(a)]
            listed += [x for a in p.children if a.dep_ == "prep" and a.lower_ == "including"
                       for q in a.children if q.dep_ == "pobj" for x in conjuncts(q)]
            if p.i not in ms and p.lemma_.lower() not in W.member_nouns:
                continue
            for h in listed:
                if h.i in ms and ms[h.i].type == "Country" and not same(ms[h.i], body):
                    yield static(ctx, ms[h.i], "memberOf", body, 0.7, tok)


def roles(ctx, tok, m) -> Iterator[RelationMention]:
    """"X, a member of Y", "NATO member Turkey", "US ally Japan", "trading partner"; "allies such
    as Germany" are the owner's allies."""
    lemma = tok.lemma_.lower()
    pred = W.role_relations[lemma][0]
    if lemma in W.trade_ties and not any(c.lemma_.lower() in W.trade_words for c in tok.children):
        return
    other = attached(tok, ctx.ms, ("poss", "compound", "amod", "nmod"), ("of",))
    if lemma in W.ally_nouns and tok.tag_ == "NNS":
        yield from _allies(ctx, tok)
        return
    for holder in _role_holders(ctx, tok):
        if other is not None and not same(holder, other):
            yield static(ctx, holder, pred, other, 0.75, tok)


def _allies(ctx, tok) -> Iterator[RelationMention]:
    """"allies such as Germany", "its allies, including Japan": the owner's allies."""
    listed = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("as", "including")
              for p in c.children if p.dep_ == "pobj" for a, _ in actors_of(ctx, p)]
    owner = [(a, 0.7 * f) for c in tok.children if c.dep_ == "poss" for a, f in actor_of(ctx, c, "actor", None)]
    if not owner and tok.dep_ == "dobj":  # "the US pressed allies such as Germany"
        verb = tok.head
        # (the parser may hang the subject on an auxiliary: "The US has been encouraging allies")
        subjects = [c for c in verb.children if c.dep_ in SUBJ] \
            or [c for a in verb.children if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ in SUBJ]
        owner = [(a, 0.6 * f) for c in subjects for a, f in actors_of(ctx, c)]
    for o, conf in owner:
        for a in listed:
            if not same(o, a) and o.type in COLLECTIVE and a.type in COLLECTIVE:
                yield static(ctx, a, "allyOf", o, round(conf, 3), tok)


def _role_holders(ctx, tok) -> list[Mention]:
    """Who holds the role a noun names: "Japan, an ally of", "Cuba is a member of", "as a close
    ally of Pyongyang, China ...", "NATO member Turkey"."""
    ms = ctx.ms
    if tok.dep_ == "appos" and tok.head.i in ms:
        return [a for a, _ in actors_of(ctx, tok.head)]
    if tok.dep_ == "attr":
        return [a for c in tok.head.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX"):
        return [a for c in tok.head.head.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    holders = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms]
    if not holders and tok.dep_ == "compound" and tok.head.i in ms:
        holders = [ms[tok.head.i]]
    return holders
