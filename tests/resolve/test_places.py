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


def _resolve(text: str, quotes: list[str], lang: str = "fr"):
    sentences = split_sentences(text)
    claims, position = [], 0
    for quote in quotes:
        start = text.index(quote, position)
        position = start
        index = next(i for i, (a, b) in enumerate(sentences) if a <= start < b)
        claims.append((index, start, start + len(quote)))
    return resolve_places(text, sentences, claims, lang)


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


@pytest.mark.parametrize(
    ("text", "lang", "quotes", "expected"),
    [
        # A French département is France's, not a foreign town of the same name.
        ("Un homme a été tué dans le Var.", "fr", ["Un homme"], [("Var", "FR")]),
        ("Un randonneur est mort dans le Jura.", "fr", ["Un randonneur"], [("Jura", "FR")]),
        # A headline's département yields to the town the story places in it...
        ("Pyrénées-Atlantiques : un gendarme blessé par un chauffard\n"
         "Vendredi, à Soumoulou (Pyrénées-Atlantiques), les gendarmes ont été prévenus.",
         "fr", ["un gendarme blessé"], [("Soumoulou", "FR")]),
        # ... but a region the claim's own sentence names stands.
        ("In Baardheere (Gedo region), three children drowned. In Gedo region, fewer "
         "than 10 people have been reported missing.",
         "en", ["fewer than 10 people"], [("Gedo region", "SO")]),
    ],
)
def test_departements_and_their_towns(text, lang, quotes, expected):
    places = _resolve(text, quotes, lang)
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


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # A national count keeps its country although the story names a town later.
        (
            "Les violences ont fait 300 morts en Haïti entre janvier et mars. "
            "Mardi, dix personnes ont été tuées à Port-au-Prince.",
            ["300 morts", "dix personnes"],
            [("Haïti", "HT"), ("Port-au-Prince", "HT")],
        ),
        # A breakdown introduced by "dont" takes its parent's place.
        (
            "Plus de 500 personnes ont été tuées au Yémen depuis janvier, dont 40 soldats "
            "d'une coalition menée par l'Arabie saoudite.",
            ["Plus de 500 personnes", "40 soldats"],
            [("Yémen", "YE"), ("Yémen", "YE")],
        ),
        # An adversary or a neighbouring refuge is not where the harm happened.
        (
            "Au Yémen, douze rebelles ont été tués lors de combats contre l'Arabie saoudite.",
            ["douze rebelles"],
            [("Yémen", "YE")],
        ),
        (
            "De violents combats ont eu lieu dans le nord du Mali. "
            "Quelque 3.000 personnes ont trouvé refuge au Niger voisin.",
            ["Quelque 3.000 personnes"],
            [("nord du Mali", "ML")],
        ),
        # "du nord d'Israël" is a part of the country, as "le nord d'Israël" is.
        (
            "Une roquette est tombée dans une zone du nord d'Israël, faisant deux blessés.",
            ["deux blessés"],
            [("nord d'Israël", "IL")],
        ),
        # A conflict named by its adjective gives its country.
        (
            "Le conflit syrien, qui a fait plus de 300.000 morts depuis 2011, déborde au Liban.",
            ["plus de 300.000 morts"],
            [("Syrie", "SY")],
        ),
        # A genitive makes a place of a town of the story's countries only.
        (
            "Au Soudan, 20 civils ont été tués pendant la fête de l'Aïd. "
            "Les Etats-Unis ont appelé à une trêve.",
            ["20 civils"],
            [("Soudan", "SD")],
        ),
    ],
)
def test_context_rules(text, quotes, expected):
    places = _resolve(text, quotes)
    assert [(p.name, p.country) if p else (None, None) for p in places] == expected


def test_capital_is_the_main_countrys():
    text = "Les combats se poursuivent au Mali. Trois civils ont été tués dans la capitale."
    (place,) = _resolve(text, ["Trois civils"])
    assert place.country == "ML"
    assert _km((place.lat, place.lon), (12.65, -8.0)) < 30


def test_district_homonym_yields_to_its_town():
    text = "Deux personnes ont été tuées dans le quartier de Bellevue à Nantes."
    (place,) = _resolve(text, ["Deux personnes"])
    assert place.name == "Bellevue" and place.country == "FR"
    assert _km((place.lat, place.lon), (47.22, -1.55)) < 30


def test_unknown_district_borrows_its_towns_coordinates():
    text = (
        "Des hommes armés ont tué cinq villageois dans le district de Zorbaka, "
        "au nord de Kano, dans le nord du Nigeria."
    )
    (place,) = _resolve(text, ["cinq villageois"])
    assert place.name == "district de Zorbaka" and place.country == "NG"
    assert _km((place.lat, place.lon), (12.0, 8.52)) < 30


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # Each count of a ranking takes the country written just before it; the
        # countries with a bracketed count of their own are not its place.
        (
            "Les Etats-Unis sont le pays le plus touché, avec au moins 119.959 décès, suivis "
            "du Brésil (50.617), du Royaume-Uni (42.632) et de la France (29.633).",
            ["au moins 119.959 décès"],
            [("Etats-Unis", "US")],
        ),
        (
            "Suivent le Royaume-Uni avec 36.675 morts, l'Italie (32.735) et l'Espagne (28.678).",
            ["36.675 morts"],
            [("Royaume-Uni", "GB")],
        ),
        # A town of another count's breakdown is not this count's place.
        (
            "La RDC a recensé 3.195 cas, dont 2.896 à Kinshasa, et 72 décès.",
            ["72 décès"],
            [("RDC", "CD")],
        ),
        # A bracketed year is no count: the name before it is no locality.
        (
            "Au Mali, 45 soldats sont morts depuis le lancement de l'opération Serval (2013).",
            ["45 soldats"],
            [("Mali", "ML")],
        ),
        # An agent, a speaker or a beneficiary is not where the harm happened.
        (
            "Ce raid survient après l'annonce par Kaboul de la mort d'un haut responsable "
            "du groupe EI près de Jalalabad.",
            ["la mort d'un haut responsable"],
            [("Jalalabad", "AF")],
        ),
        (
            "Treize soldats sont morts pour la France au Mali.",
            ["Treize soldats"],
            [("Mali", "ML")],
        ),
        (
            "Le groupe a perdu des dizaines de jihadistes au Mali, dont l'émir d'Al-Qaïda "
            "au Maghreb islamique.",
            ["des dizaines de jihadistes"],
            [("Mali", "ML")],
        ),
        # "sur la planète" is the world, under the one name the annotators use.
        (
            "La pandémie a tué plus de 382.000 personnes sur la planète.",
            ["plus de 382.000 personnes"],
            [("monde", None)],
        ),
        # A count shared by two coordinated places is both, in their common country.
        (
            "Deux autres personnes ont été tuées, l'une à New York et l'autre dans le Maryland.",
            ["Deux autres personnes"],
            [("New York et Maryland", "US")],
        ),
        (
            "Deux décès avaient été enregistrés à Hong Kong et aux Philippines.",
            ["Deux décès"],
            [("Hong Kong et Philippines", None)],
        ),
        (
            "Au moins quatre personnes sont mortes lors de la tempête qui a balayé la "
            "côte Est des Etats-Unis.",
            ["Au moins quatre personnes"],
            [("côte Est des Etats-Unis", "US")],
        ),
        # A sentence naming several countries gives none of them to what follows.
        (
            "L'étude recense les attentats commis en Occident. On en compte six en "
            "Allemagne, quatre en Belgique et trois au Canada. Ils ont fait 395 morts.",
            ["395 morts"],
            [("Occident", None)],
        ),
    ],
)
def test_lists_agents_and_compounds(text, quotes, expected):
    places = _resolve(text, quotes)
    assert [(p.name, p.country) if p else (None, None) for p in places] == expected


def test_tied_town_belongs_to_its_own_count():
    text = "Les attaques ont fait 20 morts au Mali, dont 12 à Gao."
    places = _resolve(text, ["20 morts", "12"])
    assert [(p.name, p.country) for p in places] == [("Mali", "ML"), ("Gao", "ML")]


@pytest.mark.parametrize(
    ("text", "quote", "name", "near"),
    [
        # A large town under its own name stands without its country being named.
        (
            "Un homme a été tué samedi en Syrie. Un ami de l'assaillant a été arrêté à Strasbourg.",
            "Un ami de l'assaillant a été arrêté",
            "Strasbourg",
            (48.57, 7.75),
        ),
        # "la capitale libanaise" is Beirut (GeoNames' name), whatever the main country.
        (
            "En France, on se souvient des 58 parachutistes français tués dans la capitale "
            "libanaise.",
            "58 parachutistes français",
            "Beirut",
            (33.89, 35.50),
        ),
        ("Un mort a été signalé dans le Maryland.", "Un mort", "Maryland", (39.05, -76.64)),
        (
            "Deux personnes ont été tuées à Toulouse et à Montauban.",
            "Deux personnes",
            "Toulouse et Montauban",
            (43.81, 1.4),
        ),
    ],
)
def test_resolved_coordinates(text, quote, name, near):
    (place,) = _resolve(text, [quote])
    assert place.name == name
    assert _km((place.lat, place.lon), near) < 30


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # A count told again takes the precise place of its other telling.
        (
            "Treize soldats sont morts dans la région de Ménaka. Avec treize soldats tués, "
            "l'armée a subi au Mali sa plus lourde perte.",
            ["Treize soldats", "treize soldats tués"],
            [("région de Ménaka", "ML"), ("région de Ménaka", "ML")],
        ),
        (
            "La soixantaine de personnes tuées au Cameroun était à bord. Le train a déraillé "
            "près d'Eseka, faisant plus de 60 morts.",
            ["La soixantaine de personnes tuées", "plus de 60 morts"],
            [("Eseka", "CM"), ("Eseka", "CM")],
        ),
        # Another count is another event.
        (
            "Treize soldats ont été tués à Gao. Deux civils sont morts au Mali.",
            ["Treize soldats", "Deux civils"],
            [("Gao", "ML"), ("Mali", "ML")],
        ),
        # A headline's count takes the place its body gives the same count.
        (
            "La tempête balaie la côte Est américaine, au moins quatre morts\n"
            "Au moins quatre personnes sont mortes sur la côte Est des Etats-Unis.",
            ["au moins quatre morts", "Au moins quatre personnes"],
            [("côte Est des Etats-Unis", "US"), ("côte Est des Etats-Unis", "US")],
        ),
        # A headline's country is the part of it the body then names.
        (
            "Deux soldats tués au Burkina Faso\nLes faits remontent à dimanche. Deux militaires "
            "français ont été tués dans le nord du Burkina Faso.",
            ["Deux soldats tués"],
            [("nord du Burkina Faso", "BF")],
        ),
        # A part of a country worded with its adjective.
        (
            "Le cyclone a tué 5.000 personnes sur les côtes birmanes.",
            ["5.000 personnes"],
            [("côtes birmanes", "MM")],
        ),
        (
            "Les combats ont fait dix morts dans le nord syrien.",
            ["dix morts"],
            [("nord syrien", "SY")],
        ),
        # A coast is not refined to one town of it.
        (
            "Au moins quatre personnes sont mortes sur la côte Est des Etats-Unis. Une "
            "tornade a tué deux personnes en Caroline du Nord.",
            ["Au moins quatre personnes", "deux personnes"],
            [("côte Est des Etats-Unis", "US"), ("Caroline du Nord", "US")],
        ),
        # A place between two counts is the first's when the second has its own.
        (
            "Les cyclones ont fait 4.000 morts dans le sud du Bangladesh et, en 2008, "
            "138.000 morts sur les côtes birmanes.",
            ["4.000 morts", "138.000 morts"],
            [("sud du Bangladesh", "BD"), ("côtes birmanes", "MM")],
        ),
        # ... unless the list names each place before its count.
        (
            "Suivent le Brésil avec 57.070 morts pour 1.313.667 cas, le Royaume-Uni avec "
            "43.514 morts (310.250 cas), l'Italie avec 34.716 morts (240.136 cas).",
            ["57.070 morts", "43.514 morts", "34.716 morts"],
            [("Brésil", "BR"), ("Royaume-Uni", "GB"), ("Italie", "IT")],
        ),
        # Offshore of a town is at it, whatever the article's contraction.
        (
            "Trois sauveteurs sont morts au large des Sables-d'Olonne vendredi.",
            ["Trois sauveteurs"],
            [("Sables-d'Olonne", "FR")],
        ),
        # A district the gazetteer lacks takes the country of the town the story names,
        # in a later sentence too.
        (
            "Quinze personnes ont été interpellées dans le quartier de Planoise à Besançon. "
            "Les quinze suspects ont été arrêtés dans le quartier sensible de Planoise.",
            ["Quinze personnes", "Les quinze suspects"],
            [("Planoise", "FR"), ("Planoise", "FR")],
        ),
        # A continent after a town frames a comparison.
        (
            "C'est à Madrid qu'avaient eu lieu les attentats les plus meurtriers commis en "
            "Europe: des bombes avaient fait 191 morts.",
            ["191 morts"],
            [("Madrid", "ES")],
        ),
        # "C'est là" is the place the previous sentence names, not the last claim's.
        (
            "Trois soldats ont été tués à Gao en 2012. L'homme a ensuite vécu à Tombouctou. "
            "C'est là qu'il a été arrêté.",
            ["Trois soldats", "il a été arrêté"],
            [("Gao", "ML"), ("Tombouctou", "ML")],
        ),
        # An elided pronoun and its verb are not a town ("J'ai").
        (
            "«J'ai perdu mon fils», dit-elle. Trois personnes ont été tuées.",
            ["Trois personnes"],
            [(None, None)],
        ),
    ],
)
def test_retold_counts_and_adjective_areas(text, quotes, expected):
    places = _resolve(text, quotes)
    assert [(p.name, p.country) if p else (None, None) for p in places] == expected


def test_a_country_that_lost_people_is_not_where_they_died():
    text = "En novembre 2019, la France en avait perdu 13 dans un accident au Mali."
    (place,) = _resolve(text, ["perdu 13"])
    assert place is not None and place.country == "ML"


def test_a_mission_area_is_not_where_harm_happened():
    text = (
        "Treize soldats sont morts dans la région du Liptako, au Mali. "
        "Ils étaient tombés dans le dur combat contre le terrorisme au Sahel, "
        "six officiers et sept sous-officiers."
    )
    places = _resolve(text, ["Treize soldats", "six officiers"])
    assert [p.name if p else None for p in places] == ["région du Liptako", "région du Liptako"]


@pytest.mark.parametrize(
    ("text", "quote", "name", "country", "near"),
    [
        # A head after the name, a direction before it: the province, its centroid.
        (
            "A roadside bomb killed three soldiers in northern Kunduz province, officials said.",
            "three soldiers",
            "northern Kunduz province",
            "AF",
            (36.7, 68.8),
        ),
        # The possessor locates the district: Sadr City, not Baghdad.
        (
            "A car bomb exploded in Baghdad's Sadr City district, killing at least 9 people.",
            "at least 9 people",
            "Sadr City district",
            "IQ",
            (33.39, 44.46),
        ),
        # An incident summary: the town, not its bracketed district and province.
        (
            "On 3 May 2019, in Kidal town (Kidal, Kidal), gunmen killed 2 civilians.",
            "2 civilians",
            "Kidal",
            "ML",
            (18.44, 1.41),
        ),
        # A year before a comma is no count tied to the place; "X town" is a settlement.
        (
            "On 3 May 2019, in Bourzanga town (Bam, Centre-Nord), gunmen killed 4 civilians.",
            "4 civilians",
            "Bourzanga",
            "BF",
            (13.68, -1.55),
        ),
        # "near X" is X.
        (
            "A coalition airstrike killed four militants near Hajin, in eastern Syria.",
            "four militants",
            "Hajin",
            "SY",
            (34.69, 40.83),
        ),
        # A vague part of a country: the area, no coordinates.
        (
            "Airstrikes killed 15 people in north-west Syria.",
            "15 people",
            "north-west Syria",
            "SY",
            None,
        ),
        # The dateline is where the report was filed: its country only.
        (
            "MAIDUGURI, Nigeria (Reuters) - Insurgents killed 20 farmers on Sunday.",
            "20 farmers",
            "Nigeria",
            "NG",
            None,
        ),
        (
            "STUTTGART, Germany (Feb. 25, 2020) - An airstrike near Jilib, Somalia, "
            "killed one terrorist.",
            "one terrorist",
            "Jilib",
            "SO",
            (0.49, 42.77),
        ),
        # A dateline city gives its country to a count with no place of its own.
        ("KYIV (April 3, 2023) - The enemy lost 620 soldiers.", "620 soldiers", "Ukraine",
         "UA", None),
        # The possessor's ministry speaks; the place is the town.
        (
            "A bomber struck a hall in western Kabul, killing 63 people, Afghanistan's "
            "interior ministry said.",
            "63 people",
            "western Kabul",
            "AF",
            (34.53, 69.17),
        ),
        (
            "Suspected jihadists killed 40 herders in Nigeria's northeastern Borno state.",
            "40 herders",
            "northeastern Borno state",
            "NG",
            (11.5, 13.0),
        ),
        # A head ends a name that also names a region ("North Waziristan Agency").
        (
            "Jets struck hideouts in North Waziristan Agency, killing 27 terrorists.",
            "27 terrorists",
            "North Waziristan Agency",
            "PK",
            (32.95, 69.95),
        ),
        # A town of the sentence makes its region precise.
        (
            "Police in the Mexican state of Guanajuato found 14 men shot near the city of "
            "Celaya.",
            "14 men",
            "Celaya",
            "MX",
            (20.52, -100.81),
        ),
        # Two places coordinated: the area that covers both, not the first of them.
        (
            "UNICEF - Statement on north-west Syria\nAt least 20 children were killed in "
            "north-west Syria as fighting continued in Idlib and northern Hama.",
            "At least 20 children",
            "north-west Syria",
            "SY",
            None,
        ),
    ],
)
def test_english_places(text, quote, name, country, near):
    (place,) = _resolve(text, [quote], "en")
    assert place is not None
    assert (place.name, place.country) == (name, country)
    if near is None:
        assert place.lat is None
    else:
        assert abs(place.lat - near[0]) < 0.3 and abs(place.lon - near[1]) < 0.3


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # The Paktiya sentence names no claim but opens on its place: the next count is there.
        (
            "In Kunduz province, a force killed one insurgent in Chahar Darah district. "
            "In Paktiya province, a force found a cache near the provincial capital. "
            "No insurgents were detained.",
            ["one insurgent", "No insurgents"],
            ["Chahar Darah district", "Paktiya province"],
        ),
        # The lead's town makes the lead's province precise, not a separate story's.
        (
            "Taliban fighters killed eight policemen in southern Helmand province, officials "
            "said. The assault on checkpoints in Nad Ali district began late Monday. "
            "Separately, a bomb in eastern Nangarhar province killed a woman. "
            "The driver was wounded, he said.",
            ["eight policemen", "a woman", "The driver"],
            ["Nad Ali district", "eastern Nangarhar province", "eastern Nangarhar province"],
        ),
        # "in the region" is the Kharkiv region; the breakdown names its own town.
        (
            "Russia opened a new front in the Kharkiv region on Friday. At least nine "
            "civilians have been killed in the region since Friday, including two in a strike "
            "on a building in Kharkiv city late on Sunday, the prosecutor said.",
            ["At least nine civilians", "two in a strike"],
            ["Kharkiv region", "Kharkiv"],
        ),
    ],
)
def test_english_document_places(text: str, quotes: list[str], expected: list[str]) -> None:
    places = _resolve(text, quotes, "en")
    assert [p.name if p else None for p in places] == expected


def test_english_inherits_from_earlier_sentence():
    text = "Gunmen attacked a market in Gubio, Borno state. They killed 12 villagers."
    (place,) = _resolve(text, ["12 villagers"], "en")
    assert place is not None and place.name == "Gubio"
