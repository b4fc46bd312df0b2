"""One language's casualty vocabulary, loaded from its lexicon file, and the phrase
lookups the rules use. Word sequences are lower-case token texts."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from bilan import lexicons
from bilan.lexicons import alternation


def phrase_table(mapping: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(_split_words(key)): value for key, value in mapping.items()}


def _split_words(phrase: str) -> list[str]:
    # Tokenised like spaCy's French tokenizer: elided articles stay attached ("d'", "l'").
    return re.findall(r"\w+(?:-\w+)*'?|[^\w\s]", phrase)


class CasualtyLexicon:
    """One language's casualty vocabulary, in the shapes the matcher needs."""

    def __init__(self, lang: str) -> None:
        lex = lexicons.load(lang, "casualties")
        # Matched against lower-cased text at word starts: far faster than IGNORECASE. Long
        # participles and harm nouns cue themselves, so the lexicon cannot drift from it.
        stems = set(lex["cue_stems"])
        stems.update(re.escape(p[:-1]) for p in lex["harm_participles"] if len(p) >= 6)
        stems.update(re.escape(n.split()[0]) for n in lex["harm_nouns"] if len(n) >= 5)
        stems.update(syntax_stems(lang))
        self.cue = cue_pattern(stems)
        self.harm_nouns = phrase_table(lex["harm_nouns"])
        self.ambiguous_harm: dict[str, str] = lex["ambiguous_harm_nouns"]
        # "l'arrestation de", "les meurtres de": each noun in both numbers.
        before_de: dict[str, str] = lex["harm_nouns_before_de"]
        self.harm_before_de = {
            **{noun + "s": outcome for noun, outcome in before_de.items() if noun[-1] != "s"},
            **before_de,
        }
        self.participles: dict[str, str] = {}
        for stem, outcome in lex["harm_participles"].items():
            for ending in ("", "e", "s", "es"):
                form = stem + ending if not (stem.endswith("s") and ending == "s") else stem
                self.participles.setdefault(form, outcome)
        # Harm only when suffered ("ont été traitées"), not done ("a traité un adolescent de").
        self.passive_only = {
            stem + ending
            for stem in lex["passive_only_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.intransitive = {
            stem + ending
            for stem in lex["intransitive_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.verbs: dict[str, str] = lex["harm_verbs"]
        self.intransitive_verbs = frozenset(lex["intransitive_verbs"])
        self.light_verbs = frozenset(lex["light_verbs"])
        self.phrases = phrase_table(lex["harm_phrases"])
        self.not_harm = phrase_table(dict.fromkeys(lex["not_harm_phrases"], "none"))
        # Only these phrases take the harmed as their object ("a coûté la vie à neuf soldats").
        self.object_phrases = {
            key: value for key, value in self.phrases.items()
            if " ".join(key) in set(lex["object_phrases"])
        }
        self.zero = phrase_table(lex["zero_patterns"])
        self.victims = phrase_table(_with_inflections(lex["victim_nouns"]))
        self.generic_heads = frozenset(lex["generic_heads"])
        self.security_modifiers = frozenset(lex["security_modifiers"])
        self.rebel_modifiers = frozenset(lex["rebel_modifiers"])
        self.aid_modifiers = frozenset(lex["aid_modifiers"])
        self.modifiers = {
            victims: word_pattern(lex[key])
            for key, victims in (
                ("security_modifiers", "security_forces"), ("rebel_modifiers", "rebels"),
                ("aid_modifiers", "aid_workers"),
            )
        }
        self.not_people = frozenset(lex["not_people_after_number"] + lex["not_people_nouns"])
        self.skip_adjectives = frozenset(lex["adjectives_to_skip"])
        self.other_markers = frozenset(lex["other_markers"])
        self.time_nouns = frozenset(lex["time_nouns"])
        self.possessives = frozenset(lex["possessives"])
        self.relations = frozenset(lex["relation_nouns"])
        self.ranking = frozenset(lex["ranking_words"])
        counts = lexicons.load(lang, "counts")
        self.indefinite = frozenset(counts["indefinite_one"])
        self.pair_determiners = frozenset(counts["pair_determiners"] + counts["pair_articles"])
        self.indefinite_not_count = phrase_table(dict.fromkeys(lex["indefinite_not_count"], "no"))
        self.singular_auxiliaries = frozenset(lex["singular_auxiliaries"])
        self.present_passive = frozenset(lex["present_passive_auxiliaries"])
        self.definite = frozenset(lex["definite_determiners"])
        self.perpetrator = word_pattern(lex["perpetrator_words"])
        self.people_endings = tuple(lex["people_noun_endings"])
        self.nationality_endings = tuple(lex["nationality_endings"])
        # "des combats ont éclaté lundi dans le sud entre séparatistes et forces loyales"
        self.fighting_between = re.compile(
            r"\b" + alternation(lex["fighting_between"]) + r"\b[^.;]{0,80}?\bentre\b",
            re.IGNORECASE,
        )
        self.security_agents = word_pattern(lex["security_agents"])
        self.back_references = phrase_table(dict.fromkeys(lex["back_reference_heads"], "back"))
        self.agent_markers = frozenset(lex["agent_markers"])
        self.passive = frozenset(lex["passive_auxiliaries"])
        self.active = frozenset(lex["active_auxiliaries"])
        self.breakdown_openers = phrase_table(dict.fromkeys(lex["breakdown_openers"], "open"))
        self.among = phrase_table(dict.fromkeys(lex["among_openers"], "among"))
        self.among_back = phrase_table(dict.fromkeys(lex["among_back_references"], "back"))
        self.proportion_bases = phrase_table(dict.fromkeys(lex["proportion_bases"], "base"))
        self.population = frozenset(lex["population_nouns"])
        self.population_links = frozenset(lex["population_links"])
        self.year_prepositions = frozenset(lex["year_prepositions"])
        self.comparison = phrase_table(dict.fromkeys(lex["comparison_words"], "than"))
        self.among_predicates = phrase_table(dict.fromkeys(lex["among_predicates"], "among"))
        self.distributive_first = phrase_table(dict.fromkeys(lex["distributive_first"], "one"))
        self.distributive_second = phrase_table(dict.fromkeys(lex["distributive_second"], "one"))
        self.headless = frozenset(lex["headless_breakdown_words"])
        self.incise = phrase_table(dict.fromkeys(lex["incise_openers"], "incise"))
        # Function words the French rules read, named by the role they play there.
        words = lex["grammar_words"]
        self.partitives = frozenset(words["partitives"])
        self.noun_complements = frozenset(words["noun_complements"])
        self.genitive_links = frozenset(words["genitive_links"])
        self.feminine_indefinite = frozenset(words["feminine_indefinite"])
        self.plain_people = frozenset(words["plain_people"])
        self.refine_stops = frozenset(words["refine_stops"])
        self.relative_pronouns = frozenset(words["relative_pronouns"])
        self.infinitive_auxiliaries = frozenset(words["infinitive_auxiliaries"])
        self.infinitive_markers = frozenset(words["infinitive_markers"])
        self.coordinators = frozenset(words["coordinators"])
        self.list_links = frozenset(words["list_links"])
        self.place_prepositions = frozenset(words["place_prepositions"])
        self.crossed_prepositions = frozenset(words["crossed_prepositions"])
        self.means_prepositions = frozenset(words["means_prepositions"])
        self.object_stops = frozenset(words["object_stops"])
        self.active_markers = frozenset(words["active_markers"])
        self.active_infinitives = frozenset(words["active_infinitives"])
        self.sequence_words = frozenset(words["sequence_words"])
        self.chain_auxiliaries = frozenset(words["chain_auxiliaries"])
        self.rate_prepositions = frozenset(words["rate_prepositions"])
        self.named_breakdown_openers = frozenset(words["named_breakdown_openers"])
        self.singular_articles = frozenset(words["singular_articles"])
        self.articles = frozenset(words["articles"])
        self.clause_ends = frozenset(words["clause_ends"])
        self.lost_life_words = frozenset(words["lost_life_words"])
        self.passive_participles = frozenset(words["passive_participles"])
        self.among_verbs = frozenset(words["among_verbs"])
        self.questioning_prepositions = frozenset(words["questioning_prepositions"])
        self.clitic_pronouns = frozenset(words["clitic_pronouns"])
        self.continuation_links = frozenset(words["continuation_links"])
        self.toll_links = frozenset(words["toll_links"])
        self.toll_nouns = frozenset(words["toll_nouns"])
        self.headless_end_words = frozenset(words["headless_end_words"])
        self.unspecified_victims = frozenset(words["unspecified_victims"])
        self.zero_pronouns = frozenset(words["zero_pronouns"])
        self.zero_determiners = frozenset(words["zero_determiners"])
        self.negations = frozenset(words["negations"])
        self.conjunction: str = words["conjunction"]
        self.questionable_stems = tuple(words["questionable_stems"])
        self.plural_endings = tuple(words["plural_endings"])
        self.participle_plurals = tuple(words["participle_plural_endings"])


def syntax_stems(lang: str) -> set[str]:
    """Regex stems of the harm lemmas the syntactic reader reads ("défér" for "déférer"),
    so the sentences that hold them are parsed."""
    data = lexicons.load(lang, "syntax")
    lemmas = {*data["transitive_harm"], *data["intransitive_harm"], *data["harm_nouns"],
              *data["negated_harm"]}
    ending = re.compile(data["lemma_ending"])
    stems = {re.escape(ending.sub("", lemma)) for lemma in lemmas if len(lemma) >= 4}
    # An idiom's complement cues it ("mis en examen"); its verb is too common to.
    return stems | {re.escape(idiom.split()[-1]) for idiom in data["harm_idioms"]}


def cue_pattern(stems: set[str]) -> re.Pattern[str]:
    """Any of the regex `stems` at a word start, for lower-cased text."""
    return re.compile(r"\b(?:" + "|".join(sorted(stems)) + ")")


class EnglishLexicon:
    """The English casualty vocabulary (`en/casualties.json`), for `bilan.rules.english`.

    English lists every inflected form, so no endings are generated; phrase keys are
    token sequences as spaCy's English tokenizer splits them.
    """

    def __init__(self) -> None:
        lex = lexicons.load("en", "casualties")
        # Every harm word and phrase cues itself, so the lexicon cannot drift from the cue.
        stems = set(lex["cue_stems"])
        for key in ("harm_nouns", "participles", "predicate_phrases", "active_verbs"):
            stems.update(re.escape(phrase) for phrase in lex[key] if len(phrase) >= 4)
        stems.update(syntax_stems("en"))
        self.cue = cue_pattern(stems)
        self.report_verbs = frozenset(lex["report_verbs"])
        self.harm_nouns = phrase_table(lex["harm_nouns"])
        self.headless_nouns = frozenset(lex["headless_nouns"])
        self.harm_before_of: dict[str, str] = lex["harm_nouns_before_of"]
        self.articles = frozenset(lex["articles"])
        self.hostage_nouns: dict[str, str] = lex["hostage_nouns"]
        self.participles: dict[str, str] = lex["participles"]
        self.phrases = phrase_table(lex["predicate_phrases"])
        self.among_predicates = frozenset(lex["among_predicates"])
        self.year_before = frozenset(lex["year_before"])
        self.active = phrase_table(lex["active_verbs"])
        self.verb_complements = {
            outcome: (
                frozenset(pair["verbs"]),
                phrase_table(dict.fromkeys(pair["complements"], outcome)),
            )
            for outcome, pair in lex["verb_complements"].items() if not outcome.startswith("_")
        }
        self.to_death_verbs = frozenset(lex["to_death_verbs"])
        self.to_death = phrase_table(dict.fromkeys(lex["to_death_complements"], "killed"))
        self.copulas = frozenset(lex["copulas"])
        self.crossable = phrase_table(dict.fromkeys(lex["crossable_before_object"], "cross"))
        self.passive = frozenset(lex["passive_auxiliaries"])
        self.finite = frozenset(lex["finite_auxiliaries"])
        self.zero_words = frozenset(lex["zero_words"])
        self.zero_people = phrase_table(lex["zero_people"])
        self.zero_nouns: dict[str, list[str]] = lex["zero_nouns"]
        self.zero_participles: dict[str, list[str]] = lex["zero_participles"]
        self.breakdown_openers = phrase_table(dict.fromkeys(lex["breakdown_openers"], "open"))
        self.back_references = phrase_table(dict.fromkeys(lex["back_references"], "back"))
        self.among_openers = phrase_table(dict.fromkeys(lex["among_openers"], "among"))
        self.among_back = phrase_table(dict.fromkeys(lex["among_back_references"], "back"))
        self.other_words = frozenset(lex["other_words"])
        self.toll_nouns = phrase_table(dict.fromkeys(lex["toll_nouns"], "toll"))
        self.toll_links = frozenset(lex["toll_links"])
        self.number_of = phrase_table(dict.fromkeys(lex["number_of"], "number"))
        self.possessives = frozenset(lex["possessives"])
        self.definite = frozenset(lex["definite"])
        self.relatives = frozenset(lex["relative_pronouns"])
        self.coordinators = frozenset(lex["coordinators"])
        self.incise = phrase_table(dict.fromkeys(lex["incise_openers"], "incise"))
        self.person_nouns = frozenset(lex["person_nouns"])
        self.name_titles = frozenset(lex["name_titles"])
        self.of: str = lex["partitive_link"]
        self.complements = frozenset(lex["complement_prepositions"])
        self.side_heads = frozenset(lex["side_heads"])
        self.other_heads = frozenset(lex["other_heads"])
        self.more_words = frozenset(lex["more_words"])
        self.quantifiers = frozenset(lex["quantifiers"])
        self.among_subjects = phrase_table(dict.fromkeys(lex["among_subjects"], "among"))
        self.among_verbs = frozenset(lex["among_verbs"])
        self.sentence_back = phrase_table(dict.fromkeys(lex["sentence_back_references"], "back"))
        self.victims = phrase_table(_with_inflections(lex["victim_nouns"]))
        self.generic_heads = frozenset(lex["generic_heads"])
        self.relations = frozenset(lex["relation_nouns"])
        self.modifiers = {
            victims: word_pattern(lex[key])
            for key, victims in (
                ("security_modifiers", "security_forces"), ("rebel_modifiers", "rebels"),
                ("aid_modifiers", "aid_workers"), ("civilian_modifiers", "civilians"),
            )
        }
        self.children_modifiers = frozenset(lex["children_modifiers"])
        self.combatant_sides = word_pattern(lex["combatant_sides"])
        self.not_people = frozenset(lex["not_people"])
        self.stop = frozenset(lex["stop_words"])
        self.modifier_punct = frozenset(lex["modifier_punct"])


@cache
def casualty_lexicon(lang: str) -> CasualtyLexicon | EnglishLexicon:
    """The casualty vocabulary of `lang`, loaded once."""
    return EnglishLexicon() if lang == "en" else CasualtyLexicon(lang)


def _with_inflections(nouns: dict[str, str]) -> dict[str, str]:
    """Victim nouns with the number and gender forms the lexicon does not list: "pompier"
    from "pompiers", "retraitée" from "retraité". Listed forms win."""
    found = dict(nouns)
    for noun, victims in nouns.items():
        if " " in noun:
            continue
        forms = [noun[:-1]] if noun.endswith("s") else [noun + "s"]
        if noun.endswith(("é", "és")):
            stem = noun.rstrip("s")
            forms += [stem + "e", stem + "es"]
        for form in forms:
            found.setdefault(form, victims)
    return found


def word_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, whatever their case."""
    return re.compile(r"\b" + alternation(phrases) + r"\b", re.IGNORECASE)


def cue_flags(text: str, spans: list[tuple[int, int]], cue: re.Pattern[str]) -> list[bool]:
    """Whether each sentence span holds a casualty cue: one regex pass over the whole text."""
    hits = [match.start() for match in cue.finditer(text.lower())]
    return [bisect_left(hits, end) > bisect_left(hits, start) for start, end in spans]


def match(table: dict[tuple[str, ...], str], words: list[str], i: int) -> tuple[str, int] | None:
    """Longest entry of `table` starting at word i: (value, end index)."""
    for size in range(min(6, len(words) - i), 0, -1):
        value = table.get(tuple(words[i : i + size]))
        if value is not None:
            return value, i + size
    return None


def match_ending(
    table: dict[tuple[str, ...], str], words: list[str], end: int, start: int
) -> tuple[str, int] | None:
    """Longest entry of `table` ending at word index `end` (exclusive), not before `start`."""
    for size in range(min(6, end - start), 0, -1):
        value = table.get(tuple(words[end - size : end]))
        if value is not None:
            return value, end - size
    return None
