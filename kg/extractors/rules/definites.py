"""Definite nouns: "the embassy", "the president", "the country", "the two countries".

A definite noun with nothing before it but "the" stands for the one actor of its kind the
story named before it: a body by its head noun ("the embassy" after "the US Embassy"), a
person by the title the story gave them ("the president" after "President Donald Trump"),
a country ("the country", else the document's own), and "the two countries" for the two just
named. None when two fit. Everything is read off the parse, the mention table and the titles
in the context; nothing is kept between calls.
"""

from __future__ import annotations

from ...model import is_country_code
from .context import BODIES, OWNERS, Reading
from .deps import columns, mention_end, prev_sent_start, sentences_back
from .speakers import quotation, speaker
from .title_words import title_phrase
from .words import W


def the_country(ctx, tok) -> Reading | None:
    """"the country", "the nation" (singular, with nothing before it but "the"): the one
    country named before it in its sentence or in the sentence before, else the document's
    own country (context.home_country), as the country itself; None when unclear."""
    if tok.lemma_.lower() not in W.country_nouns or tok.tag_ != "NN" \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or any(c.dep_ in ("amod", "compound", "nummod", "poss") for c in tok.children):
        return None
    code, factor = ctx.country, 0.65
    for lo, hi in ((tok.sent.start, tok.i), (prev_sent_start(tok), tok.sent.start)):
        named = {m.country for i in range(lo, hi) for m in [ctx.ms.get(i)]
                 if m is not None and m.type == "Country" and is_country_code(m.country)}
        if len(named) > 1:
            return None
        if named:
            code, factor = named.pop(), 0.7
            break
    m = ctx.linker.country_mention(code, tok.idx, tok.idx + len(tok.text)) if code else None
    return (m, factor) if m is not None else None


def named_body(ctx, tok) -> list[Reading]:
    """"The embassy declined the request", "Raab urged the embassy to reconsider" after "the US
    Embassy" was named; "the group said" after "the Islamic Jihad group": a bare definite body
    noun stands for the one body named with that head noun before it, in its sentence or the
    three before (none when two are named so); the head noun ends the name or stands before its
    "of" ("the Ministry of Defence ... the ministry said", "the Supreme Court of Kenya ... the
    court ruled")."""
    lemma = tok.lemma_.lower()
    if lemma not in W.anaphoric_bodies or tok.tag_ != "NN" or tok.i in ctx.ms \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "appos", "nummod") for c in tok.children):
        return []
    ms, cols = ctx.ms, columns(tok.doc)
    found, last = {}, None
    for i in range(sentences_back(tok, 3), tok.i):
        m = ms.get(i)
        if m is not None and cols.lemma[i] == lemma and m.type in OWNERS and m.type != "Country" \
                and (mention_end(i, m, ms) == i + 1 or cols.lower[i + 1] == "of" and ms.get(i + 1) is m):
            found.setdefault((m.key or m.text).lower(), m)
            last = i
    if len(found) != 1 or _unnamed_between(tok, last, lemma, ms):
        return []
    return [(next(iter(found.values())), 0.75)]


def _unnamed_between(tok, start: int, lemma: str, ms) -> bool:
    """Is a body of the same noun described without a name between the named one and the bare
    noun ("the Foreign Ministry of Japan ... the defence ministry said ... the ministry", "a lower
    court")? The bare noun may stand for either."""
    return any(t.lemma_.lower() == lemma and t.i not in ms and any(
        c.dep_ in ("amod", "compound", "poss", "nmod", "prep") or c.dep_ == "det" and c.lower_ != "the"
        for c in t.children) for t in tok.doc[start + 1:tok.i])


def pair(ctx, tok, types, count: int = 2) -> list[Reading]:
    """The actors "the two countries" ("all three nations") stands for, if exactly that many
    of that kind were just named."""
    ms = ctx.ms
    for lo, hi in ((tok.sent.start, tok.i), (prev_sent_start(tok), tok.sent.start)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == count:
            return [(m, 0.7) for m in cands.values()]
        if len(cands) > count:
            return []
    return []


# ---------------------------------------------------------------- "the president"
def titled(ctx, tok, read) -> list[Reading]:
    """"... I applaud the president ...", Graham continued (after "President Donald Trump"); "the
    prime minister said" (after "Prime Minister Boris Johnson"): a definite title with nothing
    before it but "the" (and the words of the title) stands for the one person the story gave
    that title before it (:mod:`.titles`); of several, the one of the quotation's speaker's
    country, else of the document's own; none when two still fit, or when the sentence names a
    body (a university, a company) the title may be of. A title that only ends with it ("Vice
    President X") is another office."""
    key = _bare_title(ctx, tok)
    if key is None:
        return []
    ms, cands = ctx.ms, {}
    if any(m.type in BODIES for i, m in ms.items() if ctx.sent.start <= i < ctx.sent.end):
        return []  # "At Harvard, ..., the president condemned X": a body's president may be meant
    for head, titles in ctx.titles.items():
        m = ms.get(head)
        if head >= tok.i or m is None or m.type != "Person":
            continue
        for t in titles:
            words = title_phrase(t.token, ms).split()
            if words[-len(key):] == key and not any(w in W.lesser_titles or w in W.voiding for w in words):
                cands.setdefault((m.key or m.text).lower(), m)
    # "President Donald Trump ..." then "President Trump ...": one person named twice, the short
    # name ending the long one; "George Bush" and "George W. Bush" are two presidents, not one.
    found = [m for k, m in cands.items()
             if not any(k2 != k and k2.split()[-len(k.split()):] == k.split() for k2 in cands)]
    if len(found) > 1:
        found = _of_country(found, _speaker_countries(ctx, tok, read)) or _of_country(found, {ctx.country})
    return [(found[0], 0.7)] if len(found) == 1 else []


def _bare_title(ctx, tok) -> list[str] | None:
    """The words of a title the token ends ("the prime minister" → [prime, minister]) when
    "the" and those words are all that stand before it and nothing follows it, else None."""
    # (the tagger takes a title for a name as often as not: "I applaud the president")
    if tok.tag_ not in ("NN", "NNP") or tok.i in ctx.ms or tok.lemma_.lower() not in W.office_titles \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    words = [tok.lower_]
    for c in tok.children:
        if c.dep_ == "det" or c.dep_ == "case" and c.lower_ in W.possessive_endings:
            continue  # ("the president's decision": the possessive ending is no word of the title)
        if c.dep_ != "compound" or c.i > tok.i or c.i in ctx.ms:
            return None
        words.insert(0, c.lower_)
    if any(w in W.lesser_titles for w in words) or not ctx.linker.is_title(" ".join(words)):
        return None
    return words


def _speaker_countries(ctx, tok, read) -> set:
    """The countries of who speaks the quotation that holds the token ("the president" in a
    senator's words is his own country's)."""
    if quotation(tok) is None:
        return set()
    speakers = [m for m, _ in speaker(ctx, tok, ("Person",), read)]
    # ("Graham continued": the country the story gave him with his full name, "Senator Lindsey Graham")
    names = {m.text.split()[-1] for m in speakers if not m.country}
    return {m.country for m in speakers if m.country} | {
        m.country for m in ctx.ms.values() if m.type == "Person" and m.country and m.text.split()[-1] in names}


def _of_country(found: list, countries: set) -> list:
    """The candidates of those countries (one, or none)."""
    kept = [m for m in found if m.country and m.country in countries]
    return kept if len(kept) == 1 else []
