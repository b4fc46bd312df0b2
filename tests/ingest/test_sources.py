"""Readers of every input kind; no model needed. Each test writes the file it reads."""

from __future__ import annotations

import functools
import http.server
import threading
from datetime import date

import pytest

from bilan.errors import InputError
from bilan.ingest import Report, parse_csv_columns, read_reports
from bilan.ingest.run import document_id

FR = "Au moins 45 personnes ont été tuées dimanche dans des raids aériens sur Alep."
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Agence test</title>
<item><title>Raids sur Alep</title><link>https://example.org/a</link><guid>a-1</guid>
<pubDate>Mon, 23 Dec 2013 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Plus de 330 morts depuis le 15 décembre.&lt;/p&gt;
&lt;p&gt;Selon une ONG.&lt;/p&gt;</description>
</item>
<item><title>Sans texte</title><link>https://example.org/b</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2024-05-11T08:00:00Z</updated>
<entry><title>Vovchansk</title><id>urn:e1</id><updated>2024-05-11T08:00:00Z</updated>
<content type="html">Two civilians were killed in Vovchansk.</content></entry>
</feed>"""
HTML = """<html><head><title>Raids sur Alep</title>
<meta property="article:published_time" content="2013-12-23T10:00:00Z"></head>
<body><nav>Accueil | Monde | Sport</nav><article><h1>Raids sur Alep</h1>
<p>Les raids de l'armée sur Alep ont fait plus de 330 morts depuis le 15 décembre, selon une
ONG, qui s'appuie sur un large réseau de sources dans tout le pays.</p>
<p>Pour les huit jours précédents, l'OSDH avait recensé 301 morts, dont 87 enfants.</p>
</article><footer>Tous droits réservés</footer></body></html>"""


def reports(*inputs, columns=None):
    return list(read_reports([str(i) for i in inputs], columns))


def test_a_plain_text_file_is_one_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FR, encoding="utf-8")
    assert reports(path) == [Report(FR, str(path))]


def test_a_folder_is_read_recursively_in_name_order_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("deux", encoding="utf-8")
    (tmp_path / "1.txt").write_text("un", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    assert [r.text for r in reports(tmp_path)] == ["un", "deux"]


def test_jsonl_documents_keep_their_fields_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "d1", "lang": "fr", "published": "2013-12-23", "text": "301 morts", '
        '"outlet": "AFP"}\n'
        "not json\n"
        '{"id": "d2", "text": "no language stated"}\n', encoding="utf-8",
    )
    first, bad, second = reports(path)
    assert first == Report("301 morts", f"{path}, line 1", "fr", date(2013, 12, 23), "d1",
                           outlet="AFP")
    assert isinstance(bad, InputError) and f"{path}, line 2" in str(bad)
    assert second.lang is None  # to be detected, not assumed


def test_csv_columns_are_mapped(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("url,date,body\nhttps://x/1,2013-12-23T10:00:00,301 morts\n"
                    "https://x/2,23/12/2013,87 enfants\nhttps://x/3,2013-12-24,\n",
                    encoding="utf-8")
    columns = parse_csv_columns("text=body,published=date,id=url")
    good, bad_date, empty = reports(path, columns=columns)
    assert (good.text, good.published, good.external_id) == ("301 morts", date(2013, 12, 23),
                                                              "https://x/1")
    assert good.origin == f"{path}, line 2"
    assert isinstance(bad_date, InputError) and "line 3" in str(bad_date)
    assert isinstance(empty, InputError) and "line 4" in str(empty)


def test_a_csv_without_the_text_column_is_reported_by_name(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    [error] = reports(path)
    assert isinstance(error, InputError)
    assert str(path) in str(error) and "--csv-columns" in str(error)


@pytest.mark.parametrize("spec", ["body", "texte=body", "text="])
def test_bad_csv_column_specs_are_refused(spec):
    with pytest.raises(InputError, match="--csv-columns"):
        parse_csv_columns(spec)


def test_an_html_page_gives_its_article_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [report] = reports(path)
    assert "301 morts, dont 87 enfants" in report.text
    assert "Accueil" not in report.text and "droits réservés" not in report.text
    assert (report.title, report.published) == ("Raids sur Alep", date(2013, 12, 23))


def test_an_rss_feed_gives_one_report_per_entry_with_text(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    report, empty_entry = reports(path)
    assert report.text == "Plus de 330 morts depuis le 15 décembre.\nSelon une ONG."
    assert (report.published, report.external_id, report.outlet) == (
        date(2013, 12, 23), "a-1", "Agence test")
    # An entry without a body falls back on its title.
    assert empty_entry.text == "Sans texte"


def test_an_atom_feed_is_read_too(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    [report] = reports(path)
    assert (report.text, report.published) == ("Two civilians were killed in Vovchansk.",
                                               date(2024, 5, 11))


def test_a_feed_is_read_from_an_http_url(tmp_path, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
        first, _ = reports(url)
    finally:
        server.shutdown()
    assert first.origin == f"{url}, entry 1"
    assert first.title == "Raids sur Alep"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"   \n", "empty"),
    ("binary.txt", b"\x00\x01\x02garbage", "binary"),
    ("notafeed.xml", b"<html>hello</html>", "not an RSS or Atom feed"),
    ("blank.html", b"<html><body></body></html>", "no article text"),
])
def test_bad_files_are_reported_by_name_and_reading_goes_on(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(FR, encoding="utf-8")
    error, report = reports(bad, good)
    assert isinstance(error, InputError)
    assert str(bad) in str(error) and message in str(error)
    assert report.text == FR


def test_a_missing_path_is_reported():
    [error] = reports("/no/such/file.txt")
    assert isinstance(error, InputError) and "/no/such/file.txt" in str(error)


def test_the_document_id_ignores_spacing_and_unicode_composition():
    composed = "Les raids ont tué 301 personnes à Alep."
    decomposed = "Les  raids ont tué\n301 personnes a\u0300 Alep. "
    assert document_id(composed) == document_id(decomposed)
    assert document_id(composed) != document_id(composed.replace("301", "302"))
