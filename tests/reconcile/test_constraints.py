"""Claims as constraints: bounds per qualifier, victim nesting, parts, dedupe, unplaceable."""

from __future__ import annotations

import pytest

from bilan.reconcile.constraints import bounds, build_constraints, victim_lineage
from bilan.records import Count
from tests.reconcile.claims import stored


@pytest.mark.parametrize(("count", "expected"), [
    (Count(301, "exact"), (301, 301)),
    (Count(30, "at_least"), (30, None)),
    (Count(330, "more_than"), (331, None)),
    (Count(20, "at_most"), (0, 20)),
    (Count(10, "less_than"), (0, 9)),
    (Count(0, "less_than"), (0, 0)),
    (Count(100, "about"), (90, 110)),
    # ± 10% rounds up, and is at least one person.
    (Count(5, "about"), (4, 6)),
    (Count(15, "about"), (13, 17)),
    (Count(10, "range", 15), (10, 15)),
    (Count(10, "range"), (10, None)),
    (Count(2, "vague"), (2, None)),
    (Count(0, "exact"), (0, 0)),
])
def test_bounds(count, expected):
    assert bounds(count) == expected


@pytest.mark.parametrize(("victims", "lineage"), [
    ("people", ("people",)),
    ("children", ("children", "civilians", "people")),
    ("journalists", ("journalists", "civilians", "people")),
    ("rebels", ("rebels", "combatants", "people")),
    ("security_forces", ("security_forces", "combatants", "people")),
    ("other", ("other", "people")),
])
def test_victim_lineage(victims, lineage):
    assert victim_lineage(victims) == lineage


def test_the_same_claim_in_many_documents_is_one_constraint_with_all_its_evidence():
    claims = [stored(301, last="2013-12-22", document=f"d{i}") for i in range(3)]
    constraints, unplaceable = build_constraints(claims)
    assert len(constraints) == 1 and unplaceable == []
    assert constraints[0].claims == tuple(claims)
    assert (constraints[0].low, constraints[0].high) == (301, 301)


def test_claims_without_a_whole_period_or_a_place_are_unplaceable():
    claims = [stored(5, first=None), stored(5, region=None)]
    constraints, unplaceable = build_constraints(claims)
    assert constraints == [] and unplaceable == claims


def test_a_smaller_count_of_the_same_cell_in_one_document_is_a_part_of_the_larger():
    whole = stored(12, victims="children")
    boy = stored(1, victims="children", part_of="c0")
    constraints, _ = build_constraints([whole, boy])
    assert sorted((c.low, c.high) for c in constraints) == [(1, None), (12, 12)]


def test_the_same_cell_in_two_documents_stays_two_constraints():
    constraints, _ = build_constraints([stored(12, document="a"), stored(1, document="b")])
    assert sorted((c.low, c.high) for c in constraints) == [(1, 1), (12, 12)]


def test_an_upper_bound_of_nothing_is_dropped():
    assert build_constraints([stored(0, "at_least")])[0] == []
