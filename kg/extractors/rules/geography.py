"""Places: which mention a token names as a place, and which place can contain which.

Shared by the event rules (where an attack happened, whose people protest where) and the
static rules for places and homes. Containment follows the kind of place and, for
administrative units, their rank (``admin_rank`` in ``kg/data/rules/mentions.tsv``).
"""

from __future__ import annotations

import dataclasses

from ...model import Mention, is_country_code
from .context import STATES
from .deps import mention_end
from .words import W


def place(tok, ms) -> Mention | None:
    """The place a prepositional object names: "Kabul", "the city of Kirkuk", "the capital Juba"."""
    if tok.i in ms:
        m = ms[tok.i]
        return m if m.type in STATES else None
    if tok.lemma_.lower() in W.place_nouns:
        if tok.lemma_.lower() in W.town_nouns and (named := _of_place(tok, ms)) is not None:
            return named  # "the Louisville suburb of Okolona": the town after "of", not the one it lies in
        for c in tok.children:
            if c.dep_ in ("appos", "compound") and c.i in ms and ms[c.i].type in STATES:
                return ms[c.i]
            # "the city of Kirkuk"; "the border with Pakistan": the other side of a frontier
            if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "with" and tok.lemma_.lower() in W.frontier_nouns):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES:
                        return ms[p.i]
        for c in tok.children:  # "the Israeli border town", "the Syrian capital"
            if c.dep_ in ("amod", "poss") and c.i in ms and ms[c.i].type == "Country":
                return ms[c.i]
    return None


def place_countries(toks, ms) -> set[str]:
    """The countries of the places these prepositional objects name (:func:`place`), by their
    three-letter codes: a place kg knows no country of, or only a subdivision's code
    ("PS-GZA"), adds none."""
    return {m.country for t in toks for m in [place(t, ms)] if m is not None and is_country_code(m.country)}


def _of_place(tok, ms) -> Mention | None:
    return next((ms[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES), None)


def around_town(tok, town: Mention, ms) -> Mention | None:
    """The place before a town noun whose town follows "of": Louisville in "the Louisville
    suburb of Okolona"."""
    if tok.lemma_.lower() not in W.town_nouns or _of_place(tok, ms) is not town:
        return None
    # (the phrase says which holds which: a city, which :func:`bigger` holds nothing in, may)
    return next((ms[c.i] for c in tok.children if c.dep_ == "compound" and c.i in ms and ms[c.i] is not town
                 and ms[c.i].type in STATES and town.type != "Country"
                 and (bigger(ms[c.i], town) or ms[c.i].type == "City")
                 and not W.water_names & set((ms[c.i].key or ms[c.i].text).lower().split())), None)


def placed(tok, ms) -> Mention | None:
    """The place a prepositional object names (:func:`place`), with the country the phrase
    puts it in when kg knows none for its name: "Egypt's North Sinai", "Borno state, Nigeria",
    "Srinagar, India"."""
    m = place(tok, ms)
    if m is None or m.country:
        return m
    outer = [ms[c.i] for c in tok.children if c.dep_ in ("poss", "appos") and c.i in ms
             and ms[c.i].type == "Country" and ms[c.i].country]
    if not outer and tok.i in ms:
        outer = [o for o in [comma_place(tok, m, ms)] if o is not None and o.type == "Country" and o.country]
    return dataclasses.replace(m, country=outer[0].country) if len(outer) == 1 else m


def comma_place(tok, inner: Mention, ms) -> Mention | None:
    """The larger place in "Bethany, Conn." after the token of the smaller one."""
    end = tok.i
    while end + 1 < len(tok.doc) and ms.get(end + 1) is inner:
        end += 1
    doc = tok.doc
    if end + 2 < len(doc) and doc[end + 1].text == "," and (end + 2) in ms:
        outer = ms[end + 2]
        if outer is not inner and outer.type in STATES and bigger(outer, inner) \
                and (doc[end + 2].dep_ != "conj" or state_read_as_list(doc[end + 2], inner, outer, ms)) \
                and not in_list(tok, end + 2, ms):
            return outer
    return None


def state_read_as_list(c, town: Mention, state: Mention, ms) -> bool:
    """"born in Chicago, Illinois and studied law": a town's own known region after a comma,
    which the parse takes for a list's second member because "and" follows (no place after
    it: "Chicago, Illinois and Ohio" is a list)."""
    doc = c.doc
    end = mention_end(c.i, state, ms)
    return town.type in ("City", "Location") and state.type == "Location" and state.country is not None \
        and bigger(state, town) and doc[c.i - 1].text == "," and c.i - 1 == mention_end(c.head.i, town, ms) \
        and end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and end + 1 not in ms \
        and not any(g.dep_ == "conj" and g.i in ms for g in c.children)


def other_country(t, home: str | None, ms, but: Mention | None = None) -> bool:
    """Does the sentence of the token ``t`` name a country other than the document's own
    ``home``, besides ``but``? ("Interior Minister X met the French envoy": whose minister is
    not told.)"""
    return any(m.type == "Country" and m.country != home and m is not but
               for i in range(t.sent.start, t.sent.end) if (m := ms.get(i)) is not None)


def in_list(inner_tok, far_i: int, ms) -> bool:
    """Are the two places of "New York, North Carolina" members of a list ("Maine, New York,
    North Carolina, Ohio"), not a town and its state? A place of the same rank stands on
    one side of them after a comma."""
    doc = inner_tok.doc
    inner, far = ms[inner_tok.i], ms[far_i]
    start = inner_tok.i
    while start > 0 and ms.get(start - 1) is inner:
        start -= 1
    end = far_i
    while end + 1 < len(doc) and ms.get(end + 1) is far:
        end += 1
    after = ms.get(end + 2) if end + 2 < len(doc) and doc[end + 1].text in (",", "and", "or") else None
    if after is None and end + 3 < len(doc) and doc[end + 1].text == "," and doc[end + 2].lower_ in ("and", "or"):
        after = ms.get(end + 3)
    before = ms.get(start - 2) if start > 1 and doc[start - 1].text == "," else None
    return after is not None and after is not far and after.type in STATES and _peers(after, far) \
        or before is not None and before is not inner and before.type in STATES and _peers(before, inner)


def _peers(a: Mention, b: Mention) -> bool:
    return not bigger(a, b) and not bigger(b, a)


def _rank(m: Mention) -> int | None:
    """The administrative rank a place's name gives it: "Loei Province", "County Kerry"."""
    words = (m.key or m.text).split()
    rank = W.admin_rank.get(words[-1].lower().strip(".,")) or W.admin_rank.get(words[0].lower().strip(".,"))
    return int(rank[0]) if rank else None


def bigger(outer: Mention, inner: Mention) -> bool:
    """Can ``outer`` contain ``inner``? A country contains its cities; nothing contains a country."""
    if inner.type == "Country":
        return False
    if outer.type == "Country":
        return inner.country is None or inner.country == outer.country
    if outer.type == "City":
        return False
    ranks = [_rank(outer), _rank(inner)]
    if None not in ranks and ranks[0] <= ranks[1]:
        return False  # "Loei Province, Nakhon Thai District": a district holds no province
    if inner.type == outer.type == "Location" and inner.country and outer.country:
        return False  # two known regions ("Pennsylvania, Rhode Island"): a list, not containment
    if inner.type == outer.type == "Location" and inner.country and not outer.country:
        return False  # "the Western District of Virginia in Abingdon": a known region in no unknown place
    return inner.type in ("City", "Location") and (inner.country is None or outer.country is None
                                                   or inner.country == outer.country)


def site_of_city(city: Mention, site: Mention, linker) -> bool:
    """"Beijing's Tiananmen Square": a city owns a site in it (a square, a park), never another
    known town or region."""
    return city.type == "City" and site.type == "Location" and linker.known(site.key or site.text) is None \
        and (site.country is None or site.country == city.country)


def town_like(name: str) -> bool:
    """Could a name the NER took for an organisation be a small town's ("Boothbay", "Fargo"):
    at most two capitalised words, none of them a body's ("Acme Corp.", "Space Agency")?"""
    words = name.split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words) \
        and not {w.lower().strip(".") for w in words} & (W.org_heads | W.org_nouns)
