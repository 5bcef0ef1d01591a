"""Running a measurement: predictions for a gold set (extracted, or read from a file),
scored at each of its levels, and the reports as a table or an explanation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GoldError
from ..files import atomic_write_text
from ..model import relation_from_record
from ..rows import table
from .goldsets import GoldSet
from .matching import fact_from_relation
from .scoring import Report, score, types_found
from .sets import load

if TYPE_CHECKING:
    from ..model import Entity, Relation

__all__ = ["evaluate", "export_documents", "format_explanation", "format_table", "predict", "read_predictions",
           "run", "write_documents"]


def predict(gs: GoldSet, *, extractor: str = "rules", gazetteer: Iterable[str | Path] = ()) -> list[Relation]:
    """Run an extractor over the set's documents (with the set's own actor files, if any)."""
    # The pipeline (spaCy, the gazetteer) loads only when predictions are extracted, not read.
    from ..pipeline import extract_documents, load_gazetteer

    g = load_gazetteer([*gs.gazetteers, *gazetteer])
    return [r for ex in extract_documents(gs.documents, extractor=extractor, gazetteer=g) for r in ex.relations]


def read_predictions(path: str | Path) -> list[Relation]:
    """Relation records (``kg extract --format jsonl``) from a file."""
    path = Path(path)
    out = []
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the predictions ({exc})") from None
    with fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(relation_from_record(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
                raise GoldError(f"{path}:{number}: not a relation record ({type(exc).__name__}: {exc}); "
                                f"write them with kg extract --format jsonl") from None
    return out


def evaluate(gs: GoldSet, relations: Iterable[Relation], *, all_facts: bool = False) -> Report:
    """Score relation records against a gold set, at each of its levels.

    At country level a person without a country whom an asserted fact of the same document
    makes the leader or an official of an international organisation counts as ``IGO``.
    """
    doc_ids = {d.id for d in gs.documents}
    relations = list(relations)
    inside = [r for r in relations if r.doc in doc_ids]
    staff = {(r.doc, r.subject.id) for r in inside if r.asserted and r.predicate in ("leaderOf", "worksFor")
             and r.subject.type == "Person" and r.object.type == "InternationalOrganization"}

    def country(doc: str) -> Callable[[Entity], str | None]:
        def code(e: Entity) -> str | None:
            found = gs.country(e)
            return "IGO" if found is None and (doc, e.id) in staff else found
        return code

    predicted = [fact_from_relation(r, country(r.doc)) for r in inside]
    notes = []
    if len(inside) < len(relations):
        notes.append(f"{len(relations) - len(inside)} relation records name documents outside this set "
                     "and were ignored")
    levels = [score(gs.facts, predicted, lv, all_facts=all_facts) for lv in gs.levels]
    return Report(gs.name, len(gs.documents), len(gs.facts), len(inside), levels, notes,
                  types_found(gs.facts, inside))


def run(name_or_path: str | Path, *, predictions: str | Path | None = None, extractor: str = "rules",
        gazetteer: Iterable[str | Path] = (), match: str = "type", all_facts: bool = False) -> Report:
    """Load a gold set, get predictions (run the extractor, or read them) and score them.

    >>> import pathlib
    >>> from kg.evaluate import run
    >>> _ = pathlib.Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> _ = pathlib.Path("gold.jsonl").write_text(
    ...     '{"document": "visit", "source": "visit.txt"}\\n'
    ...     '{"doc": "visit", "subject": {"label": "Justin Trudeau"}, "predicate": "visits", '
    ...     '"plover": "CONSULT", "object": {"label": "Tokyo"}}\\n')
    >>> report = run("gold.jsonl")
    >>> report.level("entity").overall.f1, report.level("country").left_out
    (1.0, 1)
    """
    gs = load(name_or_path, match=match)
    rels = read_predictions(predictions) if predictions else predict(gs, extractor=extractor, gazetteer=gazetteer)
    return evaluate(gs, rels, all_facts=all_facts)


def export_documents(gs: GoldSet) -> str:
    """The set's documents as a JSONL corpus, to extract from with another tool or extractor."""
    return "".join(json.dumps({"id": d.id, "text": d.text, **({"date": d.date} if d.date else {})},
                              ensure_ascii=False) + "\n" for d in gs.documents)


def write_documents(name_or_path: str | Path, path: str | Path, *, match: str = "type") -> GoldSet:
    """Write a gold set's documents as a JSONL corpus at ``path`` (``kg eval --export-documents``)."""
    gs = load(name_or_path, match=match)
    atomic_write_text(path, export_documents(gs))
    return gs


def format_explanation(reports: Sequence[Report], level: str | None = None) -> str:
    """The wrong predictions and the missed gold facts of each report, at one level (the first by default)."""
    out = []
    for rep in reports:
        lv = rep.level(level) if level else rep.levels[0]
        out.append(f"== {rep.name} ({lv.name} level): {len(lv.wrong)} wrong predictions")
        out += [f"  {line}" for line in lv.wrong]
        out.append(f"== {rep.name} ({lv.name} level): {len(lv.missed)} missed gold facts")
        out += [f"  {line}" for line in lv.missed]
    return "\n".join(out)


def _cell(x: float, denominator: int) -> str:
    return f"{x:.3f}" if denominator else "-"


def _summary(rep: Report) -> str:
    left_out = "".join(f"; {lv.left_out} gold facts left out at {lv.name} level (no country, or a type it "
                       f"cannot express)" for lv in rep.levels if lv.left_out)
    return f"{rep.name}: {rep.documents} documents, {rep.gold_facts} gold facts, {rep.predictions} predictions" \
        + left_out


def format_table(reports: Sequence[Report]) -> str:
    """The reports as one plain-text table: overall and per-type rows for every level."""
    rows = []
    for rep in reports:
        for lv in rep.levels:
            for t, c in [("ALL", lv.overall), *sorted(lv.by_type.items())]:
                rows.append([rep.name, lv.name, t, _cell(c.precision, c.predicted), _cell(c.recall, c.gold),
                             f"{c.f1:.3f}", f"{c.correct}/{c.predicted}", f"{c.found}/{c.gold}"])
    out = table(["set", "level", "type", "P", "R", "F1", "correct/pred", "found/gold"], rows, 40)
    notes = [_summary(rep) for rep in reports]
    notes += [f"{rep.name}: {n}" for rep in reports for n in rep.notes]
    notes += [f"{rep.name}: gold event type found in {rep.types_found[0]} of {rep.types_found[1]} events "
              f"({rep.types_found[0] / rep.types_found[1]:.0%})" for rep in reports if rep.types_found]
    return out + "\n\n" + "\n".join(notes)
