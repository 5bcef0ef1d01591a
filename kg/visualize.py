"""The store as a self-contained interactive HTML page (pyvis / vis-network).

The page works offline: vis-network's script and style are inlined from the copy pyvis
ships, and nothing is linked from a CDN. Article text only ever reaches the page as JSON
data inside the script (with ``<``, ``>`` and ``&`` escaped) and is shown by vis-network as
text, so it can never become markup or script.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

TYPE_STYLE = {  # entity type → (colour, vis-network shape)
    "Person": ("#4e79a7", "dot"),
    "Country": ("#e15759", "diamond"),
    "City": ("#f28e2b", "triangle"),
    "Location": ("#edc948", "triangle"),
    "Organization": ("#59a14f", "square"),
    "InternationalOrganization": ("#76b7b2", "square"),
    "Group": ("#b07aa1", "star"),
    "Topic": ("#9c755f", "ellipse"),
}
QUAD_COLOUR = {
    "verbal cooperation": "#6baed6",
    "material cooperation": "#2171b5",
    "verbal conflict": "#fd8d3c",
    "material conflict": "#cb181d",
    None: "#999999",  # static relations
}


def _safe_json(obj) -> str:
    """JSON that cannot close the surrounding <script> element."""
    return (json.dumps(obj, ensure_ascii=False)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def build_network(g, *, physics: bool = True):
    """networkx MultiDiGraph (from :func:`kg.analyze.to_networkx`) → pyvis ``Network``."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    degree = dict(g.degree())
    top = max(degree.values(), default=1) or 1
    for node, data in g.nodes(data=True):
        if degree.get(node, 0) == 0:
            continue
        colour, shape = TYPE_STYLE.get(data.get("type"), ("#bab0ac", "dot"))
        lines = [f"{data.get('label', node)} ({data.get('type')})"]
        if data.get("aliases"):
            lines.append("Also: " + ", ".join(data["aliases"][:10]))
        if data.get("wikidata"):
            lines.append(f"Wikidata: {data['wikidata']} (https://www.wikidata.org/wiki/{data['wikidata']})")
        if data.get("country"):
            lines.append(f"Country: {data['country']}")
        net.add_node(node, label=data.get("label", node), title="\n".join(lines), color=colour, shape=shape,
                     size=12 + 28 * degree[node] / top, group=data.get("type"))
    for s, o, key, data in g.edges(keys=True, data=True):
        ev = "\n".join(f"• {sent.strip()} [{doc}]" for sent, doc in data.get("evidence", [])[:5])
        count = data.get("count", 1)
        label = data["predicate"] + (f" ×{count}" if count > 1 else "")
        title = f"{data['predicate']}" + (f" ({data['plover']})" if data.get("plover") else "") + "\n" + ev
        net.add_edge(s, o, label=label, title=title, color=QUAD_COLOUR.get(data.get("quad"), "#999999"),
                     width=1 + min(count, 5), arrows="to", dashes=data.get("plover") is None)
    net.toggle_physics(physics)
    return net


def render_html(g, *, title: str = "kg graph", physics: bool = True) -> str:
    """A complete, offline HTML page for a networkx graph."""
    net = build_network(g, physics=physics)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    lib = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    legend = "".join(
        f'<span class="key"><span class="sw" style="background:{c}"></span>{html.escape(t)}</span>'
        for t, (c, _s) in TYPE_STYLE.items()
    ) + "".join(
        f'<span class="key"><span class="ln" style="background:{c}"></span>{html.escape(q or "static relation")}</span>'
        for q, c in QUAD_COLOUR.items()
    )
    return _TEMPLATE.format(
        title=html.escape(title), style=style, script=script, legend=legend,
        nodes=_safe_json(nodes), edges=_safe_json(edges), options=_safe_json(json.loads(options)),
        count=f"{len(nodes)} entities, {len(edges)} relations",
    )


def write_html(g, path: str | Path, **kwargs) -> Path:
    from .files import atomic_write_text

    return atomic_write_text(path, render_html(g, **kwargs))


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{style}</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: system-ui, sans-serif; }}
#bar {{ padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 13px; }}
#bar .key {{ margin-right: 12px; white-space: nowrap; }}
#bar .sw {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }}
#bar .ln {{ display: inline-block; width: 16px; height: 3px; margin-right: 4px; vertical-align: middle; }}
#graph {{ position: absolute; top: 56px; bottom: 0; left: 0; right: 0; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 520px; }}
</style>
</head>
<body>
<div id="bar"><strong>{title}</strong> · <span id="count">{count}</span><br>{legend}</div>
<div id="graph"></div>
<script>{script}</script>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
var options = {options};
var network = new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, options);
window.kgGraph = {{nodes: nodes.length, edges: edges.length}};
</script>
</body>
</html>
"""
