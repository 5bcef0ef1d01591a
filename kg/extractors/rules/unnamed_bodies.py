"""The body named before a title before a person's name, when the NER mistook or missed it.

"Pepco executive Ann Roe" (the NER took Pepco for a person), "Healy president Ann Roe" (for a
place kg does not know), "Assipen Director Ann Roe" (it tagged nothing): a job title between
two names says that the first is the body the second works for, so the first is an
organisation's name. An office of a town or region says the opposite: in "Denton Mayor Ann
Roe" and "Lowell Mayor Ann Roe" the first name is a town's, whatever the NER called it.

Read by :func:`.title_words.titles_before`, before the title's body is looked up, so every
later rule reads the corrected mention.
"""

from __future__ import annotations

import dataclasses

from ...model import Mention
from .context import STATES
from .deps import mention_start
from .mentions import retype
from .words import W

# Scopes of an office of a place below a country's: its holder leads a town or a region.
_LOCAL = frozenset({"town", "region"})


def _unknown_name(m: Mention, linker) -> bool:
    words = m.text.split()
    return 1 <= len(words) <= 3 and not m.text.isupper() and all(w[:1].isupper() for w in words) \
        and m.country is None and linker.known(m.key or m.text) is None \
        and not any(w.lower() in W.place_nouns or w.lower() in W.compass for w in words)


def _body_title(words: list) -> bool:
    """Is the phrase a title held only in a body ("executive", "vice president"), whole?
    Not "nightclub owner" ("Dallas nightclub owner X": Dallas is where the club is), nor a
    profession ("Dallas attorney X"), an official's ("city officials") or a rank ("Marine Lt.")."""
    return " ".join(w.lower_ for w in words) in W.body_titles_before_names


def correct_body_before(head, i: int, words: list, ms, linker, relation) -> Mention | None:
    """Retype in ``ms`` the name that ends at token ``i`` before the title ``words`` of the
    person at ``head`` (``relation``: the title's relations, from ``title_of``), when the
    title says what kind of name it is; or, when the NER tagged nothing there, the body's
    name the title words start with ("Assipen Director": a new mention, not in ``ms``)."""
    if not words or relation == (None, None):
        return None
    doc = head.doc
    phrase = " ".join(w.lower_ for w in words)
    local = bool(linker.title_scope(phrase) & _LOCAL)
    m = ms.get(i) if i >= 0 else None
    if m is not None:
        if doc[i].sent != head.sent or not _unknown_name(m, linker):
            return None
        if local and m.type in ("Person", "Organization"):
            retype(doc[i], ms, dataclasses.replace(m, type="City"))  # "Denton Mayor X"
        elif not local and _body_title(words) and (
                m.type in STATES or m.type == "Person" and mention_start(i, m, ms) == i):
            retype(doc[i], ms, dataclasses.replace(m, type="Organization"))  # "Pepco executive X"
        return None
    return _untagged_body(words, linker, local, relation)


def _untagged_body(words: list, linker, local: bool, relation) -> Mention | None:
    """"Assipen Director X": capitalised words the NER left untagged before a title of a body."""
    k = 0
    while k < len(words) - 1 and words[k].pos_ == "PROPN" and words[k].is_title and words[k].is_alpha \
            and not words[k].ent_type_ and not linker.is_title(words[k].text) \
            and linker.demonym(words[k].text) is None:
        k += 1
    if k == 0 or local or relation[0] is None or not _body_title(words[k:]) \
            or linker.known(" ".join(w.text for w in words[:k])) is not None:
        return None
    first, last = words[0], words[k - 1]
    text = first.doc.text[first.idx:last.idx + len(last.text)]
    return Mention(text, first.idx, last.idx + len(last.text), "Organization", key=text)
