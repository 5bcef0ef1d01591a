"""Every benchmark still runs: each script once with --small, in its own process.

Timings are never checked here (the machine may be busy); only that the script finishes
and prints its ratios in the agreed form.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("bench_*.py"))
RATIO = re.compile(r"^ratio (.+): (\d+\.\d+)x \(target (>=|<=) [\d.]+x\) (met|NOT met)$", re.MULTILINE)


def test_the_seven_benchmarks_are_there():
    assert SCRIPTS == ["bench_extract.py", "bench_incremental.py", "bench_jobs.py", "bench_memory.py",
                       "bench_series.py", "bench_serve.py", "bench_store.py"]


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS)
def test_benchmark_runs_small(script, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(BENCHMARKS.parent), TMPDIR=str(tmp_path))
    res = subprocess.run([sys.executable, str(BENCHMARKS / script), "--small"], check=False,
                         capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.startswith("machine: ")
    ratios = RATIO.findall(res.stdout)
    assert ratios, f"no ratio line in:\n{res.stdout}"
    assert all(float(value) > 0 for _, value, _, _ in ratios)
