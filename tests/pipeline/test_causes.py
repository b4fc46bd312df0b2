"""Cause of a harm from the words of its sentence and of its report."""

from collections import Counter

import pytest

from bilan.pipeline.causes import cause_of, causes_in

NONE: Counter[str] = Counter()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Au moins 45 personnes ont été tuées dans des raids aériens.", "violence"),
        ("L'épidémie d'Ebola a tué 2.280 personnes.", "disease"),
        ("Le séisme a fait 300 morts.", "disaster"),
        ("Treize soldats ont été tués dans l'accident de deux hélicoptères.", "accident"),
        ("L'explosion d'une bombe a fait 12 morts.", "violence"),
        ("L'explosion au port a fait plus de 190 morts.", "accident"),
        ("Quatre migrants se sont noyés.", "accident"),
    ],
)
def test_sentence_cause(sentence, expected):
    assert cause_of(sentence, NONE, "fr") == expected


def test_report_decides_when_the_sentence_is_silent():
    report = causes_in("Coronavirus : la pandémie progresse. Le virus se propage.", "fr")
    assert cause_of("Le bilan atteint 72 décès.", report, "fr") == "disease"
    assert cause_of("Le bilan atteint 72 décès.", NONE, "fr") == "violence"


@pytest.mark.parametrize(
    ("sentence", "quote", "lang", "expected"),
    [
        # A death told without a doer in a report that names no cause: illness, age.
        ("L'actrice Diana Rigg est morte paisiblement à 82 ans.", "Diana Rigg est morte",
         "fr", "other"),
        ("The actor died on Tuesday at 89.", "The actor died", "en", "other"),
        # A killing has a doer, whatever the report says of its cause.
        ("Trois soldats ont été tués mardi.", "Trois soldats ont été tués", "fr", "violence"),
        # Torture is violence, and so is a beating to death.
        ("Des milliers de détenus sont morts sous la torture.", "Des milliers de détenus",
         "fr", "violence"),
        ("The mob beat a suspected thief to death.", "a suspected thief to death", "en",
         "violence"),
        ("Une fillette est morte sous les coups de son père.", "Une fillette est morte", "fr",
         "violence"),
    ],
)
def test_a_death_told_without_a_doer_or_a_cause(sentence, quote, lang, expected):
    assert cause_of(sentence, causes_in(sentence, lang), lang, quote, "killed") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syrian government air strikes killed 38 civilians.", "violence"),
        ("A cholera epidemic has killed more than 2,300 people.", "disease"),
        ("An earthquake killed more than 2,200 people.", "disaster"),
        ("Three children drowned in floodwaters.", "disaster"),
        # Regressions: the police as a source say nothing of the cause; a building hit by
        # fire that collapses is still violence.
        ("A bus plunged into a ravine, killing 11 passengers, local police said.", "accident"),
        ("The block partially collapsed after being hit by shelling, killing 15 people.",
         "violence"),
    ],
)
def test_english_sentence_cause(sentence, expected):
    assert cause_of(sentence, NONE, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "lang", "expected"),
    [
        # A harm done to oneself is of another cause, whatever weapon the sentence names.
        ("Un homme est entré armé dans la cour d'appel où il s'est suicidé.",
         "il s'est suicidé", "fr", "other"),
        ("The gunman shot two guards before he killed himself.", "he killed himself", "en",
         "other"),
        # Killing someone else is not.
        ("Il a donné la mort à sa femme avec une arme.", "sa femme", "fr", "violence"),
        ("Un attentat-suicide a fait 20 morts.", "20 morts", "fr", "violence"),
    ],
)
def test_self_inflicted_harm(sentence, quote, lang, expected):
    assert cause_of(sentence, causes_in(sentence, lang), lang, quote, "killed") == expected
