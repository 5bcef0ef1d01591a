"""Mentions → entities: one entity per real-world actor, linked to Wikidata and ISO codes.

Within a document a surname joins the full name met there ("Lee" → Lee Jae Myung), titles,
honorifics and possessives are stripped, curly apostrophes and hyphen debris ("South
Korea-") are normalised, and demonyms stand for their country. Every mention of an entity
gets the same label, type, aliases and country. Across documents an entity's IRI depends
only on what it is (its Wikidata QID, else its type and canonical name), so the same actor
gets the same IRI in every build.

>>> clean_name("Lee Jae Myung’s")
'Lee Jae Myung'
>>> clean_name("South Korea-")
'South Korea'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from urllib.parse import quote

from . import gazetteer as gaz
from .model import SECTORS, Document, Entity, Mention, Relation, RelationMention
from .namespaces import ENTITY_BASE

_POSSESSIVE = re.compile(r"(?:'s|')$")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|prof|rev|gen|lt|col|sen|rep|gov|the)\.?\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    """Normalise a surface form: curly quotes, possessives, hyphen debris, spacing."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = " ".join(text.split())
    text = text.strip(" -–—,;:\"'()[]")
    text = _POSSESSIVE.sub("", text).strip(" -–—")
    while _HONORIFIC.match(text) and len(text.split()) > 1:
        text = _HONORIFIC.sub("", text, count=1)
    return text


def slug(text: str) -> str:
    """An IRI-safe, readable path segment from any Unicode name."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_") or "x"
    return quote(text[:80], safe="-_")


def entity_iri(label: str, type_: str, wikidata: str | None) -> str:
    if wikidata:
        return f"{ENTITY_BASE}{wikidata}"
    return f"{ENTITY_BASE}{type_.lower()}/{slug(label)}"


class DocumentResolver:
    """Resolves the mentions of one document to entities.

    Mentions are first mapped to a canonical (label, type) key; every attribute an entity
    carries (aliases, country) is then gathered over all mentions of that key, so that the
    entity is the same object whichever sentence names it.
    """

    def __init__(self, gazetteer: gaz.Gazetteer, mentions: Iterable[Mention]):
        self.gaz = gazetteer
        mentions = list(mentions)
        self.full_names: dict[str, str] = {}  # a name token → the full person name it belongs to
        ambiguous: set[str] = set()
        people = {clean_name(m.key or m.text) for m in mentions if m.type == "Person"}
        for name in people:
            actor = self.gaz.lookup(name)
            full = actor.label if actor is not None and actor.type == "Person" else name
            if len(full.split()) < 2:
                continue
            for token in full.split():
                if token in self.full_names and self.full_names[token] != full:
                    ambiguous.add(token)
                self.full_names[token] = full
        for token in ambiguous:
            del self.full_names[token]
        # countries the document names; a derived official's country needs one of them
        self.named = {m.country for m in mentions if m.type != "Person" and m.country}
        self._aliases: dict[tuple[str, str], set[str]] = {}
        self._countries: dict[tuple[str, str], Counter] = {}
        self._actors: dict[tuple[str, str], gaz.Actor | None] = {}
        self._sectors: dict[tuple[str, str], str] = {}
        for m in mentions:
            self._note(m)

    def canonical(self, m: Mention) -> tuple[str, str, gaz.Actor | None]:
        """(label, type, linked actor) of a mention."""
        if m.sector in SECTORS and m.country:
            # a part of a country: one entity per (country, sector), whatever the words were
            words, typ = SECTORS[m.sector]
            country = self.gaz.country(m.country)
            return f"{country.label if country is not None else m.country} {words}", typ, None
        name = clean_name(m.key or m.text)
        typ = m.type
        if typ == "Person" and len(name.split()) == 1 and name in self.full_names:
            name = self.full_names[name]
        actor = self.gaz.lookup(name)
        if actor is not None and actor.derived and actor.country not in self.named:
            actor = None  # a common name, not the office-holder of a country this text never names
        if actor is None and m.country and typ == "Country":
            actor = self.gaz.country(m.country)
        if actor is not None and _compatible(typ, actor.type):
            return actor.label, actor.type, actor
        if actor is not None and typ == "Person" and actor.user:
            return name, typ, None  # a user's actor code on a person: keep the person, take its country
        return name, typ, None

    def _note(self, m: Mention) -> None:
        label, typ, actor = self.canonical(m)
        key = (label, typ)
        self._actors[key] = actor
        if m.sector in SECTORS and m.country:
            self._sectors[key] = m.sector
        aliases = self._aliases.setdefault(key, set())
        surface = clean_name(m.text)
        if surface and surface != label:
            aliases.add(surface)
        if actor is not None:
            aliases.update(a for a in actor.aliases if a != label)
        country = actor.country if actor is not None else m.country
        if country is None and typ == "Person":
            user = self.gaz.lookup(clean_name(m.key or m.text))
            country = user.country if user is not None and user.user else None
        if country:
            self._countries.setdefault(key, Counter())[country] += 1

    def entity(self, m: Mention) -> Entity:
        label, typ, actor = self.canonical(m)
        key = (label, typ)
        if key not in self._actors:
            self._note(m)
        countries = self._countries.get(key)
        country = None
        if typ != "Topic":
            if actor is not None and actor.country:
                country = actor.country
            elif countries:
                best = countries.most_common(2)
                # two countries equally often: say nothing rather than pick one
                if len(best) == 1 or best[0][1] > best[1][1]:
                    country = best[0][0]
        return Entity(
            id=entity_iri(label, typ, actor.wikidata if actor else None),
            label=label,
            type=typ,
            aliases=tuple(sorted(self._aliases.get(key, ()))),
            wikidata=actor.wikidata if actor else None,
            country=country,
            sector=self._sectors.get(key),
        )


def _compatible(mention_type: str, actor_type: str) -> bool:
    if mention_type == actor_type:
        return True
    if "Person" in (mention_type, actor_type):
        return False  # "Jordan" the country is no person, "Washington" the city no president
    loose = {"Location", "Group", "Organization", "Topic", "Country", "City", "InternationalOrganization"}
    return mention_type in loose and actor_type in loose


def resolve(doc: Document, mentions: list[RelationMention], gazetteer: gaz.Gazetteer) -> list[Relation]:
    """Relation mentions of one document → relations between resolved entities.

    Duplicates (same subject, predicate, object, sentence, negation, modality) are merged,
    keeping the most confident reading.
    """
    resolver = DocumentResolver(gazetteer, [x for r in mentions for x in (r.subject, r.object)])
    best: dict[tuple, Relation] = {}
    for r in mentions:
        s, o = resolver.entity(r.subject), resolver.entity(r.object)
        if s.id == o.id:
            continue
        rel = Relation(
            doc=r.doc, sentence=r.sentence, start=r.start, end=r.end,
            subject=s, predicate=r.predicate, object=o,
            plover=r.plover, mode=r.mode, cameo=r.cameo, negated=r.negated, modality=r.modality,
            confidence=r.confidence, date=doc.date, extractor=r.extractor,
        )
        key = (s.id, r.predicate, o.id, r.start, r.negated, r.modality)
        if key not in best or best[key].confidence < rel.confidence:
            best[key] = rel
    return list(best.values())
