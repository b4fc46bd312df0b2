"""French: its word lists (the JSON files beside this module), its casualty lexicon and
its sentence reader."""

from bilan.lang.fr.lexicon import FrenchLexicon as Lexicon
from bilan.lang.fr.reader import read

__all__ = ["Lexicon", "read"]
