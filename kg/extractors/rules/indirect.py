"""Event roles, recipient side, weaker evidence: the steps tried when no object names anyone.

:func:`.recipients.recipients` tries them in its order, after the objects and the
prepositions of the verb. Each step reads ``(ctx, verb, et, dobjs, home)`` and applies to
the event types its list in ``kg/data/rules/roles.tsv`` names: the people a vehicle acted on
carries ("fired on a boat carrying Greek fishermen"), the state beyond a frontier, the owner
of what the row needs ("sought *Beijing's* support"), the ones let in ("allowed the return
of UN inspectors"), the author of what is rejected ("rejected calls *by* Belarus"), the
recipient of a complement ("threatened to attack *Seoul*"), whom a condition or a demanded
clause is on, the body an action is called for from, whom a letter went to, a people named
by a common noun ("delivered food to refugees"), and the place what aid goes to is in.
"""

from __future__ import annotations

from ...model import Mention
from .actors import actors_of
from .aliases import short_name
from .context import ACTOR_TYPES, COLLECTIVE, OWNERS, Reading
from .deps import MODIFIER, PASS_SUBJ, SUBJ, compound_span, conjuncts, is_own
from .doers import acted_by
from .geography import place, place_countries
from .objects import objects_of, prep_holders, prep_objects, prep_pobjs
from .sectors import role_owner
from .triggers import verb_event
from .words import W


def carried(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"attacked a bus carrying Egyptian pilgrims", "fired on a boat carrying Palestinian
    fishermen", "seized a tanker carrying Iranian oil": those the vehicle carries."""
    if et.plover not in W.carried_recipient:
        return []
    vehicles = [*dobjs, *(p for h in prep_holders(verb, et)
                          for p in prep_pobjs(h, et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))))]
    return [(m, f * 0.8) for v in vehicles if v.i not in ctx.ms for a in v.children
            if a.dep_ == "acl" and a.tag_ == "VBG" and a.lemma_.lower() in W.carrying_verbs
            for o in a.children if o.dep_ == "dobj"
            for m, f in actors_of(ctx, o, role="recipient", et=et, home=home) if m.type != "Topic"]


def frontier(ctx, verb, et, dobjs, home) -> list[Reading]:
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


def owner(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"alleged Iranian involvement", "closed Britain's embassy": the owner of the object the
    phrase needs ("sought Beijing's support", "sought Xi's backing": anyone can be asked)."""
    if not (et.requires and et.plover in W.owner_recipient | W.required_owner_recipient):
        return []
    owners = ACTOR_TYPES if et.plover == "REQUEST" else OWNERS
    needed = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in et.requires]
    found = [(ctx.ms[c.i], 0.75) for o in needed for c in o.children
             if c.dep_ in ("amod", "poss", "compound") and c.i in ctx.ms and ctx.ms[c.i].type in owners]
    # "suspended Mahan's permit" after "Mahan Air" was named: a body's short name
    found = found or [(m, f * 0.75) for o in needed for c in o.children if c.dep_ == "poss"
                      for m, f in short_name(ctx, c) if m.type in owners]
    # "blocked the Trump administration's plan", "blocked the government's bid": whoever the
    # role noun that owns it stands for (as an object that needs nothing reads it)
    found = found or [(m, f * 0.7) for o in needed for c in o.children if role_owner(ctx, c)
                      for m, f in actors_of(ctx, c) if m.type in owners]
    # "froze the assets of two Iranian officials": the owner named after "of"
    found = found or [(m, f * 0.75) for o in needed for p in prep_pobjs(o, {"of"})
                      for m, f in actors_of(ctx, p, role="recipient", et=et, home=home)
                      if m.type in owners and m.type != "Topic"]
    # "stopped a march by students", "banned the rally staged by the opposition": its doers
    doers = [p for o in needed for p in acted_by(o)]
    return found or [(m, f * 0.75) for p in doers for m, f in actors_of(ctx, p, role="recipient", et=et, home=home)
                     if m.type != "Topic"] or _author(ctx, needed, et, home)


def _author(ctx, needed, et, home) -> list[Reading]:
    """"struck down Bolsonaro's decree", "blocked the Trump administration's travel ban": the
    one whose act a court undoes, a person or a national body read as any actor is."""
    if et.plover not in W.author_recipient:
        return []
    return [(m, f * 0.75) for o in needed for c in o.children if c.dep_ == "poss"
            for m, f in actors_of(ctx, c, role="recipient", et=et, home=home) if m.type in ACTOR_TYPES]


def source(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"rejected calls by Belarus", "accepted demands from the rebels"."""
    if et.plover not in W.source_recipient:
        return []
    return prep_objects(ctx, dobjs, {"by", "from"}, et, 0.8, home)


def complement(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"threatened to attack Seoul", "refused to lift the curfew on Gaza": the complement's recipient."""
    if et.plover not in W.complement_recipient or any(c.dep_ == "dobj" for c in verb.children):
        return []  # "whom they would support to run against X": the object's act, not the subject's
    objects: list[Reading] = []
    for c in verb.children:
        # the parser sometimes hangs "threatened on Monday to resume ..." as advcl
        # (and a noun's: "Serbia's refusal to recognise Kosovo", "its threat to close the strait")
        infinitive = c.dep_ in ("advcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
            and not any(a.dep_ == "mark" for a in c.children) and (c.dep_ == "advcl" or verb.pos_ == "NOUN")
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
    if not objects and not found and et.plover in W.source_recipient:
        found += _complement_counterparts(ctx, c, inner_objs, et, home)
    if not objects and not found and et.plover == "THREATEN":
        # "threatened to cut off power to the region of X", "to resume attacks
        # in X": the place the threatened act would strike
        found += [(m, 0.7) for h in (c, *inner_objs) for prep in h.children
                  if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "on", "against")
                  for p in prep.children if p.dep_ == "pobj"
                  for m in [place(p, ctx.ms)] if m is not None]
    return found


def _complement_counterparts(ctx, c, inner_objs, et, home) -> list[Reading]:
    """"refused to accept aid from Venezuela": whose the thing taken is (its "from" or "by");
    "refused to return to talks with Seoul", "declined to join the pact with Japan": the other
    side of the talks or pact the complement is about."""
    found = [(m, f) for m, f in prep_objects(ctx, [c, *inner_objs], {"from", "by"}, et, 0.75, home)
             if m.type != "Topic"]
    pacts = [n for n in (*inner_objs, *(p for h in (c, *inner_objs) for p in prep_pobjs(h, W.complement_pact_preps)))
             if {n.lemma_.lower(), n.lower_} & (W.agreement_nouns | W.quarrel_nouns)]
    return found or [(m, f) for m, f in prep_objects(ctx, [*pacts, c], {"with"}, et, 0.75, home) if m.type != "Topic"]


def asker(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"Russia asked Turkey to extradite him, but Ankara refused", "the government asked the judge
    to delay his ruling, but he declined": a bare refusal after a request refuses whoever asked."""
    if et.plover not in W.asker_recipient or dobjs or verb.dep_ != "conj" \
            or any(c.dep_ in ("xcomp", "ccomp", "prep") for c in verb.children):
        return []
    request = verb_event(ctx, verb.head)
    if request is None or request.plover != "REQUEST":
        return []
    # only the one asked can refuse the request: in "the US asked Israel to pause the strikes,
    # and Egypt declined" Egypt declined something else, or nothing asked of it
    asked = {_who(m) for o in verb.head.children if o.dep_ == "dobj" for m, _ in actors_of(ctx, o)}
    refusing = {_who(m) for s in verb.children if s.dep_ in SUBJ for m, _ in actors_of(ctx, s)}
    if asked and refusing and not asked & refusing:
        return []
    return [(m, f * 0.75) for s in verb.head.children if s.dep_ in SUBJ
            for m, f in actors_of(ctx, s, role="recipient", home=home) if m.type != "Topic"]


def _who(m) -> str:
    """Whom an actor stands for when asked: its country if it has one ("Berlin", "Merkel" answer
    for Germany), else itself."""
    return m.country or (m.key or m.text).lower()


def condition(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"threatened to halt the talks if the US deploys missiles": whoever the condition is on."""
    if et.plover != "THREATEN":
        return []
    return [(m, f * 0.7) for c in [verb, *(x for x in verb.children if x.dep_ == "xcomp")] for cl in c.children
            if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cl.children)
            for s in cl.children if s.dep_ in SUBJ
            for m, f in actors_of(ctx, s, role="recipient", home=home) if m.type != "Topic"]


def clause_subject(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"demanded that the US cancel ...", "threatened that Iran would pay": the clause's
    subject. Not after "warn": "warned that North Korea could launch missiles" says what
    may happen, it threatens no one (the warned party is the object: "warned Iran that")."""
    lemma = verb.lemma_.lower()
    if not (et.plover == "REQUEST" or et.plover == "THREATEN" and lemma not in W.warning_verbs
            or et.plover == "ACCUSE" and lemma in W.alleging_clause_verbs):
        return []
    # ("pushed for Germany to back the plan": a clause marked by "for")
    return [(m, f * 0.75) for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and et.plover == "REQUEST"
            and any(k.dep_ == "mark" and k.lower_ == "for" for k in c.children)
            for s in c.children if s.dep_ in SUBJ
            for m, f in actors_of(ctx, s, role="recipient", home=home) if m.type != "Topic"]


def finding(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"ruled that the government had acted unlawfully", "ruled that Johnson's suspension of
    Parliament was unlawful": whom a court's finding is against, the clause's subject or the
    author of the act it names."""
    if et.predicate != "accuses" or verb.lemma_.lower() not in W.finding_verbs:
        return []
    clauses = [k for c in verb.children if c.dep_ == "ccomp" for k in _unlawful_clauses(c)]
    subjects = [s for c in clauses for s in c.children if s.dep_ in SUBJ]
    # A passive clause's subject is what was done, or whom to: "found that Navalny was detained
    # unlawfully" finds against the doer named by "by", never Navalny; only the owner of a passive
    # subject stands for the doer ("found Johnson's advice was motivated by an improper purpose").
    passives = [s for c in clauses for s in c.children if s.dep_ in PASS_SUBJ]
    agents = [p for c in clauses for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    found = [(m, f * 0.75) for s in subjects + agents for m, f in actors_of(ctx, s, role="recipient", home=home)
             if m.type != "Topic"]
    # the act's author: "Johnson's advice", "the decree issued by the governor", "the suspension
    # of Parliament by the prime minister", "the decree of the president" ("of" only after an act
    # of authority: "the suspension of Parliament" names what was suspended)
    authors = [c for s in subjects + passives for c in s.children if c.dep_ == "poss"]
    authors += [p for s in subjects + passives for p in acted_by(s)]
    authors += [p for s in subjects + passives if s.lemma_.lower() in W.authored_acts for p in prep_pobjs(s, {"of"})]
    return found or [(m, f * 0.7) for a in authors
                     for m, f in actors_of(ctx, a, role="recipient", home=home) if m.type in ACTOR_TYPES]


def _unlawful_clauses(clause) -> list:
    """The clauses of a finding that say an act was unlawful: the clause itself, or where it
    says only that one act was lawful, the clauses joined to it with a subject of their own
    that say so ("ruled that the decree of the president was valid but that the order issued by
    the minister was illegal": the minister's order); "found that the advice was motivated by
    an improper purpose and is unlawful", "... and that it, and what has followed from it, is
    unlawful" keep the first subject (a pronoun or a clause as subject stands for it)."""
    own = [k for k in clause.children if k.dep_ == "conj" and _says_unlawful(k)
           and any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN") for s in k.children)]
    return own if own and not _says_unlawful(clause) else [clause]


def _says_unlawful(clause) -> bool:
    return clause.lemma_.lower() in W.unlawful_words or any(
        c.dep_ in ("acomp", "advmod", "attr", "oprd") and c.lemma_.lower() in W.unlawful_words
        for c in clause.children)


def called_body(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"called for G7 action", "called for UN intervention": whom the action is asked of."""
    if et.plover != "REQUEST":
        return []
    return [(ctx.ms[g.i], 0.75) for p in called_for(verb) for g in p.children
            if g.dep_ == "compound" and g.i in ctx.ms and ctx.ms[g.i].type in COLLECTIVE]


def called_for(verb) -> list:
    """The nouns of "called for G7 action", "for UN intervention": an act asked of the body
    named before it (not "called for an end to the war", which names no one)."""
    if verb.lemma_.lower() not in W.calling_verbs:
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
            and any(g.dep_ == "compound" and g.pos_ == "PROPN" and g.ent_type_ in ("ORG", "GPE", "NORP", "")
                    for g in p.children)]


def written_to(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"wrote to the US embassy asking to waive ...": whom the letter went to."""
    if not (et.plover == "REQUEST" and verb.dep_ == "advcl" and verb.tag_ == "VBG"
            and verb.head.lemma_.lower() in W.write_verbs):
        return []
    return prep_objects(ctx, [verb.head], {"to"}, et, 0.8, home)


def people_named(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"delivered food to refugees", "released 40 prisoners", "refused to take in migrants":
    a people named by a common noun (``people_recipients`` in roles.tsv) that no reading
    placed is the recipient all the same, as the PLOVER codebook codes it: a group of its
    sector, of the place named with it ("victims in Pakistan"), else of the actors' country
    when they act at home, else of no known country."""
    if et.plover not in W.people_recipient_types or _natural_doer(verb):
        return []
    preps = et.preps | frozenset(W.verb_preps.get(verb.lemma_.lower(), ()))
    # (the parser calls a "to" after the object a dative: "gave food to refugees")
    heads = [*dobjs, *(p for h in prep_holders(verb, et) for c in h.children
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
        where = place_countries(prep_pobjs(t, {"in", "from", "of"} if local else {"from", "of"}), ctx.ms)
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


def placed_receiver(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"contribute troops to a peace-keeping force in Liberia", "sent doctors to a hospital in
    Gaza": what aid goes to, named by no one's name, is where it is (``placed_receiver_types``)."""
    if et.plover not in W.placed_receiver_types:
        return []
    preps = et.preps | et.theme_preps
    found = [m for p in prep_pobjs(verb, preps) if p.i not in ctx.ms and p.pos_ == "NOUN"
             for q in prep_pobjs(p, {"in"}) for m in [place(q, ctx.ms)] if m is not None and m.country]
    return [(m, 0.7) for m in found[:1]]


def let_in(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"allowed the return of UN inspectors", "permitted the delivery of aid to Gaza": the ones the
    required noun lets in, or where it goes (``let_in_types``)."""
    if not (et.requires and et.plover in W.let_in_types):
        return []
    needed = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in et.requires]
    return [(m, f * 0.8) for o in needed for p in prep_pobjs(o, {"to", "into"}) or prep_pobjs(o, {"of"})
            for m, f in actors_of(ctx, p, role="recipient", et=et, home=home) if m.type != "Topic"]


def talks_with(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"called off the strike after deliberations with the government", "agreed to a truce
    following talks with the rebels": the other side of the talks the act came out of."""
    if et.plover not in W.talks_recipient:
        return []
    talks = [p for p in prep_pobjs(verb, W.talk_preps) if p.i not in ctx.ms and _talk(ctx, p)]
    return [(m, f * 0.8) for t in talks for w in prep_pobjs(t, {"with"})
            for m, f in actors_of(ctx, w, role="recipient", et=et, home=home) if m.type != "Topic"]


def _talk(ctx, noun) -> bool:
    """Is the noun one of talks ("negotiations", "deliberations", "a meeting")?"""
    lemma = noun.lemma_.lower()
    row = ctx.lex.nouns.get(lemma)
    return lemma in W.talk_nouns or noun.lower_ in W.talk_nouns or row is not None and row.plover == "CONSULT"


def conflict_sides(ctx, verb, et, dobjs, home) -> list[Reading]:
    """"urged the warring parties in Libya to respect the truce", "called on all sides in
    South Sudan", "demanded parties to the conflict in Iraq ...": the sides of a conflict in
    a country, no one named, are that country as the codebook codes it (``conflict_side_types``)."""
    if et.plover not in W.conflict_side_types:
        return []
    heads = [*dobjs, *prep_pobjs(verb, et.preps | {"on", "upon"})]
    heads += [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJ]
    heads = [t for h in heads for t in conjuncts(h) if t.i not in ctx.ms and t.lemma_.lower() in W.conflict_sides]
    wars = [w for h in (verb, *heads) for w in prep_pobjs(h, {"to", "in"}) if w.lemma_.lower() in W.quarrel_nouns]
    # (a city with no war named is as often the venue: "urged the parties in Geneva to agree")
    warring = bool(wars) or any(c.lemma_.lower() in W.warring_words for h in heads for c in h.children)
    found = [m for h in (*heads, *wars) if heads for q in prep_pobjs(h, {"in"})
             for m in [place(q, ctx.ms)] if m is not None and m.country and (warring or m.type == "Country")]
    states = [ctx.linker.country_mention(m.country, m.start, m.end) for m in found[:1]]
    return [(m, 0.7) for m in states if m is not None]

