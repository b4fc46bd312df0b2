"""The `bilan` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bilan.documents import Document, parse_date, read_jsonl, read_text_chunks
from bilan.errors import BilanError, InputError, MalformedLineError
from bilan.records import Claim

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
# Soft wrap: messages stay on one line when stderr is a pipe or a log, not cut at 80 columns.
err = Console(stderr=True, soft_wrap=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 bad input, 2 usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return int(args.run(args))
    except BilanError as error:
        _error(str(error))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    # File names, ids and JSON messages are the user's text, never rich markup.
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)


def _warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilan", description="Casualty claims from conflict news reports."
    )
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
    extract.add_argument("--lang", choices=("fr", "en", "auto"), default="fr",
                         help="language of the reports (default: fr); auto detects each "
                         "report's, and a JSON Lines document's own `lang` field wins")
    extract.add_argument("--format", choices=("table", "json", "jsonl"), default=None,
                         help="output format (default: table for files, jsonl for --input)")
    extract.add_argument("--workers", type=_workers, default=1, metavar="N",
                         help="extract the --input documents in N processes (default: 1)")
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


def _workers(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: expected a whole number of processes, 1 or more")
    return int(value)


def _store_commands(commands: Any) -> None:
    from bilan.ingest import CSV_FIELDS
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
    ingest.add_argument("--workers", type=_workers, default=1, metavar="N",
                        help="extract in N processes, each loading the models once (default: 1)")
    ingest.add_argument("--dask", metavar="tcp://HOST:PORT",
                        help="extract on the workers of this Dask scheduler (they need bilan "
                        "installed); this process stores, in input order")
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

    query("tally", "reconciled bounds of a count over a window",
          "Bounds [min, max] and a best estimate of the people harmed over the window, with "
          "the claims the answer rests on and the contradicted ones.").set_defaults(run=_run_tally)
    query("timeline", "reconciled bounds day by day",
          "The daily series of bounds over the window.").set_defaults(run=_run_timeline)

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
    claims.add_argument("--format", choices=("table", "json"), default="table",
                        help="a table, or one JSON object per claim and line")
    claims.add_argument("--db", help=db_help)
    claims.set_defaults(run=_run_claims)


# -- extract -------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    from functools import partial

    from bilan.extract import Extractor
    from bilan.ingest.run import extract_claims, extraction_workers, in_order

    if not args.files and args.input is None:
        raise InputError("give one or more FILEs, - for stdin, or --input DOCS.jsonl")
    published = parse_date(args.published, "--published") if args.published is not None else None
    out = Console(soft_wrap=True)
    status = EXIT_OK
    if args.input is not None:
        fmt = args.format or "jsonl"

        def batches() -> Iterator[tuple[list[Document], list[tuple]]]:
            nonlocal status
            warned = False
            documents: list[Document] = []
            for item in read_jsonl(args.input):
                if isinstance(item, MalformedLineError):
                    _error(str(item))
                    status = EXIT_INPUT
                    continue
                if item.published is None and not warned:
                    _warn(f"{args.input}: document {item.id} has no `published` date; "
                          "relative dates stay unresolved")
                    warned = True
                documents.append(item)
                if len(documents) >= 64:
                    yield documents, [(d.text, d.published, d.lang) for d in documents]
                    documents = []
            if documents:
                yield documents, [(d.text, d.published, d.lang) for d in documents]

        with extraction_workers(args.workers) as (submit, workers):
            for documents, claims in in_order(partial(extract_claims, args.lang), batches(),
                                              submit, workers):
                _emit_documents(documents, claims, fmt, out)
        return status
    extractor = Extractor(args.lang)
    fmt = args.format or "table"
    if published is None:
        _warn("no --published date: relative dates (\"lundi\", \"hier\") stay unresolved")
    for name in args.files:
        try:
            claims = list(_file_claims(extractor, name, published))
        except InputError as error:
            _error(str(error))
            status = EXIT_INPUT
            continue
        _emit_file(name, claims, fmt, out)
    return status


def _file_claims(extractor: Any, name: str, published: date | None) -> Iterator[Claim]:
    import dataclasses

    # Standard input is not ours to close: `bilan extract - -` must not fail on a closed stream.
    handle = contextlib.nullcontext(sys.stdin.buffer) if name == "-" else _open_binary(name)
    number = 0
    with handle as stream:
        for offset, text in read_text_chunks(stream, name):
            for claim in extractor.extract(text, published):
                number += 1
                parent = claim.part_of
                if parent is not None:
                    parent = f"c{int(parent[1:]) + number - int(claim.id[1:])}"
                yield dataclasses.replace(
                    claim, id=f"c{number}", part_of=parent, start=claim.start + offset,
                    end=claim.end + offset, sentence_start=claim.sentence_start + offset,
                    sentence_end=claim.sentence_end + offset,
                )


def _open_binary(name: str) -> Any:
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder; give the report files inside it")
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror})") from error


def _emit_documents(documents: list[Document], claimed: list[list[Claim]], fmt: str,
                    out: Console) -> None:
    for document, claims in zip(documents, claimed, strict=True):
        if fmt == "table":
            _emit_file(document.id, claims, fmt, out)
        else:
            record = {"id": document.id, "claims": [c.to_dict() for c in claims]}
            indent = 2 if fmt == "json" else None
            out.print(json.dumps(record, ensure_ascii=False, indent=indent), markup=False,
                      highlight=False)


def _emit_file(name: str, claims: list[Claim], fmt: str, out: Console) -> None:
    if fmt == "table":
        out.print(_table(name, claims))
        return
    record = {"id": name, "claims": [c.to_dict() for c in claims]}
    indent = 2 if fmt == "json" else None
    out.print(json.dumps(record, ensure_ascii=False, indent=indent), markup=False,
              highlight=False)


def _table(name: str, claims: list[Claim]) -> Table:
    table = Table(title=f"{name}: {len(claims)} claims", show_lines=False)
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
        table.add_row(claim.id, claim.quote, claim.outcome, claim.victims, count, period,
                      place, source)
    return table


# -- ingest, tally, timeline, claims ----------------------------------------------


def _run_ingest(args: argparse.Namespace) -> int:
    from bilan.commands import run_ingest

    return run_ingest(args, Console(soft_wrap=True), err)


def _run_tally(args: argparse.Namespace) -> int:
    from bilan.commands import run_tally

    return run_tally(args, Console(soft_wrap=True))


def _run_timeline(args: argparse.Namespace) -> int:
    from bilan.commands import run_timeline

    return run_timeline(args, Console(soft_wrap=True))


def _run_claims(args: argparse.Namespace) -> int:
    from bilan.commands import run_claims

    return run_claims(args, Console(soft_wrap=True))


# -- evaluate ------------------------------------------------------------------


def run_evaluate(args: argparse.Namespace) -> int:
    from bilan.evaluate import score_gold_file

    if not args.gold.is_file():
        raise InputError(f"{args.gold}: no such file")
    score = score_gold_file(args.gold, lang=args.lang)
    out = Console(soft_wrap=True)
    if args.json:
        out.print(json.dumps(score.to_dict(), indent=2), markup=False, highlight=False)
    else:
        out.print(_score_table(args.gold, score))
    if args.verbose:
        for title, items in (("miss", score.misses), ("false alarm", score.false_alarms)):
            for item in items:
                claim = item.claim
                out.print(
                    f"{title}: {item.doc_id} {claim['outcome']} {claim['victims']} "
                    f"{claim['count']['value']} «{claim['quote']}» in: {item.sentence}",
                    markup=False, highlight=False,
                )
        for doc_id, name, gold, pred in score.field_errors:
            out.print(
                f"field {name}: {doc_id} «{gold['quote']}» gold={_field(gold, name)!r} "
                f"predicted={_field(pred, name)!r}", markup=False, highlight=False,
            )
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
    table = Table(title=f"{gold}: {score.gold} gold claims, {score.predicted} predicted")
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
