"""The languages bilan reads, in spaCy's `lang/xx` layout: each package (`bilan.lang.fr`,
`bilan.lang.en`) holds its data files (word lists, loaded once by `load_lexicon`) beside
its casualty lexicon (`Lexicon`) and sentence reader (`Sentence`, `read`); what they
share is in this package (`lexicon`, `sentence`, `syntax`)."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from bilan.errors import InputError

LANGUAGES = ("fr", "en")


@cache
def load_lexicon(lang: str, name: str) -> dict[str, Any]:
    """The lexicon `name` (a file stem such as "counts") of language `lang`."""
    _check(lang)
    path = resources.files("bilan.lang").joinpath(lang, f"{name}.json")
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def language(lang: str) -> ModuleType:
    """The package of language `lang`: its `Lexicon` class, its `Sentence` (built from the
    lexicon, a sentence's tokens, its counts and its index in the doc) and `read(sentence,
    earlier)`, the sentence's mentions given the doc's mentions so far."""
    _check(lang)
    return importlib.import_module(f"bilan.lang.{lang}")


def _check(lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputError.of("E108", lang=lang, choices=", ".join(LANGUAGES))


def alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex group matching any of the literal `phrases`, longest first so the longest
    wins; a space inside a phrase matches `space`."""
    escaped = (
        space.join(re.escape(word) for word in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"
