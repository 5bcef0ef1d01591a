"""Event data as analysts use it: one row per real event, in the shape of GDELT, ICEWS and POLECAT.

kg stores statements, each with its sentence; analysts count events. Here the statements
are grouped into events when the store is read (what makes two statements one event is
written in :mod:`kg.eventkey`), and each event becomes one row of :data:`COLUMNS`, with
the Goldstein weight of its CAMEO code, the number of documents reporting it and its
best sentence. Every statement behind an event stays in the store with its provenance,
and :attr:`Event.reports` lists them.

Negated statements never make an event. By default only the real events (asserted, or
reported in someone's words) are rows; ``include_unasserted`` adds the intended and
hypothetical ones as rows of their own, with their modality, never merged with what
happened.

    >>> goldstein("042"), goldstein("190"), goldstein("0429")  # a visit, an attack, a code CAMEO leaves out
    (1.9, -10.0, 1.9)

docs/events.md sets the columns beside GDELT 2.0 Events, ICEWS and POLECAT.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import FormatError
from .eventkey import REAL, EventKey, event_date, event_id, event_key
from .namespaces import local_name
from .netgraph import QUAD_CLASS, entity_descriptions
from .queries import sparql
from .rows import csv_safe

COLUMNS = (
    "event_id", "date", "date_precision",
    "actor", "actor_id", "actor_wikidata", "actor_country", "actor_sector",
    "recipient", "recipient_id", "recipient_wikidata", "recipient_country", "recipient_sector",
    "plover", "mode", "cameo", "quad_class", "goldstein", "modality", "location", "location_country",
    "sources", "urls", "first_seen", "last_seen", "evidence",
)
URL_SEPARATOR = " "  # between the URLs of the urls column in CSV (a URL holds no space)


# ------------------------------------------------------------------ Goldstein weights

@cache
def goldstein_weights() -> dict[str, float]:
    """CAMEO code → Goldstein weight, from kg/data/cameo_goldstein.tsv (GDELT's lookup table)."""
    text = resources.files("kg.data").joinpath("cameo_goldstein.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith(("#", "CAMEO")):
            code, weight = line.split("\t")
            out[code] = float(weight)
    return out


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein weight of a CAMEO code, or of its nearest parent code the table has."""
    weights = goldstein_weights()
    code = cameo or ""
    while code and code not in weights:
        code = code[:-1]
    return weights.get(code) if code else None


# ------------------------------------------------------------------ statements → events

@dataclass(frozen=True)
class Report:
    """One statement behind an event: who said it where, with which words."""

    statement: str  # the statement's IRI
    doc: str
    url: str | None
    sentence: str
    start: int
    confidence: float
    predicate: str
    actor: str
    recipient: str
    mode: str | None
    cameo: str | None
    modality: str
    article_date: str | None
    location: str | None  # the place entity's IRI


@dataclass(frozen=True)
class Event:
    """One real (or, when asked for, planned or hypothetical) event and the reports of it, best first."""

    id: str
    key: EventKey
    date: str | None  # ISO text at its precision
    date_precision: str | None
    reports: tuple[Report, ...]

    @property
    def plover(self) -> str:
        return self.key.plover

    @property
    def direction(self) -> tuple[str, str]:
        """(actor, recipient): as the reports say; for a symmetric event, as most of them say it."""
        said = Counter((r.actor, r.recipient) for r in self.reports)
        return max(said, key=said.get)  # ties: the best report's

    @property
    def sources(self) -> int:
        return len({r.doc for r in self.reports})

    @property
    def urls(self) -> list[str]:
        return sorted({r.url for r in self.reports if r.url})

    @property
    def modality(self) -> str:
        if self.key.modality != REAL:
            return self.key.modality
        return "asserted" if any(r.modality == "asserted" for r in self.reports) else "reported"

    def most_common(self, field: str):
        """The value of a report field most reports give (ties: the best report's); None if none does."""
        counts = Counter(v for r in self.reports if (v := getattr(r, field)) is not None)
        return max(counts, key=counts.get) if counts else None


def _text(row, name):
    term = row[name]
    return term.value if term is not None else None


def read_reports(store, *, include_unasserted: bool = False) -> list[tuple[EventKey, str | None, Report]]:
    """Every event statement that is not negated as (event key, date precision, report)."""
    out, seen = [], set()
    for row in store.query(sparql("_event-statements")):
        st = row["st"].value
        modality = row["modality"].value
        if st in seen or (not include_unasserted and modality not in ("asserted", "reported")):
            continue
        seen.add(st)
        plover, predicate = row["plover"].value, local_name(row["p"].value)
        actor, recipient = row["a"].value, row["r"].value
        article = _text(row, "articleDate")
        when, precision = event_date(_text(row, "eventDate"), _text(row, "precision"), article)
        key = event_key(plover, predicate, actor, recipient, when, modality)
        out.append((key, precision, Report(
            statement=st, doc=row["doc"].value, url=_text(row, "url") or _text(row, "cite"),
            sentence=" ".join(row["evidence"].value.split()), start=int(row["start"].value),
            confidence=float(row["conf"].value), predicate=predicate, actor=actor, recipient=recipient,
            mode=_text(row, "mode"), cameo=_text(row, "cameo"), modality=modality, article_date=article,
            location=_text(row, "loc"))))
    return out


def group(reports: Iterable[tuple[EventKey, str | None, Report]]) -> list[Event]:
    """Reports → events, in date order (undated last), each event's reports best first.

    The best report is the most confident; ties go to the earliest article, then to the
    document id and the place in the text, so the choice is the same in every build.
    """
    by_key: dict[EventKey, list[Report]] = defaultdict(list)
    precision: dict[EventKey, str | None] = {}
    for key, prec, report in reports:
        by_key[key].append(report)
        precision[key] = prec
    events = []
    for key, reps in by_key.items():
        reps.sort(key=lambda r: (-r.confidence, r.article_date or "9999", r.doc, r.start, r.statement))
        events.append(Event(event_id(key), key, key.date or None, precision[key], tuple(reps)))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.plover, e.id))
    return events


def read_events(store, *, include_unasserted: bool = False) -> list[Event]:
    """The events of a store (see :mod:`kg.eventkey` for what makes statements one event)."""
    return group(read_reports(store, include_unasserted=include_unasserted))


# ------------------------------------------------------------------ the table

def rows(store, *, include_unasserted: bool = False, events: list[Event] | None = None) -> list[dict]:
    """One dict a event with the keys of :data:`COLUMNS` (``urls`` a list, empty cells None)."""
    events = read_events(store, include_unasserted=include_unasserted) if events is None else events
    entities = entity_descriptions(store)

    def describe(iri):
        return entities.get(iri) or {"label": local_name(iri), "wikidata": None, "country": None, "sector": None}

    out = []
    for ev in events:
        actor, recipient = ev.direction
        a, r = describe(actor), describe(recipient)
        place = ev.most_common("location")
        where = describe(place) if place else {}
        cameo = ev.most_common("cameo")
        best = ev.reports[0]
        dates = sorted(x.article_date for x in ev.reports if x.article_date)
        out.append({
            "event_id": ev.id, "date": ev.date, "date_precision": ev.date_precision,
            "actor": a["label"], "actor_id": actor, "actor_wikidata": a["wikidata"],
            "actor_country": a["country"], "actor_sector": a["sector"],
            "recipient": r["label"], "recipient_id": recipient, "recipient_wikidata": r["wikidata"],
            "recipient_country": r["country"], "recipient_sector": r["sector"],
            "plover": ev.plover, "mode": ev.most_common("mode"), "cameo": cameo,
            "quad_class": QUAD_CLASS.get(ev.plover), "goldstein": goldstein(cameo), "modality": ev.modality,
            "location": where.get("label"), "location_country": where.get("country"),
            "sources": ev.sources, "urls": ev.urls,
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
            "evidence": best.sentence,
        })
    return out


def to_csv(table: list[dict]) -> bytes:
    """The table as CSV: empty cells for None, the URLs separated by spaces, and no text cell
    that a spreadsheet would run as a formula (a leading ``'``, as in kg's other CSV)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in table:
        cells = []
        for c in COLUMNS:
            v = row[c]
            if isinstance(v, list):
                v = URL_SEPARATOR.join(v)
            cells.append("" if v is None else csv_safe(v) if isinstance(v, str) else v)
        w.writerow(cells)
    return buf.getvalue().encode("utf-8")


def to_parquet(table: list[dict]) -> bytes:
    """The table as Parquet (pyarrow): ``urls`` a list of strings, ``first_seen``/``last_seen``
    dates, ``goldstein`` a float, ``sources`` an integer; ``date`` stays text at its precision."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FormatError("the events-parquet export needs pyarrow: pip install 'kg[parquet]' "
                          "(or use --format events for CSV)") from None
    import datetime

    types = {"goldstein": pa.float64(), "sources": pa.int32(), "urls": pa.list_(pa.string()),
             "first_seen": pa.date32(), "last_seen": pa.date32()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    columns = {c: [row[c] for row in table] for c in COLUMNS}
    for c in ("first_seen", "last_seen"):
        columns[c] = [datetime.date.fromisoformat(v) if v else None for v in columns[c]]
    buf = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), buf)
    return buf.getvalue()


def to_jsonl(events: list[Event], table: list[dict]) -> bytes:
    """One JSON object an event: the table's columns and ``reports``, every statement behind it."""
    lines = []
    for ev, row in zip(events, table, strict=True):
        reports = [{"statement": r.statement, "doc": r.doc, "url": r.url, "sentence": r.sentence, "start": r.start,
                    "confidence": r.confidence, "predicate": r.predicate, "actor": r.actor,
                    "recipient": r.recipient, "cameo": r.cameo, "modality": r.modality,
                    "article_date": r.article_date, "location": r.location} for r in ev.reports]
        lines.append(json.dumps({**row, "reports": reports}, ensure_ascii=False))
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8")

