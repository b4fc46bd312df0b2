"""An ingest killed halfway keeps every document it finished, whole, and a re-run completes it.

The ingest runs in a child process; the test polls the store and sends SIGKILL once more
than one chunk of documents is committed, so the kill lands while later documents are
being extracted or written.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

from bilan.ingest.workers import CHUNK
from bilan.store import Store

DOCUMENTS = 3 * CHUNK


def committed(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_a_killed_ingest_keeps_whole_documents_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for number in range(DOCUMENTS):
            text = (f"Au moins {number + 10} personnes ont été tuées lundi dans des raids sur "
                    "Alep, selon l'OSDH. Le bilan pourrait s'alourdir.")
            handle.write(json.dumps({"id": f"d{number}", "lang": "fr",
                                     "published": "2013-12-23", "text": text}) + "\n")
    db = str(tmp_path / "bilan.db")
    command = [sys.executable, "-m", "bilan.cli", "ingest", str(corpus), "--db", db]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while committed(db) <= CHUNK and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the ingest finished before it was killed"

    with Store(db) as store:
        counts = store.counts()
        claims = store.claims()
    assert CHUNK < counts["documents"] < DOCUMENTS
    # Each document holds one claim and two sentences: all of them, for every document kept.
    assert counts["claims"] == counts["documents"]
    assert counts["sentences"] == 2 * counts["documents"]
    assert len({c.document for c in claims}) == counts["documents"]

    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert (f"{DOCUMENTS - counts['documents']} new, {counts['documents']} already known"
            in rerun.stdout)
    with Store(db) as store:
        assert store.counts() == {"documents": DOCUMENTS, "sentences": 2 * DOCUMENTS,
                                  "claims": DOCUMENTS}


def test_ctrl_c_prints_what_was_stored(tmp_path):
    corpus = tmp_path / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for number in range(DOCUMENTS):
            text = f"Au moins {number + 10} personnes ont été tuées lundi à Alep, selon l'OSDH."
            handle.write(json.dumps({"id": f"d{number}", "lang": "fr",
                                     "published": "2013-12-23", "text": text}) + "\n")
    db = str(tmp_path / "bilan.db")
    child = subprocess.Popen([sys.executable, "-m", "bilan.cli", "ingest", str(corpus), "--db",
                              db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while committed(db) <= CHUNK and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    stored = committed(db)
    assert CHUNK < stored < DOCUMENTS
    assert f"interrupted; stored so far: documents: {stored} new" in out


def test_ctrl_c_keeps_the_reports_of_the_chunk_extracted_before_it(tmp_path):
    # A chunk of short reports with a long one in the middle (cue words but no count: about
    # 10 s of extraction, nothing to store but the text):
    # the reports before it are stored as soon as they are read, and Ctrl-C during the long
    # one keeps them (a chunk used to be stored only once all of it was read).
    before = CHUNK // 4
    long_report = "".join(f"le bilan des raids numéro {n} reste inconnu et les blessés sont "
                          "soignés à Alep, " for n in range(5_000))
    corpus = tmp_path / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for number in range(CHUNK):
            text = (long_report if number == before else
                    f"Au moins {number + 10} personnes ont été tuées lundi à Alep, selon l'OSDH.")
            handle.write(json.dumps({"id": f"d{number}", "lang": "fr",
                                     "published": "2013-12-23", "text": text}) + "\n")
    db = str(tmp_path / "bilan.db")
    command = [sys.executable, "-m", "bilan.cli", "ingest", str(corpus), "--db", db]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while committed(db) < before and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    # Stored while the long report is read, not after the whole chunk (24 more reports
    # would be stored within this wait).
    time.sleep(2)
    assert committed(db) == before
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert committed(db) == before
    assert f"interrupted; stored so far: documents: {before} new" in out

    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{CHUNK - before} new, {before} already known" in rerun.stdout
    with Store(db) as store:
        assert store.counts()["documents"] == CHUNK
