"""Ingest across processes and on a Dask cluster stores what one process stores, in order.

Real worker processes, each loading the French model, and a real Dask LocalCluster whose
worker is killed mid-run: its chunks go to the other worker, no report is lost and none is
stored twice. Chunks are made small so that several are in flight at once."""

from __future__ import annotations

import os
import signal
from datetime import date

import pytest
from sqlalchemy import literal_column, select

from bilan.ingest import Ingester, Report, Summary
from bilan.ingest import run as ingest_run
from bilan.ingest.run import extraction_workers
from bilan.store import Store, schema
from tests.conftest import read_gold

DOCUMENTS = 12


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    documents = [d for d in read_gold("dev.jsonl") if d["lang"] == "fr"][:DOCUMENTS]
    return [Report(d["text"], f"dev {d['id']}", "fr", date.fromisoformat(d["published"]))
            for d in documents]


def stored(db: str) -> tuple[list[str], list[tuple]]:
    """Origins of the documents in storage order, and every claim's content."""
    with Store(db) as store, store.engine.connect() as conn:
        # SQLite's rowid is the order of insertion.
        origins = conn.execute(select(schema.documents.c.origin).order_by(
            literal_column("rowid"))).scalars().all()
        claims = conn.execute(select(
            schema.claims.c.document_id, schema.claims.c.claim_id, schema.claims.c.quote,
            schema.claims.c.value, schema.claims.c.region,
        ).order_by(schema.claims.c.document_id, schema.claims.c.claim_id)).all()
    return list(origins), [tuple(row) for row in claims]


@pytest.fixture(scope="module")
def one_process(reports, tmp_path_factory) -> tuple[list[str], list[tuple]]:
    db = str(tmp_path_factory.mktemp("one") / "bilan.db")
    with Store(db) as store:
        summary = Ingester(store).run(reports)
    assert (summary.new, summary.failed) == (DOCUMENTS, [])
    return stored(db)


def test_two_processes_store_what_one_stores_in_the_same_order(reports, one_process, tmp_path,
                                                              monkeypatch):
    monkeypatch.setattr(ingest_run, "BATCH", 2)
    db = str(tmp_path / "bilan.db")
    with Store(db) as store, extraction_workers(workers=2) as (submit, workers):
        summary = Ingester(store, submit, workers).run(reports)
    assert (summary.new, summary.known, summary.failed) == (DOCUMENTS, 0, [])
    assert stored(db) == one_process
    assert one_process[0] == [report.origin for report in reports]


def test_a_dask_worker_lost_mid_run_loses_and_duplicates_nothing(reports, one_process,
                                                                  tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(ingest_run, "BATCH", 2)
    db = str(tmp_path / "bilan.db")
    killed: list[int] = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as watcher:

        def kill_a_worker_once(summary: Summary, origin: str) -> None:
            # After the first document is stored, chunks are in flight on both workers.
            if not killed and summary.new >= 1:
                pid = next(iter(watcher.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        with Store(db) as store, \
                extraction_workers(dask=cluster.scheduler_address) as (submit, workers):
            assert workers == 2
            summary = Ingester(store, submit, workers).run(reports, kill_a_worker_once)
    assert killed
    assert (summary.new, summary.known, summary.failed) == (DOCUMENTS, 0, [])
    assert stored(db) == one_process
