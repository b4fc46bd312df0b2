"""Where each casualty claim happened, from the place names of its document.

Mentions are found without a parser: country and area names from the
language's lexicon, and runs of capitalised words checked against GeoNames.
A capitalised run counts as a place only in a locative context ("à", "dans",
"province de") or when it names a large city, which keeps people and
organisations out. Each claim takes the nearest usable mention of its own
sentence, refined to the most precise one of the same locative chain ("à Gao,
dans le nord du Mali" is Gao); a sentence that names none inherits the place of
the previous claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import pairwise

from text_to_num import text2num

from bilan.lang import alternation
from bilan.records import Place
from bilan.resolve.datelines import Dateline, find_dateline
from bilan.resolve.gazetteer import Gazetteer, distance_km, gazetteer, read_lexicon

# How precise each kind of place is: the most precise one of a chain wins.
_RANK = {"point": 4, "city": 4, "admin1": 3, "region": 3, "area": 1, "country": 0}
# A city named without a locative word counts only when it is this large
# ("Kiev a été bombardée"); smaller ones are too often surnames.
_BARE_CITY_POPULATION = 200_000
# A city outside the countries the document names must be this large.
_FOREIGN_CITY_POPULATION = 500_000
# Headline and lead sentences name the country first and the town after.
_LEAD_SENTENCES = 3
# Sentences after a headline searched for the part of its country it is about.
_HEADLINE_REACH = 5
# A sentence naming this many countries gives no one place to the next ones.
_LIST_COUNTRIES = 2
# Characters of left context searched for a cue word.
_CUE_WINDOW = 40
# Characters after a count searched for a national cue ("dans le pays").
_NATIONAL_WINDOW = 80
# Largest gap between two mentions of one locative chain.
_CHAIN_GAP = 60

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w’'\-]*"
# Particles inside place names of any language ("Deir ez-Zor", "Ras al Ain", "Ciudad de
# México").
_PARTICLE = r"(?:de|du|des|de la|el|al|ad|as|ar|ech|ez|ben|bin|ibn|di|da|do|dos|del|y)"
_RUN = re.compile(rf"(?<![\w\-]){_WORD}(?:(?:\s+|\s+{_PARTICLE}\s+){_WORD})*")
# An elided article or pronoun before a name: "l'Irak", "d'Alep", "J'ai", "Qu'il".
_ELISION = re.compile(r"^(?:[LDJNSCMTldjnscmt]|Qu|qu)[’']")
_DISTANCE = re.compile(r"\d\s*(?:km|kilomètres?|kilometres?|kilometers?|miles?)\b", re.I)
# A count in brackets after a place ("le Brésil (50.617)", "Tchoma Bangou (70 morts)"),
# not a distance, an hour or a year.
_TIED_AFTER = re.compile(
    r"\s*\(\s*(?!(?:1[89]|20)\d\d\s*\))(\d[\d.,\u202f\xa0 ]*)"
    r"(?![\d\s]*(?:km|kilom|mètres|miles|[hH]\d|[hH]\b|%))"
)
# An incident summary's administrative units after a place: "Tessit (Ansongo, Gao)".
_ADMIN_BRACKETS = re.compile(rf"\s*\(\s*{_WORD}[^(),\n]*,\s*{_WORD}[^(),\n]*\)")
# How far from a region's centroid a town of the same sentence is taken to lie in it.
_REGION_REACH_KM = 150
# The longest opening phrase that sets a scene ("In Kunduz province,").
_SCENE_OPENING = 40
# Longest link between two coordinated places.
_COORDINATION_GAP = 40


@dataclass(frozen=True, slots=True)
class _Mention:
    """A place named at text[start:end]; `usable` is False for non-harm contexts."""

    start: int
    end: int
    sentence: int
    place: Place
    usable: bool = True
    # A place that covers several named parts ("le sud et l'est du Liban"): never refined.
    final: bool = False
    # Offset of the count the place is tied to ("le Brésil (50.617)"), if any.
    tie: int | None = None

    @property
    def rank(self) -> int:
        return _RANK.get(self.place.precision or "", 0)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The compiled word lists of one language."""

    gazetteer: Gazetteer
    countries: re.Pattern[str]
    areas_lower: re.Pattern[str]
    stopwords: frozenset[str]
    admin_head: re.Pattern[str]
    settlement_head: re.Pattern[str]
    direction: re.Pattern[str]
    locative: re.Pattern[str]
    genitive: re.Pattern[str]
    subcity_head: re.Pattern[str]
    adversary: re.Pattern[str]
    agent: re.Pattern[str]
    actor: re.Pattern[str]
    neighbour: re.Pattern[str]
    capital: re.Pattern[str]
    national_capital: re.Pattern[str]
    approximate: dict[str, int]
    conflict: re.Pattern[str]
    part: re.Pattern[str]
    relative: re.Pattern[str]
    non_harm: re.Pattern[str]
    organisation: re.Pattern[str]
    attribution: re.Pattern[str]
    adjectives: re.Pattern[str]
    adjective_codes: dict[str, str]
    national: re.Pattern[str]
    relative_area: re.Pattern[str]
    directions_pair: re.Pattern[str]
    adjective_area: re.Pattern[str]
    anaphora: re.Pattern[str]
    coast: re.Pattern[str]
    tied_before: re.Pattern[str]
    coordinated: re.Pattern[str]
    # What sets a town's region after it: "Soumoulou (Pyrénées-Atlantiques)", "à Aniche,
    # dans le Nord", "Santa Fe, Texas".
    nesting: re.Pattern[str]
    conjunction: str
    whole_country: str
    head_after: re.Pattern[str]
    possessive: re.Pattern[str] | None
    possessor: re.Pattern[str] | None
    owner: re.Pattern[str] | None
    compounds: tuple[str, ...]
    magnitude: re.Pattern[str]
    settlement_after: re.Pattern[str]
    separate: re.Pattern[str]
    head_anaphor: re.Pattern[str]
    breakdown: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # Place phrases match with the single spaces they are written with.
    return alternation(words, space=" ")


def _cue_at_end(words: list[str]) -> re.Pattern[str]:
    # The cue must end the left context, give or take an article.
    return re.compile(rf"(?:^|[\s(])(?:{_alternation(words)})\s*(?:l['’]|la |le |les )?$", re.I)


def _head(words: list[str], of: str, flags: int) -> re.Pattern[str]:
    # "province d'", "localité rebelle de la ", "the town of ": a head, up to two
    # lower-case words, then the preposition `of` that introduces the name.
    return re.compile(
        rf"(?:la |le |l['’]|les |the )?({_alternation(words)})"
        rf"(?:\s+[a-zàâçéèêëîïôûù\-]+){{0,2}}\s+{of}$",
        flags,
    )


def _qualified(
    words: list[str], adjectives: dict[str, str], adjective_first: bool
) -> re.Pattern[str]:
    # A noun and a nationality adjective, any gender and number ("la guerre syrienne",
    # "the Syrian war"); group 1 is the adjective.
    adjective = rf"({_alternation(list(adjectives))})(?:n?nes?|n?s|e|es)?"
    noun = f"(?:{_alternation(words)})"
    pair = rf"{adjective}\s+{noun}" if adjective_first else rf"{noun}\s+{adjective}"
    return re.compile(rf"(?<![\w\-]){pair}(?![\w\-])", re.I)


def _approximate_nouns(lang: str) -> dict[str, int]:
    """The count lexicon's approximate nouns ("soixantaine": 60), if the language has one.

    Places resolve on their own, also for a language whose casualty grammar (and
    its count lexicon) is still being written.
    """
    if not resources.files("bilan.lang").joinpath(lang, "counts.json").is_file():
        return {}
    nouns: dict[str, int] = read_lexicon(lang, "counts.json").get("approximate_nouns", {})
    return nouns


@cache
def _lexicon(lang: str) -> _Lexicon:
    gaz = gazetteer(lang)
    words = read_lexicon(lang, "places.json")
    grammar = words["grammar"]
    of = grammar["of"]
    names = [*gaz.countries, *(a for a in gaz.areas if a[:1].isupper()), *gaz.regions]
    directions = _alternation(words["directions"])

    def pattern(key: str, flags: int = re.I) -> re.Pattern[str]:
        # The language's grammar patterns, with its words filled in.
        return re.compile(
            grammar[key].replace("{directions}", directions).replace("{of}", of), flags
        )

    adjectives = {a.lower(): code for a, code in words.get("adjectives", {}).items()}
    # English puts the adjective first ("the Syrian war"), French after ("la guerre syrienne").
    adjective_first = grammar["adjective_first"]
    lower_areas = [a for a in gaz.areas if not a[:1].isupper()]
    return _Lexicon(
        gazetteer=gaz,
        countries=re.compile(rf"(?<![\w\-])(?:{_alternation(names)})(?![\w\-])"),
        # "tout le monde" is everybody: a lower-case area needs a locative article.
        areas_lower=re.compile(
            rf"{grammar['area_article']}({_alternation(lower_areas)})(?![\w\-])"
        ),
        stopwords=frozenset(words["stopwords"]),
        admin_head=_head(words["admin_heads"], of, 0),
        settlement_head=_head(words["settlement_heads"], of, re.I),
        # "le nord du Mali", "northeast Nigeria": a part of the place.
        direction=pattern("direction"),
        locative=_cue_at_end(words["locatives"]),
        genitive=_cue_at_end(words["genitives"]),
        part=re.compile(rf"(?<![\w])(?:{_alternation(words['part_cues'])})\s+$", re.I),
        # "le quartier de Neudorf" names the district; "un quartier de Mbandaka"
        # and "les quartiers rebelles d'Alep" name the town.
        subcity_head=re.compile(
            rf"(?:le |du |au |the )(?:{_alternation(words['subcity_heads'])})\s+{of}$",
            re.I,
        ),
        adversary=_cue_at_end(words["adversary_cues"]),
        # "soutenue par Washington", "selon Moscou", "morts pour la France".
        agent=_cue_at_end(words["agent_cues"]),
        # "la France en avait perdu 13 ... au Mali": the country that lost them, not where.
        actor=re.compile(rf"\s+{_alternation(words['actor_verbs_after'])}\b"),
        neighbour=re.compile(rf"\s+(?:{_alternation(words['neighbour_words'])})(?![\w\-])"),
        # "ont fui la capitale": the capital of the country the story is about.
        capital=re.compile(
            rf"(?<![\w\-])(?:{_alternation(words['capital_words'])})(?![\w\-])"
            r"(?!\s+(?:d['’]|de |du |des |[a-zàâçéèêëîïôûù]))",
            re.I,
        ),
        # "la capitale libanaise": that country's capital.
        national_capital=_qualified(words["capital_words"], adjectives, adjective_first),
        # "la soixantaine de personnes tuées" tells the count of "plus de 60 morts".
        approximate=_approximate_nouns(lang),
        # "le conflit syrien, qui a fait 94.000 morts": the country of the conflict.
        conflict=_qualified(words["conflict_words"], adjectives, adjective_first),
        relative=re.compile(rf"(?:{_alternation(words['relative_cues'])})\s*$", re.I),
        non_harm=_cue_at_end(words["non_harm_cues"]),
        # "la Mission de l'ONU au Mali": an organisation's name, up to three words on.
        organisation=re.compile(
            rf"(?<![\w])(?:{_alternation(words['organisation_words'])})(?:\s+[^\s,;]+){{0,3}}\s*$"
        ),
        attribution=re.compile(
            rf"(?<![\w\-])(?:{_alternation(words['attribution_cues'])})(?![\w])", re.I
        ),
        # "les forces syriennes": a nationality adds its country to the context.
        # Written as the language writes them: French "syrien", English "Syrian".
        adjectives=re.compile(
            rf"(?<![\w\-])({_alternation(list(words.get('adjectives', {})))})"
            r"(?:n?nes?|n?s|e|es)?(?![\w\-])"
        ),
        adjective_codes=adjectives,
        # A count over the whole country or a long period is national.
        national=re.compile(
            rf"(?:{_alternation(words.get('national_cues', []))})|{grammar['since_year']}", re.I
        ),
        # "au sud de Tripoli": near the town, unless a distance says how far.
        relative_area=pattern("relative_area"),
        # "les côtes birmanes", "le nord syrien": a part of that country.
        adjective_area=_qualified(
            [*words["directions"], *words["coast_words"]], adjectives, adjective_first
        ),
        # A coast runs along many towns: no one of them stands for it.
        coast=re.compile(rf"(?:{_alternation(words['coast_words'])})(?![\w\-])", re.I),
        # "C'est là qu'il rencontre ...": the place the previous sentence names.
        anaphora=re.compile(
            rf"(?<![\w\-])(?:{_alternation(words['anaphora_cues'])})(?![\w\-])", re.I
        ),
        directions_pair=pattern("directions_pair"),
        # A bare count before a place ("dont 2.896 à Kinshasa"), not a year ("en 2015
        # à Paris").
        tied_before=re.compile(
            r"(?<![\w.,\-])(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))(\d[\d.,\u202f\xa0]*)\s+"
            + grammar["tied_before"]
        ),
        # Two places of one count: "à Hong Kong et aux Philippines".
        coordinated=pattern("coordinated", 0),
        nesting=pattern("nesting", 0),
        conjunction=grammar["conjunction"],
        whole_country=grammar["whole_country"],
        settlement_after=re.compile(
            rf"\s+(?:{_alternation(grammar['settlement_heads_after'])})(?![\w\-])"
            if grammar["settlement_heads_after"]
            else r"(?!)",
            re.I,
        ),
        separate=re.compile(
            rf"\s*(?:{_alternation(grammar['separate_story_cues'])})\b"
            if grammar["separate_story_cues"]
            else r"(?!)",
            re.I,
        ),
        head_anaphor=re.compile(grammar["head_anaphor"] or r"(?!)"),
        breakdown=re.compile(rf"(?<![\w])(?:{_alternation(words['part_cues'])})(?![\w])", re.I),
        # "Helmand province", "Kani Township": a head after the name.
        head_after=re.compile(
            rf"\s+({_alternation(grammar['admin_heads_after'])})(?![\w\-])"
            if grammar["admin_heads_after"]
            else r"(?!)",
            re.I,
        ),
        # "Baghdad's Sadr City district": a place of the possessor.
        # "Nigeria's northeastern Borno state", "Cameroon's English-speaking South-West".
        possessive=re.compile(grammar["possessive"] + r"\s+(?:[\w-]+\s+){0,2}$")
        if grammar["possessive"]
        else None,
        possessor=re.compile(grammar["possessive"] + r"\s+") if grammar["possessive"] else None,
        # "Afghanistan's interior ministry": the body that speaks, not where harm was.
        owner=re.compile(
            grammar["possessive"]
            + rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_alternation(grammar['owned_bodies'])})(?![\w\-])",
            re.I,
        )
        if grammar["possessive"]
        else None,
        # "Government-controlled territory": a compound adjective, not a name.
        compounds=tuple(grammar["compound_adjectives"]),
        magnitude=re.compile(
            rf"\s+(?:{of}|of\s+)?(?:{_alternation(grammar['magnitudes'])})(?![\w\-])", re.I
        ),
    )


def resolve_places(
    text: str,
    sentences: list[tuple[int, int]],
    claims: list[tuple[int, int, int]],
    lang: str = "fr",
) -> list[Place | None]:
    """One Place (or None) per claim.

    `sentences` are character spans (start, end exclusive) of the document's
    sentences, as `bilan.sentences.split_sentences(text)` gives them; each claim
    is (sentence_index, start, end), the character span of its quote.
    """
    lex = _lexicon(lang)
    # The dateline says where the report was filed: context, not where harm happened.
    dateline = find_dateline(text)
    mentions = [
        replace(m, usable=False)
        if dateline is not None and dateline.place[0] <= m.start < dateline.place[1]
        else m
        for m in _find_mentions(text, sentences, lex)
    ]
    by_sentence: dict[int, list[_Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    bound = {
        id(m): i
        for i, claim in enumerate(claims)
        for m in _bound_mentions(text, claim, by_sentence)
    }
    # A claim before any place of its story is where the story was filed from
    # ("MAIDUGURI, Nigeria", "KYIV"): that country; without a dateline, the story's
    # first place.
    filed = _filed_from(text, dateline, mentions, lex) if dateline is not None else None
    fallback = filed or _fallback(mentions)
    focus_mention = _focus(text, [m for m in mentions if id(m) not in bound], lex)
    focus = focus_mention.place if focus_mention else None
    focus_sentence = focus_mention.sentence if focus_mention else 0
    main_country = _main_country([(0, 0, 0, m.place) for m in mentions if m.usable], [])
    separate = [bool(lex.separate.match(text, a, b)) for a, b in sentences]
    leading = _leading_places(by_sentence)
    named = _country_names(mentions)
    nested = _nested_towns(text, mentions, lex)
    places: list[Place | None] = []
    inherited: tuple[Place | None, bool] = (None, False)
    for i, (index, start, end) in enumerate(claims):
        own = [m for m in by_sentence.get(index, []) if bound.get(id(m), i) == i]
        # Where the previous claim of this sentence starts and ends, if there is one.
        previous = claims[i - 1][1:] if i and claims[i - 1][0] == index else None
        chosen, exclusive, final = _choose(text, own, start, end, previous, bound, i, lex)
        s_start, s_end = sentences[index]
        # A breakdown naming its own place in its clause keeps it ("including two in a
        # strike on a building in Kharkiv city").
        clause_place = any(
            m.usable and m.start >= end and not re.search(r"[,;]", text[end : m.start])
            for m in own
        )
        if (
            not exclusive
            and not clause_place
            and i
            and claims[i - 1][0] == index
            and lex.part.search(text, max(s_start, start - 20), start)
        ):
            # "1.900 morts au Liban, dont des centaines de combattants": the parent's place.
            places.append(places[-1])
            continue
        in_sentence = chosen is not None
        if chosen is None:
            chosen, final = inherited
            last = _previous(leading, index)
            # "In Paktiya province, ... found a cache. No insurgents were detained.": a
            # sentence opening on a place after the previous claim's sets the scene.
            moved = (
                last is not None
                and i > 0
                and last.sentence > claims[i - 1][0]
                and _opens_on(text, sentences[last.sentence], by_sentence[last.sentence])
            )
            if chosen is None or moved or lex.anaphora.search(text, s_start, s_end):
                earlier = last or fallback
                if earlier is not None:
                    chosen, final = earlier.place, earlier.final
        # The cue opens the sentence ("Depuis 2014, ...") or follows the count.
        national = lex.national.search(text, s_start, min(s_end, s_start + 30)) or (
            lex.national.search(text, end, min(s_end, end + _NATIONAL_WINDOW))
        )
        if chosen is not None and not exclusive:
            if national:
                whole_country = lex.whole_country in national.group()
                code = main_country if whole_country and in_sentence else chosen.country
                if whole_country or not in_sentence:
                    chosen = _country_place(code, named, lex) or chosen
            elif (
                not final
                and focus is not None
                and chosen.precision in ("country", "area")
                and chosen.country == focus.country
                # "Separately, a roadside bomb ...": another story than the lead's.
                and not any(separate[focus_sentence + 1 : index + 1])
                and (
                    # A body sentence takes the town only once the story has named
                    # it, or when its lead names a vague area ("dans le nord du Mali").
                    _is_headline(text, sentences[index])
                    or (not in_sentence and focus_sentence < index)
                    or (
                        chosen.precision == "area"
                        and (index <= 1 or (not in_sentence and index <= _LEAD_SENTENCES))
                    )
                )
            ):
                # "Six Français tués au Niger" is about the town the lead names.
                chosen = focus
            elif (
                not final and chosen.precision == "country" and _is_headline(text, sentences[index])
            ):
                # "tué au Burkina Faso" is the "nord du Burkina Faso" the body then names.
                chosen = _lead_area(by_sentence, index, chosen.country) or chosen
        if (
            chosen is not None
            and chosen.precision == "region"
            and (not in_sentence or _is_headline(text, sentences[index]))
        ):
            # "Pyrénées-Atlantiques : un gendarme blessé ... à Soumoulou
            # (Pyrénées-Atlantiques)": the town the story places in the region says where;
            # a region the sentence names itself stands ("In Gedo region, ...").
            chosen = nested.get(chosen.name, chosen)
        if not exclusive:
            inherited = (chosen, final)
        places.append(chosen)
    headlines = [_is_headline(text, sentences[index]) for index, _, _ in claims]
    return _share_retold(text, claims, headlines, places, lang, lex)


# Counts below this are too common to identify an event by ("un soldat", "deux blessés").
_RETOLD_MIN = 3
_PRECISE = frozenset(("city", "admin1", "region", "point"))
_COUNT_WORD = re.compile(r"\d[\d.\u202f\xa0]*\d|\d|[^\W\d_]+(?:-[^\W\d_]+)*")


def _share_retold(
    text: str,
    claims: list[tuple[int, int, int]],
    headlines: list[bool],
    places: list[Place | None],
    lang: str,
    lex: _Lexicon,
) -> list[Place | None]:
    """A count told twice is one event: its vaguer telling takes the precise place.

    "treize soldats tués au Mali" after "Treize militaires ... dans la région du
    Liptako" is the Liptako; "la soixantaine de personnes tuées au Cameroun" is
    the Eseka of a later "plus de 60 morts"; a headline's count takes the place
    its body gives it ("la côte Est américaine, au moins quatre morts" is the
    lead's "côte Est des Etats-Unis"). Only a place of the same country
    replaces a country or a vague area.
    """
    values = [_count_value(text[start:end], lang, lex) for _, start, end in claims]
    precise: dict[int, Place] = {}
    told: dict[int, Place] = {}
    for value, place, headline in zip(values, places, headlines, strict=True):
        if value is None or place is None:
            continue
        if place.precision in _PRECISE:
            precise.setdefault(value, place)
        if not headline:
            told.setdefault(value, place)
    shared: list[Place | None] = []
    for value, place, headline in zip(values, places, headlines, strict=True):
        other = None
        if value is not None:
            other = precise.get(value) or (told.get(value) if headline else None)
        if (
            other is not None
            and place is not None
            and place.precision in ("country", "area")
            and place.country is not None
            and other.country == place.country
        ):
            place = other
        shared.append(place)
    return shared


def _count_value(quote: str, lang: str, lex: _Lexicon) -> int | None:
    """The first number a quote states, in digits or words, if it is large enough."""
    for match in _COUNT_WORD.finditer(quote):
        word = match.group()
        if word[0].isdigit():
            value: int | None = int(re.sub(r"\D", "", word))
        elif word.lower() in lex.approximate:
            value = lex.approximate[word.lower()]
        else:
            try:
                value = text2num(word.lower(), lang)
            except ValueError:
                continue
        if value == 1:
            continue  # the article of "une soixantaine"
        if lex.magnitude.match(quote, match.end()):
            return None  # "9 million", "tens of thousands": no number to tell an event by
        return value if value is not None and value >= _RETOLD_MIN else None
    return None


def _opens_on(text: str, sentence: tuple[int, int], mentions: list[_Mention]) -> bool:
    """Whether the sentence (with its `mentions`) opens on a place, before a comma ("In
    Kunduz province, ...")."""
    comma = text.find(",", sentence[0], sentence[1])
    if comma < 0 or comma - sentence[0] > _SCENE_OPENING:
        return False
    return any(m.usable and m.end <= comma for m in mentions)


def _focus(text: str, mentions: list[_Mention], lex: _Lexicon) -> _Mention | None:
    """The town the lead sentences are about, if they name one."""
    for i, m in enumerate(mentions):
        if m.sentence > _LEAD_SENTENCES:
            break
        # A town of a breakdown ("Tchoma Bangou (70 morts)") is not the whole story's,
        # nor one of two ("continued in Idlib and northern Hama").
        paired = i + 1 < len(mentions) and bool(
            lex.coordinated.match(text, m.end, mentions[i + 1].start)
        )
        if m.usable and m.rank >= _RANK["admin1"] and not paired:
            return m
    return None


def _lead_area(
    by_sentence: dict[int, list[_Mention]], headline: int, country: str | None
) -> Place | None:
    """The first part of that country the sentences after a headline name, if any."""
    for index in range(headline + 1, headline + _HEADLINE_REACH + 1):
        for m in by_sentence.get(index, []):
            if m.usable and m.place.precision == "area" and m.place.country == country:
                return m.place
    return None


def _country_names(mentions: list[_Mention]) -> dict[str, Place]:
    """Each country the document names, by code, as it first names it."""
    named: dict[str, Place] = {}
    for m in mentions:
        if m.place.precision == "country" and m.place.country is not None:
            named.setdefault(m.place.country, m.place)
    return named


def _country_place(code: str | None, named: dict[str, Place], lex: _Lexicon) -> Place | None:
    """The country of that code, under the name the document gives it (`named`)."""
    if code is None:
        return None
    if code in named:
        return named[code]
    name = next((n for n, c in lex.gazetteer.countries.items() if c == code), None)
    return Place(name, None, None, code, "country") if name else None


def _find_mentions(text: str, sentences: list[tuple[int, int]], lex: _Lexicon) -> list[_Mention]:
    countries: list[tuple[int, int, int, Place]] = []
    for index, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        for match in lex.countries.finditer(sentence):
            if _inside_name(sentence, match.start(), match.end(), lex):
                continue
            place = lex.gazetteer.lookup(match.group())
            if place is None:
                continue
            end = match.end()
            head = lex.head_after.match(sentence, end)
            if head and place.precision == "region":
                # "Borno state", "North Waziristan Agency": the name keeps its head.
                end = head.end()
                place = replace(place, name=sentence[match.start() : end])
            countries.append((index, s_start + match.start(), s_start + end, place))
        for match in lex.areas_lower.finditer(sentence):
            place = lex.gazetteer.lookup(match.group(1))
            if place is not None:
                countries.append((index, s_start + match.start(1), s_start + match.end(1), place))
        for match in lex.conflict.finditer(sentence):
            place = _country_place(lex.adjective_codes.get(match.group(1).lower()), {}, lex)
            if place is not None:
                countries.append((index, s_start + match.start(), s_start + match.end(), place))
        for match in lex.adjective_area.finditer(sentence):
            code = lex.adjective_codes.get(match.group(1).lower())
            if code is not None:
                label = match.group()
                place = Place(label[:1].lower() + label[1:], None, None, code, "area")
                countries.append((index, s_start + match.start(), s_start + match.end(), place))
    nationalities = [
        lex.adjective_codes[m.group(1).lower()] for m in lex.adjectives.finditer(text)
    ]
    context = frozenset(p.country for *_, p in countries if p.country) | frozenset(nationalities)
    main_country = _main_country(countries, nationalities)
    countries.sort(key=lambda c: c[1])
    mentions = [
        _contextualise(text, sentences[index][0], start, end, index, place, lex)
        for index, start, end, place in countries
    ]
    capital = lex.gazetteer.capital(main_country) if main_country else None
    if capital is not None:
        for index, (s_start, s_end) in enumerate(sentences):
            for match in lex.capital.finditer(text, s_start, s_end):
                place = replace(capital, name=capital.name)
                mentions.append(
                    _contextualise(text, s_start, match.start(), match.end(), index, place, lex)
                )
    for index, (s_start, s_end) in enumerate(sentences):
        for match in lex.national_capital.finditer(text, s_start, s_end):
            code = lex.adjective_codes.get(match.group(1).lower())
            place = lex.gazetteer.capital(code) if code else None
            if place is not None:
                mentions.append(
                    _contextualise(text, s_start, match.start(), match.end(), index, place, lex)
                )
    # Spans and countries per sentence, so that long documents stay linear.
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, []).append((m.start, m.end))
    local_countries: dict[int, list[str]] = {}
    for index, _, _, place in countries:
        if place.country:
            local_countries.setdefault(index, []).append(place.country)
    # Bare names skipped for want of a locative word, kept if the document
    # names the same place in a locative context elsewhere ("reprendre Zinjibar").
    bare: list[tuple[int, int, str, int]] = []
    for index, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        local = local_countries.get(index, [])
        country = local[0] if local else main_country
        home = frozenset([*local, main_country])
        spans = taken.get(index, [])
        for run_start, run in _runs(sentence, lex):
            start, end = s_start + run_start, s_start + run_start + len(run)
            if any(a < end and start < b for a, b in spans):
                continue
            for offset, name in _names_in_run(run, lex):
                mention = _city_mention(
                    text, s_start, start + offset, name, index, context, country, home, lex
                )
                if mention is not None:
                    mentions.append(mention)
                    break
                if offset == 0 or name == run[offset:]:
                    bare.append((index, s_start, name, start + offset))
    confirmed = {m.place.name: m for m in mentions if m.place.precision == "city"}
    for index, s_start, name, start in bare:
        known = confirmed.get(name)
        if known is not None and text[start : start + len(name)] == name:
            place = known.place
            mentions.append(
                _contextualise(text, s_start, start, start + len(name), index, place, lex)
            )
    mentions.sort(key=lambda m: m.start)
    mentions = _bracketed_units(text, mentions, lex)
    towns = [
        m for m in mentions if m.place.precision in ("city", "area") and m.place.lat is not None
    ]
    located = [_locate(m, towns) for m in mentions]
    # A name read once as a district ("quartier de Neudorf") is that district throughout.
    districts = {m.place.name: m.place for m in located if m.place.precision == "point"}
    resolved = [
        replace(m, place=districts[m.place.name])
        if m.place.precision == "city" and m.place.name in districts
        else m
        for m in located
    ]
    anaphora = _head_anaphora(text, sentences, resolved, lex)
    return sorted(resolved + anaphora, key=lambda m: m.start)


def _head_anaphora(
    text: str, sentences: list[tuple[int, int]], mentions: list[_Mention], lex: _Lexicon
) -> list[_Mention]:
    """ "killed in the region": the last place named with that head ("the Kharkiv region")."""
    found = []
    for index, (s_start, s_end) in enumerate(sentences):
        for match in lex.head_anaphor.finditer(text, s_start, s_end):
            head = match.group("head").lower()
            earlier = [
                m
                for m in mentions
                if m.end <= match.start() and m.usable and head in m.place.name.lower().split()
            ]
            if earlier:
                place = earlier[-1].place
                found.append(_Mention(match.start("head"), match.end(), index, place))
    return found


def _bracketed_units(text: str, mentions: list[_Mention], lex: _Lexicon) -> list[_Mention]:
    """The units of "Chaplyne (Synelnykove, Dnipropetrovsk)" only locate the place before
    them, whatever GeoNames knows of them (a town and a region may share a name, "Bam"
    is also a city of Iran): they are no place of a claim."""
    spans = []
    for m in mentions:
        head = lex.settlement_after.match(text, m.end)  # "Bourzanga town (Bam, ...)"
        found = _ADMIN_BRACKETS.match(text, head.end() if head else m.end)
        if found is not None:
            spans.append((m.end, found.end()))
    return [
        replace(m, usable=False) if any(a <= m.start < b for a, b in spans) else m
        for m in mentions
    ]


def _locate(mention: _Mention, towns: list[_Mention]) -> _Mention:
    """Coordinates for a locality GeoNames lacks, borrowed from the nearest named town.

    Reports name hamlets, camps and districts ("Bab Touma", "Kadhimiya") around
    the town the story is about; that town is usually within the scorer's 30 km.
    A district's homonym elsewhere ("quartier de Neudorf") yields to that town
    too, and an unknown administrative area to a town of its own sentence
    ("district de Chikun, au sud de Kaduna").
    """
    place = mention.place
    if place.precision == "region" and place.lat is None:
        same_sentence = True
    elif place.precision == "point":
        same_sentence = False
    else:
        return mention
    towns = [
        m
        for m in towns
        if m.place.name != place.name
        # "le quartier de Bellevue à Nantes": the town of the sentence, whatever
        # country the homonym is in.
        and (m.sentence == mention.sentence or not same_sentence)
        and (place.country is None or m.place.country in (place.country, None)
             or m.sentence == mention.sentence)
    ]
    if not towns:
        return mention
    town = min(towns, key=lambda m: abs(m.start - mention.start)).place
    return replace(mention, place=replace(place, lat=town.lat, lon=town.lon, country=town.country))


def _inside_name(sentence: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether a country name is part of a longer proper name ("Radio France Internationale").

    An administrative head after it ("North Waziristan Agency") is no longer name.
    """
    before = re.search(r"(\S+)\s+$", sentence[:start])
    after = re.match(r"\s+(\S+)", sentence[end:])
    if after and lex.head_after.fullmatch(" " + after.group(1).strip(",.;:")):
        after = None
    # "near Jilib, Somalia": a comma closes the name before.
    capitalised_before = bool(
        before
        and before.group(1)[:1].isupper()
        and before.group(1)[-1:].isalnum()
        and before.start() > 0
    )
    return capitalised_before or bool(after and after.group(1)[:1].isupper())


def _main_country(
    countries: list[tuple[int, int, int, Place]], nationalities: list[str]
) -> str | None:
    tally = Counter(p.country for *_, p in countries if p.country)
    tally.update(nationalities)
    return tally.most_common(1)[0][0] if tally else None


def _runs(sentence: str, lex: _Lexicon) -> list[tuple[int, str]]:
    """The capitalised runs of a sentence (offset, text), split after a possessor:
    "Myanmar's Rakhine" is Myanmar and Rakhine."""
    out = []
    for match in _RUN.finditer(sentence):
        at = match.start()
        parts = lex.possessor.split(match.group()) if lex.possessor else [match.group()]
        for part in parts:
            start = sentence.index(part, at)
            out.append((start, part))
            at = start + len(part)
    return out


def _names_in_run(run: str, lex: _Lexicon) -> list[tuple[int, str]]:
    """Candidate names in a capitalised run: the run itself, then its particle-free parts."""
    offset = 0
    elided = _ELISION.match(run)
    if elided:
        offset = elided.end()
    words = run[offset:].split(" ")
    while words and (words[0] in lex.stopwords or words[0].lower().endswith(lex.compounds)):
        offset += len(words[0]) + 1
        words = words[1:]
    if not words:
        return []
    name = " ".join(words)
    # "J'ai", "S'il": a verb or a pronoun after the elision, not a name; "the Saudi
    # city of Jizan": a nationality, not a name.
    if (
        name in lex.stopwords
        or name.isupper()
        or not name[:1].isupper()
        or name.lower() in lex.adjective_codes
    ):
        return []
    out = [(offset, name)]
    head, _, last = name.rpartition(" ")
    if head and lex.head_after.fullmatch(" " + last):
        # "Kani Township": the name, then its head.
        out.insert(0, (offset, head))
    # "Hyper Cacher de Paris": the last part may be a place the whole is in.
    parts = re.split(rf"\s+{_PARTICLE}\s+", name)
    if len(parts) > 1 and parts[-1] not in lex.stopwords:
        out.append((len(run) - len(parts[-1]), parts[-1]))
    return out


def _city_mention(
    text: str,
    s_start: int,
    start: int,
    name: str,
    index: int,
    context: frozenset[str],
    country: str | None,
    home: frozenset[str | None],
    lex: _Lexicon,
) -> _Mention | None:
    """A capitalised name as a town, an administrative area or an unknown locality.

    `context` holds every country the document names, `home` the main one and
    those of this sentence; a genitive ("la fête de l'Aïd") makes a place of a
    town of a home country only.
    """
    end = start + len(name)
    left = text[max(s_start, start - _CUE_WINDOW) : start]
    found = lex.gazetteer.city(name, context)
    head_after = lex.head_after.match(text, end)
    if head_after:
        # "Helmand province", "Kani Township": the head names an administrative area.
        label = text[start : head_after.end()]
        region = lex.gazetteer.region(label) or lex.gazetteer.region(name)
        if region is not None:
            place = replace(region, name=label)
        elif found and (not context or found[2] in context):
            lat, lon, code, *_ = found
            place = Place(label, lat, lon, code, "admin1")
        elif lex.locative.search(left) or (lex.possessive and lex.possessive.search(left)):
            place = Place(label, None, None, country, "region")
        else:
            # "Islamic State West Africa Province": an unknown name outside a locative
            # context is an organisation's.
            return None
        return _contextualise(text, s_start, start, head_after.end(), index, place, lex)
    admin = lex.admin_head.search(left)
    # "the town of Taji", "Bourzanga town": a settlement head before or after the name.
    settlement = lex.settlement_head.search(left) or lex.settlement_after.match(text, end)
    locative = (
        bool(lex.locative.search(left))
        or (found is not None and found[2] in home and bool(lex.genitive.search(left)))
        # "Baghdad's Sadr City": a possessor's place, so in the story's own countries
        # ("Haiti's Center for Analysis" is no town of Texas).
        or (
            found is not None
            and found[2] in home
            and bool(lex.possessive and lex.possessive.search(left))
        )
    )
    if admin:
        head_start = start - len(left) + admin.start(1)
        label = text[head_start:end]
        if found:
            lat, lon, code, *_ = found
            place = Place(label, lat, lon, code, "admin1")
        else:
            place = Place(label, None, None, country, "region")
        return _contextualise(text, s_start, head_start, end, index, place, lex)
    if found:
        lat, lon, code, population, main = found
        # "arrêté à Strasbourg" in a story that never names France: a large town
        # under its own name, in a locative context, stands without the country.
        known = main and locative and population >= _BARE_CITY_POPULATION
        if context and code not in context and population < _FOREIGN_CITY_POPULATION and not known:
            return None
        if (
            not (locative or settlement or _ADMIN_BRACKETS.match(text, end))
            and population < _BARE_CITY_POPULATION
        ):
            return None
        if lex.subcity_head.search(left):
            # "quartier de Neudorf": a district of the town the story names,
            # not the homonymous village GeoNames knows (see _locate).
            place = Place(name, lat, lon, code, "point")
        else:
            place = Place(name, lat, lon, code, "city")
        return _contextualise(text, s_start, start, end, index, place, lex)
    if settlement or _TIED_AFTER.match(text, end) or _ADMIN_BRACKETS.match(text, end):
        if " " in name and name.split(" ")[0] in lex.stopwords:
            return None
        place = Place(name, None, None, country, "point")
        return _contextualise(text, s_start, start, end, index, place, lex)
    return None


def _contextualise(
    text: str, s_start: int, start: int, end: int, index: int, place: Place, lex: _Lexicon
) -> _Mention:
    """Widen a mention to a direction ("nord du Mali") and flag non-harm contexts."""
    left = text[max(s_start, start - _CUE_WINDOW) : start]
    if place.precision == "country" and lex.directions_pair.search(left):
        # "le sud et l'est du Liban": the smallest place covering both is the country.
        usable = not (lex.non_harm.search(left) or lex.organisation.search(left))
        return _Mention(start, end, index, place, usable, final=True)
    tied = _TIED_AFTER.match(text, end) or lex.tied_before.search(left)
    direction = lex.direction.search(left)
    relative = lex.relative_area.search(left)
    if relative and place.lat is not None and not _DISTANCE.search(left[: relative.start()]):
        # "au sud de Tripoli" is near the town: the scorer's 30 km cover it.
        start = start - len(left) + relative.start(1)
        place = replace(place, name=text[start:end], precision="area")
        left = text[max(s_start, start - _CUE_WINDOW) : start]
    elif direction and not (relative and place.lat is not None):
        # "au nord d'Israël" is a part of the country; "à 200 km au nord de
        # Bamako" is neither the town nor a part of it.
        start = start - len(left) + direction.start(1)
        label = text[start:end]
        place = replace(place, name=label[:1].lower() + label[1:], precision="area")
        if place.lat is None or place.precision == "country":
            place = replace(place, lat=None, lon=None)
        left = text[max(s_start, start - _CUE_WINDOW) : start]
    tie = None
    if tied is not None:
        tie = tied.start(1) if tied.re is _TIED_AFTER else start - len(left) + tied.start(1)
    usable = not (
        tied
        or lex.relative.search(left)
        or lex.non_harm.search(left)
        or lex.organisation.search(left)
        or lex.agent.search(left)
        # "un front contre Israël", "l'Ethiopie voisine": a party or a refuge.
        or (place.precision == "country" and lex.adversary.search(left))
        or (place.precision == "country" and lex.actor.match(text, end))
        or lex.neighbour.match(text, end)
        or bool(lex.owner and lex.owner.match(text, end))
    )
    final = place.precision == "area" and bool(lex.coast.match(place.name))
    return _Mention(start, end, index, place, usable, final=final, tie=tie)


def _bound_mentions(
    text: str, claim: tuple[int, int, int], by_sentence: dict[int, list[_Mention]]
) -> list[_Mention]:
    """Mentions that belong to one claim only: "Tchoma Bangou (70 morts)", "dont 3 à Gao"."""
    index, start, end = claim
    return [
        m
        for m in by_sentence.get(index, [])
        if (m.end <= start and text[m.end : start].strip() == "(")
        or (m.tie is not None and start <= m.tie < end)
    ]


# How close before a claim a place must end to lead it ("le Brésil avec 48.954 morts").
_LEADING_PLACE = 12


def _choose(
    text: str,
    mentions: list[_Mention],
    start: int,
    end: int,
    previous: tuple[int, int] | None,
    bound: dict[int, int],
    claim: int,
    lex: _Lexicon,
) -> tuple[Place | None, bool, bool]:
    """The place of one claim among its sentence's mentions, whether it is the
    claim's own, and whether it is final (not to be refined).

    `previous` is the span of the previous claim of the sentence, if any: a place
    between the two is that claim's when this one has a place of its own further
    on ("4.000 morts dans le sud du Bangladesh et, en 2008, 138.000 morts ... des
    côtes birmanes"), unless that claim's place came before it: then the list
    names each place first ("le Brésil avec 48.954 morts, le Royaume-Uni avec
    42.589 morts").
    """
    inside = [m for m in mentions if m.start < end and start < m.end]
    own = [m for m in mentions if bound.get(id(m)) == claim]
    if inside or own:
        return max(inside or own, key=lambda m: m.rank).place, True, True
    cue = _attribution_after(text, mentions, end, lex)
    usable = [m for m in mentions if m.usable and not (cue is not None and m.start >= cue)]
    if previous is not None and any(m.start >= end for m in usable):
        before, after = previous
        if not any(0 <= before - m.end <= _LEADING_PLACE for m in usable):
            usable = [m for m in usable if not after <= m.start < start]
    if not usable:
        return None, False, False
    nearest = min(usable, key=lambda m: _distance(m, start, end))
    if nearest.place.country is None and nearest.end <= start:
        # "c'est à Madrid qu'avaient eu lieu les attentats les plus meurtriers
        # commis en Europe: ... 191 morts": a continent that follows a country's
        # place in the clause frames a comparison; the place is the earlier one.
        framed = [m for m in usable if m.end <= nearest.start and m.place.country is not None]
        if framed:
            nearest = framed[-1]
    chain = _chain(text, usable, nearest, lex)
    best = _town_within(text, max(chain, key=lambda m: m.rank), usable, start, end, lex)
    pair = _coordinated(text, usable, best, lex)
    if pair is not None:
        return _compound(*pair, lex.conjunction), False, True
    return best.place, False, best.final


def _nested_towns(text: str, mentions: list[_Mention], lex: _Lexicon) -> dict[str, Place]:
    """Each region's first town that the text places in it: 'à Soumoulou
    (Pyrénées-Atlantiques)', 'in Santa Fe, Texas'."""
    nested: dict[str, Place] = {}
    for town, region in pairwise(mentions):
        if (
            town.usable and town.place.precision == "city"
            and region.place.precision == "region"
            and lex.nesting.fullmatch(text, town.end, region.start)
            and _in_region(town.place, region.place)
        ):
            nested.setdefault(region.place.name, town.place)
    return nested


def _in_region(town: Place, region: Place) -> bool:
    """Whether the town is close enough to the region's centre to lie in it."""
    if town.country != region.country or town.lat is None or town.lon is None \
            or region.lat is None or region.lon is None:
        return False
    return distance_km(region.lat, region.lon, town.lat, town.lon) <= _REGION_REACH_KM


def _town_within(
    text: str, best: _Mention, usable: list[_Mention], start: int, end: int, lex: _Lexicon
) -> _Mention:
    """A town of the sentence inside the region chosen, which it makes precise ("the state
    of Guanajuato ... near the city of Celaya"); a region has a centroid only, so a town
    this close to it is taken to lie in it."""
    region = best.place
    if region.precision != "region" or region.lat is None or region.lon is None:
        return best
    towns = [
        m
        for m in usable
        if m.place.precision == "city"
        and _in_region(m.place, region)
        # "nine killed in the region, including two in Kharkiv city": a breakdown's town.
        and not (m.start >= end and lex.breakdown.search(text, end, m.start))
    ]
    return min(towns, key=lambda m: _distance(m, start, end)) if towns else best


def _coordinated(
    text: str, mentions: list[_Mention], seed: _Mention, lex: _Lexicon
) -> tuple[Place, Place] | None:
    """The seed and the place it is coordinated with ("à Hong Kong et aux Philippines")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    at = ordered.index(seed)
    for i in (at - 1, at):
        if i < 0 or i + 1 >= len(ordered):
            continue
        a, b = ordered[i], ordered[i + 1]
        if (
            a.place.name != b.place.name
            and b.start - a.end <= _COORDINATION_GAP
            and lex.coordinated.match(text, a.end, b.start)
        ):
            return a.place, b.place
    return None


def _compound(a: Place, b: Place, conjunction: str) -> Place:
    """One place for a count shared by two: named "A et B", in their common country.

    Two towns of one country get their midpoint ("Toulouse et Montauban").
    """
    country = a.country if a.country == b.country else None
    if (
        country
        and a.lat is not None
        and b.lat is not None
        and a.lon is not None
        and b.lon is not None
    ):
        lat, lon = round((a.lat + b.lat) / 2, 4), round((a.lon + b.lon) / 2, 4)
        return Place(f"{a.name} {conjunction} {b.name}", lat, lon, country, "region")
    return Place(f"{a.name} {conjunction} {b.name}", None, None, country, "area")


def _attribution_after(
    text: str, mentions: list[_Mention], end: int, lex: _Lexicon
) -> int | None:
    """Where the first attribution cue after a claim (ending at `end`) ends, if one comes
    before the sentence's last mention: "... a annoncé le ministère de l'Intérieur à
    Bagdad": where the speaker sits, after the cue, is not where the harm happened."""
    last = max((m.start for m in mentions if m.start >= end), default=None)
    cue = lex.attribution.search(text, end, last) if last is not None else None
    return cue.end() if cue is not None else None


def _distance(mention: _Mention, start: int, end: int) -> float:
    if mention.start >= end:
        return mention.start - end
    # A place before the claim is usually an earlier clause's.
    return (start - mention.end) * 1.5


def _chain(
    text: str, mentions: list[_Mention], seed: _Mention, lex: _Lexicon
) -> list[_Mention]:
    """The seed and its neighbours joined by a comma, a parenthesis or a possessive ("à Gao,
    dans le nord", "Myanmar's Rakhine state"); a possessor is left out, as what it owns
    lies within it ("Baghdad's Sadr City district")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    at = ordered.index(seed)
    chain = [seed]
    possessors = []
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(ordered):
            a, b = sorted((ordered[i], ordered[i + step]), key=lambda m: m.start)
            gap = text[a.end : b.start]
            possessed = bool(lex.possessor and lex.possessor.fullmatch(gap))
            if len(gap) > _CHAIN_GAP or "." in gap or not (re.match(r"\s*[,(]", gap) or possessed):
                break
            if a.place.country != b.place.country:
                break
            if possessed:
                possessors.append(a)
            i += step
            chain.append(ordered[i])
    return [m for m in chain if m not in possessors] or chain


def _is_headline(text: str, span: tuple[int, int]) -> bool:
    # Titles carry no final stop; body sentences do.
    return text[span[1] - 1 : span[1]] not in '.!?»"'


def _leading_places(by_sentence: dict[int, list[_Mention]]) -> list[tuple[int, _Mention]]:
    """(sentence, its most precise usable place) of each sentence that can give its place to
    the sentences after it, in text order; `_previous` looks them up.

    A sentence that names several countries ("six en Allemagne, quatre en Belgique",
    "la France devant les Etats-Unis") gives no one place to what follows: an
    earlier sentence's is used.
    """
    leading = []
    for index in sorted(by_sentence):
        usable = [m for m in by_sentence[index] if m.usable]
        countries = {m.place.country for m in usable if m.place.precision == "country"}
        if usable and len(countries) < _LIST_COUNTRIES:
            leading.append((index, max(usable, key=lambda m: m.rank)))
    return leading


def _previous(leading: list[tuple[int, _Mention]], sentence: int) -> _Mention | None:
    """The most precise place of the last sentence before `sentence` that gives one."""
    at = bisect_left(leading, sentence, key=lambda item: item[0])
    return leading[at - 1][1] if at else None


def _filed_from(
    text: str, dateline: Dateline, mentions: list[_Mention], lex: _Lexicon
) -> _Mention | None:
    """The country of a dateline, named ("MAIDUGURI, Nigeria") or of its city ("KYIV")."""
    start, end = dateline.place
    for m in mentions:
        if start <= m.start < end and m.place.precision == "country":
            return replace(m, usable=True)
    found = lex.gazetteer.city(text[start:end].split(",")[0].title())
    if found is None or found[3] < _BARE_CITY_POPULATION:
        return None
    place = _country_place(found[2], _country_names(mentions), lex)
    return _Mention(start, end, 0, place) if place is not None else None


def _fallback(mentions: list[_Mention]) -> _Mention | None:
    usable = [m for m in mentions if m.usable]
    return usable[0] if usable else None
