"""Time and peak memory of `bilan extract` and `bilan ingest` on one large report.

    python benchmarks/large.py [--sizes 1 5 10 [30 50]] [--ingest-max MB] [--single-line]
                               [--html MB [MB ...]]

First, place resolution alone on a growing text (its look-backs were once quadratic).
Then each report is OrangeSum articles laid end to end, one per line (or all on one line
with --single-line, a page without line breaks), up to the size in MB (10^6 bytes of
UTF-8). Every run is a fresh `bilan` process; its wall-clock time, CPU time and peak RSS
come from `os.wait4`. A first run on a one-article report is the baseline (model loading
and start-up); the work of a size is its CPU time minus the baseline's (CPU, not wall
clock: the machine is shared), and `s/MB ratio` is that work per MB over the smallest
size's work per MB: about 1 at every size means time linear in the report. `ingest`
reads a report whole and refuses one over `--max-size` (10 MB by default): it is run up
to --ingest-max MB, with the limit raised when needed.

With `--html`, an HTML page of each size (the same articles, one `<p>` each) is given to
`bilan ingest` with its default `--max-size`: one over the limit must be refused (E151,
exit 1) at once, one under it read.

Then `bilan timeline` over the store of the largest ingested report: a one-month window
and the whole calendar (0001-01-01 to 9999-12-31), whose peak memory must follow the
claims, not the days.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "orangesum-5000.fr.jsonl.gz"
MB = 1_000_000
BILAN = [sys.executable, "-m", "bilan.cli"]


def articles(corpus: Path) -> list[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        return [" ".join(json.loads(line)["text"].split()) for line in handle]


def write_report(path: Path, texts: list[str], size: int, single_line: bool) -> None:
    """Articles in order, repeated as needed, until `size` bytes of UTF-8."""
    sep = " " if single_line else "\n"
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for text in texts:
                piece = (text + sep).encode("utf-8")
                out.write(text + sep)
                written += len(piece)
                if written >= size:
                    break


def write_page(path: Path, texts: list[str], size: int) -> None:
    """An HTML article page of `size` bytes: the articles as paragraphs, repeated."""
    with path.open("w", encoding="utf-8") as out:
        out.write("<!doctype html><html><head><title>Rapport</title></head><body><article>")
        written = 0
        while written < size:
            for text in texts:
                paragraph = f"<p>{text}</p>\n"
                out.write(paragraph)
                written += len(paragraph.encode("utf-8"))
                if written >= size:
                    break
        out.write("</article></body></html>\n")


def run(command: list[str]) -> tuple[float, float, float, int]:
    """Wall-clock seconds, CPU seconds, peak RSS in MiB and exit code of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


class Table:
    """Rows printed as each run ends; work is CPU seconds over the baseline's, as wall-clock
    time on a shared machine says more about the neighbours than about bilan."""

    def __init__(self, name: str, title: str, baseline: tuple[float, float, float, int]) -> None:
        self.name, self.title, self.baseline = name, title, baseline
        self.first: float | None = None

    def row(self, size: float, run: tuple[float, float, float, int]) -> None:
        if self.first is None:
            print(f"\n{self.title} (baseline: one article, {self.baseline[1]:.1f} CPU s with "
                  f"model loading, peak {self.baseline[2]:.0f} MiB)")
            print(f"{'':8}{'MB':>5} {'wall s':>7} {'CPU s':>7} {'work s':>7} {'s/MB':>6} "
                  f"{'s/MB ratio':>10} {'peak MiB':>9} {'exit':>4}")
        seconds, cpu, peak, code = run
        work = max(cpu - self.baseline[1], 0.0)
        per_mb = work / size
        self.first = self.first if self.first is not None else per_mb
        ratio = per_mb / self.first if self.first else float("nan")
        print(f"{self.name:8}{size:>5g} {seconds:>7.1f} {cpu:>7.1f} {work:>7.1f} {per_mb:>6.1f} "
              f"{ratio:>10.2f} {peak:>9.0f} {code:>4}", flush=True)


def places_scaling(sizes: tuple[int, ...] = (1_000, 2_000, 4_000, 8_000, 16_000)) -> None:
    """CPU time of place resolution alone on a text of n two-sentence units whose second
    claim names no place (so each looks back to an earlier sentence's): linear means the
    time doubles with n."""
    from bilan.resolve.places import resolve_places
    from bilan.sentences import split_sentences

    unit = "Les raids ont tué 12 personnes à Alep, selon l'OSDH. Trois soldats sont morts hier. "
    resolve_places(unit, split_sentences(unit), [], "fr")  # loads the lexicon and gazetteer
    print("\nresolve_places (in this process)")
    print(f"{'chars':>9} {'claims':>7} {'CPU s':>7} {'s per 1k claims':>16}")
    for n in sizes:
        text = unit * n
        sentences = split_sentences(text)
        claims = [(i, a + m.start(), a + m.end()) for i, (a, b) in enumerate(sentences)
                  if (m := re.search(r"\d+ personnes|Trois soldats", text[a:b]))]
        started = time.process_time()
        resolve_places(text, sentences, claims, "fr")
        cpu = time.process_time() - started
        print(f"{len(text):>9,} {len(claims):>7} {cpu:>7.2f} {1000 * cpu / len(claims):>16.3f}",
              flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 5, 10])
    parser.add_argument("--single-line", action="store_true")
    parser.add_argument("--ingest-max", type=float, default=10, metavar="MB",
                        help="ingest sizes up to this (default 10: the default --max-size; "
                        "larger ones with --max-size raised)")
    parser.add_argument("--html", type=float, nargs="*", default=[], metavar="MB",
                        help="also ingest an HTML page of each size (default --max-size)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    places_scaling()
    texts = articles(args.corpus)
    shape = "one line" if args.single_line else "one article per line"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        one = work / "one.txt"
        one.write_text(texts[0] + "\n", encoding="utf-8")
        extracted = Table("extract", f"bilan extract --format jsonl ({shape})",
                          run([*BILAN, "extract", str(one), "--format", "jsonl"]))
        ingested = Table("ingest", f"bilan ingest ({shape})",
                         run([*BILAN, "ingest", "--db", str(work / "base.db"), str(one)]))
        for size in args.html:
            page = work / f"page-{size:g}.html"
            write_page(page, texts, int(size * MB))
            seconds, cpu, peak, code = run([*BILAN, "ingest", "--db", str(work / "html.db"),
                                            "--published", "2019-01-15", str(page)])
            print(f"\nbilan ingest of a {size:g} MB HTML page: {seconds:.1f} s, {cpu:.1f} CPU "
                  f"s, peak {peak:.0f} MiB, exit {code}", flush=True)
            page.unlink()
        store = None
        for size in args.sizes:
            report = work / f"report-{size:g}.txt"
            write_report(report, texts, int(size * MB), args.single_line)
            extracted.row(size, run([*BILAN, "extract", str(report), "--format", "jsonl"]))
            if size <= args.ingest_max:
                store = work / f"store-{size:g}.db"
                ingested.row(size, run([*BILAN, "ingest", "--db", str(store), "--published",
                                        "2019-01-15", "--max-size", str(max(size * 1.1, 10)),
                                        str(report)]))
            report.unlink()
        if store is not None:
            print("\nbilan timeline --outcome killed over the last store")
            for first, last in (("2019-01-01", "2019-01-31"), ("0001-01-01", "9999-12-31")):
                seconds, cpu, peak, code = run([*BILAN, "timeline", "--db", str(store),
                                                "--outcome", "killed", "--from", first,
                                                "--to", last, "--format", "json"])
                print(f"  {first} to {last}: {seconds:.1f} s, {cpu:.1f} CPU s, peak "
                      f"{peak:.0f} MiB, exit {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
