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
@click.option("-v", "--verbose", is_flag=True, help="Print each document id to stderr once it is stored.")
def build(inputs, store_path, extractor, gazetteer, verbose):
    """Extract relations from INPUTS and add them to the store.

    Each document gets its own named graph. Building the same documents again adds
    nothing twice: unchanged documents are skipped, changed ones replaced.

    \b
    Example:
      kg build examples/state-visit.txt
      kg build ../shared/corpus/wikinews-2019.jsonl --store output/wikinews
    """
    from .pipeline import build as run, load_gazetteer

    with _open(store_path, create=True) as store:
        def stored(doc_id, state):
            click.echo(f"{state} {doc_id}", err=True)

        report = run(inputs, store, extractor=extractor, gazetteer=load_gazetteer(gazetteer),
                     on_stored=stored if verbose else None)
    click.echo(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged "
               f"({report.relations} relations) in {store_path}")


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


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--predictions", type=click.Path(),
              help="Relation records (kg extract --format jsonl) to score instead of running the extractor.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--extractor", default="rules", show_default=True, help="A registered extractor (see kg extractors).")
@click.option("--gazetteer", multiple=True, type=click.Path(), help="Extra actors: a CSV/TSV or PETRARCH actor file.")
@click.option("--match", type=click.Choice(["type", "predicate"]), default="type", show_default=True,
              help="Compare events by PLOVER type, or by ontology predicate (kg's own gold files).")
@click.option("--all-facts", is_flag=True, help="Also score negated, intended and hypothetical facts.")
@click.option("--floors", "floors_path", type=click.Path(), help="The floors file [default: eval/floors.json].")
@click.option("--check-floors", is_flag=True, help="Exit 1 when a figure is below its floor.")
@click.option("--update-floors", is_flag=True,
              help="Set the floors a little below the current figures (after measuring an improvement).")
@click.option("--explain", is_flag=True, help="Also list wrong predictions and missed gold facts (first level).")
@click.option("--export-documents", type=click.Path(),
              help="Write the set's documents as a JSONL corpus (to extract with another tool) and stop.")
def eval_(gold, predictions, fmt, extractor, gazetteer, match, all_facts, floors_path, check_floors,
          update_floors, explain, export_documents):
    """Score relations against GOLD: precision, recall and F1 per type and overall.

    GOLD is a built-in set (seed, wikinews, plover, petrarch, conll04), 'all', or the path
    of a gold file: kg's format (eval/README.md) or that of the GSR, PETRARCH or CoNLL04
    files. Shared data is found through KG_SHARED (default ../shared). The matching rules
    are written in kg/evaluate.py.

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
        from .files import atomic_write_text

        gs = ev.load(names[0], match=match)
        atomic_write_text(export_documents, ev.export_documents(gs))
        click.echo(f"Wrote {len(gs.documents)} documents of {gs.name} to {export_documents}", err=True)
        return
    reports = [ev.run(n, predictions=predictions, extractor=extractor, gazetteer=gazetteer, match=match,
                      all_facts=all_facts) for n in names]
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], indent=1))
    else:
        click.echo(ev.format_table(reports))
    if explain and fmt == "table":
        click.echo("\n" + ev.format_explanation(reports))
    floors_file = floors_path or ev.FLOORS_FILE
    if update_floors:
        new, changes = ev.update_floors(reports, ev.read_floors(floors_file))
        ev.write_floors(new, floors_file)
        click.echo("\n".join(changes) or "No floor changed.", err=True)
        click.echo(f"Wrote {floors_file}", err=True)
    if check_floors:
        floors = ev.read_floors(floors_file)
        failed = [line for r in reports for line in ev.below_floors(r, floors)]
        if failed:
            raise click.ClickException("below the floors in " + str(floors_file) + ":\n  " + "\n  ".join(failed))
        click.echo(f"All figures at or above the floors in {floors_file}.", err=True)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
