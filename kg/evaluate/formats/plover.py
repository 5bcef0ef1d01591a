"""The PLOVER gold-standard records (GSR): one event a sentence, with actors and recipients.

The GSR has several actors or recipients on some events, mutual events with no recipient,
and codes that are not ISO alpha-3 (see :data:`GSR_CODES`). It annotates no static
relations, so those are left out of its score. Its dev file is split once by a fixed hash
of the record id into a half rules are tuned on and a half that is only measured
(:func:`half`; docs/evaluation.md, "Discipline").
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import GoldError
from ...model import Document
from ..goldsets import GoldSet, Options, first_record, jsonl, register
from ..matching import Fact, Ref, country_code
from ..scoring import PLOVER_LEVELS

if TYPE_CHECKING:
    from ...model import Entity

GSR_HALVES = ("tune", "holdout")
# PLOVER GSR actor codes that are not ISO alpha-3: CAMEO-era country codes, and the
# non-state codes, which are folded into one bucket (NSA) that a predicted organisation
# or group without a country matches. IGO stays IGO (see country_code).
GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "NGO": "NSA", "IMG": "NSA", "ISM": "NSA"}


def gsr_country(entity: Entity) -> str | None:
    """A predicted entity's code as the GSR codes actors: ISO, IGO, or NSA for a group without a country."""
    code = country_code(entity)
    if code is None and entity.type in ("Organization", "Group"):
        return "NSA"
    return code


def half(record_id: str) -> str:
    """The half of the GSR dev split a record belongs to: ``tune`` or ``holdout``.

    The split is fixed (SHA-256 of the id, even or odd), so it never changes with the file's
    order or with new records.

    >>> half("PLOVER-GSR01-AGREE-0003"), half("PLOVER-GSR01-AGREE-0009")
    ('tune', 'holdout')
    """
    return GSR_HALVES[int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2]


def _refs(actors) -> tuple[Ref, ...]:
    out = []
    for a in actors or []:
        code = (a.get("code") or "").upper()
        out.append(Ref.of(a.get("actorText") or "", country=GSR_CODES.get(code, code) or None, loose=True))
    return tuple(out)


def read_plover(path: Path, name: str = "plover", part: str | None = None) -> GoldSet:
    """The PLOVER gold-standard records: one event a sentence, scored by type and actor/recipient country.

    Every actor is an alternative subject and every recipient an alternative object, so an
    event with several actors or recipients is found by any one correct pair. An event
    with two or more actors and no recipient is mutual (the actors act on each other:
    symmetric); one with a single actor and no recipient has a wildcard recipient and is
    optional, since a relation record always has an object. Codes are mapped by
    :data:`GSR_CODES`. With ``part`` (``tune`` or ``holdout``) only that half is read.
    """
    docs, facts = [], []
    for number, rec in jsonl(path):
        if "id" not in rec or "text" not in rec or "event" not in rec:
            raise GoldError(f"{path}:{number}: a GSR record needs 'id', 'text' and 'event'")
        doc = str(rec["id"])
        if part is not None and half(doc) != part:
            continue
        docs.append(Document(id=doc, text=rec["text"], source=str(path)))
        actors, recipients = _refs(rec.get("actor")), _refs(rec.get("recipient"))
        if not actors:
            continue
        mutual = not recipients and len(actors) >= 2
        facts.append(Fact(doc=doc, subject=actors, object=actors if mutual else recipients,
                          plovers=(rec["event"],), symmetric=mutual,
                          optional=not recipients and not mutual))
    return GoldSet(name, str(path), docs, facts, PLOVER_LEVELS, country=gsr_country)


def _sniff(head: str) -> bool:
    rec = first_record(head)
    return rec is not None and "event" in rec and "actor" in rec


@register("plover", sniff=_sniff)
def read(path: Path, name: str, options: Options) -> GoldSet:
    """PLOVER GSR JSONL: one event a sentence, PLOVER type with actor and recipient codes"""
    return read_plover(path, name, part=options.part)
