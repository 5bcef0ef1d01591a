"""The word lists the rules read, loaded once from ``kg/data/rules/*.tsv``.

The rules name a list by attribute (``W.speech_verbs``); the files say what is in it. Word
sets become frozensets, maps become dicts of tuples. Nothing is read until a rule first
asks, so ``import kg`` and ``kg --help`` never touch these files; after that the lists are
plain attributes. A name that no file defines raises, so a typo fails loudly instead of
reading as an empty list.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from ...errors import DataError

FILES = ("mentions.tsv", "actors.tsv", "roles.tsv", "modality.tsv", "statics.tsv", "time_place.tsv",
         "politics.tsv", "senses.tsv", "responsibility.tsv", "offices.tsv")


def _cells(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(",") if c.strip()]


def read(name: str) -> tuple[dict[str, set[str]], dict[str, dict[str, tuple[str, ...]]]]:
    """The sets and maps one file defines."""
    sets: dict[str, set[str]] = {}
    maps: dict[str, dict[str, tuple[str, ...]]] = {}
    text = resources.files("kg.data").joinpath("rules", name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) == 2:
            sets.setdefault(cols[0].strip(), set()).update(_cells(cols[1]))
        elif len(cols) == 3:
            maps.setdefault(cols[0].strip(), {})[cols[1].strip()] = tuple(_cells(cols[2]))
        else:
            raise DataError(f"kg/data/rules/{name}, line {number}: a row has 2 cells (set) or 3 (map), "
                             f"not {len(cols)}: {line!r}")
    return sets, maps


def load() -> dict[str, frozenset[str] | dict[str, tuple[str, ...]]]:
    """Every list of every file, by name."""
    found: dict[str, frozenset[str] | dict[str, tuple[str, ...]]] = {}
    for name in FILES:
        sets, maps = read(name)
        for key, value in [*((k, frozenset(v)) for k, v in sets.items()), *maps.items()]:
            if key in found:
                raise DataError(f"kg/data/rules/{name}: the list {key!r} is defined in another file too")
            found[key] = value
    return found


# The keys of a JSON-lines row that list the words it starts on.
WORD_KEYS = ("lemma", "lemmas", "lower")
# The keys of a JSON-lines row that hold a dependency shape (format: shapes.py).
SHAPE_KEYS = ("if", "unless")
# The shapes several rows share, each written once under a name.
NAMED_SHAPES = "named_shapes.jsonl"


def jsonl_rows(name: str, text: str | None = None) -> list[dict]:
    """The rows of a JSON-lines file in kg/data/rules (lines starting with '#' are comments);
    ``text`` stands for the file's (a test's own rows).

    ``"@name"`` names what a data file defines once, word lists and shapes alike (one set of
    names). A row's words (:data:`WORD_KEYS`) come as a list, in which ``"@name"`` stands
    for the words of a list of the .tsv files, or as one ``"@name"``: ``["@finding_verbs"]``,
    ``"@branch_nouns"``. In a row's shapes (:data:`SHAPE_KEYS`), ``"@name"`` in place of a
    shape stands for the shape of that name in ``named_shapes.jsonl`` (``"unless":
    "@by_a_court"``), put in its place here; a word list a shape names in an attribute
    (``{"lemma": "@force_words"}``) is read when the shape is tested, the lexicon's
    (``"@lexicon:..."``, ``"@agents:..."``) too. A name no file defines raises
    :class:`~kg.errors.DataError` with the file and line."""
    if text is None:
        text = resources.files("kg.data").joinpath("rules", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"kg/data/rules/{name}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{where}: not JSON ({exc})") from None
        rows.append({k: _words(v, where) if k in WORD_KEYS and isinstance(v, str | list)
                     else _shape(v, where, named_shapes()) if k in SHAPE_KEYS else v for k, v in row.items()})
    return rows


def _words(cell: str | list[str], where: str) -> list[str]:
    cells = [cell] if isinstance(cell, str) else cell
    unknown = [c for c in cells if c.startswith("@") and not hasattr(W, c[1:])]
    if unknown:
        raise DataError(f"{where}: no word list named {', '.join(unknown)} in kg/data/rules ({', '.join(FILES)})")
    return [w for c in cells for w in (sorted(getattr(W, c[1:])) if c.startswith("@") else (c,))]


@functools.cache
def named_shapes() -> dict[str, dict]:
    """The shapes of ``named_shapes.jsonl`` by name; a shape there may name one above it."""
    found: dict[str, dict] = {}
    for row in jsonl_rows(NAMED_SHAPES):
        name, where = row.get("name"), f"kg/data/rules/{NAMED_SHAPES}, the shape {row.get('name')!r}"
        if not isinstance(name, str) or not isinstance(row.get("shape"), dict | str):
            raise DataError(f"{where}: a row needs a \"name\" and a \"shape\"")
        if name in found or hasattr(W, name):
            raise DataError(f"{where}: the name is taken, by a shape above or a word list of kg/data/rules/*.tsv")
        found[name] = _shape(row["shape"], where, found)
    return found


def _shape(value, where: str, shapes: dict[str, dict]):
    """The shape with each ``"@name"`` of a named shape in its place, and every other name
    in it checked: that of a word list, or one the lexicon reads (with a colon)."""
    if isinstance(value, dict):
        return {k: _shape(v, where, shapes) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v, where, shapes) for v in value]
    if not isinstance(value, str) or not value.startswith("@") or ":" in value:
        return value
    if value[1:] in shapes:
        return shapes[value[1:]]
    if not hasattr(W, value[1:]):
        raise DataError(f"{where}: no shape named {value} in kg/data/rules/{NAMED_SHAPES}, nor a word list of "
                        f"that name in kg/data/rules ({', '.join(FILES)})")
    return value


class Words:
    """The lists, as attributes, read on first use."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        lists = load()
        self.__dict__.update(lists)
        if name not in lists:
            raise AttributeError(f"no word list {name!r} in kg/data/rules ({', '.join(FILES)})")
        return lists[name]


W = Words()
