"""kg's own gold format (``kg/evaluate/gold/*.jsonl``, and any file written the same way).

One JSON object a line, of three kinds; ``#`` lines and blank lines are skipped::

    {"document": "lee-beijing", "source": "corpus/lee-beijing.txt"}
    {"entity": "KOR", "label": "South Korea", "type": "Country", "wikidata": "Q884",
     "country": "KOR", "aliases": ["Republic of Korea"]}
    {"doc": "lee-beijing", "subject": "lee", "predicate": "visits", "plover": "CONSULT",
     "cameo": "042", "object": ["CHN", "beijing"], "note": "his state visit"}

A ``document`` line names a document and where its text is: a path relative to
``KG_SHARED`` (else to the gold file), a text file or a JSONL corpus holding that id.
An ``entity`` line defines a key. A fact line gives ``doc``, ``subject``, ``object``
(a key, an inline entity object, or a list of them: alternatives), ``predicate`` (a
name or a list), and for events ``plover`` (a type or a list) and optionally ``cameo``;
then optionally ``negated`` (false), ``modality`` (asserted), ``symmetric``,
``optional`` (false) and ``note``. Gold files quote no article text: documents are
referred to by id and entities by label, QID and country.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import GoldError, InputError
from ...ingest import read_inputs
from ..goldsets import GoldSet, Options, first_record, register, shared_root
from ..matching import MODALITIES, PLOVER_TYPES, STATIC_PREDICATES, SYMMETRIC_PREDICATES, Fact, Ref
from ..scoring import Level, predicate_scheme, type_scheme

if TYPE_CHECKING:
    from ...model import Document

MATCHES = ("type", "predicate")


def _entity_ref(obj: dict, where: str) -> Ref:
    label = obj.get("label")
    if not isinstance(label, str) or not label.strip():
        raise GoldError(f"{where}: an entity needs a 'label'")
    aliases = obj.get("aliases") or []
    if not isinstance(aliases, list):
        raise GoldError(f"{where}: 'aliases' must be a list of names")
    typ = obj.get("type")
    country = "IGO" if typ == "InternationalOrganization" else obj.get("country")
    return Ref.of(label, aliases, obj.get("wikidata"), country, key=obj.get("entity") or label,
                  state=typ == "Country")


def _listed(value, what: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise GoldError(f"{where}: {what!r} must be a name or a list of names, got {value!r}")
    return tuple(values)


class _Lines:
    """The lines of a gold file sorted into its three kinds, each kept with where it stands."""

    def __init__(self, path: Path):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
        self.entities: dict[str, Ref] = {}
        self.sources: dict[str, tuple[str, int]] = {}
        self.facts: list[tuple[dict, str]] = []
        for number, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                self._add(line, f"{path}:{number}", number)

    def _add(self, line: str, where: str, number: int) -> None:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{where}: each line must be a JSON object")
        if "document" in obj:
            if not isinstance(obj.get("source"), str):
                raise GoldError(f"{where}: a document line needs a 'source' (a path relative to KG_SHARED)")
            self.sources[str(obj["document"])] = (obj["source"], number)
        elif "entity" in obj:
            self.entities[str(obj["entity"])] = _entity_ref(obj, where)
        elif "doc" in obj:
            self.facts.append((obj, where))
        else:
            raise GoldError(f"{where}: a line needs 'document', 'entity' or 'doc' (a fact); see the gold format "
                            f"in docs/evaluation.md")

    def side(self, value, where: str) -> tuple[Ref, ...]:
        values = value if isinstance(value, list) else [value]
        if not values:
            raise GoldError(f"{where}: an empty list of alternatives")
        out = []
        for v in values:
            if isinstance(v, dict):
                out.append(_entity_ref(v, where))
            elif isinstance(v, str) and v in self.entities:
                out.append(self.entities[v])
            else:
                raise GoldError(f"{where}: unknown entity {v!r}; define it with an 'entity' line first")
        return tuple(out)

    def fact(self, obj: dict, where: str) -> Fact:
        doc = str(obj["doc"])
        if doc not in self.sources:
            raise GoldError(f"{where}: document {doc!r} has no 'document' line naming its source")
        predicates = _listed(obj.get("predicate"), "predicate", where)
        plovers = _listed(obj.get("plover"), "plover", where)
        if not predicates:
            raise GoldError(f"{where}: a fact needs a 'predicate'")
        bad = [p for p in plovers if p not in PLOVER_TYPES]
        if bad:
            raise GoldError(f"{where}: unknown PLOVER type {bad[0]!r}; one of {', '.join(PLOVER_TYPES)}")
        if not plovers and not set(predicates) <= set(STATIC_PREDICATES):
            raise GoldError(f"{where}: {predicates[0]!r} is not a static relation ({', '.join(STATIC_PREDICATES)}); "
                            f"an event needs a 'plover' type")
        modality = obj.get("modality", "asserted")
        if modality not in MODALITIES:
            raise GoldError(f"{where}: unknown modality {modality!r}; one of {', '.join(MODALITIES)}")
        symmetric = obj.get("symmetric", any(p in SYMMETRIC_PREDICATES for p in predicates))
        return Fact(doc=doc, subject=self.side(obj.get("subject"), where), object=self.side(obj.get("object"), where),
                    predicates=predicates, plovers=plovers, cameo=obj.get("cameo"),
                    symmetric=bool(symmetric), optional=bool(obj.get("optional", False)),
                    negated=bool(obj.get("negated", False)), modality=modality)


def read_gold(path: str | Path, *, match: str = "type") -> GoldSet:
    """Read a gold file in kg's format (see the module doc) and the documents it names.

    ``match`` is ``type`` (events compared by PLOVER type) or ``predicate`` (by ontology
    predicate); see :mod:`kg.evaluate.matching`.
    """
    if match not in MATCHES:
        raise GoldError(f"unknown match {match!r}; use 'type' or 'predicate'")
    path = Path(path)
    lines = _Lines(path)
    facts = [lines.fact(obj, where) for obj, where in lines.facts]
    documents = _read_documents(path, lines.sources)
    scheme = type_scheme if match == "type" else predicate_scheme
    levels = (Level("entity", scheme, "entity"), Level("country", scheme, "country"))
    return GoldSet(path.stem, str(path), documents, facts, levels)


def _read_documents(gold_path: Path, sources: dict[str, tuple[str, int]]) -> list[Document]:
    by_source: dict[Path, list[str]] = defaultdict(list)
    for doc_id, (source, number) in sources.items():
        candidates = [shared_root() / source, gold_path.parent / source]
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            raise GoldError(f"{gold_path}:{number}: the source {source!r} of document {doc_id!r} is not in "
                            f"{shared_root()}; set KG_SHARED to the shared data folder")
        by_source[found].append(doc_id)
    docs: dict[str, Document] = {}
    for source, ids in by_source.items():
        wanted = set(ids)
        try:
            for d in read_inputs([source]):
                if d.id in wanted:
                    docs[d.id] = d
        except InputError as exc:
            raise GoldError(f"{gold_path}: cannot read {source} ({exc})") from None
        missing = wanted - set(docs)
        if missing:
            raise GoldError(f"{gold_path}: no document with id {min(missing)!r} in {source}")
    return [docs[d] for d in sources]


def _sniff(head: str) -> bool:
    rec = first_record(head)
    return rec is not None and any(k in rec for k in ("document", "entity", "doc"))


@register("kg", sniff=_sniff)
def read(path: Path, name: str, options: Options) -> GoldSet:
    """kg's gold JSONL: documents by id, entities by label, QID and country, events and static relations"""
    return read_gold(path, match=options.match)
