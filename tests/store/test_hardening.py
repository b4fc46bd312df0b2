"""Issue 12 on both stores: racing migrations, the same reports accepted, metadata enriched,
queries that never create a store, and no SQL or report text in messages."""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bilan.errors import StoreError
from bilan.store import MIGRATIONS, Store, applied, schema
from tests.store.test_store import make_claim, make_document

RACERS = 6


def _open(url: str, start: multiprocessing.synchronize.Event, results) -> None:
    start.wait()
    try:
        with Store(url) as store:
            results.put(("ok", store.migrations_applied))
    except Exception as error:  # noqa: BLE001 - the test reports what a racer met
        results.put(("error", str(error)))


def test_processes_opening_a_new_store_at_once_do_not_race(db_url):
    # Regression: "table bilan_migrations already exists"; one of the openers stored nothing.
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    racers = [context.Process(target=_open, args=(db_url, start, results))
              for _ in range(RACERS)]
    for racer in racers:
        racer.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in racers]
    for racer in racers:
        racer.join(timeout=60)
    assert [kind for kind, _ in outcomes] == ["ok"] * RACERS, outcomes
    # Exactly one of them applied the migrations, every one of them once.
    applied_now = [names for _, names in outcomes if names]
    assert applied_now == [[name for name, _ in MIGRATIONS]]
    with Store(db_url) as store:
        assert applied(store.engine) == [name for name, _ in MIGRATIONS]


def test_threads_opening_a_new_sqlite_file_at_once_do_not_race(tmp_path):
    # Regression: two connections switching a new file to WAL at once met "database is
    # locked" (E304) at once, SQLite's busy time-out notwithstanding; about one round in
    # ten of twelve threads failed, so sixty rounds all but always caught it.
    for round_ in range(60):
        path = tmp_path / f"new-{round_}.db"
        start, errors = threading.Event(), []

        def open_store(path: Path = path, start: threading.Event = start,
                       errors: list[str] = errors) -> None:
            start.wait()
            try:
                Store(path).close()
            except StoreError as error:
                errors.append(str(error))

        openers = [threading.Thread(target=open_store) for _ in range(12)]
        for opener in openers:
            opener.start()
        start.set()
        for opener in openers:
            opener.join()
        assert errors == [], (round_, errors)


def test_nul_and_lone_surrogates_store_alike_on_both_stores(db_url):
    # Regression: a NUL stored in SQLite but failed on PostgreSQL, the whole SQL statement
    # and report text in the message.
    claim = replace(make_claim(1), quote="30\x00 morts\ud800")
    record = replace(make_document("nul", (claim,)), text="301\x00morts à Alep\ud800",
                     title="t\x00")
    with Store(db_url) as store:
        assert store.add_document(record)
        with store.engine.connect() as conn:
            stored = conn.execute(select(schema.documents.c.text, schema.documents.c.title)).one()
        (claim_read,) = store.claims()
    assert stored.text == "301\ufffdmorts à Alep\ufffd" and stored.title == "t\ufffd"
    assert claim_read.claim.quote == "30\ufffd morts\ufffd"


def test_enriching_fills_missing_metadata_and_replaces_claims(db_url):
    bare = replace(make_document("doc", (make_claim(1, start=None, end=None),)),
                   published=None, title="kept")
    dated = replace(make_document("doc", (make_claim(1), make_claim(2, value=3))),
                    external_id="afp-1", title="other")
    with Store(db_url) as store:
        store.add_document(bare)
        assert store.document_metadata("doc") == {
            "published": None, "external_id": None, "url": None, "title": "kept",
            "outlet": None}
        store.enrich_document(dated)
        assert store.document_metadata("doc") == {
            "published": date(2013, 12, 23), "external_id": "afp-1", "url": None,
            "title": "kept", "outlet": None}
        claims = store.claims()
    assert [(c.claim.id, c.claim.count.value) for c in claims] == [("c1", 10), ("c2", 3)]
    assert claims[0].claim.period.start == date(2013, 12, 15)
    assert store.document_metadata("absent") is None


def test_enriching_without_the_claims_keeps_them(db_url):
    dated = make_document("doc", (make_claim(1),))
    with Store(db_url) as store:
        store.add_document(dated)
        store.enrich_document(replace(dated, published=None, url="http://x/a", claims=()),
                              replace_claims=False)
        assert store.document_metadata("doc")["url"] == "http://x/a"
        claims = store.claims()
    assert [c.claim.id for c in claims] == ["c1"]


def test_a_query_never_creates_a_store(tmp_path):
    # Regression: a mistyped --db made tally/claims create an empty store and answer 0.
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no bilan store there") as caught:
        Store(path, create=False)
    assert caught.value.exit_code == 3 and caught.value.code == "E303"
    assert not path.exists()


def test_an_empty_database_is_not_a_store_for_queries(db_url):
    if "://" not in db_url:
        Path(db_url).touch()
    with pytest.raises(StoreError, match="no bilan store there"):
        Store(db_url, create=False)


def test_store_errors_name_no_sql_and_no_report_text(db_url):
    secret = "TEXTE-DU-RAPPORT-" * 5
    record = replace(make_document("bad", (make_claim(1),)), text=secret,
                     regions=(("x" * 10,),))
    with Store(db_url) as store:
        store.add_document(replace(record, id="first"))
        # The same claim id twice in one document violates the claims' primary key.
        doubled = replace(record, claims=(make_claim(1), make_claim(1)),
                          regions=(("SY",), ("SY",)))
        with pytest.raises(StoreError) as caught:
            store.add_document(doubled)
    message = str(caught.value)
    assert caught.value.code == "E306" and "bad.txt" in message
    assert "INSERT" not in message and "TEXTE-DU-RAPPORT" not in message
