"""The French casualty vocabulary (`fr/casualties.json`), in the shapes the French
reader needs."""

from __future__ import annotations

import re
from typing import Any

from bilan.lang import alternation, load_lexicon
from bilan.lang.lexicon import CasualtyLexicon, phrase_table, word_pattern


class FrenchLexicon(CasualtyLexicon):
    """The French casualty vocabulary, in the shapes the French reader needs: participles
    are listed by stem and gain their e/s/es forms here."""

    def __init__(self) -> None:
        super().__init__("fr")
        lex = load_lexicon("fr", "casualties")
        self.ambiguous_harm_nouns: dict[str, str] = lex["ambiguous_harm_nouns"]
        # "l'arrestation de", "les meurtres de": each noun in both numbers.
        before_de: dict[str, str] = lex["harm_nouns_before_de"]
        self.harm_nouns_before_de = {
            **{noun + "s": outcome for noun, outcome in before_de.items() if noun[-1] != "s"},
            **before_de,
        }
        self.harm_participles: dict[str, str] = {}
        for stem, outcome in lex["harm_participles"].items():
            for ending in ("", "e", "s", "es"):
                form = stem + ending if not (stem.endswith("s") and ending == "s") else stem
                self.harm_participles.setdefault(form, outcome)
        # Harm only when suffered ("ont été traitées"), not done ("a traité un adolescent de").
        self.passive_only_participles = {
            stem + ending
            for stem in lex["passive_only_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.intransitive_participles = {
            stem + ending
            for stem in lex["intransitive_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.harm_verbs: dict[str, str] = lex["harm_verbs"]
        self.intransitive_verbs = frozenset(lex["intransitive_verbs"])
        self.light_verbs = frozenset(lex["light_verbs"])
        self.harm_phrases = phrase_table(lex["harm_phrases"])
        self.not_harm_phrases = phrase_table(dict.fromkeys(lex["not_harm_phrases"], "none"))
        # Only these phrases take the harmed as their object ("a coûté la vie à neuf soldats").
        self.object_phrases = {
            key: value for key, value in self.harm_phrases.items()
            if " ".join(key) in set(lex["object_phrases"])
        }
        self.zero_patterns = phrase_table(lex["zero_patterns"])
        self.security_modifiers = frozenset(lex["security_modifiers"])
        self.rebel_modifiers = frozenset(lex["rebel_modifiers"])
        self.aid_modifiers = frozenset(lex["aid_modifiers"])
        self.adjectives_to_skip = frozenset(lex["adjectives_to_skip"])
        self.other_markers = frozenset(lex["other_markers"])
        self.time_nouns = frozenset(lex["time_nouns"])
        self.finding_verbs = frozenset(lex["finding_verbs"])
        self.ranking_words = frozenset(lex["ranking_words"])
        counts = load_lexicon("fr", "counts")
        self.indefinite_one = frozenset(counts["indefinite_one"])
        self.pair_determiners = frozenset(counts["pair_determiners"])
        self.pair_articles = frozenset(counts["pair_articles"])
        self.indefinite_not_count = phrase_table(dict.fromkeys(lex["indefinite_not_count"], "no"))
        self.singular_auxiliaries = frozenset(lex["singular_auxiliaries"])
        self.present_passive_auxiliaries = frozenset(lex["present_passive_auxiliaries"])
        self.perpetrator_words = word_pattern(lex["perpetrator_words"])
        self.people_noun_endings = tuple(lex["people_noun_endings"])
        self.nationality_endings = tuple(lex["nationality_endings"])
        # "des combats ont éclaté lundi dans le sud entre séparatistes et forces loyales"
        self.fighting_between = re.compile(
            r"\b" + alternation(lex["fighting_between"]) + r"\b[^.;]{0,80}?\bentre\b",
            re.IGNORECASE,
        )
        self.security_agents = word_pattern(lex["security_agents"])
        self.back_reference_heads = phrase_table(dict.fromkeys(lex["back_reference_heads"], "back"))
        self.agent_markers = frozenset(lex["agent_markers"])
        self.passive_auxiliaries = frozenset(lex["passive_auxiliaries"])
        self.active_auxiliaries = frozenset(lex["active_auxiliaries"])
        self.proportion_bases = phrase_table(dict.fromkeys(lex["proportion_bases"], "base"))
        self.population_nouns = frozenset(lex["population_nouns"])
        self.population_links = frozenset(lex["population_links"])
        self.year_prepositions = frozenset(lex["year_prepositions"])
        self.comparison_words = phrase_table(dict.fromkeys(lex["comparison_words"], "than"))
        self.increment_words = phrase_table(dict.fromkeys(lex["increment_words"], "more"))
        self.among_predicates = phrase_table(dict.fromkeys(lex["among_predicates"], "among"))
        self.distributive_first = phrase_table(dict.fromkeys(lex["distributive_first"], "one"))
        self.distributive_second = phrase_table(dict.fromkeys(lex["distributive_second"], "one"))
        self.headless_breakdown_words = frozenset(lex["headless_breakdown_words"])
        # Function words and punctuation the French rules read, named by the role they play there.
        words = lex["grammar_words"]
        self.quote_marks = frozenset(words["quote_marks"])
        self.stop_punctuation = frozenset(words["stop_punctuation"])
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
        self.frequency_quantifiers = frozenset(words["frequency_quantifiers"])
        self.unspecified_victims = frozenset(words["unspecified_victims"])
        self.zero_pronouns = frozenset(words["zero_pronouns"])
        self.zero_determiners = frozenset(words["zero_determiners"])
        self.negations = frozenset(words["negations"])
        self.conjunction: str = words["conjunction"]
        self.questionable_stems = tuple(words["questionable_stems"])
        self.plural_endings = tuple(words["plural_endings"])
        self.participle_plural_endings = tuple(words["participle_plural_endings"])

    @staticmethod
    def own_cue_stems(lex: dict[str, Any]) -> set[str]:
        # Long participles and harm nouns cue themselves, so the lexicon cannot drift from
        # the cue.
        stems = {re.escape(p[:-1]) for p in lex["harm_participles"] if len(p) >= 6}
        return stems | {re.escape(n.split()[0]) for n in lex["harm_nouns"] if len(n) >= 5}
