"""The static-relation pass over one sentence: which rule runs on which token, in what order.

Rules on names run on the mentions of the right kind (a person's titles, an
organisation's seat, a place's larger place); rules started by a word run on the tokens
a row of ``kg/data/rules/static_triggers.jsonl`` fits. On each token the rules run in
the fixed order of :data:`ORDER`, so the records come out in the same order every time.
A dateline is read first.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator

from ...errors import DataError
from ...model import RelationMention
from . import bodies, branches, company_titles, employment, homes, jobs, party_members, people, places, shapes, ties
from .aliases import aliases
from .context import name, same
from .datelines import dateline
from .deps import columns
from .words import jsonl_rows

TRIGGERS = "static_triggers.jsonl"

RULES = {
    "titled": people.titled,
    "of_place": people.of_place,
    "based": bodies.based,
    "seat": bodies.seat,
    "branch": branches.branch,
    "place_in": places.place_in,
    "facility": places.facility,
    "capital": places.capital,
    "roles": ties.roles,
    "alliance": ties.alliance,
    "members": ties.members,
    "copula_in": places.copula_in,
    "province_of": places.province_of,
    "located": places.located,
    "born": homes.born,
    "hometown": homes.hometown,
    "native": homes.native,
    "home_of": homes.home_of,
    "appointed": jobs.appointed,
    "former": jobs.former,
    "works": jobs.works,
    "employed": employment.employed,
    "joined": employment.joined,
    "writes_for": employment.writes_for,
    "left_job": employment.left_job,
    "belongs": party_members.belongs,
    "candidacy": party_members.candidacy,
    "standing_as": party_members.standing_as,
    "company_title": company_titles.company_title,
    "heads": ties.heads,
    "residence": homes.residence,
    "of_country": people.of_country,
    "lives": homes.lives,
}
ORDER = tuple(RULES)
# Rules on names, by the kind of mention they read.
ON_MENTIONS = {
    "Person": {"titled", "of_place", "of_country", "facility"},
    "Organization": {"seat", "facility"},
    "City": {"place_in", "native"},
    "Location": {"place_in", "native"},
    "Country": {"native"},
    "Group": {"native"},
}


def static_relations(ctx) -> Iterator[RelationMention]:
    """The static relations of the context's sentence."""
    yield from dateline(ctx)
    yield from places.territories(ctx)
    names = aliases(ctx.sent, ctx.ms)
    doc, index, cols = ctx.sent.doc, _triggers(), columns(ctx.sent.doc)
    by_lemma, by_lower, lemma, lower = index["lemma"], index["lower"], cols.lemma, cols.lower
    for i in range(ctx.sent.start, ctx.sent.end):
        m = ctx.ms.get(i)
        if m is None and lemma[i] not in by_lemma and lower[i] not in by_lower:
            continue  # (no rule for it: the token is not made)
        tok = doc[i]
        fired = _fired(ctx, tok)
        if m is None and not fired:
            continue
        for rule in _plan(m.type if m is not None else None, fired):
            for r in rule(ctx, tok, m):
                yield r
                if names:
                    yield from _by_other_names(r, names)


def _by_other_names(r: RelationMention, names: dict) -> Iterator[RelationMention]:
    """The same relation for the other name the sentence gives either side ("a leader of the
    Papa Egoro Movement, MPE": of the MPE too), a little less sure."""
    conf = round(r.confidence - 0.05, 3)
    for other in names.get(name(r.object), ()):
        if not same(other, r.subject):
            yield dataclasses.replace(r, object=other, confidence=conf)
    for other in names.get(name(r.subject), ()):
        if not same(other, r.object):
            yield dataclasses.replace(r, subject=other, confidence=conf)


def _fired(ctx, tok) -> frozenset[str]:
    index = _triggers()
    rows = index["lemma"].get(tok.lemma_.lower(), ()) + index["lower"].get(tok.lower_, ())
    if not rows:
        return frozenset()
    return frozenset(row["rule"] for row in rows
                     if tok.pos_ in row["pos"] and ("if" not in row or shapes.fits(ctx, tok, row["if"])))


@functools.cache
def _plan(mention_type: str | None, fired: frozenset[str]) -> tuple:
    names = ON_MENTIONS.get(mention_type, set()) | fired
    return tuple(RULES[name] for name in ORDER if name in names)


@functools.cache
def _triggers() -> dict[str, dict[str, tuple[dict, ...]]]:
    """"lemma" or "lower" → word → the rows it fits."""
    index: dict[str, dict[str, list[dict]]] = {"lemma": {}, "lower": {}}
    for row in jsonl_rows(TRIGGERS):
        where = f"kg/data/rules/{TRIGGERS}, the row for {row.get('rule')!r}"
        if row.get("rule") not in RULES or not row.get("pos"):
            raise DataError(f"{where}: a row needs a \"rule\" (one of {', '.join(RULES)}) and \"pos\"")
        attr = next((a for a in ("lemma", "lower") if a in row), None)
        if attr is None:
            raise DataError(f"{where}: a row needs \"lemma\" or \"lower\"")
        if "if" in row:
            shapes.check(row["if"], where)
        for word in row[attr]:  # ("@name" lists read by jsonl_rows)
            index[attr].setdefault(word, []).append(row)
    return {attr: {k: tuple(v) for k, v in words.items()} for attr, words in index.items()}
