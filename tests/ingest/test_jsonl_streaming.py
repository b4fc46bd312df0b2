"""JSON Lines files are read one line at a time: a huge or gzip-bombed file costs memory
bounded by the line limit, and a line over it fails alone (E138). The limit is lowered
through the readers' parameter, so each bomb stays small to build and quick to read."""

from __future__ import annotations

import gzip
import json
import tracemalloc

import pytest

from bilan.documents import Document, read_jsonl
from bilan.errors import InputError, MalformedLineError
from bilan.evaluate import score_gold_file
from bilan.ingest import Report, read_reports
from bilan.ingest.sources import read_jsonl as read_report_lines

LIMIT = 1_000_000
FR = "Au moins 45 personnes ont été tuées dimanche dans des raids aériens sur Alep."


def line(doc_id: str, text: str = FR) -> bytes:
    return (json.dumps({"id": doc_id, "text": text}) + "\n").encode()


def bomb(path, huge: int) -> None:
    """A gzip file: a good line, a line of `huge` bytes, a good line (written in pieces,
    so building it holds no more than a megabyte)."""
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(line("first"))
        out.write(b'{"id": "huge", "text": "')
        block = b"a" * LIMIT
        for _ in range(huge // LIMIT):
            out.write(block)
        out.write(b'"}\n')
        out.write(line("last"))


def test_a_gzip_bomb_line_fails_alone_within_bounded_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    bomb(path, 64 * LIMIT)
    assert path.stat().st_size < LIMIT  # 64 MB of text packed small: a bomb
    tracemalloc.start()
    try:
        items = list(read_report_lines(path, max_line_bytes=LIMIT))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [item.external_id for item in items if isinstance(item, Report)] == ["first", "last"]
    (error,) = [item for item in items if isinstance(item, InputError)]
    assert error.code == "E138"
    assert str(error).startswith(f"[E138] {path}, line 2: a line over 1,000,000 bytes")
    # Reading the whole file, or the whole line, would take 64 MB.
    assert peak < 8 * LIMIT


def test_the_line_limit_counts_the_line_without_its_end(tmp_path):
    path = tmp_path / "edge.jsonl"
    fits = line("fits")
    # The limit is exactly the first line's text; the second is one byte longer.
    path.write_bytes(fits + line("over").replace(b"over", b"over_"))
    items = list(read_report_lines(path, max_line_bytes=len(fits) - 1))
    assert isinstance(items[0], Report) and items[0].external_id == "fits"
    assert isinstance(items[1], MalformedLineError) and "line 2" in str(items[1])


def test_a_last_line_without_an_end_is_read_or_refused_by_its_own_length(tmp_path):
    path = tmp_path / "tail.jsonl"
    path.write_bytes(line("a") + line("b").rstrip(b"\n"))
    text = len(line("b")) - 1
    assert [r.external_id for r in read_report_lines(path, max_line_bytes=text)] == ["a", "b"]
    items = list(read_report_lines(path, max_line_bytes=text - 1))
    assert [type(item) for item in items] == [MalformedLineError, MalformedLineError]


def test_a_bomb_of_nul_bytes_is_refused_at_its_head_and_the_next_input_read(tmp_path):
    path = tmp_path / "zeros.jsonl.gz"
    with gzip.open(path, "wb") as out:
        for _ in range(200):
            out.write(bytes(LIMIT))
    other = tmp_path / "ok.jsonl"
    other.write_bytes(line("ok"))
    items = list(read_reports([str(path), str(other)], max_bytes=LIMIT))
    assert isinstance(items[0], InputError) and items[0].code == "E102"
    assert isinstance(items[1], Report) and items[1].external_id == "ok"
    assert len(items) == 2


def test_read_reports_applies_the_size_limit_to_each_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(line("short") + line("long", FR * 20) + line("short2"))
    items = list(read_reports([str(path)], max_bytes=500))
    assert [getattr(item, "code", None) for item in items] == [None, "E138", None]


def test_a_cut_gzip_file_keeps_its_whole_lines_then_fails(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    packed = gzip.compress(b"".join(line(f"d{n}", f"{FR} {n}") for n in range(2000)))
    path.write_bytes(packed[: len(packed) * 3 // 4])
    items = list(read_reports([str(path)]))
    reports = [item for item in items if isinstance(item, Report)]
    assert reports and reports[0].external_id == "d0"
    assert isinstance(items[-1], InputError) and items[-1].code == "E161"
    assert "gzip" in str(items[-1])


def test_utf16_json_lines_are_read_line_by_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    text = json.dumps({"id": "é", "text": FR}, ensure_ascii=False) + "\n"
    path.write_bytes((text * 2).encode("utf-16"))
    assert [r.text for r in read_report_lines(path)] == [FR, FR]


def test_a_stray_byte_garbles_its_line_only(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(line("a") + b'{"id": "b", "text": "caf\xe9"}\n' + line("c"))
    assert [r.text for r in read_report_lines(path)] == [FR, "café", FR]


def test_extract_input_reads_gzip_and_skips_an_over_long_line(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    bomb(path, 4 * LIMIT)
    items = list(read_jsonl(path, max_line_bytes=LIMIT))
    assert [item.id for item in items if isinstance(item, Document)] == ["first", "last"]
    assert [item.code for item in items if isinstance(item, MalformedLineError)] == ["E138"]


def test_a_gold_file_line_over_the_limit_is_a_coded_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "g", "text": "')
        for _ in range(11):
            out.write(b"a" * LIMIT)
        out.write(b'", "claims": []}\n')
    with pytest.raises(MalformedLineError) as caught:
        score_gold_file(path)
    assert caught.value.code == "E138" and "line 1" in str(caught.value)
