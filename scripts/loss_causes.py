"""Where events are lost between their trigger and their record: counts of causes.

usage: python scripts/loss_causes.py plover-tune [--show CAUSE] [--details N]
       python scripts/loss_causes.py CORPUS.jsonl [--show CAUSE] [--limit DOCS]

For a GSR half (``plover-tune``; ``plover-holdout`` gives counts only, never sentences),
each gold sentence is put in one row: ``found`` (kg gives the gold type), ``no-lexicon``
(no token whose lemma the event lexicon gives the gold type), or the cause that stopped
the trigger of the gold type that got furthest (see kg/extractors/rules/trace.py). For a
corpus, every trigger of every document is counted by cause. ``--show CAUSE`` prints the
sentences of one cause (not for the holdout half).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

# how far a trigger got, for choosing among the triggers of one sentence
PROGRESS = ["not-trigger", "agree-harm", "ended", "no-actor", "no-recipient", "same-entity", "refused", "confidence",
            "record"]


def traced(docs, gazetteer=None):
    """(document, parsed, relations, steps) of each document, with the trace on."""
    from kg import gazetteer as gaz, nlp
    from kg.extractors.rules import read
    from kg.extractors.rules.trace import Trace
    from kg.pipeline import _name_words
    from kg.resolve import Linker, resolve

    g = gazetteer or gaz.default()
    model = nlp.load()
    linker = Linker.of(g)
    for doc, parsed in zip(docs, model.pipe(d.text for d in docs), strict=True):
        t = Trace()
        mentions = list(read(doc, parsed, linker, trace=t))
        people = {_name_words(e) for e in parsed.ents if e.label_ == "PERSON"}
        yield doc, parsed, resolve(doc, mentions, g, people), t.final()


def lexicon_hits(parsed, lex, plover: str) -> list:
    """Tokens whose lemma the event lexicon gives this PLOVER type (any row, any part of speech)."""
    out = []
    for t in parsed:
        lemma = t.lemma_.lower()
        rows = [*lex.restricted.get(lemma, ()), *([lex.verbs[lemma]] if lemma in lex.verbs else [])]
        if t.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
            rows.append(lex.nouns[lemma])
        if any(r.plover == plover for r in rows):
            out.append(t)
    return out


def gold_half(name: str, show: str | None, details: int) -> None:
    from kg import evaluate as ev
    from kg.lexicon import load

    if show and name != "plover-tune":
        sys.exit("sentences are shown for the tuning half only")
    gs = ev.load(name)
    lex = load()
    gold = {f.doc: f for f in gs.facts}
    rows = collections.Counter()
    detail = collections.defaultdict(collections.Counter)
    shown = []
    for doc, parsed, rels, steps in traced(gs.documents, ev_gazetteer(gs)):
        f = gold.get(doc.id)
        if f is None:
            continue
        want = f.plovers[0]
        if any(r.plover == want for r in rels):
            rep = ev.evaluate(_one(gs, doc), rels)
            country = rep.level("country").overall
            cause = "found" if country.found or not country.gold else "found-type"
            why = "" if cause == "found" else "; ".join(rep.level("country").missed)
        else:
            hits = {t.i for t in lexicon_hits(parsed, lex, want)}
            mine = [s for s in steps if s.i in hits]
            if not hits:
                cause, why = "no-lexicon", ""
            elif not mine:
                cause, why = "not-trigger", "other-type"  # a row of another type won the lemma
            else:
                best = max(mine, key=lambda s: PROGRESS.index(s.cause))
                cause, why = best.cause, f"{best.word}: {best.detail}"
                if cause == "record":
                    cause = "resolved-away"  # the resolver merged the two sides
        rows[cause] += 1
        if why and cause != "found-type":
            detail[cause][why.split(": ", 1)[-1]] += 1
        if show == cause:
            got = "; ".join(f"{r.subject.label}({r.subject.country}) {r.plover} {r.object.label}({r.object.country})"
                            for r in rels if r.plover)
            shown.append(f"{doc.id} [{want}] {why}\n    {doc.text}\n    gold: {_gold(f)}\n    kg: {got}")
    total = sum(rows.values())
    print(f"{name}: {total} gold events")
    for cause, n in rows.most_common():
        top = ", ".join(f"{k or '-'} {v}" for k, v in detail[cause].most_common(details))
        print(f"  {cause:14} {n:4}  {n / total:5.0%}  {top}")
    for s in shown:
        print(s)


def _gold(f) -> str:
    def side(refs):
        return "|".join(f"{r.label}({r.country})" for r in refs) or "*"
    return f"{side(f.subject)} -> {side(f.object)}"


def _one(gs, doc):
    """The gold set narrowed to one document."""
    import dataclasses

    return dataclasses.replace(gs, documents=[doc], facts=[f for f in gs.facts if f.doc == doc.id])


def ev_gazetteer(gs):
    from kg.pipeline import load_gazetteer

    return load_gazetteer(gs.gazetteers)


def corpus(path: str, show: str | None, details: int, limit: int | None, doc_id: str | None = None) -> None:
    from kg.ingest import read_inputs

    docs = [d for d in read_inputs([Path(path)]) if doc_id is None or d.id.startswith(doc_id)][:limit]
    causes = collections.Counter()
    by_kind = collections.Counter()
    detail = collections.defaultdict(collections.Counter)
    shown = []
    for doc, parsed, _, steps in traced(docs):
        for s in steps:
            causes[s.cause] += 1
            by_kind[(s.kind, s.cause)] += 1
            if s.detail:
                detail[s.cause][s.detail] += 1
            if show == s.cause or doc_id is not None:
                sent = parsed[s.i].sent.text
                shown.append(f"{doc.id[:30]} [{s.plover} {s.word}] {s.cause} {s.detail}\n    {' '.join(sent.split())}")
    total = sum(causes.values())
    print(f"{path}: {len(docs)} documents, {total} triggers")
    for cause, n in causes.most_common():
        top = ", ".join(f"{k} {v}" for k, v in detail[cause].most_common(details))
        print(f"  {cause:14} {n:5} {n / total:5.0%}  verb {by_kind[('verb', cause)]}, noun {by_kind[('noun', cause)]}"
              f"  {top}")
    for s in shown:
        print(s)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", help="plover-tune, plover-holdout, or a JSONL corpus")
    p.add_argument("--show", help="print the sentences of one cause")
    p.add_argument("--details", type=int, default=6, help="how many details to list per cause")
    p.add_argument("--limit", type=int, help="read only the first N documents of a corpus")
    p.add_argument("--doc", help="show every trigger of the corpus documents whose id starts so")
    a = p.parse_args()
    if a.what.startswith("plover"):
        gold_half(a.what, a.show, a.details)
    else:
        corpus(a.what, a.show, a.details, a.limit, a.doc)


if __name__ == "__main__":
    main()
