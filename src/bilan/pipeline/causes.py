"""What caused a harm: violence unless the sentence or the report says otherwise."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from bilan.lang import load_lexicon
from bilan.resolve.periods import folds_simply

_ORDER = ("disease", "disaster", "accident", "violence")


@cache
def _patterns(lang: str, folded: bool) -> dict[str, re.Pattern[str]]:
    """Each cause's words; `folded` ones are case-sensitive, for lowered text."""
    lexicon = load_lexicon(lang, "causes")
    sources = {cause: r"\b(?:" + "|".join(map(re.escape, lexicon[cause])) + ")" for cause in _ORDER}
    if folded and all(source == source.lower() for source in sources.values()):
        return {cause: re.compile(source) for cause, source in sources.items()}
    return {cause: re.compile(source, re.IGNORECASE) for cause, source in sources.items()}


def causes_in(text: str, lang: str) -> Counter[str]:
    """How many words of each cause the text holds."""
    # Case-insensitive alternations are slow in `re`; lowered text is searched faster.
    lowered = text.lower()
    if folds_simply(text, lowered):
        text = lowered
        patterns = _patterns(lang, folded=True)
    else:
        patterns = _patterns(lang, folded=False)
    return Counter({cause: len(pattern.findall(text)) for cause, pattern in patterns.items()})


@cache
def care_words(lang: str) -> re.Pattern[str]:
    """Words that tell a person is in care ('hospitalisés'), for lowered text."""
    words = load_lexicon(lang, "causes")["care"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")")


@cache
def _stems(lang: str, key: str) -> re.Pattern[str]:
    """The word starts of one list of `causes.json`, in any case."""
    words = load_lexicon(lang, "causes")[key]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)


def cause_of(
    sentence: str, document: Counter[str], lang: str, quote: str = "", outcome: str = ""
) -> str:
    """A harm the quote tells as self-inflicted is of another cause; otherwise the
    sentence's cause when its words say more for one kind than for violence, else
    violence when it names violence, else the report's dominant kind. When the report
    names no cause at all, a death its quote tells without a doer ('est décédé', 'la
    mort de') is of another cause (illness, age); any other harm is violence."""
    if outcome in ("killed", "injured") and _stems(lang, "self_inflicted").search(quote):
        return "other"  # "s'est suicidé": whatever the sentence tells of weapons
    own = causes_in(sentence, lang)
    named = [cause for cause in _ORDER[:-1] if own[cause] > own["violence"]]
    if len(named) == 1:
        return named[0]
    if own["violence"]:
        return "violence"
    if not any(document.values()):
        death = outcome == "killed" and _stems(lang, "unexplained_deaths").search(quote)
        return "other" if death else "violence"
    return max(_ORDER, key=lambda cause: (document[cause], cause == "violence"))
