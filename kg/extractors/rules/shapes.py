"""Dependency shapes written as data, tested on one token.

A shape is a JSON object describing a token and its neighbours in the parse; every key
must hold:

* attributes of the token: ``dep``, ``pos``, ``tag``, ``ent_type`` (spaCy's labels),
  ``lower`` (its lower-cased text), ``lemma`` (its lower-cased lemma) and ``shape``
  (spaCy's: "d-d" for a score such as "2-1"). The value is one string or a list of them; a
  string ``"@name"`` names a word list: one of ``kg/data/rules/*.tsv``
  (``"@verbal_targets"``), the event nouns of the lexicon (``"@lexicon:nouns"``, or those
  of one PLOVER type: ``"@lexicon:nouns:ASSAULT"``), its verbs of one PLOVER type by their
  own rows (``"@lexicon:verbs:ASSAULT"``), the role nouns of ``agents.tsv``
  (``"@lexicon:agents"``) or those of one CAMEO sector (``"@agents:MIL"``);
* neighbours, each a shape that at least one of them must fit: ``child`` (a dependent),
  ``head`` (the token it depends on), ``object`` (an object of the trigger, as the trigger
  rules collect them: direct objects, passive subjects, their conjuncts, what a "part of"
  is part of), ``subject`` (the subject of the trigger, or of the verb it is coordinated
  with or complements), ``clause`` (any word of the trigger's own clause, not of the clauses
  under it: "in the final", but not "after winning the election") and ``sentence`` (any word
  of the sentence: "a weapon is named");
* ``any`` (a list: one must fit), ``all`` (a list: all must fit), ``not`` (must not fit);
* in place of a shape, a string ``"@name"``: the shape of that name in
  ``kg/data/rules/named_shapes.jsonl`` (``"unless": "@by_a_court"``), a condition several
  rows share, written once; the loader (``words.jsonl_rows``) puts it in its place.

The format borrows spaCy's ``DependencyMatcher`` attribute names, but a shape is anchored
at one token and tested only when a rule asks (a trigger's lemma has a row), and it can say
"no such child" and walk the relations above, which ``DependencyMatcher`` cannot.

    {"child": {"dep": "prep", "lower": ["on", "by", "over"],
               "child": {"dep": "pobj", "lemma": ["phone", "telephone"]}}}

fits "spoke *on the phone*".
"""

from __future__ import annotations

from ...errors import DataError
from .deps import own_clause, own_subjects
from .words import W

_ATTRS = {
    "dep": lambda t: t.dep_,
    "pos": lambda t: t.pos_,
    "tag": lambda t: t.tag_,
    "ent_type": lambda t: t.ent_type_,
    "lower": lambda t: t.lower_,
    "lemma": lambda t: t.lemma_.lower(),
    "shape": lambda t: t.shape_,
}
_RELATIONS = ("child", "head", "object", "subject", "clause", "sentence")
_KEYS = {*_ATTRS, *_RELATIONS, "any", "all", "not"}


def check(shape: dict, where: str) -> None:
    """Raise with the place in the data file if a shape uses a key this module does not know."""
    if not isinstance(shape, dict):
        raise DataError(f"{where}: a shape is a JSON object, not {shape!r}")
    unknown = set(shape) - _KEYS
    if unknown:
        raise DataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} in a shape; "
                         f"known: {', '.join(sorted(_KEYS))}")
    for key in _ATTRS:
        want = shape.get(key, "")
        if not isinstance(want, str) and not (isinstance(want, list) and all(isinstance(w, str) for w in want)):
            raise DataError(f"{where}: {key!r} is a string or a list of strings, not {want!r} "
                             "(a named shape stands in place of a shape, not of a word)")
    for key in _RELATIONS:
        if key in shape:
            check(shape[key], where)
    for key in ("any", "all"):
        for sub in shape.get(key, ()):
            check(sub, where)
    if "not" in shape:
        check(shape["not"], where)


def fits(ctx, tok, shape: dict, objects=()) -> bool:
    """Does the token fit the shape? ``objects`` are the trigger's objects, for ``object``."""
    return all(_holds(ctx, tok, key, want, objects) for key, want in shape.items())


_NEIGHBOURS = {
    "child": lambda tok, objects: tok.children,
    "object": lambda tok, objects: objects,
    "subject": lambda tok, objects: own_subjects(tok),
    "head": lambda tok, objects: () if tok.head.i == tok.i else (tok.head,),
    "clause": lambda tok, objects: own_clause(tok),
    "sentence": lambda tok, objects: tok.sent,
}


def _holds(ctx, tok, key: str, want, objects) -> bool:
    if key in _ATTRS:
        return _matches(ctx, _ATTRS[key](tok), want)
    if key in _NEIGHBOURS:
        return any(fits(ctx, n, want) for n in _NEIGHBOURS[key](tok, objects))
    if key == "any":
        return any(fits(ctx, tok, s, objects) for s in want)
    if key == "all":
        return all(fits(ctx, tok, s, objects) for s in want)
    return not fits(ctx, tok, want, objects)  # "not"


def _matches(ctx, value: str, want) -> bool:
    if isinstance(want, str):
        return _in_list(ctx, value, want[1:]) if want.startswith("@") else value == want
    return any(_matches(ctx, value, w) for w in want)


def _in_list(ctx, value: str, name: str) -> bool:
    if name == "lexicon:nouns":
        return value in ctx.lex.nouns
    if name.startswith("lexicon:nouns:"):
        et = ctx.lex.nouns.get(value)
        return et is not None and et.plover == name.removeprefix("lexicon:nouns:")
    if name.startswith("lexicon:verbs:"):  # the verb's own row, not a row that needs its objects
        et = ctx.lex.verbs.get(value)
        return et is not None and et.plover == name.removeprefix("lexicon:verbs:")
    if name == "lexicon:agents":
        return value in ctx.lex.agents
    if name.startswith("agents:"):
        return ctx.lex.agents.get(value) == name.removeprefix("agents:")
    return value in getattr(W, name)
