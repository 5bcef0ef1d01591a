"""Is this text English? A cheap, offline check that kg runs before parsing.

kg's pipeline and lexicons are English; parsing other languages yields garbage relations
with confident-looking scores. Function words are the most reliable signal at news length:
running English prose has a share of them that no other language written in Latin script
reaches (and texts in other scripts have almost no ASCII words at all). Short texts are
given the benefit of the doubt, since a headline or a test sentence says too little.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset("""
a about after against all also an and are as at be been before between both but by can could did
do does during for from had has have he her his how if in into is it its more most must no not of
on or other our over said says she should since so some such than that the their them then there
these they this those through to under until was we were what when where which while who will
with would you your
""".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25  # below this, the share is too noisy to refuse a text
MIN_SHARE = 0.18  # English news prose: 0.35-0.50; French, German, Spanish: under 0.10


def english_share(text: str, sample: int = 4000) -> tuple[float, int]:
    """(share of English function words among words, number of words) in the text's start."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words), len(words)


def non_english_reason(text: str) -> str | None:
    """Why the text is not English, or None when it is (or is too short to tell)."""
    share, n = english_share(text)
    if n < MIN_WORDS:
        return None
    if share < MIN_SHARE:
        return (f"the text does not look like English ({share:.0%} English function words in its first "
                f"{n} words; English prose has over {MIN_SHARE:.0%}); kg's pipeline reads English only")
    return None
