"""SPARQL in, rows out.

Queries run on the union of the store's graphs, where each entity is described once, with
the ontology's prefixes declared in advance. Named queries live as ``.rq`` files in
``kg/queries``; their parameters are bound as RDF terms (never pasted into the query text).
A named query may have a country level (``NAME.country.rq``, ``kg query --level country``)
that rolls persons, organs and sectors up to their countries. Rows are printed by
:mod:`kg.rows`, graph results by :mod:`kg.rdf_formats`.
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
from typing import NamedTuple

from . import namespaces  # namespaces.KG, read when a predicate parameter needs it, loads rdflib
from .errors import FormatError, QueryError
from .queries import sparql
from .rdf_formats import RDF_FORMATS, serialize_triples
from .rows import csv_safe, table

RESULT_FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class Result:
    """A SELECT or ASK result: variable names and rows of pyoxigraph terms (or a boolean)."""

    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    boolean: bool | None = None
    triples: tuple | None = None  # for CONSTRUCT and DESCRIBE

    def as_dicts(self) -> list[dict[str, str | None]]:
        """The rows as ``{variable: text}``, the text of each term (None where a variable is unbound)."""
        return [{v: None if t is None else t.value for v, t in zip(self.variables, row, strict=True)}
                for row in self.rows]


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


def run_query(store, sparql: str, bindings: dict | None = None, *, allow_service: bool = False) -> Result:
    """Run SPARQL and read all of its result (a federated query only with ``allow_service``)."""
    import pyoxigraph as ox

    res = store.query(sparql, bindings=bindings, allow_service=allow_service)
    try:  # results are read lazily: a SERVICE call (or any evaluation) can fail while reading
        if isinstance(res, ox.QueryBoolean):
            return Result((), (), boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            return Result((), (), triples=tuple(res))
        variables = tuple(v.value for v in res.variables)
        return Result(variables, tuple(tuple(sol[v] for v in variables) for sol in res))
    except (OSError, RuntimeError, ValueError) as exc:
        failure = str(exc)
    # Raised out here, with the result dropped first: a pyoxigraph result may only be freed by the
    # thread that made it, and one kept alive by the failure's traceback ends up in a reference
    # cycle that the garbage collector may free later in any thread (kg serve's, say).
    del res
    raise QueryError(f"the query failed: {failure}")


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


def format_result(result: Result, fmt: str = "table", *, spreadsheet_safe: bool = False) -> str:
    """Render a SELECT/ASK result as a table, CSV, TSV or SPARQL 1.1 results JSON.

    CSV and TSV are SPARQL 1.1's standard formats and keep every value as it is. With
    ``spreadsheet_safe`` a cell that a spreadsheet would run as a formula (one starting with
    ``= + - @``, tab or carriage return: article text can put one there) gets a leading
    ``'``, as OWASP advises for CSV opened in Excel or LibreOffice.
    """
    if fmt not in RESULT_FORMATS:
        raise FormatError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if fmt == "json":
        bindings = [{v: _sparql_json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([csv_safe(term_text(t)) if spreadsheet_safe else term_text(t) for t in row])
        return buf.getvalue().rstrip("\n")
    return table(result.variables, [[term_text(t) for t in row] for row in result.rows])


def render(result: Result, fmt: str = "table", *, spreadsheet_safe: bool = False) -> str:
    """Any result as text: SELECT/ASK as a table, CSV, TSV or SPARQL JSON; CONSTRUCT/DESCRIBE as RDF.

    A graph result takes any RDF export format (``ttl``, the default, ``nt``, ``nq``, ``trig``,
    ``rdfxml``, ``jsonld``).
    """
    if result.triples is not None:
        fmt = "ttl" if fmt == "table" else fmt
        if fmt not in RDF_FORMATS:
            raise FormatError(f"a CONSTRUCT or DESCRIBE query gives RDF, not {fmt!r}; "
                              f"choose --format {', '.join(RDF_FORMATS)}")
        return serialize_triples(result.triples, fmt).decode("utf-8")
    if fmt in RDF_FORMATS:
        raise FormatError(f"a SELECT or ASK query gives rows, not RDF ({fmt!r}); "
                          f"choose --format {', '.join(RESULT_FORMATS)}, or write a CONSTRUCT query")
    return format_result(result, fmt, spreadsheet_safe=spreadsheet_safe)


# ------------------------------------------------------------------ named queries

PARAM_KINDS = {
    "entity": "a label, alias, Wikidata QID or IRI of an entity in the store",
    "iri": "an absolute IRI",
    "predicate": "an ontology property name such as visits (or its IRI)",
    "plover": "a PLOVER type such as CONSULT, or a quad class such as material-conflict",
    "date": "a date YYYY-MM-DD",
    "integer": "a whole number",
    "literal": "any text",
}


class Param(NamedTuple):
    """A named query's parameter: ``# @param NAME KIND[?] DESCRIPTION`` (``?``: optional)."""

    name: str
    kind: str
    optional: bool
    description: str


LEVELS = ("entity", "country")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    level: str = "entity"
    levels: tuple[str, ...] = ("entity",)  # the levels the query has


_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)(\??)(?:\s+(.*))?$", re.M)


def named_queries(level: str = "entity") -> dict[str, NamedQuery]:
    """The named queries shipped in ``kg/queries``, by name, at ``level`` where they have it.

    Files whose name starts with ``_`` are the queries kg's own modules run, not named
    queries; ``NAME.country.rq`` is the country level of ``NAME.rq``.
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    files = {f.name[:-3]: f for f in resources.files("kg.queries").iterdir()
             if f.name.endswith(".rq") and not f.name.startswith("_")}
    out = {}
    for stem in sorted(files):
        name, _, variant = stem.partition(".")
        if variant:
            continue
        levels = ("entity", *(lv for lv in LEVELS[1:] if f"{name}.{lv}" in files))
        f = files[stem if level == "entity" or level not in levels else f"{name}.{level}"]
        out[name] = _read_named(name, f, level if level in levels else "entity", levels)
    return out


def _read_named(name: str, f, level: str, levels: tuple[str, ...]) -> NamedQuery:
    text = f.read_text(encoding="utf-8")
    desc = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#") and "@param" not in ln), "")
    params = []
    for m in _PARAM.finditer(text):
        if m.group(2) not in PARAM_KINDS:
            raise QueryError(f"kg/queries/{f.name}: parameter {m.group(1)!r} has unknown kind {m.group(2)!r}; "
                             f"kinds: {', '.join(PARAM_KINDS)}")
        params.append(Param(m.group(1), m.group(2), m.group(3) == "?", (m.group(4) or "").strip()))
    return NamedQuery(name, desc, tuple(params), text, level, levels)


def named_queries_table() -> str:
    """The named queries, their descriptions, parameters and levels, as ``kg query --list`` prints them."""
    rows = [[n, nq.description, "; ".join(f"{p.name}{'?' if p.optional else ''} ({p.kind})" for p in nq.params),
             ", ".join(nq.levels)]
            for n, nq in named_queries().items()]
    return table(["name", "description", "parameters (? optional)", "levels"], rows, 100)


def get_named_query(name: str, level: str = "entity") -> NamedQuery:
    queries = named_queries(level)
    if name not in queries:
        raise QueryError(f"no named query {name!r}; available: {', '.join(queries)} (see kg query --list)")
    nq = queries[name]
    if nq.level != level:
        with_level = [n for n, q in queries.items() if level in q.levels]
        raise QueryError(f"the named query {name!r} has no {level} level; these have: {', '.join(with_level)}")
    return nq


def parse_params(pairs) -> dict[str, str]:
    """``["key=value", ...]`` → a dict, refusing malformed or repeated keys."""
    out: dict[str, str] = {}
    for p in pairs:
        key, sep, value = p.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"--param needs key=value, got {p!r}")
        if key in out:
            raise QueryError(f"--param {key} is given twice")
        out[key] = value
    return out


def bind_params(store, nq: NamedQuery, given: dict[str, str]) -> dict:
    """Turn ``key=value`` strings into RDF terms for the query's declared parameters.

    Optional parameters that are not given stay unbound, which the queries read as "any".
    """
    declared = {p.name: p for p in nq.params}
    unknown = set(given) - set(declared)
    if unknown:
        raise QueryError(f"query {nq.name!r} has no parameter {sorted(unknown)[0]!r}; "
                         f"its parameters: {', '.join(declared) or 'none'}")
    missing = [p.name for p in nq.params if not p.optional and p.name not in given]
    if missing:
        raise QueryError(f"query {nq.name!r} needs --param {missing[0]}=VALUE "
                         f"({declared[missing[0]].description or PARAM_KINDS[declared[missing[0]].kind]})")
    return {name: param_term(store, declared[name], value) for name, value in given.items()}


def param_term(store, param: Param, value: str):
    """One parameter value → the pyoxigraph term it stands for, checked against its kind."""
    return _TERMS.get(param.kind, _literal_term)(store, param.name, value)


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _entity_term(store, name: str, value: str):
    return resolve_entity(store, value)


def _iri_term(store, name: str, value: str):
    import pyoxigraph as ox

    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", value):
        raise QueryError(f"--param {name} must be an absolute IRI, got {value!r}")
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"--param {name} must be an absolute IRI, got {value!r} ({exc})") from None


def _predicate_term(store, name: str, value: str):
    import pyoxigraph as ox

    local = value.removeprefix(namespaces.ONTOLOGY_IRI).removeprefix("kg:")
    try:
        return ox.NamedNode(str(namespaces.KG[local]))
    except (AttributeError, KeyError):
        raise QueryError(f"--param {name}: {value!r} is not a property of the kg ontology; "
                         "see ontologies/kg.ttl (e.g. visits, meetsWith, leaderOf)") from None


def _plover_term(store, name: str, value: str):
    import pyoxigraph as ox

    from .netgraph import QUAD_CLASS, QUAD_CLASSES

    quad = " ".join(value.replace("-", " ").replace("_", " ").lower().split())
    if quad in QUAD_CLASSES:  # a quad class: every PLOVER type of it
        return [ox.Literal(t) for t, q in QUAD_CLASS.items() if q == quad]
    if value.upper() not in QUAD_CLASS:
        raise QueryError(f"--param {name} must be a PLOVER type ({', '.join(QUAD_CLASS)}) or a quad class "
                         f"({', '.join(c.replace(' ', '-') for c in QUAD_CLASSES)}); got {value!r}")
    return ox.Literal(value.upper())


def _date_term(store, name: str, value: str):
    import datetime

    import pyoxigraph as ox

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--param {name} must be a date YYYY-MM-DD, got {value!r}") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise QueryError(f"--param {name} must be a date YYYY-MM-DD, got {value!r}")
    return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))


def _integer_term(store, name: str, value: str):
    import pyoxigraph as ox

    if not re.fullmatch(r"-?\d+", value):
        raise QueryError(f"--param {name} must be an integer, got {value!r}")
    return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))


def _literal_term(store, name: str, value: str):
    import pyoxigraph as ox

    return ox.Literal(value)


# Parameter kind (PARAM_KINDS) → the function that checks a value of it and makes its term.
_TERMS = {"entity": _entity_term, "iri": _iri_term, "predicate": _predicate_term, "plover": _plover_term,
          "date": _date_term, "integer": _integer_term, "literal": _literal_term}


def run_named(store, name: str, params: dict[str, str] | None = None, level: str = "entity") -> Result:
    """Run a named query with ``key=value`` parameters, at the entity or the country level
    (``level="country"``: see ``kg query --list`` for the queries that have it).

    >>> import kg, pathlib
    >>> from kg.store import open_store
    >>> _ = pathlib.Path("visit.txt").write_text("Justin Trudeau visited Tokyo on Monday.")
    >>> _ = kg.build("visit.txt", store="store")
    >>> with open_store("store") as store:
    ...     [t.value for t in run_named(store, "relations", {"entity": "Justin Trudeau"}).rows[0][:3]]
    ['Justin Trudeau', 'visits', 'Tokyo']
    """
    nq = get_named_query(name, level)
    return run_query(store, nq.text, bind_params(store, nq, params or {}))


def resolve_entity(store, value: str):
    """An entity IRI from an IRI, a Wikidata QID or a label or alias (case-insensitive)."""
    import pyoxigraph as ox

    if value.startswith(("http://", "https://")):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"{value!r} is not a valid IRI ({exc}); give an entity IRI, a QID or a label") from None
    qid = ox.NamedNode("http://www.wikidata.org/entity/" + value) if re.fullmatch(r"Q\d+", value) \
        else ox.NamedNode("urn:x-kg:none")
    rows = list(store.query(sparql("_resolve-entity"), bindings={"qid": qid, "name": ox.Literal(value)}))
    if not rows:
        raise QueryError(f"no entity called {value!r} in the store; try kg query --name actors to list them")
    return rows[0]["e"]
