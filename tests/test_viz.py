"""kg viz without a browser: what the page carries, how it is styled, capped, laid out and escaped.

tests/test_browser.py opens the pages in headless chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from kg import visualize as viz

from .conftest import invoke
from .helpers import ID, page_data


@pytest.fixture(scope="module")
def world(world_path):
    from kg.netgraph import to_networkx
    from kg.store import open_store

    with open_store(world_path, create=False) as store:
        return to_networkx(store)


def by_label(data):
    return {n["label"]: n for n in data["nodes"]}


def edge(data, src, dst, predicate=None):
    nodes = by_label(data)
    hits = [e for e in data["edges"] if e["from"] == nodes[src]["id"] and e["to"] == nodes[dst]["id"]
            and (predicate is None or predicate in [r["predicate"] for r in e["kg"]["relations"]])]
    assert len(hits) == 1, hits
    return hits[0]


def test_nodes_are_styled_by_type_and_carry_their_hover_data(world):
    page = viz.render_page(world)
    data = page_data(page.html)
    assert page.nodes == len(data["nodes"]) == 10 and page.edges == len(data["edges"]) == 10
    for n in data["nodes"]:
        colour, shape = viz.TYPE_STYLE[n["kg"]["type"]]
        assert (n["color"]["background"], n["color"]["highlight"]["background"], n["shape"]) == (colour, colour, shape)
    anna = by_label(data)["Anna Berg"]["kg"]
    assert anna["aliases"] == ["Berg"] and anna["wikidata"] == "Q90001"
    assert anna["url"] == "https://www.wikidata.org/wiki/Q90001" and anna["country"] == "DEU"
    assert by_label(data)["Lee Min"]["kg"]["url"] is None


def test_edges_are_labelled_and_coloured_by_quad_class(world):
    data = page_data(viz.render_html(world))
    praise = edge(data, "France", "Italy")
    # two statements in one article, one day: one event, and the label counts events
    assert praise["label"] == "praises" and praise["color"]["color"] == viz.QUAD_COLOUR["verbal cooperation"]
    assert not praise["dashes"]
    rel = praise["kg"]["relations"][0]
    assert (rel["plover"], rel["quad"], rel["count"], rel["events"]) == ("SUPPORT", "verbal cooperation", 2, 1)
    twice = edge(data, "Germany", "Russia", "criticizes")  # criticised on two days: two events
    assert twice["label"] == "criticizes ×2" and twice["kg"]["relations"][0]["events"] == 2
    assert rel["evidence"][0] == {"sentence": "Sentence 3 of d1: France praises Italy.", "doc": "d1",
                                  "title": "Spring talks", "date": "2019-03-04"}
    attack = edge(data, "Russia", "Ukraine", "attacks")
    assert attack["color"]["color"] == viz.QUAD_COLOUR["material conflict"] and attack["label"] == "attacks"
    static = edge(data, "Anna Berg", "Germany")
    assert static["dashes"] and static["color"]["color"] == viz.QUAD_COLOUR[None]


def test_legend_shows_the_types_and_classes_present(world):
    html = viz.render_html(world)
    legend = re.search(r'<div id="legend">(.*?)</div>', html, re.DOTALL).group(1)
    text = re.sub(r"<[^>]+>", " ", legend)
    for key in ("Country 5", "Person 4", "City 1", "verbal cooperation", "verbal conflict", "material conflict",
                "static relation", "size: relations"):
        assert key in text, key
    assert "Organization" not in text and "material cooperation" not in text
    assert legend.count("<svg") == 3 + 4  # the entity types and the edge classes present


def test_size_shows_degree_or_pagerank(world):
    sizes = {n["label"]: n["size"] for n in page_data(viz.render_html(world))["nodes"]}
    assert sizes["Russia"] == max(sizes.values()) and sizes["Berlin"] < sizes["Germany"]
    data = page_data(viz.render_html(world, size_by="pagerank"))
    pr = {n["label"]: (n["size"], n["kg"]["importance"]) for n in data["nodes"]}
    assert all(n["kg"]["size_by"] == "pagerank" for n in data["nodes"])
    assert sorted(pr, key=lambda k: pr[k][0]) == sorted(pr, key=lambda k: pr[k][1])
    assert "size: PageRank" in viz.render_html(world, size_by="pagerank")


def test_parallel_edges_are_drawn_apart_or_merged_with_a_count(world):
    data = page_data(viz.render_html(world))
    nodes = by_label(data)
    deu, rus = nodes["Germany"]["id"], nodes["Russia"]["id"]
    between = [e for e in data["edges"] if {e["from"], e["to"]} == {deu, rus}]
    assert len(between) == 3  # criticizes and agreesWith one way, criticizes back
    assert len({json.dumps(e["smooth"], sort_keys=True) for e in between}) == 3, "no two drawn on top of each other"
    merged = page_data(viz.render_html(world, merge_edges=True))
    between = [e for e in merged["edges"] if {e["from"], e["to"]} == {deu, rus}]
    assert len(between) == 2
    out = next(e for e in between if e["from"] == deu)
    assert sorted(r["predicate"] for r in out["kg"]["relations"]) == ["agreesWith", "criticizes"]
    assert out["label"] == "criticizes 2 · agreesWith 1"  # a count per relation type, the biggest first
    assert out["color"]["color"] == viz.QUAD_COLOUR["verbal conflict"]  # the larger share of the events
    assert len(merged["edges"]) == 8  # Russia threatens and attacks Ukraine: merged as well


def _star_forest(n_hubs=4, leaves=12):
    g = nx.MultiDiGraph()
    for h in range(n_hubs):
        hub = f"hub{h}"
        g.add_node(hub, label=f"Hub {h}", type="Country", aliases=[], wikidata=None, country=None)
        for i in range(leaves + h):  # later hubs have more leaves
            leaf = f"leaf{h}-{i}"
            g.add_node(leaf, label=f"Leaf {h}-{i}", type="Person" if i % 2 else "City", aliases=[], wikidata=None,
                       country=None)
            g.add_edge(leaf, hub, key="visits", predicate="visits", plover="CONSULT", quad="verbal cooperation",
                       count=1, evidence=[(f"Leaf {h}-{i} visits hub {h}.", "doc")], confidence=0.9)
    g.add_node("lonely", label="Lonely", type="Person", aliases=[], wikidata=None, country=None)
    return g


def test_past_the_cap_the_most_important_part_is_kept_and_the_page_says_what_was_left_out():
    g = _star_forest()
    page = viz.render_page(g, max_nodes=20, overview=False)
    data = page_data(page.html)
    labels = {n["label"] for n in data["nodes"]}
    assert {"Hub 0", "Hub 1", "Hub 2", "Hub 3"} <= labels and len(labels) == 20
    drawn = {n["id"] for n in data["nodes"]}
    touched = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    assert touched == drawn, "every entity on the page has a relation there"
    total = g.number_of_nodes() - 1  # "Lonely" has no relation
    assert page.left_out_nodes == total - 20 and page.left_out_edges == g.number_of_edges() - len(data["edges"])
    note = next(n for n in page.notes if n.startswith("showing"))
    assert f"showing the 20 most important of {total} entities (by number of relations)" in note
    assert f"left out: {total - 20} entities (City 19, Person 19) and {page.left_out_edges} relations" in note
    assert "raise --max-nodes" in page.html
    assert "1 entity without relations is not drawn" in page.html
    assert f"20 entities, {len(data['edges'])} relations (of {total} and {g.number_of_edges()})" in page.html
    # A cap too small for every hub: the biggest hubs come first, each with a neighbour.
    data = page_data(viz.render_html(g, max_nodes=5, overview=False))
    labels = {n["label"] for n in data["nodes"]}
    assert {"Hub 3", "Hub 2"} <= labels and len(labels) == 5 and len(data["edges"]) == 3


def test_big_graphs_get_a_precomputed_layout_with_physics_off(monkeypatch):
    g = _star_forest()
    monkeypatch.setattr(viz, "LAYOUT_OVER", 10)
    monkeypatch.setattr(viz, "SMALL_GRAPH", 1000)  # not an overview: tests/test_overview.py has those
    page = viz.render_page(g)
    data = page_data(page.html)
    assert data["options"]["physics"]["enabled"] is False and data["options"]["layout"]["improvedLayout"] is False
    assert all(isinstance(n.get("x"), float) and isinstance(n.get("y"), float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    assert 'id="physics" type="checkbox">' in page.html  # unticked
    assert any("layout precomputed; physics off" in n for n in page.notes)
    forced = page_data(viz.render_html(g, physics=True))
    assert forced["options"]["physics"]["enabled"] is True and "x" in forced["nodes"][0]
    monkeypatch.setattr(viz, "LAYOUT_OVER", 1000)
    small = page_data(viz.render_html(g))
    assert small["options"]["physics"]["enabled"] is True and "x" not in small["nodes"][0]
    off = page_data(viz.render_html(g, physics=False))
    assert off["options"]["physics"]["enabled"] is False and "x" in off["nodes"][0], "physics off needs positions"


def test_layout_packs_components_apart():
    g = _star_forest()
    g.add_edge("a", "b", key="meetsWith", predicate="meetsWith", count=1)
    pos = viz.layout(g)
    comps = list(nx.connected_components(g.to_undirected()))
    boxes = []
    for c in comps:
        xs, ys = [pos[n][0] for n in c], [pos[n][1] for n in c]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "components overlap"


def test_focus_marks_the_centre(world):
    from kg.netgraph import ego_graph

    sub = ego_graph(world, "Russia", 1)
    page = viz.render_page(sub)
    data = page_data(page.html)
    assert {n["label"] for n in data["nodes"]} == {"Russia", "Germany", "Ukraine"}
    russia = by_label(data)["Russia"]
    assert data["focus"] == ID + "rus" and russia["borderWidth"] == 4 and russia["color"]["border"] == "#111111"
    assert page.notes[0] == "around Russia (depth 1)"


def test_page_is_offline_and_runs_only_its_own_scripts(world):
    html = viz.render_html(world)
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.DOTALL)
    markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.DOTALL)
    assert not re.search(r"\b(src|href|srcset|action|poster)\s*=", markup, re.IGNORECASE), "nothing linked"
    assert "@import" not in html and "url(http" not in html and "@font-face" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
    assert set(script_src) == hashes, "only the page's two scripts may run: no inline handlers, no unsafe-inline"
    assert "default-src 'none'" in csp and "connect-src" not in csp


def test_article_text_cannot_become_markup():
    evil = '</script><script>alert(1)</script><img src=x onerror="alert(2)"> & \u2028'
    g = nx.MultiDiGraph()
    g.add_node("a", label="A " + evil, type="Person", aliases=[evil], wikidata="Q1", country=None)
    g.add_node("b", label="B", type='Country"><b>', aliases=[], wikidata="javascript:alert(3)", country=None)
    g.add_edge("a", "b", key="visits", predicate="visits", plover=None, quad=None, count=1, confidence=0.9,
               evidence=[(evil, "doc<1>")],
               mentions=[{"sentence": evil, "doc": "doc<1>", "title": evil, "date": None, "confidence": 0.9}])
    html = viz.render_html(g, title="T " + evil)
    body = html.split('<script type="application/json"', 1)[0]
    assert "<img" not in html and "alert(1)</script>" not in html
    assert "<title>T &lt;/script&gt;&lt;script&gt;alert(1)" in body
    assert "Country&quot;&gt;&lt;b&gt;" in body  # an unknown type in the legend, escaped
    data = page_data(html)
    a = by_label(data)["A " + evil]
    assert a["kg"]["aliases"] == [evil]
    assert by_label(data)["B"]["kg"]["url"] is None, "only a QID becomes a link"
    ev = data["edges"][0]["kg"]["relations"][0]["evidence"][0]
    assert ev == {"sentence": evil, "doc": "doc<1>", "title": evil, "date": None}
    assert "innerHTML" not in viz._APP and "insertAdjacentHTML" not in viz._APP and "eval(" not in viz._APP


# ------------------------------------------------------------------ the command

@pytest.mark.parametrize("args,labels", [
    (["--focus", "Duval", "--depth", "1"], {"Marc Duval", "Anna Berg", "Berlin"}),
    (["--focus", "Q159", "--depth", "2"], {"Russia", "Germany", "Ukraine", "Anna Berg"}),
    (["--relation", "criticizes", "--relation", "attacks"], {"Germany", "Russia", "Ukraine"}),
    (["--plover", "static"], {"Anna Berg", "Germany"}),
    (["--entity-type", "Person"], {"Anna Berg", "Marc Duval", "Lee Min", "Lee Sun"}),
    (["--since", "2019-10-01", "--until", "2019-12-31"], {"Russia", "Ukraine", "Germany", "Marc Duval", "Berlin"}),
    (["--doc", "d4"], {"Russia", "Germany", "Lee Min", "Lee Sun"}),
    (["--min-confidence", "0.85", "--plover", "CONSULT"], {"Anna Berg", "Marc Duval", "Berlin", "Lee Min", "Lee Sun"}),
])
def test_viz_options(world_path, tmp_path, args, labels):
    out = tmp_path / "g.html"
    res = invoke("viz", "--store", world_path, "-o", out, *args)
    assert res.exit_code == 0, res.output
    data = page_data(out.read_text())
    assert {n["label"] for n in data["nodes"]} == labels
    assert res.stdout.startswith(f"Wrote {out} ({len(labels)} entities")


def test_viz_layout_options(world_path, tmp_path):
    out = tmp_path / "g.html"
    res = invoke("viz", "--store", world_path, "-o", out, "--merge-edges", "--no-physics", "--size-by", "pagerank",
               "--max-nodes", "3", "--title", "Three")
    assert res.exit_code == 0
    assert "connections" in res.stdout and "left out" in res.stdout
    data = page_data(out.read_text())
    assert len(data["nodes"]) == 3 and data["options"]["physics"]["enabled"] is False
    assert all("x" in n for n in data["nodes"]) and "<title>Three</title>" in out.read_text()


def test_viz_of_nothing_says_so(world_path, tmp_path):
    out = tmp_path / "g.html"
    res = invoke("viz", "--store", world_path, "-o", out, "--plover", "AID")
    assert res.exit_code == 0 and "(0 entities, 0 relations)" in res.stdout
    assert "nothing to draw: no relations pass the filters" in out.read_text()
    res = invoke("viz", "--store", world_path, "-o", out, "--plover", "AID", "--focus", "Russia")
    assert res.exit_code == 1 and "(the filters may have left it out: PLOVER: AID)" in res.output


def test_viz_errors(world_path, tmp_path):
    res = invoke("viz", "--store", world_path, "-o", tmp_path / "g.html", "--focus", "Atlantis")
    assert res.exit_code == 1 and "Error: no entity called 'Atlantis'" in res.output
    assert not (tmp_path / "g.html").exists()
    res = invoke("viz", "--store", world_path, "-o", tmp_path / "g.html", "--plover", "war")
    assert res.exit_code == 1 and "Error: unknown PLOVER type or class 'war'" in res.output
