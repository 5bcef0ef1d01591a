"""Incremental builds: skip what is stored, replace what changed, remove on request, and
get the same graph whatever the order and grouping of builds or the number of jobs."""

from __future__ import annotations

import json

import pytest

from kg.errors import StoreError
from kg.pipeline import build, extract, remove
from kg.store import open_store

from .conftest import invoke, quads

DOCS = {
    "beijing": {"id": "beijing", "date": "2024-05-06",
                "text": "Chinese President Xi Jinping met French President Emmanuel Macron in Beijing on Monday. "
                        "Macron praised China for its support of the climate accord."},
    "paris": {"id": "paris", "date": "2024-06-01",
              "text": "Chinese President Xi Jinping praised France for its hospitality on Saturday."},
    "moscow": {"id": "moscow", "text": "Germany criticized Russia over the attack on the pipeline."},
}


def corpus(tmp_path, *names, name="corpus.jsonl", **changes):
    path = tmp_path / name
    with path.open("w") as fh:
        for n in names:
            fh.write(json.dumps(DOCS[n] | changes.get(n, {})) + "\n")
    return path


def test_builds_in_any_grouping_and_order_give_the_same_graph(tmp_path):
    together = corpus(tmp_path, "beijing", "paris", "moscow")
    a = corpus(tmp_path, "beijing", name="a.jsonl")
    b = corpus(tmp_path, "paris", "moscow", name="b.jsonl")
    with open_store(tmp_path / "one") as s:
        build([together], s)
        expected = quads(s)
    with open_store(tmp_path / "a-then-b") as s:
        build([a], s)
        build([b], s)
        assert quads(s) == expected
    with open_store(tmp_path / "b-then-a") as s:
        build([b], s)
        build([a], s)
        assert quads(s) == expected
        # The actor both documents mention is one node, described once, which each
        # document's own local entity denotes.
        rows = list(s.query('SELECT ?e ?g WHERE { ?e skos:prefLabel "Xi Jinping" . '
                            'GRAPH ?g { ?m kg:denotes ?e } }'))
        assert len({r["e"] for r in rows}) == 1 and len({r["g"] for r in rows}) == 2
        assert len(list(s.query('SELECT ?l WHERE { ?e skos:prefLabel ?l FILTER(?l = "Xi Jinping") }'))) == 1


def test_unchanged_documents_are_skipped_without_loading_the_model(tmp_path, monkeypatch):
    path = corpus(tmp_path, "beijing", "moscow")
    with open_store(tmp_path / "s") as s:
        first = build([path], s)
        assert (first.added, first.replaced, first.unchanged) == (2, 0, 0)
        before = quads(s)

        from kg import nlp

        def no_model():
            raise AssertionError("the spaCy pipeline was loaded for an unchanged corpus")

        monkeypatch.setattr(nlp, "load", no_model)
        again = build([path], s)
        assert (again.added, again.replaced, again.unchanged, again.relations) == (0, 0, 2, 0)
        assert quads(s) == before


def test_a_changed_document_replaces_only_its_own_graph(tmp_path):
    with open_store(tmp_path / "s") as s:
        build([corpus(tmp_path, "beijing", "moscow")], s)
        moscow = {q for q in quads(s) if "/doc/moscow" in q}
        changed = corpus(tmp_path, "beijing", "moscow", name="v2.jsonl",
                         beijing={"text": "Japan criticized North Korea over the missile launch."})
        report = build([changed], s)
        assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)
        assert {q for q in quads(s) if "/doc/moscow" in q} == moscow
        labels = {r["l"].value for r in s.query("SELECT ?l WHERE { GRAPH <https://w3id.org/kg/doc/beijing> "
                                                "{ ?e kg:localLabel ?l } }")}
        assert "Japan" in labels and "Xi Jinping" not in labels


def test_remove_takes_a_document_out_and_keeps_what_others_say(tmp_path):
    with open_store(tmp_path / "s") as s:
        build([corpus(tmp_path, "beijing", "paris")], s)
        assert remove(s, ["beijing"]) == ["beijing"]
        assert sorted(d.rsplit("/", 1)[-1] for d in s.documents()) == ["paris"]
        assert not any("/doc/beijing" in q for q in quads(s))
        # Xi Jinping is still described by the Paris article.
        assert s.query('ASK { ?e skos:prefLabel "Xi Jinping" }')
        # Removing a stored document and a missing one removes nothing.
        with pytest.raises(StoreError, match=r"no document 'nowhere' in the store .*kg query"):
            remove(s, ["paris", "nowhere"])
        assert sorted(d.rsplit("/", 1)[-1] for d in s.documents()) == ["paris"]


def test_removing_a_document_gives_the_store_that_never_had_it(tmp_path):
    """Each document keeps its local entities, and the entity graph is recomputed from those
    that remain, so removing a document takes away exactly what it said (aliases only it
    gave included) and nothing another document says: the store is the same as one that
    never held it. docs/scaling.md (The store layout) says how."""
    with open_store(tmp_path / "a") as alone:
        build([corpus(tmp_path, "beijing", name="beijing.jsonl")], alone)
        expected = quads(alone)
    with open_store(tmp_path / "b") as s:
        build([corpus(tmp_path, "beijing", "paris", "moscow")], s)
        remove(s, ["paris", "moscow"])
        assert quads(s) == expected


def test_removed_document_comes_back_on_the_next_build(tmp_path):
    path = corpus(tmp_path, "beijing", "paris")
    with open_store(tmp_path / "s") as s:
        build([path], s)
        full = quads(s)
        remove(s, ["https://w3id.org/kg/doc/paris"])  # by IRI works too
        report = build([path], s)
        assert (report.added, report.unchanged) == (1, 1)
        assert quads(s) == full


def test_cli_remove(tmp_path):
    store = tmp_path / "s"
    path = corpus(tmp_path, "beijing", "moscow")
    assert invoke("build", path, "--store", store).exit_code == 0
    res = invoke("remove", "moscow", "--store", store)
    assert res.exit_code == 0 and "1 removed" in res.output
    res = invoke("remove", "moscow", "--store", store)
    assert res.exit_code == 1
    assert res.output.startswith("Error: no document 'moscow' in the store")
    res = invoke("remove", "moscow", "--store", tmp_path / "none")
    assert res.exit_code == 1 and "Error: no store at" in res.output


def test_build_report_does_not_grow_with_the_corpus(tmp_path):
    with open_store(tmp_path / "s") as s:
        report = build([corpus(tmp_path, "moscow")], s)
    assert all(isinstance(getattr(report, f), int) for f in ("added", "replaced", "unchanged", "relations"))


@pytest.mark.slow
def test_two_jobs_extract_and_build_exactly_what_one_job_does(tmp_path):
    docs = [DOCS["beijing"], DOCS["paris"], DOCS["moscow"]]
    docs += [DOCS[n] | {"id": f"{n}-{i}"} for i in range(3) for n in ("beijing", "moscow")]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    one = [(ex.document.id, [r.to_record() for r in ex.relations]) for ex in extract([path])]
    two = [(ex.document.id, [r.to_record() for r in ex.relations]) for ex in extract([path], jobs=2, batch_size=2)]
    assert two == one  # same documents, same relations, same order
    with open_store(tmp_path / "one") as s1, open_store(tmp_path / "two") as s2:
        build([path], s1)
        report = build([path], s2, jobs=2, batch_size=3)
        assert report.added == len(docs)
        assert quads(s1) == quads(s2)


def test_cli_jobs_glob_and_progress_options(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "note.txt").write_text(DOCS["moscow"]["text"] + "\n")
    (folder / "skip.md").write_text(DOCS["beijing"]["text"] + "\n")
    res = invoke("build", folder, "--glob", "*.txt", "--store", tmp_path / "s", "--progress")
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output
    assert "1 docs in" in res.stderr  # the bar's closing line, on stderr only
    res = invoke("extract", folder, "--format", "jsonl", "--glob", "sub/*.txt")
    assert res.exit_code == 0 and "\r" not in res.output  # no bar when not a terminal
    assert {json.loads(line)["doc"] for line in res.stdout.splitlines()} == {"sub/note"}
    res = invoke("build", folder, "--jobs", "-1")
    assert res.exit_code == 2 and "--jobs" in res.output
    res = invoke("build", folder, "--nquads", tmp_path / "parts")
    assert res.exit_code == 2 and "--nquads needs --dask" in res.output


def test_long_builds_flush_the_store_so_memory_stays_flat(tmp_path, monkeypatch):
    """Oxigraph holds unflushed writes in memory: build flushes every FLUSH_QUADS quads."""
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "FLUSH_QUADS", 10)
    monkeypatch.setattr(kg.pipeline, "COMMIT_DOCS", 1)
    with open_store(tmp_path / "s") as s:
        flushes = []
        real = s.flush
        monkeypatch.setattr(s, "flush", lambda: (flushes.append(len(s)), real()))
        build([corpus(tmp_path, "beijing", "paris", "moscow")], s)
        assert len(flushes) == 3  # every document graph holds more than 10 quads
        assert flushes == sorted(flushes) and flushes[-1] == len(s)
