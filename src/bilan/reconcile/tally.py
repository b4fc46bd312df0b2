"""Tallies and timelines: reconciled bounds over many overlapping, conflicting claims.

The best estimate of a window is the midpoint of its [low, high] when both are
finite, else its low bound (the least count the claims allow). A timeline cuts
its window into elementary intervals (no claim starts or ends inside one); a day
of an interval of several days can be anywhere from 0 to the interval's high,
and its best estimate is the interval's spread evenly over its days.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, overload

from bilan.errors import QueryError
from bilan.reconcile.constraints import Constraint, build_constraints
from bilan.reconcile.solver import solve
from bilan.records import VICTIMS, StoredClaim


@dataclass(frozen=True, slots=True)
class Bounds:
    """Reconciled bounds of a run of days, inclusive; `high` None: no upper bound."""

    first: date
    last: date
    low: int
    high: int | None
    best: float

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first.isoformat(), "last": self.last.isoformat(),
                "low": self.low, "high": self.high, "best": self.best}


class DailySeries(Sequence[Bounds]):
    """A timeline's days, computed on demand from its elementary intervals (`runs`, each
    with one day's bounds): memory follows the claims, not the calendar."""

    def __init__(self, runs: tuple[Bounds, ...]) -> None:
        self.runs = runs
        self._ends = [run.last.toordinal() for run in runs]

    def __len__(self) -> int:
        return sum((run.last - run.first).days + 1 for run in self.runs)

    @overload
    def __getitem__(self, index: int) -> Bounds: ...
    @overload
    def __getitem__(self, index: slice) -> list[Bounds]: ...
    def __getitem__(self, index: int | slice) -> Bounds | list[Bounds]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not self.runs or not 0 <= index < len(self):
            raise IndexError(index)
        day = self.runs[0].first + timedelta(days=index)
        run = self.runs[bisect.bisect_left(self._ends, day.toordinal())]
        return Bounds(day, day, run.low, run.high, run.best)

    def __iter__(self) -> Iterator[Bounds]:
        for run in self.runs:
            for offset in range((run.last - run.first).days + 1):
                day = run.first + timedelta(days=offset)
                yield Bounds(day, day, run.low, run.high, run.best)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DailySeries) and self.runs == other.runs

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A constraint the least-violation fit breaks, and the total the fit gives its cells."""

    constraint: Constraint
    fitted: float


@dataclass(frozen=True, slots=True)
class Tally:
    """The answer to "how many <outcome> <victims> in <region>, <first> to <last>".

    `series` holds one Bounds for a tally, one per day for a timeline (a DailySeries,
    written out by elementary interval). `evidence` are the constraints connected to the
    asked cells, the ones the answer rests on; `binding` those of them that prove its bounds.
    """

    outcome: str
    victims: str
    region: tuple[str, ...]
    first: date
    last: date
    series: Sequence[Bounds]
    evidence: tuple[Constraint, ...]
    contradictions: tuple[Contradiction, ...]
    unplaceable: tuple[StoredClaim, ...]
    binding: tuple[Constraint, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome, "victims": self.victims,
            "region": "/".join(self.region), "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "series": [bounds.to_dict() for bounds in getattr(self.series, "runs", self.series)],
            "evidence": [constraint_dict(c) for c in self.evidence],
            "contradictions": [
                {**constraint_dict(c.constraint), "fitted": round(c.fitted, 3)}
                for c in self.contradictions
            ],
            "unplaceable": [claim.to_dict() for claim in self.unplaceable],
        }


def constraint_dict(constraint: Constraint) -> dict[str, Any]:
    """A constraint with its bounds and every claim that states it."""
    return {
        "victims": constraint.victims, "region": "/".join(constraint.region),
        "first": date.fromordinal(constraint.first).isoformat(),
        "last": date.fromordinal(constraint.last).isoformat(),
        "low": constraint.low, "high": constraint.high,
        "claims": [
            {"document": c.document, "origin": c.origin, "claim": c.claim.id,
             "quote": c.claim.quote, "source": c.claim.source.name if c.claim.source else None}
            for c in constraint.claims
        ],
    }


def tally(
    claims: Iterable[StoredClaim], *, outcome: str, first: date, last: date,
    victims: str = "people", region: tuple[str, ...] = (), cause: str | None = None,
) -> Tally:
    """Bounds of the total over first..last (inclusive) of the claims' outcome."""
    return _reconcile(claims, outcome, first, last, victims, region, cause, split=False)


def timeline(
    claims: Iterable[StoredClaim], *, outcome: str, first: date, last: date,
    victims: str = "people", region: tuple[str, ...] = (), cause: str | None = None,
) -> Tally:
    """Bounds of every day of first..last (inclusive)."""
    return _reconcile(claims, outcome, first, last, victims, region, cause, split=True)


def _reconcile(
    claims: Iterable[StoredClaim], outcome: str, first: date, last: date, victims: str,
    region: tuple[str, ...], cause: str | None, split: bool,
) -> Tally:
    if last < first:
        raise QueryError.of("E104", first=first, last=last)
    if victims not in VICTIMS:
        raise QueryError.of("E183", victims=victims, choices=", ".join(VICTIMS))
    relevant = [
        c for c in claims
        if c.claim.outcome == outcome and (cause is None or c.claim.cause == cause)
        # Regions of different countries share no cells and no claim spans two countries,
        # so only the asked country's claims can move the answer.
        and (c.region is None or not region or c.region[0] == region[0])
    ]
    constraints, unplaceable = build_constraints(relevant)
    solution = solve(constraints, victims, region, first.toordinal(), last.toordinal(), split)
    series: list[Bounds] = []
    for window in solution.windows:
        days = window.last - window.first + 1
        best = window.low if window.high is None else (window.low + window.high) / 2
        if not split:
            series.append(Bounds(date.fromordinal(window.first), date.fromordinal(window.last),
                                 window.low, window.high, best))
            continue
        series.append(Bounds(date.fromordinal(window.first), date.fromordinal(window.last),
                             window.low if days == 1 else 0, window.high, best / days))
    return Tally(
        outcome, victims, region, first, last,
        DailySeries(tuple(series)) if split else tuple(series),
        tuple(constraints[i] for i in solution.used),
        tuple(Contradiction(constraints[i], fitted) for i, fitted in solution.violations),
        tuple(c for c in unplaceable if _overlaps(c, first, last)),
        tuple(constraints[i] for i in solution.binding),
    )


def _overlaps(claim: StoredClaim, first: date, last: date) -> bool:
    period = claim.claim.period
    if period is None:
        return True
    return (period.end is None or period.end >= first) and (
        period.start is None or period.start <= last)
