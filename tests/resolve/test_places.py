"""Place resolution: gazetteer look-ups and the choice of a place per claim."""

from __future__ import annotations

import math

import pytest

from bilan.resolve.gazetteer import gazetteer, normalise
from bilan.resolve.places import resolve_places
from bilan.sentences import split_sentences


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _resolve(text: str, quotes: list[str]):
    sentences = split_sentences(text)
    claims, position = [], 0
    for quote in quotes:
        start = text.index(quote, position)
        position = start
        index = next(i for i, (a, b) in enumerate(sentences) if a <= start < b)
        claims.append((index, start, start + len(quote)))
    return resolve_places(text, sentences, claims)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Côte d’Ivoire", "cote divoire"),
        ("Kaga-Bandoro", "kaga bandoro"),
        ("Māri‘", "mari"),
        ("  Sadr   City ", "sadr city"),
    ],
)
def test_normalise(name, expected):
    assert normalise(name) == expected


@pytest.mark.parametrize(
    ("name", "context", "country", "near"),
    [
        ("Alep", set(), "SY", (36.20, 37.16)),
        ("Damas", set(), "SY", (33.51, 36.29)),
        ("Tombouctou", set(), "ML", (16.77, -3.01)),
        ("Marea", {"SY"}, "SY", (36.48, 37.20)),
        ("Gao", set(), "ML", (16.27, -0.04)),
        ("Gao", {"BF"}, "BF", (11.65, -2.18)),
        ("Bagdad", set(), "IQ", (33.34, 44.40)),
        ("Mogadiscio", set(), "SO", (2.04, 45.34)),
    ],
)
def test_city_lookup(name, context, country, near):
    place = gazetteer("fr").lookup(name, context)
    assert place is not None and place.country == country
    assert _km((place.lat, place.lon), near) < 30


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Syrie", "SY"),
        ("RDC", "CD"),
        ("Etats-Unis", "US"),
        ("États-Unis", "US"),
        ("Birmanie", "MM"),
        ("Centrafrique", "CF"),
        ("Royaume-Uni", "GB"),
    ],
)
def test_country_lookup(name, country):
    place = gazetteer("fr").lookup(name)
    assert place is not None
    assert (place.country, place.precision, place.lat) == (country, "country", None)


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        (
            "Au moins 45 personnes ont été tuées dimanche dans des raids sur Alep, "
            "a indiqué l'OSDH.",
            ["Au moins 45 personnes"],
            [("Alep", "SY")],
        ),
        (
            "Vingt-sept soldats ont été tués vendredi à Déou, dans le nord du Burkina Faso.",
            ["Vingt-sept soldats"],
            [("Déou", "BF")],
        ),
        (
            "Plus de 3.800 personnes ont été tuées en Irak depuis le début de l'année.",
            ["Plus de 3.800 personnes"],
            [("Irak", "IQ")],
        ),
        (
            "Une centaine de civils ont été tués dans deux villages de l'ouest du Niger, "
            "Tchoma Bangou (70 morts) et Zaroumdareye (30 morts).",
            ["Une centaine de civils", "70 morts", "30 morts"],
            [("ouest du Niger", "NE"), ("Tchoma Bangou", "NE"), ("Zaroumdareye", "NE")],
        ),
        (
            "Au moins 51 morts ont été recensés mercredi, a annoncé le ministère de "
            "l'Intérieur à Bagdad. La veille, dix personnes avaient péri à Mossoul.",
            ["Au moins 51 morts", "dix personnes"],
            # Before any usable place, a claim takes the document's first one.
            [("Mossoul", "IQ"), ("Mossoul", "IQ")],
        ),
        (
            "Des frappes ont visé la ville de Kidal au Mali. Trois civils ont été tués.",
            ["Trois civils"],
            [("Kidal", "ML")],
        ),
        (
            "Plus de 700 personnes ont péri dans la province d'Alep.",
            ["Plus de 700 personnes"],
            [("province d'Alep", "SY")],
        ),
        (
            "Le virus a fait plus de 300.000 morts dans le monde.",
            ["plus de 300.000 morts"],
            [("monde", None)],
        ),
        (
            "Deux journalistes de Radio France Internationale ont été tués à Kidal.",
            ["Deux journalistes"],
            [("Kidal", "ML")],
        ),
    ],
)
def test_resolve_places(text, quotes, expected):
    places = _resolve(text, quotes)
    got = [(p.name, p.country) if p else (None, None) for p in places]
    assert got == expected


def test_inherits_from_previous_claim():
    text = (
        "Au moins 70 civils ont été tués lundi près de Mokha, dans le sud-ouest du Yémen. "
        "Parmi les morts figurent 13 femmes, selon un responsable."
    )
    places = _resolve(text, ["Au moins 70 civils", "13 femmes"])
    assert [p.name for p in places] == ["Mokha", "Mokha"]


def test_vague_area_has_no_coordinates():
    (place,) = _resolve("Dix soldats ont été tués dans le nord du Mali.", ["Dix soldats"])
    assert (place.name, place.lat, place.lon, place.country) == ("nord du Mali", None, None, "ML")


@pytest.mark.parametrize(
    "text",
    [
        "Le président Barack Obama a condamné la mort de trois civils.",
        "Selon l'Observatoire syrien des droits de l'Homme, trois civils sont morts lundi.",
    ],
)
def test_people_and_organisations_are_not_places(text):
    (place,) = _resolve(text, ["trois civils"])
    assert place is None


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        (
            # A headline country is the town the lead then names, even without "à".
            "Yémen: dix morts dans des combats\n"
            "Des forces ont tenté de reprendre Zinjibar, chef-lieu de la province "
            "d'Abyane. Des images tournées aux alentours de Zinjibar montrent un blindé.",
            ["dix morts"],
            [("Zinjibar", "YE")],
        ),
        (
            # A count over the whole country is the country, not the town before.
            "Trois civils ont été tués lundi à Kaboul. Selon l'ONU, 2.117 civils ont "
            "été tués dans le pays au cours des neuf premiers mois de l'année en "
            "Afghanistan.",
            ["Trois civils", "2.117 civils"],
            [("Kaboul", "AF"), ("Afghanistan", "AF")],
        ),
        (
            "Des frappes ont tué au moins 46 personnes dans le sud et l'est du Liban. "
            "Une frappe a visé Beyrouth.",
            ["au moins 46 personnes"],
            [("Liban", "LB")],
        ),
        (
            "Les combats au sud de Tripoli ont fait 147 morts.",
            ["147 morts"],
            [("sud de Tripoli", "LY")],
        ),
        (
            "La province de l'Equateur a déjà connu une épidémie (33 morts).",
            ["33 morts"],
            [("province de l'Equateur", "CD")],
        ),
    ],
)
def test_focus_national_and_regions(text, quotes, expected):
    places = _resolve(text, quotes)
    assert [(p.name, p.country) if p else (None, None) for p in places] == expected


def test_region_has_centroid():
    (place,) = _resolve(
        "Au moins 250 civils ont été tués dans la Ghouta orientale.", ["Au moins 250 civils"]
    )
    assert place.name == "Ghouta orientale" and place.country == "SY"
    assert _km((place.lat, place.lon), (33.55, 36.42)) < 30


def test_distance_keeps_relative_position_out():
    (place,) = _resolve(
        "Dix soldats ont été tués à 200 km au nord de Bamako, au Mali.", ["Dix soldats"]
    )
    assert place.name == "Mali"
