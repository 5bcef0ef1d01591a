"""Derive ``cameo_verbs.tsv`` from the CAMEO verb dictionary of PETRARCH.

    python -m kg.data.derive_events \\
        ../shared/reference/petrarch-dictionaries/CAMEO.verbpatterns.150430.txt \\
        ../shared/reference/CAMEO2PLOVER-2021.txt > kg/data/cameo_verbs.tsv

The dictionary (Open Event Data Alliance, MIT licence) groups verbs into synonym blocks,
each with a CAMEO code, and lists phrase patterns ("* TIES [050]") under them. Many block
members are WordNet synonyms added in bulk; kg keeps only the verbs that the original
TABARI coders attested (the verb a pattern was first found under, named in the pattern's
comment), so "plague" or "badger" do not become protests. From each kept verb it takes:

- the verb's own code (its line's ``[code]``, else the block's), when that code has a
  PLOVER type in the CAMEO→PLOVER table (CC BY-SA 4.0): "say" (010) has none and is left
  out;
- the patterns of the form ``* WORD [code]`` or ``* WORD WORD [code]`` (the verb, then its
  object) whose code has a different PLOVER type from the verb's own: "restore ties" is
  SUPPORT while "restore" alone is nothing, "fire missile" is ASSAULT. The object's last
  word becomes a ``requires`` lemma.

Each code becomes the ontology predicate of ``events.tsv`` that carries the same code, else
the one of the same PLOVER type whose code shares the longest prefix with it (so 036
"express intent to meet" is ``agreesWith``); its recipient prepositions come from that row.
``events.tsv`` stays the curated lexicon: a lemma it lists is never taken from here (the
loader reads it first), and rows from this file carry a lower confidence weight.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

# Verbs too general to code from the verb alone, whatever block the dictionary puts them in.
GENERIC = {"be", "have", "do", "make", "take", "get", "give", "go", "come", "put", "set", "see", "hold",
           "keep", "run", "turn", "show", "leave", "play", "move", "open", "close", "bring", "carry",
           "need", "want", "use", "find", "look", "work", "call", "continue", "start", "begin", "end",
           "finish", "add", "note", "tell", "say", "report", "state", "ask", "let", "stand", "lead",
           "follow", "pass", "send", "receive", "seek", "try", "hope", "expect", "plan", "intend",
           "decide", "consider", "face", "reach", "raise", "return", "change", "join", "include",
           "remain", "stay", "cause", "become", "allow", "help", "meet", "order", "act", "serve",
           "mark", "hit", "fire", "beat", "pull", "press", "push", "drive", "draw", "break", "cut",
           "cover", "fill", "form", "host", "visit", "deal", "handle", "treat", "back", "block"}
# What a reviewer kept of the candidates (run with --candidates to list them all): verbs
# whose block code holds without a pattern, and (verb, object) phrases. The rest of the
# dictionary's synonym padding codes too loosely for a fact a user should trust ("defend"
# and "protect" sit in a violence block, "cancel" and "repeal" in a consultation block; a
# reporter "contacting" a company is no consultation).
REVIEWED_VERBS = {
    "implicate", "assure", "guarantee", "volunteer", "rape", "battle", "blitz", "pelt", "pillage",
    "ransack", "repel", "repulse", "retaliate", "stone", "wipe out", "massacre", "relinquish",
    "renounce", "waive", "trade", "invest", "finance", "fund", "sponsor", "arm", "equip", "chastise",
    "lash out", "mock", "scorn", "complain", "disapprove", "evict", "kick out", "airlift", "inspect",
    "harm", "hurt", "abuse", "slap", "huddle", "summon", "overrun", "recapture",
    "appreciate", "honor", "felicitate", "object", "capture", "snatch", "denigrate", "jeer", "stab",
    "terrorize", "prosecute", "torture",
    # read on the main verbs only (triggers.main_verb): "branded the deal a betrayal",
    # "disputed the findings", "retracted the claim" ("forgive", "patrol" and "punish" have no
    # predicate of their own in kg's ontology: the nearest code's would misname them)
    "brand", "disagree", "dispute", "retract",
}
REVIEWED_PHRASES = {
    ("return", "fire"), ("open", "fire"), ("exchange", "fire"),
    ("launch", "incursion"), ("hurl", "stone"), ("throw", "stone"), ("hurl", "grenade"),
    ("reach", "deal"), ("reach", "understanding"), ("reach", "compromise"), ("reach", "consensus"),
    ("clinch", "deal"), ("accept", "invitation"), ("express", "willingness"),
    ("issue", "warrant"), ("recall", "ambassador"), ("withdraw", "ambassador"), ("close", "embassy"),
    ("close", "consulate"), ("sever", "contact"), ("drop", "charge"), ("drop", "objection"),
    ("grant", "clemency"), ("reopen", "border"), ("express", "disappointment"),
    ("express", "disapproval"), ("express", "displeasure"), ("express", "outrage"), ("express", "anger"),
    ("express", "condemnation"), ("express", "indignation"), ("express", "frustration"),
    ("voice", "disappointment"), ("voice", "disapproval"), ("voice", "displeasure"), ("voice", "outrage"),
    ("voice", "dismay"), ("voice", "criticism"), ("lodge", "protest"), ("lodge", "complaint"),
    ("file", "complaint"), ("resume", "cooperation"), ("hold", "exercise"),
}
# Recipient prepositions of derived rows beyond their predicate's ("lashed out at Israel",
# "expressed outrage over", "recalled its ambassador from").
EXTRA_PREPS = {"ACCUSE": ["at", "over", "with"], "SANCTION": ["from"]}
# Codes whose nearest curated row by prefix is the wrong predicate.
CODE_PREDICATE = {"180": "attacks", "182": "assaults", "1821": "assaults", "1822": "assaults"}
PARTICLES = {"up", "down", "off", "out", "in", "on", "back", "away", "over", "with", "to", "at", "for",
             "into", "against", "from", "about", "through", "apart"}
FUNCTION_WORDS = {"to", "not", "the", "a", "an", "of", "in", "on", "with", "for", "and", "by", "at", "as",
                  "that", "it", "its", "their", "his", "her", "will", "would", "be", "been", "from", "no"}


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode) from the CAMEO2PLOVER table."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*)", line)
        if m:
            table.setdefault(m.group(1), (m.group(2), m.group(3).strip()))
    return table


def plover_of(code: str, table) -> tuple[str, str] | None:
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def lemma(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def read_curated(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * 8
        rows.append({"predicate": cols[0], "plover": cols[1], "cameo": cols[3], "preps": cols[6],
                     "verbs": {v.strip() for v in cols[4].split(",") if v.strip()}})
    return rows


def predicate_for(code: str, plover: str, curated: list[dict]) -> dict | None:
    if code in CODE_PREDICATE:
        return next(r for r in curated if r["predicate"] == CODE_PREDICATE[code])
    exact = [r for r in curated if r["cameo"] == code]
    if exact:
        return exact[0]
    same = [r for r in curated if r["plover"] == plover]
    if not same:
        return None

    def shared(r):
        n = 0
        while n < min(len(code), len(r["cameo"])) and code[n] == r["cameo"][n]:
            n += 1
        return n
    return max(same, key=shared)  # max keeps the first of equals: the type's main row


def _preps(row: dict) -> str:
    have = [p.strip() for p in row["preps"].split(",") if p.strip()]
    return ",".join(have + [p for p in EXTRA_PREPS.get(row["plover"], []) if p not in have])


def parse(path: Path):
    """(verb → own code, verb → [(object words, code)], attested verbs) from the dictionary."""
    text = path.read_text(encoding="utf-8", errors="replace")
    body = text.split("####### VERB PATTERNS #######", 1)[1]
    synsets: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in text.split("####### VERB PATTERNS #######", 1)[0].splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.rstrip("_")
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].strip())
    own: dict[str, str] = {}
    patterns: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    attested: set[str] = set()
    block_code, block_verbs = None, []
    for raw in body.splitlines():
        line = raw.strip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block_code, block_verbs = m.group(2).split(":")[0], []
            continue
        if not line or line.startswith("#") or block_code is None:
            continue
        if line.startswith("-"):
            comment = line.split("#", 1)[1] if "#" in line else ""
            names = {n.lower().replace("_", " ") for n in re.findall(r"(?:^|,)\s*([A-Z_]+)", comment)}
            attested |= names
            pm = re.match(r"^-\s+\*\s+([A-Z][A-Z ]*?)\s*(?:WITH \+\s*|\+\s*)?\[(\d+)(?::\d+)?\]", line)
            if pm:
                words = tuple(w.lower() for w in pm.group(1).split())
                if 1 <= len(words) <= 2 and not set(words) & FUNCTION_WORDS:
                    for v in names & set(block_verbs):  # the verb the coders found it under
                        patterns[v].append((words, pm.group(2)))
            continue
        entry = line.split("#", 1)[0]
        entry = re.sub(r"\{[^}]*\}", "", entry).strip()
        em = re.match(r"^\+?([A-Z_\-]+)\s*(?:\[([^\]]*)\])?", entry)
        if not em:
            continue
        verb = em.group(1).lower().replace("_", " ").replace("-", " ").strip()
        code = (em.group(2) or block_code).split(":")[0]
        own.setdefault(verb, code)
        block_verbs.append(verb)
    return own, patterns, attested, synsets


def _codes_by_object(verb: str, base, patterns, table, candidates: bool) -> dict[str, list[str]]:
    """The CAMEO codes of a verb's phrases whose PLOVER type differs from the verb's own, by object lemma."""
    by_object: dict[str, list[str]] = defaultdict(list)
    for words, pcode in patterns.get(verb, ()):
        p = plover_of(pcode, table)
        if p is None or (base and p[0] == base[0]):
            continue
        if candidates or (verb, lemma(words[-1])) in REVIEWED_PHRASES:
            by_object[lemma(words[-1])].append(pcode)
    return by_object


def derive(verbs_path: Path, table_path: Path, curated_path: Path, candidates: bool = False) -> list[str]:
    table = plover_table(table_path)
    curated = read_curated(curated_path)
    curated_verbs = {v for r in curated for v in r["verbs"]}
    own, patterns, attested, _ = parse(verbs_path)
    rows: dict[tuple, set[str]] = defaultdict(set)  # (predicate, plover, mode, cameo, preps, requires) → verbs
    for verb, code in sorted(own.items()):
        parts = verb.split()
        if len(parts) > 2 or (len(parts) == 2 and parts[1] not in PARTICLES):
            continue
        if parts[0] not in attested and verb.replace(" ", "_") not in attested:
            continue
        base = plover_of(code, table) if code.isdigit() else None
        if base and verb not in curated_verbs and parts[0] not in GENERIC | curated_verbs \
                and (candidates or verb in REVIEWED_VERBS):
            row = predicate_for(code, base[0], curated)
            if row is not None:
                rows[(row["predicate"], row["plover"], base[1] if base[0] == row["plover"] else "",
                      code, _preps(row), "")].add(verb)
        if len(parts) != 1:
            continue
        for obj, codes in _codes_by_object(verb, base, patterns, table, candidates).items():
            # one code for a phrase: the one its patterns give most often, else the first
            pcode = max(codes, key=codes.count)
            p = plover_of(pcode, table)
            row = predicate_for(pcode, p[0], curated)
            if row is None:
                continue
            rows[(row["predicate"], row["plover"], p[1] if p[0] == row["plover"] else "",
                  pcode, _preps(row), obj)].add(verb)
    # Rows needing the same object for the same verb collapse into one code: the most specific.
    out = []
    for (pred, plover, mode, cameo, preps, requires), verbs in sorted(rows.items()):
        out.append("\t".join([pred, plover, mode, cameo, ",".join(sorted(verbs)), "", preps, requires]))
    return out


HEADER = """\
# Event verbs derived from the CAMEO verb dictionary of PETRARCH (CAMEO.verbpatterns.150430,
# Open Event Data Alliance, MIT licence) and the CAMEO→PLOVER table (Open Event Data, CC BY-SA
# 4.0) by kg/data/derive_events.py; do not edit by hand, edit events.tsv (which takes
# precedence) or the script. Columns as in events.tsv; 'requires' holds the object lemma of a
# phrase pattern ("restore ties"). Phrasal verbs are written "verb particle".
# predicate\tplover\tmode\tcameo\tverbs\tnouns\tpreps\trequires
"""


def main(argv: list[str]) -> int:
    candidates = "--candidates" in argv
    argv = [a for a in argv if a != "--candidates"]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    curated = Path(__file__).with_name("events.tsv")
    sys.stdout.write(HEADER + "\n".join(derive(Path(argv[0]), Path(argv[1]), curated, candidates)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
