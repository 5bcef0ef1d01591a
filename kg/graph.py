"""Relations → RDF with provenance, one named graph per document.

Every fact is stored twice: as a direct edge ``subject predicate object`` for simple SPARQL
and graph tools, and as a statement node that carries everything known about it::

    # kgdoc: is https://w3id.org/kg/doc/, kgid: .../id/, kgst: .../statement/
    kgdoc:state-visit {                                  # the document's named graph
      kgid:Q3099714 kg:visits kgid:Q1490 .               # the direct edge
      kgst:2b7d… a kg:Statement, kg:Event, kg:Consult ;  # the statement: PLOVER type as class
          kg:ploverType "CONSULT" ; kg:mode "visit" ; kg:cameoCode "042" ;
          kg:actor kgid:Q3099714 ; kg:recipient kgid:Q1490 ; kg:predicate kg:visits ;
          kg:evidence "…" ; kg:startOffset 61 ; kg:endOffset 237 ;
          kg:negated false ; kg:modality "asserted" ; kg:confidence 0.9 ;
          kg:articleDate "2019-05-14"^^xsd:date ;         # and, where the text says,
          kg:eventDate "2019-05-01"^^xsd:date ; kg:datePrecision "month" ;   # "in May"
                                                          # (or kg:undated true: "had met")
          kg:location kgid:Q956 ;                         # "in Beijing"
          prov:wasDerivedFrom kgdoc:state-visit ;
          prov:wasAttributedTo <https://w3id.org/kg/extractor/rules/0.1.0> ;
          prov:wasGeneratedBy <https://w3id.org/kg/doc/state-visit#extraction> .
    }

Static relations (leaderOf, memberOf, ...) are ``kg:StaticRelation`` statements with
``kg:subject``/``kg:object`` instead of actor and recipient. Negated, intended and
hypothetical facts get the statement node but no direct edge: the graph never asserts
what the text did not. ``ontologies/shapes.ttl`` describes all of this in SHACL.

Entities are described once per store, not per document: each document graph holds
its *local entities* (``kg:LocalEntity``: what this document calls an entity, of which
type, with which aliases, country and QID, and which store entity it ``kg:denotes``), and
its statements and edges name the store entities. The descriptions of the store entities,
and of the extractors, live in the entity graph, which :mod:`kg.entities` keeps a
function of the stored documents::

    kgdoc:state-visit {
      <https://w3id.org/kg/doc/state-visit#Q3099714> a kg:LocalEntity ;
          kg:denotes kgid:Q3099714 ; kg:localLabel "Justin Trudeau" ; kg:localType kg:Person ;
          kg:localAlias "Trudeau" ; kg:localWikidata wd:Q3099714 ; kg:localCountry "CAN" ;
          kg:nameKey "justin trudeau" ; kg:surnameKey "trudeau" ; kg:mentionCount 4 .
    }
    <https://w3id.org/kg/entities> {
      kgid:Q3099714 a kg:Person ; rdfs:label "Justin Trudeau" ; skos:prefLabel "Justin Trudeau" ;
          skos:altLabel "Trudeau" ; owl:sameAs wd:Q3099714 ; kg:countryCode "CAN" .
    }

:func:`extraction_graph` writes a document's graph given which store entity each of its
local entities denotes (by default the one it would be alone); see :mod:`kg.entities`
and docs/scaling.md (The store layout) for why and what it costs.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from .gazetteer import name_key, suffix_keys, surname_key
from .model import Document, Entity, Extraction, Relation
from .namespaces import DOC_BASE, ENTITY_BASE, EXTRACTOR_BASE, KG, STATEMENT_BASE, WD, local_node
from .version import __version__

WDNS = Namespace(WD)
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# What an IRI holds as it is (RFC 3987): ASCII letters and digits, "-._~", the delimiters,
# "%" starting an escape, and the "ucschar" ranges of Unicode. Anything else (controls,
# spaces, quotes, private-use and tag characters, U+FFF0 and above, a "%" that starts no
# escape) is percent-encoded as UTF-8, which names the same resource.
_UCSCHAR = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef" + "".join(
    f"{chr(plane << 16)}-{chr((plane << 16) | 0xFFFD)}" for plane in range(1, 14)) + "\U000e1000-\U000efffd")
_NOT_IRI_HOST = re.compile(rf"%(?![0-9A-Fa-f]{{2}})|[^A-Za-z0-9\-._~:@!$&'()*+,;=%\[\]{_UCSCHAR}]")
_NOT_IRI_PART = re.compile(rf"%(?![0-9A-Fa-f]{{2}})|[^A-Za-z0-9\-._~:/?@!$&'()*+,;=%{_UCSCHAR}]")
# RFC 3986, appendix B: scheme, authority, path, query, fragment (urlsplit would drop tabs).
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?\Z", re.DOTALL)


def _pct(m: re.Match) -> str:
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass"))


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document and of its named graph, safe for any id.

    >>> str(document_iri("state-visit"))
    'https://w3id.org/kg/doc/state-visit'
    >>> str(document_iri("Café #1/2"))
    'https://w3id.org/kg/doc/Caf%C3%A9%20%231%2F2'
    """
    return URIRef(DOC_BASE + quote(doc_id, safe="-._~"))


def activity_iri(doc_id: str) -> URIRef:
    """The extraction activity that produced a document's statements."""
    return URIRef(document_iri(doc_id) + "#extraction")


def statement_iri(rel: Relation) -> URIRef:
    key = "\x00".join([rel.doc, rel.subject.id, rel.predicate, rel.object.id, str(rel.start),
                       str(rel.negated), rel.modality])
    return URIRef(STATEMENT_BASE + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24])


def extractor_iri(name: str) -> URIRef:
    return URIRef(f"{EXTRACTOR_BASE}{quote(name, safe='-._~')}/{__version__}")


def plover_class(plover: str) -> URIRef:
    return KG[plover.capitalize()]


def url_iri(url: str) -> URIRef | None:
    """A document URL as an IRI, or None when it is not an absolute URL.

    Characters an IRI cannot hold (spaces, quotes, braces) are percent-encoded, so a
    sloppy URL in a corpus still gives a valid IRI that names the same page.

    >>> str(url_iri("https://en.wikinews.org/wiki/A b"))
    'https://en.wikinews.org/wiki/A%20b'
    >>> url_iri("n/a") is None
    True
    """
    m = _URL.match(url.strip())
    if m is None or not m.group(2):
        return None
    scheme, authority, path, query, fragment = m.groups()
    iri = f"{scheme}://{_NOT_IRI_HOST.sub(_pct, authority)}{_NOT_IRI_PART.sub(_pct, path)}"
    if query is not None:
        iri += "?" + _NOT_IRI_PART.sub(_pct, query)
    if fragment is not None:
        iri += "#" + _NOT_IRI_PART.sub(_pct, fragment)
    import pyoxigraph as ox

    try:
        ox.NamedNode(iri)  # the store's own check (RFC 3987)
    except ValueError:
        return None  # kept as a citation instead
    return URIRef(iri)


def add_entity(g: Graph, ent: Entity, iri: str | None = None) -> URIRef:
    """An entity's description: its type, labels, Wikidata link, country and sector.

    kg keeps these in the entity graph (:mod:`kg.entities`); this is for graphs of one's own.
    """
    node = URIRef(iri or ent.id)
    g.add((node, RDF.type, KG[ent.type]))
    g.add((node, RDFS.label, Literal(ent.label)))
    g.add((node, SKOS.prefLabel, Literal(ent.label)))
    for alias in ent.aliases:
        if alias != ent.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if ent.wikidata:
        g.add((node, OWL.sameAs, WDNS[ent.wikidata]))
    if ent.country:
        g.add((node, KG.countryCode, Literal(ent.country)))
    if ent.sector:
        g.add((node, KG.sector, Literal(ent.sector)))
    return node


def local_entity_iri(doc_id: str, entity_id: str) -> URIRef:
    """A document's local entity: the document IRI, ``#`` and the tail of the entity's IRI.

    >>> str(local_entity_iri("state-visit", "https://w3id.org/kg/id/person/anna-vogt"))
    'https://w3id.org/kg/doc/state-visit#person/anna-vogt'
    """
    if not entity_id.startswith(ENTITY_BASE):
        raise ValueError(f"an entity IRI must start with {ENTITY_BASE}, got {entity_id!r}")
    return URIRef(local_node(str(document_iri(doc_id)), entity_id))


def add_local_entity(g: Graph, doc: Document, ent: Entity, denotes: str) -> URIRef:
    """What this document says about ``ent``, and the store entity it denotes."""
    node = local_entity_iri(doc.id, ent.id)
    g.add((node, RDF.type, KG.LocalEntity))
    g.add((node, KG.denotes, URIRef(denotes)))
    g.add((node, KG.localLabel, Literal(ent.label)))
    g.add((node, KG.localType, KG[ent.type]))
    for alias in ent.aliases:
        if alias != ent.label:
            g.add((node, KG.localAlias, Literal(alias)))
    if ent.wikidata:
        g.add((node, KG.localWikidata, WDNS[ent.wikidata]))
    if ent.country:
        g.add((node, KG.localCountry, Literal(ent.country)))
    if ent.sector:
        g.add((node, KG.localSector, Literal(ent.sector)))
    g.add((node, KG.nameKey, Literal(name_key(ent.label))))
    if surname := surname_key(ent.label, ent.type):
        g.add((node, KG.surnameKey, Literal(surname)))
    for suffix in suffix_keys(ent.label, ent.type):
        g.add((node, KG.suffixKey, Literal(suffix)))
    g.add((node, KG.mentionCount, Literal(ent.mentions)))
    if ent.partial:
        g.add((node, KG.partialName, Literal(True)))
    return node


def add_document(g: Graph, doc: Document) -> URIRef:
    node = document_iri(doc.id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, DCTERMS.identifier, Literal(doc.id)))
    g.add((node, KG.contentHash, Literal(doc.content_hash)))
    if doc.title:
        g.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.url:
        source = url_iri(doc.url)
        if source is not None:
            g.add((node, DCTERMS.source, source))
        else:  # not a URL we can link to: keep the text as a citation
            g.add((node, DCTERMS.bibliographicCitation, Literal(doc.url)))
    if doc.date:
        g.add((node, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
    return node


def extractor_ntriples(name: str) -> list[str]:
    """The description of an extractor as N-Triples lines (it lives in the entity graph)."""
    g = Graph()
    add_extractor(g, name)
    return [line for line in g.serialize(format="nt").splitlines() if line.strip()]


def add_extractor(g: Graph, name: str) -> URIRef:
    node = extractor_iri(name)
    g.add((node, RDF.type, KG.Extractor))
    g.add((node, RDF.type, PROV.SoftwareAgent))
    g.add((node, RDFS.label, Literal(name)))
    g.add((node, KG.version, Literal(__version__)))
    return node


def add_activity(g: Graph, doc: Document, extractor: URIRef) -> URIRef:
    node = activity_iri(doc.id)
    g.add((node, RDF.type, PROV.Activity))
    g.add((node, PROV.used, document_iri(doc.id)))
    g.add((node, PROV.wasAssociatedWith, extractor))
    return node


def add_relation(g: Graph, rel: Relation, doc: Document, denotes: dict[str, str] | None = None) -> URIRef:
    """The statement node of ``rel`` (and its direct edge when the fact is asserted).

    ``denotes`` maps the document's entity IRIs to the store entities they denote.
    """
    doc_node = document_iri(doc.id)
    denotes = denotes or {}
    s = URIRef(denotes.get(rel.subject.id, rel.subject.id))
    o = URIRef(denotes.get(rel.object.id, rel.object.id))
    pred = KG[rel.predicate]
    if rel.asserted:
        g.add((s, pred, o))
    node = statement_iri(rel)
    g.add((node, RDF.type, KG.Statement))  # stated, not inferred: the store does no RDFS reasoning
    if rel.plover:
        g.add((node, RDF.type, KG.Event))
        g.add((node, RDF.type, plover_class(rel.plover)))
        g.add((node, KG.ploverType, Literal(rel.plover)))
        g.add((node, KG.actor, s))
        g.add((node, KG.recipient, o))
        if rel.mode:
            g.add((node, KG.mode, Literal(rel.mode)))
        if rel.cameo:
            g.add((node, KG.cameoCode, Literal(rel.cameo)))
        if rel.subject_mention:  # a capital or seat acting for its state
            g.add((node, KG.actorMention, Literal(rel.subject_mention)))
        if rel.object_mention:
            g.add((node, KG.recipientMention, Literal(rel.object_mention)))
    else:
        g.add((node, RDF.type, KG.StaticRelation))
        g.add((node, KG.subject, s))
        g.add((node, KG.object, o))
    g.add((node, KG.predicate, pred))
    g.add((node, KG.evidence, Literal(rel.sentence)))
    g.add((node, KG.startOffset, Literal(rel.start)))
    g.add((node, KG.endOffset, Literal(rel.end)))
    g.add((node, KG.confidence, Literal(Decimal(str(round(rel.confidence, 3))))))
    g.add((node, KG.negated, Literal(rel.negated)))
    g.add((node, KG.modality, Literal(rel.modality)))
    g.add((node, PROV.wasDerivedFrom, doc_node))
    extractor = extractor_iri(rel.extractor)  # described in the entity graph
    g.add((node, PROV.wasAttributedTo, extractor))
    g.add((node, PROV.wasGeneratedBy, add_activity(g, doc, extractor)))
    # The record's date is the date of the fact: the event date where the text gives one,
    # else the article date. Both are kept apart here (kg:eventDate is for events only):
    # an event date is the first day of its period, with the precision the text gave. An
    # event the text puts in the past without a date is kg:undated: the article's date is
    # not its date either.
    if doc.date:
        g.add((node, KG.articleDate, Literal(doc.date, datatype=XSD.date)))
    if rel.plover and rel.date and rel.date != doc.date:
        g.add((node, KG.eventDate, Literal(first_day(rel.date), datatype=XSD.date)))
        g.add((node, KG.datePrecision, Literal(rel.date_precision)))
    elif rel.undated and doc.date:
        g.add((node, KG.undated, Literal(True)))
    if rel.plover and rel.location is not None:  # a local entity of the document, like its actors
        g.add((node, KG.location, URIRef(denotes.get(rel.location.id, rel.location.id))))
    return node


def first_day(iso: str) -> str:
    """The first day of the period an ISO date names at its precision.

    >>> first_day("1982"), first_day("1982-03"), first_day("2019-03-05")
    ('1982-01-01', '1982-03-01', '2019-03-05')
    """
    return iso + "-01" * (3 - len(iso.split("-")))


def mentioned_entities(ex: Extraction) -> list[Entity]:
    """The entities of an extraction: its ``entities`` and any other its relations name
    (subjects, objects and the places of events)."""
    found = {e.id: e for e in ex.entities}
    for rel in ex.relations:
        for e in (rel.subject, rel.object, rel.location if rel.plover else None):
            if e is not None:
                found.setdefault(e.id, e)
    return list(found.values())


def extraction_graph(ex: Extraction, denotes: dict[str, str] | None = None) -> Graph:
    """The named graph of one document: the document, its local entities and statements.

    ``denotes`` maps each entity IRI of the extraction to the store entity it denotes
    (:func:`kg.entities.update` computes it); an entity left out denotes itself.
    """
    denotes = denotes or {}
    g = Graph(identifier=document_iri(ex.document.id))
    add_document(g, ex.document)
    for ent in mentioned_entities(ex):
        add_local_entity(g, ex.document, ent, denotes.get(ent.id, ent.id))
    for rel in ex.relations:
        add_relation(g, rel, ex.document, denotes)
    return g
