"""What to do with a bad document: stop (the default) or skip it and say so at the end.

Readers and the pipeline raise :class:`~kg.errors.InputError` for a document or file they
cannot use. Where a reader can go on past the bad record (the next JSONL line, the next file
of a folder, the next input), it asks :func:`recover`: under ``kg build --on-error skip``
(:func:`skipping`) the error is recorded in a :class:`SkipLog` and reading goes on;
otherwise the error propagates and the run stops. The log is a context variable, so the
library's functions keep their signatures and a caller that never asks for skipping sees
the errors exactly as before.

:func:`checked` is the gate every document passes before parsing: it refuses documents
too long for the parser and text with no English in it, and blanks out the paragraphs of a
document that are not English. :func:`note` tells the user what was read anyway but
changed or guessed (an encoding, a link not followed, paragraphs left out).

>>> from pathlib import Path
>>> from kg.ingest import read_inputs
>>> from kg.skips import skipping
>>> _ = Path("news.jsonl").write_text('{"id": "a", "text": "Canada praised Japan."}\\n{"id": "b"}\\n')
>>> with skipping() as log:
...     ids = [doc.id for doc in read_inputs(["news.jsonl"])]
>>> ids
['a']
>>> print(log.summary())
Skipped 1 input:
  news.jsonl:2: the record has no 'text' (a non-empty string is required; or give the page as 'html')
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from .errors import InputError
from .model import Document

# spaCy's own nlp.max_length: longer texts make it raise, and its parser and NER need about
# 1 GB of memory per 100,000 words. kg refuses such documents before parsing instead.
MAX_CHARS = 1_000_000
ON_ERROR = ("stop", "skip")
KEEP = 1000  # skips listed one by one; beyond this only counted, so the log stays small


@dataclass
class SkipLog:
    """The documents and files skipped, each with where and why (the first ``KEEP``)."""

    entries: list[tuple[str, str]] = field(default_factory=list)
    count: int = 0

    def add(self, where: str, reason: str) -> None:
        self.count += 1
        if len(self.entries) < KEEP:
            self.entries.append((where, reason))

    def summary(self, limit: int = 50) -> str:
        """Several lines: how many were skipped, then ``where: why`` for each (up to ``limit``)."""
        if not self.count:
            return "Skipped nothing."
        noun = "input" if self.count == 1 else "inputs"
        lines = [f"Skipped {self.count} {noun}:"]
        lines += [f"  {where}: {why}" if where else f"  {why}" for where, why in self.entries[:limit]]
        if self.count > limit:
            lines.append(f"  ... and {self.count - limit} more")
        return "\n".join(lines)


_LOG: ContextVar[SkipLog | None] = ContextVar("kg_skip_log", default=None)


@dataclass
class Notes:
    """What kg did to an input without refusing it, for the user to check: an encoding it
    guessed, a link it did not follow, paragraphs it left out (the first ``KEEP``)."""

    entries: list[tuple[str, str]] = field(default_factory=list)
    count: int = 0

    def add(self, where: str, what: str) -> None:
        self.count += 1
        if len(self.entries) < KEEP:
            self.entries.append((where, what))

    def summary(self, limit: int = 50) -> str:
        lines = [f"Note: {where}: {what}" if where else f"Note: {what}" for where, what in self.entries[:limit]]
        if self.count > limit:
            lines.append(f"Note: ... and {self.count - limit} more")
        return "\n".join(lines)


_NOTES: ContextVar[Notes | None] = ContextVar("kg_notes", default=None)


@contextlib.contextmanager
def noting(notes: Notes | None = None) -> Iterator[Notes]:
    """Within this block, :func:`note` collects into ``notes`` (the CLI prints them at the end)."""
    notes = notes if notes is not None else Notes()
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def note(where: str, what: str) -> None:
    """Tell the user something about an input that was read anyway (nothing happens outside
    :func:`noting`: a library caller who did not ask is not told)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.add(where, what)


@contextlib.contextmanager
def skipping(log: SkipLog | None = None) -> Iterator[SkipLog]:
    """Within this block, bad documents are recorded in the log instead of stopping the run."""
    log = log if log is not None else SkipLog()
    token = _LOG.set(log)
    try:
        yield log
    finally:
        _LOG.reset(token)


def policy(on_error: str):
    """The context for an ``--on-error`` value: :func:`skipping` or a no-op."""
    if on_error not in ON_ERROR:
        from .errors import FormatError

        raise FormatError(f"unknown --on-error {on_error!r}; use one of: {', '.join(ON_ERROR)}")
    return skipping() if on_error == "skip" else contextlib.nullcontext(None)


def recover(exc: InputError) -> bool:
    """True when the error is recorded as a skip and the caller should go on; False: raise it."""
    log = _LOG.get()
    if log is None:
        return False
    where = exc.source or ""
    if exc.line is not None:
        where = f"{where}:{exc.line}"
    reason = str(exc)
    if where and reason.startswith(where + ": "):
        reason = reason[len(where) + 2:]
    log.add(where, reason)
    return True


def guard(docs: Iterable[Document]) -> Iterator[Document]:
    """The documents of one file or input; under skipping, a file-level error ends just this one."""
    try:
        yield from docs
    except InputError as exc:
        if not recover(exc):
            raise


def check(doc: Document, max_chars: int = MAX_CHARS) -> Document:
    """The document as it will be parsed: raise :class:`InputError` when it cannot be parsed
    at all; blank out its non-English paragraphs (noted, see :mod:`kg.language`)."""
    if len(doc.text) > max_chars:
        raise InputError(
            f"document {doc.id!r} has {len(doc.text):,} characters, over the limit of {max_chars:,} "
            "(spaCy's nlp.max_length); split it into several documents, e.g. one JSONL line per "
            "section or chapter", source=doc.source or doc.id)
    from .language import judge

    verdict = judge(doc.text)
    if verdict.refusal:
        raise InputError(f"document {doc.id!r}: {verdict.refusal}", source=doc.source or doc.id)
    if verdict.dropped:
        import dataclasses

        n = len(verdict.dropped)
        found = f" ({', '.join(verdict.languages)})" if verdict.languages else ""
        spans = ", ".join(f"{s}-{e}" for s, e in verdict.dropped[:5]) + (", ..." if n > 5 else "")
        note(doc.source or doc.id, f"left out {n} non-English paragraph{'s' if n > 1 else ''}{found} of document "
                                   f"{doc.id!r} (characters {spans}); kg's pipeline reads English only")
        doc = dataclasses.replace(doc, text=verdict.text)
    return doc


def check_file_size(path, max_chars: int = MAX_CHARS) -> None:
    """Refuse a plain text file before reading it when its bytes cannot fit in ``max_chars``.

    UTF-8 takes at most 4 bytes a character, so a file of more bytes than ``4 × max_chars``
    is too long whatever it holds; this keeps memory flat for a multi-gigabyte file.
    """
    import os

    size = os.path.getsize(path)
    if size > 4 * max_chars:
        raise InputError(f"the file has {size:,} bytes, more than a document of at most {max_chars:,} characters "
                         "(spaCy's nlp.max_length) can take; split it into several documents, e.g. one JSONL "
                         "line per section or chapter", source=str(path))


def checked(docs: Iterable[Document], max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """The documents that pass :func:`check`; the others are skipped (under skipping) or raise."""
    for doc in docs:
        try:
            doc = check(doc, max_chars)
        except InputError as exc:
            if recover(exc):
                continue
            raise
        yield doc
