"""Bad input, the same way at every entry point (issue 7).

Without ``--on-error skip``: one ``Error:`` line naming the file (and the line of a JSONL
corpus), a non-zero exit, and the store holds only complete documents. With it: the other
documents go through and a summary lists what was skipped and why. All fixtures are written
here; none comes from ../shared.
"""

from __future__ import annotations

import gzip
import json

import pytest

from kg.errors import InputError
from kg.ingest import read_inputs
from kg.model import Document
from kg.skips import MAX_CHARS, check, checked, skipping

from .conftest import error_line, invoke, stored_ids

GOOD = "Germany criticized Russia over the attack on the border post.\n"
OTHER = "France praised Italy for its support during the summit in Rome.\n"
FRENCH = ("Le président de la République a reçu hier soir les représentants des syndicats "
          "pour discuter de la réforme des retraites, qui suscite une forte opposition dans "
          "le pays depuis plusieurs mois, selon les informations du journal.\n")


@pytest.fixture
def bad_files(tmp_path):
    """name → (path, a word the error message must contain)."""
    files = {}

    def put(name, data: bytes, word):
        p = tmp_path / name
        p.write_bytes(data)
        files[name] = (p, word)

    put("empty.txt", b"", "no documents")
    put("blank.txt", b"  \n\t\n  ", "no documents")
    put("binary.txt", bytes(range(256)) * 4, "binary")
    put("truncated.txt.gz", gzip.compress(GOOD.encode() * 50)[:40], "complete")
    put("truncated.jsonl.gz", gzip.compress((json.dumps({"id": "t", "text": GOOD}) + "\n").encode() * 50)[:60],
        "truncated")
    put("french.txt", FRENCH.encode(), "English")
    return files


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "binary.txt", "truncated.txt.gz",
                                  "truncated.jsonl.gz", "french.txt"])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_bad_file_is_one_error_line_naming_it(bad_files, tmp_path, name, command):
    path, word = bad_files[name]
    args = [command, path] + (["--store", tmp_path / "store"] if command == "build" else [])
    res = invoke(*args)
    assert res.exit_code != 0
    line = error_line(res)
    assert str(path) in line and word in line and "--on-error skip" in line


def test_jsonl_errors_name_the_line(tmp_path):
    corpus = tmp_path / "c.jsonl"
    for lines, line_no, word in [
        ([json.dumps({"id": "a", "text": GOOD}), "{not json"], 2, "malformed JSON"),
        ([json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "b"})], 2, "'text'"),
        ([json.dumps({"id": "a", "text": GOOD}), "", json.dumps({"id": "a", "text": OTHER})], 3,
         "duplicate document id"),
        (["[1, 2]"], 1, "JSON object"),
    ]:
        corpus.write_text("\n".join(lines) + "\n")
        res = invoke("extract", corpus)
        assert res.exit_code == 1
        line = error_line(res)
        assert f"{corpus}:{line_no}:" in line and word in line, line


def test_duplicate_ids_across_files_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "note.txt").write_text(GOOD)
    (tmp_path / "b" / "note.txt").write_text(OTHER)
    res = invoke("extract", tmp_path / "a", tmp_path / "b")
    assert res.exit_code == 1 and "duplicate document id 'note'" in error_line(res)


def test_non_utf8_text_is_decoded(tmp_path):
    path = tmp_path / "cp1252.txt"
    text = ("Germany\u2019s foreign minister criticized Russia over the attack on the caf\u00e9 "
            "near the border, the ministry said in a statement on Tuesday.\n")
    path.write_bytes(text.encode("cp1252"))
    [doc] = read_inputs([path])
    assert "\u2019" in doc.text and "caf\u00e9" in doc.text


def test_skip_goes_on_and_lists_what_was_skipped(bad_files, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "good1", "text": GOOD}),
        "{broken",
        json.dumps({"id": "notext", "title": "x"}),
        json.dumps({"id": "good1", "text": OTHER}),
        json.dumps({"id": "fr", "text": FRENCH}),
        json.dumps({"id": "good2", "text": OTHER}),
    ]) + "\n")
    inputs = [corpus] + [p for p, _ in bad_files.values()]
    store = tmp_path / "store"
    res = invoke("build", "--on-error", "skip", *inputs, "--store", store)
    assert res.exit_code == 0, res.output
    assert "2 added" in res.output
    assert stored_ids(store) == {"good1", "good2"}
    summary = res.output[res.output.index("Skipped"):]
    assert f"Skipped {4 + len(bad_files)} inputs" in summary
    for where in [f"{corpus}:2", f"{corpus}:3", f"{corpus}:4", f"{corpus}:5"]:
        assert where in summary
    for path, _word in bad_files.values():
        assert str(path) in summary
    assert "English" in summary and "duplicate" in summary and "binary" in summary

    res = invoke("extract", "--on-error", "skip", "--format", "jsonl", *inputs)
    assert res.exit_code == 0
    docs = {json.loads(line)["doc"] for line in res.output.splitlines() if line.startswith("{")}
    assert docs == {"good1", "good2"}
    assert "Skipped" in res.output


def test_truncated_gzip_keeps_the_documents_before_the_damage_under_skip(tmp_path):
    lines = "".join(json.dumps({"id": f"d{i}", "text": GOOD}) + "\n" for i in range(200)).encode()
    blob = gzip.compress(lines)
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 3 // 4])
    with skipping() as log:
        docs = list(read_inputs([path]))
    assert 0 < len(docs) < 200
    assert log.count == 1 and "truncated" in log.entries[0][1]


def test_default_stops_with_only_complete_documents_stored(tmp_path):
    # Documents 1-40 are good, line 41 is broken: whatever was stored before the error is
    # whole, the error says how many, and a second build after the fix stores the rest.
    corpus = tmp_path / "c.jsonl"
    good = [json.dumps({"id": f"d{i}", "text": GOOD if i % 2 else OTHER}) for i in range(40)]
    corpus.write_text("\n".join(good + ["{broken"] + [json.dumps({"id": "last", "text": GOOD})]) + "\n")
    store = tmp_path / "store"
    res = invoke("build", corpus, "--store", store)
    assert res.exit_code == 1
    line = error_line(res)
    assert f"{corpus}:41" in line and "build again" in line
    stored = stored_ids(store) if (store).exists() else set()
    assert stored <= {f"d{i}" for i in range(40)}
    if stored:
        assert f"{len(stored)} documents" in line
        # complete: every stored document has its metadata and its relations
        res = invoke("query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                     "--store", store, "--format", "csv")
        counts = {row.split(",")[1] for row in res.output.splitlines()[1:] if row and "/doc/" in row}
        assert len(counts) <= 2  # two kinds of text, each a fixed number of triples (the entity graph aside)
    else:
        assert "stored no document" in line
    corpus.write_text("\n".join(good + [json.dumps({"id": "last", "text": GOOD})]) + "\n")
    res = invoke("build", corpus, "--store", store)
    assert res.exit_code == 0
    assert stored_ids(store) == {f"d{i}" for i in range(40)} | {"last"}


def test_a_document_too_long_for_the_parser_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = GOOD * 20 + "\n"
    path.write_text(paragraph * (MAX_CHARS // len(paragraph) + 1))
    res = invoke("extract", path)
    assert res.exit_code == 1
    line = error_line(res)
    assert str(path) in line and "1,000,000" in line and "split it" in line
    with skipping() as log:
        assert list(checked(read_inputs([path]))) == []
    assert log.count == 1


@pytest.mark.slow
def test_a_50_mb_article_is_refused_with_bounded_work(tmp_path):
    path = tmp_path / "fifty.txt"
    with path.open("w") as fh:
        for _ in range(50 * 1024 * 1024 // len(GOOD)):
            fh.write(GOOD)
    res = invoke("build", path, "--store", tmp_path / "store")
    assert res.exit_code == 1
    line = error_line(res)
    assert str(path) in line and "1,000,000 characters" in line and "split it" in line
    # the same text as one JSONL line is read, then refused before parsing
    corpus = tmp_path / "fifty.jsonl"
    with corpus.open("w") as fh:
        fh.write(json.dumps({"id": "big", "text": path.read_text()}) + "\n")
        fh.write(json.dumps({"id": "small", "text": GOOD}) + "\n")
    res = invoke("extract", "--on-error", "skip", "--format", "jsonl", corpus)
    assert res.exit_code == 0
    assert f"{corpus}:1" in res.output and "over the limit of 1,000,000" in res.output
    assert any(json.loads(x)["doc"] == "small" for x in res.output.splitlines() if x.startswith("{"))


def test_a_non_utf8_jsonl_corpus_is_refused_naming_it(tmp_path):
    corpus = tmp_path / "latin1.jsonl"
    corpus.write_bytes((json.dumps({"id": "a", "text": "Caf\u00e9 " + GOOD}, ensure_ascii=False) + "\n")
                       .encode("latin-1"))
    res = invoke("extract", corpus)
    assert res.exit_code == 1
    line = error_line(res)
    assert str(corpus) in line and "UTF-8" in line and "convert" in line


def test_a_20000_character_sentence_goes_through(tmp_path):
    clause = "Germany criticized Russia and France praised Italy while China met Japan"
    text = " and ".join([clause] * 270) + ".\n"
    assert len(text) > 20_000 and text.count(".") == 1
    path = tmp_path / "long.txt"
    path.write_text(text)
    res = invoke("extract", "--format", "jsonl", path)
    assert res.exit_code == 0
    records = [json.loads(line) for line in res.output.splitlines()]
    assert records and all(0 <= r["start"] < r["end"] <= len(text) for r in records)


def test_text_with_no_entities_gives_zero_relations(tmp_path):
    path = tmp_path / "calm.txt"
    path.write_text("it was a quiet day and nothing much happened at all, so we went for a walk by the river.\n")
    store = tmp_path / "store"
    res = invoke("build", path, "--store", store)
    assert res.exit_code == 0 and "1 added" in res.output and "(0 relations)" in res.output


def test_the_language_check_refuses_other_languages_only():
    check(Document(id="en", text=GOOD * 5))
    with pytest.raises(InputError, match=r"'fr'.*not look like English"):
        check(Document(id="fr", text=FRENCH, source="fr.txt"))
    with pytest.raises(InputError, match="over the limit"):
        check(Document(id="big", text=GOOD * 10), max_chars=100)


def test_stdin_bad_json_names_the_line():
    res = invoke("extract", "-", input=json.dumps({"id": "a", "text": GOOD}) + "\n{oops\n")
    assert res.exit_code == 1 and "<stdin>:2:" in error_line(res)
