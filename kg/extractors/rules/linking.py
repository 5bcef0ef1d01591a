"""What a span names: the mention it makes, typed, keyed and given a country by what kg knows of its words.

Through the linker (:class:`kg.resolve.Linker`): a known name's type, country and label; a
demonym's country; a national body's country from its first word; an administrative unit
of a known place in that place's country. Spans that name nothing (a year, a portfolio,
an adjective the NER took for a name) make no mention.
"""

from __future__ import annotations

from ...model import Mention
from ...nlp import HYPHENATED_NAME
from .dates import is_era_year
from .deps import columns
from .words import W


def mention(span, typ: str, label: str, linker) -> Mention | None:
    """The mention a span makes, typed by the NER label and what kg knows of its words; None
    for spans that name nothing (a year, a portfolio, an adjective the NER took for a name)."""
    text = span.text
    if is_era_year(span):
        return None  # "44 B.C.": a year, not British Columbia
    pos = columns(span.doc).pos  # (read off the columns: no token made)
    if all(pos[k] not in ("PROPN", "NOUN") for k in range(span.start, span.end)) \
            and (len(span) == 1 or text[:1].islower()) \
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


def _misspelt(span, label: str, key: str, linker):
    """"Afganistan", "Tajikstan": a one-word place or people the NER found that kg does not
    know, one letter from the name of just one country (:mod:`kg.spelling`); not a place of
    its own that happens to be ("Granada", ``correct_spellings``). Not a person's name, nor
    part of a longer name: "Frances", "Al Jorden" and "Cameron Parish" are not France,
    Jordan and Cameroon. Not an ORG span either: the NER's organisations include misspelt
    countries ("Quatar") but also companies and surnames one letter from a country."""
    if len(span) != 1 or label not in ("GPE", "NORP") or not key[:1].isupper() \
            or key.lower() in W.correct_spellings:
        return None
    if linker.known(key) is not None or linker.demonym(key) is not None:
        return None
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.pos_ == "PROPN" or after is not None and (
            after.pos_ == "PROPN" or after.lemma_.lower() in W.admin_rank):
        return None  # part of a longer name: "Al Jorden", "Cameron parishes"
    return linker.misspelt_country(key)


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
    near = _misspelt(span, label, key, linker)
    if near is not None:
        return "Country", near.country, near.label
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
