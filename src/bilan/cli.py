"""The `bilan` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bilan.documents import parse_date, read_jsonl, read_text_chunks
from bilan.errors import (
    EXIT_INPUT,
    EXIT_OK,
    BilanError,
    InputError,
    InternalError,
    MalformedLineError,
    UsageError,
)
from bilan.records import Claim
from bilan.terminal import add_row, json_text, print_table, safe, styled

log = logging.getLogger(__name__)
# Soft wrap: messages stay on one line when stderr is a pipe or a log, not cut at 80 columns.
err = Console(stderr=True, soft_wrap=True)
EXIT_INTERRUPTED = 130
# What a shell reports for a process SIGPIPE ended: its reader left (`bilan claims | head`).
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE


class _Output(Console):
    """Standard output. A reader that leaves (`bilan claims | head`) ends the command in
    `main`, as it does for output written without rich (rich alone would exit 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code: 0 ok, 1 bad input (some items failed),
    2 usage, 3 store, network or model unavailable, 4 internal error."""
    sys.unraisablehook = _unraisable
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    try:
        return int(args.run(args))
    except BilanError as error:
        _error(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Nothing more can be written; the output goes to /dev/null from here so that the
        # flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the last resort: one line, no traceback
        if args.debug:
            raise
        internal = InternalError.of("E900", name=type(error).__name__)
        _error(str(internal))
        return internal.exit_code


def _unraisable(unraisable: Any) -> None:
    """Ctrl-C that lands in a finaliser (a store connection's cleanup) is the interrupt the
    command reports once, not a traceback to print; anything else is printed as Python
    would."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def _error(message: str) -> None:
    # File names, ids and JSON messages are the user's text, never rich markup.
    err.print(styled("red", "error: ", message), highlight=False)


def _warn(message: str) -> None:
    err.print(styled("yellow", "warning: ", message), highlight=False)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bilan")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilan", description="Casualty claims from conflict news reports.",
        epilog="Exit codes: 0 ok, 1 bad input (some items failed), 2 usage, 3 store, network "
        "or model unavailable, 4 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"bilan {_version()}")
    parser.add_argument("--debug", action="store_true",
                        help="log debug messages and show the traceback of an internal error")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="extract casualty claims from reports",
        description="Extract every casualty claim from plain-text reports (`-` reads stdin) "
        "or from JSON Lines documents (--input).",
    )
    extract.add_argument("files", nargs="*", metavar="FILE", help="plain-text reports; - is stdin")
    extract.add_argument("--input", type=Path, metavar="DOCS.jsonl",
                         help="JSON Lines documents with id, lang, published, text")
    extract.add_argument("--published", metavar="YYYY-MM-DD",
                         help="publication date of the plain-text reports")
    extract.add_argument("--lang", choices=("fr", "en", "auto"), default=None,
                         help="language of the reports (default: fr for FILEs, auto for "
                         "--input); auto detects each report's, and a JSON Lines document's "
                         "own `lang` field wins")
    extract.add_argument("--format", choices=("table", "json", "jsonl"), default=None,
                         help="output format (default: table for files, jsonl for --input)")
    _worker_options(extract, "--input documents")
    extract.set_defaults(run=run_extract)

    evaluate = commands.add_parser(
        "evaluate", help="score extraction against gold claims",
        description="Extract claims from gold documents and score them as the gold guide says.",
    )
    evaluate.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--verbose", action="store_true",
                          help="list each miss and false alarm with its sentence")
    evaluate.add_argument("--lang", choices=("fr", "en"), default=None,
                          help="score only documents of this language")
    evaluate.set_defaults(run=run_evaluate)
    _store_commands(commands)
    return parser


def _worker_options(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument("--workers", type=int, metavar="N",
                         help=f"extract the {what} in N processes, each loading the models "
                         "once (default: in this process); output and storage keep the input "
                         "order")
    command.add_argument("--dask", metavar="tcp://HOST:PORT",
                         help=f"extract the {what} on the workers of this Dask scheduler "
                         "(needs the dask extra and bilan installed on the workers)")


def _store_commands(commands: Any) -> None:
    from bilan.ingest import CSV_FIELDS
    from bilan.ingest.run import MAX_CHARS
    from bilan.records import CAUSES, OUTCOMES, VICTIMS

    db_help = "SQLite file or postgresql:// URL (default: $BILAN_DB, else ./bilan.db)"
    ingest = commands.add_parser(
        "ingest", help="extract and store claims from reports",
        description="Read plain-text files, folders, JSON Lines documents, CSV, HTML pages and "
        "RSS/Atom feeds (files or http URLs), detect their language, extract their claims and "
        "store documents, sentences and claims. A document already stored is not stored again.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or feed URLs")
    ingest.add_argument("--db", help=db_help)
    ingest.add_argument("--csv-columns", metavar="FIELD=COLUMN,...",
                        help=f"CSV columns for the fields {', '.join(CSV_FIELDS)} "
                        "(default: columns named like the fields), e.g. text=body,published=date")
    ingest.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date of the reports that state none (plain text)")
    ingest.add_argument("--lang", choices=("fr", "en", "auto"), default="auto",
                        help="language of the reports that state none (default: auto, "
                        "detected); a document's own `lang` wins")
    ingest.add_argument("--max-size", type=float, default=MAX_CHARS / 1_000_000, metavar="MB",
                        help="refuse a report longer than this many million characters, a "
                        "text, HTML or feed file or URL larger than this many megabytes, and "
                        "a JSON Lines line, CSV row or .json item over that size "
                        f"(default: {MAX_CHARS // 1_000_000})")
    _worker_options(ingest, "reports")
    ingest.set_defaults(run=_run_ingest)

    def query(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description)
        sub.add_argument("--outcome", choices=OUTCOMES, required=True)
        sub.add_argument("--victims", choices=VICTIMS, default="people",
                         help="victim type; sub-types count towards it (default: people)")
        sub.add_argument("--place", help="a country, region or town, in French or English "
                         "(Alep = Aleppo); places inside it count towards it (default: everywhere)")
        sub.add_argument("--cause", choices=CAUSES, help="only claims of this cause (default: any)")
        sub.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
        sub.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
        sub.add_argument("--format", choices=("table", "json"), default="table")
        sub.add_argument("--db", help=db_help)
        return sub

    for name, summary, description, run in (
        ("tally", "reconciled bounds of a count over a window",
         "Bounds [min, max] and a best estimate of the people harmed over the window, with "
         "the claims that bind the answer and the contradicted ones.", _run_tally),
        ("timeline", "reconciled bounds day by day",
         "The daily series of bounds over the window.", _run_timeline),
    ):
        sub = query(name, summary, description)
        sub.add_argument("--all-evidence", action="store_true",
                         help="list every claim connected to the answer, not only those "
                         "that bind it or are contradicted")
        sub.set_defaults(run=run)

    serve = commands.add_parser(
        "serve", help="serve the HTTP API and the dashboard",
        description="Serve the JSON API (OpenAPI at /docs) and the dashboard at /. Writes "
        "(POST /api/ingest) need `Authorization: Bearer $BILAN_TOKEN`; without BILAN_TOKEN "
        "the server is read-only.",
    )
    serve.add_argument("--db", help=db_help)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on "
                       "(default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--workers", type=int, default=1, help="server processes, each with "
                       "its own solver thread and kept answers (default: 1)")
    serve.set_defaults(run=_run_serve)

    claims = commands.add_parser("claims", help="list and filter stored claims",
                                 description="List stored claims; every filter is optional.")
    claims.add_argument("--outcome", choices=OUTCOMES)
    claims.add_argument("--victims", choices=VICTIMS, help="exactly this victim type")
    claims.add_argument("--place", help="claims inside this country, region or town")
    claims.add_argument("--cause", choices=CAUSES)
    claims.add_argument("--from", dest="first", metavar="YYYY-MM-DD",
                        help="claims whose period ends on or after this day")
    claims.add_argument("--to", dest="last", metavar="YYYY-MM-DD",
                        help="claims whose period starts on or before this day")
    claims.add_argument("--document", help="a document's hash or its own id")
    claims.add_argument("--format", choices=("table", "json", "csv", "geojson", "parquet"),
                        default="table", help="a table, one JSON object per claim and line, "
                        "CSV, GeoJSON points or Parquet")
    claims.add_argument("--output", type=Path, metavar="FILE",
                        help="write csv, geojson or parquet to this file")
    claims.add_argument("--db", help=db_help)
    claims.set_defaults(run=_run_claims)
    _events_command(commands, db_help)


def _events_command(commands: Any, db_help: str) -> None:
    from bilan.event_commands import EVENT_FORMATS
    from bilan.incidents import convention_names
    from bilan.records import CAUSES, OUTCOMES, VICTIMS

    events = commands.add_parser(
        "events", help="incidents of reports and events across them",
        description="What reports say happened: each report's incidents (restatements "
        "counted once) and the events that join incidents of several reports. Over the "
        "store (filters as `bilan claims`), or over JSON Lines documents with --input.",
    )
    events.add_argument("--input", type=Path, metavar="DOCS.jsonl",
                        help="read and extract these documents instead of the store; jsonl "
                        "writes each document's incidents, csv/geojson/parquet the events")
    events.add_argument("--lang", choices=("fr", "en", "auto"), default="fr",
                        help="language of --input documents (as for `bilan extract`)")
    events.add_argument("--convention", choices=convention_names(), default="guide",
                        help="how vague counts become numbers (default: the gold guide's)")
    events.add_argument("--outcome", choices=OUTCOMES)
    events.add_argument("--victims", choices=VICTIMS)
    events.add_argument("--place", help="events with claims inside this place")
    events.add_argument("--cause", choices=CAUSES)
    events.add_argument("--from", dest="first", metavar="YYYY-MM-DD")
    events.add_argument("--to", dest="last", metavar="YYYY-MM-DD")
    events.add_argument("--document", help="one stored report's incidents (hash or own id)")
    events.add_argument("--format", choices=EVENT_FORMATS, default=None,
                        help="default: table, or jsonl with --input")
    events.add_argument("--output", type=Path, metavar="FILE",
                        help="write csv, geojson or parquet to this file")
    events.add_argument("--db", help=db_help)
    events.set_defaults(run=_run_events)

    scored = commands.add_parser(
        "evaluate-events", help="score report totals against ISAF document-level gold",
        description="Per-report killed and detained totals (top-level incidents, low bounds) "
        "and event types against an ISAF gold file's `gold` fields.",
    )
    scored.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    scored.add_argument("--convention", choices=convention_names(), default="isaf")
    scored.add_argument("--json", action="store_true", help="print the scores as JSON")
    scored.add_argument("--verbose", action="store_true", help="list each wrong total")
    scored.set_defaults(run=_run_evaluate_events)


# -- extract -------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    from bilan.extract import Extractor

    if not args.files and args.input is None:
        raise UsageError.of("E111")
    published = parse_date(args.published, "--published") if args.published is not None else None
    out = _Output(soft_wrap=True)
    if args.input is not None:
        return _extract_documents(args, out)
    if args.workers is not None or args.dask is not None:
        raise UsageError.of("E175")
    extractor = Extractor(args.lang or "fr")
    status = EXIT_OK
    fmt = args.format or "table"
    if published is None:
        _warn("no --published date: relative dates (\"lundi\", \"hier\") stay unresolved")
    for name in args.files:
        try:
            _stream_file(name, _file_claims(extractor, name, published), fmt, out)
        except InputError as error:
            _error(str(error))
            status = EXIT_INPUT
    return status


# A long report's table is printed in parts of this many claims, as they are extracted.
_TABLE_ROWS = 1_000


def _stream_file(name: str, claims: Iterator[Claim], fmt: str, out: Console) -> None:
    """Write a file's claims as they are extracted, never holding them all: one JSON object
    written piece by piece, or tables of _TABLE_ROWS claims."""
    if fmt == "table":
        part: list[Claim] = []
        printed = False
        for claim in claims:
            part.append(claim)
            if len(part) == _TABLE_ROWS:
                print_table(out, _table(f"{name} ({part[0].id}–{part[-1].id})", part))
                part, printed = [], True
        if part or not printed:
            _emit_file(name, part, fmt, out)
        return
    indent = 2 if fmt == "json" else None
    written = False
    try:
        for claim in claims:
            if not written:
                # The first claim is read before any output: a file that cannot be opened
                # writes nothing.
                out.file.write(json_text({"id": name})[:-1]
                               + ', "claims": [')
                written = True
            else:
                out.file.write(", ")
            out.file.write(json_text(claim.to_dict(), indent))
    finally:
        # A read error in the middle of a file still leaves valid JSON for what came before.
        if written:
            out.file.write("]}\n")
            out.file.flush()
    if not written:
        _emit_file(name, [], fmt, out)


def _file_claims(extractor: Any, name: str, published: date | None) -> Iterator[Claim]:
    from bilan.query import renumbered

    # Standard input is not ours to close: `bilan extract - -` must not fail on a closed stream.
    handle = contextlib.nullcontext(sys.stdin.buffer) if name == "-" else _open_binary(name)
    number = 0
    with handle as stream:
        for offset, text in read_text_chunks(stream, name):
            # Each piece's strings are freed after it: memory stays flat over a long file.
            with extractor.memory_zone():
                claims = renumbered(extractor.extract(text, published), number, offset)
            number += len(claims)
            yield from claims


def _open_binary(name: str) -> Any:
    path = Path(name)
    if not path.exists():
        raise InputError.of("E120", name=name)
    if path.is_dir():
        raise InputError.of("E121", name=name)
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError.of("E122", name=name, reason=error.strerror) from error


def _extract_documents(args: argparse.Namespace, out: Console) -> int:
    """Claims of each --input document, printed in input order as chunks come back."""
    from bilan.extract import AUTO, MODELS
    from bilan.ingest import Report
    from bilan.ingest.workers import CHUNK, Task, extraction

    fmt = args.format or "jsonl"
    lang = args.lang or AUTO
    status = EXIT_OK

    def chunks() -> Iterator[list[Task]]:
        nonlocal status
        warned = False
        chunk: list[Task] = []
        for item in read_jsonl(args.input):
            if isinstance(item, MalformedLineError):
                _error(str(item))
                status = EXIT_INPUT
                continue
            if item.published is None and not warned:
                _warn(f"{args.input}: document {item.id} has no `published` date; "
                      "relative dates stay unresolved")
                warned = True
            # As `Extractor(lang)` reads it: a document's own language wins under auto.
            read_as = lang if lang != AUTO else (item.lang if item.lang in MODELS else None)
            chunk.append(Task(Report(item.text, item.id, item.lang, item.published), item.id,
                              read_as))
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    workers = extraction(args.workers, args.dask, [lang] if lang != AUTO else ["fr"])
    try:
        for outcome in workers.map(chunks()):
            if isinstance(outcome, BilanError):
                _error(str(outcome))
                status = EXIT_INPUT
                continue
            _emit_document(outcome.record.id, list(outcome.record.claims), fmt, out)
    finally:
        workers.close()
    return status


def _emit_document(name: str, claims: list[Claim], fmt: str, out: Console) -> None:
    if fmt == "table":
        _emit_file(name, claims, fmt, out)
    else:
        record = {"id": name, "claims": [c.to_dict() for c in claims]}
        indent = 2 if fmt == "json" else None
        out.print(json_text(record, indent), markup=False,
                  highlight=False)


def _emit_file(name: str, claims: list[Claim], fmt: str, out: Console) -> None:
    if fmt == "table":
        print_table(out, _table(name, claims))
        return
    record = {"id": name, "claims": [c.to_dict() for c in claims]}
    indent = 2 if fmt == "json" else None
    out.print(json_text(record, indent), markup=False,
              highlight=False)


def _table(name: str, claims: list[Claim]) -> Table:
    table = Table(title=safe(f"{name}: {len(claims)} claims"), show_lines=False)
    for column in ("id", "quote", "outcome", "victims", "count", "period", "place", "source"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        count = f"{claim.count.qualifier} {claim.count.value}"
        if claim.count.high is not None:
            count += f"–{claim.count.high}"
        if claim.part_of:
            count += f" (of {claim.part_of})"
        period = ""
        if claim.period:
            start, end = claim.period.start, claim.period.end
            period = f"{start or '?'} → {end or '?'}" if start != end else str(start)
        place = claim.place.name if claim.place else ""
        if claim.place and claim.place.country:
            place += f" ({claim.place.country})"
        source = claim.source.name if claim.source else ""
        if claim.source and claim.source.type:
            source += f" [{claim.source.type}]"
        add_row(table, claim.id, claim.quote, claim.outcome, claim.victims, count, period,
                place, source)
    return table


# -- ingest, tally, timeline, claims ----------------------------------------------


def _run_ingest(args: argparse.Namespace) -> int:
    from bilan.commands import run_ingest

    return run_ingest(args, _Output(soft_wrap=True), err)


def _run_tally(args: argparse.Namespace) -> int:
    from bilan.commands import run_tally

    return run_tally(args, _Output(soft_wrap=True))


def _run_timeline(args: argparse.Namespace) -> int:
    from bilan.commands import run_timeline

    return run_timeline(args, _Output(soft_wrap=True))


def _run_claims(args: argparse.Namespace) -> int:
    from bilan.commands import run_claims

    return run_claims(args, _Output(soft_wrap=True))


def _run_serve(args: argparse.Namespace) -> int:
    from bilan.api import serve

    serve(args.db, host=args.host, port=args.port, workers=args.workers)
    return EXIT_OK


def _run_events(args: argparse.Namespace) -> int:
    from bilan.event_commands import run_events_input, run_events_store

    out = _Output(soft_wrap=True)
    if args.input is not None:
        args.format = args.format or "jsonl"
        return run_events_input(args, out, err)
    args.format = args.format or "table"
    return run_events_store(args, out)


def _run_evaluate_events(args: argparse.Namespace) -> int:
    from bilan.event_commands import run_evaluate_events

    return run_evaluate_events(args, _Output(soft_wrap=True))


# -- evaluate ------------------------------------------------------------------


def run_evaluate(args: argparse.Namespace) -> int:
    from bilan.evaluate import score_gold_file

    if not args.gold.is_file():
        raise InputError.of("E120", name=args.gold)
    score = score_gold_file(args.gold, lang=args.lang)
    out = _Output(soft_wrap=True)
    if args.json:
        out.print(json.dumps(score.to_dict(), indent=2), markup=False, highlight=False)
    else:
        print_table(out, _score_table(args.gold, score))
    if args.verbose:
        for title, items in (("miss", score.misses), ("false alarm", score.false_alarms)):
            for item in items:
                claim = item.claim
                out.print(safe(
                    f"{title}: {item.doc_id} {claim['outcome']} {claim['victims']} "
                    f"{claim['count']['value']} «{claim['quote']}» in: {item.sentence}"
                ), highlight=False)
        for doc_id, name, gold, pred in score.field_errors:
            out.print(safe(
                f"field {name}: {doc_id} «{gold['quote']}» gold={_field(gold, name)!r} "
                f"predicted={_field(pred, name)!r}"
            ), highlight=False)
    return EXIT_OK


def _field(claim: Mapping[str, Any], name: str) -> Any:
    if name.startswith("period_"):
        return (claim.get("period") or {}).get(name.split("_")[1])
    if name == "qualifier":
        return claim["count"]["qualifier"]
    if name == "place":
        return (claim.get("place"), claim.get("lat"), claim.get("lon"))
    return claim.get(name)


def _score_table(gold: Path, score: Any) -> Table:
    table = Table(title=safe(f"{gold}: {score.gold} gold claims, {score.predicted} predicted"))
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("precision", f"{score.precision:.3f}")
    table.add_row("recall", f"{score.recall:.3f}")
    table.add_row("F1", f"{score.f1:.3f}")
    for name, value in score.field_accuracy().items():
        table.add_row(f"{name} (matched)", f"{value:.3f}")
    return table


if __name__ == "__main__":
    raise SystemExit(main())
