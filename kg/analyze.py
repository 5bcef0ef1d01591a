"""The store as a networkx graph, and the network measures analysts ask for.

:func:`to_networkx` is the one bridge from RDF to networkx: a ``MultiDiGraph`` whose nodes
are entities and whose edges are asserted facts keyed by predicate, each carrying its
evidence. The visualisation and every measure use it, and both select a part of the graph
with the same :class:`GraphFilter`.

The measures return a :class:`Report` (columns, rows of plain values, notes) that the CLI
prints as a table, CSV or JSON::

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
import difflib
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from .errors import QueryError

QUAD_CLASS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "material cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
STATIC = "static"  # the --plover value for relations that are not events (leaderOf, capitalOf, ...)
REPORT_FORMATS = ("table", "csv", "json")

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?plover ?cameo ?conf ?evidence ?doc ?date ?docdate ?title WHERE {
  ?st kg:predicate ?p ; kg:negated false ; kg:modality ?modality ;
      kg:confidence ?conf ; kg:evidence ?evidence ; prov:wasDerivedFrom ?d .
  FILTER(?modality IN ("asserted", "reported"))
  ?st (kg:subject|kg:actor) ?s ; (kg:object|kg:recipient) ?o .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?st kg:ploverType ?plover }
  OPTIONAL { ?st kg:cameoCode ?cameo }
  OPTIONAL { ?st kg:eventDate ?eventdate }
  OPTIONAL { ?st kg:articleDate ?articledate }
  BIND(COALESCE(?eventdate, ?articledate) AS ?date)
  OPTIONAL { ?d dcterms:date ?docdate }
  OPTIONAL { ?d dcterms:title ?title }
}"""

# Entity attributes, one query each: an entity is repeated in the graph of every document
# that mentions it, so joining its labels, types and aliases in one query would multiply
# those copies (a country named in 30 documents: 30^4 rows). Counts pick the value most
# documents agree on.
_LABELS = "SELECT ?e ?v (COUNT(*) AS ?n) WHERE { ?e skos:prefLabel ?v } GROUP BY ?e ?v"
_TYPES = "SELECT ?e ?v (COUNT(*) AS ?n) WHERE { ?e a ?t . BIND(REPLACE(STR(?t), \"^.*#\", \"\") AS ?v) } GROUP BY ?e ?v"
_SAME_AS = "SELECT ?e ?v (COUNT(*) AS ?n) WHERE { ?e owl:sameAs ?v } GROUP BY ?e ?v"
_COUNTRY = "SELECT ?e ?v (COUNT(*) AS ?n) WHERE { ?e kg:countryCode ?v } GROUP BY ?e ?v"
_SECTOR = "SELECT ?e ?v (COUNT(*) AS ?n) WHERE { ?e kg:sector ?v } GROUP BY ?e ?v"
_ALIASES = "SELECT DISTINCT ?e ?v WHERE { ?e skos:altLabel ?v }"

_DOCUMENTS = "SELECT DISTINCT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id }"


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# ------------------------------------------------------------------ selecting a part of the graph

def _norm_plover(value: str) -> str:
    v = " ".join(value.replace("-", " ").replace("_", " ").split()).lower()
    if v.upper() in QUAD_CLASS:
        return v.upper()
    if v in QUAD_CLASSES or v == STATIC:
        return v
    raise QueryError(f"unknown PLOVER type or class {value!r}; use a PLOVER type ({', '.join(QUAD_CLASS)}), "
                     f"a quad class ({', '.join(c.replace(' ', '-') for c in QUAD_CLASSES)}) or {STATIC!r}")


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


@dataclass(frozen=True)
class GraphFilter:
    """Which statements and entities to keep. Empty fields keep everything.

    ``plover`` takes PLOVER types (``SANCTION``), quad classes (``material conflict`` or
    ``material-conflict``) and ``static`` for relations that are not events. A statement's
    date is its article date, else its document's date; with ``since`` or ``until`` set,
    undated statements are left out (and counted in ``g.graph["undated_left_out"]``).
    """

    relations: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_confidence: float = 0.0
    documents: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "plover", tuple(_norm_plover(p) for p in self.plover))
        object.__setattr__(self, "since", _check_date("--since", self.since))
        object.__setattr__(self, "until", _check_date("--until", self.until))
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}; swap them")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"--min-confidence must be between 0 and 1, got {self.min_confidence}")

    @property
    def selects_statements(self) -> bool:
        return bool(self.relations or self.plover or self.since or self.until or self.documents
                    or self.min_confidence > 0)

    def keeps(self, predicate: str, plover: str | None, confidence: float, doc: str,
              when: str | None) -> bool:
        if confidence < self.min_confidence:
            return False
        if self.relations and predicate not in self.relations:
            return False
        if self.plover:
            quad = QUAD_CLASS.get(plover) if plover else None
            if not ({plover, quad} & set(self.plover) or (plover is None and STATIC in self.plover)):
                return False
        if self.documents and doc not in self.documents:
            return False
        dated = self.since or self.until
        return not (dated and (when is None or (self.since and when < self.since)
                               or (self.until and when > self.until)))

    def describe(self) -> list[str]:
        """One short phrase per active filter, for reports and the page."""
        out = []
        if self.relations:
            out.append("relations: " + ", ".join(self.relations))
        if self.plover:
            out.append("PLOVER: " + ", ".join(self.plover))
        if self.entity_types:
            out.append("entity types: " + ", ".join(self.entity_types))
        if self.since or self.until:
            out.append(f"dates: {self.since or '…'} to {self.until or '…'}")
        if self.min_confidence > 0:
            out.append(f"confidence ≥ {self.min_confidence:g}")
        if self.documents:
            shown = ", ".join(self.documents[:5]) + (f" and {len(self.documents) - 5} more"
                                                     if len(self.documents) > 5 else "")
            out.append("documents: " + shown)
        return out


def _unknown(what: str, bad: set[str], known: set[str], flag: str) -> QueryError:
    value = min(bad)
    close = difflib.get_close_matches(value, sorted(known), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    listing = ", ".join(sorted(known)[:30]) + (" ..." if len(known) > 30 else "")
    return QueryError(f"no {what} {value!r} in the store{hint} ({flag} takes one of: {listing or 'none'})")


def _most_common(store, sparql: str, among=None) -> dict[str, str]:
    """Entity IRI → the value that most documents give it (ties: the smallest value)."""
    best: dict[str, tuple[int, str]] = {}
    for row in store.query(sparql):
        e, v, n = row["e"].value, row["v"].value, int(row["n"].value)
        if among is not None and e not in among:
            continue
        if e not in best or (-n, v) < (-best[e][0], best[e][1]):
            best[e] = (n, v)
    return {e: v for e, (n, v) in best.items()}


def to_networkx(store, *, min_confidence: float = 0.0, where: GraphFilter | None = None):
    """Entities and their asserted relations as a ``networkx.MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``type``, ``wikidata``, ``country`` and
    ``aliases``. Edges are keyed by predicate: parallel statements of the same (subject,
    predicate, object) are merged into one edge with a ``count``, the highest
    ``confidence``, ``evidence`` as (sentence, document) pairs and ``mentions`` with each
    statement's sentence, document, title, date, confidence and CAMEO code.

    ``where`` keeps part of the graph (see :class:`GraphFilter`); names it gives that the
    store does not have raise :class:`~kg.errors.QueryError`. When it selects statements,
    entities left without any relation are dropped.
    """
    import networkx as nx

    where = where or GraphFilter()
    if min_confidence > where.min_confidence:
        where = replace(where, min_confidence=min_confidence)
    g = nx.MultiDiGraph()
    labels = _most_common(store, _LABELS)
    types, same_as, country, sector = (_most_common(store, q, labels) for q in (_TYPES, _SAME_AS, _COUNTRY, _SECTOR))
    aliases = defaultdict(set)
    for row in store.query(_ALIASES):
        aliases[row["e"].value].add(row["v"].value)
    for iri, label in labels.items():
        g.add_node(iri, label=label, type=types.get(iri, "Topic"),
                   wikidata=local_name(same_as[iri]) if iri in same_as else None,
                   country=country.get(iri), aliases=sorted(aliases.get(iri, ())))
        if iri in sector:  # a part of a country: "Venezuela police" (graph tools drop None values)
            g.nodes[iri]["sector"] = sector[iri]
    if where.documents:
        known_docs = {r["id"].value for r in store.query(_DOCUMENTS)}
        if set(where.documents) - known_docs:
            raise _unknown("document", set(where.documents) - known_docs, known_docs, "--doc")
    edges: dict[tuple, dict] = {}
    predicates: set[str] = set()
    seen: set[str] = set()
    undated = 0
    dated = bool(where.since or where.until)
    undated_ok = replace(where, since=None, until=None)
    for row in store.query(_STATEMENTS):
        st = row["st"].value
        if st in seen:  # OPTIONAL parts with several values repeat a statement
            continue
        seen.add(st)
        s, o, p = row["s"].value, row["o"].value, local_name(row["p"].value)
        predicates.add(p)
        plover = row["plover"].value if row["plover"] else None
        conf = float(row["conf"].value)
        doc = row["doc"].value
        when = (row["date"] or row["docdate"])
        when = when.value if when else None
        if not where.keeps(p, plover, conf, doc, when):
            if when is None and dated and undated_ok.keeps(p, plover, conf, doc, None):
                undated += 1
            continue
        e = edges.setdefault((s, o, p), {"plover": plover, "mentions": []})
        e["mentions"].append({
            "statement": st, "sentence": row["evidence"].value.strip(), "doc": doc,
            "title": row["title"].value if row["title"] else None, "date": when,
            "confidence": conf, "cameo": row["cameo"].value if row["cameo"] else None,
        })
    if where.relations and set(where.relations) - predicates:
        raise _unknown("relation", set(where.relations) - predicates, predicates, "--relation")
    for (s, o, p), e in edges.items():
        for n in (s, o):
            if n not in g:
                g.add_node(n, label=local_name(n), type="Topic", wikidata=None, country=None, aliases=[])
        ms = sorted(e["mentions"], key=lambda m: (m["date"] or "", m["doc"], m["sentence"]))
        g.add_edge(s, o, key=p, predicate=p, plover=e["plover"],
                   quad=QUAD_CLASS.get(e["plover"]) if e["plover"] else None,
                   count=len(ms), confidence=max(m["confidence"] for m in ms),
                   evidence=[(m["sentence"], m["doc"]) for m in ms], mentions=ms,
                   docs=sorted({m["doc"] for m in ms}), dates=sorted({m["date"] for m in ms if m["date"]}))
    if where.entity_types:
        types = {d["type"] for _, d in g.nodes(data=True)}
        if set(where.entity_types) - types:
            raise _unknown("entity type", set(where.entity_types) - types, types, "--entity-type")
        g.remove_nodes_from([n for n, d in g.nodes(data=True) if d["type"] not in where.entity_types])
    if where.selects_statements:
        g.remove_nodes_from([n for n, d in dict(g.degree()).items() if d == 0])
    g.graph["filter"] = where.describe()
    g.graph["undated_left_out"] = undated
    return g


# ------------------------------------------------------------------ finding entities

def find_entity(g, name: str) -> str:
    """The node of ``g`` called ``name``: an IRI, a Wikidata QID, a label or an alias.

    Labels win over aliases and case is ignored. A name that fits several entities
    equally, or none, raises :class:`~kg.errors.QueryError` naming the candidates.
    """
    if name in g:
        return name
    wanted = name.strip().casefold()
    by_label, by_alias = [], []
    for n, d in g.nodes(data=True):
        if d.get("wikidata") and d["wikidata"].casefold() == wanted:
            return n
        if d.get("label", "").casefold() == wanted:
            by_label.append(n)
        elif any(a.casefold() == wanted for a in d.get("aliases", ())):
            by_alias.append(n)
    for hits in (by_label, by_alias):
        if len(hits) == 1:
            return hits[0]
        if hits:
            hits = sorted(hits, key=lambda n: (-g.degree(n), g.nodes[n].get("label", n)))
            names = "; ".join(f"{g.nodes[n]['label']} ({g.nodes[n]['type']}, {n})" for n in hits[:5])
            raise QueryError(f"{name!r} could mean several entities: {names}; pass the IRI instead")
    names = {}  # every label and alias → the label to suggest
    for n, d in g.nodes(data=True):
        for alias in (d.get("label", n), *d.get("aliases", ())):
            names.setdefault(alias.casefold(), d.get("label", n))
    close = [names[c] for c in difflib.get_close_matches(wanted, sorted(names), n=3, cutoff=0.6)]
    close += [lb for k, lb in sorted(names.items()) if wanted and wanted in k and lb not in close][:3]
    close = list(dict.fromkeys(close))
    hint = f"; did you mean {', '.join(close)}?" if close else "; list entities with: kg analyze centrality"
    if g.graph.get("filter"):
        hint += f" (the filters may have left it out: {'; '.join(g.graph['filter'])})"
    raise QueryError(f"no entity called {name!r} in the graph{hint}")


def ego_graph(g, entity: str, depth: int = 1):
    """The entities within ``depth`` relations of ``entity`` (either direction) and their relations."""
    import networkx as nx

    if depth < 0:
        raise QueryError(f"--depth must be 0 or more, got {depth}")
    center = find_entity(g, entity)
    sub = nx.ego_graph(g, center, radius=depth, undirected=True).copy()
    sub.graph.update(g.graph, focus=center, depth=depth)
    return sub


# ------------------------------------------------------------------ measures

def _simple(g, *, directed: bool = False):
    """``g`` with parallel edges merged, ``weight`` = number of statements."""
    import networkx as nx

    h = nx.DiGraph() if directed else nx.Graph()
    h.add_nodes_from(g.nodes)
    for s, o, d in g.edges(data=True):
        if s == o:
            continue
        w = d.get("count", 1)
        if h.has_edge(s, o):
            h[s][o]["weight"] += w
        else:
            h.add_edge(s, o, weight=w)
    return h


def pagerank(g) -> dict[str, float]:
    """PageRank over the directed relations, weighted by statement count."""
    import networkx as nx

    if g.number_of_edges() == 0:
        return {n: 1.0 / max(len(g), 1) for n in g}
    return nx.pagerank(_simple(g, directed=True), weight="weight")


BETWEENNESS_SAMPLE = 400  # sources sampled for betweenness above this many nodes (exact below)


def betweenness(g) -> tuple[dict[str, float], bool]:
    """Normalised betweenness over the undirected relations; sampled (and flagged) on big graphs."""
    import networkx as nx

    h = _simple(g)
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
            from .errors import FormatError

            raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}")
        if fmt == "json":
            return json.dumps({"analysis": self.name, "summary": self.summary, "notes": self.notes,
                               "rows": self.rows}, ensure_ascii=False, indent=1)
        cells = [[_cell(r.get(c)) for c in self.columns] for r in self.rows]
        if fmt == "csv":  # for spreadsheets: no cell of text may start a formula (OWASP)
            from .export import csv_safe

            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(self.columns)
            w.writerows([csv_safe(c) if not isinstance(r.get(col), (int, float)) else c
                         for c, col in zip(row, self.columns)] for row, r in zip(cells, self.rows))
            return buf.getvalue().rstrip("\n")
        from .query import table

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
    h = _simple(g)
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
    import itertools

    import networkx as nx

    a, b = find_entity(g, source), find_entity(g, target)
    h = _simple(g)
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


def country_pairs(g, *, directed: bool = True) -> list[dict]:
    """Event counts by quad class for each pair of countries, with a cooperation–conflict balance.

    An entity's country is its own ISO code (a country) or the one it is linked to (a
    leader, a city). ``directed`` keeps (actor country, recipient country) apart; otherwise
    both directions are added up. ``balance`` is (cooperation − conflict) / (cooperation +
    conflict): +1 all cooperation, −1 all conflict. Static relations are not counted.
    """
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s, o, data in g.edges(data=True):
        quad = data.get("quad")
        cs, co = g.nodes[s].get("country"), g.nodes[o].get("country")
        if quad and cs and co and cs != co:
            pair = (cs, co) if directed else tuple(sorted((cs, co)))
            counts[pair][quad] += data.get("count", 1)
    out = []
    for (a, b), c in counts.items():
        coop = c["verbal cooperation"] + c["material cooperation"]
        conf = c["verbal conflict"] + c["material conflict"]
        out.append({"source": a, "target": b, **{k: c[k] for k in QUAD_CLASSES}, "total": coop + conf,
                    "balance": round((coop - conf) / (coop + conf), 3) if coop + conf else 0.0})
    out.sort(key=lambda r: (-r["total"], r["source"], r["target"]))
    return out


def pairs_report(g, *, directed: bool = True, top: int | None = None) -> Report:
    """:func:`country_pairs` as a report, the ``top`` pairs with most events first."""
    rows = country_pairs(g, directed=directed)
    notes = _notes(g)
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
    dist = nx.single_source_shortest_path_length(_simple(sub), center)
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
               "statements": sum(by_pred.values()), "density": round(nx.density(_simple(sub)), 4),
               "by_relation": dict(by_pred.most_common()), "by_quad_class": dict(by_quad.most_common())}
    return Report("ego", ["entity", "type", "distance", "links", "degree"], rows, _notes(g), summary)


# ------------------------------------------------------------------ kg stats

def most_connected(g, n: int = 10) -> list[tuple[str, int]]:
    """(label, degree) of the ``n`` entities with most relations, ties by label."""
    deg = sorted(((g.nodes[v].get("label", v), d) for v, d in g.degree()), key=lambda x: (-x[1], x[0]))
    return [x for x in deg if x[1] > 0][:n]


def stats(store) -> dict:
    """Counts for ``kg stats``: documents, entities by type, relations by predicate."""
    docs = next(iter(store.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }")))["n"].value
    by_type = {r["type"].value: int(r["n"].value) for r in store.query(
        # Inside GRAPH: an entity is copied into every document graph that mentions it, and the
        # union default graph would join each copy of its label with each copy of its type.
        """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e skos:prefLabel ?l ; a ?t }
           BIND(REPLACE(STR(?t), "^.*#", "") AS ?type) } GROUP BY ?type ORDER BY DESC(?n)""")}
    by_pred = {r["p"].value: int(r["n"].value) for r in store.query(
        """SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:predicate ?pi .
           BIND(REPLACE(STR(?pi), "^.*#", "") AS ?p) } GROUP BY ?p ORDER BY DESC(?n) ?p""")}
    by_plover = {r["t"].value: int(r["n"].value) for r in store.query(
        """SELECT ?t (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:ploverType ?t } GROUP BY ?t ORDER BY DESC(?n)""")}
    flagged = int(next(iter(store.query(
        """SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?st kg:predicate ?p .
           { ?st kg:negated true } UNION { ?st kg:modality ?m FILTER(?m IN ("intended", "hypothetical")) } } }""")))["n"].value)
    g = to_networkx(store)
    return {
        "documents": int(docs),
        "entities": sum(by_type.values()),
        "entities_by_type": by_type,
        "statements": sum(by_pred.values()),
        "statements_by_predicate": by_pred,
        "events_by_plover": by_plover,
        "not_asserted": flagged,
        "most_connected": most_connected(g),
    }


_QID = re.compile(r"Q[1-9]\d*")


def wikidata_url(qid: str | None) -> str | None:
    """The Wikidata page of a QID, or None for anything that is not a QID."""
    return f"https://www.wikidata.org/wiki/{qid}" if qid and _QID.fullmatch(qid) else None
