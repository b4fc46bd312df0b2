"""Tallies and timelines over hand-made claims; every expected value worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from bilan.errors import QueryError
from bilan.reconcile import tally, timeline
from tests.reconcile.claims import stored

D = date.fromisoformat
ALEPPO = ("SY", "09", "@170063")
MAREA = ("SY", "09", "@163345")
DAMASCUS = ("SY", "13", "@170654")


def window(claims, first, last, **query):
    result = tally(claims, outcome="killed", first=D(first), last=D(last), **query)
    [bounds] = result.series
    return bounds.low, bounds.high


def test_no_claim_allows_anything_from_zero():
    assert window([], "2013-12-15", "2013-12-15") == (0, None)


def test_an_exact_claim_bounds_its_own_window():
    claims = [stored(301, first="2013-12-15", last="2013-12-22", region=ALEPPO)]
    assert window(claims, "2013-12-15", "2013-12-22", region=ALEPPO) == (301, 301)
    # Part of its window: anything up to the whole; a wider one: at least the whole.
    assert window(claims, "2013-12-15", "2013-12-18", region=ALEPPO) == (0, 301)
    assert window(claims, "2013-12-01", "2013-12-31", region=ALEPPO) == (301, None)


def test_overlapping_claims_bound_the_day_between_them():
    claims = [
        stored(330, "more_than", first="2013-12-15", last="2013-12-23", region=ALEPPO),
        stored(301, first="2013-12-15", last="2013-12-22", region=ALEPPO),
    ]
    assert window(claims, "2013-12-23", "2013-12-23", region=ALEPPO) == (30, None)


def test_a_country_holds_its_towns_and_a_town_is_bounded_by_its_country():
    claims = [
        stored(100, region=("SY",)),
        stored(60, region=ALEPPO),
        stored(10, region=MAREA),
    ]
    assert window(claims, "2013-12-15", "2013-12-15", region=("SY",)) == (100, 100)
    assert window(claims, "2013-12-15", "2013-12-15", region=("SY", "09")) == (70, 100)
    # Damascus gets what Syria's 100 leaves after Aleppo's 60 and Marea's 10.
    assert window(claims, "2013-12-15", "2013-12-15", region=DAMASCUS) == (0, 30)


def test_sub_types_sum_into_their_parents():
    claims = [
        stored(301, region=ALEPPO),
        stored(87, victims="children", region=ALEPPO),
        stored(30, victims="women", region=ALEPPO),
        stored(30, victims="rebels", region=ALEPPO),
    ]
    assert window(claims, "2013-12-15", "2013-12-15", region=ALEPPO, victims="civilians") == (
        117, 271)
    # 301 − 87 children − 30 women − 30 rebels.
    assert window(claims, "2013-12-15", "2013-12-15", region=ALEPPO, victims="men") == (0, 154)
    assert window(claims, "2013-12-15", "2013-12-15", region=ALEPPO,
                  victims="combatants") == (30, 184)


def test_the_best_estimate_is_the_midpoint_or_the_low_bound():
    claims = [stored(10, "range", high=20), stored(5, "at_least", first="2013-12-16")]
    result = tally(claims, outcome="killed", first=D("2013-12-15"), last=D("2013-12-15"),
                   region=("SY",))
    assert result.series[0].best == 15
    result = tally(claims, outcome="killed", first=D("2013-12-16"), last=D("2013-12-16"),
                   region=("SY",))
    assert result.series[0].best == 5


def test_everywhere_includes_places_no_claim_covers():
    claims = [stored(10, region=("SY",))]
    assert window(claims, "2013-12-15", "2013-12-15") == (10, None)
    assert window(claims, "2013-12-15", "2013-12-15", region=("SY",)) == (10, 10)


def test_contradicting_claims_are_reported_not_fatal():
    claims = [stored(10, document="a"), stored(20, document="b")]
    result = tally(claims, outcome="killed", first=D("2013-12-15"), last=D("2013-12-15"),
                   region=("SY",))
    low, high = result.series[0].low, result.series[0].high
    assert 10 <= low <= high <= 20
    assert len(result.contradictions) >= 1
    assert {c.constraint.low for c in result.contradictions} <= {10, 20}


def test_other_outcomes_causes_and_countries_are_left_out():
    claims = [stored(10), stored(99, outcome="injured"), stored(7, region=("IQ",))]
    assert window(claims, "2013-12-15", "2013-12-15", region=("SY",)) == (10, 10)
    result = tally(claims, outcome="killed", first=D("2013-12-15"), last=D("2013-12-15"),
                   cause="accident")
    assert result.evidence == ()


def test_evidence_is_the_claims_connected_to_the_window():
    near = stored(301, first="2013-12-15", last="2013-12-22")
    wide = stored(330, "more_than", first="2013-12-15", last="2013-12-23")
    far = stored(5, first="2014-01-10")
    result = tally([near, wide, far], outcome="killed", first=D("2013-12-23"),
                   last=D("2013-12-23"))
    assert {c.claims[0] for c in result.evidence} == {near, wide}


def test_unplaceable_claims_are_reported():
    undated = stored(7, first=None)
    result = tally([undated, stored(3)], outcome="killed", first=D("2013-12-15"),
                   last=D("2013-12-15"))
    assert result.unplaceable == (undated,)
    assert result.series[0].low == 3


def test_a_window_ending_before_it_starts_is_refused():
    with pytest.raises(QueryError, match="after"):
        tally([], outcome="killed", first=D("2013-12-15"), last=D("2013-12-14"))


def test_the_timeline_cuts_days_at_claim_boundaries():
    claims = [
        stored(1775, first="2024-05-10", last="2024-05-11"),
        stored(4073, first="2024-05-10", last="2024-05-12"),
    ]
    result = timeline(claims, outcome="killed", first=D("2024-05-10"), last=D("2024-05-13"),
                      region=("SY",))
    days = [(b.first.isoformat(), b.low, b.high, b.best) for b in result.series]
    assert days == [
        ("2024-05-10", 0, 1775, 1775 / 2),
        ("2024-05-11", 0, 1775, 1775 / 2),
        ("2024-05-12", 2298, 2298, 2298),
        ("2024-05-13", 0, None, 0),
    ]


def test_millions_are_counted_to_the_person():
    claims = [
        stored(3_600_000, first="2022-02-24", last="2022-03-25", outcome="displaced"),
        stored(1_200_001, first="2022-02-24", last="2022-03-10", outcome="displaced"),
    ]
    result = tally(claims, outcome="displaced", region=("SY",), first=D("2022-03-11"),
                   last=D("2022-03-25"))
    assert (result.series[0].low, result.series[0].high) == (2_399_999, 2_399_999)
    assert result.contradictions == ()
