"""The tally, timeline and claims commands over a store filled with dev.jsonl's gold claims."""

from __future__ import annotations

import json

import pytest

from bilan.cli import main
from bilan.store import DocumentRecord, Store
from tests.conftest import read_gold
from tests.reconcile.claims import from_gold


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("store") / "bilan.db")
    with Store(path) as store:
        for document in read_gold("dev.jsonl"):
            stored = [from_gold(document, gold) for gold in document["claims"]]
            store.add_document(DocumentRecord(
                id=document["id"], text=document["text"], lang=document["lang"],
                origin=document["id"], status="extracted",
                published=stored[0].published if stored else None,
                claims=tuple(s.claim for s in stored), regions=tuple(s.region for s in stored),
            ))
    return path


def run_json(capsys, *argv):
    assert main([*argv, "--format", "json"]) == 0
    return capsys.readouterr().out


def test_timeline_prints_the_daily_series(db, capsys):
    out = run_json(capsys, "timeline", "--outcome", "displaced", "--place", "Vovchansk",
                   "--from", "2024-05-12", "--to", "2024-05-13", "--db", db)
    series = json.loads(out)["series"]
    assert [(d["first"], d["low"], d["high"]) for d in series] == [
        ("2024-05-12", 2298, 2298), ("2024-05-13", 1327, 2527)]


def test_tally_tables_name_the_claims_and_the_contradictions(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for quotes not to fold
    assert main(["tally", "--outcome", "killed", "--victims", "children", "--place",
                 "Ghouta orientale", "--from", "2018-02-18", "--to", "2018-02-22",
                 "--db", db]) == 0
    out = capsys.readouterr().out
    # The region of the Ghouta holds more than the claims' locality: no upper bound.
    assert "bounds: [67, ∞)" in out
    assert "58 enfants" in out and "contradicted" in out
    assert "fr-dev-011" in out


def test_tally_json_says_how_the_estimate_is_made(db, capsys):
    answer = json.loads(run_json(capsys, "tally", "--outcome", "killed", "--place", "Goma",
                                 "--from", "2025-01-27", "--to", "2025-01-29", "--db", db))
    assert answer["series"][0] | {} == {"first": "2025-01-27", "last": "2025-01-29",
                                         "low": 114, "high": 114, "best": 114.0}
    assert "midpoint" in answer["estimate"]


def test_claims_are_listed_and_filtered(db, capsys):
    out = run_json(capsys, "claims", "--outcome", "killed", "--victims", "children",
                   "--place", "Syrie", "--from", "2018-02-19", "--to", "2018-02-19",
                   "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {row["quote"] for row in rows} == {"23 enfants", "20 enfants", "58 enfants",
                                              "67 enfants"}
    assert all(row["country"] == "SY" for row in rows)
    out = run_json(capsys, "claims", "--document", "fr-dev-001", "--db", db)
    assert len(out.splitlines()) == 6


def test_an_unknown_place_is_an_input_error(db, capsys):
    assert main(["tally", "--outcome", "killed", "--place", "Xqzzyville", "--from",
                 "2018-02-18", "--to", "2018-02-22", "--db", db]) == 1
    assert "Xqzzyville" in capsys.readouterr().err


def test_a_window_ending_before_it_starts_is_an_input_error(db, capsys):
    assert main(["timeline", "--outcome", "killed", "--from", "2018-02-18", "--to",
                 "2018-02-01", "--db", db]) == 1
    assert "after" in capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["tally", "--outcome", "killed", "--victims", "civilians", "--place", "Ghouta orientale",
     "--from", "2018-02-18", "--to", "2018-02-22", "--all-evidence"],
    ["timeline", "--outcome", "killed", "--place", "Ghouta orientale", "--from", "2018-02-18",
     "--to", "2018-02-22"],
    ["claims", "--outcome", "killed", "--place", "Syrie"],
    ["events", "--place", "Syrie"],
])
@pytest.mark.parametrize("columns", ["80", "300"])
def test_tables_fit_the_terminal_and_100_columns(db, capsys, monkeypatch, command, columns):
    monkeypatch.setenv("COLUMNS", columns)
    assert main([*command, "--db", db]) == 0
    out = capsys.readouterr().out
    widest = max(len(line) for line in out.splitlines() if line[:1] in "┏┃│├└┡")
    assert widest <= min(int(columns), 100)


def test_tally_shows_the_binding_claims_unless_all_evidence(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    ask = ["tally", "--outcome", "killed", "--victims", "civilians", "--place",
           "Ghouta orientale", "--from", "2018-02-18", "--to", "2018-02-22", "--db", db]
    assert main(ask) == 0
    binding = capsys.readouterr().out
    assert main([*ask, "--all-evidence"]) == 0
    everything = capsys.readouterr().out
    assert "Au moins 299 civils" in binding and "77 civils tués" not in binding
    assert "77 civils tués" in everything


@pytest.mark.parametrize(("undated", "said"), [(1, "warning: 1 claim stored"),
                                                (2, "warning: 2 claims stored")])
def test_the_undated_warning_counts_in_words(undated, said):
    from io import StringIO

    from rich.console import Console

    from bilan.commands import _print_summary
    from bilan.ingest import Summary

    out, err = StringIO(), StringIO()
    _print_summary(Summary(new=1, undated=undated), "s.db", Console(file=out),
                   Console(file=err, width=200))
    assert said in err.getvalue()
