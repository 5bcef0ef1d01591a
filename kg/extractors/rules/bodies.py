"""Static relations of bodies: where a body is seated.

basedIn from "a Berlin-based foundation", "Acme, a Hong Kong firm", "NRC headquarters in
Rockville", "the Federal Reserve Bank of Chicago", "the Haitian Parliament"; and memberOf
from "Mulroney's Progressive Conservative Party" (a person's party, read with the name).
Who heads a body, its members, allies and trade partners are read in :mod:`.ties`. Which
lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``; kinds of body are
in ``kg/data/rules/statics.tsv``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import pronoun
from .branches import based_at, office_places
from .context import STATES
from .deps import PASS_SUBJ, SUBJ, is_head_of, mention_end, mention_start
from .geography import comma_place, place, town_like
from .mentions import as_person, retype
from .records import static
from .words import W


# ---------------------------------------------------------------- rules on an organisation's name
def seat(ctx, tok, org) -> Iterator[RelationMention]:
    """"Acme, a Hong Kong construction firm", "Chicago's Field Museum", "the institute in Oslo",
    "the Haitian Parliament"; and "Mulroney's Progressive Conservative Party": a person's
    party is one they belong to."""
    if org is None or org.type != "Organization" or not is_head_of(tok, org, ctx.ms):
        return
    if (org.key or org.text).split()[-1].lower() in W.event_names:
        return  # "the Mini Maker Faire in Tyler": an event held in a town is based nowhere
    if org.text.islower():
        return  # "members of UK parliament": a body read off a common noun is its country's by its name
    yield from _town_in_name(ctx, tok, org)
    yield from _town_before_name(ctx, tok, org)
    yield from _national_seat(ctx, tok, org)
    for c in tok.children:
        yield from _seat_by_modifier(ctx, tok, org, c)
        yield from _seat_by_prep(ctx, tok, org, c)
    last = _last_token(tok, org, ctx.ms)
    if last is not tok:
        # "of the International Committee of the Red Cross in Khartoum": the parse hangs the
        # town on the name's last word
        for c in last.children:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i == last.i + 1:
                yield from _seat_by_prep(ctx, tok, org, c)
    after = tok.doc[last.i + 1] if last.i + 1 < len(tok.doc) else None
    if after is not None and (after.head.i not in (tok.i, last.i) or after.lower_ == "at" and last is not tok) \
            and sited(ctx, tok, org, after):
        # "treated at Mercy Hospital in Sacramento": the parse hangs the town on the verb
        yield from _seat_by_prep(ctx, tok, org, after)
    if (org.key or org.text).split()[-1].lower() in W.membership_bodies:
        for c in tok.children:
            # (a person's name the NER took for a body's: "Hernandez Galicia's Oil Workers Union")
            member = as_person(ctx.ms[c.i], ctx.linker) if c.dep_ == "poss" and c.i in ctx.ms else None
            if member is not None and member.type == "Person" and ctx.ms[c.i] is not org:
                yield static(ctx, member, "memberOf", org, 0.6, c)


def _last_token(tok, org, ms):
    """The last word of the name whose head is ``tok``."""
    k = tok.i
    while k + 1 < len(tok.doc) and ms.get(k + 1) is org:
        k += 1
    return tok.doc[k]


def _town_in_name(ctx, tok, org) -> Iterator[RelationMention]:
    """"the Federal Home Loan Bank of San Francisco", "University of Iowa": a town in the name."""
    words = (org.key or org.text).split()
    if len(words) > 2 and "of" in words[1:-1] and words[0].lower() not in W.diplomatic_offices \
            and not any(w.lower() in W.diplomatic_offices for w in words):
        k = len(words) - 1 - words[::-1].index("of")
        name = " ".join(words[k + 1:])
        at = org.end - len(name)
        town = ctx.linker.known(name)
        if town is not None and town.type in ("City", "Location") and name.lower() not in W.city_or_state:
            yield static(ctx, org, "basedIn", Mention(town.label, at, org.end, town.type, country=town.country,
                                                      key=town.label), 0.6, tok)
        elif town is None and words[k - 1].lower().strip(".,") in W.firm_suffixes and len(words) - k <= 3 \
                and all(w[:1].isupper() for w in words[k + 1:]):
            # "Waste Haulers Co. of Randolph": a firm of a town, whether or not kg knows the town
            yield static(ctx, org, "basedIn", Mention(name, at, org.end, "City", key=name), 0.55, tok)


def _town_before_name(ctx, tok, org) -> Iterator[RelationMention]:
    """"the Cape Town Supreme Court", "the Tulsa Police Department": a town the name of a body
    starts with (its last word a body noun: not "Paris Agreement"). Not a grouping named after
    the town alone ("the Lima Group"), and the town in the country the text puts it in."""
    words = org.text.split()
    last = words[-1].lower().strip(".,")
    if len(words) < 2 or last not in W.org_nouns | W.seated_bodies | W.sited_bodies | W.body_kind_nouns | W.press_nouns:
        return
    for n in range(min(3, len(words) - 1), 0, -1):
        name = " ".join(words[:n])
        town = ctx.linker.known(name)
        if town is not None and town.type == "City" and name.lower() not in W.city_or_state \
                and words[n].lower() not in W.station_words:  # "Quito Radio Vision Network": datelines.py
            if n == len(words) - 1 and last in W.town_named_groupings:
                return  # "the Lima Group", "the Paris Club": named after where it was formed
            # the town as the text places it (context.local_towns: a Philippine town of Madrid)
            country = next((m.country for m in ctx.ms.values() if m.type in STATES and m.country
                            and (m.key or m.text) == name), town.country)
            label = town.label if country == town.country else name
            yield static(ctx, org, "basedIn", Mention(label, org.start, org.start + len(name), town.type,
                                                      country=country, key=label), 0.6, tok)
            return


def _national_seat(ctx, tok, org) -> Iterator[RelationMention]:
    """"U.S. Congress", "Haitian Parliament", "Algeria's Ettahadi party": the organisation
    carries the country as its own attribute (see mention_checks.national_bodies), and a
    legislature, a party or a ministry sits in its country by what it is. Forces, firms and
    agencies act abroad, and an embassy or a mission sits there: for them the attribute
    says enough."""
    words = (org.key or org.text).split()
    lowered = {w.lower().strip(".,") for w in words}
    if org.type == "Organization" and org.country and not lowered & W.diplomatic_posts \
            and words[-1].lower() in W.seated_bodies and is_head_of(tok, org, ctx.ms) \
            and not ctx.linker.is_party(org):  # a party of parties.tsv: its country is the table's, not the text's
        country = ctx.linker.country_mention(org.country, org.start, org.end)
        if country is not None:
            yield static(ctx, org, "basedIn", country, 0.6, tok)


def _seat_by_modifier(ctx, tok, org, c) -> Iterator[RelationMention]:
    ms = ctx.ms
    if c.dep_ == "appos" and c.i not in ms and c.pos_ == "NOUN":
        for m in c.children:
            if m.dep_ in ("compound", "nmod", "amod") and m.i in ms and ms[m.i].type in STATES:
                yield static(ctx, org, "basedIn", ms[m.i], 0.7, c)
        yield from _seat_in_apposition(ctx, org, c)
    elif c.dep_ == "poss" and c.i in ms and ms[c.i].type in STATES and ms[c.i] is not org \
            and not {w.lower().strip(".,") for w in (org.key or org.text).split()} & W.diplomatic_posts:
        yield static(ctx, org, "basedIn", ms[c.i], 0.65, c)  # "Chicago's Field Museum", "Iran's Mahan Air"
    elif c.dep_ == "compound" and c.i in ms and ms[c.i].type in STATES and ms[c.i] is not org:
        yield static(ctx, org, "basedIn", ms[c.i], 0.6, c)  # "the Moscow daily Izvestia"
    elif c.dep_ in ("compound", "nmod", "amod") and c.i not in ms and c.i < tok.i \
            and c.lemma_.lower() in W.org_nouns | W.press_nouns:
        # "the Tulsa firm Northwind Traders", "the Moscow daily Izvestia"
        for g in c.children:
            if g.dep_ in ("compound", "nmod") and g.i in ms and ms[g.i].type in ("City", "Location") \
                    and ms[g.i] is not org:
                yield static(ctx, org, "basedIn", ms[g.i], 0.6, c)


def _seat_in_apposition(ctx, org, noun) -> Iterator[RelationMention]:
    """"The Tulsa Tribune, a daily newspaper in Oklahoma", "Acme, a textile maker in Lowell":
    the place the noun put beside the name is in."""
    ms = ctx.ms
    if noun.tag_ in ("NNS", "NNPS") or noun.lemma_.lower() not in W.org_nouns | W.press_nouns | W.company_nouns \
            | W.body_kind_nouns:
        return  # not "protesters in Hong Kong", "a partner in the venture"
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                where = place(p, ms) if p.dep_ == "pobj" else None
                if where is not None and where is not org:
                    yield static(ctx, org, "basedIn", where, 0.6, c)
                    outer = comma_place(p, where, ms) if p.i in ms else None
                    if outer is not None:
                        yield static(ctx, org, "basedIn", outer, 0.55, c)


def _firm_of_town(ctx, org, where) -> bool:
    """"Waste Haulers Co. of Randolph": after a firm's "Co." or "Inc.", "of" names its town,
    whatever the NER took the town for (unless kg knows the name, or it is a body's)."""
    firm = (org.key or org.text).split()[-1].lower().strip(".,") in W.firm_suffixes
    return firm and where.type == "Organization" and town_like(where.text) \
        and ctx.linker.known(where.key or where.text) is None


def sited(ctx, tok, org, c) -> bool:
    """"a cable reached the State Department in Washington", "by the Brazilian Embassy in
    London", "the University of Texas at Austin": a body that stands in one place (its name's
    head in sited_bodies), the "in" or "at" right after its name. A state's body in another
    state's town is visiting ("diplomats from the Iranian Foreign Ministry in Vienna"), unless
    it is one that sits abroad (``seats_abroad``: the embassy in London)."""
    if tok.lower_ not in W.sited_bodies or c.i != _last_token(tok, org, ctx.ms).i + 1:
        return False
    if org.country and tok.lower_ not in W.seats_abroad:
        places = [ctx.ms[p.i] for p in c.children if p.dep_ == "pobj" and p.i in ctx.ms]
        return not any(p.country and p.country != org.country for p in places)
    return True


def _seat_by_prep(ctx, tok, org, c) -> Iterator[RelationMention]:
    ms = ctx.ms
    if c.dep_ == "prep" and c.lower_ == "of" and org.type == "Organization":
        # "Manufacturers Hanover Trust Co. of New York": a firm of a town
        for p in c.children:
            if p.dep_ == "pobj" and p.i in ms and _firm_of_town(ctx, org, ms[p.i]):
                retype(p, ms, dataclasses.replace(ms[p.i], type="City"))
            if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location") \
                    and mention_start(p.i, ms[p.i], ms) == c.i + 1:
                yield static(ctx, org, "basedIn", ms[p.i], 0.6, c)
                outer = comma_place(p, ms[p.i], ms)
                if outer is not None:  # "Acme Co. of Lombard, Ill."
                    yield static(ctx, org, "basedIn", outer, 0.55, c)
    elif c.dep_ == "prep" and c.lower_ == "at" and sited(ctx, tok, org, c):
        # "the University of Texas at Austin": a campus's town
        yield from _seat_at(ctx, org, c)
    elif c.dep_ == "prep" and c.lower_ == "in" and (
            tok.dep_ != "pobj" or sited(ctx, tok, org, c)
            # "Dr. Farley of McGill University in Montreal": a person's body and its town
            or tok.head.lower_ in ("of", "at", "with") and tok.head.head.i in ms
            and ms[tok.head.head.i].type == "Person"
            # "scientists at the Centre in Barcelona", "working at the hospital in Hammonton":
            # where people work or study at a body, the town after it is the body's
            or tok.head.lower_ == "at" and tok.head.head.i not in ms
            and (tok.head.head.pos_ == "NOUN" and tok.head.head.tag_ == "NNS"
                 or tok.head.head.lemma_.lower() in W.working_verbs)
            # "Ted Lum, an economist with Harlow Partners in Chicago", "Ann Roe, director of
            # the Heart Fund in Dayton": the job of a person
            or tok.head.lower_ in ("of", "at", "with", "for") and tok.head.head.dep_ == "appos"
            and tok.head.head.pos_ == "NOUN" and tok.head.head.head.i in ms
            and ms[tok.head.head.head.i].type == "Person"):
        yield from _seat_at(ctx, org, c)


def _seat_at(ctx, org, c) -> Iterator[RelationMention]:
    """The town the preposition ``c`` names, and the larger place after its comma."""
    ms = ctx.ms
    for p in c.children:
        if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location"):
            yield static(ctx, org, "basedIn", ms[p.i], 0.6, c)
            outer = comma_place(p, ms[p.i], ms)
            if outer is not None:  # "in Providence, R.I."
                yield static(ctx, org, "basedIn", outer, 0.55, c)


# ---------------------------------------------------------------- rules started by a trigger word
def based(ctx, tok, m) -> Iterator[RelationMention]:
    """"a Berlin-based foundation", "the foundation, based in Berlin", "Acme, a Berlin-based firm"."""
    ms = ctx.ms
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in W.headquarters_nouns:
        yield from _headquarters(ctx, tok)
    org_tok = tok.head if tok.dep_ in ("amod", "acl", "compound", "relcl") else None
    if tok.pos_ == "VERB":
        # "Acme is based in Tulsa", "Acme, which is headquartered in Tulsa": the passive's subject
        subj = next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)
        if subj is not None and subj.i in ms:
            org_tok = subj
        elif subj is not None and not (subj.lower_ in W.relative and tok.dep_ == "relcl"):
            org_tok = None
    places = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i in ms]
    places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
               for p in c.children if p.dep_ == "pobj" and p.i in ms]
    if tok.i > 1 and tok.nbor(-1).text == "-" and tok.nbor(-2).i in ms:
        places.append(tok.nbor(-2))
    if org_tok is not None and org_tok.i not in ms and org_tok.dep_ == "appos" and org_tok.head.i in ms:
        org_tok = org_tok.head  # "Acme, a Berlin-based firm"
    if org_tok is not None and org_tok.i not in ms and org_tok.pos_ == "NOUN":
        org_tok = _named_body(org_tok, tok, ms) or org_tok
    if org_tok is not None and org_tok.i in ms and ms[org_tok.i].type in ("Organization", "Group",
                                                                          "InternationalOrganization"):
        for p in places:
            if ms[p.i] is not ms[org_tok.i] and ms[p.i].type in STATES:
                yield static(ctx, ms[org_tok.i], "basedIn", ms[p.i], 0.8, tok)
                outer = comma_place(p, ms[p.i], ms)
                if outer is not None and outer is not ms[org_tok.i]:  # "based in West Point, Ga."
                    yield static(ctx, ms[org_tok.i], "basedIn", outer, 0.75, tok)


def _named_body(noun, based, ms):
    """The body's name a common noun modified by "based" goes with: "the Yemen-based Houthi
    movement" (the name modifies the noun); "Texas-based retailer Walmart", "the Seattle-based
    company Amazon" (the name the noun stands before: its head, or the next word where the
    parser left the two apart)."""
    named = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i > based.i]
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        named.append(noun.head)
    if noun.i + 1 < len(noun.doc):
        named.append(noun.nbor(1))
    return next((c for c in named if c.i in ms and ms[c.i].type in ("Organization", "Group")
                 and not (c.i > noun.i and _describes_noun(c, ms))), None)


# A clause whose verb is one of these describes the noun before its subject ("the unit Amazon
# uses to book sales", "the subsidiary Huawei set up"), as a parser reads it.
_CLAUSE_OF_NOUN = ("relcl", "acl", "aux", "auxpass", "nsubj", "nsubjpass", "csubj")


def _describes_noun(name, ms) -> bool:
    """Is the name after a common noun the subject of a relative clause with no "that" that
    describes the noun ("a Texas-based company CNN spoke to said", "a Berlin-based lawyer Amnesty
    hired filed the complaint"), not the noun's name ("Ohio-based retailer Kroger said sales
    rose")? Its verb is read as the parser's clause of the noun, or it is followed by a second
    finite verb with no subject of its own between the two."""
    m = ms[name.i]
    head = next((t for t in name.doc[name.i:mention_end(name.i, m, ms)] if ms.get(t.head.i) is not m), name)
    if head.dep_ not in SUBJ:
        return False
    if head.head.pos_ in ("VERB", "AUX") and head.head.i > head.i and head.head.dep_ in _CLAUSE_OF_NOUN:
        return True
    end = mention_end(name.i, m, ms)
    if end >= len(name.doc) or name.doc[end].pos_ not in ("VERB", "AUX"):
        return False
    for t in name.doc[end + 1:name.sent.end]:
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "PUNCT", "CCONJ", "SCONJ") or t.tag_ in ("WDT", "WP"):
            return False
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _headquarters(ctx, tok) -> Iterator[RelationMention]:
    """"NRC headquarters in Rockville", "Acme, which has its headquarters in Tulsa"."""
    orgs = [o for o in _headquartered(ctx, tok) if o.type in ("Organization", "InternationalOrganization", "Group")]
    if not orgs:
        return
    places = office_places(tok, ctx.ms)
    doc = tok.doc
    if not places and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "in":
        # "at NRC headquarters in nearby Rockville", the "in" hung on the verb
        places = [p for p in doc[tok.i + 1].children if p.dep_ == "pobj" and p.i in ctx.ms]
    for org in orgs:
        for p in places:
            yield from based_at(ctx, org, p, (0.75, 0.7), tok)


def _headquartered(ctx, tok) -> list[Mention]:
    """Whose headquarters: "NRC headquarters", "Acme's headquarters", "its headquarters"."""
    ms = ctx.ms
    orgs = [ms[c.i] for c in tok.children if c.dep_ in ("compound", "poss") and c.i in ms]
    if orgs:
        return orgs
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            verb = tok.head if tok.dep_ == "dobj" else None
            if verb is not None and verb.dep_ == "relcl" and verb.head.i in ms \
                    and any(s.lower_ in W.relative for s in verb.children if s.dep_ in SUBJ):
                orgs = [ms[verb.head.i]]  # "Acme, which has its headquarters in Tulsa"
            else:
                orgs = [m for m, _ in pronoun(ctx, c)]
    return orgs
