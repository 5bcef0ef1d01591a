"""Mentions: the spans of a document that name an actor, a place or a topic.

The first stage. spaCy's named entities are trimmed ("the", "'s", "retired"), split where
the NER ran a list together ("Arnor, Osgiliath and Gondor"), widened where a known name is
one word longer ("Sierra" + "Leonean"), and retyped where their own words say more than the
NER's label ("Cameron Parish" is a place, "the Duchess of York" a person). Names the NER
missed but kg knows are added. Each span becomes a :class:`~kg.model.Mention` with what
the linker says of it (a type, a country, the known label as its key); the result is the
document's mention table, token index → mention, which every later rule reads.
"""

from __future__ import annotations

import dataclasses

from ...model import Mention
from ...nlp import HYPHENATED_NAME
from .context import same
from .dates import is_era_year
from .deps import compound_span
from .words import W


def find_mentions(parsed, linker) -> dict[int, Mention]:
    """Token index → mention, from NER and the gazetteer."""
    out: dict[int, Mention] = {}
    _long_known_names(parsed, linker, out)
    for ent in parsed.ents:
        _add_entity(parsed, ent, linker, out)
    _add_known_names(parsed, linker, out)
    _namesakes(out, linker)
    _surnames(parsed, out)
    return out


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
    for tok in parsed:
        if tok.i in ms or tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title:
            continue
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
    if typ is None or any(t.i in out for t in ent):  # its words already belong to a longer name
        return
    split = _place_before_name(ent, linker)
    if split is not None:
        for span, kind, label in split:
            m = mention(span, kind, label, linker)
            for t in span if m is not None else ():
                out[t.i] = m
        return
    whole = _two_field_body(ent) if typ == "Organization" else None
    for part in [whole] if whole is not None else _split_coordination(ent):
        span = _entity_span(parsed, ent, part, linker)
        if span is None:
            continue
        typ = _retype(span, typ, linker)  # (a new type holds for the rest of the entity's parts)
        m = mention(span, typ, ent.label_, linker)
        if m is None:
            continue
        for t in span:
            out[t.i] = m


def _long_known_names(parsed, linker, out: dict[int, Mention]) -> None:
    """Long names kg knows that the NER broke apart: "the Islamic State of Iraq and the
    Levant" tagged as an organisation and a place. A known name of four to eight words that
    lies across the NER's entities (not within one: "Republic of the Congo" inside "the
    Democratic Republic of the Congo" is not that name) is taken whole, before the pieces."""
    entity_of = {t.i: k for k, e in enumerate(parsed.ents) for t in e}
    i, n = 0, len(parsed)
    while i < n:
        if not parsed[i].is_title or parsed[i].pos_ == "DET" or not linker.may_start_long_name(parsed[i:i + 2].text):
            i += 1
            continue
        for size in range(min(8, n - i), 3, -1):
            span = parsed[i:i + size]
            inside = {entity_of.get(t.i, -1 - t.i) for t in span}
            if len(inside) == 1 or span[-1].is_punct or span[-1].is_space:
                continue  # within one entity of the NER's: that entity decides
            actor = linker.known(span.text)
            if actor is not None and actor.type != "Person":
                m = Mention(span.text, span.start_char, span.end_char, actor.type, country=actor.country,
                            key=actor.label)
                for t in span:
                    out[t.i] = m
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


def _entity_span(parsed, ent, span, linker):
    """The words of one part of an entity that name it, or None."""
    span = _trim(span)
    if span is not None and ent.label_ == "PERSON":
        span = _name_only(span, linker)
        before = parsed[span.start - 1] if span.start > 1 else None
        if before is not None and before.pos_ == "PROPN" and before.is_title and not before.ent_type_ \
                and before.dep_ == "compound" and span.start <= before.head.i < span.end \
                and parsed[before.i - 1].ent_type_ in ("GPE", "LOC") and not linker.is_title(before.text):
            # "Mayor of London Sadiq Khan" with "Khan" alone tagged: the word between the place
            # and the name is the first name (a title would be known as one)
            span = parsed[before.i:span.end]
        if span.start > 0 and span[0].text in W.name_particles and parsed[span.start - 1].is_title \
                and parsed[span.start - 1].pos_ == "PROPN" and not parsed[span.start - 1].ent_type_:
            span = parsed[span.start - 1:span.end]  # "Hamza" + "bin Ladin"
    if span is not None:
        span = _extend(span, linker)
    if span is None:
        return None
    if ent.label_ == "NORP" and span.start > 0:
        # "Iraqi Kurds", "Lebanese Christians": the NER tags the two words apart,
        # but the people are those of the country the demonym names
        prev = parsed[span.start - 1]
        if prev.dep_ == "amod" and span.start <= prev.head.i < span.end and prev.ent_type_ == "NORP" \
                and prev.text[:1].isupper() and linker.demonym(prev.text) is not None \
                and linker.demonym(span.text) is None and linker.known(span.text) is None:
            span = parsed[prev.i:span.end]
    return span


def _retype(span, typ: str, linker) -> str:
    """The NER's type, corrected by what the span's own words say."""
    if typ == "Organization" and _age_follows(span):
        typ = "Person"  # "Marie Ferraro, 50, of Bethany": only people have ages
    words = [t.lower_ for t in span if t.lower_ != "the"]
    if typ == "Person" and len(words) > 1 and (words[-1] in W.place_name_heads or words[0] in W.place_name_heads):
        typ = "Location"  # "Cameron Parish", "Harris County", "County Kerry" tagged as a person
    if typ in ("Location", "Organization") and len(words) > 2 and words[0] in W.noble_titles \
            and words[1] == "of":
        typ = "Person"  # "the Duchess of York", "the Prince of Wales": a person, not the place
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
    capitalised demonyms ("Israeli troops") it left untagged: longest match first."""
    n = len(parsed)
    i = 0
    while i < n:
        tok = parsed[i]
        if i in out or not (tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ in ("ADJ", "NOUN"))
                            or tok.text.isupper() and len(tok.text) > 1):
            i += 1
            continue
        found = _known_at(parsed, i, linker, out)
        if found is None:
            i += 1
            continue
        span, m = found
        for t in span:
            out[t.i] = m
        i = span.end


def _known_at(parsed, i: int, linker, out) -> tuple | None:
    """The longest known name or demonym (up to four words) starting at token i."""
    n = len(parsed)
    for size in (4, 3, 2, 1):
        j = i + size
        if j > n or any(k in out for k in range(i, j)) or parsed[j - 1].is_punct:
            continue
        span = parsed[i:j]
        actor = linker.known(span.text)
        if actor is not None and (len(span.text) > 3 or span.text.isupper()):
            return span, Mention(span.text, span.start_char, span.end_char, actor.type, country=actor.country,
                                 key=actor.label)
        dem = linker.demonym(span.text) if size <= 2 else None
        if dem is not None:
            return span, Mention(span.text, span.start_char, span.end_char, "Country", country=dem.country,
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
    done: set[int] = set()
    for tok in parsed:
        m = ms.get(tok.i)
        if m is None or id(m) in done or m.type != "Organization" or m.country is not None:
            continue
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


def retype(tok, ms: dict[int, Mention], new: Mention) -> None:
    """Replace the mention at ``tok`` in the table by a corrected one, for the rules that read
    the table after this (a static rule found that a "person" is the place someone was born)."""
    for i in range(len(tok.doc)):
        if ms.get(i) is ms[tok.i]:
            ms[i] = new


def mention(span, typ: str, label: str, linker) -> Mention | None:
    """The mention a span makes, typed by the NER label and what kg knows of its words; None
    for spans that name nothing (a year, a portfolio, an adjective the NER took for a name)."""
    text = span.text
    if is_era_year(span):
        return None  # "44 B.C.": a year, not British Columbia
    if all(t.pos_ not in ("PROPN", "NOUN") for t in span) and (len(span) == 1 or text[:1].islower()) \
            and label in ("ORG", "GPE", "PERSON") and linker.demonym(text) is None and linker.known(text) is None:
        return None  # "Regional governor ...", "an anti-Brexit march": adjectives the NER took for a name
    if typ == "Person" and any(ch.isdigit() for ch in text):
        typ = "Organization"  # "CH2M Hill", "3M": no person's name has a digit
    if typ == "Person" and any(t.lower_ == "of" for t in span[1:-1]) \
            and any(t.lower_.strip(".") in W.org_heads for t in span):
        typ = "Organization"  # "Kennedy School of Government", "Bank of Tokyo" tagged as a person
    key = _key(text, typ, linker)
    if not key:
        return None
    if len(span) == 1 and HYPHENATED_NAME.match(text) and linker.known(text) is None:
        # "K-pop", "K-dramas", "F-16": products and genres, whatever the NER guessed
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Topic", key=key)
    if typ == "Organization" and linker.is_title(key + " minister"):
        return None  # "Defence" of "Defence Minister Joxe" is a portfolio, not an organisation
    if typ == "Organization" and key.lower() in W.portfolios and span.start > 0 \
            and span.doc[span.start - 1].lower_ == "of":
        return None  # "Secretary of State", "Secretary of Transportation": part of a title
    if typ == "Organization" and key.lower() in W.portfolios and span.end < len(span.doc) \
            and span.doc[span.end].lower_ in ("minister", "secretary"):
        return None  # "Health Minister X", "Commerce Secretary X": the portfolio is part of the title
    dem = linker.demonym(key)
    if dem is not None and span.start > 0 and span.doc[span.start - 1].lower_ in W.ethnic_markers:
        # "ethnic Albanians" in Serbia are a group, not the state of Albania
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Group", key=key)
    if dem is not None and label in ("PERSON", "ORG", "NORP", "GPE"):
        # "Ugandan" tagged as a person, "Sierra Leonean" as an organisation
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Country",
                       country=dem.country, key=dem.label)
    typ, country, key = _linked(span, typ, label, key, linker)
    return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type=typ,
                   country=country, key=key)


def _key(text: str, typ: str, linker) -> str:
    """The mention's key: its words without titles and possessive."""
    last = text.rstrip(".").split()[-1].lower() if text.split() else ""
    # "the National War College", "General Motors": an organisation's own name keeps its words
    key = text if typ == "Organization" and (last in W.org_heads or last in W.national_bodies) \
        else linker.without_titles(text, W.keep_capitalised)
    if key.split()[:1] and key.split()[0] in ("of", "for", "and"):
        key = text  # "Union of Writers": the title word is the body's own name, not a title
    return key


def _linked(span, typ: str, label: str, key: str, linker) -> tuple[str, str | None, str]:
    """(type, country, key) of a mention, as far as kg knows the name."""
    country = None
    if label == "NORP":
        actor = linker.demonym(key) or linker.known(key)
        if actor is not None:
            return actor.type, actor.country, actor.label
        # "Bosnian Serbs", "Kurdish fighters": a group of the country its first word names
        first = linker.demonym(key.split()[0]) if len(key.split()) > 1 else None
        return typ, first.country if first is not None else None, key
    actor = linker.known(key)
    if actor is not None and typ == "Person" and not actor.user and (
            actor.type == "Country" or actor.type == "City" and len(span) == 1
            or actor.type in ("Group", "Organization", "InternationalOrganization")):
        # "Mali refused ...", "Sri Lanka opened ...": the NER's person is the country of that
        # name (a city only by one word: a person may bear a town's name); "al-Shabaab",
        # "the Houthis": a group kg knows by its whole name is no person
        typ = actor.type
    if actor is not None and (typ != "Person" or actor.type == "Person" or actor.user):
        # A user's PETRARCH entry has a code, not a type: a person the NER found keeps
        # being a person under its own entry, but an alias of a country is that country.
        typ = "Person" if typ == "Person" and actor.user and linker.is_entry_of(actor, key) else actor.type
        country = actor.country
    elif label == "GPE":
        dem = linker.demonym(key)
        if dem is not None:
            typ, country, key = "Country", dem.country, dem.label
    elif typ == "Organization" and len(key.split()) > 1:
        # "Turkish Foreign Ministry", "U.S. Congress": a national body
        first = key.split()[0]
        nat = linker.demonym(first) or linker.known(first)
        if nat is not None and nat.type == "Country":
            country = nat.country
    if country is None and actor is None and typ in ("Location", "City") and len(key.split()) > 1:
        country = _unit_country(key, linker)
    return typ, country, key


def _unit_country(key: str, linker) -> str | None:
    """"Montenegro province", "West Darfur State": a unit of a place kg knows, in that place's
    country. A compass word is dropped only inside a unit's name: "East Jerusalem" is not
    coded as Jerusalem's country, and "Western Cambodia" says no more than its country."""
    words = key.split()
    if words[-1].lower() not in W.admin_rank:
        return None
    words = words[:-1]
    compass = bool(words) and words[0].lower() in W.compass
    if compass:
        words = words[1:]
    inner = linker.known(" ".join(words)) if words else None
    if inner is None or not inner.country or inner.type not in ("Country", "Location", "City") \
            or compass and inner.type == "City":
        return None
    return inner.country


def topic(tok) -> Mention:
    """A noun with its modifiers as a topic: "ballistic missile", "THAAD system"."""
    start, end = compound_span(tok)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, "Topic", key=text)


def _extend(span, linker):
    """"Sierra" + "Leonean", "New" + "Hampshire": one more word when the longer name is known."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].is_title and not doc[span.end].ent_type_:
        longer = doc[span.start:span.end + 1]
        if linker.known(longer.text) is not None or linker.demonym(longer.text) is not None:
            return longer
    if span.start > 0 and doc[span.start - 1].is_title and not doc[span.start - 1].ent_type_ \
            and not doc[span.start - 1].is_sent_start and not linker.is_title(doc[span.start - 1].text):
        longer = doc[span.start - 1:span.end]
        if linker.known(longer.text) is not None:
            return longer
    return span


def _name_only(span, linker):
    """A person's name without the words the NER swept in before it ("suspected British
    militant Haroon Aswad" → "Haroon Aswad"), so that the title rules see them."""
    doc = span.doc
    start = span.start
    while start < span.end - 1 and (doc[start].pos_ != "PROPN" or linker.is_title(doc[start].text.rstrip("."))
                                    or linker.demonym(doc[start].text) is not None):
        start += 1
    if start < span.end - 2 and linker.is_title(doc[start:start + 2].text):
        start += 2  # "Crown Prince Mohammad bin Salman"
    return doc[start:span.end]


def _age_follows(span) -> bool:
    """Is the span followed by an age in commas ("X, 50, of ...")?"""
    doc = span.doc
    j = span.end
    return j + 2 < len(doc) and doc[j].text == "," and doc[j + 2].text == "," and doc[j + 1].is_digit \
        and 0 < int(doc[j + 1].text) < 120


def _two_field_body(span):
    """A body named after two fields, whole: "the Ministry of Trade and Industry" (not split at
    its "and"), "the School of Marine" + "and Atmospheric Science" (the NER cut it there).
    None for any other span."""
    doc = span.doc
    if not any(t.lower_ in ("of", "for") for t in span):
        return None
    if any(t.lower_ == "and" for t in span) and span[-1].lower_ in W.field_words:
        return span
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
        return None
    end = span.end + 1
    while end < len(doc) and doc[end].is_title and doc[end].ent_type_ not in ("GPE", "ORG", "NORP"):
        end += 1
    return doc[span.start:end] if end > span.end + 1 and doc[end - 1].lower_ in W.field_words else None


def _split_coordination(span):
    """NER sometimes makes one entity of "Arnor, Osgiliath and Gondor": split it at commas and 'and'."""
    if not any(t.dep_ == "cc" or (t.text == "," and t.i > span.start) for t in span):
        return [span]
    if not any(t.dep_ == "conj" for t in span):
        return [span]
    if not any(t.text == "," for t in span) and span[-1].lower_ in W.body_words | W.org_heads:
        return [span]  # "the Law and Justice Party": one body's name
    parts, start = [], span.start
    for t in span:
        if t.dep_ == "cc" or t.text == ",":
            if t.i > start:
                parts.append(span.doc[start:t.i])
            start = t.i + 1
    if start < span.end:
        parts.append(span.doc[start:span.end])
    return parts


def _trim(span):
    """Drop leading determiners and trailing possessive markers or hyphen debris, a bracket left
    open ("the Free Trade Area (AfCFTA"), and "retired"/"former" before a name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                           or doc[start].lower_ in W.voiding and start + 1 < end):
        start += 1
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and opened > start and not any(t.text == ")" for t in doc[opened:end]):
        end = opened
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET") and end - 1 > start):
        end -= 1
    return doc[start:end] if end > start else None


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
