"""SPARQL in, rows out.

Queries run on the union of the document graphs with the ontology's prefixes declared in
advance. Named queries live as ``.rq`` files in ``kg/queries``; their parameters are bound
as RDF terms (never pasted into the query text).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import FormatError, QueryError

RESULT_FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class Result:
    """A SELECT or ASK result: variable names and rows of pyoxigraph terms (or a boolean)."""

    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    boolean: bool | None = None
    triples: tuple | None = None  # for CONSTRUCT and DESCRIBE


def read_sparql(text: str) -> str:
    """The query text from an argument, a ``.rq`` file path, or ``-`` for stdin."""
    if text == "-":
        return sys.stdin.read()
    if text.endswith((".rq", ".sparql")) and "\n" not in text:
        p = Path(text)
        if not p.exists():
            raise QueryError(f"{text}: no such query file")
        return p.read_text(encoding="utf-8")
    return text


def run_query(store, sparql: str, bindings: dict | None = None) -> Result:
    import pyoxigraph as ox

    res = store.query(sparql, bindings=bindings)
    if isinstance(res, ox.QueryBoolean):
        return Result((), (), boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        return Result((), (), triples=tuple(res))
    variables = tuple(v.value for v in res.variables)
    rows = tuple(tuple(sol[v] for v in variables) for sol in res)
    return Result(variables, rows)


def term_text(term) -> str:
    if term is None:
        return ""
    return term.value


def _sparql_json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a SELECT/ASK result as a table, CSV, TSV or SPARQL 1.1 results JSON."""
    if fmt not in RESULT_FORMATS:
        raise FormatError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if fmt == "json":
        bindings = [{v: _sparql_json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([term_text(t) for t in row])
        return buf.getvalue().rstrip("\n")
    return table(result.variables, [[term_text(t) for t in row] for row in result.rows])


def table(headers, rows, max_width: int = 60) -> str:
    """A plain-text table, cells cut to ``max_width``."""
    def cut(s: str) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    rows = [[cut(c) for c in r] for r in rows]
    headers = [cut(h) for h in headers]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    if not rows:
        out.append("(no results)")
    return "\n".join(out)


# ------------------------------------------------------------------ named queries

@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[tuple[str, str], ...]  # (name, kind: iri | entity | literal | date | integer)
    text: str


_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)(?:\s+(.*))?$", re.M)


def named_queries() -> dict[str, NamedQuery]:
    out = {}
    for f in sorted(resources.files("kg.queries").iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".rq"):
            continue
        text = f.read_text(encoding="utf-8")
        desc = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#") and "@param" not in ln), "")
        params = tuple((m.group(1), m.group(2)) for m in _PARAM.finditer(text))
        out[f.name[:-3]] = NamedQuery(f.name[:-3], desc, params, text)
    return out


def bind_params(store, nq: NamedQuery, given: dict[str, str]) -> dict:
    """Turn ``key=value`` strings into RDF terms for the query's declared parameters."""
    import pyoxigraph as ox

    declared = dict(nq.params)
    unknown = set(given) - set(declared)
    if unknown:
        raise QueryError(f"query {nq.name!r} has no parameter {sorted(unknown)[0]!r}; "
                         f"its parameters: {', '.join(declared) or 'none'}")
    missing = [p for p in declared if p not in given]
    if missing:
        raise QueryError(f"query {nq.name!r} needs --param {missing[0]}=VALUE")
    out = {}
    for name, value in given.items():
        kind = declared[name]
        if kind == "entity":
            out[name] = resolve_entity(store, value)
        elif kind == "iri":
            out[name] = ox.NamedNode(value)
        elif kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise QueryError(f"--param {name} must be a date YYYY-MM-DD, got {value!r}")
            out[name] = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        elif kind == "integer":
            if not value.isdigit():
                raise QueryError(f"--param {name} must be an integer, got {value!r}")
            out[name] = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        else:
            out[name] = ox.Literal(value)
    return out


def resolve_entity(store, value: str):
    """An entity IRI from an IRI, a Wikidata QID or a label or alias (case-insensitive)."""
    import pyoxigraph as ox

    if value.startswith(("http://", "https://")):
        return ox.NamedNode(value)
    # Filters sit in the same group as the bound variables: SPARQL evaluates groups
    # bottom-up, so a filter inside a UNION branch would not see them.
    q = """SELECT ?e (MIN(?rank) AS ?best) WHERE {
        ?e owl:sameAs|skos:prefLabel|skos:altLabel ?l .
        FILTER(?l = ?qid || (isLiteral(?l) && LCASE(STR(?l)) = LCASE(?name)))
        BIND(IF(isLiteral(?l) && LCASE(STR(?l)) != LCASE(?name), 1, 0) AS ?rank)
    } GROUP BY ?e ORDER BY ?best LIMIT 1"""
    qid = ox.NamedNode("http://www.wikidata.org/entity/" + value) if re.fullmatch(r"Q\d+", value) \
        else ox.NamedNode("urn:x-kg:none")
    rows = list(store.query(q, bindings={"qid": qid, "name": ox.Literal(value)}))
    if not rows:
        raise QueryError(f"no entity called {value!r} in the store; try kg query --name actors to list them")
    return rows[0]["e"]
