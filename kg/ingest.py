"""Inputs → :class:`~kg.model.Document`.

An input is a text or Markdown file, a folder of them, a JSONL corpus (one object a line:
``id``, ``text``, optional ``date``, ``title``, ``url``), optionally gzip-compressed, or
``-`` for standard input. Documents stream out one at a time, so a corpus of any size
never sits in memory whole. Bad input raises :class:`~kg.errors.InputError` naming the
file and line and saying what to do.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import skips
from .errors import InputError
from .model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson"}

# Page furniture left by scrapers. Each pattern matches a whole line.
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        listen\ to\ this\ article
      | scroll\ to\ top
      | share\ this\ (?:article|story)
      | (?:image|photo)\b.*\.(?:webp|jpe?g|png|gif|avif)
      | \S+\.(?:webp|jpe?g|png|gif|avif)
      | advertisement
      | skip\ to\ (?:main\ )?content
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clean_text(text: str) -> str:
    """Blank out lines of page furniture, keeping every other character where it was.

    Offsets into the cleaned text are offsets into the original, so evidence spans stay
    valid against the file the user has.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for line in text.split("\n"):
        out.append(" " * len(line) if _BOILERPLATE.match(line) else line)
    return "\n".join(out)


def decode(data: bytes, source: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else a confident guess, else an error."""
    if not data.strip():
        raise InputError("the file is empty; give it some text", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("this looks like a binary file, not text; pass a .txt, .md or .jsonl file", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"cannot decode the text (not UTF-8: {first_error.reason} at byte {first_error.start}); "
            "convert it to UTF-8 first, e.g. with iconv",
            source=source,
        )
    return str(best)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or folder; check the path", source=str(path)) from None
    except (EOFError, gzip.BadGzipFile, OSError) as exc:
        raise InputError(f"cannot read the file ({exc}); is it complete?", source=str(path)) from None


def _strip_gz(path: Path) -> Path:
    return path.with_suffix("") if path.suffix == ".gz" else path


def read_text_file(path: Path, doc_id: str | None = None) -> Document:
    """One text or Markdown file → one document whose id is the file's stem."""
    if path.suffix != ".gz" and path.exists():
        skips.check_file_size(path)  # before reading: a huge file never sits in memory
    text = decode(_read_bytes(path), str(path))
    if not text.strip():
        raise InputError("the file holds only whitespace; give it some text", source=str(path))
    return Document(id=doc_id or _strip_gz(path).stem, text=clean_text(text), source=str(path))


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Document]:
    """A JSONL corpus → documents, checking each line and refusing duplicate ids.

    Under ``--on-error skip`` (:mod:`kg.skips`) a bad line is recorded and reading goes on
    with the next one.
    """
    lines, seen, start = iter(lines), set(), 0
    while True:
        try:
            yield from _read_jsonl(lines, source, seen, start)
            return
        except InputError as exc:
            if exc.line is None or not skips.recover(exc):
                raise
            start = exc.line


def _read_jsonl(lines: Iterator[str], source: str, seen: set[str], start: int) -> Iterator[Document]:
    for number, line in enumerate(lines, start + 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON ({exc.msg}, column {exc.colno}); fix or remove the line",
                             source=source, line=number) from None
        if not isinstance(obj, dict):
            raise InputError("each line must be a JSON object with 'id' and 'text'", source=source, line=number)
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError("the object has no 'text' (a non-empty string is required)", source=source, line=number)
        doc_id = str(obj.get("id") or f"{Path(source).stem}-{number}")
        if doc_id in seen:
            raise InputError(f"duplicate id {doc_id!r}; ids must be unique within a corpus",
                             source=source, line=number)
        seen.add(doc_id)
        date = obj.get("date")
        if date is not None:
            date = str(date)
            if re.fullmatch(r"\d{8}", date):
                date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
            if not _DATE.match(date):
                raise InputError(f"'date' must be YYYY-MM-DD, got {date!r}", source=source, line=number)
        yield Document(id=doc_id, text=clean_text(text), title=obj.get("title"), date=date,
                       url=obj.get("url"), source=f"{source}:{number}")


def _jsonl_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig") as fh:
            yield from fh
    except FileNotFoundError:
        raise InputError("no such file or folder; check the path", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"the corpus is not UTF-8 ({exc.reason}); convert it first", source=str(path)) from None
    except (EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"the compressed file is damaged or truncated ({exc})", source=str(path)) from None


def read_path(path: Path) -> Iterator[Document]:
    """A file or folder → its documents."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        text = decode(data, "<stdin>")
        if text.lstrip().startswith("{"):
            yield from read_jsonl(text.splitlines(), "<stdin>")
        else:
            yield Document(id="stdin", text=clean_text(text), source="<stdin>")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _strip_gz(p).suffix.lower()
                       in TEXT_SUFFIXES | CORPUS_SUFFIXES)
        if not files:
            raise InputError("the folder has no .txt, .md or .jsonl files", source=str(path))
        for f in files:
            yield from skips.guard(read_path(f))
        return
    if not path.exists():
        raise InputError("no such file or folder; check the path", source=str(path))
    suffix = _strip_gz(path).suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        yield from read_jsonl(_jsonl_lines(path), str(path))
    else:
        yield read_text_file(path)


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Document]:
    """Every document of every input, in order, with ids unique across inputs."""
    seen: dict[str, str] = {}
    for item in inputs:
        for doc in skips.guard(read_path(Path(item))):
            if doc.id in seen:
                dup = InputError(f"duplicate document id {doc.id!r} (also in {seen[doc.id]}); "
                                 "rename one of them", source=doc.source)
                if skips.recover(dup):
                    continue
                raise dup
            seen[doc.id] = doc.source or ""
            yield doc
