"""Time and memory of incidents and events over a corpus whose claims are already extracted.

    bilan extract --input <(zcat ../shared/corpus/orangesum-all.fr.jsonl.gz) --format jsonl \\
        > /tmp/os-all-claims.jsonl
    python benchmarks/events.py --corpus ../shared/corpus/orangesum-all.fr.jsonl.gz \\
        --claims /tmp/os-all-claims.jsonl

Extraction is not timed (it is `bilan extract`'s cost): the claims are read back from its
JSON Lines output and joined to the corpus documents by id (documents whose claims are
not in the file yet are left out, so a partial extraction can be measured). Timed, wall
clock: each report's incidents, then the events across all reports, on the first
quarter, half and all of the reports, linking alone (which incidents make an event) and
with each joined event's totals reconciled: the ratio of the times to the ratio of the
reports says how event building grows (equal ratios: linear). Memory: peak RSS of the
process, and the peak Python allocation during event building (tracemalloc).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

from bilan.incidents import build_events, report_incidents
from bilan.incidents.events import ReportIncidents
from bilan.reconcile.regions import region_of
from bilan.records import Claim, Count, Period, Place, Source, StoredClaim


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def claim_of(data: dict[str, Any]) -> Claim:
    """A claim back from `bilan extract`'s JSON."""
    count, period = data["count"], data["period"]
    return Claim(
        data["id"], data["quote"], data["outcome"], data["cause"], data["victims"],
        Count(count["value"], count["qualifier"], count.get("high")), data["part_of"],
        Period(_day(period["start"]), _day(period["end"])) if period else None,
        Place(data["place"], data["lat"], data["lon"], data["country"])
        if data["place"] else None,
        Source(data["source"], data["source_type"]) if data["source"] else None,
        data["start"], data["end"], data["sentence_start"], data["sentence_end"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--claims", type=Path, required=True)
    args = parser.parse_args()
    claims: dict[str, list[Claim]] = {}
    with args.claims.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            claims[record["id"]] = [claim_of(c) for c in record["claims"]]
    documents = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in claims:
                documents.append(record)
    started = time.perf_counter()
    reports = []
    for record in documents:
        found = claims[record["id"]]
        published = _day(record.get("published"))
        incidents = report_incidents(record["id"], record["text"], found,
                                     lang=record.get("lang") or "fr")
        stored = [StoredClaim(record["id"], c, region_of(c.place), published) for c in found]
        reports.append(ReportIncidents(record["id"], published, incidents, stored))
    incident_seconds = time.perf_counter() - started
    incidents = sum(len(r.incidents) for r in reports)
    print(f"{len(reports)} reports with {sum(len(c) for c in claims.values())} claims: "
          f"{incidents} incidents in {incident_seconds:.1f} s "
          f"({len(reports) / incident_seconds:.0f} reports/s)")
    timings = []
    for share in (0.25, 0.5, 1.0):
        part = reports[: int(len(reports) * share)]
        started = time.perf_counter()
        build_events(part, reconcile=False)
        linking = time.perf_counter() - started
        tracemalloc.start()
        started = time.perf_counter()
        events = build_events(part)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        joined = sum(1 for e in events if len(e.documents) > 1)
        timings.append((len(part), linking, seconds))
        print(f"events over {len(part)} reports: {len(events)} events ({joined} joining "
              f"several reports): linking {linking:.2f} s, with reconciled totals "
              f"{seconds:.1f} s; peak allocation {peak / 2**20:.0f} MiB")
    (n1, l1, t1), (n3, l3, t3) = timings[0], timings[-1]
    print(f"growth: {n3 / n1:.1f}x the reports took {l3 / l1:.2f}x the linking time and "
          f"{t3 / t1:.2f}x the time with totals")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {peak_rss:.0f} MiB")


if __name__ == "__main__":
    main()
