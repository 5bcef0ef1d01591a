"""Gold sets, the registry of gold formats, and where gold files are found.

A :class:`GoldSet` is documents, the gold facts read in them, and the levels to score them
at. A gold format is registered by name with a reader and a sniffer that recognises its
files, the way extractors and exporters are registered; the built-in formats
(:mod:`kg.evaluate.formats`) register themselves the same way a third-party one would, and
:mod:`kg.evaluate.sets` looks them up::

    from kg.evaluate.goldsets import register

    @register("my-format", sniff=lambda head: head.startswith("<gold"))
    def read(path, name, options):
        ...  # -> GoldSet

Where files are: the gold written for kg ships inside the package (:data:`GOLD_DIR`, with
the regression floors); everything else, the external gold sets and the articles kg's own
gold is about, is below one folder named by the ``KG_SHARED`` setting (:func:`shared_root`).
Nothing is looked up through the layout of a checkout, so an installed kg evaluates the
same way.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GoldError
from .matching import country_code
from .scoring import Level

if TYPE_CHECKING:
    from ..model import Document, Entity

__all__ = ["GOLD_DIR", "GoldFormat", "GoldSet", "Options", "first_record", "jsonl", "register", "registered",
           "shared_file", "shared_root"]

# The gold written for kg and its regression floors: package data (see pyproject.toml).
GOLD_DIR = Path(__file__).resolve().parent / "gold"


@dataclass
class GoldSet:
    """Documents, the gold facts read in them, and how to score them."""

    name: str
    source: str  # the gold file, for messages
    documents: list[Document]
    facts: list  # of kg.evaluate.matching.Fact
    levels: tuple[Level, ...]
    gazetteers: tuple[Path, ...] = ()  # actor files the extractor needs for this set
    country: Callable[[Entity], str | None] = country_code


# ------------------------------------------------------------------ where the files are

def shared_root() -> Path:
    """The shared data folder: the ``KG_SHARED`` setting, else ``../shared`` from the current folder
    (beside a checkout, when kg runs in it as the README shows)."""
    return Path(os.environ.get("KG_SHARED") or "../shared").expanduser()


def shared_file(relative: str, needed_for: str) -> Path:
    path = shared_root() / relative
    if not path.exists():
        raise GoldError(f"{path} not found (needed for {needed_for!r}); set KG_SHARED to the shared data "
                        f"folder (the one holding corpus/, gold/ and reference/)")
    return path


# ------------------------------------------------------------------ formats

@dataclass(frozen=True)
class Options:
    """How to read a set, for the formats it concerns."""

    match: str = "type"  # kg's format: compare events by PLOVER "type" or by ontology "predicate"
    part: str | None = None  # the GSR: one half of the dev split (kg.evaluate.formats.plover.half)


Reader = Callable[[Path, str, Options], GoldSet]


@dataclass(frozen=True)
class GoldFormat:
    name: str
    read: Reader  # (path, set name, options) -> GoldSet
    sniff: Callable[[str], bool]  # the first 4 kB of a file -> is it this format?
    description: str = ""


_REGISTRY: dict[str, GoldFormat] = {}


def register(name: str, *, sniff: Callable[[str], bool]) -> Callable[[Reader], Reader]:
    """Register a gold format: ``read(path, name, options) -> GoldSet``, and ``sniff(head) -> bool``."""
    def deco(fn: Reader) -> Reader:
        doc = (fn.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = GoldFormat(name, fn, sniff, doc[0] if doc else "")
        return fn

    return deco


def registered() -> dict[str, GoldFormat]:
    """The formats registered so far, by name, in the order of registration (the order of sniffing).

    The built-in ones are registered once :mod:`kg.evaluate.formats` is imported, which
    :mod:`kg.evaluate.sets` does.
    """
    return _REGISTRY


# ------------------------------------------------------------------ helpers for readers

def first_record(head: str) -> dict | None:
    """The first JSON object of a JSONL head (``#`` lines skipped), or None."""
    first = next((line for line in head.splitlines() if line.strip() and not line.startswith("#")), "")
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return None
    return obj if isinstance(obj, dict) else None


def jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a line that is not JSON is a GoldError."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from None
