"""Claims as constraints on unknown daily counts.

A claim says that the sum of the daily counts of its outcome, over the days of
its period and the victim types and places inside its own, lies between two
bounds. Days are `date.toordinal()` numbers, inclusive at both ends.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from bilan.records import Count, StoredClaim

# "about N" ("une centaine", "près de 50") is read as N ± 10%, and at least ± 1:
# the guide gives one value for words that round a count, never how far off it may be.
ABOUT_BAND = 0.10

# Each victim type's parent; "people" is the root. Sub-types are treated as disjoint
# (a girl counted as a child is not counted again as a woman).
VICTIM_PARENT: dict[str, str] = {
    "civilians": "people",
    "combatants": "people",
    "other": "people",
    "children": "civilians",
    "women": "civilians",
    "men": "civilians",
    "journalists": "civilians",
    "medical_workers": "civilians",
    "aid_workers": "civilians",
    "rebels": "combatants",
    "security_forces": "combatants",
}
ROOT_VICTIMS = "people"


def victim_lineage(victims: str) -> tuple[str, ...]:
    """The type and its ancestors, itself first, up to "people"."""
    lineage = [victims]
    while lineage[-1] in VICTIM_PARENT:
        lineage.append(VICTIM_PARENT[lineage[-1]])
    return tuple(lineage)


def region_lineage(region: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The region and every region containing it, itself first, down to () (everywhere)."""
    return tuple(region[:size] for size in range(len(region), -1, -1))


def bounds(count: Count) -> tuple[int, int | None]:
    """The [low, high] a count allows (high None: no upper bound), in people."""
    value, qualifier = count.value, count.qualifier
    if qualifier == "exact":
        return value, value
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return value + 1, None
    if qualifier == "at_most":
        return 0, value
    if qualifier == "less_than":
        return 0, max(0, value - 1)
    if qualifier == "about":
        band = max(1, math.ceil(value * ABOUT_BAND))
        return max(0, value - band), value + band
    if qualifier == "range":
        return value, count.high if count.high is not None and count.high >= value else None
    # "vague" and any qualifier added later: the guide's value is a lower bound only.
    return value, None


@dataclass(frozen=True, slots=True)
class Constraint:
    """Sum over (victims ⊇, region ⊇, days first..last) lies in [low, high]; high None: ∞.

    `claims` are every stored claim that states exactly this constraint.
    """

    victims: str
    region: tuple[str, ...]
    first: int
    last: int
    low: int
    high: int | None
    claims: tuple[StoredClaim, ...]


def build_constraints(
    claims: Iterable[StoredClaim],
) -> tuple[list[Constraint], list[StoredClaim]]:
    """Deduplicated constraints of placeable claims, and the claims that cannot be placed.

    A claim without a whole period or without a region is unplaceable: it is kept
    and reported, never given a guessed window. When one document states several
    counts of the same cell (victims, region, period), the largest is the whole
    and the others are parts of it ("45 morts, dont 12 enfants ... parmi les morts
    un garçon": the boy is one of the 12 children), so only their lower bound holds.
    Identical constraints from many claims are one, with every claim as evidence.
    """
    cells: dict[tuple, list[tuple[StoredClaim, int, int | None]]] = {}
    unplaceable: list[StoredClaim] = []
    for stored in claims:
        period = stored.claim.period
        if period is None or period.start is None or period.end is None or stored.region is None:
            unplaceable.append(stored)
            continue
        first, last = sorted((period.start.toordinal(), period.end.toordinal()))
        cell = (stored.claim.victims, stored.region, first, last)
        cells.setdefault((stored.document, *cell), []).append((stored, *bounds(stored.claim.count)))
    merged: dict[tuple, list[StoredClaim]] = {}
    for (_, *shared), stated in cells.items():
        whole = max(stated, key=lambda item: item[1])[1:]
        for stored, low, high in stated:
            # A repeat of the whole is the whole again, not a part of it.
            high = high if (low, high) == whole else None
            # [0, ∞) bounds nothing: such a part is dropped.
            if low > 0 or high is not None:
                merged.setdefault((*shared, low, high), []).append(stored)
    constraints = [
        Constraint(victims, region, first, last, low, high, tuple(evidence))
        for (victims, region, first, last, low, high), evidence in merged.items()
    ]
    return constraints, unplaceable
