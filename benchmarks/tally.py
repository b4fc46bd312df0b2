"""Time of one tally and one timeline over synthetic claims, and how it grows with their number.

    python benchmarks/tally.py [--claims 1000 10000 100000] [--seed 0] [--program-only]

The world: 1,000 places (10 countries, 5 admin1 regions each, 940 towns spread over
them) and 365 days of hidden true daily counts per town and victim type. Claims are
drawn from that truth: 80% on a town, 15% on an admin1 region, 5% on a country; victim
types people (60%), civilians, children, women, rebels, security forces; windows of one
day (half of them) or 2-30 days; qualifiers exact, at least, about and more than. One
claim in ten has its value scaled by 0.5-1.5, so the fit has contradictions to absorb.

Timed (wall clock, after a warm-up run on 100 claims; claims are built in memory, not read from a
store): a tally of killed people in one country over 30 days and, up to
`TIMELINE_UP_TO` claims, a tally for one town (its country's claims are all connected to
it, so it costs about what the country's does) and the 30-day timeline of that country
(two linear programs per elementary interval, so it costs tens of tallies). Each line ends
with the process's peak resident memory so far. `--program-only` times building the country
tally's linear program (constraints, then cells and variables) without solving it, and
gives its size before and after each node's claims are rewritten over shared sums.
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date, timedelta
from typing import Any

import numpy as np

from bilan.reconcile import build_constraints, tally, timeline
from bilan.reconcile.solver import _factored, _program
from bilan.records import Claim, Count, Period, StoredClaim

COUNTRIES, ADMIN1, TOWNS, DAYS = 10, 5, 940, 365
DAY0 = date(2024, 1, 1)
TYPES = ("people", "civilians", "children", "women", "rebels", "security_forces")
TYPE_SHARES = (0.6, 0.1, 0.1, 0.08, 0.06, 0.06)
# Each leaf type's share of the true toll; "people" and "civilians" claims sum leaves.
LEAVES = {"children": 0.25, "women": 0.2, "men": 0.25, "rebels": 0.15, "security_forces": 0.15}
COVERS = {
    "people": tuple(LEAVES), "civilians": ("children", "women", "men"),
    "children": ("children",), "women": ("women",), "rebels": ("rebels",),
    "security_forces": ("security_forces",),
}
QUALIFIERS = ("exact", "at_least", "about", "more_than")
QUALIFIER_SHARES = (0.5, 0.25, 0.15, 0.1)
TIMELINE_UP_TO = 10_000


def world(rng: np.random.Generator):
    town_admin = rng.integers(0, COUNTRIES * ADMIN1, TOWNS)
    truth = {leaf: rng.poisson(0.4 * share * 5, (TOWNS, DAYS)) for leaf, share in LEAVES.items()}
    # Running sums over days make any window's total one subtraction.
    cumulative = {leaf: np.concatenate([np.zeros((TOWNS, 1), int), counts.cumsum(axis=1)], 1)
                  for leaf, counts in truth.items()}
    return town_admin, cumulative


def make_claims(number: int, rng: np.random.Generator, town_admin, cumulative):
    claims = []
    for index in range(number):
        level = rng.choice(3, p=(0.8, 0.15, 0.05))
        if level == 0:
            town = int(rng.integers(TOWNS))
            admin = int(town_admin[town])
            towns = np.array([town])
            region = (f"C{admin // ADMIN1}", f"A{admin}", f"@{town}")
        elif level == 1:
            admin = int(rng.integers(COUNTRIES * ADMIN1))
            towns = np.flatnonzero(town_admin == admin)
            region = (f"C{admin // ADMIN1}", f"A{admin}")
        else:
            country = int(rng.integers(COUNTRIES))
            towns = np.flatnonzero(town_admin // ADMIN1 == country)
            region = (f"C{country}",)
        first = int(rng.integers(DAYS))
        length = 1 if rng.random() < 0.5 else int(rng.integers(2, 31))
        last = min(DAYS - 1, first + length - 1)
        victims = str(rng.choice(TYPES, p=TYPE_SHARES))
        value = int(sum(
            (cumulative[leaf][towns, last + 1] - cumulative[leaf][towns, first]).sum()
            for leaf in COVERS[victims]
        ))
        if rng.random() < 0.1:
            value = int(value * rng.uniform(0.5, 1.5))
        qualifier = str(rng.choice(QUALIFIERS, p=QUALIFIER_SHARES))
        if qualifier == "more_than":
            value = max(0, value - 1)
        claim = Claim(
            id=f"c{index}", quote="", outcome="killed", cause="violence", victims=victims,
            count=Count(value, qualifier), part_of=None,
            period=Period(DAY0 + timedelta(days=first), DAY0 + timedelta(days=last)),
            place=None, source=None, start=0, end=0, sentence_start=0, sentence_end=0,
        )
        claims.append(StoredClaim(f"d{index}", claim, region))
    return claims


def timed(run: Any, claims: list[StoredClaim], **query: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run(claims, **query)
    return time.perf_counter() - start, result


def peak_mib() -> float:
    """This process's peak resident memory so far (Linux reports kibibytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_program(claims: list[StoredClaim], country: str, first: date, last: date) -> str:
    start = time.perf_counter()
    constraints, _ = build_constraints(c for c in claims if c.region[0] == country)
    program = _program(constraints, "people", (country,), first.toordinal(), last.toordinal(),
                       split=False)
    seconds = time.perf_counter() - start
    rows, columns = program.matrix.shape
    constraint_rows, definitions = _factored(program.matrix, program.node_of)
    return (f"program {seconds:.3f} s ({rows} constraints, {columns} variables, "
            f"{program.matrix.nnz} non-zeros; with shared sums {definitions.shape[0]} more "
            f"rows and columns, {constraint_rows.nnz + definitions.nnz} non-zeros)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--program-only", action="store_true",
                        help="time building the country tally's program, not solving it")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    town_admin, cumulative = world(rng)
    first, last = DAY0 + timedelta(days=100), DAY0 + timedelta(days=129)
    print(f"{COUNTRIES * (1 + ADMIN1) + TOWNS} places, {DAYS} days; window {first} to {last}")
    country = dict(outcome="killed", first=first, last=last, region=("C0",))
    # Warm-up on a few claims: imports and the solver's first call are not timed.
    tally(make_claims(100, rng, town_admin, cumulative), **country)
    previous, previous_number = None, 1
    for number in args.claims:
        claims = make_claims(number, rng, town_admin, cumulative)
        if args.program_only:
            print(f"{number:>7} claims: {time_program(claims, 'C0', first, last)}; "
                  f"peak RSS {peak_mib():.0f} MiB", flush=True)
            continue
        town = dict(country, region=claims[0].region)
        seconds, result = timed(tally, claims, **country)
        bounds = result.series[0]
        town_line = line = "skipped"
        if number <= TIMELINE_UP_TO:
            town_line = f"{timed(tally, claims, **town)[0]:.3f} s"
            line = f"{timed(timeline, claims, **country)[0]:.3f} s"
        growth = f", x{seconds / previous:.1f} for x{number / previous_number:g} claims" \
            if previous else ""
        print(f"{number:>7} claims: country tally {seconds:.3f} s{growth} "
              f"([{bounds.low}, {bounds.high}], {len(result.evidence)} constraints used, "
              f"{len(result.contradictions)} contradicted); town tally {town_line}; "
              f"30-day country timeline {line}; peak RSS {peak_mib():.0f} MiB", flush=True)
        previous_number = number
        previous = seconds


if __name__ == "__main__":
    main()
