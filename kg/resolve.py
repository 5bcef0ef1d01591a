"""Mentions → entities: one entity per real-world actor, linked to Wikidata and ISO codes.

Within a document a surname joins the full name met there ("Lee" → Lee Jae Myung), titles,
honorifics and possessives are stripped, and demonyms stand for their country. Across
documents an entity's IRI depends only on what it is (its Wikidata QID, else its type and
canonical name), so the same actor gets the same IRI in every build.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from . import gazetteer as gaz
from .model import Document, Entity, Mention, Relation, RelationMention
from .namespaces import ENTITY_BASE

_POSSESSIVE = re.compile(r"(?:'s|')$")


def clean_name(text: str) -> str:
    """Normalise a surface form: curly quotes, possessives, hyphen debris, spacing."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    text = " ".join(text.split())
    text = text.strip(" -–—,;:\"'()[]")
    text = _POSSESSIVE.sub("", text).strip(" -–—")
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
    """Resolves the mentions of one document to entities."""

    def __init__(self, gazetteer: gaz.Gazetteer, mentions: Iterable[Mention]):
        self.gaz = gazetteer
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
        self._aliases: dict[str, set[str]] = {}
        self._cache: dict[tuple[str, str], Entity] = {}

    def canonical(self, m: Mention) -> tuple[str, str, gaz.Actor | None]:
        """(label, type, linked actor) of a mention."""
        name = clean_name(m.key or m.text)
        typ = m.type
        if typ == "Person" and len(name.split()) == 1 and name in self.full_names:
            name = self.full_names[name]
        actor = self.gaz.lookup(name)
        if actor is None and m.country and typ == "Country":
            actor = self.gaz.country(m.country)
        if actor is not None and _compatible(typ, actor.type):
            return actor.label, actor.type, actor
        return name, typ, None

    def entity(self, m: Mention) -> Entity:
        label, typ, actor = self.canonical(m)
        surface = clean_name(m.text)
        key = (label, typ)
        aliases = self._aliases.setdefault(label + "\x00" + typ, set())
        if surface and surface != label:
            aliases.add(surface)
        if actor is not None:
            aliases.update(a for a in actor.aliases if a != label)
        ent = Entity(
            id=entity_iri(label, typ, actor.wikidata if actor else None),
            label=label,
            type=typ,
            aliases=tuple(sorted(aliases)),
            wikidata=actor.wikidata if actor else None,
            country=(actor.country if actor else m.country) if typ != "Topic" else None,
        )
        self._cache[key] = ent
        return ent

    def finalize(self, ent: Entity) -> Entity:
        """The entity with every alias seen in the whole document."""
        aliases = self._aliases.get(ent.label + "\x00" + ent.type, set())
        return Entity(ent.id, ent.label, ent.type, tuple(sorted(aliases)), ent.wikidata, ent.country)


def _compatible(mention_type: str, actor_type: str) -> bool:
    if mention_type == actor_type:
        return True
    loose = {"Location", "Group", "Organization", "Topic"}
    return mention_type in loose or actor_type in loose


def resolve(doc: Document, mentions: list[RelationMention], gazetteer: gaz.Gazetteer) -> list[Relation]:
    """Relation mentions of one document → relations between resolved entities.

    Duplicates (same subject, predicate, object, sentence) are merged, keeping the most
    confident reading.
    """
    resolver = DocumentResolver(gazetteer, [x for r in mentions for x in (r.subject, r.object)])
    staged = []
    for r in mentions:
        staged.append((r, resolver.entity(r.subject), resolver.entity(r.object)))
    best: dict[tuple, Relation] = {}
    for r, s, o in staged:
        if s.id == o.id:
            continue
        rel = Relation(
            doc=r.doc, sentence=r.sentence, start=r.start, end=r.end,
            subject=resolver.finalize(s), predicate=r.predicate, object=resolver.finalize(o),
            plover=r.plover, mode=r.mode, cameo=r.cameo, negated=r.negated, modality=r.modality,
            confidence=r.confidence, date=doc.date, extractor=r.extractor,
        )
        key = (s.id, r.predicate, o.id, r.start, r.negated, r.modality)
        if key not in best or best[key].confidence < rel.confidence:
            best[key] = rel
    return list(best.values())
