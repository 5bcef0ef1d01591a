"""kg viz pages in a real browser: Debian's chromium, headless, with networking disabled.

Playwright drives the system's chromium (no browser is downloaded). The tests skip, saying
why, only when chromium or playwright is missing; .ci/run installs chromium and the test
extra installs playwright. Screenshots are kept in output/test-artifacts/ (or the folder
named by KG_TEST_ARTIFACTS).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from .conftest import ROOT, invoke

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("KG_TEST_ARTIFACTS", ROOT / "output" / "test-artifacts"))
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    # No network at all: every host resolves to nothing and any proxied request goes nowhere.
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
]

# Where a node or the middle of a straight edge is on screen, checked with vis-network's own
# hit test so that the mouse really lands on it.
_NODE_XY = """(label) => {
  const net = kgGraph.network, box = document.getElementById("graph").getBoundingClientRect();
  const node = net.body.data.nodes.get().find(n => n.label === label);
  const p = net.canvasToDOM(net.getPositions([node.id])[node.id]);
  return [p.x + box.left, p.y + box.top];
}"""
_EDGE_XY = """() => {
  const net = kgGraph.network, box = document.getElementById("graph").getBoundingClientRect();
  for (const e of net.body.data.edges.get()) {
    if (e.smooth && e.smooth.enabled) continue;
    const a = net.getPositions([e.from, e.to]);
    const p = net.canvasToDOM({x: (a[e.from].x + a[e.to].x) / 2, y: (a[e.from].y + a[e.to].y) / 2});
    if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === e.id) return [e.id, p.x + box.left, p.y + box.top];
  }
  return null;
}"""
_PAINTED = """() => {
  const c = document.querySelector("#graph canvas"), d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM:
        pytest.skip("chromium is not installed: apt-get install chromium (.ci/run does), or set KG_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed: pip install -e '.[test]'")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, empty user data dir
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS, offline=True,
            viewport={"width": 1280, "height": 800}, service_workers="block")
        yield ctx
        ctx.close()


class Opened:
    """A page opened offline, with everything it logged, requested or was refused."""

    def __init__(self, ctx, path: Path):
        self.page = ctx.new_page()
        self.console, self.errors, self.requests, self.dialogs = [], [], [], []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.kgGraph && window.kgGraph.rendered === true", timeout=60_000)

    def check_clean(self):
        """No console error or warning, no script error, nothing fetched, nothing refused."""
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.errors == []
        assert self.requests == [self.url], "the page asked for nothing but itself"
        assert self.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)") == []
        assert self.page.evaluate("window.__csp") == []
        assert self.dialogs == []

    def tooltip_after_hover(self, x: float, y: float, expect: str) -> str:
        self.page.mouse.move(x + 3, y + 3)
        self.page.mouse.move(x, y)
        self.page.wait_for_function(
            """(t) => { const e = document.querySelector("div.vis-tooltip");
                        return e && e.style.visibility !== "hidden" && e.textContent.includes(t); }""",
            arg=expect, timeout=10_000)
        return self.page.inner_text("div.vis-tooltip")

    def hover_node(self, label: str) -> str:
        x, y = self.page.evaluate(_NODE_XY, label)
        return self.tooltip_after_hover(x, y, label)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        out = ARTIFACTS / name
        self.page.screenshot(path=str(out))
        assert out.stat().st_size > 10_000 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        print(f"screenshot: {out}")
        return out


def _viz(store, out: Path, *args) -> None:
    res = invoke("viz", "--store", store, "-o", out, *args)
    assert res.exit_code == 0, res.output


def test_example_page_renders_offline_with_its_data(browser, example_store, tmp_path):
    from kg.netgraph import to_networkx
    from kg.store import open_store

    with open_store(example_store, create=False) as store:
        g = to_networkx(store)
    expected_nodes = sum(1 for _, d in g.degree() if d > 0)
    expected_edges = g.number_of_edges()
    assert expected_nodes >= 8 and expected_edges >= 8, "the example build has a graph worth drawing"
    out = tmp_path / "graph.html"
    _viz(example_store, out)

    view = Opened(browser, out)
    page = view.page
    state = page.evaluate("({nodes: kgGraph.nodes, edges: kgGraph.edges, drawn: kgGraph.drawn,"
                          " body: document.body.dataset.rendered})")
    assert state == {"nodes": expected_nodes, "edges": expected_edges,
                     "drawn": {"nodes": expected_nodes, "edges": expected_edges},
                     "body": f"{expected_nodes} {expected_edges}"}
    assert page.evaluate(_PAINTED) > 2_000, "the canvas has a drawing on it"
    assert page.inner_text("#summary") == f"{expected_nodes} entities, {expected_edges} relations"
    view.screenshot("example-graph.png")

    # Hover a node: its aliases and Wikidata link.
    tip = view.hover_node("Justin Trudeau")
    assert "Type: Person" in tip and "Also called: Trudeau" in tip
    assert "Wikidata: Q3099714 — https://www.wikidata.org/wiki/Q3099714" in tip
    # Hover an edge: the sentences behind it and their documents.
    edge_id, x, y = page.evaluate(_EDGE_XY)
    edge = page.evaluate("(id) => { const e = kgGraph.network.body.data.edges.get(id); return e.kg; }", edge_id)
    sentence = edge["relations"][0]["evidence"][0]["sentence"]
    tip = view.tooltip_after_hover(x, y, f"{edge['from']} → {edge['to']}")
    assert sentence in tip and "state-visit" in tip
    assert edge["relations"][0]["predicate"] in tip
    view.screenshot("example-graph-hover-edge.png")
    # Click the node: the details panel links to Wikidata.
    page.mouse.click(*page.evaluate(_NODE_XY, "Justin Trudeau"))
    link = page.locator("#details a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q3099714"
    assert link.get_attribute("rel") == "noopener noreferrer"
    # Find an entity by an alias-free part of its name.
    page.fill("#find", "freeland")
    page.press("#find", "Enter")
    page.wait_for_function("document.querySelector('#details .head').textContent === 'Chrystia Freeland'")
    view.check_clean()
    page.close()


def test_markup_in_names_and_sentences_stays_text(browser, tmp_path):
    from kg.pipeline import build, load_gazetteer
    from kg.store import open_store

    gazetteer = tmp_path / "actors.csv"
    gazetteer.write_text('name,aliases,type\n"Zorgon <script>window.kgPwned=1</script> Front",'
                         '"Zorgon Front|<img src=x onerror=""window.kgPwned=2"">",Group\n', encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({
        "id": "xss", "date": "2019-05-01", "title": "<script>window.kgPwned=3</script> headline",
        "text": "The Zorgon Front criticized Germany over the border closure <img src=x onerror=\"window.kgPwned=4\">."
                "\n\nGermany condemned the Zorgon Front for the attack.",
    }) + "\n", encoding="utf-8")
    store_path = tmp_path / "store"
    with open_store(store_path) as store:
        build([corpus], store, gazetteer=load_gazetteer([gazetteer]))
    label = "Zorgon <script>window.kgPwned=1</script> Front"
    out = tmp_path / "evil.html"
    _viz(store_path, out, "--title", "<b>kg</b><img src=x onerror=alert(5)>")
    html = out.read_text(encoding="utf-8")
    assert "Zorgon" in html, "the extractor found the gazetteer's actor"

    view = Opened(browser, out)
    page = view.page
    assert page.title() == "<b>kg</b><img src=x onerror=alert(5)>"
    assert page.inner_text("h1") == "<b>kg</b><img src=x onerror=alert(5)>"
    tip = view.hover_node(label)
    assert label in tip and '<img src=x onerror="window.kgPwned=2">' in tip
    assert page.eval_on_selector("div.vis-tooltip", "e => e.querySelectorAll('img, script, b').length") == 0
    # The edge's evidence: the sentence with its <img> and the title with its <script>, as text.
    found = page.evaluate("""() => kgGraph.network.body.data.edges.get().map(e => e.id)""")
    texts = []
    for edge_id in found:
        page.evaluate("(id) => kgGraph.network.selectEdges([id])", edge_id)
        page.evaluate("""(id) => kgGraph.network.emit("click", {nodes: [], edges: [id]})""", edge_id)
        texts.append(page.inner_text("#details"))
    details = "\n".join(texts)
    assert 'over the border closure <img src=x onerror="window.kgPwned=4">' in details
    assert "<script>window.kgPwned=3</script> headline" in details
    assert page.eval_on_selector("#details", "e => e.querySelectorAll('img, script').length") == 0
    assert label in page.evaluate("[...document.querySelectorAll('#names option')].map(o => o.value)")
    # Nothing ran: no flag set, no dialog, no element made from the text.
    assert page.evaluate("window.kgPwned") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # the data block, vis-network, the page's own
    view.screenshot("markup-as-text.png")
    view.check_clean()
    page.close()


def _synthetic(n: int):
    """A connected graph of ``n`` entities shaped like a news graph (a few hubs, many leaves)."""
    import random

    import networkx as nx

    from kg.netgraph import QUAD_CLASS

    rnd = random.Random(7)
    base = nx.powerlaw_cluster_graph(n, 2, 0.1, seed=7)
    g = nx.MultiDiGraph()
    for i in base:
        g.add_node(f"n{i}", label=f"Entity {i}", type=rnd.choice(["Person", "Person", "Country", "City"]),
                   wikidata=f"Q{i + 1}", country=None, aliases=[])
    plovers = [*QUAD_CLASS, None, None, None]
    for u, v in base.edges():
        p = rnd.choice(plovers)
        pred = "relatesTo" if p is None else p.lower()
        g.add_edge(f"n{u}", f"n{v}", key=pred, predicate=pred, plover=p, quad=QUAD_CLASS.get(p), count=1,
                   confidence=0.9, evidence=[(f"Entity {u} and Entity {v}.", "synthetic")])
    return g


@pytest.mark.slow
def test_a_2000_entity_page_opens_with_its_precomputed_layout(browser, tmp_path):
    from kg.visualize import write_page

    g = _synthetic(2_100)
    started = time.perf_counter()
    page_info = write_page(g, tmp_path / "big.html")
    built = time.perf_counter() - started
    assert (page_info.nodes, page_info.edges, page_info.left_out_nodes) == (2_100, g.number_of_edges(), 0)
    html = (tmp_path / "big.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.DOTALL).group(1))
    first = data["nodes"][0]

    started = time.perf_counter()
    view = Opened(browser, tmp_path / "big.html")
    opened = time.perf_counter() - started
    page = view.page
    assert page.evaluate("kgGraph.drawn") == {"nodes": 2_100, "edges": g.number_of_edges()}
    assert page.evaluate("kgGraph.network.physics.physicsEnabled") is False
    pos = page.evaluate("(id) => kgGraph.network.getPositions([id])[id]", first["id"])
    # vis-network reports whole pixels; physics would have moved the node much further.
    assert abs(pos["x"] - first["x"]) <= 1 and abs(pos["y"] - first["y"]) <= 1, "the layout is the precomputed one"
    frame_ms = page.evaluate("""() => { const n = kgGraph.network, t = performance.now();
                                for (let i = 0; i < 5; i++) n.redraw(); return (performance.now() - t) / 5; }""")
    print(f"2,100 entities: page built in {built:.1f} s, opened in {opened:.1f} s, {frame_ms:.0f} ms a frame "
          "(headless, software rendering)")
    view.screenshot("large-graph.png")
    view.check_clean()
    page.close()


def test_the_find_box_takes_any_word(browser, example_store, tmp_path):
    """Names are looked up in a Map: words that name Object's own properties find nothing, quietly
    (issue 15, item 18: "constructor" and "__proto__" threw)."""
    out = tmp_path / "graph.html"
    _viz(example_store, out)
    view = Opened(browser, out)
    page = view.page
    for word in ("constructor", "__proto__", "hasOwnProperty", "toString", "prototype", "valueOf"):
        page.fill("#find", word)
        page.press("#find", "Enter")
        assert page.evaluate("document.getElementById('find').validationMessage") == "No entity by that name", word
        assert page.evaluate(f"kgGraph.find({json.dumps(word)})") is False
    page.fill("#find", "justin trudeau")  # and a real name is still found
    page.press("#find", "Enter")
    page.wait_for_function("document.querySelector('#details .head').textContent === 'Justin Trudeau'")
    view.check_clean()
    page.close()
