"""Time in a sentence: the date of each event, and the dates the other rules step over.

An event's date (:func:`event_time`) is read from the time expressions of its sentence
(spaCy's DATE and TIME entities, and named eras such as "the Cold War"), each tied to the
token it hangs on by the dependency parse: "invaded *in 1982*", "*last year*, China
criticized", "the *1982* war", "met at a summit *on Saturday*". :mod:`kg.dates` reads an
expression against the article's date at the precision it gives; this module decides
which expression belongs to which event. When a sentence without one still puts the event
in the past is for :mod:`.past`, and the time a sentence is told in (its verbs' tense, the
years it is set in, the story of the sentence before it) for :mod:`.narrative`. The words
are in ``kg/data/rules/time_place.tsv``.

Dates and years also sit between the words other rules look for: "44 B.C." is a year the
NER may take for a place, "the assassination in 1914 of the archduke" hangs its victim on
the year, "was born on Feb. 5, 1907, in Portland" hangs the place on the date, and a wire
dateline puts a date between the town and the agency. The first helpers step over them.
"""

from __future__ import annotations

import re

from ...dates import When, era, read
from .narrative import compared, pluperfect, tense_of, told_in_the_past
from .past import before_the_story, claimed_by, past_cue
from .words import W


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
    the verb a phrase putting someone into it hangs on ("*on Monday* placed him under arrest"),
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
        verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" \
            and trigger.head.lower_ in W.carried_act_preps else None
        if verb is not None and verb.pos_ == "VERB" and verb_event(ctx, verb) is None:
            out.append(verb)  # "*on Monday* placed him under arrest": the verb only carries the act
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
    tense = tense_of(node) or ("future" if modality in ("intended", "hypothetical") else None)
    exprs = _expressions(ctx.sent)
    whens = _attached(exprs, holders, article, tense) + _attached(exprs, _beside(ctx, holders), article, tense, True)
    for _ in range(4):
        if whens or not _inherits(node):
            break
        node = node.head
        whens = _attached(exprs, [node], article, tense_of(node) or tense)  # read in the governing clause's tense
    # "a bomber had attacked a vessel in late February": before the story's time, in a
    # February of any year; the article's year is a guess the pluperfect forbids
    history = any(pluperfect(h) for h in holders) or _under_pluperfect(holders[0])
    dates = [w.date for w in whens if w.date and _fits(w, article, tense) and not (w.guessed and history)]
    finest = max(dates, key=len) if dates else None
    if finest and all(finest.startswith(d) for d in dates):
        return finest, False
    if modality in ("intended", "hypothetical"):
        return None, _stated_in_history(ctx, clause, article)
    if history or any(w.past for w in whens) or past_cue(ctx, holders, participants) \
            or before_the_story(trigger, holders, article) or told_in_the_past(ctx, trigger, node, article, tense) \
            or _owned_up_before(ctx, trigger, article):
        return None, True
    return None, False


def _owned_up_before(ctx, trigger, article: str | None) -> bool:
    """Was an undated act owned up to on an earlier date ("*in December*, the prince accepted
    responsibility for the murder")? The act came before that: the article's day is not its date."""
    verb = claimed_by(trigger)
    if verb is None or article is None:
        return False
    date, past = event_time(ctx, verb, "asserted")
    return past or date is not None and date < article[:len(date)]


def _stated_in_history(ctx, act, article: str | None) -> bool:
    """Was an undated intended act stated in earlier months or years ("*in 2018* Trump vowed to
    withdraw the troops", "had threatened to impose tariffs")? Its intent is of then, and the
    article's day is not its date."""
    verb = act
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if tense_of(verb) == "past":
            break
    else:
        return False
    if article is None or tense_of(verb) != "past":
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
                                         for m in c.children) and not compared(c):
                out.append(c)
            behind = c.dep_ in ("prep", "agent") and c.lower_ not in W.date_preps  # "by Trump in May"
            nouns = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] if behind else []
            out += [n for n in nouns if n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() not in ctx.lex.nouns
                    and n.lemma_.lower() not in W.time_nouns and n.ent_type_ not in ("DATE", "TIME")]
    return out


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
    return node.dep_ != "conj" or node.tag_ == node.head.tag_ or tense_of(node) == tense_of(node.head) is not None


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
        if pluperfect(node):
            return True
    return False


def _perfect(tok) -> bool:
    """"have fought", "has expelled": a present perfect."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children)


def _repeated(verb) -> bool:
    """"fought *three* wars", "*repeatedly* attacked": acts told as many, not one state."""
    return any(c.dep_ == "advmod" and c.lower_ in W.repeat_adverbs for c in verb.children) or any(
        n.dep_ == "nummod" and n.lower_ not in ("one", "1") for c in verb.children if c.dep_ == "dobj"
        for n in c.children)
