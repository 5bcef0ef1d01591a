"""Format name → writer. Exporters are registered by name, like extractors.

RDF formats are written by Oxigraph straight from the store; ``jsonld`` goes through
rdflib with the context shipped in ``ontologies/context.jsonld``; ``jsonl`` writes the
relation records back out of the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .errors import FormatError

Exporter = Callable[..., bytes]
_REGISTRY: dict[str, tuple[Exporter, str]] = {}


def register(name: str, description: str) -> Callable[[Exporter], Exporter]:
    def deco(fn: Exporter) -> Exporter:
        _REGISTRY[name] = (fn, description)
        return fn

    return deco


def get(name: str) -> Exporter:
    try:
        return _REGISTRY[name][0]
    except KeyError:
        raise FormatError(f"unknown export format {name!r}; choose one of {', '.join(_REGISTRY)}") from None


def available() -> dict[str, str]:
    return {n: d for n, (_, d) in _REGISTRY.items()}


RDF_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG", "rdfxml": "RDF_XML",
               "jsonld": "JSON_LD"}


def rdf_format(name: str):
    """An export format name → ``pyoxigraph.RdfFormat``."""
    import pyoxigraph as ox

    if name not in RDF_FORMATS:
        raise FormatError(f"unknown RDF format {name!r}; choose one of {', '.join(RDF_FORMATS)}")
    return getattr(ox.RdfFormat, RDF_FORMATS[name])


def _oxigraph(fmt_name: str, graph_format: bool):
    def export(store) -> bytes:
        import pyoxigraph as ox

        from .namespaces import PREFIXES

        fmt = getattr(ox.RdfFormat, fmt_name)
        if not graph_format:
            return store.ox.dump(format=fmt, prefixes=PREFIXES)
        # Triple formats get the union of the document graphs, without duplicates.
        triples = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES) if fmt_name != "N_TRIPLES" \
            else ox.serialize(triples, format=fmt)

    return export


register("ttl", "Turtle: the union of all documents")(_oxigraph("TURTLE", True))
register("nt", "N-Triples: the union of all documents")(_oxigraph("N_TRIPLES", True))
register("nq", "N-Quads: one named graph per document")(_oxigraph("N_QUADS", False))
register("trig", "TriG: one named graph per document")(_oxigraph("TRIG", False))


@register("jsonld", "JSON-LD with kg's @context")
def export_jsonld(store) -> bytes:
    from rdflib import Graph

    from .namespaces import ONTOLOGY_DIR

    g = Graph()
    g.parse(data=_oxigraph("N_TRIPLES", True)(store), format="nt")
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    return g.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")


_RECORDS = """
SELECT ?st ?doc ?evidence ?start ?end ?s ?p ?o ?plover ?mode ?cameo ?negated ?modality ?conf ?date ?ex WHERE {
  ?st kg:predicate ?p ; kg:evidence ?evidence ; kg:startOffset ?start ; kg:endOffset ?end ;
      kg:negated ?negated ; kg:modality ?modality ; kg:confidence ?conf ;
      prov:wasDerivedFrom ?d ; prov:wasGeneratedBy ?x .
  ?x rdfs:label ?ex . ?d dcterms:identifier ?doc .
  ?st (kg:subject|kg:actor) ?s ; (kg:object|kg:recipient) ?o .
  OPTIONAL { ?st kg:ploverType ?plover } OPTIONAL { ?st kg:mode ?mode }
  OPTIONAL { ?st kg:cameoCode ?cameo } OPTIONAL { ?st kg:articleDate ?date }
} ORDER BY ?doc ?start ?st"""


def relation_records(store):
    """The relation records stored, as dicts (the ``jsonl`` schema)."""
    from .analyze import local_name, to_networkx

    g = to_networkx(store)
    entities = {}

    def entity(iri: str) -> dict:
        if iri not in entities:
            d = g.nodes[iri] if iri in g else {}
            entities[iri] = {"id": iri, "label": d.get("label", local_name(iri)), "aliases": d.get("aliases", []),
                             "type": d.get("type", "Topic"), "wikidata": d.get("wikidata"),
                             "country": d.get("country")}
        return entities[iri]

    def lit(row, k):
        return row[k].value if row[k] is not None else None

    for row in store.query(_RECORDS):
        yield {
            "doc": row["doc"].value, "sentence": row["evidence"].value,
            "start": int(row["start"].value), "end": int(row["end"].value),
            "subject": entity(row["s"].value), "predicate": local_name(row["p"].value),
            "plover": lit(row, "plover"), "mode": lit(row, "mode"), "cameo": lit(row, "cameo"),
            "object": entity(row["o"].value), "negated": row["negated"].value == "true",
            "modality": row["modality"].value, "confidence": float(row["conf"].value),
            "date": lit(row, "date"), "extractor": row["ex"].value,
        }


@register("jsonl", "relation records, one JSON object a line")
def export_jsonl(store) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in relation_records(store)).encode("utf-8")
