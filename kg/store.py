"""The embedded store: Oxigraph (RocksDB on disk) holding one named graph per document and the entity graph.

No server to start. Documents are written by :func:`kg.entities.update` in one SPARQL
update each (their graph, and what it changes in other documents and in the entity
graph), so a crash leaves every document either fully present or absent. Queries see the
union of all graphs, where each entity is described once (the entity graph, see
:mod:`kg.entities` and docs/scaling.md): plain SPARQL counts right. :meth:`Store.rdflib`
gives an rdflib ``Dataset`` over the same data (through oxrdflib) for code that wants
rdflib's API.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

from . import federation, namespaces  # namespaces.KG, read when a document hash is looked up, loads rdflib
from .errors import QueryError, StoreError, StoreLockedError
from .namespaces import DOC_BASE, PREFIXES
from .rdf_formats import rdf_format

DEFAULT_STORE = "output/store"


def _is_store_dir(path: Path) -> bool:
    return (path / "CURRENT").exists() or (path / "IDENTITY").exists()


class Store:
    """A kg store at ``path``. Use as a context manager so the lock is released promptly."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, create: bool = True):
        import pyoxigraph as ox

        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store; pass --store with a folder path")
        if self.path.is_dir() and any(self.path.iterdir()) and not _is_store_dir(self.path):
            raise StoreError(f"{self.path} is a folder that is not a kg store; pass --store with a new "
                             "or existing store folder")
        if not self.path.exists() and not create:
            raise StoreError(f"no store at {self.path}; build one first with: kg build INPUT --store {self.path}")
        if create:
            # Oxigraph makes the store's own folder but not missing ones above it (output/ of output/store).
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._ox = ox.Store(str(self.path))
        except OSError as exc:
            text = str(exc).lower()
            if "lock" in text or "resource temporarily unavailable" in text:
                raise StoreLockedError(f"the store {self.path} is in use by another kg process; "
                                       "wait for it to finish or use another --store") from None
            raise StoreError(f"cannot open the store {self.path} ({exc})") from None

    # ------------------------------------------------------------ life cycle
    def close(self) -> None:
        if getattr(self, "_ox", None) is not None:
            with contextlib.suppress(OSError):  # closing: what could not be flushed is reported by flush()
                self._ox.flush()
            self._ox = None

    def flush(self) -> None:
        """Write buffered changes to the store's files.

        Oxigraph keeps what SPARQL updates write in memory until a flush (about 1 kB a quad),
        so a long build calls this every so often to keep its memory flat.
        """
        try:
            self.ox.flush()
        except OSError as exc:
            raise StoreError(f"flushing {self.path} to disk failed ({exc})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def ox(self):
        """The underlying ``pyoxigraph.Store``."""
        if self._ox is None:
            raise StoreError("the store is closed")
        return self._ox

    # ------------------------------------------------------------ documents
    def document_hash(self, doc_iri: str) -> str | None:
        import pyoxigraph as ox

        g = ox.NamedNode(doc_iri)
        for q in self.ox.quads_for_pattern(g, ox.NamedNode(str(namespaces.KG.contentHash)), None, g):
            return q.object.value
        return None

    def put_graph(self, graph) -> None:
        """Replace the named graph ``graph.identifier`` with ``graph``, atomically.

        A raw write: documents go through :func:`kg.entities.update`, which also keeps the
        entity graph and other documents right.
        """
        iri = str(graph.identifier)
        body = graph.serialize(format="nt")
        update = f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}"
        try:
            self.ox.update(update)
        except OSError as exc:
            raise StoreError(f"writing {iri} to {self.path} failed ({exc}); the store is unchanged") from None

    def remove_graph(self, iri: str) -> bool:
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.update(f"DROP GRAPH <{iri}>")
        return True

    def load(self, data: bytes, fmt: str) -> None:
        """Import RDF (an export): ``nq`` and ``trig`` keep their named graphs; the triple
        formats (``ttl``, ``nt``, ``rdfxml``, ``jsonld``) go into the default graph, which
        queries see as part of the union."""
        try:
            self.ox.load(data, format=rdf_format(fmt))
        except SyntaxError as exc:
            raise StoreError(f"the {fmt} data does not parse ({exc}); the store is unchanged") from None
        except OSError as exc:
            raise StoreError(f"loading {fmt} data into {self.path} failed ({exc})") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (several operations joined by ``;`` are one transaction)."""
        try:
            self.ox.update(sparql)
        except OSError as exc:
            raise StoreError(f"writing to {self.path} failed ({exc}); the store is unchanged") from None

    def select(self, sparql: str) -> list[dict]:
        """A SELECT's rows as dicts of pyoxigraph terms (None where unbound); prefixes are declared."""
        res = self.query(sparql)
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names} for sol in res]

    def documents(self) -> Iterator[str]:
        """The IRIs of the stored documents (their named graphs; not the entity graph)."""
        for g in self.ox.named_graphs():
            if g.value.startswith(DOC_BASE):
                yield g.value

    # ------------------------------------------------------------ queries
    def query(self, sparql: str, *, bindings: dict | None = None, allow_service: bool = False):
        """Run SPARQL over the union of all graphs; ``bindings`` are RDF terms.

        A federated query (``SERVICE``) is refused unless ``allow_service``: it would make
        this process fetch from any URL (see :mod:`kg.federation`).
        """
        federation.check(sparql, allow_service=allow_service)
        if bindings:
            sparql = bind_values(sparql, bindings)
        try:
            return self.ox.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"the SPARQL does not parse: {exc}") from None
        except OSError as exc:
            raise QueryError(f"the query failed: {exc}") from None

    def __len__(self) -> int:
        return len(self.ox)

    def rdflib(self):
        """An rdflib ``Dataset`` over this store (default graph = union of all graphs)."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        ds = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        for prefix, iri in PREFIXES.items():
            ds.bind(prefix, iri, override=True)
        return ds


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(sparql: str, bindings: dict) -> str:
    """Bind variables to RDF terms with VALUES blocks at the top of the WHERE clause.

    A variable bound to a list of terms takes any of them ("a quad class": its PLOVER
    types). The terms are pyoxigraph terms written in their canonical N-Triples form, which
    escapes everything a value could use to break out, so user text never becomes SPARQL.
    (Oxigraph's own ``substitutions`` only binds projected variables, which parameters of
    aggregate queries are not.)
    """
    import pyoxigraph as ox

    m = _WHERE.search(sparql)
    if m is None:
        raise QueryError("a query with parameters needs a WHERE { ... } clause")
    blocks = []
    for name, value in bindings.items():
        terms = value if isinstance(value, (list, tuple)) else [value]
        if not re.fullmatch(r"\w+", name) or not terms or not all(
                isinstance(t, (ox.NamedNode, ox.Literal, ox.BlankNode)) for t in terms):
            raise QueryError(f"cannot bind ?{name} to {value!r}")
        blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    values = " " + " ".join(blocks) + " "
    return sparql[: m.end()] + values + sparql[m.end():]


def open_store(path: str | Path = DEFAULT_STORE, *, create: bool = True):
    """The embedded store at ``path``, or a :class:`kg.remote.RemoteStore` for an http(s) URL."""
    if str(path).startswith(("http://", "https://")):
        from .remote import RemoteStore  # urllib.request and friends: only for http(s) stores

        return RemoteStore(str(path))
    return Store(path, create=create)
