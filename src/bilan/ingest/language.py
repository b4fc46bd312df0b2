"""Language of a report, French or English, by lingua."""

from __future__ import annotations

from functools import cache
from typing import Any

# Text too short or too mixed for lingua to decide is taken as French, bilan's first language.
FALLBACK = "fr"


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def detect_language(text: str) -> str:
    """"fr" or "en": ISO 639-1 code of the text's language."""
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found is not None else FALLBACK
