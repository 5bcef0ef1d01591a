"""Role nouns and sectors: "Venezuelan police" is a part of Venezuela that acts on its own.

A role noun (``kg/data/agents.tsv``: "police", "troops", "minister", "protesters") has a
CAMEO sector (COP, MIL, GOV, OPP, ...). Beside a country it names that country's sector as
an actor of its own (Venezuela police, :data:`kg.model.SECTORS`); the government (GOV) is
the state itself. Sector codes follow the PETRARCH agents dictionary. :func:`role_noun` is the reading of a
role noun whose country is not before it: "the navies of China", "the police in Caracas",
"the Trump administration", "supporters of Ben Bella", "the police" once named.
"""

from __future__ import annotations

from ...model import SECTORS, Mention, is_country_code
from .context import COLLECTIVE
from .deps import MODIFIER, conjuncts
from .geography import place, placed
from .words import W


def sector_code(ctx, tok) -> str | None:
    """The CAMEO sector of a role noun: "police officers" COP, "army officers" MIL,
    "government troops" MIL (a role-noun compound other than the government decides)."""
    agents = ctx.lex.agents
    for c in tok.children:
        if c.dep_ != "compound" or c.lower_ in W.domain_nouns:
            continue
        sub = agents.get(c.lower_, agents.get(c.lemma_.lower()))
        if sub is not None and sub != "GOV":
            return sub  # "opposition leader", "police commander": whom they lead
        if tok.lower_ == "general" and c.lower_ in W.civil_general_titles:
            return "GOV"  # "the Governor General", "the attorney general": no soldier
    return agents.get(tok.lower_, agents.get(tok.lemma_.lower()))


def own_forces(ctx, tok) -> bool:
    """Is the role noun one of a state's organs at home: "government troops", "regime forces"
    (the state's own, fighting in its own country, not troops abroad), "a provincial
    governor", "local officials" (an office of a place is of that place's country)?"""
    code = sector_code(ctx, tok)
    marks = W.own_forces_marks if code == "MIL" else W.local_office_marks if code == "GOV" else ()
    return any(c.dep_ in ("amod", "compound") and c.lower_ in marks for c in tok.children)


def is_role_noun(ctx, tok) -> bool:
    return tok.lemma_.lower() in ctx.lex.agents or tok.lower_ in ctx.lex.agents


def role_owner(ctx, tok) -> bool:
    """Is the token a role noun that owns what it modifies, named by no mention ("the
    government's request", "the Trump administration's plan")? Whoever it stands for is the owner."""
    return tok.dep_ == "poss" and tok.i not in ctx.ms and tok.pos_ == "NOUN" and is_role_noun(ctx, tok)


def sector(ctx, tok, m: Mention, start: int, end: int | None = None) -> Mention:
    """The part of a country a role noun names ("Venezuelan police" → Venezuela, COP), as a
    mention of its own; the country itself for the government (see model.SECTORS), and
    whatever ``m`` is when it has no country or is no state."""
    code = sector_code(ctx, tok)
    if code not in SECTORS or not m.country or m.type not in ("Country", "City", "Location"):
        return m
    if end is None:
        body = _body_compound(ctx, tok, code)
        end = (body if body is not None else tok).idx + len((body if body is not None else tok).text)
    start = min(start, end)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, SECTORS[code][1], country=m.country, key=text, sector=code)


def _body_compound(ctx, tok, code: str):
    """The compound that names the body whose members the role noun names ("Panamanian army
    officers", "Iranian police officers": members of the army, of the police), when it gives
    the sector; the actor is then named by the body, as the gold sets name it. Not when the
    noun names a sector of its own ("student demonstrators")."""
    if tok.lemma_.lower() not in W.body_member_nouns or tok.i == 0:
        return None
    c = tok.doc[tok.i - 1]
    if c.dep_ != "compound" or c.head.i != tok.i:
        return None
    return c if ctx.lex.agents.get(c.lower_, ctx.lex.agents.get(c.lemma_.lower())) == code else None


def earlier_sector(ctx, tok) -> Mention | None:
    """The one part of a country of this role noun's sector named earlier in the document
    by a demonym or a country ("Kenyan police", "Kenya's police"), as a mention here."""
    ms = ctx.ms
    code = sector_code(ctx, tok)
    if code not in SECTORS:
        return None
    countries = set()
    for t in tok.doc[:tok.i]:
        if t.i in ms or (t.lower_ not in ctx.lex.agents and t.lemma_.lower() not in ctx.lex.agents) \
                or sector_code(ctx, t) != code:
            continue
        countries.update(ms[c.i].country for c in t.children if c.dep_ in MODIFIER and c.i in ms
                         and ms[c.i].type == "Country" and ms[c.i].country)
    if len(countries) != 1:
        return None
    end = tok.idx + len(tok.text)
    return Mention(tok.text, tok.idx, end, SECTORS[code][1], country=countries.pop(), key=tok.text, sector=code)


def home_sector(ctx, tok, home: str) -> Mention:
    """A role noun of the country the police acting belong to: "Egyptian police dispersed
    demonstrators" acts on Egypt's protesters."""
    code = sector_code(ctx, tok)
    return Mention(tok.text, tok.idx, tok.idx + len(tok.text), SECTORS[code][1], country=home, key=tok.text,
                   sector=code)


# ---------------------------------------------------------------- reading a role noun
def role_noun(ctx, n):
    """A role noun with nothing before it that names whose it is: read what is after it,
    what came before in the document, and where it acts. ``n`` is the noun being read
    (:class:`.actors.Noun`), which reads other tokens with the same question."""
    if not n.agentive:
        return None
    for reading in (_nested_nationality, _leader_government, _followers, _spokesman, _of_whom, _from_where,
                    _based):
        found = reading(ctx, n)
        if found is not None:
            return found
    if any(c.dep_ == "det" and c.lower_ == "the" for c in n.tok.children) and not n.mods:
        # "the police", once the document has named whose: "Kenyan police ..."
        earlier = earlier_sector(ctx, n.tok)
        if earlier is not None:
            return [(earlier, 0.6)]
        own = _their_own(ctx, n)
        if own is not None:
            return own
    return _local(ctx, n) or []


def _their_own(ctx, n):
    """"Thousands of Sudanese protested against the government", "students in Caracas
    marched on the parliament": a people's or their police's own state, when the actors are
    of one country and act at home (see recipients_of) and "the" names no other."""
    if n.role != "recipient" or not n.home or n.lemma not in W.own_state_nouns:
        return None
    head = n.tok.head.head if n.tok.dep_ == "pobj" else n.tok.head
    if _pact_with(n.tok, head):
        head = head.head.head if head.dep_ == "pobj" else head.head  # "agreed to a truce with the government"
    if head.pos_ not in ("VERB", "AUX"):
        return None  # "arrested critics of the government": the critics are acted on
    state = ctx.linker.country_mention(n.home, n.tok.idx, n.tok.idx + len(n.tok.text))
    return [(sector(ctx, n.tok, state, n.tok.idx), 0.7)] if state is not None else None


def _pact_with(tok, noun) -> bool:
    """Is the token the "with" side of a pact or quarrel ("a ceasefire with the government",
    "talks with the regime")? The pact is the verb's object, and so is its counterpart."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and noun.pos_ == "NOUN" and (
        noun.lemma_.lower() in W.agreement_nouns or noun.lower_ in W.quarrel_nouns
        or noun.lemma_.lower() in W.quarrel_nouns) and noun.dep_ in ("dobj", "pobj")


def _nested_nationality(ctx, n):
    """"Turkish Kurd refugees", "Afghan Hazara refugees": a people's name that stands for no
    state of its own, before the role noun, with the state they are of before it (the
    parser makes the state a compound of the people's name)."""
    ms = ctx.ms
    for c in n.mods:
        if c.dep_ != "compound" or c.pos_ != "PROPN" or c.i in ms and ms[c.i].country:
            continue
        states = [ms[g.i] for g in c.children if g.dep_ in ("compound", "amod") and g.i in ms
                  and ms[g.i].type == "Country" and is_country_code(ms[g.i].country)]
        if len(states) == 1:
            return [(sector(ctx, n.tok, states[0], states[0].start), 0.8)]
    return None


def _leader_government(ctx, n):
    """"the Trump administration", "Putin's government": the leader's country's."""
    ms = ctx.ms
    for c in n.mods:
        if c.dep_ in ("compound", "poss") and c.i in ms and ms[c.i].type == "Person" and ms[c.i].country \
                and sector_code(ctx, n.tok) == "GOV":
            country = Mention(ms[c.i].text, ms[c.i].start, ms[c.i].end, "Country", country=ms[c.i].country,
                              key=ms[c.i].country)
            return [(sector(ctx, n.tok, country, ms[c.i].start), 0.75)]
    return None


def _followers(ctx, n):
    """"supporters of Ben Bella": his country's people."""
    ms = ctx.ms
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and n.lemma in W.follower_nouns:
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Person" and ms[p.i].country:
                    country = Mention(ms[p.i].text, ms[p.i].start, ms[p.i].end, "Country", country=ms[p.i].country,
                                      key=ms[p.i].country)
                    return [(sector(ctx, n.tok, country, n.tok.idx, ms[p.i].end), 0.7)]
    return None


def _spokesman(ctx, n):
    """"the spokesman for the Iranian foreign ministry": the ministry's."""
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of") and sector_code(ctx, n.tok) == "GOV":
            for p in c.children:
                if p.dep_ == "pobj" and p.i not in ctx.ms and p.lemma_.lower() in ctx.lex.agents \
                        and sector_code(ctx, p) == "GOV":
                    found = [(m, f * 0.9) for m, f in n.actor(ctx, p) if m.type != "Topic"]
                    if found:
                        return found
    return None


def _of_whom(ctx, n):
    """"the navies of China, India and Oman" and "the police in Caracas" are theirs; of
    "peacekeepers in Iraq" only the place is known, which stays the actor (as a recipient,
    "the embassy in Kabul" is nobody's known); "the government
    of Abdrabbuh Mansur Hadi" is his."""
    ms = ctx.ms
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "in", "throughout", "across"):
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in COLLECTIVE:
                    # (a government or a parliament "in Bamako" is that state's own)
                    local = c.lower_ in ("of", "for", "from") or sector_code(ctx, n.tok) in W.local_sectors \
                        or n.lemma in W.own_state_nouns or own_forces(ctx, n.tok)
                    if not local and n.role == "recipient":
                        return []  # "stormed the embassy in Kabul", "attacked troops in Iraq": whose?
                    # (a place kg cannot put in a country says nothing of whose they are:
                    # "killed five rebels in Papua" is not an attack on Papua)
                    return [(sector(ctx, n.tok, _state_of(ctx, n, ms[q.i]), n.tok.idx) if local else ms[q.i], 0.8)
                            for q in conjuncts(p) if q.i in ms and ms[q.i].type in COLLECTIVE
                            and not (ms[q.i].type in ("City", "Location") and not ms[q.i].country)]
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Person" and c.lower_ == "of" \
                        and n.lemma in W.government_nouns:
                    return [(ms[p.i], 0.75)]
    return None


def _from_where(ctx, n):
    """"migrants fleeing the war in Yemen", "refugees escaping from Libya": people of the
    place they flee; "civilians living in Gaza": of the place they live in (not migrants or
    refugees, who live away from home; see ``not_local``). The participle's places (its
    object, its prepositions' objects, and those of its object) must all be of one country."""
    code = sector_code(ctx, n.tok)
    for a in n.tok.children:
        if a.dep_ != "acl" or a.tag_ not in ("VBG", "VBN"):
            continue
        lemma = a.lemma_.lower()
        if lemma in W.fleeing_verbs:
            preps, deep = W.fleeing_preps, True
        elif lemma in W.dwelling_verbs and code in W.local_sectors and n.lemma not in W.not_local:
            preps, deep = W.dwelling_preps, False
        else:
            continue
        toks = [o for o in a.children if o.dep_ == "dobj"] if deep else []
        toks += [p for c in a.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                 if p.dep_ == "pobj"]
        # "fleeing the war in Yemen", "escaping the fighting in Idlib": where the war is
        toks += [p for o in toks if deep and o.i not in ctx.ms for c in o.children
                 if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
        places = [m for t in toks for q in conjuncts(t) for m in [place(q, ctx.ms)]
                  if m is not None and is_country_code(m.country)]
        if places and len({m.country for m in places}) == 1:
            return [(sector(ctx, n.tok, places[0], n.tok.idx, places[0].end), 0.75)]
    return None


def _based(ctx, n):
    """"a newspaper based in Beirut", "a Beirut-based newspaper": the role noun's sector of
    the country it is based in, as "a Lebanese newspaper" is (``seat_participles``). Only
    for the sectors whose seat is their nationality (``seat_sectors``, the press): troops,
    exiles and agencies are often based abroad ("troops based in Germany", "a Geneva-based
    agency")."""
    if sector_code(ctx, n.tok) not in W.seat_sectors:
        return None
    for a in n.tok.children:
        if a.lemma_.lower() not in W.seat_participles or a.tag_ != "VBN":
            continue
        if a.dep_ == "acl":  # "based in Beirut"
            toks = [p for c in a.children if c.dep_ == "prep" and c.lower_ in W.dwelling_preps
                    for p in c.children if p.dep_ == "pobj"]
        elif a.dep_ == "amod":  # "Beirut-based"
            toks = [c for c in a.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < a.i]
        else:
            continue
        places = [m for t in toks for m in [place(t, ctx.ms)] if m is not None and is_country_code(m.country)]
        if len({m.country for m in places}) == 1:
            start = min(places[0].start, n.tok.idx)
            return [(sector(ctx, n.tok, places[0], start, max(places[0].end, n.tok.idx + len(n.tok.text))), 0.75)]
    return None


def _site(ctx, tok) -> Mention | None:
    """The place a prepositional object names, or, for a site no country holds ("at a
    wedding in Kabul", "at the Grand Hall in London"), the place its own "in" names."""
    m = placed(tok, ctx.ms)
    if m is not None and (m.country or m.type == "Country"):
        return m
    return next((w for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                 if p.dep_ == "pobj" for w in [placed(p, ctx.ms)] if w is not None), None)


def _state_of(ctx, n, m: Mention) -> Mention:
    """The state a government or a parliament in a place belongs to ("the government in
    Bamako" is Mali's), else the place (whose people a local role noun is)."""
    if n.lemma in W.own_state_nouns and m.type in ("City", "Location") and m.country:
        if n.role == "recipient" and n.home and n.home != m.country:
            # "Syrian rebels rejected talks with the regime in Geneva": the city is the venue;
            # the regime of rebels acting at home is their own
            return ctx.linker.country_mention(n.home, m.start, m.end) or m
        return ctx.linker.country_mention(m.country, m.start, m.end) or m
    return m


def _local(ctx, n):
    """"protesters marched in Caracas", "police raided homes across Kashmir": people of the
    place where they act (not troops or officials, who act abroad); and "police detained
    students in Caracas": the people acted on there."""
    tok = n.tok
    code = sector_code(ctx, tok)
    local = code in W.local_sectors or code in W.local_victims and n.role == "recipient" or own_forces(ctx, tok)
    if not (local and n.lemma not in W.not_local
            and (n.role == "actor" or n.role == "recipient" and n.et is not None
                 and n.et.plover in W.local_recipient)):
        return None
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    # where the verb acts: on the verb, its object or its subject ("killed five villagers in
    # Mali", "shot at protesters in Nairobi", "troops in Myanmar fired on villagers"), and for
    # a toll, on the clause it hangs on ("a bomb exploded in Kabul, killing ten civilians")
    verbs = [verb, verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" \
        else [verb]
    holders = [h for v in verbs for h in (
        v, *(o for o in v.children if o.dep_ == "dobj" or o.dep_ == "nsubj" and n.role == "recipient"),
        *(p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"))] \
        if verb.pos_ in ("VERB", "AUX") else []
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in W.acting_preps:
            places = [m for p in c.children if p.dep_ == "pobj" for q in conjuncts(p)
                      for m in [_site(ctx, q)] if m is not None and (m.country or m.type == "Country")]
            if len({m.country or m.key for m in places}) == 1:
                # "police detained students in Ankara": when the actors act at home in the
                # same country, the place is one inference already paid for by the actors
                factor = 0.9 if n.role == "recipient" and n.home and places[0].country == n.home else 0.6
                return [(sector(ctx, tok, places[0], tok.idx, tok.idx + len(tok.text)), factor)]
    if n.role == "recipient" and n.home is not None:
        return [(home_sector(ctx, tok, n.home), 0.6)]
    return None
