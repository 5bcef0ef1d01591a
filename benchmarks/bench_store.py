"""Benchmark 4: the embedded store against rdflib, and kg's query layer against Oxigraph's own API.

A graph of at least ``--triples`` (default 1,000,000) triples is generated through kg's own
code path (``kg.model`` records → ``kg.graph`` → ``kg.distributed.extraction_nquads``, and
``kg.entities.resolve`` for the entity graph), so it has exactly the shape a build stores:
one named graph per document with its local entities (real countries with their QIDs,
made-up people, organisations, cities, popular by a Zipf law as in news), events with
PLOVER types and CAMEO codes, static relations, and statement nodes carrying evidence,
offsets, dates, confidence and provenance; and the entity graph describing each entity
once. It is written once as N-Quads, then

- loaded into kg's store (``kg.distributed.bulk_load``: Oxigraph's bulk loader, on disk),
  next to pyoxigraph's parser alone and its bulk loader called directly, in memory and on
  disk, to show where the time goes; and into rdflib's in-memory ``Dataset``
  (``default_union=True``, parsing the N-Quads, as an rdflib user would);
- queried with every named query of ``kg/queries/*.rq`` (at the entity and the country
  level) and ten typical queries, each with parameters that name things in the data: kg's
  store through ``kg.query.run_query`` against rdflib's ``Dataset.query`` (rdflib runs each
  query once, stopped after ``--timeout`` seconds, which then counts as its time). Both
  engines run the same plain SPARQL over their union default graph;
- and the same queries through ``kg.query.run_query`` against ``pyoxigraph.Store.query``
  called directly with the same text, prefixes and union default graph, rows materialised
  on both sides.

Both engines' row counts are printed; the run exits with status 1 if they differ or a query
finds nothing, since a query that returns nothing would make any ratio look good. Wall and
CPU times are printed (neighbours on a shared machine stretch the first, not the second).

    python benchmarks/bench_store.py                   # 1M triples; rdflib takes minutes
    python benchmarks/bench_store.py --small           # 20k triples
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import machine, ratio

FIRST = ["Amara", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lina",
         "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomas", "Uma", "Viktor", "Wen", "Yara"]
LAST = ["Okafor", "Petrov", "Wei", "Haddad", "Nwosu", "Rahimi", "Kovac", "Sato", "Ivanov", "Park", "Mensah",
        "Costa", "Silva", "Aziz", "Bose", "Laurent", "Ortiz", "Demir", "Novak", "Zhou", "Reyes", "Lind"]
WORDS = ["border", "trade", "sanctions", "talks", "missile", "summit", "aid", "ceasefire", "election",
         "pipeline", "visit", "treaty", "grain", "energy", "troops", "protest"]
STATIC = ["leaderOf", "worksFor", "memberOf", "locatedIn", "basedIn", "allyOf", "tradesWith"]
FIRST_YEAR, LAST_YEAR = 2019, 2024


def _zipf(items: list, rng, s: float = 1.0) -> tuple[list, list[float]]:
    """``items`` in a random order of popularity, with Zipf weights: news names a few actors often."""
    items = list(items)
    rng.shuffle(items)
    return items, [1 / (rank + 1) ** s for rank in range(len(items))]


def generate(path: Path, target: int, seed: int = 7) -> tuple[int, int, dict]:
    """Write kg-shaped N-Quads to ``path`` until ``target`` quads.

    The data goes through kg's own code path (``kg.model`` records → ``kg.graph`` →
    ``kg.distributed.extraction_nquads``), so it has exactly the shape and vocabulary a
    build stores. Entity popularity follows a Zipf law, as in news (a few countries are in
    most articles), which is what makes per-document copies of entity descriptions costly.
    Returns (quads, documents, facts) where ``facts`` names things that exist in the data,
    for the query parameters: the most-mentioned country, a busy person, a frequent fact.
    """
    from collections import Counter

    from kg import gazetteer as gaz
    from kg.distributed import extraction_nquads
    from kg.entities import ENTITY_GRAPH, _in_graph, local_entities, resolve
    from kg.graph import extractor_ntriples
    from kg.lexicon import load as lexicon
    from kg.model import Document, Entity, Extraction, Relation
    from kg.resolve import entity_iri

    rng = random.Random(seed)
    countries = [Entity(entity_iri(a.label, "Country", a.wikidata), a.label, "Country", a.aliases[:2],
                        a.wikidata, a.country) for a in sorted(gaz.default().countries.values(), key=lambda a: a.label)]
    people = []
    for i in range(3000):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        people.append(Entity(entity_iri(name, "Person", None), name, "Person", (name.split()[1],), None,
                             rng.choice(countries).country))
    orgs = [Entity(entity_iri(f"Council {i}", "Organization", None), f"Council {i}", "Organization", (), None,
                   rng.choice(countries).country) for i in range(400)]
    cities = [Entity(entity_iri(f"City {i}", "City", None), f"City {i}", "City", (), None,
                     rng.choice(countries).country) for i in range(400)]
    countries, w_countries = _zipf(countries, rng)
    people, w_people = _zipf(people, rng)
    orgs, w_orgs = _zipf(orgs, rng)
    cities, w_cities = _zipf(cities, rng)
    pools = [(countries, w_countries), (people, w_people), (orgs, w_orgs)]

    def actor(with_cities: bool = False):
        kinds = pools + [(cities, w_cities)] if with_cities else pools
        pool, weights = rng.choices(kinds, [50, 35, 15, 10][: len(kinds)])[0]
        return rng.choices(pool, weights)[0]

    events = sorted(lexicon().by_predicate.values(), key=lambda e: e.predicate)
    facts: Counter = Counter()  # (subject, predicate, object): statements, any modality
    said: list[tuple] = []  # (subject, predicate, object, plover, date) of asserted facts
    negated_about: Counter = Counter()
    months: Counter = Counter()
    mentions: Counter = Counter()
    quads = docs = 0
    records = []
    with path.open("w", encoding="utf-8") as fh:
        while quads < target:
            docs += 1
            date = f"{rng.randint(FIRST_YEAR, LAST_YEAR)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            months[date[:7]] += 1
            doc = Document(f"article-{docs:07d}", f"(synthetic article {docs})", title=f"Synthetic {docs}",
                           date=date, url=f"https://news.example.org/{docs}")
            rels = []
            offset = 0
            for k in range(rng.randint(3, 9)):
                s = actor()
                sentence = (f"Sentence {k} of article {docs} about the {rng.choice(WORDS)} and the "
                            f"{rng.choice(WORDS)}.")
                if rng.random() < 0.8:
                    ev = rng.choice(events)
                    o = actor(with_cities=True)
                    extra = {"plover": ev.plover, "mode": ev.mode, "cameo": ev.cameo, "predicate": ev.predicate}
                    if rng.random() < 0.15:  # the article dates the event itself
                        extra["date"] = f"{date[:8]}{rng.randint(1, 28):02d}"
                    else:
                        extra["date"] = date
                else:
                    o = rng.choices(countries + orgs, w_countries + w_orgs)[0]
                    extra = {"predicate": rng.choice(STATIC)}
                if o.id == s.id:
                    continue
                negated = rng.random() < 0.05
                modality = rng.choices(["asserted", "reported", "intended", "hypothetical"], [80, 12, 5, 3])[0]
                rels.append(Relation(doc.id, sentence, offset, offset + len(sentence), s, object=o,
                                     negated=negated, modality=modality, confidence=round(rng.uniform(0.5, 0.95), 2),
                                     **extra))
                offset += len(sentence) + 1
                facts[s.id, extra["predicate"], o.id] += 1
                if negated:
                    negated_about.update((s.id, o.id))
                elif modality in ("asserted", "reported"):
                    said.append((s.id, extra["predicate"], o.id, extra.get("plover"), extra.get("date")))
            ents = {r.subject.id: r.subject for r in rels} | {r.object.id: r.object for r in rels}
            mentions.update(ents.keys())
            ex = Extraction(doc, tuple(rels), tuple(ents.values()))
            records += local_entities(ex)
            text = extraction_nquads(ex)
            quads += text.count("\n")
            fh.write(text)
        # The entity graph: one description per entity, as kg.entities.update writes it. The
        # generated names are all distinct, so every local entity denotes itself.
        denotes, described = resolve(records)
        moved = [r for r in records if denotes[r.node] != r.local]
        if moved:
            raise SystemExit(f"the generator made entities that resolution merges ({moved[0].label}); "
                             "their documents would need rewriting")
        lines = [line for iri in sorted(described) for line in described[iri].ntriples()]
        lines += extractor_ntriples("rules")
        shared = "".join(_in_graph(lines, ENTITY_GRAPH))
        quads += shared.count("\n")
        fh.write(shared)
    # Parameters chosen from what was generated, so that every query finds rows at any size
    # and whatever the lexicon holds.
    country_ids = {c.id for c in countries}
    person_ids = {p.id for p in people}
    code = {c.id: c.country for c in countries}
    label = {c.id: c.label for c in countries}
    ranked = [e for e, _ in mentions.most_common()]
    saying = {x for f in said for x in (f[0], f[2])}
    country = next(e for e in ranked if e in country_ids and e in saying)
    person = next(e for e in ranked if e in person_ids and e in saying)
    fact = next(f for f, _ in facts.most_common() if f[0] == person)
    pair = Counter(tuple(sorted((f[0], f[2]))) for f in said).most_common(1)[0][0]
    plover = Counter(f[3] for f in said if f[3]).most_common(1)[0][0]
    # the half-year with most asserted events of that type
    half = Counter((f[4][:4], f[4][5:7] <= "06") for f in said if f[3] == plover and f[4]).most_common(1)[0][0]
    year, first_half = half
    codes = Counter((code[f[0]], code[f[2]]) for f in said
                    if f[3] and f[0] in country_ids and f[2] in country_ids).most_common(1)[0][0]
    edge = Counter(f[1] for f in said if f[3]).most_common(1)[0][0]
    out_edges: dict[str, set] = {}
    for f in said:  # asserted facts are direct edges
        out_edges.setdefault(f[0], set()).add(f[2])
    hop = next(e for e in ranked if any(y in out_edges for y in out_edges.get(e, ())))
    return quads, docs, {
        "country": country, "person": person, "fact": fact, "pair": pair, "plover": plover,
        "from": f"{year}-01-01" if first_half else f"{year}-07-01",
        "to": f"{year}-06-30" if first_half else f"{year}-12-31",
        "codes": codes, "edge": edge, "hop": hop, "label": label[country], "month": months.most_common(1)[0][0],
        "negated": next(e for e in ranked if negated_about[e]), "mentions": mentions[country]}


def queries(facts: dict) -> list[tuple[str, str, dict | None]]:
    """(name, SPARQL, bindings) for every named query (at each level it has) and ten typical
    ones, with parameters that name things in the data (``facts`` from :func:`generate`),
    so that no query can look fast by finding nothing. All are plain SPARQL over the union
    default graph, which describes each entity once (kg.entities)."""
    import pyoxigraph as ox

    from kg.namespaces import KG
    from kg.query import named_queries

    xsd_date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    country, person = ox.NamedNode(facts["country"]), ox.NamedNode(facts["person"])
    subject, predicate, obj = facts["fact"]
    plover = ox.Literal(facts["plover"])
    params = {
        "actors": {"plover": plover},
        "between": {"a": ox.NamedNode(facts["pair"][0]), "b": ox.NamedNode(facts["pair"][1])},
        "events": {"plover": plover, "from": ox.Literal(facts["from"], datatype=xsd_date),
                   "to": ox.Literal(facts["to"], datatype=xsd_date)},
        "provenance": {"subject": ox.NamedNode(subject), "predicate": ox.NamedNode(str(KG[predicate])),
                       "object": ox.NamedNode(obj)},
        "relations": {"entity": person},
        "timeline": {"entity": country},
    }
    out = []
    for name, nq in named_queries().items():
        if name not in params:
            raise SystemExit(f"bench_store.py has no parameters for the named query {name!r}; add them to queries()")
        out.append((f"named:{name}", nq.text, params[name]))
    country_params = {"between": params["between"], "events": params["events"], "actors": params["actors"]}
    for name, nq in named_queries("country").items():
        if nq.level == "country":
            out.append((f"named:{name} (country)", nq.text, country_params[name]))
    cc1, cc2 = facts["codes"]
    edge, month = facts["edge"], facts["month"]
    out += [
        ("events by PLOVER type", ("SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e a kg:Event ; kg:ploverType ?t } "
                                   "GROUP BY ?t ORDER BY DESC(?n)"), None),
        (f"{cc1}→{cc2} events by type", f"""SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            ?e kg:actor ?a ; kg:recipient ?b ; kg:ploverType ?t .
            ?a kg:countryCode "{cc1}" . ?b kg:countryCode "{cc2}" }} GROUP BY ?t""", None),
        (f"{edge} with labels", f"""SELECT DISTINCT ?who ?whom WHERE {{ ?s kg:{edge} ?o .
            ?s rdfs:label ?who . ?o rdfs:label ?whom }} ORDER BY ?who ?whom LIMIT 500""", None),
        ("documents in a month", f"""SELECT ?doc ?date WHERE {{ ?d a kg:Document ; dcterms:date ?date ;
            dcterms:identifier ?doc FILTER(STR(?date) >= "{month}-01" && STR(?date) <= "{month}-31") }}
            ORDER BY ?date ?doc""", None),
        ("label lookup", """SELECT DISTINCT ?e WHERE { ?e skos:prefLabel|skos:altLabel ?l
            FILTER(LCASE(STR(?l)) = ?name) }""", {"name": ox.Literal(facts["label"].lower())}),
        ("two hops from an entity", f"""SELECT DISTINCT ?x WHERE {{ ?entity ?p ?y . ?y ?q ?x
            FILTER(isIRI(?y) && isIRI(?x) && STRSTARTS(STR(?p), "{KG}") && STRSTARTS(STR(?q), "{KG}")) }}""",
         {"entity": ox.NamedNode(facts["hop"])}),
        ("evidence text search", """SELECT (COUNT(?st) AS ?n) WHERE { ?st kg:evidence ?ev
            FILTER(CONTAINS(?ev, "ceasefire and the missile")) }""", None),
        ("largest document graphs", """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }
            GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 10""", None),
        ("most connected entities", """SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE {
            ?st kg:actor|kg:recipient|kg:subject|kg:object ?e } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 20""", None),
        ("negated facts? (ASK)", ("ASK WHERE { ?st kg:actor|kg:recipient|kg:subject|kg:object ?entity ; "
                                  "kg:negated true }"), {"entity": ox.NamedNode(facts["negated"])}),
    ]
    return out


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def time_rdflib(ds, text: str, timeout: float) -> tuple[float, float, int | None]:
    """Wall seconds (or ``timeout`` if stopped), CPU seconds and the number of rows (None if
    stopped), for one rdflib query."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t, c = time.perf_counter(), time.process_time()
    try:
        res = ds.query(text)
        n = int(res.askAnswer) if res.type == "ASK" else len(list(res))
        return time.perf_counter() - t, time.process_time() - c, n
    except Timeout:
        return timeout, time.process_time() - c, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _probe_child(path: str, text: str, out) -> None:
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    store = ox.Store.read_only(path)
    t = time.perf_counter()
    res = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    if not isinstance(res, ox.QueryBoolean):
        for _ in res:
            pass
    out.put(time.perf_counter() - t)


def probe(path: Path, text: str, timeout: float) -> float | None:
    """Run a query once in a child process on a read-only view of the store; None if it takes
    longer than ``timeout`` (Oxigraph cannot be interrupted from Python, a process can)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=_probe_child, args=(str(path), text, out), daemon=True)
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return out.get() if proc.exitcode == 0 else None


def paired_times(a, b, budget: float = 0.6, rounds: int = 15) -> tuple[float, float, float]:
    """Wall seconds for one call of ``a`` and of ``b``, measured in alternation (so that both see
    the same neighbours) over ``rounds`` rounds of enough calls to fill ``budget``; the best round
    of each counts. Also the CPU seconds of ``a``'s best round, which a busy machine disturbs less."""
    t = time.perf_counter()
    a()
    b()
    once = max(time.perf_counter() - t, 1e-6) / 2
    if once > 0.3:  # a slow query: a few rounds say enough
        rounds = 3
    reps = max(1, min(1000, int(budget / rounds / 2 / once)))
    best = {"a": float("inf"), "b": float("inf"), "cpu": float("inf")}
    for _ in range(rounds):
        for fn, which in ((a, "a"), (b, "b")):
            t, c = time.perf_counter(), time.process_time()
            for _ in range(reps):
                fn()
            best[which] = min(best[which], (time.perf_counter() - t) / reps)
            if which == "a":
                best["cpu"] = min(best["cpu"], (time.process_time() - c) / reps)
    return best["a"], best["b"], best["cpu"]


def _rows(res) -> int:
    """Rows of a kg result (an ASK counts as one row when true, none when false)."""
    return int(res.boolean) if res.boolean is not None else len(res.rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--small", action="store_true", help="20,000 triples")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before an rdflib query is stopped")
    ap.add_argument("--kg-timeout", type=float, default=60.0, help="seconds before a kg store query is stopped")
    ap.add_argument("--no-rdflib", action="store_true",
                    help="time kg and pyoxigraph only (no rdflib load or queries, no rdflib ratios)")
    args = ap.parse_args(argv)
    if args.small:
        args.triples, args.timeout, args.kg_timeout = 20_000, 30.0, 30.0

    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.distributed import bulk_load
    from kg.namespaces import PREFIXES
    from kg.query import run_query
    from kg.store import bind_values, open_store

    print(machine())
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    problems = []
    try:
        data = tmp / "graph.nq"
        t = time.perf_counter()
        n_quads, n_docs, facts = generate(data, args.triples)
        print(f"generated {n_quads:,} quads in {n_docs:,} document graphs and the entity graph "
              f"({data.stat().st_size / 2**20:.0f} MiB N-Quads) in {time.perf_counter() - t:.0f} s through kg.graph "
              f"and kg.entities; the most-mentioned entity ({facts['country']}) is named in {facts['mentions']:,} "
              "documents and described once")

        # Load. Where the time goes: parsing alone, Oxigraph's bulk loader in memory, the same
        # loader writing RocksDB files on disk (called directly), and kg's path to it. CPU
        # seconds count every thread of this process; wall minus CPU is waiting (disk, neighbours).
        def timed(what, fn):
            c0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            fn()
            wall, c1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF)
            cpu = c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime
            print(f"load: {what:58} {wall:6.2f} s wall, {cpu:6.2f} s CPU", flush=True)
            return wall, cpu

        def parse_only():
            for _ in ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS):
                pass

        def in_memory():
            ox.Store().bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)

        def direct_on_disk():
            direct = ox.Store(str(tmp / "direct"))
            direct.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
            direct.flush()
            del direct

        store = open_store(tmp / "store")

        def through_kg():
            bulk_load(store, str(data))
            store.flush()

        timed("pyoxigraph.parse alone (no store)", parse_only)
        timed("pyoxigraph Store().bulk_load(path=...), in memory", in_memory)
        timed("pyoxigraph Store(dir).bulk_load(path=...), on disk", direct_on_disk)
        load_kg, load_kg_cpu = timed("kg store: kg.distributed.bulk_load, on disk", through_kg)
        n_stored = len(store)
        if n_stored != n_quads:
            problems.append(f"the kg store holds {n_stored:,} quads, the N-Quads file {n_quads:,}")
        ds = None
        if not args.no_rdflib:
            ds = Dataset(default_union=True)
            load_rdflib, load_rdflib_cpu = timed("rdflib Dataset(default_union=True).parse(format='nquads')",
                                lambda: ds.parse(str(data), format="nquads"))
            print(f"the kg store holds {n_stored:,} quads; rdflib's union {len(ds):,} distinct triples", flush=True)

        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
        rows = []
        for name, text, bindings in queries(facts):
            bound = bind_values(text, bindings) if bindings else text
            rdflib_text = bound

            def through_kg(text=text, bindings=bindings):
                return run_query(store, text, bindings)

            def direct_query(bound=bound):
                res = store.ox.query(bound, prefixes=PREFIXES, use_default_graph_as_union=True)
                return bool(res) if isinstance(res, ox.QueryBoolean) else [tuple(s) for s in res]

            if probe(tmp / "store", bound, args.kg_timeout) is None:
                t_kg = t_direct = n_kg = c_kg = None
            else:
                n_kg = _rows(through_kg())
                t_kg, t_direct, c_kg = paired_times(through_kg, direct_query)
            t_rdflib = n_rdflib = c_rdflib = None
            if ds is not None:
                t_rdflib, c_rdflib, n_rdflib = time_rdflib(ds, prologue + rdflib_text, args.timeout)
            rows.append((name, t_kg, t_direct, t_rdflib, ds is not None and n_rdflib is None, c_kg, c_rdflib))
            if n_kg == 0:
                problems.append(f"{name}: kg found no rows; its parameters name nothing in the data")
            if n_kg is not None and n_rdflib is not None and n_kg != n_rdflib:
                problems.append(f"{name}: kg gives {n_kg} rows, rdflib {n_rdflib}")
            kg_txt = f">{args.kg_timeout * 1000:9.0f}" if t_kg is None else f"{t_kg * 1000:10.2f}"
            direct_txt = "         -" if t_direct is None else f"{t_direct * 1000:10.2f}"
            line = (f"  {name:28} kg {'?' if n_kg is None else n_kg:>6} rows {kg_txt} ms  "
                    f"pyoxigraph {direct_txt} ms")
            if ds is not None:
                rdf_txt = f"{'>' if n_rdflib is None else ' '}{t_rdflib * 1000:10.1f}"
                speed = "        ?" if t_kg is None else f"{t_rdflib / t_kg:8.1f}x"
                cpu = "      ?" if t_kg is None else f"{c_rdflib / max(c_kg, 1e-6):6.1f}x"
                line += (f"  rdflib {'?' if n_rdflib is None else n_rdflib:>6} rows {rdf_txt} ms  "
                         f"rdflib/kg {speed} (CPU {cpu})")
            over = "    -" if t_kg is None else f"{t_kg / t_direct:5.2f}x"
            print(line + f"  kg/pyoxigraph {over}", flush=True)
        store.close()

        def speedup(r):
            _, t_kg, _, t_rdflib, rdflib_stopped, _, _ = r
            if t_kg is None:  # kg stopped: rdflib's time over kg's limit bounds it from above
                return 1.0 if rdflib_stopped else t_rdflib / args.kg_timeout
            return t_rdflib / t_kg

        overheads = [r[1] / r[2] for r in rows if r[1] is not None]
        print(f"{len(rows)} queries; the kg store stopped after {args.kg_timeout:g} s on "
              f"{sum(r[1] is None for r in rows)} (counted as rdflib's time over that limit, or 1x if rdflib "
              f"stopped too). kg/pyoxigraph: median {statistics.median(overheads):.2f}x, max "
              f"{max(overheads):.2f}x, total time "
              f"{sum(r[1] for r in rows if r[1]) / sum(r[2] for r in rows if r[1]):.2f}x")
        if ds is not None:
            speedups = [speedup(r) for r in rows]
            print(f"rdflib stopped after {args.timeout:g} s on {sum(r[4] for r in rows)} queries (their speed-ups "
                  "are lower bounds)")
            cpu_speedups = [r[6] / max(r[5], 1e-6) for r in rows if r[1] is not None]
            print(f"CPU time, which a busy machine disturbs less (rdflib's CPU until stopped for stopped "
                  f"queries): rdflib / kg store load {load_rdflib_cpu / load_kg_cpu:.1f}x, "
                  f"median query {statistics.median(cpu_speedups):.1f}x")
            ratio("rdflib / kg store load time", load_rdflib / load_kg, 10)
            ratio("rdflib / kg store median query time", statistics.median(speedups), 10)
            ratio("rdflib / kg store median over load and queries",
                  statistics.median(speedups + [load_rdflib / load_kg]), 10)
        ratio("kg run_query / pyoxigraph direct, median query time", statistics.median(overheads), 1.3,
              higher_is_better=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if problems:
        print("FAILED: the engines disagree or a query found nothing, so the ratios above mean nothing:",
              *problems, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
