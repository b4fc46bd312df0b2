"""Reports from files, folders, JSON Lines, CSV, HTML pages and RSS or Atom feeds.

Every reader yields a `Report` per document, or an `InputError` naming the file
(and line or entry) it could not read, and goes on with the next one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bilan.documents import decode, parse_date, parse_document_line
from bilan.errors import InputError

# Fields a CSV column can fill; `text` is required.
CSV_FIELDS = ("text", "id", "lang", "published", "title", "url", "outlet")
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_HTML_SUFFIXES = {".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


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
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        field, sep, column = item.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column or field not in CSV_FIELDS:
            raise InputError(
                f"--csv-columns {spec!r}: {item!r} is not FIELD=COLUMN with FIELD one of "
                f"{', '.join(CSV_FIELDS)}"
            )
        columns[field] = column
    return columns


def read_reports(
    inputs: Sequence[str], csv_columns: Mapping[str, str] | None = None
) -> Iterator[Report | InputError]:
    """Every report of the inputs, in order; folders are read recursively, sorted by name."""
    columns = dict(csv_columns or parse_csv_columns(None))
    for name in inputs:
        if name.startswith(("http://", "https://")):
            yield from _guarded(name, lambda n=name: read_feed(n))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                yield InputError(f"{name}: the folder holds no files")
            for file in files:
                yield from _guarded(str(file), lambda f=file: read_file(f, columns))
        elif not path.exists():
            yield InputError(f"{name}: no such file or folder")
        else:
            yield from _guarded(name, lambda p=path: read_file(p, columns))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _guarded(name: str, read: Any) -> Iterator[Report | InputError]:
    try:
        yield from read()
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(f"{name}: cannot be read ({error.strerror or error})")


def read_file(path: Path, columns: Mapping[str, str]) -> Iterator[Report | InputError]:
    """The reports of one file, by its suffix: JSON Lines, CSV, HTML, a feed, else plain text."""
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix == ".csv":
        yield from read_csv(path, columns)
    elif suffix in _HTML_SUFFIXES:
        yield read_html(path)
    elif suffix in _FEED_SUFFIXES:
        yield from read_feed(str(path))
    else:
        yield Report(decode(path.read_bytes(), str(path)), str(path))


def read_jsonl(path: Path) -> Iterator[Report | InputError]:
    """Documents in the gold format (`id`, `lang`, `published`, `text`; others ignored)."""
    text = decode(path.read_bytes(), str(path))
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        try:
            document = parse_document_line(line, number, str(path))
        except InputError as error:
            yield error
            continue
        record = json.loads(line)
        # parse_document_line defaults a missing language to French; detect it instead.
        yield Report(
            document.text, f"{path}, line {number}", document.lang if record.get("lang") else None,
            document.published, document.id, record.get("title"), record.get("url"),
            record.get("outlet"),
        )


def read_csv(path: Path, columns: Mapping[str, str]) -> Iterator[Report | InputError]:
    """One report per row; `columns` maps each field to its column name."""
    text = decode(path.read_bytes(), str(path))
    rows = csv.DictReader(io.StringIO(text, newline=""))
    header = rows.fieldnames or []
    if columns["text"] not in header:
        raise InputError(
            f"{path}: no column {columns['text']!r} for the text (columns: {', '.join(header)}); "
            f"map one with --csv-columns text=COLUMN"
        )
    for number, row in enumerate(rows, start=2):
        where = f"{path}, line {number}"
        values = {field: (row.get(column) or "").strip() or None
                  for field, column in columns.items()}
        body = row.get(columns["text"]) or ""
        if not body.strip():
            yield InputError(f"{where}: the text column {columns['text']!r} is empty")
            continue
        try:
            published = _day(values["published"], where)
        except InputError as error:
            yield error
            continue
        yield Report(body, where, values["lang"], published, values["id"], values["title"],
                     values["url"], values["outlet"])


def read_html(path: Path) -> Report:
    """The article of an HTML page, without boilerplate, with its title and date."""
    import trafilatura

    html = decode(path.read_bytes(), str(path))
    extracted = trafilatura.extract(html, output_format="json", with_metadata=True)
    if not extracted:
        raise InputError(f"{path}: no article text found in this HTML page")
    article = json.loads(extracted)
    return Report(
        article["text"], str(path), None, _day(article.get("date"), str(path)), None,
        article.get("title"), article.get("url"),
        article.get("sitename") or article.get("hostname"),
    )


def read_feed(location: str) -> Iterator[Report | InputError]:
    """One report per entry of an RSS or Atom feed, a local file or an http(s) URL."""
    import feedparser

    feed = feedparser.parse(location)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f" ({problem})" if problem else ""
        raise InputError(f"{location}: not an RSS or Atom feed, or a feed without entries{reason}")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{location}, entry {number}"
        contents = entry.get("content") or []
        body = _html_text(contents[0].get("value", "") if contents else entry.get("summary", ""))
        text = body or entry.get("title", "")
        if not text.strip():
            yield InputError(f"{where}: the entry has no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        yield Report(text, where, None, published, entry.get("id") or entry.get("link"),
                     entry.get("title"), entry.get("link"), outlet)


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
