"""Benchmark 5: peak memory of ``kg build`` on the corpus, and on the corpus repeated 10 times.

Each build is its own ``kg build`` process into a fresh store; its peak resident set size
comes from the kernel (``wait4``'s ``ru_maxrss``), so nothing samples or misses a spike.
The repeated corpus is the same articles under new ids (``id~k``), streamed to a temporary
file line by line. Flat means the ratio of the two peaks stays near 1: memory does not grow
with the number of documents.

Repeating the same articles never shows one way memory grows on a real corpus: spaCy
interns every new string it meets. So two more builds run the corpus once and repeated with a
line of made-up words, new in every article, appended to each (on by default; off with
``--no-fresh-vocabulary``), which kg's memory zones must keep flat too.

    python benchmarks/bench_memory.py                  # ../shared/corpus/wikinews-2019.jsonl, then 10x
    python benchmarks/bench_memory.py --small          # a tiny corpus, then 3x
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from _common import (
    WIKINEWS,
    corpus_or_exit,
    kg_command,
    machine,
    ratio,
    repeated_corpus,
    run_timed,
    small_corpus,
)

LIMIT_MB = 1536


def fresh_vocabulary(src: Path, dest: Path, seed: int = 5) -> Path:
    """``src`` with a line of 60 made-up words, new in every article, appended to each one."""
    rng = random.Random(seed)
    with src.open(encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as out:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                # Framed in English function words, so kg's language check still reads English.
                words = ", ".join(f"the code Zq{rng.getrandbits(40):x} of it" for _ in range(60))
                obj["text"] = obj["text"].rstrip() + f"\n\nReference codes {words}.\n"
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return dest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--times", type=int, default=10, help="how many times to repeat the corpus")
    ap.add_argument("--small", action="store_true", help="a tiny generated corpus, repeated 3 times")
    ap.add_argument("--no-fresh-vocabulary", dest="fresh", action="store_false",
                    help="skip the third build (repeated corpus with new words in every article)")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-mem-"))
    try:
        if args.small:
            corpus, args.times = small_corpus(tmp / "small.jsonl", 6), 3
        else:
            corpus = corpus_or_exit(args.corpus)
        big = repeated_corpus(corpus, tmp / f"x{args.times}.jsonl", args.times)
        runs = [("1x", corpus), (f"{args.times}x", big)]
        if args.fresh:
            # Compared with the first copy alone: the appended words make every article longer.
            fresh = fresh_vocabulary(big, tmp / "fresh.jsonl")
            n = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
            with fresh.open(encoding="utf-8") as fh, (tmp / "fresh1.jsonl").open("w", encoding="utf-8") as one:
                one.writelines(line for _, line in zip(range(n), fh))
            runs += [("1x fresh vocabulary", tmp / "fresh1.jsonl"), (f"{args.times}x fresh vocabulary", fresh)]
        print(machine())
        peaks = {}
        for label, path in runs:
            store = tmp / f"store-{label.replace(' ', '-')}"
            wall, kb = run_timed(kg_command("build", path, "--store", store, "--no-progress"))
            shutil.rmtree(store, ignore_errors=True)
            peaks[label] = kb / 1024
            n = sum(1 for line in path.open(encoding="utf-8") if line.strip())
            print(f"kg build {label} ({n:,} documents): peak RSS {kb / 1024:.0f} MB, {wall:.1f} s", flush=True)
        one, many = peaks["1x"], peaks[f"{args.times}x"]
        print(f"peak RSS on the corpus: {one:.0f} MB (limit {LIMIT_MB} MB: "
              f"{'met' if one < LIMIT_MB else 'NOT met'})")
        ratio("peak RSS, corpus once / limit 1.5 GB", one / LIMIT_MB, 1.0, higher_is_better=False)
        ratio(f"peak RSS, corpus {args.times}x / corpus once", many / one, 1.1, higher_is_better=False)
        if args.fresh:
            ratio(f"peak RSS, fresh vocabulary, corpus {args.times}x / corpus once",
                  peaks[f"{args.times}x fresh vocabulary"] / peaks["1x fresh vocabulary"], 1.1, higher_is_better=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
