"""Is this SPARQL a federated query? ``SERVICE`` makes the engine fetch from any URL.

A ``SERVICE <url> { ... }`` clause makes Oxigraph send the pattern to ``url`` over HTTP and
join what comes back: from an endpoint anyone can query, that is a request to any address
the server can reach (its own private ports, the local network), with the answer or the
error echoed back. kg refuses such queries unless the user opts in (``kg query
--allow-service``, ``kg serve --allow-service``).

The check is lexical, the way SPARQL's own grammar reads a query: comments, string
literals and IRIs are set aside (the word in ``"Secret Service"`` or ``<urn:x:SERVICE>`` is
no keyword), and ``SERVICE`` must stand as a word of its own (not ``?service`` or
``ex:service``). SPARQL 1.1 lets ``\\u0053``-style escapes stand for any character of a
query; the text is checked both as it is and with them decoded, so an escaped keyword is
caught whatever the engine makes of it. A query that does not lex (an unterminated string)
is checked as plain words: when in doubt, it is refused.
"""

from __future__ import annotations

import re

from .errors import QueryError

_TOKENS = re.compile(r"""
    (?P<skip>
        '''(?:[^'\\]|\\.|'(?!''))*'''                 # long strings
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\n\r]|\\.)*'                          # short strings
      | "(?:[^"\\\n\r]|\\.)*"
      | <[^<>"{}|^`\\\x00-\x20]*>                      # IRIs
      | \#[^\r\n]*                                     # comments
    )
  | (?P<word>[?$]?[A-Za-z_\u00c0-\U000effff][\w\-.:\u00b7]*)
  | .
""", re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

ALLOW_HINT = "--allow-service"


def _unescape(text: str) -> str:
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group()

    return _ESCAPE.sub(char, text)


def _has_service_word(text: str) -> bool:
    return any(m.group("word") and m.group("word").upper() == "SERVICE" for m in _TOKENS.finditer(text))


def uses_service(sparql: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (a federated query).

    >>> uses_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * WHERE { ?s ?p "Secret Service" } # no SERVICE here')
    False
    """
    return _has_service_word(sparql) or ("\\u" in sparql or "\\U" in sparql) and _has_service_word(_unescape(sparql))


def refusal(where: str = "kg query") -> str:
    """What an endpoint or the CLI says when it refuses a federated query."""
    return (f"the query has a SERVICE clause (a federated query), which would make {where} send requests to "
            f"another server; federated queries are refused unless allowed with {ALLOW_HINT}")


def check(sparql: str, *, allow_service: bool = False, where: str = "kg query") -> None:
    """Raise :class:`QueryError` for a federated query unless ``allow_service``."""
    if not allow_service and uses_service(sparql):
        raise QueryError(refusal(where))
