"""Killers: the killing a killer noun or "at the hands of" states.

"King assassin James Earl Ray", "Kennedy's killer, Oswald": the name the noun is put beside
killed the name it is of (its possessor or compound, a name just before it, or its "of").
"Dorn died at the hands of Voss", "Dorn's death at the hands of Voss": Voss killed Dorn. The
words are in ``kg/data/rules/roles.tsv`` (kill_nouns, dying_verbs, death_nouns).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import RelationMention
from . import records
from .actors import actors_of
from .context import Reading, same
from .deps import SUBJ, attached, compound_span
from .linking import mention
from .modality import modality_of
from .words import W


def killer(ctx, noun) -> Iterator[RelationMention]:
    """"King assassin James Earl Ray", "Kennedy's killer, Oswald": the killer kills the victim."""
    victim = _killers_victim(ctx, noun)
    ms = ctx.ms
    if noun.dep_ == "compound" and noun.head.i in ms:
        who = ms[noun.head.i]
    elif noun.i + 1 < len(noun.doc) and noun.head.i == noun.i + 1 and noun.head.i in ms:
        who = ms[noun.head.i]  # "assassin Lee Harvey Oswald", the title parsed as a modifier
    else:
        who = next((ms[c.i] for c in noun.children if c.dep_ == "appos" and c.i in ms), None)
        if who is None and noun.dep_ == "appos" and noun.head.i in ms:
            who = ms[noun.head.i]
        toks = noun.doc
        if who is None and noun.i + 2 < len(toks) and toks[noun.i + 1].text == "," and noun.i + 2 in ms:
            who = ms[noun.i + 2]  # "Kennedy's assassin, Lee Harvey Oswald", however it is parsed
        if who is None:
            who = _said_to_be(ctx, noun)
    if victim is not None and who is not None and who.type == "Person" and not same(who, victim):
        et = ctx.lex.by_predicate["kills"]
        negated, modality = modality_of(ctx, noun)
        yield records.event(ctx, who, et, victim, negated, modality, 0.7, noun)


def _said_to_be(ctx, noun):
    """"Oswald was the lone assassin", "Oswald, identified as the lone assassin": the person
    the killer noun is said of (a copula's subject, the one named "as" it)."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        named = [c for c in head.children if c.dep_ in SUBJ]
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        verb = head.head
        named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not named and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            named = [verb.head]
    else:
        return None
    found = [m for c in named for m, _ in actors_of(ctx, c) if m.type == "Person"]
    return found[0] if len(found) == 1 else None


def _victim_in_sentence(ctx, noun):
    """The one person a killing noun of the sentence names as its victim ("Kennedy's
    assassination", "the shooting of Kennedy"), for a killer noun that names none; None when
    there is no such person or more than one."""
    ms = ctx.ms
    found = {}
    for t in noun.sent:
        if t.lemma_.lower() == "victim" and t.dep_ == "attr" and t.head.lemma_ == "be":
            # "Kennedy was the victim of a conspiracy"
            v = next((ms[c.i] for c in t.head.children if c.dep_ in SUBJ and c.i in ms
                      and ms[c.i].type == "Person"), None)
        elif t.lemma_.lower() not in W.killing_nouns or t.pos_ != "NOUN":
            continue
        else:
            v = attached(t, ms, ("poss",), ("of",), types=("Person",))
        if v is not None:
            found.setdefault((v.key or v.text).lower(), v)
    return next(iter(found.values())) if len(found) == 1 else None


def _killers_victim(ctx, noun):
    victim = _own_victim(ctx, noun)
    return victim if victim is not None else _victim_in_sentence(ctx, noun)


def _own_victim(ctx, noun):
    ms = ctx.ms
    victim = next((ms[c.i] for c in noun.children if c.dep_ in ("compound", "poss") and c.i in ms
                   and ms[c.i].type == "Person"), None)
    if victim is None and noun.dep_ == "compound":
        # "McKinley's assassin Leon Czolgosz": the possessive hangs on the killer's name
        # and "Kennedy assassin Lee Harvey Oswald" parsed as a string of compounds
        victim = next((ms[c.i] for c in noun.head.children if c.dep_ in ("poss", "compound") and c.i < noun.i
                       and c.i in ms and ms[c.i].type == "Person" and ms[c.i] is not ms.get(noun.head.i)), None)
    before = ms.get(noun.i - 1) if noun.i > noun.sent.start else None
    if victim is None and before is not None and before.type == "Person" and before is not ms.get(noun.head.i):
        # "defended Kennedy assassin Sirhan B. Sirhan": the parser hangs the victim's name
        # elsewhere (an object of the verb before), but the name just before the noun is its victim
        victim = before
    if victim is None:
        # "King assassin James Earl Ray": a bare name the NER left untagged
        names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in ms
                 and c.text[:1].isupper() and c.i == noun.i - 1]
        if names:
            start, end = compound_span(names[0])
            span = noun.doc.char_span(start, end)
            if span is not None and ctx.linker.known(span.text) is None:
                victim = mention(span, "Person", "PERSON", ctx.linker)
    if victim is None:  # "assassin of Lincoln" (whom the NER may take for an organisation)
        victim = attached(noun, ms, (), ("of",), types=("Person", "Organization"))
        if victim is not None and victim.type == "Organization":
            # one word the NER took for a body; a killing's victim is a person
            victim = None if len(victim.text.split()) > 1 else dataclasses.replace(victim, type="Person")
    return victim


def at_the_hands(ctx, hands) -> Iterator[RelationMention]:
    """"Dorn died at the hands of Voss", "Dorn's death at the hands of Voss": Voss killed Dorn."""
    killers = [a for c in hands.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" for a in actors_of(ctx, p) if a[0].type != "Topic"]
    holder = hands.head.head
    victims: list[Reading] = []
    if holder.lemma_.lower() in W.dying_verbs and holder.pos_ == "VERB":
        victims = [a for c in holder.children if c.dep_ in SUBJ for a in actors_of(ctx, c)]
    elif holder.lemma_.lower() in W.death_nouns and holder.pos_ == "NOUN":
        victims = [a for c in holder.children if c.dep_ == "poss" for a in actors_of(ctx, c)]
    et = ctx.lex.by_predicate["kills"]
    negated, modality = modality_of(ctx, holder)
    for k, fk in killers:
        for v, fv in victims:
            if v.type == "Person" and not same(k, v):
                yield records.event(ctx, k, et, v, negated, modality, 0.75 * fk * fv, hands)
