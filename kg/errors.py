"""The one error hierarchy of kg.

Every failure a user can cause or fix surfaces as a ``KGError``; the CLI turns it into a
single ``Error: ...`` line and an exit code. Messages name the bad value and the way out.

    KGError
    ├── InputError        a document or corpus cannot be read (names the file and line)
    ├── ModelError        the spaCy pipeline is missing or broken
    ├── StoreError        the store cannot be opened or written
    │   └── StoreLockedError   another process holds the store
    ├── QueryError        SPARQL that does not parse or run, unknown named query or parameter
    ├── FormatError       an unknown format, exporter or extractor name
    ├── GoldError         a gold file for ``kg eval`` that cannot be read
    ├── DataError         a file of kg's own data (kg/data) that does not read: names the file and row
    ├── ExtractionError   parallel extraction failed outside any one document
    └── DistributedError  the Dask cluster cannot be reached or a partition failed
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 1


class InputError(KGError):
    """A document or corpus cannot be read."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)


class ModelError(KGError):
    """The spaCy pipeline is missing or cannot be loaded."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing."""


class QueryError(KGError):
    """A SPARQL query or named query that cannot be run."""


class FormatError(KGError):
    """An unknown format, exporter or extractor name."""

    exit_code = 2


class GoldError(KGError):
    """A gold file for evaluation that cannot be read."""


class DataError(KGError):
    """A file of kg's own data (``kg/data``: word lists, rule rows) that does not read, as after
    an edit: an unknown name it refers to. The message names the file and row."""


class ExtractionError(KGError):
    """The parallel extraction failed outside any one document (a worker process died)."""


class DistributedError(KGError):
    """The Dask cluster cannot be reached or a partition failed."""
