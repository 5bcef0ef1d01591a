"""Event counts over time: per period and pair, by quad class, with the Goldstein sum and mean.

What conflict researchers compute first from GDELT or ICEWS: how many events a month (or
day, week, year) between two countries or actors, split into verbal and material
cooperation and conflict, and the mean Goldstein weight. Events are those of
:mod:`kg.events`, one per real event however many articles report it.

An event counts in the periods its date can be placed in: an event known only to the
month is in the monthly and yearly series, not in the daily or weekly ones (the report's
notes say how many were left out so).

    >>> period_of("2019-03-05", "day", "week"), period_of("2019-03", "month", "day")
    ('2019-W10', None)
"""

from __future__ import annotations

import datetime
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import Report
from .errors import QueryError
from .events import goldstein, read_events
from .netgraph import QUAD_CLASS, QUAD_CLASSES, GraphFilter, entity_descriptions

PERIODS = ("day", "week", "month", "year")
LEVELS = ("entity", "country")
MEASURES = ("counts", "goldstein")
# Periods an event dated at some precision can be counted in.
_FITS = {"day": set(PERIODS), "month": {"month", "year"}, "year": {"year"}}
COLUMNS = ["period", "a", "b", "events", *QUAD_CLASSES, "goldstein_sum", "goldstein_mean"]


def period_of(date: str | None, precision: str | None, by: str) -> str | None:
    """The period (``2019-03-05``, ``2019-W10``, ``2019-03``, ``2019``) a date falls in, or None
    when the date is unknown or coarser than the period."""
    if not date or by not in _FITS.get(precision or "day", ()):
        return None
    if by == "day":
        return date
    if by == "week":
        year, week, _ = datetime.date.fromisoformat(date).isocalendar()
        return f"{year}-W{week:02d}"
    return date[:7] if by == "month" else date[:4]


def period_start(period: str) -> datetime.date:
    """The first day of a period written by :func:`period_of`."""
    if "-W" in period:
        year, week = period.split("-W")
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(x) for x in period.split("-")]
    return datetime.date(*(parts + [1] * (3 - len(parts))))


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last``, both included, so gaps show as zeros."""
    out, day, end = [], period_start(first), period_start(last)
    while day <= end:
        out.append(period_of(day.isoformat(), "day", by))
        if by in ("day", "week"):
            day += datetime.timedelta(days=1 if by == "day" else 7)
        elif by == "month":
            day = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        else:
            day = day.replace(year=day.year + 1)
    return out


@dataclass
class Series:
    """The rows of a series and what they count, for the table and the plot."""

    report: Report
    by: str
    level: str
    pair: tuple[str, str] | None = None  # the names of the one pair asked for
    totals: list[dict] = field(default_factory=list)  # one row a period, every pair added up, gaps filled


def _resolve_pair(store, pair, level: str, entities: dict) -> tuple[str, str]:
    from .query import resolve_entity

    def one(name: str) -> str:
        if level == "country" and len(name) == 3 and name.isalpha() and name.isupper():
            return name
        iri = resolve_entity(store, name).value
        if level == "entity":
            return iri
        country = (entities.get(iri) or {}).get("country")
        if not country:
            raise QueryError(f"{name!r} has no country in the store; give an ISO 3166 alpha-3 code such as CHN, "
                             "or use --level entity")
        return country

    a, b = (one(n) for n in pair)
    return a, b


@dataclass(frozen=True)
class _Level:
    """What a side of a pair is at a level: an entity (IRI, named by its label) or a country code."""

    level: str
    entities: dict

    def side(self, iri: str) -> str | None:
        return iri if self.level == "entity" else (self.entities.get(iri) or {}).get("country")

    def name(self, x: str) -> str:
        return (self.entities.get(x) or {}).get("label", x) if self.level == "entity" else x


def series(store, *, by: str = "month", level: str = "entity", pair: tuple[str, str] | None = None,
           plover: tuple[str, ...] = (), directed: bool = False, since: str | None = None,
           until: str | None = None) -> Series:
    """Events a period and pair, by quad class, with the Goldstein sum and mean.

    ``level="country"`` counts an actor for its country (a leader for the state, a city for
    its country); events of actors without one are left out. Pairs are unordered unless
    ``directed``: (actor, recipient) then. ``pair`` keeps the events between two entities or
    countries (labels, aliases, QIDs, IRIs, or ISO codes at the country level) and fills the
    periods without events with zeros. ``plover`` keeps PLOVER types or quad classes.
    """
    if by not in PERIODS:
        raise QueryError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    where = GraphFilter(plover=tuple(plover), since=since, until=until)
    if "static" in where.plover:
        raise QueryError("--plover static: static relations are not events; give a PLOVER type or a quad class")
    sides = _Level(level, entity_descriptions(store))
    wanted = _resolve_pair(store, pair, level, sides.entities) if pair else None
    cells, span, coarse, no_country = _tally(read_events(store), where, sides, wanted, by, directed)
    name = sides.name
    rows = [_row(period, name(a), name(b), c) for (period, a, b), c in cells.items()]
    if wanted and span:
        a, b = wanted if directed or name(wanted[0]) <= name(wanted[1]) else wanted[::-1]
        have = {r["period"]: r for r in rows}
        rows = [have.get(p) or _row(p, name(a), name(b), _empty()) for p in periods_between(*span, by)]
    rows.sort(key=lambda r: (r["period"], -r["events"], r["a"], r["b"]))
    notes = ["one count per real event, however many articles report it; "
             + ("directed: actor, then recipient" if directed else "both directions of a pair added up")]
    if where.describe():
        notes.append("filtered by " + "; ".join(where.describe()))
    if coarse:
        notes.append(f"{coarse} events dated less precisely than a {by} (or not dated) are left out")
    if no_country and not wanted:
        notes.append(f"{no_country} events with an actor or recipient of no known country are left out")
    totals = _totals(cells, span, by)
    summary = {"by": by, "level": level, "events": sum(r["events"] for r in rows), "periods": len(totals)}
    named = (name(wanted[0]), name(wanted[1])) if wanted else None
    if named:
        summary["pair"] = " – ".join(named)
    return Series(Report("series", list(COLUMNS), rows, notes, summary), by, level, named, totals)


def _tally(events, where: GraphFilter, sides: _Level, wanted, by: str, directed: bool):
    """(cells by (period, a, b), (first, last) period of all the kept events whatever their pair,
    events too coarsely dated, events without a country).

    A pair's series spans the periods of the whole store, so that it shows when the pair
    was quiet, not only when it was not.
    """
    cells: dict[tuple, dict] = {}
    periods: set[str] = set()
    coarse = no_country = 0
    for ev in events:
        if not _kept(ev, where):
            continue
        period = period_of(ev.date, ev.date_precision, by)
        if period is not None:
            periods.add(period)
        a, b = (sides.side(x) for x in ev.direction)
        if a is None or b is None:
            no_country += 1
            continue
        if wanted and ((a, b) != wanted if directed else {a, b} != set(wanted)):
            continue
        if period is None:
            coarse += 1
            continue
        if not directed and sides.name(b) < sides.name(a):
            a, b = b, a
        _count(cells.setdefault((period, a, b), _empty()), ev)
    return cells, (min(periods), max(periods)) if periods else None, coarse, no_country


def _empty() -> dict:
    return {"events": 0, **dict.fromkeys(QUAD_CLASSES, 0), "weights": []}


def _kept(ev, where: GraphFilter) -> bool:
    if where.plover and not {ev.plover, QUAD_CLASS[ev.plover]} & set(where.plover):
        return False
    if not (where.since or where.until):
        return True
    start = period_start(ev.date).isoformat() if ev.date else None
    return start is not None and not (where.since and start < where.since) and not (where.until and start > where.until)


def _count(cell: dict, ev) -> None:
    cell["events"] += 1
    cell[QUAD_CLASS[ev.plover]] += 1
    weight = goldstein(ev.most_common("cameo"))
    if weight is not None:
        cell["weights"].append(weight)


def _row(period: str, a: str, b: str, c: dict) -> dict:
    weights = c["weights"]
    return {"period": period, "a": a, "b": b, "events": c["events"], **{q: c[q] for q in QUAD_CLASSES},
            "goldstein_sum": round(sum(weights), 2) if weights else 0.0,
            "goldstein_mean": round(sum(weights) / len(weights), 3) if weights else None}


def _totals(cells: dict[tuple, dict], span: tuple[str, str] | None, by: str) -> list[dict]:
    """Every pair added up, one row a period over the span, gaps as zeros."""
    per: dict[str, dict] = defaultdict(_empty)
    for (period, _, _), c in cells.items():
        t = per[period]
        for k in ("events", *QUAD_CLASSES):
            t[k] += c[k]
        t["weights"] += c["weights"]
    if not span:
        return []
    out = []
    for p in periods_between(*span, by):
        row = _row(p, "", "", per.get(p) or _empty())
        out.append({k: row[k] for k in ("period", "events", *QUAD_CLASSES, "goldstein_mean")})
    return out


# ------------------------------------------------------------------ the plot

QUAD_COLOUR = {"verbal cooperation": "#6baed6", "material cooperation": "#2171b5",
               "verbal conflict": "#fd8d3c", "material conflict": "#cb181d"}


def plot(s: Series, path: str | Path, *, measure: str = "counts") -> Path:
    """Draw the series (every pair added up) to a PNG or SVG file with matplotlib.

    ``measure="counts"``: one line per quad class; ``"goldstein"``: the mean Goldstein
    weight of each period's events. The title says what was counted.
    """
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise QueryError(f"--plot {path}: give a file name ending in .png or .svg")
    if measure not in MEASURES:
        raise QueryError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    try:
        import matplotlib
    except ImportError:
        raise QueryError("--plot needs matplotlib: pip install 'kg[plot]'") from None
    # A Figure without pyplot: files only, no display, no GUI backend to load.
    import matplotlib.dates
    from matplotlib.figure import Figure

    xs = [period_start(t["period"]) for t in s.totals]
    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 10}):  # SVG text stays text
        fig = Figure(figsize=(10, 4.8), dpi=110)
        ax = fig.subplots()
        if measure == "counts":
            for q in QUAD_CLASSES:
                (line,) = ax.plot(xs, [t[q] for t in s.totals], marker="o", markersize=3, linewidth=1.8,
                                  color=QUAD_COLOUR[q], label=q)
                line.set_gid(q.replace(" ", "-"))
            ax.set_ylabel("events")
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.legend(loc="upper left", frameon=False)
        else:
            # a period without events has no mean: the line breaks there (NaN) instead of bridging it
            means = [float("nan") if t["goldstein_mean"] is None else t["goldstein_mean"] for t in s.totals]
            (line,) = ax.plot(xs, means, marker="o", markersize=3, linewidth=1.8, color="#444444",
                              label="Goldstein mean")
            line.set_gid("goldstein-mean")
            ax.axhline(0, color="#999999", linewidth=0.8)
            ax.set_ylim(-10.5, 10.5)
            ax.set_ylabel("mean Goldstein weight (−10 conflict … +10 cooperation)")
        ax.set_xlabel(s.by)
        if len(xs) == 1:  # one period: give the point some room
            ax.set_xlim(xs[0] - datetime.timedelta(days=30), xs[0] + datetime.timedelta(days=30))
        elif xs:  # the whole span, also where no period has a Goldstein mean
            pad = (xs[-1] - xs[0]) / 40
            ax.set_xlim(xs[0] - pad, xs[-1] + pad)
        locator = _locator(s.by, len(xs))
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
        ax.set_title(_title(s, measure), loc="left")
        ax.grid(True, color="#eeeeee")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, metadata={"Title": _title(s, measure)})
    return path


def _locator(by: str, n: int):
    """Ticks on whole periods: a month series is not ticked by the week."""
    import matplotlib.dates as mdates

    step = max(1, math.ceil(n / 12))
    if by == "year":
        return mdates.YearLocator(step)
    if by == "month":
        return mdates.MonthLocator(interval=step)
    return mdates.AutoDateLocator(maxticks=12)


def _title(s: Series, measure: str) -> str:
    who = f"{s.pair[0]} – {s.pair[1]}" if s.pair else f"all {'country pairs' if s.level == 'country' else 'pairs'}"
    what = "events by quad class" if measure == "counts" else "mean Goldstein weight of the events"
    n = s.report.summary.get("events", 0)
    return f"{who}: {what} a {s.by}\n{n} events, each counted once however many articles report it"


def to_json(s: Series) -> str:
    return json.dumps({"series": s.report.rows, "totals": s.totals, "notes": s.report.notes,
                       "summary": s.report.summary}, ensure_ascii=False, indent=1)
