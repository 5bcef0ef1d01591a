"""The Python API: kg.read, kg.extract, kg.build, kg.open_store, and that no submodule can
replace one of those names."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import types

import pytest

import kg
from kg import api
from kg.errors import FormatError, InputError, QueryError, StoreError

from .conftest import EXAMPLE, invoke

VISIT = "Justin Trudeau visited Tokyo on Monday."


def all_submodules() -> list[str]:
    scripts = ("kg.__main__", "kg.data.derive_")  # they run when imported
    return sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if not m.name.startswith(scripts))


# ------------------------------------------------------------------ names

def test_importing_every_submodule_leaves_each_api_name_the_api_function():
    for name in all_submodules():
        importlib.import_module(name)
    for name in kg.__all__:
        if name == "__version__":
            continue
        assert getattr(kg, name) is getattr(api, name), f"kg.{name} is {getattr(kg, name)!r}"
        assert f"kg.{name}" not in sys.modules, f"a submodule kg.{name} would replace kg.{name}"


def test_no_public_name_of_a_package_is_replaced_by_a_submodule():
    for name in ["kg", *all_submodules()]:
        module = importlib.import_module(name)
        for public in getattr(module, "__all__", ()):
            value = getattr(module, public)
            # a package may list its own submodules (kg.evaluate.formats), nothing else becomes one
            if isinstance(value, types.ModuleType):
                assert value.__name__ == f"{name}.{public}" and name.endswith("formats"), f"{name}.{public}"


def test_import_kg_loads_none_of_the_api():
    code = "import sys, kg; print(sorted(m for m in sys.modules if m.startswith(('kg.', 'spacy', 'rdflib'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kg.version']"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'kg' has no attribute 'extractt'"):
        kg.extractt  # noqa: B018


# ------------------------------------------------------------------ read and extract

def test_extract_takes_text_and_gives_relation_records():
    rels = kg.extract(VISIT)
    assert [(r.doc, r.subject.label, r.predicate, r.object.label) for r in rels] == \
        [("text", "Justin Trudeau", "visits", "Tokyo")]
    record = rels[0].to_dict()
    assert record == rels[0].to_record() and json.loads(json.dumps(record)) == record
    assert record["sentence"] == VISIT and (record["start"], record["end"]) == (0, len(VISIT))


def test_extract_takes_what_read_gives_as_the_command_does(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "text": VISIT, "date": "2019-05-13"}) + "\n"
                      + json.dumps({"id": "n2", "text": "Canada criticized Russia over the attack."}) + "\n",
                      encoding="utf-8")
    docs = list(kg.read(corpus))
    assert [(d.id, d.date) for d in docs] == [("n1", "2019-05-13"), ("n2", None)]
    records = [r.to_dict() for r in kg.extract(kg.read(corpus))]
    res = invoke("extract", "--format", "jsonl", corpus)
    assert records == [json.loads(line) for line in res.output.splitlines()]
    assert [r.to_dict() for r in kg.extract(docs[1])] == records[1:]


def test_read_takes_one_path_or_several(tmp_path):
    (tmp_path / "a.txt").write_text(VISIT, encoding="utf-8")
    assert [d.id for d in kg.read(tmp_path / "a.txt")] == ["a"]
    assert [d.id for d in kg.read([EXAMPLE, str(tmp_path / "a.txt")])] == ["state-visit", "a"]


@pytest.mark.parametrize("source, message", [
    ("", "the text is empty"),
    ("   \n", "the text is empty"),
    (EXAMPLE, "not a path; read files with kg.read"),
    ("Le président a reçu hier soir les représentants des syndicats pour discuter de la réforme des "
     "retraites, qui suscite une forte opposition dans le pays depuis plusieurs mois.", "English"),
])
def test_extract_refuses_what_it_cannot_read_and_says_what_to_do(source, message):
    with pytest.raises(InputError, match=message):
        kg.extract(source)


# ------------------------------------------------------------------ build and open_store

def test_build_into_a_path_then_open_it(tmp_path):
    (tmp_path / "visit.txt").write_text(VISIT, encoding="utf-8")
    report = kg.build(tmp_path / "visit.txt", store=tmp_path / "store")
    assert (report.added, report.relations, report.skipped) == (1, 1, None)
    with kg.open_store(tmp_path / "store") as graph:
        assert graph.query("SELECT ?who WHERE { ?w kg:visits ?p ; rdfs:label ?who }").as_dicts() == \
            [{"who": "Justin Trudeau"}]
        assert graph.query("ASK { ?s kg:sanctions ?o }").boolean is False
        rows = graph.query(name="relations", params={"entity": "Tokyo"}).as_dicts()
        assert [(r["subject"], r["predicate"], r["doc"]) for r in rows] == [("Justin Trudeau", "visits", "visit")]


def test_build_into_an_open_store_leaves_it_open(tmp_path):
    (tmp_path / "visit.txt").write_text(VISIT, encoding="utf-8")
    with kg.open_store(tmp_path / "store", create=True) as graph:
        assert kg.build([tmp_path / "visit.txt", EXAMPLE], store=graph).added == 2
        assert kg.build([EXAMPLE], store=graph.store).unchanged == 1
        assert len(list(graph.store.documents())) == 2  # (the store also holds the entity graph)


def test_build_on_error_is_a_plain_argument(tmp_path):
    (tmp_path / "visit.txt").write_text(VISIT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    inputs = [tmp_path / "empty.txt", tmp_path / "visit.txt"]
    with pytest.raises(InputError, match="empty"):
        kg.build(inputs, store=tmp_path / "stop")
    report = kg.build(inputs, store=tmp_path / "skip", on_error="skip")
    assert report.added == 1 and report.skipped.count == 1
    assert "empty.txt" in report.skipped.summary()
    with pytest.raises(FormatError, match="unknown --on-error 'ignore'"):
        kg.build(inputs, store=tmp_path / "bad", on_error="ignore")
    assert not (tmp_path / "bad").exists(), "a bad argument creates no store"


def test_open_store_does_not_create_one_by_mistake(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        kg.open_store(tmp_path / "typo")
    assert not (tmp_path / "typo").exists()


def test_query_takes_sparql_or_a_name(store):
    graph = api.KnowledgeGraph(store)
    with pytest.raises(QueryError, match="either SPARQL text or name="):
        graph.query()
    with pytest.raises(QueryError, match="either SPARQL text or name="):
        graph.query("ASK {}", name="relations")
    with pytest.raises(QueryError, match="params= goes with name="):
        graph.query("ASK {}", params={"entity": "Tokyo"})
    with pytest.raises(QueryError, match="no named query 'nope'"):
        graph.query(name="nope")


def test_export_gives_bytes_or_writes_files(store, tmp_path):
    graph = api.KnowledgeGraph(store)
    assert graph.export("nq").count(b"\n") == store.ox.__len__()
    neo4j = graph.export("neo4j")
    assert isinstance(neo4j, dict) and "entities.csv" in neo4j
    written = graph.export("ttl", tmp_path / "graph.ttl")
    assert written == [tmp_path / "graph.ttl"] and written[0].read_bytes() == graph.export("ttl")


def test_to_networkx_takes_the_filters_of_viz(store):
    graph = api.KnowledgeGraph(store)
    whole = graph.to_networkx()
    visits = graph.to_networkx(relations="visits")
    assert 0 < visits.number_of_edges() < whole.number_of_edges()
    assert {k for _, _, k in visits.edges(keys=True)} == {"visits"}
    assert graph.to_networkx(relations=["visits"], entity_types=("Person", "City")).number_of_edges() \
        == visits.number_of_edges()
    with pytest.raises(QueryError, match="unknown PLOVER type or class 'war'"):
        graph.to_networkx(plover="war")
