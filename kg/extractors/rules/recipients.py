"""Event roles, recipient side: whom (or what) a verb's event is done to.

Evidence is tried from the strongest to the weakest and the first that names someone
wins: a passive subject, the direct object (or the one the parser put elsewhere: after an
"as" complement, on the next coordinated verb), the object of a preposition the lexicon
row lists ("met *with* Xi", "lifted its ban *on* K-pop"; "against" on what the row
requires comes first), the people a vehicle acted on carries, the state beyond a frontier,
the owner of what the row needs ("sought *Beijing's* support"), the author of what is
rejected ("rejected calls *by* Belarus"), the recipient of a complement ("threatened to
attack *Seoul*"), whom a condition or a demanded clause is on, and last, for some events,
the place where it happened ("an attack *in* Kabul"; for a people's protest that names
nothing, their own state). A preposition the parser left without an object still governs
one (:func:`stranded_object`). The actors themselves never count. The event types each
step applies to, and the words, are lists in ``kg/data/rules/roles.tsv``.
"""

from __future__ import annotations

import dataclasses

from ...lexicon import EventType
from ...model import Mention
from .actors import actors_of, done_by
from .context import ACTOR_TYPES, COLLECTIVE, OWNERS, Reading, same
from .deps import MODIFIER, PASS_SUBJ, SUBJ, compound_span, conjuncts, is_own
from .geography import place
from .mentions import topic
from .sectors import is_role_noun
from .triggers import counted_up_to, infinitive_subjects, verb_event
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
    dobjs = _direct_objects(ctx, verb, et)
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
    holders = _prep_holders(verb, et)
    preps = et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))  # "clashed *with*"
    found = _against_required(ctx, verb, et, home) or prep_objects(ctx, holders, preps, et, 0.95, home) \
        or _acted_on_event(ctx, verb, et, home)
    if found:
        return found
    if topics:
        return topics
    for step in (_carried, _frontier, _owner, _let_in, _source, _complement, _condition, _clause_subject, _called_body,
                 _written_to, _people_named, _placed_receiver):
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
    for o in [*verb.children, *prep_verb_objects(ctx, verb)]:
        row = ctx.lex.nouns.get(o.lemma_.lower()) if o.dep_ in ("dobj", "nsubjpass", "pobj") else None
        if row is not None and o.lemma_.lower() in et.requires:
            found += prep_objects(ctx, [o], row.preps, et, 0.9, home)
        elif o.dep_ in ("dobj", "pobj") and et.plover in W.counterpart_types and (
                row is not None and row.plover in W.counterpart_events or o.lemma_.lower() in W.agreement_nouns):
            # (the parser hangs the "with" on the verb as often as on the noun)
            found += [(m, f) for m, f in prep_objects(ctx, [o, verb], {"with"}, et, 0.8, home) if m.type != "Topic"]
    return found


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
    if not places:
        return _embassy(ctx, holders[0], actors) or _own_state(ctx, holders[0], et, actors)
    homes = {a.country for a, _ in actors if a.country}
    states = [ctx.linker.country_mention(m.country, m.start, m.end) for m in places if m.country in homes]
    return [(m, 0.7) for m in states if m is not None]


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


def prep_objects(ctx, holders, preps, et, factor, home=None) -> list[Reading]:
    """Whom the objects of these prepositions on these tokens stand for, as recipients."""
    out: list[Reading] = []
    for h in holders:
        for prep in h.children:
            # "granted asylum to X": the parser calls a "to" after the object a dative
            if prep.dep_ in ("prep", "dative") and prep.pos_ == "ADP":
                for pobj in _complex_objects(prep, preps) if prep.lower_ not in preps else objects_of(prep):
                    out += [(m, f * factor) for m, f in actors_of(ctx, pobj, role="recipient", et=et, home=home)]
    return out


def _complex_objects(prep, preps) -> list:
    """The objects of a preposition of two words that stands for one of these ("pulled its
    troops out of Moldova": from; complex_preps in roles.tsv), which the parser splits in two."""
    return [p for c in prep.children if c.dep_ == "prep"
            and set(W.complex_preps.get(f"{prep.lower_} {c.lower_}", ())) & set(preps) for p in objects_of(c)]


def prep_pobjs(tok, preps) -> list:
    """The objects of these prepositions on the token."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in objects_of(c)]


def objects_of(prep) -> list:
    """The objects of a preposition; for one the parser left with none, the noun phrase it
    governs all the same (see :func:`stranded_object`)."""
    found = [p for p in prep.children if p.dep_ == "pobj"]
    if found or any(c.dep_ == "pcomp" and c.pos_ != "VERB" for c in prep.children):
        return found
    shared = stranded_object(prep)
    return [shared] if shared is not None else []


def stranded_object(prep):
    """The object of a preposition the parser left without one: the object two coordinated
    phrases share ("relations with, and an ambassador to, Qatar", "trade with and investment in
    Iran": the last object of the second phrase), or the subject of a clause the parser
    began right after it ("granted asylum to four officers hiding in ...")."""
    doc = prep.doc
    nxt = prep.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        nxt += 1
    if nxt >= len(doc):
        return None
    if doc[nxt].dep_ == "cc":
        conj = next((c for c in doc[nxt].head.children if c.dep_ == "conj" and c.i > nxt), None)
        last = None if conj is None else max(
            (t for t in conj.subtree if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative")),
            key=lambda t: t.i, default=None)
        # (the shared object ends the second phrase: "..., and an ambassador to, Qatar")
        if last is not None and all(t.is_punct for t in doc[last.right_edge.i + 1:conj.right_edge.i + 1]):
            return last
        return None
    clauses = [c for c in prep.children if c.dep_ == "pcomp"]
    clauses += [c for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "acl", "relcl") and c.i > prep.i]
    return next((s for c in clauses for s in c.children if s.dep_ in SUBJ and s.left_edge.i == prep.i + 1), None)


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


def called_for(verb) -> list:
    """The nouns of "called for G7 action", "for UN intervention": an act asked of the body
    named before it (not "called for an end to the war", which names no one)."""
    if verb.lemma_.lower() not in W.calling_verbs:
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
            and any(g.dep_ == "compound" and g.pos_ == "PROPN" and g.ent_type_ in ("ORG", "GPE", "NORP", "")
                    for g in p.children)]


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


def _direct_objects(ctx, verb, et) -> list:
    """The objects that may be recipients: not the thing the row requires ("cut *ties*"), nor
    a firearm ("fired his Colt at X")."""
    # (a delegation or mission the row requires stands for whoever sent it: "received a
    # mission from the OSCE")
    dobjs = [c for c in verb.children if c.dep_ in ("dobj", "dative")
             and (c.lemma_.lower() not in et.requires or c.lemma_.lower() in W.delegation_nouns)
             and not _requires_compound(c, et) and et.mode != "firearms"]
    if not dobjs:
        dobjs = counted_up_to(verb)  # "kidnapped up to 16 Russian advisers"
    if not dobjs:
        dobjs = infinitive_subjects(verb) or prep_verb_objects(ctx, verb)  # "allowed UN inspectors to enter"
    if not dobjs:
        dobjs = misparsed_objects(verb)
    if not dobjs and not any(c.dep_ == "dobj" for c in verb.children):
        dobjs = shifted_objects(verb) or shared_objects(verb, et)
    return dobjs


def shared_objects(verb, et) -> list:
    """The object of the next coordinated verb, which the parser hangs on it alone: "arrested
    and deported three activists", "criticized, and later praised, the government". Not for
    a verb that takes no object ("withdrew and endorsed X", "arrived and met X"), nor one
    whose own preposition names someone, nor across a new subject ("X attacked and Y
    retaliated against ...")."""
    if verb.lemma_.lower() in W.intransitive_verbs or any(
            c.dep_ in ("dative", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass", "csubjpass")
            for c in verb.children) or prep_pobjs(verb, et.preps | et.theme_preps):
        return []
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or any(s.dep_ in SUBJ or s.dep_ in PASS_SUBJ for s in conj.children):
        return []
    return [o for o in conj.children if o.dep_ == "dobj"]


def misparsed_objects(verb) -> list:
    """"Ruby shot and mortally wounded Oswald", parsed with a second subject after the
    verb (a subject after an active verb that has one before it is its object), or with
    "wounded" an adjective of "Oswald" coordinated with "shot" (a verb is coordinated with
    no noun: the noun is what both verbs were done to)."""
    objs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i
            and any(a.dep_ == "amod" and a.tag_ in ("VBN", "VBD") for a in c.children)]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.i < verb.i for c in subj):
        objs += [c for c in subj if c.i > verb.i]
    return objs


def shifted_objects(verb) -> list:
    """The object put after an "as" complement ("denounced as a provocation X's
    seizure", "condemned as illegal X's annexation", "rejected as baseless the claims
    of X"), which the parser hangs on the complement: in apposition to its noun, as that
    noun itself when the complement is only an adjective, or as the adjective's object."""
    objs = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                objs += [a for a in p.children if a.dep_ == "appos" and a.i > p.i]
                # "as illegal Israel's annexation": an adjective, then a new noun phrase
                if p.left_edge.i == c.i + 1 and p.left_edge.pos_ == "ADJ" \
                        and any(d.dep_ in ("det", "poss") and d.i > c.i + 1 for d in p.lefts):
                    objs.append(p)
        elif c.dep_ in ("advcl", "acomp", "oprd") and c.pos_ == "ADJ" and c.i > verb.i \
                and any(a.lower_ == "as" and a.i == c.i - 1 for a in c.children):
            objs += [o for o in c.children if o.dep_ == "dobj"]
    return objs


def _requires_compound(obj, et: EventType) -> bool:
    """"suspended aid deliveries": the object's compound is what the row requires."""
    return bool(et.requires) and any(c.dep_ == "compound" and c.lemma_.lower() in et.requires for c in obj.children)


def _prep_holders(verb, et) -> list:
    """Where a recipient's preposition may hang: on the verb ("met with Xi") or on its object
    noun ("cut ties with Taipei", "lifted its ban on K-pop"), or on the next of coordinated
    objects ("fired rockets and mortars at X"), or on what a "part of" is part of."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    holders += [h for c in holders[1:] for h in conjuncts(c)[1:]]
    holders += [p for c in holders[1:] if c.lemma_.lower() in W.part_nouns for o in c.children
                if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    # "shortened the curfew imposed in Sudan", "eased the restrictions placed on Gaza":
    # the participle that qualifies the object carries its preposition
    holders += [a for c in holders[1:] if c.lemma_.lower() in et.requires for a in c.children
                if a.dep_ == "acl" and a.tag_ == "VBN"]
    return holders


# ---------------------------------------------------------------- weaker evidence, in order
def _carried(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"attacked a bus carrying Egyptian pilgrims", "fired on a boat carrying Palestinian
    fishermen", "seized a tanker carrying Iranian oil": those the vehicle carries."""
    if et.plover not in W.carried_recipient:
        return []
    vehicles = [*dobjs, *(p for h in _prep_holders(verb, et)
                          for p in prep_pobjs(h, et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))))]
    return [(m, f * 0.8) for v in vehicles if v.i not in ctx.ms for a in v.children
            if a.dep_ == "acl" and a.tag_ == "VBG" and a.lemma_.lower() in W.carrying_verbs
            for o in a.children if o.dep_ == "dobj"
            for m, f in actors_of(ctx, o, role="recipient", et=et, home=home) if m.type != "Topic"]


def _frontier(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"massed troops along the border with Pakistan", "mobilized its army on the Syrian
    border", "reopened its border with Somalia": the state on the other side of the frontier
    where it happens or that it acts on (the parser hangs the "with" on the verb or its
    object as often)."""
    if et.plover not in W.frontier_recipient:
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    frontiers = [t for t in (*holders[1:], *(p for h in holders for p in prep_pobjs(h, W.frontier_preps)))
                 if t.lemma_.lower() in W.frontier_nouns]
    found = [m for t in frontiers for m in [place(t, ctx.ms)] if m is not None and m.type == "Country"]
    if frontiers and not found:
        found = [m for h in holders for p in prep_pobjs(h, {"with"}) for m in [place(p, ctx.ms)]
                 if m is not None and m.type == "Country"]
    return [(m, 0.75) for m in found]


def _owner(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"alleged Iranian involvement", "closed Britain's embassy": the owner of the object the
    phrase needs ("sought Beijing's support", "sought Xi's backing": anyone can be asked)."""
    if not (et.requires and et.plover in W.owner_recipient | W.required_owner_recipient):
        return []
    owners = ACTOR_TYPES if et.plover == "REQUEST" else OWNERS
    needed = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in et.requires]
    found = [(ctx.ms[c.i], 0.75) for o in needed for c in o.children
             if c.dep_ in ("amod", "poss", "compound") and c.i in ctx.ms and ctx.ms[c.i].type in owners]
    # "froze the assets of two Iranian officials": the owner named after "of"
    found = found or [(m, f * 0.75) for o in needed for p in prep_pobjs(o, {"of"})
                      for m, f in actors_of(ctx, p, role="recipient", et=et, home=home)
                      if m.type in owners and m.type != "Topic"]
    # "stopped a march by students", "banned the rally staged by the opposition": its doers
    doers = [p for o in needed for p in prep_pobjs(o, {"by"}) or done_by(o)]
    return found or [(m, f * 0.75) for p in doers for m, f in actors_of(ctx, p, role="recipient", et=et, home=home)
                     if m.type != "Topic"]


def _source(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"rejected calls by Belarus", "accepted demands from the rebels"."""
    if et.plover not in W.source_recipient:
        return []
    return prep_objects(ctx, dobjs, {"by", "from"}, et, 0.8, home)


def _complement(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"threatened to attack Seoul", "refused to lift the curfew on Gaza": the complement's recipient."""
    if et.plover not in W.complement_recipient or any(c.dep_ == "dobj" for c in verb.children):
        return []  # "whom they would support to run against X": the object's act, not the subject's
    objects: list[Reading] = []
    for c in verb.children:
        # the parser sometimes hangs "threatened on Monday to resume ..." as advcl
        infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
            and not any(a.dep_ == "mark" for a in c.children)
        if (c.dep_ == "xcomp" or infinitive) and c.pos_ == "VERB":
            objects += _complement_recipients(ctx, c, et, objects, home)
    return objects


def _complement_recipients(ctx, c, et, objects, home) -> list[Reading]:
    inner = verb_event(ctx, c)
    preps = (inner.preps if inner else frozenset()) | {"with", "to", "on", "against"}
    inner_objs = [o for o in c.children if o.dep_ in ("dobj", "dative")]
    # "threatened to impose restrictions against German goods": the act the
    # object names, else the threat itself, says whose goods count
    act = inner or next((ctx.lex.nouns[o.lemma_.lower()] for o in inner_objs
                         if o.lemma_.lower() in ctx.lex.nouns), None) or et
    found: list[Reading] = []
    for o in inner_objs:
        if is_own(o):
            continue  # "agreed to withdraw its troops from Lebanon": Lebanon, not its troops
        found += [(m, f * 0.85) for m, f in actors_of(ctx, o, role="recipient", et=inner, home=home)
                  if m.type != "Topic"]
    if not objects and not found:
        found += [(m, f) for m, f in prep_objects(ctx, [c, *inner_objs], preps, act, 0.8, home)
                  if m.type != "Topic" or inner is not None]
    if not objects and not found and et.plover == "THREATEN":
        # "threatened to cut off power to the region of X", "to resume attacks
        # in X": the place the threatened act would strike
        found += [(m, 0.7) for h in (c, *inner_objs) for prep in h.children
                  if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "on", "against")
                  for p in prep.children if p.dep_ == "pobj"
                  for m in [place(p, ctx.ms)] if m is not None]
    return found


def _condition(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"threatened to halt the talks if the US deploys missiles": whoever the condition is on."""
    if et.plover != "THREATEN":
        return []
    return [(m, f * 0.7) for c in [verb, *(x for x in verb.children if x.dep_ == "xcomp")] for cl in c.children
            if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cl.children)
            for s in cl.children if s.dep_ in SUBJ
            for m, f in actors_of(ctx, s, role="recipient", home=home) if m.type != "Topic"]


def _clause_subject(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"demanded that the US cancel ...", "threatened that Iran would pay": the clause's
    subject. Not after "warn": "warned that North Korea could launch missiles" says what
    may happen, it threatens no one (the warned party is the object: "warned Iran that")."""
    lemma = verb.lemma_.lower()
    if not (et.plover == "REQUEST" or et.plover == "THREATEN" and lemma not in W.warning_verbs
            or et.predicate == "accuses" and lemma in W.alleging_clause_verbs):
        return []
    # ("pushed for Germany to back the plan": a clause marked by "for")
    return [(m, f * 0.75) for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and et.plover == "REQUEST"
            and any(k.dep_ == "mark" and k.lower_ == "for" for k in c.children)
            for s in c.children if s.dep_ in SUBJ
            for m, f in actors_of(ctx, s, role="recipient", home=home) if m.type != "Topic"]


def _called_body(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"called for G7 action", "called for UN intervention": whom the action is asked of."""
    if et.plover != "REQUEST":
        return []
    return [(ctx.ms[g.i], 0.75) for p in called_for(verb) for g in p.children
            if g.dep_ == "compound" and g.i in ctx.ms and ctx.ms[g.i].type in COLLECTIVE]


def _written_to(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"wrote to the US embassy asking to waive ...": whom the letter went to."""
    if not (et.plover == "REQUEST" and verb.dep_ == "advcl" and verb.tag_ == "VBG"
            and verb.head.lemma_.lower() in W.write_verbs):
        return []
    return prep_objects(ctx, [verb.head], {"to"}, et, 0.8, home)


def _people_named(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"delivered food to refugees", "released 40 prisoners", "refused to take in migrants":
    a people named by a common noun (``people_recipients`` in roles.tsv) that no reading
    placed is the recipient all the same, as the PLOVER codebook codes it: a group of its
    sector, of the place named with it ("victims in Pakistan"), else of the actors' country
    when they act at home, else of no known country."""
    if et.plover not in W.people_recipient_types or _natural_doer(verb):
        return []
    preps = et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))
    # (the parser calls a "to" after the object a dative: "gave food to refugees")
    heads = [*dobjs, *(p for h in _prep_holders(verb, et) for c in h.children
                       if c.dep_ in ("prep", "dative") and c.lower_ in preps for p in objects_of(c))]
    # "to take in migrants", "allow refugees to return": the complement's object or subject
    heads += [o for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
              for o in c.children if o.dep_ in ("dobj", "nsubj") and o.i > verb.i]
    heads = [t for h in heads for t in conjuncts(h)]
    heads += [p for h in heads if h.lemma_.lower() in W.quantity_nouns for p in prep_pobjs(h, {"of"})]
    out: list[Reading] = []
    for t in heads:
        lemma = t.lemma_.lower()
        if t.i in ctx.ms or t.pos_ != "NOUN" or lemma not in W.people_recipients or is_own(t) \
                or t.dep_ in MODIFIER or t.dep_ == "nsubj" and t.head.i == verb.i or _before_noun(t):
            continue
        read = [(m, f * 0.8) for m, f in actors_of(ctx, t, role="recipient", et=et, home=home) if m.type != "Topic"]
        if read:
            out += read
            continue
        start, end = compound_span(t)
        start = min([t.idx, *(c.idx + len(c.text) + 1 for c in t.lefts if c.lower_ in W.vague_amounts)])
        text = t.doc.text[start:end]
        code = ctx.lex.agents.get(lemma) or "CVL"
        # "flood victims in Pakistan", "refugees from Syria": the people of the place named;
        # not the place where tourists, refugees or foreign workers are ("foreign tourists in
        # Egypt", "refugees in Zaire"), nor the actors' country
        local = lemma not in W.not_local and not any(c.lower_ in W.foreign_mods for c in t.children)
        where = {m.country for p in prep_pobjs(t, {"in", "from", "of"} if local else {"from", "of"})
                 for m in [place(p, ctx.ms)] if m is not None and m.country and len(m.country) == 3}
        country = where.pop() if len(where) == 1 else home if local else None
        out.append((Mention(text, start, end, "Group", country=country, key=text, sector=code), 0.7))
    return out[:2]


def _natural_doer(verb) -> bool:
    """"Typhoon Haiyan, which killed 6,000 people": a storm, a flood or a disease (``hazard_words``)
    does the act; its victims are no recipients of anyone's event."""
    doers = [c for c in verb.children if c.dep_ in SUBJ]
    if verb.dep_ == "relcl":
        doers.append(verb.head)
    # (the doer's own name: "Typhoon Haiyan", not what a clause on it says)
    return any(t.lemma_.lower() in W.hazard_words for d in doers for t in [d, *d.lefts])


def _before_noun(tok) -> bool:
    """"sentenced two people smugglers", parsed with two objects: a noun right before another
    is that one's modifier."""
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].pos_ in ("NOUN", "PROPN") and tok.doc[nxt].head.i == tok.head.i


def prep_verb_objects(ctx, verb) -> list:
    """The objects of the preposition of a prepositional verb ("pushed *for* sanctions against
    X", "insisted *on* talks with Y", "bowed *to* pressure from Z"), which are its objects."""
    lemma = verb.lemma_.lower()
    return [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
            and ctx.lex.verbs.get(f"{lemma} {c.lower_}") is not None for p in c.children if p.dep_ == "pobj"]


def _placed_receiver(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"contribute troops to a peace-keeping force in Liberia", "sent doctors to a hospital in
    Gaza": what aid goes to, named by no one's name, is where it is (``placed_receiver_types``)."""
    if et.plover not in W.placed_receiver_types:
        return []
    preps = et.preps | et.theme_preps
    found = [m for p in prep_pobjs(verb, preps) if p.i not in ctx.ms and p.pos_ == "NOUN"
             for q in prep_pobjs(p, {"in"}) for m in [place(q, ctx.ms)] if m is not None and m.country]
    return [(m, 0.7) for m in found[:1]]


def _let_in(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"allowed the return of UN inspectors", "permitted the delivery of aid to Gaza": the ones the
    required noun lets in, or where it goes (``let_in_types``)."""
    if not (et.requires and et.plover in W.let_in_types):
        return []
    needed = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in et.requires]
    return [(m, f * 0.8) for o in needed for p in prep_pobjs(o, {"to", "into"}) or prep_pobjs(o, {"of"})
            for m, f in actors_of(ctx, p, role="recipient", et=et, home=home) if m.type != "Topic"]
