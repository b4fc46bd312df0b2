"""The scorer, as the gold guide's Scoring section defines it."""

from bilan.evaluate import Score, score_document


def claim(cid, value, outcome="killed", victims="people", **fields):
    base = {
        "id": cid, "quote": f"{value} morts", "outcome": outcome, "victims": victims,
        "count": {"value": value, "qualifier": "exact"}, "cause": "violence", "part_of": None,
        "period": None, "place": "Alep", "lat": 36.2, "lon": 37.13, "country": "SY",
        "source": "l'OSDH", "source_type": "ngo",
    }
    base.update(fields)
    return base


TEXT = "10 morts. 5 morts."


def test_match_needs_outcome_victims_and_value():
    score = Score()
    gold = [claim("c1", 10), claim("c2", 5)]
    predicted = [claim("c1", 10), claim("c2", 5, victims="civilians")]
    score_document(score, "d", TEXT, gold, predicted)
    assert (score.true_positives, score.precision, score.recall) == (1, 0.5, 0.5)


def test_place_within_30_km_and_source_names_normalised():
    score = Score()
    gold = [claim("c1", 10)]
    predicted = [claim("c1", 10, lat=36.4, lon=37.13, source="OSDH")]  # ~22 km north
    score_document(score, "d", TEXT, gold, predicted)
    accuracy = score.field_accuracy()
    assert accuracy["place"] == 1.0 and accuracy["source"] == 1.0


def test_place_too_far_is_wrong():
    score = Score()
    score_document(score, "d", TEXT, [claim("c1", 10)], [claim("c1", 10, lat=37.0, lon=37.13)])
    assert score.field_accuracy()["place"] == 0.0


def test_part_of_must_point_at_the_matched_parent():
    score = Score()
    gold = [claim("c1", 10), claim("c2", 5, part_of="c1")]
    right = [claim("p1", 10), claim("p2", 5, part_of="p1")]
    score_document(score, "d", TEXT, gold, right)
    assert score.field_accuracy()["part_of"] == 1.0
    wrong = Score()
    score_document(wrong, "d", TEXT, gold, [claim("p1", 10), claim("p2", 5, part_of=None)])
    assert wrong.field_accuracy()["part_of"] == 0.5
