"""Every command's happy path and the bad inputs of the foundation, through click's CliRunner."""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import EXAMPLE, error_line, invoke

COMMANDS = ["extract", "build", "query", "stats", "viz", "analyze", "export", "extractors", "eval", "serve",
            "push", "remove"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    res = invoke(command, "--help")
    assert res.exit_code == 0
    assert "Example" in res.output


def test_extract_table_and_jsonl():
    res = invoke("extract", EXAMPLE)
    assert res.exit_code == 0
    assert "visits" in res.output and "Justin Trudeau" in res.output
    res = invoke("extract", "--format", "jsonl", EXAMPLE)
    records = [json.loads(line) for line in res.output.splitlines()]
    assert records and all(r["doc"] == "state-visit" for r in records)
    keys = {"doc", "sentence", "start", "end", "subject", "predicate", "plover", "mode", "cameo", "object",
            "negated", "modality", "confidence", "date", "date_precision", "article_date", "location", "extractor",
            "subject_mention", "object_mention"}
    assert all(set(r) == keys for r in records)
    entity_keys = {"id", "label", "aliases", "type", "wikidata", "country", "sector"}
    assert all(set(r["subject"]) == entity_keys for r in records)


def test_extract_reads_stdin():
    res = invoke("extract", "--format", "jsonl", "-",
                 input="Japanese Prime Minister Shinzo Abe met with Chinese President Xi Jinping in Beijing.\n")
    preds = {json.loads(line)["predicate"] for line in res.output.splitlines()}
    assert "meetsWith" in preds


def test_build_twice_adds_nothing_twice(tmp_path):
    store = tmp_path / "store"
    res = invoke("build", EXAMPLE, "--store", store)
    assert res.exit_code == 0 and "1 added" in res.output
    count = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                   "--store", store, "--format", "csv").output
    res = invoke("build", EXAMPLE, "--store", store)
    assert "1 unchanged" in res.output
    again = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                   "--store", store, "--format", "csv").output
    assert count == again


def test_build_in_a_new_folder_makes_the_default_store_and_its_parents(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.\n", encoding="utf-8")
    res = invoke("build", "visit.txt")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "output" / "store").is_dir() and "1 added" in res.output


def test_changed_document_replaces_its_graph(tmp_path):
    store = tmp_path / "store"
    doc = tmp_path / "note.txt"
    doc.write_text("Germany criticized Russia over the attack.\n")
    invoke("build", doc, "--store", store)
    doc.write_text("France praised Italy for its support.\n")
    res = invoke("build", doc, "--store", store)
    assert "1 replaced" in res.output
    out = invoke("query", "SELECT ?p WHERE { ?s ?p ?o . ?s rdfs:label ?l }", "--store", store,
                 "--format", "csv").output
    assert "praises" in out and "criticizes" not in out


def test_query_formats(example_store):
    q = "SELECT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where }"
    table = invoke("query", q, "--store", example_store).output
    assert "Justin Trudeau" in table and "Tokyo" in table
    csv_out = invoke("query", q, "--store", example_store, "--format", "csv").output
    assert csv_out.splitlines()[0] == "who,where"
    tsv_out = invoke("query", q, "--store", example_store, "--format", "tsv").output
    assert tsv_out.splitlines()[0] == "who\twhere"
    data = json.loads(invoke("query", q, "--store", example_store, "--format", "json").output)
    assert data["head"]["vars"] == ["who", "where"]
    assert {"who", "where"} <= set(data["results"]["bindings"][0])
    ask = invoke("query", "ASK { ?s kg:leaderOf ?o }", "--store", example_store).output
    assert ask.strip() == "true"


def test_query_from_file_and_stdin(example_store, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?l WHERE { ?c a kg:Country ; rdfs:label ?l }")
    assert "Japan" in invoke("query", rq, "--store", example_store).output
    assert "Japan" in invoke("query", "-", "--store", example_store,
                             input="SELECT ?l WHERE { ?c a kg:Country ; rdfs:label ?l }").output


def test_named_query_binds_parameters(example_store):
    out = invoke("query", "--name", "relations", "--param", "entity=Trudeau",
                 "--store", example_store, "--format", "csv").output
    assert "meetsWith" in out and "Shinzo Abe" in out
    listing = invoke("query", "--list").output
    assert "relations" in listing and "entity" in listing


def test_stats(example_store):
    res = invoke("stats", "--store", example_store)
    assert res.exit_code == 0
    assert "Documents: 1" in res.output and "Most connected" in res.output
    data = json.loads(invoke("stats", "--store", example_store, "--format", "json").output)
    assert data["documents"] == 1 and data["entities"] >= 8


def test_viz_writes_offline_html(example_store, tmp_path):
    out = tmp_path / "graph.html"
    res = invoke("viz", "--store", example_store, "-o", out)
    assert res.exit_code == 0
    html = out.read_text()
    assert "new vis.Network" in html and "Justin Trudeau" in html
    assert "https://cdn" not in html and 'src="http' not in html and "href=\"http" not in html


@pytest.mark.parametrize("fmt,check", [
    ("ttl", lambda d: "kg:visits" in d or "ontology#visits" in d),
    ("nt", lambda d: "<https://w3id.org/kg/ontology#visits>" in d),
    ("nq", lambda d: "<https://w3id.org/kg/doc/state-visit>" in d),
    ("trig", lambda d: "state-visit" in d),
    ("jsonld", lambda d: json.loads(d)["@context"]["kg"].startswith("https://w3id.org/kg/")),
    ("jsonl", lambda d: json.loads(d.splitlines()[0])["doc"] == "state-visit"),
])
def test_export_formats(example_store, tmp_path, fmt, check):
    out = tmp_path / f"graph.{fmt}"
    res = invoke("export", "--format", fmt, "--store", example_store, "-o", out)
    assert res.exit_code == 0
    assert check(out.read_text())


def test_extractors_lists_registries():
    out = invoke("extractors").output
    assert "rules" in out and "jsonld" in out


# ------------------------------------------------------------------ bad input

def test_missing_file(tmp_path):
    res = invoke("extract", tmp_path / "nope.txt")
    assert res.exit_code == 1
    assert "nope.txt" in error_line(res) and "no such file" in error_line(res)


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    res = invoke("build", f, "--store", tmp_path / "s")
    assert res.exit_code == 1 and "empty.txt" in error_line(res) and "empty" in error_line(res)


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = invoke("extract", f)
    assert res.exit_code == 1 and "image.txt" in error_line(res) and "binary" in error_line(res)


def test_undecodable_file_is_decoded_or_refused(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Le président français Emmanuel Macron a rencontré Angela Merkel à Berlin.".encode("latin-1"))
    res = invoke("extract", "--format", "jsonl", f)
    assert res.exit_code == 0  # charset detection decodes it


def test_malformed_jsonl_line(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text('{"id": "a", "text": "France praised Italy."}\n{"id": "b", "text": \n')
    store = tmp_path / "s"
    res = invoke("build", f, "--store", store)
    assert res.exit_code == 1
    line = error_line(res)
    assert "corpus.jsonl:2" in line and "malformed JSON" in line


def test_jsonl_line_without_text(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text('{"id": "a", "title": "no text here"}\n')
    res = invoke("extract", f)
    assert res.exit_code == 1 and "corpus.jsonl:1" in error_line(res) and "'text'" in error_line(res)


def test_bad_input_leaves_the_store_exactly_as_it_was(example_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(example_store, store)
    before = invoke("export", "--format", "nq", "--store", store).output
    bad = tmp_path / "corpus.jsonl"
    bad.write_text('{"id": "x", "text": "Spain criticized Portugal."}\nnot json\n')
    res = invoke("build", bad, "--store", store)
    assert res.exit_code == 1 and "the 1 documents this run wrote" in error_line(res)
    after = invoke("export", "--format", "nq", "--store", store).output
    # what was stored is untouched; the one good document before the bad line is added, whole,
    # with the descriptions of its entities in the entity graph
    added = set(after.splitlines()) - set(before.splitlines())
    assert set(before.splitlines()) <= set(after.splitlines())
    assert any(q.endswith("<https://w3id.org/kg/doc/x> .") for q in added)
    assert all(q.endswith(("<https://w3id.org/kg/doc/x> .", "<https://w3id.org/kg/entities> .")) for q in added)


def test_invalid_sparql(example_store):
    res = invoke("query", "SELEC ?x WHERE {", "--store", example_store)
    assert res.exit_code == 1 and "does not parse" in error_line(res)


def test_unknown_format(example_store):
    res = invoke("export", "--format", "docx", "--store", example_store)
    assert res.exit_code == 2 and "docx" in error_line(res) and "ttl" in error_line(res)
    res = invoke("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "xls",
                 "--store", example_store)
    assert res.exit_code == 2 and "xls" in error_line(res)


def test_store_path_that_is_not_a_store(tmp_path):
    not_store = tmp_path / "documents"
    not_store.mkdir()
    (not_store / "letter.txt").write_text("hello")
    res = invoke("build", EXAMPLE, "--store", not_store)
    assert res.exit_code == 1 and "not a kg store" in error_line(res)
    assert sorted(p.name for p in not_store.iterdir()) == ["letter.txt"]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    res = invoke("stats", "--store", a_file)
    assert res.exit_code == 1 and "is a file" in error_line(res)


def test_missing_store(tmp_path):
    res = invoke("stats", "--store", tmp_path / "none")
    assert res.exit_code == 1 and "kg build" in error_line(res)
    assert not (tmp_path / "none").exists()
