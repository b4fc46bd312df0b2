"""Records that cross module boundaries: frozen, slotted dataclasses.

Offsets are character offsets into the document text, end exclusive. Periods
are inclusive day ranges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

OUTCOMES = ("killed", "injured", "missing", "detained", "kidnapped", "displaced")
CAUSES = ("violence", "accident", "disaster", "disease", "other")
VICTIMS = (
    "people", "civilians", "children", "women", "men", "combatants", "rebels",
    "security_forces", "journalists", "medical_workers", "aid_workers", "other",
)
QUALIFIERS = (
    "exact", "at_least", "more_than", "at_most", "less_than", "about", "range", "vague",
)
SOURCE_TYPES = (
    "ngo", "government", "military", "armed_group", "un_agency", "medical", "media",
    "activists", "witness", "other",
)


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people and how sure the text is of it."""

    value: int
    qualifier: str = "exact"
    high: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "qualifier": self.qualifier}
        if self.qualifier == "range" and self.high is not None:
            out["high"] = self.high
        return out


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive days a count covers; either end may be unknown."""

    start: date | None
    end: date | None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """Where the harm happened: the name as written and its gazetteer entry.

    `precision` is one of "point", "city", "admin1", "region", "country", "area".
    """

    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Who states a number, as the text names it, and what kind of body it is."""

    name: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement that some number of people were harmed, traced to its text."""

    id: str
    quote: str
    outcome: str
    cause: str
    victims: str
    count: Count
    part_of: str | None
    period: Period | None
    place: Place | None
    source: Source | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    def to_dict(self) -> dict[str, Any]:
        """The gold format's fields, plus provenance offsets."""
        place = self.place
        return {
            "id": self.id,
            "quote": self.quote,
            "outcome": self.outcome,
            "cause": self.cause,
            "victims": self.victims,
            "count": self.count.to_dict(),
            "part_of": self.part_of,
            "period": self.period.to_dict() if self.period else None,
            "place": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "country": place.country if place else None,
            "source": self.source.name if self.source else None,
            "source_type": self.source.type if self.source else None,
            "start": self.start,
            "end": self.end,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as the store holds it: the claim, the document it came from, and its region.

    `region` is the claim's place as a path from country down (country code, then
    admin1 code or named area, then locality), so that a region contains every
    path it prefixes; None when the claim has no place or it cannot be placed.
    `document` is the document's content hash.
    """

    document: str
    claim: Claim
    region: tuple[str, ...] | None
    published: date | None = None
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The claim's fields, plus its document, region, publication date and origin."""
        out = self.claim.to_dict()
        out.update(
            document=self.document,
            region="/".join(self.region) if self.region else None,
            published=self.published.isoformat() if self.published else None,
            origin=self.origin,
        )
        return out
