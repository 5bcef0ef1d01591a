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
def wait_until(page, predicate: str, arg=None, timeout: float = 30) -> None:
    """Poll a JavaScript function until it returns true. Not Playwright's wait_for_function:
    it may evaluate a string inside the page, which kg's page forbids in its
    Content-Security-Policy (no 'unsafe-eval'): it failed with an EvalError on the Wikinews
    country overview. page.evaluate is not subject to the page's policy."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {predicate}")
        page.wait_for_timeout(50)


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
        wait_until(self.page, "() => window.kgGraph && window.kgGraph.rendered === true", timeout=60)

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
        wait_until(self.page, """(t) => { const e = document.querySelector("div.vis-tooltip");
                        return e && e.style.visibility !== "hidden" && e.textContent.includes(t); }""",
                   arg=expect, timeout=10)
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
    wait_until(page, "() => document.querySelector('#details .head').textContent === 'Chrystia Freeland'")
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
    wait_until(page, "() => document.querySelector('#details .head').textContent === 'Justin Trudeau'")
    view.check_clean()
    page.close()


# Where everything is on screen in an overview: the canvas, the nodes' extent, and the box of
# each always-shown label as drawn (vis-network's own label geometry, in screen pixels).
_GEOMETRY = """() => {
  const net = kgGraph.network, canvas = document.querySelector("#graph canvas").getBoundingClientRect();
  const scale = net.getScale(), all = net.getPositions(), xs = [], ys = [], labels = [];
  let hidden = 0, shown = 0;
  for (const id of net.body.nodeIndices) {
    const p = net.canvasToDOM(all[id]), node = net.body.nodes[id], kg = node.options.kg;
    xs.push(p.x); ys.push(p.y);
    const lm = node.labelModule;
    if (kg.always) {
      const a = net.canvasToDOM({x: lm.size.left, y: lm.size.top});
      labels.push({label: node.options.label, px: lm.fontOptions.size * scale, visible: lm.visible(),
                   x0: a.x, y0: a.y, x1: a.x + lm.size.width * scale, y1: a.y + lm.size.height * scale});
    } else if (lm.visible()) { shown++; } else { hidden++; }
  }
  return {width: canvas.width, height: canvas.height, scale: scale, labels: labels, otherShown: shown,
          otherHidden: hidden, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys)};
}"""


def _overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [(a["label"], b["label"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a["x0"] + 1 < b["x1"] and b["x0"] + 1 < a["x1"] and a["y0"] + 1 < b["y1"] and b["y0"] + 1 < a["y1"]]


@pytest.mark.slow
def test_the_wikinews_overview_is_readable(browser, wikinews_store, tmp_path):
    """kg viz on the whole Wikinews 2019 corpus: its largest connected part fills the canvas,
    the best-connected entities' labels are drawn at a readable size without overlapping, and
    keep that size zoomed out or in, and the other labels wait for the reader to zoom in."""
    out = tmp_path / "wikinews.html"
    _viz(wikinews_store, out)
    html = out.read_text(encoding="utf-8")
    assert "showing the largest connected part" in html and "smaller groups" in html
    view = Opened(browser, out)
    page = view.page
    page.wait_for_timeout(300)  # the labels are resized after the first frame
    geo = page.evaluate(_GEOMETRY)
    labels = geo["labels"]
    assert len(labels) == 25 and all(lb["visible"] for lb in labels)
    small = [(lb["label"], round(lb["px"], 1)) for lb in labels if lb["px"] < 13.5]
    assert small == [], "every always-shown label is at least 14 px on screen"
    assert _overlapping(labels) == []
    # no hairball in a corner: the drawing spans the canvas and sits in its middle
    span_x, span_y = (geo["x1"] - geo["x0"]) / geo["width"], (geo["y1"] - geo["y0"]) / geo["height"]
    assert span_x > 0.7 and span_y > 0.7, (span_x, span_y)
    # (positions are the canvas's own pixels: vis-network's canvasToDOM)
    middle_x, middle_y = (geo["x0"] + geo["x1"]) / 2 / geo["width"], (geo["y0"] + geo["y1"]) / 2 / geo["height"]
    assert abs(middle_x - 0.5) < 0.1 and abs(middle_y - 0.5) < 0.1, (middle_x, middle_y)
    assert geo["otherShown"] == 0 and geo["otherHidden"] > 150, "the small labels wait for a zoom"
    view.screenshot("wikinews-overview.png")

    # Zoomed out, the main labels keep their size; zoomed in, the others appear.
    canvas = page.locator("#graph canvas").bounding_box()
    page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
    for _ in range(4):  # each wheel step zooms by a tenth
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    page.wait_for_timeout(200)
    out_geo = page.evaluate(_GEOMETRY)
    assert out_geo["scale"] < geo["scale"] * 0.8
    assert min(lb["px"] for lb in out_geo["labels"]) > 13.5
    for _ in range(16):
        page.mouse.wheel(0, -600)
        page.wait_for_timeout(50)
    page.wait_for_timeout(200)
    in_geo = page.evaluate(_GEOMETRY)
    assert in_geo["scale"] > geo["scale"] * 2 and in_geo["otherShown"] > 0
    assert max(lb["px"] for lb in in_geo["labels"]) < 19, "zoomed in, the main labels do not balloon"
    view.screenshot("wikinews-overview-zoomed-in.png")
    view.check_clean()
    page.close()

    countries = tmp_path / "countries.html"
    _viz(wikinews_store, countries, "--level", "country")
    view = Opened(browser, countries)
    assert view.page.evaluate("kgGraph.drawn.nodes") >= 10
    view.page.wait_for_timeout(500)
    view.screenshot("wikinews-countries.png")
    view.check_clean()
    view.page.close()
