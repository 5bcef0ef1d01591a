"""Shared fixtures. Data in ../shared is found through KG_SHARED (default ../shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Property tests run the same examples on every run, so that CI is red only for a change
# and never for a new random draw; `pytest --hypothesis-profile explore` searches afresh.
try:
    from hypothesis import settings

    settings.register_profile("kg", derandomize=True, database=None)
    settings.register_profile("explore", derandomize=False)
    settings.load_profile(os.environ.get("KG_HYPOTHESIS_PROFILE", "kg"))
except ImportError:  # hypothesis is a test extra; the tests that need it skip without it
    pass

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
EXAMPLE = ROOT / "examples" / "state-visit.txt"
# kg finds the shared data through this setting (kg.evaluate.goldsets.shared_root); tests that
# change folders find the same data as the others.
os.environ["KG_SHARED"] = str(SHARED)


def invoke(*args, input=None):
    """Run the kg command in-process with these arguments (paths are made text); errors propagate."""
    from click.testing import CliRunner

    from kg.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def error_line(res) -> str:
    """The one ``Error:`` line of a command's output; fails when there is none or several."""
    lines = [line for line in res.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, res.output
    return lines[0]


def stored_ids(store) -> set[str]:
    """The ids of the documents in the store at this path, as kg query sees them."""
    import json

    q = "SELECT ?id WHERE { GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id } }"
    res = invoke("query", q, "--store", store, "--format", "json")
    assert res.exit_code == 0, res.output
    return {b["id"]["value"] for b in json.loads(res.output)["results"]["bindings"]}


def quads(store) -> list[str]:
    """Every quad of a store, as sorted text: two stores hold the same when these are equal."""
    return sorted(str(q) for q in store.ox)


def shared_path(*parts: str) -> Path:
    """A path in the shared data, or skip the test with the reason."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not found at {p}; set KG_SHARED to the shared folder")
    return p


@pytest.fixture(scope="session")
def example_store(tmp_path_factory):
    """A store built once from the example article (read-only for tests: copy to modify)."""
    from .helpers import build_store

    return build_store(tmp_path_factory.mktemp("example") / "store", [EXAMPLE])


@pytest.fixture
def store(example_store):
    from kg.store import open_store

    with open_store(example_store, create=False) as s:
        yield s


@pytest.fixture(scope="session")
def world_path(tmp_path_factory):
    """A store holding the hand-made world of tests/helpers.py (read-only for tests)."""
    from .helpers import build_world

    return build_world(tmp_path_factory.mktemp("world") / "store")


@pytest.fixture(scope="session")
def example_extraction():
    from kg.pipeline import extract

    return next(extract([EXAMPLE]))


@pytest.fixture(scope="session")
def wikinews_store(tmp_path_factory):
    """A store built once from the Wikinews 2019 corpus (171 articles; read-only for tests)."""
    from .helpers import build_store

    corpus = shared_path("corpus", "wikinews-2019.jsonl")
    return build_store(tmp_path_factory.mktemp("wikinews") / "store", [corpus])


def triples(rels, *, asserted_only: bool = False) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) labels of relations, or of the asserted ones only."""
    return {(r.subject.label, r.predicate, r.object.label) for r in rels if r.asserted or not asserted_only}


def find(rels, subject: str, predicate: str, obj: str):
    """The first relation with these labels; fails listing what was found instead."""
    found = [r for r in rels if (r.subject.label, r.predicate, r.object.label) == (subject, predicate, obj)]
    assert found, f"no {subject} {predicate} {obj} in {sorted(triples(rels))}"
    return found[0]


@pytest.fixture(scope="session")
def run():
    """The relations kg extracts from one text (each text is parsed once per test session)."""
    from kg.model import Document
    from kg.pipeline import extract_documents

    cache: dict[tuple, list] = {}

    def _run(text: str, gazetteer=None, *, date: str | None = None) -> list:
        key = (text, date)
        if gazetteer is not None:  # a user gazetteer changes the answer: never cached
            return list(next(extract_documents([Document("t", text, date=date)], gazetteer=gazetteer)).relations)
        if key not in cache:
            cache[key] = list(next(extract_documents([Document("t", text, date=date)])).relations)
        return cache[key]

    return _run

