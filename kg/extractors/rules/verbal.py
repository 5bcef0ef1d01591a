"""Verbal events: a verb trigger with its actors and recipients, as records.

"Egypt, Greece and Cyprus condemned Turkey" gives three events; "Lee and Xi met" one
symmetric event; "Turkey was condemned by Egypt" the same as the active. Also the demand a
speech verb's "must" clause makes ("Britain said Libya must hand over the suspects").
The trigger is found by :mod:`.triggers`, the actors by :mod:`.subjects`, the recipients
by :mod:`.recipients`, what is asserted by :mod:`.modality`; this module pairs them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...lexicon import EventType
from ...model import RelationMention
from . import records
from .actors import actor_of, actors_of
from .context import COLLECTIVE, Reading, same
from .deps import MODIFIER, SUBJ, conjuncts
from .mentions import person_not_place
from .modality import modality_of
from .pledges import hostile_complement, pledges_and_threats
from .recipients import demanded_of, recipients_of
from .subjects import subjects
from .triggers import reading_as
from .words import W


def verb_events(ctx, verb, et: EventType) -> Iterator[RelationMention]:
    """The events of one verb trigger."""
    if et.plover == "AGREE" and hostile_complement(ctx, verb):
        if verb.lemma_.lower() not in W.vows:
            return  # "agreed to impose sanctions on X" is no agreement with X
        et = ctx.lex.by_predicate["threatens"]  # "vowed to retaliate against Israel": a threat
    actors, passive_objs = subjects(ctx, verb)
    if not actors and passive_objs:
        actors = _unnamed_agent(ctx, verb, et)
    if not actors:
        return
    if et.predicate in W.weapon_predicates and _aimed(ctx, verb, et):
        # "fired rockets at Israel": a test has no target. The firearms row knows "at", "into".
        et = reading_as(ctx, "fire", "attacks") or ctx.lex.by_predicate["attacks"]
    objects = recipients_of(ctx, verb, et, passive_objs, actors)
    if et.predicate in W.victim_possessive:
        # "... included Brutus and Cassius": a one-word name the NER took for a place it
        # does not know, killing or killed, is a person's
        actors = [(person_not_place(m, ctx.linker), f) for m, f in actors]
        objects = [(person_not_place(m, ctx.linker), f) for m, f in objects]
    if not objects and et.plover == "PROTEST":
        objects = [(m, f) for m, f in demanded_of(ctx, verb) if not any(same(m, a) for a, _ in actors)]
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if all(o.type == "Topic" for o, _ in objects) and verb.lemma_.lower() in W.reciprocal and len(actors) >= 2:
        # "Lee and Xi met", "the two countries agreed", "Iran and Iraq signed a pact": a
        # symmetric event between the actors (besides the thing signed)
        pairs += [(a, fa, b, fb) for i, (a, fa) in enumerate(actors) for b, fb in actors[i + 1:]]
    if not pairs:
        return
    negated, modality = modality_of(ctx, verb)
    for a, fa, o, fo in pairs:
        if not same(a, o):
            yield records.event(ctx, a, et, o, negated, modality, 0.85 * fa * fo, verb)
    yield from pledges_and_threats(ctx, verb, et, pairs, negated, modality, 1.0)


def _unnamed_agent(ctx, verb, et) -> list[Reading]:
    """The actor of a passive with no agent: "the PKK is banned in Turkey" (the state where
    it is banned bans it), "was killed in an American drone strike" (whoever struck)."""
    ms = ctx.ms
    actors: list[Reading] = []
    if et.predicate == "restricts" and verb.lemma_.lower() in W.banning_verbs:
        actors = [(ms[p.i], 0.75) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
                  for p in prep.children if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Country"]
    if not actors and et.plover == "ASSAULT":
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "by"):
                for p in prep.children:
                    strike = ctx.lex.nouns.get(p.lemma_.lower())
                    if p.dep_ == "pobj" and strike is not None and strike.plover == "ASSAULT":
                        actors += [(ms[c.i], 0.8) for c in p.children if c.dep_ in MODIFIER and c.i in ms
                                   and ms[c.i].type in COLLECTIVE]
    return actors


def _aimed(ctx, verb, et) -> bool:
    """Is what the verb launches aimed at someone ("fired rockets at Israel")?"""
    weapons = [h for c in verb.children if c.dep_ == "dobj" for h in conjuncts(c)]
    return any(p.dep_ == "prep" and p.lower_ in ("at", "into", "against", "on")
               and any(actor_of(ctx, o, "recipient", et) for o in p.children if o.dep_ == "pobj")
               for h in (verb, *weapons) for p in h.children)


def demand_clause(ctx, verb) -> Iterator[RelationMention]:
    """"Britain said Libya must hand over the suspects": a demand on Libya (REQUEST)."""
    et = ctx.lex.by_predicate["requests"]
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
            continue
        if any(a.dep_ == "neg" for a in c.children):
            continue
        actors = subjects(ctx, verb)[0]
        objects = [(m, f) for s in c.children if s.dep_ in SUBJ
                   for m, f in actors_of(ctx, s, role="recipient") if m.type != "Topic"]
        negated, modality = modality_of(ctx, verb)
        for a, fa in actors:
            for o, fo in objects:
                # "Britain said Britain must ..." is no demand, but its opposition's is
                if not same(a, o) and not (o.type == "Country" and a.country == o.country and not a.sector):
                    yield records.event(ctx, a, et, o, negated, modality, 0.65 * fa * fo, verb)
