"""Incidents and events in the store: written on ingest, events relinked block by block.

Each stored document's incidents (at the guide's convention) are rows of `incidents`,
with the id of the event they belong to. When a document is ingested, its incidents are
stored and the events of its blocks (its incidents' countries, from a week before their
first day to a week after) are rebuilt from the incidents stored there: the cost of an
ingest stays that of its neighbourhood, whatever the store's size. Documents stored
before incidents existed get theirs the first time they are asked for.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update

from bilan.incidents.events import Event, ReportIncidents, build_events, reconcile_event
from bilan.incidents.report import Actor, Incident, Total, report_incidents
from bilan.records import StoredClaim
from bilan.store import ClaimFilter, Store, schema

# Events are rebuilt over this many days around a new document's incidents.
_REACH = timedelta(days=8)


def incident_from_dict(document: str, data: dict[str, Any]) -> Incident:
    """An incident back from `Incident.to_dict()`."""
    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    def actor(name: str | None, kind: str | None) -> Actor | None:
        return Actor(name, kind or "") if name else None

    return Incident(
        id=data["id"], document=document, claims=list(data["claims"]),
        restates=dict(data["restates"]),
        totals={o: Total(t["low"], t["high"]) for o, t in data["totals"].items()},
        event_type=data["event_type"], sub_event_type=data["sub_event_type"],
        means=data["means"], actor1=actor(data["actor1"], data["actor1_type"]),
        actor2=actor(data["actor2"], data["actor2_type"]),
        first=day(data["event_date"]), last=day(data["event_date_last"]),
        location=data["location"], country=data["country"], latitude=data["latitude"],
        longitude=data["longitude"],
        region=tuple(data["region"].split("/")) if data["region"] else None,
        sources=list(data["sources"]), children=list(data["children"]),
        parent=data["parent"], running_toll=data["running_toll"],
        # Stored incidents are the guide's, which counts every claim; older rows lack it.
        uncounted=list(data.get("uncounted", [])),
    )


def _is_top(incident: Incident) -> bool:
    return incident.parent is None and not incident.running_toll


def save_incidents(store: Store, document: str, incidents: Sequence[Incident]) -> None:
    """Replace a document's stored incidents (their event links are set by `relink`)."""
    table = schema.incidents
    with store.transaction() as conn:
        conn.execute(delete(table).where(table.c.document_id == document))
        if incidents:
            conn.execute(table.insert(), [
                {"document_id": document, "incident_id": i.id, "event_id": None,
                 "top_level": int(_is_top(i)), "country": i.country, "first_day": i.first,
                 "last_day": i.last, "payload": json.dumps(i.to_dict(), ensure_ascii=False)}
                for i in incidents
            ])


def _document_reports(store: Store, documents: Iterable[str]) -> list[ReportIncidents]:
    """The documents' publication dates and stored claims."""
    reports = []
    d = schema.documents.c
    wanted = list(dict.fromkeys(documents))
    with store.engine.connect() as conn:
        published = dict(conn.execute(select(d.id, d.published).where(d.id.in_(wanted))).all())
    for document in wanted:
        claims = store.claims(ClaimFilter(document=document))
        reports.append(ReportIncidents(document, published.get(document), (), claims))
    return reports


def relink(store: Store, incidents: Iterable[Incident]) -> None:
    """Rebuild the events of the blocks these incidents fall in, and store the links."""
    table = schema.incidents
    windows: dict[str, list[date]] = defaultdict(list)
    for incident in incidents:
        if incident.country and incident.first and _is_top(incident):
            windows[incident.country] += [incident.first, incident.last or incident.first]
    if not windows:
        return
    near = [and_(table.c.country == country, table.c.first_day >= min(days) - _REACH,
                 table.c.first_day <= max(days) + _REACH)
            for country, days in windows.items()]
    held = _saved_incidents(store, and_(table.c.top_level == 1, or_(*near)))
    # Only membership is stored: the totals are reconciled when events are asked for.
    events = build_events([ReportIncidents(document, None, found, ())
                           for document, found in held.items()], reconcile=False)
    with store.transaction() as conn:
        for event in events:
            name = event_name(event)
            for incident in event.incidents:
                conn.execute(update(table).where(
                    table.c.document_id == incident.document,
                    table.c.incident_id == incident.id).values(event_id=name))


def event_name(event: Event) -> str:
    """A stable id: its earliest incident's document hash prefix and incident id."""
    first = min(event.incidents, key=lambda i: (i.first or date.max, i.document, i.id))
    return f"{first.document[:16]}-{first.id}"


def index_document(store: Store, document: str, incidents: Sequence[Incident]) -> None:
    """Store a document's incidents (`report_incidents`), replacing any it had, and relink
    the events around both: the events its old incidents joined (an enriched report's
    days move with its new date) are rebuilt without them."""
    replaced = _saved_incidents(store, schema.incidents.c.document_id == document)
    save_incidents(store, document, incidents)
    relink(store, [*replaced[document], *incidents])


def _saved_incidents(store: Store, where: Any) -> dict[str, list[Incident]]:
    """The stored incidents that meet `where`, per document."""
    table = schema.incidents
    found: dict[str, list[Incident]] = defaultdict(list)
    with store.engine.connect() as conn:
        for row in conn.execute(select(table.c.document_id, table.c.payload).where(where)):
            found[row.document_id].append(
                incident_from_dict(row.document_id, json.loads(row.payload)))
    return found


def stored_incidents(store: Store, documents: Iterable[str],
                     convention: str = "guide") -> dict[str, list[Incident]]:
    """Each document's incidents: stored ones at the guide's convention, the missing ones
    computed and stored (documents ingested before incidents existed); any other
    convention computed from the stored text and claims, not stored."""
    wanted = list(dict.fromkeys(documents))
    d = schema.documents.c
    found = (_saved_incidents(store, schema.incidents.c.document_id.in_(wanted))
             if convention == "guide" else defaultdict(list))
    missing = [doc for doc in wanted if doc not in found]
    if not missing:
        return found
    with store.engine.connect() as conn:
        texts = {row.id: row for row in conn.execute(
            select(d.id, d.text, d.lang).where(d.id.in_(missing)))}
    fresh = []
    for document in missing:
        text, lang = texts[document].text, texts[document].lang
        claims = [s.claim for s in store.claims(ClaimFilter(document=document))]
        found[document] = report_incidents(document, text, claims, lang=lang,
                                           convention=convention)
        if convention == "guide":
            save_incidents(store, document, found[document])
            fresh += found[document]
    if fresh:
        relink(store, fresh)
    return found


def stored_events(store: Store, claims: Sequence[StoredClaim],
                  convention: str = "guide") -> list[Event]:
    """The events that hold any of these claims, with every claim of their incidents."""
    documents = list(dict.fromkeys(c.document for c in claims))
    asked = {(c.document, c.claim.id) for c in claims}
    incidents = stored_incidents(store, documents, convention)
    table = schema.incidents
    chosen = [i for doc in documents for i in incidents[doc]
              if _is_top(i) and any((doc, c) in asked for c in i.claims)]
    with store.engine.connect() as conn:
        links = {(r.document_id, r.incident_id): r.event_id for r in conn.execute(
            select(table.c.document_id, table.c.incident_id, table.c.event_id)
            .where(table.c.document_id.in_(documents)))}
        names = {links.get((i.document, i.id)) for i in chosen} - {None}
        partners = conn.execute(select(table.c.document_id, table.c.payload, table.c.event_id)
                                .where(table.c.event_id.in_(names))).all() if names else []
    groups: dict[str, list[Incident]] = defaultdict(list)
    seen = set()
    for row in partners:
        incident = incident_from_dict(row.document_id, json.loads(row.payload))
        if convention != "guide" and row.document_id in incidents:
            incident = next(i for i in incidents[row.document_id] if i.id == incident.id)
        groups[row.event_id].append(incident)
        seen.add((row.document_id, incident.id))
    for incident in chosen:
        if (incident.document, incident.id) not in seen:
            groups[f"{incident.document[:16]}-{incident.id}"].append(incident)
    reports = {r.document: r for r in _document_reports(
        store, {i.document for group in groups.values() for i in group})}
    events = []
    for name, members in groups.items():
        event = Event(name, members)
        reconcile_event(event, {doc: list(reports[doc].claims) for doc in event.documents})
        events.append(event)
    events.sort(key=lambda e: (e.first or date.max, e.id))
    return events
