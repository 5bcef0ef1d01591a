"""CoNLL04 sentences: entity spans and five relations between them, mapped to kg's types.

CoNLL04 entities carry no country, so the set is scored at entity level only; entities
are matched by name against the span text, loosely (see :mod:`kg.evaluate.matching`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ...errors import GoldError
from ...model import Document
from ..goldsets import GoldSet, Options, register
from ..matching import PLOVER_TYPES, Fact, Ref
from ..scoring import Level
from .plover import half

# CoNLL04 relation → the kg predicates (or PLOVER type) that express it.
CONLL04_TYPES = {
    "Work_For": ("worksFor", "leaderOf", "memberOf"),
    "Live_In": ("livesIn", "citizenOf"),
    "Located_In": ("locatedIn", "capitalOf"),
    "OrgBased_In": ("basedIn",),
    "Kill": ("ASSAULT",),
}


# CoNLL04's relations are typed (types.json; every record of train and dev keeps to it):
# Work_For holds between a person and an organisation, Live_In between a person and a
# location. So a person's office or work in a place ("Gov. X" leaderOf a state, "Libya's
# ambassador" worksFor Libya) is, in CoNLL04's scheme, the person's Live_In.
LOCATION_KINDS = frozenset({"Country", "City", "Location"})


def conll04_scheme(f: Fact) -> tuple[str, ...]:
    """The CoNLL04 relations a fact's predicate or PLOVER type expresses.

    >>> from kg.evaluate.matching import Ref
    >>> conll04_scheme(Fact("d", (Ref.of("A"),), (Ref.of("Acme", kind="Organization"),), ("worksFor",)))
    ('Work_For',)
    >>> conll04_scheme(Fact("d", (Ref.of("A"),), (Ref.of("Ohio", kind="Location"),), ("leaderOf",)))
    ('Live_In',)
    >>> conll04_scheme(Fact("d", (Ref.of("A"),), (Ref.of("Bo Lee", kind="Person"),), ("worksFor",)))
    ()
    """
    have = set(f.predicates) | set(f.plovers)
    found = tuple(t for t, accepted in CONLL04_TYPES.items() if have & set(accepted))
    if "Work_For" in found and f.object and all(r.kind in LOCATION_KINDS for r in f.object):
        found = tuple(dict.fromkeys("Live_In" if t == "Work_For" else t for t in found))
    if "Work_For" in found and f.object and all(r.kind == "Person" for r in f.object):
        # work for a person ("the senator's spokesman") is no Work_For: its object is an organisation
        found = tuple(t for t in found if t != "Work_For")
    return found


CONLL04_LEVELS = (Level("entity", conll04_scheme, "entity"),)
_GLUED = (",", ".", ";", ":", "?", "!", ")", "'s", "'", "n't", "'t", "'re", "'d", "'ll", "'ve", "'m")


def detokenize(tokens: Sequence[str]) -> str:
    """CoNLL04 tokens → readable text: no space before closing punctuation or clitics.

    >>> detokenize(["Ann", "Lee", "(", "Ohio", ")", "'s", "firm", "."])
    "Ann Lee (Ohio)'s firm."
    >>> detokenize(["He", "can", "'t", "go"])  # CoNLL04 splits "can't" so
    "He can't go"
    """
    out = ""
    for i, tok in enumerate(tokens):
        glue = i == 0 or tok in _GLUED or tokens[i - 1] in ("(", "`", "``")
        out += tok if glue else " " + tok
    return out


def read_conll04(path: Path, name: str = "conll04", part: str | None = None) -> GoldSet:
    """CoNLL04 sentences: the five relations between gold entity spans, mapped by :data:`CONLL04_TYPES`.

    Entities are matched by name against the span text (loosely: see
    :mod:`kg.evaluate.matching`); there is no country level, since CoNLL04 entities carry
    no country. With ``part`` (``tune`` or ``holdout``) only that half of the sentences is
    read, split by the same fixed hash as the GSR (:func:`kg.evaluate.formats.plover.half`
    of the document id).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read CoNLL04 ({exc})") from None
    docs, facts = [], []
    for i, sent in enumerate(data):
        tokens = sent["tokens"]
        doc = f"conll04-{sent.get('orig_id', i)}"
        if part is not None and half(doc) != part:
            continue
        docs.append(Document(id=doc, text=detokenize(tokens), source=str(path)))
        ents = [Ref.of(detokenize(tokens[e["start"]:e["end"]]), loose=True) for e in sent["entities"]]
        facts += _places_within(doc, tokens, sent["entities"])
        for rel in sent["relations"]:
            accepted = CONLL04_TYPES.get(rel["type"])
            if accepted is None:
                raise GoldError(f"{path}: sentence {i}: unknown relation type {rel['type']!r}")
            events = tuple(a for a in accepted if a in PLOVER_TYPES)
            statics = tuple(a for a in accepted if a not in PLOVER_TYPES)
            facts.append(Fact(doc=doc, subject=(ents[rel["head"]],), object=(ents[rel["tail"]],),
                              predicates=statics, plovers=events))
    return GoldSet(name, str(path), docs, facts, CONLL04_LEVELS)


def _places_within(doc: str, tokens: Sequence[str], entities) -> list[Fact]:
    """"Lubbock, Texas" is one location in CoNLL04, so its scheme cannot say that Lubbock
    lies in Texas; kg says so. That fact is optional (neither right nor wrong), as facts the
    gold's scheme cannot express are in kg's own gold.

    >>> [(f.subject[0].label, f.object[0].label, f.optional) for f in _places_within(
    ...     "d", ["born", "in", "Lubbock", ",", "Texas"], [{"type": "Loc", "start": 2, "end": 5}])]
    [('Lubbock', 'Texas', True)]
    """
    out = []
    for e in entities:
        span = list(tokens[e["start"]:e["end"]])
        if e["type"] != "Loc" or span.count(",") != 1 or span[0] == "," or span[-1] == ",":
            continue
        cut = span.index(",")
        inner, outer = detokenize(span[:cut]), detokenize(span[cut + 1:])
        out.append(Fact(doc=doc, subject=(Ref.of(inner, loose=True),), object=(Ref.of(outer, loose=True),),
                        predicates=CONLL04_TYPES["Located_In"], optional=True))
    return out


@register("conll04", sniff=lambda head: head.lstrip().startswith("["))
def read(path: Path, name: str, options: Options) -> GoldSet:
    """CoNLL04 JSON: sentences with entity spans and Work_For, Live_In, Located_In, OrgBased_In, Kill"""
    return read_conll04(path, name, part=options.part)
