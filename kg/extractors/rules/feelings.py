"""Displeasure told by a feeling: "Germany was disappointed by Turkey's decision", "Paris is
concerned about Rome's new law", "Seoul was angered by Tokyo's export curbs".

PETRARCH's verb dictionary codes the DISMAY group (DISAPPOINT, DISMAY, SADDEN; "&TOBEVERB
DISAPPOINTED") as disapproval, CAMEO 110 (ACCUSE disapprove). The one who feels it is the
subject (of the adjective's "be", or of the passive participle) and disapproves of whose act the
"by", "with", "at", "about" or "over" names; the act's owner is the recipient, as for
"expressed disappointment over Italy's refusal" (the express rows of kg/data/events.tsv). The
roles are the other way round from a passive's: the agent is what is felt about, not who acts.
The active verb says it the other way ("Tokyo's export curbs angered Seoul": the object feels
it, the subject is the act). Concern for people ("worried about the safety of its citizens")
names no one's act (``sympathy_nouns``). The words are in kg/data/rules/senses.tsv
(``displeasure_words``, ``displeasing_verbs``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import RelationMention
from . import records, trace
from .actors import actors_of
from .antecedents import act_doers
from .deps import PASS_SUBJ, SUBJ, children
from .modality import modality_of
from .words import W

CAMEO = "110"  # disapprove


def feeling_events(ctx, tok) -> Iterator[RelationMention]:
    """The disapproval a feeling word states, if it is one."""
    if tok.dep_ == "acomp" and tok.lower_ in W.displeasure_words:
        # (the parser tags "is concerned" an adjective or a participle)
        feelers, causes = children(tok.head, SUBJ), _causes(tok)
    elif tok.tag_ == "VBN" and tok.lower_ in W.displeasure_words and children(tok, PASS_SUBJ):
        feelers, causes = children(tok, PASS_SUBJ), _causes(tok)
    elif tok.pos_ == "VERB" and tok.lemma_.lower() in W.displeasing_verbs and tok.tag_ != "VBN":
        # "the decision to expel its diplomats angered London": the object feels it
        feelers = [c for c in tok.children if c.dep_ == "dobj"]
        causes = [c for c in children(tok, SUBJ) if c.lemma_.lower() not in W.sympathy_nouns]
    else:
        return
    if not causes or not feelers:
        return
    et = dataclasses.replace(ctx.lex.by_predicate["criticizes"], cameo=CAMEO)
    trace.trigger(ctx, tok, et.plover, "verb")
    actors = [r for s in feelers for r in actors_of(ctx, s, et=et)]
    objects = [(m, f) for p in causes for m, f in actors_of(ctx, p, role="recipient", et=et)
               if m.type != "Topic"]
    # ("France was alarmed by the operation": the doer of the act told before)
    objects = objects or [r for p in causes for r in act_doers(ctx, p, tok)]
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if not pairs:
        trace.lost(ctx, tok, "no-actor" if not actors else "no-recipient")
        return
    negated, modality = modality_of(ctx, tok.head if tok.dep_ == "acomp" else tok)
    yield from records.events(ctx, pairs, et, negated, modality, 0.8, tok)


def _causes(tok) -> list:
    """What the feeling is about: the objects of its "by", "with", "at", "about" or "over"."""
    return [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in W.displeasure_preps
            for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in W.sympathy_nouns]
