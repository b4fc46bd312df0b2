"""The English casualty vocabulary (`en/casualties.json`), in the shapes the English
reader needs."""

from __future__ import annotations

import re
from typing import Any

from bilan.lang import load_lexicon
from bilan.lang.lexicon import CasualtyLexicon, phrase_table, word_pattern


class EnglishLexicon(CasualtyLexicon):
    """The English casualty vocabulary (`en/casualties.json`), for `bilan.lang.en.reader`.

    English lists every inflected form, so no endings are generated; phrase keys are
    token sequences as spaCy's English tokenizer splits them.
    """

    def __init__(self) -> None:
        super().__init__("en")
        lex = load_lexicon("en", "casualties")
        self.report_verbs = frozenset(lex["report_verbs"])
        self.headless_nouns = frozenset(lex["headless_nouns"])
        self.harm_nouns_before_of: dict[str, str] = lex["harm_nouns_before_of"]
        self.articles = frozenset(lex["articles"])
        self.hostage_nouns: dict[str, str] = lex["hostage_nouns"]
        self.participles: dict[str, str] = lex["participles"]
        self.predicate_phrases = phrase_table(lex["predicate_phrases"])
        self.among_predicates = frozenset(lex["among_predicates"])
        self.year_before = frozenset(lex["year_before"])
        self.active_verbs = phrase_table(lex["active_verbs"])
        self.verb_complements = {
            outcome: (
                frozenset(pair["verbs"]),
                phrase_table(dict.fromkeys(pair["complements"], outcome)),
            )
            for outcome, pair in lex["verb_complements"].items() if not outcome.startswith("_")
        }
        self.to_death_verbs = frozenset(lex["to_death_verbs"])
        self.to_death_complements = phrase_table(
            dict.fromkeys(lex["to_death_complements"], "killed")
        )
        self.copulas = frozenset(lex["copulas"])
        self.crossable_before_object = phrase_table(
            dict.fromkeys(lex["crossable_before_object"], "cross")
        )
        self.passive_auxiliaries = frozenset(lex["passive_auxiliaries"])
        self.finite_auxiliaries = frozenset(lex["finite_auxiliaries"])
        self.zero_words = frozenset(lex["zero_words"])
        self.zero_people = phrase_table(lex["zero_people"])
        self.zero_nouns: dict[str, list[str]] = lex["zero_nouns"]
        self.zero_participles: dict[str, list[str]] = lex["zero_participles"]
        self.back_references = phrase_table(dict.fromkeys(lex["back_references"], "back"))
        self.other_words = frozenset(lex["other_words"])
        self.toll_nouns = phrase_table(dict.fromkeys(lex["toll_nouns"], "toll"))
        self.toll_links = frozenset(lex["toll_links"])
        self.number_of = phrase_table(dict.fromkeys(lex["number_of"], "number"))
        self.relative_pronouns = frozenset(lex["relative_pronouns"])
        self.coordinators = frozenset(lex["coordinators"])
        self.person_nouns = frozenset(lex["person_nouns"])
        self.name_titles = frozenset(lex["name_titles"])
        self.partitive_link: str = lex["partitive_link"]
        self.complement_prepositions = frozenset(lex["complement_prepositions"])
        self.side_heads = frozenset(lex["side_heads"])
        self.other_heads = frozenset(lex["other_heads"])
        self.more_words = frozenset(lex["more_words"])
        self.quantifiers = frozenset(lex["quantifiers"])
        self.among_subjects = phrase_table(dict.fromkeys(lex["among_subjects"], "among"))
        self.among_verbs = frozenset(lex["among_verbs"])
        self.sentence_back_references = phrase_table(
            dict.fromkeys(lex["sentence_back_references"], "back")
        )
        self.children_modifiers = frozenset(lex["children_modifiers"])
        self.combatant_sides = word_pattern(lex["combatant_sides"])
        self.stop_words = frozenset(lex["stop_words"])
        self.modifier_punct = frozenset(lex["modifier_punct"])

    @staticmethod
    def own_cue_stems(lex: dict[str, Any]) -> set[str]:
        # Every harm word and phrase cues itself, so the lexicon cannot drift from the cue.
        return {
            re.escape(phrase)
            for key in ("harm_nouns", "participles", "predicate_phrases", "active_verbs")
            for phrase in lex[key] if len(phrase) >= 4
        }
