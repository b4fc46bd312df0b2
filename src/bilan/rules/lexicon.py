"""One language's casualty vocabulary, loaded from its lexicon file, and the phrase
lookups the rules use. Word sequences are lower-case token texts."""

from __future__ import annotations

import re
from bisect import bisect_left

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
        self.cue = re.compile(r"\b(?:" + "|".join(sorted(stems)) + ")")
        self.harm_nouns = phrase_table(lex["harm_nouns"])
        self.ambiguous_harm: dict[str, str] = lex["ambiguous_harm_nouns"]
        self.harm_before_de: dict[str, str] = lex["harm_nouns_before_de"]
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
        self.intransitive_verbs = frozenset(
            ("mourir", "périr", "décéder", "succomber", "disparaître", "fuir")
        )
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
        self.comparison = phrase_table(dict.fromkeys(lex["comparison_words"], "than"))
        self.among_predicates = phrase_table(dict.fromkeys(lex["among_predicates"], "among"))
        self.distributive_first = phrase_table(dict.fromkeys(lex["distributive_first"], "one"))
        self.distributive_second = phrase_table(dict.fromkeys(lex["distributive_second"], "one"))
        self.headless = frozenset(lex["headless_breakdown_words"])
        self.incise = phrase_table(dict.fromkeys(lex["incise_openers"], "incise"))


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
