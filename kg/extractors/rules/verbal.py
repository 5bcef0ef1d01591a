"""Verbal events: a verb trigger with its actors and recipients, as records.

"Egypt, Greece and Cyprus condemned Turkey" gives three events; "Lee and Xi met" one
symmetric event; "Turkey was condemned by Egypt" the same as the active. Also the demand a
speech verb's "must" clause makes ("Britain said Libya must hand over the suspects").
The trigger is found by :mod:`.triggers`, the actors by :mod:`.subjects`, the recipients
by :mod:`.recipients`, what is asserted by :mod:`.modality`; this module pairs them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...lexicon import EventType
from ...model import RelationMention
from . import records, trace, unnamed
from .actors import actor_of, actors_of
from .context import Reading, same
from .deps import SUBJ, conjuncts
from .mentions import person_not_place
from .modality import modality_of
from .nominal import noun_actors, unissued
from .noun_recipients import untagged_person
from .pledges import hostile_complement, pledges_and_threats, statement_row
from .recipients import demanded_of, recipients_of
from .subjects import subjects
from .triggers import reading_as, verb_event
from .words import W


def verb_events(ctx, verb, et: EventType) -> Iterator[RelationMention]:
    """The events of one verb trigger."""
    if et.plover == "AGREE" and hostile_complement(ctx, verb):
        if verb.lemma_.lower() not in W.vows:
            trace.lost(ctx, verb, "agree-harm")
            return  # "agreed to impose sanctions on X" is no agreement with X
        et = ctx.lex.by_predicate["threatens"]  # "vowed to retaliate against Israel": a threat
    if et.plover == "AGREE" and _to_meet(ctx, verb):
        et = statement_row(ctx, et.predicate, "CONSULT")  # "agreed to meet": an intent to meet (CAMEO 036)
    actors, passive_objs = _actors(ctx, verb, et)
    if not actors:
        trace.lost(ctx, verb, "no-actor", trace.role_token(trace.subject_token(verb)))
        return
    if et.predicate in W.weapon_predicates and _aimed(ctx, verb, et):
        # "fired rockets at Israel": a test has no target. The firearms row knows "at", "into".
        et = reading_as(ctx, "fire", "attacks") or ctx.lex.by_predicate["attacks"]
    actors, objects = _victims(ctx, verb, et, passive_objs, actors)
    if not objects and et.plover == "PROTEST":
        objects = [(m, f) for m, f in demanded_of(ctx, verb) if not any(same(m, a) for a, _ in actors)]
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if not objects and len(actors) >= 2 and _each_other(verb):
        # "India and Pakistan accused each other", "blamed one another": each actor does it
        # to every other
        pairs = [(a, fa, b, fb) for a, fa in actors for b, fb in actors if a is not b]
    if all(o.type == "Topic" for o, _ in objects) and verb.lemma_.lower() in W.reciprocal and len(actors) >= 2:
        # "Lee and Xi met", "the two countries agreed", "Iran and Iraq signed a pact": a
        # symmetric event between the actors (besides the thing signed)
        pairs += [(a, fa, b, fb) for i, (a, fa) in enumerate(actors) for b, fb in actors[i + 1:]]
    if not pairs:
        trace.lost(ctx, verb, "no-recipient", trace.role_token(trace.object_token(verb)))
        return
    if _toll(ctx, verb, et, objects, actors):
        trace.lost(ctx, verb, "ended", "toll")
        return
    status = _modality(ctx, verb)
    negated, modality = unnamed.tried(ctx, verb, et, status)  # "an attempt to kill X" is violence
    if (negated, modality) != status and et.predicate == "kills":
        et = dataclasses.replace(et, predicate="attacks")  # an attempt on a life: no one killed
    yield from records.events(ctx, pairs, et, negated, modality, 0.85, verb)
    yield from pledges_and_threats(ctx, verb, et, pairs, negated, modality, 1.0)


def _each_other(verb) -> bool:
    """Is the verb's object (or the object of its preposition) "each other" or "one another"?"""
    holders = [verb, *(c for c in verb.children if c.dep_ == "prep")]
    return any(o.dep_ in ("dobj", "pobj") and (o.lower_, d.lower_) in (("other", "each"), ("one", "another"))
               for h in holders for o in h.children for d in o.children if d.dep_ == "det")


def _to_meet(ctx, verb) -> bool:
    """Is what the verb agrees, offers or promises to do a meeting, visit or talks ("agreed to
    meet in Sochi", "offered to host the talks")?"""
    return any(c.dep_ == "xcomp" and (e := verb_event(ctx, c)) is not None and e.plover == "CONSULT"
               for c in verb.children)


def _toll(ctx, verb, et, objects, actors) -> bool:
    """Is the verb the toll of the attack its clause hangs on ("attacked a U.N. base,
    killing 100 refugees", "shelled the town, wounding 12 civilians", a riot's "injuring 20
    officers")? One attack, told once: its target is the attacking verb's recipient. A person
    named as killed is a killing of its own ("shot the mayor, killing him")."""
    if et.plover != "ASSAULT" or verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return False
    attack = verb_event(ctx, verb.head)
    if attack is None or any(o.type == "Person" for o, _ in objects):
        return False
    if attack.plover != "ASSAULT" and attack.mode != "riot":  # "clashed with police, injuring 20 officers"
        return False
    return bool(recipients_of(ctx, verb.head, attack, [], actors))  # the attack has a target


def _actors(ctx, verb, et) -> tuple[list[Reading], list]:
    """(actors, recipient tokens of a passive): the subject's, else whoever the clause
    implies (a passive with no agent, an attack that is the subject, an unnamed attacker)."""
    if unissued(verb):
        return [], []  # "vetoed a resolution condemning X": the vetoer condemns no one
    actors, passive_objs = subjects(ctx, verb, et)
    if not actors and passive_objs:
        actors = _unnamed_agent(ctx, verb, et)
    if not actors and et.plover == "ASSAULT":
        actors = _attack_subject(ctx, verb) or unnamed.attackers(ctx, verb, et, passive_objs)
    if not actors and et.plover == "ASSAULT" and verb.lemma_.lower() in W.person_harm_verbs:
        actors = _untagged(ctx, [p for c in verb.children if c.dep_ == "nsubj" or c.dep_ == "agent"
                                 for p in ([c] if c.dep_ == "nsubj" else c.children) if p.dep_ != "prep"])
    return actors, passive_objs


def _victims(ctx, verb, et, passive_objs, actors) -> tuple[list[Reading], list[Reading]]:
    """(actors, recipients) of the verb, with the people a killing makes of names."""
    objects = recipients_of(ctx, verb, et, passive_objs, actors)
    if not objects and et.plover == "ASSAULT" and verb.lemma_.lower() in W.person_harm_verbs:
        objects = _untagged(ctx, [*passive_objs, *(c for c in verb.children if c.dep_ == "dobj")])
    if et.predicate in W.victim_possessive:
        # "... included Brutus and Cassius": a one-word name the NER took for a place it
        # does not know, killing or killed, is a person's
        actors = [(person_not_place(m, ctx.linker), f) for m, f in actors]
        objects = [(person_not_place(m, ctx.linker), f) for m, f in objects]
    return actors, objects


def _untagged(ctx, toks) -> list[Reading]:
    """"King was shot by Ray", "after Booth shot Lincoln": a killer or a victim whose name
    the NER left untagged (and kg does not know) is a person."""
    found = [untagged_person(ctx, t) for t in toks]
    return [(m, 0.8) for m in found if m is not None]


def _modality(ctx, verb) -> tuple[bool, str]:
    """The verb's negation and modality; what was asked for is intended, not done."""
    negated, modality = modality_of(ctx, verb)
    if modality in ("asserted", "reported") and _asked_for(verb):
        modality = "intended"  # "urged Iran to release the sailors"
    return negated, modality


def _asked_for(verb) -> bool:
    """Is the verb the complement of a verb of asking or ordering ("urged Iran to release",
    "called on the EU to lift", "ordered Israel to withdraw")? Its actor is the one asked, and
    it is what was asked, not what was done ("forced Israel to withdraw" is done)."""
    lemma = verb.head.lemma_.lower()
    return verb.dep_ == "xcomp" and lemma in W.object_control and lemma not in W.done_control


def _unnamed_agent(ctx, verb, et) -> list[Reading]:
    """The actor of a passive with no agent: "the PKK is banned in Turkey" (the state where
    it is banned bans it), "was killed in an American drone strike" (whoever struck)."""
    ms = ctx.ms
    actors: list[Reading] = []
    if et.plover in ("SANCTION", "COERCE") and verb.lemma_.lower() in W.banning_verbs:
        actors = [(ms[p.i], 0.75) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
                  for p in prep.children if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Country"]
    if not actors and et.plover == "ASSAULT":
        for prep in verb.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "during", "by"):
                for p in prep.children:
                    strike = ctx.lex.nouns.get(p.lemma_.lower()) if p.i not in ms else None
                    if strike is None and p.i not in ms and p.lemma_.lower() in W.operation_nouns:
                        strike = et  # "killed in a US counter-terrorism operation": a military one
                    if p.dep_ == "pobj" and strike is not None and strike.plover == "ASSAULT":
                        # "killed by a US drone strike", "killed in an attack by Hezbollah
                        # fighters": whoever the attack names as its doer (as a subject attack)
                        actors += [(m, f * 0.8) for m, f in noun_actors(ctx, p, strike)[0]
                                   if m.type != "Topic" and (m.type != "Person" or m.country)]
    return actors


def _attack_subject(ctx, verb) -> list[Reading]:
    """"A Syrian airstrike killed two Iraqis", "the army's offensive destroyed the camp": the
    one who carried out the attack that is the subject."""
    found: list[Reading] = []
    # the parser makes "airstrikes killed dozens" a noun with a participle as often as a clause
    attacks = [s for s in verb.children if s.dep_ in SUBJ] + ([verb.head] if verb.dep_ == "acl" else [])
    for s in attacks:
        et = ctx.lex.nouns.get(s.lemma_.lower()) if s.i not in ctx.ms else None
        if et is not None and et.plover == "ASSAULT":
            # (a name the NER took for a person with no country: "Twin bombings")
            found += [(m, f * 0.9) for m, f in noun_actors(ctx, s, et)[0]
                      if m.type != "Topic" and (m.type != "Person" or m.country)]
    return found


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
        if c.dep_ != "ccomp" or not _obliged(c):
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


def _obliged(clause) -> bool:
    """Does the clause say its subject must act ("must hand over", "should apologise", "has to
    release", "needs to stop")? (Not a pronoun that "has to" or "needs to": "they need to
    stand by us" says as often what the speaker's own side must do.)"""
    if any(a.dep_ == "aux" and a.lower_ in W.demand_modals for a in clause.children):
        return True
    return clause.lemma_.lower() in W.obligation_verbs and clause.pos_ in ("VERB", "AUX") \
        and not any(s.dep_ in SUBJ and s.pos_ == "PRON" for s in clause.children) and any(
            x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
            for x in clause.children)
