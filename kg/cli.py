"""The ``kg`` command: a thin click layer over the library.

Each command parses its options, calls one library function, prints, and turns a
:class:`~kg.errors.KGError` into one ``Error: ...`` line with a non-zero exit code
(1 for bad data or a failed run, 2 for misuse).
"""

from __future__ import annotations

import contextlib
import json
import sys

import click

from .errors import KGError
from .version import __version__

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


def extractor_options(f):
    """--extractor and --gazetteer, shared by extract, build and eval."""
    f = click.option("--gazetteer", multiple=True, type=click.Path(),
                     help="Extra actors: a CSV/TSV or PETRARCH actor file.")(f)
    return click.option("--extractor", default="rules", show_default=True,
                        help="A registered extractor (see kg extractors).")(f)


def on_error_option(f):
    """--on-error, shared by extract and build."""
    return click.option("--on-error", type=click.Choice(["stop", "skip"]), default="stop", show_default=True,
                        help="skip: leave out bad documents and files, list them at the end.")(f)


def output_option(help_text="Write to a file instead of stdout."):
    """-o/--output, shared by the commands that print a result or write it to a file."""
    return click.option("-o", "--output", type=click.Path(), help=help_text)


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
@extractor_options
@click.option("--all", "show_all", is_flag=True, help="Table: also show negated and hypothetical facts.")
@on_error_option
@scale_options
def extract(inputs, fmt, extractor, gazetteer, show_all, on_error, jobs, glob, show_progress):
    """Extract relations from INPUTS and print them, without storing.

    INPUTS are text, Markdown or HTML files, folders, JSONL or CSV corpora (plain or .gz),
    or - for stdin.

    \b
    Example:
      kg extract examples/state-visit.txt
      kg extract --format jsonl --jobs 2 corpus.jsonl.gz > relations.jsonl
      kg extract --on-error skip corpus.jsonl
    """
    from .errors import InputError
    from .skips import noting, policy

    with _sigterm_as_ctrl_c(), policy(on_error) as skipped, noting() as notes, _notes_shown(notes):
        try:
            _extract(inputs, fmt, extractor, gazetteer, show_all, jobs, glob, show_progress)
        except InputError as exc:
            exc.args = (f"{exc} (fix the input, or pass --on-error skip to leave it out)",)
            raise
    if skipped is not None:
        click.echo(skipped.summary(), err=True)


@contextlib.contextmanager
def _sigterm_as_ctrl_c():
    """SIGTERM stops a run the way Ctrl-C does (workers shut down, the store closed, "Aborted!"),
    where it would otherwise end the process at once and leave the workers to themselves."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _notes_shown(notes):
    """Print what kg noted about the inputs (guessed encodings, links not followed, paragraphs
    left out) when the run ends, however it ends."""
    try:
        yield
    finally:
        if notes.count:
            click.echo(notes.summary(), err=True)


def _extract(inputs, fmt, extractor, gazetteer, show_all, jobs, glob, show_progress):
    from .pipeline import extract as run, load_gazetteer
    from .rows import relations_table

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
    with bar:
        exs = list(exs)
    click.echo(relations_table((r for ex in exs for r in ex.relations), show_all=show_all))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
@extractor_options
@click.option("-v", "--verbose", is_flag=True, help="Print each document id to stderr once it is stored.")
@on_error_option
@scale_options
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://scheduler:8786, or 'local' for --jobs local workers); "
                   "needs kg[distributed].")
@click.option("--nquads", "nquads_dir", type=click.Path(),
              help="With --dask: keep the N-Quads partitions in this folder (default: a temporary one).")
def build(inputs, store_path, extractor, gazetteer, verbose, on_error, jobs, glob, show_progress, dask_address,
          nquads_dir):
    """Extract relations from INPUTS and add them to the store.

    Each document gets its own named graph. Building the same documents again adds
    nothing twice: unchanged documents are skipped, changed ones replaced.

    \b
    Example:
      kg build examples/state-visit.txt
      kg build ../shared/corpus/wikinews-2019.jsonl --store output/wikinews --jobs 2
      kg build pages/ --glob '*.html'
      kg build corpus.jsonl --store http://localhost:3030/kg/update   # a remote store (see kg push)
      kg build --on-error skip corpus.jsonl   # leave out bad documents, list them at the end
      kg build corpus.jsonl.gz --dask tcp://scheduler:8786 --nquads /shared/parts
    """
    from .pipeline import build as run, load_gazetteer
    from .skips import noting, policy

    if nquads_dir and not dask_address:
        raise click.UsageError("--nquads needs --dask (partitions are written only by a distributed build)")
    written = [0]  # a count: the report must not grow with the corpus

    def stored(doc_id, state):
        written[0] += 1
        if verbose:
            click.echo(f"{state} {doc_id}", err=True)

    bar = _progress(show_progress, inputs, glob)
    with _sigterm_as_ctrl_c(), _open(store_path, create=True) as store, policy(on_error) as skipped, \
            noting() as notes, _notes_shown(notes), bar:
        try:
            if dask_address:
                from .distributed import build_distributed_cli

                report = build_distributed_cli(inputs, store, dask_address, nquads_dir, jobs=jobs, glob=glob,
                                               extractor=extractor, gazetteer=load_gazetteer(gazetteer),
                                               progress=bar)
            else:
                report = run(inputs, store, extractor=extractor, gazetteer=load_gazetteer(gazetteer), jobs=jobs,
                             glob=glob, progress=bar, on_stored=stored)
        except KGError as exc:
            # Each document is one atomic update: say what the store holds now.
            done = (f"the {written[0]} documents this run wrote before it are stored, complete" if written[0]
                    else "this run stored no document")
            exc.args = (f"{exc} ({done}; fix the input and build again, stored documents are skipped; "
                        "or pass --on-error skip)",)
            raise
    if skipped is not None:
        click.echo(skipped.summary(), err=True)
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
              help="SELECT/ASK: table, csv, tsv or json (SPARQL 1.1 results). "
                   "CONSTRUCT/DESCRIBE: ttl, nt, nq, trig, rdfxml or jsonld.")
@click.option("--name", help="Run a named query (see --list).")
@click.option("--param", multiple=True, help="key=value for a named query's parameter (repeatable).")
@click.option("--level", type=click.Choice(["entity", "country"]), default="entity", show_default=True,
              help="country: a named query that has that level rolls persons, organs and sectors up to their "
                   "countries (between, events, actors).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@output_option()
@click.option("--spreadsheet-safe", is_flag=True,
              help="csv/tsv: prefix cells starting with = + - @ with ' so spreadsheets do not run them as formulas.")
@click.option("--allow-service", is_flag=True,
              help="Run federated queries (SERVICE <url>), which fetch from other servers; refused by default.")
def query(sparql, store_path, fmt, name, param, level, list_queries, output, spreadsheet_safe, allow_service):
    """Run SPARQL (text, a .rq file, or - for stdin) over the store.

    Queries see the union of all documents, where each entity is described once. The
    prefixes kg, kgid, kgdoc, wd, wdt, rdf, rdfs, owl, xsd, skos, prov and dcterms are
    declared. Named queries bind their parameters as RDF terms; optional ones (marked ?)
    mean "any" when left out.

    \b
    Example:
      kg query "SELECT DISTINCT ?who ?where WHERE { ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where }"
      kg query --name relations --param entity="Xi Jinping" --format csv
      kg query --name events --param plover=ACCUSE --param from=2019-01-01 --param to=2019-06-30
      kg query --name between --level country --param a=Iran --param b="United States"
      kg query --name events --level country --param plover=material-conflict
      kg query "CONSTRUCT { ?s kg:visits ?o } WHERE { ?s kg:visits ?o }" --format jsonld
      kg query --name relations --param entity=Q148 --format csv --spreadsheet-safe -o rel.csv
    """  # noqa: E501  (the help shows each example as one command line to copy)
    from . import query as q

    if list_queries:
        click.echo(q.named_queries_table())
        return
    if name and sparql:
        raise click.UsageError("give either a SPARQL query or --name, not both")
    if (param or level != "entity") and not name:
        raise click.UsageError("--param and --level go with --name")
    with _open(store_path) as store:
        if name:
            result = q.run_named(store, name, q.parse_params(param), level)
        elif sparql:
            result = q.run_query(store, q.read_sparql(sparql), allow_service=allow_service)
        else:
            raise click.UsageError("give a SPARQL query, a .rq file, - for stdin, or --name")
        _echo_out(q.render(result, fmt, spreadsheet_safe=spreadsheet_safe), output)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path, fmt):
    """Documents, entities and relations by type, and the most connected entities.

    \b
    Example:
      kg stats --store output/store
    """
    from .analyze import stats as run, stats_text

    with _open(store_path) as store:
        s = run(store)
    click.echo(json.dumps(s, indent=1) if fmt == "json" else stats_text(s))


def filter_options(f):
    """The options that select part of the graph, shared by kg viz and kg analyze."""
    opts = [
        click.option("--relation", "relations", multiple=True, metavar="NAME",
                     help="Keep only this relation (repeatable), e.g. visits, leaderOf."),
        click.option("--plover", multiple=True, metavar="TYPE",
                     help="Keep a PLOVER type (SANCTION), a quad class (material-conflict) or 'static' (repeatable)."),
        click.option("--entity-type", "entity_types", multiple=True, metavar="TYPE",
                     help="Keep only entities of this type (repeatable), e.g. Person, Country."),
        click.option("--since", metavar="YYYY-MM-DD", help="Keep statements dated on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Keep statements dated on or before this day."),
        click.option("--min-confidence", default=0.0, show_default=True, type=float,
                     help="Keep statements at least this confident (0-1)."),
        click.option("--doc", "documents", multiple=True, metavar="ID",
                     help="Keep statements from this document (repeatable)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _graph(store_path, level="entity", **filters):
    from .netgraph import GraphFilter, to_networkx

    with _open(store_path) as store:
        return to_networkx(store, where=GraphFilter(**filters), level=level)


@cli.command()
@store_option
@click.option("-o", "--output", default="output/graph.html", show_default=True, type=click.Path())
@click.option("--focus", metavar="ENTITY", help="Show only the entities around this one (a label, alias, QID or IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0), help="How many relations from --focus.")
@filter_options
@click.option("--merge-edges", is_flag=True, help="Draw one edge per pair of entities, with the count of relations.")
@click.option("--size-by", type=click.Choice(["degree", "pagerank"]), default="degree", show_default=True,
              help="What node size shows.")
@click.option("--physics/--no-physics", default=None,
              help="Animate the layout. Default: on up to 250 entities, else a precomputed layout.")
@click.option("--max-nodes", default=2500, show_default=True, type=click.IntRange(1),
              help="Draw at most this many entities, the most important; the page says what was left out.")
@click.option("--overview/--no-overview", default=None,
              help="Overview: the largest connected part, coloured by community, the main labels always shown. "
                   "Default: above 50 entities.")
@click.option("--level", type=click.Choice(["entity", "country"]), default="entity", show_default=True,
              help="country: one node per country, the events between their entities as its edges.")
@click.option("--title", default="kg graph", show_default=True, help="The page title.")
def viz(store_path, output, focus, depth, merge_edges, size_by, physics, max_nodes, overview, level, title,
        **filters):
    """Write an interactive HTML graph of the store that works offline.

    Nodes are shaped by entity type and coloured by type, or in an overview by community;
    edges are coloured by PLOVER quad class (static relations grey and dashed) and
    labelled with the number of events (the reports of one event count once). Hover for
    aliases, Wikidata links and the sentences behind each relation; click for all of them.

    Above 50 entities the page is an overview: the largest connected part (the page says
    what was left out), the best-connected entities' labels readable at any zoom, the
    others' once you zoom in. --no-overview draws everything.

    \b
    Example:
      kg viz -o output/graph.html && xdg-open output/graph.html
      kg viz --level country -o output/countries.html
      kg viz --focus "Justin Trudeau" --depth 2 --plover material-conflict --plover verbal-conflict
      kg viz --since 2019-01-01 --until 2019-06-30 --entity-type Person --entity-type Country --merge-edges
      kg viz --level country --plover material-conflict -o output/countries.html
    """
    from .netgraph import ego_graph
    from .visualize import write_page

    g = _graph(store_path, level, **filters)
    if focus:
        g = ego_graph(g, focus, depth)
    page = write_page(g, output, title=title, physics=physics, size_by=size_by, merge_edges=merge_edges,
                      max_nodes=max_nodes, overview=overview)
    what = "connections" if merge_edges else "relations"
    left = (f"; {page.left_out_nodes} entities and {page.left_out_edges} relations left out"
            if page.left_out_nodes else "")
    click.echo(f"Wrote {output} ({page.nodes} entities, {page.edges} {what}{left})")


@cli.group(cls=KGGroup)
def analyze():
    """Network measures over the store: centrality, communities, paths, country pairs, ego networks,
    and event counts over time (series).

    Every subcommand takes the filters of kg viz (--relation, --plover, --entity-type,
    --since, --until, --min-confidence, --doc, --level) and prints a table, CSV or JSON.

    \b
    Example:
      kg analyze centrality --by betweenness --top 10
      kg analyze communities --format json
      kg analyze path "Justin Trudeau" "Xi Jinping"
      kg analyze pairs --plover verbal-conflict --format csv -o pairs.csv
      kg analyze ego "Shinzo Abe" --depth 2
      kg analyze series --level country --pair CHN USA --plot china-usa.png
    """


def report_options(f):
    f = click.option("--level", type=click.Choice(["entity", "country"]), default="entity", show_default=True,
                     help="country: one node per country, the events between their entities as its edges "
                          "(a person, organ, sector or city counts for its country).")(f)
    f = output_option()(f)
    f = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                     show_default=True)(f)
    return store_option(filter_options(f))


def _report(report, fmt, output):
    for note in report.notes:
        click.echo(f"Note: {note}", err=True)
    _echo_out(report.render(fmt), output)


@analyze.command()
@click.option("--by", type=click.Choice(["pagerank", "degree", "betweenness"]), default="pagerank", show_default=True)
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="How many entities (0: all).")
@report_options
def centrality(by, top, store_path, fmt, output, **filters):
    """Entities ranked by PageRank, degree or betweenness (all three shown).

    \b
    Example:
      kg analyze centrality --by betweenness --top 10 --entity-type Person
      kg analyze centrality --level country
    """
    from .analyze import centrality as run

    _report(run(_graph(store_path, **filters), by=by, top=top or None), fmt, output)


@analyze.command()
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True,
              help="Louvain or greedy modularity (networkx).")
@click.option("--resolution", default=1.0, show_default=True, type=float, help="Above 1: smaller communities.")
@click.option("--seed", default=0, show_default=True, type=int, help="Louvain's random seed.")
@report_options
def communities(method, resolution, seed, store_path, fmt, output, **filters):
    """Communities of entities that are more related to each other than to the rest.

    \b
    Example:
      kg analyze communities --method greedy --format json
    """
    from .analyze import communities as run

    _report(run(_graph(store_path, **filters), method=method, seed=seed, resolution=resolution), fmt, output)


@analyze.command()
@click.argument("source")
@click.argument("target")
@click.option("--max-paths", default=3, show_default=True, type=click.IntRange(1))
@report_options
def path(source, target, max_paths, store_path, fmt, output, **filters):
    """The shortest chains of relations between SOURCE and TARGET, with the evidence for each hop.

    Relations are followed in either direction. SOURCE and TARGET are labels, aliases,
    Wikidata QIDs or IRIs.

    \b
    Example:
      kg analyze path "Taro Kono" Beijing
    """
    from .analyze import shortest_paths

    _report(shortest_paths(_graph(store_path, **filters), source, target, max_paths=max_paths), fmt, output)


@analyze.command()
@click.option("--undirected", is_flag=True, help="Add up both directions of each pair.")
@click.option("--top", default=0, show_default=True, type=click.IntRange(0), help="How many pairs (0: all).")
@report_options
def pairs(undirected, top, store_path, fmt, output, **filters):
    """Events between countries by PLOVER quad class, with a cooperation–conflict balance.

    A person or city counts for its country. balance = (cooperation − conflict) /
    (cooperation + conflict), from −1 (all conflict) to +1 (all cooperation).

    \b
    Example:
      kg analyze pairs --since 2019-01-01 --format csv -o pairs.csv
    """
    from .analyze import pairs_report

    _report(pairs_report(_graph(store_path, **filters), directed=not undirected, top=top or None), fmt, output)


@analyze.command()
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="The period events are counted by.")
@click.option("--level", type=click.Choice(["entity", "country"]), default="entity", show_default=True,
              help="Pairs of entities, or of their countries (a leader counts for the state).")
@click.option("--pair", nargs=2, metavar="A B",
              help="Only the events between A and B: labels, aliases, QIDs, IRIs (ISO codes with --level country).")
@click.option("--plover", multiple=True, metavar="TYPE",
              help="Keep a PLOVER type (ACCUSE) or a quad class (verbal-conflict) (repeatable).")
@click.option("--directed", is_flag=True, help="Keep actor → recipient apart instead of adding up both directions.")
@click.option("--since", metavar="YYYY-MM-DD", help="Keep events dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Keep events dated on or before this day.")
@click.option("--plot", "plot_path", type=click.Path(), metavar="FILE",
              help="Also draw the series (all pairs added up) to a .png or .svg file; needs kg[plot].")
@click.option("--measure", type=click.Choice(["counts", "goldstein"]), default="counts", show_default=True,
              help="What --plot draws: events by quad class, or their mean Goldstein weight.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@output_option()
@store_option
def series(by, level, pair, plover, directed, since, until, plot_path, measure, fmt, output, store_path):
    """Events a day, week, month or year per pair, by quad class, with the Goldstein sum and mean.

    Each real event counts once, however many articles report it. With --pair, the
    periods without events between the two are listed as zeros.

    \b
    Example:
      kg analyze series --level country --by month
      kg analyze series --level country --pair CHN USA --plot china-usa.png
      kg analyze series --pair Iran "United States" --plover verbal-conflict --format csv -o iran.csv
      kg analyze series --level country --pair RUS UKR --by week --plot ru-ua.svg --measure goldstein
    """
    from . import series as ts

    with _open(store_path) as store:
        result = ts.series(store, by=by, level=level, pair=tuple(pair) if pair else None, plover=plover,
                           directed=directed, since=since, until=until)
    if plot_path:
        ts.plot(result, plot_path, measure=measure)
        click.echo(f"Wrote {plot_path}", err=True)
    if fmt == "json":
        for note in result.report.notes:
            click.echo(f"Note: {note}", err=True)
        _echo_out(ts.to_json(result), output)
    else:
        _report(result.report, fmt, output)


@analyze.command()
@click.argument("entity")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1))
@report_options
def ego(entity, depth, store_path, fmt, output, **filters):
    """A summary of ENTITY's neighbourhood and each neighbour's links to it.

    \b
    Example:
      kg analyze ego "Justin Trudeau" --depth 2 --format json
    """
    from .analyze import ego_summary

    _report(ego_summary(_graph(store_path, **filters), entity, depth=depth), fmt, output)


@cli.command()
@store_option
@click.option("--format", "fmt", default="ttl", show_default=True, help="See kg extractors for the list.")
@output_option("Write to a file (a folder for neo4j) instead of stdout.")
@click.option("--include-unasserted", is_flag=True,
              help="events formats: also intended and hypothetical events, as rows of their own.")
def export(store_path, fmt, output, include_unasserted):
    """Export the store: ttl, nt, nq, trig, rdfxml, jsonld, graphml, gexf, neo4j, jsonl,
    events, events-parquet, events-jsonl.

    Triple formats hold the union of all documents; nq and trig keep one named graph per
    document. neo4j writes a folder of CSV files and a Cypher script. The events formats
    give one row per real event, however many statements report it (docs/events.md).
    Files are written atomically.

    \b
    Example:
      kg export --format ttl -o output/graph.ttl
      kg export --format trig -o output/graph.trig
      kg export --format neo4j -o output/neo4j/
      kg export --format jsonl > relations.jsonl
      kg export --format events -o events.csv
      kg export --format events-parquet --include-unasserted -o events.parquet
    """
    from . import export as exporters

    spec = exporters.get_format(fmt)
    if spec.folder and not output:
        raise click.UsageError(f"the {fmt} export writes several files: give -o FOLDER")
    options = {"include_unasserted": True} if include_unasserted else {}
    with _open(store_path) as store:
        if output:
            written = exporters.write(fmt, store, output, **options)
            click.echo(f"Wrote {output}" + (f" ({', '.join(p.name for p in written)})" if spec.folder else ""),
                       err=True)
        else:
            sys.stdout.buffer.write(exporters.export(fmt, store, **options))


@cli.command()
@store_option
@click.option("--bind", default="127.0.0.1:7878", show_default=True,
              help="HOST:PORT to listen on. Other hosts than localhost let anyone who can reach them read the store.")
@click.option("--timeout", default=30, show_default=True, type=click.IntRange(min=0),
              help="Cancel queries that run longer than this many seconds (0: never).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for web pages on other origins).")
@click.option("--max-result-bytes", default=10_000_000, show_default=True, type=click.IntRange(min=0),
              help="Refuse (HTTP 413) answers larger than this; 0: no limit.")
@click.option("--max-request-bytes", default=1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Refuse (HTTP 413) request bodies larger than this.")
@click.option("--client-timeout", default=10, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client has to send each request; slower clients are cut off.")
@click.option("--allow-service", is_flag=True,
              help="Run federated queries (SERVICE <url>), which make the server fetch from any URL; "
                   "refused by default.")
def serve(store_path, bind, timeout, cors, max_result_bytes, max_request_bytes, client_timeout, allow_service):
    """Serve the store as a read-only SPARQL 1.1 endpoint, with a query page.

    Runs Oxigraph's server (pip install 'kg[serve]') on a snapshot of the store taken at
    start-up, so kg build can keep writing the store meanwhile; restart to serve new
    documents. Queries see the union of all documents. The query page is at /, the
    endpoint at /query (GET ?query=... or POST, standard SPARQL media types). A guard in
    front of it refuses federated queries (SERVICE), cancels queries at --timeout (504),
    and cuts off oversized, malformed and slow requests.

    \b
    Example:
      kg serve --store output/store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    from .serve import is_local, serve as run

    if not is_local(bind):
        click.echo(f"Warning: serving on {bind}: anyone who can reach this address can read the store.", err=True)
    if allow_service:
        click.echo("Warning: --allow-service: any client can make the server send requests to any address it "
                   "reaches.", err=True)
    sys.exit(run(store_path, bind=bind, timeout=timeout or None, cors=cors, echo=click.echo,
                 max_bytes=max_result_bytes or None, max_request_bytes=max_request_bytes,
                 client_timeout=client_timeout, allow_service=allow_service))


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
    from . import export as exporters, extractors as registry

    click.echo("Extractors:")
    for name, doc in registry.available().items():
        click.echo(f"  {name:12} {doc}")
    click.echo("Export formats:")
    for name, doc in exporters.available().items():
        click.echo(f"  {name:12} {doc}")


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--predictions", type=click.Path(),
              help="Relation records (kg extract --format jsonl) to score instead of running the extractor.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@extractor_options
@click.option("--match", type=click.Choice(["type", "predicate"]), default="type", show_default=True,
              help="Compare events by PLOVER type, or by ontology predicate (kg's own gold files).")
@click.option("--all-facts", is_flag=True, help="Also score negated, intended and hypothetical facts.")
@click.option("--floors", "floors_path", type=click.Path(),
              help="The floors file [default: the floors shipped with kg's gold, kg/evaluate/gold/floors.json].")
@click.option("--check-floors", is_flag=True, help="Exit 1 when a figure is below its floor.")
@click.option("--update-floors", is_flag=True,
              help="Set the floors a little below the current figures (after measuring an improvement).")
@click.option("--explain", is_flag=True, help="Also list wrong predictions and missed gold facts (first level).")
@click.option("--export-documents", type=click.Path(),
              help="Write the set's documents as a JSONL corpus (to extract with another tool) and stop.")
def eval_(gold, predictions, fmt, extractor, gazetteer, match, all_facts, floors_path, check_floors,
          update_floors, explain, export_documents):
    """Score relations against GOLD: precision, recall and F1 per type and overall.

    GOLD is a built-in set (seed, wikinews, wikinews-fresh, wikinews-fresh2, wikinews-fresh3, wikinews-fresh4,
    plover, plover-tune, plover-holdout, petrarch, conll04, conll04-train-tune, conll04-train-holdout), 'all'
    (all but the train halves),
    or the path of a gold file: kg's format (docs/evaluation.md) or that
    of the GSR, PETRARCH or CoNLL04 files. kg's own gold ships with it; shared data (the
    other sets, the articles) is found through KG_SHARED (default ../shared). The matching
    rules are written in kg/evaluate/matching.py.

    \b
    Example:
      kg eval seed
      kg eval all --check-floors
      kg eval plover --export-documents gsr.jsonl
      kg extract --format jsonl gsr.jsonl > pred.jsonl && kg eval plover --predictions pred.jsonl
    """
    from . import evaluate as ev

    names = [n for g in gold for n in (ev.SETS if g == "all" else (g,))]
    if (predictions or export_documents) and len(names) != 1:
        raise click.UsageError("--predictions and --export-documents take exactly one gold set")
    if (check_floors or update_floors) and (match != "type" or all_facts or predictions or extractor != "rules"):
        raise click.UsageError("the floors are for the default measurement: drop --match, --all-facts, "
                               "--predictions and --extractor with --check-floors or --update-floors")
    if export_documents:
        gs = ev.write_documents(names[0], export_documents, match=match)
        click.echo(f"Wrote {len(gs.documents)} documents of {gs.name} to {export_documents}", err=True)
        return
    reports = [ev.run(n, predictions=predictions, extractor=extractor, gazetteer=gazetteer, match=match,
                      all_facts=all_facts) for n in names]
    click.echo(json.dumps([r.to_dict() for r in reports], indent=1) if fmt == "json" else ev.format_table(reports))
    if explain and fmt == "table":
        click.echo("\n" + ev.format_explanation(reports))
    floors_file = floors_path or ev.FLOORS_FILE
    if update_floors:
        changes = ev.update_floors_file(reports, floors_file)
        click.echo(("\n".join(changes) or "No floor changed.") + f"\nWrote {floors_file}", err=True)
    if check_floors:
        failed = ev.check_floors_file(reports, floors_file)
        if failed:
            raise click.ClickException("below the floors in " + str(floors_file) + ":\n  " + "\n  ".join(failed))
        click.echo(f"All figures at or above the floors in {floors_file}.", err=True)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
