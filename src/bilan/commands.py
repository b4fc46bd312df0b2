"""What the `ingest`, `tally`, `timeline` and `claims` commands do; `cli.py` parses and calls.

Only this module and `cli.py` write to the terminal.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from bilan import query
from bilan.documents import parse_date
from bilan.errors import UsageError
from bilan.extract import MODELS
from bilan.ingest import Ingester, Summary, parse_csv_columns, read_reports
from bilan.ingest.workers import extraction
from bilan.query import ESTIMATE_METHOD, Answer
from bilan.reconcile import Constraint, Tally
from bilan.records import StoredClaim
from bilan.store import Store
from bilan.terminal import TABLE_WIDTH, add_row, json_text, plain, print_table, safe, styled

# The progress bar appears only once an ingest has run this long, in seconds.
PROGRESS_AFTER = 2.0
def _print_json(out: Console, value: Any) -> None:
    out.print(json_text(value, 2), markup=False, highlight=False)


class _LazyProgress:
    """A rich progress display that starts only when the work outlasts PROGRESS_AFTER:
    reports done, their rate since the start, and, when `total` is known, the time left."""

    def __init__(self, err: Console, total: int | None) -> None:
        self.err = err
        self.total = total
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: Any = None

    def __call__(self, summary: Summary, origin: str) -> None:
        elapsed = time.monotonic() - self.started
        if self.progress is None:
            if elapsed < PROGRESS_AFTER:
                return
            counted = (f"/{self.total}" if self.total is not None else "")
            columns = [SpinnerColumn(), TextColumn(f"{{task.completed}}{counted} reports"),
                       TextColumn("{task.fields[rate]:.1f} reports/s")]
            if self.total is not None:
                columns += [BarColumn(), TextColumn("ETA"), TimeRemainingColumn()]
            self.progress = Progress(
                *columns, TextColumn("{task.description}", markup=False), TimeElapsedColumn(),
                console=self.err, transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("", total=self.total, rate=0.0)
        self.progress.update(self.task, completed=summary.done, rate=summary.done / elapsed,
                             description=plain(origin)[-60:])

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _count_reports(paths: Sequence[str], columns: dict[str, str], max_chars: int) -> int | None:
    """How many reports the inputs hold, for the ETA; None when one of them can be read
    only once (a URL would be fetched twice; a pipe such as `<(...)` would then be empty)."""
    if any(_read_once(path) for path in paths):
        return None
    return sum(1 for _ in read_reports(paths, columns, max_bytes=max_chars))


def _read_once(name: str) -> bool:
    """Whether an input is a URL, or exists and is neither a file nor a folder (a pipe or
    a device)."""
    if name.startswith(("http://", "https://")):
        return True
    path = Path(name)
    return path.exists() and not (path.is_file() or path.is_dir())


def run_ingest(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Ingest the inputs; exit code 1 when any input or document failed."""
    columns = parse_csv_columns(args.csv_columns)
    published = parse_date(args.published, "--published") if args.published else None
    if not (math.isfinite(args.max_size) and args.max_size > 0):
        raise UsageError.of("E115", value=args.max_size)
    max_chars = int(args.max_size * 1_000_000)
    with Store(args.db) as store:
        progress = _LazyProgress(err, _count_reports(args.paths, columns, max_chars))
        workers = extraction(args.workers, args.dask,
                             [args.lang] if args.lang in MODELS else ["fr"])
        ingester = Ingester(store, args.lang, published, max_chars, workers)
        before = store.counts()
        try:
            ingester.run(read_reports(args.paths, columns, max_bytes=max_chars), progress)
        except KeyboardInterrupt:
            progress.stop()
            # Ctrl-C may land between a document's commit and its count: the store says.
            after = store.counts()
            summary = replace(ingester.summary, new=after["documents"] - before["documents"],
                              claims=after["claims"] - before["claims"])
            _print_summary(summary, store.name, out, err, "interrupted; stored so far: ")
            raise
        finally:
            progress.stop()
            workers.close()
        _print_summary(ingester.summary, store.name, out, err)
    return 1 if ingester.summary.failed else 0


def _print_summary(summary: Summary, store: str, out: Console, err: Console,
                   prefix: str = "") -> None:
    for failure in summary.failed:
        err.print(styled("red", "failed: ", failure), highlight=False)
    for warning in summary.warnings:
        err.print(styled("yellow", "warning: ", warning), highlight=False)
    if summary.undated:
        claims = "1 claim" if summary.undated == 1 else f"{summary.undated} claims"
        err.print(styled("yellow", "warning: ", f"{claims} stored without a whole period: no "
                         "tally can use them (give --published for reports without a date)"),
                  highlight=False)
    if summary.new == 0 and summary.known and not summary.failed and not summary.enriched:
        out.print("nothing new: every document was already stored", highlight=False)
    out.print(safe(
        f"{prefix}documents: {summary.new} new, {summary.known} already known, "
        f"{summary.enriched} known and enriched with new metadata, "
        f"{len(summary.failed)} failed; claims stored: {summary.claims}; "
        f"{summary.skipped_language} of the new stored without extraction (no model for "
        f"their language); store: {store}"), highlight=False,
    )


def _answered(args: argparse.Namespace, out: Console, split: bool) -> Answer | None:
    """The reconciled answer for a table, or None once it is printed as JSON."""
    ask = query.timeline if split else query.tally
    with Store(args.db, create=False) as store:
        answer = ask(store, outcome=args.outcome, first=parse_date(args.first, "--from"),
                     last=parse_date(args.last, "--to"), victims=args.victims,
                     place=args.place, cause=args.cause, all_evidence=args.all_evidence)
    if args.format != "json":
        return answer
    _print_json(out, answer.to_dict())
    return None


def _heading(result: Tally, place: str | None) -> str:
    where = f" in {place} ({'/'.join(result.region)})" if place else " everywhere"
    return (f"{result.outcome} {result.victims}{where}, "
            f"{result.first.isoformat()} to {result.last.isoformat()}")


def _interval(low: int, high: int | None) -> str:
    return f"[{low}, {high}]" if high is not None else f"[{low}, ∞)"


def run_tally(args: argparse.Namespace, out: Console) -> int:
    answer = _answered(args, out, split=False)
    if answer is None:
        return 0
    bounds = answer.result.series[0]
    out.print(safe(_heading(answer.result, args.place)), highlight=False)
    out.print(f"bounds: {_interval(bounds.low, bounds.high)}   best estimate: "
              f"{bounds.best:g} ({ESTIMATE_METHOD})", markup=False, highlight=False,
              soft_wrap=False, width=min(out.width, TABLE_WIDTH))
    _print_evidence(answer, out)
    return 0


def run_timeline(args: argparse.Namespace, out: Console) -> int:
    answer = _answered(args, out, split=True)
    if answer is None:
        return 0
    result = answer.result
    table = Table(title=safe(_heading(result, args.place)))
    for column in ("days", "low", "high", "best"):
        table.add_column(column, justify="right")
    # One row per elementary interval, each day's bounds: rows follow the claims, not days.
    for day in getattr(result.series, "runs", result.series):
        add_row(table, _days(day.first, day.last), str(day.low),
                "∞" if day.high is None else str(day.high), f"{day.best:.1f}")
    print_table(out, table)
    _print_evidence(answer, out)
    return 0


def _constraint_rows(table: Table, constraint: Constraint, extra: str = "") -> None:
    bound = _interval(constraint.low, constraint.high) + extra
    days = _days(date.fromordinal(constraint.first), date.fromordinal(constraint.last))
    for stored in constraint.claims:
        claim = stored.claim
        add_row(table, f"{bound}\n{days}", _joined(constraint.victims, _place(claim)),
                claim.quote, _joined(claim.source.name if claim.source else "",
                                     stored.origin or stored.document[:12]))


def _days(first: date | None, last: date | None) -> str:
    if first == last:
        return str(first)
    return f"{first or '?'} → {last or '?'}"


def _place(claim: Any) -> str:
    return claim.place.name if claim.place else ""


def _joined(*lines: str) -> str:
    """Cells that share a column, one per line, so that tables fit TABLE_WIDTH columns."""
    return "\n".join(line for line in lines if line)


def _claims_table(title: str) -> Table:
    table = Table(title=title, expand=True, show_lines=True)
    table.add_column("bound, days", no_wrap=True)
    table.add_column("victims, place", overflow="fold", ratio=1)
    table.add_column("quote", overflow="fold", ratio=2)
    table.add_column("source, report", overflow="fold", ratio=1)
    return table


def _print_evidence(answer: Answer, out: Console) -> None:
    result = answer.result
    claims, reports = answer.rests_on()
    what = ("bind the answer or are contradicted" if answer.scope == "binding"
            else "are connected to the answer")
    table = _claims_table(f"{len(answer.evidence)} of {len(result.evidence)} constraints "
                          f"{what}: {claims} claims in {reports} reports")
    for constraint in answer.evidence:
        _constraint_rows(table, constraint)
    print_table(out, table)
    if result.contradictions:
        table = _claims_table(f"{len(result.contradictions)} contradicted at the least-violation "
                              "fit (bound, then the fitted total)")
        for item in result.contradictions:
            _constraint_rows(table, item.constraint, f" fit {item.fitted:g}")
        print_table(out, table)
    else:
        out.print("no contradiction among these claims", highlight=False)
    if result.unplaceable:
        out.print(f"{len(result.unplaceable)} claims left out, without a whole period or a "
                  "place:", highlight=False)
        for stored in result.unplaceable:
            out.print(safe(f"  «{stored.claim.quote}» ({stored.origin})"), highlight=False)


def query_filters(args: argparse.Namespace) -> dict[str, Any]:
    """The filters of the `claims` and `events` options, as `bilan.query` takes them."""
    return {
        "outcome": args.outcome, "victims": args.victims, "place": args.place,
        "cause": args.cause, "document": args.document,
        "first": parse_date(args.first, "--from") if args.first else None,
        "last": parse_date(args.last, "--to") if args.last else None,
    }


def run_claims(args: argparse.Namespace, out: Console) -> int:
    with Store(args.db, create=False) as store:
        page = query.claims(store, **query_filters(args))
    if args.format in ("csv", "geojson", "parquet"):
        from bilan.event_commands import run_claims_file

        return run_claims_file(list(page.items), args.format, out, args.output)
    if args.format == "json":
        for stored in page.items:
            out.print(json_text(stored.to_dict()), markup=False,
                      highlight=False, soft_wrap=True)
        return 0
    print_table(out, _stored_table(page.items))
    return 0


def _stored_table(claims: Sequence[StoredClaim]) -> Table:
    table = Table(title=f"{len(claims)} claims", expand=True, show_lines=True)
    table.add_column("outcome, victims, count", overflow="fold", ratio=1)
    table.add_column("period, place", overflow="fold", ratio=1)
    table.add_column("quote", overflow="fold", ratio=2)
    table.add_column("source, report", overflow="fold", ratio=1)
    for stored in claims:
        claim = stored.claim
        count = f"{claim.count.qualifier} {claim.count.value}"
        if claim.count.high is not None:
            count += f"–{claim.count.high}"
        period = _days(claim.period.start, claim.period.end) if claim.period else ""
        add_row(table, _joined(claim.outcome, claim.victims, count),
                _joined(period, _place(claim)), claim.quote,
                _joined(claim.source.name if claim.source else "", f"{stored.origin} {claim.id}"))
    return table
