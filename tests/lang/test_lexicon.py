"""The language layout: each `bilan.lang.<lang>` package brings its lexicon, sentence
and reader, and a lexicon's attributes are its data files' keys."""

import pytest

from bilan.errors import InputError
from bilan.lang import LANGUAGES, language, load_lexicon
from bilan.lang.lexicon import CasualtyLexicon, casualty_lexicon

# Built from several keys, so named for what they are.
_DERIVED = {"cue", "modifiers"}


def _keys(lang: str) -> set[str]:
    keys: set[str] = set()
    for name in ("casualties", "counts"):
        data = load_lexicon(lang, name)
        keys |= set(data) | set(data.get("grammar_words", {}))
    return keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_package_brings_its_lexicon_sentence_and_reader(lang):
    package = language(lang)
    assert issubclass(package.Lexicon, CasualtyLexicon)
    assert callable(package.Sentence) and callable(package.read)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_attributes_are_named_after_their_json_keys(lang):
    attributes = set(vars(casualty_lexicon(lang))) - _DERIVED
    assert attributes - _keys(lang) == set()


def test_an_unknown_language_is_refused():
    with pytest.raises(InputError, match="'de' is not supported"):
        language("de")
