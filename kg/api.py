"""kg's Python API: what the ``kg`` command does, for a program.

Four functions, reached as ``kg.read``, ``kg.extract``, ``kg.build`` and ``kg.open_store``
(``import kg`` loads none of them until one is used):

>>> import kg
>>> [(r.subject.label, r.predicate, r.object.label) for r in kg.extract("Canada criticized Russia.")]
[('Canada', 'criticizes', 'Russia')]

Files, folders and corpora become documents with :func:`read`, which :func:`extract`
takes too; :func:`build` adds them to a store, and :func:`open_store` opens one for
SPARQL, exports and networkx. A bad input raises a :class:`kg.errors.KGError` whose
message names it, as the command's ``Error:`` line does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import export as exporters, pipeline
from .errors import InputError, QueryError
from .ingest import clean_text, read_inputs
from .model import Document, Relation
from .netgraph import GraphFilter, to_networkx
from .query import Result, run_named, run_query
from .skips import checked, policy
from .store import DEFAULT_STORE, open_store as _open

if TYPE_CHECKING:
    import networkx as nx

    from .pipeline import BuildReport

__all__ = ["Document", "KnowledgeGraph", "Relation", "build", "extract", "open_store", "read"]

TEXT_ID = "text"  # the document id of a string given to extract()


def read(inputs: str | Path | Iterable[str | Path], *, glob: str | None = None) -> Iterator[Document]:
    """The documents of files, folders and corpora, streamed one by one.

    ``inputs`` is a path or a list of them: text, Markdown or HTML files, folders
    (recursive; ``glob`` narrows them, e.g. ``"*.html"``), JSONL or CSV corpora (plain or
    ``.gz``), or ``"-"`` for stdin, as ``kg extract`` reads them.

    >>> import kg, pathlib
    >>> _ = pathlib.Path("news.jsonl").write_text('{"id": "n1", "text": "Canada praised Japan.", "date": "2019-05-14"}')
    >>> [(d.id, d.date) for d in kg.read("news.jsonl")]
    [('n1', '2019-05-14')]
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    return read_inputs(inputs, glob)


def _documents(source: str | Document | Iterable[Document]) -> Iterable[Document]:
    if isinstance(source, Document):
        return [source]
    if isinstance(source, str):
        text = clean_text(source)
        if not text.strip():
            raise InputError("the text is empty; give extract() some text (kg.read(path) reads files)",
                             source="<text>")
        return [Document(id=TEXT_ID, text=text, source="<text>")]
    if isinstance(source, Path):
        raise InputError(f"extract() takes text or documents, not a path; read files with kg.read({str(source)!r})",
                         source=str(source))
    return source


def extract(source: str | Document | Iterable[Document], *, extractor: str = "rules",
            gazetteer: Iterable[str | Path] = (), jobs: int = 1) -> list[Relation]:
    """The relations stated in a text, a document, or documents, without storing them.

    ``source`` is a string of text (its document id is ``"text"``), a :class:`~kg.model.Document`,
    or documents such as :func:`read` gives. Each relation is a frozen record carrying its
    document, sentence, character offsets, entities (with Wikidata QIDs and ISO codes where
    known), PLOVER type and CAMEO code, status and confidence; ``to_dict()`` gives the JSON
    record that ``kg extract --format jsonl`` writes. Negated and hypothetical statements are
    returned too, marked: keep ``r.asserted`` ones for facts. ``gazetteer`` adds actor files
    (CSV/TSV or PETRARCH); ``jobs`` worker processes share a large corpus.

    >>> import kg
    >>> rels = kg.extract("Prime Minister Justin Trudeau met Shinzo Abe. Canada did not sanction Japan.")
    >>> [(r.subject.label, r.predicate, r.object.label, r.asserted) for r in rels]
    [('Justin Trudeau', 'meetsWith', 'Shinzo Abe', True), ('Justin Trudeau', 'leaderOf', 'Canada', True), \
('Canada', 'sanctions', 'Japan', False)]
    >>> rels[0].to_dict()["subject"]["wikidata"], rels[0].plover, rels[2].negated
    ('Q3099714', 'CONSULT', True)
    """
    docs = checked(_documents(source))
    g = pipeline.load_gazetteer(gazetteer)
    return [r for ex in pipeline.extract_documents(docs, extractor=extractor, gazetteer=g, jobs=jobs)
            for r in ex.relations]


def build(inputs: str | Path | Iterable[str | Path], store: str | Path | KnowledgeGraph = DEFAULT_STORE, *,
          on_error: str = "stop", jobs: int = 1, extractor: str = "rules", gazetteer: Iterable[str | Path] = (),
          glob: str | None = None, progress=None) -> BuildReport:
    """Extract relations from files, folders or corpora and add them to a store (``kg build``).

    ``store`` is a folder (created if need be), an http(s) URL of a remote SPARQL store,
    or a store :func:`open_store` opened. Each document becomes one named graph; unchanged
    documents are skipped, changed ones replaced. ``on_error="skip"`` goes on past bad
    documents and files, which the report lists (``report.skipped.summary()``); ``"stop"``
    raises at the first one, with the documents before it stored and complete.

    >>> import kg, pathlib
    >>> _ = pathlib.Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> _ = pathlib.Path("empty.txt").write_text("")
    >>> report = kg.build(["visit.txt", "empty.txt"], store="output/store", on_error="skip")
    >>> report.added, report.relations, report.skipped.count
    (1, 1, 1)
    >>> kg.build(["visit.txt"], store="output/store").unchanged
    1
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    g = pipeline.load_gazetteer(gazetteer)
    with policy(on_error) as skipped, _store(store) as target:
        report = pipeline.build(inputs, target, glob=glob, progress=progress, extractor=extractor, gazetteer=g,
                                jobs=jobs)
    report.skipped = skipped
    return report


class _Borrowed:
    """An open store lent to build(): not closed afterwards, its owner closes it."""

    def __init__(self, store):
        self.store = store

    def __enter__(self):
        return self.store

    def __exit__(self, *exc) -> None:
        pass


def _store(store):
    if isinstance(store, KnowledgeGraph):
        return _Borrowed(store.store)
    if hasattr(store, "put_graph"):  # a kg.store.Store or kg.remote.RemoteStore
        return _Borrowed(store)
    return _open(store, create=True)


def open_store(path: str | Path = DEFAULT_STORE, *, create: bool = False) -> KnowledgeGraph:
    """The knowledge graph in a store, to query, export or analyse; use it in a ``with`` block.

    ``path`` is a store folder (``create=True`` makes a new one) or the http(s) URL of a
    remote store, which can be built to but not queried here.

    >>> import kg, pathlib
    >>> _ = pathlib.Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> _ = kg.build("visit.txt")                     # into output/store, the default
    >>> with kg.open_store() as graph:
    ...     graph.query("SELECT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . "
    ...                 "?p rdfs:label ?where }").as_dicts()
    ...     [row["predicate"] for row in graph.query(name="relations", params={"entity": "Q1490"}).as_dicts()]
    ...     b"kg:visits" in graph.export("ttl")
    ...     sorted(graph.to_networkx().nodes(data="label"))
    [{'who': 'Justin Trudeau', 'where': 'Tokyo'}]
    ['visits']
    True
    [('https://w3id.org/kg/id/Q1490', 'Tokyo'), ('https://w3id.org/kg/id/Q3099714', 'Justin Trudeau')]
    """
    return KnowledgeGraph(_open(path, create=create))


class KnowledgeGraph:
    """An open store: SPARQL, exports and a networkx graph of what it holds.

    ``store`` is the underlying :class:`kg.store.Store` (or :class:`kg.remote.RemoteStore`),
    for what this class does not cover.
    """

    def __init__(self, store):
        self.store = store

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def __repr__(self) -> str:
        return f"<kg.KnowledgeGraph {getattr(self.store, 'path', None) or getattr(self.store, 'url', '')}>"

    def query(self, sparql: str | None = None, *, name: str | None = None,
              params: dict[str, str] | None = None) -> Result:
        """Run SPARQL over the union of all documents, or a named query (``kg query --list``).

        The prefixes kg, kgid, kgdoc, wd, wdt, rdf, rdfs, owl, xsd, skos, prov and dcterms
        are declared. A named query's ``params`` are bound as RDF terms, never pasted into
        the text. The :class:`kg.query.Result` has ``variables`` and ``rows`` of pyoxigraph
        terms (``as_dicts()`` gives their text), ``boolean`` for ASK and ``triples`` for
        CONSTRUCT; :func:`kg.query.render` prints it as a table, CSV, TSV, JSON or RDF.
        """
        if (sparql is None) == (name is None):
            raise QueryError("give query() either SPARQL text or name=, not both or neither")
        if name is not None:
            return run_named(self.store, name, params)
        if params:
            raise QueryError("params= goes with name=; bind values in SPARQL text yourself with VALUES")
        return run_query(self.store, sparql)

    def export(self, fmt: str = "ttl", output: str | Path | None = None) -> bytes | dict[str, bytes] | list[Path]:
        """The store in an export format (``kg extractors`` lists them: ttl, nq, jsonld, graphml, neo4j, ...).

        Without ``output`` the bytes (for a folder format such as ``neo4j``, a dict of file
        name → bytes); with it, the files written (atomically).
        """
        if output is not None:
            return exporters.write(fmt, self.store, output)
        return exporters.get(fmt)(self.store)

    def to_networkx(self, **filters) -> nx.MultiDiGraph:
        """Entities as nodes and asserted facts as edges keyed by predicate, with their evidence.

        ``filters`` are those of :class:`kg.netgraph.GraphFilter` (``relations``, ``plover``,
        ``entity_types``, ``since``, ``until``, ``min_confidence``, ``documents``), as
        ``kg viz`` and ``kg analyze`` take them.
        """
        for key in ("relations", "plover", "entity_types", "documents"):
            if key in filters:
                value = filters[key]
                filters[key] = (value,) if isinstance(value, str) else tuple(value)
        return to_networkx(self.store, where=GraphFilter(**filters) if filters else None)
