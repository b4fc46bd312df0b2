"""The warm-started solver gives the general LP's answers, and its bounds are attained.

The references are the general path (`solve(..., general=True)`: three SciPy `linprog`
calls from scratch per window, on the merged program without shared sums) and the textbook
program (one unknown per cell and day); the claim sets are random, so many contradict each
other. Half of them add several country-wide claims, whose rows the default path rewrites
over shared sums (in about 60% of those sets; in 2% of the others). The merged program
itself is checked against the textbook program's cell-days merged by their claims, with
broad nodes (claims swept once per group of classes) from one class, three, or none."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from scipy.optimize import linprog

from bilan.reconcile import solver
from bilan.reconcile.constraints import build_constraints, region_lineage, victim_lineage
from bilan.reconcile.solver import (
    FIT_TOLERANCE,
    SOLVER_ERROR,
    _factored,
    _program,
    _query_component,
    _WarmFit,
    _whole,
    solve,
)
from bilan.records import QUALIFIERS
from tests.reconcile.claims import stored
from tests.reconcile.test_properties import DAY0, claim_specs, make_claims, nodes, windows

ORDINAL0 = DAY0.toordinal()
country_wide = st.lists(
    st.tuples(st.sampled_from([("people", ("SY",)), ("civilians", ("SY",))]), windows,
              st.sampled_from(QUALIFIERS), st.integers(0, 50), st.integers(0, 30)),
    min_size=3, max_size=8,
)
any_specs = st.one_of(claim_specs, st.tuples(claim_specs, country_wide).map(
    lambda both: both[0] + both[1]))


def violation(matrix, lows, highs, counts) -> float:
    """The weighted violation of the constraints by these counts, computed afresh."""
    totals = matrix @ counts
    under = np.maximum(0.0, lows - totals) / np.maximum(1.0, lows)
    capped = np.array([high is not None for high in highs])
    high_values = np.array([high if high is not None else 0 for high in highs], dtype=float)
    over = np.where(capped, np.maximum(0.0, totals - high_values), 0.0)
    return float(under.sum() + (over / np.maximum(1.0, high_values)).sum())


@settings(max_examples=80, deadline=None)
@given(any_specs, nodes, windows)
def test_the_min_and_max_are_attained_by_a_fit(specs, query, window):
    constraints, _ = build_constraints(make_claims(specs))
    victims, region = query
    program = _program(constraints, victims, region, ORDINAL0 + window[0],
                       ORDINAL0 + window[1], split=False)
    rows, cols = _query_component(program)
    matrix = program.matrix[rows][:, cols]
    lows = np.array([constraints[i].low for i in rows], dtype=float)
    highs = [constraints[i].high for i in rows]
    fit = _WarmFit(matrix, lows, highs, program.node_of[rows])
    objective = (program.window_of[cols] == 0).astype(float)
    for maximise in (False, True):
        bound = fit.bound(objective, maximise)
        if bound is None or not objective.any():
            continue
        counts = fit.witness()[: len(cols)]
        assert counts.min() >= -1e-7
        assert abs(objective @ counts - bound) <= 1e-6
        assert violation(matrix, lows, highs, counts) <= fit.best * (1 + 1e-8) + 1e-7


def textbook_bounds(constraints, victims, region, windows):
    """Each window's [min, max] by the program as DESIGN.md states it: one unknown per cell
    and day, nothing merged, the fit and each bound solved from scratch by SciPy."""
    types = sorted({t for c in constraints for t in victim_lineage(c.victims)}
                   | set(victim_lineage(victims)))
    places = sorted({p for c in constraints for p in region_lineage(c.region)}
                    | set(region_lineage(region)))
    days = sorted({d for c in constraints for d in (c.first, c.last)}
                  | {d for window in windows for d in window})
    span = range(days[0], days[-1] + 1)
    cells = [(t, p, d) for t in types for p in places for d in span]

    def row(node_type, node_place, first, last):
        return np.array([
            node_type in victim_lineage(t) and node_place in region_lineage(p)
            and first <= d <= last for t, p, d in cells
        ], dtype=float)

    lows = np.array([c.low for c in constraints], dtype=float)
    capped = [i for i, c in enumerate(constraints) if c.high is not None]
    matrix = np.array([row(c.victims, c.region, c.first, c.last) for c in constraints]
                      ).reshape(len(constraints), len(cells))
    # Unknowns: the counts, then a slack under each low bound and one over each high bound.
    a_ub = np.block([
        [-matrix, -np.eye(len(constraints)), np.zeros((len(constraints), len(capped)))],
        [matrix[capped], np.zeros((len(capped), len(constraints))), -np.eye(len(capped))],
    ])
    b_ub = np.concatenate([-lows, [constraints[i].high for i in capped]])
    weights = np.concatenate([
        np.zeros(len(cells)), 1 / np.maximum(1, lows),
        [1 / max(1, constraints[i].high) for i in capped],
    ])
    best = linprog(weights, A_ub=a_ub, b_ub=b_ub, method="highs").fun
    a_fit = np.vstack([a_ub, weights])
    b_fit = np.append(b_ub, best + FIT_TOLERANCE * max(1.0, best))
    answers = []
    for first, last in windows:
        query = np.concatenate([row(victims, region, first, last),
                                np.zeros(len(weights) - len(cells))])
        low = linprog(query, A_ub=a_fit, b_ub=b_fit, method="highs")
        high = linprog(-query, A_ub=a_fit, b_ub=b_fit, method="highs")
        answers.append((low.fun, None if high.status == 3 else -high.fun))
    return answers


@settings(max_examples=80, deadline=None)
@given(any_specs, nodes, windows, st.booleans())
def test_the_warm_path_answers_as_the_general_and_the_textbook_lp(specs, query, window, split):
    constraints, _ = build_constraints(make_claims(specs))
    victims, region = query
    first, last = ORDINAL0 + window[0], ORDINAL0 + window[1]
    solution = solve(constraints, victims, region, first, last, split)
    general = solve(constraints, victims, region, first, last, split, general=True)
    assert solution.windows == general.windows
    assert solution.used == general.used
    expected = textbook_bounds(constraints, victims, region,
                               [(w.first, w.last) for w in solution.windows])
    for got, (low, high) in zip(solution.windows, expected, strict=True):
        assert got.low == max(0, _whole(low, up=True))
        assert (got.high is None) == (high is None)
        if high is not None:
            assert got.high == max(got.low, _whole(high, up=False))
    for row, fitted in solution.violations:
        constraint = constraints[row]
        noise = SOLVER_ERROR * max(1, constraint.low, constraint.high or 0)
        assert fitted < constraint.low - noise or (
            constraint.high is not None and fitted > constraint.high + noise)


def textbook_variables(constraints, victims, region, windows):
    """The variables of the textbook program's cell-days merged by what they are to the
    claims and the query: (the rows reaching them, their window or -1) for every cell-day
    some claim reaches, and the windows holding an asked cell-day no claim reaches."""
    types = {t for c in constraints for t in victim_lineage(c.victims)} | {victims}
    places = {p for c in constraints for p in region_lineage(c.region)} | {region}
    days = [d for c in constraints for d in (c.first, c.last)] + [windows[0][0], windows[-1][1]]
    variables, free = set(), set()
    for t, p in ((t, p) for t in types for p in places):
        asked = victims in victim_lineage(t) and region in region_lineage(p)
        for d in range(min(days), max(days) + 1):
            rows = frozenset(
                i for i, c in enumerate(constraints)
                if c.victims in victim_lineage(t) and c.region in region_lineage(p)
                and c.first <= d <= c.last)
            window = next((index for index, (first, last) in enumerate(windows)
                           if asked and first <= d <= last), -1)
            if rows:
                variables.add((rows, window))
            elif window >= 0:
                free.add(window)
    return variables, free


@pytest.mark.parametrize("broad_reach", [1, 3, 10**9])
@settings(max_examples=60, deadline=None)
@given(any_specs, nodes, windows, st.booleans())
def test_the_merged_program_is_the_textbook_one_merged(broad_reach, specs, query, window, split):
    constraints, _ = build_constraints(make_claims(specs))
    victims, region = query
    with patch.object(solver, "BROAD_REACH", broad_reach):
        program = _program(constraints, victims, region, ORDINAL0 + window[0],
                           ORDINAL0 + window[1], split)
    columns = program.matrix.tocsc()
    variables = [(frozenset(columns.indices[columns.indptr[j]:columns.indptr[j + 1]].tolist()),
                  int(program.window_of[j])) for j in range(columns.shape[1])]
    assert len(set(variables)) == len(variables)
    assert (set(variables), program.free) == textbook_variables(
        constraints, victims, region, program.windows)


def test_a_badly_scaled_program_still_gets_its_bounds():
    """Regression: on these two claims (a sub-type claimed far above its parent, counts near
    a billion) HiGHS's warm-started simplex ended with status Unknown, which aborted the
    tally with E400, and the from-scratch solve took weights near 1e-9 for zero and
    answered [0, 1,720,036,957]. By hand: falling short of the rebels' 945,729,728 costs
    less per person than exceeding the people's 573,345,652, so the cheapest fit puts all
    573,345,652 people among the rebels, and that is every combatant in SY/13 over days
    1-9 (up to the solver's relative error at this size)."""
    constraints, _ = build_constraints(make_claims([
        (("people", ("SY",)), (1, 9), "range", 573_340_266, 5_386),
        (("rebels", ("SY", "13")), (5, 9), "range", 945_729_728, 87_221_015),
    ]))
    solution = solve(constraints, "combatants", ("SY", "13"), ORDINAL0 + 1, ORDINAL0 + 9)
    [window] = solution.windows
    assert window.low == 573_345_652
    assert 573_345_652 <= window.high <= 573_345_652 * (1 + SOLVER_ERROR)
    assert [constraints[row].victims for row, _ in solution.violations] == ["rebels"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8).flatmap(lambda rows: st.tuples(
    st.lists(st.lists(st.booleans(), min_size=12, max_size=12), min_size=rows, max_size=rows),
    st.lists(st.integers(0, 2), min_size=rows, max_size=rows),
    st.lists(st.integers(0, 9), min_size=12, max_size=12))))
def test_shared_sums_keep_every_constraint_value(case):
    reach, node_of, counts = case
    matrix = sparse.csr_matrix(np.array(reach, dtype=float))
    constraint_rows, definitions = _factored(matrix, np.array(node_of))
    cols, sums = matrix.shape[1], definitions.shape[0]
    # Each definition row is "sum - its variables = 0", with a 1 on its own sum alone.
    assert (definitions[:, cols:].toarray() == np.identity(sums)).all()
    counts = np.array(counts, dtype=float)
    totals = np.concatenate([counts, -definitions[:, :cols] @ counts])
    assert (constraint_rows @ totals == matrix @ counts).all()
    assert constraint_rows.nnz + definitions.nnz <= matrix.nnz


def test_country_wide_claims_are_rewritten_over_shared_sums():
    """Three claims on all of Syria and four towns' own claims: Syria's rows reach 6 + 5 + 5
    variables (days 1-2 everywhere; days 3-4 outside the towns' day 3; each town's day 3), 16
    non-zeros; over two shared sums (days 1-2; days 3-4) they take 2 + 1 + 1, plus 6 + 2 to
    define the sums, 12. By hand: 20 people over days 1-4 and 12 to 15 over days 3-4 leave
    5 to 8 for days 1-2."""
    claims = [
        stored(20, first="2020-01-01", last="2020-01-04", document="a"),
        stored(12, "at_least", first="2020-01-03", last="2020-01-04", document="b"),
        stored(15, "at_most", first="2020-01-03", last="2020-01-04", document="c"),
    ] + [stored(1, first="2020-01-03", region=("SY", "09", f"@{town}"), document=f"t{town}")
         for town in range(4)]
    constraints, _ = build_constraints(claims)
    first, last = ORDINAL0, ORDINAL0 + 1
    program = _program(constraints, "people", ("SY",), first, last, split=False)
    assert program.matrix.shape == (7, 6)
    constraint_rows, definitions = _factored(program.matrix, program.node_of)
    assert (program.matrix.nnz, constraint_rows.nnz + definitions.nnz) == (20, 16)
    solution = solve(constraints, "people", ("SY",), first, last)
    assert [(w.low, w.high) for w in solution.windows] == [(5, 8)]
    assert solution == solve(constraints, "people", ("SY",), first, last, general=True)
