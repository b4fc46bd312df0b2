"""Every user-facing error: its code, message, exception class, exit code and HTTP status.

`CATALOGUE` is the one list of messages: each code has one message template, raised as
`InputError.of("E120", name=path)`, so a code always means the same thing.
`docs/errors.md` is generated from it by `tools/errors_table.py`; a test fails if the
two disagree, or if a code raised anywhere in `src/` is not here.
Exit codes: 0 ok, 1 bad input (some items failed), 2 usage, 3 store, network or
model unavailable, 4 internal error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar, cast

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

_Error = TypeVar("_Error", bound="BilanError")


class BilanError(Exception):
    """Base of every error bilan raises on purpose."""

    code = "E000"
    exit_code = EXIT_INPUT

    def __init__(self, message: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.detail = message
        super().__init__(f"[{self.code}] {message}")

    @classmethod
    def of(cls: type[_Error], code: str, **fields: Any) -> _Error:
        """The error of catalogue entry `code`, its message filled with `fields`."""
        entry = CATALOGUE[code]
        if not issubclass(entry.kind, cls):
            raise TypeError(f"{code} is a {entry.kind.__name__}, not a {cls.__name__}")
        return cast(_Error, entry.kind(entry.message(**fields), code=code))

    @property
    def status(self) -> int:
        """The HTTP status that answers this error."""
        entry = CATALOGUE.get(self.code)
        return entry.status if entry is not None else 500


class InputError(BilanError):
    """A file, line or argument the user gave cannot be read as asked."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class MalformedLineError(InputError):
    code = "E103"


class UsageError(InputError):
    """The command line asks for something that makes no sense, whatever the input."""

    code = "E110"
    exit_code = EXIT_USAGE


class QueryError(InputError):
    """A tally, timeline or claims query asks for something that cannot be answered."""

    code = "E104"


class UnknownPlaceError(QueryError):
    code = "E105"


class NetworkError(InputError):
    """A URL could not be read: unreachable, too slow, too large, or an HTTP error."""

    code = "E500"


class AccessError(BilanError):
    """An HTTP request the server refuses whatever its content: no token, a read-only server."""

    code = "E600"


class ModelError(BilanError):
    """A spaCy model package is missing or unusable."""

    code = "E200"
    exit_code = EXIT_UNAVAILABLE


class StoreError(BilanError):
    """The claim store cannot be opened, migrated, read or written."""

    code = "E300"
    exit_code = EXIT_UNAVAILABLE


class StoreUrlError(StoreError):
    code = "E301"


class MigrationError(StoreError):
    code = "E302"


class ReconcileError(BilanError):
    """The tally linear program failed for a reason other than contradicting claims."""

    code = "E400"
    exit_code = EXIT_INTERNAL


class WorkerError(BilanError):
    """Extraction workers died, or the Dask cluster cannot be used."""

    code = "E170"
    exit_code = EXIT_UNAVAILABLE


class InternalError(BilanError):
    """A bug: bilan failed where it should not; the traceback is shown with --debug."""

    code = "E900"
    exit_code = EXIT_INTERNAL


@dataclass(frozen=True, slots=True)
class Entry:
    """One error: its code, exception class, message template (str.format fields) and the
    HTTP status that answers it."""

    code: str
    kind: type[BilanError]
    template: str
    status: int

    @property
    def exit_code(self) -> int:
        return self.kind.exit_code

    def message(self, **fields: Any) -> str:
        return self.template.format(**fields)


_ENTRIES = (
    # Input files and lines (exit 1).
    ("E101", EmptyInputError, "{name}: the file is empty; give a report in plain text", 400),
    ("E102", BinaryInputError,
     "{name}: this looks like a binary file (it holds NUL bytes), not plain text", 400),
    ("E103", MalformedLineError, "{where}: not valid JSON ({reason})", 400),
    ("E107", BinaryInputError, "{name}: neither UTF-8 nor Latin-1 text; convert it to UTF-8",
     400),
    ("E108", InputError, "language {lang!r} is not supported; use one of {choices}", 400),
    ("E120", InputError, "{name}: no such file", 400),
    ("E121", InputError, "{name}: is a folder; give the report files inside it", 400),
    ("E122", InputError, "{name}: cannot be read ({reason})", 400),
    ("E123", InputError, "{name}: is a folder; give a JSON Lines file", 400),
    ("E124", InputError, "{name}: no such file or folder", 400),
    ("E130", MalformedLineError,
     "{where}: not valid JSON ({reason}); a gold file holds one JSON object per line", 400),
    ("E131", MalformedLineError,
     "{where}: a gold document is a JSON object with `id`, `text` and `claims`", 400),
    ("E139", MalformedLineError,
     "{where}: gold claim {number} cannot be scored: {problem}", 400),
    ("E132", MalformedLineError, "{where}: JSON nested too deeply", 400),
    ("E133", MalformedLineError, "{where}: expected a JSON object with `id` and `text`", 400),
    ("E134", MalformedLineError, "{where}: the document has no `text` string", 400),
    ("E135", MalformedLineError, "{where}: `{field}` is not a string", 400),
    ("E136", InputError, "{name}: expected a JSON array of documents", 400),
    ("E137", InputError,
     "{name}: document {id} has no `gold` field; expected the ISAF document-level gold", 400),
    ("E138", MalformedLineError, "{where}: a line over {limit:,} bytes, skipped unread "
     "(ingest: raise the limit with --max-size)", 413),
    ("E140", InputError, "{where}: {value!r} is not a date in YYYY-MM-DD form", 400),
    ("E141", InputError, "{where}: {value!r} is not a real date", 400),
    ("E142", InputError, "{where}: {value!r} is not a date bilan reads", 400),
    ("E150", InputError, "{name}: {size:,} characters, over the size limit of {limit:,} "
     "(raise it with --max-size)", 413),
    ("E151", InputError, "{name}: {size:,} bytes, over the size limit of {limit:,} "
     "(raise it with --max-size)", 413),
    ("E152", InputError, "{where}: a record over the size limit of {limit:,} characters; "
     "it and the rest of the file are not read (raise the limit with --max-size)", 413),
    ("E153", InputError, "{where}: a record over the size limit of {limit:,} characters, "
     "skipped unread; the next ones are read (raise the limit with --max-size)", 413),
    ("E160", InputError, "{name}: the folder holds no files", 400),
    ("E161", InputError, "{name}: cannot be parsed ({reason})", 400),
    ("E162", InputError, "{name}, line 1: broken CSV header ({reason})", 400),
    ("E163", InputError, "{name}: no column {column!r} for the text (columns: {columns}); "
     "map one with --csv-columns text=COLUMN", 400),
    ("E164", InputError,
     "{name}, line {line}: broken CSV quoting ({reason}); the rest of the file is not read", 400),
    ("E165", InputError, "{where}: more fields than the header has columns", 400),
    ("E166", InputError, "{where}: the text column {column!r} is empty", 400),
    ("E167", InputError, "{name}: no article text found in this HTML page", 400),
    ("E168", InputError,
     "{name}: not an RSS or Atom feed, or a feed without entries{reason}", 400),
    ("E169", InputError, "{where}: the entry has no text", 400),
    # Extraction on worker processes or a Dask cluster (exit 3; usage: exit 2).
    ("E170", WorkerError, "{origin}: not stored, the worker extracting its chunk alone died "
     "{losses} times (re-run the ingest to try again)", 503),
    ("E171", WorkerError, "--dask {address}: cannot reach the scheduler ({reason})", 503),
    ("E172", WorkerError, "--dask needs the Dask extra: pip install 'bilan[dask]'", 503),
    ("E173", UsageError, "--workers {workers}: give 1 or more processes", 400),
    ("E174", UsageError, "give --workers or --dask, not both", 400),
    ("E175", UsageError, "--workers and --dask apply to --input documents", 400),
    # Queries (exit 1).
    ("E104", QueryError, "--from {first} is after --to {last}", 400),
    ("E105", UnknownPlaceError,
     "--place {name!r}: no country, region or town of that name in the gazetteer", 404),
    ("E181", QueryError, "limit {limit}: expected 1 to {most}", 400),
    ("E182", QueryError, "offset {offset}: expected 0 or more", 400),
    ("E183", QueryError, "victims {victims!r}: expected one of {choices}", 400),
    ("E184", QueryError, "{name} {value!r}: expected one of {choices}", 400),
    ("E185", QueryError, "a tally needs both `from` and `to` days (YYYY-MM-DD)", 400),
    ("E186", QueryError, "--convention {convention!r}: expected one of {choices}", 400),
    ("E187", QueryError, "--document {document}: no stored claim of that document matches",
     404),
    # Usage (exit 2).
    ("E111", UsageError, "give one or more FILEs, - for stdin, or --input DOCS.jsonl", 400),
    ("E112", UsageError,
     "--csv-columns {spec}: {item!r} is not FIELD=COLUMN with FIELD one of {choices}", 400),
    ("E113", UsageError, "--csv-columns {spec}: the field {field} is mapped twice", 400),
    ("E114", UsageError, "--format parquet writes binary data: give --output FILE or "
     "redirect standard output", 400),
    ("E115", UsageError, "--max-size {value:g}: give a number of megabytes above 0", 400),
    # Models (exit 3).
    ("E200", ModelError,
     "the spaCy model package {name} is not installed; run `pip install -e .`", 503),
    ("E201", ModelError, "no model for language {lang!r}; use one of {choices}", 400),
    ("E203", ModelError, "an `auto` extractor has one pipeline per language; ask one", 500),
    ("E204", ModelError, "bilan components read {choices}; this pipeline's language is "
     "{lang!r}", 400),
    # Stores (exit 3).
    ("E301", StoreUrlError, "{name}: not a database URL bilan can open (give a SQLite file "
     "path or postgresql://user@host/db)", 400),
    ("E302", MigrationError, "{name}: the database has migrations this bilan does not know "
     "({migrations}); upgrade bilan", 503),
    ("E303", StoreError,
     "{name}: no bilan store there; check --db or $BILAN_DB, or ingest reports first", 404),
    ("E304", StoreError, "{name}: cannot open the database ({reason})", 503),
    ("E305", StoreError, "{name}: {claims} claims but {regions} regions", 500),
    ("E306", StoreError, "{name}: cannot store {origin} ({reason})", 503),
    ("E307", StoreError, "{name}: cannot update {origin} ({reason})", 503),
    ("E308", StoreError, "{name}: cannot connect ({reason})", 503),
    ("E309", MigrationError, "{name}: migration failed at {migration} ({reason})", 503),
    # The tally (exit 4).
    ("E400", ReconcileError,
     "the tally program of {victims} in {region} from {first} to {last} failed: {reason}", 500),
    # URLs (exit 1: the URL is one input of the run).
    ("E501", NetworkError, "{url}: larger than the size limit of {limit:,} bytes (raise it "
     "with --max-size)", 413),
    ("E502", NetworkError, "{url}: HTTP {status} {reason}", 502),
    ("E503", NetworkError, "{url}: no complete answer within {seconds:g} s", 504),
    ("E504", NetworkError, "{url}: cannot be reached ({reason})", 502),
    # The HTTP API.
    ("E600", AccessError,
     "this server is read-only: start it with {variable} set to accept writes", 403),
    ("E601", AccessError, "writes need the header `Authorization: Bearer <token>` with the "
     "server's {variable}", 401),
    ("E602", InputError, "request body of {size} bytes: the limit is {limit}", 413),
    ("E603", InputError, "request body over {limit} bytes: the limit", 413),
    ("E604", InputError, "empty body: send a plain-text report or JSON Lines documents "
     "(Content-Type: application/jsonl)", 400),
    ("E605", InputError, "document {id!r}: not in the store", 404),
    ("E606", QueryError, "the request's parameters are invalid: {problems}", 400),
    # Bugs (exit 4).
    ("E900", InternalError, "internal error: {name}; run again with --debug for the "
     "traceback, and report it", 500),
)

CATALOGUE: dict[str, Entry] = {}
for _code, _kind, _template, _status in _ENTRIES:
    if _code in CATALOGUE:
        raise RuntimeError(f"error code {_code} twice in the catalogue")
    CATALOGUE[_code] = Entry(_code, _kind, _template, _status)
