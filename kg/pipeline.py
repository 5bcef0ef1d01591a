"""The main jobs: documents → extractions (``extract``) → the store (``build``, ``remove``).

Documents stream through; nothing holds the whole corpus, and spaCy's vocabulary is kept
from growing with it (memory zones, see ``ZONE_SIZE``). With ``jobs=1`` they go through
spaCy's ``nlp.pipe`` in this process. With ``jobs=N`` a pool of N worker processes each
loads the pipeline once and runs the whole per-document work (parse, extract, resolve) on
batches of documents; at most ``2 × N`` batches are in flight, so memory stays bounded,
and results come back in input order. (spaCy's own ``n_process`` parallelises only the
parse and ships every parsed ``Doc`` back to the parent, which then extracts alone.)
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import gazetteer as gaz
from .errors import ExtractionError, StoreError
from .model import Document, Extraction

if TYPE_CHECKING:
    from .skips import SkipLog

# Documents parsed inside one spaCy memory zone. Every string spaCy meets (each new name,
# number, URL) is interned in the pipeline's vocabulary, which otherwise grows with the
# corpus (about 35 MB per 100,000 new strings); a memory zone frees what a chunk added.
# Extractors must therefore keep no spaCy objects (Doc, Token, Lexeme, Matcher built on the
# fly) beyond the document they are given: anything built from the vocabulary is built when
# the pipeline loads.
ZONE_SIZE = 128
# Documents spaCy parses together. Parsing costs the same per document from batches of 2 to
# 32 on CPU, but a batch's memory grows with it: building Wikinews 2019 peaks at about
# 470 MB with 32, 250 MB with 8. Small batches also keep every worker busy to the end of a
# short corpus; a batch costs a few kB of pickling against ~70 ms of parsing per document.
BATCH_SIZE = 8
# Quads written between two flushes of the store (Oxigraph holds unflushed writes in memory,
# about 1 kB a quad: this bounds that at some 10 MB). A flush of 10,000 quads takes a few ms.
FLUSH_QUADS = 10_000
# Documents written in one update. Each update resolves the names its documents touch
# against the store (kg.entities), so a few documents together share that work; each
# document is still either fully stored or absent.
COMMIT_DOCS = 8


def load_gazetteer(extra: Iterable[str | Path] = ()) -> gaz.Gazetteer:
    """The built-in gazetteer, plus the user's files when given (a fresh copy then)."""
    extra = list(extra)
    if not extra:
        return gaz.default()
    import copy

    g = copy.deepcopy(gaz.default())
    for path in extra:
        g.load_user_file(path)
    return g


def _name_words(span) -> str:
    """A PERSON span without the words before the name ("Born Robert Burns")."""
    start = 0
    while start < len(span) - 1 and span[start].pos_ != "PROPN":
        start += 1
    return span[start:].text


def _extraction(doc: Document, parsed, fn, g: gaz.Gazetteer) -> Extraction:
    from .resolve import resolve

    people = {_name_words(e) for e in getattr(parsed, "ents", ()) if e.label_ == "PERSON"}
    relations = resolve(doc, list(fn(doc, parsed, g)), g, people)
    entities = {r.subject.id: r.subject for r in relations} | {r.object.id: r.object for r in relations}
    return Extraction(document=doc, relations=tuple(relations), entities=tuple(entities.values()))


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter), taken lazily."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


# ------------------------------------------------------------------ worker processes
# State of one worker process, set once by the pool's initializer.
_WORKER: dict = {}


def _init_worker(fn, gazetteer, parent: int | None = None, die_with_thread: bool = False) -> None:
    import signal

    from . import nlp

    # Ctrl-C and SIGTERM are the parent's to handle: it stops submitting and shuts the pool
    # down, instead of every worker printing its own KeyboardInterrupt traceback (or dying
    # under a pool that then reports a broken worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if parent is not None:
        _die_with_parent(parent, die_with_thread)

    _WORKER["fn"] = fn
    _WORKER["gazetteer"] = gazetteer or gaz.default()
    _WORKER["nlp"] = nlp.load()


def _die_with_parent(parent: int, die_with_thread: bool) -> None:
    """Exit when the parent process dies (even by SIGKILL): a worker left behind would wait
    for work forever, holding the caller's stdout and stderr and the pool's resource tracker.

    Linux kills the worker at once (PR_SET_PDEATHSIG), but only when the parent's thread that
    started it lives as long as the parent (the main thread); everywhere, a thread checks the
    parent twice a second.
    """
    import os
    import threading
    import time

    if die_with_thread and sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent:  # it died while this worker started
        os._exit(1)
    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def extract_batch(docs: list[Document], fn=None, gazetteer: gaz.Gazetteer | None = None) -> list[Extraction]:
    """Parse and extract one batch in this process (the unit of work of a worker)."""
    from . import nlp

    fn = fn or _WORKER.get("fn")
    if fn is None:
        from . import extractors as registry

        fn = registry.get()
    g = gazetteer or _WORKER.get("gazetteer") or gaz.default()
    model = _WORKER.get("nlp") or nlp.load()
    with model.memory_zone():
        parsed = model.pipe([d.text for d in docs], batch_size=max(len(docs), 1))
        return [_extraction(doc, p, fn, g) for doc, p in zip(docs, parsed, strict=True)]


def _pool_context():
    import multiprocessing as mp

    # spawn, not fork: the parent may hold threads (the store's, the progress counter) that a
    # forked child would inherit half-way, and spawn behaves the same on every OS. A worker
    # loads the pipeline itself either way, so fork would save little.
    return mp.get_context("spawn")


def _parallel(docs: Iterable[Document], fn, g, batch_size: int, jobs: int) -> Iterator[Extraction]:
    import os
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # Workers are started by the thread that submits work, this one.
    in_main = threading.current_thread() is threading.main_thread()
    pool = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_init_worker,
                               initargs=(fn, None if g is gaz.default() else g, os.getpid(), in_main))
    pending: deque = deque()
    try:
        for batch in batched(docs, batch_size):
            pending.append(pool.submit(extract_batch, batch))
            if len(pending) >= 2 * jobs:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future) -> list[Extraction]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise ExtractionError(
            "a worker process died (out of memory, killed, or the calling script starts workers on "
            "import: guard it with `if __name__ == \"__main__\":`); try fewer --jobs or --jobs 1") from None


def extract_documents(docs: Iterable[Document], *, extractor: str = "rules",
                      gazetteer: gaz.Gazetteer | None = None, batch_size: int | None = None,
                      jobs: int = 1, n_process: int | None = None) -> Iterator[Extraction]:
    """Extract relations from documents, one :class:`Extraction` per document, in input order.

    ``jobs`` (alias ``n_process``, spaCy's name) worker processes share the work; the
    spaCy pipeline is loaded only once a first document arrives.
    """
    from . import extractors as registry

    jobs = n_process if n_process is not None else jobs
    if jobs < 1:
        import os

        jobs = os.cpu_count() or 1
    fn = registry.get(extractor)
    g = gazetteer or gaz.default()
    it = iter(docs)
    first = next(it, None)
    if first is None:
        return
    it = itertools.chain([first], it)
    batch_size = batch_size or BATCH_SIZE
    if jobs > 1:
        yield from _parallel(it, fn, g, batch_size, jobs)
        return
    from . import nlp

    model = nlp.load()
    for chunk in batched(it, ZONE_SIZE):
        with model.memory_zone():
            pairs = ((d.text, d) for d in chunk)
            for parsed, doc in model.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield _extraction(doc, parsed, fn, g)


class _UntilBadInput:
    """The documents up to the first bad input, which is raised only once every document
    before it went through (the pipeline reads ahead in batches: raising at once would
    drop the documents read but not yet parsed and stored)."""

    def __init__(self, docs: Iterable[Document]):
        self.docs = docs
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[Document]:
        from .errors import InputError

        try:
            yield from self.docs
        except InputError as exc:
            self.error = exc

    def raise_stored(self) -> None:
        if self.error is not None:
            raise self.error


def _counted(items: Iterable, progress) -> Iterator:
    for item in items:
        yield item
        if progress is not None:
            progress.update()


def extract(inputs: Iterable[str | Path], *, glob: str | None = None, progress=None,
            **kwargs) -> Iterator[Extraction]:
    """Read inputs (files, folders, JSONL, CSV, HTML, ``-``) and extract relations from every document.

    ``progress`` is a :class:`kg.progress.Progress` (or anything with ``update()``).

    >>> from pathlib import Path
    >>> from kg.pipeline import extract
    >>> _ = Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> ex = next(extract(["visit.txt"]))
    >>> ex.document.id, ex.relations[0].predicate
    ('visit', 'visits')
    """
    from .ingest import read_inputs
    from .skips import checked

    reading = _UntilBadInput(checked(read_inputs(inputs, glob)))
    yield from _counted(extract_documents(reading, **kwargs), progress)
    reading.raise_stored()


# ------------------------------------------------------------------ the store

@dataclass
class BuildReport:
    """Counts only: a report must not grow with the corpus."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    relations: int = 0
    skipped: SkipLog | None = None  # with on_error="skip" (kg.build): what was left out and why (bounded)


    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged


def changed_documents(docs: Iterable[Document], store, report: BuildReport,
                      progress=None) -> Iterator[tuple[Document, bool]]:
    """The documents whose content ``store`` does not hold yet, each with whether it replaces
    a stored version. Unchanged ones are counted in ``report.unchanged`` (and ticked on the
    progress bar) without being parsed. With ``store=None`` every document is new."""
    from .graph import document_iri

    for doc in docs:
        stored = store.document_hash(str(document_iri(doc.id))) if store is not None else None
        if stored == doc.content_hash:
            report.unchanged += 1
            if progress is not None:
                progress.update()
            continue
        yield doc, stored is not None


def build(inputs: Iterable[str | Path], store, *, glob: str | None = None, progress=None,
          on_stored=None, **kwargs) -> BuildReport:
    """Extract from inputs and write each document's graph to ``store``.

    A document whose content hash is already stored is skipped before parsing (the spaCy
    pipeline is not even loaded when nothing changed); a changed document replaces its own
    graph. Each document is written atomically, so a failure half-way leaves the documents
    before it stored and complete: build again and they are skipped.
    ``on_stored(doc_id, status)`` is called after each document is committed.

    >>> from pathlib import Path
    >>> from kg.pipeline import build
    >>> from kg.store import open_store
    >>> _ = Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> with open_store("output/store") as store:
    ...     first, again = build(["visit.txt"], store), build(["visit.txt"], store)
    >>> (first.added, first.unchanged), (again.added, again.unchanged)
    ((1, 0), (0, 1))
    """
    from .entities import update
    from .ingest import read_inputs
    from .skips import checked

    report = BuildReport()
    status: dict[str, str] = {}  # only the documents in flight
    reading = _UntilBadInput(checked(read_inputs(inputs, glob)))

    def todo() -> Iterator[Document]:
        for doc, replaces in changed_documents(reading, store, report, progress):
            status[doc.id] = "replaced" if replaces else "added"
            yield doc

    batch: list[Extraction] = []
    buffered = 0

    def commit() -> None:
        nonlocal buffered
        if not batch:
            return
        update(store, batch)
        for ex in batch:
            kind = status.pop(ex.document.id)
            setattr(report, kind, getattr(report, kind) + 1)
            report.relations += len(ex.relations)
            buffered += 20 * len(ex.relations) + 10 * len(ex.entities) + 10  # about the quads written
            if on_stored is not None:
                on_stored(ex.document.id, kind)
            if progress is not None:
                progress.update()
        batch.clear()
        if buffered >= FLUSH_QUADS:
            store.flush()
            buffered = 0

    try:
        for ex in extract_documents(todo(), **kwargs):
            batch.append(ex)
            if len(batch) >= COMMIT_DOCS:
                commit()
    except BaseException:
        commit()  # what was extracted before the failure is stored, complete
        raise
    commit()
    reading.raise_stored()  # every document before a bad input is stored: now stop
    return report


def remove(store, doc_ids: Iterable[str]) -> list[str]:
    """Take documents (by id or document IRI) out of the store, each with its whole graph.

    All ids are checked first: if one is not stored, nothing is removed. The entities the
    documents named are described again from the documents that remain (an entity no
    other document names goes), in the same update.
    """
    from .entities import update
    from .graph import document_iri
    from .namespaces import DOC_BASE

    iris = []
    for doc_id in doc_ids:
        iri = doc_id if doc_id.startswith(DOC_BASE) else str(document_iri(doc_id))
        if store.document_hash(iri) is None:
            raise StoreError(f"no document {doc_id!r} in the store {store.path}; list the stored ids with: "
                             f"kg query \"SELECT ?id WHERE {{ ?d a kg:Document ; dcterms:identifier ?id }}\" "
                             f"--store {store.path}")
        iris.append((doc_id, iri))
    update(store, drop=[iri for _, iri in iris])
    return list(dict.fromkeys(doc_id for doc_id, _ in iris))
