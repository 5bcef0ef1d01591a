"""Speakers: who speaks the words that hold a token, for "we" and "I" and for "the president".

"We will respond to any attack," Iran said: the subject of the speech verb whose clause holds
the token, else of the speech verb the parser hung on the quotation, else of the clause that
opens the quotation or the speech verb after its closing mark (the quotation is read off the
marks of the token's paragraph). Whom that subject stands for is read by the caller's
``read`` (:func:`.actors.actor_of`), so that the modules import one way. The words are in
``kg/data/rules/modality.tsv`` (speech verbs) and ``actors.tsv`` (quoting verbs).
"""

from __future__ import annotations

from .context import Reading
from .deps import SUBJ, columns
from .words import W

QUOTE_OPENERS = frozenset({'"', "“", "``", ":"})  # what opens a quotation after its speech verb
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def speaker(ctx, tok, types, read) -> list[Reading]:
    """"We will respond to any attack," Iran said: a first-person pronoun stands for the
    subject of the speech verb whose clause holds it (before or after it), and for no one
    else."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            break
        dep, node = node.dep_, node.head
        if dep in ("ccomp", "parataxis") and node.lemma_.lower() in W.speech_verbs | W.demand_speech:
            return [(m, f * 0.8) for s in node.children if s.dep_ in SUBJ and s.i != tok.i
                    and s.lower_ not in W.speaker_pronouns
                    for m, f in read(ctx, s, "actor", None) if m.type in types]
    found = [(m, f * 0.75) for v in _introducing(tok, node) for s in v.children if s.dep_ in SUBJ
             and s.lower_ not in W.speaker_pronouns for m, f in read(ctx, s, "actor", None) if m.type in types]
    return found or _quotation_speaker(ctx, tok, types, read)


def _introducing(tok, root) -> list:
    """The speech verb that introduces a quotation the parser made its dependent: in "Cuba's
    minister responded on Twitter: "I reject ..."" (and "he said, "It happened ..."") the verb
    before the quotation mark or colon hangs on the quoted clause's root; its subject speaks."""
    cols = columns(tok.doc)
    return [v for v in root.children if v.dep_ in ("ccomp", "parataxis") and v.i < tok.i and v.pos_ == "VERB"
            and v.lemma_.lower() in W.speech_verbs | W.demand_speech | W.quoting_verbs
            and any(cols.text[k] in QUOTE_OPENERS for k in range(v.i + 1, tok.i))]


def _quotation_speaker(ctx, tok, types, read) -> list[Reading]:
    """"Erdogan told parliament: "Our army is ready. We condemn ..."", "X defended the plan,
    "As I said, ..."": a first-person pronoun in a quotation stands for the one who speaks it: the subject of the
    clause that opens the quotation (the verb before a comma or colon and the opening mark),
    else of the speech verb after its closing mark ("... I applaud the president. ...",
    Graham continued). The quotation is read off the marks of the pronoun's paragraph. Tried
    after :func:`_introducing`, which reads a speech verb the parser hung on the quotation."""
    marks = quotation(tok)
    if marks is None:
        return []
    doc = tok.doc
    opening, closing = marks
    verbs = [v for v in (_opens(doc, opening), _closes(doc, closing)) if v is not None]
    for v in verbs:
        found = [(m, f * 0.7) for s in v.children if s.dep_ in SUBJ and s.lower_ not in W.speaker_pronouns
                 for m, f in read(ctx, s, "actor", None) if m.type in types]
        if found:
            return found
    return []


def quotation(tok) -> tuple[int, int | None] | None:
    """The token indices of the opening and closing marks of the quotation that holds the
    token in its paragraph (closing None when the paragraph ends first), or None. Straight
    marks alternate from the paragraph's start; curly ones say which they are."""
    doc = tok.doc
    start = doc.text.rfind("\n", 0, tok.idx) + 1
    end = doc.text.find("\n", tok.idx)
    end = len(doc.text) if end < 0 else end
    cols = columns(doc)
    opening = None
    k = tok.i
    while k > 0 and doc[k - 1].idx >= start:
        k -= 1
    for i in range(k, len(doc)):
        if doc[i].idx >= end:
            break
        text = cols.text[i]
        if text not in QUOTE_MARKS:
            continue
        opens = text in ("“", "``") or text == '"' and opening is None
        if i < tok.i:
            opening = i if opens else None
        else:
            return (opening, i) if opening is not None and not opens else None
    return (opening, None) if opening is not None else None


def _opens(doc, opening: int):
    """The verb of the clause that introduces a quotation: in "X defended the plan, "..."" or
    "X told parliament: "..."" the verb before the comma or colon that stands before the mark."""
    if opening < 2 or doc[opening - 1].text not in (",", ":"):
        return None
    sent = doc[opening].sent
    verbs = [t for t in doc[sent.start:opening] if t.pos_ == "VERB" and any(c.dep_ in SUBJ for c in t.children)]
    return verbs[-1] if verbs else None


def _closes(doc, closing: int | None):
    """The speech verb after a quotation's closing mark ("...", Graham continued.)."""
    if closing is None:
        return None
    sent = doc[closing].sent
    for t in doc[closing + 1:min(sent.end, closing + 6)]:
        if t.pos_ == "VERB" and t.lemma_.lower() in W.speech_verbs | W.demand_speech | W.quoting_verbs:
            return t
    return None
