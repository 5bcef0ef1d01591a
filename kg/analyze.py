"""The store as a networkx graph, and the network measures analysts ask for.

:func:`to_networkx` is the one bridge from RDF to networkx: a ``MultiDiGraph`` whose nodes
are entities and whose edges are asserted facts keyed by predicate, each carrying its
evidence. The visualisation and every measure use it.
"""

from __future__ import annotations

from collections import defaultdict

QUAD_CLASS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "material cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?plover ?conf ?evidence ?doc ?date WHERE {
  ?st kg:predicate ?p ; kg:negated false ; kg:modality ?modality ;
      kg:confidence ?conf ; kg:evidence ?evidence ; prov:wasDerivedFrom ?d .
  FILTER(?modality IN ("asserted", "reported"))
  ?st (kg:subject|kg:actor) ?s ; (kg:object|kg:recipient) ?o .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?st kg:ploverType ?plover }
  OPTIONAL { ?st kg:articleDate ?date }
}"""

_ENTITIES = """
SELECT ?e ?label ?type ?wd ?cc (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="|") AS ?aliases) WHERE {
  ?e skos:prefLabel ?label ; a ?t .
  BIND(REPLACE(STR(?t), "^.*#", "") AS ?type)
  OPTIONAL { ?e owl:sameAs ?wd }
  OPTIONAL { ?e kg:countryCode ?cc }
  OPTIONAL { ?e skos:altLabel ?alt }
} GROUP BY ?e ?label ?type ?wd ?cc"""


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(store, *, min_confidence: float = 0.0):
    """Entities and their asserted relations as a ``networkx.MultiDiGraph``.

    Parallel statements of the same (subject, predicate, object) are merged into one edge
    with a ``count`` and every piece of evidence (sentence and document).
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for row in store.query(_ENTITIES):
        iri = row["e"].value
        if iri in g:
            continue
        g.add_node(iri, label=row["label"].value, type=row["type"].value,
                   wikidata=local_name(row["wd"].value) if row["wd"] else None,
                   country=row["cc"].value if row["cc"] else None,
                   aliases=[a for a in row["aliases"].value.split("|") if a] if row["aliases"] else [])
    edges: dict[tuple, dict] = {}
    for row in store.query(_STATEMENTS):
        conf = float(row["conf"].value)
        if conf < min_confidence:
            continue
        s, o, p = row["s"].value, row["o"].value, local_name(row["p"].value)
        key = (s, o, p)
        e = edges.setdefault(key, {"predicate": p, "plover": row["plover"].value if row["plover"] else None,
                                   "evidence": [], "docs": set(), "dates": set(), "confidence": 0.0,
                                   "statements": set()})
        if row["st"].value in e["statements"]:
            continue
        e["statements"].add(row["st"].value)
        e["evidence"].append((row["evidence"].value, row["doc"].value))
        e["docs"].add(row["doc"].value)
        if row["date"]:
            e["dates"].add(row["date"].value)
        e["confidence"] = max(e["confidence"], conf)
    for (s, o, p), e in edges.items():
        for n in (s, o):
            if n not in g:
                g.add_node(n, label=local_name(n), type="Topic", wikidata=None, country=None, aliases=[])
        g.add_edge(s, o, key=p, predicate=p, plover=e["plover"],
                   quad=QUAD_CLASS.get(e["plover"]) if e["plover"] else None,
                   count=len(e["statements"]), confidence=e["confidence"],
                   evidence=e["evidence"], docs=sorted(e["docs"]), dates=sorted(e["dates"]))
    return g


def most_connected(g, n: int = 10) -> list[tuple[str, int]]:
    """(label, degree) of the ``n`` entities with most relations, ties by label."""
    deg = sorted(((g.nodes[v].get("label", v), d) for v, d in g.degree()), key=lambda x: (-x[1], x[0]))
    return [x for x in deg if x[1] > 0][:n]


def stats(store) -> dict:
    """Counts for ``kg stats``: documents, entities by type, relations by predicate."""
    docs = next(iter(store.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }")))["n"].value
    by_type = {r["type"].value: int(r["n"].value) for r in store.query(
        """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e skos:prefLabel ?l ; a ?t .
           BIND(REPLACE(STR(?t), "^.*#", "") AS ?type) } GROUP BY ?type ORDER BY DESC(?n)""")}
    by_pred = {r["p"].value: int(r["n"].value) for r in store.query(
        """SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:predicate ?pi .
           BIND(REPLACE(STR(?pi), "^.*#", "") AS ?p) } GROUP BY ?p ORDER BY DESC(?n) ?p""")}
    by_plover = {r["t"].value: int(r["n"].value) for r in store.query(
        """SELECT ?t (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:ploverType ?t } GROUP BY ?t ORDER BY DESC(?n)""")}
    flagged = int(next(iter(store.query(
        """SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:predicate ?p .
           { ?st kg:negated true } UNION { ?st kg:modality ?m FILTER(?m IN ("intended", "hypothetical")) } }""")))["n"].value)
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


def country_pairs(g) -> list[dict]:
    """Counts by quad class for each ordered pair of countries, with a cooperation–conflict balance."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s, o, data in g.edges(data=True):
        quad = data.get("quad")
        cs, co = g.nodes[s].get("country"), g.nodes[o].get("country")
        if quad and cs and co and cs != co:
            counts[(cs, co)][quad] += data.get("count", 1)
    out = []
    for (a, b), c in sorted(counts.items()):
        coop = c["verbal cooperation"] + c["material cooperation"]
        conf = c["verbal conflict"] + c["material conflict"]
        out.append({"source": a, "target": b, **{k: c[k] for k in sorted(set(QUAD_CLASS.values()))},
                    "balance": round((coop - conf) / (coop + conf), 3) if coop + conf else 0.0})
    return out
