"""The day a sentence's event happened, from the dates it names and the article's date.

News rarely dates an event absolutely: "on Wednesday", "yesterday", "on May 14". Read
against the article's date these name one day, which becomes the event's ``kg:eventDate``
(the article date stays ``kg:articleDate``). Only day-precise expressions count ("in 2015",
"last month" name no day), and a sentence naming two different days gets none: a wrong
date is worse than the article's.

>>> day_of("Wednesday", "2019-09-06")       # a Friday: the Wednesday before
'2019-09-04'
>>> day_of("next Monday", "2019-09-06")
'2019-09-09'
>>> day_of("March 3", "2019-09-06"), day_of("3 March 2018", None)
('2019-03-03', '2018-03-03')
>>> day_of("December 30", "2020-01-02")     # a yearless day just after the article: last year
'2019-12-30'
>>> day_of("last year", "2019-09-06") is None
True
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                      "august", "september", "october", "november", "december"), 1)}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
_RELATIVE = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
             "yesterday evening": -1}
# Verbs whose date belongs to them, not to the relation the sentence also states.
OTHER_EVENTS = {"bear", "born", "die", "found", "establish", "marry", "publish", "release", "elect"}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_ABSOLUTE = (re.compile(rf"^(?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}$", re.IGNORECASE),
             re.compile(rf"^(?:on\s+)?{_MONTH}\s+{_DAY}{_YEAR}$", re.IGNORECASE),
             re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"))
_WEEKDAY = re.compile(r"^(?:on\s+)?(?P<which>last|this past|past|next|this coming|coming|this)?\s*"
                      r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$",
                      re.IGNORECASE)


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def day_of(text: str, article_date: str | None) -> str | None:
    """The ISO day ``text`` names, read on ``article_date``; None when it names no one day."""
    text = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",").strip(" ,.")
    today = _parse(article_date)
    if text in _RELATIVE:
        return (today + timedelta(days=_RELATIVE[text])).isoformat() if today else None
    if (m := _WEEKDAY.match(text)) and today:
        wanted = WEEKDAYS.index(m["weekday"].lower())
        which = (m["which"] or "").lower()
        if which in ("next", "this coming", "coming"):
            return (today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)).isoformat()
        # News tells what happened: a bare weekday is the latest one on or before the article.
        back = (today.weekday() - wanted) % 7
        if which in ("last", "this past", "past") and back == 0:
            back = 7
        return (today - timedelta(days=back)).isoformat()
    for pattern in _ABSOLUTE:
        if m := pattern.match(text):
            month = int(m["month"]) if m["month"].isdigit() else MONTHS[m["month"].lower()]
            year = int(m["year"]) if m["year"] else (today.year if today else None)
            if year is None:
                return None
            try:
                day = date(year, month, int(m["day"]))
            except ValueError:
                return None
            if not m["year"] and today and day - today > timedelta(days=31):
                day = day.replace(year=year - 1)  # "December 30" in a January article
            return day.isoformat()
    return None


def _governor(tok) -> str:
    """The lemma of the verb a date hangs on."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.lemma_.lower()


def sentence_days(parsed, article_date: str | None) -> dict[int, str]:
    """Sentence start offset → the one day the sentence names, for sentences naming exactly one."""
    days: dict[int, set[str]] = {}
    for ent in getattr(parsed, "ents", ()):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if _governor(ent.root) in OTHER_EVENTS:
            continue  # "born on June 23, 1941, he met …": the date is the birth's, not the meeting's
        day = day_of(ent.text, article_date)
        if day is not None:
            days.setdefault(ent.sent.start_char, set()).add(day)
    return {start: next(iter(found)) for start, found in days.items() if len(found) == 1}
