"""Benchmark 2: ``kg build --jobs 2`` against ``kg build --jobs 1``.

Each build runs as its own ``kg`` process into a fresh store, timed from start to exit, so
both pay for starting Python, loading the pipeline (once, or once per worker) and writing
the store: what a user waits for. The runs alternate for ``--rounds`` rounds and the
fastest of each counts. Meaningful only with two otherwise idle cores: the machine line
shows the load average, and the CPU time a run got (kg and its workers, from the kernel's
accounting of waited-for children) is printed next to its wall time. On Linux with
``sched_autogroup_enabled`` the scheduler shares the CPUs between sessions, not processes,
so while another session is busy a second worker gains almost nothing.

    python benchmarks/bench_jobs.py                    # ../shared/corpus/wikinews-2019.jsonl
    python benchmarks/bench_jobs.py --times 3          # the same articles three times (new ids)
    python benchmarks/bench_jobs.py --small

Each worker pays about a second and a half to start Python and load the pipeline, which
a short corpus feels: on Wikinews 2019 (14 s of parsing) that caps the ratio near 1.6x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from _common import (WIKINEWS, corpus_or_exit, kg_command, machine, ratio, repeated_corpus, run_timed,
                     small_corpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--small", action="store_true", help="a tiny generated corpus, one round")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2, help="the parallel side (default 2)")
    ap.add_argument("--times", type=int, default=1, help="repeat the corpus (new ids) to amortise start-up")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-jobs-"))
    try:
        corpus = small_corpus(tmp / "small.jsonl", 16) if args.small else corpus_or_exit(args.corpus)
        if args.times > 1:
            corpus = repeated_corpus(corpus, tmp / f"x{args.times}.jsonl", args.times)
        rounds = 1 if args.small else args.rounds
        print(machine())
        print(f"corpus: {corpus}; --jobs {args.jobs} against --jobs 1, best of {rounds}")
        best = {1: float("inf"), args.jobs: float("inf")}
        cpus = {1: 0.0, args.jobs: 0.0}
        for r in range(rounds):
            for jobs in (1, args.jobs):
                store = tmp / f"store-{jobs}-{r}"
                t0 = os.times()
                wall, _ = run_timed(kg_command("build", corpus, "--store", store, "--jobs", jobs, "--no-progress"))
                t1 = os.times()
                cpu = (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)
                print(f"  --jobs {jobs}: {wall:.2f} s wall, {cpu:.2f} s CPU (kg and its workers), "
                      f"{cpu / wall:.2f} cores on average", flush=True)
                if wall < best[jobs]:
                    best[jobs], cpus[jobs] = wall, cpu
                shutil.rmtree(store, ignore_errors=True)
        print(f"best: --jobs 1 {best[1]:.2f} s, --jobs {args.jobs} {best[args.jobs]:.2f} s; "
              f"load now {os.getloadavg()[0]:.2f}")
        print(f"CPU spent: --jobs {args.jobs} used {cpus[args.jobs] / cpus[1]:.2f}x the CPU time of --jobs 1 "
              "(the cost of parallelism: a pipeline per worker, pickling); if the wall ratio is low while "
              "'cores on average' stays near 1, other processes held the other core")
        ratio(f"--jobs {args.jobs} / --jobs 1 speed", best[1] / best[args.jobs], 1.6)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
