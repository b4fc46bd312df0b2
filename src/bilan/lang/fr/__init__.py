"""French: its word lists (the JSON files beside this module), its casualty lexicon, the
sentence it reads and its reading of one."""

from bilan.lang.fr.lexicon import FrenchLexicon as Lexicon
from bilan.lang.fr.reader import FrenchSentence as Sentence
from bilan.lang.fr.reader import read_french as read

__all__ = ["Lexicon", "Sentence", "read"]
