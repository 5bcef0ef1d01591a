"""Benchmark 5: peak memory of ``kg build`` on the corpus, and on the corpus repeated 10 times.

Each build is its own ``kg build`` process into a fresh store; its peak resident set size
comes from the kernel (``wait4``'s ``ru_maxrss``), so nothing samples or misses a spike.
The repeated corpus is the same articles under new ids (``id~k``), streamed to a temporary
file line by line. Flat means the ratio of the two peaks stays near 1: memory does not grow
with the number of documents.

Repeating the same articles never shows one way memory grows on a real corpus: spaCy
interns every new string it meets. So a third build runs the repeated corpus with a line
of made-up words unique to each copy appended to every article (``--fresh-vocabulary``,
on by default), which kg's memory zones must keep flat too.

    python benchmarks/bench_memory.py                  # ../shared/corpus/wikinews-2019.jsonl, then 10x
    python benchmarks/bench_memory.py --small          # a tiny corpus, then 3x
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import json
import random

from _common import WIKINEWS, corpus_or_exit, kg_command, machine, ratio, repeated_corpus, run_timed, small_corpus

LIMIT_MB = 1536


def fresh_vocabulary(src: Path, dest: Path, seed: int = 5) -> Path:
    """``src`` with a line of 60 made-up words, new in every article, appended to each one."""
    rng = random.Random(seed)
    with src.open(encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as out:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                words = " ".join(f"Zq{rng.getrandbits(40):x}" for _ in range(60))
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
            runs.append((f"{args.times}x fresh vocabulary", fresh_vocabulary(big, tmp / "fresh.jsonl")))
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
            fresh = peaks[f"{args.times}x fresh vocabulary"]
            ratio(f"peak RSS, corpus {args.times}x with fresh vocabulary / corpus once", fresh / one, 1.1,
                  higher_is_better=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
