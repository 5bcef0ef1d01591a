"""Derive ``kg/data/dictionary_verbs.tsv``: triggers kg's lexicon lacks, from PETRARCH's CAMEO dictionary.

    python scripts/derive_dictionary_verbs.py > kg/data/dictionary_verbs.tsv
    python scripts/derive_dictionary_verbs.py --candidates   # every verb and phrase that passes the tests

``kg/data/derive_events.py`` takes from the CAMEO verb dictionary of PETRARCH
(CAMEO.verbpatterns.150430, Open Event Data Alliance, MIT licence) only the verbs its TABARI
coders attested in a pattern comment. This script reads the rest of the dictionary: the members
of its synonym blocks and its ``* OBJECT [code]`` phrases. A verb or phrase becomes a row when

1. the lexicon lacks it: the verb is in no row of ``events.tsv`` or ``cameo_verbs.tsv``, and a
   phrase's object is not a noun the lexicon already reads as a trigger ("hold talks" is read
   through "talks");
2. its CAMEO code maps to one PLOVER type without ambiguity: every code the dictionary gives
   the verb (one per block it sits in) or the phrase (one per pattern) has the same PLOVER type
   in the CAMEO→PLOVER table (Open Event Data, CC BY-SA 4.0), and that type is the type of the
   kg predicate the code is filed under;
3. a reviewer read it as political in news (:data:`REVIEWED_VERBS`, :data:`REVIEWED_PHRASES`):
   the blocks are WordNet synonyms added in bulk, and "plague" or "tend" are no events.

The rows carry a lower confidence weight than ``cameo_verbs.tsv`` (``kg.lexicon``) and, as
every derived row, are read only on a sentence's main verbs (``triggers.main_verb``).
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.data.derive_events import (  # noqa: E402
    CODE_PREDICATE,
    PARTICLES,
    _preps,
    lemma,
    parse,
    plover_of,
    plover_table,
    read_curated,
)

# Verbs read as political in news, by the CAMEO code the dictionary gives them.
REVIEWED_VERBS = {
    # 111 criticize or denounce; 112 accuse
    "admonish", "belittle", "berate", "denigrate", "deride", "disparage", "impugn", "lambaste",
    "malign", "pillory", "reproach", "ridicule", "slander", "remonstrate", "fault",
    # 190 conventional force; 202 mass killing; 180 beating
    "pummel", "skirmish", "annihilate", "obliterate", "subjugate", "overpower", "plunder",
    "butcher", "slaughter", "bludgeon", "flog", "mistreat",
    # 174 expel or deport; 171 seize; 173 arrest; 172 administrative sanctions
    "banish", "exile", "boot out", "commandeer", "nationalise", "nationalize", "rearrest",
    "criminalise", "criminalize",
    # 080 yield
    "cede", "acquiesce", "obey", "consent",
    # 100 request; 050/051 cooperation, praise
    "entreat", "acclaim", "extol", "compliment", "ally",
}
# (verb, object) phrases read as political in news.
REVIEWED_PHRASES = {
    ("forge", "alliance"), ("mend", "relation"), ("improve", "relation"), ("reestablish", "tie"),
    ("improve", "tie"), ("exchange", "ambassador"), ("hurl", "insult"), ("launch", "tirade"),
    ("launch", "broadside"), ("fire", "broadside"), ("exchange", "prisoner"), ("cancel", "debt"),
    ("forgive", "debt"), ("train", "force"), ("receive", "ambassador"),
    ("receive", "leader"), ("express", "gratitude"), ("express", "solidarity"), ("give", "blessing"),
    ("demonstrate", "solidarity"),
}
# Recipient prepositions a verb takes beyond its predicate's ("skirmished with", "allied with").
VERB_PREPS = {"skirmish": ["with"], "ally": ["with"], "remonstrate": ["with"], "acquiesce": ["to", "in"],
              "consent": ["to"], "cede": ["to"], "fault": ["for"]}
# Codes whose curated predicate by prefix would misname the event.
OWN_PREDICATE = {**CODE_PREDICATE, "202": "kills", "053": "supports"}


def block_codes(path: Path) -> dict[str, list[str]]:
    """Verb → the code of every entry the dictionary has for it (its line's, else its block's)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    body = text.split("####### VERB PATTERNS #######", 1)[1]
    codes: dict[str, list[str]] = defaultdict(list)
    block = None
    for raw in body.splitlines():
        line = raw.strip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block = m.group(2).split(":")[0]
            continue
        if not line or line.startswith(("#", "-")) or block is None:
            continue
        entry = re.sub(r"\{[^}]*\}", "", line.split("#", 1)[0]).strip()
        em = re.match(r"^\+?([A-Z_\-]+)\s*(?:\[([^\]]*)\])?", entry)
        if em:
            verb = em.group(1).lower().replace("_", " ").replace("-", " ").strip()
            codes[verb].append((em.group(2) or block).split(":")[0])
    return codes


def one_type(codes, table) -> str | None:
    """The one PLOVER type of these CAMEO codes, or None when they have none or several."""
    types = {(plover_of(c, table) or (None,))[0] if c.isdigit() else None for c in codes}
    return types.pop() if len(types) == 1 and None not in types else None


def predicate_row(code: str, plover: str, curated: list[dict]) -> dict | None:
    """The curated row a code is filed under: the row naming the code's predicate, else the row
    of the same PLOVER type with the code, else the one sharing the longest prefix with it."""
    same = [r for r in curated if r["plover"] == plover]
    if code in OWN_PREDICATE:
        return next((r for r in same if r["predicate"] == OWN_PREDICATE[code]), None)
    exact = [r for r in same if r["cameo"] == code]
    if exact or not same:
        return exact[0] if exact else None

    def shared(r):
        n = 0
        while n < min(len(code), len(r["cameo"])) and code[n] == r["cameo"][n]:
            n += 1
        return n
    return max(same, key=shared)


def lexicon_words(data: Path) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """(verbs, trigger nouns, (verb, object) phrases) of kg's lexicon files."""
    verbs, nouns, phrases = set(), set(), set()
    for name in ("events.tsv", "cameo_verbs.tsv"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")] + [""] * 8
            vs = {v.strip() for v in cols[4].split(",") if v.strip()}
            verbs |= vs
            nouns |= {n.strip() for n in cols[5].split(",") if n.strip()}
            phrases |= {(v, o.strip()) for v in vs for o in cols[7].split(",") if o.strip()}
    return verbs, nouns, phrases


def _row(pred: dict, code: str, table, verb: str, requires: str) -> tuple:
    mode = (plover_of(code, table) or ("", ""))[1]
    ordered = [p for p in _preps(pred).split(",") + VERB_PREPS.get(verb, []) if p]
    preps = ",".join(dict.fromkeys(ordered))
    return pred["predicate"], pred["plover"], mode, code, preps, requires


def verb_rows(codes, table, curated, known: set[str], candidates: bool) -> dict[tuple, set[str]]:
    rows: dict[tuple, set[str]] = defaultdict(set)
    for verb, cs in sorted(codes.items()):
        parts = verb.split()
        if len(parts) > 2 or (len(parts) == 2 and parts[1] not in PARTICLES) or verb in known:
            continue
        if not (candidates or verb in REVIEWED_VERBS):
            continue
        plover = one_type(cs, table)
        code = cs[0]
        pred = predicate_row(code, plover, curated) if plover and len(set(cs)) == 1 else None
        if pred is not None:
            rows[_row(pred, code, table, verb, "")].add(verb)
    return rows


def phrase_rows(patterns, table, curated, nouns, phrases, candidates: bool) -> dict[tuple, set[str]]:
    rows: dict[tuple, set[str]] = defaultdict(set)
    by_phrase: dict[tuple[str, str], list[str]] = defaultdict(list)
    for verb, pats in patterns.items():
        for words, code in pats:
            by_phrase[(verb, lemma(words[-1]))].append(code)
    for (verb, obj), cs in sorted(by_phrase.items()):
        if obj in nouns or (verb, obj) in phrases or not (candidates or (verb, obj) in REVIEWED_PHRASES):
            continue
        plover = one_type(cs, table)
        code = max(cs, key=cs.count)
        pred = predicate_row(code, plover, curated) if plover else None
        if pred is not None:
            rows[_row(pred, code, table, verb, obj)].add(verb)
    return rows


def derive(verbs_path: Path, table_path: Path, data: Path, candidates: bool = False) -> list[str]:
    table = plover_table(table_path)
    curated = read_curated(data / "events.tsv")
    known, nouns, phrases = lexicon_words(data)
    _, patterns, _, _ = parse(verbs_path)
    rows = verb_rows(block_codes(verbs_path), table, curated, known, candidates)
    for key, vs in phrase_rows(patterns, table, curated, nouns, phrases, candidates).items():
        rows[key] |= vs
    return ["\t".join([pred, plover, mode, code, ",".join(sorted(vs)), "", preps, requires])
            for (pred, plover, mode, code, preps, requires), vs in sorted(rows.items())]


HEADER = """\
# Event triggers kg's lexicon lacks, from the CAMEO verb dictionary of PETRARCH
# (CAMEO.verbpatterns.150430, Open Event Data Alliance, MIT licence): synonym-block verbs and
# verb + object phrases whose CAMEO codes map to one PLOVER type in the CAMEO→PLOVER table
# (Open Event Data, CC BY-SA 4.0), reviewed as political in news. Written by
# scripts/derive_dictionary_verbs.py; do not edit by hand. Read at a lower confidence than
# cameo_verbs.tsv, on a sentence's main verbs only. Columns as in events.tsv.
# predicate\tplover\tmode\tcameo\tverbs\tnouns\tpreps\trequires
"""


def main(argv: list[str]) -> int:
    candidates = "--candidates" in argv
    shared = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
    verbs = shared / "reference" / "petrarch-dictionaries" / "CAMEO.verbpatterns.150430.txt"
    table = shared / "reference" / "CAMEO2PLOVER-2021.txt"
    if not verbs.exists():
        print(f"no dictionary at {verbs}: set KG_SHARED to the shared data folder", file=sys.stderr)
        return 2
    sys.stdout.write(HEADER + "\n".join(derive(verbs, table, ROOT / "kg" / "data", candidates)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
