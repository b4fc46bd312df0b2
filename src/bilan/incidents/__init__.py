"""Incidents within a report, events across reports, and vague numbers by convention."""

from bilan.incidents.events import Event, build_events
from bilan.incidents.lexicon import apply_convention, convention_names
from bilan.incidents.report import Actor, Incident, Total, report_incidents, top_level
from bilan.incidents.run import documents_incidents

__all__ = [
    "Actor", "Event", "Incident", "Total", "apply_convention", "build_events",
    "convention_names", "documents_incidents", "report_incidents", "top_level",
]
