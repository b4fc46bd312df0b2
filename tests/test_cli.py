"""The `bilan` command line on bad and unusual input: it says what is wrong, or copes."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilan import documents
from bilan.cli import main
from tests.conftest import CONTROLS

ALEP = "Au moins 12 personnes ont été tuées à Alep, a indiqué l'OSDH."


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                    encoding="utf-8")
    return path


def test_empty_file_is_an_input_error(tmp_path, capsys):
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}: the file is empty" in captured.err
    assert captured.out == ""


def test_blank_file_is_empty(tmp_path, capsys):
    path = tmp_path / "blanc.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 1
    assert "empty" in capsys.readouterr().err


def test_long_leading_blank_space_is_not_empty(tmp_path, capsys):
    # Regression: a file whose first 16 KiB were blank was reported empty.
    path = tmp_path / "marge.txt"
    path.write_text(" " * 20_000 + "\n" + ALEP + "\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    (record,) = _records(capsys.readouterr().out)
    (claim,) = record["claims"]
    assert claim["count"]["value"] == 12
    assert claim["start"] == 20_001


def test_binary_file_is_an_input_error(tmp_path, capsys):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert str(path) in captured.err
    assert "binary" in captured.err
    assert captured.out == ""


def test_latin1_file_is_decoded_with_a_warning(tmp_path, capsys, caplog):
    path = tmp_path / "latin1.txt"
    path.write_bytes(ALEP.encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="bilan.documents"):
        assert main(["extract", str(path), "--format", "jsonl"]) == 0
    (record,) = _records(capsys.readouterr().out)
    (claim,) = record["claims"]
    assert claim["count"] == {"value": 12, "qualifier": "at_least"}
    assert claim["outcome"] == "killed"
    assert claim["place"] == "Alep"
    assert any("not UTF-8" in message and str(path) in message for message in caplog.messages)


def test_error_messages_are_not_read_as_markup(tmp_path, capsys):
    # Regression: a file name with square brackets crashed rich's markup parser.
    missing = tmp_path / "[/bold] rapport [x].txt"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: no such file" in err


def test_error_messages_are_not_wrapped(tmp_path, capsys):
    # Regression: stderr was hard-wrapped at 80 columns, cutting messages in two.
    path = tmp_path / ("rapport-" + "x" * 60 + ".bin")
    path.write_bytes(b"abc\x00def")
    assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: this looks like a binary file (it holds NUL bytes), not plain text" in err


def test_missing_input_file_is_an_input_error(tmp_path, capsys):
    # Regression: --input on a missing file or a folder ended in a traceback.
    assert main(["extract", "--input", str(tmp_path / "absent.jsonl")]) == 1
    assert "absent.jsonl: no such file" in capsys.readouterr().err
    assert main(["extract", "--input", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_missing_gold_file_is_an_input_error(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "absent.jsonl")]) == 1
    assert "absent.jsonl: no such file" in capsys.readouterr().err


def test_malformed_jsonl_lines_are_reported_and_skipped(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "a", "published": "2013-12-23", "text": ALEP}) + "\n"
        + '{"id": "b", "text": "Trois soldats\n'
        + json.dumps({"id": "c", "published": "2013-12-23"}) + "\n"
        + json.dumps({"id": "d", "published": "2013-12-23",
                      "text": "Trois soldats ont été blessés lundi."}) + "\n",
        encoding="utf-8",
    )
    assert main(["extract", "--input", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}, line 2: not valid JSON" in captured.err
    assert f"{path}, line 3: the document has no `text` string" in captured.err
    records = _records(captured.out)
    assert [r["id"] for r in records] == ["a", "d"]
    assert [len(r["claims"]) for r in records] == [1, 1]


def test_jsonl_with_byte_order_mark(tmp_path, capsys):
    # Regression: a BOM before the first line made it "not valid JSON".
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": ALEP}).encode() + b"\n")
    assert main(["extract", "--input", str(path)]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["id"] == "a"
    assert len(record["claims"]) == 1


def test_documents_without_published_warn_once(tmp_path, capsys):
    path = _write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "a", "text": "Deux civils ont été tués hier à Alep."},
        {"id": "b", "text": "Cinq soldats ont été blessés lundi à Homs."},
    ])
    assert main(["extract", "--input", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("has no `published` date") == 1
    records = _records(captured.out)
    assert [r["id"] for r in records] == ["a", "b"]
    claims = [claim for record in records for claim in record["claims"]]
    assert [c["count"]["value"] for c in claims] == [2, 5]
    assert all(c["period"] is None for c in claims)


def test_published_date_resolves_relative_dates(tmp_path, capsys):
    path = _write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "a", "published": "2013-12-23", "text": "Deux civils ont été tués hier à Alep."},
    ])
    assert main(["extract", "--input", str(path)]) == 0
    captured = capsys.readouterr()
    assert "published" not in captured.err
    (claim,) = _records(captured.out)[0]["claims"]
    assert claim["period"] == {"start": "2013-12-22", "end": "2013-12-22"}


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ALEP.encode("utf-8"))))
    assert main(["extract", "-", "--format", "jsonl", "--published", "2013-12-23"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["id"] == "-"
    (claim,) = record["claims"]
    assert claim["count"]["value"] == 12
    assert ALEP[claim["start"]:claim["end"]] == claim["quote"]


def test_stdin_twice_does_not_crash(monkeypatch, capsys):
    # Regression: the first `-` closed stdin and the second raised ValueError.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ALEP.encode("utf-8"))))
    assert main(["extract", "-", "-", "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(_records(captured.out)[0]["claims"]) == 1
    assert "-: the file is empty" in captured.err


@pytest.mark.parametrize(("value", "message"), [
    ("hier", "is not a date in YYYY-MM-DD form"),
    ("23/12/2013", "is not a date in YYYY-MM-DD form"),
    ("", "is not a date in YYYY-MM-DD form"),
    # Regression: a day that does not exist was "not a date in YYYY-MM-DD form".
    ("2013-13-01", "is not a real date"),
])
def test_published_not_a_date(tmp_path, capsys, value, message):
    # Regression for "": an empty --published was silently ignored.
    path = tmp_path / "rapport.txt"
    path.write_text(ALEP, encoding="utf-8")
    assert main(["extract", str(path), "--published", value]) == 1
    captured = capsys.readouterr()
    assert f"--published: {value!r} {message}" in captured.err
    assert captured.out == ""


def test_input_output_has_one_line_per_document_with_offsets(tmp_path, capsys):
    rows = [
        {"id": "alep", "published": "2013-12-23",
         "text": "Bombardements à Alep.\n\nAu moins 76 personnes, dont 28 enfants, ont été "
                 "tuées dimanche, selon l'OSDH. Le régime dément."},
        {"id": "rien", "published": "2013-12-23", "text": "Le conseil municipal s'est réuni."},
        {"id": "homs", "published": "2014-01-02",
         "text": "Après une journée « difficile », trois soldats ont été blessés à Homs. "
                 "Deux civils ont été tués mardi, a indiqué une ONG."},
    ]
    path = _write_jsonl(tmp_path / "docs.jsonl", rows)
    assert main(["extract", "--input", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(rows)
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [row["id"] for row in rows]
    assert all(set(r) == {"id", "claims"} for r in records)
    assert [len(r["claims"]) for r in records] == [2, 0, 2]
    for row, record in zip(rows, records, strict=True):
        text = row["text"]
        for claim in record["claims"]:
            assert text[claim["start"]:claim["end"]] == claim["quote"]
            assert claim["sentence_start"] <= claim["start"] < claim["end"]
            assert claim["end"] <= claim["sentence_end"] <= len(text)


REPORT_CLAIM = "Au moins 12 personnes ont été tuées à Alep, a indiqué l'OSDH."
FILLER = (
    "Le conseil municipal a examiné le budget annuel de la commune pendant une séance "
    "animée où les élus ont débattu des écoles, des routes et des marchés couverts."
)


def _build_big_report(path: Path, target_bytes: int, fillers: int) -> int:
    """Write repetitions of one report (a claim among filler sentences); returns the count."""
    report = (" ".join([FILLER] * (fillers // 2)) + "\n" + REPORT_CLAIM + " "
              + " ".join([FILLER] * (fillers - fillers // 2)) + "\n\n")
    encoded = report.encode("utf-8")
    repetitions = target_bytes // len(encoded) + 1
    with path.open("wb") as handle:
        for _ in range(repetitions):
            handle.write(encoded)
    return repetitions


# Linux keeps a process's peak RSS across exec, so a child started from this test process,
# which holds loaded models, would report this process's peak as its own: a small launcher
# forks the child and reports the child's own peak (ru_maxrss, KiB) on its stdout.
_LAUNCHER = """
import os, sys
out, err = (os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC) for path in sys.argv[1:3])
pid = os.fork()
if pid == 0:
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.execv(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def _run_with_peak_rss(args: list[str], stdout: Path, stderr: Path) -> tuple[int, int]:
    """Exit code and peak RSS in bytes of one child process, measured by `_LAUNCHER`."""
    report = subprocess.run([sys.executable, "-c", _LAUNCHER, str(stdout), str(stderr), *args],
                            capture_output=True, text=True, check=True).stdout.split()
    return int(report[0]), int(report[1]) * 1024


@pytest.mark.slow
def test_50_megabyte_file_is_read_in_chunks_with_bounded_memory(tmp_path):
    path = tmp_path / "grand.txt"
    repetitions = _build_big_report(path, 50 * 2**20, fillers=40)
    assert path.stat().st_size >= 50 * 2**20
    out, err = tmp_path / "out.jsonl", tmp_path / "err.txt"
    code, peak = _run_with_peak_rss(
        [sys.executable, "-m", "bilan.cli", "extract", str(path), "--format", "jsonl",
         "--published", "2013-12-23"],
        out, err,
    )
    assert code == 0, err.read_text(encoding="utf-8")
    assert peak < 1.5 * 2**30
    (record,) = _records(out.read_text(encoding="utf-8"))
    claims = record["claims"]
    assert len(claims) == repetitions
    assert [c["id"] for c in claims] == [f"c{i}" for i in range(1, repetitions + 1)]
    # Offsets are characters into the whole file, across chunk boundaries.
    text = path.read_text(encoding="utf-8")
    assert len(text) > 2 * documents.CHUNK_CHARS
    report_chars = len(text) // repetitions
    for number, claim in enumerate(claims):
        quote = "Au moins 12 personnes ont été tuées"
        assert text[claim["start"] : claim["end"]] == claim["quote"] == quote
        assert text[claim["sentence_start"]:claim["sentence_end"]].startswith(REPORT_CLAIM)
        assert claim["start"] // report_chars == number


def test_english_plain_text(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text("Two soldiers were killed and five wounded on Monday.", encoding="utf-8")
    assert main(["extract", str(path), "--lang", "en", "--format", "jsonl"]) == 0
    claims = _records(capsys.readouterr().out)[0]["claims"]
    assert [(c["outcome"], c["victims"], c["count"]["value"]) for c in claims] == [
        ("killed", "security_forces", 2), ("injured", "security_forces", 5)
    ]


@pytest.mark.parametrize("lang", [["--lang", "auto"], []])
def test_auto_routes_a_mixed_corpus_in_one_run(tmp_path, capsys, lang):
    rows = [
        {"id": "fr", "published": "2024-01-02", "text": ALEP},
        {"id": "en", "published": "2024-01-02",
         "text": "Gunmen killed five villagers and abducted 12 others on Sunday."},
        # A declared language wins over detection: this English text is read as French.
        {"id": "declared", "lang": "fr", "published": "2024-01-02",
         "text": "Gunmen killed five villagers on Sunday."},
    ]
    path = _write_jsonl(tmp_path / "mixed.jsonl", rows)
    # JSON Lines documents are read in their own language unless --lang forces one.
    assert main(["extract", "--input", str(path), *lang]) == 0
    records = {r["id"]: r["claims"] for r in _records(capsys.readouterr().out)}
    assert [c["quote"] for c in records["fr"]] == ["Au moins 12 personnes ont été tuées"]
    assert [c["quote"] for c in records["en"]] == ["killed five villagers", "abducted 12 others"]
    assert records["declared"] == []


def test_forced_language_ignores_the_declared_one(tmp_path, capsys):
    rows = [{"id": "en", "lang": "fr", "text": "Three policemen were wounded."}]
    path = _write_jsonl(tmp_path / "docs.jsonl", rows)
    assert main(["extract", "--input", str(path), "--lang", "en"]) == 0
    claims = _records(capsys.readouterr().out)[0]["claims"]
    assert [c["count"]["value"] for c in claims] == [3]


# -- issue 12: hostile input through the command line -----------------------------------

MARKUP = "Au moins 12 civils ont été tués lundi à Alep, selon l'OSDH [/Observatoire].\n"
ESCAPES = "Au moins 12 civils ont été tués lundi à Alep\x1b]0;titre\x07\x1b[2J\x1b[5m.\n"


def test_markup_and_escape_sequences_reach_no_table_raw(tmp_path, capsys, monkeypatch):
    # Regression: `[/x]` raised MarkupError in every table; escape sequences were written raw.
    monkeypatch.setenv("COLUMNS", "300")  # wide enough for quotes not to fold
    markup = tmp_path / "m[bold].txt"
    markup.write_text(MARKUP, encoding="utf-8")
    escapes = tmp_path / "e\x1b[2J.txt"
    escapes.write_text(ESCAPES, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["extract", str(markup), str(escapes), "--published", "2013-12-23"]) == 0
    assert main(["ingest", str(markup), str(escapes), "--published", "2013-12-23",
                 "--db", db]) == 0
    assert main(["claims", "--db", db]) == 0
    assert main(["tally", "--outcome", "killed", "--place", "Alep", "--from", "2013-12-23",
                 "--to", "2013-12-23", "--db", db]) == 0
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert "\x1b" not in output and "\x07" not in output
    assert output.count("[/Observatoire]") >= 2  # the quote, in extract's and claims' tables
    assert "m[bold].txt" in output
    assert "e\\x1b[2J.txt" in output  # the file name, shown escaped


def test_a_sentence_over_a_million_characters_is_read_with_the_other_files(tmp_path, capsys):
    # Regression: spaCy's E088 aborted the ingest; the good files of the batch were lost.
    long = tmp_path / "l.txt"
    long.write_text("Les raids ont tué 12 personnes à Alep " + "et encore " * 100_001 + "\n",
                    encoding="utf-8")
    good = tmp_path / "alep.txt"
    good.write_text(ALEP + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(long), str(good), "--db", db]) == 0
    assert "documents: 2 new" in capsys.readouterr().out
    from bilan.store import Store

    with Store(db) as store:
        values = sorted(c.claim.count.value for c in store.claims())
    assert values == [12, 12]


def test_reingesting_with_a_date_and_id_enriches_and_reresolves(tmp_path, capsys):
    # Regression: the JSONL re-ingest was "already known": date and id dropped, the Aleppo
    # tally answered 0 and `claims --document afp-1` found nothing.
    seed = Path(__file__).parents[1] / "examples" / "alep-2013-12-23.fr.txt"
    text = seed.read_text(encoding="utf-8")
    jsonl = _write_jsonl(tmp_path / "d.jsonl",
                         [{"id": "afp-1", "published": "2013-12-23", "text": text}])
    db = str(tmp_path / "s.db")
    tally = ["tally", "--outcome", "killed", "--place", "Alep", "--from", "2013-12-23",
             "--to", "2013-12-23", "--format", "json", "--db", db]
    assert main(["ingest", str(seed), "--db", db]) == 0
    assert "claims stored without a whole period" in capsys.readouterr().err
    assert main(tally) == 0
    undated = json.loads(capsys.readouterr().out)["series"][0]
    assert (undated["low"], undated["high"]) == (0, None)
    assert main(["ingest", str(jsonl), "--db", db]) == 0
    assert "1 known and enriched" in capsys.readouterr().out
    assert main(tally) == 0
    dated = json.loads(capsys.readouterr().out)["series"][0]
    # "plus de 330 depuis le 15" less "301 pour les huit jours précédents" (15-22 Dec).
    assert (dated["low"], dated["high"]) == (30, None)
    assert main(["claims", "--document", "afp-1", "--format", "json", "--db", db]) == 0
    assert len(_records(capsys.readouterr().out)) == 6


def _seed_and_its_jsonl(tmp_path: Path) -> tuple[Path, Path]:
    seed = Path(__file__).parents[1] / "examples" / "alep-2013-12-23.fr.txt"
    text = seed.read_text(encoding="utf-8")
    return seed, _write_jsonl(tmp_path / "d.jsonl",
                              [{"id": "afp-1", "published": "2013-12-23", "text": text}])


def test_reingesting_with_a_date_replaces_the_incidents_and_counts_the_claims(tmp_path,
                                                                              capsys):
    # Regression: the enriched report kept its undated incidents (an event without days)
    # and the summary said "claims stored: 0".
    from bilan.incidents.stored import stored_incidents
    from bilan.store import Store

    seed, jsonl = _seed_and_its_jsonl(tmp_path)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(seed), "--db", db]) == 0
    assert main(["ingest", str(jsonl), "--db", db]) == 0
    assert "claims stored: 6;" in capsys.readouterr().out
    with Store(db) as store:
        (document,) = {c.document for c in store.claims()}
        incidents = stored_incidents(store, [document])[document]
    assert incidents and all(i.first is not None for i in incidents)


def test_an_undated_copy_later_in_the_run_keeps_the_dated_claims(tmp_path, capsys):
    # Regression: the plain-text copy of a dated JSONL report, in the same run, replaced
    # its claims with undated ones: the Aleppo tally answered 0.
    seed, jsonl = _seed_and_its_jsonl(tmp_path)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(jsonl), str(seed), "--db", db]) == 0
    captured = capsys.readouterr()
    assert "1 new, 1 already known, 0 known and enriched" in captured.out
    assert "without a whole period" not in captured.err
    assert main(["tally", "--outcome", "killed", "--place", "Alep", "--from", "2013-12-23",
                 "--to", "2013-12-23", "--format", "json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["series"][0]["low"] == 30


def test_ingest_published_dates_plain_text(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(MARKUP, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(path), "--published", "2013-12-23", "--db", db]) == 0
    assert "without a whole period" not in capsys.readouterr().err
    assert main(["claims", "--db", db, "--format", "json"]) == 0
    (claim,) = _records(capsys.readouterr().out)
    assert claim["period"] == {"start": "2013-12-23", "end": "2013-12-23"}


def test_english_jsonl_is_read_in_english_by_default(tmp_path, capsys):
    # Regression: --lang defaulted to fr and ignored the document's own `lang`.
    docs = _write_jsonl(tmp_path / "en.jsonl", [
        {"id": "e1", "lang": "en", "text": "At least 12 civilians were killed in Aleppo."}])
    assert main(["extract", "--input", str(docs)]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert [c["count"]["value"] for c in record["claims"]] == [12]


def test_a_lone_surrogate_in_jsonl_extracts(tmp_path, capsys):
    docs = tmp_path / "s.jsonl"
    docs.write_text('{"id": "s1", "text": "Au moins 12 personnes ont été tuées à Alep.\\ud800"}\n',
                    encoding="utf-8")
    assert main(["extract", "--input", str(docs)]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["claims"][0]["count"]["value"] == 12


WINDOW = ["--outcome", "killed", "--from", "2013-12-23", "--to", "2013-12-23"]


@pytest.mark.parametrize("command", [
    ["claims"], ["tally", *WINDOW], ["timeline", *WINDOW],
    # Regression: `events` and a read-only `serve` created an empty store and answered.
    ["events"], ["serve"],
])
def test_queries_on_a_mistyped_store_exit_3_and_create_nothing(command, tmp_path, capsys,
                                                                monkeypatch):
    monkeypatch.delenv("BILAN_TOKEN", raising=False)
    db = tmp_path / "tpyo.db"
    assert main([*command, "--db", str(db)]) == 3
    assert "[E303]" in capsys.readouterr().err
    assert not db.exists()


def test_a_reader_that_leaves_ends_the_output_quietly(tmp_path):
    # Regression: `bilan extract ... | head` ended in "[E900] internal error:
    # BrokenPipeError ... report it", exit 4.
    from bilan.store import Store

    db = tmp_path / "s.db"
    Store(db).close()
    command = [sys.executable, "-m", "bilan.cli", "claims", "--db", str(db)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        run.stdout.close()  # the reader is gone before the first line is written
        stderr = run.stderr.read().decode()
    assert run.returncode == 141
    assert stderr == ""


def test_a_pipe_is_ingested_not_counted_away(tmp_path, capsys):
    # Regression: `bilan ingest <(...)` read the pipe to count the reports for the progress
    # display, then found it empty: "[E101] /dev/fd/63: the file is empty".
    read_end, write_end = os.pipe()
    os.write(write_end, ALEP.encode())
    os.close(write_end)
    try:
        assert main(["ingest", f"/dev/fd/{read_end}", "--db", str(tmp_path / "s.db")]) == 0
    finally:
        os.close(read_end)
    assert "documents: 1 new" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text("body,date\nx,2013-12-23\n", encoding="utf-8")
    assert main(["ingest", str(path), "--csv-columns", "text=body,text=date",
                 "--db", str(tmp_path / "s.db")]) == 2
    assert main(["extract"]) == 2
    err = capsys.readouterr().err
    assert "[E113]" in err and "[E111]" in err


@pytest.mark.parametrize("size", ["nan", "-5", "0", "inf"])
def test_a_max_size_that_is_no_size_is_a_usage_error(size, tmp_path, capsys):
    # Regression: nan ended in "[E900] internal error: ValueError"; -5 refused every report.
    path = tmp_path / "a.txt"
    path.write_text(ALEP, encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(path), "--max-size", size, "--db", str(db)]) == 2
    assert f"[E115] --max-size {float(size):g}" in capsys.readouterr().err
    assert not db.exists()


def test_a_malformed_gold_line_is_a_coded_input_error(tmp_path, capsys):
    # Regression: `bilan evaluate` ended in a JSONDecodeError traceback.
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "text": "x", "claims": []}\n{"id": \n', encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 1
    assert f"[E130] {gold}, line 2: not valid JSON" in capsys.readouterr().err


def test_an_internal_error_is_one_line_and_its_traceback_needs_debug(monkeypatch, capsys):
    def broken(_args):
        raise RuntimeError("bug")

    monkeypatch.setattr("bilan.cli.run_evaluate", broken)
    parser_args = ["evaluate", "gold.jsonl"]
    monkeypatch.setattr("bilan.cli._parser", _parser_with(broken))
    assert main(parser_args) == 4
    err = capsys.readouterr().err
    assert "[E900] internal error: RuntimeError" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", *parser_args])


def _parser_with(run):
    from bilan import cli

    original = cli._parser

    def parser():
        built = original()
        built.set_defaults(run=run)
        return built

    return parser


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("bilan 0.")


def test_a_timeline_over_the_whole_calendar_follows_the_claims(tmp_path, capsys):
    # Regression: --from 0001-01-01 --to 9999-12-31 was killed at 22 GB.
    path = tmp_path / "a.txt"
    path.write_text(MARKUP, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(path), "--published", "2013-12-23", "--db", db]) == 0
    capsys.readouterr()
    assert main(["timeline", "--outcome", "killed", "--place", "Alep", "--from", "0001-01-01",
                 "--to", "9999-12-31", "--format", "json", "--db", db]) == 0
    series = json.loads(capsys.readouterr().out)["series"]
    assert [(run["first"], run["last"], run["low"]) for run in series] == [
        ("0001-01-01", "2013-12-22", 0), ("2013-12-23", "2013-12-23", 12),
        ("2013-12-24", "9999-12-31", 0)]
    assert main(["timeline", "--outcome", "killed", "--place", "Alep", "--from", "0001-01-01",
                 "--to", "9999-12-31", "--db", db]) == 0
    assert "2013-12-24 → 9999-12-31" in capsys.readouterr().out


def test_a_json_item_over_max_size_fails_alone_and_the_run_stores_the_rest(tmp_path, capsys):
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([
        {"id": "a", "text": "Au moins 12 civils ont été tués lundi à Alep, selon l'OSDH."},
        {"id": "b", "text": "Au moins 5 civils ont été blessés mardi à Homs. " * 40},
        {"id": "c", "text": "Trois soldats ont été tués mercredi à Idleb."},
    ]), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Deux civils ont été tués jeudi à Deraa.", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(array), str(other), "--db", db, "--max-size", "0.001"]) == 1
    captured = capsys.readouterr()
    assert f"[E153] {array}, item 2: a record over the size limit of 1,000" in captured.err
    assert "documents: 3 new, 0 already known, 0 known and enriched with new metadata, " \
           "1 failed" in captured.out


def test_claims_as_json_escape_every_control_character(hostile_store, capsys):
    # Regression: json.dumps writes DEL, the C1 controls (NEL ends a line for splitlines,
    # CSI drives a terminal) and U+2028/2029 raw.
    assert main(["claims", "--format", "json", "--db", hostile_store]) == 0
    out = capsys.readouterr().out
    assert not set(out) & set(CONTROLS) - {"\n"}
    lines = out.splitlines()
    assert len(lines) == 2
    # The store keeps NUL as U+FFFD (PostgreSQL refuses it); the rest reads back the same.
    assert [json.loads(line)["quote"] for line in lines] == \
        [f"{n} morts\ufffd{CONTROLS[1:]}fin" for n in (1, 2)]


def test_claims_as_csv_show_control_characters_escaped(hostile_store, capsys):
    # Regression: the CSV cells carried NUL, ESC and the C1 controls raw.
    import csv

    assert main(["claims", "--format", "csv", "--db", hostile_store]) == 0
    out = capsys.readouterr().out
    # Only tab, newline and carriage return stay, inside quoted cells (legal CSV).
    assert not set(out) & set(CONTROLS) - {"\t", "\n", "\r", "\u2028", "\u2029"}
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 2
    assert rows[0]["quote"].startswith("1 morts\ufffd\\x01\\x02")
    assert "\t\n\\x0b\\x0c\r\\x0e" in rows[0]["quote"]
    assert rows[0]["quote"].endswith("\\x9f\u2028\u2029\\u202efin")
    assert rows[1]["source"].startswith("OSDH\ufffd\\x01")


def test_the_extract_table_fits_100_columns(tmp_path, capsys, monkeypatch):
    # Regression: only tally, timeline and claims tables were held to 100 columns; extract's
    # took the whole width of a wide terminal (144 of 300 columns).
    monkeypatch.setenv("COLUMNS", "300")
    path = tmp_path / "a.txt"
    path.write_text(f"{ALEP} Trois soldats ont été blessés mardi à Homs selon un responsable "
                    "local qui a requis l'anonymat, a ajouté l'Observatoire syrien.\n",
                    encoding="utf-8")
    assert main(["extract", str(path), "--published", "2013-12-23"]) == 0
    out = capsys.readouterr().out
    assert "Alep" in out
    assert max(len(line) for line in out.splitlines()) <= 100


class _Finaliser:
    def __init__(self, error: type[BaseException]) -> None:
        self.error = error

    def __del__(self) -> None:
        raise self.error


def test_ctrl_c_in_a_finaliser_prints_no_traceback(capsys, monkeypatch, tmp_path):
    """Ctrl-C landing in a store connection's cleanup was printed as 'Exception ignored'
    with a traceback after the interrupt's own message; other errors still are."""
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)
    main(["claims", "--db", str(tmp_path / "missing.db")])
    capsys.readouterr()
    _Finaliser(KeyboardInterrupt)
    assert capsys.readouterr().err == ""
    _Finaliser(ValueError)
    assert "ValueError" in capsys.readouterr().err
