"""Stored incidents and their events follow a report that a later ingest enriches."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from bilan.ingest import Ingester, Report
from bilan.store import Store

# A toll since 15 December: undated, an incident of that day, which joins a report of the
# dead and one of the wounded of that Sunday (they share no outcome, so only through it).
# Dated 20 January, it is a running toll that joins no event.
TOLL = Report("Au moins 45 civils ont été tués et 30 blessés dans des raids sur Alep depuis "
              "le 15 décembre 2013, selon l'OSDH.\n", "toll.txt", "fr")
DATED_TOLL = replace(TOLL, origin="toll.jsonl", published=date(2014, 1, 20),
                     external_id="toll")
DEAD = Report("Au moins 20 civils ont été tués dimanche dans des raids sur Alep.", "dead",
              "fr", date(2013, 12, 16), "dead")
WOUNDED = Report("Au moins 25 civils ont été blessés dimanche dans des raids sur Alep.",
                 "wounded", "fr", date(2013, 12, 16), "wounded")


def event_links(db: str) -> dict[str, str | None]:
    """Each report's first incident's event, by the report's own id."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute(
            "SELECT coalesce(d.external_id, 'toll'), i.event_id FROM incidents i "
            "JOIN documents d ON d.id = i.document_id WHERE i.incident_id = 'i1'"))


def ingest(db: str, *runs: list[Report]) -> None:
    with Store(db) as store:
        for reports in runs:
            Ingester(store).run(reports)


def test_an_enriched_report_regroups_the_events_its_old_incidents_joined(tmp_path):
    enriched = str(tmp_path / "enriched.db")
    ingest(enriched, [TOLL], [DEAD, WOUNDED])
    undated = event_links(enriched)
    assert undated["dead"] == undated["wounded"] == undated["toll"]

    ingest(enriched, [DATED_TOLL])
    direct = str(tmp_path / "direct.db")
    ingest(direct, [DEAD, WOUNDED], [DATED_TOLL])
    assert event_links(enriched) == event_links(direct)
    links = event_links(enriched)
    assert links["toll"] is None
    assert links["dead"] != links["wounded"]
