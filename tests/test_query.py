"""bilan.query, the layer under the command line and the HTTP API, called as a library."""

from __future__ import annotations

from datetime import date

import pytest

import bilan
from bilan.errors import QueryError, UnknownPlaceError
from bilan.query import renumbered
from bilan.records import Claim, Count
from bilan.store import Store
from tests.api.gold_store import fill_with_gold

D = date.fromisoformat


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("query") / "bilan.db")
    fill_with_gold(path)
    with Store(path) as store:
        yield store


def test_a_tally_from_python(store):
    answer = bilan.query.tally(store, outcome="killed", place="Goma", first=D("2025-01-27"),
                               last=D("2025-01-29"))
    bounds = answer.result.series[0]
    assert (bounds.low, bounds.high) == (114, 114)
    claims, reports = answer.rests_on()
    assert claims >= 1 and reports >= 1
    assert answer.to_dict()["claims"] == claims


def test_the_tally_policy_counts_unplaced_claims_as_unplaceable(store):
    # Claims with no place cannot be put in the Ghouta, nor left out silently.
    answer = bilan.query.tally(store, outcome="killed", place="Ghouta orientale",
                               first=D("2018-02-18"), last=D("2018-02-22"))
    assert all(c.region is None or c.region[0] == "SY" for e in answer.result.evidence
               for c in e.claims)
    assert all(c.region is None for c in answer.result.unplaceable)


def test_binding_evidence_is_a_part_of_the_component(store):
    ask = {"outcome": "killed", "victims": "civilians", "place": "Ghouta orientale",
           "first": D("2018-02-18"), "last": D("2018-02-22")}
    binding = bilan.query.tally(store, **ask)
    component = bilan.query.tally(store, **ask, all_evidence=True)
    assert set(binding.evidence) < set(component.evidence)
    assert {c.constraint for c in binding.result.contradictions} <= set(binding.evidence)


def test_a_timeline_has_one_bounds_per_day(store):
    answer = bilan.query.timeline(store, outcome="killed", place="Ghouta orientale",
                                  first=D("2018-02-18"), last=D("2018-02-22"))
    assert [b.first for b in answer.result.series] == [D(f"2018-02-{d}") for d in range(18, 23)]


def test_claims_pages_count_every_match(store):
    page = bilan.query.claims(store, outcome="killed", place="Syrie", limit=5, offset=5)
    assert len(page.items) == 5 and page.offset == 5
    assert page.total == len(bilan.query.claims(store, outcome="killed", place="Syrie").items)
    assert all(c.claim.place and c.claim.place.country == "SY"
               for c in bilan.query.claims(store, place="Syrie").items)


@pytest.mark.parametrize(("ask", "error", "words"), [
    ({"limit": 0}, QueryError, "limit 0"),
    ({"offset": -1}, QueryError, "offset -1"),
    ({"first": D("2020-01-02"), "last": D("2020-01-01")}, QueryError, "after"),
    ({"place": "Xqzzyville"}, UnknownPlaceError, "Xqzzyville"),
])
def test_bad_claim_queries_are_refused(store, ask, error, words):
    with pytest.raises(error, match=words):
        bilan.query.claims(store, **ask)


def _claim(number: int, part_of: str | None, start: int) -> Claim:
    return Claim(id=f"c{number}", quote="x", outcome="killed", cause="violence",
                 victims="people", count=Count(3, "exact"), part_of=part_of, period=None,
                 place=None, source=None, start=start, end=start + 1, sentence_start=start,
                 sentence_end=start + 5)


def test_claims_of_a_later_chunk_are_numbered_after_the_earlier_ones():
    # A chunk's own c1 and c2 ("c2 part of c1") follow the 4 claims of earlier chunks,
    # 1000 characters into the report.
    out = renumbered([_claim(1, None, 10), _claim(2, "c1", 20)], 4, 1000)
    assert [(c.id, c.part_of, c.start, c.sentence_end) for c in out] == [
        ("c5", None, 1010, 1015), ("c6", "c5", 1020, 1025)]
