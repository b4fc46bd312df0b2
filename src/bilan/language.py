"""Which language a report is written in, among those bilan reads."""

from __future__ import annotations

from functools import cache
from typing import Any

SUPPORTED = ("fr", "en")
# The opening of a report is enough to tell French from English, and detection time
# grows with the text.
_SAMPLE_CHARS = 2000


@cache
def _detector() -> Any:
    """A lingua detector restricted to the supported languages, built once (building it
    loads its models, which is the slow part)."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def detect_language(text: str) -> str:
    """"fr" or "en": the supported language `text` is most likely written in; French, the
    project's first language, when the text gives no clue (no letters)."""
    from lingua import Language

    found = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return "en" if found == Language.ENGLISH else "fr"
