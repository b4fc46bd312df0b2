"""The hostile-input cases of issue 12 that need no model: each input fails alone, with a
coded error naming it, or is read correctly. Every test writes the input it reads."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from datetime import date

import pytest

from bilan import documents
from bilan.errors import InputError, NetworkError, UsageError
from bilan.ingest import Report, parse_csv_columns, read_reports, sources
from tests.budget import budget
from tests.ingest.http import dripping, serving, silent

FR = "Au moins 45 personnes ont été tuées dimanche dans des raids aériens sur Alep."


def feed(*dates: str) -> bytes:
    items = "".join(
        f"<item><title>t{n}</title><guid>g{n}</guid><pubDate>{day}</pubDate>"
        f"<description>{FR} ({n})</description></item>"
        for n, day in enumerate(dates)
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F'
            f"</title>{items}</channel></rss>").encode()


def read(*paths) -> tuple[list[Report], list[InputError]]:
    items = list(read_reports([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Report)],
            [i for i in items if isinstance(i, InputError)])


def test_an_impossible_feed_date_fails_its_entry_alone(tmp_path):
    # Regression: 0000-00-00 raised "year -1 is out of range" and lost the whole run;
    # 2019-02-30 was silently shifted to 2019-03-02.
    path = tmp_path / "f.xml"
    path.write_bytes(feed("Mon, 23 Dec 2013 10:00:00 GMT", "0000-00-00", "2019-02-30",
                          "Sat, 30 Feb 2019 10:00:00 GMT"))
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    reports, errors = read(path, other)
    assert [r.published for r in reports] == [date(2013, 12, 23), None]
    assert [r.origin for r in reports] == [f"{path}, entry 1", str(other)]
    assert [e.code for e in errors] == ["E141", "E141", "E141"]
    assert f"{path}, entry 3: '2019-02-30' is not a real date" in str(errors[1])


def test_a_stray_byte_garbles_one_line_not_the_report(tmp_path):
    # Regression: one Latin-1 byte turned the whole UTF-8 report into mojibake.
    path = tmp_path / "r.txt"
    path.write_bytes("Première ligne, à Alep.\n".encode() + b"caf\xe9\n"
                     + "Les raids ont tué 12 personnes à Alep.\n".encode())
    (report,), _ = read(path)
    assert report.text == "Première ligne, à Alep.\ncafé\nLes raids ont tué 12 personnes à Alep.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_boms_are_honoured(tmp_path, encoding):
    path = tmp_path / "r.txt"
    data = FR.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (report,), errors = read(path)
    assert report.text == FR and not errors


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_utf16_without_a_bom_is_read(tmp_path, encoding, suffix):
    # Regression: refused as "a binary file (it holds NUL bytes)".
    path = tmp_path / f"r{suffix}"
    text = json.dumps({"id": "a", "text": FR}, ensure_ascii=False) if suffix == ".jsonl" else FR
    path.write_bytes((text + "\n").encode(encoding))
    (report,), errors = read(path)
    assert report.text.strip() == FR and not errors


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    # NUL high bytes as in UTF-16-LE, but the characters are control codes, not text.
    bytes([1, 0, 2, 0, 3, 0, 7, 0]) * 500,
])
def test_binary_data_is_not_taken_for_utf16(tmp_path, data):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    reports, (error,) = read(path)
    assert not reports and error.code == "E102"


def test_a_lone_surrogate_and_nul_in_jsonl_are_repaired(tmp_path):
    # Regression: "\ud800" raised UnicodeEncodeError in ingest and extract --input.
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a\\u0000", "text": "x\\ud800y\\u0000z"}\n', encoding="utf-8")
    (report,), _ = read(path)
    assert report.text == "x\ufffdy\ufffdz"
    assert report.external_id == "a\ufffd"
    report.text.encode("utf-8")


def test_an_unterminated_csv_quote_is_an_error_naming_its_line(tmp_path):
    # Regression: the quote swallowed the next row, stored as one text.
    path = tmp_path / "e.csv"
    path.write_text(f'id,text\n1,"{FR}"\n2,"Trois blessés à Homs.\n3,"{FR} bis"x\n',
                    encoding="utf-8")
    reports, errors = read(path)
    assert [r.external_id for r in reports] == ["1"]
    (error,) = errors
    assert error.code == "E164" and f"{path}, line 3:" in str(error)


def test_a_semicolon_csv_is_sniffed(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(f'id;text;published\n1;"{FR}";2013-12-23\n2;Deux morts, dit-on;\n',
                    encoding="utf-8")
    reports, errors = read(path)
    assert not errors
    assert [(r.external_id, r.text, r.published) for r in reports] == [
        ("1", FR, date(2013, 12, 23)), ("2", "Deux morts, dit-on", None)]


def test_a_csv_row_with_more_fields_than_columns_fails_alone(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(f"id,text\n1,{FR}\n2,a,b\n", encoding="utf-8")
    reports, errors = read(path)
    assert [r.external_id for r in reports] == ["1"]
    assert [e.code for e in errors] == ["E165"]


def test_a_field_mapped_twice_is_a_usage_error():
    # Regression: text=body,text=date stored dates as texts with exit 0.
    with pytest.raises(UsageError, match="'text' is mapped twice") as caught:
        parse_csv_columns("text=body,text=date")
    assert caught.value.exit_code == 2


def test_json_arrays_and_gzipped_jsonl_are_read(tmp_path):
    # Regression: a .json array was read as plain text, .jsonl.gz was "binary".
    rows = [{"id": "a", "text": FR, "published": "2013-12-23"}, {"id": "b", "text": "x y"}]
    array = tmp_path / "docs.json"
    array.write_text(json.dumps(rows + [{"id": "c"}]), encoding="utf-8")
    packed = tmp_path / "docs.jsonl.gz"
    packed.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    reports, errors = read(array, packed)
    assert [(r.external_id, r.published) for r in reports] == [
        ("a", date(2013, 12, 23)), ("b", None), ("a", date(2013, 12, 23)), ("b", None)]
    assert [e.code for e in errors] == ["E134"]
    assert f"{array}, item 3" in str(errors[0])


def test_impossible_dates_are_refused_not_shifted(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "x", "published": "2019-02-30"}\n', encoding="utf-8")
    reports, (error,) = read(path)
    assert not reports and error.code == "E141"
    assert f"{path}, line 1: '2019-02-30' is not a real date" in str(error)


def test_deeply_nested_json_is_a_line_error(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"id": "ok", "text": FR}) + "\n",
                    encoding="utf-8")
    reports, (error,) = read(path)
    assert [r.external_id for r in reports] == ["ok"]
    assert error.code == "E132"


def test_an_oversized_file_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(FR * 100, encoding="utf-8")
    items = list(read_reports([str(path)], max_bytes=1_000))
    (error,) = items
    assert isinstance(error, InputError) and error.code == "E151"


def test_a_device_without_a_size_is_read_no_further_than_the_limit(tmp_path):
    # Regression: /dev/zero says it is 0 bytes long and was read until memory ran out.
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    items = list(read_reports(["/dev/zero", str(other)], max_bytes=1_000))
    error, report = items
    assert isinstance(error, InputError) and error.code == "E151"
    assert "/dev/zero: 1,001 bytes" in str(error) and report.text == FR


def test_a_server_that_never_answers_times_out(monkeypatch, tmp_path):
    # Regression: `ingest http://...` hung forever on a server that accepts and never answers.
    monkeypatch.setattr(sources, "TIMEOUT", 1.0)
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    with silent() as url:
        reports, (error,) = read(url, other)
    assert isinstance(error, NetworkError) and error.code == "E503"
    assert "no complete answer within 1 s" in str(error)
    assert [r.origin for r in reports] == [str(other)]


def test_a_server_that_answers_a_byte_at_a_time_times_out(monkeypatch, tmp_path):
    # Regression: each byte came within the socket's time-out, and the time-out "in all"
    # was checked only once 64 KiB had come: the ingest ran for hours (here: Hang).
    monkeypatch.setattr(sources, "TIMEOUT", 1.0)
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    with dripping() as url, budget(30):
        reports, (error,) = read(url, other)
    assert isinstance(error, NetworkError) and error.code == "E503"
    assert [r.origin for r in reports] == [str(other)]


def test_urls_give_articles_feeds_and_http_statuses(tmp_path):
    # Regression: an article page (not a feed) was refused; HTTP errors lost their status.
    article = (f"<html><head><title>Alep</title></head><body><article><h1>Raids</h1>"
               f"<p>{FR} Selon une ONG, le bilan pourrait encore s'alourdir dans la "
               "soirée.</p></article></body></html>").encode()
    pages = {"/a": (200, "text/html; charset=utf-8", article),
             "/rss": (200, "application/rss+xml", feed("Mon, 23 Dec 2013 10:00:00 GMT")),
             "/gone": (410, "text/plain", b"gone")}
    with serving(pages) as base:
        reports, errors = read(f"{base}/a", f"{base}/rss", f"{base}/gone")
    assert FR in reports[0].text and reports[0].url == f"{base}/a"
    assert reports[1].published == date(2013, 12, 23)
    (error,) = errors
    assert error.code == "E502" and "HTTP 410" in str(error)


def test_a_response_over_the_size_cap_is_refused():
    with serving({"/big": (200, "text/html", b"<p>x</p>" * 10_000)}) as base:
        with pytest.raises(NetworkError, match="size limit") as caught:
            sources.fetch(f"{base}/big", max_bytes=1_000)
    assert caught.value.code == "E501"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_nul_in_a_csv_cell_past_the_head_is_repaired(tmp_path, encoding):
    # Found by the fuzz test: a NUL in the id column of a UTF-16 CSV, or of a UTF-8 one past
    # the head that is checked for binary data, reached the store (PostgreSQL refuses it).
    path = tmp_path / "docs.csv"
    filler = "a,x\n" * 3_000
    path.write_bytes(f'id,text\n{filler}b\x00,"{FR}"\n'.encode(encoding))
    reports, errors = read(path)
    assert not errors and (reports[-1].external_id, reports[-1].text) == ("b\ufffd", FR)


def test_repair_text_keeps_offsets():
    assert documents.repair_text("a\x00b\ud800c") == "a\ufffdb\ufffdc"


def _limited(limit: int, *paths) -> tuple[list[str], list[InputError]]:
    items = list(read_reports([str(p) for p in paths], max_bytes=limit))
    return ([i.origin for i in items if isinstance(i, Report)],
            [i for i in items if isinstance(i, InputError)])


_DEEP = {"id": "n", "text": FR, "x": [[{"y": ["]}\\\"", 1e5, None]}]] * 300}


@pytest.mark.parametrize("item", [
    {"id": "b", "text": "x " * 2_000},  # a long string
    {"id": "b", "text": '\\"]}' * 1_000},  # escapes, and brackets in a string
    _DEEP,  # nested, with brackets in strings
    "x" * 5_000,  # not a document at all
    [1] * 1_000,
    10 ** 1_200,  # a number
])
def test_a_json_item_over_the_size_limit_fails_alone(tmp_path, item):
    # Regression: .json arrays were read whole; then an item over the limit ended its file.
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "a", "text": FR}, item, {"id": "c", "text": FR},
                                {"id": "d", "text": FR}], indent=1), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    items = list(read_reports([str(path), str(other)], max_bytes=1_000))
    assert [getattr(i, "origin", getattr(i, "code", None)) for i in items] == [
        f"{path}, item 1", "E153", f"{path}, item 3", f"{path}, item 4", str(other)]
    assert f"{path}, item 2: a record over the size limit of 1,000" in str(items[1])


@pytest.mark.parametrize("text", ['[{"id": "a", "text": "x"}, "' + "x" * 2_000,
                                  '[{"id": "a", "text": "x"}, [' + "[1]," * 500,
                                  '[{"id": "a", "text": "x"}, "' + "x" * 2_000 + '" {}]'])
def test_a_json_item_over_the_size_limit_and_broken_ends_its_file(tmp_path, text):
    path = tmp_path / "docs.json"
    path.write_text(text, encoding="utf-8")
    origins, errors = _limited(1_000, path)
    assert origins == [f"{path}, item 1"]
    assert [e.code for e in errors] == ["E153", "E103"]


_LONG = "x " * 2_000
_QUOTED = 'un ""mot"" cité ' * 100  # short lines, but over 1,000 characters in all


@pytest.mark.parametrize("row", [
    f'b,"{_LONG}"\n',  # one line over the limit, its quotes balanced
    f'b,"{_LONG}\n{FR}"\n',  # a line over the limit opens a quote the next line closes
    f'b,"{FR}\n{_LONG}\n{FR}"\n',  # ... or holds no quote, inside one
    f'b,"{FR}\n{_QUOTED}\n\n{FR}"\n',  # short lines, doubled quotes and a blank line
    f'b,{_LONG}\n',  # no quotes at all
])
def test_a_csv_row_over_the_size_limit_fails_alone(tmp_path, row):
    # Regression: CSV files were read whole; then a row over the limit ended its file.
    path = tmp_path / "docs.csv"
    path.write_text(f'id,text\na,"{FR}"\n{row}c,"{FR}"\nd,"2\n{FR}"\ne,"{FR}"\n',
                    encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    items = list(read_reports([str(path), str(other)], max_bytes=1_000))
    after = 3 + row.count("\n")  # the line of row c
    assert [getattr(i, "origin", getattr(i, "code", None)) for i in items] == [
        f"{path}, line 2", "E153", f"{path}, line {after}", f"{path}, line {after + 2}",
        f"{path}, line {after + 3}", str(other)]
    assert str(items[1]).startswith(f"[E153] {path}, line 3: a record over the size limit of "
                                    "1,000 characters, skipped unread; the next ones are read")
    assert [(i.external_id, i.text) for i in items[2:5]] == [
        ("c", FR), ("d", f"2\n{FR}"), ("e", FR)]


def test_a_csv_row_over_the_size_limit_in_an_unclosed_quote_ends_its_file(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(f'id,text\na,"{FR}"\nb,"{_LONG}\nc,{FR}\n', encoding="utf-8")
    origins, errors = _limited(1_000, path)
    assert origins == [f"{path}, line 2"]
    assert [e.code for e in errors] == ["E153"]


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_the_size_limit_is_per_record_not_per_file(tmp_path, suffix):
    rows = [{"id": str(n), "text": f"{FR} ({n})"} for n in range(40)]
    path = tmp_path / f"docs{suffix}"
    path.write_text(json.dumps(rows) if suffix == ".json" else
                    "id,text\n" + "".join(f'{r["id"]},"{r["text"]}"\n' for r in rows),
                    encoding="utf-8")
    assert path.stat().st_size > 3_000
    origins, errors = _limited(1_000, path)
    assert (len(origins), errors) == (40, [])


def test_a_csv_text_longer_than_the_csv_module_limit_is_read(tmp_path):
    # Regression: a text over 131,072 characters (the csv module's field limit) ended its
    # file as a broken quote (E164).
    path = tmp_path / "docs.csv"
    path.write_text(f'id,text\na,"{FR} {"x " * 80_000}"\nb,"{FR}"\n', encoding="utf-8")
    origins, errors = _limited(documents.MAX_BYTES, path)
    assert (origins, errors) == ([f"{path}, line 2", f"{path}, line 3"], [])


def test_a_utf16_json_array_is_read_an_item_at_a_time(tmp_path):
    # Regression: a UTF-16 .json array was read and decoded whole (UTF-8 ones were streamed).
    items = [{"id": str(n), "text": f"{FR} ({n})"} for n in range(100_000)]
    items[3]["text"] = "x " * 2_000
    path = tmp_path / "docs.json"
    path.write_bytes(json.dumps(items, ensure_ascii=False).encode("utf-16"))
    assert path.stat().st_size > 20_000_000
    del items
    reports, errors, last = 0, [], None
    tracemalloc.start()
    try:
        # Counted as they come: holding 100,000 reports would be the memory measured.
        for item in read_reports([str(path)], max_bytes=1_000):
            if isinstance(item, Report):
                reports, last = reports + 1, item
            else:
                errors.append(item)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reports == 99_999 and last.external_id == "99999"
    assert [e.code for e in errors] == ["E153"]
    assert f"{path}, item 4: a record over the size limit of 1,000" in str(errors[0])
    # Reading the whole file would take 20 MB of bytes and 10 MB of text.
    assert peak < 5_000_000


@pytest.mark.parametrize("text", ["[", '[{"id": "a", "text": "x"} {"id": "b"}]',
                                  '[{"id": "a", "text": "x"}] x', '"x"'])
def test_a_broken_json_array_keeps_the_items_before_the_break(tmp_path, text):
    path = tmp_path / "docs.json"
    path.write_text(text, encoding="utf-8")
    origins, errors = _limited(1_000, path)
    assert len(errors) == 1 and errors[0].code in ("E103", "E136")
    assert origins == ([f"{path}, item 1"] if text.startswith('[{') else [])


def test_a_csv_header_over_the_size_limit_ends_its_file(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(f"id,text,{'x' * 2_000}\na,{FR},\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(FR, encoding="utf-8")
    origins, errors = _limited(1_000, path, other)
    assert origins == [str(other)]
    assert [e.code for e in errors] == ["E152"] and f"{path}, line 1" in str(errors[0])
