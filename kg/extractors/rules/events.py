"""The event pass over one sentence: which tokens start which event rules.

A verb the trigger rules give an event starts a verbal event; a speech verb with a
"must" clause a demand; a noun the lexicon lists a nominal event; a killer noun
("assassin") or "at the hands of" a killing; a feeling of displeasure ("was disappointed by
X's decision") a criticism.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import RelationMention
from . import trace
from .deps import columns
from .feelings import feeling_events
from .killers import at_the_hands, killer
from .nominal import noun_events
from .triggers import noun_event, objects, verb_event
from .verbal import demand_clause, verb_events
from .words import W


def sentence_events(ctx) -> Iterator[RelationMention]:
    """The events of the context's sentence, in token order."""
    doc = ctx.sent.doc
    cols = columns(doc)
    lower, lemma, pos, dep = cols.lower, cols.lemma, cols.pos, cols.dep
    every, kill, feel = ctx.trace is not None, W.kill_nouns, W.displeasure_words
    for i in range(ctx.sent.start, ctx.sent.end):
        # (a token none of the tests below can pass is not made: most of a sentence's words;
        # a new test of a token needs its words here)
        if not every and pos[i] != "VERB" and pos[i] != "NOUN" and lower[i] != "hands" \
                and lemma[i] not in kill and lower[i] not in kill and lower[i] not in feel:
            continue
        tok = doc[i]
        et = verb_event(ctx, tok) if pos[i] == "VERB" else None  # (a verb or nothing)
        if et is not None:
            trace.trigger(ctx, tok, et.plover, "verb")
            yield from verb_events(ctx, tok, et)
            continue
        if ctx.trace is not None:
            _untriggered(ctx, tok)
        if pos[i] == "VERB" and lemma[i] in W.demand_speech:
            yield from demand_clause(ctx, tok)
        if pos[i] == "NOUN":
            et = noun_event(ctx, tok)
            if et is not None:
                trace.trigger(ctx, tok, et.plover, "noun")
                yield from noun_events(ctx, tok, et)
        # the parser often tags an appositive "assassin" as a proper noun (and one before a
        # name, "Kennedy assassin Sirhan", as a verb)
        if (pos[i] in ("NOUN", "PROPN") or dep[i] == "compound") and i not in ctx.ms \
                and (lemma[i] in kill or lower[i] in kill):
            yield from killer(ctx, tok)
        if lower[i] == "hands" and dep[i] == "pobj" and tok.head.lower_ == "at":
            yield from at_the_hands(ctx, tok)
        if pos[i] in ("ADJ", "VERB"):
            yield from feeling_events(ctx, tok)


def _untriggered(ctx, tok) -> None:
    """For the trace: a lemma the lexicon lists as a verb that triggered nothing here, and why."""
    lex, lemma = ctx.lex, tok.lemma_.lower()
    if lemma not in lex.verbs and lemma not in lex.restricted:
        return
    if tok.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
        return  # read as a noun event
    rows = [*lex.restricted.get(lemma, ()), *([lex.verbs[lemma]] if lemma in lex.verbs else [])]
    trace.trigger(ctx, tok, rows[0].plover, "verb")
    if tok.pos_ != "VERB":
        why = f"pos:{tok.pos_}"
    elif lemma not in lex.verbs and lex.verb(lemma, [o.lemma_.lower() for o in objects(tok)]) is None:
        why = "requires"
    else:
        why = "sense"
    trace.lost(ctx, tok, "not-trigger", why)
