"""The words of a name: an entity of the NER's trimmed, cut at a list's commas, widened to a name kg knows.

"the Free Trade Area (AfCFTA" → "Free Trade Area", "suspected British militant Haroon
Aswad" → "Haroon Aswad", "Arnor, Osgiliath and Gondor" → three names, "Sierra" +
"Leonean" → "Sierra Leonean", "the Ministry of Trade and Industry" kept whole. The span
only: :mod:`.mentions` reads the entities, :mod:`.linking` says what a span names.
"""

from __future__ import annotations

from .deps import columns
from .words import W


def entity_span(parsed, ent, span, linker):
    """The words of one part of an entity that name it, or None."""
    span = _trim(span)
    if span is not None and ent.label_ == "PERSON":
        span = _name_only(span, linker)
        before = parsed[span.start - 1] if span.start > 1 else None
        if before is not None and before.pos_ == "PROPN" and before.is_title and not before.ent_type_ \
                and before.dep_ == "compound" and span.start <= before.head.i < span.end \
                and parsed[before.i - 1].ent_type_ in ("GPE", "LOC") and not linker.is_title(before.text):
            # "Mayor of London Sadiq Khan" with "Khan" alone tagged: the word between the place
            # and the name is the first name (a title would be known as one)
            span = parsed[before.i:span.end]
        if span.start > 0 and span[0].text in W.name_particles and parsed[span.start - 1].is_title \
                and parsed[span.start - 1].pos_ == "PROPN" and not parsed[span.start - 1].ent_type_:
            span = parsed[span.start - 1:span.end]  # "Hamza" + "bin Ladin"
    if span is not None:
        span = _extend(span, linker)
    if span is None:
        return None
    if ent.label_ == "NORP" and span.start > 0:
        # "Iraqi Kurds", "Lebanese Christians": the NER tags the two words apart,
        # but the people are those of the country the demonym names
        prev = parsed[span.start - 1]
        if prev.dep_ == "amod" and span.start <= prev.head.i < span.end and prev.ent_type_ == "NORP" \
                and prev.text[:1].isupper() and linker.demonym(prev.text) is not None \
                and linker.demonym(span.text) is None and linker.known(span.text) is None:
            span = parsed[prev.i:span.end]
    return span

def _extend(span, linker):
    """"Sierra" + "Leonean", "New" + "Hampshire": one more word when the longer name is known."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].is_title and not doc[span.end].ent_type_:
        longer = doc[span.start:span.end + 1]
        if linker.known(longer.text) is not None or linker.demonym(longer.text) is not None:
            return longer
    if span.start > 0 and doc[span.start - 1].is_title and not doc[span.start - 1].ent_type_ \
            and not doc[span.start - 1].is_sent_start and not linker.is_title(doc[span.start - 1].text):
        longer = doc[span.start - 1:span.end]
        if linker.known(longer.text) is not None:
            return longer
    return span


def _name_only(span, linker):
    """A person's name without the words the NER swept in before it ("suspected British
    militant Haroon Aswad" → "Haroon Aswad"), so that the title rules see them."""
    doc = span.doc
    start = span.start
    while start < span.end - 1 and (doc[start].pos_ != "PROPN" or linker.is_title(doc[start].text.rstrip("."))
                                    or linker.demonym(doc[start].text) is not None):
        start += 1
    if start < span.end - 2 and linker.is_title(doc[start:start + 2].text):
        start += 2  # "Crown Prince Mohammad bin Salman"
    return doc[start:span.end]


def age_follows(span) -> bool:
    """Is the span followed by an age in commas ("X, 50, of ...")?"""
    doc = span.doc
    j = span.end
    return j + 2 < len(doc) and doc[j].text == "," and doc[j + 2].text == "," and doc[j + 1].is_digit \
        and 0 < int(doc[j + 1].text) < 120


def two_field_body(span):
    """A body named after two fields, whole: "the Ministry of Trade and Industry" (not split at
    its "and"), "the School of Marine" + "and Atmospheric Science" (the NER cut it there).
    None for any other span."""
    doc = span.doc
    if not any(t.lower_ in ("of", "for") for t in span):
        return None
    if any(t.lower_ == "and" for t in span) and span[-1].lower_ in W.field_words:
        return span
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
        return None
    end = span.end + 1
    while end < len(doc) and doc[end].is_title and doc[end].ent_type_ not in ("GPE", "ORG", "NORP"):
        end += 1
    return doc[span.start:end] if end > span.end + 1 and doc[end - 1].lower_ in W.field_words else None


def split_coordination(span):
    """NER sometimes makes one entity of "Arnor, Osgiliath and Gondor": split it at commas and 'and'."""
    cols = columns(span.doc)  # (the first two tests on the columns: most names have no list)
    if not any(cols.dep[k] == "cc" or (cols.text[k] == "," and k > span.start) for k in range(span.start, span.end)):
        return [span]
    if not any(cols.dep[k] == "conj" for k in range(span.start, span.end)):
        return [span]
    if not any(t.text == "," for t in span) and span[-1].lower_ in W.body_words | W.org_heads:
        return [span]  # "the Law and Justice Party": one body's name
    parts, start = [], span.start
    for t in span:
        if t.dep_ == "cc" or t.text == ",":
            if t.i > start:
                parts.append(span.doc[start:t.i])
            start = t.i + 1
    if start < span.end:
        parts.append(span.doc[start:span.end])
    return parts


def _trim(span):
    """Drop leading determiners and trailing possessive markers or hyphen debris, a bracket left
    open ("the Free Trade Area (AfCFTA"), and "retired"/"former" before a name."""
    start, end = span.start, span.end
    doc = span.doc
    cols = columns(doc)  # (the words read off the columns: no token made)
    lower, text = cols.lower, cols.text
    while start < end and (lower[start] in ("the", "a", "an") or cols.is_punct[start]
                           or lower[start] in W.voiding and start + 1 < end):
        start += 1
    opened = next((k for k in range(start, end) if text[k] == "("), None)
    if opened is not None and opened > start and not any(text[k] == ")" for k in range(opened, end)):
        end = opened
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET") and end - 1 > start):
        end -= 1
    return doc[start:end] if end > start else None
