"""English: its word lists (the JSON files beside this module), its casualty lexicon and
its sentence reader."""

from bilan.lang.en.lexicon import EnglishLexicon as Lexicon
from bilan.lang.en.reader import read

__all__ = ["Lexicon", "read"]
