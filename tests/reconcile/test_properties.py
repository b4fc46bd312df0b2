"""Properties of the tally: repeats add nothing, the truth always lies within the bounds,
and contradictions are reported, never fatal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bilan.reconcile import tally, timeline
from bilan.reconcile.constraints import region_lineage, victim_lineage
from bilan.records import QUALIFIERS
from tests.reconcile.claims import stored

DAY0 = date(2020, 1, 1)
DAYS = 12
# Leaf cells of the generated world: every claim and query is a node above some of them.
LEAF_TYPES = ("children", "women", "rebels", "other")
LEAF_REGIONS = (("SY", "09", "@1"), ("SY", "09", "@2"), ("SY", "13", "@3"), ("SY",))
TYPE_NODES = ("people", "civilians", "combatants", "children", "women", "rebels")
REGION_NODES = (("SY",), ("SY", "09"), ("SY", "13"), ("SY", "09", "@1"), ("SY", "09", "@2"),
                ("SY", "13", "@3"))

windows = st.tuples(st.integers(0, DAYS - 1), st.integers(0, DAYS - 1)).map(sorted)
nodes = st.tuples(st.sampled_from(TYPE_NODES), st.sampled_from(REGION_NODES))


def day(offset: int) -> str:
    return (DAY0 + timedelta(days=offset)).isoformat()


def true_total(counts, victims, region, first, last):
    return sum(
        counts[(t, r, d)] for t in LEAF_TYPES for r in LEAF_REGIONS for d in range(first, last + 1)
        if victims in victim_lineage(t) and region in region_lineage(r)
    )


def answer(claims, victims, region, first, last):
    result = tally(claims, outcome="killed", victims=victims, region=region,
                   first=DAY0 + timedelta(days=first), last=DAY0 + timedelta(days=last))
    return result.series[0], result


claim_specs = st.lists(
    st.tuples(nodes, windows, st.sampled_from(QUALIFIERS), st.integers(0, 50),
              st.integers(0, 30)),
    min_size=1, max_size=12,
)


def make_claims(specs):
    return [
        stored(value, qualifier, first=day(first), last=day(last), victims=victims,
               region=region, high=value + extra if qualifier == "range" else None,
               document=f"d{index}")
        for index, ((victims, region), (first, last), qualifier, value, extra)
        in enumerate(specs)
    ]


@settings(max_examples=60, deadline=None)
@given(claim_specs, st.data(), nodes, windows)
def test_repeating_a_claim_changes_no_answer(specs, data, query, window):
    claims = make_claims(specs)
    repeated = data.draw(st.sampled_from(claims))
    document = data.draw(st.sampled_from([repeated.document, "elsewhere"]))
    again = replace(repeated, document=document, claim=replace(repeated.claim, id="again"))
    before, _ = answer(claims, *query, *window)
    after, _ = answer(claims + [again], *query, *window)
    assert (after.low, after.high) == (before.low, before.high)


def true_claims(counts, claimed):
    """Exact claims of the true totals of the given (node, window) pairs."""
    return [
        stored(true_total(counts, victims, region, first, last), first=day(first),
               last=day(last), victims=victims, region=region, document=f"d{index}")
        for index, ((victims, region), (first, last)) in enumerate(claimed)
    ]


counts_strategy = st.fixed_dictionaries({
    (t, r, d): st.integers(0, 20) for t in LEAF_TYPES for r in LEAF_REGIONS for d in range(DAYS)
})


@settings(max_examples=60, deadline=None)
@given(counts_strategy, st.lists(st.tuples(nodes, windows), min_size=1, max_size=15), nodes,
       windows)
def test_the_true_total_lies_within_the_bounds(counts, claimed, query, window):
    claims = true_claims(counts, claimed)
    bounds, result = answer(claims, *query, *window)
    truth = true_total(counts, *query, *window)
    assert bounds.low <= truth
    assert bounds.high is None or truth <= bounds.high
    assert result.contradictions == ()


@settings(max_examples=60, deadline=None)
@given(counts_strategy, st.lists(st.tuples(nodes, windows), min_size=1, max_size=8), nodes,
       windows)
def test_the_timeline_holds_the_truth_of_every_day(counts, claimed, query, window):
    claims = true_claims(counts, claimed)
    first, last = window
    result = timeline(claims, outcome="killed", victims=query[0], region=query[1],
                      first=DAY0 + timedelta(days=first), last=DAY0 + timedelta(days=last))
    assert len(result.series) == last - first + 1
    for offset, bounds in zip(range(first, last + 1), result.series, strict=True):
        truth = true_total(counts, *query, offset, offset)
        assert bounds.low <= truth and (bounds.high is None or truth <= bounds.high)


@settings(max_examples=60, deadline=None)
@given(claim_specs, nodes, windows)
def test_any_claims_give_an_answer(specs, query, window):
    bounds, _ = answer(make_claims(specs), *query, *window)
    assert bounds.low >= 0
    assert bounds.high is None or bounds.low <= bounds.high


@settings(max_examples=40, deadline=None)
@given(nodes, windows, st.integers(0, 50), st.integers(1, 50))
def test_two_exact_counts_of_one_cell_are_a_contradiction(node, window, value, gap):
    victims, region = node
    first, last = window
    claims = [
        stored(value, first=day(first), last=day(last), victims=victims, region=region,
               document="a"),
        stored(value + gap, first=day(first), last=day(last), victims=victims, region=region,
               document="b"),
    ]
    bounds, result = answer(claims, victims, region, first, last)
    assert result.contradictions
    assert value <= bounds.low <= (bounds.high if bounds.high is not None else value + gap)
    assert bounds.high is not None and bounds.high <= value + gap
