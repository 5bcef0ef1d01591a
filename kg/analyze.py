"""The network measures analysts ask for: centrality, communities, paths, country pairs, ego networks.

Each measure takes a graph from :func:`kg.netgraph.to_networkx` (the one bridge from RDF to
networkx, where the filters live too) and returns a :class:`Report` (columns, rows of plain
values, notes) that the CLI prints as a table, CSV or JSON::

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Canada", type="Country")
    >>> g.add_node("b", label="Japan", type="Country")
    >>> g.add_edge("a", "b", key="praises", predicate="praises", count=2)
    'praises'
    >>> [r["entity"] for r in centrality(g, by="degree").rows]
    ['Canada', 'Japan']
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .errors import FormatError, QueryError
from .events import read_events
from .netgraph import QUAD_CLASSES, ego_graph, find_entity, simple_graph, to_networkx
from .queries import sparql
from .rows import csv_safe, table

REPORT_FORMATS = ("table", "csv", "json")


# ------------------------------------------------------------------ measures

def pagerank(g) -> dict[str, float]:
    """PageRank over the directed relations, weighted by statement count."""
    import networkx as nx

    if g.number_of_edges() == 0:
        return {n: 1.0 / max(len(g), 1) for n in g}
    return nx.pagerank(simple_graph(g, directed=True), weight="weight")


BETWEENNESS_SAMPLE = 400  # sources sampled for betweenness above this many nodes (exact below)


def betweenness(g) -> tuple[dict[str, float], bool]:
    """Normalised betweenness over the undirected relations; sampled (and flagged) on big graphs."""
    import networkx as nx

    h = simple_graph(g)
    exact = len(h) <= BETWEENNESS_SAMPLE
    return nx.betweenness_centrality(h, k=None if exact else BETWEENNESS_SAMPLE, seed=0), not exact


@dataclass
class Report:
    """Rows of plain values (lists and dicts allowed) with the column order and notes."""

    name: str
    columns: list[str]
    rows: list[dict]
    notes: list[str] = field(default_factory=list)
    summary: dict = field(default_factory=dict)

    def render(self, fmt: str = "table") -> str:
        if fmt not in REPORT_FORMATS:
            raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}")
        if fmt == "json":
            return json.dumps({"analysis": self.name, "summary": self.summary, "notes": self.notes,
                               "rows": self.rows}, ensure_ascii=False, indent=1)
        cells = [[_cell(r.get(c)) for c in self.columns] for r in self.rows]
        if fmt == "csv":  # for spreadsheets: no cell of text may start a formula (OWASP)
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(self.columns)
            w.writerows([csv_safe(c) if not isinstance(r.get(col), (int, float)) else c
                         for c, col in zip(row, self.columns, strict=True)]
                        for row, r in zip(cells, self.rows, strict=True))
            return buf.getvalue().rstrip("\n")
        out = table(self.columns, cells, 70)
        if self.summary:
            out = "\n".join(f"{k}: {_cell(v)}" for k, v in self.summary.items()) + "\n\n" + out
        return out


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v else "0"
    if isinstance(v, dict):
        return ", ".join(f"{k} {_cell(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    return str(v)


def _label(g, n) -> str:
    return g.nodes[n].get("label", n)


def _notes(g) -> list[str]:
    notes = []
    if g.graph.get("filter"):
        notes.append("filtered by " + "; ".join(g.graph["filter"]))
    if g.graph.get("undated_left_out"):
        notes.append(f"{g.graph['undated_left_out']} undated statements left out by the date range")
    return notes


CENTRALITY = ("degree", "pagerank", "betweenness")


def centrality(g, *, by: str = "pagerank", top: int | None = 20) -> Report:
    """Entities ranked by ``degree`` (relations), ``pagerank`` or ``betweenness``; all three shown."""
    if by not in CENTRALITY:
        raise QueryError(f"unknown centrality {by!r}; choose one of {', '.join(CENTRALITY)}")
    nodes = [n for n in g if g.degree(n) > 0]
    sub = g.subgraph(nodes)
    pr = pagerank(sub)
    bc, sampled = betweenness(sub)
    rows = [{"entity": _label(g, n), "type": g.nodes[n].get("type"), "degree": sub.degree(n),
             "statements": sum(d.get("count", 1) for *_, d in sub.edges(n, data=True))
             + sum(d.get("count", 1) for *_, d in sub.in_edges(n, data=True)),
             "pagerank": round(pr.get(n, 0.0), 6), "betweenness": round(bc.get(n, 0.0), 6), "id": n}
            for n in nodes]
    rows.sort(key=lambda r: (-r[by], -r["degree"], r["entity"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    notes = _notes(g)
    if sampled:
        notes.append(f"betweenness estimated from {BETWEENNESS_SAMPLE} sampled sources ({len(nodes)} entities)")
    if top:
        if len(rows) > top:
            notes.append(f"top {top} of {len(rows)} entities by {by}; --top 0 shows all")
        rows = rows[:top]
    return Report("centrality", ["rank", "entity", "type", "degree", "statements", "pagerank", "betweenness"],
                  rows, notes, {"entities": len(nodes), "relations": sub.number_of_edges(), "ranked_by": by})


COMMUNITY_METHODS = ("louvain", "greedy")


def communities(g, *, method: str = "louvain", seed: int = 0, resolution: float = 1.0,
                members: int = 10) -> Report:
    """Communities of entities (Louvain or greedy modularity) over the undirected relations."""
    import networkx as nx

    if method not in COMMUNITY_METHODS:
        raise QueryError(f"unknown community method {method!r}; choose one of {', '.join(COMMUNITY_METHODS)}")
    h = simple_graph(g)
    h.remove_nodes_from([n for n, d in dict(h.degree()).items() if d == 0])
    if h.number_of_edges() == 0:
        return Report("communities", ["community", "size", "members"], [], _notes(g) + ["no relations"])
    if method == "louvain":
        parts = nx.community.louvain_communities(h, weight="weight", resolution=resolution, seed=seed)
    else:
        parts = nx.community.greedy_modularity_communities(h, weight="weight", resolution=resolution)
    q = nx.community.modularity(h, parts, weight="weight", resolution=resolution)
    deg = dict(h.degree(weight="weight"))
    parts = sorted(parts, key=lambda c: (-len(c), min(_label(g, n) for n in c)))
    rows = []
    for i, c in enumerate(parts, 1):
        ranked = sorted(c, key=lambda n: (-deg[n], _label(g, n)))
        inside = h.subgraph(c)
        types = Counter(g.nodes[n].get("type") for n in c)
        preds = Counter(d["predicate"] for s, o, d in g.edges(data=True) if s in c and o in c)
        rows.append({"community": i, "size": len(c), "relations": inside.number_of_edges(),
                     "types": dict(types.most_common()), "top_relations": dict(preds.most_common(3)),
                     "members": [_label(g, n) for n in ranked[:members]]
                     + ([f"… {len(c) - members} more"] if len(c) > members else []),
                     "ids": ranked})
    return Report("communities", ["community", "size", "relations", "types", "top_relations", "members"],
                  rows, _notes(g), {"method": method, "communities": len(parts), "modularity": round(q, 4),
                                    "entities": h.number_of_nodes()})


def _hop_relations(g, u, v) -> list[dict]:
    out = []
    for a, b in ((u, v), (v, u)):
        for key, d in (g.get_edge_data(a, b) or {}).items():
            out.append({"subject": _label(g, a), "relation": key, "object": _label(g, b),
                        "plover": d.get("plover"), "count": d.get("count", 1),
                        "evidence": [{"sentence": m["sentence"], "doc": m["doc"]} for m in d.get("mentions", [])]
                        or [{"sentence": s, "doc": doc} for s, doc in d.get("evidence", [])]})
    return out


def shortest_paths(g, source: str, target: str, *, max_paths: int = 3) -> Report:
    """The shortest chains of relations (either direction) from ``source`` to ``target``.

    One row per relation on each hop, with every sentence that states it.
    """
    import networkx as nx

    a, b = find_entity(g, source), find_entity(g, target)
    h = simple_graph(g)
    cols = ["path", "hop", "subject", "relation", "object", "evidence"]
    if a == b:
        raise QueryError(f"{source!r} and {target!r} are the same entity; give two different ones")
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(h, a, b), max_paths))
    except nx.NetworkXNoPath:
        return Report("path", cols, [], _notes(g) + [f"no path between {_label(g, a)} and {_label(g, b)}"],
                      {"from": _label(g, a), "to": _label(g, b), "length": None})
    rows = []
    for i, path in enumerate(paths, 1):
        for j, (u, v) in enumerate(itertools.pairwise(path), 1):
            for rel in _hop_relations(g, u, v):
                rows.append({"path": i, "hop": j, **rel,
                             "evidence": [f"{e['sentence']} [{e['doc']}]" for e in rel["evidence"]]})
    notes = _notes(g)
    if len(paths) == max_paths:
        notes.append(f"showing the first {max_paths} shortest paths; --max-paths shows more")
    return Report("path", cols, rows, notes, {"from": _label(g, a), "to": _label(g, b),
                                              "length": len(paths[0]) - 1, "paths": len(paths),
                                              "route": [" → ".join(_label(g, n) for n in p) for p in paths]})


def _edge_events(s, o, key, data) -> set:
    """The events behind an edge: their ids (kg.eventkey), or one per statement for a graph without them."""
    ids = {m.get("event") for m in data.get("mentions", ())} - {None}
    return ids or {(s, o, key, i) for i in range(data.get("count", 1))}


def country_pairs(g, *, directed: bool = True) -> list[dict]:
    """Event counts by quad class for each pair of countries, with a cooperation–conflict balance.

    Events, not statements: reports of one real event count once (:mod:`kg.eventkey`). An
    entity's country is its own ISO code (a country) or the one it is linked to (a leader,
    a city). ``directed`` keeps (actor country, recipient country) apart, and a meeting
    stated both ways then counts in both directions; otherwise both directions are added
    up. ``balance`` is (cooperation − conflict) / (cooperation + conflict): +1 all
    cooperation, −1 all conflict. Static relations are not counted.
    """
    events: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for s, o, key, data in g.edges(keys=True, data=True):
        quad = data.get("quad")
        cs, co = g.nodes[s].get("country"), g.nodes[o].get("country")
        if quad and cs and co and cs != co:
            pair = (cs, co) if directed else tuple(sorted((cs, co)))
            events[pair][quad] |= _edge_events(s, o, key, data)
    out = []
    for (a, b), ids in events.items():
        c = {q: len(ids[q]) for q in QUAD_CLASSES}
        coop = c["verbal cooperation"] + c["material cooperation"]
        conf = c["verbal conflict"] + c["material conflict"]
        out.append({"source": a, "target": b, **{k: c[k] for k in QUAD_CLASSES}, "total": coop + conf,
                    "balance": round((coop - conf) / (coop + conf), 3) if coop + conf else 0.0})
    out.sort(key=lambda r: (-r["total"], r["source"], r["target"]))
    return out


def pairs_report(g, *, directed: bool = True, top: int | None = None) -> Report:
    """:func:`country_pairs` as a report, the ``top`` pairs with most events first."""
    rows = country_pairs(g, directed=directed)
    notes = _notes(g) + ["counts are events: the reports of one real event count once"]
    summary = {"pairs": len(rows), "directed": directed, "events": sum(r["total"] for r in rows)}
    if top and len(rows) > top:
        notes.append(f"top {top} of {len(rows)} pairs by events; --top 0 shows all")
        rows = rows[:top]
    return Report("pairs", ["source", "target", *QUAD_CLASSES, "total", "balance"], rows, notes, summary)


def ego_summary(g, entity: str, *, depth: int = 1) -> Report:
    """The neighbourhood of ``entity``: its size and make-up, and each neighbour with its links."""
    import networkx as nx

    sub = ego_graph(g, entity, depth)
    center = sub.graph["focus"]
    dist = nx.single_source_shortest_path_length(simple_graph(sub), center)
    by_pred, by_quad = Counter(), Counter()
    for _, _, d in sub.edges(data=True):
        by_pred[d["predicate"]] += d.get("count", 1)
        by_quad[d.get("quad") or "static relation"] += d.get("count", 1)
    rows = []
    for n in sorted(sub, key=lambda n: (dist.get(n, 0), -sub.degree(n), _label(g, n))):
        if n == center:
            continue
        links = [f"{'→' if a == center else '←'} {k}" + (f" ×{d['count']}" if d.get("count", 1) > 1 else "")
                 for a, b, k, d in [*sub.out_edges(n, keys=True, data=True), *sub.in_edges(n, keys=True, data=True)]
                 if center in (a, b)]
        rows.append({"entity": _label(g, n), "type": g.nodes[n].get("type"), "distance": dist.get(n),
                     "links": sorted(links), "degree": sub.degree(n), "id": n})
    d = g.nodes[center]
    summary = {"entity": d.get("label"), "type": d.get("type"), "wikidata": d.get("wikidata"),
               "depth": depth, "neighbours": len(sub) - 1, "relations": sub.number_of_edges(),
               "statements": sum(by_pred.values()), "density": round(nx.density(simple_graph(sub)), 4),
               "by_relation": dict(by_pred.most_common()), "by_quad_class": dict(by_quad.most_common())}
    return Report("ego", ["entity", "type", "distance", "links", "degree"], rows, _notes(g), summary)


# ------------------------------------------------------------------ kg stats

def most_connected(g, n: int = 10) -> list[tuple[str, int]]:
    """(label, degree) of the ``n`` entities with most relations, ties by label."""
    deg = sorted(((g.nodes[v].get("label", v), d) for v, d in g.degree()), key=lambda x: (-x[1], x[0]))
    return [x for x in deg if x[1] > 0][:n]


def stats(store) -> dict:
    """Counts for ``kg stats``: documents, entities by type, relations by predicate, events by PLOVER type."""
    def counts(query: str, key: str) -> dict[str, int]:
        return {r[key].value: int(r["n"].value) for r in store.query(sparql(query))}

    def count(query: str) -> int:
        return int(next(iter(store.query(sparql(query))))["n"].value)

    docs = count("_stats-documents")
    by_type = counts("_stats-entity-types", "type")
    by_pred = counts("_stats-predicates", "p")
    events = read_events(store)
    by_plover = Counter(e.plover for e in events)
    flagged = count("_stats-not-asserted")
    g = to_networkx(store)
    return {
        "documents": int(docs),
        "entities": sum(by_type.values()),
        "entities_by_type": by_type,
        "statements": sum(by_pred.values()),
        "statements_by_predicate": by_pred,
        "events": len(events),  # real events: the reports of one event count once (kg.eventkey)
        "event_statements": sum(len(e.reports) for e in events),
        "events_by_plover": dict(sorted(by_plover.items(), key=lambda x: (-x[1], x[0]))),
        "not_asserted": flagged,
        "most_connected": most_connected(g),
    }


def stats_text(s: dict) -> str:
    """What ``kg stats`` prints of :func:`stats`: the counts, then the most connected entities as a table."""
    lines = [f"Documents: {s['documents']}   Entities: {s['entities']}   Statements: {s['statements']}"
             f" ({s['not_asserted']} negated or not asserted)",
             "\nEntities by type: " + ", ".join(f"{k} {v}" for k, v in s["entities_by_type"].items()),
             "Relations by predicate: " + ", ".join(f"{k} {v}" for k, v in s["statements_by_predicate"].items())]
    if s["events_by_plover"]:
        lines.append(f"Events: {s['events']}, reported by {s['event_statements']} asserted statements (the reports "
                     "of one real event, in one article or several, count once)")
        lines.append("Events by PLOVER type: " + ", ".join(f"{k} {v}" for k, v in s["events_by_plover"].items()))
    lines.append("\nMost connected:\n" + table(["entity", "relations"], s["most_connected"]))
    return "\n".join(lines)
