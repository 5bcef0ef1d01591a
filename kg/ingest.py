"""Inputs → :class:`~kg.model.Document`.

An input is one of

- a text or Markdown file (``.txt``, ``.md``): one document whose id is the file's stem;
- an HTML page (``.html``, ``.htm``): its main text, title, date and URL, found by
  trafilatura (the optional extra ``kg[html]``);
- a JSONL corpus (``.jsonl``, ``.ndjson``): one object a line with ``id``, ``text`` (or
  ``html``), and optionally ``date`` (YYYY-MM-DD), ``title``, ``url``;
- a CSV or TSV corpus (``.csv``, ``.tsv``) with a header row naming the same columns;
- a folder, walked recursively (hidden files and folders skipped), optionally narrowed by
  a glob (``*.html``, ``2019/**/*.txt``);
- ``-`` for standard input (one text, an HTML page, or JSONL).

Every file may be gzip-compressed (``corpus.jsonl.gz``). Documents stream out one at a
time: a corpus of any size never sits in memory whole, and a folder is walked lazily.
Bad input raises :class:`~kg.errors.InputError` naming the file and line and saying what
to do.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import itertools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import skips
from .errors import InputError
from .model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES

HTML_HINT = "pip install 'kg[html]'  (or: pip install trafilatura)"

# Page furniture left by scrapers and copy-paste. Each pattern must match a whole line, so
# a sentence that merely contains these words is never touched.
_IMAGE = r"(?:webp|jpe?g|png|gif|avif|svg|bmp|tiff?|heic)"
_BOILERPLATE = re.compile(
    rf"""^\s*(?:
        listen\ to\ (?:this|the)\ (?:article|story)(?:\W+\d+\s*min(?:ute)?s?)?
      | (?:scroll|back|return|go)\ to\ top
      | share\ (?:this\ )?(?:article|story|page|post)?(?:\ on\ \w+)?
      | (?:share\ (?:on|via)\ )?(?:facebook|twitter|x|linkedin|whatsapp|email|print)(?:\s*[|·•]\s*\w+)*
      | (?:image|photo|picture|img)\b.*\.{_IMAGE}
      | [^\s/]*\.{_IMAGE}
      | !\[[^\]]*\]\([^)]*\)                          # a Markdown image on its own line
      | (?:advertisement|sponsored(?:\ content)?|ad)
      | skip\ to\ (?:main\ )?content
      | (?:read|see)\ (?:more|also)\W*
      | related\ (?:articles|stories|posts)\W*
      | sign\ up\ (?:for|to)\ (?:our|the)\ newsletter.*
      | subscribe(?:\ now|\ to\ (?:our|the)\ newsletter)?\W*
      | (?:copyright|©|\(c\))\s*(?:©\s*)?\d{{4}}.{{0,80}}
      | all\ rights\ reserved\.?
      | (?:accept|manage)\ (?:all\ )?cookies
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def clean_text(text: str) -> str:
    """Blank out lines of page furniture, keeping every other character where it was.

    Offsets into the cleaned text are offsets into the original, so evidence spans stay
    valid against the file the user has.

    >>> clean_text("Listen to this article\\nLeaders met.\\nScroll to Top")
    '                      \\nLeaders met.\\n             '
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for line in text.split("\n"):
        out.append(" " * len(line) if len(line) < 200 and _BOILERPLATE.match(line) else line)
    return "\n".join(out)


def _article_text(text: str, source: str, line: int | None = None) -> str:
    """``clean_text``, refusing a text that was page furniture and nothing else."""
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InputError(f"the text is only page furniture ({text.strip()[:40]!r}: share buttons, image names, "
                         "'Listen to this article' ...), with no article in it", source=source, line=line)
    return cleaned


def decode(data: bytes, source: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else a confident guess, else an error."""
    if not data.strip():
        raise InputError("the file is empty; give it some text", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("this looks like a binary file, not text; pass a .txt, .md, .html, .jsonl or .csv "
                         "file (or narrow --glob)", source=source)
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


def _kind(path: Path) -> str | None:
    suffix = _strip_gz(path).suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        return "jsonl"
    if suffix in TABLE_SUFFIXES:
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


# ------------------------------------------------------------------ single documents

def read_text_file(path: Path, doc_id: str | None = None) -> Document:
    """One text or Markdown file → one document whose id is the file's stem."""
    if path.suffix != ".gz" and path.exists():
        skips.check_file_size(path)  # before reading: a huge file never sits in memory
    text = decode(_read_bytes(path), str(path))
    if not text.strip():
        raise InputError("the file holds only whitespace; give it some text", source=str(path))
    return Document(id=doc_id or _strip_gz(path).stem, text=_article_text(text, str(path)), source=str(path))


def html_to_document(html: bytes | str, doc_id: str, source: str, *, url: str | None = None,
                     title: str | None = None, date: str | None = None, line: int | None = None) -> Document:
    """An HTML page → a document holding its main text, with its title, date and URL.

    Values given by the caller (from a corpus record) win over those found in the page.
    Needs trafilatura (``pip install 'kg[html]'``).
    """
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"reading HTML needs trafilatura, which is not installed; {HTML_HINT}",
                         source=source, line=line) from None
    found = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                                include_comments=False, include_images=False, include_links=False)
    meta = json.loads(found) if found else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError("no main text found in the HTML page; is it an article? (pass the page's text "
                         "as a .txt file instead)", source=source, line=line)
    page_date = meta.get("date")
    if page_date and not _DATE.match(page_date):
        page_date = None
    return Document(id=doc_id, text=_article_text(text, source, line), title=title or meta.get("title") or None,
                    date=date or page_date, url=url or meta.get("source") or meta.get("url") or None,
                    source=source if line is None else f"{source}:{line}")


def read_html_file(path: Path, doc_id: str | None = None) -> Document:
    """One HTML page → one document (its main text, title, date and URL)."""
    data = _read_bytes(path)
    if not data.strip():
        raise InputError("the file is empty; give it some HTML", source=str(path))
    return html_to_document(data, doc_id or _strip_gz(path).stem, str(path))


# ------------------------------------------------------------------ corpora

def _normalise_date(value, source: str, line: int) -> str | None:
    if value is None or value == "":
        return None
    date = str(value).strip()
    if re.fullmatch(r"\d{8}", date):
        date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    m = _ISO_DATETIME.match(date)
    if m:
        date = m.group(1)
    if not _DATE.match(date):
        raise InputError(f"'date' must be YYYY-MM-DD, got {value!r}", source=source, line=line)
    return date


def record_to_document(obj: dict, source: str, line: int) -> Document:
    """One corpus record (a JSONL object or a CSV row) → a document, checked."""
    doc_id = str(obj.get("id") or "").strip() or f"{_strip_gz(Path(source)).stem}-{line}"
    date = _normalise_date(obj.get("date"), source, line)
    title = str(obj["title"]) if obj.get("title") else None
    url = str(obj["url"]) if obj.get("url") else None
    text = obj.get("text")
    if (text is None or text == "") and isinstance(obj.get("html"), str) and obj["html"].strip():
        return html_to_document(obj["html"], doc_id, source, url=url, title=title, date=date, line=line)
    if not isinstance(text, str) or not text.strip():
        raise InputError("the record has no 'text' (a non-empty string is required; or give the page "
                         "as 'html')", source=source, line=line)
    return Document(id=doc_id, text=_article_text(text, source, line), title=title, date=date, url=url,
                    source=f"{source}:{line}")


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Document]:
    """A JSONL corpus → documents, checking each line.

    Under ``--on-error skip`` (:mod:`kg.skips`) a bad line is recorded and reading goes on
    with the next one.
    """
    lines, start = iter(lines), 0
    while True:
        try:
            yield from _read_jsonl(lines, source, start)
            return
        except InputError as exc:
            if exc.line is None or not skips.recover(exc):
                raise
            start = exc.line


def _read_jsonl(lines: Iterator[str], source: str, start: int) -> Iterator[Document]:
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
        yield record_to_document(obj, source, number)


def read_csv(fh: Iterable[str], source: str, *, delimiter: str = ",") -> Iterator[Document]:
    """A CSV/TSV corpus with a header row (``id``, ``text``, ``date``, ``title``, ``url``) → documents."""
    if csv.field_size_limit() < 1 << 30:  # articles are longer than csv's 128 kB default cell
        csv.field_size_limit(1 << 30)
    reader = csv.reader(fh, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"malformed CSV header ({exc})", source=source, line=1) from None
    if header is None:
        raise InputError("the file is empty; give it a header row and one article a row", source=source)
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    if "text" not in names and "html" not in names:
        raise InputError(f"the header {header!r} has no 'text' column; name the article text column 'text' "
                         "(optional columns: id, date, title, url)", source=source, line=1)
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"malformed CSV ({exc}); check the quoting", source=source, line=start) from None
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(names):
            raise InputError(f"the row has {len(row)} fields but the header has {len(names)}; check the "
                             "quoting of the text", source=source, line=start)
        yield record_to_document(dict(zip(names, row)), source, start)


def _open_text(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    return opener(path, "rt", encoding="utf-8-sig", newline="")


def _stream(path: Path, reader) -> Iterator[Document]:
    """Run ``reader`` over the open text file, turning I/O failures into InputError."""
    try:
        with _open_text(path) as fh:
            yield from reader(fh, str(path))
    except FileNotFoundError:
        raise InputError("no such file or folder; check the path", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"the corpus is not UTF-8 ({exc.reason}); convert it first, e.g. with iconv",
                         source=str(path)) from None
    except (EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"the compressed file is damaged or truncated ({exc})", source=str(path)) from None


# ------------------------------------------------------------------ folders

def glob_regex(pattern: str) -> re.Pattern:
    """A glob → a regex over a path relative to the folder, with ``/`` separators.

    ``*`` and ``?`` stay inside one folder, ``**/`` spans any number of folders, and a
    pattern without a ``/`` matches the file name at any depth (as in ``.gitignore``).

    >>> bool(glob_regex("*.html").match("2019/01/page.html"))
    True
    >>> bool(glob_regex("2019/*.txt").match("2019/01/a.txt"))
    False
    >>> bool(glob_regex("2019/**/*.txt").match("2019/01/a.txt"))
    True
    """
    pattern = pattern.strip().lstrip("/")
    if "/" not in pattern:
        pattern = "**/" + pattern
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:j]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def iter_folder(folder: Path, glob: str | None = None) -> Iterator[Path]:
    """The files of a folder, recursively and in a stable order, without listing it all first.

    Hidden files and folders (a leading ``.``) are skipped. Without ``glob`` only files kg
    can read are yielded; with it, every matching file.
    """
    rx = glob_regex(glob) if glob else None
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = Path(root).relative_to(folder)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            rel = (rel_root / name).as_posix()
            if rx is not None:
                if rx.match(rel):
                    yield path
            elif _kind(path) is not None:
                yield path


def _folder_doc_id(folder: Path, path: Path) -> str:
    """A file's id in a folder: its stem, prefixed by its subfolders (a/b/index.html → a/b/index)."""
    rel = _strip_gz(path.relative_to(folder))
    return rel.with_suffix("").as_posix()


def read_file(path: Path, doc_id: str | None = None) -> Iterator[Document]:
    """A file of any supported kind → its documents. An unknown suffix is read as text."""
    kind = _kind(path)
    if kind == "jsonl":
        yield from _stream(path, read_jsonl)
    elif kind == "csv":
        delimiter = "\t" if _strip_gz(path).suffix.lower() == ".tsv" else ","
        yield from _stream(path, lambda fh, src: read_csv(fh, src, delimiter=delimiter))
    elif kind == "html":
        yield read_html_file(path, doc_id)
    else:
        yield read_text_file(path, doc_id)


def _read_stdin() -> Iterator[Document]:
    """Standard input: JSONL when its first non-blank line starts with ``{``, HTML when it
    starts with ``<``, else one text. JSONL streams line by line."""
    buf = sys.stdin.buffer
    head: list[bytes] = []
    for raw in buf:
        head.append(raw)
        if raw.strip():
            break
    first = b"".join(head).lstrip().lstrip(b"\xef\xbb\xbf")
    if first.startswith(b"{"):
        lines = (raw.decode("utf-8-sig", errors="strict") for raw in itertools.chain(head, buf))
        try:
            yield from read_jsonl(lines, "<stdin>")
        except UnicodeDecodeError as exc:
            raise InputError(f"standard input is not UTF-8 ({exc.reason}); convert it first",
                             source="<stdin>") from None
        return
    data = b"".join(head) + buf.read()
    if first[:1] == b"<" and re.match(rb"<(?:!doctype\s+html|html|head|body|article)\b", first, re.IGNORECASE):
        yield html_to_document(data, "stdin", "<stdin>")
        return
    text = decode(data, "<stdin>")
    yield Document(id="stdin", text=_article_text(text, "<stdin>"), source="<stdin>")


def read_path(path: Path, glob: str | None = None) -> Iterator[Document]:
    """A file, a folder (recursively, narrowed by ``glob``) or ``-`` → its documents."""
    if str(path) == "-":
        yield from _read_stdin()
        return
    if path.is_dir():
        found = False
        for f in iter_folder(path, glob):
            found = True
            yield from skips.guard(read_file(f, _folder_doc_id(path, f)))
        if not found:
            what = f"no file matching {glob!r}" if glob else \
                "no .txt, .md, .html, .jsonl or .csv files (plain or .gz)"
            raise InputError(f"the folder has {what}; check the path" + ("" if glob else " or pass --glob"),
                             source=str(path))
        return
    if not path.exists():
        raise InputError("no such file or folder; check the path", source=str(path))
    yield from read_file(path)


def _id_digest(doc_id: str) -> bytes:
    return hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest()


def read_inputs(inputs: Iterable[str | Path], glob: str | None = None) -> Iterator[Document]:
    """Every document of every input, in order, with ids unique across inputs.

    Only an 8-byte digest of each id is remembered (to refuse duplicates), so memory grows
    by well under 100 bytes a document whatever their size.
    """
    seen: dict[bytes, int] = {}
    names: list[str] = []
    for item in inputs:
        names.append(str(item))
        for doc in skips.guard(read_path(Path(item), glob)):
            key = _id_digest(doc.id)
            if key in seen:
                dup = InputError(f"duplicate document id {doc.id!r} (also in {names[seen[key]]}); ids must be "
                                 "unique: rename one of them", source=doc.source)
                if skips.recover(dup):
                    continue
                raise dup
            seen[key] = len(names) - 1
            yield doc


# ------------------------------------------------------------------ counting, for progress

def _count_lines(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    n, last = 0, b"\n"
    with opener(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


def count_documents(inputs: Iterable[str | Path], glob: str | None = None) -> int | None:
    """About how many documents the inputs hold (for a progress bar's ETA), or None if unknown.

    Corpus lines are counted without parsing them, so blank lines and quoted line breaks
    in CSV make it an estimate.
    """
    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-":
            return None
        files = iter_folder(path, glob) if path.is_dir() else [path]
        for f in files:
            kind = _kind(f)
            if kind == "jsonl":
                total += _count_lines(f)
            elif kind == "csv":
                total += max(_count_lines(f) - 1, 0)
            else:
                total += 1
    return total


__all__ = ["clean_text", "count_documents", "decode", "glob_regex", "html_to_document", "iter_folder",
           "read_csv", "read_file", "read_html_file", "read_inputs", "read_jsonl", "read_path",
           "read_text_file", "record_to_document"]
