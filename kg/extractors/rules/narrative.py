"""The time a sentence is told in: its verbs' tense, the years it is set in, the sentence before.

:func:`tense_of` and :func:`pluperfect` read a verb's tense ("attacked", "will visit", "had
invaded" outside reported speech), :func:`compared` a clause set in another time for a
likeness ("as it had done in 2017"). :func:`set_in_past` says whether a sentence is set
wholly in years before the article's, :func:`narrative_past` whether an undated past-tense
sentence carries on the story of the sentence before it, in the same paragraph, set in such
years; :func:`told_in_the_past` asks both for an event whose date the parse hung on
another word. :mod:`.dates` and :mod:`.past` read them.
"""

from __future__ import annotations

from ...dates import WEEKDAYS, read
from .words import W

WEEKDAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tonight", "tomorrow"}


def tense_of(verb) -> str | None:
    """"past" or "future" when the verb's tense says so ("attacked", "has met", "will visit")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or aux & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    return "future" if aux & {"will", "shall"} else None


def pluperfect(tok) -> bool:
    """"had invaded", outside reported speech or thought (where it stands for a simple past:
    "said the army had shelled the town", "wept upon hearing her son had been convicted")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ != "VBN" or not any(
            c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
        return False
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return True
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in W.speech_verbs | W.thought_verbs:
            return False
        node = node.head
    return True


def compared(clause) -> bool:
    """"as it had done in 2017", "as it did in 2008": a likeness with another time, not the
    same time."""
    return clause.lemma_.lower() == "do" or pluperfect(clause)


def told_in_the_past(ctx, trigger, clause, article: str | None, tense: str | None) -> bool:
    """A past-tense sentence set wholly in earlier years, whose date the parse hung on another
    word ("in 2018, Hungary licensed ... then agreed with Airbus", "born in 1941, he met
    Garcia"), tells history, not news of the article's day; so does an undated past-tense
    sentence that goes on with the story of the sentence before it, in the same paragraph,
    when that one is set in earlier years ("Kennedy was killed in June 1968. Sirhan shot him
    in the head.": :func:`narrative_past`)."""
    told = tense if clause.pos_ in ("VERB", "AUX") else tense_of(_verb_of(clause))  # a noun's: its verb's
    if article is None or told != "past":
        return False
    return set_in_past(ctx.sent, article, trigger) or narrative_past(ctx.sent, article)


def _verb_of(noun):
    """The verb a noun is told in: "was the target *of an attack*" → was."""
    for tok in noun.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return noun


def set_in_past(sent, article: str, trigger=None) -> bool | None:
    """Is the sentence set wholly in years before the article's? None when it names no year
    that dates a clause. Only such years count: not a year that names a thing ("criticized
    the 2015 treaty"), nor one behind "since" (a state still going on), nor one inside a
    relative clause that does not hold the event ("the plane, which was built in 1977"), nor
    one in a likeness with another time ("as it had done in 2008")."""
    seen = None
    for ent in sent.ents:
        if ent.label_ != "DATE" or not any(t.like_num and len(t.text) == 4 for t in ent) \
                or ent.root.head.lower_ in W.time_zones:
            continue  # not a year: "1700 UTC" is a time of day
        if any((h.dep_ in ("relcl", "acl") or h.dep_ == "advcl" and compared(h))
               and (trigger is None or trigger not in h.subtree) for h in ent.root.ancestors) \
                or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in W.since_preps) \
                or (ent.root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and ent.root.head.pos_ == "NOUN"):
            continue
        when = read(ent.text, article, "past")
        if when is None or not when.past:
            return False
        seen = True
    return seen


def narrative_past(sent, article: str, depth: int = 2) -> bool:
    """An undated past-tense sentence carries on the time of the sentence before it in the
    same paragraph: history when that one is set in earlier years, or carries on a story that
    is (up to ``depth`` sentences back). A sentence with a date or time of its own, one
    that opens a paragraph, or one that says what a source reports, sets its own time."""
    if any(e.label_ in ("DATE", "TIME") and not _time_of_day(e) and not _of_the_story(e, article) for e in sent.ents):
        return False
    root = sent.root
    if root.lemma_.lower() in W.speech_verbs and any(c.dep_ == "ccomp" for c in root.children):
        return False  # "Al Jazeera reported that ...": a source's report is news, not the story told before
    doc = sent.doc
    # (the text between the two sentences is the last token's with its space: doc.text, made
    # again at each call, is not needed)
    if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
        return False
    before = doc[sent.start - 1].sent
    if tense_of(before.root) != "past":
        return False
    placed = set_in_past(before, article)
    if placed is not None:
        return placed
    return depth > 1 and narrative_past(before, article, depth - 1)


def _of_the_story(ent, article: str) -> bool:
    """"on the first day", "the next day", "that day": a time counted from the story's own,
    which the article's date cannot place (not "recent days", which is the article's)."""
    return any(t.lower_ in W.story_time_words for t in ent) and read(ent.text, article, "past") is None


def _time_of_day(ent) -> bool:
    """"just after midnight", "at 9 pm": a time that dates no day."""
    return ent.label_ == "TIME" and not any(t.lower_ in WEEKDAY_WORDS or t.like_num and len(t.text) == 4 for t in ent)
