"""Extraction past one machine: Dask distributed workers write N-Quads partitions.

The driver (the process that calls :func:`build_distributed`) reads the inputs as a
stream, skips documents whose content hash the store already holds, cuts the rest into
partitions of ``partition_size`` documents and hands them to the cluster, never more than
two per worker at a time. Each worker loads the spaCy pipeline once, extracts a partition,
and writes it as one N-Quads file (one named graph per document, as it would be alone) to
``out_dir``: a local folder, a folder every worker mounts, or an fsspec URL such as
``s3://bucket/run-1`` (with ``s3fs`` installed). The driver then bulk-loads the files into
the embedded store with Oxigraph's bulk loader and resolves their entities against the
store (:func:`kg.entities.update`), which gives exactly the store ``kg build`` gives; or it
leaves them for a remote triple store to ingest.

Why Dask and not Ray: the work is embarrassingly parallel batch work on CPUs, which both
do well; Dask is pure Python with small wheels, needs no shared-memory object store or
extra daemons, deploys onto the clusters people already have (SLURM/PBS/SGE through
dask-jobqueue, Kubernetes through dask-kubernetes, plain SSH through ``dask ssh``), and
runs the same code on a laptop's ``LocalCluster``. See ``docs/scaling.md``.

Needs the optional extra ``kg[distributed]``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DistributedError, KGError, StoreError
from .model import Document
from .pipeline import BuildReport, changed_documents

DISTRIBUTED_HINT = "pip install 'kg[distributed]'  (or: pip install 'dask[distributed]')"
_PART = re.compile(r"^part-\d{6}\.nq$")


@dataclass(frozen=True)
class Partition:
    """What a worker reports back: where it wrote, and what."""

    path: str
    documents: tuple[str, ...]
    quads: int
    relations: int


@dataclass
class DistributedReport(BuildReport):
    """A build report, plus what the partitions held."""

    quads: int = 0
    partitions: list[str] = field(default_factory=list)  # one path per partition, not per document


# ------------------------------------------------------------------ on the workers

def extraction_nquads(ex) -> str:
    """One extraction → N-Quads text of its document graph."""
    from .graph import extraction_graph

    g = extraction_graph(ex)
    suffix = f" <{g.identifier}> .\n"
    out = []
    for line in g.serialize(format="nt").splitlines():
        line = line.rstrip()
        if not line:
            continue
        if not line.endswith("."):
            raise ValueError(f"unexpected N-Triples line from rdflib: {line[:80]!r}")
        out.append(line[:-1].rstrip() + suffix)
    return "".join(out)


def _fs(url: str):
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def write_partition(docs: list[Document], url: str, extractor=None, gazetteer=None) -> Partition:
    """Extract one partition and write its N-Quads to ``url`` (atomically: tmp, then rename)."""
    from .pipeline import extract_batch

    exs = extract_batch(docs, extractor, gazetteer)
    text = "".join(extraction_nquads(ex) for ex in exs)
    fs, path = _fs(url)
    tmp = path + ".tmp"
    with fs.open(tmp, "wb") as fh:
        fh.write(text.encode("utf-8"))
    fs.mv(tmp, path)
    return Partition(url, tuple(d.id for d in docs), text.count("\n"), sum(len(ex.relations) for ex in exs))


# ------------------------------------------------------------------ on the driver

def _client(client):
    try:
        import distributed
    except ImportError:
        raise DistributedError(f"running on a Dask cluster needs dask.distributed, which is not installed; "
                               f"{DISTRIBUTED_HINT}") from None
    if isinstance(client, distributed.Client):
        return client, False
    try:
        return distributed.Client(client, timeout="20s"), True
    except (OSError, TimeoutError) as exc:
        raise DistributedError(f"cannot reach the Dask scheduler at {client!r} ({exc}); start one with "
                               "`dask scheduler` or pass --dask local") from None


def _prepare_out_dir(out_dir: str) -> str:
    fs, path = _fs(str(out_dir))
    fs.makedirs(path, exist_ok=True)
    stale = [p for p in fs.ls(path, detail=False) if _PART.match(p.rstrip("/").rsplit("/", 1)[-1])]
    if stale:
        raise DistributedError(f"{out_dir} already holds partitions of an earlier run ({len(stale)}, e.g. "
                               f"{stale[0]}); pass an empty folder or delete them first")
    return str(out_dir).rstrip("/")


def bulk_load(store, partition_url: str) -> None:
    """Load one N-Quads partition into the embedded store with Oxigraph's bulk loader.

    ``lenient``: Oxigraph's loader skips re-validating IRIs and literals, which its docs
    advise for input known to be valid. A partition is: kg wrote it from rdflib's N-Triples
    serializer and moved it into place only once complete. On 1M quads this saves about 8%
    of the load's CPU time (benchmarks/bench_store.py, docs/scaling.md); the rest is
    RocksDB writing its sorted index files, about 2.5x what the same load costs in memory.
    """
    import pyoxigraph as ox

    fs, path = _fs(partition_url)
    try:
        with fs.open(path, "rb") as fh:
            store.ox.bulk_load(fh, format=ox.RdfFormat.N_QUADS, lenient=True)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"bulk-loading {partition_url} into {store.path} failed ({exc}); build again to "
                         "retry: documents already loaded are skipped") from None


def build_distributed(inputs: Iterable[str | Path], client, out_dir: str | Path, *, store=None,
                      glob: str | None = None, extractor: str = "rules", gazetteer=None,
                      partition_size: int = 64, progress=None) -> DistributedReport:
    """Extract ``inputs`` on a Dask cluster into N-Quads partitions, then bulk-load them into ``store``.

    ``client`` is a ``distributed.Client`` or a scheduler address (``tcp://host:8786``).
    With ``store=None`` the partitions are only written (to push to a remote store).

    >>> from distributed import Client, LocalCluster                    # doctest: +SKIP
    >>> from kg.distributed import build_distributed
    >>> from kg.store import open_store
    >>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client, \\
    ...         open_store("output/store") as store:                     # doctest: +SKIP
    ...     report = build_distributed(["corpus.jsonl"], client, "output/parts", store=store)
    """
    from . import extractors as registry, gazetteer as gaz
    from .ingest import read_inputs
    from .skips import checked

    fn = registry.get(extractor)
    if gazetteer is gaz.default():
        gazetteer = None
    client, own = _client(client)
    report = DistributedReport()
    out = _prepare_out_dir(str(out_dir))
    replaced: set[str] = set()  # ids of stored documents that changed, dropped before loading

    def todo() -> Iterator[Document]:
        for doc, replaces in changed_documents(checked(read_inputs(inputs, glob)), store, report, progress):
            if replaces:
                replaced.add(doc.id)
            yield doc

    try:
        from distributed import as_completed

        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        gaz_future = client.scatter(gazetteer, broadcast=True) if gazetteer is not None else None
        parts = _batches(todo(), partition_size)
        running = as_completed()
        counter = itertools.count(1)

        def submit(docs: list[Document]) -> None:
            url = f"{out}/part-{next(counter):06d}.nq"
            running.add(client.submit(write_partition, docs, url, fn, gaz_future, pure=False))

        for docs in itertools.islice(parts, 2 * workers):
            submit(docs)
        for future in running:
            part = _partition(future)
            nxt = next(parts, None)  # keep the cluster busy while this one loads
            if nxt is not None:
                submit(nxt)
            _load(part, store, replaced, report)
            if progress is not None:
                progress.update(len(part.documents))
    finally:
        if own:
            client.close()
    report.partitions.sort()
    return report


def _partition(future) -> Partition:
    """A finished partition, or the worker's failure as a DistributedError naming it."""
    try:
        return future.result()
    except KGError:
        raise
    except Exception as exc:  # noqa: BLE001 - a worker's failure, named for the user
        raise DistributedError(f"a partition failed on the cluster ({type(exc).__name__}: {exc}); "
                               "partitions already loaded stay, build again to resume") from None


def _load(part: Partition, store, replaced: set[str], report: DistributedReport) -> None:
    """Account for a finished partition and, with a store, replace its documents' graphs.

    Workers write each document's graph alone (its local entities denote what they would
    alone); once loaded, :func:`kg.entities.update` resolves them against the store,
    rewriting what other documents change and describing the entities in the entity graph.
    Oxigraph's bulk loader is not transactional: if the run dies between the load and the
    resolution, ``kg.entities.update(store, loaded=store.documents())`` repairs the store.
    """
    from .entities import read_records, update
    from .graph import document_iri

    n_replaced = 0
    gone = []
    for doc_id in part.documents:
        if doc_id in replaced:
            replaced.discard(doc_id)
            n_replaced += 1
            gone.append(str(document_iri(doc_id)))
    if store is not None:
        old = read_records(store, docs=gone)
        for iri in gone:
            store.remove_graph(iri)
        bulk_load(store, part.path)
        update(store, loaded=[str(document_iri(d)) for d in part.documents], removed=old)
    report.replaced += n_replaced
    report.added += len(part.documents) - n_replaced
    report.relations += part.relations
    report.quads += part.quads
    report.partitions.append(part.path)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    from .pipeline import batched

    return batched(docs, size)


def local_cluster(workers: int = 2):
    """A ``LocalCluster`` of ``workers`` single-threaded processes (spaCy is not thread-safe)."""
    try:
        from distributed import LocalCluster
    except ImportError:
        raise DistributedError(f"--dask local needs dask.distributed, which is not installed; "
                               f"{DISTRIBUTED_HINT}") from None
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def build_distributed_cli(inputs, store, address: str, nquads_dir: str | None, *, jobs: int = 1,
                          **kwargs) -> DistributedReport:
    """``kg build --dask``: connect (or start a local cluster), build, clean up the temporary partitions."""
    import os
    import shutil
    import tempfile

    tmp = None
    if not nquads_dir:
        # Next to the store: workers of a local cluster see it, and it is on the same disk.
        store.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = nquads_dir = tempfile.mkdtemp(prefix=".kg-parts-", dir=store.path.parent)
    try:
        if address == "local":
            workers = jobs if jobs > 0 else (os.cpu_count() or 1)
            with local_cluster(workers) as cluster:
                from distributed import Client

                with Client(cluster) as client:
                    return build_distributed(inputs, client, nquads_dir, store=store, **kwargs)
        return build_distributed(inputs, address, nquads_dir, store=store, **kwargs)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
