"""Period resolution: hand-checked (text, published, expected) tables."""

from __future__ import annotations

from datetime import date

import pytest

from bilan.records import Period
from bilan.resolve.periods import dateline_date, resolve_periods
from bilan.sentences import split_sentences


def _resolve(text: str, quotes: list[str], published: date | None, lang: str = "fr"):
    sentences = split_sentences(text)
    claims, position = [], 0
    for quote in quotes:
        start = text.index(quote, position)
        position = start + len(quote)
        index = next(i for i, (a, b) in enumerate(sentences) if a <= start < b)
        claims.append((index, start, position))
    return resolve_periods(text, sentences, claims, published, lang)


def _p(start: str | None, end: str | None) -> Period:
    return Period(
        date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None
    )


MONDAY = date(2014, 2, 3)  # a Monday


@pytest.mark.parametrize(
    ("text", "quote", "published", "expected"),
    [
        # A past weekday is the latest such day on or before publication.
        (
            "Au moins 45 personnes ont été tuées dimanche à Alep.",
            "Au moins 45 personnes",
            MONDAY,
            _p("2014-02-02", "2014-02-02"),
        ),
        (
            "Six civils ont été tués lundi à Alep.",
            "Six civils",
            MONDAY,
            _p("2014-02-03", "2014-02-03"),
        ),
        (
            "Dix personnes ont été tuées samedi soir dans un bar.",
            "Dix personnes",
            date(2022, 11, 14),
            _p("2022-11-12", "2022-11-12"),
        ),
        (
            "Quatre personnes ont été tuées hier par des obus.",
            "Quatre personnes",
            date(2015, 2, 24),
            _p("2015-02-23", "2015-02-23"),
        ),
        (
            "Trois civils ont été tués avant-hier.",
            "Trois civils",
            date(2015, 2, 24),
            _p("2015-02-22", "2015-02-22"),
        ),
        # Today is the report's day; "aujourd'hui" as "now" names no day.
        (
            "Plusieurs centaines de personnes ont défilé, aujourd'hui, à Lyon. Sept "
            "personnes ont été interpellées, selon la préfecture.",
            "Sept personnes",
            date(2020, 3, 7),
            _p("2020-03-07", "2020-03-07"),
        ),
        (
            "Un cyclone avait fait 300 morts dans le Pakistan oriental, aujourd'hui le "
            "Bangladesh.",
            "300 morts",
            date(2020, 5, 20),
            None,
        ),
        (
            "Une semaine après les inondations qui ont fait 14 morts, l'heure est aux "
            "comptes. Aujourd'hui, nous avons moins de 100.000 euros, a déclaré le maire.",
            "14 morts",
            date(2018, 10, 22),
            None,
        ),
        # A night covers both days.
        (
            "Au moins 17 civils ont été tués dans la nuit de samedi à dimanche.",
            "Au moins 17 civils",
            date(2020, 8, 3),
            _p("2020-08-01", "2020-08-02"),
        ),
        # A night whose days carry their weekdays still covers both days.
        (
            "Un homme s'est noyé dans la nuit du samedi 6 au dimanche 7 octobre à Paris.",
            "Un homme",
            date(2018, 10, 8),
            _p("2018-10-06", "2018-10-07"),
        ),
        (
            "Dans la nuit de jeudi 8 à vendredi 9 septembre, un policier a été blessé.",
            "un policier",
            date(2016, 9, 10),
            _p("2016-09-08", "2016-09-09"),
        ),
        (
            "Une femme est morte dans la nuit du vendredi 1er au samedi 2 septembre.",
            "Une femme",
            date(2017, 9, 5),
            _p("2017-09-01", "2017-09-02"),
        ),
        (
            "Cinq blessés dans la nuit du 31 décembre au 1er janvier.",
            "Cinq blessés",
            date(2019, 1, 2),
            _p("2018-12-31", "2019-01-01"),
        ),
        # Since a day: to publication.
        (
            "Plus de 330 morts depuis le 15 décembre, selon une ONG.",
            "Plus de 330 morts",
            date(2013, 12, 23),
            _p("2013-12-15", "2013-12-23"),
        ),
        (
            "Le conflit a fait plus de 94.000 morts depuis mars 2011.",
            "plus de 94.000 morts",
            date(2013, 5, 23),
            _p("2011-03-01", "2013-05-23"),
        ),
        (
            "102.287 disparus en Syrie depuis le début du conflit en mars 2011.",
            "102.287 disparus",
            date(2021, 8, 30),
            _p("2011-03-01", "2021-08-30"),
        ),
        (
            "Les violences ont fait plus de 10.000 morts depuis 2015.",
            "plus de 10.000 morts",
            date(2023, 2, 20),
            _p("2015-01-01", "2023-02-20"),
        ),
        (
            "Plus de 3.800 personnes ont été tuées depuis le début de l'année.",
            "Plus de 3.800 personnes",
            date(2013, 8, 28),
            _p("2013-01-01", "2013-08-28"),
        ),
        # "ce week-end" is the latest Saturday and Sunday.
        (
            "Les violentes intempéries sur la Côte d'Azur ce week-end ont fait quatre morts.",
            "quatre morts",
            date(2019, 11, 25),
            _p("2019-11-23", "2019-11-24"),
        ),
        (
            "Un enfant de 9 ans a été arrêté le week-end dernier à Paris.",
            "Un enfant de 9 ans",
            date(2020, 6, 3),
            _p("2020-05-30", "2020-05-31"),
        ),
        (
            "Le weekend dernier, plus de 600 personnes avaient été arrêtées à Minsk.",
            "plus de 600 personnes",
            date(2020, 9, 13),
            _p("2020-09-05", "2020-09-06"),
        ),
        # "fin décembre", "début mars" are the whole month (validation/README.md).
        (
            "La pandémie a fait au moins 712.000 morts dans le monde depuis fin décembre.",
            "au moins 712.000 morts",
            date(2020, 8, 7),
            _p("2019-12-01", "2020-08-07"),
        ),
        (
            "Deux soldats ont été tués début mars 2019 dans le nord du Mali.",
            "Deux soldats",
            date(2019, 6, 2),
            _p("2019-03-01", "2019-03-31"),
        ),
        # Durations end on publication.
        (
            "Des dizaines de combattants ont été tués en 24 heures.",
            "Des dizaines de combattants",
            date(2021, 2, 14),
            _p("2021-02-13", "2021-02-14"),
        ),
        # The same, written "24h" or "sur les (dernières) 24 heures".
        (
            "Coronavirus: 31 morts en 24h en France.",
            "31 morts",
            date(2020, 6, 7),
            _p("2020-06-06", "2020-06-07"),
        ),
        (
            "Sur les dernières 24 heures, 289 personnes sont décédées.",
            "289 personnes",
            date(2020, 4, 30),
            _p("2020-04-29", "2020-04-30"),
        ),
        (
            "395 décès ont été enregistrés sur les 24 dernières heures.",
            "395 décès",
            date(2020, 4, 19),
            _p("2020-04-18", "2020-04-19"),
        ),
        (
            "En France, on dénombre 424 décès en l'espace de 24 h.",
            "424 décès",
            date(2020, 4, 9),
            _p("2020-04-08", "2020-04-09"),
        ),
        (
            "Douze migrants sont morts sur les trois derniers jours.",
            "Douze migrants",
            date(2020, 8, 20),
            _p("2020-08-18", "2020-08-20"),
        ),
        (
            "Près de 45.000 civils sont arrivés en huit jours.",
            "Près de 45.000 civils",
            date(2017, 3, 14),
            _p("2017-03-07", "2017-03-14"),
        ),
        (
            "Pour les huit jours précédents, l'OSDH avait recensé 301 morts.",
            "301 morts",
            date(2013, 12, 23),
            _p("2013-12-15", "2013-12-22"),
        ),
        (
            "Les combats avaient coûté la vie la semaine dernière à 13 soldats.",
            "13 soldats",
            date(2025, 1, 28),
            _p("2025-01-20", "2025-01-26"),
        ),
        # Months, years and explicit dates.
        (
            "En décembre 2019, 71 soldats avaient été tués à Inates.",
            "71 soldats",
            date(2021, 1, 3),
            _p("2019-12-01", "2019-12-31"),
        ),
        (
            "En février, sept membres d'une famille avaient été enlevés.",
            "sept membres",
            date(2013, 11, 3),
            _p("2013-02-01", "2013-02-28"),
        ),
        (
            "Quatre humanitaires y ont été tués en 2020.",
            "Quatre humanitaires",
            date(2021, 3, 11),
            _p("2020-01-01", "2020-12-31"),
        ),
        (
            "Une embuscade avait coûté la vie, le 6 février, à neuf VDP.",
            "neuf VDP",
            date(2023, 2, 20),
            _p("2023-02-06", "2023-02-06"),
        ),
        (
            "L'armée a perdu treize soldats ce lundi 25 novembre au Mali.",
            "treize soldats",
            date(2019, 11, 26),
            _p("2019-11-25", "2019-11-25"),
        ),
        (
            "Au moins 346 civils avaient été tués entre le 4 et le 18 février.",
            "Au moins 346 civils",
            date(2018, 2, 22),
            _p("2018-02-04", "2018-02-18"),
        ),
        (
            "Les gangs ont fait 1 554 morts entre janvier et mars.",
            "1 554 morts",
            date(2024, 4, 12),
            _p("2024-01-01", "2024-03-31"),
        ),
        # A cumulative toll with no start.
        (
            "Les violences ont fait des milliers de morts ces dernières années.",
            "des milliers de morts",
            date(2023, 12, 26),
            _p(None, "2023-12-26"),
        ),
    ],
)
def test_single_expression(text: str, quote: str, published: date, expected: Period) -> None:
    assert _resolve(text, [quote], published) == [expected]


@pytest.mark.parametrize(
    ("text", "quotes", "published", "expected"),
    [
        # The day of harm, not the day of announcement.
        (
            "Au moins 45 personnes, dont 12 enfants, ont été tuées dimanche, "
            "a indiqué lundi l'OSDH.",
            ["Au moins 45 personnes", "12 enfants"],
            MONDAY,
            [_p("2014-02-02", "2014-02-02")] * 2,
        ),
        # An announcement day stays one when the verb has a complement before it
        # ("a indiqué à l'AFP lundi", "selon un bilan fourni mercredi").
        (
            "Les explosions ont fait au moins 113 morts mardi soir. Selon un bilan fourni "
            "mercredi par le ministre, 4.000 personnes ont été blessées.",
            ["au moins 113 morts", "4.000 personnes"],
            date(2020, 8, 5),
            [_p("2020-08-04", "2020-08-04")] * 2,
        ),
        (
            "Deux soldats ont été tués dimanche. Un troisième a été blessé, a indiqué à "
            "l'AFP lundi une source militaire.",
            ["Deux soldats", "Un troisième"],
            MONDAY,
            [_p("2014-02-02", "2014-02-02")] * 2,
        ),
        (
            "Deux adolescents ont été interpellés dimanche. Selon la police, qui a confirmé "
            "l'information lundi, une centaine de jeunes ont blessé trois policiers.",
            ["Deux adolescents", "trois policiers"],
            MONDAY,
            [_p("2014-02-02", "2014-02-02")] * 2,
        ),
        # "depuis" with an announcement on an earlier day ends on that day.
        (
            "Au moins 80 personnes ont été tuées depuis jeudi, a annoncé lundi le gouverneur.",
            ["Au moins 80 personnes"],
            date(2025, 1, 21),
            [_p("2025-01-16", "2025-01-20")],
        ),
        # Each count takes the time nearest it.
        (
            "Pour la seule journée de mardi, 127 civils ont péri, "
            "tandis que 44 autres ont été tués mercredi matin.",
            ["127 civils", "44 autres"],
            date(2018, 2, 21),
            [_p("2018-02-20", "2018-02-20"), _p("2018-02-21", "2018-02-21")],
        ),
        # A "dont" breakdown keeps its own day to itself.
        (
            "Le syndicat a recensé 273 civils tués depuis le 15 avril. "
            "A Khartoum, 90 civils ont été tués, "
            "dont une vingtaine dans la seule journée de dimanche.",
            ["273 civils", "90 civils", "une vingtaine"],
            date(2023, 4, 24),
            [
                _p("2023-04-15", "2023-04-24"),
                _p("2023-04-15", "2023-04-24"),
                _p("2023-04-23", "2023-04-23"),
            ],
        ),
        # A sentence without time inherits the previous one's period.
        (
            "Neuf soldats ont été tués vendredi dans une attaque. Une adolescente a également été "
            "blessée, selon les autorités.",
            ["Neuf soldats", "Une adolescente"],
            date(2023, 4, 15),
            [_p("2023-04-14", "2023-04-14")] * 2,
        ),
        # Burial day is not the day of harm: the count inherits the attack's day.
        (
            "Les attaques de dimanche soir ont fait au moins 160 morts. "
            "« Nous avons enterré 113 corps hier », a-t-il dit.",
            ["au moins 160 morts", "113 corps"],
            date(2023, 12, 26),
            [_p("2023-12-24", "2023-12-24")] * 2,
        ),
        # "la veille" counts from the last day named.
        (
            "L'attentat a fait 54 morts mercredi. "
            "La veille de l'attentat, un Casque bleu avait été tué.",
            ["54 morts", "un Casque bleu"],
            date(2017, 1, 19),
            [_p("2017-01-18", "2017-01-18"), _p("2017-01-17", "2017-01-17")],
        ),
        # A comparison with an earlier time dates nothing.
        (
            "Lundi a été la journée la plus meurtrière depuis 2015, avec 77 civils tués.",
            ["77 civils tués"],
            date(2018, 2, 20),
            [_p("2018-02-19", "2018-02-19")],
        ),
        # "depuis" before a place name is not a since.
        (
            "Une roquette tirée depuis le Liban est tombée mercredi, sans faire de blessé.",
            ["sans faire de blessé"],
            date(2024, 10, 3),
            [_p("2024-10-02", "2024-10-02")],
        ),
        # A bare day-month takes the year its month was named with earlier in the story.
        (
            "Le trio meurtrier des attentats de janvier 2015.\n"
            "Amédy Coulibaly, né en 1982, grandit en banlieue. "
            "Les Kouachi réapparaîtront le 7 janvier, où ils assassineront 12 personnes.",
            ["assassineront 12 personnes"],
            date(2020, 8, 29),
            [_p("2015-01-07", "2015-01-07")],
        ),
        # A parenthesised tenure dates nothing outside the parentheses.
        (
            "Treize soldats ont été tués lundi 25 novembre au Mali. "
            "Nicolas Sarkozy (2007-2012) a salué nos 13 soldats morts au Mali.",
            ["Treize soldats", "nos 13 soldats morts"],
            date(2019, 11, 26),
            [_p("2019-11-25", "2019-11-25")] * 2,
        ),
        # A sentence without counts dated only by an earlier year is background.
        (
            "Treize soldats ont été tués lundi au Mali. "
            "La France avait engagé son armée au Mali en 2013. "
            "Les 13 soldats morts seront honorés.",
            ["Treize soldats", "Les 13 soldats morts"],
            date(2019, 11, 26),
            [_p("2019-11-25", "2019-11-25")] * 2,
        ),
        # ... but it still dates a count when no earlier sentence is dated.
        (
            "La France avait engagé son armée au Mali en 2013. Sept soldats avaient péri.",
            ["Sept soldats"],
            date(2019, 11, 26),
            [_p("2013-01-01", "2013-12-31")],
        ),
        # A date opening the clause of the next count dates that count only.
        (
            "En novembre 2007, le cyclone Sidr avait provoqué la mort de quelque 4.000 "
            "personnes et, en mai 2008, plus de 138.000 personnes avaient péri.",
            ["quelque 4.000 personnes", "plus de 138.000 personnes"],
            date(2020, 5, 20),
            [_p("2007-11-01", "2007-11-30"), _p("2008-05-01", "2008-05-31")],
        ),
        # An attack still under way runs from its launch to the report.
        (
            "Au moins 20 personnes ont péri dans l'attaque toujours en cours d'une prison, "
            "ont annoncé lundi les autorités. "
            "Des hommes armés ont lancé dimanche soir un assaut contre la prison.",
            ["Au moins 20 personnes"],
            date(2020, 8, 3),
            [_p("2020-08-02", "2020-08-03")],
        ),
        # ... while an attack launched and over is dated by its launch day.
        (
            "Au moins 20 personnes ont péri dans l'attaque d'une prison, "
            "ont annoncé lundi les autorités. "
            "Des hommes armés ont lancé dimanche soir un assaut contre la prison.",
            ["Au moins 20 personnes"],
            date(2020, 8, 3),
            [_p("2020-08-02", "2020-08-02")],
        ),
        # The day fighting went on is not the day the count started.
        (
            "Des hommes armés ont attaqué dimanche une prison. "
            "Les combats se poursuivaient lundi matin. "
            "Trois jihadistes ont été tués.",
            ["Trois jihadistes"],
            date(2020, 8, 3),
            [_p("2020-08-02", "2020-08-02")],
        ),
        # Decades are a time without days: null, and not inherited from elsewhere.
        (
            "Les régions sont ravagées par des tempêtes d'avril à décembre. "
            "Les cyclones y ont fait des centaines de milliers de morts au cours des "
            "dernières décennies.",
            ["des centaines de milliers de morts"],
            date(2020, 5, 20),
            [None],
        ),
        # No time anywhere: null.
        (
            "Trois personnes ont été blessées dans une explosion.",
            ["Trois personnes"],
            date(2024, 10, 3),
            [None],
        ),
        # A birth year is not the day of harm, whatever words stand after "né".
        (
            "Un homme a tué un passant samedi soir à Paris. "
            "Né comme lui en 1997, un ami de l'assaillant a été blessé.",
            ["un passant", "un ami de l'assaillant"],
            date(2018, 5, 13),
            [_p("2018-05-12", "2018-05-12")] * 2,
        ),
        # A sentence without a date that names the event again takes the event's
        # day, not the day of the nearest earlier sentence.
        (
            "L'auteur de l'attentat de mardi contre le marché a été abattu jeudi. "
            "Mercredi soir, la police avait lancé un appel à témoins. "
            "Trois personnes sont mortes dans cette attaque et 13 ont été blessées.",
            ["Trois personnes", "13 ont été blessées"],
            date(2018, 12, 13),
            [_p("2018-12-11", "2018-12-11")] * 2,
        ),
        (
            "Un survivant de l'explosion qui a détruit le 4 août le port a été recherché. "
            "Des secouristes ont creusé jeudi dans les décombres. "
            "La soeur d'un employé mort dans l'explosion réclame justice.",
            ["un employé"],
            date(2020, 9, 4),
            [_p("2020-08-04", "2020-08-04")],
        ),
        # A present state ("toujours disparues") counts harm done in the event.
        (
            "L'explosion qui a détruit le 4 août le port a fait 191 morts. "
            "Des secouristes ont creusé jeudi dans les décombres. "
            "Sept personnes sont toujours portées disparues, selon l'armée.",
            ["191 morts", "Sept personnes"],
            date(2020, 9, 4),
            [_p("2020-08-04", "2020-08-04")] * 2,
        ),
        # The event named again does not override a date of the sentence itself.
        (
            "L'explosion de lundi a fait trois morts à Beyrouth. "
            "Mardi, deux personnes sont mortes dans l'explosion.",
            ["trois morts", "deux personnes"],
            date(2020, 8, 5),
            [_p("2020-08-03", "2020-08-03"), _p("2020-08-04", "2020-08-04")],
        ),
        # A headline takes the mention its lead's counts use, not the lead's first.
        (
            "Calais : hommage à un migrant mort noyé\n"
            "Deux cents personnes se sont réunies jeudi à Calais (Pas-de-Calais), en hommage "
            "à un migrant mort noyé dans la nuit de mardi à mercredi.",
            ["un migrant mort noyé", "un migrant mort noyé"],
            date(2020, 8, 20),
            [_p("2020-08-18", "2020-08-19")] * 2,
        ),
        # "deux jours plus tôt" before any day is named dates nothing.
        (
            "Le deuxième frère Clain a été tué en Syrie\n"
            "Son frère Fabien avait été tué deux jours plus tôt dans une frappe.\n"
            "Le jihadiste a été tué en février, a annoncé mardi 5 février sa femme.",
            ["Le deuxième frère Clain", "Son frère Fabien"],
            date(2019, 3, 5),
            [_p("2019-02-01", "2019-02-28")] * 2,
        ),
    ],
)
def test_document(text: str, quotes: list[str], published: date, expected: list) -> None:
    assert _resolve(text, quotes, published) == expected


def test_epidemic_total_does_not_take_a_later_outbreak_s_days() -> None:
    text = (
        "RDC : nouvelle épidémie d'Ebola.\n"
        "Une nouvelle épidémie d'Ebola s'est déclarée, a déclaré lundi le ministre.\n"
        "Les quatre décès ont été enregistrés à Mbandaka.\n"
        "La province a été touchée par une précédente épidémie entre mai et juillet 2018."
    )
    assert _resolve(text, ["Les quatre décès"], date(2020, 6, 1)) == [_p(None, "2020-06-01")]


def test_relative_dates_need_publication() -> None:
    text = (
        "Six civils ont été tués lundi. En 2012, 92 personnes avaient été tuées le 10 janvier 2012."
    )
    assert _resolve(text, ["Six civils", "92 personnes"], None) == [
        None,
        _p("2012-01-10", "2012-01-10"),
    ]


def test_since_without_publication_keeps_its_start() -> None:
    assert _resolve("Plus de 94.000 morts depuis mars 2011.", ["Plus de 94.000 morts"], None) == [
        _p("2011-03-01", None)
    ]


def test_epidemic_totals_have_no_start() -> None:
    text = (
        "Coronavirus : plus de 300.000 morts.\n"
        "La pandémie a fait au moins 305.000 morts depuis son apparition en décembre, selon un "
        "bilan établi par l'AFP vendredi à 19H00 GMT.\n"
        "Les Etats-Unis comptent 87.493 décès."
    )
    assert _resolve(text, ["au moins 305.000 morts", "87.493 décès"], date(2020, 5, 16)) == [
        _p("2019-12-01", "2020-05-15"),
        _p(None, "2020-05-15"),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "published", "expected"),
    [
        (
            "At least 38 civilians were killed on Wednesday, the monitor said.",
            "At least 38 civilians",
            date(2018, 2, 21),
            _p("2018-02-21", "2018-02-21"),
        ),
        (
            "More than 32,900 Palestinians have been killed since Oct. 7, the ministry said.",
            "More than 32,900 Palestinians",
            date(2024, 4, 2),
            _p("2023-10-07", "2024-04-02"),
        ),
        (
            "Twelve people were killed overnight from Saturday to Sunday.",
            "Twelve people",
            date(2024, 4, 8),
            _p("2024-04-06", "2024-04-07"),
        ),
        (
            "Five soldiers were killed over the past week.",
            "Five soldiers",
            date(2024, 4, 8),
            _p("2024-04-02", "2024-04-08"),
        ),
        # "overnight" covers both days of the night before the report.
        (
            "No one was killed in a drone attack overnight, the mayor said.",
            "No one was killed",
            date(2024, 5, 11),
            _p("2024-05-10", "2024-05-11"),
        ),
        # 8 April 2024 is a Monday: last week is 1 to 7 April.
        (
            "Forty people were killed last week, the ministry said.",
            "Forty people",
            date(2024, 4, 8),
            _p("2024-04-01", "2024-04-07"),
        ),
        (
            "The mission documented 287 killings between 1 April and 30 June 2018.",
            "287 killings",
            date(2018, 7, 18),
            _p("2018-04-01", "2018-06-30"),
        ),
        (
            "From 4 a.m. on 24 February 2022, when the attack started, to midnight on "
            "5 March 2022, the office recorded 364 killed.",
            "364 killed",
            date(2022, 3, 6),
            _p("2022-02-24", "2022-03-05"),
        ),
        (
            "The UN said 1,366 civilians were killed in the first six months of 2019.",
            "1,366 civilians",
            date(2019, 8, 18),
            _p("2019-01-01", "2019-06-30"),
        ),
        (
            "On 3 May 2019, gunmen killed 2 civilians in Kidal.",
            "2 civilians",
            date(2019, 5, 10),
            _p("2019-05-03", "2019-05-03"),
        ),
        (
            "At least 6,700 Rohingya were killed in the month after violence erupted on "
            "Aug. 25, MSF said.",
            "At least 6,700 Rohingya",
            date(2017, 12, 14),
            _p("2017-08-25", "2017-09-24"),
        ),
        # A siege that ended on Saturday, stormed on Friday: both days; "24 hours" is a
        # duration, not a count that keeps its clause's day to itself.
        (
            "Forces ended a siege at a hotel late on Saturday, more than 24 hours after "
            "gunmen stormed the building on Friday evening, killing all six attackers.",
            "killing all six attackers",
            date(2022, 8, 21),
            _p("2022-08-19", "2022-08-20"),
        ),
        # "may" is a verb; "May" the month.
        (
            "At least 20 people were killed and the toll may rise.",
            "At least 20 people",
            date(2013, 1, 27),
            None,
        ),
        # 27 January 2013 is a Sunday: the weekend is 26 and 27 January.
        (
            "At least 50 people were killed over the weekend.",
            "At least 50 people",
            date(2013, 1, 27),
            _p("2013-01-26", "2013-01-27"),
        ),
        (
            "Sudan's war, which began in April last year, has killed tens of thousands.",
            "tens of thousands",
            date(2024, 5, 19),
            _p("2023-04-01", "2024-05-19"),
        ),
        # 24 hours end on the report day.
        (
            "The enemy lost 620 soldiers over the past day.",
            "620 soldiers",
            date(2023, 4, 3),
            _p("2023-04-02", "2023-04-03"),
        ),
        # A dateline's date is the day of the report, not of harm.
        (
            "BAMAKO, 18 July 2018 - MINUSMA documented 287 killings between 1 April and "
            "30 June 2018.",
            "287 killings",
            date(2018, 7, 18),
            _p("2018-04-01", "2018-06-30"),
        ),
        (
            "More than 5,000 people have been killed since the start of the year.",
            "More than 5,000 people",
            date(2013, 9, 22),
            _p("2013-01-01", "2013-09-22"),
        ),
    ],
)
def test_english(text: str, quote: str, published: date, expected: Period | None) -> None:
    assert _resolve(text, [quote], published, "en") == [expected]


def test_no_claims() -> None:
    assert resolve_periods("Rien.", [(0, 5)], [], date(2024, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KABUL, Afghanistan (Jan. 25, 2013) - Two soldiers were killed.", date(2013, 1, 25)),
        ("Press release\nBAMAKO, 18 July 2018 - The mission documented 287 killings.",
         date(2018, 7, 18)),
        ("KYIV (April 3, 2023) - Shelling killed a man.", date(2023, 4, 3)),
        # An outlet's dateline names no day.
        ("MAIDUGURI, Nigeria (Reuters) - Gunmen killed 20 farmers.", None),
        ("Two soldiers were killed on Sunday.", None),
    ],
)
def test_dateline_date(text: str, expected: date | None) -> None:
    assert dateline_date(text, "en") == expected
