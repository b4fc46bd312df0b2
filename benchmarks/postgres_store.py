"""A whole corpus ingested into a throwaway PostgreSQL server, then queried.

    python benchmarks/postgres_store.py [--corpus DOCS.jsonl.gz] [--workers 2] [--repeats 20]

Starts a server as the store tests do (`tests/postgres.py`: initdb in a temporary folder,
127.0.0.1, a free port, fsync off), runs `/usr/bin/time -v bilan ingest CORPUS --db URL
--workers N` (its summary, wall-clock time and peak RSS of the largest process; a Ctrl-C
sent to that ingest stops it and the rest runs over what it stored), prints
the database's size, then runs `benchmarks/store_queries.py` over it, and stops the
server. Run from the repository root, with its virtual environment's python.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from bilan.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.postgres import postgres_server  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-all.fr.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    with postgres_server() as url:
        started = time.perf_counter()
        ingest = subprocess.run(
            ["/usr/bin/time", "-v", sys.executable, "-m", "bilan.cli", "ingest",
             str(args.corpus), "--db", url, "--workers", str(args.workers)],
            capture_output=True, text=True, check=False)
        print(ingest.stdout.strip().splitlines()[-1])
        print(f"ingest: {time.perf_counter() - started:.0f} s")
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", ingest.stderr)
        peak_mib = int(peak.group(1)) / 1024 if peak else 0
        print(f"peak RSS of the largest process: {peak_mib:.0f} MiB")
        with Store(url) as store, store.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        print(f"database size: {size / 2**20:.0f} MiB")
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "store_queries.py"), "--db",
                        url, "--repeats", str(args.repeats)], check=False)


if __name__ == "__main__":
    main()
