"""Exports on real extracted reports: CSV in ACLED's columns read back with the csv module,
GeoJSON checked against RFC 7946's shape, Parquet read back with pyarrow; the `events
--input` contract the maintainers' checks use."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from bilan.cli import main
from bilan.exports import (
    ACLED_COLUMNS,
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    event_rows,
    geojson,
    write_csv,
    write_parquet,
)
from bilan.incidents import build_events, documents_incidents
from bilan.incidents.events import ReportIncidents
from bilan.reconcile.regions import region_of
from bilan.records import StoredClaim
from tests.conftest import GOLD

CHAIN_DOCUMENTS = ("fr-dev-010", "fr-dev-011", "fr-dev-012", "en-dev-007", "en-dev-008",
                   "en-dev-009")


@pytest.fixture(scope="module")
def chain_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("chains") / "chains.jsonl"
    lines = [line for line in (GOLD / "dev.jsonl").read_text(encoding="utf-8").split("\n")
             if line and json.loads(line)["id"] in CHAIN_DOCUMENTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rows(chain_file):
    from bilan.documents import read_jsonl

    reports = [
        ReportIncidents(d.id, d.published, found,
                        [StoredClaim(d.id, c, region_of(c.place), d.published) for c in claims])
        for d, claims, found in documents_incidents(read_jsonl(chain_file), lang="auto")
    ]
    return event_rows(build_events(reports), timestamp=1_700_000_000)


def _ghouta(rows):
    return next(r for r in rows if "fr-dev-010:c1" in r["claim_ids"].split())


def test_csv_reads_back_into_acled_columns(rows, tmp_path):
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(rows, EVENT_COLUMNS, handle)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        read = list(reader)
    assert tuple(reader.fieldnames[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert "fatalities_low" in reader.fieldnames and "claim_ids" in reader.fieldnames
    assert len(read) == len(rows)
    ghouta = _ghouta(read)
    assert ghouta["country"] == "Syria"
    assert ghouta["iso"] == "760"
    assert ghouta["event_id_cnty"].startswith("SYR")
    assert ghouta["event_date"] == "2018-02-18"
    assert int(ghouta["fatalities"]) == int(ghouta["fatalities_low"]) >= 299
    assert ghouta["fatalities_high"] == ""
    assert set(ghouta["report_ids"].split()) == {"fr-dev-010", "fr-dev-011", "fr-dev-012"}
    assert ghouta["disorder_type"] == "Political violence"
    assert ghouta["timestamp"] == "1700000000"


def test_geojson_is_a_valid_feature_collection_of_points(rows):
    collection = json.loads(json.dumps(geojson(rows)))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(rows)
    located = 0
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        located += 1
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert located >= 2
    ghouta = next(f for f in collection["features"]
                  if "fr-dev-010:c1" in f["properties"]["claim_ids"].split())
    lon, lat = ghouta["geometry"]["coordinates"]
    # Damascus and its Ghouta: about 33.5 N, 36.3 E (longitude first in GeoJSON).
    assert abs(lat - 33.5) < 0.5 and abs(lon - 36.3) < 0.5


def test_parquet_reads_back_with_pyarrow(rows, tmp_path):
    path = tmp_path / "events.parquet"
    write_parquet(rows, EVENT_COLUMNS, str(path))
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.num_rows == len(rows)
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    records = table.to_pylist()
    assert _ghouta(records)["fatalities"] == _ghouta(rows)["fatalities"]


def test_events_input_jsonl_is_the_maintainers_contract(chain_file, capsys):
    assert main(["events", "--input", str(chain_file), "--lang", "auto",
                 "--convention", "isaf", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == list(CHAIN_DOCUMENTS)
    for line in lines:
        for incident in line["incidents"]:
            assert {"event_type", "sub_event_type", "event_date", "location", "country",
                    "latitude", "longitude", "actor1", "actor2", "totals",
                    "claims"} <= set(incident)
            for total in incident["totals"].values():
                assert set(total) == {"low", "high"}
    first = lines[0]["incidents"][0]
    # "Au moins 106 civils, dont 23 enfants, ont été tués depuis dimanche soir".
    assert first["totals"]["killed"] == {"low": 106, "high": None}
    assert "c1" in first["claims"] and "c2" in first["claims"]


def test_events_input_csv_and_claims_exports_through_the_command_line(chain_file, tmp_path,
                                                                       capsys):
    out = tmp_path / "events.csv"
    assert main(["events", "--input", str(chain_file), "--lang", "auto", "--format", "csv",
                 "--output", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == EVENT_COLUMNS
    db = str(tmp_path / "bilan.db")
    assert main(["ingest", str(GOLD / "seed.jsonl"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["claims", "--format", "csv", "--db", db]) == 0
    read = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(read) == 6
    assert tuple(read[0]) == CLAIM_COLUMNS
    parquet = tmp_path / "claims.parquet"
    assert main(["claims", "--format", "parquet", "--output", str(parquet), "--db", db]) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 6
    assert sorted(table.column("outcome").to_pylist()).count("killed") >= 1
