"""Extractors, registered by name: spaCy ``Doc`` → :class:`~kg.model.RelationMention`.

An extractor is a callable ``(doc: Document, parsed: spacy.tokens.Doc, gazetteer: Gazetteer)``
that yields relation mentions. Built-ins register the same way a third-party one would::

    from kg.extractors import register

    @register("my-extractor")
    def extract(doc, parsed, gazetteer):
        ...

``kg extractors`` lists what is registered.
"""

from __future__ import annotations

from ..errors import FormatError
from .registry import REGISTRY, Extractor, register

__all__ = ["DEFAULT", "Extractor", "available", "get", "register"]

DEFAULT = "rules"


def _load_builtins() -> None:
    from . import rules  # noqa: F401  (registers "rules")


def get(name: str = DEFAULT) -> Extractor:
    _load_builtins()
    try:
        return REGISTRY[name]
    except KeyError:
        raise FormatError(f"no extractor named {name!r}; available: {', '.join(sorted(REGISTRY))}") from None


def available() -> dict[str, str]:
    """Name → first line of its docstring."""
    _load_builtins()
    return {n: (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "" for n, fn in sorted(REGISTRY.items())}
