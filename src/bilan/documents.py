"""Reading reports from files: decoding, size limits, and JSON Lines documents."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from bilan.errors import BinaryInputError, EmptyInputError, InputError, MalformedLineError

logger = logging.getLogger(__name__)

# Large plain-text files are extracted piecewise, cut at paragraph ends.
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


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else Windows-1252/Latin-1."""
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty; give a report in plain text")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise BinaryInputError(
            f"{name}: this looks like a binary file (it holds NUL bytes), not plain text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise BinaryInputError(f"{name}: neither UTF-8 nor Latin-1 text; convert it to UTF-8")
    logger.warning("%s is not UTF-8; read it as Windows-1252/Latin-1", name)
    return text


def read_text_chunks(handle: IO[bytes], name: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a plain-text file, cut at line ends every ~CHUNK_CHARS.

    Memory stays bounded by the chunk size whatever the file's size.
    """
    head = handle.read(_SNIFF_BYTES)
    # Leading blank space of any length is not emptiness: read on to the first text.
    while not head.strip():
        rest = handle.read(_SNIFF_BYTES)
        if not rest:
            raise EmptyInputError(f"{name}: the file is empty; give a report in plain text")
        head += rest
    encoding = _encoding_of(head, name)
    pending = head
    offset = 0
    buffered: list[str] = []
    size = 0
    while True:
        block = handle.read(1 << 20)
        data = pending + block
        if not block:
            lines = [data]
            pending = b""
        else:
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                pending = data
                continue
            lines, pending = [data[:cut]], data[cut:]
        for raw in lines:
            if b"\x00" in raw:
                raise BinaryInputError(f"{name}: holds NUL bytes; this is not a plain-text file")
            piece = raw.decode(encoding, errors="replace")
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


def _encoding_of(head: bytes, name: str) -> str:
    if b"\x00" in head:
        raise BinaryInputError(
            f"{name}: this looks like a binary file (it holds NUL bytes), not plain text"
        )
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the sniff boundary is still UTF-8.
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8-sig"
    decode(head, name)
    return "cp1252"


def parse_document_line(line: str, number: int, source: str) -> Document:
    """One JSON Lines document (`id`, `text`, optional `lang`, `published`)."""
    where = f"{source}, line {number}"
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        raise MalformedLineError(f"{where}: not valid JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise MalformedLineError(f"{where}: expected a JSON object with `id` and `text`")
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedLineError(f"{where}: the document has no `text` string")
    doc_id = record.get("id")
    if doc_id is None:
        doc_id = f"line-{number}"
    published = record.get("published")
    return Document(
        id=str(doc_id),
        text=text,
        lang=str(record["lang"]) if record.get("lang") else None,
        published=parse_date(published, where) if published else None,
    )


def parse_date(value: Any, where: str) -> date:
    """A YYYY-MM-DD date, or an InputError naming where it came from."""
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InputError(f"{where}: {value!r} is not a date in YYYY-MM-DD form") from error


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
        raise InputError(f"{name}: no such file") from error
    except IsADirectoryError as error:
        raise InputError(f"{name}: is a folder; give a JSON Lines file") from error
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror})") from error
    with handle:
        yield from _read_jsonl_lines(handle, name)


def _read_jsonl_lines(handle: IO[str], name: str) -> Iterator[Document | MalformedLineError]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            yield parse_document_line(line, number, name)
        except InputError as error:
            yield MalformedLineError(str(error).split("] ", 1)[-1])


def _stdin_text() -> IO[str]:
    import sys

    return sys.stdin
