"""Wall time, rate, peak memory per process and store size of `bilan ingest` runs.

    python benchmarks/ingest.py CORPUS [--workers 1 2] [--db sqlite|postgresql://...] [--limit N]

Each run ingests CORPUS (JSON Lines, gzipped or not; decompressed first, untimed) into a new, empty store with
`bilan ingest --workers N`, started as a child process; the resident memory of the
writer and of every extraction worker is sampled every half second from /proc. With
several `--workers` values the runs follow each other, so that their rates are measured
in the same period of a shared machine, and the last line gives each rate against the
first. `--db postgresql://...` names an empty database that each run empties first.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

SAMPLE_EVERY = 0.5


def _children(pid: int) -> list[int]:
    """pid and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, stack = [], [pid]
    while stack:
        current = stack.pop()
        tree.append(current)
        stack.extend(parents.get(current, []))
    return tree


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _reports(corpus: Path) -> int:
    with corpus.open() as lines:
        return sum(1 for line in lines if line.strip())


def _store_mib(db: str) -> float:
    if not db.startswith("postgresql://"):
        return Path(db).stat().st_size / 2**20
    with create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1)).connect() as c:
        return c.execute(text("select pg_database_size(current_database())")).scalar() / 2**20


def _empty(db: str) -> None:
    if db.startswith("postgresql://"):
        with create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1)).begin() as c:
            c.execute(text("drop schema public cascade; create schema public"))
    else:
        Path(db).unlink(missing_ok=True)


def run(corpus: Path, workers: int, db: str) -> tuple[float, dict[int, float]]:
    """Seconds of one ingest and the peak RSS (MiB) of each of its processes."""
    _empty(db)
    command = [str(Path(sys.executable).with_name("bilan")), "ingest", str(corpus), "--db", db,
               "--workers", str(workers)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peaks: dict[int, float] = {}
    while child.poll() is None:
        for pid in _children(child.pid):
            peaks[pid] = max(peaks.get(pid, 0.0), _rss_mib(pid))
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - start
    summary = child.stdout.read().decode() if child.stdout else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"bilan ingest failed ({child.returncode}): {summary}")
    print(f"  {summary.strip()}", flush=True)
    return seconds, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", default="sqlite",
                        help="sqlite (a temporary file, removed), a SQLite path or a URL (kept)")
    parser.add_argument("--limit", type=int, help="only the first N reports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # bilan ingest reads plain JSON Lines: the corpus is decompressed first (untimed).
        corpus = Path(folder, "corpus.jsonl")
        opened = gzip.open(args.corpus, "rt") if args.corpus.suffix == ".gz" else args.corpus.open()
        with opened as lines, corpus.open("w") as out:
            for number, line in enumerate(lines):
                if args.limit is not None and number >= args.limit:
                    break
                out.write(line)
        db = str(Path(folder, "bilan.db")) if args.db == "sqlite" else args.db
        reports = _reports(corpus)
        rates = []
        for workers in args.workers:
            seconds, peaks = run(corpus, workers, db)
            rates.append(reports / seconds)
            # The writer is the first process; the extraction workers are the others
            # (the pool's resource tracker is a small process too).
            writer, *others = peaks.values()
            worker_peaks = sorted((peak for peak in others if peak > 100), reverse=True)
            print(f"--workers {workers}: {reports} reports in {seconds:.1f} s, "
                  f"{rates[-1]:.1f} reports/s; peak RSS writer {writer:.0f} MiB, workers "
                  f"{', '.join(f'{peak:.0f}' for peak in worker_peaks) or '-'} MiB; "
                  f"store {_store_mib(db):.0f} MiB", flush=True)
        if len(rates) > 1:
            print("rate against --workers {}: {}".format(args.workers[0], ", ".join(
                f"x{rate / rates[0]:.2f} (--workers {w})"
                for w, rate in zip(args.workers[1:], rates[1:], strict=True))))


if __name__ == "__main__":
    main()
