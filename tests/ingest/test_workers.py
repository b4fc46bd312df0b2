"""Extraction on worker processes and on a Dask cluster stores what one process stores.

The reports are the French and English gold documents (100 reports, four chunks), so
both languages' models run on the workers. Every store is compared with the one an
ingest in this process gives: same documents, claims, sentences and incidents.
"""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import Future, wait
from pathlib import Path

import pytest
from rich.console import Console

from bilan.commands import _LazyProgress
from bilan.errors import ReconcileError, UsageError, WorkerError
from bilan.ingest import Ingester, Summary, read_reports
from bilan.ingest import workers as workers_module
from bilan.ingest.workers import CHUNK, LOSSES, DaskCluster, ProcessPool, extraction
from bilan.store import Store
from tests.conftest import GOLD
from tests.ingest.test_interrupt import committed

REPORTS = [str(GOLD / "dev.jsonl"), str(GOLD / "dev-en.jsonl")]
COUNT = 100


def contents(db: Path) -> dict[str, list[tuple]]:
    """Every stored row that extraction decides, in a fixed order."""
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("SELECT id, lang, status, origin FROM documents "
                                      "ORDER BY id").fetchall(),
            "claims": conn.execute("SELECT * FROM claims ORDER BY document_id, claim_id")
            .fetchall(),
            "sentences": conn.execute("SELECT * FROM sentences ORDER BY document_id, number")
            .fetchall(),
            "incidents": conn.execute("SELECT document_id, incident_id, event_id, payload FROM "
                                      "incidents ORDER BY document_id, incident_id").fetchall(),
        }


def ingest(db: Path, where=None, progress=None):
    with Store(str(db)) as store:
        return Ingester(store, extraction=where).run(read_reports(REPORTS), progress)


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "bilan.db"
    summary = ingest(db)
    assert (summary.new, summary.failed) == (COUNT, [])
    return contents(db)


def test_two_worker_processes_store_what_one_process_stores(tmp_path, serial):
    pool = ProcessPool(2, ["fr"])
    try:
        summary = ingest(tmp_path / "bilan.db", pool)
    finally:
        pool.close()
    assert (summary.new, summary.known, summary.failed) == (COUNT, 0, [])
    assert summary.claims == len(serial["claims"]) > COUNT
    assert contents(tmp_path / "bilan.db") == serial


def test_a_dask_cluster_stores_what_one_process_stores(tmp_path, serial):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  host="127.0.0.1", protocol="tcp://",
                                  dashboard_address=None) as cluster:
        where = DaskCluster(cluster.scheduler_address)
        try:
            summary = ingest(tmp_path / "bilan.db", where)
        finally:
            where.close()
    assert (summary.new, summary.failed) == (COUNT, [])
    assert contents(tmp_path / "bilan.db") == serial


def children() -> list[int]:
    """This process's child processes (Linux)."""
    me = os.getpid()
    found = Path(f"/proc/{me}/task/{me}/children").read_text().split()
    return [int(pid) for pid in found]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, serial, caplog):
    # Children started before the pool (an earlier test's server processes) are not its.
    others = set(children())
    pool = ProcessPool(2, ["fr"])
    killed = []

    def kill_a_worker(summary, origin):
        # After the first report is stored, while later chunks are out on the workers (by
        # the end of the first chunk, the workers may have finished every chunk).
        if summary.new == 1 and not killed:
            killed.append(next(pid for pid in children() if pid not in others))
            os.kill(killed[0], signal.SIGKILL)

    try:
        with caplog.at_level(logging.WARNING, logger="bilan.ingest.workers"):
            summary = ingest(tmp_path / "bilan.db", pool, kill_a_worker)
    finally:
        pool.close()
    assert killed, "no worker was killed"
    assert "a worker was lost" in caplog.text
    assert (summary.new, summary.known, summary.failed) == (COUNT, 0, [])
    assert contents(tmp_path / "bilan.db") == serial


def test_a_failed_incident_tally_is_a_warning_and_the_report_is_stored(
        tmp_path, serial, monkeypatch):
    # Regression: `E400 tally program failed` after os-33441 aborted a whole ingest.
    real = workers_module.report_incidents

    def failing(document, text, claims, lang):
        if text.startswith(first_text):
            raise ReconcileError("the tally program failed: Unknown")
        return real(document, text, claims, lang=lang)

    first_text = json.loads((GOLD / "dev.jsonl").read_text().splitlines()[0])["text"][:80]
    monkeypatch.setattr(workers_module, "report_incidents", failing)
    summary = ingest(tmp_path / "bilan.db")
    assert (summary.new, summary.failed) == (COUNT, [])
    assert len(summary.warnings) == 1
    assert "dev.jsonl, line 1: stored without its incidents" in summary.warnings[0]
    assert "E400" in summary.warnings[0]
    stored = contents(tmp_path / "bilan.db")
    assert stored["claims"] == serial["claims"]
    assert len(stored["incidents"]) < len(serial["incidents"])


def test_extract_with_workers_prints_the_documents_in_input_order():
    def extract(*extra):
        return subprocess.run([sys.executable, "-m", "bilan.cli", "extract", "--input",
                               REPORTS[0], *extra], capture_output=True, text=True, check=True)

    one, two = extract(), extract("--workers", "2")
    ids = [json.loads(line)["id"] for line in two.stdout.splitlines()]
    assert ids == [json.loads(line)["id"] for line in Path(REPORTS[0]).read_text().splitlines()]
    assert two.stdout == one.stdout


@pytest.mark.parametrize(("workers", "dask", "code"), [
    (0, None, "E173"),
    (2, "tcp://127.0.0.1:1", "E174"),
])
def test_impossible_worker_options_are_usage_errors(workers, dask, code):
    with pytest.raises(UsageError, match=code):
        extraction(workers, dask)


def test_an_unreachable_dask_scheduler_is_named():
    pytest.importorskip("distributed")
    with pytest.raises(WorkerError, match=r"E171.*tcp://127\.0\.0\.1:1"):
        DaskCluster("tcp://127.0.0.1:1")


def test_ctrl_c_stops_the_workers_and_keeps_whole_documents(tmp_path):
    # More chunks than the workers hold at once (4): some are never sent.
    reports = 10 * CHUNK
    corpus = tmp_path / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for number in range(reports):
            text = f"Au moins {number + 10} personnes ont été tuées lundi à Alep, selon l'OSDH."
            handle.write(json.dumps({"id": f"d{number}", "lang": "fr",
                                     "published": "2013-12-23", "text": text}) + "\n")
    db = tmp_path / "bilan.db"
    command = [sys.executable, "-m", "bilan.cli", "ingest", str(corpus), "--db", str(db),
               "--workers", "2"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    deadline = time.monotonic() + 300
    while committed(db) < CHUNK and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    # As a terminal does: Ctrl-C reaches the whole process group, workers included.
    os.killpg(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    stored = committed(db)
    # Every chunk a worker held is extracted and stored, whole.
    assert CHUNK <= stored < reports and stored % CHUNK == 0
    assert f"interrupted; stored so far: documents: {stored} new" in out
    assert err.endswith("error: interrupted\n")
    with pytest.raises(ProcessLookupError):  # no worker outlives the ingest
        os.killpg(child.pid, 0)
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert f"{reports - stored} new, {stored} already known" in rerun.stdout


class _DyingOn(ProcessPool):
    """A pool whose worker process exits whenever it is sent the chunk holding `origin`."""

    def __init__(self, origin: str) -> None:
        super().__init__(2, ["fr"])
        self.origin = origin
        self.sent = 0

    def _submit(self, chunk):
        if any(task.report.origin == self.origin for task in chunk):
            self.sent += 1
            return self.pool.submit(os._exit, 1)
        return super()._submit(chunk)


class _DyingBeforeNext(_DyingOn):
    """As _DyingOn, but the chunk after the deadly one is sent only once the pool knows its
    worker died, so sending it fails (the race a busy machine hits)."""

    def _submit(self, chunk):
        future = super()._submit(chunk)
        if any(task.report.origin == self.origin for task in chunk):
            wait([future])
        return future


# _DyingBeforeNext, a regression: BrokenProcessPool raised while sending the next chunk
# ended the ingest.
@pytest.mark.parametrize("dying", [_DyingOn, _DyingBeforeNext])
def test_a_chunk_that_keeps_killing_its_worker_fails_alone(tmp_path, serial, dying):
    pool = dying(f"{REPORTS[0]}, line 40")
    try:
        summary = ingest(tmp_path / "bilan.db", pool)
    finally:
        pool.close()
    assert pool.sent == 1 + LOSSES  # with the others, then alone
    # The second chunk (lines 33 to 64) is given up, every other report is stored.
    assert summary.new == COUNT - CHUNK
    assert len(summary.failed) == CHUNK
    assert summary.failed[0].startswith(f"[E170] {REPORTS[0]}, line 33: not stored")
    stored = contents(tmp_path / "bilan.db")
    assert len(stored["documents"]) == COUNT - CHUNK
    assert set(stored["claims"]) < set(serial["claims"])


@pytest.mark.parametrize(("total", "shown"), [
    (10, ["5/10 reports", "0.5 reports/s", "ETA"]),
    (None, ["5 reports", "0.5 reports/s"]),
])
def test_progress_shows_the_rate_and_the_time_left_when_the_total_is_known(total, shown):
    console = Console(file=io.StringIO(), force_terminal=True, width=200)
    progress = _LazyProgress(console, total)
    progress.started -= 10  # as if the ingest had run for 10 s
    progress(Summary(new=4, known=1), "docs.jsonl, line 5")
    assert progress.progress is not None
    progress.progress.refresh()
    progress.stop()
    written = console.file.getvalue()
    assert all(part in written for part in shown), written
    assert ("ETA" in written) == (total is not None)


class _Returned(workers_module._Ordered):
    """Workers whose chunks are all back at once, but for the ones named `out`."""

    def __init__(self, window, out=()):
        super().__init__(window)
        self.out = set(out)

    def _submit(self, chunk):
        future = Future()
        if chunk[0] not in self.out:
            future.set_result(list(chunk))
        return future


# ("c",), a regression: the chunks back behind one still out were lost.
@pytest.mark.parametrize(("out", "finished"), [
    ((), ["b", "c", "d"]), (("d",), ["b", "c"]), (("c",), ["b", "d"])])
def test_after_an_interrupt_what_is_back_from_the_workers_is_handed_out(out, finished):
    # Regression: Ctrl-C lost the rest of the chunk being stored and the chunks back since.
    extraction = _Returned(window=3, out=out)
    outcomes = extraction.map([["a", "b"], ["c"], ["d"], ["e"]])
    assert next(outcomes) == "a"  # the interrupt comes while it is stored
    assert list(extraction.finished()) == finished


def _echo_after(chunk, seconds):
    time.sleep(seconds)
    return list(chunk)


class _Sleepy(ProcessPool):
    """Worker processes that hand each chunk back as it is, after `seconds` for all but
    the first."""

    def __init__(self, seconds):
        super().__init__(2)
        self.seconds = seconds

    def _submit(self, chunk):
        return self.pool.submit(_echo_after, chunk, 0 if chunk[0] == "a" else self.seconds)


def test_after_an_interrupt_the_chunks_the_workers_finish_are_handed_out():
    # Regression: Ctrl-C lost the chunks still out on the workers, which closing the pool
    # waited for and threw away.
    pool = _Sleepy(1.0)
    try:
        outcomes = pool.map([["a", "b"], ["c"], ["d"], ["e"]])
        assert next(outcomes) == "a"  # the interrupt comes while it is stored
        assert list(pool.finished()) == ["b", "c", "d", "e"]
    finally:
        pool.close()
