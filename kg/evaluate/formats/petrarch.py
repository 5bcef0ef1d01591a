"""PETRARCH2's validation sentences: CAMEO event codes between actors named by code.

PETRARCH names actors by code, some with no country; it annotates no static relations, so
those are left out of its score. The extractor runs with the suite's fictional-actor
dictionary as a user gazetteer, and CAMEO codes are mapped to PLOVER types by the
CAMEO2PLOVER table, both found below ``KG_SHARED``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import GoldError
from ...model import Document
from ..goldsets import GoldSet, Options, first_record, jsonl, register, shared_file
from ..matching import Fact, Ref, country_code
from ..scoring import Level, cameo_scheme, plover_scheme, root_scheme

if TYPE_CHECKING:
    from ...model import Entity

PETRARCH_LEVELS = (Level("cameo", cameo_scheme, "country"), Level("root", root_scheme, "country"),
                   Level("plover", plover_scheme, "country"))
ACTORS = "gold/petrarch/PETR.Validate.actors.txt"  # below KG_SHARED
CAMEO2PLOVER = "reference/CAMEO2PLOVER-2021.txt"


def code3(code: str | None) -> str | None:
    """The country part of an actor code: its first three letters (``IGOEEU`` → ``IGO``), if letters."""
    code = (code or "").strip().lstrip("~").upper()[:3]
    return code if len(code) == 3 and code.isalpha() else None


def petrarch_country(entity: Entity) -> str | None:
    # A PETRARCH code's first three letters are the country ("IGOEEU" → IGO).
    return code3(country_code(entity))


def cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER type, from the CAMEO2PLOVER table."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover_of_cameo(code: str | None, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to its parent codes ("1711" → "171" → "17").

    >>> plover_of_cameo("1711", {"17": "COERCE"}), plover_of_cameo("02", {})
    ('COERCE', None)
    """
    code = (code or "").strip()
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def _date(value) -> str | None:
    date = str(value or "")
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None


def read_petrarch(path: Path, actors: Path, cameo_table: Path, name: str = "petrarch") -> GoldSet:
    """PETRARCH2 validation sentences: CAMEO event code with source and target actor codes.

    Scored at country level only (the gold names actors by code), with three type levels:
    the exact CAMEO code, its root (first two digits) and its PLOVER type by the
    CAMEO2PLOVER table (codes the table does not map are left out of that level). An actor
    code's first three letters are its country; a code with no country (``---GOV``) or a
    missing source or target is a wildcard, and such an event is optional. The extractor
    runs with the fictional-actor dictionary as a user gazetteer.
    """
    table = cameo_to_plover(cameo_table)
    docs, facts = [], []
    for number, rec in jsonl(path):
        if "text" not in rec:
            raise GoldError(f"{path}:{number}: a PETRARCH record needs 'text'")
        doc = f"{rec.get('id') or 'petrarch'}#{number}"  # ids repeat in the suite
        docs.append(Document(id=doc, text=rec["text"], date=_date(rec.get("date")), source=str(path)))
        for ev in rec.get("events") or []:
            code = ev.get("eventcode")
            if not code:
                continue
            src, tgt = code3(ev.get("sourcecode")), code3(ev.get("targetcode"))
            plover = plover_of_cameo(code, table)
            facts.append(Fact(doc=doc, subject=(Ref(frozenset(), country=src),) if src else (),
                              object=(Ref(frozenset(), country=tgt),) if tgt else (),
                              plovers=(plover,) if plover else (), cameo=code,
                              optional=not (src and tgt)))
    return GoldSet(name, str(path), docs, facts, PETRARCH_LEVELS, gazetteers=(actors,),
                   country=petrarch_country)


def _sniff(head: str) -> bool:
    rec = first_record(head)
    return rec is not None and "events" in rec and "text" in rec


@register("petrarch", sniff=_sniff)
def read(path: Path, name: str, options: Options) -> GoldSet:
    """PETRARCH unit-test JSONL: CAMEO event codes between actor codes"""
    return read_petrarch(path, shared_file(ACTORS, name), shared_file(CAMEO2PLOVER, name), name=name)
