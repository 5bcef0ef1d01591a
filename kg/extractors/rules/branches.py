"""A body's bureau, branch, office or store in a place: the body is based there.

"The Associated Press bureau in Beirut", "the Beirut bureau of the AP", "the St. Petersburg
branch of the Atomenergo institute", "a Kmart store in Niagara Falls", "Acme's Tulsa office":
the body has a seat in that place (basedIn, at 0.6: a branch, not necessarily the head
office, as a dateline's bureau). The nouns are ``branch_nouns`` in kg/data/rules/statics.tsv;
a headquarters is read by :func:`.bodies.based`, with the places and seats read here.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Mention, RelationMention
from .context import BODIES, STATES
from .deps import conjuncts
from .geography import comma_place, place
from .records import static


def _owners(tok, ms) -> list[Mention]:
    """The bodies a branch noun is of: "the AP bureau", "the AP's bureau", "the bureau of the AP"."""
    found = [ms[c.i] for c in tok.children if c.dep_ in ("compound", "poss") and c.i in ms and ms[c.i].type in BODIES]
    for q in (q for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" for q in conjuncts(p)):
        if q.i not in ms:  # "the branch of the Atomenergo institute": the name before the noun
            q = next((g for g in q.children if g.dep_ == "compound" and g.i in ms), q)
        if q.i in ms and ms[q.i].type in BODIES:
            found.append(ms[q.i])
    return list({id(m): m for m in found}.values())


def office_places(tok, ms) -> list:
    """The place tokens of a body's office noun (a branch or a headquarters): "the bureau in
    Beirut", "the Beirut bureau", "Acme's Tulsa headquarters", "its bureau in the city of Kirkuk"."""
    found = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ms and ms[c.i].type in STATES]
    found += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" and place(p, ms) is not None]
    return found


def based_at(ctx, org: Mention, p, factors: tuple[float, float], tok) -> Iterator[RelationMention]:
    """``org`` is based in the place the token ``p`` names, and in the larger place after its
    comma ("in Providence, R.I."): basedIn at the first factor, the larger place at the second."""
    ms = ctx.ms
    where = place(p, ms)
    if where is None or where is org:
        return
    yield static(ctx, org, "basedIn", where, factors[0], tok)
    outer = comma_place(p, where, ms) if p.i in ms else None
    if outer is not None and outer is not org:
        yield static(ctx, org, "basedIn", outer, factors[1], tok)


def branch(ctx, tok, m) -> Iterator[RelationMention]:
    """"The Associated Press bureau in Beirut", "the Beirut bureau of the AP"."""
    ms = ctx.ms
    if tok.i in ms:
        return  # "the Foreign Office": the noun is part of a name
    orgs = _owners(tok, ms)
    if not orgs:
        return
    for p in office_places(tok, ms):
        for org in orgs:
            yield from based_at(ctx, org, p, (0.6, 0.55), tok)
