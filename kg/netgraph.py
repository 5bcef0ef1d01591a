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
from functools import cache
from importlib import resources

from .errors import QueryError
from .eventkey import event_date, event_id, event_key
from .namespaces import ENTITY_BASE, local_name
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
        for name in ("relations", "entity_types", "documents"):  # any iterable (click gives tuples, callers lists)
            object.__setattr__(self, name, tuple(getattr(self, name)))
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


def entity_descriptions(store) -> dict[str, dict]:
    """Entity IRI → its ``label``, ``type``, ``wikidata`` (QID), ``country`` and ``sector``.

    Each entity is described once, in the entity graph (:mod:`kg.entities`). For the event
    table, which needs the descriptions without the graph.
    """
    out = {}
    for row in store.query(sparql("_entities")):
        out[row["e"].value] = {"label": row["label"].value, "type": local_name(row["t"].value),
                               "wikidata": local_name(row["wd"].value) if row["wd"] else None,
                               "country": row["cc"].value if row["cc"] else None,
                               "sector": row["sector"].value if row["sector"] else None}
    return out


def to_networkx(store, *, min_confidence: float = 0.0, where: GraphFilter | None = None, level: str = "entity"):
    """Entities and their asserted relations as a ``networkx.MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``type``, ``wikidata``, ``country`` and
    ``aliases``. Edges are keyed by predicate: parallel statements of the same (subject,
    predicate, object) are merged into one edge with a ``count`` of statements, the
    number of ``events`` they report (reports of one real event count once, see
    :mod:`kg.eventkey`; None for static relations), the highest ``confidence``,
    ``evidence`` as (sentence, document) pairs and ``mentions`` with each statement's
    sentence, document, title, date (and its ``precision``), confidence, CAMEO code and
    ``event`` id.

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
    _add_entities(g, store)
    if where.documents:
        known_docs = {r["id"].value for r in store.query(sparql("_document-ids"))}
        if set(where.documents) - known_docs:
            raise _unknown("document", set(where.documents) - known_docs, known_docs, "--doc")
    edges, predicates, undated = _kept_statements(store, where)
    if where.relations and set(where.relations) - predicates:
        raise _unknown("relation", set(where.relations) - predicates, predicates, "--relation")
    _add_edges(g, edges)
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


def _add_entities(g, store) -> None:
    """Every entity of the store as a node, with its one description (the entity graph)."""
    aliases = defaultdict(set)
    for row in store.query(sparql("_entity-aliases")):
        aliases[row["e"].value].add(row["v"].value)
    # (in a fixed order: layouts and community colours follow the order nodes were added, and
    # the same store must give the same picture in every run)
    for iri, d in sorted(entity_descriptions(store).items()):
        sector = d.pop("sector")
        g.add_node(iri, **d, aliases=sorted(aliases.get(iri, ())))
        if sector:  # a part of a country: "Venezuela police" (graph tools drop None values)
            g.nodes[iri]["sector"] = sector


def _kept_statements(store, where: GraphFilter) -> tuple[dict[tuple, dict], set[str], int]:
    """The asserted statements ``where`` keeps, grouped by (subject, object, predicate); every
    predicate seen; and how many statements only a date filter left out for having no date."""
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
        when = row["date"] or (None if row["undated"] else row["docdate"])  # an undated event has no time
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
            **_event_of(row, plover, p, s, o),
        })
    return edges, predicates, undated


def _add_edges(g, edges: dict[tuple, dict]) -> None:
    """One edge per (subject, object, predicate), its statements merged (see :func:`to_networkx`)."""
    for (s, o, p), e in sorted(edges.items(), key=lambda kv: kv[0]):
        for n in (s, o):
            if n not in g:
                g.add_node(n, label=local_name(n), type="Topic", wikidata=None, country=None, aliases=[])
        ms = sorted(e["mentions"], key=lambda m: (m["date"] or "", m["doc"], m["sentence"]))
        g.add_edge(s, o, key=p, predicate=p, plover=e["plover"],
                   quad=QUAD_CLASS.get(e["plover"]) if e["plover"] else None,
                   count=len(ms), events=len({m["event"] for m in ms}) if e["plover"] else None,
                   confidence=max(m["confidence"] for m in ms),
                   evidence=[(m["sentence"], m["doc"]) for m in ms], mentions=ms,
                   docs=sorted({m["doc"] for m in ms}), dates=sorted({m["date"] for m in ms if m["date"]}))


LEVELS = ("entity", "country")


def _event_of(row, plover: str | None, predicate: str, s: str, o: str) -> dict:
    """The event a statement reports (kg.eventkey): its id, and its date at its precision."""
    if plover is None:
        return {"event": None, "precision": None}
    when, precision = event_date(row["eventdate"].value if row["eventdate"] else None,
                                 row["precision"].value if row["precision"] else None,
                                 row["articledate"].value if row["articledate"] else None,
                                 row["undated"] is not None)
    return {"event": event_id(event_key(plover, predicate, s, o, when, row["modality"].value)),
            "precision": precision}


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


# ------------------------------------------------------------------ countries instead of entities

def country_graph(g):
    """The events of ``g`` between countries: each entity counts for its country (a leader for
    the state, a city for its country), so the nodes are countries and the edges, keyed by
    predicate, carry every statement between their entities.

    Static relations (leaderOf, capitalOf, ...) are left out, and so are events whose actor
    or recipient has no country, and events within one country; ``g.graph["level_note"]``
    says how many. A country is named by its entity in ``g`` (its label and Wikidata link),
    or by its ISO code when the store has none.
    """
    import networkx as nx

    named = {d["country"]: n for n, d in g.nodes(data=True) if d.get("type") == "Country" and d.get("country")}
    known = _countries()
    c = nx.MultiDiGraph()
    c.graph.update(g.graph)
    edges: dict[tuple, dict] = {}
    no_country = domestic = 0
    for s, o, key, d in g.edges(keys=True, data=True):
        if not d.get("plover"):
            continue
        cs, co = g.nodes[s].get("country"), g.nodes[o].get("country")
        if not cs or not co:
            no_country += 1
            continue
        if cs == co:
            domestic += 1
            continue
        e = edges.setdefault((cs, co, key), {**{k: d.get(k) for k in ("predicate", "plover", "quad")},
                                             "mentions": []})
        e["mentions"] += d.get("mentions") or []
    node = {}
    for code in sorted({x for cs, co, _ in edges for x in (cs, co)}):
        name, qid = known.get(code, (code, None))
        entity = g.nodes[named[code]] if code in named else {"label": name, "wikidata": qid}
        node[code] = named.get(code) or (ENTITY_BASE + qid if qid else "country:" + code)
        c.add_node(node[code], label=entity.get("label") or name, type="Country", wikidata=entity.get("wikidata"),
                   country=code, aliases=list(entity.get("aliases") or []))
    for (cs, co, key), e in edges.items():
        ms = sorted(e["mentions"], key=lambda m: (m.get("date") or "", m.get("doc", ""), m.get("sentence", "")))
        c.add_edge(node[cs], node[co], key=key, predicate=e["predicate"], plover=e["plover"], quad=e["quad"],
                   mentions=ms, count=len(ms),
                   events=len({m.get("event") or m.get("statement") for m in ms}),
                   confidence=max((m.get("confidence", 0.0) for m in ms), default=0.0),
                   evidence=[(m["sentence"], m["doc"]) for m in ms], docs=sorted({m["doc"] for m in ms}),
                   dates=sorted({m["date"] for m in ms if m.get("date")}))
    c.graph["level"] = "country"
    c.graph["level_note"] = (f"countries: each entity counts for its country; left out {no_country} relations with "
                             f"an entity of no known country, {domestic} within one country, and static relations")
    return c


@cache
def _countries() -> dict[str, tuple[str, str | None]]:
    """ISO alpha-3 → (name, Wikidata QID) from kg's country table, for countries the store names no entity of."""
    out = {}
    text = resources.files("kg.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            iso3, _iso2, name, _label, qid, *_ = [c.strip() for c in line.split("\t")] + [""] * 5
            out[iso3] = (name, qid or None)
    return out


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

