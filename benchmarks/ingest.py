"""Ingest rate in one process against N worker processes, on the same reports.

    python benchmarks/ingest.py [--corpus DOCS.jsonl.gz] [--reports N] [--workers 2]

Each run ingests the first N reports of the corpus (default: the 4,996-report OrangeSum
sample) into a fresh SQLite file, in a fresh child process (this script with `--run`),
so no run inherits another's loaded models: first in that process alone, then with
`--workers` extraction processes. The wall-clock time covers everything an ingest does,
model loading included; the rate is reports per second of it, and the ratio is the
workers' rate over the one-process rate, both measured by this script one after the
other. Both stores must hold the same claims: the script checks it.

CPU: seconds of user and system time of the ingesting process and of its workers; on a
machine shared with other work, the wall-clock ratio moves with the load, the CPU
seconds much less. Memory (MiB): the peak RSS of the ingesting process and, for the
worker run, of the largest worker (`RUSAGE_CHILDREN` once the pool is shut down: its
children are the workers only). RSS counts shared pages, so a sum overstates the total.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "orangesum-5000.fr.jsonl.gz"


def mib(kilobytes: int) -> float:
    return kilobytes / 1024


def run(corpus: Path, limit: int, workers: int | None, db: Path) -> dict[str, float]:
    """Ingest the first `limit` reports here; what it took."""
    from itertools import islice

    from bilan.ingest import Ingester, read_reports
    from bilan.ingest.workers import extraction
    from bilan.store import Store

    started = time.perf_counter()
    with Store(str(db)) as store:
        workers = extraction(workers, None, ["fr"])
        try:
            summary = Ingester(store, "auto", extraction=workers).run(
                islice(read_reports([str(corpus)]), limit))
        finally:
            workers.close()
    seconds = time.perf_counter() - started
    me, workers_use = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                              resource.RUSAGE_CHILDREN))
    return {"seconds": seconds, "reports": summary.done, "claims": summary.claims,
            "cpu": me.ru_utime + me.ru_stime,
            "worker_cpu": workers_use.ru_utime + workers_use.ru_stime,
            "peak_mib": mib(me.ru_maxrss), "worker_peak_mib": mib(workers_use.ru_maxrss)}


def claims_of(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM claims ORDER BY document_id, claim_id").fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--reports", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--run", type=Path, metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        workers = None if args.in_process else args.workers
        print(json.dumps(run(args.corpus, args.reports, workers, args.run)))
        return
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, extra in (("1 process", ["--in-process"]),
                            (f"{args.workers} workers", [])):
            db = Path(folder) / f"{len(figures)}.db"
            child = subprocess.run(
                [sys.executable, __file__, "--corpus", str(args.corpus), "--reports",
                 str(args.reports), "--workers", str(args.workers), "--run", str(db), *extra],
                capture_output=True, text=True, check=True)
            figures[name] = json.loads(child.stdout.splitlines()[-1])
            figures[name]["db"] = db
            f = figures[name]
            print(f"{name}: {f['reports']:.0f} reports in {f['seconds']:.1f} s, "
                  f"{f['reports'] / f['seconds']:.1f} reports/s, {f['claims']:.0f} claims; "
                  f"CPU {f['cpu']:.0f} s" + (f" + workers {f['worker_cpu']:.0f} s" if not extra
                                             else "") +
                  f"; peak RSS {f['peak_mib']:.0f} MiB"
                  + (f", largest worker {f['worker_peak_mib']:.0f} MiB" if not extra else ""),
                  flush=True)
        serial, parallel = figures.values()
        same = claims_of(serial["db"]) == claims_of(parallel["db"])
    print(f"ratio: {serial['seconds'] / parallel['seconds']:.2f}x the one-process rate; "
          f"same claims stored: {same}")


if __name__ == "__main__":
    main()
