"""Reading reports from files: decoding, size limits, and JSON Lines documents."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import re
import zlib
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
# A file read whole (text, HTML, feed) and a JSON Lines line are refused above this many
# bytes (`ingest --max-size`): a JSON Lines file is read line by line, so a line, not the
# file, is what must fit in memory.
MAX_BYTES = 10_000_000


@dataclass(frozen=True, slots=True)
class Document:
    """A report to extract from; `published` anchors its relative dates; `lang` is the
    language the document declares, None when it declares none."""

    id: str
    text: str
    lang: str | None = None
    published: date | None = None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")
# Lone surrogates (JSON may escape them: "\\ud800") cannot be encoded, and PostgreSQL
# refuses NUL in text where SQLite takes it: both become U+FFFD, offsets unchanged.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def repair_text(text: str) -> str:
    """`text` with every character no store or encoder accepts replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


def utf16_codec(head: bytes) -> str | None:
    """The UTF-16 codec of a file from its first bytes: "utf-16" with a BOM; without one,
    "utf-16-le" or "-be" when the high byte of at least half the characters is NUL and the
    low byte never is (a Latin script: "A" is 41 00 in UTF-16-LE) and the text is printable;
    None for anything else (UTF-8, or binary data, whose NULs fall anywhere)."""
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    head = head[:len(head) // 2 * 2]
    for codec, lows, highs in (("utf-16-le", head[0::2], head[1::2]),
                               ("utf-16-be", head[1::2], head[0::2])):
        if not highs or 0 in lows or highs.count(0) < len(highs) / 2:
            continue
        text = head.decode(codec, errors="replace")
        printable = sum(c.isprintable() or c.isspace() for c in text)
        return codec if printable >= 0.95 * len(text) else None
    return None


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-16 (`utf16_codec`); else UTF-8 (with or without BOM),
    line by line, a line that is not UTF-8 read as Windows-1252/Latin-1, so one stray byte
    garbles one line, not the report."""
    if not data.strip():
        raise EmptyInputError.of("E101", name=name)
    codec = utf16_codec(data[:_SNIFF_BYTES])
    if codec is not None:
        text = data.decode(codec, errors="replace")
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
        text, utf8 = _decode_line(line)
        decoded.append(text)
        foreign += not utf8
    text = "".join(decoded)
    if text.count("\ufffd") > len(text) // 100:
        raise BinaryInputError.of("E107", name=name)
    logger.warning("%s: %d of %d lines are not UTF-8; read them as Windows-1252/Latin-1",
                   name, foreign, len(lines))
    return repair_text(text)


def _decode_line(line: bytes) -> tuple[str, bool]:
    """A line's text and whether it was UTF-8; else it is read as Windows-1252/Latin-1."""
    try:
        return line.decode("utf-8"), True
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace"), False


def read_text_chunks(handle: IO[bytes], name: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of a plain-text file, cut at line ends every ~CHUNK_CHARS; a
    line longer than CHUNK_CHARS bytes is cut after a sentence or a word.

    UTF-8 (a line that is not read as Windows-1252/Latin-1) or UTF-16 (`utf16_codec`),
    transcoded as it is read. Memory stays bounded by the chunk size whatever the file's
    size, encoding or line length.
    """
    stream: IO[bytes] | _Utf8Of = handle
    head = _head(stream, name)
    codec = utf16_codec(head)
    if codec is not None:
        # Its lines cannot be cut on a single byte: read as UTF-8, a block at a time too.
        stream = _Utf8Of(handle, codec, head)
        head = _head(stream, name)
    if b"\x00" in head:
        raise BinaryInputError.of("E102", name=name)
    pending = head.removeprefix(b"\xef\xbb\xbf")
    offset = 0
    buffered: list[str] = []
    size = 0
    while True:
        block = stream.read(CHUNK_CHARS)
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


def _head(stream: IO[bytes] | _Utf8Of, name: str) -> bytes:
    """The first bytes of a stream, read on past leading blank space of any length (it is
    not emptiness) to the first text."""
    head = stream.read(_SNIFF_BYTES)
    while not head.strip():
        rest = stream.read(_SNIFF_BYTES)
        if not rest:
            raise EmptyInputError.of("E101", name=name)
        head += rest
    return head


class _Utf8Of:
    """A UTF-16 stream read as UTF-8 bytes, so that the UTF-8 reader serves it a block at a
    time; NUL and lone surrogates become U+FFFD, as `decode` makes them."""

    def __init__(self, handle: IO[bytes], codec: str, head: bytes) -> None:
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self.held = self._transcoded(head)

    def _transcoded(self, data: bytes) -> bytes:
        return repair_text(self.decoder.decode(data, final=not data)).encode("utf-8")

    def read(self, size: int) -> bytes:
        """Up to `size` bytes of UTF-8; fewer only at the end."""
        while len(self.held) < size:
            data = self.handle.read(size)
            self.held += self._transcoded(data)
            if not data:
                break
        read, self.held = self.held[:size], self.held[size:]
        return read


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
    """A YYYY-MM-DD date, or an InputError naming where it came from: E141 for a day that
    does not exist (2019-02-30), E140 for anything else."""
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        if _YMD.fullmatch(str(value)):
            raise InputError.of("E141", where=where, value=value) from error
        raise InputError.of("E140", where=where, value=value) from error


def read_jsonl(
    path: Path | str, max_line_bytes: int = MAX_BYTES
) -> Iterator[Document | MalformedLineError]:
    """Documents of a JSON Lines file (`.gz`: gzipped; `-`: standard input), one line at a
    time; a bad or over-long line yields its error and reading goes on."""
    name = str(path)
    if name == "-":
        import sys

        lines = jsonl_lines(sys.stdin.buffer, name, max_line_bytes)
    else:
        lines = jsonl_lines(open_jsonl(Path(path)), name, max_line_bytes, close=True)
    for number, line in lines:
        if isinstance(line, MalformedLineError):
            yield line
            continue
        try:
            yield parse_document_line(line, number, name)
        except InputError as error:
            yield MalformedLineError(error.detail, code=error.code)


def open_jsonl(path: Path) -> Any:
    """A JSON Lines file opened for `jsonl_lines`: through gzip when it ends in `.gz`."""
    try:
        if path.suffix.lower() == ".gz":
            return gzip.open(path)
        return path.open("rb")
    except FileNotFoundError as error:
        raise InputError.of("E120", name=str(path)) from error
    except IsADirectoryError as error:
        raise InputError.of("E123", name=str(path)) from error
    except OSError as error:
        raise InputError.of("E122", name=str(path), reason=error.strerror) from error


def jsonl_lines(
    handle: Any, name: str, max_line_bytes: int = MAX_BYTES, close: bool = False
) -> Iterator[tuple[int, str | MalformedLineError]]:
    """(line number, text) of each non-blank line of a JSON Lines stream, read one line at a
    time from a buffered binary `handle` (a file, gzip or standard input), so memory is
    bounded by `max_line_bytes` whatever the file's size (a gzip bomb included). A longer
    line is skipped without being held and comes as its error (E138).

    Lines are UTF-8 (a first BOM dropped), one that is not read as Windows-1252/Latin-1;
    UTF-16 (`utf16_codec`). A file with other NUL bytes in its head is binary (E102), a cut
    or corrupt gzip stream ends in E161; `close`: close `handle` at the end.
    """
    try:
        yield from _decoded_lines(handle, name, max_line_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise InputError.of("E161", name=name, reason=f"gzip: {error}") from error
    finally:
        if close:
            handle.close()


def _decoded_lines(
    handle: Any, name: str, max_line_bytes: int
) -> Iterator[tuple[int, str | MalformedLineError]]:
    read_any = False
    for number, line in enumerate(decoded_lines(handle, name, max_line_bytes), start=1):
        if isinstance(line, LongLine):
            read_any = True
            yield number, MalformedLineError.of(
                "E138", where=f"{name}, line {number}", limit=max_line_bytes)
        elif line.strip():
            read_any = True
            yield number, line
    if not read_any:
        raise EmptyInputError.of("E101", name=name)


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line over the limit, read past without being held; `quotes` counts its `"`
    characters (a CSV record's quoting goes on across it)."""

    quotes: int


def decoded_lines(handle: Any, name: str, max_line_bytes: int) -> Iterator[str | LongLine]:
    """Every line of a buffered binary stream, decoded, with its end; a LongLine for a line
    over `max_line_bytes`, read past without being held.

    Lines are UTF-8 (a first BOM dropped), one that is not read as Windows-1252/Latin-1;
    UTF-16 (`utf16_codec`). A stream with other NUL bytes in its head is binary (E102).
    """
    stream = handle
    head = handle.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    codec = utf16_codec(head)
    if codec is not None:
        stream = io.TextIOWrapper(handle, encoding=codec, errors="replace")
    elif b"\x00" in head:
        raise BinaryInputError.of("E102", name=name)
    foreign = 0
    for number, line in enumerate(_capped_lines(stream, max_line_bytes), start=1):
        if isinstance(line, bytes):
            text, utf8 = _decode_line(line.removeprefix(b"\xef\xbb\xbf") if number == 1
                                      else line)
            foreign += not utf8
            yield text
        else:
            yield line
    if foreign:
        logger.warning("%s: %d lines are not UTF-8; read them as Windows-1252/Latin-1",
                       name, foreign)


def _capped_lines(stream: IO[Any], limit: int) -> Iterator[Any]:
    """Each line of a binary or text stream, a LongLine for one longer than `limit`, whose
    rest is read past piece by piece."""
    end, quote = ("\n", '"') if isinstance(stream, io.TextIOBase) else (b"\n", b'"')
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(end):
            quotes = line.count(quote)
            while rest := stream.readline(limit):
                quotes += rest.count(quote)
                if rest.endswith(end):
                    break
            yield LongLine(quotes)
        else:
            yield line
