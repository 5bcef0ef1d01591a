"""Responsibility for violence: who claims an attack, and whom others blame for it.

News often names an attack's author apart from the attack: "the Taliban claimed
responsibility for the attack", "officials attributed the bombing to Houthi rebels", "the
army said the Abu Sayyaf Group are the suspected perpetrators", "the attack, reportedly
carried out by al-Shabaab". The attack's own clause has no actor ("a bomb exploded"), so
the event rules find none; this module reads the sentence that names one.

* A claim is the claimant's attack: ASSAULT (CAMEO 190), asserted as the sentence states it.
* An attribution by someone else accuses (ACCUSE, CAMEO 112: blame) and only suspects the
  attack: the blamed side's ASSAULT is recorded as hypothetical, never asserted.
* A named author of the attack ("carried out by X") makes X's ASSAULT.

The attack's recipient is its target when the attack noun names one ("the attack on the
army base in Kandahar"), else the victims its sentence counts, as a sector of the state it
happened in ("killing nine civilians" in Kandahar: Afghanistan civilians), else that state.
The attack is the one the sentence names, or the nearest one before it (the claim usually
follows the report). The words are ``kg/data/rules/responsibility.tsv``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ...model import Mention, RelationMention
from . import records
from .actors import actors_of
from .context import STATES, same
from .deps import PASS_SUBJ, SUBJ, columns, pobjs
from .geography import comma_place, place
from .modality import modality_of
from .sectors import is_role_noun, sector
from .words import W

CLAIMED, AUTHORED, SUSPECTED, ACCUSING = 0.6, 0.6, 0.5, 0.6
LOOK_BACK = 40  # sentences before a claim in which its attack may be told (the nearest wins)


def responsibility(ctx) -> Iterator[RelationMention]:
    """The events of one sentence's claims and attributions of attacks."""
    doc, lemmas, read = ctx.sent.doc, columns(ctx.sent.doc).lemma, _words()
    for i in range(ctx.sent.start, ctx.sent.end):
        lemma = lemmas[i]
        if lemma not in read:
            continue  # (a word none of the four lists has: not made)
        tok = doc[i]
        if lemma in W.claim_verbs and any(c.dep_ == "dobj" and c.lemma_.lower() in W.responsibility_nouns
                                          for c in tok.children):
            yield from _claimed(ctx, tok)
        elif lemma in W.attribution_verbs:
            yield from _attributed(ctx, tok)
        elif lemma in W.authoring_verbs and tok.tag_ == "VBN":
            yield from _authored(ctx, tok)
        elif lemma in W.perpetrator_nouns and tok.dep_ == "attr":
            yield from _perpetrators(ctx, tok)


@functools.cache
def _words() -> frozenset[str]:
    """The lemmas :func:`responsibility` reads a token for: a claim, an attribution, an
    authoring verb or a perpetrator noun."""
    return W.claim_verbs | W.attribution_verbs | W.authoring_verbs | W.perpetrator_nouns


def _claimed(ctx, verb) -> Iterator[RelationMention]:
    """"X claimed responsibility (for the attack)": X's attack."""
    negated, modality = modality_of(ctx, verb)
    if negated:
        return  # "no group has claimed responsibility"
    attack = next((p for c in verb.children if c.dep_ == "dobj"
                   for p in pobjs(c, ("for",)) if _is_attack(ctx, p)), None)
    target = _target(ctx, attack if attack is not None else verb)
    if target is None:
        return
    for actor, factor in _subjects(ctx, verb):
        yield from _assault(ctx, actor, target, modality, CLAIMED * factor, verb)


def _attributed(ctx, verb) -> Iterator[RelationMention]:
    """"X attributed the bombing to Y", "the blast was blamed on Y", "blamed Y for the attack",
    "the attack, ascribed to Y": X accuses Y; Y's attack is suspected."""
    attack, accused = None, []
    objects = [c for c in verb.children if c.dep_ == "dobj" or c.dep_ in PASS_SUBJ]
    if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN":
        objects.append(verb.head)  # "the attack, ascribed to the Taliban"
    for o in objects:
        if _is_attack(ctx, o):
            attack = o
            accused = pobjs(verb, W.attribution_preps)
        elif any(_is_attack(ctx, p) for p in pobjs(verb, ("for",))):  # "blamed Y for the attack"
            attack = next(p for p in pobjs(verb, ("for",)) if _is_attack(ctx, p))
            accused = [o]
    if attack is None:
        return
    negated, modality = modality_of(ctx, verb)
    if negated:
        return
    blamed = [r for a in accused for r in actors_of(ctx, a, role="actor")]
    speakers = [r for c in verb.children if c.dep_ in SUBJ for r in actors_of(ctx, c)]
    speakers += [r for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                 for r in actors_of(ctx, p)]  # "was blamed on Y by the army"
    row = ctx.lex.verbs.get(verb.lemma_.lower())
    if row is None or row.plover != "ACCUSE" or not any(c.dep_ == "dobj" and c.i in ctx.ms for c in verb.children):
        # (the lexicon's own row already accuses a named object: "blamed Iran for the attack")
        yield from _accusations(ctx, speakers, blamed, modality, verb)
    target = _target(ctx, attack)
    if target is not None:
        for actor, factor in blamed:
            yield from _assault(ctx, actor, target, "hypothetical", SUSPECTED * factor, verb)


def _authored(ctx, verb) -> Iterator[RelationMention]:
    """"the attack, carried out by Y", "the bombing was conducted by Y": Y's attack."""
    attack = None
    if verb.dep_ in ("acl", "advcl") and _is_attack(ctx, verb.head):
        attack = verb.head
    attack = attack or next((c for c in verb.children if c.dep_ in PASS_SUBJ and _is_attack(ctx, c)), None)
    if attack is None and verb.dep_ == "advcl":
        # "Dozens died in the attack, reportedly carried out by Y": the parser hangs the
        # participle on the clause; the attack is the clause's last before it
        attack = next((t for t in reversed(list(verb.head.subtree)) if t.i < verb.i and _is_attack(ctx, t)), None)
    if attack is None:
        return
    negated, modality = modality_of(ctx, verb)
    target = _target(ctx, attack)
    if negated or target is None:
        return
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    for actor, factor in actors_of(ctx, p):
                        yield from _assault(ctx, actor, target, modality, AUTHORED * factor, verb)


def _perpetrators(ctx, noun) -> Iterator[RelationMention]:
    """"(the army said) Y are the suspected perpetrators": the speaker accuses Y, whose
    attack is suspected unless the sentence states it."""
    cop = noun.head
    blamed = [r for c in cop.children if c.dep_ in SUBJ for r in actors_of(ctx, c)]
    if not blamed:
        return
    negated, modality = modality_of(ctx, cop)
    if negated:
        return
    doubted = any(c.lemma_.lower() in W.suspicion_words for c in noun.children)
    speakers = []
    if cop.dep_ == "ccomp" and cop.head.lemma_.lower() in W.speech_verbs:
        speakers = [r for c in cop.head.children if c.dep_ in SUBJ for r in actors_of(ctx, c)]
    yield from _accusations(ctx, speakers, blamed, "asserted" if modality == "reported" else modality, noun)
    target = _target(ctx, noun)
    if target is not None:
        for actor, factor in blamed:
            yield from _assault(ctx, actor, target, "hypothetical" if doubted or speakers else modality,
                                SUSPECTED * factor, noun)


# ---------------------------------------------------------------- the parts
def _subjects(ctx, verb) -> list:
    found = [r for c in verb.children if c.dep_ in SUBJ for r in actors_of(ctx, c)]
    if not found and verb.dep_ == "relcl" and verb.head.i in ctx.ms:
        found = [(ctx.ms[verb.head.i], 1.0)]
    return found


def _accusations(ctx, speakers, blamed, modality: str, trigger) -> Iterator[RelationMention]:
    et = ctx.lex.by_predicate["accuses"]
    for s, fs in speakers:
        for b, fb in blamed:
            if not same(s, b):
                yield records.event(ctx, s, et, b, False, modality, ACCUSING * fs * fb, trigger)


def _assault(ctx, actor: Mention, target: Mention, modality: str, conf: float, trigger):
    if not same(actor, target) and not (actor.country and actor.country == target.country
                                        and actor.type in STATES):
        yield records.event(ctx, actor, ctx.lex.by_predicate["attacks"], target, False, modality, conf, trigger)


def _is_attack(ctx, tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in W.attack_nouns:
        return True
    row = ctx.lex.nouns.get(lemma)
    return tok.pos_ == "NOUN" and row is not None and row.plover == "ASSAULT"


def _target(ctx, tok) -> Mention | None:
    """Whom the attack a token names (or the nearest attack told before it) was aimed at."""
    if _is_attack(ctx, tok):
        found = _aimed_at(ctx, tok)
        if found is not None:
            return found
    sent = tok.sent
    for _ in range(LOOK_BACK):
        for t in sent:
            if t.i < tok.i and (_is_attack(ctx, t) or _blast(t)):
                found = _aimed_at(ctx, t)
                if found is not None:
                    return found
        if sent.start == 0:
            return None
        sent = tok.doc[sent.start - 1].sent
        tok = sent[-1]
    return None


def _blast(tok) -> bool:
    """"exploded", "was rammed", "went off", "blew up"."""
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return tok.pos_ == "VERB" and (lemma in W.blast_verbs or f"{lemma} {particle}" in W.blast_verbs)


def _aimed_at(ctx, attack) -> Mention | None:
    """The target an attack word names ("the attack on the base"), else the state its clause
    places it in ("exploded at a market in Aden", "the attack on oil plants in Saudi
    Arabia"), or the part of that state its victims are ("killing nine civilians"). Only
    places reached from the attack or its verb through prepositions count: "speaking on TV
    in Yemen" places the speaker, not the attack."""
    et = ctx.lex.by_predicate["attacks"]
    aimed = [r for p in pobjs(attack, W.attack_target_preps) for r in actors_of(ctx, p, role="recipient", et=et)]
    # (what was struck counts when it is someone's: "oil plants belonging to Aramco", not a bare "Pipelines")
    aimed = aimed or [r for p in _struck(attack) for r in actors_of(ctx, p, role="recipient", et=et) if r[0].country]
    if aimed and aimed[0][0].type not in STATES:
        return aimed[0][0]
    verb = attack if attack.pos_ in ("VERB", "AUX") else _clause_verb(attack)
    holders = [attack] + ([verb] if verb is not None else [])
    named = [m for c in attack.children if c.dep_ in ("compound", "amod", "poss")
             if (m := place(c, ctx.ms)) is not None and m.country]  # "a Kabul car bombing"
    where = next((m for h in holders for m in _places_under(ctx, h)), named[0] if named else None)
    target = aimed[0][0] if aimed else None
    if where is None:
        return target
    state = ctx.linker.country_mention(where.country, where.start, where.end)
    if state is None or target is not None and target.country != state.country:
        # "the attack on a NATO convoy in Kabul": the body aimed at, not the state it was in
        return target
    for t in (verb.subtree if verb is not None else ()):
        if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in W.harm_verbs and is_role_noun(ctx, t):
            return sector(ctx, t, state, t.idx)
    return state


def _struck(attack) -> list:
    """What a passive verb whose agent is the attack says it struck ("oil plants were hit by
    drone strikes", "the base was targeted by a rocket attack"): its passive subject."""
    by = attack.head
    if attack.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
        return []
    verb = by.head
    if verb.lemma_.lower() not in W.struck_verbs or verb.tag_ != "VBN":
        return []
    return [c for c in verb.children if c.dep_ in PASS_SUBJ]


def _clause_verb(tok):
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _places_under(ctx, holder) -> Iterator[Mention]:
    """Places with a country that a locative preposition on the token, or on its object, leads
    to, through chains of prepositions ("rammed into a base in the centre of Afghanistan's
    Wardak province", "struck the cathedral in Jolo, Philippines")."""
    todo = [(holder, 0, False)]
    todo += [(c, 1, False) for c in holder.children if c.dep_ in ("dobj", "nsubjpass")]
    while todo:
        tok, depth, located = todo.pop(0)
        for prep in tok.children:
            if prep.dep_ != "prep" or depth >= 5:
                continue
            here = located or prep.lower_ in W.attack_place_preps
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                m = place(p, ctx.ms) if here else None
                if m is not None and not m.country:
                    m = comma_place(p, m, ctx.ms)  # "in Mindanao, Philippines"
                if m is not None and m.country:
                    yield m
                todo.append((p, depth + 1, here))
