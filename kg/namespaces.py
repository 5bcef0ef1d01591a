"""IRIs of kg: the ontology's namespace, closed over the terms declared in ontologies/kg.ttl.

A misspelt term raises instead of minting a bogus IRI::

    >>> from kg.namespaces import KG
    >>> KG.visits
    rdflib.term.URIRef('https://w3id.org/kg/ontology#visits')
    >>> KG.vists
    Traceback (most recent call last):
    ...
    AttributeError: "term 'vists' not in namespace 'https://w3id.org/kg/ontology#'"

``KG`` is built on first use: it is an rdflib ``ClosedNamespace``, and rdflib takes some
80 ms to import, which the modules that need only the IRIs, prefixes and names below
(the query, export and analysis layers) should not pay for.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib.namespace import ClosedNamespace

BASE = "https://w3id.org/kg/"
ONTOLOGY_IRI = BASE + "ontology#"
ENTITY_BASE = BASE + "id/"
DOC_BASE = BASE + "doc/"
STATEMENT_BASE = BASE + "statement/"
EXTRACTOR_BASE = BASE + "extractor/"
WD = "http://www.wikidata.org/entity/"


def _ontology_dir() -> Path:
    # In a checkout the ontology lives at the top level, beside kg/; an installed wheel
    # carries the same folder as the package data kg/ontologies (see pyproject.toml).
    for candidate in (Path(__file__).resolve().parent.parent / "ontologies",
                      Path(__file__).resolve().parent / "ontologies"):
        if (candidate / "kg.ttl").exists():
            return candidate
    raise FileNotFoundError("kg's ontology (ontologies/kg.ttl) is missing; reinstall kg")


ONTOLOGY_DIR = _ontology_dir()
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"


def _declared_terms() -> list[str]:
    # Read the local names straight from the Turtle so that `import kg.namespaces` stays
    # cheap; tests check that this agrees with a full parse by rdflib.
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"^kg:([A-Za-z_][\w-]*)\s+a\s", text, re.M)))


KG: ClosedNamespace  # the ontology's terms, built by __getattr__ on first use


def __getattr__(name: str):
    if name == "KG":
        from rdflib.namespace import ClosedNamespace

        global KG
        KG = ClosedNamespace(ONTOLOGY_IRI, _declared_terms())
        return KG
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

PREFIXES = {
    "kg": ONTOLOGY_IRI,
    "kgid": ENTITY_BASE,
    "kgdoc": DOC_BASE,
    "wd": WD,
    "wdt": "http://www.wikidata.org/prop/direct/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def local_node(doc_iri: str, entity_iri: str) -> str:
    """A document's local entity: the document's IRI, ``#`` and the tail of the entity's IRI
    (written by kg.graph, read by kg.entities).

    >>> local_node("https://w3id.org/kg/doc/d1", "https://w3id.org/kg/id/person/anna-vogt")
    'https://w3id.org/kg/doc/d1#person/anna-vogt'
    """
    return f"{doc_iri}#{entity_iri[len(ENTITY_BASE):]}"


def local_name(iri: str) -> str:
    """The last part of an IRI, after its ``#`` or last ``/``.

    >>> local_name("https://w3id.org/kg/ontology#leaderOf"), local_name("http://www.wikidata.org/entity/Q148")
    ('leaderOf', 'Q148')
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_QID = re.compile(r"Q[1-9]\d*")


def wikidata_url(qid: str | None) -> str | None:
    """The Wikidata page of a QID, or None for anything that is not a QID.

    >>> wikidata_url("Q148"), wikidata_url("Beijing")
    ('https://www.wikidata.org/wiki/Q148', None)
    """
    return f"https://www.wikidata.org/wiki/{qid}" if qid and _QID.fullmatch(qid) else None
