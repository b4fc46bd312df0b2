"""Number expressions: values and qualifiers, read from token texts only."""

import pytest

from tests.pipeline.counting import counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("301 morts", (301, "exact", None)),
        ("plus de 330 morts", (330, "more_than", None)),
        ("au moins 45 personnes", (45, "at_least", None)),
        ("Plus de 3.800 personnes", (3800, "more_than", None)),
        ("1 400 élèves", (1400, "exact", None)),
        ("1\u00a0354 morts", (1354, "exact", None)),
        ("2,5 millions de personnes", (2_500_000, "exact", None)),
        ("quelque deux millions de personnes", (2_000_000, "about", None)),
        ("cent vingt et un élèves", (121, "exact", None)),
        ("Vingt-sept soldats", (27, "exact", None)),
        ("une centaine d'enfants", (100, "about", None)),
        ("une vingtaine de blessés", (20, "about", None)),
        ("près de 50 morts", (50, "about", None)),
        ("jusqu'à 20 personnes", (20, "at_most", None)),
        ("moins de 10 morts", (10, "less_than", None)),
        ("entre 150.000 et 185.000 personnes", (150_000, "range", 185_000)),
        ("entre deux et trois soldats", (2, "range", 3)),
        ("plusieurs soldats", (2, "vague", None)),
        ("des dizaines de blessés", (20, "vague", None)),
        ("plusieurs dizaines de blessés", (20, "vague", None)),
        ("des dizaines de milliers d'habitants", (20_000, "vague", None)),
        ("des centaines de personnes", (200, "vague", None)),
        ("des milliers d'habitants", (2000, "vague", None)),
    ],
)
def test_first_count(text, expected):
    assert counts(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Mexique a franchi mercredi la barre des 1.000 morts", (1000, "more_than", None)),
        ("Le bilan reste sous la barre des 100 morts", (100, "less_than", None)),
        ("Elle évoque la barre des 100 morts", (100, "exact", None)),
    ],
)
def test_thresholds(text, expected):
    assert counts(text)[0] == expected


def test_numbers_in_a_sentence_are_all_found():
    found = counts("faisant au moins 51 morts et plus de 130 blessés")
    assert found == [(51, "at_least", None), (130, "more_than", None)]
