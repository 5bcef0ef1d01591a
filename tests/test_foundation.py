"""Ontology, namespaces, model loading and the seed article, end to end."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import OWL, RDF, Graph

from kg.namespaces import KG, ONTOLOGY_FILE

from .conftest import ROOT, shared_path


def test_closed_namespace_rejects_misspelt_terms():
    assert str(KG.visits).endswith("#visits")
    with pytest.raises(AttributeError):
        KG.vists  # noqa: B018


def test_namespace_agrees_with_a_full_parse_of_the_ontology():
    from kg.namespaces import _declared_terms

    g = Graph().parse(ONTOLOGY_FILE)
    declared = {str(s).split("#")[1] for s in g.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    assert declared == set(_declared_terms())


def test_ontology_declares_every_lexicon_predicate_with_plover_and_cameo():
    from rdflib import RDFS

    from kg.lexicon import load

    g = Graph().parse(ONTOLOGY_FILE)
    for pred, et in load().by_predicate.items():
        node = KG[pred]
        assert (node, RDF.type, OWL.ObjectProperty) in g
        assert (node, RDFS.subPropertyOf, KG[et.plover.lower()]) in g, pred
        assert str(next(g.objects(node, KG.cameoCode))) == et.cameo


def test_static_relations_and_plover_classes_are_declared():
    for name in ["leaderOf", "memberOf", "worksFor", "citizenOf", "livesIn", "locatedIn", "basedIn",
                 "capitalOf", "allyOf", "tradesWith"]:
        KG[name]
    for t in ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]:
        KG[t.capitalize()]


def test_import_kg_stays_light():
    code = ("import sys, kg, kg.cli; print(any(m.split('.')[0] in ('spacy', 'pyoxigraph', 'pyvis', 'networkx', "
            "'matplotlib', 'pyarrow', 'pandas') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_model_loads_from_an_installed_package():
    from kg import nlp

    assert nlp.model_name() in nlp.MODEL_NAMES
    assert nlp.load() is nlp.load()


def test_missing_model_says_what_to_install(monkeypatch):
    from kg import nlp
    from kg.errors import ModelError

    monkeypatch.setattr(nlp, "MODEL_NAMES", ("no_such_model_xyz",))
    with pytest.raises(ModelError, match="requirements/model.txt"):
        nlp.model_name()


def test_seed_article_end_to_end(tmp_path):
    from kg.netgraph import to_networkx
    from kg.pipeline import build
    from kg.query import run_query
    from kg.store import open_store
    from kg.visualize import write_html

    seed = shared_path("corpus", "lee-beijing.txt")
    with open_store(tmp_path / "store") as store:
        build([seed], store)
        res = run_query(store, """SELECT ?o WHERE { ?s kg:visits ?o . ?s skos:prefLabel "Lee Jae Myung" .
                                   ?o skos:prefLabel ?l }""")
        assert res.rows, "Lee Jae Myung visits something"
        leader = run_query(store, 'ASK { ?x skos:prefLabel "Xi Jinping" ; kg:leaderOf ?c . ?c kg:countryCode "CHN" }')
        assert leader.boolean
        g = to_networkx(store)
        out = write_html(g, tmp_path / "graph.html")
    assert "Xi Jinping" in out.read_text()


def test_page_furniture_is_blanked_without_moving_offsets():
    from kg.ingest import clean_text

    text = "Title\n\nphoto 1234.webp\n\nListen to this article\nReal sentence here.\nScroll to Top\n"
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert "webp" not in cleaned and "Listen" not in cleaned and "Scroll" not in cleaned
    assert cleaned.index("Real sentence") == text.index("Real sentence")


def test_every_package_of_kg_ships_in_the_wheel():
    """pyproject lists the packages by name: a new one left out would work in a checkout only."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
