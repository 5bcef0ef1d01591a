"""The event table: one row per real event, however many statements and articles report it,
with Goldstein weights, places and dates at their precision (issue 13).

tests/data/baltic-meeting.jsonl holds three short articles written for these tests: each
reports the same meeting of Finland and Estonia on 5 March 2024 in its own words ("met ...
on Tuesday" on the 5th, "hosted ... on Tuesday" on the 6th, "held talks ... on March 5" on
the 8th), beside a negated criticism, a planned visit and a criticism by Russia.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from kg import events as ev, export as exporters
from kg.model import Entity
from kg.netgraph import QUAD_CLASS
from kg.store import open_store

from .conftest import invoke, shared_path
from .helpers import EST, ESTONIA, FIN, FINLAND, build_store, said, store_of

BALTIC = Path(__file__).parent / "data" / "baltic-meeting.jsonl"


@pytest.fixture(scope="module")
def baltic_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("baltic") / "store", [BALTIC])


@pytest.fixture
def baltic(baltic_path):
    with open_store(baltic_path, create=False) as store:
        yield store


def consult(table):
    return [r for r in table if r["plover"] == "CONSULT" and r["modality"] in ("asserted", "reported")]


# ------------------------------------------------------------------ one event, many reports

def test_three_articles_reporting_one_meeting_give_one_row_with_three_sources(baltic):
    table = ev.rows(baltic)
    [meeting] = consult(table)
    assert {meeting["actor_id"], meeting["recipient_id"]} == {FIN, EST}
    assert (meeting["date"], meeting["date_precision"], meeting["sources"]) == ("2024-03-05", "day", 3)
    assert meeting["urls"] == [f"https://news.example/baltic/{i}" for i in (1, 2, 3)]
    assert (meeting["first_seen"], meeting["last_seen"]) == ("2024-03-05", "2024-03-08")
    assert meeting["quad_class"] == "verbal cooperation" and meeting["goldstein"] > 0
    assert meeting["cameo"] in ("040", "043", "046")  # the reports say met, hosted, held talks
    # the evidence is the most confident of the three sentences
    [event] = [e for e in ev.read_events(baltic) if e.id == meeting["event_id"]]
    assert len(event.reports) == 3 and meeting["evidence"] == event.reports[0].sentence
    assert event.reports[0].confidence == max(r.confidence for r in event.reports)


def test_a_negated_statement_never_makes_a_row_and_a_planned_one_only_when_asked(baltic):
    table = ev.rows(baltic)
    # not Latvia's denied criticism; Finland's plan to visit Latvia is a statement of intent to
    # meet (CAMEO 036, PLOVER AGREE), asserted, while the visit itself is only intended
    assert [(r["actor"], r["plover"], r["recipient"]) for r in table] == [
        ("Estonia", "CONSULT", "Finland"), ("Finland", "AGREE", "Latvia"), ("Russia", "ACCUSE", "Finland")]
    everything = ev.rows(baltic, include_unasserted=True)
    planned = [r for r in everything if r["modality"] == "intended"]
    assert [(r["actor"], r["recipient"], r["mode"]) for r in planned] == [("Finland", "Latvia", "visit")]
    assert len(everything) == 4 and not any(r["actor"] == "Latvia" for r in everything)


def test_the_event_id_is_the_same_whatever_the_build_order_and_follows_removals(baltic, tmp_path):
    from kg.pipeline import remove

    want = ev.rows(baltic)
    docs = [json.loads(line) for line in BALTIC.read_text(encoding="utf-8").splitlines()]
    backwards = tmp_path / "backwards.jsonl"
    backwards.write_text("".join(json.dumps(d) + "\n" for d in reversed(docs)), encoding="utf-8")
    from kg.pipeline import build

    with open_store(tmp_path / "store") as store:
        build([backwards], store)
        assert ev.rows(store) == want
        remove(store, ["baltic-2"])
        [meeting] = consult(ev.rows(store))
        assert meeting["event_id"] == consult(want)[0]["event_id"] and meeting["sources"] == 2
        assert meeting["urls"] == ["https://news.example/baltic/1", "https://news.example/baltic/3"]


# ------------------------------------------------------------------ hand-made records: every column

MOSCOW = Entity("https://w3id.org/kg/id/Q649", "Moscow", "City", wikidata="Q649", country="RUS")
EST_POLICE = Entity("https://w3id.org/kg/id/organization/estonia-police", "Estonia police", "Organization",
                    country="EST", sector="COP")


def test_every_column_is_filled_where_the_record_allows(tmp_path):
    rel = said("a", "Finland and Estonia met in Moscow.", FINLAND, "meetsWith", EST_POLICE, "CONSULT", "040",
               date="1982-03", location=MOSCOW, mode="visit", confidence=0.8)
    with store_of(tmp_path, {"a": [rel]}) as store:
        [row] = ev.rows(store)
    assert list(row) == list(ev.COLUMNS)
    empty = {c for c in ev.COLUMNS if row[c] in (None, "", [])}
    assert empty == {"actor_sector", "recipient_wikidata"}, row  # a country has no sector, the police no QID
    assert (row["date"], row["date_precision"], row["location"], row["location_country"]) == \
        ("1982-03", "month", "Moscow", "RUS")
    assert (row["recipient"], row["recipient_country"], row["recipient_sector"]) == ("Estonia police", "EST", "COP")
    assert (row["first_seen"], row["last_seen"]) == ("2019-03-07", "2019-03-07")  # the article's day, not 1982


def test_meetings_have_no_direction_but_criticism_has(tmp_path):
    docs = {
        "a": [said("a", "Finland and Estonia met in Moscow.", FINLAND, "meetsWith", ESTONIA, "CONSULT", "040"),
              said("a", "Finland criticized Estonia.", FINLAND, "criticizes", ESTONIA, "ACCUSE", "111")],
        "b": [said("b", "Estonia met Finland.", ESTONIA, "meetsWith", FINLAND, "CONSULT", "040"),
              said("b", "Estonia criticized Finland.", ESTONIA, "criticizes", FINLAND, "ACCUSE", "111")],
    }
    with store_of(tmp_path, docs) as store:
        table = ev.rows(store)
    assert sorted((r["plover"], r["actor"], r["recipient"], r["sources"]) for r in table) == [
        ("ACCUSE", "Estonia", "Finland", 1), ("ACCUSE", "Finland", "Estonia", 1), ("CONSULT", "Finland", "Estonia", 2)]


def test_an_event_dated_only_to_the_year_is_not_the_same_as_one_on_a_day_of_it(tmp_path):
    docs = {"a": [said("a", "Estonia met Finland.", ESTONIA, "meetsWith", FINLAND, "CONSULT", "040", date="1991")],
            "b": [said("b", "Estonia met Finland.", ESTONIA, "meetsWith", FINLAND, "CONSULT", "040",
                       date="1991-08-20")]}
    with store_of(tmp_path, docs) as store:
        assert sorted((r["date"], r["date_precision"]) for r in ev.rows(store)) == [
            ("1991", "year"), ("1991-08-20", "day")]


# ------------------------------------------------------------------ Goldstein

def _lexicon_codes() -> set[tuple[str, str]]:
    out = set()
    for name in ("events.tsv", "cameo_verbs.tsv"):
        for line in resources.files("kg.data").joinpath(name).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if not line.startswith("#") and len(cols) > 3 and cols[3].strip():
                out.add((cols[1], cols[3].strip()))
    return out


def _sign_disagrees(plover: str, code: str) -> bool:
    weight = ev.goldstein(code)
    cooperation = QUAD_CLASS[plover].endswith("cooperation")
    return weight is None or (weight <= 0 if cooperation else weight >= 0)


def test_the_goldstein_sign_matches_the_quad_class_of_every_code_kg_writes():
    codes = _lexicon_codes()
    assert len({p for p, _ in codes}) == 16  # every PLOVER type
    assert sorted(c for c in codes if _sign_disagrees(*c)) == []


def test_the_goldstein_sign_matches_the_quad_class_of_every_code_plover_maps():
    import re

    table = shared_path("reference", "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    mapped = {(m[2], m[1]) for m in re.finditer(r"^(\d{2,4}):\s*([A-Z]+)", table, re.M)}
    assert len(mapped) > 250
    assert sorted(c for c in mapped if _sign_disagrees(*c)) == []


def test_the_shipped_weights_are_the_reference_table():
    rows = shared_path("reference", "cameo-goldstein.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert ev.goldstein_weights() == {c: float(w) for c, w in (r.split("\t") for r in rows)}
    assert ev.goldstein("0429") == ev.goldstein("042") and ev.goldstein(None) is None


# ------------------------------------------------------------------ the export formats

def test_csv_has_the_columns_in_order_and_one_row_an_event(baltic):
    text = exporters.export("events", baltic).decode("utf-8")
    table = list(csv.DictReader(io.StringIO(text)))
    assert tuple(table[0]) == ev.COLUMNS
    meeting = next(r for r in table if r["plover"] == "CONSULT")
    assert meeting["sources"] == "3" and len(meeting["urls"].split(" ")) == 3
    assert float(meeting["goldstein"]) > 0
    assert (meeting["location"], meeting["location_country"]) == ("Tallinn", "EST")  # "met ... in Tallinn"


def test_parquet_keeps_types(baltic):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the parquet extra: pip install -e '.[parquet]'")
    got = pq.read_table(io.BytesIO(exporters.export("events-parquet", baltic)))
    assert tuple(got.column_names) == ev.COLUMNS
    import pyarrow as pa

    assert got.schema.field("urls").type.value_type == pa.string()
    assert got.schema.field("first_seen").type == pa.date32() and got.schema.field("sources").type == pa.int32()
    meeting = next(r for r in got.to_pylist() if r["plover"] == "CONSULT")
    assert meeting["sources"] == 3 and len(meeting["urls"]) == 3


def test_parquet_without_pyarrow_names_the_extra(baltic, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pyarrow(name, *args, **kw):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    from kg.errors import FormatError

    with pytest.raises(FormatError, match=r"pip install 'kg\[parquet\]'"):
        exporters.export("events-parquet", baltic)


def test_jsonl_gives_every_report_behind_an_event(baltic):
    lines = [json.loads(x) for x in exporters.export("events-jsonl", baltic).decode("utf-8").splitlines()]
    meeting = next(r for r in lines if r["plover"] == "CONSULT")
    assert [r["doc"] for r in sorted(meeting["reports"], key=lambda r: r["doc"])] == ["baltic-1", "baltic-2",
                                                                                       "baltic-3"]
    assert {r["predicate"] for r in meeting["reports"]} == {"meetsWith", "hosts", "holdsTalksWith"}
    assert all(set(ev.COLUMNS) <= set(r) for r in lines)


def test_cli_writes_the_table_and_refuses_the_flag_elsewhere(baltic_path, tmp_path):
    out = tmp_path / "events.csv"
    res = invoke("export", "--store", baltic_path, "--format", "events", "-o", out, "--include-unasserted")
    assert res.exit_code == 0, res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5  # the header and four events
    res = invoke("export", "--store", baltic_path, "--format", "ttl", "--include-unasserted")
    assert res.exit_code == 2 and "--include-unasserted does not apply to the ttl format" in res.output


# ------------------------------------------------------------------ the named queries count the same events

def _sparql_events(store):
    from kg.query import run_named

    res = run_named(store, "events")
    return {r[0].value: dict(zip(res.variables, (t.value if t is not None else None for t in r), strict=True))
            for r in res.rows}


def _agree(store):
    table = {r["event_id"]: r for r in ev.rows(store)}
    sparql = _sparql_events(store)
    assert set(sparql) == set(table) and table
    for eid, row in table.items():
        got = sparql[eid]
        assert (got["date"] or None, got["plover"], got["actor"], got["recipient"], int(got["sources"])) == \
            (row["date"], row["plover"], row["actor"], row["recipient"], row["sources"]), eid


def test_the_events_query_finds_the_same_events_with_the_same_ids(baltic):
    _agree(baltic)
    [meeting] = [r for r in _sparql_events(baltic).values() if r["plover"] == "CONSULT"]
    assert (meeting["sources"], meeting["statements"]) == ("3", "3")
    assert set(meeting["predicates"].split()) == {"meetsWith", "hosts", "holdsTalksWith"}


def test_the_actors_query_counts_events(baltic):
    from kg.query import run_named

    got = {r[0].value: (int(r[2].value), int(r[3].value), int(r[4].value)) for r in run_named(baltic, "actors").rows}
    # Finland: the meeting (stated once as actor, twice as recipient), its stated intent to
    # visit Latvia and Russia's criticism
    assert got == {"Finland": (3, 2, 2), "Estonia": (1, 1, 1), "Russia": (1, 1, 0), "Latvia": (1, 0, 1)}


@pytest.mark.slow
def test_the_events_query_and_the_table_agree_on_wikinews(wikinews_store):
    with open_store(wikinews_store, create=False) as store:
        _agree(store)


def test_stats_and_pairs_count_events(baltic_path):
    data = json.loads(invoke("stats", "--store", baltic_path, "--format", "json").output)
    assert (data["events"], data["event_statements"], data["events_by_plover"]) == (
        3, 5, {"ACCUSE": 1, "AGREE": 1, "CONSULT": 1})
    res = invoke("stats", "--store", baltic_path)
    assert "Events: 3, reported by 5 asserted statements" in res.output
    res = invoke("analyze", "pairs", "--undirected", "--store", baltic_path, "--format", "json")
    assert res.exit_code == 0, res.output
    pairs = {(r["source"], r["target"]): r for r in json.loads(res.stdout)["rows"]}
    assert pairs[("EST", "FIN")]["verbal cooperation"] == 1  # three articles, one meeting
    assert "counts are events" in res.stderr


# ------------------------------------------------------------------ graph exports with time

def test_gexf_gives_each_event_edge_its_dates_for_gephis_timeline(tmp_path):
    import networkx as nx

    docs = {"a": [said("a", "Estonia met Finland.", ESTONIA, "meetsWith", FINLAND, "CONSULT", "040", date="1991-08"),
                  said("a", "Finland criticized Estonia.", FINLAND, "criticizes", ESTONIA, "ACCUSE", "111",
                       date="2019-03-05")],
            "b": [said("b", "Finland criticized Estonia.", FINLAND, "criticizes", ESTONIA, "ACCUSE", "111")]}
    with store_of(tmp_path, docs) as store:
        data = exporters.export("gexf", store)
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data
    path = tmp_path / "g.gexf"
    path.write_bytes(data)
    g = nx.read_gexf(path)
    spells = {d["predicate"]: d["spells"] for _, _, d in g.edges(data=True)}
    assert spells == {"meetsWith": [("1991-08-01", "1991-08-31")],  # known to the month: the whole month
                      "criticizes": [("2019-03-05", "2019-03-05"), ("2019-03-07", "2019-03-07")]}
    finland = next(d for _, d in g.nodes(data=True) if d["label"] == "Finland")
    assert (finland["start"], finland["end"]) == ("1991-08-01", "2019-03-07")


def test_graphml_loads_without_warnings_and_keeps_lists_as_json(baltic, tmp_path):
    import warnings

    import networkx as nx

    path = tmp_path / "g.graphml"
    path.write_bytes(exporters.export("graphml", baltic))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = nx.read_graphml(path)
    meeting = [d for _, _, d in g.edges(data=True) if d["plover"] == "CONSULT"]
    assert sorted(d["predicate"] for d in meeting) == ["holdsTalksWith", "hosts", "meetsWith"]
    for d in meeting:  # one statement each, all three the same event
        assert json.loads(d["spells"]) == [["2024-03-05", "2024-03-05"]] and d["events"] == 1
        assert len(json.loads(d["mentions"])) == 1 and json.loads(d["docs"])[0].startswith("baltic-")
    assert len({json.loads(d["mentions"])[0]["event"] for d in meeting}) == 1
    estonia = next(d for _, d in g.nodes(data=True) if d["label"] == "Estonia")
    assert json.loads(estonia["aliases"]) == ["Estonian"] and estonia["start"] == "2024-03-05"


def test_the_pandas_example_of_the_docs_runs(baltic, tmp_path, monkeypatch, capsys):
    pytest.importorskip("pandas", reason="pandas is in the test extra: pip install -e '.[test]'")
    import re

    doc = (Path(__file__).parent.parent / "docs" / "events.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", doc, re.DOTALL)
    (tmp_path / "events.csv").write_bytes(exporters.export("events", baltic))
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "docs/events.md", "exec"), {})
    out = capsys.readouterr().out
    assert "verbal cooperation" in out and "2024-03" in out
    assert "Estonia CONSULT Finland 2024-03-05 3 ['https://news.example/baltic/1'" in out


def test_the_docs_list_every_column():
    doc = (Path(__file__).parent.parent / "docs" / "events.md").read_text(encoding="utf-8")
    table = doc.split("## The columns", 1)[1].split("\n## ", 1)[0]
    for column in ev.COLUMNS:
        assert f"`{column}`" in table, column
