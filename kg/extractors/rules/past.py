"""What puts an event in the past when its sentence gives it no date.

:func:`~.dates.event_time` dates an event by the time expressions tied to it; with none, the
event may still be history, not news of the article's day. :func:`past_cue` reads the cues
on the event's own words and actors: "had invaded", "Egypt used to support", "Spain once
ruled", "in the past", a state that no longer exists, "then-President Bush".
:func:`before_the_story` reads what is told as coming before the story: the topic of a
remembrance ("marked the anniversary of the invasion"), what a lasting state has gone on
since ("unstable since the United States invaded"), what came a span of time before ("years
earlier"), or a span after an event of earlier years ("weeks later", by :mod:`.narrative`).
The words are in ``kg/data/rules/time_place.tsv`` ("what makes an event past").
"""

from __future__ import annotations

from ...dates import defunct_until
from .narrative import narrative_past, pluperfect, set_in_past
from .words import W


def past_cue(ctx, holders, participants) -> bool:
    """Does the sentence put the event in the past without dating it?"""
    for tok in holders:
        if pluperfect(tok) or _used_to(tok):
            return True
        # the verb an event's clause completes carries its time too: "only once before has
        # Congress voted to hold an officer in contempt"
        governing = (tok.head,) if tok.dep_ == "xcomp" else ()
        for c in (*tok.children, *(c for g in governing for c in g.children if c.dep_ == "advmod")):
            if c.dep_ == "advmod" and c.lower_ in W.past_adverbs:
                return True  # "Spain once ruled Cuba"
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in W.past_objects and not p.ent_type_ for p in c.children):
                return True  # "in the past"
    return any(defunct_until(m.country) is not None or _then(ctx, m) for m in participants)


def _used_to(tok) -> bool:
    """"Egypt used to support Hamas": a habit of the past (not "used Instagram to thank")."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() == "use" and head.tag_ == "VBD" \
        and head.i + 1 < len(tok.doc) and tok.doc[head.i + 1].lower_ == "to"


def _then(ctx, m) -> bool:
    """"then-President Bush", "the late king": an actor named as it was then."""
    span = ctx.sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not (ctx.sent.start <= span.start < ctx.sent.end):
        return False
    for k in range(span.start - 1, max(ctx.sent.start, span.start - 4) - 1, -1):
        tok = ctx.sent.doc[k]
        if tok.lower_ in W.past_actor_words and k < tok.head.i < span.end and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def before_the_story(trigger, holders, article: str | None) -> bool:
    """Is the event told as what came before the story, without a date? The topic of a
    remembrance ("marked the anniversary of Britain's invasion", "commemorated the massacre");
    what a state has lasted since ("unstable since the United States invaded"); what came a
    span of time before ("a decade after the war in which NATO bombed Serbia", "which attacked
    Belgrade years earlier"), or a span after an event of earlier years ("invaded in 1982,
    and Britain retook them weeks later")."""
    if trigger.pos_ in ("NOUN", "PROPN") and _remembered(trigger):
        return True
    if _before_by_a_span(trigger):
        return True
    for h in holders:
        for c in h.children:
            if c.dep_ != "advmod" or not _span_of(c):
                continue
            if c.lower_ in W.before_adverbs:
                return True
            if c.lower_ in W.after_adverbs and article is not None and (
                    set_in_past(h.sent, article, h) or narrative_past(h.sent, article)):
                return True
    return False


def _remembered(noun) -> bool:
    """"the anniversary of the invasion", "commemorated the massacre": a remembrance's topic."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in W.history_frames
    return noun.dep_ == "dobj" and head.lemma_.lower() in W.history_verbs


def _before_by_a_span(trigger) -> bool:
    """Is the event inside the "since" of a lasting state ("since the United States invaded
    it"), or inside an "after"/"before" with a span ("two years after Sadat visited", "a decade
    after the war in which NATO bombed Serbia")?"""
    for node in [trigger, *trigger.ancestors]:
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in W.sequence_marks:
            mark, clause = node.head, node.head
        elif node.dep_ == "advcl" and node.tag_ in ("VBD", "VBN"):
            mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in W.sequence_marks), None)
            if mark is None:
                continue
            clause = node
        else:
            continue
        if mark.lower_ == "since":
            return True
        return mark.lower_ in ("after", "before") and any(_span_of(t) for t in (mark, clause, mark.head))
    return False


def _span_of(tok) -> bool:
    """Does a span of time measure this word ("*two years* after", "*weeks* later")?"""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in W.duration_units for c in tok.children)


def claimed_by(act):
    """The verb by which someone owns up to the act a noun names: "claimed responsibility *for
    the attack*", "took credit for the bombing" (the parser may hang the "for" on the verb), or
    None. The act came before the claim, and it is the claimer's."""
    if act.dep_ != "pobj" or act.head.lower_ != "for":
        return None
    verb = act.head.head
    if verb.lemma_.lower() in W.responsibility_nouns and verb.dep_ == "dobj":
        verb = verb.head
    elif not any(c.dep_ == "dobj" and c.lemma_.lower() in W.responsibility_nouns for c in verb.children):
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in W.claim_verbs else None
