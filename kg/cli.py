"""The ``kg`` command: a thin click layer over the library.

Each command parses its options, calls one library function, prints, and turns a
:class:`~kg.errors.KGError` into one ``Error: ...`` line with a non-zero exit code
(1 for bad data or a failed run, 2 for misuse).
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import KGError

STORE_HELP = "The store folder (created by kg build)."
DEFAULT_STORE = "output/store"


class KGGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            err = click.ClickException(str(exc))
            err.exit_code = exc.exit_code
            raise err from None


def store_option(f):
    return click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
                        type=click.Path(), help=STORE_HELP)(f)


def _open(store_path: str, create: bool = False):
    from .store import open_store

    return open_store(store_path, create=create)


def _echo_out(text: str, output: str | None) -> None:
    if output:
        from .files import atomic_write_text

        atomic_write_text(output, text if text.endswith("\n") else text + "\n")
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """kg: news articles → a knowledge graph of geopolitical relations.

    \b
    Example:
      kg build examples/state-visit.txt
      kg query "SELECT ?s ?o WHERE { ?s kg:visits ?o }"
      kg viz -o output/graph.html
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--extractor", default="rules", show_default=True, help="A registered extractor (see kg extractors).")
@click.option("--gazetteer", multiple=True, type=click.Path(), help="Extra actors: a CSV/TSV or PETRARCH actor file.")
@click.option("--all", "show_all", is_flag=True, help="Table: also show negated and hypothetical facts.")
def extract(inputs, fmt, extractor, gazetteer, show_all):
    """Extract relations from INPUTS and print them, without storing.

    INPUTS are text or Markdown files, folders, JSONL corpora, or - for stdin.

    \b
    Example:
      kg extract examples/state-visit.txt
      kg extract --format jsonl corpus.jsonl > relations.jsonl
    """
    from .pipeline import extract as run, load_gazetteer
    from .query import table

    exs = run(inputs, extractor=extractor, gazetteer=load_gazetteer(gazetteer))
    if fmt == "jsonl":
        out = sys.stdout
        for ex in exs:
            for r in ex.relations:
                out.write(json.dumps(r.to_record(), ensure_ascii=False) + "\n")
        return
    rows = []
    for ex in exs:
        for r in ex.relations:
            if not show_all and not r.asserted:
                continue
            flag = ("NOT " if r.negated else "") + ("" if r.modality == "asserted" else r.modality)
            rows.append([r.doc, r.subject.label, r.predicate, r.object.label, r.plover or "", r.cameo or "",
                         flag, f"{r.confidence:.2f}"])
    click.echo(table(["doc", "subject", "predicate", "object", "plover", "cameo", "modality", "conf"], rows, 40))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--extractor", default="rules", show_default=True, help="A registered extractor (see kg extractors).")
@click.option("--gazetteer", multiple=True, type=click.Path(), help="Extra actors: a CSV/TSV or PETRARCH actor file.")
def build(inputs, store_path, extractor, gazetteer):
    """Extract relations from INPUTS and add them to the store.

    Each document gets its own named graph. Building the same documents again adds
    nothing twice: unchanged documents are skipped, changed ones replaced.

    \b
    Example:
      kg build examples/state-visit.txt
      kg build ../shared/corpus/wikinews-2019.jsonl --store output/wikinews
      kg build corpus.jsonl --store http://localhost:3030/kg/update   # a remote store (see kg push)
    """
    from .pipeline import build as run, load_gazetteer

    with _open(store_path, create=True) as store:
        report = run(inputs, store, extractor=extractor, gazetteer=load_gazetteer(gazetteer))
    click.echo(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged "
               f"({report.relations} relations) in {store_path}")


@cli.command()
@click.argument("sparql", required=False)
@store_option
@click.option("--format", "fmt", default="table", show_default=True,
              help="SELECT/ASK: table, csv, tsv or json (SPARQL 1.1 results). "
                   "CONSTRUCT/DESCRIBE: ttl, nt, nq, trig, rdfxml or jsonld.")
@click.option("--name", help="Run a named query (see --list).")
@click.option("--param", multiple=True, help="key=value for a named query's parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("-o", "--output", type=click.Path(), help="Write to a file instead of stdout.")
def query(sparql, store_path, fmt, name, param, list_queries, output):
    """Run SPARQL (text, a .rq file, or - for stdin) over the store.

    Queries see the union of all documents. The prefixes kg, kgid, kgdoc, wd, wdt, rdf,
    rdfs, owl, xsd, skos, prov and dcterms are declared. Named queries bind their
    parameters as RDF terms; optional ones (marked ?) mean "any" when left out.

    \b
    Example:
      kg query "SELECT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where }"
      kg query --name relations --param entity="Xi Jinping" --format csv
      kg query --name events --param plover=ACCUSE --param from=2019-01-01 --param to=2019-06-30
      kg query "CONSTRUCT { ?s kg:visits ?o } WHERE { ?s kg:visits ?o }" --format jsonld
    """
    from . import query as q

    if list_queries:
        rows = [[n, nq.description, "; ".join(f"{p.name}{'?' if p.optional else ''} ({p.kind})" for p in nq.params)]
                for n, nq in q.named_queries().items()]
        click.echo(q.table(["name", "description", "parameters (? optional)"], rows, 100))
        return
    if name and sparql:
        raise click.UsageError("give either a SPARQL query or --name, not both")
    if param and not name:
        raise click.UsageError("--param goes with --name")
    with _open(store_path) as store:
        if name:
            result = q.run_named(store, name, q.parse_params(param))
        elif sparql:
            result = q.run_query(store, q.read_sparql(sparql))
        else:
            raise click.UsageError("give a SPARQL query, a .rq file, - for stdin, or --name")
        _echo_out(q.render(result, fmt), output)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path, fmt):
    """Documents, entities and relations by type, and the most connected entities.

    \b
    Example:
      kg stats --store output/store
    """
    from .analyze import stats as run
    from .query import table

    with _open(store_path) as store:
        s = run(store)
    if fmt == "json":
        click.echo(json.dumps(s, indent=1))
        return
    click.echo(f"Documents: {s['documents']}   Entities: {s['entities']}   Statements: {s['statements']}"
               f" ({s['not_asserted']} negated or not asserted)")
    click.echo("\nEntities by type: " + ", ".join(f"{k} {v}" for k, v in s["entities_by_type"].items()))
    click.echo("Relations by predicate: " + ", ".join(f"{k} {v}" for k, v in s["statements_by_predicate"].items()))
    if s["events_by_plover"]:
        click.echo("Events by PLOVER type: " + ", ".join(f"{k} {v}" for k, v in s["events_by_plover"].items()))
    click.echo("\nMost connected:\n" + table(["entity", "relations"], s["most_connected"]))


@cli.command()
@store_option
@click.option("-o", "--output", default="output/graph.html", show_default=True, type=click.Path())
@click.option("--physics/--no-physics", default=True, show_default=True, help="Animate the layout.")
@click.option("--min-confidence", default=0.0, show_default=True, type=float)
def viz(store_path, output, physics, min_confidence):
    """Write an interactive HTML graph of the store that works offline.

    \b
    Example:
      kg viz -o output/graph.html && xdg-open output/graph.html
    """
    from .analyze import to_networkx
    from .visualize import write_html

    with _open(store_path) as store:
        g = to_networkx(store, min_confidence=min_confidence)
    write_html(g, output, physics=physics)
    click.echo(f"Wrote {output} ({g.number_of_nodes()} entities, {g.number_of_edges()} relations)")


@cli.command()
@store_option
@click.option("--format", "fmt", default="ttl", show_default=True, help="See kg extractors for the list.")
@click.option("-o", "--output", type=click.Path(), help="Write to a file (a folder for neo4j) instead of stdout.")
def export(store_path, fmt, output):
    """Export the store: ttl, nt, nq, trig, rdfxml, jsonld, graphml, gexf, neo4j, jsonl.

    Triple formats hold the union of all documents; nq and trig keep one named graph per
    document. neo4j writes a folder of CSV files and a Cypher script. Files are written
    atomically.

    \b
    Example:
      kg export --format ttl -o output/graph.ttl
      kg export --format trig -o output/graph.trig
      kg export --format neo4j -o output/neo4j/
      kg export --format jsonl > relations.jsonl
    """
    from . import export as exporters

    spec = exporters.get_format(fmt)
    if spec.folder and not output:
        raise click.UsageError(f"the {fmt} export writes several files: give -o FOLDER")
    with _open(store_path) as store:
        if output:
            written = exporters.write(fmt, store, output)
            click.echo(f"Wrote {output}" + (f" ({', '.join(p.name for p in written)})" if spec.folder else ""),
                       err=True)
        else:
            sys.stdout.buffer.write(spec.fn(store))


@cli.command()
@store_option
@click.option("--bind", default="127.0.0.1:7878", show_default=True,
              help="HOST:PORT to listen on. Other hosts than localhost let anyone who can reach them read the store.")
@click.option("--timeout", default=30, show_default=True, type=click.IntRange(min=0),
              help="Cancel queries that run longer than this many seconds (0: never).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for web pages on other origins).")
def serve(store_path, bind, timeout, cors):
    """Serve the store as a read-only SPARQL 1.1 endpoint, with a query page.

    Runs Oxigraph's server (pip install 'kg[serve]') on a snapshot of the store taken at
    start-up, so kg build can keep writing the store meanwhile; restart to serve new
    documents. Queries see the union of all documents. The query page is at /, the
    endpoint at /query (GET ?query=... or POST, standard SPARQL media types).

    \b
    Example:
      kg serve --store output/store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    from .serve import is_local, serve as run

    if not is_local(bind):
        click.echo(f"Warning: serving on {bind}: anyone who can reach this address can read the store.", err=True)
    sys.exit(run(store_path, bind=bind, timeout=timeout or None, cors=cors, echo=click.echo))


@cli.command()
@click.argument("url")
@store_option
@click.option("--protocol", type=click.Choice(["update", "gsp"]),
              help="SPARQL 1.1 Update or Graph Store Protocol (default: guessed from the URL).")
@click.option("--query-url", help="The SPARQL query endpoint that reads content hashes (update protocol; "
                                  "default: derived from URL).")
def push(url, store_path, protocol, query_url):
    """Copy the store's documents to a remote triple store at URL.

    Each document is one named graph, replaced whole when it changed and skipped when the
    remote copy has the same content hash. URL is a SPARQL 1.1 Update endpoint or a Graph
    Store Protocol endpoint (see README: remote triple stores). Credentials go in the URL
    (https://USER:PASSWORD@host/...) or in KG_REMOTE_USER and KG_REMOTE_PASSWORD
    (KG_REMOTE_TOKEN for a bearer token).

    \b
    Example:
      kg push http://localhost:3030/kg/update                        # Apache Jena Fuseki
      kg push http://localhost:7200/repositories/kg/statements       # GraphDB
      kg push --protocol gsp http://localhost:8890/sparql-graph-crud-auth   # Virtuoso

    kg build --store URL writes to a remote store directly, the same way.
    """
    from .remote import RemoteStore, push as run

    with _open(store_path) as store, RemoteStore(url, protocol=protocol, query_url=query_url) as remote:
        report = run(store, remote)
    click.echo(f"{len(report.pushed)} pushed, {len(report.unchanged)} unchanged to {remote.url} ({remote.protocol})")


@cli.command()
def extractors():
    """List the registered extractors and export formats.

    \b
    Example:
      kg extractors
    """
    from . import export as exporters
    from . import extractors as registry

    click.echo("Extractors:")
    for name, doc in registry.available().items():
        click.echo(f"  {name:12} {doc}")
    click.echo("Export formats:")
    for name, doc in exporters.available().items():
        click.echo(f"  {name:12} {doc}")


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
