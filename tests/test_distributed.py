"""Extraction on a Dask cluster: two local worker processes build exactly what one process does."""

from __future__ import annotations

import json

import pytest

from kg.pipeline import build
from kg.store import open_store

from .conftest import invoke, quads

distributed = pytest.importorskip("distributed", reason="the optional extra kg[distributed] is not installed")

TEXTS = [
    "Chinese President Xi Jinping met French President Emmanuel Macron in Beijing on Monday.",
    "Macron praised China for its support of the climate accord.",
    "Germany criticized Russia over the attack on the pipeline.",
    "Chinese President Xi Jinping praised France for its hospitality on Saturday.",
    "Japan criticized North Korea over the missile launch.",
]


def write_corpus(path, n, *, change=None):
    with path.open("w") as fh:
        for i in range(n):
            text = TEXTS[i % len(TEXTS)] + f" The talks lasted {i + 2} hours."
            if change is not None and i == change:
                text = TEXTS[2]
            fh.write(json.dumps({"id": f"d{i:02d}", "date": f"2024-01-{i % 28 + 1:02d}", "text": text}) + "\n")
    return path


def _model_loaded() -> bool:
    import sys

    nlp = sys.modules.get("kg.nlp")
    return nlp is not None and nlp.load.cache_info().currsize == 1


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.mark.slow
def test_two_workers_build_what_one_process_builds(client, tmp_path):
    from kg.distributed import build_distributed

    corpus = write_corpus(tmp_path / "c.jsonl", 11)
    with open_store(tmp_path / "single") as s:
        build([corpus], s)
        expected = quads(s)
    with open_store(tmp_path / "cluster") as s:
        report = build_distributed([corpus], client, tmp_path / "parts", store=s, partition_size=3)
        assert quads(s) == expected
        assert (report.added, report.replaced, report.unchanged) == (11, 0, 0)
        assert len(report.partitions) == 4  # 3 + 3 + 3 + 2 documents
        assert report.quads == len([q for q in expected if not q.endswith("<https://w3id.org/kg/entities>")])
    # The work really was spread: both workers loaded the spaCy pipeline.
    assert list(client.run(_model_loaded).values()) == [True, True]

    # The partitions are plain N-Quads, one graph per document as it would be alone: loaded
    # into a fresh store and resolved, they give the same dataset.
    import pyoxigraph as ox

    from kg.entities import update

    with open_store(tmp_path / "fresh") as fresh:
        for p in sorted((tmp_path / "parts").glob("part-*.nq")):
            fresh.ox.bulk_load(path=str(p), format=ox.RdfFormat.N_QUADS)
        update(fresh, loaded=list(fresh.documents()))
        assert quads(fresh) == expected


@pytest.mark.slow
def test_distributed_builds_are_incremental(client, tmp_path):
    from kg.distributed import build_distributed

    with open_store(tmp_path / "cluster") as s, open_store(tmp_path / "single") as single:
        build_distributed([write_corpus(tmp_path / "v1.jsonl", 6)], client, tmp_path / "p1", store=s)
        changed = write_corpus(tmp_path / "v2.jsonl", 7, change=1)
        report = build_distributed([changed], client, tmp_path / "p2", store=s, partition_size=2)
        assert (report.added, report.replaced, report.unchanged) == (1, 1, 5)
        assert len(report.partitions) == 1  # only the two documents to do were sent
        build([changed], single)
        assert quads(s) == quads(single)


def test_stale_partitions_are_refused(tmp_path):
    from kg.distributed import DistributedError, _prepare_out_dir

    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-000001.nq").write_text("")
    with pytest.raises(DistributedError, match=r"already holds partitions of an earlier run "
                                               r"\(1, e\.g\. .*part-000001\.nq\); pass an empty folder"):
        _prepare_out_dir(str(parts))


@pytest.mark.slow  # waits out the 20 s connect timeout
def test_unreachable_scheduler_is_one_error(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    res = invoke("build", corpus, "--store", tmp_path / "s", "--dask", "tcp://127.0.0.1:9")
    assert res.exit_code == 1
    assert res.output.startswith("Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'")


def test_missing_dask_says_how_to_install(tmp_path, monkeypatch):
    import sys

    from kg.distributed import DistributedError, build_distributed

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DistributedError, match=r"kg\[distributed\]"):
        build_distributed([write_corpus(tmp_path / "c.jsonl", 1)], "tcp://127.0.0.1:9", tmp_path / "p")


@pytest.mark.slow
def test_cli_build_on_a_local_cluster(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    res = invoke("build", corpus, "--store", tmp_path / "s", "--dask", "local", "--jobs", "2",
                 "--nquads", tmp_path / "parts")
    assert res.exit_code == 0, res.output
    assert "4 added" in res.output
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == ["part-000001.nq"]
    with open_store(tmp_path / "s", create=False) as s, open_store(tmp_path / "single") as single:
        build([corpus], single)
        assert quads(s) == quads(single)
