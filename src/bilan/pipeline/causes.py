"""What caused a harm: violence unless the sentence or the report says otherwise."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from bilan import lexicons

_ORDER = ("disease", "disaster", "accident", "violence")


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lexicon = lexicons.load(lang, "causes")
    return {
        cause: re.compile(r"\b(?:" + "|".join(map(re.escape, lexicon[cause])) + ")", re.IGNORECASE)
        for cause in _ORDER
    }


def causes_in(text: str, lang: str) -> Counter[str]:
    """How many words of each cause the text holds."""
    return Counter(
        {cause: len(pattern.findall(text)) for cause, pattern in _patterns(lang).items()}
    )


def cause_of(sentence: str, document: Counter[str], lang: str) -> str:
    """The sentence's cause when its words say more for one kind than for violence, else
    violence when it names violence, else the report's dominant kind."""
    own = causes_in(sentence, lang)
    named = [cause for cause in _ORDER[:-1] if own[cause] > own["violence"]]
    if len(named) == 1:
        return named[0]
    if own["violence"]:
        return "violence"
    if not any(document.values()):
        return "violence"
    return max(_ORDER, key=lambda cause: (document[cause], cause == "violence"))
