"""What the `ingest`, `tally`, `timeline` and `claims` commands do; `cli.py` parses and calls.

Only this module and `cli.py` write to the terminal.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date, timedelta
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from bilan.documents import parse_date
from bilan.ingest import Ingester, Summary, parse_csv_columns, read_reports
from bilan.ingest.run import extraction_workers
from bilan.reconcile import Constraint, Tally, tally, timeline
from bilan.reconcile.regions import resolve_region
from bilan.records import StoredClaim
from bilan.store import ClaimFilter, Store

# The progress bar appears only once an ingest has run this long, in seconds.
PROGRESS_AFTER = 2.0
ESTIMATE_METHOD = (
    "midpoint of [low, high] at the least-violation fit; the low bound when no claim caps "
    "the count; a timeline spreads each interval's estimate evenly over its days"
)


def _print_json(out: Console, value: Any) -> None:
    out.print(json.dumps(value, ensure_ascii=False, indent=2), markup=False, highlight=False)


class _LazyProgress:
    """A rich progress display that starts only when the work outlasts PROGRESS_AFTER."""

    def __init__(self, err: Console, total: int | None) -> None:
        self.err = err
        self.total = total
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: Any = None

    def __call__(self, summary: Summary, origin: str) -> None:
        done = summary.new + summary.known + len(summary.failed)
        elapsed = time.monotonic() - self.started
        if self.progress is None:
            if elapsed < PROGRESS_AFTER:
                return
            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.completed} documents"),
                TextColumn("{task.description}"), TimeElapsedColumn(),
                console=self.err, transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("", total=None)
        rate = done / elapsed
        eta = ""
        if self.total is not None and rate > 0:
            eta = f", ETA {timedelta(seconds=round(max(0, self.total - done) / rate))}"
        self.progress.update(self.task, completed=done,
                             description=f"{rate:.1f} reports/s{eta} {origin[-50:]}")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def run_ingest(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Ingest the inputs; exit code 1 when any input or document failed."""
    columns = parse_csv_columns(args.csv_columns)
    with Store(args.db) as store, extraction_workers(args.workers, args.dask) as (submit, workers):
        # The ETA needs the number of reports: local inputs are read twice for it, feeds not.
        total = None if any(path.startswith(("http://", "https://")) for path in args.paths) \
            else sum(1 for _ in read_reports(args.paths, columns))
        progress = _LazyProgress(err, total)
        try:
            summary = Ingester(store, submit, workers).run(read_reports(args.paths, columns),
                                                           progress)
        finally:
            progress.stop()
        for failure in summary.failed:
            err.print(f"[red]failed:[/red] {escape(failure)}", highlight=False)
        if summary.new == 0 and summary.known and not summary.failed:
            out.print("nothing new: every document was already stored", highlight=False)
        out.print(
            f"documents: {summary.new} new, {summary.known} already known, "
            f"{len(summary.failed)} failed; claims stored: {summary.claims}; "
            f"{summary.skipped_language} of the new stored without extraction (no model for "
            f"their language); store: {store.name}", markup=False, highlight=False,
        )
    return 1 if summary.failed else 0


def _reconciled(args: argparse.Namespace, split: bool) -> Tally:
    first, last = parse_date(args.first, "--from"), parse_date(args.last, "--to")
    region = resolve_region(args.place) if args.place else ()
    with Store(args.db) as store:
        # Claims of other countries share no cells with the asked ones.
        claims = store.claims(ClaimFilter(
            outcome=args.outcome, cause=args.cause, regions=[region[:1]] if region else None,
        ))
        if region:
            # Claims without a place are reported as unplaceable, whatever the place asked.
            unplaced = store.claims(ClaimFilter(
                outcome=args.outcome, cause=args.cause, first=first, last=last,
            ))
            claims += [c for c in unplaced if c.region is None]
    answer = timeline if split else tally
    return answer(claims, outcome=args.outcome, first=first, last=last, victims=args.victims,
                  region=region, cause=args.cause)


def _answered(args: argparse.Namespace, out: Console, split: bool) -> Tally | None:
    """The reconciled answer for a table, or None once it is printed as JSON."""
    result = _reconciled(args, split)
    if args.format != "json":
        return result
    _print_json(out, {**result.to_dict(), "place": args.place, "estimate": ESTIMATE_METHOD})
    return None


def _heading(result: Tally, place: str | None) -> str:
    where = f" in {place} ({'/'.join(result.region)})" if place else " everywhere"
    return (f"{result.outcome} {result.victims}{where}, "
            f"{result.first.isoformat()} to {result.last.isoformat()}")


def _interval(low: int, high: int | None) -> str:
    return f"[{low}, {high}]" if high is not None else f"[{low}, ∞)"


def run_tally(args: argparse.Namespace, out: Console) -> int:
    result = _answered(args, out, split=False)
    if result is None:
        return 0
    bounds = result.series[0]
    out.print(_heading(result, args.place), highlight=False)
    out.print(f"bounds: {_interval(bounds.low, bounds.high)}   best estimate: "
              f"{bounds.best:g} ({ESTIMATE_METHOD})", markup=False, highlight=False)
    _print_evidence(result, out)
    return 0


def run_timeline(args: argparse.Namespace, out: Console) -> int:
    result = _answered(args, out, split=True)
    if result is None:
        return 0
    table = Table(title=_heading(result, args.place))
    for column in ("day", "low", "high", "best"):
        table.add_column(column, justify="right")
    for day in result.series:
        table.add_row(day.first.isoformat(), str(day.low),
                      "∞" if day.high is None else str(day.high), f"{day.best:.1f}")
    out.print(table)
    _print_evidence(result, out)
    return 0


def _constraint_rows(table: Table, constraint: Constraint, extra: str = "") -> None:
    bound = _interval(constraint.low, constraint.high)
    days = f"{date.fromordinal(constraint.first)} → {date.fromordinal(constraint.last)}"
    for stored in constraint.claims:
        claim = stored.claim
        table.add_row(bound + extra, days, constraint.victims,
                      claim.place.name if claim.place else "", claim.quote,
                      claim.source.name if claim.source else "",
                      stored.origin or stored.document[:12])


def _claims_table(title: str) -> Table:
    table = Table(title=title)
    for column in ("bound", "days", "victims", "place", "quote", "source", "document"):
        table.add_column(column, overflow="fold", no_wrap=column in ("bound", "days"))
    return table


def _print_evidence(result: Tally, out: Console) -> None:
    table = _claims_table(f"the answer rests on {len(result.evidence)} constraints")
    for constraint in result.evidence:
        _constraint_rows(table, constraint)
    out.print(table)
    if result.contradictions:
        table = _claims_table(f"{len(result.contradictions)} contradicted at the least-violation "
                              "fit (bound, then the fitted total)")
        for item in result.contradictions:
            _constraint_rows(table, item.constraint, f" fit {item.fitted:g}")
        out.print(table)
    else:
        out.print("no contradiction among these claims", highlight=False)
    if result.unplaceable:
        out.print(f"{len(result.unplaceable)} claims left out, without a whole period or a "
                  "place:", highlight=False)
        for stored in result.unplaceable:
            out.print(f"  «{stored.claim.quote}» ({stored.origin})", markup=False,
                      highlight=False)


def run_claims(args: argparse.Namespace, out: Console) -> int:
    first = parse_date(args.first, "--from") if args.first else None
    last = parse_date(args.last, "--to") if args.last else None
    regions = [resolve_region(args.place)] if args.place else None
    with Store(args.db) as store:
        claims = store.claims(ClaimFilter(
            outcome=args.outcome, victims=[args.victims] if args.victims else None,
            cause=args.cause, document=args.document, first=first, last=last, regions=regions,
        ))
    if args.format == "json":
        for stored in claims:
            out.print(json.dumps(stored.to_dict(), ensure_ascii=False), markup=False,
                      highlight=False, soft_wrap=True)
        return 0
    out.print(_stored_table(claims))
    return 0


def _stored_table(claims: list[StoredClaim]) -> Table:
    table = Table(title=f"{len(claims)} claims")
    for column in ("outcome", "victims", "count", "period", "place", "quote", "source",
                   "document"):
        table.add_column(column, overflow="fold")
    for stored in claims:
        claim = stored.claim
        count = f"{claim.count.qualifier} {claim.count.value}"
        if claim.count.high is not None:
            count += f"–{claim.count.high}"
        period = (f"{claim.period.start or '?'} → {claim.period.end or '?'}"
                  if claim.period else "")
        table.add_row(claim.outcome, claim.victims, count, period,
                      claim.place.name if claim.place else "", claim.quote,
                      claim.source.name if claim.source else "",
                      f"{stored.origin} {claim.id}")
    return table
