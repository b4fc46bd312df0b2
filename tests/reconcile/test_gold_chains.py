"""The three chains of reports in dev.jsonl that follow one toll over days give consistent
timelines. Claims come from the gold files (the English chain has no extraction yet);
every expected figure is worked out by hand from the claims quoted in each test."""

from __future__ import annotations

from datetime import date

from bilan.reconcile import tally, timeline
from tests.reconcile.claims import gold_claims

D = date.fromisoformat


def days(result):
    return {b.first.isoformat(): (b.low, b.high) for b in result.series}


def test_ghouta_civilians_killed_day_by_day():
    # fr-dev-010: at least 106 civilians 18-20 Feb, 77 on the 19th; fr-dev-011: at least 250
    # 18-21, 127 on the 20th, 44 on the 21st; fr-dev-012: at least 299 18-22, at least 346
    # 4-18 Feb (UN).
    claims = gold_claims("dev.jsonl", {"fr-dev-010", "fr-dev-011", "fr-dev-012"})
    region = next(c.region for c in claims if c.claim.place.name == "Ghouta orientale")
    result = timeline(claims, outcome="killed", victims="civilians", region=region,
                      first=D("2018-02-18"), last=D("2018-02-22"))
    series = days(result)
    assert series["2018-02-19"] == (77, 77)
    assert series["2018-02-20"] == (127, 127)
    assert series["2018-02-21"] == (44, 44)
    # 250 − (77 + 127 + 44) = 2 at least on the 18th.
    assert series["2018-02-18"][0] >= 2
    total = tally(claims, outcome="killed", victims="civilians", region=region,
                  first=D("2018-02-18"), last=D("2018-02-22")).series[0]
    assert total.low >= 299 and total.high is None
    # The 4-18 Feb wave and this one together: at least 346 + 299 − what the 18th may share.
    both = tally(claims, outcome="killed", victims="civilians", region=region,
                 first=D("2018-02-04"), last=D("2018-02-22")).series[0]
    assert both.low >= 346 + (77 + 127 + 44)


def test_ghouta_children_counts_that_do_not_add_up_are_reported():
    # 23 children 18-20 and 9 on the 21st make 32 over 18-21, where fr-dev-011 says 58.
    claims = gold_claims("dev.jsonl", {"fr-dev-010", "fr-dev-011", "fr-dev-012"})
    region = next(c.region for c in claims if c.claim.place.name == "Ghouta orientale")
    result = tally(claims, outcome="killed", victims="children", region=region,
                   first=D("2018-02-18"), last=D("2018-02-22"))
    quotes = {c.claim.quote for item in result.contradictions for c in item.constraint.claims}
    assert quotes & {"58 enfants", "23 enfants", "neuf enfants", "20 enfants"}
    # 67 children 18-22 (fr-dev-012) holds whatever the fit.
    assert result.series[0].low == 67


def test_goma_killed_over_the_days_of_the_offensive():
    # fr-dev-035: at least 25 killed 26-28 Jan; fr-dev-036: more than 100 killed 26-29 (UN),
    # 114 killed 27-29 (ICRC).
    claims = gold_claims("dev.jsonl", {"fr-dev-035", "fr-dev-036"})
    region = next(c.region for c in claims if c.claim.place and c.claim.place.name == "Goma")
    query = {"outcome": "killed", "region": region}
    assert days(tally(claims, first=D("2025-01-27"), last=D("2025-01-29"), **query)) == {
        "2025-01-27": (114, 114)}
    low, high = days(tally(claims, first=D("2025-01-26"), last=D("2025-01-29"), **query))[
        "2025-01-26"]
    assert (low, high) == (114, None)
    series = days(timeline(claims, first=D("2025-01-26"), last=D("2025-01-29"), **query))
    assert series["2025-01-29"] == (0, 114)
    assert series["2025-01-26"][1] is None
    assert not tally(claims, first=D("2025-01-26"), last=D("2025-01-29"), **query).contradictions


def test_vovchansk_displaced_day_by_day():
    # en-dev-007: 1,775 evacuated 10-11 May; en-dev-008: 4,073 10-12 May; en-dev-009: about
    # 6,000 10-13 May, read as 6,000 ± 600.
    claims = gold_claims("dev.jsonl", {"en-dev-007", "en-dev-008", "en-dev-009"})
    region = next(c.region for c in claims if c.claim.place.name == "Vovchansk")
    result = timeline(claims, outcome="displaced", region=region, first=D("2024-05-10"),
                      last=D("2024-05-13"))
    assert days(result) == {
        "2024-05-10": (0, 1775),
        "2024-05-11": (0, 1775),
        "2024-05-12": (4073 - 1775, 4073 - 1775),
        "2024-05-13": (5400 - 4073, 6600 - 4073),
    }
    assert not result.contradictions
