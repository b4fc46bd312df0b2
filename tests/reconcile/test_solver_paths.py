"""The warm-started solver gives the general LP's answers, and its bounds are attained.

The general path (`solve(..., general=True)`: three SciPy `linprog` calls from scratch per
window) is the reference; the claim sets are random, so many contradict each other."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bilan.reconcile.constraints import build_constraints
from bilan.reconcile.solver import _program, _query_component, _WarmFit, solve
from tests.reconcile.test_properties import DAY0, claim_specs, make_claims, nodes, windows

ORDINAL0 = DAY0.toordinal()


@settings(max_examples=80, deadline=None)
@given(claim_specs, nodes, windows, st.booleans())
def test_the_warm_path_answers_as_the_general_lp(specs, query, window, split):
    constraints, _ = build_constraints(make_claims(specs))
    victims, region = query
    first, last = ORDINAL0 + window[0], ORDINAL0 + window[1]
    general = solve(constraints, victims, region, first, last, split, general=True)
    warm = solve(constraints, victims, region, first, last, split)
    assert warm.windows == general.windows
    assert warm.used == general.used


def violation(matrix, lows, highs, counts) -> float:
    """The weighted violation of the constraints by these counts, computed afresh."""
    totals = matrix @ counts
    under = np.maximum(0.0, lows - totals) / np.maximum(1.0, lows)
    capped = np.array([high is not None for high in highs])
    high_values = np.array([high if high is not None else 0 for high in highs], dtype=float)
    over = np.where(capped, np.maximum(0.0, totals - high_values), 0.0)
    return float(under.sum() + (over / np.maximum(1.0, high_values)).sum())


@settings(max_examples=80, deadline=None)
@given(claim_specs, nodes, windows)
def test_the_min_and_max_are_attained_by_a_fit(specs, query, window):
    constraints, _ = build_constraints(make_claims(specs))
    victims, region = query
    program = _program(constraints, victims, region, ORDINAL0 + window[0],
                       ORDINAL0 + window[1], split=False)
    rows, cols = _query_component(program)
    matrix = program.matrix[rows][:, cols]
    lows = np.array([constraints[i].low for i in rows], dtype=float)
    highs = [constraints[i].high for i in rows]
    fit = _WarmFit(matrix, lows, highs)
    objective = (program.window_of[cols] == 0).astype(float)
    for maximise in (False, True):
        bound = fit.bound(objective, maximise)
        if bound is None or not objective.any():
            continue
        counts = fit.witness()[: len(cols)]
        assert counts.min() >= -1e-7
        assert abs(objective @ counts - bound) <= 1e-6
        assert violation(matrix, lows, highs, counts) <= fit.best * (1 + 1e-8) + 1e-7
