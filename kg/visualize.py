"""The graph as a self-contained interactive HTML page (pyvis / vis-network).

The page works offline: vis-network's script and style are inlined from the copy pyvis
ships, nothing is linked, and a Content-Security-Policy lets the page run only its own two
scripts (by hash) and fetch nothing. Article text reaches the page only as JSON inside a
``<script type="application/json">`` block (with ``<``, ``>`` and ``&`` escaped) and is
put on screen with ``textContent``: tooltips and the details panel are DOM elements built
from that data, so no sentence or name can become markup or script. (vis-network 9.1.2
itself shows a string ``title`` with ``innerText`` and an element ``title`` as it is.)

Small graphs are laid out live by vis-network's physics. Above :data:`LAYOUT_OVER`
entities the layout is computed here with networkx, each connected component on its own
and packed in rows, and physics starts off, so the page opens at once even with thousands
of entities. Above ``max_nodes`` the most important entities are kept and the page says
what was left out.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import html
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import pagerank
from .errors import QueryError
from .files import atomic_write_text
from .model import SECTORS
from .namespaces import wikidata_url
from .netgraph import QUAD_CLASSES, simple_graph

TYPE_STYLE = {  # entity type → (colour, vis-network shape)
    "Person": ("#4e79a7", "dot"),
    "Country": ("#e15759", "diamond"),
    "City": ("#f28e2b", "triangle"),
    "Location": ("#edc948", "triangleDown"),
    "Organization": ("#59a14f", "square"),
    "InternationalOrganization": ("#76b7b2", "hexagon"),
    "Group": ("#b07aa1", "star"),
    "Topic": ("#9c755f", "dot"),
}
OTHER_TYPE = ("#bab0ac", "dot")
QUAD_COLOUR = {
    "verbal cooperation": "#6baed6",
    "material cooperation": "#2171b5",
    "verbal conflict": "#fd8d3c",
    "material conflict": "#cb181d",
    None: "#9a9a9a",  # static relations (leaderOf, capitalOf, ...): grey and dashed
}
SIZE_BY = ("degree", "pagerank")
LAYOUT_OVER = 250      # entities above which the layout is precomputed and physics starts off
MAX_NODES = 2500       # default cap on the entities drawn
MAX_EVIDENCE = 20      # sentences kept per relation on the page (the count says how many more)


@dataclass
class Page:
    """A rendered page and what it shows."""

    html: str
    nodes: int
    edges: int
    left_out_nodes: int = 0
    left_out_edges: int = 0
    notes: list[str] = field(default_factory=list)


def _safe_json(obj) -> str:
    """JSON that cannot close the surrounding <script> element."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def importance(g, size_by: str = "degree") -> dict[str, float]:
    """Each node's importance: its number of relations, or its PageRank."""
    if size_by not in SIZE_BY:
        raise QueryError(f"unknown size measure {size_by!r}; choose one of {', '.join(SIZE_BY)}")
    if size_by == "pagerank":
        return pagerank(g)
    return {n: float(d) for n, d in g.degree()}


def _cap(g, score: dict[str, float], max_nodes: int):
    """The most important part of ``g`` with at most ``max_nodes`` nodes, every one related to another.

    Nodes are taken by importance (ties by degree, then label). A node next to the part
    taken so far joins alone; one that is not joins with its most important neighbour,
    so no node ends up on the page without a relation.
    """
    def rank(n):
        return (-score.get(n, 0.0), -g.degree(n), str(g.nodes[n].get("label", n)), str(n))

    def neighbours(n):
        return set(g.successors(n)) | set(g.predecessors(n))

    order = sorted(g, key=rank)
    taken: set = set()
    frontier: list = []
    i = 0

    def take(n):
        taken.add(n)
        for m in neighbours(n) - taken:
            heapq.heappush(frontier, (rank(m), m))

    while len(taken) < max_nodes:
        while i < len(order) and order[i] in taken:
            i += 1
        while frontier and frontier[0][1] in taken:
            heapq.heappop(frontier)
        best = order[i] if i < len(order) else None
        near = frontier[0][1] if frontier else None
        if near is not None and (best is None or rank(near) <= rank(best)):
            take(near)
        elif best is not None and len(taken) + 2 <= max_nodes:
            take(best)
            take(min(neighbours(best), key=rank))
        elif near is not None:
            take(near)
        else:
            break
    return g.subgraph(taken).copy()


def layout(g, *, seed: int = 0, spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixels: each connected component laid out alone, packed in rows."""
    import networkx as nx

    h = simple_graph(g)
    comps = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for comp in comps:
        sub = h.subgraph(comp)
        if len(comp) == 1:
            pos = {next(iter(comp)): (0.0, 0.0)}
        else:
            iterations = 50 if len(comp) <= 500 else 30
            pos = {n: tuple(p) for n, p in nx.spring_layout(sub, seed=seed, iterations=iterations,
                                                            weight=None).items()}
        radius = spacing * 0.6 * math.sqrt(len(comp)) if len(comp) > 1 else 0.0
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
        pos = {n: ((x - cx) / span * radius, (y - cy) / span * radius) for n, (x, y) in pos.items()}
        boxes.append((pos, 2 * radius + spacing))
    # Shelf packing: the biggest component first, the rest in rows under and beside it.
    width = max(boxes[0][1], math.sqrt(sum(b * b for _, b in boxes)) * 1.2) if boxes else 0
    out: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for pos, size in boxes:
        if x and x + size > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + size / 2 + px, 1), round(y + size / 2 + py, 1))
        x += size
        row = max(row, size)
    return out


def _relation(d) -> dict:
    ms = d.get("mentions") or [{"sentence": s, "doc": doc} for s, doc in d.get("evidence", [])]
    return {
        "predicate": d["predicate"], "plover": d.get("plover"), "quad": d.get("quad"),
        "count": d.get("count", len(ms) or 1), "confidence": d.get("confidence"),
        "evidence": [{k: m.get(k) for k in ("sentence", "doc", "title", "date")} for m in ms[:MAX_EVIDENCE]],
        "more": max(0, len(ms) - MAX_EVIDENCE),
    }


def _edge_style(rels: list[dict]) -> dict:
    total = sum(r["count"] for r in rels)
    quads = Counter()
    for r in rels:
        quads[r["quad"]] += r["count"]
    events = [q for q in quads if q]
    quad = max(events, key=lambda q: (quads[q], q)) if events else None
    if len(rels) == 1:
        label = rels[0]["predicate"] + (f" ×{total}" if total > 1 else "")
    elif len(rels) == 2:
        label = ", ".join(r["predicate"] for r in rels) + f" ×{total}"
    else:
        label = f"{len(rels)} relations ×{total}"
    return {"label": label, "color": {"color": QUAD_COLOUR.get(quad, QUAD_COLOUR[None]), "highlight": "#222",
                                      "hover": "#222"},
            "width": 1 + min(4.0, math.log2(total) if total > 1 else 0), "dashes": quad is None}


def _sector_name(code: str | None) -> str | None:
    """"COP" → "police (COP)": the part of a country a sector entity stands for."""
    return f"{SECTORS[code][0]} ({code})" if code in SECTORS else code


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def build_network(g, *, size_by: str = "degree", merge_edges: bool = False, positions=None,
                  focus: str | None = None):
    """networkx MultiDiGraph (from :func:`kg.netgraph.to_networkx`) → pyvis ``Network``.

    Each node and edge carries a ``kg`` object with the data its tooltip and details
    panel show; the page builds those from it as text.
    """
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    score = importance(g, size_by)
    top = max(score.values(), default=1.0) or 1.0
    for node, data in g.nodes(data=True):
        colour, shape = TYPE_STYLE.get(data.get("type"), OTHER_TYPE)
        extra = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
        border = "#111111" if node == focus else _darker(colour)
        if node == focus:
            extra["borderWidth"] = 4
        # Selected and hovered nodes keep their type's colour; only the border darkens.
        net.add_node(node, label=data.get("label", node), shape=shape,
                     color={"background": colour, "border": border,
                            "highlight": {"background": colour, "border": "#111111"},
                            "hover": {"background": colour, "border": "#111111"}},
                     size=10 + 26 * math.sqrt(score.get(node, 0.0) / top), **extra,
                     kg={"type": data.get("type"), "aliases": list(data.get("aliases") or [])[:20],
                         "wikidata": data.get("wikidata"), "url": wikidata_url(data.get("wikidata")),
                         "country": data.get("country"), "sector": _sector_name(data.get("sector")),
                         "degree": g.degree(node),
                         "importance": round(score.get(node, 0.0), 6), "size_by": size_by})
    groups: dict[tuple, list] = defaultdict(list)
    for s, o, _key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        groups[(s, o) if merge_edges else (s, o, _key)].append(_relation(data))
    between = defaultdict(int)  # edges drawn so far between an unordered pair, to curve the next one
    for i, (key, rels) in enumerate(groups.items()):
        s, o = key[0], key[1]
        pair = tuple(sorted((s, o)))
        k = between[pair]
        between[pair] += 1
        smooth = {"enabled": False} if k == 0 else \
            {"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.2 * ((k + 1) // 2)}
        net.add_edge(s, o, id=f"e{i}", arrows="to", smooth=smooth, **_edge_style(rels),
                     kg={"from": g.nodes[s].get("label", s), "to": g.nodes[o].get("label", o), "relations": rels})
    return net


def _options(physics: bool, big: bool) -> dict:
    return {
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"font": {"size": 10, "face": "system-ui, sans-serif", "align": "middle", "color": "#333333",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
    }


def _legend(shown_types: Counter, quads: Counter, size_by: str) -> str:
    shapes = {
        "dot": '<circle cx="7" cy="7" r="5.5"/>',
        "diamond": '<polygon points="7,1 13,7 7,13 1,7"/>',
        "triangle": '<polygon points="7,1.5 13,12.5 1,12.5"/>',
        "triangleDown": '<polygon points="1,1.5 13,1.5 7,12.5"/>',
        "square": '<rect x="2" y="2" width="10" height="10"/>',
        "hexagon": '<polygon points="4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7"/>',
        "star": '<polygon points="7,1 8.8,5.2 13,5.5 9.8,8.4 10.8,13 7,10.6 3.2,13 4.2,8.4 1,5.5 5.2,5.2"/>',
    }
    parts = []
    for t, n in sorted(shown_types.items(), key=lambda x: (-x[1], x[0])):
        colour, shape = TYPE_STYLE.get(t, OTHER_TYPE)
        parts.append(f'<span class="key"><svg width="14" height="14" aria-hidden="true" fill="{colour}">'
                     f'{shapes.get(shape, shapes["dot"])}</svg>{html.escape(str(t))} {n}</span>')
    parts.append('<span class="sep"></span>')
    for q in (*QUAD_CLASSES, None):
        if quads.get(q):
            dash = ' stroke-dasharray="4 3"' if q is None else ""
            parts.append(f'<span class="key"><svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" '
                         f'x2="21" y2="5" stroke="{QUAD_COLOUR[q]}" stroke-width="3"{dash}/></svg>'
                         f'{html.escape(q or "static relation")} {quads[q]}</span>')
    parts.append(f'<span class="key muted">size: {"PageRank" if size_by == "pagerank" else "relations"}</span>')
    return "".join(parts)


def render_page(g, *, title: str = "kg graph", physics: bool | None = None, size_by: str = "degree",
                merge_edges: bool = False, max_nodes: int = MAX_NODES) -> Page:
    """A complete, offline HTML page for a graph from :func:`kg.netgraph.to_networkx`.

    ``physics`` None means: on for graphs up to :data:`LAYOUT_OVER` entities, else off
    with a precomputed layout. Entities without relations are not drawn.
    """
    if max_nodes < 1:
        raise QueryError(f"--max-nodes must be at least 1, got {max_nodes}")
    notes = [f"filtered by {'; '.join(g.graph['filter'])}"] if g.graph.get("filter") else []
    if g.graph.get("focus") in g:
        notes.insert(0, f"around {g.nodes[g.graph['focus']].get('label')} (depth {g.graph.get('depth', 1)})")
    if g.graph.get("undated_left_out"):
        notes.append(f"{g.graph['undated_left_out']} undated statements left out by the date range")
    isolated = {n for n, d in g.degree() if d == 0}
    full = g.subgraph([n for n in g if n not in isolated]).copy()
    full.graph.update(g.graph)
    shown = full
    left_nodes = left_edges = 0
    if len(full) > max_nodes:
        shown = _cap(full, importance(full, size_by), max_nodes)
        left_nodes = len(full) - len(shown)
        left_edges = full.number_of_edges() - shown.number_of_edges()
        by_type = Counter(full.nodes[n].get("type") for n in full if n not in shown)
        notes.append(
            f"showing the {len(shown):,} most important of {len(full):,} entities (by "
            f"{'PageRank' if size_by == 'pagerank' else 'number of relations'}); left out: {left_nodes:,} "
            f"entities ({', '.join(f'{t} {n:,}' for t, n in by_type.most_common())}) and {left_edges:,} "
            "relations. Narrow the graph with --focus or the filters, or raise --max-nodes")
    if isolated:
        notes.append(f"{len(isolated):,} {'entity' if len(isolated) == 1 else 'entities'} without relations "
                     f"{'is' if len(isolated) == 1 else 'are'} not drawn")
    if not len(shown):
        notes.append("nothing to draw: no relations" + (" pass the filters" if g.graph.get("filter") else ""))
    big = len(shown) > LAYOUT_OVER
    if physics is None:
        physics = not big
    positions = layout(shown) if (big or not physics) else None
    if positions:
        notes.append("layout precomputed" + ("" if physics else "; physics off (tick the box to turn it on)"))
    focus = g.graph.get("focus") if g.graph.get("focus") in shown else None
    net = build_network(shown, size_by=size_by, merge_edges=merge_edges, positions=positions, focus=focus)
    nodes, edges = net.nodes, net.edges
    lib = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    vis_css = (lib / "vis-network.css").read_text(encoding="utf-8")
    quads = Counter()
    for e in edges:
        for r in e["kg"]["relations"]:
            quads[r["quad"]] += 1
    data = {"nodes": nodes, "edges": edges, "options": _options(physics, big), "focus": focus}
    summary = (f"{len(nodes):,} entities, {len(edges):,} "
               + ("connections" if merge_edges else "relations")
               + (f" (of {len(full):,} and {full.number_of_edges():,})" if left_nodes else ""))
    page = _TEMPLATE.format(
        title=html.escape(title), style=vis_css,
        legend=_legend(Counter(shown.nodes[n].get("type") for n in shown), quads, size_by),
        summary=html.escape(summary), notes="".join(f"<li>{html.escape(n)}</li>" for n in notes),
        data=_safe_json(data), vis=vis_js, app=_APP, physics_checked=" checked" if physics else "",
        vis_hash=_csp_hash(vis_js), app_hash=_csp_hash(_APP),
    )
    return Page(page, len(nodes), len(edges), left_nodes, left_edges, notes)


def render_html(g, **kwargs) -> str:
    """The page's HTML (see :func:`render_page` for the options)."""
    return render_page(g, **kwargs).html


def write_html(g, path: str | Path, **kwargs) -> Path:
    return atomic_write_text(path, render_html(g, **kwargs))


def write_page(g, path: str | Path, **kwargs) -> Page:
    """Write the page to ``path`` and return what it shows."""
    page = render_page(g, **kwargs)
    atomic_write_text(path, page.html)
    return page


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


# The page's own script. It reads the data block, builds every tooltip and the details
# panel with textContent (never innerHTML), and records what vis-network drew in
# window.kgGraph and on <body data-rendered> for tests and for anyone scripting the page.
_APP = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var WIKIDATA = /^https:\/\/www\.wikidata\.org\/wiki\/Q[1-9][0-9]*$/;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function line(parent, label, value) {
    if (value === undefined || value === null || value === "" || (value.length === 0)) return;
    var p = el("div", null, "row");
    p.appendChild(el("span", label + ": ", "k"));
    p.appendChild(el("span", Array.isArray(value) ? value.join(", ") : value));
    parent.appendChild(p);
  }
  function source(m) {
    return m.doc + (m.title ? " — " + m.title : "") + (m.date ? " (" + m.date + ")" : "");
  }
  function nodeInfo(n, full) {
    var k = n.kg, box = el("div", null, "kg-info");
    box.appendChild(el("div", n.label, "head"));
    line(box, "Type", k.type);
    line(box, "Also called", k.aliases);
    if (k.url && WIKIDATA.test(k.url)) {
      if (full) {
        var p = el("div", null, "row"), a = el("a", k.wikidata + " ↗");
        a.href = k.url; a.target = "_blank"; a.rel = "noopener noreferrer";
        p.appendChild(el("span", "Wikidata: ", "k")); p.appendChild(a); box.appendChild(p);
      } else {
        line(box, "Wikidata", k.wikidata + " — " + k.url);
      }
    }
    line(box, "Country", k.country);
    line(box, "Part of the country", k.sector);
    line(box, "Relations", k.degree);
    if (k.size_by === "pagerank") line(box, "PageRank", k.importance.toFixed(4));
    if (!full) box.appendChild(el("div", "Click for details", "hint"));
    return box;
  }
  function edgeInfo(e, full) {
    var k = e.kg, box = el("div", null, "kg-info"), limit = full ? 1e9 : 3, shown = 0;
    box.appendChild(el("div", k.from + " → " + k.to, "head"));
    k.relations.forEach(function (r) {
      var h = el("div", null, "rel");
      h.appendChild(el("b", r.predicate));
      var bits = [];
      if (r.plover) bits.push(r.plover);
      bits.push(r.quad || "static relation");
      if (r.count > 1) bits.push(r.count + " statements");
      if (r.confidence !== null && r.confidence !== undefined) bits.push("confidence " + r.confidence);
      h.appendChild(el("span", " (" + bits.join(", ") + ")"));
      box.appendChild(h);
      var list = el("ul");
      r.evidence.forEach(function (m) {
        if (shown >= limit) return;
        shown += 1;
        var li = el("li");
        li.appendChild(el("q", m.sentence));
        li.appendChild(el("span", " " + source(m), "src"));
        list.appendChild(li);
      });
      box.appendChild(list);
    });
    var total = k.relations.reduce(function (a, r) { return a + r.evidence.length + r.more; }, 0);
    if (total > shown) box.appendChild(el("div", (total - shown) + " more sentences" + (full ? " not kept on the page" : ": click for all"), "hint"));
    return box;
  }
  data.nodes.forEach(function (n) { n.title = nodeInfo(n, false); });
  data.edges.forEach(function (e) { e.title = edgeInfo(e, false); });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, data.options);
  var details = document.getElementById("details"), body = document.getElementById("details-body");
  function show(box) {
    body.textContent = "";
    if (!box) { details.hidden = true; return; }
    body.appendChild(box); details.hidden = false;
  }
  network.on("click", function (p) {
    if (p.nodes.length) show(nodeInfo(nodes.get(p.nodes[0]), true));
    else if (p.edges.length) show(edgeInfo(edges.get(p.edges[0]), true));
    else show(null);
  });
  document.getElementById("close").addEventListener("click", function () { show(null); });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  var physics = document.getElementById("physics");
  physics.addEventListener("change", function () { network.setOptions({physics: {enabled: physics.checked}}); });
  // A Map, not an object: a name typed in ("constructor", "__proto__") must not find Object's own properties.
  var names = document.getElementById("names"), byName = new Map();
  data.nodes.forEach(function (n) {
    byName.set(n.label.toLowerCase(), n.id);
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
  });
  function find(text) {
    var q = text.trim().toLowerCase(), id = byName.get(q);
    if (id === undefined && q) {
      var hit = data.nodes.filter(function (n) {
        return n.label.toLowerCase().indexOf(q) >= 0 || n.kg.aliases.some(function (a) { return a.toLowerCase() === q; });
      })[0];
      id = hit && hit.id;
    }
    if (id === undefined) return false;
    network.selectNodes([id]);
    network.focus(id, {scale: 1.3});
    show(nodeInfo(nodes.get(id), true));
    return true;
  }
  var form = document.getElementById("find-form"), input = document.getElementById("find");
  // A miss marks the box invalid, which blocks the next submit: typing clears it.
  input.addEventListener("input", function () { input.setCustomValidity(""); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    input.setCustomValidity(find(input.value) ? "" : "No entity by that name");
    input.reportValidity();
  });
  window.kgGraph = {nodes: nodes.length, edges: edges.length, rendered: false, network: network, find: find};
  network.once("afterDrawing", function () {
    window.kgGraph.rendered = true;
    window.kgGraph.drawn = {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length};
    document.body.setAttribute("data-rendered", window.kgGraph.drawn.nodes + " " + window.kgGraph.drawn.edges);
  });
})();
"""  # noqa: E501  (page content: the script's lines are hashed into the page's CSP, rewrapping changes the page)

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src {vis_hash} {app_hash}; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
<style>
html, body {{ margin: 0; height: 100%; font: 13px/1.4 system-ui, sans-serif; color: #222; }}
body {{ display: flex; flex-direction: column; }}
header {{ padding: 6px 10px; border-bottom: 1px solid #ddd; background: #fafafa; }}
header h1 {{ font-size: 15px; margin: 0 8px 0 0; display: inline; }}
header form, header label, header button {{ margin-left: 8px; }}
header form {{ display: inline; }}
header input[type=search] {{ width: 16em; }}
#legend {{ margin-top: 4px; }}
#legend .key {{ margin-right: 12px; white-space: nowrap; display: inline-flex; align-items: center; gap: 4px; }}
#legend .sep {{ display: inline-block; width: 8px; }}
.muted {{ color: #666; }}
#notes {{ margin: 4px 0 0; padding-left: 18px; color: #7a4a00; }}
#notes:empty {{ display: none; }}
main {{ flex: 1; position: relative; min-height: 0; }}
#graph {{ position: absolute; inset: 0; }}
.vis-network:focus {{ outline: none; }}
#details {{ position: absolute; top: 8px; right: 8px; width: 380px; max-height: calc(100% - 16px); overflow: auto;
  background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 8px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }}
#details[hidden] {{ display: none; }}
#close {{ float: right; }}
div.vis-tooltip {{ max-width: 460px; white-space: normal; font: 12px/1.35 system-ui, sans-serif; }}
.kg-info .head {{ font-weight: 600; margin-bottom: 2px; }}
.kg-info .k {{ color: #666; }}
.kg-info ul {{ margin: 2px 0 6px; padding-left: 16px; }}
.kg-info .src {{ color: #666; font-size: 11px; }}
.kg-info .hint {{ color: #888; font-style: italic; margin-top: 2px; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1><span id="summary">{summary}</span>
<form id="find-form"><input id="find" type="search" list="names" placeholder="Find an entity" aria-label="Find an entity"><datalist id="names"></datalist></form>
<label><input id="physics" type="checkbox"{physics_checked}> physics</label><button id="fit" type="button">Fit</button>
<div id="legend">{legend}</div>
<ul id="notes">{notes}</ul>
</header>
<main><div id="graph"></div>
<aside id="details" hidden><button id="close" type="button" aria-label="Close">×</button><div id="details-body"></div></aside></main>
<script type="application/json" id="kg-data">{data}</script>
<script>{vis}</script>
<script>{app}</script>
</body>
</html>
"""  # noqa: E501  (page content, not code: the HTML and CSS are kept as the page is written)
