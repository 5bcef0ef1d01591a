"""The word lists the rules read, loaded once from ``kg/data/rules/*.tsv``.

The rules name a list by attribute (``W.speech_verbs``); the files say what is in it. Word
sets become frozensets, maps become dicts of tuples. Nothing is read until a rule first
asks, so ``import kg`` and ``kg --help`` never touch these files; after that the lists are
plain attributes. A name that no file defines raises, so a typo fails loudly instead of
reading as an empty list.
"""

from __future__ import annotations

import json
from importlib import resources

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
            raise ValueError(f"kg/data/rules/{name}, line {number}: a row has 2 cells (set) or 3 (map), "
                             f"not {len(cols)}: {line!r}")
    return sets, maps


def load() -> dict[str, frozenset[str] | dict[str, tuple[str, ...]]]:
    """Every list of every file, by name."""
    found: dict[str, frozenset[str] | dict[str, tuple[str, ...]]] = {}
    for name in FILES:
        sets, maps = read(name)
        for key, value in [*((k, frozenset(v)) for k, v in sets.items()), *maps.items()]:
            if key in found:
                raise ValueError(f"kg/data/rules/{name}: the list {key!r} is defined in another file too")
            found[key] = value
    return found


# The keys of a JSON-lines row that list the words it starts on.
WORD_KEYS = ("lemma", "lemmas", "lower")


def jsonl_rows(name: str) -> list[dict]:
    """The rows of a JSON-lines file in kg/data/rules (lines starting with '#' are comments).
    A row's words (:data:`WORD_KEYS`) come as a list, in which ``"@name"`` stands for the
    words of a list of the .tsv files, or as one ``"@name"``: ``["@finding_verbs"]``,
    ``"@branch_nouns"``."""
    text = resources.files("kg.data").joinpath("rules", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"kg/data/rules/{name}, line {number}: not JSON ({exc})") from None
        rows.append({k: _words(v) if k in WORD_KEYS and isinstance(v, str | list) else v for k, v in row.items()})
    return rows


def _words(cell: str | list[str]) -> list[str]:
    cells = [cell] if isinstance(cell, str) else cell
    return [w for c in cells for w in (sorted(getattr(W, c[1:])) if c.startswith("@") else (c,))]


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
