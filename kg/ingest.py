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

import codecs
import csv
import datetime
import gzip
import hashlib
import json
import os
import re
import sys
import zlib
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

# Bytes read at most, checked while reading (so a gzip bomb is never inflated in full): a
# text file of ``skips.MAX_CHARS`` characters takes at most 4 bytes a character in UTF-8; a
# corpus line holds one record, whose JSON escapes (``\uXXXX``) or page markup may take
# more; an HTML page carries markup around its text.
MAX_TEXT_BYTES = 4 * skips.MAX_CHARS
MAX_LINE_BYTES = 16 * skips.MAX_CHARS
MAX_HTML_BYTES = 20 * skips.MAX_CHARS
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
# What Western European text holds beyond ASCII when it is read as Windows-1252: letters,
# and the typographic signs that code page is used for.
_WESTERN_SIGNS = set("\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u2122\u00ab\u00bb"
                     "\u00b0\u00b7\u00a7\u00a3\u00a9\u00ae\u00bd\u00bc\u00be\u00d7\u00bf\u00a1\u00b4\u00aa\u00ba")

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


def no_documents(source: str, why: str, hint: str = "", line: int | None = None) -> InputError:
    """The one error for an input that holds no document at all (empty, blank, a header only)."""
    where = "standard input" if source == "<stdin>" else "the file"
    return InputError(f"no documents in {where} ({why})" + (f"; {hint}" if hint else ""), source=source, line=line)


def _looks_western(text: str) -> bool:
    """Whether text read as Windows-1252 reads as Western European: a few accented letters
    and typographic signs among ASCII words. Text in another single-byte code page
    (Cyrillic, Greek, Central European) turns into runs of accents or into signs."""
    letters = sum(c.isalpha() for c in text)
    beyond = [c for c in text if ord(c) > 0x7F]
    odd = sum(1 for c in beyond if not c.isalpha() and c not in _WESTERN_SIGNS)
    return bool(letters) and len(beyond) <= 0.3 * letters and odd <= 0.1 * len(beyond)


def decode(data: bytes, source: str) -> str:
    """Bytes → text: a byte-order mark's encoding, else UTF-8, else Windows-1252 when the text
    reads as Western European, else the best guess; every guess is noted (:func:`skips.note`)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"the file starts with a {name} byte-order mark but is not {name} ({exc.reason} "
                                 f"at byte {exc.start}); convert it to UTF-8 first, e.g. with iconv",
                                 source=source) from None
    if b"\x00" in data[:8192]:
        raise InputError("this looks like a binary file, not text; pass a .txt, .md, .html, .jsonl or .csv "
                         "file (or narrow --glob)", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    guess = "the file" if source != "<stdin>" else "standard input"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        skips.note(source, f"{guess} is not UTF-8; read as Windows-1252 (Western European), a guess: "
                           "convert it to UTF-8 if the text looks wrong")
        return text
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8, non-Western file

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"cannot decode the text (not UTF-8: {first_error.reason} at byte {first_error.start}); "
            "convert it to UTF-8 first, e.g. with iconv",
            source=source,
        )
    skips.note(source, f"{guess} is not UTF-8; read as {best.encoding}, a guess: convert it to UTF-8 if "
                       "the text looks wrong")
    return str(best)


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The file's bytes (inflated if gzip), refused as soon as they pass ``limit``."""
    try:
        with _open_binary(path) as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file or folder; check the path", source=str(path)) from None
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
        raise InputError(f"cannot read the file ({exc}); is it complete?", source=str(path)) from None
    if len(data) > limit:
        inflated = " once uncompressed" if path.suffix == ".gz" else ""
        raise InputError(f"the file holds more than {limit:,} bytes{inflated}, too many for {what}: its document "
                         f"would be over the limit of {skips.MAX_CHARS:,} characters (spaCy's nlp.max_length); "
                         "split it into several documents, e.g. one JSONL line per section or chapter",
                         source=str(path))
    return data


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
    text = decode(_read_bytes(path, MAX_TEXT_BYTES, "a text file"), str(path))
    if not text.strip():
        raise no_documents(str(path), "it is empty" if not text else "it holds only whitespace",
                           "give it some text")
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
    if page_date and not _valid_date(page_date):
        page_date = None
    return Document(id=doc_id, text=_article_text(text, source, line), title=title or meta.get("title") or None,
                    date=date or page_date, url=url or meta.get("source") or meta.get("url") or None,
                    source=source if line is None else f"{source}:{line}")


def read_html_file(path: Path, doc_id: str | None = None) -> Document:
    """One HTML page → one document (its main text, title, date and URL)."""
    data = _read_bytes(path, MAX_HTML_BYTES, "an HTML page")
    if not data.strip():
        raise no_documents(str(path), "it is empty", "give it some HTML")
    return html_to_document(data, doc_id or _strip_gz(path).stem, str(path))


# ------------------------------------------------------------------ corpora

def _valid_date(date: str) -> bool:
    """YYYY-MM-DD naming a day of the calendar (not 2019-02-30)."""
    if not _DATE.match(date):
        return False
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return False
    return True


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
    if not _valid_date(date):
        raise InputError(f"'date' {value!r} is no day of the calendar; fix the date (YYYY-MM-DD) or leave it out",
                         source=source, line=line)
    return date


def _check_characters(obj: dict, source: str, line: int) -> None:
    """Refuse a record whose strings hold a lone surrogate: JSON's ``\ud800`` escape decodes to
    a code point that is no character, which no file or store can hold as UTF-8."""
    for key in ("id", "text", "html", "title", "url", "date"):
        value = obj.get(key)
        if isinstance(value, str) and _SURROGATE.search(value):
            bad = _SURROGATE.search(value).group()
            raise InputError(f"the record's {key!r} holds a lone surrogate ({ascii(bad)}), which is no character "
                             "(a broken \\u escape); fix or remove the line", source=source, line=line)


def record_to_document(obj: dict, source: str, line: int) -> Document:
    """One corpus record (a JSONL object or a CSV row) → a document, checked."""
    _check_characters(obj, source, line)
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


def numbered_lines(readline, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, the line's bytes) from a binary ``readline``, never holding more than
    ``limit`` bytes of one line: a longer line is read through and given as ``None``."""
    number = 0
    while raw := readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _line_text(number: int, raw: bytes | str | None, source: str, limit: int = MAX_LINE_BYTES) -> str:
    """One corpus line as text; a line too long or not UTF-8 is refused naming it."""
    if raw is None:
        raise InputError(f"the line is over {limit:,} bytes: its document would be over the limit of "
                         f"{skips.MAX_CHARS:,} characters (spaCy's nlp.max_length); split it into several documents",
                         source=source, line=number)
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the line is not UTF-8 ({exc.reason} at byte {exc.start}); convert the corpus to UTF-8, "
                         "e.g. with iconv, or fix the line", source=source, line=number) from None


def _jsonl_record(number: int, raw, source: str) -> Document | None:
    line = _line_text(number, raw, source)
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg}, column {exc.colno}); fix or remove the line",
                         source=source, line=number) from None
    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object with 'id' and 'text'", source=source, line=number)
    return record_to_document(obj, source, number)


def read_jsonl(lines: Iterable[str | bytes], source: str) -> Iterator[Document]:
    """A JSONL corpus (lines of text, or of bytes decoded here one by one) → documents.

    Each line is decoded and checked on its own: under ``--on-error skip`` (:mod:`kg.skips`)
    a bad line is recorded and reading goes on with the next one.
    """
    numbered = lines if isinstance(lines, _Numbered) else _Numbered(enumerate(lines, 1))
    records = 0
    for number, raw in numbered:
        try:
            doc = _jsonl_record(number, raw, source)
        except InputError as exc:
            if not skips.recover(exc):
                raise
            records += 1
            continue
        if doc is not None:
            records += 1
            yield doc
    if not records:
        raise no_documents(source, "no line holds a record", "give it one JSON object a line with 'id' and 'text'")


class _Numbered:
    """Numbered lines (from :func:`numbered_lines`), marked as such for the readers."""

    def __init__(self, pairs):
        self.pairs = iter(pairs)

    def __iter__(self):
        return self.pairs


class _RowLines:
    """The text lines a ``csv.reader`` reads, remembering the numbered lines of the current row."""

    def __init__(self, pairs, source: str):
        self.pairs, self.source = iter(pairs), source
        self.row: list[tuple[int, str]] = []
        self.ended = False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        while True:
            try:
                number, raw = next(self.pairs)
            except StopIteration:
                self.ended = True
                raise
            try:
                text = _line_text(number, raw, self.source)
            except InputError as exc:  # a line that cannot be read: skip just it, or stop
                if skips.recover(exc):
                    continue
                raise
            self.row.append((number, text))
            return text


def _unterminated(lines: list[tuple[int, str]], delimiter: str) -> bool:
    """Whether these lines end inside a quoted field (csv reads such a row to the end of the file)."""
    try:
        for _ in csv.reader((t for _, t in lines), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def read_csv(fh: Iterable[str | bytes], source: str, *, delimiter: str = ",") -> Iterator[Document]:
    """A CSV/TSV corpus with a header row (``id``, ``text``, ``date``, ``title``, ``url``) → documents.

    A quote that is never closed would make every row after it part of one text: it is
    refused naming its line, and under ``--on-error skip`` reading goes on with the next line.
    """
    csv.field_size_limit(MAX_LINE_BYTES)  # articles are longer than csv's 128 kB default cell
    pairs = fh if isinstance(fh, _Numbered) else _Numbered(enumerate(fh, 1))
    lines = _RowLines(pairs, source)
    reader = csv.reader(lines, delimiter=delimiter)
    names = _csv_header(reader, lines, source)
    records = 0
    while True:
        lines.row = []
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            start = lines.row[0][0] if lines.row else None
            raise InputError(f"malformed CSV ({exc}); check the quoting", source=source, line=start) from None
        start = lines.row[0][0]
        if lines.ended and len(lines.row) > 1 and _unterminated(lines.row, delimiter):
            records += 1
            error = InputError("a quote opened in this row is never closed, so every line after it would be part "
                               "of its text; close the quote (a quote inside a quoted text is written twice: \"\")",
                               source=source, line=start)
            if not skips.recover(error):
                raise error
            lines = _RowLines(lines.row[1:], source)  # go on after the bad line
            reader = csv.reader(lines, delimiter=delimiter)
            continue
        if not any(c.strip() for c in row):
            continue
        records += 1
        try:
            doc = _row_document(row, names, source, start)
        except InputError as exc:
            if skips.recover(exc):
                continue
            raise
        yield doc
    if not records:
        raise no_documents(source, "a header row and no article", "give it one article a row")


def _csv_header(reader, lines: _RowLines, source: str) -> list[str]:
    """The column names of the header row, checked."""
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"malformed CSV header ({exc})", source=source, line=1) from None
    if header is None or not any(h.strip() for h in header):
        raise no_documents(source, "it is empty", "give it a header row and one article a row")
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    if "text" not in names and "html" not in names:
        raise InputError(f"the header {header!r} has no 'text' column; name the article text column 'text' "
                         "(optional columns: id, date, title, url)", source=source, line=lines.row[0][0])
    return names


def _row_document(row: list[str], names: list[str], source: str, line: int) -> Document:
    if len(row) != len(names):
        raise InputError(f"the row has {len(row)} fields but the header has {len(names)}; check the "
                         "quoting of the text", source=source, line=line)
    return record_to_document(dict(zip(names, row, strict=True)), source, line)


def _stream(path: Path, reader) -> Iterator[Document]:
    """Run ``reader`` over the file's numbered lines (bounded, see :func:`numbered_lines`),
    turning I/O failures into InputError."""
    try:
        with _open_binary(path) as fh:
            yield from reader(_Numbered(numbered_lines(fh.readline)), str(path))
    except FileNotFoundError:
        raise InputError("no such file or folder; check the path", source=str(path)) from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
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
    inside = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = Path(root).relative_to(folder)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            rel = (rel_root / name).as_posix()
            if rx is not None:
                if not rx.match(rel):
                    continue
            elif _kind(path) is None:
                continue
            if path.is_symlink() and not _stays_inside(path, inside):
                skips.note(str(path), f"not read: a link to {os.path.realpath(path)}, outside the folder {folder} "
                                      "(copy the file into the folder, or pass it as an input of its own)")
                continue
            yield path


def _stays_inside(link: Path, folder_real: str) -> bool:
    """Whether a link, followed to the end, lands inside the folder (a link may name any file)."""
    target = os.path.realpath(link)
    return os.path.commonpath([target, folder_real]) == folder_real


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
    starts with ``<``, else one text. JSONL streams line by line; nothing is read unbounded."""
    buf = sys.stdin.buffer
    head: list[bytes] = []
    while raw := buf.readline(MAX_LINE_BYTES + 1):
        head.append(raw)
        if raw.strip():
            break
    first = b"".join(head).lstrip().lstrip(b"\xef\xbb\xbf")
    if first.startswith(b"{"):
        def readline(limit: int) -> bytes:
            return head.pop(0) if head else buf.readline(limit)

        yield from read_jsonl(_Numbered(numbered_lines(readline)), "<stdin>")
        return
    data = b"".join(head)
    data += buf.read(max(MAX_HTML_BYTES + 1 - len(data), 0))
    if not data.strip():
        raise no_documents("<stdin>", "it is empty", "pipe some text, an HTML page or JSONL into it")
    if first[:1] == b"<" and re.match(rb"<(?:!doctype\s+html|html|head|body|article)\b", first, re.IGNORECASE):
        if len(data) > MAX_HTML_BYTES:
            raise InputError(f"the page is over the limit of {MAX_HTML_BYTES:,} bytes", source="<stdin>")
        yield html_to_document(data, "stdin", "<stdin>")
        return
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"the text is over {MAX_TEXT_BYTES:,} bytes, more than a document of at most "
                         f"{skips.MAX_CHARS:,} characters can take; split it into several documents", source="<stdin>")
    text = decode(data, "<stdin>")
    if not text.strip():
        raise no_documents("<stdin>", "it holds only whitespace", "pipe some text into it")
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
