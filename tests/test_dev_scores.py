"""Extraction quality on the development sets, scored as the gold guide says.

These guard against regressions; the thresholds are the project's bars.
"""

import pytest

from bilan.evaluate import FIELDS, score_gold_file
from tests.conftest import GOLD

BAR_F1 = 0.90
BAR_FIELD = 0.85


@pytest.fixture(scope="module")
def dev_score():
    return score_gold_file(GOLD / "dev.jsonl", lang="fr")


def test_dev_french_claim_f1(dev_score):
    assert dev_score.f1 >= BAR_F1


@pytest.mark.parametrize("field", FIELDS)
def test_dev_french_field(dev_score, field):
    assert dev_score.field_accuracy()[field] >= BAR_FIELD


@pytest.fixture(scope="module")
def orangesum_score():
    return score_gold_file(GOLD / "dev-orangesum.jsonl", lang="fr")


def test_orangesum_claim_f1(orangesum_score):
    assert orangesum_score.f1 >= BAR_F1


@pytest.mark.parametrize("field", FIELDS)
def test_orangesum_field(orangesum_score, field):
    assert orangesum_score.field_accuracy()[field] >= BAR_FIELD


@pytest.fixture(scope="module")
def dev_english_score():
    return score_gold_file(GOLD / "dev.jsonl", lang="en")


def test_dev_english_claim_f1(dev_english_score):
    assert dev_english_score.f1 >= BAR_F1


@pytest.mark.parametrize("field", FIELDS)
def test_dev_english_field(dev_english_score, field):
    assert dev_english_score.field_accuracy()[field] >= BAR_FIELD


@pytest.fixture(scope="module")
def dev_en_score():
    return score_gold_file(GOLD / "dev-en.jsonl", lang="en")


def test_dev_en_claim_f1(dev_en_score):
    assert dev_en_score.f1 >= BAR_F1


@pytest.mark.parametrize("field", FIELDS)
def test_dev_en_field(dev_en_score, field):
    assert dev_en_score.field_accuracy()[field] >= BAR_FIELD
