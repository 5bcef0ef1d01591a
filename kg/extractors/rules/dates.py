"""Time in a sentence: the date of each event, and the dates the other rules step over.

An event's date (:func:`event_time`) is read from the time expressions of its sentence
(spaCy's DATE and TIME entities, and named eras such as "the Cold War"), each tied to the
token it hangs on by the dependency parse: "invaded *in 1982*", "*last year*, China
criticized", "the *1982* war", "met at a summit *on Saturday*". :mod:`kg.dates` reads an
expression against the article's date at the precision it gives; this module decides
which expression belongs to which event, and when a sentence without one still puts the
event in the past. The words are in ``kg/data/rules/time_place.tsv``.

Dates and years also sit between the words other rules look for: "44 B.C." is a year the
NER may take for a place, "the assassination in 1914 of the archduke" hangs its victim on
the year, "was born on Feb. 5, 1907, in Portland" hangs the place on the date, and a wire
dateline puts a date between the town and the agency. The first helpers step over them.
"""

from __future__ import annotations

import re

from ...dates import WEEKDAYS, When, defunct_until, era, read
from .words import W

WEEKDAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tonight", "tomorrow"}


def is_era_year(span) -> bool:
    """"44 B.C.", "AD 79": a year with its era marker, not British Columbia."""
    return len(span) == 1 and span.text.upper().rstrip(".").replace(".", "") in W.eras \
        and any(c.dep_ == "nummod" for c in span[0].children)


def dates_on(tok) -> list:
    """The dates hanging on a noun by "in"/"on": "the assassination *in 1914* of the archduke"."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"]


def is_date_or_number(tok) -> bool:
    """A date, a number or a figure: what a dateline or a birth date puts between words."""
    return tok.ent_type_ in ("DATE", "CARDINAL") or tok.like_num


def place_after_date(verb) -> list:
    """"was born on Feb. 5, 1907, in Portland": the objects of an "in" that the parse hung on
    the date after the verb rather than on the verb."""
    doc = verb.doc
    k = next((t.i for t in doc[verb.i + 1:min(verb.i + 10, verb.sent.end)] if t.lower_ == "in"
              or t.pos_ == "VERB"), None)
    if k is not None and doc[k].lower_ == "in" and doc[k].head.i != verb.i \
            and (doc[k].head.ent_type_ == "DATE" or doc[k].head.like_num):
        return [p for p in doc[k].children if p.dep_ == "pobj"]
    return []


# ---------------------------------------------------------------- the event's own date

def carriers(ctx, trigger) -> list:
    """The tokens the event's time and place may hang on: the trigger; for a noun, the verb
    that only carries it ("imposed a ban *last year*", "the talks took place *in Geneva*"),
    the copula of the noun it is told by ("was the target of an attack *in 2006*"),
    or the participle that tells it ("a lawsuit filed *on Sunday*"); the means it was done
    by ("killed her by strangling her *in 2016*"); and the occasion it happened at ("met at
    a summit *in Osaka on Saturday*")."""
    from .triggers import verb_event

    out = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and trigger.head.pos_ in ("VERB", "AUX") \
                and verb_event(ctx, trigger.head) is None:
            out.append(trigger.head)
        out += [c for c in trigger.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")]
        frame = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
        if frame is not None and frame.dep_ == "attr" and frame.head.pos_ in ("VERB", "AUX"):
            out.append(frame.head)  # "*in 2006*, the plant was the target of an attack"
    out += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pcomp" and p.tag_ == "VBG"]
    for holder in list(out):
        out += [p for prep in holder.children if prep.dep_ == "prep" and prep.lower_ in W.occasion_preps
                for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_]
    return out


def event_time(ctx, trigger, modality: str, participants=()) -> tuple[str | None, bool]:
    """(date, past): the date of the event a trigger states, as ISO text at the precision the
    sentence gives, or None; with no date, whether the sentence puts the event in the past
    (pluperfect, "decades ago", "in the 1980s", a state that no longer exists), when the
    article's date is not its date either.

    The date is the one whose expression hangs on the event (:func:`carriers`); failing
    that, the one on the clause that governs it ("attacked the town *in 1982*, killing 50"),
    except across "after"/"before". A past date never dates a planned event, nor a future
    one an event that happened.
    """
    article = ctx.document.date
    holders = carriers(ctx, trigger)
    # the clause the event is told in: the trigger's, or its carrying verb's
    node = holders[1] if len(holders) > 1 and holders[1].pos_ in ("VERB", "AUX") else trigger
    clause = node
    tense = _tense(node) or ("future" if modality in ("intended", "hypothetical") else None)
    exprs = _expressions(ctx.sent)
    whens = _attached(exprs, holders, article, tense) + _attached(exprs, _beside(ctx, holders), article, tense, True)
    for _ in range(4):
        if whens or not _inherits(node):
            break
        node = node.head
        whens = _attached(exprs, [node], article, _tense(node) or tense)  # read in the governing clause's tense
    # "a bomber had attacked a vessel in late February": before the story's time, in a
    # February of any year; the article's year is a guess the pluperfect forbids
    history = any(_pluperfect(h) for h in holders) or _under_pluperfect(holders[0])
    dates = [w.date for w in whens if w.date and _fits(w, article, tense) and not (w.guessed and history)]
    finest = max(dates, key=len) if dates else None
    if finest and all(finest.startswith(d) for d in dates):
        return finest, False
    if modality in ("intended", "hypothetical"):
        return None, _stated_in_history(ctx, clause, article)
    if history or any(w.past for w in whens) or _past_cue(ctx, holders, participants) \
            or _before_the_story(trigger, holders, article) or _told_in_the_past(ctx, trigger, node, article, tense):
        return None, True
    return None, False


def _stated_in_history(ctx, act, article: str | None) -> bool:
    """Was an undated intended act stated in earlier months or years ("*in 2018* Trump vowed to
    withdraw the troops", "had threatened to impose tariffs")? Its intent is of then, and the
    article's day is not its date."""
    verb = act
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if _tense(verb) == "past":
            break
    else:
        return False
    if article is None or _tense(verb) != "past":
        return False
    date, past = event_time(ctx, verb, "asserted")
    return past or date is not None and len(date) < 10 and date < article[:len(date)]


def _beside(ctx, holders) -> list:
    """Tokens whose dates are the event's though they hang elsewhere: a clause of the same
    time ("*when* announcing the shutdown on Monday, X called on ..."), and the event's
    arguments that are no events of their own, on which the parser often hangs the event's
    "in 1997" ("relinquished control of Hong Kong to China in 1997"); of these only the
    dates behind a preposition count ("criticized the 2015 deal" is no event of 2015)."""
    out = []
    for h in holders:
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in W.simultaneous_marks
                                         for m in c.children) and not _compared(c):
                out.append(c)
            behind = c.dep_ in ("prep", "agent") and c.lower_ not in W.date_preps  # "by Trump in May"
            nouns = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] if behind else []
            out += [n for n in nouns if n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() not in ctx.lex.nouns
                    and n.lemma_.lower() not in W.time_nouns and n.ent_type_ not in ("DATE", "TIME")]
    return out


def _compared(clause) -> bool:
    """"as it had done in 2017", "as it did in 2008": a likeness with another time, not the
    same time."""
    return clause.lemma_.lower() == "do" or _pluperfect(clause)


def _tense(verb) -> str | None:
    """"past" or "future" when the verb's tense says so ("attacked", "has met", "will visit")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or aux & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    return "future" if aux & {"will", "shall"} else None


def _expressions(sent) -> list[tuple[str, list[tuple[object, str | None]]]]:
    """The time expressions of a sentence, each with where it hangs: (text, [(token, preposition)])."""
    out = []
    for ent in sent.ents:
        text, root = ent.text, ent.root
        if root.dep_ in ("compound", "nummod", "amod", "nmod"):
            head = root.head
            if era(f"{text} {head.text}"):
                text = f"{text} {head.text}"  # "the September 11 attacks" is no September 11
            elif head.i == ent.end and head.lemma_.lower() in W.time_nouns:
                text, root = f"{text} {head.text}", head  # "yesterday" + "morning"
        if ent.label_ in ("DATE", "TIME") or era(text):  # ("the 9/11 attacks" is a CARDINAL)
            out.append((text, _hangs_on(root)))
    return out


def _hangs_on(root) -> list[tuple[object, str | None]]:
    """Where a time expression hangs: the token it modifies and the preposition between.

    "invaded *in 1982*" → (invaded, "in"); "*last year*, China ..." → (criticized, None);
    "the *1982* war" → (war, None), and when the war is itself the time of a clause ("during
    the 1982 war, X invaded"), (invaded, "during") too."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in 1982 and 1983"
    if root.dep_ == "pobj":
        prep = root.head
        head = prep.head
        # "on the morning of March 2", "at the end of last year": the time noun's own time
        if prep.lower_ == "of" and head.lemma_.lower() in W.time_nouns and head.dep_ == "pobj":
            prep, head = head.head, head.head.head
        if head.dep_ == "advmod" and head.pos_ == "ADV":
            head = head.head  # "back in 1994", "as early as 2015"
        elif _said_before(head, prep):
            head = head.head  # "said on Monday he would": the parser hangs the saying's day on the act
        elif head.lower_ == "time" and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
            head = head.head.head  # "met for the first time on Monday"
        return [(head, prep.lower_)]
    if root.dep_ in ("nummod", "compound", "amod", "poss", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        out = [(noun, None)]
        if noun.dep_ == "pobj" and noun.head.lower_ in W.occasion_date_preps | W.until_preps:
            out.append((noun.head.head, noun.head.lower_))  # not "criticized X over the 2015 treaty"
        return out
    return [(root.head, None)]


def _said_before(clause, prep) -> bool:
    """Does the expression at ``prep`` stand between a verb of saying and the subject of the
    clause it reports ("said *on Monday* he would meet")?"""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in W.speech_verbs:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and clause.head.i < prep.i < subject.i


def _attached(exprs, holders, article: str | None, tense: str | None, by_preposition: bool = False) -> list:
    """What the expressions hanging on these tokens say of the event's time (kg.dates.When)."""
    ids = {t.i for t in holders}
    whens = []
    for text, hangs in exprs:
        for head, prep in hangs:
            if head.i not in ids or (prep is not None and prep not in W.date_preps and prep not in W.until_preps
                                     and prep != "since" and not (prep in W.range_preps and _range(text))) \
                    or (by_preposition and prep is None):
                continue
            when = read(text, article, tense)
            if when is None:
                continue
            if prep == "since":  # "have fought three wars since 1947": over the years since, none
                if _perfect(head) and _repeated(head):  # of them the article's day; but "has occupied
                    whens.append(When(None, when.past))  # it since 2014" is a state of the article's day
                continue
            if prep in W.until_preps:  # "until 1991": no date, but past when the bound is
                if when.guessed:
                    continue  # "released on bail till October": which October, the tense cannot say
                when = When(None, when.past)
            whens.append(when)
    return whens


def _range(text: str) -> bool:
    """"1910 to 1945", "2011 and 2013": a span of years behind "from" or "between"."""
    return bool(re.search(r"\d{4}\s*(?:to|and|until|till|through|-|–)\s*\d{2,4}", text))


def _fits(when, article: str | None, tense: str | None) -> bool:
    """A future event is not dated in the past, nor any other after the article."""
    if article is None:
        return True
    if tense == "future":
        return not when.past
    return when.date <= article[:len(when.date)]


def _inherits(node) -> bool:
    """Does the clause a token heads take the time of the clause that governs it? (Or a
    nominal event the time of the verb it is the subject of: "a fire on a highway killed
    five on Thursday"; not of a passive, whose subject undergoes it: "the ban was lifted in
    2011" is no ban of 2011.)"""
    if node.head.i == node.i:
        return False
    if node.dep_ == "nsubj" and node.pos_ in ("NOUN", "PROPN"):
        return True
    if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "pcomp"):
        return False
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in W.sequence_marks for c in node.children):
        return False  # "after Iran attacked": before the main clause's time
    if node.head.dep_ == "prep" and node.head.lower_ in W.sequence_marks:
        return False  # "before attacking"
    # "attacked in 1982 and now threatens": coordinated clauses share a time in one tense only
    return node.dep_ != "conj" or node.tag_ == node.head.tag_ or _tense(node) == _tense(node.head) is not None


def _past_cue(ctx, holders, participants) -> bool:
    """Does the sentence put the event in the past without dating it?"""
    for tok in holders:
        if _pluperfect(tok) or _used_to(tok):
            return True
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in W.past_adverbs:
                return True  # "Spain once ruled Cuba"
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in W.past_objects and not p.ent_type_ for p in c.children):
                return True  # "in the past"
    return any(defunct_until(m.country) is not None or _then(ctx, m) for m in participants)


def _told_in_the_past(ctx, trigger, clause, article: str | None, tense: str | None) -> bool:
    """A past-tense sentence set wholly in earlier years, whose date the parse hung on another
    word ("in 2018, Hungary licensed ... then agreed with Airbus", "born in 1941, he met
    Garcia"), tells history, not news of the article's day; so does an undated past-tense
    sentence that goes on with the story of the sentence before it, in the same paragraph,
    when that one is set in earlier years ("Kennedy was killed in June 1968. Sirhan shot him
    in the head.": :func:`_narrative_past`)."""
    told = tense if clause.pos_ in ("VERB", "AUX") else _tense(_verb_of(clause))  # a noun's: its verb's
    if article is None or told != "past":
        return False
    return _set_in_past(ctx.sent, article, trigger) or _narrative_past(ctx.sent, article)


def _verb_of(noun):
    """The verb a noun is told in: "was the target *of an attack*" → was."""
    for tok in noun.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return noun


def _under_pluperfect(tok) -> bool:
    """Is the event told inside a pluperfect clause it takes its time from ("the US had been
    allied with Kurdish groups *in fighting* ISIS")?"""
    node = tok
    for _ in range(4):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ not in W.sequence_marks:
            node = node.head.head
        elif _inherits(node) and node.dep_ != "nsubj":
            node = node.head
        else:
            return False
        if _pluperfect(node):
            return True
    return False


def _before_the_story(trigger, holders, article: str | None) -> bool:
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
                    _set_in_past(h.sent, article, h) or _narrative_past(h.sent, article)):
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


def _set_in_past(sent, article: str, trigger=None) -> bool | None:
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
        if any((h.dep_ in ("relcl", "acl") or h.dep_ == "advcl" and _compared(h))
               and (trigger is None or trigger not in h.subtree) for h in ent.root.ancestors) \
                or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in W.since_preps) \
                or (ent.root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and ent.root.head.pos_ == "NOUN"):
            continue
        when = read(ent.text, article, "past")
        if when is None or not when.past:
            return False
        seen = True
    return seen


def _narrative_past(sent, article: str, depth: int = 2) -> bool:
    """An undated past-tense sentence carries on the time of the sentence before it in the
    same paragraph: history when that one is set in earlier years, or carries on a story that
    is (up to ``depth`` sentences back). A sentence with a date or time of its own, one
    that opens a paragraph, or one that says what a source reports, sets its own time."""
    if any(e.label_ in ("DATE", "TIME") and not _time_of_day(e) for e in sent.ents):
        return False
    root = sent.root
    if root.lemma_.lower() in W.speech_verbs and any(c.dep_ == "ccomp" for c in root.children):
        return False  # "Al Jazeera reported that ...": a source's report is news, not the story told before
    doc = sent.doc
    if sent.start == 0 or "\n" in doc.text[doc[sent.start - 1].idx:sent.start_char]:
        return False
    before = doc[sent.start - 1].sent
    if _tense(before.root) != "past":
        return False
    placed = _set_in_past(before, article)
    if placed is not None:
        return placed
    return depth > 1 and _narrative_past(before, article, depth - 1)


def _time_of_day(ent) -> bool:
    """"just after midnight", "at 9 pm": a time that dates no day."""
    return ent.label_ == "TIME" and not any(t.lower_ in WEEKDAY_WORDS or t.like_num and len(t.text) == 4 for t in ent)


def _perfect(tok) -> bool:
    """"have fought", "has expelled": a present perfect."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children)


def _repeated(verb) -> bool:
    """"fought *three* wars", "*repeatedly* attacked": acts told as many, not one state."""
    return any(c.dep_ == "advmod" and c.lower_ in W.repeat_adverbs for c in verb.children) or any(
        n.dep_ == "nummod" and n.lower_ not in ("one", "1") for c in verb.children if c.dep_ == "dobj"
        for n in c.children)


def _pluperfect(tok) -> bool:
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
