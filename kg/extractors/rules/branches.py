"""A body's bureau, branch, office or store in a place: the body is based there.

"The Associated Press bureau in Beirut", "the Beirut bureau of the AP", "the St. Petersburg
branch of the Atomenergo institute", "a Kmart store in Niagara Falls", "Acme's Tulsa office":
the body has a seat in that place (basedIn, at 0.6: a branch, not necessarily the head
office, as a dateline's bureau). The nouns are ``branch_nouns`` in kg/data/rules/statics.tsv;
a headquarters is read by :func:`.bodies.based`.
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


def _places(tok, ms) -> list:
    """The place tokens of a branch: "the bureau in Beirut", "the Beirut bureau"."""
    found = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ms and ms[c.i].type in STATES]
    found += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" and place(p, ms) is not None]
    return found


def branch(ctx, tok, m) -> Iterator[RelationMention]:
    """"The Associated Press bureau in Beirut", "the Beirut bureau of the AP"."""
    ms = ctx.ms
    if tok.i in ms:
        return  # "the Foreign Office": the noun is part of a name
    orgs = _owners(tok, ms)
    if not orgs:
        return
    for p in _places(tok, ms):
        where = place(p, ms)
        for org in orgs:
            if where is org:
                continue
            yield static(ctx, org, "basedIn", where, 0.6, tok)
            outer = comma_place(p, where, ms) if p.i in ms else None
            if outer is not None and outer is not org:
                yield static(ctx, org, "basedIn", outer, 0.55, tok)
