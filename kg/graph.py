"""Relations → RDF with provenance, one named graph per document.

Every fact is stored twice: as a direct edge ``subject predicate object`` for simple SPARQL
and graph tools, and as a statement node (a PLOVER event class for events, a
``kg:StaticRelation`` otherwise) that carries its evidence sentence and offsets, the
document, the extractor and its version, the confidence, the dates, negation and modality.
Negated, intended and hypothetical facts get the statement node but no direct edge: the
graph never asserts what the text did not.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from . import __version__
from .model import Document, Entity, Extraction, Relation
from .namespaces import DOC_BASE, EXTRACTOR_BASE, KG, STATEMENT_BASE, WD

WDNS = Namespace(WD)
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document and of its named graph, safe for any id."""
    return URIRef(DOC_BASE + quote(doc_id, safe="-._~"))


def statement_iri(rel: Relation) -> URIRef:
    key = "\x00".join([rel.doc, rel.subject.id, rel.predicate, rel.object.id, str(rel.start),
                       str(rel.negated), rel.modality])
    return URIRef(STATEMENT_BASE + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24])


def extractor_iri(name: str) -> URIRef:
    return URIRef(f"{EXTRACTOR_BASE}{quote(name, safe='-._~')}/{__version__}")


def plover_class(plover: str) -> URIRef:
    return KG[plover.capitalize()]


def add_entity(g: Graph, ent: Entity) -> URIRef:
    node = URIRef(ent.id)
    g.add((node, RDF.type, KG[ent.type]))
    g.add((node, RDFS.label, Literal(ent.label)))
    g.add((node, SKOS.prefLabel, Literal(ent.label)))
    for alias in ent.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    if ent.wikidata:
        g.add((node, OWL.sameAs, WDNS[ent.wikidata]))
    if ent.country:
        g.add((node, KG.countryCode, Literal(ent.country)))
    return node


def add_document(g: Graph, doc: Document) -> URIRef:
    node = document_iri(doc.id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, DCTERMS.identifier, Literal(doc.id)))
    g.add((node, KG.contentHash, Literal(doc.content_hash)))
    if doc.title:
        g.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.url:
        g.add((node, DCTERMS.source, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.date:
        g.add((node, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
    return node


def add_relation(g: Graph, rel: Relation, doc_node: URIRef) -> URIRef:
    s = add_entity(g, rel.subject)
    o = add_entity(g, rel.object)
    pred = KG[rel.predicate]
    if rel.asserted:
        g.add((s, pred, o))
    node = statement_iri(rel)
    if rel.plover:
        g.add((node, RDF.type, plover_class(rel.plover)))
        g.add((node, RDF.type, KG.Event))  # stated, not inferred: the store does no RDFS reasoning
        g.add((node, KG.ploverType, Literal(rel.plover)))
        g.add((node, KG.actor, s))
        g.add((node, KG.recipient, o))
        if rel.mode:
            g.add((node, KG.mode, Literal(rel.mode)))
        if rel.cameo:
            g.add((node, KG.cameoCode, Literal(rel.cameo)))
    else:
        g.add((node, RDF.type, KG.StaticRelation))
        g.add((node, KG.subject, s))
        g.add((node, KG.object, o))
    g.add((node, KG.predicate, pred))
    g.add((node, KG.evidence, Literal(rel.sentence)))
    g.add((node, KG.startOffset, Literal(rel.start)))
    g.add((node, KG.endOffset, Literal(rel.end)))
    g.add((node, KG.confidence, Literal(round(rel.confidence, 3), datatype=XSD.decimal)))
    g.add((node, KG.negated, Literal(rel.negated)))
    g.add((node, KG.modality, Literal(rel.modality)))
    g.add((node, PROV.wasDerivedFrom, doc_node))
    extractor = extractor_iri(rel.extractor)
    g.add((node, PROV.wasGeneratedBy, extractor))
    g.add((extractor, RDF.type, KG.Extractor))
    g.add((extractor, RDFS.label, Literal(rel.extractor)))
    g.add((extractor, KG.version, Literal(__version__)))
    if rel.date:
        g.add((node, KG.articleDate, Literal(rel.date, datatype=XSD.date)))
    return node


def extraction_graph(ex: Extraction) -> Graph:
    """The named graph of one document: the document, its entities and statements."""
    g = Graph(identifier=document_iri(ex.document.id))
    doc_node = add_document(g, ex.document)
    for ent in ex.entities:
        add_entity(g, ent)
    for rel in ex.relations:
        add_relation(g, rel, doc_node)
    return g
