"""Nominal events: a noun trigger ("China's ban on K-pop", "talks between Peru and Chile").

The actor is the noun's possessor or modifier ("*China's* ban", "*Israeli* strikes"), its
``by``-agent, both sides of a "between", what a withdrawal moves, or the subject of the
light verb that carries it ("China *imposed* a ban"); a killing's possessor is its victim
("Kennedy's killing"). The recipient hangs on the noun or on its light verb by a
preposition the lexicon row lists (:mod:`.noun_recipients`). What the noun's own modifiers
and its governing verb say makes it intended ("the planned visit", "demanded the release
of"), hypothetical or called off. (The killer nouns and "at the hands of" are in :mod:`.killers`.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ...lexicon import EventType
from ...model import RelationMention
from . import records, trace
from .actors import actors_of, pronoun
from .antecedents import act_doers
from .context import ACTOR_TYPES, Reading
from .crowds import crowd_state, unnamed_crowd
from .culprits import accused
from .dates import dates_on
from .deps import MODIFIER, SUBJ, conjuncts
from .doers import acted_by
from .geography import place
from .mentions import topic
from .modality import modality_of, nominal_status
from .noun_recipients import behest, noun_recipients
from .past import claimed_by
from .pledges import pledges_and_threats
from .sectors import is_role_noun
from .subjects import subjects, unissued
from .triggers import denied_of, verb_event, verb_lemma
from .words import W


def noun_events(ctx, trigger, et: EventType) -> Iterator[RelationMention]:
    """The events of one noun trigger."""
    noun = _frame(ctx, trigger)
    actors, victims = noun_actors(ctx, noun, et)
    carrier = _measured(noun)  # the noun in the verb's slot: "launched *a wave* of airstrikes"
    governor = carrier.head
    gov_event = verb_event(ctx, governor) if carrier.dep_ in ("dobj", "nsubjpass") else None
    if gov_event is not None and gov_event.plover in W.ending_types:
        trace.lost(ctx, trigger, "ended")
        return  # "lifted its ban on K-pop": the ban ends; the lifting is the event
    if gov_event is not None and gov_event.plover in W.reaction_types and et.plover in W.hostile_types \
            and carrier.dep_ == "dobj":
        # "condemned the air strikes on Yugoslavia": the condemnation is the event. Only an
        # active reaction, whose subject reacts: "the lawsuit filed by Ghana was dismissed"
        # names no one who rejects, and the suit stays an event
        trace.lost(ctx, trigger, "ended", "reaction")
        return
    clause = _clause_roles(ctx, noun, carrier, et) if not actors or acted_by(noun) else None
    if clause is not None and (not actors or clause[1]):
        # "Brazil drew criticism from France", "Google faces an inquiry by the EU",
        # "placed Lula under house arrest"
        yield from _clause_events(ctx, trigger, noun, carrier, et, *clause)
        return
    if not actors:
        actors = _light_verb_actors(ctx, carrier, et, gov_event)
    crowd = []  # an unnamed crowd kg reads as the protesters
    if not actors and et.plover in W.crowd_types:
        actors = crowd = unnamed_crowd(ctx, noun, carrier)
    if not actors:
        trace.lost(ctx, trigger, "no-actor", _missing_actor(noun))
        return
    # ("sanctions were imposed on Iran": the passive's subject is as much the light verb's)
    light = carrier.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" and gov_event is None
    holders = _holders(ctx, noun, et, carrier, light)
    objects = noun_recipients(ctx, noun, et, holders, victims, actors)
    if crowd and all(m.type == "Topic" for m, _ in objects):
        # ("protests against a new fuel tax erupted across Lebanon": the state that levies it)
        objects = crowd_state(ctx, noun, crowd) or objects
    pairs = _pairs(ctx, noun, et, actors, objects)
    if not pairs:
        trace.lost(ctx, trigger, "no-recipient", trace.role_token(
            next((p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"), None)))
        return
    negated, modality = _modality(ctx, noun, carrier)
    if _visit_frame(noun, et):
        modality = _frame_modality(ctx, noun, modality)
    yield from records.events(ctx, pairs, et, negated, modality, 0.75, trigger)
    if light:
        # "said it would impose sanctions on X", "would tighten the blockade of X"
        gov_negated, gov_modality = modality_of(ctx, governor)
        yield from pledges_and_threats(ctx, governor, et, pairs, gov_negated or negated, gov_modality, 1.0)


def _holders(ctx, noun, et, carrier, light: bool) -> list:
    """The tokens whose prepositions may name a nominal event's recipient."""
    holders = [noun, *dates_on(noun)]  # "the assassination in 1914 of the archduke": the "of" hangs on the date
    holders += denied_of(noun)  # "a vote of no confidence against X": the "against" hangs on "confidence"
    if carrier is not noun:
        holders.append(carrier)  # "a wave of strikes on Gaza" parsed as a wave on Gaza
    if light:
        # "staged rallies in Gaza against Abbas", "launched rocket fire against the camps":
        # the parser hangs the recipient on the light verb as often as on the noun
        holders.append(carrier.head)
    if _visit_frame(noun, et):
        holders.append(noun.head.head)  # "Pompeo, who is in India on a visit": the clause says where
    # "the lawsuit filed by New York against Exxon": the participle that carries the noun
    holders += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and verb_event(ctx, c) is None]
    return holders


def _clause_roles(ctx, noun, carrier, et) -> tuple[list[Reading], list[Reading]] | None:
    """(actors, recipients) of an event noun whose roles the clause around it names the other
    way round from a light verb's: "Brazil *drew* criticism *from* France", "came under
    pressure from", "received support from" (the subject is aimed at, the "from" acts); and
    "the army *placed* Lula *under* house arrest" (the subject acts on the object). None when
    the noun sits in no such clause."""
    verb, under = carrier.head, carrier.dep_ == "pobj" and carrier.head.lower_ == "under"
    if under:
        verb = verb.head
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or not (carrier.dep_ == "dobj" or under):
        return None
    if under and lemma in W.placing_verbs:
        actors, passive = subjects(ctx, verb, et)
        objects = [c for c in verb.children if c.dep_ == "dobj"] or passive
        return actors or _state_where(ctx, (verb, carrier), passive), \
            [a for o in objects for a in actors_of(ctx, o, role="recipient", et=et)]
    undergoes = lemma in (W.under_verbs if under else W.undergoing_verbs)
    if not undergoes or et.plover not in W.undergone_types:
        return None
    sources = [p for h in dict.fromkeys((noun, carrier, verb)) for c in h.children
               if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
               for p in c.children if p.dep_ == "pobj"]
    actors = [(m, f * 0.9) for p in sources for m, f in actors_of(ctx, p) if m.type != "Topic"]
    aimed = [s for s in verb.children if s.dep_ in SUBJ]  # "Google faces an inquiry": a firm may be aimed at
    objects = [a for s in aimed for a in actors_of(ctx, s, role="recipient", et=et)] if aimed \
        else subjects(ctx, verb)[0]
    # ("the operation drew condemnation from France": whose operation was told before)
    objects = [(m, f) for m, f in objects if m.type != "Topic"] or [r for s in aimed for r in act_doers(ctx, s, noun)]
    return actors, [(m, f * 0.9) for m, f in objects]


def _state_where(ctx, holders, passive) -> list[Reading]:
    """"was put under investigation in Italy", "was placed under house arrest in Cairo": with
    no one named to do it, the state of the place it is done in does (its police, prosecutors
    or courts)."""
    if not passive:
        return []
    places = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" for m in [place(p, ctx.ms)] if m is not None and m.country]
    states = [ctx.linker.country_mention(m.country, m.start, m.end) for m in places[:1]]
    return [(m, 0.85) for m in states if m is not None]


def _clause_events(ctx, trigger, noun, carrier, et, actors, objects) -> Iterator[RelationMention]:
    pairs = _pairs(ctx, noun, et, actors, objects)
    if not pairs:
        trace.lost(ctx, trigger, "no-actor" if not actors else "no-recipient", "clause")
        return
    negated, modality = _modality(ctx, noun, carrier)
    yield from records.events(ctx, pairs, et, negated, modality, 0.75, trigger)


def _measured(noun):
    """The noun that measures or groups the event noun, when the noun is its "of" ("a wave
    of airstrikes", "three rounds of talks", "ten days of war games"): the light verb, its
    objects and its mood are that noun's. Otherwise the noun itself."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" \
            and of.head.lemma_.lower() in W.measure_nouns and of.head.i != of.i:
        return of.head
    return noun


def _frame(ctx, trigger):
    """The noun whose phrase states a noun trigger's event: the trigger itself, or the
    frame noun it qualifies ("a *mediation* effort between Egypt and Sudan", "the *peace*
    process"), whose possessor, light verb and prepositions then carry its roles."""
    head = trigger.head
    if trigger.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in W.frame_nouns:
        return head
    return trigger


def noun_actors(ctx, noun, et) -> tuple[list[Reading], list[Reading]]:
    """(actors, victims) named on the noun itself."""
    ms = ctx.ms
    actors: list[Reading] = []
    for c in _modifiers(ctx, noun):
        if c.dep_ in MODIFIER:
            if c.i in ms and ms[c.i].type in ACTOR_TYPES:
                actors += actors_of(ctx, c)
            elif c.dep_ == "poss" and c.pos_ == "PRON":
                actors += [(m, f * 0.9) for m, f in pronoun(ctx, c)]
            elif c.lemma_.lower() in W.backing_verbs and c.dep_ in ("amod", "compound"):
                # "Saudi-led airstrikes", "Iranian-backed attacks": the leader's or backer's
                actors += [(ctx.ms[g.i], 0.75) for g in c.children if g.i in ctx.ms
                           and ctx.ms[g.i].type in ACTOR_TYPES and ctx.ms[g.i].type != "Person"]
            elif c.dep_ in ("poss", "compound") and c.pos_ == "NOUN" and is_role_noun(ctx, c):
                # "the Peruvian government's request", "the army's offensive", "a police raid in
                # Caracas": the role noun says who acts, read as any actor is
                actors += [(m, f * 0.9) for m, f in actors_of(ctx, c) if m.type != "Topic"]
    victims: list[Reading] = []
    if (et.predicate in W.victim_possessive or et.predicate in W.possessor_undergoes
            or noun.lemma_.lower() in W.possessor_undergoes_nouns) and actors \
            and not any(c.dep_ == "prep" and c.lower_ in et.preps for c in noun.children):
        # "Kennedy's killing", "Khashoggi's murder", "Navalny's arrest": the possessor suffered it
        victims = [(m, f) for m, f in actors if m.type == "Person"]
        actors = [(m, f) for m, f in actors if m.type != "Person"]
    actors += [a for p in acted_by(noun) or behest(noun) for a in actors_of(ctx, p) if a[0].type != "Topic"]
    if not actors and (victims or et.plover == "ASSAULT"):
        # "convicted of Kennedy's killing", "suspected of the assassination of King"
        actors = accused(ctx, noun)
    if not actors and et.plover in W.mutual_types and "between" not in et.preps \
            and (noun.dep_ != "dobj" or noun.head.lemma_.lower() in W.held_verbs):
        # "talks between Ethiopia and Egypt", "a phone call between Trump and Erdogan", "the
        # dialogue between South Korea and China": both act, symmetrically
        # (and "the meeting of Abe and Moon": an "of" naming two or more)
        actors = _between(ctx, noun, ("between", "of"))
    if not actors and _reciprocal(noun):
        # "fighting between the army and the rebels", "clashes between Indian and Chinese
        # troops": each side fights the other
        actors = _between(ctx, noun, ("between",))
    if not actors and et.theme_preps:
        # "the withdrawal of Russian troops from Georgia": what is moved moves itself
        actors = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in actors_of(ctx, p)]
    return actors, victims


def _modifiers(ctx, noun) -> list:
    """The noun's children but a compound that is a word of the event's own name (a lexicon row:
    "placed him under house arrest" names no House acting)."""
    lemma = verb_lemma(noun)
    return [c for c in noun.children if not (c.dep_ == "compound" and c.i not in ctx.ms
                                             and f"{c.lemma_.lower()} {lemma}" in ctx.lex.nouns)]


def _between(ctx, noun, preps) -> list[Reading]:
    """The two or more sides a "between" (or "of") names, when it names two or more."""
    between = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
               for p in c.children if p.dep_ == "pobj" for q in conjuncts(p) for a in actors_of(ctx, q)
               if a[0].type != "Topic"]
    return between if len(between) >= 2 and len({id(m) for m, _ in between}) >= 2 else []


def _reciprocal(noun) -> bool:
    """Is the noun a fight both sides wage ("clashes", "fighting", "hostilities")?"""
    return verb_lemma(noun) in W.reciprocal_nouns


def _missing_actor(noun) -> str:
    """For the trace: the token that might have named a nominal event's actor."""
    mod = next((c for c in noun.children if c.dep_ in MODIFIER), None)
    if mod is not None:
        return "mod:" + trace.role_token(mod)
    if noun.dep_ in ("dobj", "nsubjpass", "pobj") and noun.head.pos_ == "VERB":
        return "light:" + trace.role_token(trace.subject_token(noun.head))
    return "none"


def _light_verb_actors(ctx, noun, et, gov_event) -> list[Reading]:
    """"China imposed a ban on K-pop": the light verb's subject acts (not an onlooker's:
    "Reuters reported the attack", "Tunisia is facing attacks"); "began a hunger strike in
    protest against X": whoever struck protests."""
    governor = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" and gov_event is None \
            and governor.lemma_.lower() not in W.onlooker_verbs:
        return [] if unissued(governor) else [(m, f * 0.9) for m, f in subjects(ctx, governor)[0]]
    claimed = claimed_by(noun)
    if claimed is not None:
        return [(m, f * 0.85) for m, f in subjects(ctx, claimed)[0]]
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB" \
            and noun.head.head.lemma_.lower() in W.answering_verbs:
        # "retaliated with missile strikes on US bases", "met the protesters with tear gas"
        return [(m, f * 0.9) for m, f in subjects(ctx, noun.head.head)[0]]
    if _visit_frame(noun, et):
        # "During a visit to Baghdad, Zarif said", "Merkel is on a visit to China": a person
        # who is the clause's subject is the visitor
        return [(m, f * 0.85) for m, f in subjects(ctx, noun.head.head)[0] if m.type == "Person"]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "for"):
        holder = noun.head.head
        if holder.pos_ == "NOUN" and holder.dep_ in ("dobj", "nsubjpass"):
            holder = holder.head  # "took part in the talks"
        # "went on hunger strike in protest against X", "took part in talks with Y",
        # "thousands converged for a rally": whoever joins it acts
        joins = holder.lemma_.lower() in W.joining_verbs or noun.head.lower_ == "in" and et.plover == "PROTEST"
        if holder.pos_ == "VERB" and joins:
            return [(m, f * 0.9) for m, f in subjects(ctx, holder)[0]]
    return []


def _visit_frame(noun, et) -> bool:
    """Is the noun a visit set as the time or state of a clause ("during a visit to X", "is on a
    visit to X")?"""
    return et.mode == "visit" and noun.dep_ == "pobj" and noun.head.lower_ in W.visit_frame_preps \
        and noun.head.head.pos_ in ("VERB", "AUX")


def _frame_modality(ctx, noun, modality: str) -> str:
    """A visit set as the time of its clause is as planned as the clause: "will meet the leaders
    during a visit to X" (not its negation: "did not meet him during the visit" was a visit)."""
    clause = modality_of(ctx, noun.head.head)[1]
    return clause if modality in ("asserted", "reported") and clause not in ("asserted", "reported") else modality


def _pairs(ctx, noun, et, actors, objects) -> list:
    """(actor, factor, recipient, factor) of each event the noun states."""
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if len(actors) >= 2 and (not objects and et.plover in W.mutual_types or _reciprocal(noun)):
        # "Japan and South Korea held talks"
        pairs = [(a, fa, b, fb) for i, (a, fa) in enumerate(actors) for b, fb in actors[i + 1:]]
    if not pairs and et.predicate in W.weapon_predicates:  # "North Korea's missile tests"
        weapons = [topic(c) for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in
                   ctx.lex.by_predicate[et.predicate].requires]
        pairs = [(a, fa, w, 0.8) for a, fa in actors for w in weapons]
    return pairs


def _modality(ctx, noun, carrier=None) -> tuple[bool, str]:
    """The noun's own negation and modality, and what its governing verb makes of it (the
    verb of the noun that carries it, for "a wave *of* strikes")."""
    if carrier is not None and carrier is not noun:
        negated, modality = _modality(ctx, carrier)
        return nominal_status(noun, negated, modality)
    governor = noun.head
    negated, modality = modality_of(ctx, governor if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else noun)
    if negated and noun.dep_ == "nsubj" and governor.lemma_.lower() not in W.occurrence_verbs:
        # "Argentina's demand that Britain return the islands has not changed", "the strike did
        # not cause damage": what the event did not do, not that it did not happen (as "the
        # talks did not take place" says)
        negated = False
    if any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
        negated = True
    negated, modality = nominal_status(noun, negated, modality)
    asker = governor.head if noun.dep_ == "pobj" and governor.lower_ == "for" else governor
    if noun.dep_ in ("dobj", "pobj") and modality in ("asserted", "reported") and asker.i != noun.i \
            and getattr((ctx.lex.verbs if asker.pos_ == "VERB" else ctx.lex.nouns if asker.pos_ == "NOUN" else {})
                        .get(asker.lemma_.lower()), "plover", None) == "REQUEST":
        # "demanded the release of", "called for the withdrawal of", "Kenya's call for the
        # withdrawal of": asked for
        modality = "intended"
    if noun.dep_ == "dobj" and modality in ("asserted", "reported") \
            and governor.lemma_.lower() in W.intent_verbs - W.phase_verbs - W.plain_light_verbs:
        modality = "intended"  # "is preparing an offensive", "plans a visit": not yet done
    if modality in ("asserted", "reported") and _proposed(noun):
        modality = "intended"
    return negated, modality


def _proposed(noun) -> bool:
    """"rejected an offer for direct talks", "a call for a ceasefire", "plans for a visit":
    the event a proposal, demand or plan is for has not taken place."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "NOUN" and (
        head.head.lemma_.lower() in W.proposal_nouns or head.head.lemma_.lower() in W.intention_nouns)
