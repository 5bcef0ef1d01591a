"""The one record builder: every relation the extractor yields is made here.

An event takes its predicate, PLOVER type, mode and CAMEO code from its lexicon row and a
confidence that grows a little with each mention the gazetteer placed in a country. A
static relation takes the negation and modality of the verb or copula that states it
("is not a member of"); a title, an apposition or a preposition carries none ("President
X did not attend" leaves X president), and reported speech counts as asserted for it.
"""

from __future__ import annotations

from ...lexicon import EventType
from ...model import Mention, RelationMention
from .modality import modality_of


def event(ctx, a: Mention, et: EventType, o: Mention, negated: bool, modality: str, conf: float,
          trigger) -> RelationMention:
    """An event of ``a`` towards ``o`` in the context's sentence, triggered by a token."""
    # Mentions the gazetteer linked are sturdier evidence than bare NER spans.
    conf = conf * et.weight + 0.04 * ((a.country is not None) + (o.country is not None))
    return _build(ctx, a, et.predicate, o, et, negated, modality, round(min(conf, 0.95), 3), trigger)


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


def _build(ctx, a, predicate, o, et, negated, modality, conf, trigger) -> RelationMention:
    sent = ctx.sent
    return RelationMention(
        doc=ctx.document.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
        subject=a, predicate=predicate, object=o,
        plover=et.plover if et else None, mode=et.mode if et else None, cameo=et.cameo if et else None,
        negated=negated, modality=modality, confidence=conf, extractor="rules", trigger=trigger.text,
    )
