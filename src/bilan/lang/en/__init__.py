"""English: its word lists (the JSON files beside this module), its casualty lexicon, the
sentence it reads and its reading of one."""

from bilan.lang.en.lexicon import EnglishLexicon as Lexicon
from bilan.lang.en.reader import EnglishSentence as Sentence
from bilan.lang.en.reader import read_english as read

__all__ = ["Lexicon", "Sentence", "read"]
