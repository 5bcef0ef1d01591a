"""Pronouns: whom "it", "they", "he", "we" stand for.

A pronoun stands for its antecedent when that is clear, tried in order: the subject of a
clause that governs it ("Iraq said it would ...", agreeing in number: "officials said it
killed nine" is not the officials), else the one candidate of its kind before it in its
sentence, else, for a subject pronoun, the subject of the sentence before when it agrees in
number and kind (a story keeps its topic: "Police arrested two men. They released one on
Sunday"), else the one candidate of its kind in the sentence before. A first-person
pronoun stands only for the speaker of the speech verb whose clause holds it or that
introduces its quotation (:mod:`.speakers`). "The country", "the two countries" are read in
:mod:`.definites`, relative pronouns in :mod:`.subjects` (the noun the clause hangs on). The
words are in ``kg/data/rules/actors.tsv``. Everything is read off the parse and the mention
table in the context; nothing is kept between calls.
"""

from __future__ import annotations

from ...model import Mention
from .context import Reading
from .deps import SUBJ, conjuncts, own_subjects, prev_sent_start
from .mentions import as_person, person_not_place
from .speakers import speaker
from .words import W


def pronoun(ctx, tok, read) -> list[Reading]:
    """The antecedent of a pronoun when it is clear (see the module docstring). ``read`` reads
    a noun for whom it stands (:func:`.actors.actor_of`, given by the caller so that the
    two modules import one way)."""
    types = W.pronouns.get(tok.lower_)
    if types is None:
        kinds = W.speaker_pronouns.get(tok.lower_)
        return speaker(ctx, tok, kinds, read) if kinds is not None else []
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
