"""Reading reports from files: decoding, size limits, and JSON Lines documents."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from bilan.errors import BinaryInputError, EmptyInputError, InputError, MalformedLineError

logger = logging.getLogger(__name__)

# Large plain-text files are extracted piecewise, cut at paragraph ends (and long lines
# after a sentence or word).
CHUNK_CHARS = 200_000
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Document:
    """A report to extract from; `published` anchors its relative dates; `lang` is the
    language the document declares, None when it declares none."""

    id: str
    text: str
    lang: str | None = None
    published: date | None = None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Lone surrogates (JSON may escape them: "\\ud800") cannot be encoded, and PostgreSQL
# refuses NUL in text where SQLite takes it: both become U+FFFD, offsets unchanged.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def repair_text(text: str) -> str:
    """`text` with every character no store or encoder accepts replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-16 with its BOM; else UTF-8 (with or without BOM), line by
    line, a line that is not UTF-8 read as Windows-1252/Latin-1, so one stray byte garbles
    one line, not the report."""
    if not data.strip():
        raise EmptyInputError.of("E101", name=name)
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        if not text.strip():
            raise EmptyInputError.of("E101", name=name)
        return repair_text(text)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise BinaryInputError.of("E102", name=name)
    return _decode_lines(data.removeprefix(b"\xef\xbb\xbf"), name)


def _decode_lines(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    decoded = []
    foreign = 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            foreign += 1
    text = "".join(decoded)
    if text.count("\ufffd") > len(text) // 100:
        raise BinaryInputError.of("E107", name=name)
    logger.warning("%s: %d of %d lines are not UTF-8; read them as Windows-1252/Latin-1",
                   name, foreign, len(lines))
    return repair_text(text)


def read_text_chunks(handle: IO[bytes], name: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a plain-text file, cut at line ends every ~CHUNK_CHARS; a
    line longer than CHUNK_CHARS bytes is cut after a sentence or a word.

    Memory stays bounded by the chunk size whatever the file's size or line length.
    """
    head = handle.read(_SNIFF_BYTES)
    # Leading blank space of any length is not emptiness: read on to the first text.
    while not head.strip():
        rest = handle.read(_SNIFF_BYTES)
        if not rest:
            raise EmptyInputError.of("E101", name=name)
        head += rest
    if head.startswith(_UTF16_BOMS):
        # Rare enough to read whole: its lines cannot be cut on a single byte.
        yield 0, decode(head + handle.read(), name)
        return
    if b"\x00" in head:
        raise BinaryInputError.of("E102", name=name)
    pending = head.removeprefix(b"\xef\xbb\xbf")
    offset = 0
    buffered: list[str] = []
    size = 0
    while True:
        block = handle.read(CHUNK_CHARS)
        data = pending + block
        if not block:
            raw, pending = data, b""
        else:
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                if len(data) < CHUNK_CHARS:
                    pending = data
                    continue
                # A line this long (a page without line breaks) is cut too, or it would be
                # held whole whatever its size.
                cut = _line_cut(data)
            raw, pending = data[:cut], data[cut:]
        if b"\x00" in raw:
            raise BinaryInputError.of("E102", name=name)
        if raw:
            piece = _decode_lines(raw, name)
            buffered.append(piece)
            size += len(piece)
        if size >= CHUNK_CHARS or not block:
            text = "".join(buffered)
            if text:
                yield offset, text
            offset += len(text)
            buffered, size = [], 0
        if not block:
            return


def _line_cut(data: bytes) -> int:
    """Where to cut a long line of UTF-8 (or single-byte) text: after its last sentence end
    in its second half, else its last space, else at a character boundary."""
    floor = len(data) // 2
    for mark in (b". ", b" "):
        at = data.rfind(mark, floor)
        if at != -1:
            return at + len(mark)
    cut = len(data)
    # Continuation bytes (10xxxxxx) are inside a UTF-8 character: back up to its start.
    while cut > floor and data[cut - 1] & 0xC0 == 0x80:
        cut -= 1
    if cut > floor and data[cut - 1] >= 0xC0:
        cut -= 1
    return cut


def parse_document_line(line: str, number: int, source: str) -> Document:
    """One JSON Lines document (`id`, `text`, optional `lang`, `published`)."""
    where = f"{source}, line {number}"
    return document_of(json_value(line, where), where, number)


def json_failure(error: ValueError) -> str:
    """Why `json.loads` refused a text: bad JSON, or a number past Python's 4,300-digit
    conversion limit (a plain ValueError)."""
    return error.msg if isinstance(error, json.JSONDecodeError) else str(error)


def json_value(text: str, where: str) -> Any:
    """The JSON value of `text`, or a MalformedLineError naming `where`."""
    try:
        return json.loads(text)
    except ValueError as error:
        raise MalformedLineError.of("E103", where=where, reason=json_failure(error)) from error
    except RecursionError as error:
        raise MalformedLineError.of("E132", where=where) from error


def document_of(record: Any, where: str, number: int) -> Document:
    """The document of one JSON object (`id`, `text`, optional `lang`, `published`)."""
    if not isinstance(record, dict):
        raise MalformedLineError.of("E133", where=where)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedLineError.of("E134", where=where)
    doc_id = record.get("id")
    if doc_id is None:
        doc_id = f"line-{number}"
    published = record.get("published")
    lang = record.get("lang")
    return Document(
        id=repair_text(str(doc_id)),
        text=repair_text(text),
        lang=repair_text(str(lang)) if lang else None,
        published=parse_date(published, where) if published else None,
    )


def parse_date(value: Any, where: str) -> date:
    """A YYYY-MM-DD date, or an InputError naming where it came from."""
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InputError.of("E140", where=where, value=value) from error


def read_jsonl(path: Path | str) -> Iterator[Document | MalformedLineError]:
    """Documents of a JSON Lines file; a bad line yields its error and reading goes on."""
    name = str(path)
    if name == "-":
        yield from _read_jsonl_lines(_stdin_text(), name)
        return
    try:
        # utf-8-sig: editors on Windows start files with a BOM, which json.loads rejects.
        handle = open(path, encoding="utf-8-sig", errors="replace")
    except FileNotFoundError as error:
        raise InputError.of("E120", name=name) from error
    except IsADirectoryError as error:
        raise InputError.of("E123", name=name) from error
    except OSError as error:
        raise InputError.of("E122", name=name, reason=error.strerror) from error
    with handle:
        yield from _read_jsonl_lines(handle, name)


def _read_jsonl_lines(handle: IO[str], name: str) -> Iterator[Document | MalformedLineError]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            yield parse_document_line(line, number, name)
        except InputError as error:
            yield MalformedLineError(error.detail, code=error.code)


def _stdin_text() -> IO[str]:
    import sys

    return sys.stdin
