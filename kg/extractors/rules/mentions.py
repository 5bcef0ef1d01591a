"""Mentions: the spans of a document that name an actor, a place or a topic.

The first stage. spaCy's named entities are trimmed ("the", "'s", "retired"), split where
the NER ran a list together ("Arnor, Osgiliath and Gondor"), widened where a known name is
one word longer ("Sierra" + "Leonean"), and retyped where their own words say more than the
NER's label ("Cameron Parish" is a place, "the Duchess of York" a person). Names the NER
missed but kg knows are added. Each span becomes a :class:`~kg.model.Mention` with what
the linker says of it (a type, a country, the known label as its key); the result is the
document's mention table, token index → mention, which every later rule reads. A span's
words are shaped in :mod:`.spans`; the mention a span makes comes from :mod:`.linking`.
"""

from __future__ import annotations

import dataclasses
import re

from ...model import Mention
from .context import same
from .deps import columns, compound_span
from .linking import mention
from .spans import age_follows, entity_span, split_coordination, two_field_body
from .words import W


def find_mentions(parsed, linker) -> dict[int, Mention]:
    """Token index → mention, from NER and the gazetteer."""
    out: dict[int, Mention] = {}
    ents = parsed.ents  # (spaCy makes the spans again at every call)
    _long_known_names(parsed, linker, out, ents)
    for ent in ents:
        _add_entity(parsed, ent, linker, out)
    _add_known_names(parsed, linker, out)
    _no_ordinal_places(parsed, out, linker)
    _namesakes(out, linker)
    _surnames(parsed, out)
    _surname_vote(parsed, out, linker)
    _places_by_syntax(parsed, out, linker)
    return out


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


def _add_entity(parsed, ent, linker, out: dict[int, Mention]) -> None:
    typ = W.ner_types.get(ent.label_, (None,))[0]
    if typ is None or any(k in out for k in range(ent.start, ent.end)):  # its words already belong to a longer name
        return
    split = _place_before_name(ent, linker) or _aspect_of_place(ent, linker)
    if split is not None:
        for span, kind, label in split:
            m = mention(span, kind, label, linker)
            for t in span if m is not None else ():
                out[t.i] = m
        return
    whole = two_field_body(ent) if typ == "Organization" else None
    for part in [whole] if whole is not None else split_coordination(ent):
        span = entity_span(parsed, ent, part, linker)
        if span is None:
            continue
        typ = _retype(span, typ, linker)  # (a new type holds for the rest of the entity's parts)
        if typ == "Person" and _office_of(span):
            continue
        m = mention(span, typ, ent.label_, linker)
        if m is None:
            continue
        for k in range(span.start, span.end):
            out[k] = m


def _long_known_names(parsed, linker, out: dict[int, Mention], ents=None) -> None:
    """Long names kg knows that the NER broke apart: "the Islamic State of Iraq and the
    Levant" tagged as an organisation and a place. A known name of four to eight words that
    lies across the NER's entities (not within one: "Republic of the Congo" inside "the
    Democratic Republic of the Congo" is not that name) is taken whole, before the pieces.
    (This walk visits every token of the corpus: it reads the document's columns, and makes
    a span only for a name found.)"""
    entity_of = {j: k for k, e in enumerate(parsed.ents if ents is None else ents) for j in range(e.start, e.end)}
    cols = columns(parsed)
    i, n = 0, len(cols.text)
    while i < n:
        if not cols.is_title[i] or cols.pos[i] == "DET" or not linker.may_start_long_name(cols.words(i, i + 2)):
            i += 1
            continue
        for size in range(min(8, n - i), 3, -1):
            last = i + size - 1
            if cols.is_punct[last] or parsed[last].is_space \
                    or len({entity_of.get(j, -1 - j) for j in range(i, i + size)}) == 1:
                continue  # within one entity of the NER's: that entity decides
            actor = linker.known(cols.words(i, i + size))
            if actor is not None and actor.type != "Person":
                span = parsed[i:i + size]
                m = Mention(span.text, span.start_char, span.end_char, actor.type, country=actor.country,
                            key=actor.label)
                for j in range(span.start, span.end):
                    out[j] = m
                i += size - 1
                break
        i += 1


def _place_before_name(ent, linker) -> list | None:
    """"Mayor of London Sadiq Khan", "First Minister of Scotland Nicola Sturgeon": after a title
    and "of", the NER may run the place the title is of into the holder's name. The place
    (known to kg) and the name, as [(span, type, NER label)], or None."""
    doc = ent.doc
    k = ent.start - 1
    k -= k > 0 and doc[k].lower_ == "the"
    if k < 1 or doc[k].lower_ != "of" or not doc[k - 1].is_title or not linker.is_title(doc[k - 1].text):
        return None  # (a title before a name is capitalised: not "a member of the Ohio Bar")
    for size in (3, 2, 1):
        place, name = doc[ent.start:ent.start + size], doc[ent.start + size:ent.end]
        actor = linker.known(place.text) if len(name) >= 2 else None
        if actor is not None and actor.type in ("Country", "City", "Location") \
                and all(w.is_title and w.pos_ == "PROPN" for w in name) and linker.known(name.text) is None \
                and name[-1].lower_ not in W.org_heads | W.national_bodies | W.body_words:
            return [(place, actor.type, "GPE"), (name, "Person", "PERSON")]
    return None


def _aspect_of_place(ent, linker) -> list | None:
    """"I will destroy the Economy of Turkey": an aspect of a place kg knows, capitalised and
    tagged as one name, is that place (as "the economy of Turkey" is), unless kg knows the
    whole name. The place as [(span, type, NER label)], or None."""
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) < 3 or words[0].lower_ not in W.place_aspects or words[1].lower_ != "of":
        return None
    place = ent.doc[words[2].i:ent.end]
    actor = linker.known(place.text)
    if actor is None or actor.type not in ("Country", "City", "Location") or linker.known(ent.text) is not None:
        return None
    return [(place, actor.type, "GPE")]


def _office_of(span) -> bool:
    """"the Dean of the House of Representatives": a one-word "name" that is the word of an
    office (``offices_taken_for_names``) before "of" is the office, not a person."""
    doc = span.doc
    return len(span) == 1 and span[0].lower_ in W.offices_taken_for_names and span.end < len(doc) \
        and doc[span.end].lower_ == "of"


def _retype(span, typ: str, linker) -> str:
    """The NER's type, corrected by what the span's own words say."""
    if typ == "Organization" and age_follows(span):
        typ = "Person"  # "Marie Ferraro, 50, of Bethany": only people have ages
    words = [t.lower_ for t in span if t.lower_ != "the"]
    if typ == "Person" and len(words) > 1 and (words[-1] in W.place_name_heads or words[0] in W.place_name_heads):
        typ = "Location"  # "Cameron Parish", "Harris County", "County Kerry" tagged as a person
    if typ in ("Location", "Organization") and len(words) > 2 and words[0] in W.noble_titles \
            and words[1] == "of":
        typ = "Person"  # "the Duchess of York", "the Prince of Wales": a person, not the place
    if typ == "Organization" and len(words) > 1 and linker.known(span.text) is None \
            and (words[-1] in W.site_heads or words[0] in W.site_heads and words[1] == "of") \
            and not (span.end < len(span.doc) and span.doc[span.end].lower_ in W.body_words):
        # (not "Temple University", "Memorial Sloan Kettering": a site's word before a body's
        # name; nor a name a body's noun follows, "the Bridge of Independent Lists party")
        typ = "Location"  # "Jolo Cathedral", "the Statue of Liberty" tagged as a body: a building stands in a place
    if typ == "Location" and span[-1].lower_ in W.body_words and linker.known(span.text) is None:
        typ = "Organization"  # "Kenya's Green Party" tagged as a place: a body
    doc = span.doc
    if typ in ("Organization", "Person") and span.start > 1 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lemma_.lower() in W.place_nouns and linker.known(span.text) is None:
        # "the city of Brno", "the town of Lowman" tagged as a body or a person: a place
        typ = "City" if doc[span.start - 2].lemma_.lower() in W.town_nouns else "Location"
    return typ


def _add_known_names(parsed, linker, out: dict[int, Mention]) -> None:
    """Names the NER missed but the gazetteer knows ("NATO", "Pyongyang", "Gondor"), and
    capitalised demonyms ("Israeli troops") it left untagged: longest match first. (Read off
    the document's columns: this walk visits every token of the corpus.)"""
    cols = columns(parsed)
    text, pos, title = cols.text, cols.pos, cols.is_title
    n = len(text)
    i = 0
    while i < n:
        if i in out or not (pos[i] == "PROPN" or (title[i] and pos[i] in ("ADJ", "NOUN"))
                            or text[i].isupper() and len(text[i]) > 1):
            i += 1
            continue
        found = _known_at(parsed, cols, i, linker, out)
        if found is None:
            i += 1
            continue
        span, m = found
        for j in range(span.start, span.end):
            out[j] = m
        i = span.end


def _known_at(parsed, cols, i: int, linker, out) -> tuple | None:
    """The longest known name or demonym (up to four words) starting at token i."""
    n = len(cols.text)
    for size in (4, 3, 2, 1):
        j = i + size
        if j > n or any(k in out for k in range(i, j)) or cols.is_punct[j - 1]:
            continue
        text = cols.words(i, j)
        actor = linker.known(text)
        if actor is not None and actor.type == "Person" and size > 1 and linker.is_title(cols.text[i]):
            rest = linker.known(cols.words(i + 1, j))
            if rest is not None and rest.type == "Person":
                return None  # "Queen Elizabeth II": the title stays a word, for the title rules to read
        if actor is not None and (len(text) > 3 or text.isupper()):
            span = parsed[i:j]
            return span, Mention(text, span.start_char, span.end_char, actor.type, country=actor.country,
                                 key=actor.label)
        dem = linker.demonym(text) if size <= 2 else None
        if dem is not None:
            span = parsed[i:j]
            return span, Mention(text, span.start_char, span.end_char, "Country", country=dem.country,
                                 key=dem.label)
    return None


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
        new = dataclasses.replace(m, country=nat.country)
        for i, x in list(ms.items()):
            if x is m:
                ms[i] = new


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


def retype(tok, ms: dict[int, Mention], new: Mention) -> None:
    """Replace the mention at ``tok`` in the table by a corrected one, for the rules that read
    the table after this (a static rule found that a "person" is the place someone was born)."""
    old = ms[tok.i]
    for i, m in list(ms.items()):  # (the table, not the document: a few dozen entries, not every token)
        if m is old:
            ms[i] = new


def topic(tok) -> Mention:
    """A noun with its modifiers as a topic: "ballistic missile", "THAAD system"."""
    start, end = compound_span(tok)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, "Topic", key=text)


def person_not_place(m: Mention, linker) -> Mention:
    """A one-to-three-word name the NER took for a place it does not know, killing or killed,
    is a person's ("... included Brutus and Cassius")."""
    words = m.text.split()
    if m.type == "Location" and len(words) <= 3 and not m.text.isupper() and all(w[:1].isupper() for w in words) \
            and not any(w.lower() in W.place_nouns or w.lower() in W.compass for w in words) \
            and linker.known(m.key or m.text) is None:
        return dataclasses.replace(m, type="Person", country=None)
    return m


def as_person(m: Mention, linker) -> Mention:
    """Someone born, or with a home, is a person: a name the NER took for an organisation (and
    the gazetteer does not know as one) is read as a person's."""
    if m.type == "Organization" and m.country is None and linker.known(m.key or m.text) is None \
            and not m.text.isupper():
        return dataclasses.replace(m, type="Person")
    return m
