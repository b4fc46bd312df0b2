"""bilan: casualty claims from conflict news reports, traced to the sentence."""

from bilan import query
from bilan.errors import BilanError, InputError, ModelError
from bilan.extract import Extractor, extract
from bilan.records import Claim, Count, Period, Place, Source

__all__ = [
    "BilanError", "Claim", "Count", "Extractor", "InputError", "ModelError", "Period", "Place",
    "Source", "extract", "query",
]
