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


def scale_options(f):
    """--jobs, --glob and --progress, shared by extract and build."""
    f = click.option("--progress/--no-progress", "show_progress", default=None,
                     help="Show a progress bar (default: on a terminal, off in pipes and under CI).")(f)
    f = click.option("--glob", help="Only files matching this pattern in folders, e.g. '*.html' or "
                     "'2019/**/*.txt' (recursive; without it every .txt/.md/.html/.jsonl/.csv file).")(f)
    return click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(0),
                        help="Worker processes (0: one per CPU).")(f)


def _progress(show, inputs, glob):
    from .ingest import count_documents
    from .progress import Progress

    bar = Progress(enabled=show)
    bar.count_in_background(lambda: count_documents(inputs, glob))
    return bar


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
@scale_options
def extract(inputs, fmt, extractor, gazetteer, show_all, jobs, glob, show_progress):
    """Extract relations from INPUTS and print them, without storing.

    INPUTS are text, Markdown or HTML files, folders, JSONL or CSV corpora (plain or .gz),
    or - for stdin.

    \b
    Example:
      kg extract examples/state-visit.txt
      kg extract --format jsonl --jobs 2 corpus.jsonl.gz > relations.jsonl
    """
    from .pipeline import extract as run, load_gazetteer
    from .query import table

    bar = _progress(show_progress, inputs, glob)
    exs = run(inputs, extractor=extractor, gazetteer=load_gazetteer(gazetteer), jobs=jobs, glob=glob,
              progress=bar)
    if fmt == "jsonl":
        out = sys.stdout
        with bar:
            for ex in exs:
                for r in ex.relations:
                    out.write(json.dumps(r.to_record(), ensure_ascii=False) + "\n")
        return
    rows = []
    with bar:
        exs = list(exs)
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
@scale_options
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://scheduler:8786, or 'local' for --jobs local workers); "
                   "needs kg[distributed].")
@click.option("--nquads", "nquads_dir", type=click.Path(),
              help="With --dask: keep the N-Quads partitions in this folder (default: a temporary one).")
def build(inputs, store_path, extractor, gazetteer, jobs, glob, show_progress, dask_address, nquads_dir):
    """Extract relations from INPUTS and add them to the store.

    Each document gets its own named graph. Building the same documents again adds
    nothing twice: unchanged documents are skipped, changed ones replaced.

    \b
    Example:
      kg build examples/state-visit.txt
      kg build ../shared/corpus/wikinews-2019.jsonl --store output/wikinews --jobs 2
      kg build pages/ --glob '*.html'
      kg build corpus.jsonl.gz --dask tcp://scheduler:8786 --nquads /shared/parts
    """
    from .pipeline import build as run, load_gazetteer

    if nquads_dir and not dask_address:
        raise click.UsageError("--nquads needs --dask (partitions are written only by a distributed build)")
    bar = _progress(show_progress, inputs, glob)
    with _open(store_path, create=True) as store, bar:
        if dask_address:
            from .distributed import build_distributed_cli

            report = build_distributed_cli(inputs, store, dask_address, nquads_dir, jobs=jobs, glob=glob,
                                           extractor=extractor, gazetteer=load_gazetteer(gazetteer),
                                           progress=bar)
        else:
            report = run(inputs, store, extractor=extractor, gazetteer=load_gazetteer(gazetteer), jobs=jobs,
                         glob=glob, progress=bar)
    click.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged "
               f"({report.relations} relations) in {store_path}")


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
def remove(documents, store_path):
    """Take DOCUMENTS (ids or document IRIs) out of the store, each with its graph.

    If one of them is not stored, nothing is removed.

    \b
    Example:
      kg remove state-visit
      kg remove Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead --store output/wikinews
    """
    from .pipeline import remove as run

    with _open(store_path) as store:
        removed = run(store, documents)
    click.echo(f"{len(removed)} removed from {store_path}")


@cli.command()
@click.argument("sparql", required=False)
@store_option
@click.option("--format", "fmt", default="table", show_default=True,
              help="table, csv, tsv or json for SELECT/ASK; an RDF format (ttl, nt, ...) for CONSTRUCT.")
@click.option("--name", help="Run a named query (see --list).")
@click.option("--param", multiple=True, help="key=value for a named query's parameter.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("-o", "--output", type=click.Path(), help="Write to a file instead of stdout.")
def query(sparql, store_path, fmt, name, param, list_queries, output):
    """Run SPARQL (text, a .rq file, or - for stdin) over the store.

    The prefixes kg, kgid, wd, rdfs, skos, owl, prov, dcterms and xsd are declared.

    \b
    Example:
      kg query "SELECT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where }"
      kg query --name relations --param entity="Xi Jinping"
    """
    from . import query as q
    from .errors import QueryError

    if list_queries:
        rows = [[n, nq.description, ", ".join(f"{p} ({k})" for p, k in nq.params)]
                for n, nq in q.named_queries().items()]
        click.echo(q.table(["name", "description", "parameters"], rows, 80))
        return
    with _open(store_path) as store:
        bindings = None
        if name:
            queries = q.named_queries()
            if name not in queries:
                raise QueryError(f"no named query {name!r}; available: {', '.join(queries)}")
            params = {}
            for p in param:
                if "=" not in p:
                    raise QueryError(f"--param needs key=value, got {p!r}")
                k, v = p.split("=", 1)
                params[k] = v
            bindings = q.bind_params(store, queries[name], params)
            text = queries[name].text
        elif sparql:
            text = q.read_sparql(sparql)
        else:
            raise click.UsageError("give a SPARQL query, a .rq file, - for stdin, or --name")
        result = q.run_query(store, text, bindings)
        if result.triples is not None:
            import pyoxigraph as ox

            from .export import rdf_format

            fmt_ = "ttl" if fmt == "table" else fmt
            data = ox.serialize(result.triples, format=rdf_format(fmt_)).decode("utf-8") if result.triples else ""
            _echo_out(data, output)
        else:
            _echo_out(q.format_result(result, fmt), output)


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
@click.option("--format", "fmt", default="ttl", show_default=True, help="See kg formats.")
@click.option("-o", "--output", type=click.Path(), help="Write to a file instead of stdout.")
def export(store_path, fmt, output):
    """Export the store: ttl, nt, nq, trig, jsonld, jsonl.

    \b
    Example:
      kg export --format ttl -o output/graph.ttl
      kg export --format jsonl > relations.jsonl
    """
    from . import export as exporters

    fn = exporters.get(fmt)
    with _open(store_path) as store:
        data = fn(store)
    if output:
        from .files import atomic_write_bytes

        atomic_write_bytes(output, data)
        click.echo(f"Wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


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
