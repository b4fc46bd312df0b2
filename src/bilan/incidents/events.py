"""Events across reports: incidents of different reports that describe the same harm event.

Two top-level incidents of different documents are the same event when their days
overlap, their places are the same or one lies inside the other, they share an outcome,
and neither their event types nor their perpetrators' actor types disagree. Incidents are
blocked by country and ISO week (an incident is compared only with the incidents of its
country that share one of the weeks its days cover, five at most), so the cost grows
with the reports, not their square. Events are the connected groups. An event's totals
are reconciled by the engine over every claim of its incidents, with their own days and
places: tolls that grow over days fit, tolls that conflict stay visible as bounds and
contradictions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bilan.incidents.report import Incident, Total, near, top_level
from bilan.reconcile import tally
from bilan.records import StoredClaim


@dataclass(frozen=True, slots=True)
class ReportIncidents:
    """One report's incidents and stored claims (`published` stands in for unknown days)."""

    document: str
    published: date | None
    incidents: Sequence[Incident]
    claims: Sequence[StoredClaim]


@dataclass(slots=True)
class Event:
    """Incidents of one or more reports describing the same harm event.

    `totals` are reconciled over all their claims; `contradictions` counts, per outcome,
    the claims the least-violation fit breaks.
    """

    id: str
    incidents: list[Incident]
    totals: dict[str, Total] = field(default_factory=dict)
    contradictions: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(i.document for i in self.incidents))

    @property
    def claims(self) -> list[tuple[str, str]]:
        """(document, claim id) of every claim the event holds."""
        return [(i.document, c) for i in self.incidents for c in i.claims]

    @property
    def lead(self) -> Incident:
        """The incident that describes the event: the most precisely placed."""
        return max(self.incidents, key=lambda i: len(i.region or ()))

    @property
    def first(self) -> date | None:
        days = [i.first for i in self.incidents if i.first]
        return min(days) if days else None

    @property
    def last(self) -> date | None:
        days = [i.last for i in self.incidents if i.last]
        return max(days) if days else None

    def to_dict(self) -> dict[str, Any]:
        lead = self.lead
        return {
            "id": self.id, "event_type": lead.event_type,
            "sub_event_type": lead.sub_event_type,
            "event_date": self.first.isoformat() if self.first else None,
            "event_date_last": self.last.isoformat() if self.last else None,
            "location": lead.location, "country": lead.country,
            "latitude": lead.latitude, "longitude": lead.longitude,
            "actor1": lead.actor1.name if lead.actor1 else None,
            "actor2": lead.actor2.name if lead.actor2 else None,
            "totals": {o: t.to_dict() for o, t in self.totals.items()},
            "contradictions": dict(self.contradictions),
            "documents": self.documents,
            "claims": [{"document": d, "claim": c} for d, c in self.claims],
            "incidents": [{"document": i.document, "incident": i.id} for i in self.incidents],
            "sources": list(dict.fromkeys(s for i in self.incidents for s in i.sources)),
        }


# Event types one event may be given by different reports: reports of one battle speak of
# shelling, clashes or a massacre; arrests and displacement go with any of them.
_FAMILIES = {
    "Battles": "violence", "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence", "Strategic developments": None,
    "Protests": "demonstrations", "Riots": "demonstrations",
    "Accident": "accident", "Disaster": "disaster", "Disease": "disease",
}


# An incident is blocked under each ISO week its days cover, up to this many (the last).
_MAX_WEEKS = 5


def _family(event_type: str | None) -> str | None:
    return _FAMILIES.get(event_type) if event_type else None


def _days(incident: Incident, published: date | None) -> tuple[date, date] | None:
    first = incident.first or incident.last or published
    last = incident.last or incident.first or published
    return (first, last) if first and last else None


def _same_event(a: Incident, b: Incident, days_a: tuple[date, date],
                days_b: tuple[date, date]) -> bool:
    if a.document == b.document:
        return False
    if days_a[0] > days_b[1] or days_b[0] > days_a[1]:
        return False
    ra, rb = a.region or (), b.region or ()
    size = min(len(ra), len(rb))
    if (size == 0 or ra[:size] != rb[:size]) and not near(
            (a.latitude, a.longitude), (b.latitude, b.longitude)):
        return False
    if not set(a.totals) & set(b.totals):
        return False
    if _family(a.event_type) != _family(b.event_type) and None not in (
            _family(a.event_type), _family(b.event_type)):
        return False
    return not (a.actor1 and b.actor1 and a.actor1.type != b.actor1.type)


def _weeks(days: tuple[date, date]) -> list[tuple[int, int]]:
    """The ISO weeks a run of days covers, the last _MAX_WEEKS of them at most."""
    first = max(days[0], days[1] - timedelta(weeks=_MAX_WEEKS - 1))
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= days[1]:
        iso = monday.isocalendar()
        weeks.append((iso.year, iso.week))
        monday += timedelta(days=7)
    return weeks


def build_events(reports: Iterable[ReportIncidents], reconcile: bool = True) -> list[Event]:
    """Events from the top-level incidents of many reports, in order of first appearance;
    without `reconcile`, only which incidents make an event (no totals)."""
    items: list[tuple[Incident, tuple[date, date]]] = []
    claims: dict[str, list[StoredClaim]] = {}
    blocks: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for report in reports:
        claims[report.document] = list(report.claims)
        for incident in top_level(report.incidents):
            days = _days(incident, report.published)
            index = len(items)
            items.append((incident, days or (date.min, date.max)))
            if days is not None and incident.country:
                for year, week in _weeks(days):
                    blocks[(incident.country, year, week)].append(index)
    parent = list(range(len(items)))
    # Per group: the perpetrators' actor types and the event-type families it holds. Two
    # groups join only when these stay single: a chain of pairwise matches must not join
    # the army's shelling and the rebels' on the same town.
    kinds = [({i.actor1.type} if i.actor1 else set(), {_family(i.event_type)} - {None})
             for i, _ in items]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in blocks.values():
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                a, b = find(i), find(j)
                if a == b or not _same_event(items[i][0], items[j][0], items[i][1],
                                             items[j][1]):
                    continue
                actors, families = kinds[a][0] | kinds[b][0], kinds[a][1] | kinds[b][1]
                if len(actors) <= 1 and len(families) <= 1:
                    parent[a] = b
                    kinds[b] = (actors, families)
    groups: dict[int, list[Incident]] = {}
    for index, (incident, _) in enumerate(items):
        groups.setdefault(find(index), []).append(incident)
    events = []
    for number, group in enumerate(groups.values(), start=1):
        event = Event(f"e{number}", group)
        if reconcile:
            reconcile_event(event, claims)
        events.append(event)
    return events


def reconcile_event(event: Event, claims: dict[str, list[StoredClaim]]) -> None:
    """Set the event's totals: its one incident's, or reconciled over all its claims."""
    if len(event.incidents) == 1:
        event.totals = dict(event.incidents[0].totals)
        return
    held = {(i.document, c) for i in event.incidents for c in i.claims}
    stored = [s for d in event.documents for s in claims.get(d, ())
              if (d, s.claim.id) in held]
    outcomes = dict.fromkeys(o for i in event.incidents for o in i.totals)
    first, last = event.first, event.last
    regions = [i.region for i in event.incidents if i.region]
    region = regions[0] if regions else ()
    for other in regions[1:]:
        size = next((k for k in range(min(len(region), len(other)))
                     if region[k] != other[k]), min(len(region), len(other)))
        region = region[:size]
    for outcome in outcomes:
        # Each report's own reading of the event bounds it from below.
        floor = max(i.totals[outcome].low for i in event.incidents if outcome in i.totals)
        if first is None or last is None or not region:
            event.totals[outcome] = Total(floor, None)
            continue
        answer = tally(stored, outcome=outcome, first=first, last=last, region=region)
        bounds = answer.series[0]
        event.totals[outcome] = Total(max(bounds.low, floor) if bounds.high is None
                                      else bounds.low, bounds.high)
        if answer.contradictions:
            event.contradictions[outcome] = sum(len(c.constraint.claims)
                                                for c in answer.contradictions)
