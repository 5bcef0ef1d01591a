"""Datelines: "BANGKOK, Thailand (AP) --", "Sofia, February 15 (BTA)", "Paris AFP in English".

The place a story was filed from lies in its region (locatedIn), and the news agency has
a desk there (basedIn at 0.5: a bureau, not necessarily the head office). Also the header
of a monitored broadcast or press item ("Guatemala City Radio Nacional in Spanish 0400 GMT",
"Lagos DAILY TIMES"). Read off
the first words of a sentence, since the parser makes little of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Mention, RelationMention, is_country_code
from .context import STATES
from .dates import is_date_or_number
from .deps import columns, mention_end
from .geography import bigger
from .records import static
from .words import W

# A monitoring service's story code before a dateline ("AU0202111694") or before the header
# of a translated press item ("94AS0123D", "40101009B").
WIRE_CODE = re.compile(r"^(?:[A-Z]{2}\d{8,}|\d{2}[A-Z]{2}\d{4}[A-Z]|\d{8}[A-Z])$")


def dateline(ctx) -> Iterator[RelationMention]:
    """The relations of the context sentence's dateline, if it starts with one."""
    sent = ctx.sent
    doc = sent.doc
    cols = columns(doc)  # (the words tested before any token is made: this runs for every sentence)
    text = cols.text
    i, end = sent.start, min(sent.end, sent.start + 16)
    if text[i] == "(" and i + 2 < end and text[i + 2] == ")":
        i += 3  # "(Text)"
    code = next((k for k in range(i, end) if len(text[k]) >= 9 and WIRE_CODE.match(text[k])), None)
    if code is not None:
        i = code + 1
    if i >= end or not (cols.is_title[i] or doc[i].is_upper) and ctx.ms.get(i) is None:
        return  # a dateline begins with its town, capitalised (most sentences end here)
    header = list(_header(ctx, doc, i, min(sent.end, i + 12), coded=code is not None))
    if header:
        yield from header
        return
    first = doc[i] if i < end else None
    place, ms = _town(ctx, doc, i, end)
    if place is None or place.type not in STATES:
        return
    i = mention_end(i, place, ms)
    outer = None
    if i + 1 < end and doc[i].text == "," and ms.get(i + 1) is not None and ms[i + 1].type in STATES:
        outer = ms[i + 1]
        i = mention_end(i + 1, outer, ms)
    skipped = 0
    while i < end and skipped < 5 and (doc[i].text == "," or is_date_or_number(doc[i])):
        i += 1
        skipped += 1
    agency = _agency(sent, i, end, ms)
    if agency is None and outer is not None and first.text.isupper() and bigger(outer, place) \
            and (i >= sent.end or doc[i].text in ("(", "_", "--", "—", "-") or doc[i].is_sent_end):
        yield static(ctx, place, "locatedIn", outer, 0.75, first)  # "BLYTHE, Calif.": a dateline alone
        return
    if agency is None or agency.type not in ("Organization", "InternationalOrganization"):
        return
    if outer is not None and bigger(outer, place):
        yield static(ctx, place, "locatedIn", outer, 0.8, first)
    yield static(ctx, agency, "basedIn", place, 0.5, first)
    if outer is not None:
        yield static(ctx, agency, "basedIn", outer, 0.45, first)


def _town(ctx, doc, i: int, end: int) -> tuple[Mention | None, dict]:
    """The place a dateline starts with, and the mention table to read it with (with the town
    added when the NER missed it: "DAYTON, Ohio (AP)", "Saint-Gall, Switzerland (AFP"); the
    agency in brackets after it, required later, makes this a dateline)."""
    ms = ctx.ms
    place = ms.get(i)
    first = doc[i] if i < end else None
    if (place is None or place.type not in STATES) and first is not None and (first.is_title or first.is_upper):
        k = i
        while k < end and k - i < 4 and (doc[k].is_title or doc[k].is_upper or doc[k].text == "-") \
                and doc[k].is_alpha or k < end and doc[k].text == "-":
            k += 1
        if i < k and k + 1 < end and doc[k].text == "," and ms.get(k + 1) is not None \
                and ms[k + 1].type in ("Location", "Country"):
            town = doc[i:k]
            place = Mention(town.text, town.start_char, town.end_char, "City",
                            key=town.text.title() if town.text.isupper() else town.text)
            ms = {**ms, **{t: place for t in range(i, k)}}
    return place, ms


def _agency(sent, i: int, end: int, ms) -> Mention | None:
    """The news agency after a dateline's place and date: "(AP)", "(ITAR-TASS)", "TASS --";
    "Osaka YOMIURI SHIMBUN": a paper's name in capitals after the town is the whole line."""
    doc = sent.doc
    if i + 2 < end and doc[i].text == "(" and ms.get(i + 1) is not None:
        agency = ms[i + 1]
        k = mention_end(i + 1, agency, ms)
        return None if k >= end or doc[k].text != ")" else agency
    if not (i + 1 < end and (doc[i].text == "(" or doc[i].is_upper)):
        return None
    k = i + (doc[i].text == "(")
    j = k
    while j < end and j - k < 4 and (doc[j].is_upper or doc[j].text == "-") and doc[j].text not in ("--", "-", ")") \
            or j < end and doc[j].text == "-" and j + 1 < end and doc[j + 1].is_upper:
        j += 1
    closing = ")" if doc[i].text == "(" else None
    alone = closing is None and j == sent.end and j - k > 1 and i - sent.start <= 3
    if k < j and (alone or j < end and (doc[j].text == closing or closing is None and doc[j].text in ("--", "—", "_"))):
        span = doc[k:j]
        return Mention(span.text, span.start_char, span.end_char, "Organization", key=span.text)
    return None


def _header(ctx, doc, i: int, end: int, coded: bool) -> Iterator[RelationMention]:
    """The header of a press item or a monitored broadcast: the town, then the paper or the
    station ("Guatemala City Teleonce Television in Spanish 0400 GMT", "Lagos DAILY TIMES",
    "Quito Radio Vision Network"). Read off the words: the NER often runs the town into the
    name. Without a story code before it or a language after it, the header is the whole
    line and the name is a paper's in capitals under a town that is not, or a station's."""
    for size in (3, 2, 1):
        if i + size >= end:
            continue
        known = ctx.linker.known(columns(doc).words(i, i + size))
        if known is None or known.type not in STATES:
            continue
        town = doc[i:i + size]
        sent_end = doc[i].sent.end
        k = i + size
        while k < end and (doc[k].is_upper or doc[k].is_title or doc[k].text in ("-", "'")) \
                and not doc[k].like_num:
            k += 1
        name = doc[i + size:k]
        if not any(t.is_alpha for t in name) or name[0].text == "-" or name[-1].text == "-":
            return
        language = k + 2 < len(doc) and doc[k].lower_ == "in" and doc[k + 1].is_title and doc[k + 2].like_num
        whole = k == sent_end or doc[k].text == "("
        capitals = all(t.is_upper or not t.is_alpha for t in name) and not town.text.isupper()
        station = any(t.lower_ in W.station_words for t in name)
        other = ctx.linker.known(name.text)
        if other is not None and other.type != "Organization":
            return  # "Paris NATO", "Moscow Russia": two names, no header
        if language or coded and (whole or is_date_or_number(doc[k])) or whole and (capitals or station):
            place = Mention(town.text, town.start_char, town.end_char, known.type, country=known.country,
                            key=known.label)
            org = Mention(name.text, name.start_char, name.end_char, "Organization", key=name.text)
            yield static(ctx, org, "basedIn", place, 0.5, doc[k - 1])
        return


def dateline_country(parsed, ms) -> str | None:
    """The country of the town a story is filed from, when it opens with a wire dateline
    ("NAIROBI, Kenya (AP) --", "KABUL (Reuters) -"): a place in capitals as its first words,
    then a bracket or a dash within a few words. Where a story names too few places for one
    country to dominate (:func:`.context.home_country`), this is its own country, whose
    police or gunmen it speaks of without saying whose. None when it names another country
    as often."""
    i = next((t.i for t in parsed[:4] if not t.is_space), None)
    m = ms.get(i) if i is not None else None
    if m is None or m.type not in STATES or not is_country_code(m.country) or not parsed[i].text.isupper() \
            or len(parsed[i].text) < 3:
        return None
    if not any(t.text in ("(", "--", "—", "-", "_") for t in parsed[i + 1:i + 9]):
        return None
    counts: dict[str, int] = {}
    for other in {id(x): x for x in ms.values()}.values():
        if is_country_code(other.country):
            counts[other.country] = counts.get(other.country, 0) + 1
    return m.country if all(n < counts[m.country] for c, n in counts.items() if c != m.country) else None

