#!/usr/bin/env bash
# Record what every kg command prints on a corpus, to compare two versions of kg byte for byte.
#
#   scripts/record_outputs.sh OUTDIR [KG]      # KG: the kg executable (default .venv/bin/kg)
#   diff -r before/ after/                     # nothing printed: same behaviour
#
# A refactoring records OUTDIR once on main and once on its branch. Each command leaves
# NAME.out, NAME.err and NAME.rc (its exit code); files it writes (-o) land in OUTDIR too.
# PYTHONHASHSEED is fixed because some outputs order ties by set order. KG_SHARED is the
# shared data folder; CORPUS defaults to its Wikinews 2019 corpus.
set -u
OUT=$(realpath -m "${1:?usage: record_outputs.sh OUTDIR [KG]}")
KG=$(realpath "${2:-.venv/bin/kg}")
KG_SHARED=$(realpath "${KG_SHARED:-$(dirname "$0")/../../shared}")
export KG_SHARED
export PYTHONHASHSEED=0
CORPUS=${CORPUS:-$KG_SHARED/corpus/wikinews-2019.jsonl}
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$OUT"
trap 'rm -rf "$OUT/store"' EXIT  # the store's files differ run to run; what commands print of it does not
S="--store store"
run() { local name=$1; shift; "$KG" "$@" >"$name.out" 2>"$name.err"; echo $? >"$name.rc"; }

# help of every command (shared option decorators must not change it)
run help --help
for c in extract build remove query stats viz analyze export serve push extractors eval; do run "help-$c" "$c" --help; done
for c in centrality communities path pairs series ego; do run "help-analyze-$c" analyze "$c" --help; done
run extractors extractors

run extract-jsonl extract --format jsonl --no-progress "$CORPUS"
run extract-table extract --all --no-progress "$CORPUS"
run build build --no-progress "$CORPUS" $S
run build-again build --no-progress "$CORPUS" $S
run stats stats $S
run stats-json stats --format json $S
run query-list query --list $S
run q-actors query --name actors $S
run q-actors-plover query --name actors --param plover=ACCUSE $S
run q-between query --name between --param a=Iran --param "b=United States" $S
run q-events query --name events $S
run q-events-range query --name events --param plover=ACCUSE --param from=2019-01-01 --param to=2019-06-30 $S
run q-provenance query --name provenance --param "subject=United States" --param predicate=accuses --param object=Iran $S
run q-relations query --name relations --param entity=Iran $S
run q-relations-csv query --name relations --param entity=Q148 --format csv $S
run q-relations-tsv query --name relations --param entity=Q148 --format tsv --spreadsheet-safe $S
run q-relations-json query --name relations --param entity=Q148 --format json $S
run q-timeline query --name timeline --param "entity=Donald Trump" $S
run q-construct-ttl query "CONSTRUCT { ?s kg:visits ?o } WHERE { GRAPH ?g { ?s kg:visits ?o } }" --format ttl $S
run q-construct-jsonld query "CONSTRUCT { ?s kg:visits ?o } WHERE { GRAPH ?g { ?s kg:visits ?o } }" --format jsonld $S
run q-ask query "ASK { GRAPH ?g { ?s kg:visits ?o } }" --format json $S
run q-bad query "SELECT ?x WHERE {" $S
for f in ttl nt nq trig rdfxml jsonld graphml gexf jsonl events events-jsonl; do
  run "export-$f" export --format "$f" -o "export.$f" $S
done
run export-events-unasserted export --format events --include-unasserted -o export-unasserted.events $S
run export-neo4j export --format neo4j -o neo4j $S
for fmt in table csv json; do
  run "a-centrality-$fmt" analyze centrality --format "$fmt" $S
  run "a-centrality-btw-$fmt" analyze centrality --by betweenness --top 10 --format "$fmt" $S
  run "a-communities-$fmt" analyze communities --format "$fmt" $S
  run "a-pairs-$fmt" analyze pairs --format "$fmt" $S
  run "a-pairs-vc-$fmt" analyze pairs --plover verbal-conflict --format "$fmt" $S
  run "a-path-$fmt" analyze path "Donald Trump" Iran --format "$fmt" $S
  run "a-ego-$fmt" analyze ego Iran --depth 2 --format "$fmt" $S
done
for fmt in table csv json; do
  run "a-series-$fmt" analyze series --level country --by month --format "$fmt" $S
done
run a-series-pair analyze series --pair Iran "United States" --plover verbal-conflict $S
run a-centrality-filtered analyze centrality --entity-type Country --since 2019-03-01 --until 2019-09-30 $S
run viz viz -o graph.html $S
run viz-focus viz --focus Iran --depth 2 --merge-edges --size-by pagerank -o graph-focus.html $S
run viz-country viz --level country -o graph-country.html $S
run viz-filter viz --plover material-conflict --entity-type Country --entity-type Person -o graph-filter.html $S
run remove remove "$(head -c 2000 "$CORPUS" | sed -n 's/^{"id": *"\([^"]*\)".*/\1/p' | head -1)" $S
run remove-missing remove no-such-document $S

# evaluation
run eval-all-json eval all --format json
run eval-all eval all
run eval-seed-explain eval seed --explain
run eval-wikinews-predicate eval wikinews --match predicate --all-facts
run eval-tune-json eval plover-tune --format json
run eval-check-floors eval all --check-floors
run eval-export-documents eval conll04 --export-documents conll04-docs.jsonl
run eval-predictions eval seed --predictions extract-jsonl.out
run eval-unknown eval no-such-set
run eval-both eval seed wikinews --predictions x.jsonl
