"""Extraction quality on the development sets, scored as the gold guide says.

These guard against regressions; the thresholds are the project's bars.
"""

import pytest

from bilan.evaluate import FIELDS, score_gold_file
from tests.conftest import GOLD

BAR_F1 = 0.90
BAR_FIELD = 0.85

# (gold file, language scored): written French and English reports, real French news.
SETS = {
    "dev-fr": ("dev.jsonl", "fr"),
    "orangesum": ("dev-orangesum.jsonl", "fr"),
    "dev-en-part": ("dev.jsonl", "en"),
    "dev-en": ("dev-en.jsonl", "en"),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def score(request):
    name, lang = SETS[request.param]
    return score_gold_file(GOLD / name, lang=lang)


def test_claim_f1(score):
    assert score.f1 >= BAR_F1


@pytest.mark.parametrize("field", FIELDS)
def test_field(score, field):
    assert score.field_accuracy()[field] >= BAR_FIELD
