"""Mention checks: a mention corrected by what the rest of the document says of it.

The mentions the NER and the gazetteer give (:mod:`.mentions`) are read again against the
whole document: a name starting with an ordinal is no place ("116th United"); a country's
name that is a place elsewhere is that place when the document's other places are there
("Georgia" among Florida and Utah); a family name alone is the one person of that family
name the document names in full, where the NER missed it or took it for a place; a name
the NER took for a person's is a place when the syntax around it says so ("in Shamkhor in
Azerbaijan"). After the table is made: a person known only from the derived officials
table keeps its country only where the document names it, and a national body ("the Iraqi
parliament") gets its country. The words are in ``kg/data/rules/mentions.tsv``.
"""

from __future__ import annotations

import dataclasses
import re

from ...model import Mention
from .context import same
from .deps import columns
from .words import W


def check_by_document(parsed, ms: dict[int, Mention], linker) -> None:
    """Correct the mention table ``ms`` (in place) by what the document says elsewhere, in order."""
    _no_ordinal_places(parsed, ms, linker)
    _namesakes(ms, linker)
    _surnames(parsed, ms)
    _surname_vote(parsed, ms, linker)
    _places_by_syntax(parsed, ms, linker)


_PLACES = ("Country", "City", "Location")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def _no_ordinal_places(parsed, ms: dict[int, Mention], linker) -> None:
    """"the incoming 116th United States Congress": a name kg does not know that starts with an
    ordinal is no place (an ordinal counts a body, a session or an event); the NER's split
    of such a run ("116th United", then "States") leaves a place that is none."""
    for i, m in list(ms.items()):
        if ms.get(i - 1) is not m and m.type in _PLACES and _ORDINAL.match(parsed[i].text) \
                and linker.known(m.key or m.text) is None \
                and m.text.split()[-1].lower() not in W.street_heads | W.place_name_heads:  # "42nd Street"
            for k, x in list(ms.items()):
                if x is m:
                    del ms[k]


def _replace(ms: dict[int, Mention], old: Mention, new: Mention) -> None:
    for i, x in list(ms.items()):
        if x is old:
            ms[i] = new


def _surname_vote(parsed, ms: dict[int, Mention], linker) -> None:
    """"Jamal Khashoggi ... Khashoggi was murdered": a family name alone that the NER took
    for a place, when the document names one person of that family name in full and kg
    knows no place of that name, is that person (the document's vote); not where its own
    words place it ("Patrick Crusius of Allen, Texas" beside a Greg Allen). (One taken for
    a body is the resolver's: kg.resolve merges it with the person.)"""
    first_at: dict[int, tuple[int, Mention]] = {}
    for i, m in ms.items():
        first_at.setdefault(id(m), (i, m))
    people: dict[str, Mention | None] = {}
    for _, m in first_at.values():
        words = m.text.split()
        if m.type == "Person" and len(words) > 1 and words[-1][:1].isupper():
            last = words[-1].lower()
            people[last] = m if last not in people or people[last] is not None and same(people[last], m) else None
    for i, m in first_at.values():
        if m.type not in _PLACES or " " in m.text or not m.text[:1].isupper() \
                or m.text.isupper():
            continue
        p = people.get(m.text.lower())
        if p is not None and linker.known(m.text) is None and linker.demonym(m.text) is None \
                and not _place_follows(parsed, ms, parsed[i]):
            _replace(ms, m, dataclasses.replace(m, type="Person", country=p.country))


def _places_by_syntax(parsed, ms: dict[int, Mention], linker) -> None:
    """"landing in Gyandzha or Shamkhor in Azerbaijan", "storms near Grande Isle and St. Albans, Vt.":
    a name the NER took for a person's (or a people's, not a demonym), that kg does not know,
    is a place when it is the object of "in", "near" or "at" (or listed with that object) and
    is followed by ", <place kg knows>", by "in <place>", or by a plural place noun ("Lazio
    provinces"). "in <place>" does not count when the list holds a place already: "in Davao
    and Gaisano Mall in Digos" is a list the place after "in" does not hold all of."""
    first_at: dict[int, tuple[int, Mention]] = {}
    for i, m in ms.items():
        first_at.setdefault(id(m), (i, m))
    for i, m in first_at.values():
        if ms.get(i) is not m or not _may_be_place(m, linker):
            continue  # (or retyped already, with a name it is listed with)
        tok = _head_of(parsed, ms, i)
        group = [tok, *(t for t in tok.conjuncts if not t.is_punct)]
        first = min(group, key=lambda t: t.i)
        if first.dep_ in ("compound", "nmod") and first.head.tag_ == "NNS" \
                and first.head.lemma_.lower() in W.place_name_heads:
            first = first.head  # "in Umbria and Lazio provinces"
        if first.dep_ != "pobj" or first.head.lower_ not in W.place_prepositions:
            continue
        found = [ms.get(t.i) for t in group]
        listed = any(x is not None and x.type in _PLACES for x in found)
        names = [x for x in found if x is not None and _may_be_place(x, linker)]
        if len(names) + sum(x is not None and x.type in _PLACES for x in found) < len(group):
            continue  # a list of other things
        says = [_place_follows(parsed, ms, t) for t in group]
        if any(w == "," or w == "noun" or w == "in" and not listed for w in says if w) \
                and (m.type == "Person" or "," in says):
            for x in names:
                _replace(ms, x, dataclasses.replace(x, type="Location", country=None))


def _may_be_place(m: Mention, linker) -> bool:
    """A name of one or two words kg does not know, that the NER took for a person's or a people's."""
    return m.type in ("Person", "Group") and len(m.text.split()) <= 2 and m.text[:1].isupper() \
        and linker.known(m.key or m.text) is None and linker.demonym(m.key or m.text) is None


def _head_of(parsed, ms: dict[int, Mention], i: int):
    tok, m = parsed[i], ms[i]
    while ms.get(tok.head.i) is m and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _place_follows(parsed, ms: dict[int, Mention], tok) -> str | None:
    """What follows the name at ``tok`` that says it is a place: "," (", <place>"), "in"
    ("in <place>"), "noun" (a plural place noun: "Lazio provinces"), or None."""
    x = ms.get(tok.i)
    end = tok.i + 1
    while end < len(parsed) and ms.get(end) is x:
        end += 1
    if end >= len(parsed):
        return None
    nxt, after = parsed[end], ms.get(end + 1) if end + 1 < len(parsed) else None
    if nxt.lower_ in ("in", ",") and after is not None and after.type in _PLACES \
            and parsed[end + 1].dep_ != "poss":  # (not "trust in Ivanov, Russia's envoy")
        return nxt.lower_  # "Shamkhor in Azerbaijan", "St. Albans, Vt."
    return "noun" if nxt.tag_ == "NNS" and nxt.lemma_.lower() in W.place_name_heads else None


def _surnames(parsed, ms: dict[int, Mention]) -> None:
    """"Pelosi had agreed ...": a family name alone that the NER missed (often at the start
    of a sentence) names the one person of that family name the document names in full."""
    people: dict[str, Mention | None] = {}
    for m in {id(m): m for m in ms.values()}.values():
        words = m.text.split()
        if m.type == "Person" and len(words) > 1:
            last = words[-1].lower()
            people[last] = m if last not in people or people[last] is not None and same(people[last], m) else None
    if not people:
        return
    cols = columns(parsed)
    for i in range(len(cols.text)):
        if i in ms or cols.pos[i] not in ("PROPN", "NOUN") or not cols.is_title[i]:
            continue
        tok = parsed[i]
        m = people.get(tok.lower_)
        neighbours = (tok.doc[tok.i - 1] if tok.i else None, tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None)
        if m is None or any(t is not None and t.pos_ == "PROPN" for t in neighbours):
            continue  # one of two namesakes, or a word of a longer name ("Pelosi Foundation")
        ms[tok.i] = Mention(tok.text, tok.idx, tok.idx + len(tok.text), "Person", country=m.country,
                            key=m.key or m.text)


def _namesakes(ms: dict[int, Mention], linker) -> None:
    """"David Perdue of Georgia" among Florida and Utah: a country's name that is also a place
    in another country (``namesakes`` in mentions.tsv) names that place when the document's
    other places are in that other country and none is in the first."""
    found = [m for m in {id(m): m for m in ms.values()}.values()
             if m.type == "Country" and (m.key or m.text).lower() in W.namesakes]
    for m in found:
        other = linker.known(W.namesakes[(m.key or m.text).lower()][0])
        if other is None:
            continue
        places = {(x.key or x.text) for x in ms.values() if x.type in ("Country", "City", "Location") and x is not m}
        theirs = {p for p in places if (linker.known(p) or other).country == other.country and linker.known(p)}
        ours = {p for p in places if linker.known(p) is not None and linker.known(p).country == m.country}
        if len(theirs) >= 2 and not ours:
            new = dataclasses.replace(m, type=other.type, country=other.country, key=other.label)
            for i, x in list(ms.items()):
                if x is m:
                    ms[i] = new


def corroborate(ms: dict[int, Mention], linker) -> None:
    """Drop the country of a person known only from the derived officials table unless the
    document names that country too."""
    named = {m.country for m in ms.values() if m.type != "Person" and m.country}
    for i, m in list(ms.items()):
        if m.type == "Person" and m.country and m.country not in named and linker.derived_only(m):
            ms[i] = dataclasses.replace(m, country=None)


def national_bodies(parsed, ms: dict[int, Mention], agents) -> None:
    """"the US Congress", "the Iraqi parliament": a national body gets its country."""
    _legislatures(parsed, ms)
    _of_country(parsed, ms)
    done: set[int] = set()
    for i in range(len(parsed)):
        m = ms.get(i)
        if m is None or id(m) in done or m.type != "Organization" or m.country is not None:
            continue
        tok = parsed[i]
        words = (m.key or m.text).lower().split()
        if not words or words[-1] not in W.national_bodies and words[-1] not in agents:
            continue
        head = tok
        while ms.get(head.head.i) is m and head.head.i != head.i:
            head = head.head
        nat = next((ms[c.i] for c in head.children if c.dep_ in ("compound", "amod", "poss") and c.i in ms
                    and ms[c.i] is not m and ms[c.i].type == "Country"), None)
        if nat is None:
            continue
        done.add(id(m))
        _replace(ms, m, dataclasses.replace(m, country=nat.country))


def _of_country(parsed, ms: dict[int, Mention]) -> None:
    """"The Ministry of Foreign Affairs of South Korea": a body (a name with a word of
    ``national_bodies``) the NER named without the "of" that follows it is the body of the
    country named there (else a later rule gave it the
    country of another name in the sentence: "the Japan Ministry of Foreign Affairs condemned
    Japan")."""
    for i, m in list(ms.items()):
        if m.type != "Organization" or m.country is not None or i + 2 >= len(parsed) \
                or ms.get(i + 1) is m or parsed[i + 1].lower_ != "of" or (i + 1) in ms \
                or not W.national_bodies & set((m.key or m.text).lower().split()):
            continue  # (i: the mention's last token, "of" right after it; a body's name, not a
            # person the NER took for one: "Presidents X of Nigeria and Patrice Talon of Benin")
        of = parsed[i + 1]
        if ms.get(of.head.i) is not m:
            continue  # ("the ministry said on behalf of Japan": the "of" is not the body's)
        country = next((ms[p.i] for p in of.children if p.dep_ == "pobj" and p.i in ms
                        and ms[p.i].type == "Country"), None)
        if country is None:
            continue
        _replace(ms, m, dataclasses.replace(m, country=country.country))


def _legislatures(parsed, ms: dict[int, Mention]) -> None:
    """"members of UK parliament", "a member of Iran's parliament": a legislature's common noun
    (``country_legislature_nouns``) that a country's name or adjective modifies, which the NER
    leaves untagged, is that country's body of the name (a mention, in ``ms``), where one is
    said to be its member. (Elsewhere the noun stays as it was: the country reads it, and a
    body named after its country would only add that it is based there.)"""
    for i, m in list(ms.items()):
        if m.type != "Country" or not m.country:
            continue
        tok = parsed[i]
        head = tok.head
        if tok.dep_ not in ("compound", "amod", "poss") or head.i in ms or head.i <= i \
                or not head.is_lower or head.lemma_ not in W.country_legislature_nouns \
                or head.dep_ != "pobj" or head.head.lower_ != "of" \
                or head.head.head.lemma_.lower() not in W.legislature_member_nouns:
            continue
        name = head.lemma_.capitalize()
        ms[head.i] = Mention(head.text, head.idx, head.idx + len(head.text), "Organization", country=m.country,
                             key=name)
