"""Which paragraphs of a text are English? Checked offline before parsing, paragraph by paragraph.

kg's pipeline and lexicons are English; parsing other languages yields garbage relations
with confident-looking scores. So each paragraph is judged, the non-English ones are
blanked out (spaces in place of their characters, so every offset into the text stays
right for provenance) and counted, and a text is refused only when it holds no English
at all. A paragraph is a line, or a block of short lines between blank lines (a
hard-wrapped paragraph).

A paragraph is judged in this order, cheapest first:

1. English is written in the Latin script: a paragraph whose letters are mostly in another
   script (Devanagari, Cyrillic, Arabic, Han ...) is not English, whatever its length.
2. Running English prose has a share of English function words ("the", "of", "and") that
   no other language reaches: such a paragraph is English without further ado. This is
   most paragraphs of English news, and it keeps the check far cheaper than the parse.
3. Too short to tell (under ``MIN_CHARS``): given the benefit of the doubt. A headline, a
   caption or a dateline says too little, and refusing it would cost more than reading it.
4. Everything else goes to lingua (``lingua-language-detector``: a maintained identifier
   of 75 languages whose models ship in its wheel, nothing downloaded), in its
   low-accuracy mode (trigram models: some 60 MB for all languages, where the
   high-accuracy models take 900 MB; reliable from about 120 characters, ``MIN_CHARS``).
   Names are the hard part of news for an identifier: a lead listing six ministers has few
   function words, its names may read as Swedish or Latin, and one letter outside
   English's alphabet ("Babiš") makes lingua rule English out. A paragraph lingua does not
   find English is therefore judged again without the words with such letters, then also
   without capitalised words (names; a German paragraph stays German without its nouns):
   it is English when lingua ranks English first, or gives it at least
   ``MIN_CONFIDENCE``, on any of them. A paragraph of names and little else (fewer than
   ``MIN_OTHER_WORDS`` words beside them: a title-case headline, a list of people) tells
   no language and is given the benefit of the doubt.

The identifier is built once per process (:func:`detector`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

ENGLISH_FUNCTION_WORDS = frozenset("""
a about after against all also an and are as at be been before between both but by can could did
do does during for from had has have he her his how if in into is it its more most must no not of
on or other our over said says she should since so some such than that the their them then there
these they this those through to under until was we were what when where which while who will
with would you your
""".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_FOREIGN_WORD = re.compile(r"\S*[^\x00-\x7f\s]\S*")  # a word with a letter beyond ASCII
_LINE = re.compile(r"[^\n]*\n?")
_NAME = re.compile(r"\b[A-Z][\w'.\-]*")

PROSE_WORDS = 8  # at least this many words for the function-word share to say "English"
PROSE_SHARE = 0.2  # English news prose: 0.35-0.50; French, German, Spanish: under 0.10
MIN_CHARS = 120  # below this, a paragraph in Latin script is not judged (lingua's own advice)
MIN_LETTERS = 20  # below this, not even the script is judged
MIN_CONFIDENCE = 0.25
MIN_OTHER_WORDS = 5  # a paragraph with fewer words than this beside its names is not judged
SAMPLE = 1000  # characters of a paragraph the identifier reads: language shows long before
WRAPPED = 100  # lines all shorter than this, in a block of several, are one wrapped paragraph

# Kept for callers of the first version of this module.
MIN_WORDS = 25
MIN_SHARE = 0.18


def english_share(text: str, sample: int = 4000) -> tuple[float, int]:
    """(share of English function words among words, number of words) in the text's start."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words), len(words)


@functools.cache
def detector():
    """lingua's detector over all its languages, built once per process (low-accuracy mode)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _identify(text: str) -> tuple[bool, str | None]:
    """(is English, the most likely language's name) by lingua."""
    from lingua import Language

    values = detector().compute_language_confidence_values(text[:SAMPLE])
    if not values:
        return False, None
    top = values[0]
    english = top.language == Language.ENGLISH or any(
        v.language == Language.ENGLISH and v.value >= MIN_CONFIDENCE for v in values)
    return english, top.language.name.capitalize()


def paragraph_language(text: str) -> tuple[str, str | None]:
    """("english" | "other" | "unsure", the language found when it is not English)."""
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS:
        return "unsure", None
    if len(_LATIN_LETTER.findall(text)) < letters / 2:
        if len(text.strip()) < MIN_CHARS and letters < 2 * MIN_LETTERS:
            return "other", None  # a short line in another script: skip the identifier
        return "other", _identify(text)[1]
    share, words = english_share(text, SAMPLE)
    if words >= PROSE_WORDS and share >= PROSE_SHARE:
        return "english", None
    if len(text.strip()) < MIN_CHARS:
        return "unsure", None
    english, found = _identify(text)
    if english:
        return "english", None
    # Judge it again without the names (see the module's docstring). A paragraph that is
    # names and little else (a title-case headline, a list of people) tells no language.
    foreign = _FOREIGN_WORD.sub(" ", text)
    lower = _NAME.sub(" ", foreign)
    if len(_WORD.findall(lower)) < MIN_OTHER_WORDS:
        return "unsure", None
    for kept in dict.fromkeys((foreign, lower)):
        if kept != text and _identify(kept)[0]:
            return "english", None
    return "other", found


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or a block of short lines (a wrapped paragraph)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    out: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []

    def flush():
        if len(block) > 1 and all(e - s < WRAPPED for s, e in block):
            out.append((block[0][0], block[-1][1]))
        else:
            out.extend(block)
        block.clear()

    for start, end in lines:
        if text[start:end].strip():
            block.append((start, end))
        else:
            flush()
    flush()
    return out


@dataclass(frozen=True)
class Verdict:
    """The text with its non-English paragraphs blanked, what was dropped, and why a text is refused."""

    text: str
    dropped: tuple[tuple[int, int], ...] = ()
    languages: tuple[str, ...] = field(default=())  # the languages found in the dropped paragraphs
    refusal: str | None = None


def judge(text: str) -> Verdict:
    """Judge every paragraph; blank the non-English ones; refuse a text with no English at all."""
    english, other, languages = False, [], []
    for start, end in paragraphs(text):
        kind, found = paragraph_language(text[start:end])
        if kind == "english":
            english = True
        elif kind == "other":
            other.append((start, end))
            if found and found not in languages:
                languages.append(found)
    if not english:
        if not other and len(text.strip()) >= MIN_CHARS:  # only short lines: judge them together
            kind, found = paragraph_language(" ".join(text.split())[:SAMPLE * 4])
            if kind == "other":
                other, languages = [(0, len(text))], [found] if found else []
        if other:
            said = f"it reads as {', '.join(languages)}" if languages else "it is not in the Latin script"
            return Verdict(text, tuple(other), tuple(languages),
                           f"the text does not look like English ({said}, and no paragraph of it is English); "
                           "kg's pipeline reads English only")
        return Verdict(text)
    if not other:
        return Verdict(text)
    return Verdict(blank(text, other), tuple(other), tuple(languages))


def blank(text: str, spans) -> str:
    """The text with every character of the spans but line breaks turned into a space (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def non_english_reason(text: str) -> str | None:
    """Why the text is refused as not English, or None when some of it is English (or too short to tell)."""
    return judge(text).refusal
