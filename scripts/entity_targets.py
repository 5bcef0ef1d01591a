"""Issue 12's targets, measured on a store: does plain SPARQL count each entity once?

    python scripts/entity_targets.py --store output/wikinews          # a store already built
    python scripts/entity_targets.py --build ../shared/corpus/wikinews-2019.jsonl

Prints, with plain queries over the union default graph (as an endpoint user writes them):
``COUNT(?p)`` of persons against ``COUNT(DISTINCT ?p)``, label rows against distinct (entity,
label) pairs, the label groups (labels folded by case, diacritics, punctuation, "the" and
"U.S."/"US") that hold several entities, and the country codes that are not ISO 3166-1
alpha-3 (or IGO). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def fold(label: str) -> str:
    """A label as a reader compares labels: case, diacritics, punctuation, "the", "U.S."/"US"."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\bu\.\s*s\.(?:\s*a\.)?|\busa\b", "us", text)
    text = re.sub(r"[^\w\s]", "", text)
    text = re.sub(r"^the\s+", "", text)
    return " ".join(text.split())


def measure(store) -> list[tuple[str, bool]]:
    def count(query: str) -> int:
        return int(next(iter(store.query(query)))[0].value)

    out = []
    persons = count("SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Person }")
    distinct = count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }")
    out.append((f"persons: naive COUNT(?p) {persons}, COUNT(DISTINCT ?p) {distinct}", persons == distinct))
    rows = count("SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label ?l }")
    pairs = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label ?l } }")
    out.append((f"label rows: naive {rows}, distinct {pairs}", rows == pairs))
    groups: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for r in store.query("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }"):
        groups[fold(r["l"].value)].add(r["e"].value)
        names[fold(r["l"].value)].add(r["l"].value)
    several = sorted(k for k, es in groups.items() if len(es) > 1)
    us = [k for k in several if len({re.sub(r"U\.S\.|US", "US", n) for n in names[k]}) < len(names[k])]
    share = len(several) / max(len(groups), 1)
    out.append((f"label groups holding several entities: {len(several)} of {len(groups)} ({share:.1%}), "
                f"across U.S./US: {len(us)}" + (f" ({'; '.join(several[:10])})" if several else ""),
                share <= 0.01 and not us))
    codes = sorted(r["c"].value for r in store.query("SELECT DISTINCT ?c WHERE { ?e kg:countryCode ?c }"))
    bad = [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
    out.append((f"country codes: {len(codes)}, not ISO alpha-3: {bad or 'none'}", not bad))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="a kg store folder")
    where.add_argument("--build", help="build this corpus into a temporary store first")
    args = ap.parse_args(argv)

    from kg.pipeline import build
    from kg.store import open_store

    tmp = None
    path = args.store
    if args.build:
        tmp = tempfile.TemporaryDirectory(prefix="kg-entity-targets-")
        path = str(Path(tmp.name) / "store")
        with open_store(path) as store:
            build([args.build], store)
    with open_store(path, create=False) as store:
        results = measure(store)
    for line, met in results:
        print(f"{'met    ' if met else 'NOT met'}  {line}")
    if tmp is not None:
        tmp.cleanup()
    return 0 if all(met for _, met in results) else 1


if __name__ == "__main__":
    sys.exit(main())
