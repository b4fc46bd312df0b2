"""The query layer every front end calls: claims and events (filtered, paged), tallies and
timelines.

The command line, the Python API and the HTTP API answer from these functions only, so
that `bilan tally --format json` and `GET /api/tally` give the same JSON. Days are
inclusive; a place is a country, region or town name in French or English.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from bilan.errors import QueryError
from bilan.incidents import Event
from bilan.incidents.stored import stored_events
from bilan.reconcile import Constraint, Tally
from bilan.reconcile import tally as reconcile_tally
from bilan.reconcile import timeline as reconcile_timeline
from bilan.reconcile.regions import resolve_region
from bilan.records import Claim, StoredClaim
from bilan.store import ClaimFilter, Store

__all__ = ["ESTIMATE_METHOD", "MAX_PAGE", "Answer", "Page", "claim_filter", "claims", "events",
           "renumbered", "tally", "timeline"]

ESTIMATE_METHOD = (
    "midpoint of [low, high] at the least-violation fit; the low bound when no claim caps "
    "the count; a timeline spreads each interval's estimate evenly over its days"
)
# The most claims one page holds: a page is read into memory whole.
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class Answer:
    """A tally or timeline with the evidence shown for it.

    `evidence` is, by default, the constraints that prove the bounds plus the contradicted
    ones (`scope` "binding"), or every constraint connected to the asked cells ("component").
    """

    result: Tally
    place: str | None
    evidence: tuple[Constraint, ...]
    scope: str

    def rests_on(self) -> tuple[int, int]:
        """How many claims and how many reports the shown evidence holds."""
        stated = {(c.document, c.claim.id) for con in self.evidence for c in con.claims}
        return len(stated), len({document for document, _ in stated})

    def to_dict(self) -> dict[str, Any]:
        claims, reports = self.rests_on()
        # The shown evidence only: rendering the whole component would be thrown away.
        shown = dataclasses.replace(self.result, evidence=self.evidence)
        return {
            **shown.to_dict(),
            "place": self.place, "estimate": ESTIMATE_METHOD, "evidence_scope": self.scope,
            "component": len(self.result.evidence), "claims": claims, "reports": reports,
        }


class _Item(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


Item = TypeVar("Item", bound=_Item)


@dataclass(frozen=True, slots=True)
class Page(Generic[Item]):
    """One page of the claims or events matching a filter, and how many match in all."""

    total: int
    offset: int
    items: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset,
                "items": [item.to_dict() for item in self.items]}


def tally(store: Store, *, outcome: str, first: date, last: date, victims: str = "people",
          place: str | None = None, cause: str | None = None,
          all_evidence: bool = False) -> Answer:
    """Bounds of the count of `outcome` `victims` in `place` (everywhere when None) over
    first..last, with the claims they rest on."""
    return _answer(store, outcome, first, last, victims, place, cause, all_evidence,
                   split=False)


def timeline(store: Store, *, outcome: str, first: date, last: date, victims: str = "people",
             place: str | None = None, cause: str | None = None,
             all_evidence: bool = False) -> Answer:
    """Bounds of every day of first..last, as `tally` asks them."""
    return _answer(store, outcome, first, last, victims, place, cause, all_evidence,
                   split=True)


def _answer(store: Store, outcome: str, first: date, last: date, victims: str,
            place: str | None, cause: str | None, all_evidence: bool, split: bool) -> Answer:
    region = resolve_region(place) if place else ()
    generation = store.generation()
    # Claims of other countries share no cells with the asked ones.
    stored = list(_read(store, generation, outcome, cause, region[:1]))
    if region:
        # Claims without a place are reported as unplaceable, whatever the place asked.
        stored += [c for c in _read(store, generation, outcome, cause, ())
                   if c.region is None and _overlaps(c.claim, first, last)]
    answer = reconcile_timeline if split else reconcile_tally
    result = answer(stored, outcome=outcome, first=first, last=last, victims=victims,
                    region=region, cause=cause)
    if all_evidence:
        return Answer(result, place, result.evidence, "component")
    shown = {id(c) for c in result.binding} | {id(c.constraint) for c in result.contradictions}
    evidence = tuple(c for c in result.evidence if id(c) in shown)
    return Answer(result, place, evidence, "binding")


@functools.lru_cache(maxsize=16)
def _read(store: Store, generation: int, outcome: str, cause: str | None,
          country: tuple[str, ...]) -> tuple[StoredClaim, ...]:
    """The claims of `outcome` (and `cause`) in `country` (everywhere when empty), read once
    per store generation: every window asked of a country reconciles the same claims."""
    return tuple(store.claims(ClaimFilter(outcome=outcome, cause=cause,
                                          regions=[country] if country else None)))


def _overlaps(claim: Claim, first: date, last: date) -> bool:
    """Whether the claim's period, either end unknown, may overlap first..last, as the
    store's period filter reads it."""
    period = claim.period
    return period is None or ((period.end is None or period.end >= first)
                              and (period.start is None or period.start <= last))


def claim_filter(*, outcome: str | None = None, victims: str | None = None,
                 place: str | None = None, cause: str | None = None, first: date | None = None,
                 last: date | None = None, document: str | None = None) -> ClaimFilter:
    """The store filter of the claims and events questions: victims exactly; a place and
    every place inside it; a period overlapping first..last; a report by hash or own id."""
    if first is not None and last is not None and last < first:
        raise QueryError.of("E104", first=first, last=last)
    return ClaimFilter(
        outcome=outcome, victims=[victims] if victims else None, cause=cause,
        document=document, first=first, last=last,
        regions=[resolve_region(place)] if place else None,
    )


def _check_page(limit: int | None, offset: int) -> None:
    if limit is not None and not 1 <= limit <= MAX_PAGE:
        raise QueryError.of("E181", limit=limit, most=MAX_PAGE)
    if offset < 0:
        raise QueryError.of("E182", offset=offset)


def claims(store: Store, *, outcome: str | None = None, victims: str | None = None,
           place: str | None = None, cause: str | None = None, first: date | None = None,
           last: date | None = None, document: str | None = None, limit: int | None = None,
           offset: int = 0) -> Page[StoredClaim]:
    """Stored claims matching every filter given (see `claim_filter`), by publication date
    then document order."""
    _check_page(limit, offset)
    where = claim_filter(outcome=outcome, victims=victims, place=place, cause=cause,
                         first=first, last=last, document=document)
    items = store.claims(where, limit=limit, offset=offset)
    total = len(items) + offset if limit is None else store.count_claims(where)
    return Page(total, offset, tuple(items))


def events(store: Store, *, outcome: str | None = None, victims: str | None = None,
           place: str | None = None, cause: str | None = None, first: date | None = None,
           last: date | None = None, document: str | None = None, convention: str = "guide",
           limit: int | None = None, offset: int = 0) -> Page[Event]:
    """The events holding any claim matching every filter given (see `claim_filter`), each
    with every claim of its incidents, by first day. Reports stored before incidents
    existed get theirs now (a write)."""
    _check_page(limit, offset)
    where = claim_filter(outcome=outcome, victims=victims, place=place, cause=cause,
                         first=first, last=last, document=document)
    found = stored_events(store, store.claims(where), convention)
    end = None if limit is None else offset + limit
    return Page(len(found), offset, tuple(found[offset:end]))


def renumbered(claims: Iterable[Claim], numbered: int, offset: int) -> list[Claim]:
    """Claims of a chunk that starts `offset` characters into its report, numbered after
    the `numbered` claims of the chunks before it (ids, `part_of` and offsets shifted)."""
    out = []
    for claim in claims:
        numbered += 1
        parent = claim.part_of
        if parent is not None:
            parent = f"c{int(parent[1:]) + numbered - int(claim.id[1:])}"
        out.append(dataclasses.replace(
            claim, id=f"c{numbered}", part_of=parent, start=claim.start + offset,
            end=claim.end + offset, sentence_start=claim.sentence_start + offset,
            sentence_end=claim.sentence_end + offset,
        ))
    return out
