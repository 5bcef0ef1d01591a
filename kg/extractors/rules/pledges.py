"""Pledges and threats: saying one will act is itself an event (CAMEO 03 and 13).

"Syria is willing to withdraw its troops from Lebanon" is an intended withdrawal and an
asserted AGREE; "Japan said it would attack North Korea" or "will strike unless ..." an
intended attack and an asserted THREATEN; "vowed to retaliate" is a threat, not a
promise. Which event types a commitment turns into a pledge or a threat is in
``kg/data/rules/modality.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import RelationMention
from . import records
from .context import same
from .modality import announcement, commitment, conditional, modality_of
from .triggers import verb_event
from .words import W


def pledges_and_threats(ctx, verb, et, pairs, negated: bool, modality: str,
                        factor: float) -> Iterator[RelationMention]:
    """The AGREE or THREATEN events of announcing an event. ``verb`` is the event's verb, or
    the light verb of a nominal one ("would tighten the blockade"); ``pairs`` its (actor,
    factor, recipient, factor) readings."""
    announced = announcement(verb) if modality == "intended" and not negated else None
    committed = commitment(verb) if modality == "intended" and not negated else None
    threat = et.plover in W.threat_types and not negated and (
        modality in ("intended", "hypothetical") and conditional(verb)
        # "is prepared to impose martial law", "stands ready to strike": a threat
        or committed is not None and committed.lower_ in W.readiness and et.plover not in W.pledge_types
        or announced is not None and et.plover not in W.pledge_types)  # "said it would release": no threat
    pledge, pledge_modality = _pledge(ctx, verb, et, negated, modality, announced, committed)
    for a, fa, o, fo in pairs:
        if same(a, o):
            continue
        if pledge is not None and pledge_modality in ("asserted", "reported") and et.plover != "AGREE":
            # "is willing to withdraw its troops from Lebanon": saying so is an AGREE event
            yield records.event(ctx, a, ctx.lex.by_predicate["agreesWith"], o, False, pledge_modality,
                                0.65 * factor * fa * fo, pledge)
        if threat:  # "will withdraw its troops unless ...": the announcement is a threat
            yield records.event(ctx, a, ctx.lex.by_predicate["threatens"], o, False,
                                "asserted" if modality == "intended" else modality, 0.6 * factor * fa * fo, verb)


def _pledge(ctx, verb, et, negated, modality, announced, committed):
    """(the word that pledges the act, the modality of pledging), or (None, None)."""
    if modality == "intended" and not negated and et.plover in W.pledge_types and not conditional(verb, ("unless",)):
        # An announced withdrawal ("will withdraw its peacekeepers from Chad") is as often a
        # threat as a concession: only an explicit commitment makes it a pledge.
        pledge = committed or (announced if et.plover != "RETREAT" else None)
        if pledge is not None:
            pledge_negated, pledge_modality = modality_of(ctx, pledge)
            if not pledge_negated:
                return pledge, pledge_modality
    return None, None


def hostile_complement(ctx, verb) -> bool:
    """Does the verb's infinitive complement do harm ("vowed to retaliate", "pledged to
    impose sanctions")? Promising that is no cooperation."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children):
            inner = verb_event(ctx, c) or next((ctx.lex.nouns[o.lemma_.lower()] for o in c.children
                                                if o.dep_ == "dobj" and o.lemma_.lower() in ctx.lex.nouns), None)
            if inner is not None and inner.plover in W.hostile_types:
                return True
    return False
