"""What the `events` command does, and the file formats `events` and `claims` write.

`cli.py` parses; this module asks the library and renders. Only it, `commands.py` and
`cli.py` write to the terminal.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bilan.documents import Document, read_jsonl
from bilan.errors import InputError, MalformedLineError, QueryError, UsageError
from bilan.exports import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_rows,
    event_rows,
    geojson,
    write_csv,
    write_parquet,
)
from bilan.incidents import Event, Incident, build_events, documents_incidents
from bilan.incidents.events import ReportIncidents, reconcile_event
from bilan.reconcile.regions import region_of
from bilan.records import StoredClaim
from bilan.terminal import json_text, print_table

FILE_FORMATS = ("csv", "geojson", "parquet")
EVENT_FORMATS = ("table", "json", "jsonl", *FILE_FORMATS)


def write_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
               out: Console, output: Path | None) -> None:
    """Rows as CSV, GeoJSON or Parquet, to `output` or standard output."""
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise UsageError.of("E114")
        write_parquet(rows, columns, str(output) if output else sys.stdout.buffer)
        return
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(rows, columns, buffer)
        text = buffer.getvalue()
    else:
        lat, lon = ("latitude", "longitude") if "latitude" in columns else ("lat", "lon")
        text = json_text(geojson(rows, lat, lon)) + "\n"
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def run_claims_file(claims: list[StoredClaim], fmt: str, out: Console,
                    output: Path | None) -> int:
    """`bilan claims --format csv|geojson|parquet`."""
    write_rows(claim_rows(claims), CLAIM_COLUMNS, fmt, out, output)
    return 0


def _incidents_table(name: str, incidents: Sequence[Incident]) -> Table:
    table = Table(title=f"{name}: {len(incidents)} incidents")
    for column in ("incident", "type", "days", "place", "actors", "totals", "claims"):
        table.add_column(column, overflow="fold")
    for incident in incidents:
        kind = " / ".join(x for x in (incident.event_type, incident.sub_event_type) if x)
        if incident.parent:
            kind += f" (in {incident.parent})"
        if incident.running_toll:
            kind += " (running toll)"
        days = " → ".join(dict.fromkeys(
            str(d) for d in (incident.first, incident.last) if d is not None))
        actors = " vs ".join(a.name for a in (incident.actor1, incident.actor2) if a)
        restated = [f"{c} restates {', '.join(of)}" for c, of in incident.restates.items()]
        table.add_row(incident.id, kind, days, incident.location or "", actors,
                      _totals_text(incident.totals),
                      " ".join(incident.claims) + ("; " + "; ".join(restated) if restated
                                                   else ""))
    return table


def _totals_text(totals: dict[str, Any]) -> str:
    return ", ".join(f"{o} [{t.low}, ∞)" if t.high is None else f"{o} [{t.low}, {t.high}]"
                     for o, t in totals.items())


def _events_table(events: Sequence[Event]) -> Table:
    table = Table(title=f"{len(events)} events")
    for column in ("event", "type", "days", "place", "totals", "reports", "claims"):
        table.add_column(column, overflow="fold")
    for event in events:
        lead = event.lead
        days = " → ".join(dict.fromkeys(str(d) for d in (event.first, event.last) if d))
        totals = _totals_text(event.totals)
        if event.contradictions:
            totals += f" ({sum(event.contradictions.values())} claims contradicted)"
        table.add_row(event.id, lead.event_type or "", days, lead.location or "", totals,
                      str(len(event.documents)), str(len(event.claims)))
    return table


def print_documents(pairs: Iterable[tuple[str, Sequence[Incident]]], fmt: str,
                    out: Console) -> None:
    """One report's incidents per document: a table, or JSON per document."""
    for name, incidents in pairs:
        if fmt == "table":
            print_table(out, _incidents_table(name, incidents))
            continue
        record = {"id": name, "incidents": [i.to_dict() for i in incidents]}
        out.print(json_text(record, 2 if fmt == "json" else None),
                  markup=False, highlight=False, soft_wrap=True)


def print_events(events: Sequence[Event], fmt: str, out: Console,
                 output: Path | None) -> None:
    if fmt in FILE_FORMATS:
        write_rows(event_rows(events), EVENT_COLUMNS, fmt, out, output)
    elif fmt == "table":
        print_table(out, _events_table(events))
    else:
        for event in events:
            out.print(json_text(event.to_dict(), 2 if fmt == "json" else None),
                      markup=False, highlight=False, soft_wrap=True)


def _read_documents(path: Path, err: Console) -> tuple[list[Document], int]:
    documents, status = [], 0
    for item in read_jsonl(path):
        if isinstance(item, MalformedLineError):
            err.print(f"[red]error:[/red] {item}", markup=True, highlight=False)
            status = 1
            continue
        documents.append(item)
    return documents, status


def run_events_input(args: argparse.Namespace, out: Console, err: Console) -> int:
    """`bilan events --input DOCS.jsonl`: no store; each document's incidents, or with
    csv, geojson or parquet the events across the documents."""
    documents, status = _read_documents(args.input, err)
    results = list(documents_incidents(documents, lang=args.lang, convention=args.convention))
    if args.format not in FILE_FORMATS:
        print_documents(((d.id, incidents) for d, _, incidents in results), args.format, out)
        return status
    reports = [
        ReportIncidents(d.id, d.published, incidents,
                        [StoredClaim(d.id, c, region_of(c.place), d.published, d.id)
                         for c in claims])
        for d, claims, incidents in results
    ]
    print_events(build_events(reports), args.format, out, args.output)
    return status


def run_events_store(args: argparse.Namespace, out: Console) -> int:
    """`bilan events` over the store: the events holding the filtered claims, or with
    --document that report's incidents."""
    from bilan import query
    from bilan.commands import query_filters
    from bilan.incidents.stored import stored_incidents
    from bilan.store import Store

    with Store(args.db, create=False) as store:
        if args.document is None:
            page = query.events(store, **query_filters(args), convention=args.convention)
            print_events(page.items, args.format, out, args.output)
            return 0
        claims = query.claims(store, **query_filters(args)).items
        documents = list(dict.fromkeys(c.document for c in claims))
        if not documents:
            raise QueryError.of("E187", document=args.document)
        found = stored_incidents(store, documents, args.convention)
    origins = {c.document: c.origin or c.document for c in claims}
    pairs = [(origins[d], found[d]) for d in documents]
    if args.format in FILE_FORMATS:
        events = [Event(f"{origins[d]}-{i.id}", [i]) for d, incidents in pairs
                  for i in incidents]
        for event in events:
            reconcile_event(event, {})
        print_events(events, args.format, out, args.output)
    else:
        print_documents(pairs, args.format, out)
    return 0


def run_evaluate_events(args: argparse.Namespace, out: Console) -> int:
    """`bilan evaluate-events GOLD.jsonl`: report totals and types against ISAF gold."""
    from bilan.incidents.evaluate import score_isaf

    if not args.gold.is_file():
        raise InputError.of("E120", name=args.gold)
    score = score_isaf(args.gold, convention=args.convention)
    figures = score.to_dict()
    if args.json:
        out.print(json.dumps(figures, indent=2), markup=False, highlight=False)
    else:
        table = Table(title=f"{args.gold}: {score.reports} reports, convention "
                      f"{args.convention}")
        table.add_column("measure")
        table.add_column("value", justify="right")
        for name, value in figures.items():
            table.add_row(name, str(value))
        print_table(out, table)
    if args.verbose:
        for document, outcome, expected, got in score.misses:
            out.print(f"{document} {outcome}: gold {expected}, incidents {got}",
                      markup=False, highlight=False)
    return 0
