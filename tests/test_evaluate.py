"""The scorer, as the gold guide's Scoring section defines it."""

import json
from datetime import date

import pytest

from bilan.cli import main
from bilan.errors import InputError
from bilan.evaluate import Score, gold_document, score_document


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


GOLD_LINE = {"id": "d1", "lang": "fr", "published": "2013-12-23", "text": TEXT,
             "claims": [claim("c1", 10)]}


def _line(**changes) -> str:
    return json.dumps({**GOLD_LINE, **changes})


def _claim_line(**changes) -> str:
    return _line(claims=[{**claim("c1", 10), **changes}])


@pytest.mark.parametrize(("line", "code"), [
    # Regression: each of these ended in "[E900] internal error", exit 4.
    (_claim_line(quote=None), "E139"),
    (_claim_line(count="10"), "E139"),
    (_claim_line(count={"value": "10", "qualifier": "exact"}), "E139"),
    (_claim_line(period="2013-12-23"), "E139"),
    (_claim_line(source=["OSDH"]), "E139"),
    (_line(claims=["c1"]), "E139"),
    (_line(published="2013-13-45"), "E141"),
    (_line(published="23/12/2013"), "E140"),
    (_line(text=None), "E134"),
    ("[" * 200_000 + "]" * 200_000, "E132"),
    # Before: a JSONDecodeError traceback.
    ('{"id": "d1", "text": ', "E130"),
    (_line(claims="c1"), "E131"),
])
def test_a_gold_line_the_scorer_cannot_read_is_a_coded_error(line, code):
    with pytest.raises(InputError) as caught:
        gold_document(line, "gold.jsonl, line 3", 3)
    assert caught.value.code == code and "gold.jsonl, line 3" in str(caught.value)


def test_a_gold_line_with_nulls_where_fields_may_be_absent_is_read():
    line = _claim_line(start=None, part_of=None, period={"start": None, "end": None})
    document = gold_document(line, "gold.jsonl, line 1", 1)
    assert (document.id, document.published, len(document.claims)) == (
        "d1", date(2013, 12, 23), 1)
    score = Score()
    score_document(score, document.id, document.text, document.claims, [claim("c1", 10)])
    assert score.true_positives == 1


def test_evaluate_names_the_gold_claim_it_cannot_score(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_text(_line() + "\n" + _claim_line(count=None) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 1
    assert "[E139] " + f"{path}, line 2: gold claim 1 cannot be scored" in capsys.readouterr().err
