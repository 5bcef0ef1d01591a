"""What every benchmark shares: the machine it ran on, the corpora, timing, the ratio line.

Each benchmark prints its figures and ends with one line per ratio::

    ratio <what>: <value>x (target <op> <value>x) <met|NOT met>

``tests/test_benchmarks.py`` runs every script with ``--small`` and looks for those lines;
it never checks the values (timings are not tests).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
WIKINEWS = SHARED / "corpus" / "wikinews-2019.jsonl"
EXAMPLE = ROOT / "examples" / "state-visit.txt"

if str(ROOT) not in sys.path:  # run from anywhere, against this checkout of kg
    sys.path.insert(0, str(ROOT))


def machine() -> str:
    """One line about the machine: CPU, cores, memory, load, and the versions that matter."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    versions = []
    for mod in ("spacy", "pyoxigraph", "rdflib"):
        try:
            from importlib.metadata import version

            versions.append(f"{mod} {version(mod)}")
        except Exception:  # noqa: BLE001 - informational only
            pass
    return (f"machine: {cpu}, {os.cpu_count()} cores{mem}{load}; Python {platform.python_version()}, "
            + ", ".join(versions))


def ratio(what: str, value: float, target: float, *, higher_is_better: bool = True) -> bool:
    op = ">=" if higher_is_better else "<="
    met = value >= target if higher_is_better else value <= target
    print(f"ratio {what}: {value:.2f}x (target {op} {target:g}x) {'met' if met else 'NOT met'}", flush=True)
    return met


def small_corpus(path: Path, n: int = 12, *, repeat: int = 1, prefix: str = "doc") -> Path:
    """A JSONL corpus of ``n`` short articles cut from the example (for --small runs)."""
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for r in range(repeat):
            for i in range(n):
                text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(3))
                fh.write(json.dumps({"id": f"{prefix}-{r}-{i}", "date": "2019-05-14", "text": text}) + "\n")
    return path


def repeated_corpus(src: Path, dest: Path, times: int) -> Path:
    """``src`` (JSONL) ``times`` over, each copy with its own ids, written line by line."""
    with dest.open("w", encoding="utf-8") as out:
        for k in range(times):
            with src.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        obj = json.loads(line)
                        obj["id"] = f"{obj.get('id')}~{k}"
                        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return dest


def corpus_or_exit(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"corpus not found: {path}; pass --corpus PATH, set KG_SHARED, or use --small")
    return path


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *map(str, args)]


def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.pop("CI", None)
    return e


def run_timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (kB, of the child itself) of a command; it must succeed."""
    import tempfile

    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # wait4, not wait: it reports the child's peak RSS
        elapsed = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def best_of(n: int, fn) -> float:
    """The fastest of ``n`` runs of ``fn()`` in seconds: the run least disturbed by neighbours."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)
