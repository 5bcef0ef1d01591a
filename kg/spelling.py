"""Country names misspelt by one letter: "Afganistan", "Quatar" and "Tajikstan" are the
countries the writer meant.

Wire copy and transcribed reports misspell country names, and a name kg does not know
leaves its actor without a country. A one-word name of six letters or more that is one
edit (a letter dropped, added, changed, or two letters swapped) from exactly one country's
name or demonym of five letters or more is read as that country; shorter names are too
close to each other ("Iran", "Iraq", "Oman") for a guess. The index is made once per gazetteer: each name and each name
with one letter dropped point to the country, so a word is looked up by itself and its own
one-letter drops (Garbe's symmetric-delete scheme), not compared with every name.

>>> idx = Index({"afghanistan": "AFG", "qatar": "QAT", "gambia": "GMB", "zambia": "ZMB"})
>>> idx.nearest("afganistan"), idx.nearest("quatar"), idx.nearest("qatar")
('AFG', 'QAT', 'QAT')
>>> idx.nearest("sambia") is None, idx.nearest("qatr") is None  # two countries; too short
(True, True)
"""

from __future__ import annotations

MIN_LENGTH = 6  # of a word read as a misspelling
MIN_NAME = 5  # of a name it may misspell


def _drops(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Are two different words one letter dropped, added, changed or two swapped apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


class Index:
    """One-word names (lower case) → a code, looked up one edit away."""

    def __init__(self, names: dict[str, str]):
        self.names = {n: c for n, c in names.items() if len(n) >= MIN_NAME and n.isalpha()}
        self.by_variant: dict[str, set[str]] = {}
        for name in self.names:
            for v in _drops(name) | {name}:
                self.by_variant.setdefault(v, set()).add(name)

    def nearest(self, word: str) -> str | None:
        """The code of the one name this word is or is one edit from, else None."""
        if word in self.names:
            return self.names[word]
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        near = {n for v in _drops(word) | {word} for n in self.by_variant.get(v, ()) if one_edit(word, n)}
        codes = {self.names[n] for n in near}
        return codes.pop() if len(codes) == 1 else None
