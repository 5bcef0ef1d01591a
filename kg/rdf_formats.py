"""RDF formats by kg's names: their Oxigraph formats, media types, and writing triples in them.

One table for everything that reads or writes RDF: ``kg export`` (:mod:`kg.export`),
CONSTRUCT and DESCRIBE results (:mod:`kg.query`) and loading an export back into a store
(:mod:`kg.store`).

    >>> MEDIA_TYPES["ttl"], "trig" in QUAD_FORMATS
    ('text/turtle', True)
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .errors import FormatError
from .namespaces import ONTOLOGY_DIR, PREFIXES
from .xmlsafe import xml_bytes

RDF_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG", "rdfxml": "RDF_XML",
               "jsonld": "JSON_LD"}
QUAD_FORMATS = ("nq", "trig")  # the formats that keep named graphs
MEDIA_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
               "trig": "application/trig", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}


def rdf_format(name: str):
    """A format name → ``pyoxigraph.RdfFormat``."""
    import pyoxigraph as ox

    if name not in RDF_FORMATS:
        raise FormatError(f"unknown RDF format {name!r}; choose one of {', '.join(RDF_FORMATS)}")
    return getattr(ox.RdfFormat, RDF_FORMATS[name])


def jsonld_context() -> dict:
    """The ``@context`` object of ``ontologies/context.jsonld``."""
    return json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def serialize_triples(triples: Iterable, fmt: str) -> bytes:
    """pyoxigraph triples (a CONSTRUCT result, the union graph) → bytes in an RDF format."""
    import pyoxigraph as ox

    f = rdf_format(fmt)
    if fmt == "jsonld":
        from rdflib import Graph

        g = Graph()
        g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        return g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
    if fmt in ("nt", "nq"):  # line formats take no prefixes
        return ox.serialize(triples, format=f)
    data = ox.serialize(triples, format=f, prefixes=PREFIXES)
    return xml_bytes(data) if fmt == "rdfxml" else data  # what XML 1.0 forbids: see kg.xmlsafe

