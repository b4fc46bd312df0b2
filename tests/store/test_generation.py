"""The store's generation: one more for every committed write, whichever process wrote;
and the claims page's plan. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event

from bilan.errors import StoreError
from bilan.incidents.stored import save_incidents
from bilan.store import ClaimFilter, Store
from tests.store.test_store import make_claim, make_document


def test_every_write_adds_one_to_the_generation(db_url):
    with Store(db_url) as store:
        assert store.generation() == 0
        record = make_document("a" * 64, (make_claim(1),))
        assert store.add_document(record)
        assert store.generation() == 1
        # A document already stored writes nothing, so answers kept so far still hold.
        assert not store.add_document(record)
        assert store.generation() == 1
        store.enrich_document(replace(record, claims=(make_claim(1, value=12),)))
        assert store.generation() == 2
        save_incidents(store, record.id, [])
        assert store.generation() == 3


def test_another_process_sees_the_new_generation(db_url):
    with Store(db_url) as reader, Store(db_url) as writer:
        before = reader.generation()
        writer.add_document(make_document("b" * 64, (make_claim(1),)))
        assert reader.generation() == before + 1


def test_a_failed_write_leaves_the_generation(db_url):
    with Store(db_url) as store:
        store.add_document(make_document("c" * 64, (make_claim(1),)))
        before = store.generation()
        # Two claims with one id: the second insert fails, the document is not stored.
        broken = make_document("d" * 64, (make_claim(1), make_claim(1)))
        with pytest.raises(StoreError, match="cannot store"):
            store.add_document(broken)
        assert not store.has_document("d" * 64)
        assert store.generation() == before
        assert len(store.claims(ClaimFilter())) == 1


def test_a_claims_page_reads_dates_from_the_index_not_the_documents(tmp_path):
    # Regression: without statistics SQLite joined each claim to its document's row (text
    # and all) through the primary key; the page then took twice as long on 5,000 reports.
    with Store(str(tmp_path / "bilan.db")) as store:
        for key in "abc":
            store.add_document(make_document(key * 64, (make_claim(1), make_claim(2))))
        store.refresh_statistics()
        page = select_claims_page(store)
        with store.engine.connect() as conn:
            plan = " | ".join(row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + page[0], page[1]))
    assert "COVERING INDEX documents_id_published_origin" in plan, plan


def select_claims_page(store: Store) -> tuple[str, tuple]:
    """The SQL and parameters `Store.claims` sends for a page of killed claims."""
    statements: list[tuple[str, tuple]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.claims(ClaimFilter(outcome="killed"), limit=50, offset=1)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return statements[-1]
