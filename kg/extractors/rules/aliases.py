"""Other names: the names a story gives one actor twice, and the short name of a body.

An acronym in brackets or apposition ("the Papa Egoro Movement (MPE)", "Acme Corp., ACC,"),
a name after "also known as" (``alias_phrases`` in ``kg/data/rules/statics.tsv``), and a
one-word name that begins the name of the one body named before it ("Mahan" after "Mahan
Air"). Everything is read off the parse and the mention table; nothing is kept between calls.
"""

from __future__ import annotations

import dataclasses
import functools

from ...model import Mention
from .context import BODIES, OWNERS, Reading
from .deps import mention_end
from .words import W


def short_name(ctx, tok) -> list[Reading]:
    """"Germany banned Mahan Air ... suspended Mahan's permit": a name of one word that no table
    knows (or that the parser took for a person's) stands for the one body named before it (see
    :func:`short_body`)."""
    own = ctx.ms.get(tok.i)
    if tok.pos_ != "PROPN" or own is not None and (own.type != "Person" or own.text != tok.text) \
            or tok.ent_type_ in ("GPE", "LOC", "DATE", "NORP") \
            or tok.dep_ in ("compound", "amod", "nmod") or not tok.is_title \
            or any(c.dep_ in ("compound", "amod", "nmod", "det") for c in tok.children):
        return []
    body = short_body(tok.text, ctx.ms, ctx.linker, before=tok.idx)
    return [(body, 0.8)] if body is not None else []


def short_body(word: str, ms, linker, before: int | None = None) -> Mention | None:
    """The one body (not a country) the story names, before character ``before`` if given,
    whose name of two words or more begins with ``word`` ("Mahan" after "Mahan Air"), or None.
    Not a name kg knows as a person's ("Trump's assets" are the man's, not the Trump
    Organization's), nor one the story gives a person in a longer name (the parser may call
    the word a person's)."""
    known = linker.known(word)
    if known is not None and known.type == "Person":
        return None
    named = [m for m in {id(m): m for m in ms.values()}.values() if word in m.text.split()[:-1]
             or m.type == "Person" and word in m.text.split() and m.text != word]
    if any(m.type == "Person" for m in named):
        return None
    # (a body is named by any mention of its name: the parser may take the first for a place)
    bodies = {m.text: m for m in named if m.type in OWNERS and m.type != "Country" and m.text.split()[0] == word}
    found = {(b.key or b.text).lower(): dataclasses.replace(b, start=m.start, end=m.end) for m in named
             if before is None or m.end < before for b in [bodies.get(m.text)] if b is not None}
    return next(iter(found.values())) if len(found) == 1 else None


# ---------------------------------------------------------------- names given twice
def aliases(sent, ms) -> dict[str, list]:
    """The names a sentence gives one actor twice: an acronym in brackets or apposition ("the
    Papa Egoro Movement (MPE)", "the IDF (Israel Defense Forces)", "Acme Corp., ACC,") and a
    name after "also known as" ("Ada Stern, also known as Mama"). Name (lower-cased key) →
    the other names, each typed as the name it stands for; a later mention of either name
    in the sentence is the same actor ("the Acme Corp. (ACC) ... ACC chairman X")."""
    doc = sent.doc
    out: dict[str, list] = {}
    seen: set[int] = set()
    for i in range(sent.start, sent.end):
        m = ms.get(i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        other = _alias_after(doc, mention_end(i, m, ms), m, sent.end, ms)
        if other is None:
            continue
        other = dataclasses.replace(other, type=m.type, country=m.country)
        out.setdefault(_key(m), []).append(other)
        out.setdefault(_key(other), []).append(m)
    return out


def _key(m) -> str:
    return (m.key or m.text).lower()


@functools.cache
def _alias_phrases() -> tuple[list[str], ...]:
    """The words of ``alias_phrases``, longest first ("also known as" before "known as")."""
    return tuple(p.split() for p in sorted(W.alias_phrases, key=len, reverse=True))


def _alias_after(doc, e: int, m, end: int, ms):
    """The other name of ``m`` written right after it (its last token is ``e - 1``), if any."""
    if e + 2 >= end:
        return None
    k = e + 1 if doc[e].text in ("(", ",") else e
    said = False
    first = doc[k].lower_
    for words in _alias_phrases():
        if words[0] == first and [t.lower_ for t in doc[k:k + len(words)]] == words:
            k, said = k + len(words), True
            break
    if k >= end:
        return None
    other = ms.get(k)
    if other is not None and other is not m:
        after = mention_end(k, other, ms)
    elif doc[k].is_upper and doc[k].is_alpha and 2 <= len(doc[k]) <= 6:
        after = k + 1  # an acronym the NER left untagged
        other = Mention(doc[k].text, doc[k].idx, doc[k].idx + len(doc[k]), m.type, key=doc[k].text)
    elif doc[e].text == "(" and m.text.isupper():
        # "the PRD (Party of the Democratic Revolution)": the long name the NER left untagged
        after = next((j for j in range(k, min(end, k + 9)) if doc[j].text == ")"), None)
        words = doc[k:after] if after is not None else None
        if not words or not all(t.is_title or t.lower_ in ("of", "the", "and", "for", "de", "la") for t in words):
            return None
        other = Mention(words.text, words.start_char, words.end_char, m.type, key=words.text)
    else:
        return None
    if said and other.type != "Country":
        return other
    closing = after < end and doc[after].text == ")" if doc[e].text == "(" else \
        after >= end or doc[after].text in (",", ".", ";", ")") or doc[after].is_sent_end
    if doc[e].text not in ("(", ",") or not closing or m.type not in BODIES:
        return None
    strict = doc[e].text == ","
    return other if _abbreviates(other.text, m.text, strict) or _abbreviates(m.text, other.text, strict) else None


def _abbreviates(short: str, long: str, strict: bool) -> bool:
    """Is ``short`` an acronym of ``long``: its letters among the initials of the long name's
    words (all of them after a comma, two thirds in brackets, where a name in another language
    is often abbreviated in its own: "SHP (Social Democrat Populist Party)")?"""
    letters = short.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6) or len(long.split()) < 2:
        return False
    initials = [w[0].upper() for w in long.replace("-", " ").split() if w[:1].isalpha()]
    hits = sum(c in initials for c in letters)
    if letters[0] not in initials:
        return False
    return hits == len(letters) if strict else 3 * hits >= 2 * len(letters)
