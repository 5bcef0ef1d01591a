"""The event pass over one sentence: which tokens start which event rules.

A verb the trigger rules give an event starts a verbal event; a speech verb with a
"must" clause a demand; a noun the lexicon lists a nominal event; a killer noun
("assassin") or "at the hands of" a killing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import RelationMention
from .nominal import at_the_hands, killer, noun_events
from .triggers import noun_event, verb_event
from .verbal import demand_clause, verb_events
from .words import W


def sentence_events(ctx) -> Iterator[RelationMention]:
    """The events of the context's sentence, in token order."""
    for tok in ctx.sent:
        et = verb_event(ctx, tok)
        if et is not None:
            yield from verb_events(ctx, tok, et)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in W.demand_speech:
            yield from demand_clause(ctx, tok)
        if tok.pos_ == "NOUN":
            et = noun_event(ctx, tok)
            if et is not None:
                yield from noun_events(ctx, tok, et)
        # the parser often tags an appositive "assassin" as a proper noun
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in ctx.ms and tok.lemma_.lower() in W.kill_nouns:
            yield from killer(ctx, tok)
        if tok.lower_ == "hands" and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            yield from at_the_hands(ctx, tok)
