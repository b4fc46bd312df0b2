"""Load on loopback: `bilan serve` over a store, N requests at concurrency C, per endpoint.

    python benchmarks/load.py --db /tmp/web-5000.db [--requests 2000] [--concurrency 16]
                              [--workers 1]

Starts `bilan serve` in a subprocess, waits for /api/health, then sends the requests from
C threads: claims pages (filters and offsets varied), a town's tally over a few windows
("tally": the views a dashboard asks again, answered from the server's memory once
computed), the same town over a window never asked before ("fresh tally": the solver runs
each time), plus /api/health as the baseline (the server's own floor, measured in the same
run). Prints the p50 and p99 latency of each kind, its ratio to the baseline's p50, and
the errors (any status but 200, or no answer), with the machine's load average before
and after (other jobs share the cores).
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

CLAIMS = [
    {"limit": 50, "offset": 0},
    {"limit": 50, "offset": 500},
    {"outcome": "killed", "limit": 50},
    {"outcome": "killed", "place": "France", "limit": 50},
    {"outcome": "injured", "from": "2019-01-01", "to": "2019-12-31", "limit": 50},
    {"place": "Paris", "limit": 100, "offset": 20},
]
TALLY = [
    {"outcome": "killed", "place": "Paris", "from": "2015-11-13", "to": "2015-11-14"},
    {"outcome": "killed", "place": "Paris", "from": "2015-01-01", "to": "2015-12-31"},
    {"outcome": "injured", "place": "Paris", "from": "2018-01-01", "to": "2019-12-31"},
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="`bilan serve --workers`")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    port = _free_port()
    bilan = Path(sys.executable).with_name("bilan")
    server = subprocess.Popen([str(bilan), "serve", "--db", args.db, "--port", str(port),
                               "--workers", str(args.workers)],
                              env={**os.environ, "BILAN_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{base}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not answer /api/health within 180 s")
            time.sleep(0.2)
        kinds = itertools.cycle(
            [("claims", p) for p in CLAIMS] + [("tally", p) for p in TALLY]
            + [("health", {}), ("fresh tally", {})] + [("claims", p) for p in CLAIMS]
            + [("tally", p) for p in TALLY] + [("health", {})])
        fresh = (
            {"outcome": "killed", "place": "Paris", "from": str(date(2010, 1, 1) + timedelta(n)),
             "to": str(date(2010, 1, 1) + timedelta(n + 30))} for n in itertools.count())
        plan = [(k, next(fresh) if k == "fresh tally" else p) for k, p in
                itertools.islice(kinds, args.requests)]
        with httpx.Client(base_url=base, timeout=30,
                          limits=httpx.Limits(max_connections=args.concurrency)) as client:
            for params in CLAIMS:  # warm-up: the gazetteer and the store's pages
                client.get("/api/claims", params=params)

            def send(item: tuple[str, dict]) -> tuple[str, float, bool]:
                kind, params = item
                started = time.perf_counter()
                try:
                    path = "/api/" + kind.split()[-1]
                    ok = client.get(path, params=params).status_code == 200
                except httpx.HTTPError:
                    ok = False
                return kind, time.perf_counter() - started, ok

            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                results = list(pool.map(send, plan))
            elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = statistics.median(t for k, t, _ in results if k == "health")
    print(f"{args.requests} requests at concurrency {args.concurrency}, {args.workers} "
          f"workers, in {elapsed:.1f} s ({args.requests / elapsed:.0f} requests/s), store "
          f"{args.db}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'endpoint':<12}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}{'p50/health':>12}"
          f"{'errors':>8}")
    for kind in ("claims", "tally", "fresh tally", "health"):
        times = [t for k, t, _ in results if k == kind]
        errors = sum(1 for k, _, ok in results if k == kind and not ok)
        p50 = statistics.median(times)
        print(f"{kind:<12}{len(times):>9}{p50 * 1000:>9.1f}{_percentile(times, 0.99) * 1000:>9.1f}"
              f"{p50 / floor:>12.1f}{errors:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
