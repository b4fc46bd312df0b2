"""Language detection for `--lang auto`: French or English, per document."""

import pytest

from bilan.extract import Extractor
from bilan.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Au moins 12 personnes ont été tuées à Alep, a indiqué l'OSDH.", "fr"),
        ("At least 12 people were killed in Aleppo, the monitor said.", "en"),
        ("KABUL (Reuters) - A suicide bomber killed 63 people.", "en"),
        ("BAMAKO (AFP) - Deux soldats maliens ont été tués.", "fr"),
        ("12 345", "fr"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_a_declared_language_wins_only_when_supported():
    extractor = Extractor("auto")
    english = "Two soldiers were killed on Monday."
    assert extractor.language_of(english) == "en"
    assert extractor.language_of(english, "fr") == "fr"
    assert extractor.language_of(english, "de") == "en"


def test_a_forced_language_is_not_detected(english):
    assert english.language_of("Deux soldats ont été tués.", "fr") == "en"
