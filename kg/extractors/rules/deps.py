"""Walking spaCy's dependency parse: helpers that know dependency labels and no English word.

Every rule looks only at a token's children or a bounded walk up its heads, so the
extractor stays linear in the length of the text; these helpers keep to that. Words a
construction needs (which prepositions, which lemmas) are the caller's to pass.
"""

from __future__ import annotations

from ...model import Mention

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
MODIFIER = ("amod", "compound", "poss", "nmod")


class Columns:
    """A document's tokens as columns, read off the parse once, by token index: each token's
    text, lower case, lemma in lower case (``tok.lemma_.lower()``), part of speech,
    dependency label, and whether it is written in title case or is punctuation (1 or 0). A
    pass that visits every token to find the few it acts on tests these instead of making a
    token object for each and asking it again (spaCy looks each of those strings up anew on
    every call)."""

    __slots__ = ("text", "lower", "lemma", "pos", "dep", "is_title", "is_punct", "_with_ws")

    def __init__(self, doc):
        from spacy.attrs import DEP, IS_PUNCT, IS_TITLE, LEMMA, LOWER, ORTH, POS, SPACY
        from spacy.parts_of_speech import NAMES

        attrs = [ORTH, LOWER, LEMMA, DEP, POS, IS_TITLE, IS_PUNCT, SPACY]
        cols = doc.to_array(attrs).T.tolist() if len(doc) else [[] for _ in attrs]
        strings = doc.vocab.strings
        self.text, self.lower, self.dep = (_strings(c, strings, _STRINGS, str) for c in (cols[0], cols[1], cols[3]))
        self.lemma = _strings(cols[2], strings, _LEMMAS, str.lower)
        self.pos = list(map(NAMES.__getitem__, cols[4]))
        self.is_title, self.is_punct = cols[5], cols[6]
        self._with_ws = [t + " " if w else t for t, w in zip(self.text, cols[7], strict=True)]

    def words(self, i: int, j: int) -> str:
        """The text of tokens i to j - 1 (``doc[i:j].text``, without making the span)."""
        j = min(j, len(self.text))
        return "".join(self._with_ws[i:j - 1]) + self.text[j - 1] if j > i else ""


# A string's hash → the string (a lemma's → in lower case), over all documents: a hash names
# one string, and a corpus repeats most of its words (emptied when it grows large).
_STRINGS: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}


def _strings(hashes: list[int], store, memo: dict[int, str], fold) -> list[str]:
    """The strings of these hashes, by ``fold`` (``str`` or ``str.lower``) of the store's."""
    found = list(map(memo.get, hashes))
    if None in found:
        if len(memo) > 1 << 16:
            memo.clear()
        for k, h in enumerate(hashes):
            if found[k] is None:
                found[k] = memo[h] = fold(store[h])
    return found


def columns(doc) -> Columns:
    """The :class:`Columns` of a parsed document, made once (kept in its ``user_data``)."""
    cols = doc.user_data.get("kg.columns")
    if cols is None or len(cols.pos) != len(doc):
        cols = doc.user_data["kg.columns"] = Columns(doc)
    return cols


def children(tok, deps) -> list:
    """The children of a token with one of these dependency labels."""
    return [c for c in tok.children if c.dep_ in deps]


def sentences_back(tok, n: int) -> int:
    """The index of the first token of the sentence ``n`` sentences before the token's (or
    of the document's first sentence): the window a title or a chamber is looked for in."""
    doc, start = tok.doc, tok.sent.start
    for _ in range(n):
        if start > 0:
            start = doc[start - 1].sent.start
    return start


def pobjs(tok, preps) -> list:
    """The objects of the prepositions (lower-cased) hanging on a token: "met *with* Xi" → [Xi]."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def conjuncts(tok) -> list:
    """The token and the tokens coordinated with it ("Egypt, Greece and Cyprus"), at most 12."""
    out = [tok]
    stack = [tok]
    while stack and len(out) < 12:
        t = stack.pop()
        # ("Attorney General William Barr and Secretary Wilbur Ross": the parser hangs the
        # second name on the first one's apposed name)
        kids = [*t.children, *(g for c in t.children if c.dep_ == "appos" for g in c.children
                               if g.dep_ == "conj" and g.pos_ == "PROPN")]
        # ("US President Donald Trump and Turkish President Recep Tayyip Erdogan spoke": the
        # parser makes the first title a compound of the second name, the first name apposed
        # to it, and the second title that name's conjunct)
        out += [g for c in t.children if c.dep_ == "compound" and c.i < t.i for g in c.children
                if g.dep_ == "appos" and g.pos_ == "PROPN" and g.i < t.i
                and any(x.dep_ == "cc" for x in g.children) and any(x.dep_ == "conj" for x in g.children)]
        for c in kids:
            if c.dep_ == "conj":
                after = c.right_edge.i + 1
                if tok.dep_ in ("dobj", "pobj") and after < len(c.doc) and c.doc[after].tag_ == "MD":
                    continue  # "defeated ISIS and Turkey would move in": a new clause's subject
                out.append(c)
                stack.append(c)
    return out


def compound_span(tok) -> tuple[int, int]:
    """Character offsets of a noun with its compound and adjectival modifiers on the left."""
    start = tok.idx
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.idx)
    return start, tok.idx + len(tok.text)


def mention_start(i: int, m: Mention, ms) -> int:
    """The index of the first token of the mention that covers token i."""
    while i > 0 and ms.get(i - 1) is m:
        i -= 1
    return i


def mention_end(i: int, m: Mention, ms) -> int:
    """The index after the last token of the mention that starts at token i."""
    while ms.get(i) is m:
        i += 1
    return i


def is_head_of(tok, m: Mention, ms) -> bool:
    """Is tok the syntactic head of its mention (its head lies outside the mention)?"""
    return tok.head.i == tok.i or ms.get(tok.head.i) is not m


def prev_sent_start(tok) -> int:
    """The first token of the sentence before the token's (its own if it is the first)."""
    s = tok.sent.start
    return tok.doc[s - 1].sent.start if s > 0 else s


def attached(tok, ms, deps, preps, types=None) -> Mention | None:
    """The first mention hanging on a token by one of ``deps``, else behind one of ``preps``."""
    for c in tok.children:
        if c.dep_ in deps and c.i in ms and (types is None or ms[c.i].type in types):
            return ms[c.i]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and (types is None or ms[p.i].type in types):
                    return ms[p.i]
    return None


def own_subjects(verb) -> list:
    """The subject tokens of a verb, or of the verb it is coordinated with or complements."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in SUBJ]
        if subj or node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return subj
        node = node.head
    return []


def is_own(obj) -> bool:
    """Is the object the actor's own thing ("its troops", "their forces")? Then look further."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)



# Dependents that open a clause of their own: what they say is not said of the clause above.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis", "csubj"})


def own_clause(tok) -> list:
    """The words of the clause a token is in: from its nearest verb (or the root) down, not
    into the clauses under it ("After winning the election, X attacked Y": "election" is not
    in the clause of "attacked"), nor into a coordinated verb with a subject of its own."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS
                     and not (c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX"))  # "after winning ..."
                     and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and own_subjects(c)))
    return out


def past_gloss(doc, first: int, ms) -> int:
    """Where the words before a name end, past a gloss in brackets just before it ("Labour MP
    (Member of Parliament) Tom Watson": the index of "("), or ``first`` if there is none. A
    gloss is at most six tokens and names no person."""
    if first < 3 or doc[first - 1].text != ")":
        return first
    for k in range(first - 2, max(0, first - 9), -1):
        if doc[k].text == "(":
            return k if k > 0 and not any(j in ms and ms[j].type == "Person" for j in range(k, first)) else first
        if doc[k].text in ("(", ")", ".", ";") or doc[k].is_sent_start:
            return first
    return first


def name_start(head, person, ms) -> int:
    """Where the words before a person's name end: the index of the name's first token (the
    name is ``person``'s mention, ``head`` a token of it), or of the "(" of a bracketed gloss
    just before it (:func:`past_gloss`: "Labour MP (Member of Parliament) Tom Watson")."""
    first = head.i
    while first > 0 and ms.get(first - 1) is person:
        first -= 1
    return past_gloss(head.doc, first, ms)


def list_lead(head, ms, apposed: bool = True):
    """The first name of the list of people a name is in ("A and B": A), or the name itself.
    With ``apposed``, a name the parser apposed to another person's in a list ("A of X, B of Y,
    and C of Z", with B apposed to A) is in the list too: two people's names are not one
    person's. Without it only an "and" list is followed (a party a name is apposed to is its
    own: "a Republican, X")."""
    lead = head
    while lead.head.i < lead.i and ms.get(lead.head.i) is not None and ms[lead.head.i].type == "Person" \
            and ms[lead.head.i] is not ms.get(lead.i) and (lead.dep_ == "conj" or apposed and lead.dep_ == "appos"
                                                           and any(t.text == "," for t in
                                                                   lead.doc[lead.left_edge.i - 1:lead.left_edge.i])):
        lead = lead.head
    return lead


def apposed_to(lead, ms):
    """The noun before a list of names that the names are in apposition to ("a Republican, X";
    "Two Democratic Representatives, A and B", which the parser may make the plural's
    conjuncts), or None."""
    noun = lead.head
    if noun.i >= lead.i or noun.i in ms and ms[noun.i].type == "Person":
        return None
    if lead.dep_ == "appos":
        return noun
    if lead.dep_ == "conj" and noun.tag_ in ("NNS", "NNPS") and noun.i not in ms and lead.left_edge.i > 0 \
            and lead.doc[lead.left_edge.i - 1].text == "," \
            and not any(c.dep_ in ("cc", "conj") and c.i < lead.i for c in noun.children) \
            and all(ms.get(t.i) is not None and ms[t.i].type == "Person" for t in conjuncts(lead)):
        # (every name after the plural a person's: "Republican lawmakers, Elon Musk and business
        # groups" is a list of three kinds of critics, not lawmakers named)
        return noun
    return None

