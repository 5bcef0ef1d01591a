"""Where an event happened, when its sentence says: the place an event record carries.

The place hangs on the event by a locative preposition ("met Xi *in Beijing*", "struck
targets *near the town of Rafah*", "the talks *in Geneva*"), on the verb that carries a
nominal event ("held talks *in Geneva*") or on the occasion it happened at ("met *at a
summit in Osaka*"). Events that happen where their participants are (attacks, arrests,
meetings, protests) also take a place hanging on their object or actor ("attacked the
rebels in Aleppo", "protesters in Hong Kong marched"), and some happen at their recipient
when it is a place: a visit's location is its destination, an attack's the place attacked.
What is said is not placed by its object: "criticized the crackdown in Hong Kong" happened
wherever the critic spoke. A wire dateline places the reporter, not the event, and is not read.

A city takes its country from the linker (the gazetteer), else from "Dayton, Ohio"
beside it or "the Syrian city of Aleppo" around it. The words are in
``kg/data/rules/time_place.tsv``.
"""

from __future__ import annotations

import dataclasses

from ...model import Mention
from .context import STATES
from .dates import carriers
from .geography import bigger, comma_place, place
from .words import W


def event_place(ctx, trigger, et, recipient: Mention | None) -> Mention | None:
    """The place the event a trigger states happened at, with its country, or None."""
    holders = carriers(ctx, trigger)
    found = _on(ctx, holders)
    if found is None and et.plover in W.placed_with_participants:
        found = _on(ctx, _participants(holders))
    if found is None:
        found = _destination(ctx, trigger) or _governing(ctx, trigger)
    if found is None and recipient is not None and recipient.type in STATES \
            and et.predicate in W.placed_at_recipient and trigger.lemma_.lower() not in W.mutual_fighting \
            and _names_object(ctx, holders, recipient):
        return recipient  # "visited Moscow", "shelled Kabul"
    return found


def _names_object(ctx, holders, recipient: Mention) -> bool:
    """Is the recipient the place the event is aimed at ("visited *Moscow*", "the attack on
    *Kabul*"), not the country of a thing ("attacked a *U.S.* vessel")?"""
    objects = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for h in holders for c in h.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(ctx.ms.get(o.i) is recipient or place(o, ctx.ms) is recipient for o in objects)


def _on(ctx, holders) -> Mention | None:
    """The first place behind a locative preposition on one of the tokens."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in W.place_preps:
                for p in prep.children:
                    if p.dep_ == "pobj" and (found := _place(ctx, p)) is not None:
                        return found
    return None


def _listed(ctx, tok, found: Mention) -> bool:
    """Is the place one of a list ("in Australia, Brazil and Canada")? Not when the name
    beside it is the same place or holds it ("in Mindanao, Philippines", "in Niamey, Niger's
    capital")."""
    for c in tok.children:
        other = _named(c, ctx.ms) if c.dep_ in ("conj", "appos") else None
        if other is not None and (c.dep_ == "conj" or not (other is found or other.key == found.key
                                                              or bigger(other, found))):
            return True
    return False


def _place(ctx, tok) -> Mention | None:
    """The place a prepositional object names, with the country the words around it give. A
    list of places ("arrests in Australia, Brazil and Canada") is no one place: None."""
    found = _named(tok, ctx.ms)
    if found is None:
        # "near the town of Rafah (a name the NER did not take for a place) in Gaza": the
        # place the object itself lies in
        found = next((m for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "near")
                      for p in prep.children if p.dep_ == "pobj" and (m := _named(p, ctx.ms)) is not None), None)
    if found is None or _listed(ctx, tok, found):
        return None
    if found.country is not None or found.type == "Country":
        return found
    name = next((t for t in ctx.sent if ctx.ms.get(t.i) is found), tok)
    outer = comma_place(name, found, ctx.ms)  # "Dayton, Ohio"
    if outer is None:
        # "the Syrian city of Aleppo", "the US state of Alabama", "California's Riverside County
        # court", "the town of Rafah in southern Gaza"
        around = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        around += [p for c in (*tok.children, *name.children) if c.dep_ == "prep" and c.lower_ == "in"
                   for p in c.children if p.dep_ == "pobj"]
        outer = next((ctx.ms[c.i] for c in around if c.i in ctx.ms and ctx.ms[c.i] is not found
                      and bigger(ctx.ms[c.i], found)), None)
    if outer is not None and outer.country is not None:
        return dataclasses.replace(found, country=outer.country)
    return found


def _named(tok, ms) -> Mention | None:
    """The place mention a noun names: "Kabul", "the US state of *Alabama*" (the name after
    "of", not the country before it), "the city of Kirkuk", "in California's *Riverside
    County* court", "at a *Moscow* hotel"."""
    if tok.i not in ms and tok.lemma_.lower() in W.place_nouns:
        found = next((ms[p.i] for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES), None)
        if found is not None:
            return found
        sides = {ms[t.i].country for t in tok.subtree if t.i < tok.i and t.i in ms and ms[t.i].type == "Country"}
        if len(sides) > 1:
            return None  # "the Syrian-Turkish border" lies in neither
    found = place(tok, ms)
    if found is not None and (found.key or found.text).lower().removeprefix("the ") in W.vague_places:
        return None  # "praised in the West"
    if found is None and tok.i not in ms:  # the modifier nearest the noun: the smallest place
        found = next((ms[c.i] for c in reversed(list(tok.lefts)) if c.dep_ in ("compound", "poss", "nmod")
                      and c.i in ms and ms[c.i].type in ("City", "Location")), None)
    return found


def _participants(holders) -> list:
    """The actor and object tokens of the event's clause, and the trigger's recipients behind
    a preposition (the trigger's own: "the attack was claimed by a group in Yemen" places the
    group, not the attack)."""
    out = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return out + [p for c in holders[0].children if c.dep_ in ("prep", "agent") and c.lower_ not in W.place_preps
                  for p in c.children if p.dep_ == "pobj"]


def _governing(ctx, trigger) -> Mention | None:
    """The place of the clause the event's clause depends on, when they are one scene: "went
    on a stabbing spree at the police headquarters in Paris, killing four", "met Xi in
    Beijing and signed a deal" (not what was said: "said in Moscow that ...")."""
    node = trigger
    for _ in range(2):
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i or any(
                c.dep_ in ("mark", "advmod") and c.lower_ in W.sequence_marks for c in node.children):
            return None
        node = node.head
        if (found := _on(ctx, carriers(ctx, node))) is not None:
            return found
    return None


def _destination(ctx, trigger) -> Mention | None:
    """"flew to Osaka to meet Xi", "arrived in Moscow and met Putin": where the verb of going
    that governs the event led."""
    node = trigger
    for _ in range(2):
        if node.dep_ not in ("xcomp", "advcl", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in W.motion_verbs:
            for prep in node.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "into"):
                    for p in prep.children:
                        if p.dep_ == "pobj" and (found := _place(ctx, p)) is not None:
                            return found
            return None
    return None
