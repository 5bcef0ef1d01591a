"""Noun readings: whom a common noun stands for, read by the first reading that has an answer.

:func:`.actors.actor_of` tries the readings of :data:`READINGS` in order on a
:class:`.actors.Noun`; the first that has an answer gives it: "the two countries" (the pair
just named), "thousands of Iraqi Kurds" (the people counted), "Israeli troops" (Israel's
military), "the Trump administration" (the United States), "condemned Serbia's
suppression" (Serbia, for an event that may name its recipient by its owner), "police" in a
story of one country (that country's), "the country" (the one just named), and for some
events a thing, a topic ("banned K-pop"); role nouns are read in :mod:`.sectors`, the
doer, author or owner of what a noun names ("an attack by X", "X's resignation") in
:mod:`.doers`. Each answer carries a confidence factor that falls with the weight of
inference. A reading reads another token through the noun (``n.actors``, ``n.actor_of``
...), as :mod:`.actors` imports this module. The words are in ``kg/data/rules/actors.tsv`` and ``roles.tsv``.
"""

from __future__ import annotations

import dataclasses

from ...model import SECTORS, Mention, is_country_code
from .context import COLLECTIVE, STATES, Reading
from .definites import pair, the_country
from .deps import compound_span, conjuncts
from .doers import doer, owner, proposal_author
from .geography import place, place_countries
from .sectors import own_forces, role_noun, role_owner, sector, sector_code
from .words import W

BODY_TYPES = ("Organization", "Group", "InternationalOrganization")  # what a body noun may name


# ---------------------------------------------------------------- the readings of a noun, in order
# Each returns None when it has nothing to say, else the answer (which may be empty).
def _pair_noun(ctx, n):
    """"the two countries", "both sides", "all three nations": the ones just named."""
    if n.lemma not in W.pair_nouns or n.tok.tag_ != "NNS":
        return None
    count = next((int(W.counts[c.lower_][0]) for c in n.tok.children if c.lower_ in W.counts), None)
    return pair(ctx, n.tok, W.pair_nouns[n.lemma], count) if count is not None else None


def _included(ctx, n):
    """"a group of nobles that included Brutus and Cassius": the ones named."""
    return _named_under(ctx, n, "dobj", lambda c: c.dep_ == "relcl" and c.lemma_.lower() in W.including_verbs)


def _counted(ctx, n):
    """"thousands of Iraqi Kurds", "a group of Chechen refugees": the people counted."""
    if n.lemma not in W.quantity_nouns:
        return None
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return [(m, f * 0.9) for p in c.children if p.dep_ == "pobj" for m, f in n.actors(ctx, p)]
    return []


def _delegation(ctx, n):
    """"a delegation from China", "a mission of observers from the OSCE", "a Chinese
    delegation", "a team of Japanese lawmakers": whoever sent it (no one a team of a sport)."""
    if n.lemma not in W.delegation_nouns:
        return None
    if any(c.lemma_.lower() in W.sport_words for c in n.mods):
        return []  # "the Australian cricket team", "a Chinese Olympic team": sport, no state's envoys
    found = [(m, f * 0.85) for c in n.mods if c.i in ctx.ms and ctx.ms[c.i].type in COLLECTIVE
             for m, f in n.actor(ctx, c)]
    # (the parser hangs "received a delegation from China"'s "from" on the verb as often)
    holders = [n.tok, n.tok.head] if n.tok.dep_ == "dobj" else [n.tok]
    found += [(m, f * 0.85) for h in holders for c in h.children if c.dep_ == "prep" and c.i > n.tok.i
              and (c.lower_ == "from" or c.lower_ == "of" and h is n.tok)
              for p in c.children if p.dep_ == "pobj" for m, f in n.actors(ctx, p) if m.type != "Topic"]
    return found or None


def _listed(ctx, n):
    """"prominent leaders, including Premier Li Qiang and Zhao Leji": the ones named."""
    return _named_under(ctx, n, "pobj", lambda c: c.dep_ == "prep" and c.lower_ in ("including", "like")
                        or c.dep_ == "amod" and c.lower_ == "such")


def _named_under(ctx, n, dep: str, opens):
    """The actors named as ``dep`` under the first child of the noun that ``opens`` a list of
    its members and names any ("that included X", "including X", "such as X"), else None."""
    for c in n.tok.children:
        if opens(c):
            named = [(m, f * 0.85) for o in c.children if o.dep_ == dep
                     for m, f in n.actors(ctx, o) if m.type != "Topic"]
            if named:
                return named
    return None


def _property(ctx, n):
    """"demolished Palestinian homes", "bombed villages in northern Iraq", "attacked a refugee
    camp in Chad": the people whose homes, village or camp they are, as the codebook codes
    them (civilians of that country, refugees for a refugee camp, the military for an army
    base); other readings when no country is given."""
    if not (n.role == "recipient" and n.et is not None and n.et.plover in W.property_recipient
            and n.lemma in W.property_nouns | W.installation_nouns and n.tok.i not in ctx.ms):
        return None
    ms, tok = ctx.ms, n.tok
    # a base or a checkpoint is a state's unless a role noun says whose ("army base", "police post")
    default = "CVL" if n.lemma in W.property_nouns else None
    owners = [ms[c.i] for c in n.mods if c.i in ms and ms[c.i].type == "Country"]
    factor = 0.75
    if not owners:
        verb = next((a for a in list(tok.ancestors)[:3] if a.pos_ == "VERB"), None)
        holders = [tok] if verb is None else [tok, verb]  # "sent aid to villages in Somalia"
        owners = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in W.place_preps | {"of"}
                  for p in c.children if p.dep_ == "pobj" for m in [place(p, ms)] if m is not None and m.country]
        factor = 0.65
    countries = {m.country for m in owners if is_country_code(m.country)}  # not a subdivision ("PS-GZA")
    if len(countries) != 1:
        return None  # "a camp for Congolese refugees": those it is for (see :func:`.doers.owner`)
    code = next((sub for c in tok.children if c.dep_ == "compound"
                 for sub in [ctx.lex.agents.get(c.lemma_.lower())] if sub in SECTORS), default)
    if code is None:
        return None
    start, end = compound_span(tok)
    text = tok.doc.text[start:end]
    return [(Mention(text, start, end, SECTORS[code][1], country=countries.pop(), key=text, sector=code), factor)]


def _place_noun(ctx, n):
    """"withdrew from the town of Gorazde", "entered the Bosnian town": the place it names."""
    if n.role != "recipient" or n.lemma not in W.place_nouns:
        return None
    where = place(n.tok, ctx.ms)
    return [(where, 0.85)] if where is not None else None


def _named_modifier(ctx, n):
    """"Israeli troops" (Israel's military), "the al-Qaeda network" (al-Qaeda), "condemned
    Serbia's suppression" (Serbia), "opposed Macron's statement" (its author), "called Trump's
    conduct a disgrace" (the doer)."""
    ms = ctx.ms
    for c in n.mods:
        if c.i in ms and ms[c.i].type in BODY_TYPES and n.lemma in W.body_nouns:
            return [(ms[c.i], 0.9)]  # "the al-Qaeda network", "the Wagner group": the body named
        if c.i in ms and ms[c.i].type in COLLECTIVE:
            # "US and British forces", "Israeli and Palestinian leaders": each country's
            owners = [ms[q.i] for q in conjuncts(c) if q.i in ms and ms[q.i].type in COLLECTIVE]
            if n.agentive and not any(m.country for m in owners):
                placed = _stateless_placed(ctx, n, owners)  # "Moslem forces in east Bosnia"
                if placed is not None:
                    return placed
            if n.agentive and len(owners) > 1:  # each named apart: "US forces", "British forces"
                return [(_own_span(sector(ctx, n.tok, m, m.start), m, n.tok), 0.85) for m in owners]
            if n.agentive:
                return [(sector(ctx, n.tok, m, m.start), 0.85) for m in owners]
            if n.owner_ok:  # "condemned Serbia's suppression", "demolished Palestinian homes"
                return [(m, 0.6) for m in owners]
        if n.owner_ok and role_owner(ctx, c):
            # "rejected the Peruvian government's request": whoever the owner stands for
            found = [(m, f * 0.7) for m, f in n.actor_of(ctx, c, "actor", None) if m.type != "Topic"]
            if found:
                return found
        if n.owner_ok and c.dep_ == "poss" and c.i in ms and ms[c.i].type == "Person" \
                and (n.lemma in W.verbal_targets or n.lemma in W.proposal_nouns or n.lemma in W.utterances
                     or n.lemma in W.deeds or n.lemma in W.legal_claims):
            return [(ms[c.i], 0.7)]  # "opposed Macron's statement", "dismissed Trump's lawsuit": its author
    return None


def _stateless_placed(ctx, n, owners) -> list[Reading] | None:
    """"Moslem forces in east Bosnia", "Kurdish fighters in northern Syria": a group of a people
    with no state of its own is of the country where the sentence puts it (as "Kurds in
    Turkey" are, see actors._living_in)."""
    code = sector_code(ctx, n.tok)
    if code not in SECTORS or len(owners) != 1:
        return None
    where = place_countries((p for c in n.tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                             for p in c.children if p.dep_ == "pobj"), ctx.ms)
    if len(where) != 1:
        return None
    start, end = owners[0].start, n.tok.idx + len(n.tok.text)
    text = n.tok.doc.text[start:end]
    return [(Mention(text, start, end, SECTORS[code][1], country=next(iter(where)), key=text, sector=code), 0.75)]


def _own_span(m: Mention, owner: Mention, tok) -> Mention:
    """A sector read from one of coordinated owners, named by that owner and the role noun
    alone ("US forces" of "US and British forces"), not by the whole phrase."""
    if not m.sector:
        return m
    text = f"{owner.text} {tok.text}"
    return dataclasses.replace(m, text=text, key=text)


def _backed(ctx, n):
    """"the US-led coalition", "Iranian-backed militias": acting for the leader or backer."""
    if not n.agentive:
        return None
    for c in n.mods:
        if c.lemma_.lower() in W.backing_verbs:
            for g in c.children:
                if g.i in ctx.ms and ctx.ms[g.i].type in COLLECTIVE:
                    return [(ctx.ms[g.i], 0.75)]
    return None


def _role_modifier(ctx, n):
    """"its troops" (the pronoun's sector), "Israeli army bulldozers" (the army's country)."""
    tok = n.tok
    for c in n.mods:
        if c.dep_ == "poss" and c.pos_ == "PRON" and n.agentive:
            return [(sector(ctx, tok, m, c.idx), f * 0.9) for m, f in n.pronoun(ctx, c)]
        if c.dep_ == "compound" and c.i not in ctx.ms and c.lemma_.lower() in ctx.lex.agents:
            found = [(m, f * 0.9) for m, f in n.actor(ctx, c) if m.type != "Topic"]
            if n.agentive:  # "student demonstrators": the whole phrase names the sector
                end = tok.idx + len(tok.text)
                found = [(dataclasses.replace(m, text=tok.doc.text[min(m.start, end):end], start=min(m.start, end),
                                              end=end, key=tok.doc.text[min(m.start, end):end])
                          if m.sector else m, f) for m, f in found]
            if found:
                return found
    return None


def _pact_partner(ctx, n):
    """"withdrew the US from the nuclear deal with Iran": whom a treaty one leaves is with."""
    if not (n.role == "recipient" and n.et is not None and n.et.plover == "SANCTION" and n.et.mode == "withdraw"
            and n.lemma in W.agreement_nouns and n.tok.i not in ctx.ms):
        return None
    # (and no one else: "withdrew from the Paris agreement" leaves no pact with France)
    return [(m, f * 0.85) for c in n.tok.children if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children if p.dep_ == "pobj" for m, f in n.actors_of(ctx, p) if m.type != "Topic"]


def _sanctioned_place(ctx, n):
    """"restrictions on flights to Cuba", "tariffs on imports from China": the place."""
    if not (n.role == "recipient" and n.et is not None and n.et.plover == "SANCTION" and n.tok.i not in ctx.ms):
        return None
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "from", "into"):
            found = [(ctx.ms[q.i], 0.7) for p in c.children if p.dep_ == "pobj"
                     for q in conjuncts(p) if q.i in ctx.ms and ctx.ms[q.i].type in STATES]
            if found:
                return found
    return None


def _country_noun(ctx, n):
    """"the country will hold elections": the country just named, or the story's (as an
    actor only: "invaded the country" is read by whoever reads its recipient)."""
    if n.role != "actor":
        return None
    found = the_country(ctx, n.tok)
    return [found] if found is not None else None


def _topic(ctx, n):
    """A thing, for the events that act on things: "banned K-pop", "signed a security pact"."""
    tok, et = n.tok, n.et
    if tok.ent_type_ in W.not_topics:
        return []
    if et is None or et.predicate not in W.topic_predicates or n.role != "recipient":
        return []
    if et.predicate == "signsAgreementWith" and n.lemma not in W.agreement_nouns:
        return []  # a decree or a bill signed is no agreement with anyone
    if len(tok.text) > 1 and (tok.pos_ == "PROPN" or tok.text.isupper()
                              or tok.text[0].isupper() and not tok.is_sent_start):
        start, end = compound_span(tok)
        text = tok.doc.text[start:end]
        return [(Mention(text, start, end, "Topic", key=text), 0.75)]
    if any(c.dep_ == "compound" for c in tok.children) and n.lemma not in W.vague_topics:
        start, end = compound_span(tok)
        text = tok.doc.text[start:end]
        return [(Mention(text, start, end, "Topic", key=text), 0.6)]
    return []


def _role_noun(ctx, n):
    """A role noun read by :func:`.sectors.role_noun`, and when that finds no one whose it is:
    the body it is "of" ("leaders of the opposition coalition"), and for a sector that acts
    at home (not troops, who act abroad as often), the country "the country's" names, else
    the document's own, as actor ("police arrested three men" in a story of Perth) or, for
    the state's own institutions, recipient ("alleged the central government is hiding
    figures"; not "impeached two presidents"), unless a word says it is of another
    ("foreign officials", "their police")."""
    found = role_noun(ctx, n)
    if found != []:
        return found
    body = _of_body(ctx, n)
    if body:
        return body
    if n.lemma in W.not_local or n.role != "actor" and n.lemma not in W.home_recipients \
            and not own_forces(ctx, n.tok):  # ("a district commissioner was shot": the story's)
        return found
    owner = next((the_country(ctx, c) for c in n.mods if c.dep_ == "poss"), None)
    # ("states", "governments", "leaders" in the plural are as often other countries' as its own)
    code = sector_code(ctx, n.tok)
    home = code in W.home_sectors or code == "MIL" and n.role == "actor" and n.et is not None \
        and n.et.plover in W.home_military_types and not _foreign_forces(ctx, n.tok)
    if owner is None and home and not any(
            c.dep_ == "poss" or c.i in ctx.ms or c.lower_ in W.foreign_mods for c in n.mods) \
            and not (n.tok.tag_ == "NNS" and n.lemma in W.pair_nouns):
        owner = _home_state(ctx, n.tok)
    return [(sector(ctx, n.tok, owner[0], n.tok.idx), owner[1])] if owner is not None else found


def _foreign_forces(ctx, tok) -> bool:
    """Whether the story names another state's forces before this military noun ("Russian
    troops entered Melitopol. Soldiers detained its mayor" in a story of Ukraine, "Putin's
    forces"): an unplaced army may then be theirs as well as the story's own."""
    for t in tok.doc[:tok.i]:
        if t.pos_ not in ("NOUN", "PROPN") or sector_code(ctx, t) != "MIL" or t.head.ent_type_ == "PERSON" \
                or t.nbor(1).ent_type_ == "PERSON":
            continue  # (a title: "Thailand's army chief Apirat Kongsompong" is one man, not forces)
        named = [ctx.ms[c.i] for c in t.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.ms]
        if t.i in ctx.ms:
            named.append(ctx.ms[t.i])
        if any(m.country != ctx.country for m in named if m.type != "Topic"):
            return True
    return False


def _home_state(ctx, tok) -> Reading | None:
    """The document's own country (context.home_country) as the state of a role noun that
    nothing beside it places. (Not the one country named just before: "a painting showing
    the US flag was stolen in Lyon. Police ..." are no US police.)"""
    m = ctx.linker.country_mention(ctx.country, tok.idx, tok.idx + len(tok.text)) if ctx.country else None
    return (m, 0.7) if m is not None else None


def _of_body(ctx, n) -> list[Reading]:
    """"leaders of the opposition coalition", "members of the ruling party": a role noun of a
    body that is no name (but is read as one: "the Azadliq coalition") acts for that body."""
    return [(m, f * 0.8) for c in n.tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
            for p in c.children if p.dep_ == "pobj" and p.i not in ctx.ms and p.lemma_.lower() in W.body_nouns
            for m, f in n.actor_of(ctx, p, "actor", None) if m.type in BODY_TYPES]


def _business_staff(ctx, n):
    """"Chinese airline executives", "Japanese carmaker officials": the officers of a business
    are no organ of their country's state (no political actor, as the PLOVER codebook keeps
    business apart)."""
    if not n.agentive or sector_code(ctx, n.tok) != "GOV":
        return None
    return [] if any(c.dep_ == "compound" and c.lemma_.lower() in W.business_modifiers for c in n.mods) else None


READINGS = (_pact_partner, _pair_noun, _business_staff, _included, _delegation, _counted, _listed, _property,
            _place_noun, _named_modifier, _backed, _role_modifier, _role_noun, _sanctioned_place, proposal_author,
            doer, owner, _country_noun, _topic)
