"""Resolution across documents (kg.entities): the rules, and a store that is a function of
its set of documents whatever the order of builds and removals."""

from __future__ import annotations

import itertools
import random

import pytest

from kg.entities import ENTITY_GRAPH, LocalEntity, resolve, update
from kg.graph import document_iri
from kg.model import Document, Entity, Extraction, Relation
from kg.resolve import entity_iri
from kg.store import open_store

E = "https://w3id.org/kg/id/"


def ent(label: str, type_: str = "Person", *, qid: str | None = None, country: str | None = None,
        aliases: tuple[str, ...] = (), mentions: int = 1, partial: bool = False) -> Entity:
    return Entity(entity_iri(label, type_, qid), label, type_, aliases, qid, country, None, mentions, partial)


def doc(doc_id: str, *facts: tuple[Entity, str, Entity]) -> Extraction:
    text = " ".join(f"{s.label} {p} {o.label}." for s, p, o in facts)
    rels, at = [], 0
    for s, p, o in facts:
        sentence = f"{s.label} {p} {o.label}."
        rels.append(Relation(doc_id, sentence, at, at + len(sentence), s, p, o, plover="SUPPORT", cameo="051"))
        at += len(sentence) + 1
    entities = {e.id: e for s, _, o in facts for e in (s, o)}
    return Extraction(Document(doc_id, text, date="2024-01-02"), tuple(rels), tuple(entities.values()))


def local(doc_id: str, e: Entity) -> LocalEntity:
    return LocalEntity(str(document_iri(doc_id)), e.id, e.label, e.type, e.aliases, e.wikidata, e.country,
                       e.sector, e.mentions, e.partial)


CANADA = ent("Canada", "Country", qid="Q16", country="CAN", aliases=("CA",))
FRANCE = ent("France", "Country", qid="Q142", country="FRA")
KAMALA = ent("Kamala Harris", country="USA")
HARRIS = ent("Harris", partial=True)
TOM = ent("Tom Harris", country="GBR")
SENATE_DOTS = ent("U.S. Senate", "Organization", country="USA")
SENATE = ent("US Senate", "Organization", country="USA")
CONYERS_ORG = ent("Conyers", "Organization")
CONYERS = ent("Conyers", mentions=2)
SMITH_GBR = ent("Alex Smith", country="GBR")
SMITH_USA = ent("Alex Smith", country="USA")
SMITH = ent("Alex Smith")

DOCS = {
    "kamala": doc("kamala", (KAMALA, "praises", CANADA)),
    "harris": doc("harris", (HARRIS, "praises", FRANCE)),
    "tom": doc("tom", (TOM, "praises", FRANCE)),
    "dots": doc("dots", (SENATE_DOTS, "praises", CANADA)),
    "plain": doc("plain", (SENATE, "praises", FRANCE), (CANADA, "praises", FRANCE)),
    "conyers-org": doc("conyers-org", (CONYERS_ORG, "praises", CANADA)),
    "conyers": doc("conyers", (CONYERS, "praises", CANADA)),
    "smith-gbr": doc("smith-gbr", (SMITH_GBR, "praises", FRANCE)),
    "smith-usa": doc("smith-usa", (SMITH_USA, "praises", CANADA)),
    "smith": doc("smith", (SMITH, "praises", CANADA)),
    "us-party": doc("us-party", (ent("US Libertarian Party", "Organization", country="USA"), "praises", CANADA)),
    "party": doc("party", (ent("Libertarian Party", "Organization"), "praises", FRANCE)),
    "ca-party": doc("ca-party", (ent("Canadian Libertarian Party", "Organization", country="CAN"), "praises", FRANCE)),
}


# ------------------------------------------------------------------ the rules

def test_names_with_one_key_are_one_entity_labelled_by_the_most_documents():
    records = [local("a", SENATE_DOTS), local("b", SENATE), local("c", SENATE)]
    denotes, described = resolve(records)
    assert len(set(denotes.values())) == 1
    (d,) = described.values()
    assert (d.label, d.aliases, d.country) == ("US Senate", ("U.S. Senate",), "USA")


def test_the_type_is_voted_over_all_mentions():
    denotes, described = resolve([local("a", CONYERS_ORG), local("b", CONYERS)])
    (d,) = described.values()
    assert d.type == "Person" and d.iri == E + "person/conyers"


def test_never_one_entity_across_countries():
    _, described = resolve([local("a", SMITH_GBR), local("b", SMITH_USA), local("c", SMITH)])
    assert sorted((d.iri, d.country) for d in described.values()) == [
        (E + "person/alex-smith", None), (E + "person/alex-smith-gbr", "GBR"), (E + "person/alex-smith-usa", "USA")]
    # one country named: the documents that name none join it
    _, described = resolve([local("a", SMITH_GBR), local("c", SMITH)])
    assert [(d.iri, d.country) for d in described.values()] == [(E + "person/alex-smith", "GBR")]


def test_a_bare_surname_joins_the_one_person_it_can_be():
    denotes, described = resolve([local("a", KAMALA), local("b", HARRIS)])
    assert denotes[local("b", HARRIS).node] == KAMALA.id
    assert described[KAMALA.id].label == "Kamala Harris" and "Harris" in described[KAMALA.id].aliases
    # two candidates: it stays apart
    denotes, _ = resolve([local("a", KAMALA), local("b", HARRIS), local("c", TOM)])
    assert denotes[local("b", HARRIS).node] == HARRIS.id
    # a document that names the full name and still wrote a bare surname meant someone else
    denotes, _ = resolve([local("a", KAMALA), local("a", HARRIS)])
    assert denotes[local("a", HARRIS).node] == HARRIS.id
    # never across countries
    denotes, _ = resolve([local("a", KAMALA), local("b", ent("Harris", partial=True, country="GBR"))])
    assert denotes[local("b", ent("Harris", partial=True, country="GBR")).node] != KAMALA.id


def test_a_shorter_organisation_name_joins_the_one_it_ends():
    us, plain = ent("US Libertarian Party", "Organization", country="USA"), ent("Libertarian Party", "Organization")
    denotes, described = resolve([local("a", us), local("b", plain)])
    assert denotes[local("b", plain).node] == us.id and "Libertarian Party" in described[us.id].aliases
    # two candidates, another country, one word, or another type: no
    ca = ent("Canadian Libertarian Party", "Organization", country="CAN")
    assert resolve([local("a", us), local("b", plain), local("c", ca)])[0][local("b", plain).node] == plain.id
    gb = ent("Libertarian Party", "Organization", country="GBR")
    assert resolve([local("a", us), local("b", gb)])[0][local("b", gb).node] == gb.id
    senate = ent("Senate", "Organization")
    assert resolve([local("a", SENATE), local("b", senate)])[0][local("b", senate).node] == senate.id
    group = ent("Libertarian Party", "Group")
    assert resolve([local("a", us), local("b", group)])[0][local("b", group).node] == group.id


def test_a_surname_never_joins_another_type():
    org = ent("Harris Group", "Organization")
    denotes, _ = resolve([local("a", org), local("b", HARRIS)])
    assert denotes[local("b", HARRIS).node] == HARRIS.id


# ------------------------------------------------------------------ the store is a function of its documents

def quads(store) -> list[str]:
    return sorted(str(q) for q in store.ox)


def build(path, names) -> list[str]:
    with open_store(path) as s:
        update(s, [DOCS[n] for n in names])
        return quads(s)


@pytest.mark.parametrize("names", [("kamala", "harris", "tom"), ("dots", "plain"), ("conyers-org", "conyers"),
                                   ("smith-gbr", "smith-usa", "smith"), ("us-party", "party", "ca-party")])
def test_every_order_gives_the_same_store(tmp_path, names):
    expected = build(tmp_path / "together", names)
    for i, order in enumerate(itertools.permutations(names)):
        with open_store(tmp_path / f"order-{i}") as s:
            for n in order:
                update(s, [DOCS[n]])
            assert quads(s) == expected, order


def test_adding_then_removing_gives_the_store_without_it(tmp_path):
    names = list(DOCS)
    rng = random.Random(3)
    with open_store(tmp_path / "s") as s:
        stored: list[str] = []
        for step in range(24):
            if stored and rng.random() < 0.4:
                gone = rng.choice(stored)
                stored.remove(gone)
                update(s, drop=[str(document_iri(gone))])
            else:
                name = rng.choice(names)
                if name not in stored:
                    stored.append(name)
                update(s, [DOCS[name]])  # a document built again replaces itself
            assert quads(s) == build(tmp_path / f"fresh-{step}", stored), (step, stored)


def test_a_surname_moves_when_a_second_candidate_comes_and_goes(tmp_path):
    with open_store(tmp_path / "s") as s:
        update(s, [DOCS["kamala"], DOCS["harris"]])
        kamala_edge = f"<{KAMALA.id}> <https://w3id.org/kg/ontology#praises>"
        assert s.query(f'ASK {{ <{KAMALA.id}> skos:altLabel "Harris" . <{KAMALA.id}> kg:praises <{E}Q142> }}')
        update(s, [DOCS["tom"]])
        assert not s.query(f'ASK {{ <{KAMALA.id}> skos:altLabel "Harris" }}')
        assert s.query(f'ASK {{ <{HARRIS.id}> kg:praises <{E}Q142> ; skos:prefLabel "Harris" }}')
        update(s, drop=[str(document_iri("tom"))])
        assert quads(s) == build(tmp_path / "fresh", ["kamala", "harris"])
        assert any(q.startswith(kamala_edge) for q in quads(s))


def test_plain_sparql_counts_each_entity_once(tmp_path):
    with open_store(tmp_path / "s") as s:
        update(s, list(DOCS.values()))
        n = int(next(iter(s.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Country }")))["n"].value)
        assert n == 2  # Canada and France, named by ten documents
        labels = [r["l"].value for r in s.query("SELECT ?l WHERE { ?e rdfs:label ?l }")]
        assert len(labels) == len(set(labels)) + 2  # "Alex Smith" thrice (three countries), all else once
        assert {"Libertarian Party", "US Libertarian Party", "Canadian Libertarian Party"} <= set(labels)
        # the descriptions are in the entity graph only
        assert not s.query(f"ASK {{ GRAPH ?g {{ ?e skos:prefLabel ?l }} FILTER(?g != <{ENTITY_GRAPH}>) }}")


def test_a_new_document_that_agrees_only_adds_its_aliases(tmp_path):
    """A popular entity's description is not recomputed for every article that names it."""
    calls = []
    with open_store(tmp_path / "s") as s:
        update(s, [DOCS["kamala"]])
        select = s.select
        s.select = lambda q: (calls.append(q), select(q))[1]  # type: ignore[method-assign]
        again = doc("again", (ent("Canada", "Country", qid="Q16", country="CAN", aliases=("Dominion",)),
                              "praises", FRANCE))
        update(s, [again])
        assert not any("localWikidata ?q ." in q and "Q16" in q for q in calls)  # Canada's documents not read
        s.select = select
        assert s.query('ASK { kgid:Q16 skos:altLabel "Dominion" }')
    with open_store(tmp_path / "both") as fresh:
        update(fresh, [DOCS["kamala"], again])
        expected = quads(fresh)
    with open_store(tmp_path / "s") as s:
        assert quads(s) == expected


def test_the_targets_script_finds_them_met_on_the_example_and_missed_on_the_old_layout(example_store, tmp_path):
    """scripts/entity_targets.py, which the lead runs on a held-back corpus: on the example all
    targets are met; on a store whose documents each describe their entities, it says which
    are missed."""
    import importlib.util

    import pyoxigraph as ox

    from kg.entities import ENTITY_GRAPH

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("entity_targets", ROOT / "scripts" / "entity_targets.py")
    targets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(targets)
    with open_store(example_store, create=False) as s:
        assert all(met for _, met in targets.measure(s))
        nq = s.ox.dump(format=ox.RdfFormat.N_QUADS)
    # the old layout: the entity graph's descriptions copied into two document graphs
    with open_store(tmp_path / "old") as old:
        old.ox.load(nq, format=ox.RdfFormat.N_QUADS)
        doc = next(iter(old.documents()))
        old.ox.update(f"INSERT {{ GRAPH <{doc}> {{ ?s ?p ?o }} GRAPH <urn:x-copy> {{ ?s ?p ?o }} }} "
                      f"WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} }}")
        results = dict((line.split(":")[0], met) for line, met in targets.measure(old))
        assert not results["persons"] and not results["label rows"]
