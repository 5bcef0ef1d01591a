"""Remote triple stores: write documents to any SPARQL 1.1 Update or Graph Store Protocol endpoint.

Each document is one named graph, replaced whole when it changes and skipped when the
content hash stored with it (``kg:contentHash``) is the one kg would write; the entity
graph (one description per entity, see :mod:`kg.entities`) is replaced whole when it differs:

* **SPARQL 1.1 Update** (the default): one request per document,
  ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``, POSTed as
  ``application/sparql-update``; servers run one request in one transaction. The stored
  hash is read with a SELECT at the query endpoint, which kg derives from the update URL
  (``.../update`` → ``.../query``, GraphDB's ``.../statements`` → the repository URL,
  anything else → the same URL) unless ``query_url`` is given.
* **Graph Store Protocol**: ``PUT <endpoint>?graph=<g>`` with the graph as N-Triples, which
  replaces the graph; the stored hash is read with ``GET <endpoint>?graph=<g>``. Chosen
  when the URL ends like a GSP endpoint (``/store``, ``/data``, ``/rdf-graphs/service``,
  ``/sparql-graph-crud[-auth]``) or with ``protocol="gsp"``.

Credentials come from the URL (``https://user:password@host/...``) or the environment
(``KG_REMOTE_USER`` and ``KG_REMOTE_PASSWORD``, or ``KG_REMOTE_TOKEN`` for a bearer token);
they answer the server's HTTP Basic or Digest challenge (Digest: Virtuoso's ``-auth``
endpoints). Only the standard library's ``urllib`` is used.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from .errors import StoreError

GSP_SUFFIXES = ("/store", "/data", "/rdf-graphs/service", "/sparql-graph-crud", "/sparql-graph-crud-auth")
PROTOCOLS = ("update", "gsp")
CONTENT_HASH = "https://w3id.org/kg/ontology#contentHash"
DENOTES = "https://w3id.org/kg/ontology#denotes"


def is_remote(location) -> bool:
    return str(location).startswith(("http://", "https://"))


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """(the URL without user:password@, user, password)."""
    parts = urllib.parse.urlsplit(url)
    if not parts.username:
        return url, None, None
    netloc = parts.hostname or ""
    if ":" in netloc:  # IPv6
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")


def detect_protocol(url: str) -> str:
    path = urllib.parse.urlsplit(url).path.rstrip("/")
    return "gsp" if path.endswith(GSP_SUFFIXES) else "update"


def derive_query_url(update_url: str) -> str:
    """The SPARQL query endpoint that goes with an update endpoint."""
    parts = urllib.parse.urlsplit(update_url)
    path = parts.path.rstrip("/")
    if path.endswith("/update"):  # Oxigraph, Fuseki
        path = path[: -len("update")] + "query"
    elif path.endswith("/statements"):  # GraphDB, RDF4J
        path = path[: -len("/statements")]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


class RemoteStore:
    """A remote triple store that ``kg build --store URL`` and ``kg push URL`` write to.

    It offers the part of :class:`kg.store.Store` that building needs (``document_hash``,
    ``select`` and ``update``: a build resolves each document's entities against what the
    store holds, so it needs the SPARQL 1.1 Update protocol) and is a context manager like it.
    """

    def __init__(self, url: str, *, protocol: str | None = None, query_url: str | None = None,
                 user: str | None = None, password: str | None = None, token: str | None = None,
                 timeout: float = 60.0):
        url, url_user, url_password = _split_credentials(url)
        if not is_remote(url):
            raise StoreError(f"{url!r} is not an http(s) URL of a SPARQL endpoint")
        self.url = self.path = url
        self.protocol = protocol or detect_protocol(url)
        if self.protocol not in PROTOCOLS:
            raise StoreError(f"unknown protocol {self.protocol!r}; choose one of {', '.join(PROTOCOLS)}")
        self.query_url = query_url or (derive_query_url(url) if self.protocol == "update" else None)
        self.user = user or url_user or os.environ.get("KG_REMOTE_USER")
        self.password = password if password is not None else (url_password if url_user
                                                               else os.environ.get("KG_REMOTE_PASSWORD"))
        self.token = token or os.environ.get("KG_REMOTE_TOKEN")
        self.timeout = timeout
        handlers = []
        if self.user:
            # Answer the server's challenge, Digest or Basic (Digest first: urllib needs that
            # order). Nothing is sent before the server asks, so a Digest server never sees
            # the password in the clear.
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for u in filter(None, (url, self.query_url)):
                passwords.add_password(None, u, self.user, self.password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    # ------------------------------------------------------------ life cycle
    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, protocol={self.protocol!r})"

    # ------------------------------------------------------------ HTTP
    def _request(self, method: str, url: str, *, data: bytes | None = None, headers: dict | None = None,
                 missing_ok: bool = False) -> bytes | None:
        req = urllib.request.Request(url, data=data, method=method, headers={"User-Agent": "kg", **(headers or {})})
        if self.token:
            req.add_unredirected_header("Authorization", f"Bearer {self.token}")
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            if missing_ok and exc.code == 404:
                return None
            body = exc.read()[:300].decode("utf-8", "replace").strip().replace("\n", " ")
            if exc.code in (401, 403):
                raise StoreError(f"{method} {url} was refused ({exc.code} {exc.reason}); give credentials as "
                                 "https://USER:PASSWORD@host/... or in KG_REMOTE_USER and KG_REMOTE_PASSWORD "
                                 "(KG_REMOTE_TOKEN for a bearer token)") from None
            raise StoreError(f"{method} {url} failed ({exc.code} {exc.reason}){': ' + body if body else ''}; "
                             "check the endpoint URL (see README: remote triple stores)") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach {url} ({reason}); is the server running and the URL right?") from None

    def _gsp_url(self, graph_iri: str) -> str:
        sep = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return self.url + sep + urllib.parse.urlencode({"graph": graph_iri})

    # ------------------------------------------------------------ documents
    def document_hash(self, doc_iri: str) -> str | None:
        """The content hash stored in the remote graph of a document, or None."""
        return self.document_state(doc_iri)[0]

    def document_state(self, doc_iri: str) -> tuple[str | None, tuple[str, ...]]:
        """(content hash, the store entities its local entities denote) of a remote document graph.

        Both together decide a document graph: its text gives the first, and the store's
        resolution (which other documents change) the second.
        """
        import pyoxigraph as ox

        node = str(ox.NamedNode(doc_iri))  # validated, canonical N-Triples form: never pasted raw
        if self.protocol == "gsp":
            data = self._request("GET", self._gsp_url(doc_iri), headers={"Accept": "application/n-triples"},
                                 missing_ok=True)
            if not data:
                return None, ()
            found, denotes = None, []
            for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
                if t.subject == ox.NamedNode(doc_iri) and t.predicate.value == CONTENT_HASH:
                    found = t.object.value
                elif t.predicate.value == DENOTES:
                    denotes.append(t.object.value)
            return found, tuple(sorted(denotes))
        rows = self.select(f"SELECT ?h ?d WHERE {{ GRAPH {node} {{ {{ {node} <{CONTENT_HASH}> ?h }} "
                           f"UNION {{ ?m <{DENOTES}> ?d }} }} }}")
        hashes = [r["h"].value for r in rows if r.get("h") is not None]
        return (hashes[0] if hashes else None), tuple(sorted(r["d"].value for r in rows if r.get("d") is not None))

    def graph_ntriples(self, graph_iri: str) -> set[str]:
        """The triples of a remote graph, as canonical N-Triples lines."""
        import pyoxigraph as ox

        if self.protocol == "gsp":
            data = self._request("GET", self._gsp_url(graph_iri), headers={"Accept": "application/n-triples"},
                                 missing_ok=True) or b""
        else:
            query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ox.NamedNode(graph_iri)} {{ ?s ?p ?o }} }}"
            data = self._request("POST", self.query_url, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/n-triples"})
        return {str(t) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}

    def select(self, sparql: str) -> list[dict]:
        """A SELECT at the query endpoint, rows as dicts of pyoxigraph terms (None where unbound)."""
        import pyoxigraph as ox

        from .namespaces import PREFIXES

        if self.query_url is None:
            raise StoreError(f"{self.url} is a Graph Store Protocol endpoint, which cannot answer SPARQL; give "
                             "a SPARQL 1.1 Update endpoint (and --query-url), or build locally and kg push")
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
        data = self._request("POST", self.query_url,
                             data=urllib.parse.urlencode({"query": prologue + sparql}).encode(),
                             headers={"Content-Type": "application/x-www-form-urlencoded",
                                      "Accept": "application/sparql-results+json"})
        try:
            parsed = json.loads(data)
            names, bindings = parsed["head"]["vars"], parsed["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise StoreError(f"{self.query_url} did not answer a SPARQL query with SPARQL JSON results; "
                             "give the query endpoint with --query-url") from None

        def term(b):
            if b is None:
                return None
            if b["type"] == "uri":
                return ox.NamedNode(b["value"])
            if b["type"] == "bnode":
                return ox.BlankNode(b["value"])
            if "xml:lang" in b:
                return ox.Literal(b["value"], language=b["xml:lang"])
            dt = b.get("datatype")
            return ox.Literal(b["value"], datatype=ox.NamedNode(dt)) if dt else ox.Literal(b["value"])

        return [{n: term(row.get(n)) for n in names} for row in bindings]

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one request (servers run one request in one transaction)."""
        if self.protocol == "gsp":
            raise StoreError(f"kg build writes through SPARQL 1.1 Update, which {self.url} (a Graph Store Protocol "
                             "endpoint) does not take; give the server's update endpoint, or build locally and "
                             "kg push")
        self._request("POST", self.url, data=sparql.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update"})

    def flush(self) -> None:
        pass

    def put_ntriples(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace the named graph ``graph_iri`` with the given N-Triples, in one request."""
        import pyoxigraph as ox

        if self.protocol == "gsp":
            self._request("PUT", self._gsp_url(graph_iri), data=ntriples,
                          headers={"Content-Type": "application/n-triples"})
            return
        node = str(ox.NamedNode(graph_iri))
        update = (f"DROP SILENT GRAPH {node} ;\nINSERT DATA {{ GRAPH {node} {{\n".encode()
                  + ntriples + b"\n} }")
        self._request("POST", self.url, data=update, headers={"Content-Type": "application/sparql-update"})

    def put_graph(self, graph) -> None:
        """Replace the named graph ``graph.identifier`` (an rdflib Graph) with ``graph``."""
        self.put_ntriples(str(graph.identifier), graph.serialize(format="nt", encoding="utf-8"))

    def remove_graph(self, iri: str) -> None:
        import pyoxigraph as ox

        if self.protocol == "gsp":
            self._request("DELETE", self._gsp_url(iri), missing_ok=True)
        else:
            self._request("POST", self.url, data=f"DROP SILENT GRAPH {ox.NamedNode(iri)}".encode(),
                          headers={"Content-Type": "application/sparql-update"})

    def query(self, *args, **kwargs):
        raise StoreError(f"{self.url} is a remote store, which kg writes to (kg build, kg push); query it at its "
                         "own SPARQL endpoint, or query a local store with --store PATH")


def push(store, remote: RemoteStore, *, progress=None) -> PushReport:
    """Copy every graph of a local store to ``remote``, skipping those the remote already has.

    A document graph is unchanged when its content hash and the entities it denotes are
    the remote's; the entity graph when its triples are.

    >>> with open_store("output/store") as s, RemoteStore("http://localhost:3030/kg/update") as r:  # doctest: +SKIP
    ...     push(s, r)
    """
    import pyoxigraph as ox

    from .entities import ENTITY_GRAPH

    report = PushReport()
    for graph in sorted(store.ox.named_graphs(), key=lambda g: g.value):
        iri = graph.value
        data = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if iri == ENTITY_GRAPH:
            same = {str(t) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)} == remote.graph_ntriples(iri)
        else:
            local = store.document_hash(iri)
            denotes = tuple(sorted(q.object.value for q in store.ox.quads_for_pattern(
                None, ox.NamedNode(DENOTES), None, graph)))
            same = local is not None and remote.document_state(iri) == (local, denotes)
        if same:
            report.unchanged.append(iri)
            continue
        remote.put_ntriples(iri, data)
        report.pushed.append(iri)
        if progress:
            progress(iri)
    return report
