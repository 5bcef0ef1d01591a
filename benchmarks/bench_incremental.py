"""Benchmark 3: a second build of an unchanged corpus against the first.

Both are ``kg build`` processes on the same store, timed from start to exit. The second
reads every document, hashes it and finds the hash stored, so it parses nothing and does
not even load the spaCy pipeline. The same two builds are also timed in-process (the
library's ``build``) to separate kg's work from starting Python.

    python benchmarks/bench_incremental.py             # ../shared/corpus/wikinews-2019.jsonl
    python benchmarks/bench_incremental.py --small
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import WIKINEWS, corpus_or_exit, kg_command, machine, ratio, run_timed, small_corpus


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--small", action="store_true", help="a tiny generated corpus")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-incr-"))
    try:
        corpus = small_corpus(tmp / "small.jsonl", 8) if args.small else corpus_or_exit(args.corpus)
        print(machine())
        print(f"corpus: {corpus}")
        store = tmp / "store"
        first, _ = run_timed(kg_command("build", corpus, "--store", store, "--no-progress"))
        second, _ = run_timed(kg_command("build", corpus, "--store", store, "--no-progress"))
        print(f"kg build, first: {first:.2f} s; second (unchanged): {second:.2f} s")

        from kg.pipeline import build
        from kg.store import open_store

        with open_store(tmp / "lib") as s:
            t = time.perf_counter()
            build([corpus], s)
            lib_first = time.perf_counter() - t
            t = time.perf_counter()
            report = build([corpus], s)
            lib_second = time.perf_counter() - t
        assert report.unchanged == report.documents, "the second build changed something"
        print(f"in-process build(), first: {lib_first:.2f} s; second: {lib_second:.3f} s "
              f"({report.documents / lib_second:,.0f} unchanged docs/s); "
              f"in-process ratio {lib_first / lib_second:.0f}x")
        ratio("first build / unchanged second build (kg build processes)", first / second, 20)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
