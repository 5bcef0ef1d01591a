"""Time in a sentence, as far as the rules must read it to find who did what where.

Dates and years sit between the words a rule looks for: "44 B.C." is a year the NER may
take for a place, "the assassination in 1914 of the archduke" hangs its victim on the
year, "was born on Feb. 5, 1907, in Portland" hangs the place on the date, and a wire
dateline puts a date between the town and the agency. These helpers step over them. (The
day a sentence names is read for the whole article by :mod:`kg.dates`, and resolution
gives it to the sentence's events; a rule that reads an event's own date belongs here.)
"""

from __future__ import annotations

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
