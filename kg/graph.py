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

A document's graph is self-contained: it describes the document, the extraction activity,
the extractor, and every entity its statements mention, so it can be replaced or removed
without touching any other document.

That is a choice with a cost, measured in ``benchmarks/bench_store.py`` and
``docs/scaling.md``: an entity's description (type, labels, ``owl:sameAs``, country) is
repeated in every document that mentions it, and Oxigraph's union default graph keeps one
copy per graph, so a join on a description over the union gives k copies for an entity k
documents mention (k^2 when two descriptions meet). Queries that join descriptions to
statements therefore match inside ``GRAPH ?g { ... }``, where each graph holds one copy:
every named query in ``kg/queries`` does, and so do ``kg.export`` and ``kg.analyze``.
One shared entity graph would remove the copies, but then removing or replacing a document
could not restore exactly the descriptions the remaining documents give (documents
disagree on aliases and countries, and a shared graph does not remember who said what),
so a store would depend on its history: "A and B, then remove B" would no longer equal
"A". On 1M quads the shared graph made kg's named queries at most 1.6x faster, while they
are already some 50-470x faster than rdflib: not worth that guarantee.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from .model import Document, Entity, Extraction, Relation
from .namespaces import DOC_BASE, EXTRACTOR_BASE, KG, STATEMENT_BASE, WD
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


def add_entity(g: Graph, ent: Entity) -> URIRef:
    node = URIRef(ent.id)
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


def add_relation(g: Graph, rel: Relation, doc: Document) -> URIRef:
    """The statement node of ``rel`` (and its direct edge when the fact is asserted)."""
    doc_node = document_iri(doc.id)
    s = add_entity(g, rel.subject)
    o = add_entity(g, rel.object)
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
    extractor = add_extractor(g, rel.extractor)
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
    if rel.plover and rel.location is not None:
        g.add((node, KG.location, add_entity(g, rel.location)))
    return node


def first_day(iso: str) -> str:
    """The first day of the period an ISO date names at its precision.

    >>> first_day("1982"), first_day("1982-03"), first_day("2019-03-05")
    ('1982-01-01', '1982-03-01', '2019-03-05')
    """
    return iso + "-01" * (3 - len(iso.split("-")))


def extraction_graph(ex: Extraction) -> Graph:
    """The named graph of one document: the document, its entities and statements."""
    g = Graph(identifier=document_iri(ex.document.id))
    add_document(g, ex.document)
    for ent in ex.entities:
        add_entity(g, ent)
    for rel in ex.relations:
        add_relation(g, rel, ex.document)
    return g
