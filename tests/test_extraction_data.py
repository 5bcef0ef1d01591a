"""Extraction as data: each line of tests/data/extraction.jsonl is a sentence (written for kg)
with the relations it must and must not give, and each line is one test here.

A line (a JSON object; lines starting with '#' are comments):

    {"id": "...", "from": "the test it was when tests were code", "note": "why (optional)",
     "text": "Egypt, Greece and Cyprus condemned Turkey."      (or "file": a path from the repository root),
     "date": "2024-03-15"                                        (optional: the article's date),
     "must": [...], "must_not": [...], "all": [...], "lists": [...]}

Relations are the resolved records of ``kg.pipeline`` (what ``kg extract`` writes). A
*selector* is an object of fields → wanted values that a relation must all have:

* fields: ``s`` (subject label), ``p`` (predicate), ``o`` (object label), ``asserted``, or
  any attribute path of the record (``plover``, ``modality``, ``negated``, ``confidence``,
  ``subject.country``, ``object.type``, ``object.aliases`` ...); ``subject.names`` and
  ``object.names`` are the label and the aliases together;
* a wanted value is a JSON value (equality, ``null`` for none) or an object of operators,
  all of which must hold: ``<``, ``<=``, ``>``, ``>=``, ``!=``, ``in`` (one of a list),
  ``has`` (a substring or a member), ``set`` (true: any value but null). A string
  ``"$field"`` is that field of the same relation, ``"@name"`` that field of the relation
  a ``must`` item named.

Checks:

* ``must``: ``{"find": selector, "expect": selector, "asserted_only": bool, "name": str,
  "text": str}``: a relation fitting ``find`` exists (among the asserted ones only, if
  said), and the first one fits ``expect``. ``name`` lets a later item refer to it with
  ``"@name"``; ``text`` reads another sentence for this item (to compare two readings).
* ``must_not``: ``{"where": selector}``: no relation fits.
* ``all``: ``{"where": selector, "expect": selector, "nonempty": bool}``: every relation
  fitting ``where`` fits ``expect`` (and there is one, if ``nonempty``).
* ``lists``: ``{"where": selector, "of": field or [fields], "distinct": bool, "equals": [...],
  "count": n}``: the values of the relations fitting ``where``, in order (as a set if
  ``distinct``), equal the list, or number ``count``.

A new rule or exception in kg/data adds a line here: a sentence that must give the triple,
and for an exception one that must not.
"""

from __future__ import annotations

import functools
import json
import operator
from pathlib import Path

import pytest

from .conftest import ROOT

DATA = Path(__file__).parent / "data" / "extraction.jsonl"
KEYS = {"id", "from", "note", "text", "file", "date", "must", "must_not", "all", "lists"}


def _cases() -> list[dict]:
    cases = []
    for number, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        case = json.loads(line)
        unknown = set(case) - KEYS
        assert not unknown, f"{DATA.name}, line {number}: unknown keys {sorted(unknown)}"
        assert ("text" in case) != ("file" in case), f"{DATA.name}, line {number}: give a text or a file"
        cases.append(case)
    return cases


CASES = _cases()


@functools.cache
def _file_relations(path: str) -> list:
    from kg.pipeline import extract

    return list(next(extract([ROOT / path])).relations)


def _value(r, field: str):
    short = {"s": ("subject", "label"), "o": ("object", "label"), "p": ("predicate",)}
    parts = short.get(field) or tuple(field.split("."))
    if parts[-1] == "names":
        entity = getattr(r, parts[0])
        return (entity.label, *entity.aliases)
    value = r
    for part in parts:
        value = getattr(value, part)
    return value


OPS = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "!=": operator.ne,
    "in": lambda got, arg: got in arg,
    "has": lambda got, arg: got is not None and arg in got,
    "set": lambda got, arg: (got is not None) == arg,
}


def _arg(r, field: str, arg, named: dict):
    if isinstance(arg, str) and arg.startswith("$"):
        return _value(r, arg[1:])
    if isinstance(arg, str) and arg.startswith("@"):
        return _value(named[arg[1:]], field)
    return arg


def _fits(r, selector: dict, named: dict) -> bool:
    for field, want in selector.items():
        got = _value(r, field)
        if isinstance(want, dict):
            if not all(OPS[op](got, _arg(r, field, arg, named)) for op, arg in want.items()):
                return False
        elif got != _arg(r, field, want, named):
            return False
    return True


def _misfits(r, selector: dict, named: dict) -> list[str]:
    return [f"{field}={_value(r, field)!r}, wanted {want!r}" for field, want in selector.items()
            if not _fits(r, {field: want}, named)]


def _show(rels) -> list:
    return sorted((r.subject.label, r.predicate, r.object.label, r.modality, r.negated) for r in rels)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_extraction(case, run):
    def relations(text=None):
        if text is None and "file" in case:
            return _file_relations(case["file"])
        return run(text or case["text"], date=case.get("date"))

    rels = relations()
    named: dict = {}
    for item in case.get("must", ()):
        pool = relations(item["text"]) if "text" in item else rels
        pool = [r for r in pool if r.asserted] if item.get("asserted_only") else pool
        found = [r for r in pool if _fits(r, item["find"], named)]
        assert found, f"nothing fits {item['find']} in {_show(pool)}"
        misfits = _misfits(found[0], item.get("expect", {}), named)
        assert not misfits, f"{item['find']}: {'; '.join(misfits)}"
        if "name" in item:
            named[item["name"]] = found[0]
    for item in case.get("must_not", ()):
        bad = [r for r in rels if _fits(r, item["where"], named)]
        assert not bad, f"{item['where']} fits {_show(bad)}"
    for item in case.get("all", ()):
        fitting = [r for r in rels if _fits(r, item["where"], named)]
        assert fitting or not item.get("nonempty"), f"nothing fits {item['where']} in {_show(rels)}"
        for r in fitting:
            misfits = _misfits(r, item["expect"], named)
            assert not misfits, f"{item['where']}: {'; '.join(misfits)}"
    for item in case.get("lists", ()):
        of = item.get("of", "p")
        values = [[_value(r, f) for f in of] if isinstance(of, list) else _value(r, of)
                  for r in rels if _fits(r, item["where"], named)]
        if item.get("distinct"):
            values = list(dict.fromkeys(values))
        if "equals" in item:
            assert values == item["equals"], f"{item['where']}: {values}"
        if "count" in item:
            assert len(values) == item["count"], f"{item['where']}: {values}"


def test_every_case_names_where_it_came_from_and_ids_are_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert all(c.get("from") for c in CASES)
