"""What every rule may read: the per-document context, and the kinds of actor rules ask for.

A :class:`Context` is built once per document, after its mentions and titles are found,
and narrowed to each sentence with :meth:`Context.at`. Rules read it and return what they
found; none of them keeps state between calls. The one thing rules may change is the
mention table, and only through :func:`kg.extractors.rules.mentions.retype`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...model import Mention

if TYPE_CHECKING:
    from ...lexicon import Lexicon
    from ...resolve import Linker

# Kinds of mention (ontology classes) that rules ask for.
COLLECTIVE = ("Country", "Organization", "InternationalOrganization", "Group", "City", "Location")
STATES = ("Country", "City", "Location")
OWNERS = ("Country", "Organization", "InternationalOrganization", "Group")  # not "the Europe Bridge"
ACTOR_TYPES = ("Person", *COLLECTIVE)
BODIES = ("Organization", "InternationalOrganization")

# A (mention, confidence factor) reading of a token, as the role rules return them.
Reading = tuple[Mention, float]


@dataclass(frozen=True, slots=True)
class Context:
    """One document as the rules see it.

    ``ms`` maps a token index to the mention that covers it (every token of a name maps to
    the same object); ``titles`` maps the head token of a person to the titles found beside
    it, as (relation, organisation mention or None, title token); ``reported`` holds the
    first token of every sentence that a phrase such as "according to" makes reported.
    """

    document: Any  # kg.model.Document
    ms: dict[int, Mention]
    lex: Lexicon
    linker: Linker
    reported: frozenset[int] = frozenset()
    titles: dict[int, list] = field(default_factory=dict)
    sent: Any = None  # the sentence (a spaCy Span) being read

    def at(self, sent) -> Context:
        """The same context, reading one sentence."""
        return dataclasses.replace(self, sent=sent)


def same(a: Mention, b: Mention) -> bool:
    """Do two mentions name the same actor (the same object, or the same key)?"""
    return a is b or (a.key or a.text).lower() == (b.key or b.text).lower()


def name(m: Mention) -> str:
    return (m.key or m.text).lower()
