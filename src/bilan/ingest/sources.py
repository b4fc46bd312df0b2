"""Reports from files, folders, JSON Lines, CSV, HTML pages and RSS or Atom feeds.

Every reader yields a `Report` per document, or an `InputError` naming the file
(and line or entry) it could not read, and goes on with the next one. URLs are read
with a time-out and a size cap.
"""

from __future__ import annotations

import csv
import email.utils
import itertools
import json
import queue
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree as lxml_etree

from bilan.documents import (
    MAX_BYTES,
    LongLine,
    decode,
    decoded_lines,
    document_of,
    json_failure,
    json_value,
    jsonl_lines,
    open_jsonl,
    parse_date,
    read_text_chunks,
    repair_text,
)
from bilan.errors import EmptyInputError, InputError, MalformedLineError, NetworkError, UsageError

# Fields a CSV column can fill; `text` is required.
CSV_FIELDS = ("text", "id", "lang", "published", "title", "url", "outlet")
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_HTML_SUFFIXES = {".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_SNIFF_CHARS = 16_384
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
# Seconds a URL has to answer in full, connection included.
TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Report:
    """One document read from an input, before language detection and extraction.

    `origin` names where it came from: a path, "path, line 3", "feed, entry 2".
    `lang` is None when the input does not state it.
    """

    text: str
    origin: str
    lang: str | None = None
    published: date | None = None
    external_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


def parse_csv_columns(spec: str | None) -> dict[str, str]:
    """`text=body,published=date` as {field: column}; unnamed fields use their own name."""
    columns = {field: field for field in CSV_FIELDS}
    given: set[str] = set()
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        field, sep, column = item.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column or field not in CSV_FIELDS:
            raise UsageError.of("E112", spec=repr(spec), item=item,
                                choices=", ".join(CSV_FIELDS))
        if field in given:
            raise UsageError.of("E113", spec=repr(spec), field=repr(field))
        given.add(field)
        columns[field] = column
    return columns


def read_reports(
    inputs: Sequence[str], csv_columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Report | InputError]:
    """Every report of the inputs, in order; folders are read recursively, sorted by name.

    A text, HTML or feed file or URL larger than `max_bytes` is refused unread, and so is a
    JSON Lines line.
    """
    columns = dict(csv_columns or parse_csv_columns(None))
    for name in inputs:
        if name.startswith(("http://", "https://")):
            yield from _guarded(name, lambda n=name: read_url(n, max_bytes))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                yield InputError.of("E160", name=name)
            for file in files:
                yield from _guarded(str(file), lambda f=file: read_file(f, columns, max_bytes))
        elif not path.exists():
            yield InputError.of("E124", name=name)
        else:
            yield from _guarded(name, lambda p=path: read_file(p, columns, max_bytes))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _guarded(name: str, read: Any) -> Iterator[Report | InputError]:
    try:
        yield from read()
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError.of("E122", name=name, reason=error.strerror or error)
    except (ValueError, TypeError, LookupError, RecursionError, csv.Error,
            lxml_etree.LxmlError) as error:
        # A parser library's own complaint about a malformed input: this input fails alone.
        yield InputError.of("E161", name=name, reason=type(error).__name__)


def _sized(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file read whole (text, HTML, feed), refused above the size limit:
    unread when its size says so, else once one byte more than the limit has been read (a
    pipe or a device such as /dev/zero has no size)."""
    size = path.stat().st_size
    if size <= max_bytes:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
        size = max(size, len(data))
    if size > max_bytes:
        raise InputError.of("E151", name=path, size=size, limit=max_bytes)
    return data


def read_file(path: Path, columns: Mapping[str, str],
              max_bytes: int = MAX_BYTES) -> Iterator[Report | InputError]:
    """The reports of one file, by its suffix: JSON Lines (or gzipped), a JSON array, CSV,
    HTML, a feed, else plain text."""
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in _JSONL_SUFFIXES or suffixes[-2:] in ([".jsonl", ".gz"], [".ndjson", ".gz"]):
        yield from read_jsonl(path, max_bytes)
    elif suffix == ".json":
        yield from read_json_array(path, max_bytes)
    elif suffix == ".csv":
        yield from read_csv(path, columns, max_bytes)
    elif suffix in _HTML_SUFFIXES:
        yield read_html(_sized(path, max_bytes), str(path))
    elif suffix in _FEED_SUFFIXES:
        yield from read_feed(_sized(path, max_bytes), str(path))
    else:
        yield Report(decode(_sized(path, max_bytes), str(path)), str(path))


def _document_report(record: Any, where: str, number: int) -> Report:
    """A report of one JSON document (a JSON Lines line or an array item)."""
    document = document_of(record, where, number)
    return Report(
        document.text, where, document.lang, document.published, document.id,
        *(_optional(record, name, where) for name in ("title", "url", "outlet")),
    )


def _optional(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedLineError.of("E135", where=where, field=name)
    return repair_text(value)


def read_jsonl(path: Path, max_line_bytes: int = MAX_BYTES) -> Iterator[Report | InputError]:
    """Documents in the gold format (`id`, `lang`, `published`, `text`; others ignored),
    read line by line; `.jsonl.gz` through gzip. A line over `max_line_bytes` fails alone."""
    for number, line in jsonl_lines(open_jsonl(path), str(path), max_line_bytes, close=True):
        if isinstance(line, InputError):
            yield line
            continue
        where = f"{path}, line {number}"
        try:
            yield _document_report(json_value(line, where), where, number)
        except InputError as error:
            yield error


def read_json_array(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Report | InputError]:
    """A `.json` file holding one document object or an array of them, read an item at a
    time: an item over `max_bytes` characters is read past and fails alone (E153); one that
    is not JSON ends the file with its error, after the items before it."""
    name = str(path)
    with path.open("rb") as handle:
        stream = _JsonStream(text for _, text in read_text_chunks(handle, name))
        opening = stream.next_char()
        if opening not in ("[", "{"):
            raise InputError.of("E136", name=name)
        if opening == "{":
            yield from _json_document(stream, name, 1, max_bytes)
        else:
            stream.at += 1
            number = 0
            while (following := stream.next_char()) != "]":
                if number:
                    if following != ",":
                        raise MalformedLineError.of("E103", where=f"{name}, item {number + 1}",
                                                    reason="expected ',' or ']'")
                    stream.at += 1
                number += 1
                yield from _json_document(stream, name, number, max_bytes)
            stream.at += 1
        if stream.next_char():
            raise MalformedLineError.of("E103", where=name, reason="extra data at the end")


def _json_document(stream: _JsonStream, name: str, number: int,
                   max_bytes: int) -> Iterator[Report | InputError]:
    where = f"{name}, item {number}"
    record = stream.value(where, max_bytes)
    if isinstance(record, InputError):
        yield record
        return
    try:
        yield _document_report(record, where, number)
    except InputError as error:
        yield error


_JSON = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
# What a value being read past is scanned for: the marks of strings and containers; in a
# string, its end or an escape; after a number or a literal, what may follow it.
_JSON_MARK = re.compile(r'["\[\]{}]')
_JSON_STRING_MARK = re.compile(r'["\\]')
_JSON_AFTER_SCALAR = re.compile(r"[ \t\n\r,\]}]")
_JSON_ANY = re.compile(".", re.DOTALL)


class _JsonStream:
    """The text of a JSON file read piece by piece; `at` is where parsing stands, and only
    the text from there on is held."""

    def __init__(self, pieces: Iterator[str]) -> None:
        self.pieces = pieces
        self.text = ""
        self.at = 0
        self.ended = False

    def _read_on(self, size: int) -> None:
        """Hold at least `size` characters from `at`, or what is left of the file."""
        more = []
        held = len(self.text) - self.at
        while held < size and (piece := next(self.pieces, None)) is not None:
            more.append(piece)
            held += len(piece)
        self.ended = held < size
        self.text = self.text[self.at:] + "".join(more)
        self.at = 0

    def next_char(self) -> str:
        """The next character after white space, not consumed; "" at the end."""
        while True:
            match = _JSON_SPACE.match(self.text, self.at)
            self.at = match.end() if match else self.at
            if self.at < len(self.text) or self.ended:
                return self.text[self.at:self.at + 1]
            self._read_on(1)

    def value(self, where: str, limit: int) -> Any:
        """The JSON value that starts at `at` (after white space), read on until it is
        whole; the E153 error of a value longer than `limit` characters, read past
        (`skip`)."""
        self.next_char()
        while True:
            held = len(self.text) - self.at
            try:
                value, end = _JSON.raw_decode(self.text, self.at)
            except RecursionError as error:
                raise MalformedLineError.of("E132", where=where) from error
            except ValueError as error:
                if self.ended:
                    raise MalformedLineError.of("E103", where=where,
                                                reason=json_failure(error)) from error
            else:
                if end - self.at > limit:
                    break
                # A value that ends the text held may go on (a number) unless the file ends.
                if end < len(self.text) or self.ended:
                    self.at = end
                    return value
            if held > limit:  # not whole in more than `limit` characters
                break
            # Twice as much before parsing again: the work stays linear in the value's size.
            self._read_on(2 * held + 1)
        self.skip()
        return InputError.of("E153", where=where, limit=limit)

    def skip(self) -> None:
        """Read past the JSON value that starts at `at` without holding it: to the quote or
        bracket that closes it, or to what follows a number or a literal. Broken JSON is
        read to the end of the file, where the caller finds it broken."""
        self.next_char()
        if self.text[self.at:self.at + 1] not in ('"', "[", "{"):
            after = self._find(_JSON_AFTER_SCALAR)
            self.at = len(self.text) if after is None else after
            return
        depth = 0
        while (found := self._find(_JSON_MARK)) is not None:
            self.at = found + 1
            mark = self.text[found]
            if mark == '"':
                if not self._skip_string():
                    return
            else:
                depth += 1 if mark in "[{" else -1
            if depth <= 0:
                return

    def _skip_string(self) -> bool:
        """Read past the rest of a string whose opening quote is behind `at`; False when
        the file ends first."""
        while (found := self._find(_JSON_STRING_MARK)) is not None:
            self.at = found + 1
            if self.text[found] == '"':
                return True
            # A backslash: the character it escapes may be in the next piece.
            if self._find(_JSON_ANY) is None:
                return False
            self.at += 1
        return False

    def _find(self, pattern: re.Pattern[str]) -> int | None:
        """Where `pattern` next matches from `at`, reading on and dropping the text passed;
        None at the end of the file."""
        while (match := pattern.search(self.text, self.at)) is None:
            self.at = len(self.text)
            self._read_on(1)
            if not self.text:
                return None
        return match.start()


def read_csv(path: Path, columns: Mapping[str, str],
             max_bytes: int = MAX_BYTES) -> Iterator[Report | InputError]:
    """One report per row; `columns` maps each field to its column name. The delimiter
    (comma, semicolon, tab, bar) is sniffed; a row over `max_bytes` characters is read past
    and fails alone (E153), a broken quote ends the file with an error naming its line,
    after the rows before it. The file is read a row at a time."""
    name = str(path)
    with path.open("rb") as handle:
        lines = decoded_lines(handle, name, max_bytes)
        head: list[str | LongLine] = []
        sniffed = 0
        while sniffed < _SNIFF_CHARS and (line := next(lines, "")) != "":
            head.append(line)
            sniffed += len(line) if isinstance(line, str) else max_bytes
        sample = "".join(line for line in head if isinstance(line, str))
        if (not sample.strip() and sniffed < _SNIFF_CHARS
                and all(isinstance(line, str) for line in head)):
            raise EmptyInputError.of("E101", name=name)
        try:
            dialect: Any = csv.Sniffer().sniff(sample[:_SNIFF_CHARS], delimiters=",;\t|")
            delimiter = dialect.delimiter
        except csv.Error:
            delimiter = ","
        record = _CsvRecord(itertools.chain(head, lines), max_bytes)
        # A field is at most a record: the csv module's own limit (128 kB) would refuse
        # a long article.
        field_limit = csv.field_size_limit(max(max_bytes, csv.field_size_limit()))
        try:
            yield from _csv_reports(path, csv.DictReader(record, delimiter=delimiter,
                                                         strict=True), record, columns)
        finally:
            csv.field_size_limit(field_limit)


class _Oversized(Exception):
    """A CSV record went past the size limit."""


class _CsvRecord:
    """The lines of a CSV file for the csv reader, counting the lines read (`line`) and
    the characters and quotes of the record being read. A record past `limit` (the reader
    would hold it whole) is read past to its end without being held, then raises
    _Oversized; the reader starts its next record afresh after an error."""

    def __init__(self, lines: Iterator[str | LongLine], limit: int) -> None:
        self.lines = lines
        self.limit = limit
        self.line = 0
        self.size = 0
        self.quotes = 0

    def __iter__(self) -> _CsvRecord:
        return self

    def start(self) -> None:
        """A new record begins."""
        self.size = self.quotes = 0

    def __next__(self) -> str:
        line = next(self.lines)
        self.line += 1
        if isinstance(line, LongLine) or self.size + len(line) > self.limit:
            self._read_past(line)
            raise _Oversized
        self.size += len(line)
        self.quotes += line.count('"')
        return line

    def _read_past(self, line: str | LongLine) -> None:
        """Read on to the end of the record `line` is part of: the first line end outside
        quotes, where its `"` count is even (a doubled quote counts two)."""
        quotes = self.quotes
        while True:
            quotes += line.quotes if isinstance(line, LongLine) else line.count('"')
            if not quotes % 2:
                return
            following = next(self.lines, None)
            if following is None:
                return
            self.line += 1
            line = following


def _csv_reports(path: Path, rows: csv.DictReader[str], record: _CsvRecord,
                 columns: Mapping[str, str]) -> Iterator[Report | InputError]:
    try:
        header = rows.fieldnames or []
    except csv.Error as error:
        raise InputError.of("E162", name=path, reason=error) from error
    except _Oversized as error:
        raise InputError.of("E152", where=f"{path}, line 1", limit=record.limit) from error
    if columns["text"] not in header:
        raise InputError.of("E163", name=path, column=columns["text"],
                            columns=", ".join(header))
    while True:
        # The line after the last whole row: where a broken quote opens (the reader's own
        # count has run on to the end of the file by then).
        opened = record.line + 1
        record.start()
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield InputError.of("E164", name=path, line=opened, reason=error)
            return
        except _Oversized:
            yield InputError.of("E153", where=f"{path}, line {opened}", limit=record.limit)
            continue
        where = f"{path}, line {record.line}"
        if None in row:
            yield InputError.of("E165", where=where)
            continue
        values = {field: _storable((row.get(column) or "").strip() or None)
                  for field, column in columns.items()}
        body = row.get(columns["text"]) or ""
        if not body.strip():
            yield InputError.of("E166", where=where, column=columns["text"])
            continue
        try:
            published = _day(values["published"], where)
        except InputError as error:
            yield error
            continue
        yield Report(repair_text(body), where, values["lang"], published, values["id"],
                     values["title"], values["url"], values["outlet"])


def read_html(data: bytes, name: str) -> Report:
    """The article of an HTML page, without boilerplate, with its title and date."""
    import trafilatura

    html = decode(data, name)
    extracted = trafilatura.extract(html, output_format="json", with_metadata=True)
    if not extracted:
        raise InputError.of("E167", name=name)
    article = json.loads(extracted)
    return Report(
        repair_text(article["text"]), name, None, _day(article.get("date"), name), None,
        _storable(article.get("title")),
        _storable(article.get("url") or (name if "://" in name else None)),
        _storable(article.get("sitename") or article.get("hostname")),
    )


def _storable(value: str | None) -> str | None:
    """A title, id, URL or outlet as every store accepts it (no NUL, no lone surrogate)."""
    return repair_text(value) if value is not None else None


def read_url(url: str, max_bytes: int = MAX_BYTES) -> Iterator[Report | InputError]:
    """An http(s) URL: an RSS or Atom feed, one report per entry, or an article page."""
    data, content_type = fetch(url, max_bytes)
    head = data[:1024].lstrip().lower()
    if "html" in content_type or head.startswith((b"<!doctype html", b"<html")):
        yield read_html(data, url)
    else:
        yield from read_feed(data, url)


def fetch(url: str, max_bytes: int = MAX_BYTES, timeout: float | None = None
          ) -> tuple[bytes, str]:
    """The body and content type of a URL, within `timeout` seconds in all (default
    TIMEOUT) and `max_bytes`."""
    timeout = TIMEOUT if timeout is None else timeout
    answers: queue.SimpleQueue[tuple[bytes, str] | BaseException] = queue.SimpleQueue()

    def download() -> None:
        try:
            answers.put(_download(url, max_bytes, timeout))
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            answers.put(error)

    # A server may answer a byte at a time, each within the socket's time-out: the download
    # runs in a thread of its own, given `timeout` in all; late, it ends by itself at its
    # next read.
    threading.Thread(target=download, daemon=True, name=f"fetch {url}").start()
    try:
        answer = answers.get(timeout=timeout)
    except queue.Empty:
        raise NetworkError.of("E503", url=url, seconds=timeout) from None
    if isinstance(answer, BaseException):
        raise answer
    return answer


def _download(url: str, max_bytes: int, timeout: float) -> tuple[bytes, str]:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "bilan"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            chunks, size = [], 0
            # read1: what one read of the socket gives, so the deadline is checked as
            # bytes arrive, not once 64 KiB have.
            while chunk := response.read1(1 << 16):
                size += len(chunk)
                if size > max_bytes:
                    raise NetworkError.of("E501", url=url, limit=max_bytes)
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
    except urllib.error.HTTPError as error:
        raise NetworkError.of("E502", url=url, status=error.code, reason=error.reason) \
            from error
    except TimeoutError as error:
        raise NetworkError.of("E503", url=url, seconds=timeout) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        why = getattr(error, "reason", None) or error
        raise NetworkError.of("E504", url=url, reason=why) from error
    return b"".join(chunks), content_type.lower()


def read_feed(data: bytes, location: str) -> Iterator[Report | InputError]:
    """One report per entry of an RSS or Atom feed's bytes."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f" ({type(problem).__name__})" if problem else ""
        raise InputError.of("E168", name=location, reason=reason)
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{location}, entry {number}"
        contents = entry.get("content") or []
        try:
            body = _html_text(contents[0].get("value", "") if contents
                              else entry.get("summary", ""))
            published = _feed_date(entry, where)
        except InputError as error:
            yield error
            continue
        except (ValueError, lxml_etree.LxmlError) as error:
            yield InputError.of("E161", name=where, reason=type(error).__name__)
            continue
        text = body or entry.get("title", "")
        if not text.strip():
            yield InputError.of("E169", where=where)
            continue
        yield Report(repair_text(text), where, None, published,
                     _storable(entry.get("id") or entry.get("link")),
                     _storable(entry.get("title")), _storable(entry.get("link")),
                     _storable(outlet))


def _feed_date(entry: Any, where: str) -> date | None:
    """An entry's publication date as written: an impossible date is refused, not shifted
    to a real one as feedparser's parsed stamp does (2019-02-30 is not 2019-03-02)."""
    raw = entry.get("published") or entry.get("updated")
    if not raw:
        return None
    fields = email.utils.parsedate_tz(raw)
    iso = _ISO_DAY.match(raw)
    try:
        if fields is not None:
            return date(fields[0], fields[1], fields[2])
        if iso is not None:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp is not None:
            return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError as error:
        raise InputError.of("E141", where=where, value=raw) from error
    raise InputError.of("E142", where=where, value=raw)


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per line."""
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html

    root = html.fragment_fromstring(fragment, create_parent="div")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _day(value: str | None, where: str) -> date | None:
    """A date from YYYY-MM-DD, or from the date part of an ISO timestamp."""
    return parse_date(value[:10], where) if value else None
