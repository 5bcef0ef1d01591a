"""The one record builder: every relation the extractor yields is made here.

An event takes its predicate, PLOVER type, mode and CAMEO code from its lexicon row, a
confidence that grows a little with each mention the gazetteer placed in a country, and
the date and place its sentence gives it (:mod:`.dates`, :mod:`.location`). A
static relation takes the negation and modality of the verb or copula that states it
("is not a member of"); a title, an apposition or a preposition carries none ("President
X did not attend" leaves X president), and reported speech counts as asserted for it.
"""

from __future__ import annotations

from ...lexicon import EventType
from ...model import Mention, RelationMention
from . import trace
from .context import same
from .dates import event_time
from .location import event_place
from .modality import modality_of
from .political import kind, standing


def event(ctx, a: Mention, et: EventType, o: Mention, negated: bool, modality: str, conf: float,
          trigger, when: tuple[str | None, bool] | None = None) -> RelationMention:
    """An event of ``a`` towards ``o`` in the context's sentence, triggered by a token; ``when``
    (date, undated) when its time is not the trigger's (:func:`.dates.event_time`)."""
    # Mentions the gazetteer linked are sturdier evidence than bare NER spans.
    conf = conf * et.weight + 0.04 * ((a.country is not None) + (o.country is not None))
    political = standing(ctx, a, et, o)
    conf = round(min(conf * political, 0.95), 3)  # 0 when it is no event between political actors
    refused = f"{kind(ctx, a)}>{kind(ctx, o)}" if political == 0.0 and ctx.trace is not None else ""
    trace.made(ctx, trigger, conf, refused)
    date, undated = when if when is not None else event_time(ctx, trigger, modality, (a, o))
    return _build(ctx, a, et.predicate, o, et, negated, modality, conf, trigger,
                  date=date, undated=undated, location=event_place(ctx, trigger, et, o))


def events(ctx, pairs, et: EventType, negated: bool, modality: str, base: float, trigger):
    """One event for each (actor, factor, recipient, factor) pair whose sides are two entities,
    at ``base`` times both factors; the loss trace hears of it when every pair is one entity."""
    if all(same(a, o) for a, _, o, _ in pairs):
        trace.lost(ctx, trigger, "same-entity")
    for a, fa, o, fo in pairs:
        if not same(a, o):
            yield event(ctx, a, et, o, negated, modality, base * fa * fo, trigger)


def static(ctx, a: Mention, predicate: str, o: Mention, conf: float, trigger) -> RelationMention:
    """A static relation (leaderOf, basedIn, ...) stated by a token in the context's sentence."""
    if trigger.pos_ in ("VERB", "AUX"):
        negated, modality = modality_of(ctx, trigger)
    elif trigger.dep_ in ("attr", "acomp") or trigger.dep_ == "ROOT":
        negated, modality = modality_of(ctx, trigger.head if trigger.dep_ != "ROOT" else trigger)
    else:
        negated, modality = False, "asserted"
    return _build(ctx, a, predicate, o, None, negated, "asserted" if modality == "reported" else modality, conf,
                  trigger)


def _build(ctx, a, predicate, o, et, negated, modality, conf, trigger, **when_where) -> RelationMention:
    sent = ctx.sent
    return RelationMention(
        doc=ctx.document.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
        subject=a, predicate=predicate, object=o,
        plover=et.plover if et else None, mode=et.mode if et else None, cameo=et.cameo if et else None,
        negated=negated, modality=modality, confidence=conf, extractor="rules", trigger=trigger.text,
        **when_where,
    )
