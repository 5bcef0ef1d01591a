"""The store as a networkx graph, and selecting a part of it.

:func:`to_networkx` is the one bridge from RDF to networkx: a ``MultiDiGraph`` whose nodes
are entities and whose edges are asserted facts keyed by predicate, each carrying its
evidence. The measures (:mod:`kg.analyze`), the page (:mod:`kg.visualize`) and the graph
exports (:mod:`kg.export`) all start from it, and all select a part of the graph with the
same :class:`GraphFilter`, :func:`find_entity` and :func:`ego_graph`.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Canada", type="Country", aliases=["CAN"])
    >>> g.add_node("b", label="Japan", type="Country")
    >>> g.add_edge("a", "b", key="praises", predicate="praises", count=2)
    'praises'
    >>> find_entity(g, "can"), sorted(ego_graph(g, "Japan"))
    ('a', ['a', 'b'])
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from .errors import QueryError
from .namespaces import local_name
from .queries import sparql

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


def to_networkx(store, *, min_confidence: float = 0.0, where: GraphFilter | None = None, level: str = "entity"):
    """Entities and their asserted relations as a ``networkx.MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``type``, ``wikidata``, ``country`` and
    ``aliases``. Edges are keyed by predicate: parallel statements of the same (subject,
    predicate, object) are merged into one edge with a ``count``, the highest
    ``confidence``, ``evidence`` as (sentence, document) pairs and ``mentions`` with each
    statement's sentence, document, title, date, confidence and CAMEO code.

    ``where`` keeps part of the graph (see :class:`GraphFilter`); names it gives that the
    store does not have raise :class:`~kg.errors.QueryError`. When it selects statements,
    entities left without any relation are dropped. ``level="country"`` then rolls the
    graph up to countries (:func:`country_graph`).
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    import networkx as nx

    where = where or GraphFilter()
    if min_confidence > where.min_confidence:
        where = replace(where, min_confidence=min_confidence)
    g = nx.MultiDiGraph()
    aliases = defaultdict(set)
    for row in store.query(sparql("_entity-aliases")):
        aliases[row["e"].value].add(row["v"].value)
    for row in store.query(sparql("_entities")):  # each entity is described once (kg.entities)
        iri = row["e"].value
        g.add_node(iri, label=row["label"].value, type=local_name(row["t"].value),
                   wikidata=local_name(row["wd"].value) if row["wd"] else None,
                   country=row["cc"].value if row["cc"] else None, aliases=sorted(aliases.get(iri, ())))
        if row["sector"]:  # a part of a country: "Venezuela police" (graph tools drop None values)
            g.nodes[iri]["sector"] = row["sector"].value
    if where.documents:
        known_docs = {r["id"].value for r in store.query(sparql("_document-ids"))}
        if set(where.documents) - known_docs:
            raise _unknown("document", set(where.documents) - known_docs, known_docs, "--doc")
    edges: dict[tuple, dict] = {}
    predicates: set[str] = set()
    seen: set[str] = set()
    undated = 0
    dated = bool(where.since or where.until)
    undated_ok = replace(where, since=None, until=None)
    for row in store.query(sparql("_statements")):
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
    return country_graph(g) if level == "country" else g


LEVELS = ("entity", "country")


def country_graph(g):
    """``g`` rolled up to countries: each entity counts for its country (a person, an organ, a
    sector, a city for the country of its ``country`` code), and the relations between two
    countries' entities become relations between the countries, merged by predicate.

    Entities without a country and relations within one country are left out (the graph's
    ``filter`` notes say how many), and so are countries left without a relation. A country
    node is the store's entity of that country, else the gazetteer's; ``members`` lists the
    labels of the entities it stands for, and each mention of an edge keeps its own
    ``subject`` and ``object``.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="Ana Ruiz", type="Person", country="CHL")
    >>> g.add_node("c", label="Peru", type="Country", country="PER")
    >>> g.add_edge("p", "c", key="praises", predicate="praises", count=1, mentions=[], evidence=[], docs=["d"],
    ...            dates=[])
    'praises'
    >>> h = country_graph(g)
    >>> sorted(d["label"] for _, d in h.nodes(data=True)), list(h.edges(keys=True))[0][2]
    (['Chile', 'Peru'], 'praises')
    """
    import networkx as nx

    from . import gazetteer as gaz
    from .namespaces import ENTITY_BASE

    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    node_of: dict[str, str] = {}
    for n, d in sorted(g.nodes(data=True)):
        if d.get("type") == "Country" and d.get("country"):
            node_of.setdefault(d["country"], n)

    def country_node(code: str) -> str:
        if code not in node_of:
            actor = gaz.default().country(code)
            node_of[code] = ENTITY_BASE + (actor.wikidata if actor is not None and actor.wikidata
                                           else f"country/{code.lower()}")
        n = node_of[code]
        if n not in h:
            if n in g:
                h.add_node(n, **g.nodes[n])
            else:
                actor = gaz.default().country(code)
                h.add_node(n, label=actor.label if actor is not None else code, type="Country",
                           wikidata=actor.wikidata if actor is not None else None, country=code, aliases=[])
            h.nodes[n]["members"] = []
        return n

    no_country = 0
    for _, d in sorted(g.nodes(data=True), key=lambda nd: nd[1].get("label", nd[0])):
        if d.get("country"):
            h.nodes[country_node(d["country"])]["members"].append(d.get("label"))
        else:
            no_country += 1
    within = 0
    for s, o, k, d in g.edges(keys=True, data=True):
        cs, co = g.nodes[s].get("country"), g.nodes[o].get("country")
        if not cs or not co or cs == co:
            within += cs is not None and cs == co
            continue
        a, b = country_node(cs), country_node(co)
        said = [{**m, "subject": g.nodes[s].get("label"), "object": g.nodes[o].get("label")}
                for m in d.get("mentions", [])]
        if h.has_edge(a, b, k):
            e = h[a][b][k]
            e["count"] += d.get("count", 1)
            e["confidence"] = max(e.get("confidence", 0.0), d.get("confidence", 0.0))
            e["mentions"] = sorted(e["mentions"] + said, key=lambda m: (m.get("date") or "", m["doc"], m["sentence"]))
            e["evidence"] = [(m["sentence"], m["doc"]) for m in e["mentions"]] or e["evidence"] + d.get("evidence", [])
            e["docs"] = sorted(set(e["docs"]) | set(d.get("docs", [])))
            e["dates"] = sorted(set(e["dates"]) | set(d.get("dates", [])))
        else:
            h.add_edge(a, b, key=k, **{**d, "mentions": said, "docs": list(d.get("docs", [])),
                                        "dates": list(d.get("dates", [])), "evidence": list(d.get("evidence", []))})
    h.remove_nodes_from([n for n, d in dict(h.degree()).items() if d == 0])  # only at home: not between countries
    h.graph["filter"] = list(g.graph.get("filter", [])) + [
        f"country level: {no_country} entities without a country and {within} relations within one country left out"]
    return h




# ------------------------------------------------------------------ finding entities and their neighbourhoods

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


# ------------------------------------------------------------------ one edge a pair, for measures and layouts

def simple_graph(g, *, directed: bool = False):
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

