"""What makes several statements one event: the identity kg groups reports by.

The same real event is often stated several times: by three articles, or twice in one
("Finland met Estonia", "the Estonian premier met Finland"). kg stores every statement
with its evidence and groups them when it reads the store, never in it, so that a build,
``kg remove`` or a replacement leaves the grouping right and builds still commute.

Statements are one event when they have the same:

- PLOVER type;
- actor and recipient, in either order for the types that have no direction (meetings,
  talks, cooperation, agreements: ``SYMMETRIC_TYPES`` and ``SYMMETRIC_PREDICATES``), so
  "A met B" and "B hosted A" are one meeting;
- date: the event's date at the precision the text gives ("2019-03-05", "2019-03",
  "1982"), or the article's day when the text gives none;
- modality class: asserted and reported statements are the real event; intended and
  hypothetical ones are kept apart (negated ones never make an event).

The event id is a hash of that key, the same in every store that holds these statements:

    >>> key = event_key("CONSULT", "meetsWith", "kgid:b", "kgid:a", "2019-03-05")
    >>> key == event_key("CONSULT", "visits", "kgid:a", "kgid:b", "2019-03-05")
    True
    >>> event_id(key)
    '5524d3f766058feb'

``kg/queries/events.rq`` and ``actors.rq`` compute the same key and id in SPARQL (a test
holds them to it).
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

# PLOVER types whose events have no direction: a meeting of A and B is a meeting of B and A.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Predicates of other types that have none either.
SYMMETRIC_PREDICATES = frozenset({"signsAgreementWith"})
REAL = "asserted"  # the modality class of asserted and reported statements
_CUT = {"year": 4, "month": 7}


class EventKey(NamedTuple):
    plover: str
    actor: str  # IRIs; for a symmetric event the smaller one first
    recipient: str
    date: str  # ISO text at its precision, "" when undated
    modality: str = REAL


def symmetric(plover: str, predicate: str | None = None) -> bool:
    return plover in SYMMETRIC_TYPES or predicate in SYMMETRIC_PREDICATES


def event_date(event_date: str | None, precision: str | None, article_date: str | None) -> tuple[str, str | None]:
    """(date text at its precision, precision): the event's own date, else the article's day.

    >>> event_date("1982-01-01", "year", "2019-03-07"), event_date(None, None, "2019-03-07")
    (('1982', 'year'), ('2019-03-07', 'day'))
    """
    if event_date:
        precision = precision or "day"
        return event_date[:_CUT.get(precision, 10)], precision
    return (article_date, "day") if article_date else ("", None)


def modality_class(modality: str) -> str:
    return REAL if modality in ("asserted", "reported") else modality


def event_key(plover: str, predicate: str | None, actor: str, recipient: str, date: str | None,
              modality: str = "asserted") -> EventKey:
    if symmetric(plover, predicate) and recipient < actor:
        actor, recipient = recipient, actor
    return EventKey(plover, actor, recipient, date or "", modality_class(modality))


def event_id(key: EventKey) -> str:
    """16 hex digits of SHA-256 over the key (the modality only when it is not the real event)."""
    parts = [key.plover, key.actor, key.recipient, key.date] + ([key.modality] if key.modality != REAL else [])
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]
