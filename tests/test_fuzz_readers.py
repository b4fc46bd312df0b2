"""Fuzz every reader with hostile input: each case ends in reports or coded errors for that
input alone, the next input of the run is still read, and nothing hangs.

Random bytes, text in several encodings, JSON nested deep, huge repetitions, broken CSV,
feeds and HTML, gzip, served over HTTP as well; the record readers again under a small
size limit. ~1,300 cases by default; 13,000 when CI=true or BILAN_FUZZ=full. Each case
has a time budget (a hang fails the case, it does not stall the run); speed itself is
measured by benchmarks, not asserted here.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilan.documents import read_jsonl, read_text_chunks
from bilan.errors import InputError
from bilan.ingest.sources import Report, read_reports
from tests.budget import budget
from tests.ingest.http import serving

FULL = os.environ.get("CI") == "true" or os.environ.get("BILAN_FUZZ") == "full"
CASES = 10_000 if FULL else 1_000
# Seconds one case may take before it counts as a hang (a loaded CI machine included).
BUDGET = 60
GOOD = "Au moins 12 civils ont été tués lundi à Alep, selon l'OSDH.\n"


# -- hostile contents ------------------------------------------------------------------

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis")
_NASTY = ["[/x]", "[blink]", "\x1b[2J", "\x1b]0;t\x07", "\x00", "\ud800", "\u202e", "\ufeff",
          "0000-00-00", "2019-02-30", "9999-99-99", '"', "'", ";", ",", "\t", "\r", "\n",
          "<", ">", "&", "]]>", "<!--", "{", "}", "\\"]
words = st.one_of(st.text(max_size=30), st.sampled_from(_NASTY),
                  st.sampled_from(["morts", "tués", "Alep", "killed", "Aleppo", "12", "."]))
prose = st.lists(words, max_size=40).map(" ".join)


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text in some encoding, or not in any (bytes as they come)."""
    return st.one_of(
        st.tuples(text, st.sampled_from(_ENCODINGS)).map(
            lambda pair: pair[0].encode(pair[1], errors="replace")),
        st.binary(max_size=2048),
    )


def huge(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A piece repeated up to ~1 MB: long lines, long words, long JSON."""
    return st.tuples(text, st.integers(1, 50_000)).map(lambda pair: (pair[0] or "x") * pair[1])


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), prose),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(
                                ["id", "text", "lang", "published", "title", "url", "x"]),
                                inner, max_size=6)),
    max_leaves=20,
)
documents = st.fixed_dictionaries(
    {"text": st.one_of(prose, huge(words))},
    optional={"id": json_values, "lang": st.one_of(st.sampled_from(["fr", "en", "xx"]), prose),
              "published": st.one_of(st.sampled_from(_NASTY[8:11]), prose, st.dates().map(str)),
              "title": json_values, "url": json_values},
)
nested = st.integers(1, 200_000).map(lambda depth: "[" * depth + "]" * depth)


def jsonl_text() -> st.SearchStrategy[str]:
    line = st.one_of(documents.map(json.dumps), json_values.map(json.dumps), prose, nested)
    return st.lists(line, max_size=8).map("\n".join)


def csv_text(header: st.SearchStrategy[list[str]] | None = None,
             delimiters: str = ",;\t|") -> st.SearchStrategy[str]:
    """CSV of random rows under `header` (default: random column names)."""
    cell = st.one_of(prose, st.sampled_from(['"', '"a', 'a"b', '""', "2019-02-30"]),
                     prose.map(lambda text: f'"{text}"'))
    row = st.lists(cell, min_size=0, max_size=5)
    if header is None:
        header = st.lists(st.sampled_from(["text", "id", "published", "lang", "body"]),
                          max_size=5)
    return st.tuples(
        st.sampled_from(delimiters),
        header,
        st.lists(row, max_size=6),
    ).map(lambda t: "\n".join(t[0].join(r) for r in [t[1], *t[2]]))


def feed_text() -> st.SearchStrategy[str]:
    entry = st.tuples(prose, st.one_of(st.sampled_from(_NASTY[8:11] + ["Mon, 99 Dec 2013"]),
                                       prose), prose)
    rss = st.lists(entry, max_size=4).map(lambda entries: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + "".join(
            f"<item><title>{t}</title><pubDate>{d}</pubDate><description>{b}</description>"
            "</item>" for t, d, b in entries) + "</channel></rss>"))
    atom = st.lists(entry, max_size=4).map(lambda entries: (
        '<feed xmlns="http://www.w3.org/2005/Atom">' + "".join(
            f"<entry><title>{t}</title><updated>{d}</updated><content type=\"html\">{b}"
            "</content></entry>" for t, d, b in entries) + "</feed>"))
    return st.one_of(rss, atom, nested.map(lambda s: s.replace("[", "<a>").replace("]", "</a>")))


def html_text() -> st.SearchStrategy[str]:
    tag = st.sampled_from(["p", "div", "article", "script", "b", "title", "h1", "span"])
    body = st.recursive(prose, lambda inner: st.tuples(tag, st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"), max_leaves=15)
    page = st.tuples(prose, body).map(
        lambda t: f"<!doctype html><html><head><title>{t[0]}</title></head>"
                  f"<body><article>{t[1]}</article></body></html>")
    return st.one_of(page, huge(st.sampled_from(["<div>", "<p>x", "</b>"])))


def contents(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.one_of(encoded(text), encoded(huge(words)), st.binary(max_size=256))


# Each reader: the file suffix that routes to it, and the bytes to feed it.
READERS: dict[str, tuple[str, st.SearchStrategy[bytes]]] = {
    "text": (".txt", contents(prose)),
    "jsonl": (".jsonl", contents(jsonl_text())),
    "jsonl.gz": (".jsonl.gz", st.one_of(contents(jsonl_text()).map(gzip.compress),
                                        st.binary(max_size=512))),
    "json": (".json", contents(st.one_of(
        st.lists(documents, max_size=4).map(json.dumps), json_values.map(json.dumps), nested))),
    "csv": (".csv", contents(csv_text())),
    "rss/atom": (".xml", contents(feed_text())),
    "html": (".html", contents(html_text())),
}
# The command line's own readers (`bilan extract FILE`, `--input`) and URLs share the cases.
EXAMPLES = CASES // (len(READERS) + 3)
fuzz = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


def _assert_reports(items: list[Report | InputError], bad: str) -> None:
    """Only reports and coded errors; the good input after the bad one is read; every
    report's text is storable (encodable UTF-8 without NUL)."""
    assert all(isinstance(item, Report | InputError) for item in items), items
    assert items and isinstance(items[-1], Report) and items[-1].text == GOOD, items[-1:]
    for item in items:
        if isinstance(item, Report):
            for value in (item.text, item.title, item.external_id, item.url, item.outlet):
                if value is not None:
                    assert "\x00" not in value, (bad, item)
                    value.encode("utf-8")
        else:
            assert str(item).startswith("[E"), item


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _read_beside_a_good_file(folder: Path, name: str, data: bytes,
                             **limits: int) -> list[Report | InputError]:
    """Read the generated `data` as file `name`, then a good report, within the budget."""
    bad = folder / name
    bad.write_bytes(data)
    with budget(BUDGET):
        return list(read_reports([str(bad), str(folder / "good.txt")], **limits))


@pytest.mark.parametrize("reader", READERS)
def test_ingest_readers_fail_one_input_alone(reader: str, folder: Path) -> None:
    suffix, strategy = READERS[reader]

    @fuzz
    @given(data=strategy)
    def case(data: bytes) -> None:
        _assert_reports(_read_beside_a_good_file(folder, f"bad{suffix}", data), reader)

    case()


# A size limit most generated rows, items and lines pass: those over it are read past.
SMALL_LIMIT = 200


# CSV with a text column, so that rows, not the header, meet the limit.
_SMALL_READERS = {**READERS, "csv": (".csv", st.tuples(
    csv_text(st.just(["id", "text"]), ","), st.sampled_from(["utf-8", "utf-16"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")))}


@pytest.mark.parametrize("reader", ["csv", "json", "jsonl"])
def test_record_readers_fail_one_record_alone_under_a_small_limit(reader: str,
                                                                 folder: Path) -> None:
    suffix, strategy = _SMALL_READERS[reader]

    @fuzz
    @given(data=strategy)
    def case(data: bytes) -> None:
        items = _read_beside_a_good_file(folder, f"small{suffix}", data, max_bytes=SMALL_LIMIT)
        _assert_reports(items, reader)
        assert all(len(item.text) <= SMALL_LIMIT for item in items if isinstance(item, Report))

    case()


def test_urls_fail_one_input_alone(folder: Path) -> None:
    pages: dict[str, tuple[int, str, bytes]] = {}
    with serving(pages) as base:

        @fuzz
        @given(status=st.sampled_from([200, 200, 200, 301, 404, 500]),
               kind=st.sampled_from(["text/html", "application/rss+xml", "text/plain",
                                     "application/octet-stream"]),
               data=st.one_of(contents(html_text()), contents(feed_text())))
        def case(status: int, kind: str, data: bytes) -> None:
            pages["/page"] = (status, kind, data)
            with budget(BUDGET):
                items = list(read_reports([f"{base}/page", str(folder / "good.txt")]))
            _assert_reports(items, kind)

        case()


def _consume(read: Callable[[], object]) -> None:
    """Run one command-line reader: a coded InputError is the only way it may fail."""
    with budget(BUDGET):
        try:
            read()
        except InputError as error:
            assert str(error).startswith("[E"), error


@fuzz
@given(data=contents(prose))
def test_extract_reads_any_plain_text_in_bounded_pieces(data: bytes) -> None:
    def read() -> None:
        offset = 0
        for at, piece in read_text_chunks(io.BytesIO(data), "rapport.txt"):
            assert at == offset
            offset += len(piece)
    _consume(read)


@fuzz
@given(data=contents(jsonl_text()))
def test_extract_input_reads_any_jsonl(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz-input.jsonl"
    path.write_bytes(data)

    def read() -> None:
        for item in read_jsonl(path):
            assert isinstance(item, InputError) or isinstance(item.text, str)
            if isinstance(item, InputError):
                assert str(item).startswith("[E"), item
    _consume(read)


def test_feed_titles_and_links_with_nul_are_storable(folder: Path) -> None:
    # Found by the fuzz: a NUL in a feed entry's title reached the store (PostgreSQL refuses
    # it). An HTML or text file with NUL bytes is refused as binary before any parsing.
    bad = folder / "nul.xml"
    bad.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t\x00</title>'
                    b"<item><title>\x00</title><link>http://x/\x00</link><description>Au moins "
                    b"3 morts.</description></item></channel></rss>")
    items = list(read_reports([str(bad), str(folder / "good.txt")]))
    _assert_reports(items, "feed")
    assert isinstance(items[0], Report) and items[0].title == "\ufffd"
