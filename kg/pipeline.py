"""The main jobs: documents → extractions (``extract``) → the store (``build``).

Documents stream through spaCy's ``nlp.pipe`` in batches; nothing holds the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import gazetteer as gaz
from .model import Document, Extraction


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


def extract_documents(docs: Iterable[Document], *, extractor: str = "rules",
                      gazetteer: gaz.Gazetteer | None = None, batch_size: int = 32,
                      n_process: int = 1) -> Iterator[Extraction]:
    """Extract relations from documents, one :class:`Extraction` per document, in order."""
    from . import extractors as registry
    from . import nlp
    from .resolve import resolve

    fn = registry.get(extractor)
    g = gazetteer or gaz.default()
    model = nlp.load()
    pairs = ((d.text, d) for d in docs)
    for parsed, doc in model.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        mentions = list(fn(doc, parsed, g))
        relations = resolve(doc, mentions, g)
        entities = {r.subject.id: r.subject for r in relations} | {r.object.id: r.object for r in relations}
        yield Extraction(document=doc, relations=tuple(relations), entities=tuple(entities.values()))


def extract(inputs: Iterable[str | Path], **kwargs) -> Iterator[Extraction]:
    """Read inputs (files, folders, JSONL, ``-``) and extract relations from every document.

    >>> from kg.pipeline import extract
    >>> ex = next(extract(["examples/state-visit.txt"]))   # doctest: +SKIP
    >>> ex.relations[0].predicate                           # doctest: +SKIP
    'visits'
    """
    from .ingest import read_inputs
    from .skips import checked

    return extract_documents(checked(read_inputs(inputs)), **kwargs)


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    relations: int = 0


def build(inputs: Iterable[str | Path], store, *, on_stored=None, **kwargs) -> BuildReport:
    """Extract from inputs and write each document's graph to ``store``.

    A document whose content hash is already stored is skipped before parsing; a changed
    document replaces its own graph. Each document is written atomically.
    ``on_stored(doc_id, status)`` is called after each document is committed.
    """
    from .graph import document_iri, extraction_graph
    from .ingest import read_inputs
    from .skips import checked

    report = BuildReport()
    status: dict[str, str] = {}

    def todo() -> Iterator[Document]:
        for doc in checked(read_inputs(inputs)):
            stored = store.document_hash(str(document_iri(doc.id)))
            if stored == doc.content_hash:
                report.unchanged.append(doc.id)
                continue
            status[doc.id] = "replaced" if stored else "added"
            yield doc

    for ex in extract_documents(todo(), **kwargs):
        store.put_graph(extraction_graph(ex))
        state = status.pop(ex.document.id)
        getattr(report, state).append(ex.document.id)
        if on_stored is not None:
            on_stored(ex.document.id, state)
        report.relations += len(ex.relations)
    return report
