#!/usr/bin/env python3
"""Can a learned scorer add the static relations the rules miss? An experiment on CoNLL04.

    KG_SHARED=../shared python scripts/statics_scorer.py [--l2 1.0] [--train-on residual]

The question of round 11 (docs/evaluation.md): rules written from read sentences do not move
the held-out halves, so can a model trained on data add what they miss? This script answers
it inside the tuning half of CoNLL04 train (Roth & Yih 2004), never reading the holdout half.

Each sentence of ``conll04-train-tune`` (the documents kg.evaluate builds for that set: its
split by :func:`kg.evaluate.formats.plover.half` of the sentence id, and its text) is parsed by
kg's pipeline and read by the rules (:func:`kg.extractors.rules.sentences`). Every pair of
names of a sentence whose kinds a static relation joins (:func:`candidates`: a person and a
body, worksFor; a person and a place, livesIn; a body and a place, basedIn; two places,
locatedIn) is labelled from the gold relations (entity spans aligned to kg's mentions by
character overlap) and described by sparse features (:func:`features`: the words and
dependency labels on the parse path between the two names, the words between them, their
distance, apposition, possessive, "of", "in" and comma shapes, a known country, whether a
rule relates either name). Per relation an L2-regularised logistic regression (numpy +
scipy L-BFGS) is cross-validated in k folds (by a hash of the sentence id), and the script
prints, per threshold, how many of the relations it would ADD (pairs the rules left
unrelated) are right, and the threshold, if any, at which that precision reaches
``--precision``.

The answer on 2026-12-08 (default settings): no relation reaches 0.8, none even 0.6; at
0.4 to 0.5 about 40% of additions are right. Scored on all pairs the same model reaches 0.8
precision, i.e. it relearns what the rules already find. Nor does it filter the rules' own
predictions: those it scores below 0.2 are 12 of 20 right, against 291 of 334 for all of them.
So kg ships no learned scorer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate.formats.conll04 import detokenize  # noqa: E402
from kg.evaluate.formats.plover import half  # noqa: E402
from kg.evaluate.goldsets import shared_root  # noqa: E402
from kg.evaluate.sets import BUILTIN, load  # noqa: E402
from kg.extractors.rules.context import name, same  # noqa: E402
from kg.model import Mention, RelationMention, is_country_code  # noqa: E402

SET = "conll04-train-tune"
GOLD_TYPES = {"Work_For": "worksFor", "Live_In": "livesIn", "OrgBased_In": "basedIn", "Located_In": "locatedIn"}

# A mention's kind for the scorer; kinds not named here are in no pair.
KINDS = {"Person": "PER", "Organization": "ORG", "InternationalOrganization": "ORG",
         "Country": "LOC", "City": "LOC", "Location": "LOC"}
# (subject kind, object kind) → the relation the model of that name scores.
RELATIONS = {("PER", "ORG"): "worksFor", ("PER", "LOC"): "livesIn", ("ORG", "LOC"): "basedIn",
             ("LOC", "LOC"): "locatedIn"}
MAX_GAP = 20  # tokens between two names, at most (a pair further apart is not scored)
MAX_BETWEEN = 8  # words between the names read as a bag: the first and last half of this many
MAX_PATH = 6  # dependency arcs between the names' heads that make a whole-path feature


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate: ``subject`` and ``object`` mentions with their token spans [start, end)."""

    relation: str
    subject: Mention
    object: Mention
    s_span: tuple[int, int]
    o_span: tuple[int, int]


def names(ctx) -> list[tuple[Mention, int, int]]:
    """The named mentions of the context's sentence, each once, in order, with their token span."""
    out: list[tuple[Mention, int, int]] = []
    ms = ctx.ms
    for i in range(ctx.sent.start, ctx.sent.end):
        m = ms.get(i)
        if m is None:
            continue
        if out and out[-1][0] is m and out[-1][2] == i:
            out[-1] = (m, out[-1][1], i + 1)
        elif m.type in KINDS and m.sector is None:
            out.append((m, i, i + 1))
    return out


def candidates(ctx) -> Iterator[Pair]:
    """The pairs of names of the sentence that a static relation may join, in text order."""
    found = names(ctx)
    for x, (a, a0, a1) in enumerate(found):
        for b, b0, b1 in found[x + 1:]:
            if b0 - a1 > MAX_GAP:
                break
            if same(a, b):
                continue
            ka, kb = KINDS[a.type], KINDS[b.type]
            if (ka, kb) in RELATIONS:
                yield Pair(RELATIONS[ka, kb], a, b, (a0, a1), (b0, b1))
            if (kb, ka) in RELATIONS and (ka != kb or ka == "LOC"):
                yield Pair(RELATIONS[kb, ka], b, a, (b0, b1), (a0, a1))


def _head(doc, start: int, end: int):
    """The token of a span whose head lies outside it (the first such)."""
    for i in range(start, end):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return doc[i]
    return doc[start]


def _up(tok, stop: int) -> list:
    """The token and its heads up to the root (at most ``stop`` steps)."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) <= stop:
        chain.append(chain[-1].head)
    return chain


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def features(doc, pair: Pair, ms: dict[int, Mention], taken: frozenset[str] = frozenset()) -> list[str]:
    """The sparse features of a candidate pair in a parsed document with its mention table
    (training and extraction share them). ``taken`` holds the names a rule of the sentence
    already relates to another name by a static relation."""
    subject_first = pair.s_span[0] < pair.o_span[0]
    first, last = (pair.s_span, pair.o_span) if subject_first else (pair.o_span, pair.s_span)
    out = [f"ty={pair.subject.type}>{pair.object.type}", "ord=so" if subject_first else "ord=os"]
    for side, m in (("S", pair.subject), ("O", pair.object)):
        if m.type == "Country" and is_country_code(m.country):
            out.append(f"ctry{side}")
        if KINDS[m.type] == "ORG":  # "Corp.", "University", "Times", "Party"
            out.append(f"orgword{side}={m.text.split()[-1].lower()}")
        if name(m) in taken:
            out.append(f"taken{side}")
    # the names between them: the nearer name of a kind is the likelier partner
    kinds = {KINDS[ms[i].type] for i in range(first[1], last[0]) if i in ms and ms[i].type in KINDS}
    out += [f"mid{side}kind" for side, m in (("S", pair.subject), ("O", pair.object)) if KINDS[m.type] in kinds]
    out += _between(doc, first, last, out[1])
    out += _path(doc, _head(doc, *pair.s_span), _head(doc, *pair.o_span))
    return list(dict.fromkeys(out))


def _between(doc, first: tuple[int, int], last: tuple[int, int], order: str) -> list[str]:
    """The words between two names, their number and shape, and the words just outside them."""
    lemmas = [doc[i].lemma_.lower() for i in range(first[1], last[0])]
    half = MAX_BETWEEN // 2
    bag = lemmas if len(lemmas) <= MAX_BETWEEN else lemmas[:half] + lemmas[-half:]
    out = ["dist=" + _bucket(len(lemmas))] + [f"bw={w}" for w in dict.fromkeys(bag)]
    if len(lemmas) <= 3:
        out.append(f"seq={order}:{'_'.join(lemmas)}")
    shapes = {"comma": lemmas == [","], "of": lemmas in (["of"], ["of", "the"]),
              "in": lemmas[-1:] in (["in"], ["at"], ["from"]), "poss": lemmas[:1] == ["'s"]}
    out += [shape for shape, fits in shapes.items() if fits]
    if first[0] > 0:
        out.append(f"before={doc[first[0] - 1].lemma_.lower()}")
    if last[1] < len(doc) and last[1] < doc[last[0]].sent.end:
        out.append(f"after={doc[last[1]].lemma_.lower()}")
    return out


def _path(doc, hs, ho) -> list[str]:
    """The dependency path between the heads of the subject and the object: its labels and words."""
    out = [f"d{side}={h.dep_}" for side, h in (("S", hs), ("O", ho))]
    out += [f"h{side}={h.head.lemma_.lower()}" for side, h in (("S", hs), ("O", ho))]
    up_s, up_o = _up(hs, 40), _up(ho, 40)
    o_at = {t.i: k for k, t in enumerate(up_o)}
    k_s = next((k for k, t in enumerate(up_s) if t.i in o_at), None)
    if k_s is None:
        return [*out, "path=none"]
    k_o = o_at[up_s[k_s].i]
    top = up_s[k_s]
    steps = [f"{t.dep_}<" for t in up_s[:k_s]] + [f">{t.dep_}" for t in reversed(up_o[:k_o])]
    inner = [t.lemma_.lower() for t in up_s[1:k_s]] + [t.lemma_.lower() for t in up_o[1:k_o]]
    middle = []
    if top.i not in (hs.i, ho.i):
        middle = [top.lemma_.lower()]
        inner += middle
        out.append(f"top={middle[0]}")
    else:
        out.append("top=S" if top.i == hs.i else "top=O")
    out += [f"pl={w}" for w in dict.fromkeys(inner)] + [f"pd={d}" for d in dict.fromkeys(steps)]
    if len(steps) <= MAX_PATH:
        out += ["path=" + " ".join(steps[:k_s] + middle + steps[k_s:]), "pathdeps=" + " ".join(steps)]
    else:
        out.append("path=long")
    out += [dep for dep in ("appos", "poss") if f"{dep}<" in steps or f">{dep}" in steps]
    return out


def statics_taken(made: list[RelationMention]) -> frozenset[str]:
    """The names that the sentence's rule relations (events excepted) join to another."""
    return frozenset(name(m) for r in made if r.plover is None for m in (r.subject, r.object))


def token_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """The character span of each CoNLL04 token in the text :func:`detokenize` makes of them."""
    out = []
    for i, tok in enumerate(tokens):
        end = len(detokenize(tokens[:i + 1]))
        out.append((end - len(tok), end))
    return out


def gold_sentences() -> dict[str, dict]:
    """Document id → the CoNLL04 record of each tune sentence (the ids kg.evaluate gives them)."""
    path = shared_root() / BUILTIN[SET].path
    data = json.loads(path.read_text(encoding="utf-8"))
    return {f"conll04-{s.get('orig_id', i)}": s for i, s in enumerate(data)}, path


# kg predicates → the relation a candidate pair is scored for (CoNLL04's Work_For, Live_In, ...)
SCORED_AS = {"worksFor": "worksFor", "leaderOf": "worksFor", "memberOf": "worksFor", "livesIn": "livesIn",
             "citizenOf": "livesIn", "basedIn": "basedIn", "locatedIn": "locatedIn", "capitalOf": "locatedIn"}


def examples(docs, records):
    """(doc id, relation, features, label, rules related it, rules predicted this relation)
    for every candidate pair."""
    from kg import gazetteer, nlp
    from kg.extractors.rules import sentences
    from kg.extractors.rules.context import name
    from kg.resolve import Linker

    linker = Linker.of(gazetteer.default())
    model = nlp.load()
    out = []
    for parsed, doc in model.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=64):
        rec = records[doc.id]
        assert half(doc.id) == "tune", doc.id
        offsets = token_offsets(rec["tokens"])
        spans = [(offsets[e["start"]][0], offsets[e["end"] - 1][1]) for e in rec["entities"]]
        gold = {(GOLD_TYPES[r["type"]], r["head"], r["tail"]) for r in rec["relations"] if r["type"] in GOLD_TYPES}

        def aligned(m, spans=spans):
            return {k for k, (a, b) in enumerate(spans) if a < m.end and m.start < b}

        for here, made in sentences(doc, parsed, linker):
            related = {frozenset((name(r.subject), name(r.object))) for r in made}
            predicted = {(name(r.subject), name(r.object), SCORED_AS[r.predicate]) for r in made
                         if r.plover is None and r.predicate in SCORED_AS}
            taken = statics_taken(made)
            for pair in candidates(here):
                es, eo = aligned(pair.subject), aligned(pair.object)
                if es and es == eo:
                    continue  # two names of one gold entity ("Lubbock, Texas"): the gold cannot say
                label = any((pair.relation, h, t) in gold for h in es for t in eo if h != t)
                rules = frozenset((name(pair.subject), name(pair.object))) in related
                said = (name(pair.subject), name(pair.object), pair.relation) in predicted
                out.append((doc.id, pair.relation, features(parsed, pair, here.ms, taken), label, rules, said))
    return out


def fit(rows, l2: float, min_count: int):
    """Logistic regression on feature lists: (feature → weight, bias)."""
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    y = np.array([1.0 if lab else 0.0 for _, lab in rows])
    if not len(vocab) or y.sum() == 0:
        return {}, -10.0
    ind, ptr = [], [0]
    for feats, _ in rows:
        ind += sorted({vocab[f] for f in feats if f in vocab})
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(vocab)))

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        nll = np.sum(np.logaddexp(0.0, z) - y * z)
        g = p - y
        return nll + 0.5 * l2 * w @ w, np.append(x.T @ g + l2 * w, g.sum())

    res = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B",
                            options={"maxiter": 500})
    w = res.x[:-1]
    return {f: float(w[k]) for f, k in vocab.items()}, float(res.x[-1])


def prob(weights, bias, feats) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in set(feats))
    return float(1.0 / (1.0 + np.exp(-z)))


def fold_of(doc_id: str, k: int) -> int:
    return int(hashlib.sha256(f"fold:{doc_id}".encode()).hexdigest(), 16) % k


def pr_at(scored, t):
    """Precision, recall and counts of the residual pairs scoring at least t."""
    pred = [lab for p, lab in scored if p >= t]
    pos = sum(lab for _, lab in scored)
    right = sum(pred)
    return (right / len(pred) if pred else 0.0), (right / pos if pos else 0.0), right, len(pred), pos


def threshold(scored, target: float, min_pred: int) -> float | None:
    """The lowest threshold whose out-of-fold precision is at least ``target`` over at least
    ``min_pred`` predictions, and at every higher threshold with that many at least ``target`` - 0.05."""
    grid = [round(0.3 + 0.01 * k, 2) for k in range(66)]
    ok = {t: pr_at(scored, t) for t in grid}
    for t in grid:
        p, _, _, n, _ = ok[t]
        steady = all(ok[u][0] >= target - 0.05 for u in grid if u > t and ok[u][3] >= min_pred)
        if n >= min_pred and p >= target and steady:
            return t
    return None


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--precision", type=float, default=0.8, help="target out-of-fold precision of added relations")
    ap.add_argument("--min-pred", type=int, default=8, help="predictions a threshold needs in cross-validation")
    ap.add_argument("--min-count", type=int, default=2, help="pairs a feature must occur in")
    ap.add_argument("--train-on", choices=("all", "residual"), default="all",
                    help="all candidate pairs, or only those the rules left unrelated")
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    gs = load(SET)
    records, path = gold_sentences()
    rows = examples(gs.documents, records)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"data: {path} (sha256 {digest[:16]}...), set {SET}: {len(gs.documents)} sentences, "
          f"{len(rows)} candidate pairs; split: kg.evaluate.formats.plover.half(sentence id) == 'tune'")
    print("params:", json.dumps({k: getattr(args, k) for k in ("l2", "folds", "precision", "min_pred", "min_count",
                                                                "train_on")}))
    for rel in GOLD_TYPES.values():
        mine = [r for r in rows if r[1] == rel]
        train = [r for r in mine if args.train_on == "all" or not r[4]]
        # out-of-fold (probability, label): of the pairs the rules left unrelated, of all pairs, and
        # of the rules' own predictions of this relation (could the model filter them?)
        residual, every, said = [], [], []
        for k in range(args.folds):
            w, b = fit([(r[2], r[3]) for r in train if fold_of(r[0], args.folds) != k], args.l2, args.min_count)
            for r in mine:
                if fold_of(r[0], args.folds) == k:
                    every.append((prob(w, b, r[2]), r[3]))
                    if not r[4]:
                        residual.append(every[-1])
                    if r[5]:
                        said.append(every[-1])
        curve = " ".join(f"{u}:{pr_at(residual, u)[2]}/{pr_at(residual, u)[3]}" for u in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
        print(f"{rel:10s} pairs {len(mine):5d} (gold {sum(r[3] for r in mine):4d}); rules left {len(residual):5d} "
              f"(gold {sum(s[1] for s in residual):4d}); added right/added at thresholds {curve}")
        p, r_, right, n, _ = pr_at(every, 0.5)
        print(f"{'':10s} all pairs at 0.5: P {p:.3f} R {r_:.3f} ({right}/{n})")
        low = [lab for q, lab in said if q < 0.2]
        print(f"{'':10s} the rules' own predictions: {sum(lab for _, lab in said)}/{len(said)} right; "
              f"those the model scores below 0.2: {sum(low)}/{len(low)} right")
        t = threshold(residual, args.precision, args.min_pred)
        if t is None:
            print(f"{'':10s} no threshold adds relations at precision {args.precision}")
        else:
            p, r_, right, n, pos = pr_at(residual, t)
            print(f"{'':10s} threshold {t:.2f}: added P {p:.3f} R {r_:.3f} ({right}/{n} right, {pos} to find)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
