"""Benchmark 1: kg extraction against the limit, a bare ``nlp.pipe`` of the same pipeline.

Both sides run in this process with the pipeline already loaded, over the same texts
(what kg reads from the corpus, page furniture blanked), with the same batch size:

- bare: ``for doc in nlp.pipe(texts): pass``
- kg:   ``kg.pipeline.extract([corpus])`` with every relation written as a JSONL record,
        i.e. ``kg extract --format jsonl`` without the process start-up.

They alternate for ``--rounds`` rounds and the fastest run of each counts (the one least
disturbed by other processes). Then one instrumented pass splits kg's time into reading,
parsing, the extractor, resolution and the RDF graph, to show where any overhead goes.

    python benchmarks/bench_extract.py                 # ../shared/corpus/wikinews-2019.jsonl
    python benchmarks/bench_extract.py --small         # a few short documents, just to run
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from _common import WIKINEWS, best_of, corpus_or_exit, machine, ratio, small_corpus


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--small", action="store_true", help="a tiny generated corpus, one round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=None, help="default: kg's own (kg.pipeline.BATCH_SIZE)")
    args = ap.parse_args(argv)

    from kg import nlp
    from kg.ingest import read_inputs
    from kg.pipeline import BATCH_SIZE, extract, extract_documents

    tmp = tempfile.TemporaryDirectory()
    corpus = small_corpus(Path(tmp.name) / "small.jsonl", 6) if args.small else corpus_or_exit(args.corpus)
    rounds = 1 if args.small else args.rounds
    args.batch_size = args.batch_size or BATCH_SIZE
    print(machine())

    model = nlp.load()
    docs = list(read_inputs([corpus]))
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))
    print(f"corpus: {corpus} ({len(docs)} documents, {chars:,} characters); pipeline {nlp.model_name()} "
          f"{model.pipe_names}; batch size {args.batch_size}; best of {rounds}")
    list(model.pipe(texts[:2]))  # warm up both: first calls load the gazetteer and the extractor
    list(extract_documents(docs[:2]))

    def bare():
        for _ in model.pipe(texts, batch_size=args.batch_size):
            pass

    sink = io.StringIO()

    def kg_extract():
        sink.seek(0)
        sink.truncate()
        for ex in extract([corpus], batch_size=args.batch_size):
            for r in ex.relations:
                sink.write(json.dumps(r.to_record(), ensure_ascii=False) + "\n")

    t_bare = t_kg = float("inf")
    for _ in range(rounds):
        t_bare = min(t_bare, best_of(1, bare))
        t_kg = min(t_kg, best_of(1, kg_extract))
    relations = sink.getvalue().count("\n")
    print(f"bare nlp.pipe: {t_bare:.2f} s  ({len(docs) / t_bare:.1f} docs/s, {chars / t_bare / 1000:.1f} kchar/s)")
    print(f"kg extract:    {t_kg:.2f} s  ({len(docs) / t_kg:.1f} docs/s), {relations} relations")

    breakdown(corpus, model, args.batch_size)
    ratio("kg extract / bare nlp.pipe throughput", t_bare / t_kg, 0.8)
    tmp.cleanup()
    return 0


def breakdown(corpus: Path, model, batch_size: int) -> None:
    """One instrumented pass: seconds spent in each stage of kg's extraction."""
    from kg import extractors
    from kg import gazetteer as gaz
    from kg.graph import extraction_graph
    from kg.ingest import read_inputs
    from kg.model import Extraction
    from kg.resolve import resolve

    fn, g = extractors.get(), gaz.default()
    spent = dict.fromkeys(("read", "parse", "extractor", "resolve", "graph (RDF, not in extract)"), 0.0)
    t = time.perf_counter()
    docs = list(read_inputs([corpus]))
    spent["read"] = time.perf_counter() - t
    t = time.perf_counter()
    parsed = list(model.pipe([d.text for d in docs], batch_size=batch_size))
    spent["parse"] = time.perf_counter() - t
    for doc, p in zip(docs, parsed):
        t = time.perf_counter()
        mentions = list(fn(doc, p, g))
        spent["extractor"] += time.perf_counter() - t
        t = time.perf_counter()
        rels = resolve(doc, mentions, g)
        spent["resolve"] += time.perf_counter() - t
        t = time.perf_counter()
        ents = {r.subject.id: r.subject for r in rels} | {r.object.id: r.object for r in rels}
        extraction_graph(Extraction(doc, tuple(rels), tuple(ents.values())))
        spent["graph (RDF, not in extract)"] += time.perf_counter() - t
    total = sum(v for k, v in spent.items() if not k.startswith("graph"))
    print("where kg's extraction time goes: " + ", ".join(
        f"{k} {v:.2f} s ({v / total:.0%})" for k, v in spent.items()))


if __name__ == "__main__":
    sys.exit(main())
