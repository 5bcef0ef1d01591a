"""The gold sets by name, and any gold file by path: :func:`load`.

========================  ==============================================  =================
name                      gold                                            levels
========================  ==============================================  =================
seed                      ``gold/seed.jsonl`` (the Lee-Beijing article,   entity, country
                          written for kg)
wikinews                  ``gold/wikinews.jsonl`` (12 Wikinews articles,  entity, country
                          written for kg)
wikinews-fresh            ``gold/wikinews-fresh.jsonl`` (10 other         entity, country
                          Wikinews articles, chosen by a fixed rule, no
                          rule tuned on them: only measured)
wikinews-fresh2           ``gold/wikinews-fresh2.jsonl`` (the next 10     entity, country
                          articles by the same rule, gold written before
                          kg was run on them: only measured)
wikinews-fresh3           ``gold/wikinews-fresh3.jsonl`` (the 10 after    entity, country
                          those, same rule, gold written before kg was
                          run on them: only measured)
wikinews-fresh4           ``gold/wikinews-fresh4.jsonl`` (the 6 left     entity, country
                          after those, same rule, gold written before
                          kg was run on them: only measured)
plover                    PLOVER GSR dev (``gold/plover/gsr-dev.jsonl``)  entity, country
plover-tune,              the two halves of GSR dev, split once by a      entity, country
plover-holdout            fixed hash of the record id (``half``)
petrarch                  PETRARCH unit tests, fictional actors           cameo, root, plover
conll04                   CoNLL04 dev (``gold/conll04/dev.json``)         entity
conll04-train-tune,       the two halves of CoNLL04 train, split by the   entity
conll04-train-holdout     same hash of the sentence id (not in 'all')
========================  ==============================================  =================

kg's own sets ship with the package (:data:`kg.evaluate.goldsets.GOLD_DIR`); the others are
below ``KG_SHARED``. A path to a file in any registered format (a GSR JSONL, a PETRARCH
unit-test JSONL, a CoNLL04 JSON: their held-back halves, say) is scored like the set of
that format; the format is read off the file by each format's sniffer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import GoldError
from . import formats  # noqa: F401  (registers the built-in gold formats)
from .goldsets import GOLD_DIR, GoldFormat, GoldSet, Options, registered, shared_file

__all__ = ["DEFAULT_FORMAT", "SETS", "BuiltinSet", "available", "get_format", "load", "sniff"]

# A file no format recognises is read as kg's own format, whose reader says what is wrong.
DEFAULT_FORMAT = "kg"


@dataclass(frozen=True)
class BuiltinSet:
    format: str
    path: str  # below KG_SHARED, or below GOLD_DIR for kg's own sets
    own: bool = False  # shipped with kg
    part: str | None = None  # for the GSR halves


BUILTIN = {
    "seed": BuiltinSet("kg", "seed.jsonl", own=True),
    "wikinews": BuiltinSet("kg", "wikinews.jsonl", own=True),
    # Ten Wikinews 2019 articles chosen by a fixed rule and written up before kg read them; no
    # rule was tuned on them, and none may be: they are measured only (docs/evaluation.md).
    "wikinews-fresh": BuiltinSet("kg", "wikinews-fresh.jsonl", own=True),
    # The next ten by the same rule, once wikinews-fresh had been measured and its misses used:
    # a second honest figure, written up before kg read them; measured only, like the first.
    "wikinews-fresh2": BuiltinSet("kg", "wikinews-fresh2.jsonl", own=True),
    # The ten after those, once rules had been changed with fresh2's misses in view: a third
    # honest figure, written up before kg read them; measured only, like the first two.
    "wikinews-fresh3": BuiltinSet("kg", "wikinews-fresh3.jsonl", own=True),
    # The rest of the corpus by the same rule (6 kept, the corpus ends), once fresh3 had been
    # measured: a fourth honest figure, written up before kg read them; measured only.
    "wikinews-fresh4": BuiltinSet("kg", "wikinews-fresh4.jsonl", own=True),
    "plover": BuiltinSet("plover", "gold/plover/gsr-dev.jsonl"),
    # The GSR dev file is split once, by a fixed hash of each record's id, into a half that
    # rules are tuned on and a half that is only measured (docs/evaluation.md, "Discipline").
    "plover-tune": BuiltinSet("plover", "gold/plover/gsr-dev.jsonl", part="tune"),
    "plover-holdout": BuiltinSet("plover", "gold/plover/gsr-dev.jsonl", part="holdout"),
    "petrarch": BuiltinSet("petrarch", "gold/petrarch/unittest.jsonl"),
    "conll04": BuiltinSet("conll04", "gold/conll04/dev.json"),
    # CoNLL04 dev has been read sentence by sentence for years; its train file, 922 sentences
    # never tuned on, is split the same way for the static relations (docs/evaluation.md).
    "conll04-train-tune": BuiltinSet("conll04", "gold/conll04/train.json", part="tune"),
    "conll04-train-holdout": BuiltinSet("conll04", "gold/conll04/train.json", part="holdout"),
}
# What 'all' scores: the train halves are left out (they take minutes).
SETS = tuple(n for n in BUILTIN if not n.startswith("conll04-train"))


def get_format(name: str) -> GoldFormat:
    formats_ = registered()
    if name not in formats_:
        raise GoldError(f"no gold format named {name!r}; available: {', '.join(formats_)}")
    return formats_[name]


def available() -> dict[str, str]:
    """Gold format name → what it reads.

    >>> sorted(available())
    ['conll04', 'kg', 'petrarch', 'plover']
    """
    return {n: f.description for n, f in registered().items()}


def sniff(path: str | Path) -> str:
    """The format of a gold file: the first registered format whose sniffer recognises its head.

    ``kg`` (:data:`DEFAULT_FORMAT`) when none does: its reader then says what is wrong.
    """
    try:
        with Path(path).open(encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
    return next((f.name for f in registered().values() if f.sniff(head)), DEFAULT_FORMAT)


def load(name_or_path: str | Path, *, match: str = "type") -> GoldSet:
    """A gold set by name (see :data:`SETS`) or by path.

    A path may be a gold file in kg's format, or a file in the format of one of the
    external sets (a PLOVER GSR JSONL, a PETRARCH unit-test JSONL, a CoNLL04 JSON), so
    that their held-back parts are scored the same way; the format is read off the file.
    ``match`` is ``type`` or ``predicate`` for sets in kg's gold format (see
    :mod:`kg.evaluate.matching`).

    >>> load("no-such-set")
    Traceback (most recent call last):
    kg.errors.GoldError: no gold set named 'no-such-set' and no such file; use one of seed, wikinews, \
wikinews-fresh, wikinews-fresh2, wikinews-fresh3, wikinews-fresh4, plover, plover-tune, plover-holdout, petrarch, \
conll04, conll04-train-tune, conll04-train-holdout, \
'all', or the path of a gold file
    """
    name = str(name_or_path)
    if match not in ("type", "predicate"):
        raise GoldError(f"unknown match {match!r}; use 'type' or 'predicate'")
    options = Options(match=match)
    spec = BUILTIN.get(name)
    if spec is not None:
        path = _own_file(spec.path) if spec.own else shared_file(spec.path, name)
        return get_format(spec.format).read(path, name, Options(match=match, part=spec.part))
    path = Path(name)
    if not path.is_file():
        raise GoldError(f"no gold set named {name!r} and no such file; use one of {', '.join(BUILTIN)}, "
                        f"'all', or the path of a gold file")
    return get_format(sniff(path)).read(path, path.stem, options)


def _own_file(relative: str) -> Path:
    path = GOLD_DIR / relative
    if not path.exists():
        raise GoldError(f"the gold file {path} is missing from this installation of kg; reinstall kg "
                        f"(or pass the path of a gold file)")
    return path
