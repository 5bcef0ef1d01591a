"""Static relations of places: locatedIn and capitalOf.

"Mosul, Iraq", "Mosul in northern Iraq", "Kassala in eastern Sudan", "California's Sierra
Nevada", "Serbia's southern province of Kosovo", "Kabul is located in Afghanistan",
"Rome is in Lazio"; "Beijing, the capital of China", "the Chinese capital, Beijing", "in
Tehran, the capital". Which place can contain which is :func:`.geography.bigger`. Which
lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention, RelationMention
from .context import STATES
from .deps import PASS_SUBJ, SUBJ, attached, conjuncts, is_head_of, mention_end, mention_start, pobjs
from .geography import around_town, bigger, comma_place, in_list, place, site_of_city, state_read_as_list
from .records import static
from .words import W


def place_in(ctx, tok, where: Mention | None) -> Iterator[RelationMention]:
    """"Mosul, Iraq" and "Mosul in northern Iraq": a place in a larger one."""
    if where is None or where.type not in ("City", "Location") or not is_head_of(tok, where, ctx.ms):
        return
    ms = ctx.ms
    doc = tok.doc
    for c in tok.children:
        far = ms.get(c.i)
        if far is None or far is where or far.type not in STATES:
            continue
        # (no other place between: not "Chicago, Illinois and Houston, Texas" parsed with Texas on Chicago)
        if c.dep_ in ("appos", "npadvmod") and c.i > tok.i and doc[c.i - 1].text == "," and bigger(far, where) \
                and not in_list(tok, c.i, ms) and not any(ms.get(i) not in (None, where) for i in range(tok.i, c.i)):
            yield static(ctx, where, "locatedIn", far, 0.8, tok)
        elif c.dep_ == "conj" and state_read_as_list(c, where, far, ms):
            yield static(ctx, where, "locatedIn", far, 0.7, tok)
    yield from _flat_comma(ctx, tok, where)
    yield from _list_state(ctx, tok, where)
    holders = [tok]
    if tok.dep_ in ("compound", "nmod") and tok.head.i not in ms and tok.head.pos_ == "NOUN" and tok.head.is_lower \
            and tok.head.lemma_.lower() not in W.occasion_nouns and tok.head.lemma_.lower() not in W.company_nouns:
        # "the Sahara desert in Africa", "California's Sierra Nevada foothills", "Umbria and Lazio
        # provinces in central Italy" (the parser's nmod for a list before its noun)
        holders.append(tok.head)
    # "Magnitogorsk, a city in the Ural region of Russia", "Chittagong, a port city in Bangladesh"
    holders += [c for c in tok.children if c.dep_ == "appos" and c.i not in ms and c.lemma_.lower() in W.place_nouns]
    yield from _in_or_owner(ctx, holders, where)
    if not any(c.dep_ == "prep" and c.lower_ == "in" and p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES
               and bigger(ms[p.i], where) for h in holders for c in h.children for p in c.children):
        yield from _in_nearby(ctx, tok, where)


def facility(ctx, tok, m: Mention | None) -> Iterator[RelationMention]:
    """"Camp Butner, N.C.", "GSA Depot, Watertown, Mass.", "the Rocky Flats plant in Colorado":
    a site (a camp, fort, depot, base, dam, plant) is a place in the place after it, whatever
    the NER took its name for (a body's, a person's). Names kg knows keep their type."""
    ms = ctx.ms
    if m is None or m.type not in ("Organization", "Person") or not is_head_of(tok, m, ms):
        return
    words = (m.key or m.text).lower().split()
    holders = [tok]
    if tok.dep_ == "compound" and tok.head.i not in ms and tok.head.lemma_.lower() in W.facility_heads \
            and m.type == "Organization":
        holders.append(tok.head)  # "the Rocky Flats plant in Colorado" (not "the Clara Barton camp")
    elif not (words[-1] in W.facility_heads or words[0] in W.facility_firsts and len(words) > 1):
        return
    if ctx.linker.known(m.key or m.text) is not None or "in" in words or "at" in words:
        return  # (a name run into its place: "the Medical Center in College Station")
    site = dataclasses.replace(m, type="Location", country=None)
    doc = tok.doc
    end = mention_end(mention_start(tok.i, m, ms), m, ms)
    # (not a list of places: "Brazoria, Fort Bend, Galveston and Harris counties")
    places = [doc[end + 1]] if end + 1 < len(doc) and doc[end].text == "," and end + 1 in ms \
        and ms[end + 1].type in STATES and not in_list(tok, end + 1, ms) \
        and not any(t.lower_ in ("and", "or") for t in doc[end + 1:min(len(doc), end + 6)]) else []
    places += [p for h in holders for p in pobjs(h, ("in",)) if p.i in ms and ms[p.i].type in STATES]
    for p in places[:1]:
        yield static(ctx, site, "locatedIn", ms[p.i], 0.6, p)
        outer = comma_place(p, ms[p.i], ms)
        if outer is not None:
            yield static(ctx, site, "locatedIn", outer, 0.55, p)


def _list_state(ctx, tok, where) -> Iterator[RelationMention]:
    """"between Salida and Gunnison, Colorado": the state after the last town of a list holds
    the others too (the parse hangs it on the last)."""
    ms = ctx.ms
    if tok.dep_ == "conj":
        return
    members = [m for m in conjuncts(tok) if m is not tok and m.i in ms and ms[m.i].type in ("City", "Location")]
    if not members or len(members) > 3:
        return
    last = max(members, key=lambda x: x.i)
    if last.i < tok.i or any(c.dep_ == "appos" for c in tok.children):
        return
    named = {id(ms[m.i]) for m in (tok, *members)}
    if any(not (t.text == "," or t.lower_ in ("and", "or") or id(ms.get(t.i)) in named)
           for t in tok.doc[tok.i:last.i]):
        return  # "Pittsburgh, Dade County, Fla., and Rochester, N.Y.": each town has its own state
    for c in last.children:
        far = ms.get(c.i)
        if c.dep_ == "appos" and far is not None and far.type == "Location" and far is not ms[last.i] \
                and far is not where and tok.doc[c.i - 1].text == "," and bigger(far, where) \
                and bigger(far, ms[last.i]) and not in_list(last, c.i, ms):
            yield static(ctx, where, "locatedIn", far, 0.65, c)


def _flat_comma(ctx, tok, where) -> Iterator[RelationMention]:
    """The flat reading spaCy sometimes gives: "Bethany , Conn ." as siblings; "Mohammadia,
    south-east Algeria"."""
    ms = ctx.ms
    doc = tok.doc
    j = tok.i + 1
    k = j + 1
    while k < len(doc) and k - j <= 3 and k not in ms and (doc[k].lower_ in W.compass or doc[k].text == "-"
                                                            or "-" in doc[k].lower_ and all(
                w in W.compass for w in doc[k].lower_.split("-"))):
        k += 1
    if k < len(doc) and doc[j].text == "," and ms.get(k) is not None and ms.get(k) is not where:
        far_tok = doc[k]
        far = ms[k]
        # (not the speaker of the next clause: "near Morgan City, Lifa said")
        speaker = far_tok.dep_ in SUBJ and far_tok.head.lemma_.lower() in W.speech_verbs
        if far.type in STATES and bigger(far, where) and far_tok.dep_ != "conj" and not speaker \
                and (far_tok.head.i != tok.i or k > j + 1) and not in_list(tok, k, ms) \
                and not any(x.dep_ == "cc" for x in doc[tok.i:far_tok.i + 3]):
            yield static(ctx, where, "locatedIn", far, 0.7, tok)


def _in_or_owner(ctx, holders, where) -> Iterator[RelationMention]:
    """"the Sahara desert in Africa", "California's Sierra Nevada", "Beijing's Tiananmen Square",
    "the plant in Aiken, S.C." (in both); "Brazoria and Galveston counties in Texas" (the
    place a list ends with holds each of its members)."""
    ms = ctx.ms
    for c in (c for h in [*holders, *_list_end(holders[-1])] for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                # "in Umbria province", "in the province of Umbria": the place a place noun names
                far = place(p, ms) if p.dep_ == "pobj" else None
                if far is not None and far is not where and (bigger(far, where)
                                                             or site_of_city(far, where, ctx.linker)):
                    yield static(ctx, where, "locatedIn", far, 0.65, c)
                    if p.i in ms:
                        yield from _and_outer(ctx, where, p, 0.6, c)
                    yield from _in_chain(ctx, where, p)
        elif c.dep_ == "poss" and c.i in ms and ms[c.i].type in STATES and ms[c.i] is not where \
                and (bigger(ms[c.i], where) or site_of_city(ms[c.i], where, ctx.linker)):
            yield static(ctx, where, "locatedIn", ms[c.i], 0.7, c)


def _in_chain(ctx, where, far_tok) -> Iterator[RelationMention]:
    """"Yatsushiro in Kumamoto Prefecture in southern Japan": the place is in the last one too."""
    ms = ctx.ms
    end = far_tok.doc[mention_end(far_tok.i, ms[far_tok.i], ms) - 1] if far_tok.i in ms else far_tok
    for c in (*far_tok.children, *(end.children if end is not far_tok else ())):
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                outer = place(p, ms) if p.dep_ == "pobj" else None
                if outer is not None and outer is not where and outer is not ms.get(far_tok.i) \
                        and bigger(outer, where):
                    yield static(ctx, where, "locatedIn", outer, 0.55, c)


def _list_end(tok) -> list:
    """The last member of the list a place heads or belongs to, if another: "Brazoria, Galveston
    and Harris counties in Texas" (the "in" hangs on the last)."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = conjuncts(first)
    last = max(members, key=lambda x: x.i)
    if any(c.dep_ == "prep" and c.lower_ == "in" for m in members if m is not last for c in m.children):
        return []  # "A in X, B in Y and C in Z": each has its own
    return [last] if last.i > tok.i else []


def _and_outer(ctx, where, far_tok, conf: float, trigger) -> Iterator[RelationMention]:
    """"in Aiken, S.C.": the place is in the larger place after the comma too."""
    outer = comma_place(far_tok, ctx.ms[far_tok.i], ctx.ms)
    if outer is not None and outer is not where and bigger(outer, where):
        yield static(ctx, where, "locatedIn", outer, conf, trigger)


def _in_nearby(ctx, tok, where) -> Iterator[RelationMention]:
    """"from Kassala in eastern Sudan", where the parse hangs "in" on another word; "Mosul, in
    northern Iraq", "in the eastern part of Rwanda", "in the north of Mali"."""
    ms = ctx.ms
    doc = tok.doc
    last = _named_list_end(tok, ms)
    j = mention_end(last.i, ms[last.i], ms)
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "in":
        j += 1
    if not (j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j].head.i != tok.i):
        return
    k = j + 1
    while k < len(doc) and k - j <= 3 and k not in ms and (doc[k].lower_ in W.compass or doc[k].lower_ == "the"):
        k += 1
    if k + 1 < len(doc) and k not in ms and doc[k + 1].lower_ == "of" and (
            doc[k].lower_ in W.part_of_place or doc[k].lower_ in W.compass and doc[k - 1].lower_ == "the"):
        k += 2
    far = ms.get(k)
    if far is not None and far is not where and far.type in STATES \
            and (bigger(far, where) or site_of_city(far, where, ctx.linker)):
        yield static(ctx, where, "locatedIn", far, 0.6, doc[j])
        yield from _and_outer(ctx, where, doc[k], 0.55, doc[j])
        yield from _in_chain(ctx, where, doc[k])


def _named_list_end(tok, ms):
    """The last member of a list of names the place opens or belongs to, when nothing but names,
    commas and "and"/"or" stand between: "missions to Kosovo, Sandzak and Vojvodina in Serbia"
    (the "in" after the last, itself a place, holds them all: not "malls in Davao City and
    Gaisano Mall in Digos City"); else the place's own token."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    last = max(conjuncts(first), key=lambda x: x.i)
    if last.i <= tok.i or last.i not in ms or ms[last.i].type not in ("City", "Location") or any(
            t.i not in ms and t.text != "," and t.lower_ not in ("and", "or") for t in tok.doc[tok.i:last.i]):
        return tok
    return last


def capital(ctx, tok, m) -> Iterator[RelationMention]:
    """"Beijing, the capital of China", "the Chinese capital, Beijing", "in Tehran, the capital"."""
    ms = ctx.ms
    conf = 0.85
    country = attached(tok, ms, ("poss", "amod", "compound"), ("of",), types=("Country",))
    city = None
    if tok.dep_ in ("appos", "attr") and tok.head.i in ms:
        city = ms[tok.head.i]
    if tok.dep_ == "attr":
        city = next((ms[c.i] for c in tok.head.children if c.dep_ in SUBJ and c.i in ms), city)
    for c in tok.children:
        if c.dep_ in ("appos", "compound") and c.i in ms and ms[c.i] is not country:
            city = ms[c.i]
    if country is None and city is not None and city.country \
            and not any(c.dep_ in ("poss", "amod", "compound", "prep") for c in tok.children) \
            and ctx.linker.is_capital(city.country, city.key or city.text):
        # "in Tehran, the capital": the capital of the city's own country, if the
        # gazetteer says it is that country's capital
        country = ctx.linker.country_mention(city.country, tok.idx, tok.idx + len(tok.text))
        conf = 0.75 if country is not None else conf
    if country is not None and city is not None and city.type in ("City", "Location") \
            and (city.country is None or city.country == country.country):
        yield static(ctx, city, "capitalOf", country, conf, tok)


def copula_in(ctx, tok, m) -> Iterator[RelationMention]:
    """"Rome is in Lazio"."""
    ms = ctx.ms
    subj = [ms[c.i] for c in tok.children if c.dep_ in SUBJ and c.i in ms]
    far = [ms[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
           for p in c.children if p.dep_ == "pobj" and p.i in ms]
    for a in subj:
        for b in far:
            if a.type in ("City", "Location") and b.type in STATES and bigger(b, a):
                yield static(ctx, a, "locatedIn", b, 0.75, tok)


def province_of(ctx, tok, m) -> Iterator[RelationMention]:
    """"Serbia's southern province of Kosovo", "the Chinese province of Hubei", "the U.S. state
    of Ohio" (a country's name as a modifier, like its adjective; not beside a frontier noun:
    "the Ukraine border region of Kursk" names the border, not the owner)."""
    ms = ctx.ms
    if tok.i in ms:
        return
    frontier = any(c.lemma_.lower() in W.frontier_nouns for c in tok.children if c.dep_ in ("compound", "amod"))
    owner = next((ms[c.i] for c in tok.children if c.i in ms and (
        c.dep_ in ("poss", "amod") and ms[c.i].type in ("Country", "Location")
        or c.dep_ == "compound" and ms[c.i].type == "Country" and not frontier)), None)
    named = attached(tok, ms, (), ("of",), types=("City", "Location"))
    if owner is not None and named is not None and owner is not named and bigger(owner, named):
        yield static(ctx, named, "locatedIn", owner, 0.75, tok)
    if owner is None and named is not None:
        yield from _part_of(ctx, tok, named)


def _part_of(ctx, tok, named) -> Iterator[RelationMention]:
    """"the Louisville suburb of Okolona", "the Kansas town of Holcomb": the town after "of"
    lies in the place before; "the Brighton Beach section of Brooklyn", "the Panjwai district of
    Kandahar": the place before lies in the one after."""
    ms = ctx.ms
    if tok.lemma_.lower() in W.town_nouns:
        outer = around_town(tok, named, ms)
        if outer is not None:
            yield static(ctx, named, "locatedIn", outer, 0.7, tok)
        return
    before = next((ms[c.i] for c in tok.children if c.dep_ == "compound" and c.i in ms
                   and ms[c.i] is not named and ms[c.i].type in ("City", "Location")), None)
    if before is not None and not W.water_names & set((before.key or before.text).lower().split()) \
            and (bigger(named, before) or site_of_city(named, before, ctx.linker)):
        yield static(ctx, before, "locatedIn", named, 0.7, tok)


def located(ctx, tok, m) -> Iterator[RelationMention]:
    """"Kabul is located in Afghanistan", "the plant, situated in Aiken"."""
    ms = ctx.ms
    subj = [ms[c.i] for c in tok.children if c.dep_ in (*SUBJ, *PASS_SUBJ) and c.i in ms]
    if not subj and tok.dep_ in ("acl", "relcl", "amod") and tok.head.i in ms:
        subj = [ms[tok.head.i]]
    places = [ms[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
              for p in c.children if p.dep_ == "pobj" and p.i in ms]
    for s in subj:
        for p in places:
            if p.type in STATES and s is not p and s.type != "Person" and bigger(p, s) or \
                    (p.type in STATES and s.type in ("Organization", "Location") and s is not p):
                yield static(ctx, s, "locatedIn" if s.type in STATES else "basedIn", p, 0.8, tok)


def territories(ctx) -> Iterator[RelationMention]:
    """"The British handed Hong Kong to China in 1997", "Guam, a US territory": a sentence that
    names a territory and the country it belongs to (``territory_of``) places it in that
    country. Read once per sentence, on the territory's first mention there."""
    ms, sent = ctx.ms, ctx.sent
    first: dict[int, tuple] = {}
    for i in range(sent.start, sent.end):
        m = ms.get(i)
        if m is not None and m.type == "Country" and m.country and id(m) not in first:
            first[id(m)] = (m, i)
    countries = {m.country: m for m, _ in first.values()}
    for m, i in first.values():
        sovereigns = W.territory_of.get(m.country, ())  # (a territory with two gives neither)
        owner = countries.get(next(iter(sovereigns))) if len(sovereigns) == 1 else None
        if owner is not None and owner is not m:
            yield static(ctx, m, "locatedIn", owner, 0.6, sent.doc[i])
