"""Pronouns: whom "it", "they", "he", "we" stand for, and "the two countries".

A pronoun stands for its antecedent when that is clear, tried in order: the subject of a
clause that governs it ("Iraq said it would ...", agreeing in number: "officials said it
killed nine" is not the officials), else the one candidate of its kind before it in its
sentence, else, for a subject pronoun, the subject of the sentence before when it agrees in
number and kind (a story keeps its topic: "Police arrested two men. They released one on
Sunday"), else the one candidate of its kind in the sentence before. A first-person
pronoun stands only for the speaker of the speech verb whose clause holds it or that
introduces its quotation. Relative
pronouns are read in :mod:`.subjects` (the noun the clause hangs on). The words are in
``kg/data/rules/actors.tsv``. Everything is read off the parse and the mention table in
the context; nothing is kept between calls.
"""

from __future__ import annotations

import dataclasses
import functools

from ...model import Mention, is_country_code
from .context import BODIES, OWNERS, Reading
from .deps import SUBJ, columns, conjuncts, mention_end, own_subjects, prev_sent_start, sentences_back
from .mentions import as_person, person_not_place
from .title_words import title_phrase
from .words import W

QUOTE_OPENERS = frozenset({'"', "“", "``", ":"})  # what opens a quotation after its speech verb
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def pronoun(ctx, tok, read) -> list[Reading]:
    """The antecedent of a pronoun when it is clear (see the module docstring). ``read`` reads
    a noun for whom it stands (:func:`.actors.actor_of`, given by the caller so that the
    two modules import one way)."""
    types = W.pronouns.get(tok.lower_)
    if types is None:
        speaker = W.speaker_pronouns.get(tok.lower_)
        return _speaker(ctx, tok, speaker, read) if speaker is not None else []
    binding = _own_clause_subjects(tok)
    found = _governing_subject(ctx, tok, types, read, binding)
    if found is not None:
        return found
    ms = ctx.ms
    sent = tok.sent
    # nor anything inside that subject: "Turkish police detained them" is not Turkey
    bound = {id(ms[t.i]) for b in binding for t in b.subtree if t.i in ms}
    for lo, hi, factor in ((sent.start, tok.i, 0.65), (prev_sent_start(tok), sent.start, 0.6)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types and id(m) not in bound:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == 1:
            return [(next(iter(cands.values())), factor)]
        if len(cands) > 1:
            return []
        if lo == sent.start:
            found = _topic(ctx, tok, types, read) or _governing_pronoun(ctx, tok, read)
            if found:
                return found
    return []


def _governing_pronoun(ctx, tok, read) -> list[Reading] | None:
    """"He announced the change despite critics who questioned his authority": a possessive or
    object pronoun with no candidate before it in its sentence stands for what the subject
    pronoun of its own form (``pronoun_subjects``) that governs its clause stands for."""
    if tok.dep_ in SUBJ:
        return None
    form = next((k for k, v in W.pronoun_subjects.items() if tok.lower_ in v), None)
    node = tok
    for _ in range(8):
        if form is None or node.head.i == node.i:
            break
        node = node.head
        for c in node.children:
            if c.dep_ in SUBJ and c.i < tok.i and c.lower_ == form and tok not in c.subtree:
                return pronoun(ctx, c, read) or None
    return None


def _topic(ctx, tok, types, read, steps: int = 3) -> list[Reading] | None:
    """"Police arrested two men in Leeds. They released one on Sunday": a subject pronoun
    with no candidate before it in its sentence stands for the subject of the sentence before,
    the topic a story keeps, when the two agree in number and the subject is one the
    pronoun may stand for (a role noun is read as any actor is); that subject may be the same
    pronoun, kept from the sentence before it ("They released him. They arrested another"),
    up to ``steps`` sentences back."""
    if tok.dep_ not in SUBJ or tok.sent.start == 0 or steps == 0 or _dummy(tok):
        return None
    before = tok.doc[tok.sent.start - 1].sent
    subj = [c for c in before.root.children if c.dep_ in SUBJ]
    if len(subj) != 1 or _number(subj[0]) != _number(tok):
        return None
    if subj[0].pos_ == "PRON":
        if subj[0].lower_ != tok.lower_ or any(c.dep_ == "poss" for c in subj[0].children):
            return None
        return _topic(ctx, subj[0], types, read, steps - 1)
    found = [(m, f * 0.65) for t in conjuncts(subj[0]) for m, f in read(ctx, t, "actor", None) if m.type in types]
    if not found:
        # "Protesters' demands include ... They had asked": a subject that is no actor
        # speaks for its owner, when the owner agrees with the pronoun too
        owners = [c for c in subj[0].children if c.dep_ == "poss" and c.pos_ != "PRON" and _agrees(c, tok)]
        found = [(m, f * 0.6) for o in owners for m, f in read(ctx, o, "actor", None) if m.type in types]
    return found or None


def _dummy(tok) -> bool:
    """Is "it" the empty subject of a copula or of a clause put after it ("It is time to
    act", "it can be tough to focus", "it was the first time they elected ...")?"""
    head = tok.head
    return tok.lower_ == "it" and (head.lemma_ == "be" or any(
        c.dep_ in ("xcomp", "ccomp", "csubj", "advcl") and c.i > head.i for c in head.children))


def _number(tok) -> str:
    """"Plur" or "Sing" ("" when the parser does not say): coordinated names are plural."""
    if any(c.dep_ == "conj" for c in tok.children):
        return "Plur"
    return "".join(tok.morph.get("Number"))


def _agrees(noun, pron) -> bool:
    """Do a noun and a pronoun agree in number, when both say ("officials said it killed
    nine" is no killing by the officials)?"""
    a, b = _number(noun), _number(pron)
    return not a or not b or a == b


def _speaker(ctx, tok, types, read) -> list[Reading]:
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
    marks = _quotation(tok)
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


def _quotation(tok) -> tuple[int, int | None] | None:
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


def _own_clause_subjects(tok) -> list:
    """"Dorn died after Voss shot him", "Jordan hosted Iraq and signed a pact with it": an
    object pronoun is never its own clause's subject (nor the subject the clause shares)."""
    if not (tok.lower_ in W.object_pronouns and tok.dep_ in ("dobj", "dative", "pobj")):
        return []
    own_clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return own_subjects(own_clause) if own_clause is not None else []


def _governing_subject(ctx, tok, types, read, binding=()) -> list[Reading] | None:
    """The subject of a clause that governs the pronoun, or the owner of that subject
    ("Japan's trade grew while its alliance held"), not one it may not stand for."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        for c in node.children:
            if c in binding:
                continue
            found = _subject_reading(ctx, tok, c, types, read)
            if found is not None:
                return found
    return None


def _subject_reading(ctx, tok, c, types, read) -> list[Reading] | None:
    """What the subject ``c`` of a clause governing the pronoun says it stands for, if anything."""
    ms = ctx.ms
    if c.dep_ in SUBJ and c.i < tok.i and c.i != tok.i and tok not in c.subtree:
        m = ms.get(c.i)
        if m is not None and m.type not in types and "Person" in types:
            # "Chapman said he ...": a surname the NER took for a body or a place it does not
            # know is the person "he" stands for
            m = person_not_place(as_person(m, ctx.linker), ctx.linker)
        said = _said_by(tok, c)
        voiced = _voiced_body(ctx, c, m, types) if said else None
        if voiced is not None:
            return [(voiced, 0.8)]
        if m is not None and m.type in types:
            # "Bosnian Serbs said their forces ...": what the subject stands for as an actor
            # (the people, not the state its demonym names), when that is of the pronoun's kind
            factor = 0.9 if said else 0.75
            read_as = [(m2, factor * f) for m2, f in read(ctx, c, "actor", None)
                       if m2.type in types] if ms.get(c.i) is m else []
            return read_as or [(m, factor)]
        if c.pos_ != "PRON" and _agrees(c, tok):
            for m2, f in read(ctx, c, "actor", None):
                if m2.type in types or _office_holder(c, types):
                    return [(m2, (0.85 if said else 0.7) * f)]
    if c.dep_ in SUBJ and c.i < tok.i and tok.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ms:
        # "South Korea's reliance on China while keeping its alliance with the US",
        # "Japan's trade grew while its alliance held": the owner of the subject
        owners = [ms[p.i] for p in c.children if p.dep_ == "poss" and p.i in ms and ms[p.i].type in types]
        if len(owners) == 1:
            return [(owners[0], 0.65)]
    return None


def _voiced_body(ctx, subj, m, types) -> Mention | None:
    """"Houthi spokesperson Yahya Sarea said it had carried out the attack": the body whose
    spokesperson (:mod:`.titles`) speaks, for a pronoun of its kind in what the person says."""
    if m is None or m.type != "Person" or m.type in types:
        return None
    bodies = {(t.org.key or t.org.text).lower(): t.org for t in ctx.titles.get(subj.i, ())
              if t.org is not None and t.org.type in types and t.token.lemma_.lower() in W.spokesman_titles}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _said_by(tok, subj) -> bool:
    """Is the pronoun the subject of what the subject of a speech verb says ("Iraq said it
    would ...", "the coalition said it had struck ...")? That is the surest reading of a
    pronoun, surer than any other governing subject ("Iraq's trade grew while it ...")."""
    clause = tok.head
    return tok.dep_ in SUBJ and clause.dep_ == "ccomp" and subj.head.i == clause.head.i \
        and clause.head.lemma_.lower() in W.speech_verbs


def _office_holder(noun, types) -> bool:
    """Is the subject one person named by the office held ("Iraq's prime minister said his
    government would ...", "the Iranian ambassador said he had been summoned")? "He" then
    stands for whom the office is read as standing for (the state or its organ); a person
    pronoun stands for no other role noun ("police said he fled": the one who fled)."""
    return "Person" in types and noun.tag_ == "NN" and noun.lemma_.lower() in W.office_titles


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
    three before (none when two are named so)."""
    lemma = tok.lemma_.lower()
    if lemma not in W.anaphoric_bodies or tok.tag_ != "NN" or tok.i in ctx.ms \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "appos", "nummod") for c in tok.children):
        return []
    ms, cols = ctx.ms, columns(tok.doc)
    found = {}
    for i in range(sentences_back(tok, 3), tok.i):
        m = ms.get(i)
        if m is not None and cols.lemma[i] == lemma and m.type in OWNERS and m.type != "Country" \
                and mention_end(i, m, ms) == i + 1:
            found.setdefault((m.key or m.text).lower(), m)
    return [(next(iter(found.values())), 0.75)] if len(found) == 1 else []


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
    if _quotation(tok) is None:
        return set()
    speakers = [m for m, _ in _speaker(ctx, tok, ("Person",), read)]
    # ("Graham continued": the country the story gave him with his full name, "Senator Lindsey Graham")
    names = {m.text.split()[-1] for m in speakers if not m.country}
    return {m.country for m in speakers if m.country} | {
        m.country for m in ctx.ms.values() if m.type == "Person" and m.country and m.text.split()[-1] in names}


def _of_country(found: list, countries: set) -> list:
    """The candidates of those countries (one, or none)."""
    kept = [m for m in found if m.country and m.country in countries]
    return kept if len(kept) == 1 else []
