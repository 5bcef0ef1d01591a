"""Benchmark 6: kg serve under load, with hostile clients being cut off meanwhile.

``kg serve`` runs in its own process on 127.0.0.1; this process is the load. For
``--seconds`` seconds, ``--clients`` well-behaved clients (threads split over ``--procs``
load processes, each client on one kept-alive connection) send a mix of short SPARQL
queries one after another, while

- ``--slow`` slow clients each open a connection and drip one header byte a second
  (a "slowloris"), reconnecting whenever the server cuts them off;
- a malformed client sends, in a loop, requests with a bad or negative ``Content-Length``,
  a body over the size limit, and a chunked body.

Printed: requests per second and latency percentiles of the well-behaved clients, their
errors, how long the server took to cut off slow clients, and what malformed requests got.
The target: the 99th percentile under 200 ms with 50 clients.

    python benchmarks/bench_serve.py                     # the Wikinews corpus as the store
    python benchmarks/bench_serve.py --store output/store
    python benchmarks/bench_serve.py --small             # the example article, a few seconds
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from _common import EXAMPLE, WIKINEWS, corpus_or_exit, env, kg_command, machine, ratio

HOST = "127.0.0.1"  # never any other address
QUERIES = [
    "PREFIX kg: <https://w3id.org/kg/ontology#> ASK { ?s kg:visits ?o }",
    "PREFIX kg: <https://w3id.org/kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT DISTINCT ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?label LIMIT 100",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }",
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 50",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(store: Path, port: int, client_timeout: float) -> subprocess.Popen:
    extra = ["--client-timeout", client_timeout] if client_timeout != 10 else []  # 10: kg serve's default
    proc = subprocess.Popen(kg_command("serve", "--store", store, "--bind", f"{HOST}:{port}", *extra), env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"kg serve stopped: {proc.stderr.read().decode()}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/query?" + urllib.parse.urlencode({"query": "ASK {}"}))
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("kg serve did not start within 60 s")


# ------------------------------------------------------------------ the well-behaved load

def _client(port: int, stop_at: float, out: list, errors: Counter, k: int) -> None:
    paths = ["/query?" + urllib.parse.urlencode({"query": q}) for q in QUERIES]
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    i = k
    while time.monotonic() < stop_at:
        t = time.perf_counter()
        try:
            conn.request("GET", paths[i % len(paths)], headers={"Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                errors[resp.status] += 1
        except (OSError, http.client.HTTPException) as exc:
            errors[type(exc).__name__] += 1
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
        out.append(time.perf_counter() - t)
        i += 1
    conn.close()


def load_process(port: int, clients: int, start_at: float, seconds: float, queue) -> None:
    """One load process: ``clients`` threads; sends back (latencies, errors)."""
    while time.time() < start_at:
        time.sleep(0.01)
    stop_at = time.monotonic() + seconds
    out: list[float] = []
    errors: Counter = Counter()
    threads = [threading.Thread(target=_client, args=(port, stop_at, out, errors, k)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((out, dict(errors)))


# ------------------------------------------------------------------ the hostile clients

def slow_client(port: int, stop: threading.Event, cut: list) -> None:
    """Drip a header byte a second; note how long each connection lasted before the server cut it."""
    while not stop.is_set():
        try:
            s = socket.create_connection((HOST, port), timeout=5)
            s.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: slow\r\n")
        except OSError:
            time.sleep(0.5)
            continue
        t = time.monotonic()
        s.settimeout(0.01)
        try:
            while not stop.wait(1.0):
                s.sendall(b"X")
                try:
                    if s.recv(1) == b"":  # the server closed the connection
                        raise ConnectionResetError
                except TimeoutError:
                    pass
        except OSError:
            cut.append(time.monotonic() - t)
        finally:
            s.close()


MALFORMED = {
    "Content-Length: abc": b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nASK {}",
    "Content-Length: -5": b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nASK {}",
    "2 MB body": b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                 b"Content-Length: 2000000\r\n\r\n" + b"#" * 1000,
    "chunked body": b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nASK {\r\n0\r\n\r\n",
}


def malformed_client(port: int, stop: threading.Event, seen: dict) -> None:
    while not stop.is_set():
        for name, data in MALFORMED.items():
            try:
                with socket.create_connection((HOST, port), timeout=15) as s:
                    s.sendall(data)
                    answer = s.recv(64)
                status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/") else "no answer"
            except OSError as exc:
                status = type(exc).__name__
            seen.setdefault(name, Counter())[status] += 1
            if stop.wait(0.05):
                return


# ------------------------------------------------------------------ main

def server_cpu(pid: int) -> float | None:
    """CPU seconds used so far by kg serve and its engines (None without psutil)."""
    try:
        import psutil
    except ImportError:
        return None
    try:
        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
        return sum(sum(p.cpu_times()[:2]) for p in procs)
    except psutil.Error:
        return None


def pct(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))] * 1000


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="serve this store (default: build one from --corpus)")
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--small", action="store_true", help="the example article, 10 clients, a few seconds")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--procs", type=int, default=2, help="load processes the clients are split over")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--slow", type=int, default=50, help="slow clients (slowloris) at any time")
    ap.add_argument("--client-timeout", type=float, default=10, help="kg serve's (its default: 10 s)")
    ap.add_argument("--no-malformed", action="store_true")
    args = ap.parse_args(argv)
    if args.small:
        args.clients, args.seconds, args.slow, args.client_timeout = 10, 3, 5, 1
    return args


def build_store(args, tmp: Path) -> Path:
    if args.store is not None:
        return args.store
    source = EXAMPLE if args.small else corpus_or_exit(args.corpus)
    store = tmp / "store"
    t = time.perf_counter()
    subprocess.run(kg_command("build", source, "--store", store, "--no-progress"), env=env(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"store: built from {source} in {time.perf_counter() - t:.0f} s")
    return store


def run_load(args, server: subprocess.Popen, port: int):
    """(latencies, errors, server CPU seconds or None, slow clients' lifetimes, malformed answers)."""
    stop = threading.Event()
    cut: list[float] = []
    seen: dict = {}
    hostile = [threading.Thread(target=slow_client, args=(port, stop, cut), daemon=True) for _ in range(args.slow)]
    if not args.no_malformed:
        hostile.append(threading.Thread(target=malformed_client, args=(port, stop, seen), daemon=True))
    try:
        for t in hostile:
            t.start()
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        procs = max(1, min(args.procs, args.clients))
        start_at = time.time() + 2.0
        shares = [args.clients // procs + (1 if i < args.clients % procs else 0) for i in range(procs)]
        workers = [ctx.Process(target=load_process, args=(port, n, start_at, args.seconds, queue)) for n in shares]
        for w in workers:
            w.start()
        while time.time() < start_at:
            time.sleep(0.01)
        cpu_before = server_cpu(server.pid)
        results = [queue.get(timeout=args.seconds + 120) for _ in workers]
        cpu_after = server_cpu(server.pid)
        for w in workers:
            w.join()
    finally:
        stop.set()
        for t in hostile:
            t.join(timeout=5)
    latencies = sorted(x for lat, _ in results for x in lat)
    errors: Counter = Counter()
    for _, e in results:
        errors.update(e)
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return latencies, errors, cpu, cut, seen


def main(argv=None) -> int:
    args = parse_args(argv)
    print(machine())
    tmp = tempfile.TemporaryDirectory()
    store = build_store(args, Path(tmp.name))
    port = free_port()
    server = start_server(store, port, args.client_timeout)
    print(f"kg serve on {HOST}:{port} (--client-timeout {args.client_timeout:g}; defaults: --timeout 30, "
          f"--max-request-bytes 1,000,000)")
    try:
        latencies, errors, cpu, cut, seen = run_load(args, server, port)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if not latencies:
        sys.exit("no request was answered")
    rate = len(latencies) / args.seconds
    p99 = pct(latencies, 99)
    print(f"well-behaved: {args.clients} clients over {min(args.procs, args.clients)} processes, "
          f"{len(latencies):,} requests in {args.seconds:g} s: {rate:,.0f} requests/s; latency p50 "
          f"{pct(latencies, 50):.1f} ms, p95 {pct(latencies, 95):.1f} ms, p99 {p99:.1f} ms, max "
          f"{latencies[-1] * 1000:.0f} ms; errors: {dict(errors) or 'none'}")
    if cpu is not None:
        print(f"server CPU: {cpu / len(latencies) * 1000:.2f} ms a request (kg serve and its engines, "
              f"{cpu / args.seconds:.2f} cores on average)")
    if args.slow:
        median = f"{statistics.median(cut):.1f} s" if cut else "never"
        print(f"slow clients: {args.slow} at a time, {len(cut)} cut off by the server "
              f"(median {median} after connecting)")
    for name, statuses in seen.items():
        print(f"malformed ({name}): {dict(statuses)}")
    ratio(f"p99 latency / 200 ms, {args.clients} clients with slow and malformed ones", p99 / 200, 1.0,
          higher_is_better=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
