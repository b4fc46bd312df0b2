"""Source attribution on raw French and English text (no spaCy model)."""

from __future__ import annotations

import pytest

from bilan.records import Source
from bilan.resolve.sources import normalise_source_name, resolve_sources
from bilan.sentences import split_sentences


def sources_of(text: str, quotes: list[str], lang: str = "fr") -> list[Source | None]:
    """Resolve the sources of `quotes`, each located after the previous one."""
    sentences = split_sentences(text)
    claims = []
    position = 0
    for quote in quotes:
        start = text.index(quote, position)
        position = start + len(quote)
        index = next(i for i, (s, e) in enumerate(sentences) if s <= start < e)
        claims.append((index, start, position))
    return resolve_sources(text, sentences, claims, lang)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("l'OSDH", "osdh"),
        ("OSDH", "osdh"),
        ("le ministère de la Santé", "ministere sante"),
        ("L'état-major", "etat major"),
        ("Jean-Marc Ayrault", "jean marc ayrault"),
        ("des sources de sécurité et médicales", "sources securite et medicales"),
        ("l’ONU", "onu"),
        # English articles go too; a capitalised "UN" is an acronym, not French "un".
        ("The United Nations", "united nations"),
        ("the UN", "un"),
        ("Un porte-parole", "porte parole"),
    ],
)
def test_normalise_source_name(name: str, expected: str) -> None:
    assert normalise_source_name(name) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Au moins 45 personnes ont été tuées dimanche à Alep, a indiqué lundi "
            "l'Observatoire syrien des droits de l'Homme (OSDH).",
            "Au moins 45 personnes",
            Source("OSDH", "ngo"),
        ),
        (
            "Les raids ont fait selon une ONG plus de 330 morts depuis le 15 décembre.",
            "plus de 330 morts",
            Source("une ONG", "ngo"),
        ),
        (
            "Au moins 51 personnes sont mortes, selon des sources de sécurité et médicales.",
            "51 personnes",
            Source("des sources de sécurité et médicales", "military"),
        ),
        (
            "Dix-sept civils ont été tués dimanche, a-t-on appris lundi de source sécuritaire.",
            "Dix-sept civils",
            Source("source sécuritaire", "military"),
        ),
        (
            "A Khartoum, le syndicat des médecins a recensé 273 civils tués.",
            "273 civils tués",
            Source("le syndicat des médecins", "medical"),
        ),
        (
            "Quatre personnes ont été tuées, a rapporté l'agence officielle Sana.",
            "Quatre personnes",
            Source("Sana", "media"),
        ),
        (
            "Six civils ont été tués, a indiqué samedi un porte-parole de la police.",
            "Six civils",
            Source("la police", "government"),
        ),
        (
            "Onze personnes ont péri, a précisé un responsable du ministère de l'Intérieur.",
            "Onze personnes",
            Source("le ministère de l'Intérieur", "government"),
        ),
        (
            "La pandémie a fait au moins 449.000 morts, selon un bilan établi par l'AFP "
            "à partir de sources officielles.",
            "au moins 449.000 morts",
            Source("l'AFP", "media"),
        ),
        (
            "Selon l'ONG Indepaz, 189 leaders sociaux ont été tués en 2022.",
            "189 leaders sociaux",
            Source("Indepaz", "ngo"),
        ),
        (
            "Une tornade a tué deux personnes, a indiqué mardi le gouverneur de l'Etat, "
            "Roy Cooper.",
            "deux personnes",
            Source("Roy Cooper", "government"),
        ),
        (
            "Les shebab ont revendiqué l'attaque, affirmant avoir tué « plus de 30 apostats ».",
            "plus de 30 apostats",
            Source("Les shebab", "armed_group"),
        ),
        (
            "Deux militaires ont été tués, a annoncé le Comité international de la "
            "Croix-Rouge (CICR).",
            "Deux militaires",
            Source("CICR", "other"),
        ),
        (
            "A Kafr Batna, des militants locaux ont fait état de sept morts.",
            "sept morts",
            Source("des militants locaux", "activists"),
        ),
        (
            "Plus de 3.000 morts depuis 2014 dans la région, selon la Mission de l'ONU "
            "au Mali (Minusma).",
            "Plus de 3.000 morts",
            Source("Minusma", "un_agency"),
        ),
    ],
)
def test_attribution_in_the_sentence(text: str, quote: str, expected: Source) -> None:
    assert sources_of(text, [quote]) == [expected]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Sept personnes ont été tuées dans une frappe près de Sadr City.", "Sept personnes"),
        (
            "Le train a déraillé, faisant plus de 60 morts, selon le dernier bilan.",
            "plus de 60 morts",
        ),
        (
            "Trois morts ont été recensés, des chiffres impossibles à vérifier de source "
            "indépendante.",
            "Trois morts",
        ),
        (
            "- 449.000 morts -La pandémie a fait au moins 449.000 morts, selon l'AFP.",
            "449.000 morts",
        ),
    ],
)
def test_outlet_asserts_on_its_own(text: str, quote: str) -> None:
    assert sources_of(text, [quote]) == [None]


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        (
            "Au moins 106 civils ont été tués, a indiqué l'Observatoire syrien des droits "
            "de l'Homme (OSDH). Plus de 300 personnes ont été blessées, selon l'ONG.",
            ["106 civils", "300 personnes"],
            [Source("OSDH", "ngo"), Source("OSDH", "ngo")],
        ),
        (
            "Au moins 18 personnes ont été tuées, a annoncé le ministère afghan de "
            "l'Intérieur. Une quarantaine de personnes ont été blessées, selon lui.",
            ["18 personnes", "Une quarantaine"],
            [Source("le ministère afghan de l'Intérieur", "government")] * 2,
        ),
        (
            "Deux cents personnes ont été blessées, selon des sources hospitalières. "
            "Vingt-deux enfants figurent parmi les morts, selon les mêmes sources.",
            ["Deux cents personnes", "Vingt-deux enfants"],
            [Source("des sources hospitalières", "medical")] * 2,
        ),
        (
            "Deux missiles ont touché les tentes, a précisé un responsable local. "
            "Parmi les morts figurent 13 femmes, selon lui.",
            ["13 femmes"],
            [Source("un responsable local", "government")],
        ),
        (
            "Au moins 44 manifestants ont été tués, selon l'AAPP. Au moins 22 d'entre eux "
            "ont été tués à Hlaing Tharyar.",
            ["44 manifestants", "22 d'entre eux"],
            [Source("l'AAPP", "ngo")] * 2,
        ),
        (
            "Les pompiers sont intervenus rapidement. Ils précisent qu'une vingtaine de "
            "personnes ont été blessées.",
            ["une vingtaine de personnes"],
            [Source("Les pompiers", "government")],
        ),
    ],
)
def test_back_references(text: str, quotes: list[str], expected: list[Source]) -> None:
    assert sources_of(text, quotes) == expected


def test_attribution_does_not_carry_to_the_next_sentence() -> None:
    text = "Dix soldats ont été tués, selon l'armée. Trois civils ont péri dans la nuit."
    assert sources_of(text, ["Dix soldats", "Trois civils"]) == [
        Source("l'armée", "military"),
        None,
    ]


def test_nearest_attribution_wins_within_a_sentence() -> None:
    text = (
        "Selon des ONG, des dizaines de milliers de personnes sont mortes au Yémen, "
        "pays qui subit la pire crise au monde selon les Nations unies."
    )
    assert sources_of(text, ["des dizaines de milliers de personnes"]) == [Source("des ONG", "ngo")]


def test_claim_outside_the_sentence_list_is_none() -> None:
    assert resolve_sources("Deux morts.", [(0, 11)], [(3, 0, 4)]) == [None]


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Three soldiers were killed in the blast, officials said.",
            "Three soldiers",
            Source("officials", "government"),
        ),
        (
            "Gunmen killed 12 villagers on Tuesday, residents said.",
            "12 villagers",
            Source("residents", "witness"),
        ),
        (
            "At least 9 people were killed, police said.",
            "At least 9 people",
            Source("police", "government"),
        ),
        # A spokesperson speaks for the institution.
        (
            "Insurgents killed 20 farmers, a spokesman for the army said.",
            "20 farmers",
            Source("the army", "military"),
        ),
        (
            "Seven insurgents were killed, the provincial police spokesman said.",
            "Seven insurgents",
            Source("provincial police", "government"),
        ),
        (
            "Fifteen people died, according to the Syrian Observatory for Human Rights.",
            "Fifteen people",
            Source("the Syrian Observatory for Human Rights", "ngo"),
        ),
        (
            "The UN said 300 civilians were killed in Darfur.",
            "300 civilians",
            Source("The UN", "un_agency"),
        ),
        (
            "The airstrike killed four militants, the coalition said in a statement.",
            "four militants",
            Source("the coalition", "military"),
        ),
        # A ministry named with its owner is the ministry.
        (
            "More than 32,000 Palestinians have been killed, according to the territory's "
            "health ministry.",
            "More than 32,000 Palestinians",
            Source("health ministry", "government"),
        ),
        (
            "The health ministry of the Houthi movement said 51 people had been killed.",
            "51 people",
            Source("health ministry", "government"),
        ),
        # A passive names no speaker.
        ("Shelling damaged houses; no casualties were reported.", "no casualties", None),
        # The outlet's own statement has no source.
        ("Two policemen were wounded in the town of Taji.", "Two policemen", None),
        # Where the speaker stands is no part of its name.
        (
            "A doctor at a makeshift hospital in Douma told AFP that his team had treated "
            "dozens of wounded.",
            "dozens of wounded",
            Source("A doctor", "medical"),
        ),
        (
            "The U.N. human rights office says it has confirmed more than 7,100 civilian "
            "deaths in Ukraine.",
            "more than 7,100 civilian deaths",
            Source("The U.N. human rights office", "un_agency"),
        ),
        # After a dateline, the issuer is the subject.
        (
            "BAMAKO, 18 July 2018 - MINUSMA documented 287 killings of civilians.",
            "287 killings",
            Source("MINUSMA", "un_agency"),
        ),
        # A subordinate clause's subject follows its conjunction.
        (
            "Militants claimed 50 kills, while Uganda's military said 12 of its troops died.",
            "12 of its troops",
            Source("Uganda's military", "military"),
        ),
    ],
)
def test_english_attribution(text: str, quote: str, expected: Source | None) -> None:
    assert sources_of(text, [quote], "en") == [expected]


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # "he said" refers back to the person named, who speaks for the governor.
        (
            "Four people were killed, Ahmad Jan, spokesman for the provincial governor, "
            "said. He said 11 others were wounded.",
            ["Four people", "11 others"],
            [Source("the provincial governor", "government")] * 2,
        ),
        # A typed noun with nothing earlier names the organisation of its sentence.
        (
            "Seven aid workers with the charity World Central Kitchen (WCK) were killed, "
            "the group said.",
            ["Seven aid workers"],
            [Source("WCK", "ngo")],
        ),
        # A surname alone refers back to the full name.
        (
            "Gunmen killed 12 herders, Babagana Modu told Reuters. "
            '"We have buried 43 people," Modu said.',
            ["12 herders", "43 people"],
            [Source("Babagana Modu", "government")] * 2,
        ),
    ],
)
def test_english_back_references(text: str, quotes: list[str], expected: list) -> None:
    assert sources_of(text, quotes, "en") == expected


def test_english_articles_are_stripped_for_comparison() -> None:
    assert normalise_source_name("The United Nations") == normalise_source_name("united nations")
