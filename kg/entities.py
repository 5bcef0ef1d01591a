"""Entities across documents: one description per real entity, computed from the stored documents.

The store layout
----------------
A store holds two kinds of named graph:

* one graph per document (``kgdoc:<id>``): the document, its extraction activity, its
  statements and direct edges, and its **local entities**: for every entity the document
  mentions, a ``kg:LocalEntity`` node (``<document IRI>#<id>``) recording what *this
  document* says about it (label, type, aliases, Wikidata QID, country, sector, how many
  mentions, whether the name was only a surname it could not complete) and which store
  entity it ``kg:denotes``;
* one shared graph, ``https://w3id.org/kg/entities``: the one description of every entity
  (type, ``rdfs:label`` = ``skos:prefLabel``, ``skos:altLabel``, ``owl:sameAs``,
  ``kg:countryCode``, ``kg:sector``) and of every extractor that statements cite.

So a query over the union default graph meets each description once: ``COUNT(?p)`` of
``?p a kg:Person`` counts persons, and a join of two labels gives one row per fact a
document states. Statements and direct edges name store entities (the ``kg:denotes`` of
their local entities), so every document's facts about one real entity meet at one node.

Store resolution
----------------
Which store entity a local entity denotes, and how that entity is described, is
:func:`resolve`: a pure, deterministic function of the set of local entities stored,
never of the order documents came in. Its rules:

1. Local entities linked to Wikidata are the entity of their QID.
2. The others are grouped by name key (:func:`kg.gazetteer.name_key`: "U.S. Senate",
   "US Senate" and "United States Senate" are one key). A key whose local entities name
   two or more countries is one entity per country (plus one for those that name none):
   never one entity across countries. Otherwise the group is one entity, of the type its
   mentions vote for (a surname the parser once tagged as an organisation stays a person).
3. A shorter name joins a longer one when the store holds exactly one compatible
   candidate of its type: a bare surname a document could not complete ("Harris", with
   no full name in that document) joins the one person whose last name it is, and an
   organisation's name of two words or more ("Libertarian Party") the one organisation
   whose name ends with it ("US Libertarian Party"). Never across types or countries (a
   candidate naming another country does not fit), nor into an entity the shorter name's
   own document also names (that document told them apart); with none or several
   candidates it stays an entity of its own.
4. An entity's IRI is the smallest IRI its documents gave it among those of its voted type
   (``kgid:<QID>`` for a linked one; plus ``-<country>`` when a key is split by country).
   Its label is the one most documents give (full names before surnames; ties: the
   longest, then the first in order); every other name is an alias; the type is voted
   over all mentions, country and sector over documents (a tie leaves them unsaid).

On every build, replacement or removal, :func:`update` recomputes the resolution of the
names the change touches (their name keys, the surnames and longer names involved, the
entities they denote), reading the affected local entities from the store, and writes in
one atomic update: the documents' graphs, the ``kg:denotes`` and the statement and edge
IRIs of other documents whose local entities now denote another entity, and the
descriptions of the entities whose set of local entities changed. A description that only
gains a document agreeing with its label, type, country and sector only gains aliases, so a
popular country costs nothing per article. The store is therefore a function of its set of documents: building A then B,
B then A, or A, B then removing B give the same quads (tests/test_incremental.py,
tests/test_entities.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .gazetteer import name_key, suffix_keys, surname_key
from .model import TYPE_PRECEDENCE
from .namespaces import BASE, ENTITY_BASE, EXTRACTOR_BASE, ONTOLOGY_IRI, PREFIXES, WD, local_node

ENTITY_GRAPH = BASE + "entities"
ORGANISATIONS = ("Organization", "Group", "InternationalOrganization")

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_OWL = PREFIXES["owl"]
_PROV = PREFIXES["prov"]


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """What one document says about one entity it mentions (a ``kg:LocalEntity``)."""

    doc: str  # the document's IRI
    local: str  # the entity IRI the document's own resolution gave it (the store's, alone)
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: int = 1
    partial: bool = False  # a bare surname the document could not complete
    denotes: str | None = None  # the store entity, as stored (None before resolution)
    key: str = field(default="", compare=False)
    surname: str | None = field(default=None, compare=False)
    suffixes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self):
        if not self.local.startswith(ENTITY_BASE):
            raise ValueError(f"an entity IRI must start with {ENTITY_BASE}, got {self.local!r}")
        if not self.key:
            object.__setattr__(self, "key", name_key(self.label))
        if self.surname is None:
            object.__setattr__(self, "surname", surname_key(self.label, self.type))
        if not self.suffixes:
            object.__setattr__(self, "suffixes", suffix_keys(self.label, self.type))

    @property
    def node(self) -> str:
        """The local entity's IRI: the document's IRI, ``#`` and the local entity IRI's tail."""
        return local_node(self.doc, self.local)


@dataclass(frozen=True, slots=True)
class Description:
    """The one description of a store entity, in the entity graph."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None

    def ntriples(self) -> list[str]:
        """The description as N-Triples lines (no graph)."""
        import pyoxigraph as ox

        s = str(ox.NamedNode(self.iri))
        lit = lambda v: str(ox.Literal(v))  # noqa: E731 - canonical N-Triples escaping
        out = [f"{s} <{_RDF}type> <{ONTOLOGY_IRI}{self.type}> .",
               f"{s} <{_RDFS}label> {lit(self.label)} .",
               f"{s} <{_SKOS}prefLabel> {lit(self.label)} ."]
        out += [f"{s} <{_SKOS}altLabel> {lit(a)} ." for a in self.aliases]
        if self.wikidata:
            out.append(f"{s} <{_OWL}sameAs> <{WD}{self.wikidata}> .")
        if self.country:
            out.append(f"{s} <{ONTOLOGY_IRI}countryCode> {lit(self.country)} .")
        if self.sector:
            out.append(f"{s} <{ONTOLOGY_IRI}sector> {lit(self.sector)} .")
        return out


# ------------------------------------------------------------------ the resolution (pure)

def _vote(counts: Counter, order: Sequence[str] = ()) -> str | None:
    """The value with most votes; ties go to the first in ``order`` (else the smallest)."""
    if not counts:
        return None
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


def _strict(counts: Counter) -> str | None:
    """The value with most votes, or None when two share the most."""
    best = counts.most_common(2)
    if not best or (len(best) == 2 and best[0][1] == best[1][1]):
        return None
    return best[0][0]


def _type(records: Iterable[LocalEntity]) -> str:
    """The type the mentions of all documents vote for."""
    votes: Counter = Counter()
    for r in records:
        votes[r.type] += r.mentions
    return _vote(votes, TYPE_PRECEDENCE) or "Topic"


def _country(records: Iterable[LocalEntity]) -> str | None:
    return _strict(Counter(r.country for r in records if r.country))


def _iri(records: list[LocalEntity], type_: str) -> str:
    return min(r.local for r in records if r.type == type_)


def _groups(records: Iterable[LocalEntity]) -> dict[str, list[LocalEntity]]:
    """Rules 1 and 2: store entity IRI → its local entities, before surnames join."""
    linked: dict[str, list[LocalEntity]] = defaultdict(list)
    by_key: dict[str, list[LocalEntity]] = defaultdict(list)
    for r in records:
        (linked[r.wikidata] if r.wikidata else by_key[r.key]).append(r)
    out = {_iri(rs, _type(rs)): rs for rs in linked.values()}
    for rs in by_key.values():
        countries = sorted({r.country for r in rs if r.country})
        if len(countries) <= 1:
            out[_iri(rs, _type(rs))] = rs
            continue
        for c in countries:  # never one entity across countries
            sub = [r for r in rs if r.country == c]
            out[f"{_iri(sub, _type(sub))}-{c.lower()}"] = sub
        rest = [r for r in rs if not r.country]
        if rest:
            out[_iri(rest, _type(rest))] = rest
    return out


def _join_shorter(groups: dict[str, list[LocalEntity]]) -> None:
    """Rule 3, in place: a shorter name joins the one longer name of its type it can be.

    A bare surname no document could complete joins the one person of that last name; an
    organisation's name of two words or more joins the one organisation whose name ends
    with it ("Libertarian Party", "US Libertarian Party"). Never across types or countries,
    nor into a name its own document also gives (that document told them apart). Every
    decision is taken on the groups as they were, so the order of joining does not matter.
    """
    types = {iri: _type(rs) for iri, rs in groups.items()}
    countries = {iri: _country(rs) for iri, rs in groups.items()}
    docs = {iri: {r.doc for r in rs} for iri, rs in groups.items()}
    partial = {iri for iri, rs in groups.items() if types[iri] == "Person" and all(r.partial for r in rs)}
    ends: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, key it ends with) → entities
    for iri, rs in groups.items():
        for r in rs:
            if types[iri] == "Person" and iri not in partial and r.surname:
                ends["Person", r.surname].add(iri)
            elif types[iri] in ORGANISATIONS:
                for sfx in r.suffixes:
                    ends[types[iri], sfx].add(iri)
    target = {}
    for iri, rs in groups.items():
        short = iri in partial or (types[iri] in ORGANISATIONS and len(rs[0].key.split()) >= 2
                                   and not any(r.wikidata for r in rs))
        if not short:
            continue
        fits = [c for c in ends.get((types[iri], rs[0].key), ()) if c != iri
                and not (countries[iri] and countries[c] and countries[c] != countries[iri])
                and not docs[iri] & docs[c]]
        if len(fits) == 1:
            target[iri] = fits[0]
    for iri in sorted(target):
        root = target[iri]
        while root in target:  # a longer name may itself end a longer one
            root = target[root]
        groups[root] = groups[root] + groups.pop(iri)


def _describe(iri: str, records: list[LocalEntity]) -> Description:
    full = [r for r in records if not r.partial] or records
    labels = Counter(r.label for r in full)
    label = min(labels, key=lambda v: (-labels[v], -len(v), v))
    aliases = {a for r in records for a in (r.label, *r.aliases)} - {label}
    qids = Counter(r.wikidata for r in records if r.wikidata)
    return Description(iri=iri, label=label, type=_type(records), aliases=tuple(sorted(aliases)),
                       wikidata=_vote(qids), country=_country(records),
                       sector=_strict(Counter(r.sector for r in records if r.sector)))


def resolve(records: Iterable[LocalEntity]) -> tuple[dict[str, str], dict[str, Description]]:
    """The store resolution of a set of local entities: (local entity node → store entity
    IRI, store entity IRI → its description). See the module docstring for the rules.

    >>> from kg.namespaces import ENTITY_BASE as E
    >>> a = LocalEntity("https://w3id.org/kg/doc/a", E + "person/kamala-harris", "Kamala Harris", "Person")
    >>> b = LocalEntity("https://w3id.org/kg/doc/b", E + "person/harris", "Harris", "Person", partial=True)
    >>> denotes, described = resolve([a, b])
    >>> denotes[b.node] == a.local, described[a.local].aliases
    (True, ('Harris',))
    """
    groups = _groups(records)
    _join_shorter(groups)
    denotes = {r.node: iri for iri, rs in groups.items() for r in rs}
    return denotes, {iri: _describe(iri, rs) for iri, rs in groups.items()}


# ------------------------------------------------------------------ local entities in the store

def local_entities(ex) -> list[LocalEntity]:
    """The local entities of an extraction (a :class:`kg.model.Extraction`)."""
    from .graph import document_iri, mentioned_entities

    doc = str(document_iri(ex.document.id))
    return [LocalEntity(doc, e.id, e.label, e.type, tuple(a for a in e.aliases if a != e.label), e.wikidata,
                        e.country, e.sector, e.mentions, e.partial) for e in mentioned_entities(ex)]


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _values(var: str, terms: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(terms)} }}"


def _lit(value: str) -> str:
    import pyoxigraph as ox

    return str(ox.Literal(value))


def _iri_term(value: str) -> str:
    import pyoxigraph as ox

    return str(ox.NamedNode(value))


_RECORDS = """SELECT ?g ?m ?d ?label ?type ?n ?qid ?country ?sector ?partial ?alias WHERE {
  %s
  GRAPH ?g {
    %s
    ?m kg:denotes ?d ; kg:localLabel ?label ; kg:localType ?type ; kg:mentionCount ?n .
    OPTIONAL { ?m kg:localWikidata ?qid } OPTIONAL { ?m kg:localCountry ?country }
    OPTIONAL { ?m kg:localSector ?sector } OPTIONAL { ?m kg:partialName ?partial }
    OPTIONAL { ?m kg:localAlias ?alias }
  }
}"""

# A VALUES block of thousands of terms is fine for Oxigraph, but remote servers cap request sizes.
_CHUNK = 500


def read_records(store, *, docs: Iterable[str] = (), keys: Iterable[str] = (), surnames: Iterable[str] = (),
                 suffixes: Iterable[str] = (), denoting: Iterable[str] = (),
                 qids: Iterable[str] = ()) -> list[LocalEntity]:
    """The stored local entities of the documents ``docs`` (IRIs), with these name keys,
    surname keys, suffix keys or Wikidata QIDs, or denoting these store entities."""
    selectors = [("g", "", sorted(map(_iri_term, docs))),
                 ("k", "?m kg:nameKey ?k .", sorted(map(_lit, keys))),
                 ("k", "?m kg:surnameKey ?k .", sorted(map(_lit, surnames))),
                 ("k", "?m kg:suffixKey ?k .", sorted(map(_lit, suffixes))),
                 ("d", "", sorted(map(_iri_term, denoting))),
                 ("q", "?m kg:localWikidata ?q .", sorted(_iri_term(WD + q) for q in qids))]
    rows: dict[str, dict] = {}
    for var, pattern, terms in selectors:
        for i in range(0, len(terms), _CHUNK):
            query = _prologue() + _RECORDS % (_values(var, terms[i:i + _CHUNK]), pattern)
            for row in store.select(query):
                node = row["m"].value
                rec = rows.setdefault(node, {"row": row, "aliases": set()})
                if row["alias"] is not None:
                    rec["aliases"].add(row["alias"].value)
    out = []
    for node, rec in rows.items():
        row = rec["row"]
        doc, _, tail = node.partition("#")
        val = lambda k: row[k].value if row[k] is not None else None  # noqa: E731, B023
        out.append(LocalEntity(doc=doc, local=ENTITY_BASE + tail, label=val("label"),
                               type=val("type").rsplit("#", 1)[-1], aliases=tuple(sorted(rec["aliases"])),
                               wikidata=val("qid").rsplit("/", 1)[-1] if row["qid"] is not None else None,
                               country=val("country"), sector=val("sector"), mentions=int(val("n")),
                               partial=val("partial") == "true", denotes=val("d")))
    return out


def read_descriptions(store, iris: Iterable[str]) -> dict[str, Description]:
    """The stored descriptions of these entities (those that have one)."""
    iris = sorted(iris)
    found: dict[str, dict] = {}
    for i in range(0, len(iris), _CHUNK):
        query = (_prologue() + "SELECT ?e ?p ?o WHERE { " + _values("e", map(_iri_term, iris[i:i + _CHUNK]))
                 + f" GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}")
        for row in store.select(query):
            d = found.setdefault(row["e"].value, {"aliases": []})
            p, o = row["p"].value, row["o"].value
            if p == _RDF + "type":
                d["type"] = o.rsplit("#", 1)[-1]
            elif p == _SKOS + "prefLabel":
                d["label"] = o
            elif p == _SKOS + "altLabel":
                d["aliases"].append(o)
            elif p == _OWL + "sameAs":
                d["wikidata"] = o.rsplit("/", 1)[-1]
            elif p == ONTOLOGY_IRI + "countryCode":
                d["country"] = o
            elif p == ONTOLOGY_IRI + "sector":
                d["sector"] = o
    return {iri: Description(iri=iri, label=d.get("label", ""), type=d.get("type", "Topic"),
                             aliases=tuple(sorted(d["aliases"])), wikidata=d.get("wikidata"),
                             country=d.get("country"), sector=d.get("sector"))
            for iri, d in found.items()}


def _agrees(r: LocalEntity, d: Description | None) -> bool:
    """Does a new local entity leave the votes of a stored description as they are?"""
    return d is not None and (r.label, r.type, r.wikidata, r.country, r.sector) == (
        d.label, d.type, d.wikidata, d.country, d.sector)


class _Affected:
    """The local entities a change may move, gathered from the store name by name."""

    def __init__(self, store, gone: set[str]):
        self.store, self.gone = store, gone
        self.records: dict[str, LocalEntity] = {}
        self.keys: set[str] = set()
        self.surnames: set[str] = set()
        self.suffixes: set[str] = set()
        self.entities: set[str] = set()
        self.qids: set[str] = set()

    def add(self, records: Iterable[LocalEntity]) -> None:
        for r in records:
            if r.doc not in self.gone or r.denotes is None:  # in flight, or stored and staying
                self.records.setdefault(r.node, r)

    def fetch(self, *, keys=(), surnames=(), suffixes=(), entities=(), qids=()) -> None:
        keys, surnames, suffixes = set(keys) - self.keys, set(surnames) - self.surnames, set(suffixes) - self.suffixes
        entities, qids = set(entities) - self.entities, set(qids) - self.qids
        self.keys |= keys
        self.surnames |= surnames
        self.suffixes |= suffixes
        self.entities |= entities
        self.qids |= qids
        if keys or surnames or suffixes or entities or qids:
            self.add(read_records(self.store, keys=keys, surnames=surnames, suffixes=suffixes, denoting=entities,
                                  qids=qids))

    def close(self) -> None:
        """Rule 2 reads every local entity of a name key, rule 3 every longer name a shorter
        one could join and every shorter name that could join it: fetch those for what is
        gathered, to a fixed point (a round or two)."""
        while True:
            records = self.records.values()
            keys = {r.key for r in records if not r.wikidata}
            keys |= {r.surname for r in records if r.surname} | {k for r in records for k in r.suffixes}
            partial = {r.key for r in records if r.partial}
            shorter = {r.key for r in records if r.type in ORGANISATIONS and len(r.key.split()) >= 2}
            if keys <= self.keys and partial <= self.surnames and shorter <= self.suffixes:
                return
            self.fetch(keys=keys, surnames=partial, suffixes=shorter)


def update(store, extractions: Sequence = (), *, drop: Iterable[str] = (), loaded: Iterable[str] = (),
           removed: Sequence[LocalEntity] = ()) -> None:
    """Write documents and keep the store resolution exact, in one atomic update.

    ``extractions`` are written (each replacing a stored version of its document), the
    documents ``drop`` (IRIs) are removed, and the documents ``loaded`` (IRIs of graphs
    already bulk-loaded, whose ``kg:denotes`` are their own guesses) are resolved;
    ``removed`` are local entities of documents taken out before the call (the bulk path
    drops replaced documents before loading their new versions).
    """
    from .graph import document_iri, extraction_graph

    puts = {str(document_iri(ex.document.id)): ex for ex in extractions}
    loaded = [d for d in loaded if d not in puts]
    gone = set(drop) | set(puts)
    fresh = [r for ex in extractions for r in local_entities(ex)]
    change = _resolve(store, gone, list(removed) + read_records(store, docs=gone), fresh,
                      read_records(store, docs=loaded))

    ops = [f"DROP SILENT GRAPH <{iri}>" for iri in sorted(gone)]
    for iri, ex in puts.items():
        local = {r.local: change.denotes[r.node] for r in fresh if r.doc == iri}
        ops.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{extraction_graph(ex, local).serialize(format='nt')}\n}} }}")
    ops += _rewrites(store, [r for r in change.moved if r.doc not in gone], change.denotes)
    extractors = {rel.extractor for ex in extractions for rel in ex.relations} | _extractors_of(store, loaded)
    ops += _entity_graph_ops(change, extractors, cleanup=bool(gone))
    if ops:
        store.update(" ;\n".join(ops))


@dataclass
class _Change:
    denotes: dict[str, str]  # local entity node → store entity, for every affected local entity
    described: dict[str, Description]  # the descriptions resolve() gave over them
    moved: list[LocalEntity]  # stored local entities that now denote another entity
    touched: set[str]  # entities whose description is written again, whole
    agreeing: dict[str, list[LocalEntity]]  # entity → newcomers that only add their aliases
    labels: dict[str, str]  # the stored label of those entities


def _resolve(store, gone: set[str], removed: list[LocalEntity], fresh: list[LocalEntity],
             landed: list[LocalEntity]) -> _Change:
    """The store resolution of the names a change touches, from the local entities it reads."""
    affected = _Affected(store, gone)
    affected.add(fresh + landed)
    # what the leaving local entities could have decided: their keys, and the shorter names ending them
    affected.fetch(keys={r.key for r in removed if not r.wikidata} | {r.surname for r in removed if r.surname}
                   | {k for r in removed for k in r.suffixes})
    affected.close()
    # An entity is described again from all its local entities when one leaves, moves or
    # (linked ones) disagrees with the description; a newcomer that agrees adds its aliases.
    added_to: dict[str, list[LocalEntity]] = defaultdict(list)
    for r in fresh + landed:
        if r.wikidata:
            added_to[r.local].append(r)
    stored = read_descriptions(store, added_to)
    full = {iri for iri, rs in added_to.items() if not all(_agrees(r, stored.get(iri)) for r in rs)}
    full |= {r.denotes for r in removed if r.denotes}
    affected.fetch(qids={r.wikidata for r in removed if r.wikidata}
                   | {r.wikidata for iri in full if iri in added_to for r in added_to[iri]})
    while True:
        denotes, described = resolve(affected.records.values())
        moved = [r for r in affected.records.values() if r.denotes is not None and denotes[r.node] != r.denotes]
        full |= {iri for r in moved for iri in (r.denotes, denotes[r.node])}
        touched = full | {denotes[r.node] for r in fresh + landed if not r.wikidata}
        touched |= {r.denotes for r in landed if r.denotes}
        if touched <= affected.entities:
            break
        affected.fetch(entities=touched)
        affected.close()
    agreeing = {iri: rs for iri, rs in added_to.items() if iri not in touched}
    return _Change(denotes, described, moved, touched, agreeing, {iri: stored[iri].label for iri in agreeing})


def _entity_graph_ops(change: _Change, extractors: set[str], *, cleanup: bool) -> list[str]:
    """Updates of the entity graph: descriptions written again, aliases added, extractors."""
    from .graph import extractor_ntriples

    ops, lines = [], []
    if change.touched:
        ops.append(f"DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }} WHERE {{ "
                   f"{_values('e', map(_iri_term, sorted(change.touched)))} GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}")
        lines += [line for iri in sorted(change.touched) if iri in change.described
                  for line in change.described[iri].ntriples()]
    for iri, rs in sorted(change.agreeing.items()):
        lines += [f"{_iri_term(iri)} <{_SKOS}altLabel> {_lit(a)} ."
                  for r in rs for a in sorted({r.label, *r.aliases} - {change.labels[iri]})]
    for name in sorted(extractors):
        lines += extractor_ntriples(name)
    if lines:
        ops.append(f"INSERT DATA {{ GRAPH <{ENTITY_GRAPH}> {{\n" + "\n".join(lines) + "\n} }")
    if cleanup:  # an extractor no statement cites any more goes with its last document
        ops.append(f"DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?x ?p ?o }} }} WHERE {{ GRAPH <{ENTITY_GRAPH}> "
                   f"{{ ?x a <{ONTOLOGY_IRI}Extractor> ; ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ "
                   f"?st <{_PROV}wasAttributedTo> ?x }} }} }}")
    return ops


def _rewrites(store, moved: list[LocalEntity], denotes: dict[str, str]) -> list[str]:
    """Updates that make stored documents name the entities their local entities now denote."""
    by_doc: dict[str, dict[str, str]] = defaultdict(dict)
    for r in moved:
        by_doc[r.doc][r.denotes] = denotes[r.node]
    ops = []
    for doc, change in sorted(by_doc.items()):
        olds = ", ".join(map(_iri_term, sorted(change)))
        query = (f"SELECT ?s ?p ?o WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} "
                 f"FILTER(?s IN ({olds}) || ?o IN ({olds})) }}")
        old, new = [], []
        for row in store.select(query):
            s, p, o = row["s"], row["p"], row["o"]
            old.append(f"{s} {p} {o} .")
            s2 = _iri_term(change.get(s.value, s.value))
            o2 = _iri_term(change[o.value]) if o.value in change and not _is_literal(o) else str(o)
            new.append(f"{s2} {p} {o2} .")
        if old:
            ops.append(f"DELETE DATA {{ GRAPH <{doc}> {{\n" + "\n".join(old) + "\n} }")
            ops.append(f"INSERT DATA {{ GRAPH <{doc}> {{\n" + "\n".join(new) + "\n} }")
    return ops


def _is_literal(term) -> bool:
    return str(term).startswith('"')


def _extractors_of(store, docs: list[str]) -> set[str]:
    """The names of the extractors the statements of these documents cite (bulk-loaded graphs)."""
    from urllib.parse import unquote

    names = set()
    for i in range(0, len(docs), _CHUNK):
        query = (_prologue() + "SELECT DISTINCT ?x WHERE { " + _values("g", map(_iri_term, docs[i:i + _CHUNK]))
                 + " GRAPH ?g { ?st prov:wasAttributedTo ?x } }")
        for row in store.select(query):
            names.add(unquote(row["x"].value[len(EXTRACTOR_BASE):].rsplit("/", 1)[0]))
    return names


def store_nquads(extractions: Sequence) -> str:
    """The N-Quads of a store holding exactly these extractions, computed without a store
    (what :func:`update` gives on an empty store; for tests, benchmarks and other stores)."""
    from .graph import document_iri, extraction_graph, extractor_ntriples

    records = [r for ex in extractions for r in local_entities(ex)]
    denotes, described = resolve(records)
    out = []
    for ex in extractions:
        iri = str(document_iri(ex.document.id))
        local = {r.local: denotes[r.node] for r in records if r.doc == iri}
        out += _in_graph(extraction_graph(ex, local).serialize(format="nt").splitlines(), iri)
    lines = [line for d in sorted(described) for line in described[d].ntriples()]
    for name in sorted({rel.extractor for ex in extractions for rel in ex.relations}):
        lines += extractor_ntriples(name)
    return "".join(out + _in_graph(lines, ENTITY_GRAPH))


def _in_graph(lines: Iterable[str], graph: str) -> list[str]:
    suffix = f" <{graph}> .\n"
    return [line.rstrip()[:-1].rstrip() + suffix for line in lines if line.strip()]


def store_graph(extractions: Sequence):
    """:func:`store_nquads` as one rdflib ``Graph`` (the union a store of these holds)."""
    import pyoxigraph as ox
    from rdflib import Graph

    quads = ox.parse(store_nquads(extractions), format=ox.RdfFormat.N_QUADS)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
