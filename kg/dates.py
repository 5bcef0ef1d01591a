"""When an event happened, from the words that date it and the article's date.

News dates events against the day it is written ("on Wednesday", "last year", "two years
ago") or absolutely ("on March 2", "in March 1982", "in 1982"). :func:`read` turns one such
expression into a :class:`When`: ISO text at the precision the words give, the finest
calendar unit holding the whole period they name (a day, a month or a year), and whether
that period ended before the article's day. A period kg cannot write as one of those ("in
the 1980s", "decades ago", "during the Cold War", "last week" across two months) gets no
date, only whether it lies in the past. The words (months, seasons, relative days, number
words, named eras) are data in ``kg/data/rules/dates.tsv``.

Yearless dates ("March 3", "in May", "last summer") are read in the direction of the
event: ``tense="past"`` takes the latest such day on or before the article, ``"future"``
the first on or after it, and None the nearest one.

>>> read("Wednesday", "2019-09-06")              # a Friday: the Wednesday before
When(date='2019-09-04', past=True)
>>> read("next Monday", "2019-09-06").date
'2019-09-09'
>>> read("March 3", "2019-09-06").date, read("3 March 2018", None).date
('2019-03-03', '2018-03-03')
>>> read("last year", "2019-09-06"), read("in March 1982", None)
(When(date='2018', past=True), When(date='1982-03', past=False))
>>> read("two months ago", "2019-09-06").date, read("earlier this month", "2019-09-06").date
('2019-07', '2019-09')
>>> read("in the 1980s", "2019-09-06"), read("decades ago", "2019-09-06")
(When(date=None, past=True), When(date=None, past=True))
>>> read("the Falklands War", "2019-09-06").date, read("during the Cold War", "2019-09-06")
('1982', When(date=None, past=True))
>>> read("for three years", "2019-09-06") is None   # a duration dates nothing
True

Which expression dates which event is the extractor's to decide
(:mod:`kg.extractors.rules.dates`).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import resources

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class When:
    """What a time expression says of an event's time.

    ``date`` is ISO text at its precision ("2019-03-05", "2019-03", "1982"), or None when
    the period is no one day, month or year; ``past`` is True when the period ended before
    the article's day (so an event in it is history, not news of the day); ``guessed`` when
    the words give no year and it was taken from the article's ("March 3", "in May").
    """

    date: str | None
    past: bool = False
    guessed: bool = field(default=False, repr=False, compare=False)


@functools.cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """One map of ``kg/data/rules/dates.tsv``: each key (lower case) → its values."""
    maps: dict[str, dict[str, tuple[str, ...]]] = {}
    text = resources.files("kg.data").joinpath("rules", "dates.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"kg/data/rules/dates.tsv, line {number}: a row has 3 cells (name, keys, "
                             f"values), not {len(cols)}: {line!r}")
        values = tuple(v.strip() for v in cols[2].split(",") if v.strip())
        for key in cols[1].split(","):
            maps.setdefault(cols[0].strip(), {})[key.strip().lower()] = values
    if name not in maps:
        raise KeyError(f"no map {name!r} in kg/data/rules/dates.tsv (it has {', '.join(sorted(maps))})")
    return maps[name]


def defunct_until(country: str | None) -> int | None:
    """The last year of a state that no longer exists (ISO code "SUN" → 1991), else None."""
    row = table("defunct_states").get((country or "").lower())
    return int(row[0]) if row else None


def era(text: str) -> tuple[int, int] | None:
    """The first and last year of a named period of history ("the Cold War" → 1947, 1991)."""
    row = table("named_eras").get(_normal(text).removeprefix("the "))
    return (int(row[0]), int(row[1])) if row else None


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    months = "|".join(sorted(table("months"), key=len, reverse=True))
    seasons = "|".join(sorted(table("seasons"), key=len, reverse=True))
    which = "|".join(sorted(table("unit_which"), key=len, reverse=True))
    numbers = "|".join(sorted({*table("numbers"), *table("vague_counts")}, key=len, reverse=True))
    parts = "|".join(sorted(table("period_parts"), key=len, reverse=True))
    month, day, year = rf"(?P<month>{months})\.?", r"(?P<day>\d{1,2})(?:st|nd|rd|th)?", r"(?P<year>\d{4})"
    return {
        "parts": re.compile(rf"^(?:{parts})(?:\s+|-)(?:of\s+)?"),
        "day_month": re.compile(rf"^(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?$"),
        "month_day": re.compile(rf"^{month}\s+{day}(?:,?\s+{year})?$"),
        "iso": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
        "month_year": re.compile(rf"^{month},?\s+(?:of\s+)?{year}$"),
        "month_which_year": re.compile(rf"^{month},?\s+(?:of\s+)?(?P<which>last|this|next)\s+year$"),
        "year": re.compile(rf"^(?:the\s+year\s+)?{year}$"),
        "years": re.compile(r"^(?:between|from)?\s*(?P<first>\d{4})\s*(?:and|to|until|till|through|-|–)\s*"
                            r"(?P<last>\d{4}|\d{2})$"),
        "month": re.compile(rf"^(?:(?P<which>last|this|next|this past|past|coming|this coming)\s+)?{month}$"),
        "season": re.compile(rf"^(?:(?P<which>last|this|next|this past|past|coming|this coming)\s+)?"
                             rf"(?P<season>{seasons})$"),
        "weekday": re.compile(r"^(?P<which>last|this past|past|next|this coming|coming|this)?\s*"
                              r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$"),
        "unit": re.compile(rf"^(?P<which>{which})\s+(?P<unit>week|weekend|month|year)$"),
        "ago": re.compile(rf"^(?:(?P<n>\d+|{numbers})\s+)?"
                          r"(?P<unit>day|week|month|year|decade|centur)(?:s|y|ies)?\s+ago$"),
        "decade": re.compile(r"^(?:the\s+)?(?:'|(?P<century>\d{2}))(?P<decade>\d)0'?s$"),
        "century": re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$"),
    }


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace(",", " , ")
    text = " ".join(text.split()).replace(" ,", ",").strip(" ,.")
    return re.sub(r"'s$", "", text)


def read(text: str, article_date: str | None, tense: str | None = None) -> When | None:
    """What ``text`` says of when, read on ``article_date``; None when it dates nothing.

    ``tense`` ("past", "future" or None) picks the year of a yearless date ("in May").
    """
    text = _normal(text)
    for prefix in ("back in ", "on ", "in ", "during ", "at ", "over ", "throughout ", "of "):
        text = text.removeprefix(prefix)
    today = _parse(article_date)
    if (years := era(text)) is not None:
        return _years(*years, today)
    p = _patterns()
    text = p["parts"].sub("", text)  # "early 2018" is 2018, "the end of March" March
    if text in table("relative_days"):
        return _span(today + timedelta(days=int(table("relative_days")[text][0])), None, today) if today else None
    for name in ("iso", "day_month", "month_day"):
        if m := p[name].match(text):
            return _day(m, today, tense)
    if m := p["month_year"].match(text):
        return _month(int(m["year"]), _month_number(m["month"]), today)
    if (m := p["month_which_year"].match(text)) and today:  # "January of this year"
        return _month(today.year + {"last": -1, "next": 1}.get(m["which"], 0), _month_number(m["month"]), today)
    if m := p["year"].match(text):
        return _years(int(m["year"]), int(m["year"]), today)
    if m := p["years"].match(text):  # "between 2011 and 2013", "1998-2000", "2011-13"
        last = m["last"] if len(m["last"]) == 4 else m["first"][:2] + m["last"]
        return _years(int(m["first"]), int(last), today)
    if (m := p["decade"].match(text)) or (m := p["century"].match(text)):
        return _decade_or_century(m, today)
    if today is None:
        return None
    return _relative(text, today, tense)


def _decade_or_century(m: re.Match, today: date | None) -> When | None:
    """"the 1980s", "the '90s", "the 19th century": past when they ended before the article."""
    if "n" in m.groupdict():
        n = int(m["n"])
        return _years((n - 1) * 100 + 1, n * 100, today)
    first = int(m["century"] or (str(today.year)[:2] if today else "19")) * 100 + int(m["decade"]) * 10
    if m["century"] is None and today and first > today.year:
        first -= 100  # "the '90s" in 2019
    return _years(first, first + 9, today)


def _relative(text: str, today: date, tense: str | None) -> When | None:
    p = _patterns()
    if m := p["weekday"].match(text):
        return _weekday(m, today, tense)
    if m := p["month"].match(text):
        return replace(_yearless_month(_month_number(m["month"]), _which(m["which"], tense), today),
                       guessed=not m["which"])
    if m := p["season"].match(text):
        first, last = (int(x) for x in table("seasons")[m["season"]])
        return replace(_season(first, last, _which(m["which"], tense), today), guessed=not m["which"])
    if m := p["unit"].match(text):
        return _unit(table("unit_which")[m["which"]][0], m["unit"], today)
    if m := p["ago"].match(text):
        return _ago(m["n"], m["unit"], today)
    return None


def _which(word: str | None, tense: str | None) -> str | None:
    """"last May" is past, "next May" future, "this May" the nearest, "May" as the tense says."""
    if word in ("last", "past", "this past"):
        return "past"
    if word in ("next", "coming", "this coming"):
        return "after"  # not the one under way: "next spring" in March is next year's
    return None if word == "this" else tense


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return int(table("months")[word.lower().rstrip(".")][0])


def _span(first: date, last: date | None, today: date | None) -> When:
    """The finest calendar unit holding first..last: a day, a month, a year, or none."""
    last = last or first
    if first == last:
        iso = first.isoformat()
    elif (first.year, first.month) == (last.year, last.month):
        iso = f"{first.year:04d}-{first.month:02d}"
    elif first.year == last.year:
        iso = f"{first.year:04d}"
    else:
        iso = None
    return When(iso, today is not None and last < today)


def _years(first: int, last: int, today: date | None) -> When | None:
    if not 1 <= first <= last <= 9999:
        return None
    return When(f"{first:04d}" if first == last else None, today is not None and last < today.year)


def _month(year: int, month: int, today: date | None) -> When:
    return _span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), today)


def _day(m: re.Match, today: date | None, tense: str | None) -> When | None:
    month = int(m["month"]) if m["month"].isdigit() else _month_number(m["month"])
    if m["year"]:
        years = [int(m["year"])]
    elif today is None:
        return None
    else:
        years = [today.year - 1, today.year, today.year + 1]
    days = []
    for year in years:
        try:
            days.append(date(year, month, int(m["day"])))
        except ValueError:
            continue
    if not days:
        return None
    return replace(_span(_nearest(days, today, tense), None, today), guessed=not m["year"])


def _nearest(candidates: list[date], today: date | None, tense: str | None) -> date:
    """Of the same yearless date in several years, the one the tense points to."""
    if today is None or len(candidates) == 1:
        return candidates[0]
    if tense == "past":
        before = [d for d in candidates if d <= today]
        return max(before) if before else min(candidates)
    if tense == "future":
        after = [d for d in candidates if d >= today]
        return min(after) if after else max(candidates)
    # News tells what happened: the latest one, unless it is at most a month ahead
    soon = [d for d in candidates if d <= today + timedelta(days=31)]
    return max(soon) if soon else min(candidates)


def _weekday(m: re.Match, today: date, tense: str | None = None) -> When:
    wanted = WEEKDAYS.index(m["weekday"])
    which = m["which"] or ""
    if which in ("next", "this coming", "coming"):
        return _span(today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1), None, today)
    if tense == "future" and not which:  # "will meet on Friday": the first on or after the article
        return _span(today + timedelta(days=(wanted - today.weekday()) % 7), None, today)
    # News tells what happened: a bare weekday is the latest one on or before the article.
    back = (today.weekday() - wanted) % 7
    if which in ("last", "this past", "past") and back == 0:
        back = 7
    return _span(today - timedelta(days=back), None, today)


def _yearless_month(month: int, tense: str | None, today: date) -> When:
    firsts = [date(y, month, 1) for y in (today.year - 1, today.year, today.year + 1)]
    if tense == "after":
        start = min(d for d in firsts if d > today)
    elif tense == "future":  # the first that has not ended: a month holding the article's day is both
        start = min(d for d in firsts if date(d.year, month, calendar.monthrange(d.year, month)[1]) >= today)
    else:
        start = _nearest(firsts, today, tense)
    return _month(start.year, month, today)


def _season(first_month: int, last_month: int, tense: str | None, today: date) -> When | None:
    spans = []
    for year in (today.year - 1, today.year, today.year + 1):
        end_year = year + (last_month < first_month)
        spans.append((date(year, first_month, 1),
                      date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])))
    if tense in ("future", "after"):  # the first that has not ended (or begun)
        first, last = min(s for s in spans if (s[1] >= today if tense == "future" else s[0] > today))
    else:
        first = _nearest([a for a, _ in spans], today, tense)
        last = dict(spans)[first]
    return _span(first, last, today)


def _unit(which: str, unit: str, today: date) -> When | None:
    """"last week", "this month", "next year", "earlier this week", "the past month"."""
    if unit == "year":
        year = today.year + {"last": -1, "next": 1}.get(which, 0)
        return None if which == "window" else _years(year, year, today)
    if unit == "month":
        if which == "window":
            return _span(today - timedelta(days=30), today, today)
        first = today.replace(day=1)
        if which == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        elif which == "next":
            first = (first + timedelta(days=31)).replace(day=1)
        return _month(first.year, first.month, today)
    if which == "window":
        return _span(today - timedelta(days=7), today, today)
    monday = today - timedelta(days=today.weekday())
    if unit == "weekend":
        saturday = monday + timedelta(days={"last": -2, "next": 12}.get(which, 5))
        return _span(saturday, saturday + timedelta(days=1), today)
    sunday = monday + timedelta(days=6)
    first, last = {"last": (monday - timedelta(days=7), monday - timedelta(days=1)),
                   "this": (monday, sunday),
                   "next": (monday + timedelta(days=7), sunday + timedelta(days=7)),
                   "earlier": (monday, max(monday, today - timedelta(days=1))),
                   "later": (min(today + timedelta(days=1), sunday), sunday)}[which]
    return _span(first, last, today)


def _ago(n: str | None, unit: str, today: date) -> When | None:
    """"two years ago" is a year; "decades ago", "a few years ago" only the past."""
    count = int(n) if n and n.isdigit() else int(table("numbers").get(n or "", ("0",))[0])
    if unit in ("decade", "centur") or count == 0:
        return When(None, True)  # "decades ago", "a few years ago", "centuries ago"
    if unit == "day":
        return _span(today - timedelta(days=count), None, today)
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * count)
        return _span(monday, monday + timedelta(days=6), today)
    if unit == "month":
        first = today.replace(day=1)
        for _ in range(count):
            first = (first - timedelta(days=1)).replace(day=1)
        return _month(first.year, first.month, today)
    return _years(today.year - count, today.year - count, today)
