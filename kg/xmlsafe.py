"""What XML 1.0 cannot hold, made safe for every XML kg writes.

XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, except
the surrogates, U+FFFE and U+FFFF; the rest (NUL, vertical tab, escape ...) cannot appear
in a document at all, not even as ``&#11;``. Article text brings them in (a form feed
from a PDF, an escape sequence from a terminal), and an XML writer that passes them on
writes a file no parser reads. kg replaces each with U+FFFD, the replacement character:
the text keeps its length (offsets into evidence stay right) and shows where something was.

Used by every XML writer: GraphML and GEXF (:mod:`kg.export`), RDF/XML (exports and
CONSTRUCT results, :mod:`kg.rdf_formats`) and the SPARQL XML and RDF/XML answers of
``kg serve`` (:mod:`kg.serve`).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same in UTF-8 bytes (no byte of a multi-byte sequence is below 0x80), and character
# references to them, which XML 1.0 forbids as well.
_FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf][\x80-\xbf]"
                              rb"|&#(?:x0*(?:[0-8bcBCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])"
                              rb"|0*(?:[0-8]|1[1245-9]|2[0-9]|3[01]|6553[45]));")
_SURROGATE_REF = re.compile(rb"&#0*(5[5-7]\d{3});")  # U+D800-DFFF is 55296-57343: checked in xml_bytes


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD.

    >>> xml_text("Germ\\x0bany")
    'Germ\\ufffdany'
    """
    return _FORBIDDEN.sub(REPLACEMENT, text) if _FORBIDDEN.search(text) else text


def xml_bytes(data: bytes) -> bytes:
    """An UTF-8 XML document with every character (or character reference) XML 1.0 forbids
    replaced by U+FFFD."""
    out = _FORBIDDEN_BYTES.sub(REPLACEMENT.encode("utf-8"), data)

    def surrogate(m: re.Match) -> bytes:
        return REPLACEMENT.encode("utf-8") if 0xD800 <= int(m.group(1)) <= 0xDFFF else m.group()

    return _SURROGATE_REF.sub(surrogate, out) if b"&#" in out else out
