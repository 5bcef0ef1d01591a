"""Crowds: the unnamed crowd a protest noun stands for, and the state it protests to.

"Anti-government protests continued in Baghdad", "protests against the new fuel tax erupted
across Lebanon": a protest told by a noun that names no one who protests is, as the PLOVER
codebook codes unnamed crowds, by the civilians of the one country where it takes place,
protesting to that country's state when the noun names no one else. Read by
:mod:`.nominal` for the noun's actor when nothing names one. The words are in
``kg/data/rules/roles.tsv``.
"""

from __future__ import annotations

from ...model import SECTORS, Mention
from .context import Reading
from .geography import place_countries
from .triggers import verb_event
from .words import W


def unnamed_crowd(ctx, noun, carrier) -> list[Reading]:
    """"Anti-government protests continued in Baghdad", "protests against the new tax erupted
    across Lebanon": a protest told by a noun that names no one who protests is, as the PLOVER
    codebook codes unnamed crowds, by the civilians of the one country where it takes place.
    Not when what it is against is neither someone named nor a measure of the state at home
    ("protests against the war in Yemen were held in London"), nor with no place named."""
    if carrier.dep_ not in ("nsubj", "nsubjpass", "attr") or verb_event(ctx, carrier.head) is not None:
        # "agreed to postpone the demonstration": its organisers, if anyone, not a crowd;
        # "protests against Putin were banned": the ban is the event
        return []
    against = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in W.crowd_target_preps
               for p in c.children if p.dep_ == "pobj"]
    if any(p.i not in ctx.ms and p.lemma_.lower() not in W.home_measures for p in against):
        return []
    if not against and not _against_the_state(noun):
        return []  # "protests erupted in Madrid after the match", "rallies for the ruling party"
    holders = [carrier]
    if carrier.head.pos_ in ("VERB", "AUX"):
        holders.append(carrier.head)  # "protests erupted across Lebanon", "protests were held in Paris"
    where = place_countries((p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in W.place_preps
                             for p in c.children if p.dep_ == "pobj"), ctx.ms)
    if len(where) != 1:
        return []
    start, end = noun.idx, noun.idx + len(noun.text)
    return [(Mention(noun.text, start, end, SECTORS["CVL"][1], country=where.pop(), key=noun.text, sector="CVL"),
             0.8)]


def _against_the_state(noun) -> bool:
    """Is the noun an "anti-government" (or "anti-regime", "anti-austerity") protest, said
    by a modifier on it (one token, or "anti", "-", "government")?"""
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound")]
    for i, w in enumerate(words):
        for p in W.against_prefixes:
            if w.startswith(p) and "".join(words[i:]).removeprefix(p).lstrip("-") in W.home_measures:
                return True
    return False


def crowd_state(ctx, noun, crowd) -> list[Reading]:
    """The state an unnamed crowd of :func:`unnamed_crowd` protests to when the noun names no
    one else ("anti-government protests continued in Baghdad": Iraq), as a people that protests
    at home addresses its own state (recipients._own_state)."""
    if len(crowd) != 1:
        return []
    state = ctx.linker.country_mention(crowd[0][0].country, noun.idx, noun.idx + len(noun.text))
    return [(state, 0.8)] if state is not None else []
