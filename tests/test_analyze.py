"""The RDF → networkx bridge, its filters, and the network measures of kg analyze.

Most tests run on a small hand-made world written straight to a store through kg.graph,
so they check the bridge and the measures without depending on what the extractor finds.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.errors import QueryError

from .conftest import invoke
from .helpers import ID


@pytest.fixture(scope="module")
def graph_of(world_path):
    from kg.netgraph import GraphFilter, to_networkx
    from kg.store import open_store

    def make(**kw):
        with open_store(world_path, create=False) as store:
            return to_networkx(store, where=GraphFilter(**kw))
    return make


def triples(g):
    return {(g.nodes[s]["label"], k, g.nodes[o]["label"]) for s, o, k in g.edges(keys=True)}


# ------------------------------------------------------------------ the bridge

def test_bridge_keys_edges_by_predicate_and_keeps_only_asserted_facts(graph_of):
    g = graph_of()
    assert triples(g) == {
        ("Anna Berg", "meetsWith", "Marc Duval"), ("Anna Berg", "leaderOf", "Germany"),
        ("France", "praises", "Italy"), ("Germany", "criticizes", "Russia"), ("Russia", "threatens", "Ukraine"),
        ("Russia", "attacks", "Ukraine"), ("Germany", "agreesWith", "Russia"), ("Marc Duval", "visits", "Berlin"),
        ("Russia", "criticizes", "Germany"), ("Lee Min", "meetsWith", "Lee Sun"),
    }
    praise = g.get_edge_data(ID + "fra", ID + "ita")["praises"]
    assert praise["count"] == 2 and praise["plover"] == "SUPPORT" and praise["quad"] == "verbal cooperation"
    assert [m["sentence"] for m in praise["mentions"]] == ["Sentence 3 of d1: France praises Italy.",
                                                          "Sentence 4 of d1: France praises Italy."]
    assert praise["mentions"][0]["title"] == "Spring talks" and praise["mentions"][0]["date"] == "2019-03-04"
    assert praise["evidence"][0] == ("Sentence 3 of d1: France praises Italy.", "d1")
    crit = g.get_edge_data(ID + "deu", ID + "rus")["criticizes"]
    assert crit["docs"] == ["d2", "d3"] and crit["dates"] == ["2019-07-15", "2019-10-02"]
    assert g.get_edge_data(ID + "anna-berg", ID + "deu")["leaderOf"]["quad"] is None
    anna = g.nodes[ID + "anna-berg"]
    assert anna == {"label": "Anna Berg", "type": "Person", "wikidata": "Q90001", "country": "DEU", "aliases": ["Berg"]}


def test_filter_by_date_uses_the_statement_date_then_the_document_date(graph_of):
    g = graph_of(since="2019-07-01")
    assert triples(g) == {("Germany", "criticizes", "Russia"), ("Russia", "threatens", "Ukraine"),
                          ("Russia", "attacks", "Ukraine"), ("Germany", "agreesWith", "Russia"),
                          ("Marc Duval", "visits", "Berlin")}
    assert g.graph["undated_left_out"] == 2
    assert g.get_edge_data(ID + "deu", ID + "rus")["criticizes"]["count"] == 2
    g = graph_of(until="2019-07-31")
    assert g.get_edge_data(ID + "deu", ID + "rus")["criticizes"]["count"] == 1
    assert ("Russia", "attacks", "Ukraine") not in triples(g)
    assert ID + "lee-min" not in g, "entities left without relations are dropped"
    g = graph_of(since="2019-03-04", until="2019-03-04")
    assert triples(g) == {("Anna Berg", "meetsWith", "Marc Duval"), ("Anna Berg", "leaderOf", "Germany"),
                          ("France", "praises", "Italy")}


@pytest.mark.parametrize("kw,expected", [
    ({"relations": ("criticizes",)}, {("Germany", "criticizes", "Russia"), ("Russia", "criticizes", "Germany")}),
    ({"plover": ("material-conflict",)}, {("Russia", "attacks", "Ukraine")}),
    ({"plover": ("accuse", "threaten")}, {("Germany", "criticizes", "Russia"), ("Russia", "criticizes", "Germany"),
                                          ("Russia", "threatens", "Ukraine")}),
    ({"plover": ("static",)}, {("Anna Berg", "leaderOf", "Germany")}),
    ({"documents": ("d2",)}, {("Germany", "criticizes", "Russia"), ("Russia", "threatens", "Ukraine")}),
    ({"min_confidence": 0.8}, {("Anna Berg", "meetsWith", "Marc Duval"), ("Anna Berg", "leaderOf", "Germany"),
                               ("France", "praises", "Italy"), ("Germany", "criticizes", "Russia"),
                               ("Germany", "agreesWith", "Russia"), ("Marc Duval", "visits", "Berlin"),
                               ("Lee Min", "meetsWith", "Lee Sun")}),
    ({"entity_types": ("Country",)}, {("France", "praises", "Italy"), ("Germany", "criticizes", "Russia"),
                                      ("Russia", "threatens", "Ukraine"), ("Russia", "attacks", "Ukraine"),
                                      ("Germany", "agreesWith", "Russia"), ("Russia", "criticizes", "Germany")}),
    ({"entity_types": ("Person", "City")}, {("Anna Berg", "meetsWith", "Marc Duval"),
                                           ("Marc Duval", "visits", "Berlin"), ("Lee Min", "meetsWith", "Lee Sun")}),
])
def test_filters(graph_of, kw, expected):
    assert triples(graph_of(**kw)) == expected


def test_filters_combine(graph_of):
    g = graph_of(plover=("verbal conflict",), since="2019-07-01", min_confidence=0.8)
    assert triples(g) == {("Germany", "criticizes", "Russia")}
    assert g.graph["filter"] == ["PLOVER: verbal conflict", "dates: 2019-07-01 to …", "confidence ≥ 0.8"]


@pytest.mark.parametrize("kw,message", [
    ({"relations": ("critizes",)}, "no relation 'critizes' in the store; did you mean criticizes"),
    ({"entity_types": ("Persn",)}, "no entity type 'Persn' in the store; did you mean Person"),
    ({"documents": ("d9",)}, "no document 'd9' in the store"),
    ({"plover": ("FIGHT",)}, "unknown PLOVER type or class 'FIGHT'"),
    ({"since": "2019-13-01"}, "--since must be a date YYYY-MM-DD, got '2019-13-01'"),
    ({"since": "2019-05-01", "until": "2019-04-01"}, "--since 2019-05-01 is after --until 2019-04-01"),
    ({"min_confidence": 1.5}, "--min-confidence must be between 0 and 1"),
])
def test_bad_filters_name_the_value_and_the_choices(graph_of, kw, message):
    with pytest.raises(QueryError, match="^" + message.replace("(", r"\(").replace("?", r"\?")):
        graph_of(**kw)


def test_find_entity(graph_of):
    from kg.netgraph import find_entity

    g = graph_of()
    assert find_entity(g, "anna berg") == ID + "anna-berg"
    assert find_entity(g, "Duval") == ID + "marc-duval"  # an alias
    assert find_entity(g, "Q183") == ID + "deu"
    assert find_entity(g, ID + "ukr") == ID + "ukr"
    with pytest.raises(QueryError, match=r"'Lee' could mean several entities: Lee Min .*Lee Sun"):
        find_entity(g, "Lee")
    with pytest.raises(QueryError, match="no entity called 'Rusia' in the graph; did you mean Russia"):
        find_entity(g, "Rusia")


# ------------------------------------------------------------------ measures

def test_centrality_ranks_by_the_chosen_measure(graph_of):
    from kg.analyze import centrality

    g = graph_of()
    by_degree = centrality(g, by="degree", top=None).rows
    assert by_degree[0]["entity"] == "Russia" and by_degree[0]["degree"] == 5
    assert [r["degree"] for r in by_degree] == sorted((r["degree"] for r in by_degree), reverse=True)
    assert [r["rank"] for r in by_degree] == list(range(1, len(by_degree) + 1))
    by_btw = centrality(g, by="betweenness", top=3)
    # Berlin - Marc Duval - Anna Berg - Germany - Russia - Ukraine is a chain: Anna Berg and Germany
    # each sit on 6 of its shortest paths, Russia on 4; normalised by the 36 pairs of 10 entities.
    assert [(r["entity"], r["betweenness"]) for r in by_btw.rows] == [
        ("Germany", round(6 / 36, 6)), ("Anna Berg", round(6 / 36, 6)), ("Russia", round(4 / 36, 6))]
    assert len(by_btw.rows) == 3 and "top 3 of 10" in by_btw.notes[0]
    pr = {r["entity"]: r["pagerank"] for r in centrality(g, by="pagerank", top=None).rows}
    assert abs(sum(pr.values()) - 1) < 1e-3
    assert pr["Ukraine"] > pr["Anna Berg"]  # only pointed at vs only pointing
    with pytest.raises(QueryError, match="unknown centrality 'closeness'"):
        centrality(g, by="closeness")


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_communities_partition_the_related_entities(graph_of, method):
    from kg.analyze import communities

    g = graph_of()
    rep = communities(g, method=method)
    ids = [n for r in rep.rows for n in r["ids"]]
    assert sorted(ids) == sorted(n for n in g if g.degree(n) > 0)
    assert any(set(r["members"]) == {"Lee Min", "Lee Sun"} for r in rep.rows)
    assert rep.summary["modularity"] > 0.2 and rep.summary["method"] == method


def test_shortest_path_gives_the_evidence_for_each_hop(graph_of):
    from kg.analyze import shortest_paths

    g = graph_of()
    rep = shortest_paths(g, "Marc Duval", "Ukraine")
    assert rep.summary["route"] == ["Marc Duval → Anna Berg → Germany → Russia → Ukraine"]
    assert rep.summary["length"] == 4
    hop3 = {(r["subject"], r["relation"], r["object"]) for r in rep.rows if r["hop"] == 3}
    assert hop3 == {("Germany", "criticizes", "Russia"), ("Germany", "agreesWith", "Russia"),
                    ("Russia", "criticizes", "Germany")}
    first = next(r for r in rep.rows if r["hop"] == 1)
    assert first["relation"] == "meetsWith"
    assert first["evidence"] == ["Sentence 1 of d1: Anna Berg meetsWith Marc Duval. [d1]"]
    crit = next(r for r in rep.rows if r["relation"] == "criticizes" and r["subject"] == "Germany")
    assert len(crit["evidence"]) == 2
    none = shortest_paths(g, "Lee Min", "Germany")
    assert none.rows == [] and "no path between Lee Min and Germany" in none.notes[-1]


def test_country_pairs_and_balance(graph_of):
    from kg.analyze import country_pairs

    g = graph_of()
    pairs = {(r["source"], r["target"]): r for r in country_pairs(g)}
    assert set(pairs) == {("DEU", "FRA"), ("FRA", "ITA"), ("DEU", "RUS"), ("RUS", "UKR"), ("RUS", "DEU"),
                          ("FRA", "DEU")}  # Lee Min and Lee Sun share a country: not a pair
    # France praised Italy twice in one article on one day: one event, not two statements
    assert pairs[("FRA", "ITA")]["verbal cooperation"] == 1 and pairs[("FRA", "ITA")]["balance"] == 1.0
    deu_rus = pairs[("DEU", "RUS")]
    assert (deu_rus["verbal cooperation"], deu_rus["verbal conflict"], deu_rus["total"]) == (1, 2, 3)
    assert deu_rus["balance"] == -0.333
    rus_ukr = pairs[("RUS", "UKR")]
    assert (rus_ukr["verbal conflict"], rus_ukr["material conflict"], rus_ukr["balance"]) == (1, 1, -1.0)
    undirected = {(r["source"], r["target"]): r for r in country_pairs(g, directed=False)}
    assert undirected[("DEU", "RUS")]["verbal conflict"] == 3 and undirected[("DEU", "FRA")]["total"] == 2
    assert list(pairs) == [k for k in pairs]  # sorted by total: the biggest pair first
    assert country_pairs(g)[0]["total"] == 3


def test_ego_summary(graph_of):
    from kg.analyze import ego_summary

    rep = ego_summary(graph_of(), "Russia")
    assert rep.summary["neighbours"] == 2 and rep.summary["entity"] == "Russia"
    assert rep.summary["by_quad_class"] == {"verbal conflict": 4, "material conflict": 1, "verbal cooperation": 1}
    rows = {r["entity"]: r for r in rep.rows}
    assert rows["Germany"]["links"] == ["← agreesWith", "← criticizes ×2", "→ criticizes"]
    assert rows["Ukraine"]["links"] == ["→ attacks", "→ threatens"]
    two = ego_summary(graph_of(), "Russia", depth=2)
    assert {r["entity"]: r["distance"] for r in two.rows}["Anna Berg"] == 2


def test_report_formats(graph_of):
    from kg.analyze import centrality

    rep = centrality(graph_of(), by="degree", top=3)
    rows = list(csv.DictReader(io.StringIO(rep.render("csv"))))
    assert [r["entity"] for r in rows] == [r["entity"] for r in rep.rows]
    assert list(rows[0]) == ["rank", "entity", "type", "degree", "statements", "pagerank", "betweenness"]
    data = json.loads(rep.render("json"))
    assert data["analysis"] == "centrality" and data["rows"][0]["entity"] == "Russia"
    assert "Russia" in rep.render("table").splitlines()[-3]


# ------------------------------------------------------------------ the command

@pytest.mark.parametrize("sub", ["centrality", "communities", "path", "pairs", "ego"])
def test_every_analyze_subcommand_has_help_with_an_example(sub):
    res = invoke("analyze", sub, "--help")
    assert res.exit_code == 0 and "Example" in res.output and "--since" in res.output


def test_analyze_commands(world_path, tmp_path):
    res = invoke("analyze", "centrality", "--by", "degree", "--store", world_path)
    assert res.exit_code == 0
    assert next(ln for ln in res.stdout.splitlines() if ln.startswith("1 ")).split()[1] == "Russia"
    out = tmp_path / "pairs.csv"
    res = invoke("analyze", "pairs", "--plover", "verbal-conflict", "--format", "csv", "-o", out, "--store", world_path)
    assert res.exit_code == 0
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["source"], r["target"]) for r in rows} == {("DEU", "RUS"), ("RUS", "UKR"), ("RUS", "DEU")}
    data = json.loads(invoke("analyze", "path", "Duval", "Q212", "--format", "json", "--store", world_path).stdout)
    assert data["summary"]["length"] == 4 and all(r["evidence"] for r in data["rows"])
    data = json.loads(invoke("analyze", "communities", "--method", "greedy", "--format", "json",
                           "--store", world_path).stdout)
    assert data["summary"]["communities"] >= 2
    res = invoke("analyze", "ego", "Berg", "--since", "2019-01-01", "--store", world_path)
    assert res.exit_code == 0 and "Marc Duval" in res.output and "Germany" in res.output
    assert "Note: filtered by dates: 2019-01-01 to …" in res.output


def test_analyze_errors_are_one_line(world_path):
    res = invoke("analyze", "path", "Anna Berg", "Atlantis", "--store", world_path)
    assert res.exit_code == 1
    assert [ln for ln in res.output.splitlines() if ln.startswith("Error:")] == \
        ["Error: no entity called 'Atlantis' in the graph; list entities with: kg analyze centrality"]
    res = invoke("analyze", "centrality", "--relation", "bombs", "--store", world_path)
    assert res.exit_code == 1 and "Error: no relation 'bombs' in the store" in res.output
    res = invoke("analyze", "centrality", "--format", "xml", "--store", world_path)
    assert res.exit_code == 2


def test_analyze_the_example(example_store):
    res = invoke("analyze", "path", "Taro Kono", "Justin Trudeau", "--store", example_store, "--format", "json")
    data = json.loads(res.stdout)
    assert data["summary"]["length"] >= 1
    assert all(r["evidence"] and all("[state-visit]" in e for e in r["evidence"]) for r in data["rows"])


def test_a_part_of_a_country_keeps_its_sector_in_the_graph_and_the_page(tmp_path):
    from kg.netgraph import to_networkx
    from kg.pipeline import build
    from kg.store import open_store
    from kg.visualize import build_network

    text = tmp_path / "raid.txt"
    text.write_text("Venezuelan police arrested opposition activists in Caracas on Tuesday.\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        build([text], store)
        g = to_networkx(store)
    police = next(d for _, d in g.nodes(data=True) if d["label"] == "Venezuela police")
    assert (police["country"], police["sector"]) == ("VEN", "COP")
    assert all("sector" not in d for _, d in g.nodes(data=True) if d["type"] == "Country")
    net = build_network(g)
    node = next(n for n in net.nodes if n["label"] == "Venezuela police")
    assert node["kg"]["sector"] == "police (COP)"


def test_the_country_level_counts_everyone_for_their_country(world_path):
    from kg.netgraph import to_networkx
    from kg.store import open_store

    with open_store(world_path, create=False) as store:
        g = to_networkx(store, level="country")
    assert {d["label"] for _, d in g.nodes(data=True)} == {"Germany", "France", "Italy", "Russia", "Ukraine"}
    assert ("France", "visits", "Germany") in triples(g)  # Marc Duval visits Berlin
    germany = next(n for n, d in g.nodes(data=True) if d["label"] == "Germany")
    russia = next(n for n, d in g.nodes(data=True) if d["label"] == "Russia")
    assert g.get_edge_data(germany, russia)["criticizes"]["count"] == 2
    # what a country does at home (Lee Min meets Lee Sun) is not between countries, nor is a static relation
    assert "1 within one country" in g.graph["level_note"]


def test_cli_analyze_and_viz_at_the_country_level(world_path, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["analyze", "centrality", "--level", "country", "--store", str(world_path),
                              "--format", "csv"])
    assert res.exit_code == 0, res.output
    entities = [line.split(",")[1] for line in res.stdout.splitlines()[1:]]
    assert set(entities) == {"Germany", "France", "Italy", "Russia", "Ukraine"}
    res = runner.invoke(cli, ["viz", "--level", "country", "--store", str(world_path), "-o", str(tmp_path / "c.html")])
    assert res.exit_code == 0 and "(5 entities" in res.output
