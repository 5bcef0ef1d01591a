"""Rows of plain values → text: a plain-text table, and CSV cells safe to open in a spreadsheet.

The query results, the analyses, ``kg stats``, ``kg extract``'s table and the Neo4j export
all print through here.

    >>> print(table(["entity", "relations"], [["Canada", 3], ["Japan", 12]]))  # doctest: +NORMALIZE_WHITESPACE
    entity  relations
    ------  ---------
    Canada  3
    Japan   12
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Relation

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table(headers, rows, max_width: int = 60) -> str:
    """A plain-text table, cells cut to ``max_width``."""
    def cut(s: str) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    rows = [[cut(c) for c in r] for r in rows]
    headers = [cut(h) for h in headers]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    if not rows:
        out.append("(no results)")
    return "\n".join(out)


def relations_table(relations: Iterable[Relation], *, show_all: bool = False) -> str:
    """Relation records as ``kg extract`` prints them: asserted ones only, unless ``show_all``."""
    rows = []
    for r in relations:
        if not show_all and not r.asserted:
            continue
        flag = ("NOT " if r.negated else "") + ("" if r.modality == "asserted" else r.modality)
        rows.append([r.doc, r.subject.label, r.predicate, r.object.label, r.plover or "", r.cameo or "",
                     flag, f"{r.confidence:.2f}"])
    return table(["doc", "subject", "predicate", "object", "plover", "cameo", "modality", "conf"], rows, 40)


def csv_safe(value: str) -> str:
    """A text cell that a spreadsheet will not run as a formula (OWASP: prefix a quote)
    and that cannot start a new row.

    >>> csv_safe("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> csv_safe("Xi Jinping")
    'Xi Jinping'
    """
    value = "'" + value if value.startswith(_FORMULA_START) else value
    # Python's csv writer quotes a cell with "\n" but not one with a lone "\r" (when the line
    # ends in "\n"), which readers and spreadsheets then take for a new row: make it "\n".
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value
