"""A report's incidents on real extracted reports: restatements counted once, separate
operations added, summaries, vague numbers by convention. Expected totals are the
reports' own, counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

from bilan.errors import QueryError
from bilan.extract import Extractor
from bilan.incidents import apply_convention, report_incidents, top_level
from bilan.incidents.lexicon import convention
from bilan.pipeline.quantities import CountFinder
from bilan.records import Count

PUBLISHED = date(2011, 3, 3)


def _incidents(extractor, text: str, lang: str, convention: str = "guide"):
    claims = extractor.extract(text, PUBLISHED)
    return claims, report_incidents("doc", text, claims, lang=lang, convention=convention)


def _total(incidents, outcome: str) -> int:
    return sum(i.totals[outcome].low for i in top_level(incidents) if outcome in i.totals)


def test_killing_three_of_them_restates_the_three_killed(english):
    claims, incidents = _incidents(
        english, "Afghan and coalition forces killed three insurgents in Nad Ali district, "
        "Helmand province, yesterday. The force engaged a group of insurgents, killing three "
        "of them.", "en")
    assert len(claims) == 2
    assert len(incidents) == 1
    assert incidents[0].restates == {claims[1].id: [claims[0].id]}
    assert incidents[0].claims == [claims[0].id, claims[1].id]
    assert _total(incidents, "killed") == 3


def test_a_headline_restated_by_the_body_is_counted_once(english):
    claims, incidents = _incidents(
        english, "Coalition forces kill two insurgents in Kandahar\nKABUL, Afghanistan (March "
        "3, 2011) - Afghan and coalition forces killed two insurgents in Zharay district, "
        "Kandahar province, yesterday.", "en")
    assert len(claims) == 2
    assert _total(incidents, "killed") == 2


def test_separate_operations_add_even_with_equal_counts(english):
    claims, incidents = _incidents(
        english, "Afghan and coalition forces killed two insurgents in Nad Ali district, "
        "Helmand province, yesterday. In a separate operation in Nad Ali district, the force "
        "killed two insurgents.", "en")
    assert len(claims) == 2
    assert len(top_level(incidents)) == 2
    assert _total(incidents, "killed") == 4


def test_a_summary_sentence_totals_two_operations_in_a_parent_incident(english):
    claims, incidents = _incidents(
        english, "Afghan and coalition forces killed two insurgents in Nad Ali district, "
        "Helmand province, yesterday. In a separate operation in Sangin district, Helmand "
        "province, the force killed one insurgent. In total, three insurgents were killed.",
        "en")
    assert [c.count.value for c in claims] == [2, 1, 3]
    top = top_level(incidents)
    assert len(top) == 1
    assert len(top[0].children) == 2
    assert top[0].restates == {claims[2].id: [claims[0].id, claims[1].id]}
    assert _total(incidents, "killed") == 3
    children = [i for i in incidents if i.parent == top[0].id]
    assert sorted(i.totals["killed"].low for i in children) == [1, 2]


def test_an_additional_suspect_is_not_a_restatement(english):
    _, incidents = _incidents(
        english, "In Balkh district, Balkh province, a combined Afghan and coalition security "
        "force captured a Taliban facilitator during a security operation yesterday. The "
        "security force detained one additional suspected insurgent during the operation.",
        "en")
    assert _total(incidents, "detained") == 2
    assert incidents[0].event_type == "Strategic developments"
    assert incidents[0].sub_event_type == "Arrests"


def test_a_vague_lead_totals_the_counts_after_it(english):
    claims, incidents = _incidents(
        english, "A combined force killed several insurgents in Kajaki district, Helmand "
        "province, today. The force returned fire, killing four insurgents. Later, close air "
        "support killed all 11 insurgents in a group that approached the force.", "en")
    assert [c.count.value for c in claims] == [2, 4, 11]
    assert _total(incidents, "killed") == 15
    assert incidents[0].sub_event_type == "Air/drone strike"
    assert incidents[0].means == "air strike"


def test_these_17_dead_restate_the_17_killed(extractor):
    claims, incidents = _incidents(
        extractor, "Au moins 17 personnes ont été tuées samedi dans un attentat contre un "
        "marché de Quetta, au Pakistan. Ces 17 morts sont tous des civils, a précisé la "
        "police.", "fr")
    assert len(claims) == 2
    assert incidents[0].restates == {claims[1].id: [claims[0].id]}
    assert incidents[0].totals["killed"].low == 17
    assert incidents[0].event_type == "Explosions/Remote violence"


def test_the_attack_that_killed_three_is_the_three_soldiers_killed(extractor):
    _, incidents = _incidents(
        extractor, "Trois soldats ont été tués mardi dans une embuscade près de Gao, au Mali. "
        "L'attaque, qui a fait trois morts, a été revendiquée par le JNIM.", "fr")
    assert len(incidents) == 1
    incident = incidents[0]
    assert (incident.totals["killed"].low, incident.totals["killed"].high) == (3, 3)
    assert (incident.actor1.name, incident.actor1.type) == ("JNIM", "rebel group")
    assert incident.actor2.type == "state forces"
    assert incident.event_type == "Battles"


def test_a_restated_typed_toll_bounds_its_own_type(english):
    # Regression: two claims of soldiers in one strand were tallied over people of every
    # type, which left the total unbounded above.
    _, incidents = _incidents(
        english, "Three soldiers were killed on Tuesday in an ambush near Gao, Mali. The "
        "three soldiers killed in the ambush were buried on Thursday.", "en")
    killed = [i.totals["killed"] for i in top_level(incidents) if "killed" in i.totals]
    assert [(t.low, t.high) for t in killed] == [(3, 3)]


@pytest.mark.parametrize(("convention", "expected"), [("guide", 2), ("isaf", 3), ("acled", 10)])
def test_several_by_convention(english, convention, expected):
    _, incidents = _incidents(
        english, "An Afghan and coalition security force detained several suspected "
        "insurgents in Sabari district, Khost province, yesterday.", "en", convention)
    assert _total(incidents, "detained") == expected


@pytest.fixture(scope="module")
def isaf_english():
    """An English extractor that reads the ISAF convention's vague words."""
    return Extractor("en", convention_words=convention("isaf").words)


@pytest.mark.parametrize(("text", "outcome", "value"), [
    ("An Afghan and coalition security force detained numerous suspected insurgents in "
     "Qalat district, Zabul province, yesterday.", "detained", 4),
    ("The security force also detained a number of other suspected insurgents in Kandahar "
     "province today.", "detained", 4),
    ("The air weapons team engaged the enemy position in Dangam district, killing numerous "
     "insurgents.", "killed", 4),
    ("Coalition forces killed a few insurgents in Nawa district yesterday.", "killed", 3),
])
def test_vague_words_the_guide_leaves_without_value_count_under_isaf_only(
        english, isaf_english, text, outcome, value):
    # Regression (issue 9): the ISAF coders count "numerous" and "a number of" as 4; the
    # gold guide gives them no value (no claim), and its claims must not change.
    assert all(c.count.value != value for c in english.extract(text, PUBLISHED))
    claims = isaf_english.extract(text, PUBLISHED)
    assert [(c.outcome, c.count) for c in claims] == [(outcome, Count(value, "vague"))]
    incidents = report_incidents("doc", text, claims, lang="en", convention="isaf")
    assert _total(incidents, outcome) == value


def test_a_convention_word_the_lexicon_reads_keeps_the_lexicon_reading():
    # "hundreds of thousands" stays 200000 under ACLED's "hundreds": 100; "a few" is read
    # whole though "a" alone is one.
    finder = CountFinder("en", {"hundreds": 100, "a few": 3})
    words = "hundreds of thousands fled and a few died".split()
    assert [c.count for c in finder.find(words, [True] * len(words))] == [
        Count(200000, "vague"), Count(3, "vague")]


ISAF_OPERATIONS = (
    "Afghan and coalition forces detained more than 10 suspected insurgents during four "
    "operations in southern Afghanistan yesterday. In Shah Joy district, Zabul province, "
    "a security force detained two suspected insurgents.")


def test_a_count_over_several_operations_gives_way_to_the_detailed_ones_under_isaf(english):
    # Regression (issue 9): the ISAF coders count the operations a release details; the
    # guide counts the lead (more than 10).
    claims, incidents = _incidents(english, ISAF_OPERATIONS, "en", "isaf")
    assert [c.count.value for c in claims] == [10, 2]
    assert _total(incidents, "detained") == 2
    assert [i.claims for i in incidents] == [["c1", "c2"]]
    assert incidents[0].restates == {"c1": ["c2"]}
    assert _total(_incidents(english, ISAF_OPERATIONS, "en", "guide")[1], "detained") > 10


def test_counts_over_operations_detailed_by_another_such_count_give_way_to_the_last(english):
    # Regression: the middle count, over operations itself, gave way too, and the first
    # found no incident to go to.
    text = ISAF_OPERATIONS.replace(
        "In Shah Joy", "In Zabul province, forces detained five suspected insurgents during "
        "two separate operations. In Shah Joy")
    claims, incidents = _incidents(english, text, "en", "isaf")
    assert [c.count.value for c in claims] == [10, 5, 2]
    assert _total(incidents, "detained") == 2
    assert incidents[0].restates == {"c1": ["c3"], "c2": ["c3"]}


@pytest.mark.parametrize(("convention", "expected"), [("guide", 4), ("isaf", 3)])
def test_the_forces_own_losses_are_out_of_isaf_totals(english, convention, expected):
    # Regression (issue 9): the ISAF coders count whom the forces killed or captured.
    claims, incidents = _incidents(
        english, "Afghan and coalition forces killed three insurgents in Chak district, "
        "Wardak province, yesterday. One Afghan soldier was killed during the operation.",
        "en", convention)
    assert [c.victims for c in claims] == ["rebels", "security_forces"]
    assert _total(incidents, "killed") == expected
    assert [i.uncounted for i in incidents] == ([[]] if convention == "guide" else [["c2"]])


def test_conventions_touch_only_vague_counts_and_reject_unknown_names():
    assert apply_convention(Count(5, "exact"), "five several", "en", "isaf") == Count(5, "exact")
    assert apply_convention(Count(2, "vague"), "a couple of", "en", "isaf").value == 2
    assert apply_convention(Count(2, "vague"), "plusieurs civils", "fr", "isaf").value == 3
    assert apply_convention(Count(20, "vague"), "des dizaines", "fr", "acled").value == 12
    with pytest.raises(QueryError, match="--convention 'nato'"):
        apply_convention(Count(2, "vague"), "several", "en", "nato")
