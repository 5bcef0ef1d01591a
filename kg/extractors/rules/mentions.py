"""Mentions: the spans of a document that name an actor, a place or a topic.

The first stage. spaCy's named entities are trimmed ("the", "'s", "retired"), split where
the NER ran a list together ("Arnor, Osgiliath and Gondor"), widened where a known name is
one word longer ("Sierra" + "Leonean"), and retyped where their own words say more than the
NER's label ("Cameron Parish" is a place, "the Duchess of York" a person). Names the NER
missed but kg knows are added. Each span becomes a :class:`~kg.model.Mention` with what
the linker says of it (a type, a country, the known label as its key); the result is the
document's mention table, token index → mention, which every later rule reads. A span's
words are shaped in :mod:`.spans`; the mention a span makes comes from :mod:`.linking`; what
the rest of the document says of a mention (a family name alone, a namesake, a national
body's country) is read in :mod:`.mention_checks`. A later rule that knows more retypes a
mention here (:func:`retype`, :func:`as_person`, :func:`person_not_place`).
"""

from __future__ import annotations

import dataclasses

from ...model import Mention
from .deps import columns, compound_span
from .linking import mention
from .mention_checks import check_by_document
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
    check_by_document(parsed, out, linker)
    return out


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
        # (a known name may start with a word the tagger took for a verb: "Shining Path")
        if i in out or not (pos[i] == "PROPN" or (title[i] and pos[i] in ("ADJ", "NOUN", "VERB"))
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
