"""Parties: the national party a word names, and the mentions that name one.

"Conservative MP Jane Doe", "Labour leader X", "Republican Kevin McCarthy", "X, a Democrat":
news names a party by an adjective or noun that the NER often leaves untagged, or tags as a
people ("Democratic", "Tories") with no link. Which party a word names depends on the
country (``kg/data/parties.tsv``: "Labour" is the British, Irish or New Zealand party), so
the word names a party only where the text says which country: a country named just before
it ("British Labour MP X"), the country of the person it describes, or the document's own
country (:func:`.context.home_country`); with none of these, the party of the country the
document names most often (more than any other; "the Democrats" in a story of Washington
and Kyiv). Otherwise no party is named: kg does not guess.

Runs once per document, after the mentions and before the titles: a party word the NER
missed becomes a mention where a political role or a person's name follows it
(``party_roles`` in ``kg/data/rules/offices.tsv``), and the titles then read it as they
read any body before a title. Plain words stay plain: "labour" in lower case, "Labour Day",
"Conservative commentator" (no political role), and a capitalised word opening a sentence
unless the document's or person's country picks its party. Whom a party counts as its
member is read in :mod:`.party_members`.
"""

from __future__ import annotations

import dataclasses
import functools

from ...model import Mention
from .deps import columns
from .words import W

# What a mention of a party may have been typed by the NER: a people ("Democrats") or a body.
TAGGED = ("Group", "Organization")


def party_mentions(parsed, ms: dict[int, Mention], linker, home: str | None) -> None:
    """Link the document's party names and add the party words the NER missed (``ms`` is
    updated in place); ``home`` is the document's own country (context.home_country)."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in ms.values()}.values():
        if m.type != "Person" and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    # the country named most often, if one is named more often than any other
    top = {c for c, n in counts.items() if n == ranked[0]} if ranked and ranked[:2] != ranked[:1] * 2 else set()
    named = Named(top, frozenset(counts))
    _link_tagged(parsed, ms, linker, home, named)
    _add_untagged(parsed, ms, linker, home, named)


@dataclasses.dataclass(frozen=True)
class Named:
    """The countries a document names: the one it names most often (a set of one, or empty)
    and every country it names at all."""

    most: set[str]
    anywhere: frozenset[str]


def choose(parties, evidence: str | None, home: str | None, named: Named):
    """The one party of ``parties`` the document's countries pick, or None: the country the
    text ties the word to, else the document's own country, else the country the document
    names most often. A word only one country's party bears ("Republican", "Tories") names
    that party in a story of no one country that names its country at all ("Republican
    Senator X" in a story of Syria, Turkey and the United States)."""
    if evidence or home:
        pick = [p for p in parties if p.country == (evidence or home)]
    else:
        pick = [p for p in parties if p.country in named.most]
        if not pick and len(parties) == 1 and parties[0].country in named.anywhere:
            pick = list(parties)
    return pick[0] if len(pick) == 1 else None


def _country_before(doc, start: int, ms) -> str | None:
    """"British Labour MP X", "the Canadian Liberals": the country named just before a word."""
    k = start - 1
    m = ms.get(k) if k >= 0 else None
    return m.country if m is not None and m.type == "Country" and m.country else None


def _link_tagged(parsed, ms, linker, home, named) -> None:
    """"the Democrats", "Labour" tagged by the NER: the party they name, linked."""
    done: set[int] = set()
    for i in range(len(parsed)):
        m = ms.get(i)  # (a token is made only where a mention is)
        if m is None or id(m) in done or m.type not in TAGGED or not m.text[:1].isupper():
            continue
        tok = parsed[i]
        done.add(id(m))
        parties = linker.parties(m.key or m.text) or linker.parties(m.text)
        if not parties:
            m, parties = _party_then_chamber(parsed, tok.i, m, ms, linker)
        if not parties or linker.is_party(m):
            continue
        m, parties = _widened(parsed, tok.i, m, ms, linker, parties)
        known = linker.known(m.text)
        evidence = _country_before(parsed, tok.i, ms)
        if known is not None and not (evidence or home):
            continue  # "Congress": another body kg knows, unless the country is clear
        party = choose(parties, evidence, home, named)
        if party is None:
            continue
        new = dataclasses.replace(m, country=party.country, key=party.label)
        for i, x in list(ms.items()):
            if x is m:
                ms[i] = new


def _party_then_chamber(doc, i: int, m: Mention, ms, linker):
    """"the Republican Senate Majority Leader": the NER runs a party's word and a chamber's bare
    name (``chamber_names``) into one organisation kg does not know; they are the party, as a
    mention of its own (in ``ms``), and the chamber. The party mention and its parties, or the
    mention as it was and none."""
    toks = [t for t in doc[i:i + 6] if ms.get(t.i) is m]
    if len(toks) < 2 or linker.known(m.key or m.text) is not None or toks[-1].lower_ not in chamber_words():
        return m, ()
    words = doc[toks[0].i:toks[-1].i]
    parties = linker.parties(words.text)
    if not parties:
        return m, ()
    party = Mention(words.text, words.start_char, words.end_char, m.type, key=words.text)
    last = toks[-1]
    chamber = Mention(last.text, last.idx, last.idx + len(last.text), "Organization", key=last.text)
    for t in toks[:-1]:
        ms[t.i] = party
    ms[last.i] = chamber
    return party, parties


@functools.cache
def chamber_words() -> frozenset[str]:
    """The one-word bare names of chambers ("house", "senate", "commons")."""
    return frozenset(key.split(" ", 1)[1] for key in W.chamber_names if " " not in key.split(" ", 1)[1])


def _widened(doc, i: int, m: Mention, ms, linker, parties):
    """"Liberal Democrat" with only "Democrat" tagged: the party word the words before the
    mention complete, as a longer mention (in ``ms``), and its parties."""
    start = i
    while start > 0 and ms.get(start - 1) is m:
        start -= 1
    for k in (start - 2, start - 1):
        if k < 0 or any(j in ms or not _capital(doc[j]) for j in range(k, start)):
            continue
        longer = linker.parties(f"{doc[k:start].text} {m.text}")
        if longer:
            wide = dataclasses.replace(m, text=doc.text[doc[k].idx:m.end], start=doc[k].idx)
            for j in range(k, len(doc)):
                if j < start or ms.get(j) is m:
                    ms[j] = wide
                elif j > start:
                    break
            return wide, longer
    return m, parties


def _add_untagged(parsed, ms, linker, home, named) -> None:
    """"Conservative MP Jane Doe", "Republican Kevin McCarthy": a party word the NER missed,
    before a political role or a person's name, becomes a mention of its party."""
    doc = parsed
    i, n = 0, len(doc)
    lower = columns(doc).lower
    while i < n:
        # (the first test of _party_word, on the document's columns: no token made for most words)
        found = _party_word(doc, i, ms, linker) if linker.may_start_party(lower[i]) else None
        if found is None:
            i += 1
            continue
        end, parties = found
        # "the Labour Party": a party's name needs no role after it
        role = "" if end - i > 1 and doc[end - 1].lower_ == "party" else _role_after(doc, end, ms, linker)
        if role is None:
            i = end
            continue
        evidence = _country_before(doc, i, ms) or role
        if doc[i].is_sent_start and not (evidence or home) and not _seat_holder(doc, end, ms):
            i = end  # "Labour leaders met ...": a capital that may be the sentence's only
            continue
        party = choose(parties, evidence or None, home, named)
        if party is not None:
            span = doc[i:end]
            # typed as the NER types a party's adjective or people ("Democratic", "Tories"):
            # the party is a group its members belong to; linking makes it the organisation
            m = Mention(span.text, span.start_char, span.end_char, "Group", country=party.country,
                        key=party.label)
            for k in range(i, end):
                ms[k] = m
        i = end


def _seat_holder(doc, end: int, ms) -> bool:
    """"Conservative MP Jane Doe": a seat in a legislature, in the singular, then a person's
    name after the word that ends at ``end`` (the title may be inside the name's mention)."""
    if end >= len(doc) or doc[end].lower_ not in W.party_seat_titles or doc[end].is_sent_start:
        return False
    m = ms.get(end)
    if m is not None:
        return m.type == "Person" and ms.get(end + 1) is m
    after = ms.get(end + 1)
    return after is not None and after.type == "Person" and not doc[end + 1].is_sent_start


def _party_word(doc, i: int, ms, linker) -> tuple[int, tuple] | None:
    """The longest party word (up to three tokens, none in a mention) starting at token i:
    (the index after it, its parties)."""
    # a capitalised word is alphabetic, so its lower case is its lookup key's first word
    if not linker.may_start_party(doc[i].lower_):
        return None
    for size in (3, 2, 1):
        end = i + size
        if end > len(doc) or any(k in ms or not _capital(doc[k]) for k in range(i, end)):
            continue
        parties = linker.parties(doc[i:end].text)
        if parties:
            return end, parties
    return None


def _capital(tok) -> bool:
    """A word written as a party's name is: "Labour", "SNP" (not "labour", "The")."""
    return tok.is_alpha and (tok.is_title or tok.is_upper and len(tok) > 1) and tok.pos_ != "DET"


def _role_after(doc, end: int, ms, linker) -> str | None:
    """Is the word before ``end`` a party's because a political role or a person's name follows
    ("Labour MP", "Democratic US Senator", "Republican Kevin McCarthy")? The country the
    words after it name ("" if none), or None when nothing political follows."""
    if end >= len(doc):
        return None
    country = ""
    m = ms.get(end)
    if m is not None and m.type in ("Country", "Location") and not doc[end].is_sent_start:
        # "Democratic US Senator", "Republican Ohio Congressman": the country or state, then the title
        country = m.country or ""
        while end < len(doc) and ms.get(end) is m:
            end += 1
        if end >= len(doc):
            return None
        m = ms.get(end)
    if m is not None:
        return (m.country or country) if m.type == "Person" else None
    word = doc[end]
    if word.lemma_.lower() in W.party_roles or word.lower_ in W.party_roles:
        return country
    if linker.is_title(word.text) and linker.title_scope(word.text) & {"state", "legislature", "region", "town"}:
        return country
    return None
