"""Crash safety: a build killed at any moment leaves every document fully present or absent,
and the store exactly the one a build of the documents it holds gives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import ROOT, shared_path

pytestmark = pytest.mark.slow


def _graphs(store_path: Path) -> dict[str, set[str]]:
    """Named graph → its quads as N-Quads lines."""
    from kg.store import open_store

    out: dict[str, set[str]] = defaultdict(set)
    with open_store(store_path, create=False) as store:
        for q in store.ox:
            out[q.graph_name.value].add(str(q))
    return dict(out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    src = shared_path("corpus", "wikinews-2019.jsonl")
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    with open(src, encoding="utf-8") as fh, open(path, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= 30:
                break
            out.write(line)
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    store = tmp_path_factory.mktemp("ref") / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)],
                   check=True, cwd=ROOT, capture_output=True)
    return _graphs(store)


@pytest.mark.parametrize("sig,after", [(signal.SIGKILL, 1), (signal.SIGKILL, 6), (signal.SIGKILL, 13),
                                       (signal.SIGINT, 9)])
def test_killed_build_leaves_whole_documents(corpus, reference, tmp_path, sig, after):
    """Kill a real build after ``after`` documents are reported stored, at a random moment of the next."""
    store = tmp_path / "store"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", "-v", str(corpus), "--store", str(store)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(after):
        assert proc.stderr.readline(), "the build ended before it could be killed"
    time.sleep(random.uniform(0, 0.05))
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    graphs = _graphs(store)  # the store opens again after the kill
    docs = {name for name in graphs if "/doc/" in name}
    assert after <= len(docs) < len(reference) - 1
    # whole documents, and entities resolved over exactly those: a build of them gives the same
    subset = tmp_path / "subset.jsonl"
    with open(corpus, encoding="utf-8") as fh:
        import json

        lines = [line for line in fh if "https://w3id.org/kg/doc/" + quote(json.loads(line)["id"], safe="-._~") in docs]
    subset.write_text("".join(lines), encoding="utf-8")
    assert len(lines) == len(docs)
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "kg", "build", str(subset), "--store", str(fresh)],
                   check=True, cwd=ROOT, capture_output=True)
    assert graphs == _graphs(fresh), "the killed store is not the store of the documents it holds"
    # and a second build completes the job to exactly the reference
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)],
                   check=True, cwd=ROOT, capture_output=True)
    assert _graphs(store) == reference


def test_second_process_gets_store_in_use_error(tmp_path):
    from kg.store import open_store

    store_path = tmp_path / "store"
    with open_store(store_path):
        res = subprocess.run([sys.executable, "-m", "kg", "stats", "--store", str(store_path)],
                             cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 1
    assert "in use" in res.stderr and str(store_path) in res.stderr
    # the holder's data is untouched and the store still opens
    with open_store(store_path, create=False) as store:
        assert len(store) == 0


def test_atomic_write_leaves_old_file_on_failure(tmp_path):
    from kg.files import atomic_write_bytes

    target = tmp_path / "graph.ttl"
    target.write_text("old")

    class Boom:
        def __len__(self):
            return 1

    with pytest.raises(TypeError):
        atomic_write_bytes(target, Boom())  # fails while writing
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_atomic_write_gives_ordinary_permissions(tmp_path):
    import stat

    from kg.files import atomic_write_text

    umask = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "page.html", "<p>hi</p>")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_reference_is_not_empty(reference):
    assert len(reference) >= 26  # documents and the entity graph
