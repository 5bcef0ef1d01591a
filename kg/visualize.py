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
SMALL_GRAPH = 50       # entities up to which a page draws everything; above, an overview
LABELLED = 25          # at most this many labels an overview keeps readable at any zoom
LABEL_PX = 14          # their smallest size on screen, in pixels (the biggest hub's: LABEL_PX + 4)
SPREAD = 2.5           # an overview's canvas units per screen pixel when it fits the page: zoomed out
                       # so far that only the big labels are drawn, until the reader zooms in
# Community colours (Tableau 10 and its light half): the biggest communities first, the rest grey.
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#a0cbe8", "#ffbe7d", "#8cd17d")
OTHER_COMMUNITY = "#c9c4c0"


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


def induced(g, nodes):
    """The part of ``g`` on ``nodes``, a copy whose nodes and edges keep ``g``'s order.

    (``g.subgraph(nodes)`` lists them in the order of ``nodes`` when that set is much
    smaller than ``g``, and a set of strings has a different order in every run: seeded
    layouts and community detection follow node order, and the same graph must give the
    same picture each time.)
    """
    keep = set(nodes)
    h = g.__class__()
    h.graph.update(g.graph)
    h.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in keep)
    if g.is_multigraph():
        h.add_edges_from((s, o, k, d) for s, o, k, d in g.edges(keys=True, data=True) if s in keep and o in keep)
    else:
        h.add_edges_from((s, o, d) for s, o, d in g.edges(data=True) if s in keep and o in keep)
    return h


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
    return induced(g, taken)


def layout(g, *, seed: int = 0, spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixels: each connected component laid out alone, packed in rows."""
    import networkx as nx

    h = simple_graph(g)
    comps = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for comp in comps:
        sub = induced(h, comp)
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
        "count": d.get("count", len(ms) or 1), "events": d.get("events"), "confidence": d.get("confidence"),
        "evidence": [{k: m.get(k) for k in ("sentence", "doc", "title", "date")} for m in ms[:MAX_EVIDENCE]],
        "more": max(0, len(ms) - MAX_EVIDENCE),
    }


def _tally(rel: dict) -> int:
    """What an edge's label counts: events (the reports of one event once), else statements."""
    return rel["events"] if rel.get("events") is not None else rel["count"]


def _edge_style(rels: list[dict]) -> dict:
    """Label, colour and width of a drawn edge: one relation type with its count, or, merged,
    a count per relation type ("criticizes 2 · agreesWith 1"), the biggest first."""
    counts = Counter()
    quads = Counter()
    for r in rels:
        counts[r["predicate"]] += _tally(r)
        quads[r["quad"]] += _tally(r)
    total = sum(counts.values())
    events = [q for q in quads if q]
    quad = max(events, key=lambda q: (quads[q], q)) if events else None
    ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    if len(ranked) == 1:
        label = ranked[0][0] + (f" ×{total}" if total > 1 else "")
    else:
        label = " · ".join(f"{p} {n}" for p, n in ranked[:3])
        label += f" · {len(ranked) - 3} more" if len(ranked) > 3 else ""
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
                  focus: str | None = None, colours: dict | None = None, labelled: set | None = None):
    """networkx MultiDiGraph (from :func:`kg.netgraph.to_networkx`) → pyvis ``Network``.

    Each node and edge carries a ``kg`` object with the data its tooltip and details
    panel show; the page builds those from it as text. ``colours`` (node → colour) replace
    the colours of the entity types, which the shapes still show; the ``labelled`` nodes'
    labels are drawn big and kept readable at any zoom.
    """
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    score = importance(g, size_by)
    top = max(score.values(), default=1.0) or 1.0
    for node, data in sorted(g.nodes(data=True), key=lambda nd: str(nd[0])):  # (as the edges: the same page each run)
        colour, shape = TYPE_STYLE.get(data.get("type"), OTHER_TYPE)
        colour = colours.get(node, colour) if colours else colour
        extra = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
        if labelled and node in labelled:
            extra["font"] = {"size": round(label_px(score.get(node, 0.0), top) * SPREAD, 1), "strokeWidth": 4}
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
                         "degree": g.degree(node), "community": data.get("community"),
                         "always": bool(labelled and node in labelled),
                         "labelPx": label_px(score.get(node, 0.0), top) if labelled and node in labelled else None,
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


def _options(physics: bool, big: bool, overview: bool = False) -> dict:
    # An overview hides the small labels until the reader zooms in (vis-network draws no label
    # smaller on screen than drawThreshold pixels); the big ones are kept readable by the page.
    hide_small = {"scaling": {"label": {"drawThreshold": 10}}} if overview else {}
    return {
        "nodes": {"font": {"size": 12 if overview else 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1, **hide_small},
        "edges": {"font": {"size": 10, "face": "system-ui, sans-serif", "align": "middle", "color": "#333333",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "selectionWidth": 2, **hide_small},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    # an overview spreads out more: its labels need the room
                    "forceAtlas2Based": {"gravitationalConstant": -110, "springLength": 150, "avoidOverlap": 0.4}
                    if overview else {"gravitationalConstant": -60, "springLength": 110},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
    }


_SHAPES = {
    "dot": '<circle cx="7" cy="7" r="5.5"/>',
    "diamond": '<polygon points="7,1 13,7 7,13 1,7"/>',
    "triangle": '<polygon points="7,1.5 13,12.5 1,12.5"/>',
    "triangleDown": '<polygon points="1,1.5 13,1.5 7,12.5"/>',
    "square": '<rect x="2" y="2" width="10" height="10"/>',
    "hexagon": '<polygon points="4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7"/>',
    "star": '<polygon points="7,1 8.8,5.2 13,5.5 9.8,8.4 10.8,13 7,10.6 3.2,13 4.2,8.4 1,5.5 5.2,5.2"/>',
}


def _legend(shown_types: Counter, quads: Counter, size_by: str, communities: list | None = None) -> str:
    """Shapes (and, unless communities colour the nodes, colours) of the types, the edge
    classes, and the communities by their best-connected members."""
    parts = []
    for t, n in sorted(shown_types.items(), key=lambda x: (-x[1], x[0])):
        colour, shape = TYPE_STYLE.get(t, OTHER_TYPE)
        colour = "#777777" if communities else colour
        parts.append(f'<span class="key"><svg width="14" height="14" aria-hidden="true" fill="{colour}">'
                     f'{_SHAPES.get(shape, _SHAPES["dot"])}</svg>{html.escape(str(t))} {n}</span>')
    parts.append('<span class="sep"></span>')
    for q in (*QUAD_CLASSES, None):
        if quads.get(q):
            dash = ' stroke-dasharray="4 3"' if q is None else ""
            parts.append(f'<span class="key"><svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" '
                         f'x2="21" y2="5" stroke="{QUAD_COLOUR[q]}" stroke-width="3"{dash}/></svg>'
                         f'{html.escape(q or "static relation")} {quads[q]}</span>')
    parts.append(f'<span class="key muted">size: {"PageRank" if size_by == "pagerank" else "relations"}; '
                 'edge labels count events</span>')
    if communities:
        parts.append('<br><span class="key muted">communities:</span>')
        for colour, name, size in communities:
            parts.append(f'<span class="key"><svg width="12" height="12" aria-hidden="true" fill="{colour}">'
                         f'<rect x="1" y="1" width="10" height="10" rx="2"/></svg>{html.escape(name)} ({size})</span>')
    return "".join(parts)


# ------------------------------------------------------------------ the overview of a big graph

def overview_part(g) -> tuple:
    """The part of ``g`` a reader can take in: its largest connected part, and any other at
    least a tenth its size (and of three entities); with a note on what was left out.

    Returns (the part, note or None, entities left out, relations left out).
    """
    import networkx as nx

    comps = sorted(nx.connected_components(simple_graph(g)), key=lambda c: (-len(c), min(map(str, c))))
    if len(comps) <= 1:
        return g, None, 0, 0
    least = min(len(comps[0]), max(3, len(comps[0]) // 10))
    kept = [c for c in comps if len(c) >= least]
    dropped = [c for c in comps if len(c) < least]
    part = induced(g, set().union(*kept))
    left_nodes = sum(len(c) for c in dropped)
    left_edges = g.number_of_edges() - part.number_of_edges()
    sizes = Counter(len(c) for c in dropped)
    shapes = ", ".join(("pairs" if k == 2 else f"of {k}") + f" {n:,}" for k, n in sorted(sizes.items()))
    kept_text = f"the largest connected part ({len(comps[0]):,} entities)" + (
        f" and {len(kept) - 1} more of at least {least} entities" if len(kept) > 1 else "")
    note = (f"showing {kept_text}; left out: {len(dropped):,} smaller groups ({shapes}) with {left_nodes:,} "
            f"entities and {left_edges:,} relations; --no-overview draws them all")
    return part, note, left_nodes, left_edges


def community_colours(g, *, seed: int = 0) -> tuple[dict, list]:
    """Node → colour of its community (Louvain over the relations), and the legend: (colour,
    the name of its best-connected member, size) for each coloured community."""
    import networkx as nx

    h = simple_graph(g)
    h.remove_nodes_from([n for n, d in dict(h.degree()).items() if d == 0])
    if not h.number_of_edges():
        return {}, []
    parts = nx.community.louvain_communities(h, weight="weight", seed=seed)
    deg = dict(h.degree(weight="weight"))
    ranked = [sorted(c, key=lambda n: (-deg[n], str(g.nodes[n].get("label", n)))) for c in parts]
    ranked.sort(key=lambda c: (-len(c), str(g.nodes[c[0]].get("label", c[0]))))
    colours, legend = {}, []
    for i, members in enumerate(ranked):
        colour = COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) and len(members) > 2 else OTHER_COMMUNITY
        for n in members:
            colours[n] = colour
            g.nodes[n]["community"] = i + 1
        if colour != OTHER_COMMUNITY:
            legend.append((colour, str(g.nodes[members[0]].get("label", members[0])), len(members)))
    return colours, legend


def label_px(score: float, top: float) -> float:
    """The size on screen of an always-shown label: LABEL_PX, up to 4 pixels more for the biggest hub."""
    return LABEL_PX + 4 * math.sqrt(score / top) if top else LABEL_PX


def overview_layout(g, labelled: set, score: dict[str, float], *, width: float = 1150.0, height: float = 560.0,
                    seed: int = 0) -> dict[str, tuple[float, float]]:
    """Positions for an overview: laid out in the pixels of a page about ``width`` × ``height``,
    returned in canvas units (× :data:`SPREAD`).

    A spring layout that pulls the members of a community together (their relations weigh
    three times as much), stretched over the page's wide canvas; then nodes and the
    always-shown labels are moved apart until no two overlap (:func:`_push_apart`), so
    that the labels can be read.
    """
    import networkx as nx
    import numpy as np

    h = simple_graph(g)
    order = list(h)
    if len(order) < 3:
        return layout(g)
    for u, v, d in h.edges(data=True):
        d["pull"] = 3.0 if g.nodes[u].get("community") == g.nodes[v].get("community") else 1.0
    pos = nx.spring_layout(h, weight="pull", k=2.0 / math.sqrt(len(order)), iterations=200, seed=seed)
    p = np.array([pos[n] for n in order], dtype=float)
    p -= p.min(axis=0)
    p *= np.array([width, height]) / np.maximum(p.max(axis=0), 1e-9)
    top = max(score.values(), default=1.0) or 1.0
    radius = np.array([(10 + 26 * math.sqrt(score.get(n, 0.0) / top)) / SPREAD + 2 for n in order])
    font = np.array([label_px(score.get(n, 0.0), top) if n in labelled else 0.0 for n in order])
    text_w = np.array([0.62 * f * len(str(g.nodes[n].get("label", ""))) for f, n in zip(font, order, strict=True)])
    text_h = np.where(font > 0, font + 4.0, 0.0)
    # The boxes are in the page's pixels (labels keep their size on screen however the page
    # is zoomed), so they are moved apart inside the page's box: were the drawing let grow,
    # the page would fit it smaller and the labels would take as much room again.
    _push_apart(p, np.maximum(radius, text_w / 2) + 3, radius + text_h / 2 + 2, text_h / 2, (width, height))
    p *= SPREAD
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(order, p, strict=True)}


def _push_apart(p, half_w, half_h, below, box: tuple[float, float], rounds: int = 500) -> None:
    """Move the boxes (centred ``below`` under each point of ``p``) apart, inside ``box``, until
    none overlap or the rounds run out. Each overlapping pair moves apart along the axis where
    it overlaps least, half each and at most 20 pixels a round."""
    import numpy as np

    low = np.stack([half_w, half_h - below], axis=1)
    high = np.array(box) - np.stack([half_w, half_h + below], axis=1)
    for _ in range(rounds):
        dx = p[:, 0][:, None] - p[:, 0][None, :]
        dy = (p[:, 1] + below)[:, None] - (p[:, 1] + below)[None, :]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            return
        sideways = over_x < over_y
        step_x = np.where(hit & sideways, over_x * np.where(dx >= 0, 1.0, -1.0), 0.0).sum(axis=1) / 2
        step_y = np.where(hit & ~sideways, over_y * np.where(dy >= 0, 1.0, -1.0), 0.0).sum(axis=1) / 2
        p += np.clip(np.stack([step_x, step_y], axis=1), -20, 20)
        np.clip(p, low, np.maximum(high, low), out=p)


def _labelled(g, score: dict[str, float]) -> set:
    """The entities whose labels an overview always shows: the most important, at most LABELLED."""
    k = min(LABELLED, max(8, len(g) // 4))
    return set(sorted(g, key=lambda n: (-score.get(n, 0.0), -g.degree(n), str(n)))[:k])


def _cap_note(g, capped, size_by: str) -> str:
    left, left_rel = len(g) - len(capped), g.number_of_edges() - capped.number_of_edges()
    by_type = Counter(g.nodes[n].get("type") for n in g if n not in capped)
    return (f"showing the {len(capped):,} most important of {len(g):,} entities (by "
            f"{'PageRank' if size_by == 'pagerank' else 'number of relations'}); left out: {left:,} "
            f"entities ({', '.join(f'{t} {n:,}' for t, n in by_type.most_common())}) and {left_rel:,} "
            "relations. Narrow the graph with --focus or the filters, or raise --max-nodes")


def _select(g, overview: bool | None, max_nodes: int, size_by: str, notes: list[str]):
    """(the entities with relations, the part drawn, whether it is an overview, entities and
    relations left out), adding to ``notes`` what was left out and why."""
    isolated = {n for n, d in g.degree() if d == 0}
    full = induced(g, [n for n in g if n not in isolated])
    overview = len(full) > SMALL_GRAPH if overview is None else overview
    shown, left_nodes, left_edges = full, 0, 0
    if overview:
        shown, note, left_nodes, left_edges = overview_part(full)
        notes += [note] if note else []
    if len(shown) > max_nodes:
        capped = _cap(shown, importance(shown, size_by), max_nodes)
        notes.append(_cap_note(shown, capped, size_by))
        left_nodes += len(shown) - len(capped)
        left_edges += shown.number_of_edges() - capped.number_of_edges()
        shown = capped
    if isolated:
        notes.append(f"{len(isolated):,} {'entity' if len(isolated) == 1 else 'entities'} without relations "
                     f"{'is' if len(isolated) == 1 else 'are'} not drawn")
    if not len(shown):
        notes.append("nothing to draw: no relations" + (" pass the filters" if g.graph.get("filter") else ""))
    return full, shown, overview, left_nodes, left_edges


def _header_notes(g) -> list[str]:
    notes = [f"filtered by {'; '.join(g.graph['filter'])}"] if g.graph.get("filter") else []
    if g.graph.get("focus") in g:
        notes.insert(0, f"around {g.nodes[g.graph['focus']].get('label')} (depth {g.graph.get('depth', 1)})")
    if g.graph.get("level") == "country":
        notes.insert(0, g.graph["level_note"])
    if g.graph.get("undated_left_out"):
        notes.append(f"{g.graph['undated_left_out']} undated statements left out by the date range")
    return notes


def render_page(g, *, title: str = "kg graph", physics: bool | None = None, size_by: str = "degree",
                merge_edges: bool = False, max_nodes: int = MAX_NODES, overview: bool | None = None) -> Page:
    """A complete, offline HTML page for a graph from :func:`kg.netgraph.to_networkx`.

    ``physics`` None means: on for graphs up to :data:`LAYOUT_OVER` entities, else off
    with a precomputed layout. Entities without relations are not drawn.

    ``overview`` (None: for graphs of more than :data:`SMALL_GRAPH` entities) draws the part
    a reader can take in (:func:`overview_part`), nodes coloured by community (shapes still
    show the types), the labels of the most important entities big and readable at any
    zoom and the others once the reader zooms in; the notes say what was left out.
    """
    if max_nodes < 1:
        raise QueryError(f"--max-nodes must be at least 1, got {max_nodes}")
    notes = _header_notes(g)
    full, shown, overview, left_nodes, left_edges = _select(g, overview, max_nodes, size_by, notes)
    big = len(shown) > LAYOUT_OVER
    if physics is None:
        physics = not (big or overview)
    focus = g.graph.get("focus") if g.graph.get("focus") in shown else None
    colours, communities = community_colours(shown) if overview else ({}, [])
    score = importance(shown, size_by)
    labelled = _labelled(shown, score) if overview else None
    if overview and len(shown):
        notes.append(f"the {len(labelled)} most connected entities are labelled; zoom in for the others' names")
    positions = None
    if overview and not physics:
        positions = overview_layout(shown, labelled, score)
    elif big or not physics:
        positions = layout(shown)
    if positions:
        notes.append("layout precomputed" + ("" if physics else "; physics off (tick the box to turn it on)"))
    net = build_network(shown, size_by=size_by, merge_edges=merge_edges, positions=positions, focus=focus,
                        colours=colours, labelled=labelled)
    nodes, edges = net.nodes, net.edges
    lib = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    vis_css = (lib / "vis-network.css").read_text(encoding="utf-8")
    quads = Counter()
    for e in edges:
        for r in e["kg"]["relations"]:
            quads[r["quad"]] += 1
    data = {"nodes": nodes, "edges": edges, "options": _options(physics, big, overview), "focus": focus}
    summary = (f"{len(nodes):,} entities, {len(edges):,} "
               + ("connections" if merge_edges else "relations")
               + (f" (of {len(full):,} and {full.number_of_edges():,})" if left_nodes else ""))
    page = _TEMPLATE.format(
        title=html.escape(title), style=vis_css,
        legend=_legend(Counter(shown.nodes[n].get("type") for n in shown), quads, size_by, communities),
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
    line(box, "Community", k.community);
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
      if (r.events !== null && r.events !== undefined) {
        bits.push(r.events + (r.events === 1 ? " event" : " events")
                  + (r.count > r.events ? " in " + r.count + " statements" : ""));
      } else if (r.count > 1) bits.push(r.count + " statements");
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
  // The labels of the most important entities keep their size on screen however far the
  // reader zooms out or in (vis-network sizes fonts in canvas units: divide by the scale).
  var always = data.nodes.filter(function (n) { return n.kg.always; });
  function keepLabels() {
    var scale = network.getScale(), changes = [];
    always.forEach(function (n) {
      var size = n.kg.labelPx / scale;
      if (Math.abs(size - (n.shownSize || n.font.size)) > 0.5) {
        n.shownSize = size;
        changes.push({id: n.id, font: {size: size, strokeWidth: n.font.strokeWidth}});
      }
    });
    if (changes.length) nodes.update(changes);
  }
  if (always.length) {
    network.on("zoom", keepLabels);
    network.on("stabilized", keepLabels);
    network.once("afterDrawing", keepLabels);
  }
  document.getElementById("fit").addEventListener("click", function () { network.fit(); keepLabels(); });
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
#legend {{ margin-top: 4px; font-size: 12px; }}
#legend .key {{ margin-right: 12px; white-space: nowrap; display: inline-flex; align-items: center; gap: 4px; }}
#legend .sep {{ display: inline-block; width: 8px; }}
.muted {{ color: #666; }}
#notes {{ margin: 4px 0 0; padding-left: 18px; color: #7a4a00; font-size: 12px; }}
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
