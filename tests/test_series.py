"""Event counts over time (kg analyze series) and their plots, on hand-made records."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from kg import series as ts
from kg.errors import QueryError
from kg.model import Entity

from .conftest import ROOT, invoke
from .helpers import ESTONIA, FINLAND, said, store_of

ARTIFACTS = Path(os.environ.get("KG_TEST_ARTIFACTS", ROOT / "output" / "test-artifacts"))
KALLAS = Entity("https://w3id.org/kg/id/person/kaja-kallas", "Kaja Kallas", "Person", country="EST")
NOWHERE = Entity("https://w3id.org/kg/id/group/the-club", "The Club", "Group")


def _records():
    """Finland–Estonia: a meeting reported twice in January, criticism both ways in March (one of
    them by Estonia's leader), a meeting known only to be in March, and a club with no country."""
    meet = said("a", "Finland and Estonia met in Moscow.", FINLAND, "meetsWith", ESTONIA, "CONSULT", "040")
    fin_est = said("a", "Finland criticized Estonia.", FINLAND, "criticizes", ESTONIA, "ACCUSE", "111")
    est_fin = said("a", "Estonia criticized Finland.", KALLAS, "criticizes", FINLAND, "ACCUSE", "111")
    return {
        "jan-1": [replace(meet, date="2019-01-10")],
        "jan-2": [replace(meet, doc="jan-2", subject=ESTONIA, object=FINLAND, date="2019-01-10")],
        "mar-1": [replace(fin_est, doc="mar-1", date="2019-03-04"), replace(est_fin, doc="mar-1", date="2019-03-05"),
                  replace(meet, doc="mar-1", date="2019-03", confidence=0.4)],
        "club": [said("club", "Estonia met Finland.", NOWHERE, "meetsWith", FINLAND, "CONSULT", "040",
                      date="2019-02-01")],
    }


@pytest.fixture
def store(tmp_path):
    with store_of(tmp_path, _records(), date="2019-04-01") as s:
        yield s


def test_monthly_counts_by_quad_class_with_goldstein(store):
    s = ts.series(store, by="month", level="country", pair=("FIN", "EST"))
    rows = {r["period"]: r for r in s.report.rows}
    assert list(rows) == ["2019-01", "2019-02", "2019-03"]  # the store's span; February had none for the pair
    jan, feb, mar = rows.values()
    assert (jan["a"], jan["b"], jan["events"], jan["verbal cooperation"]) == ("EST", "FIN", 1, 1)  # two reports
    assert feb["events"] == 0 and feb["goldstein_mean"] is None
    assert (mar["events"], mar["verbal conflict"], mar["verbal cooperation"]) == (3, 2, 1)
    assert mar["goldstein_sum"] == pytest.approx(2 * -2.0 + 1.0) and mar["goldstein_mean"] == pytest.approx(-1.0)


def test_a_date_known_to_the_month_is_not_placed_on_a_day(store):
    s = ts.series(store, by="day", level="country", pair=("Finland", "Estonia"))  # names work too
    assert sum(r["events"] for r in s.report.rows) == 3
    assert any("1 events dated less precisely than a day" in n for n in s.report.notes)
    assert [r["period"] for r in s.report.rows if r["events"]] == ["2019-01-10", "2019-03-04", "2019-03-05"]
    assert len(s.report.rows) == 22 + 28 + 5  # 10 January to 5 March, every day


def test_entity_level_directed_and_plover(store):
    undirected = ts.series(store, by="year", pair=("Finland", "Estonia"))
    assert [(r["a"], r["b"], r["events"]) for r in undirected.report.rows] == [("Estonia", "Finland", 3)]
    directed = ts.series(store, by="year", directed=True, plover=("verbal-conflict",))
    assert sorted((r["a"], r["b"], r["events"]) for r in directed.report.rows) == [
        ("Finland", "Estonia", 1), ("Kaja Kallas", "Finland", 1)]
    assert any("PLOVER: verbal conflict" in n for n in directed.report.notes)


def test_country_level_leaves_out_actors_without_a_country_and_says_so(store):
    s = ts.series(store, by="month", level="country")
    assert sum(r["events"] for r in s.report.rows) == 4
    assert any("1 events with an actor or recipient of no known country" in n for n in s.report.notes)
    assert [t["events"] for t in s.totals] == [1, 0, 3]


@pytest.mark.parametrize("kw, message", [
    ({"by": "fortnight"}, "unknown period"),
    ({"level": "region"}, "unknown level"),
    ({"pair": ("Finland", "Atlantis")}, "no entity called 'Atlantis'"),
    ({"level": "country", "pair": ("The Club", "FIN")}, "'The Club' has no country"),
    ({"plover": ("static",)}, "static relations are not events"),
])
def test_bad_requests_say_what_to_do(store, kw, message):
    with pytest.raises(QueryError, match=message):
        ts.series(store, **kw)


# ------------------------------------------------------------------ plots, opened and read back

def test_the_png_plot_draws_a_line_per_quad_class(store):
    image = pytest.importorskip("matplotlib.image", reason="matplotlib is the plot extra: pip install -e '.[plot]'")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ts.plot(ts.series(store, by="month", level="country"), ARTIFACTS / "series-counts.png")
    pixels = (image.imread(path)[:, :, :3] * 255).round().astype(int)
    assert pixels.shape[0] > 400 and pixels.shape[1] > 900
    colours = {tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in ts.QUAD_COLOUR.values()}
    # Material cooperation is zero throughout, under material conflict's line: its legend key
    # alone (some 50 pixels of its colour) shows it; the other lines take hundreds.
    seen = {c: int(((pixels == c).all(axis=2)).sum()) for c in colours}
    assert all(n > 20 for n in seen.values()), seen
    assert sorted(seen.values())[1] > 300, seen


def test_the_svg_plot_has_its_lines_labels_and_title(store):
    pytest.importorskip("matplotlib", reason="matplotlib is the plot extra: pip install -e '.[plot]'")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    s = ts.series(store, by="month", level="country", pair=("FIN", "EST"))
    counts = ts.plot(s, ARTIFACTS / "series-counts.svg")
    mean = ts.plot(s, ARTIFACTS / "series-goldstein.svg", measure="goldstein")
    svg = "{http://www.w3.org/2000/svg}"
    for path, ids, labels in [
        (counts, {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"},
         {"events", "month", "verbal cooperation", "material conflict"}),
        (mean, {"goldstein-mean"}, {"month", "mean Goldstein weight (−10 conflict … +10 cooperation)"}),
    ]:
        root = ET.parse(path).getroot()
        groups = {g.get("id") for g in root.iter(svg + "g")}
        assert ids <= groups
        for gid in ids:  # each line is a drawn path, not an empty group
            g = next(g for g in root.iter(svg + "g") if g.get("id") == gid)
            assert any(len(p.get("d", "")) > 20 for p in g.iter(svg + "path"))
        texts = {"".join(t.itertext()).strip() for t in root.iter(svg + "text")}
        assert labels <= texts
        assert any(t.startswith("FIN – EST:") for t in texts)  # the title says what was counted
        assert any("each counted once however many articles report it" in t for t in texts)


def test_plot_refuses_other_file_types(store):
    with pytest.raises(QueryError, match=r"\.png or \.svg"):
        ts.plot(ts.series(store), "series.pdf")


def test_cli_series(store, tmp_path):
    store.close()
    png = tmp_path / "fin-est.png"
    res = invoke("analyze", "series", "--store", tmp_path / "store", "--level", "country", "--pair", "FIN", "EST",
                 "--plot", png, "--format", "csv")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == ",".join(ts.COLUMNS) and len(lines) == 4 and png.stat().st_size > 10_000
    assert "Note: one count per real event" in res.stderr
    res = invoke("analyze", "series", "--store", tmp_path / "store", "--format", "json")
    assert res.exit_code == 0 and '"totals"' in res.stdout
    res = invoke("analyze", "series", "--store", tmp_path / "store", "--pair", "Finland", "Nope")
    assert res.exit_code == 1 and "Error: no entity called 'Nope'" in res.output


def test_the_series_module_does_not_load_matplotlib_until_it_plots():
    import subprocess
    import sys

    code = "import sys, kg.series, kg.events; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
