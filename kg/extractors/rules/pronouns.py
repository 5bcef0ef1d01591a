"""Pronouns and pairs: whom "it", "they", "his" and "the two countries" stand for.

A pronoun stands for the subject of a clause that governs it ("Iraq said *it* would ...")
or, failing that, for the one candidate of its kind in its sentence or the one before; two
candidates leave it unresolved. "The two countries", "both sides" stand for the two
actors of that kind just named. The pronouns and the kinds they take are in
``kg/data/rules/actors.tsv``.
"""

from __future__ import annotations

from .context import Reading
from .deps import SUBJ, prev_sent_start
from .words import W


def pronoun(ctx, tok) -> list[Reading]:
    """The antecedent of a pronoun when it is clear: the subject of a clause that governs it
    ("Iraq said it would ..."), else the one candidate of that kind in this or the previous sentence."""
    types = W.pronouns.get(tok.lower_)
    if types is None:
        return []
    found = _governing_subject(ctx, tok, types)
    if found is not None:
        return found
    ms = ctx.ms
    sent = tok.sent
    for lo, hi, factor in ((sent.start, tok.i, 0.65), (prev_sent_start(tok), sent.start, 0.6)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == 1:
            return [(next(iter(cands.values())), factor)]
        if len(cands) > 1:
            return []
    return []


def _governing_subject(ctx, tok, types) -> list[Reading] | None:
    """The subject of a clause that governs the pronoun, or the owner of that subject
    ("Japan's trade grew while its alliance held")."""
    node = tok
    # "Dorn died after Voss shot him": an object pronoun is never its own clause's subject
    own_clause = None
    if tok.lower_ in ("him", "her", "them") and tok.dep_ in ("dobj", "dative", "pobj"):
        own_clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        for c in node.children:
            if own_clause is not None and node.i == own_clause.i and c.dep_ in SUBJ:
                continue
            found = _subject_reading(ctx, tok, c, types)
            if found is not None:
                return found
    return None


def _subject_reading(ctx, tok, c, types) -> list[Reading] | None:
    """What the subject ``c`` of a clause governing the pronoun says it stands for, if anything."""
    ms = ctx.ms
    if c.dep_ in SUBJ and c.i < tok.i and c.i != tok.i and tok not in c.subtree:
        m = ms.get(c.i)
        if m is not None and m.type in types:
            return [(m, 0.75)]
        if c.pos_ != "PRON":
            from .actors import actor_of  # (actors reads pronouns too)

            for m2, f in actor_of(ctx, c, "actor", None):
                if m2.type in types:
                    return [(m2, 0.7 * f)]
    if c.dep_ in SUBJ and c.i < tok.i and tok.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ms:
        # "South Korea's reliance on China while keeping its alliance with the US",
        # "Japan's trade grew while its alliance held": the owner of the subject
        owners = [ms[p.i] for p in c.children if p.dep_ == "poss" and p.i in ms and ms[p.i].type in types]
        if len(owners) == 1:
            return [(owners[0], 0.65)]
    return None


def pair(ctx, tok, types) -> list[Reading]:
    """The two actors "the two countries" stands for, if exactly two were just named."""
    ms = ctx.ms
    for lo, hi in ((tok.sent.start, tok.i), (prev_sent_start(tok), tok.sent.start)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == 2:
            return [(m, 0.7) for m in cands.values()]
        if len(cands) > 2:
            return []
    return []
