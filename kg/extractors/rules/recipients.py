"""Event roles, recipient side: whom (or what) a verb's event is done to.

Evidence is tried from the strongest to the weakest and the first that names someone
wins: a passive subject, the direct object (or the one the parser put elsewhere: after an
"as" complement, on the next coordinated verb; :mod:`.objects`), the object of a
preposition the lexicon row lists ("met *with* Xi", "lifted its ban *on* K-pop"; "against"
on what the row requires comes first), then the weaker evidence of :mod:`.indirect`, in
the order :func:`recipients` lists its steps: the people a vehicle acted on carries, the
state beyond a frontier, the owner of what the row needs ("sought *Beijing's* support"),
the author of what is rejected ("rejected calls *by* Belarus"), the recipient of a
complement ("threatened to attack *Seoul*"), whom a condition or a demanded clause is on,
the doer of an earlier act a bare noun stands for ("criticised *the decision*",
:mod:`.antecedents`), and last, for some events, the place where it happened ("an attack *in* Kabul"; for a
people's protest that names nothing, their own state). A preposition the parser left
without an object still governs one (:func:`.objects.stranded_object`). The actors
themselves never count. The event types each step applies to, and the words, are lists
in ``kg/data/rules/roles.tsv``.
"""

from __future__ import annotations

import dataclasses

from ...lexicon import EventType
from . import indirect
from .actors import actors_of
from .antecedents import antecedent
from .context import ACTOR_TYPES, Reading, same
from .deps import MODIFIER, is_own
from .geography import place
from .mentions import topic
from .objects import direct_objects, prep_holders, prep_objects, prep_pobjs, prep_verb_objects
from .sectors import is_role_noun
from .triggers import verb_event
from .words import W


def recipients_of(ctx, verb, et: EventType, passive_objs, actors=()) -> list[Reading]:
    """Recipients, from the strongest evidence to the weakest; the actors themselves never
    count ("offered its troops to Lebanon": "its troops" is Syria, the recipient Lebanon)."""
    # "Egyptian police dispersed demonstrators", "Malian rebels attacked villagers": police,
    # rebels and protesters act at home, so the protesters, civilians or police they act on,
    # when nothing else places them, are of the actors' country
    homes = {a.country for a, _ in actors if a.sector in W.local_sectors and a.country}
    home = next(iter(homes)) if len(homes) == 1 else None
    found = recipients(ctx, verb, et, passive_objs, home, actors)
    if et.theme_preps:
        # "Trump withdrew the US from the treaty": his own country is what he moves
        found = [(m, f) for m, f in found if not (m.type == "Country" and any(
            a.type == "Person" and a.country and a.country == m.country for a, _ in actors))]
    return [(m, f) for m, f in found if not any(same(m, a) for a, _ in actors)]


def recipients(ctx, verb, et: EventType, passive_objs, home=None, actors=()) -> list[Reading]:
    """Whom the verb's event is done to, before the actors are set aside."""
    if et.predicate in W.weapon_predicates:  # "tested a ballistic missile": the missile
        return [(topic(o), 0.8) for o in verb.children if o.dep_ in ("dobj", "nsubjpass")
                and o.lemma_.lower() in et.requires]
    found = _passive(ctx, et, passive_objs, home)
    if found:
        return found
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if et.theme_preps:
        found = prep_objects(ctx, holders, et.theme_preps, et, 0.95, home)
        if found:
            return found
    dobjs = direct_objects(ctx, verb, et)
    attacks = [c for c in dobjs if et.plover == "ASSAULT" and _attack_noun(ctx, c)] if _repelling(verb) else []
    if attacks:
        return _attackers(ctx, attacks, et, home)
    found = [r for c in dobjs for r in actors_of(ctx, c, role="recipient", et=et, home=home)]
    topics = [(m, f) for m, f in found if m.type == "Topic"]
    found = [(m, f) for m, f in found if m.type != "Topic"]
    # ("killed his son, Stephen": a name beside it makes one's own someone of their own)
    if found and not all(is_own(c) and not any(a.dep_ == "appos" for a in c.children)
                         and not _foreign(ctx, c, actors) for c in dobjs):
        return found
    holders = [h for h in prep_holders(verb, et) if not _victims_act(ctx, h, et)]
    preps = et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))  # "clashed *with*"
    found = _against_required(ctx, verb, et, home) or prep_objects(ctx, holders, preps, et, 0.95, home) \
        or _acted_on_event(ctx, verb, et, home)
    if found:
        return found
    if topics:
        return topics
    for step in (indirect.carried, indirect.frontier, indirect.owner, indirect.let_in, indirect.source,
                 indirect.complement, indirect.asker, indirect.condition, indirect.clause_subject, indirect.finding,
                 indirect.called_body,
                 indirect.written_to, indirect.people_named, indirect.placed_receiver, indirect.conflict_sides,
                 indirect.talks_with, antecedent):
        found = step(ctx, verb, et, dobjs, home)
        if found:
            return found
    if any(is_role_noun(ctx, c) and c.lemma_.lower() not in W.container_nouns for c in [*dobjs, *passive_objs]):
        # "killed five rebels in Papua", "stormed the embassy in Tehran", "peacekeepers in
        # Sierra Leone were attacked": whose is not known, and the place is not the target
        return []
    return where_done(ctx, holders, et, actors)


def _repelling(verb) -> bool:
    """Is the verb one of fending off ("repelled", "fought off", "beat back")?"""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return (f"{lemma} {prt}" if prt else lemma) in W.repelling_verbs or lemma in W.repelling_verbs


def _attack_noun(ctx, tok) -> bool:
    """Is the object an attack of its own ("repelled a rebel attack", "fought off a Russian
    assault", "repulsed an offensive by ISIS")?"""
    row = ctx.lex.nouns.get(tok.lemma_.lower()) if tok.i not in ctx.ms else None
    return row is not None and row.plover == "ASSAULT"


def _attackers(ctx, attacks, et, home) -> list[Reading]:
    """Force used against an attack is used against its doers (a role noun or a name before
    it, or its "by"), not against the attack's own target: "the army repelled a rebel attack on
    the capital" fights the rebels, not the capital."""
    doers = [c for a in attacks for c in a.children if c.dep_ in MODIFIER
             and (c.i in ctx.ms or is_role_noun(ctx, c) or c.lemma_.lower() in ctx.lex.agents)]
    doers += [p for a in attacks for p in prep_pobjs(a, {"by"})]
    return [(m, f * 0.85) for d in doers for m, f in actors_of(ctx, d, role="recipient", et=et, home=home)
            if m.type != "Topic"]


def _victims_act(ctx, tok, et) -> bool:
    """Is the token an act done to someone ("the killing of protesters", "the arrest of
    journalists") that the event criticises? Criticism is aimed at its doer (read on the noun:
    "by police", "Israel's"), never at the victims its prepositions name."""
    if tok.pos_ == "VERB" or tok.i in ctx.ms or et.plover not in W.doer_recipient:
        return False
    row = ctx.lex.nouns.get(tok.lemma_.lower())
    return row is not None and row.plover in W.victim_types


def _foreign(ctx, obj, actors) -> bool:
    """"met his Chinese counterpart", "thanked their Iranian hosts": a country named on the
    object that is none of the actors' makes it another's, not the actor's own."""
    own = {a.country for a, _ in actors}
    return any(c.dep_ in ("amod", "compound") and c.i in ctx.ms and ctx.ms[c.i].type == "Country"
               and ctx.ms[c.i].country and ctx.ms[c.i].country not in own for c in obj.children)


def _against_required(ctx, verb, et, home) -> list[Reading]:
    """"filed a complaint against X at the UN", "lodged a protest against X with the
    council": what the row requires, aimed at someone, names its target before any
    preposition of the verb's row, which may name the venue."""
    required = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in et.requires]
    # (the parser hangs the "against" on the verb as often)
    holders = [*required, verb] if required else []
    return [(m, f) for m, f in prep_objects(ctx, holders, W.target_preps, et, 0.95, home) if m.type != "Topic"]


def _acted_on_event(ctx, verb, et, home) -> list[Reading]:
    """"lifted sanctions against Russia", "eased its blockade of Gaza": an object that is
    itself an event names its recipient by the prepositions of its own lexicon row.
    "demanded a truce with the rebels", "rejected talks with India": talks or a pact asked
    for, refused or accepted are with someone, and that counterpart is the recipient."""
    found: list[Reading] = []
    # ("agreed to a ceasefire with X": the row's own prepositions govern the pact too)
    for o in [*verb.children, *prep_verb_objects(ctx, verb), *prep_pobjs(verb, et.preps - {"with"})]:
        row = ctx.lex.nouns.get(o.lemma_.lower()) if o.dep_ in ("dobj", "nsubjpass", "pobj") else None
        if row is not None and o.lemma_.lower() in et.requires:
            found += prep_objects(ctx, [o], row.preps, et, 0.9, home)
        elif o.dep_ in ("dobj", "pobj") and et.plover in W.counterpart_types and (
                row is not None and row.plover in W.counterpart_events or o.lemma_.lower() in W.agreement_nouns):
            # (the parser hangs the "with" on the verb as often as on the noun)
            found += [(m, f) for m, f in prep_objects(ctx, [o, verb], {"with"}, et, 0.8, home) if m.type != "Topic"]
        if o.dep_ in ("dobj", "pobj", "nsubjpass") and et.plover in W.counterpart_types:
            found += _quarrel_ended(ctx, o, et, home)
    return found


def _quarrel_ended(ctx, noun, et, home) -> list[Reading]:
    """"accepted a formula for ending its dispute with X", "backed a plan to settle the row
    with Y", "rejected an invitation to attend talks with Z", "declined an offer to negotiate
    with W": the plan's or offer's own clause names a quarrel, ties or a meeting with someone
    (or "a meeting of" them), the counterpart."""
    clauses = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    clauses += [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"
                for c in p.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    found: list[Reading] = []
    for clause in clauses:
        quarrels = [d for d in clause.children if d.dep_ == "dobj" and _counterpart_noun(ctx, d)]
        meets = _meets(ctx, clause)
        if quarrels or meets:
            found += [(m, f) for m, f in prep_objects(ctx, [*quarrels, clause], {"with"}, et, 0.75, home)
                      if m.type != "Topic"]
        meetings = [d for d in quarrels if _meets(ctx, d)]
        if not found and meetings:
            found += [(m, f) for m, f in prep_objects(ctx, meetings, {"of"}, et, 0.7, home) if m.type != "Topic"]
    return found


def _counterpart_noun(ctx, tok) -> bool:
    """Is the token a quarrel, ties or a meeting one has with someone ("dispute", "talks",
    "summit")?"""
    return tok.lemma_.lower() in W.quarrel_nouns or tok.lower_ in W.quarrel_nouns or _meets(ctx, tok)


def _meets(ctx, tok) -> bool:
    """Is the token (a verb or a noun) a meeting or talks ("negotiate", "a summit")?"""
    rows = ctx.lex.verbs if tok.pos_ == "VERB" else ctx.lex.nouns
    row = rows.get(tok.lemma_.lower()) if tok.i not in ctx.ms else None
    return row is not None and row.plover in W.counterpart_events


def where_done(ctx, holders, et: EventType, actors) -> list[Reading]:
    """The place where it happened, as the recipient of last resort ("an attack in Kabul").
    A protest is not aimed at the town it marches in: its people address their own state
    ("Kenyans protested in Nairobi": Kenya); a protest abroad names no one."""
    if et.plover == "ASSAULT" and any(_means_of_harm(ctx, h) for h in holders):
        return []  # "five policemen were killed in a Taliban attack in Kandahar": the dead were its target
    places = [m for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ in et.weak_preps
              for p in prep.children if p.dep_ == "pobj" for m in [place(p, ctx.ms)] if m is not None]
    if et.plover not in W.home_state_types:
        return [(m, 0.7) for m in places]
    # "marched on the anniversary of the embassy's seizure": a remembrance, aimed at no one by
    # where it marched (a protest at an embassy still addresses the embassy's state)
    remembrance = _commemorating(holders[0])
    if not places:
        return _embassy(ctx, holders[0], actors) or ([] if remembrance else _own_state(ctx, holders[0], et, actors))
    if remembrance:
        return []
    homes = {a.country for a, _ in actors if a.country}
    states = [ctx.linker.country_mention(m.country, m.start, m.end) for m in places if m.country in homes]
    return [(m, 0.7) for m in states if m is not None]


def _commemorating(verb) -> bool:
    """Does the protest keep a memory ("marched on the anniversary of the revolution", "rallied
    to mark the anniversary of the massacre", "gathered to commemorate the victims")? A people
    remembering addresses no state by that alone (history_frames, history_verbs)."""
    if any(p.lemma_.lower() in W.history_frames for p in prep_pobjs(verb, W.remembrance_preps)):
        return True
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"]
    return any(c.lemma_.lower() in W.history_verbs or any(
        o.dep_ == "dobj" and o.lemma_.lower() in W.history_frames for o in c.children) for c in purposes)


def _means_of_harm(ctx, noun) -> bool:
    """Is the attack noun the means of a verb of harm ("were killed in a Taliban attack",
    "was wounded by a rebel raid")? That verb tells whom it struck;
    the town it struck in is no second target."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "by", "during") or noun.head.head.pos_ != "VERB":
        return False
    verb = noun.head.head
    harm = verb_event(ctx, verb)
    return harm is not None and harm.plover == "ASSAULT"


def _own_state(ctx, verb, et, actors) -> list[Reading]:
    """"Young Kenyans blocked roads", "French farmers protested": a people that protests
    and names nothing it protests against, nor where, addresses its own state (as the GSR
    codes it). Not "protested against the war in Somalia", which may be aimed elsewhere,
    nor "marched to support X"; "marched to demand X's resignation" is against X
    (:func:`demanded_of`)."""
    homes = {a.country for a, _ in actors}
    if len(homes) != 1 or None in homes or not all(a.sector in W.local_sectors for a, _ in actors):
        return []
    if prep_pobjs(verb, et.preps) or any(o.dep_ == "dobj" and o.lemma_.lower() not in et.requires
                                         for o in verb.children):
        return []
    if _sites(verb) or prep_pobjs(verb, W.backing_preps) or any(
            p.lemma_.lower() in W.backing_nouns for p in prep_pobjs(verb, {"in", "of"})):
        return []  # "rallied outside the embassy", "rallied in support of the government"
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if purposes and (demanded_of(ctx, verb) or any(
            getattr(verb_event(ctx, c) or ctx.lex.verbs.get(c.lemma_.lower()), "plover", None) != "REQUEST"
            for c in purposes)):
        return []
    state = ctx.linker.country_mention(homes.pop(), verb.idx, verb.idx + len(verb.text))
    return [(state, 0.6)] if state is not None else []


def _sites(verb) -> list:
    """The embassies or consulates where the verb happened ("protested outside the British
    embassy")."""
    return [p for p in prep_pobjs(verb, W.place_preps) if p.lemma_.lower() in W.diplomatic_sites]


def _embassy(ctx, verb, actors) -> list[Reading]:
    """"Thousands of Iranians protested outside the British embassy": a protest at a
    foreign state's embassy is aimed at that state."""
    homes = {a.country for a, _ in actors}
    owners = [ctx.ms[c.i] for s in _sites(verb) for c in s.children
              if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.ms and ctx.ms[c.i].type == "Country"]
    owners += [ctx.ms[p.i] for s in _sites(verb) for p in prep_pobjs(s, {"of"})
               if p.i in ctx.ms and ctx.ms[p.i].type == "Country"]
    return [(m, 0.7) for m in owners[:1] if m.country not in homes]


def demanded_of(ctx, holder) -> list[Reading]:
    """Whom a protest's purpose clause makes a demand of: "marched to demand the release
    of X by Y", "struck to press their demands on Z" (not "rallied to support X")."""
    out: list[Reading] = []
    for c in holder.children:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB" \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            inner = verb_event(ctx, c) or ctx.lex.verbs.get(c.lemma_.lower())
            if inner is not None and inner.plover == "REQUEST":
                out += [(m, f * 0.8) for m, f in recipients(ctx, c, inner, []) if m.type != "Topic"]
    return out


def _passive(ctx, et, passive_objs, home) -> list[Reading]:
    """The passive subjects; for a killing, the name in apposition ("the last Aztec king of
    Mexico, Cuauhtemoc, was murdered": the one named, not the people his title names)."""
    ms = ctx.ms
    objects: list[Reading] = []
    for p in passive_objs:
        found = actors_of(ctx, p, role="recipient", et=et, home=home)
        if et.predicate in W.victim_possessive and p.i not in ms and p.pos_ in ("NOUN", "PROPN"):
            named = [(dataclasses.replace(ms[a.i], type="Person", country=None)
                      if ms[a.i].type != "Person" and ctx.linker.known(ms[a.i].key or ms[a.i].text) is None
                      else ms[a.i], 0.85) for a in p.children if a.dep_ == "appos" and a.i in ms
                     and ms[a.i].type in ("Person", "Location", "Organization")]
            if named:
                found = named
        if not found:  # "44 B.C., Roman Emperor Julius Caesar was assassinated": the apposition
            found = [(ms[a.i], 0.9) for a in p.children if a.dep_ == "appos" and a.i in ms
                     and ms[a.i].type in ACTOR_TYPES]
        if et.predicate in W.victim_possessive and any(m.type == "Topic" for m, _ in found):
            # "the last Incan King of Peru, Atahualpa, was murdered": the NER's title or
            # work of art is no victim; the name in apposition is, whatever it was tagged
            found = [(m, f) for m, f in found if m.type != "Topic"]
            found += [(dataclasses.replace(ms[a.i], type="Person", country=None), 0.8) for a in p.children
                      if a.dep_ == "appos" and a.i in ms and ms[a.i].type != "Topic"
                      and ctx.linker.known(ms[a.i].key or ms[a.i].text) is None]
        objects += found
    return objects
