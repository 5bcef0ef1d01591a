"""Every named query, with a known answer on a small hand-made store, and the binding of
parameters as RDF terms."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query import named_queries, run_named

from .conftest import invoke
from .helpers import ELB, RUR, TEXT, news_document, news_extractions, write_store


@pytest.fixture(scope="module")
def news_store(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("news") / "store", news_extractions())


@pytest.fixture
def news(news_store):
    from kg.store import open_store

    with open_store(news_store, create=False) as s:
        yield s


def rows(result) -> list[tuple]:
    return [tuple(t.value if t is not None else None for t in row) for row in result.rows]


def column(result, name) -> list:
    i = result.variables.index(name)
    return [row[i].value if row[i] is not None else None for row in result.rows]


def test_every_named_query_is_tested_here():
    tested = {"relations", "between", "events", "actors", "timeline", "provenance"}
    assert set(named_queries()) == tested


def test_relations_of_an_entity(news):
    res = run_named(news, "relations", {"entity": "Vogt"})  # an alias
    got = [(r[0], r[1], r[2], r[4], r[7]) for r in rows(res)]
    assert got == [
        ("Anna Vogt", "meetsWith", "Elbonia", None, "ruritania-3"),  # no date sorts first
        ("Anna Vogt", "leaderOf", "Ruritania", "2024-03-04", "ruritania-1"),
        ("Anna Vogt", "visits", "Elbonia", "2024-03-04", "ruritania-1"),
        ("Anna Vogt", "visits", "Elbonia", "2024-05-10", "ruritania-2"),
    ]  # and not the meeting ruritania-1 only says she plans


def test_relations_finds_the_entity_by_label_qid_or_iri(news):
    by_label = rows(run_named(news, "relations", {"entity": "ruritania"}))
    by_qid = rows(run_named(news, "relations", {"entity": "Q9999901"}))
    by_iri = rows(run_named(news, "relations", {"entity": RUR.id}))
    assert by_label == by_qid == by_iri
    assert {(r[0], r[1], r[2]) for r in by_label} == {
        ("Anna Vogt", "leaderOf", "Ruritania"), ("Elbonia", "criticizes", "Ruritania"),
        ("Ruritania", "sanctions", "Elbonia")}  # not the negated criticism


def test_relations_between_two_entities(news):
    res = run_named(news, "between", {"a": "Elbonia", "b": "Ruritania"})
    assert [(r[0], r[1], r[2], r[3], r[7]) for r in rows(res)] == [
        ("Elbonia", "criticizes", "Ruritania", "ACCUSE", "ruritania-2"),
        ("Ruritania", "sanctions", "Elbonia", "SANCTION", "ruritania-2"),
    ]
    assert rows(run_named(news, "between", {"a": "Ruritania", "b": "Elbonia"})) == rows(res)


def test_events_by_type_in_a_date_range(news):
    march = run_named(news, "events", {"plover": "consult", "from": "2024-03-01", "to": "2024-03-31"})
    assert [r[1:] for r in rows(march)] == [
        ("2024-03-04", "CONSULT", "Anna Vogt", "Elbonia", "1", "1", "visits", "042",
         "Ruritania's president Anna Vogt visited Elbonia on Monday.", "ruritania-1")]
    consult = run_named(news, "events", {"plover": "CONSULT"})
    assert column(consult, "docs") == ["ruritania-1", "ruritania-2", "ruritania-3"]  # undated last
    may = run_named(news, "events", {"from": "2024-05-01"})
    assert sorted(column(may, "predicates")) == ["criticizes", "sanctions", "visits"]
    assert rows(run_named(news, "events", {"to": "2024-01-01"})) == []


def test_events_are_counted_once_however_many_statements_report_them(news):
    """The store's events are those of the event table, with the same ids (tests/test_event_table.py
    holds the two to each other on the Baltic articles and on Wikinews)."""
    from kg.events import read_events

    res = run_named(news, "events")
    assert set(column(res, "event_id")) == {e.id for e in read_events(news)}


def test_actors_ranked_by_events(news):
    res = run_named(news, "actors")
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows(res)] == [
        ("Elbonia", "Country", "5", "1", "4"),
        ("Anna Vogt", "Person", "3", "3", "0"),
        ("Ruritania", "Country", "2", "1", "1"),
    ]
    consult = run_named(news, "actors", {"plover": "CONSULT"})
    assert [(r[0], r[2]) for r in rows(consult)] == [("Anna Vogt", "3"), ("Elbonia", "3")]  # ties by name


def test_the_country_level_rolls_people_up_to_their_countries(news):
    """Anna Vogt acts for Ruritania: at the country level her visits are Ruritania's relations."""
    entity = run_named(news, "between", {"a": "Ruritania", "b": "Elbonia"})
    country = run_named(news, "between", {"a": "Ruritania", "b": "Elbonia"}, level="country")
    assert column(country, "subject_country")[:1] and len(country.rows) > len(entity.rows)
    assert ("Anna Vogt", "RUR", "visits", "Elbonia", "ELB") in {tuple(r[:5]) for r in rows(country)}
    # any entity of a country stands for it
    assert rows(run_named(news, "between", {"a": "Anna Vogt", "b": "Elbonia"}, level="country")) == rows(country)
    events = run_named(news, "events", {"plover": "verbal-cooperation"}, level="country")
    assert {(r[2], r[3], r[4]) for r in rows(events)} == {("RUR", "ELB", "Anna Vogt")}
    only = run_named(news, "events", {"country": "Ruritania"}, level="country")
    assert {r[2] for r in rows(only)} | {r[3] for r in rows(only)} >= {"RUR"}
    actors = run_named(news, "actors", level="country")
    assert [(r[0], r[1], r[2], r[5]) for r in rows(actors)] == [("Elbonia", "ELB", "5", "1"),
                                                                ("Ruritania", "RUR", "5", "2")]
    with pytest.raises(QueryError, match="has no country level; these have: actors, between, events"):
        run_named(news, "relations", {"entity": "Ruritania"}, level="country")


def test_a_quad_class_stands_for_its_plover_types(news):
    conflict = run_named(news, "events", {"plover": "material-conflict"})
    assert sorted(column(conflict, "plover")) == ["SANCTION"]
    verbal = run_named(news, "events", {"plover": "verbal conflict"})
    assert sorted(column(verbal, "plover")) == ["ACCUSE"]  # the negated one is not asserted
    with pytest.raises(QueryError, match="PLOVER type .* or a quad class"):
        run_named(news, "events", {"plover": "material"})


def test_cli_level_option(news_store):
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["query", "--name", "between", "--level", "country", "--param", "a=Ruritania",
                              "--param", "b=Elbonia", "--store", str(news_store), "--format", "csv"])
    assert res.exit_code == 0 and "Anna Vogt,RUR,visits,Elbonia,ELB" in res.output
    res = runner.invoke(cli, ["query", "--level", "country", "SELECT * WHERE { ?s ?p ?o }", "--store", str(news_store)])
    assert res.exit_code == 2 and "--level go with --name" in res.output


def test_timeline_of_an_entity(news):
    res = run_named(news, "timeline", {"entity": "Anna Vogt"})
    assert [(r[0], r[2], r[6]) for r in rows(res)] == [
        ("2024-03-04", "leaderOf", "ruritania-1"),
        ("2024-03-04", "visits", "ruritania-1"),
        ("2024-05-10", "visits", "ruritania-2"),
        (None, "meetsWith", "ruritania-3"),  # undated last
    ]


def test_provenance_of_a_fact(news):
    res = run_named(news, "provenance", {"subject": "Vogt", "predicate": "visits", "object": "Elbonia"})
    got = rows(res)
    v = res.variables
    assert [(r[v.index("doc")], r[v.index("url")], r[v.index("published")], r[v.index("evidence")]) for r in got] == [
        ("ruritania-1", "https://news.example/ruritania?id=1", "2024-03-04",
         "Ruritania's president Anna Vogt visited Elbonia on Monday."),
        ("ruritania-2", "https://news.example/ruritania-2", "2024-05-10",
         "Ruritania's president Anna Vogt visited Elbonia on Monday."),
    ]
    first = dict(zip(v, got[0], strict=True))
    assert (first["start"], first["end"]) == ("0", "58") and TEXT[0:58] == first["evidence"]
    assert first["extractor"] == "rules" and first["version"] == "0.1.0" and first["modality"] == "asserted"
    assert first["statement"].startswith("https://w3id.org/kg/statement/")


def test_provenance_shows_negated_statements_too(news):
    res = run_named(news, "provenance", {"subject": "Elbonia", "object": "Ruritania"})  # any predicate
    assert [(r[0], r[1], r[7]) for r in rows(res)] == [
        ("criticizes", "true", "ruritania-1"), ("criticizes", "false", "ruritania-2")]


# ------------------------------------------------------------------ parameters

@pytest.mark.parametrize("name,params,message", [
    ("relations", {}, "needs --param entity"),
    ("relations", {"entity": "Nobody"}, "no entity called 'Nobody'"),
    ("relations", {"entity": "Vogt", "limit": "3"}, "no parameter 'limit'"),
    ("events", {"plover": "HUG"}, "must be a PLOVER type"),
    ("events", {"from": "2024-13-01"}, "must be a date"),
    ("events", {"from": "4 March"}, "must be a date"),
    ("provenance", {"subject": "Vogt", "object": "Elbonia", "predicate": "vists"}, "not a property of the kg ontology"),
    ("nonesuch", {}, "no named query 'nonesuch'"),
])
def test_bad_parameters_say_what_to_do(news, name, params, message):
    with pytest.raises(QueryError, match=message):
        run_named(news, name, params)


@pytest.mark.parametrize("hostile", [
    'Vogt" } } ; DROP ALL ; #',
    "Vogt' . ?s ?p ?o } #",
    "Vogt\\\" ) } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "<https://w3id.org/kg/id/person/anna-vogt>",
])
def test_parameters_are_bound_as_terms_never_pasted(news, hostile):
    before = len(news)
    with pytest.raises(QueryError, match="no entity called"):
        run_named(news, "relations", {"entity": hostile})
    assert len(news) == before


def test_a_literal_parameter_cannot_change_the_query(news):
    import pyoxigraph as ox

    from kg.query import run_query

    q = "SELECT (COUNT(*) AS ?n) WHERE { ?e skos:prefLabel ?name }"
    for text in ['x" } UNION { ?e ?p ?o } #', "Anna Vogt"]:
        n = int(run_query(news, q, {"name": ox.Literal(text)}).rows[0][0].value)
        assert n == (0 if text.startswith("x") else 1)  # Anna Vogt, named by three documents, described once


def test_cli_runs_named_queries_and_lists_them(news_store):
    res = invoke("query", "--name", "between", "--param", "a=Elbonia", "--param", "b=Q9999901",
                 "--store", news_store, "--format", "csv")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "subject,predicate,object,plover,date,confidence,evidence,doc"
    assert len(res.output.splitlines()) == 3
    listing = invoke("query", "--list").output
    for name in named_queries():
        assert name in listing
    assert "from? (date)" in listing and "entity (entity)" in listing
    bad = invoke("query", "--name", "events", "--param", "plover", "--store", news_store)
    assert bad.exit_code == 1 and "key=value" in bad.output
    misuse = invoke("query", "--param", "a=b", "--store", news_store)
    assert misuse.exit_code == 2


# ------------------------------------------------------------------ popular entities

POPULAR = 12  # documents that all mention Ruritania and Elbonia


@pytest.fixture(scope="module")
def popular_store(tmp_path_factory):
    """Twelve documents, each describing Ruritania and Elbonia (a copy of their labels, types
    and links in every document graph), each with one fact of its own about them."""
    def wire(i: int):
        text = f"Ruritania sanctions Elbonia over the dam {i}. Elbonia criticizes Ruritania."
        return news_document(f"wire-{i:02d}", text, f"2024-06-{i + 1:02d}", [
            (f"Ruritania sanctions Elbonia over the dam {i}.", RUR, "sanctions", ELB,
             {"plover": "SANCTION", "cameo": "163"}),
            ("Elbonia criticizes Ruritania.", ELB, "criticizes", RUR, {"plover": "ACCUSE", "cameo": "111"}),
        ])

    return write_store(tmp_path_factory.mktemp("popular") / "store", [wire(i) for i in range(POPULAR)])


@pytest.mark.parametrize("name,params,expected", [
    ("relations", {"entity": "Ruritania"}, 2 * POPULAR),
    ("timeline", {"entity": "Elbonia"}, 2 * POPULAR),
    ("between", {"a": "Ruritania", "b": "Elbonia"}, 2 * POPULAR),
    ("events", {"plover": "SANCTION"}, POPULAR),
    ("provenance", {"subject": "Ruritania", "object": "Elbonia"}, POPULAR),
    ("actors", {}, 2),
])
def test_named_queries_give_each_fact_once_however_many_documents_describe_its_entities(
        popular_store, name, params, expected):
    from kg.store import open_store

    with open_store(popular_store, create=False) as s:
        res = run_named(s, name, params)
        assert len(res.rows) == expected, rows(res)
        if name == "actors":  # and count each event once, not once per copy of a label
            assert [(r[0], r[2], r[3], r[4]) for r in rows(res)] == [
                ("Elbonia", str(2 * POPULAR), str(POPULAR), str(POPULAR)),
                ("Ruritania", str(2 * POPULAR), str(POPULAR), str(POPULAR))]


def test_the_plain_label_join_gives_each_pair_once_per_document(popular_store):
    """Each entity is described once, so the plain join over the union that the README shows
    gives one row per document asserting the fact (the direct edge is in each of their
    graphs), and DISTINCT folds them; no GRAPH ?g is needed."""
    from kg.query import run_query
    from kg.store import open_store

    union = "SELECT ?who ?whom WHERE { ?w kg:sanctions ?t . ?w rdfs:label ?who . ?t rdfs:label ?whom }"
    with open_store(popular_store, create=False) as s:
        assert [r for r in rows(run_query(s, union))] == [("Ruritania", "Elbonia")] * POPULAR
        assert len(run_query(s, "SELECT DISTINCT" + union[len("SELECT"):]).rows) == 1
        n = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Country }"
        assert run_query(s, n).rows[0][0].value == "2"
