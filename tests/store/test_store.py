"""The store: migrations, one transaction per document, filters, round trips. Every test runs
on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from bilan.errors import MigrationError, StoreError, StoreUrlError
from bilan.records import Claim, Count, Period, Place, Source
from bilan.store import MIGRATIONS, ClaimFilter, DocumentRecord, Store, applied, database_url

ALEPPO = ("SY", "09", "@170063")
MAREA = ("SY", "09", "@163345")
DAMASCUS = ("SY", "13", "@170654")


def make_claim(number: int, outcome: str = "killed", victims: str = "people",
               value: int = 10, start: date | None = date(2013, 12, 15),
               end: date | None = date(2013, 12, 22)) -> Claim:
    return Claim(
        id=f"c{number}", quote=f"{value} morts", outcome=outcome, cause="violence",
        victims=victims, count=Count(value, "exact"), part_of=None,
        period=Period(start, end) if start or end else None,
        place=Place("Alep", 36.2021, 37.1343, "SY", "city"), source=Source("OSDH", "ngo"),
        start=0, end=8, sentence_start=0, sentence_end=20,
    )


def make_document(key: str, claims: tuple[Claim, ...] = (), regions=None) -> DocumentRecord:
    return DocumentRecord(
        id=key, text="301 morts à Alep.", lang="fr", origin=f"{key}.txt", status="extracted",
        published=date(2013, 12, 23), sentences=((0, 17),), claims=claims,
        regions=tuple(regions) if regions is not None else (ALEPPO,) * len(claims),
    )


def test_migrations_are_applied_in_order_and_recorded(db_url):
    store = Store(db_url)
    assert store.migrations_applied == [name for name, _ in MIGRATIONS]
    assert applied(store.engine) == [name for name, _ in MIGRATIONS]
    store.close()
    again = Store(db_url)
    assert again.migrations_applied == []
    again.close()


def test_a_database_from_a_newer_bilan_is_refused(db_url):
    with Store(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("INSERT INTO bilan_migrations VALUES ('9999_future', CURRENT_TIMESTAMP)"))
    with pytest.raises(MigrationError, match="9999_future"):
        Store(db_url)


def test_a_document_is_stored_whole_and_only_once(db_url):
    with Store(db_url) as store:
        record = make_document("a" * 64, (make_claim(1), make_claim(2, value=87)))
        assert store.add_document(record) is True
        assert store.add_document(record) is False
        assert store.counts() == {"documents": 1, "sentences": 1, "claims": 2}


def test_claims_come_back_as_they_went_in(db_url):
    claim = replace(make_claim(1), count=Count(10, "range", 15), part_of="c0")
    with Store(db_url) as store:
        store.add_document(make_document("a" * 64, (claim,)))
        [stored] = store.claims()
    assert stored.claim == claim
    assert (stored.document, stored.region, stored.published) == ("a" * 64, ALEPPO,
                                                                    date(2013, 12, 23))


def test_a_failing_document_leaves_nothing_and_keeps_earlier_ones(db_url):
    with Store(db_url) as store:
        store.add_document(make_document("a" * 64, (make_claim(1),)))
        # Two claims with one id break the claims table's key after the document row and
        # its sentences are written: the whole document must roll back.
        broken = make_document("b" * 64, (make_claim(1), make_claim(1)))
        with pytest.raises(StoreError, match="b{64}.txt"):
            store.add_document(broken)
        assert store.counts() == {"documents": 1, "sentences": 1, "claims": 1}
        assert not store.has_document("b" * 64)


def test_regions_without_their_claims_are_refused(db_url):
    with Store(db_url) as store, pytest.raises(StoreError, match="1 claims but 0 regions"):
        store.add_document(make_document("a" * 64, (make_claim(1),), regions=()))


@pytest.mark.parametrize(("where", "expected"), [
    (ClaimFilter(), ["c1", "c2", "c3", "c4"]),
    (ClaimFilter(outcome="injured"), ["c2"]),
    (ClaimFilter(victims=["children", "women"]), ["c3"]),
    (ClaimFilter(regions=[("SY",)]), ["c1", "c2", "c3"]),
    (ClaimFilter(regions=[("SY", "09")]), ["c1", "c2"]),
    (ClaimFilter(regions=[MAREA]), ["c2"]),
    # A prefix of a component is not a region that contains it.
    (ClaimFilter(regions=[("S",)]), []),
    (ClaimFilter(first=date(2013, 12, 23)), ["c3", "c4"]),
    (ClaimFilter(last=date(2013, 12, 14)), ["c4"]),
    (ClaimFilter(first=date(2013, 12, 20), last=date(2013, 12, 21)), ["c1", "c2", "c4"]),
])
def test_claims_are_filtered(db_url, where, expected):
    claims = (
        make_claim(1),
        make_claim(2, outcome="injured"),
        make_claim(3, victims="children", start=date(2013, 12, 23), end=date(2013, 12, 23)),
        make_claim(4, start=None, end=None),
    )
    with Store(db_url) as store:
        store.add_document(make_document("a" * 64, claims, [ALEPPO, MAREA, DAMASCUS, None]))
        assert [c.claim.id for c in store.claims(where)] == expected


def test_claims_are_filtered_by_document_hash_or_own_id(db_url):
    with Store(db_url) as store:
        store.add_document(replace(make_document("a" * 64, (make_claim(1),)), external_id="afp-1"))
        store.add_document(make_document("b" * 64, (make_claim(1),)))
        assert [c.document for c in store.claims(ClaimFilter(document="afp-1"))] == ["a" * 64]
        assert [c.document for c in store.claims(ClaimFilter(document="b" * 64))] == ["b" * 64]


@pytest.mark.parametrize(("target", "env", "expected"), [
    ("x.db", None, "sqlite:///x.db"),
    (None, "/data/b.db", "sqlite:////data/b.db"),
    (None, None, "sqlite:///bilan.db"),
    ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "ignored.db", "postgresql+psycopg://u@h/db"),
])
def test_database_url(monkeypatch, target, env, expected):
    if env is None:
        monkeypatch.delenv("BILAN_DB", raising=False)
    else:
        monkeypatch.setenv("BILAN_DB", env)
    assert database_url(target) == expected


def test_an_unknown_url_is_an_error_naming_it():
    with pytest.raises(StoreUrlError, match="nosuchdb://x"):
        Store("nosuchdb://x")


def test_an_unreachable_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        Store(str(tmp_path / "missing" / "folder" / "bilan.db"))
