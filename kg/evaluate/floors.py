"""Regression floors: the least each overall figure of each set may be (``kg eval --check-floors``).

kg's floors ship with its gold (:data:`FLOORS_FILE`); after measuring an improvement,
``kg eval all --update-floors`` sets them a little below the new figures, and a floor that
goes down says so (docs/evaluation.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

from ..errors import GoldError
from ..files import atomic_write_text
from .goldsets import GOLD_DIR
from .scoring import Report

__all__ = ["FLOORS_FILE", "METRICS", "below_floors", "check_floors_file", "figures", "floor_of", "read_floors",
           "update_floors", "update_floors_file", "write_floors"]

FLOORS_FILE = GOLD_DIR / "floors.json"
METRICS = ("precision", "recall", "f1")


def read_floors(path: str | Path = FLOORS_FILE) -> dict:
    """The regression floors: ``{set: {level: {precision, recall, f1}}}``; empty when there is no file."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the floors ({exc})") from None
    return {k: v for k, v in data.items() if not k.startswith("_")}


def figures(report: Report) -> dict[str, dict[str, float]]:
    """``{level: {precision, recall, f1}}`` of a report's overall rows."""
    return {lv.name: {m: getattr(lv.overall, m) for m in METRICS} for lv in report.levels}


def below_floors(report: Report, floors: dict) -> list[str]:
    """Every overall figure of a report that is below its floor, as readable lines."""
    out = []
    have = figures(report)
    for level, metrics in floors.get(report.name, {}).items():
        for m, floor in metrics.items():
            value = have.get(level, {}).get(m)
            if value is None:
                out.append(f"{report.name}/{level}: no such level in the report (floor {m} {floor})")
            elif value < floor:
                out.append(f"{report.name}/{level} {m} {value:.4f} is below its floor {floor:.4f}")
    return out


def floor_of(value: float) -> float:
    """A floor a little below a figure: 0.02 less, or a tenth less when the figure is small.

    >>> floor_of(0.75), floor_of(0.05), floor_of(0.0)
    (0.73, 0.045, 0.0)
    """
    return max(0.0, math.floor((value - min(0.02, value / 10)) * 1000) / 1000)


def update_floors(reports: Sequence[Report], floors: dict) -> tuple[dict, list[str]]:
    """The floors set a little below each current figure (see :func:`floor_of`).

    Returns the new floors and a line per change; a floor that goes down says so, since
    lowering one accepts a regression (the file's diff shows it in review).
    """
    new = json.loads(json.dumps(floors))
    changes = []
    for rep in reports:
        for level, metrics in figures(rep).items():
            for m, value in metrics.items():
                floor = floor_of(value)
                old = new.get(rep.name, {}).get(level, {}).get(m)
                if old != floor:
                    new.setdefault(rep.name, {}).setdefault(level, {})[m] = floor
                    how = "LOWERED" if old is not None and floor < old else "raised" if old is not None else "set"
                    changes.append(f"{rep.name}/{level} {m}: {old if old is not None else '-'} -> {floor} ({how})")
    return new, changes


def check_floors_file(reports: Sequence[Report], path: str | Path = FLOORS_FILE) -> list[str]:
    """Every figure of the reports below its floor in the file at ``path`` (``kg eval --check-floors``)."""
    floors = read_floors(path)
    return [line for r in reports for line in below_floors(r, floors)]


def update_floors_file(reports: Sequence[Report], path: str | Path = FLOORS_FILE) -> list[str]:
    """Set the floors in the file at ``path`` a little below the reports' figures; a line per change."""
    new, changes = update_floors(reports, read_floors(path))
    write_floors(new, path)
    return changes


def write_floors(floors: dict, path: str | Path = FLOORS_FILE) -> None:
    data = {"_comment": "Regression floors for kg eval (overall precision/recall/F1 per set and level). "
                        "Update with: kg eval all --update-floors (see docs/evaluation.md)"}
    data.update({k: floors[k] for k in sorted(floors)})
    atomic_write_text(path, json.dumps(data, indent=1, sort_keys=False) + "\n")
