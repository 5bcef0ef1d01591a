"""Small immutable records that travel one way between the stages of kg.

    Document ──extract──▶ RelationMention (text spans) ──resolve──▶ Relation (entities)
                                                                        │
                                           graph.py turns them into RDF ▼

A ``Relation`` serialises to the relation record, kg's interchange format (one JSON
object a line), with :meth:`Relation.to_record`; :func:`relation_from_record` reads it back.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

MODALITIES = ("asserted", "reported", "intended", "hypothetical")

# How exactly an event's date is known, and the shape its ISO text takes at that precision:
# "2019-03-05" (day), "2019-03" (month), "1982" (year). In RDF, kg:eventDate holds the
# period's first day and kg:datePrecision says which of these it is.
DATE_PRECISIONS = {"day": re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"),
                   "month": re.compile(r"\d{4}-(0[1-9]|1[0-2])"), "year": re.compile(r"\d{4}")}
_PRECISION_SHAPE = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


def date_precision_of(iso: str) -> str | None:
    """The precision an ISO date text is written at, or None when it is none of them.

    >>> date_precision_of("1982"), date_precision_of("1982-03"), date_precision_of("2019-03-05")
    ('year', 'month', 'day')
    """
    return next((p for p, shape in DATE_PRECISIONS.items() if shape.fullmatch(iso)), None)


def is_country_code(code: str | None) -> bool:
    """Is a mention's or entity's ``country`` a country's three-letter code (ISO 3166 alpha-3),
    not empty nor a code of another length? The extractor's rules (a story's own country, its
    towns) and resolution (a town put in another country than the gazetteer's) ask the same."""
    return code is not None and len(code) == 3


ENTITY_TYPES = (
    "Person",
    "Country",
    "City",
    "Location",
    "Organization",
    "InternationalOrganization",
    "Group",
    "Topic",
)

# When the mentions of a name vote as much for two types, the first of these wins: the more
# specific type is the likelier reading (kg.resolve within a document, kg.entities across).
TYPE_PRECEDENCE = ("Person", "Country", "City", "InternationalOrganization", "Organization", "Group", "Location",
                   "Topic")

# CAMEO sectors that make a part of a country an actor of its own ("Venezuelan police
# arrested protesters": Venezuela police → Venezuela opposition, as PETRARCH codes
# VENCOP → VENOPP): code → (the words of its label after the country's name, entity type).
# State institutions are organisations, sections of society groups. The government (GOV)
# is not here: a government, its officials and its ministries are the state itself, so
# "Chinese officials said" stays China.
SECTORS = {
    "MIL": ("military", "Organization"),
    "COP": ("police", "Organization"),
    "SPY": ("intelligence services", "Organization"),
    "JUD": ("judiciary", "Organization"),
    "LEG": ("legislature", "Organization"),
    "OPP": ("opposition", "Group"),
    "REB": ("rebels", "Group"),
    "PRM": ("militias", "Group"),  # PLOVER: paramilitary groups not in opposition to the government
    "CVL": ("civilians", "Group"),
    "REF": ("refugees", "Group"),
    "MED": ("media", "Group"),
    # PLOVER's generic unidentified actor: "two civilians were killed by a bomb" in Iraq
    "UNK": ("unidentified attackers", "Group"),
}
# The organs of a state among them: they act for it ("Israeli troops" is how Israel acts).
STATE_SECTORS = frozenset(code for code, (_, typ) in SECTORS.items() if typ == "Organization")


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # the file it came from, for error messages

    @property
    def content_hash(self) -> str:
        """A digest of everything that changes the extraction of this document."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.date or "", self.url or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names (or stands for) an actor or a topic."""

    text: str
    start: int  # character offsets in the document text
    end: int
    type: str  # one of ENTITY_TYPES, the extractor's best guess
    # What the extractor already knows: e.g. a demonym resolved to a country code.
    country: str | None = None
    key: str | None = None  # the surface form with titles and possessives stripped
    # A role noun acting for a country ("Venezuelan police"): its CAMEO sector (COP, MIL,
    # OPP, ...). Resolution makes it the (country, sector) entity, not the country itself.
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class RelationMention:
    """What an extractor finds in one sentence, before entities are resolved."""

    doc: str
    sentence: str
    start: int  # character offsets of the sentence in the document
    end: int
    subject: Mention
    predicate: str  # a property name of the kg ontology
    object: Mention
    plover: str | None = None
    mode: str | None = None
    cameo: str | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    extractor: str = "rules"
    trigger: str | None = None  # the word that triggered it, for debugging
    # When and where the sentence says the event happened: ISO text at its precision
    # ("1982", "1982-03", "2019-03-05") and a place mention. With no date, ``undated`` says
    # the sentence puts the event in the past ("had invaded", "decades ago"): it then takes
    # no date at all, where an event the sentence does not date takes the article's.
    date: str | None = None
    undated: bool = False
    location: Mention | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor or topic, after resolution."""

    id: str  # a stable IRI
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    # CAMEO sector of a part of a country's society or state ("Venezuela police": COP);
    # None for everything else. See resolve.SECTORS.
    sector: str | None = None
    # What the document alone knows, for resolution across documents (kg.entities), and not
    # part of the relation record: how many mentions name it (its weight when documents
    # vote on its type), and whether it is a bare surname the document could not complete.
    mentions: int = field(default=1, compare=False)
    partial: bool = field(default=False, compare=False)

    def to_dict(self) -> dict:
        """The entity as JSON-ready data, as it stands in a relation record."""
        return self.to_record()

    def to_record(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "aliases": list(self.aliases),
            "type": self.type,
            "wikidata": self.wikidata,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(frozen=True, slots=True)
class Relation:
    """A resolved fact with its provenance: the relation record."""

    doc: str
    sentence: str
    start: int
    end: int
    subject: Entity
    predicate: str
    object: Entity
    plover: str | None = None
    mode: str | None = None
    cameo: str | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    # When the fact happened, as ISO text at its precision: "2019-03-05", "2019-03" or
    # "1982". Where the text gives no date, the extractor puts the article's date here,
    # except for an event the text puts in the past without a date ("had invaded",
    # "decades ago"): its date is None beside an article_date (kg:undated in RDF).
    date: str | None = None
    extractor: str = "rules"
    # "day", "month" or "year": how exactly ``date`` is known. Left out, it is read from
    # the shape of ``date`` ("1982" is a year), so older records and extractors still fit;
    # given, it must agree with that shape (so dataclasses.replace with a new date passes
    # the new precision, or None to have it read again).
    date_precision: str | None = None
    article_date: str | None = None  # the publication date of the document, YYYY-MM-DD
    location: Entity | None = None  # where the event happened ("in Moscow"), when the text says
    # The words the sentence names the subject (object) by when they name something that
    # stands for it: a capital or seat acting for its state ("Washington said": the United
    # States, subject_mention "Washington"). None when the words name the entity itself.
    subject_mention: str | None = None
    object_mention: str | None = None

    def __post_init__(self):
        if self.date_precision is not None and self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date_precision {self.date_precision!r}; use one of {', '.join(DATE_PRECISIONS)}")
        if self.date is None:
            if self.date_precision is not None:
                raise ValueError(f"date_precision {self.date_precision!r} is given without a date")
            return
        shape = date_precision_of(self.date)
        if shape is None:
            raise ValueError(f"date {self.date!r} is not an ISO date at a precision kg knows "
                             "(YYYY-MM-DD, YYYY-MM or YYYY)")
        if self.date_precision is None:
            object.__setattr__(self, "date_precision", shape)
        elif self.date_precision != shape:
            raise ValueError(f"date {self.date!r} is written at {shape} precision but date_precision is "
                             f"{self.date_precision!r}: write it as {_PRECISION_SHAPE[self.date_precision]}")

    @property
    def undated(self) -> bool:
        """An event the text puts in the past without a date: the article's date is not its date."""
        return self.plover is not None and self.date is None and self.article_date is not None

    @property
    def asserted(self) -> bool:
        """True when the fact is stated as real: not negated, not hypothetical or planned."""
        return not self.negated and self.modality in ("asserted", "reported")

    def to_dict(self) -> dict:
        """The relation record: one line of ``kg extract --format jsonl`` (see the README)."""
        return self.to_record()

    def to_record(self) -> dict:
        return {
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.to_record(),
            "predicate": self.predicate,
            "plover": self.plover,
            "mode": self.mode,
            "cameo": self.cameo,
            "object": self.object.to_record(),
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "date": self.date,
            "date_precision": self.date_precision,
            "article_date": self.article_date,
            "location": self.location.to_record() if self.location else None,
            "extractor": self.extractor,
            "subject_mention": self.subject_mention,
            "object_mention": self.object_mention,
        }


def entity_from_record(rec: dict) -> Entity:
    return Entity(
        id=rec["id"],
        label=rec["label"],
        type=rec.get("type") or "Topic",
        aliases=tuple(rec.get("aliases") or ()),
        wikidata=rec.get("wikidata"),
        country=rec.get("country"),
        sector=rec.get("sector"),
    )


def relation_from_record(rec: dict) -> Relation:
    return Relation(
        doc=rec["doc"],
        sentence=rec.get("sentence", ""),
        start=int(rec.get("start", 0)),
        end=int(rec.get("end", 0)),
        subject=entity_from_record(rec["subject"]),
        predicate=rec["predicate"],
        object=entity_from_record(rec["object"]),
        plover=rec.get("plover"),
        mode=rec.get("mode"),
        cameo=rec.get("cameo"),
        negated=bool(rec.get("negated", False)),
        modality=rec.get("modality", "asserted"),
        confidence=float(rec.get("confidence", 0.5)),
        date=rec.get("date"),
        extractor=rec.get("extractor", "rules"),
        date_precision=rec.get("date_precision"),
        article_date=rec.get("article_date"),
        location=entity_from_record(rec["location"]) if rec.get("location") else None,
        subject_mention=rec.get("subject_mention"),
        object_mention=rec.get("object_mention"),
    )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    relations: tuple[Relation, ...] = ()
    entities: tuple[Entity, ...] = field(default=())
