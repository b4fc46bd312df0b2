"""Sentence splitting on wire copy."""

import pytest

from bilan.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit.\"Nous allons\" partir.", ["Il a dit.", "\"Nous allons\" partir."]),
        ("Plus de 3.800 morts. Fin.", ["Plus de 3.800 morts.", "Fin."]),
        ("M. Dupont est là. Il parle.", ["M. Dupont est là.", "Il parle."]),
        ("Il dit \"oui.\" Puis il part.", ["Il dit \"oui.\"", "Puis il part."]),
        ("Titre\nCorps du texte.", ["Titre", "Corps du texte."]),
        ("du pays.La province", ["du pays.", "La province"]),
        ("rouvrira vendrediTrois personnes", ["rouvrira vendredi", "Trois personnes"]),
        ("Le groupe McDonald et Mme DiCaprio.", ["Le groupe McDonald et Mme DiCaprio."]),
    ],
)
def test_split(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected
