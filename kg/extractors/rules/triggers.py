"""Triggers: which token starts which event (token → event type).

A verb triggers the event the lexicon gives its lemma (``kg/data/events.tsv``, then the
derived ``cameo_verbs.tsv``), with a particle ("lash out") and with the objects some rows
need ("cut *ties*", "lift a *ban*"). Then the sense table ``kg/data/rules/verb_senses.jsonl``
decides the cases where the lemma alone misleads: "attacked the decision" is criticism,
"asked whether" is a question, "US troops left Iraq" is a withdrawal. A noun triggers the
event the lexicon gives it or its compound ("phone call"), and the same table has rows for
nouns ("a general strike" is a protest). A new trigger is a row in the lexicon; a new
sense is a row in the sense table.
"""

from __future__ import annotations

import functools

from ...errors import DataError
from ...lexicon import EventType
from . import shapes
from .deps import conjuncts
from .words import W, jsonl_rows

SENSES = "verb_senses.jsonl"


@functools.cache
def _senses() -> dict[str, dict[str, tuple[dict, ...]]]:
    """when ("unknown", "known", "noun") → lemma → the rows for it, in file order."""
    table: dict[str, dict[str, list[dict]]] = {"unknown": {}, "known": {}, "noun": {}}
    for row in jsonl_rows(SENSES):
        where = f"kg/data/rules/{SENSES}, the row for {row.get('lemmas')}"
        if row.get("when") not in table or not row.get("lemmas") or "then" not in row:
            raise DataError(f"{where}: a row needs \"lemmas\", \"when\" (unknown, known or noun) and \"then\"")
        then = row["then"]
        if then != "drop" and not (isinstance(then, dict) and "predicate" in then):
            raise DataError(f"{where}: \"then\" is \"drop\" or {{\"predicate\": ...}}, not {then!r}")
        for key in ("if", "unless"):
            if key in row:
                shapes.check(row[key], where)
        for lemma in row["lemmas"]:
            table[row["when"]].setdefault(lemma, []).append(row)
    return {when: {k: tuple(v) for k, v in rows.items()} for when, rows in table.items()}


def verb_event(ctx, tok) -> EventType | None:
    """The event a verb triggers in its sentence, or None."""
    # (most verbs begin no row: spared reading their objects and prepositions)
    if tok.pos_ != "VERB" or (lemma := verb_lemma(tok)) not in _trigger_lemmas(ctx.lex):
        return None
    heads = objects(tok)
    objs = _object_lemmas(tok, heads)
    preps = _prep_lemmas(tok)
    et = None
    # "lashed out at", "wiped out"; then a verb with its preposition ("pushed for", "bowed to"),
    # keyed the same way in the lexicon
    # ("hit back at": a "back" the parser calls an adverb is the particle all the same)
    for prt in [c.lower_ for c in tok.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "back"] \
            + _prepositions(tok):
        et = ctx.lex.verb(f"{lemma} {prt}", objs, preps)
        if et is not None:
            break
    et = et or ctx.lex.verb(lemma, objs, preps)
    if et is not None and et.weight < 1.0 and not main_verb(tok):
        et = None  # a derived row reads only the sentence's main verbs
    senses = _senses()
    if et is None:
        for row in senses["unknown"].get(lemma, ()):
            if _applies(ctx, tok, row, None, heads):
                et = _then(ctx, row)
                if et is not None:
                    break
        if et is None:
            return None
    for row in senses["known"].get(lemma, ()):
        if _applies(ctx, tok, row, et, heads):
            return _then(ctx, row)
    return et


# id of a lexicon → (that lexicon, held so that its id is not reused; its trigger lemmas)
_TRIGGER_LEMMAS: dict[int, tuple[object, frozenset[str]]] = {}


def _trigger_lemmas(lex) -> frozenset[str]:
    """The lemmas a verb row or a sense row of ``lex`` begins with: no other verb triggers."""
    held = _TRIGGER_LEMMAS.get(id(lex))
    if held is None or held[0] is not lex:
        senses = _senses()
        found = frozenset(k.split(" ", 1)[0] for k in (*lex.verbs, *lex.restricted)) \
            | frozenset(senses["unknown"]) | frozenset(senses["known"])
        held = _TRIGGER_LEMMAS[id(lex)] = (lex, found)
    return held[1]


def _prepositions(verb) -> list[str]:
    """The prepositions after a verb, and the "for" of a clause it governs ("pushed for Germany
    to back the plan", parsed as a clause marked by "for")."""
    return [c.lower_ for c in verb.children if c.dep_ == "prep" and c.i > verb.i] + [
        m.lower_ for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
        for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]


def verb_lemma(tok) -> str:
    """The lemma of a verb or noun, mended where spaCy's lemmatizer misreads the form
    ("fined" is not "fin", "hostilities" not "hostility"; the forms are listed in
    ``kg/data/rules/senses.tsv``)."""
    fixed = W.lemma_fixes.get(tok.lower_)
    return fixed[0] if fixed else tok.lemma_.lower()


def main_verb(tok) -> bool:
    """Is the verb on the sentence's main chain: its root, or a verb coordinated with one or
    complementing one ("said it would *retaliate*", "vowed to *retaliate*")? The verbs of the
    CAMEO dictionary that kg derives (``cameo_verbs.tsv``) were reviewed as a list, not in
    context; read only here they code at about twice the precision (issue 11: 0.29 → 0.47),
    and a verb inside a relative clause or a modifier ("the slapped child") is left alone."""
    node = tok
    for _ in range(8):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            return True
        if node.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        node = node.head
    return False


def noun_event(ctx, tok) -> EventType | None:
    """The event a noun triggers: its compound with it ("phone call"), else itself, unless
    a sense row says otherwise ("a scathing attack on the budget" is criticism)."""
    lemma = verb_lemma(tok)
    if lemma not in _noun_ends(ctx.lex):
        return None  # (no row ends with it: its modifiers are not read)
    for c in [*(c for c in tok.children if c.dep_ in ("compound", "amod")), *denied_of(tok)]:
        # "phone call", "legal action", "a no-confidence motion", "a motion of no confidence"
        et = ctx.lex.nouns.get(("no-" if _denied(c) else "") + c.lemma_.lower() + " " + lemma)
        if et is not None:
            return et
    et = ctx.lex.nouns.get(lemma)
    if et is not None:
        for row in _senses()["noun"].get(lemma, ()):
            if _applies(ctx, tok, row, et, ()):
                return _then(ctx, row)
    return et


# id of a lexicon → (that lexicon, its number of noun rows, the words its noun rows end with)
_NOUN_ENDS: dict[int, tuple[object, int, frozenset[str]]] = {}


def _noun_ends(lex) -> frozenset[str]:
    """What a noun row of ``lex`` may end with after a space, or be whole: a noun no row ends
    with triggers nothing, whatever its compound."""
    held = _NOUN_ENDS.get(id(lex))
    if held is None or held[0] is not lex or held[1] != len(lex.nouns):
        ends = {k[i + 1:] for k in lex.nouns for i, c in enumerate(k) if c == " "} | set(lex.nouns)
        held = _NOUN_ENDS[id(lex)] = (lex, len(lex.nouns), frozenset(ends))
    return held[2]


def _denied(tok) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children)


def denied_of(noun) -> list:
    """The "of" object with a "no" that names what a noun is ("a vote of no confidence"),
    read as the compound of the same sense ("a no-confidence vote")."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" and _denied(p)]


def reading_as(ctx, verb: str, predicate: str) -> EventType | None:
    """The lexicon's row for a verb read as this predicate when it has the objects the row
    needs ("fire" + shells: an attack with firearms), else the verb's own row if it is one of
    this predicate."""
    found = next((e for e in ctx.lex.restricted.get(verb, ()) if e.predicate == predicate), None)
    plain = ctx.lex.verbs.get(verb)  # or its plain row: "impeach" gives the 1121 row of accuses
    return found or (plain if plain is not None and plain.predicate == predicate else None)


def objects(verb) -> list:
    """The objects of a verb as the trigger rules see them: direct objects and passive
    subjects, their conjuncts ("launched artillery, mortar and rocket fire"), and what a
    "part of" or "hundreds of" counts ("suspended part of a military aid programme",
    "defaced hundreds of websites")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] or counted_up_to(verb) \
        or infinitive_subjects(verb)
    heads += [h for c in heads for h in conjuncts(c)[1:]]
    heads += [p for c in heads if c.lemma_.lower() in W.part_nouns | W.quantity_nouns for o in c.children
              if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    return heads


def counted_up_to(verb) -> list:
    """"kidnapped up to 16 Russian advisers", "to contribute up to 4,000 troops": the object,
    which the parser reads as the object of a preposition after a particle "up"."""
    return [o for u in verb.children if u.dep_ == "prt" and u.lower_ == "up" for t in u.children
            if t.dep_ == "prep" and t.lower_ == "to" for o in t.children
            if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]


def infinitive_subjects(verb) -> list:
    """"allowed refugees to return", "let inspectors enter": the parser makes the one allowed
    the subject of the infinitive, which is the verb's object all the same."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > verb.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]


def _object_lemmas(verb, heads) -> list[str]:
    """The lemmas a lexicon row may require of the verb's direct objects."""
    objs = [c.lemma_.lower() for c in heads]
    # "allowed refugees to return": what they are allowed to do ("let inspectors in" too)
    objs += [c.head.lemma_.lower() for c in heads if c.dep_ == "nsubj" and c.head.i != verb.i]
    # "allow refugees who have lived in Iraq for years to return": the parser hangs the
    # infinitive on the relative clause between them
    objs += [v.lemma_.lower() for c in heads for r in c.children if r.dep_ == "relcl"
             for v in r.children if v.dep_ in ("advcl", "xcomp") and v.i > r.i and v.pos_ == "VERB"
             and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == v.i - 1 for a in v.children)]
    objs += [g.lemma_.lower() for c in heads for g in c.children if g.dep_ == "compound"]
    # "lifted a state of emergency": the state is the emergency
    objs += [p.lemma_.lower() for c in heads if c.lemma_.lower() in W.container_nouns for o in c.children
             if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    return objs


def _prep_lemmas(verb) -> list[str]:
    """The lemmas of the objects of a verb's prepositions ("hacked *into* the server"), which
    a lexicon row's object may also be, after the verb's own objects."""
    # ("pulled out of the pact": the parser hangs the "of" on an "out" it reads as a preposition)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [o for c in preps if c.lower_ == "out" for o in c.children if o.dep_ == "prep"]
    return [p.lemma_.lower() for c in preps for p in c.children if p.dep_ == "pobj"]


def _applies(ctx, tok, row: dict, et: EventType | None, heads) -> bool:
    if et is not None and ("plover" in row and et.plover != row["plover"]
                           or "predicate" in row and et.predicate != row["predicate"]):
        return False
    if "if" in row and not shapes.fits(ctx, tok, row["if"], heads):
        return False
    return not ("unless" in row and shapes.fits(ctx, tok, row["unless"], heads))


def _then(ctx, row: dict) -> EventType | None:
    then = row["then"]
    if then == "drop":
        return None
    if "verb" in then:
        return reading_as(ctx, then["verb"], then["predicate"])
    return ctx.lex.by_predicate[then["predicate"]]
