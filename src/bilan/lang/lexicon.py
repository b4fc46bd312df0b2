"""What the casualty lexicons of every language share: the base lexicon, the phrase
tables and lookups the readers use, the casualty cue. Word sequences are lower-case
token texts."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any

from bilan.lang import alternation, language, load_lexicon


def phrase_table(mapping: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(_split_words(key)): value for key, value in mapping.items()}


def _split_words(phrase: str) -> list[str]:
    # Tokenised like spaCy's French tokenizer: elided articles stay attached ("d'", "l'").
    return re.findall(r"\w+(?:-\w+)*'?|[^\w\s]", phrase)


class CasualtyLexicon:
    """What every language's casualty vocabulary (`<lang>/casualties.json`) holds and reads
    the same way; a language's subclass adds the rest. Each attribute is named after its
    JSON key; `cue` and `modifiers` are built from several."""

    # Each language's subclass reads these from its own data.
    coordinators: frozenset[str]

    def __init__(self, lang: str) -> None:
        lex = load_lexicon(lang, "casualties")
        # Matched against lower-cased text at word starts: far faster than IGNORECASE.
        stems = set(lex["cue_stems"]) | self.own_cue_stems(lex) | syntax_stems(lang)
        self.cue = cue_pattern(stems)
        self.harm_nouns = phrase_table(lex["harm_nouns"])
        self.victim_nouns = phrase_table(with_inflections(lex["victim_nouns"]))
        self.generic_heads = frozenset(lex["generic_heads"])
        self.relation_nouns = frozenset(lex["relation_nouns"])
        self.not_people = frozenset(lex["not_people"])
        self.possessives = frozenset(lex["possessives"])
        self.definite_determiners = frozenset(lex["definite_determiners"])
        self.breakdown_openers = phrase_table(dict.fromkeys(lex["breakdown_openers"], "open"))
        self.among_openers = phrase_table(dict.fromkeys(lex["among_openers"], "among"))
        self.among_back_references = phrase_table(
            dict.fromkeys(lex["among_back_references"], "back")
        )
        self.incise_openers = phrase_table(dict.fromkeys(lex["incise_openers"], "incise"))
        # The modifiers a language lists ("armed", "de sécurité") and the victims they say.
        self.modifiers = {
            victims: word_pattern(lex[key]) for key, victims in _MODIFIERS if key in lex
        }

    @staticmethod
    def own_cue_stems(lex: dict[str, Any]) -> set[str]:
        """Regex stems a language's own harm words add to the cue."""
        return set()


_MODIFIERS = (
    ("security_modifiers", "security_forces"), ("rebel_modifiers", "rebels"),
    ("aid_modifiers", "aid_workers"), ("civilian_modifiers", "civilians"),
)


def syntax_stems(lang: str) -> set[str]:
    """Regex stems of the harm lemmas the syntactic reader reads ("défér" for "déférer"),
    so the sentences that hold them are parsed."""
    data = load_lexicon(lang, "syntax")
    lemmas = {*data["transitive_harm"], *data["intransitive_harm"], *data["harm_nouns"],
              *data["negated_harm"], *data["reflexive_harm"], *data["injury_nouns"]}
    ending = re.compile(data["lemma_ending"])
    stems = {re.escape(ending.sub("", lemma)) for lemma in lemmas if len(lemma) >= 4}
    # A state's noun cues it ("dans le coma"), as an idiom's complement does.
    stems |= {re.escape(state.split()[-1]) for state in data["states"]}
    if data["graded_harm"]:
        stems |= {re.escape(adverb) for adverb in data["injury_adverbs"]}
    # An idiom's complement cues it ("mis en examen"); its verb is too common to, unless
    # it is a harm verb, which cues it already ("disparue à 74 ans").
    return stems | {re.escape(idiom.split()[-1]) for idiom in data["harm_idioms"]
                    if idiom.split()[0] not in lemmas}


def cue_pattern(stems: set[str]) -> re.Pattern[str]:
    """Any of the regex `stems` at a word start, for lower-cased text."""
    return re.compile(r"\b(?:" + "|".join(sorted(stems)) + ")")


@cache
def casualty_lexicon(lang: str) -> CasualtyLexicon:
    """The casualty vocabulary of `lang` (its package's `Lexicon`), loaded once."""
    lexicon: CasualtyLexicon = language(lang).Lexicon()
    return lexicon


def with_inflections(nouns: dict[str, str]) -> dict[str, str]:
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
