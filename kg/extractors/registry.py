"""The extractor registry: name → extractor. Extractors register here, built-in or not.

A module of its own so that an extractor can register without importing
:mod:`kg.extractors`, which loads the built-in extractors (and so would import it back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import RelationMention

Extractor = Callable[..., "Iterator[RelationMention]"]

REGISTRY: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under a name (a decorator)."""
    def deco(fn: Extractor) -> Extractor:
        REGISTRY[name] = fn
        return fn

    return deco
