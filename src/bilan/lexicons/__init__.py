"""Per-language word lists, loaded once from the JSON files beside this module."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from bilan.errors import InputError

LANGUAGES = ("fr", "en")


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The lexicon `name` (a file stem such as "counts") of language `lang`."""
    if lang not in LANGUAGES:
        raise InputError.of("E108", lang=lang, choices=", ".join(LANGUAGES))
    path = resources.files("bilan.lexicons").joinpath(lang, f"{name}.json")
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex group matching any of the literal `phrases`, longest first so the longest
    wins; a space inside a phrase matches `space`."""
    escaped = (
        space.join(re.escape(word) for word in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"
