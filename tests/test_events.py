"""The event lexicon: derived rows weigh less than curated ones and never override them, and
the derivation script reproduces the shipped file. What sentences give is in
tests/data/extraction.jsonl."""

from __future__ import annotations

from kg.lexicon import DERIVED_WEIGHT, load
from tests.conftest import shared_path


def test_derived_rows_weigh_less_and_never_override_the_curated_lexicon():
    lex = load()
    assert lex.verbs["huddle"].weight == DERIVED_WEIGHT
    assert lex.verbs["condemn"].weight == 1.0  # events.tsv
    # a phrase row is consulted before the verb's plain row: "withdraw an ambassador"
    assert lex.verb("withdraw", ["ambassador"]).predicate == "cutsTiesWith"
    assert lex.verb("withdraw", ["troop"]).predicate == "withdrawsFrom"
    # verbs the dictionary puts in a violence block but that mean the opposite stay out
    assert "protect" not in lex.verbs and "defend" not in lex.verbs
    assert all(et.weight == 1.0 for et in lex.by_predicate.values())


def test_derivation_reproduces_the_shipped_file():
    from importlib import resources

    from kg.data.derive_events import HEADER, derive

    verbs = shared_path("reference", "petrarch-dictionaries", "CAMEO.verbpatterns.150430.txt")
    table = shared_path("reference", "CAMEO2PLOVER-2021.txt")
    curated = resources.files("kg.data").joinpath("events.tsv")
    shipped = resources.files("kg.data").joinpath("cameo_verbs.tsv").read_text(encoding="utf-8")
    assert HEADER + "\n".join(derive(verbs, table, curated)) + "\n" == shipped


def test_every_lexicon_predicate_is_a_property_of_its_plover_type_in_the_ontology():
    """The SHACL shape asks this of every stored event; checked here on the table itself, so a
    row whose predicate the ontology files under another type fails before any corpus is built."""
    from rdflib import RDFS, Graph

    from kg.namespaces import KG, ONTOLOGY_FILE

    onto = Graph().parse(ONTOLOGY_FILE)
    lex = load()
    rows = {(et.predicate, et.plover) for et in lex.by_predicate.values()}
    rows |= {(et.predicate, et.plover) for et in lex.verbs.values()}
    rows |= {(et.predicate, et.plover) for et in lex.nouns.values()}
    rows |= {(et.predicate, et.plover) for ets in lex.restricted.values() for et in ets}
    wrong = sorted((p, t) for p, t in rows
                   if KG[t.lower()] not in set(onto.transitive_objects(KG[p], RDFS.subPropertyOf)))
    assert len(rows) > 40
    assert wrong == []
