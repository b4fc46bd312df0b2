"""Ingest end to end with the packaged model: the seed dispatch, repeats, languages, bad files."""

from __future__ import annotations

import json
from datetime import date

from bilan.cli import main
from bilan.ingest import Ingester, Report, read_reports
from bilan.reconcile import tally
from bilan.reconcile.regions import resolve_region
from bilan.store import ClaimFilter, Store
from tests.conftest import GOLD

SEED = str(GOLD / "seed.jsonl")


def test_the_seed_dispatch_ingested_gives_the_tallies_of_the_design(tmp_path):
    db = str(tmp_path / "bilan.db")
    with Store(db) as store:
        summary = Ingester(store).run(read_reports([SEED]))
        assert (summary.new, summary.known, summary.failed, summary.claims) == (1, 0, [], 6)
        claims = store.claims(ClaimFilter(outcome="killed"))
    aleppo = resolve_region("Aleppo")
    whole = tally(claims, outcome="killed", region=aleppo, first=date(2013, 12, 15),
                  last=date(2013, 12, 23)).series[0]
    # "plus de 330 morts" from 15 to 23 December.
    assert whole.low >= 331
    last_day = tally(claims, outcome="killed", region=aleppo, first=date(2013, 12, 23),
                     last=date(2013, 12, 23)).series[0]
    # 331 − 301 killed over the eight days before.
    assert last_day.low >= 30


def test_the_seed_tally_through_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "bilan.db")
    assert main(["ingest", SEED, "--db", db]) == 0
    capsys.readouterr()
    assert main(["tally", "--outcome", "killed", "--place", "Alep", "--from", "2013-12-23",
                 "--to", "2013-12-23", "--format", "json", "--db", db]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["series"][0]["low"] >= 30
    quotes = {claim["quote"] for c in answer["evidence"] for claim in c["claims"]}
    assert {"plus de 330 morts", "301 morts"} <= quotes
    # Asking for the country counts its cities.
    assert main(["tally", "--outcome", "killed", "--place", "Syrie", "--from", "2013-12-15",
                 "--to", "2013-12-23", "--format", "json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["series"][0]["low"] >= 331


def test_ingesting_the_same_report_twice_stores_nothing_new(tmp_path, capsys):
    db = str(tmp_path / "bilan.db")
    report = tmp_path / "alep.txt"
    report.write_text("Deux civils ont été tués lundi à Alep, selon l'OSDH.", encoding="utf-8")
    respaced = tmp_path / "alep-again.txt"
    respaced.write_text("Deux civils ont été  tués lundi\nà Alep, selon l'OSDH.\n",
                        encoding="utf-8")
    assert main(["ingest", str(report), "--db", db]) == 0
    first = capsys.readouterr().out
    assert "1 new" in first and "claims stored: 1" in first
    assert main(["ingest", str(report), str(respaced), "--db", db]) == 0
    again = capsys.readouterr().out
    assert "nothing new" in again and "0 new, 2 already known" in again
    with Store(db) as store:
        assert store.counts()["documents"] == 1


def test_english_documents_are_detected_and_extracted(tmp_path):
    text = "At least 45 people were killed on Sunday in air strikes on Aleppo, a monitor said."
    with Store(str(tmp_path / "bilan.db")) as store:
        summary = Ingester(store).run([Report(text, "en.txt")])
        assert (summary.new, summary.skipped_language, summary.claims) == (1, 0, 1)
        [stored] = store.claims()
        assert (stored.claim.outcome, stored.claim.count.value, stored.claim.count.qualifier) == (
            "killed", 45, "at_least")


def test_documents_of_a_language_bilan_does_not_read_are_stored_only(tmp_path):
    text = "Mindestens 45 Menschen wurden am Sonntag bei Luftangriffen auf Aleppo getötet."
    with Store(str(tmp_path / "bilan.db")) as store:
        summary = Ingester(store).run([Report(text, "de.txt", lang="de")])
        assert (summary.new, summary.skipped_language, summary.claims) == (1, 1, 0)
        assert store.counts() == {"documents": 1, "sentences": 1, "claims": 0}


def test_bad_files_are_reported_by_name_skipped_and_fail_the_exit_code(tmp_path, capsys):
    db = str(tmp_path / "bilan.db")
    good = tmp_path / "good.txt"
    good.write_text("Trois soldats ont été tués mardi à Gao.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    assert main(["ingest", str(bad), str(good), "--db", db]) == 1
    captured = capsys.readouterr()
    assert str(bad) in captured.err
    assert "1 new" in captured.out and "1 failed" in captured.out
    with Store(db) as store:
        assert store.counts()["documents"] == 1
