"""The incident builder's word lists and vague-number conventions, JSON data per language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bilan.errors import QueryError
from bilan.records import Count

LANGUAGES = ("fr", "en")


@dataclass(frozen=True, slots=True)
class EventType:
    """A cue and the ACLED event type, sub-type and means it signals."""

    cue: str
    event_type: str
    sub_event_type: str
    means: str | None


@dataclass(frozen=True, slots=True)
class IncidentWords:
    """One language's cues, lower-cased."""

    separators: re.Pattern[str]
    anaphora: re.Pattern[str]
    additive: re.Pattern[str]
    summary: re.Pattern[str]
    operations: re.Pattern[str]
    types: tuple[EventType, ...]
    actors: tuple[tuple[str, str], ...]


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Any of the cues as whole words (a cue ending in a comma or apostrophe ends there)."""
    alternatives = "|".join(re.escape(c.strip()) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def operations_pattern(counters: list[str], nouns: list[str], spans: list[str]) -> re.Pattern[str]:
    """Words that say a count covers several operations: a counter and, at most three words
    on, an operations noun ("two separate Afghan-led operations"), or a span of time that
    reports sum up ("over the past 24 hours")."""
    counter, noun, span = (cue_pattern(words).pattern for words in (counters, nouns, spans))
    return re.compile(rf"{counter}(?:\s+\S+){{0,3}}?\s+{noun}|{span}")


def _load(name: str) -> Any:
    return json.loads(resources.files("bilan.incidents").joinpath("data", name).read_text("utf-8"))


@cache
def incident_words(lang: str) -> IncidentWords:
    """The cues of a language ("fr" or "en"); any other language reads as French."""
    data = _load(f"{lang if lang in LANGUAGES else 'fr'}.json")
    return IncidentWords(
        separators=cue_pattern(data["separators"]), anaphora=cue_pattern(data["anaphora"]),
        additive=cue_pattern(data["additive"]), summary=cue_pattern(data["summary"]),
        operations=operations_pattern(data["operation_counters"], data["operation_nouns"],
                                      data["operation_spans"]),
        types=tuple(EventType(*entry) for entry in data["types"]),
        actors=tuple((name, kind) for name, kind in data["actors"]),
    )


@dataclass(frozen=True, slots=True)
class Convention:
    """How a named convention codes counts (see data/conventions.json): `words`, per
    language, vague words -> the least number they stand for; `detailed_operations`, a
    count over several operations gives way to the counts of the operations detailed;
    `uncounted_victims`, victim types whose harm is kept out of the totals."""

    words: dict[str, dict[str, int]]
    detailed_operations: bool
    uncounted_victims: frozenset[str]


@cache
def conventions() -> dict[str, Convention]:
    """Every named convention."""
    return {name: Convention(entry["words"], entry["detailed_operations"],
                             frozenset(entry["uncounted_victims"]))
            for name, entry in _load("conventions.json").items() if not name.startswith("_")}


def convention_names() -> tuple[str, ...]:
    return tuple(conventions())


def convention(name: str) -> Convention:
    """The named convention; an unknown name is refused (E186)."""
    found = conventions().get(name)
    if found is None:
        raise QueryError.of("E186", convention=name, choices=", ".join(convention_names()))
    return found


def apply_convention(count: Count, quote: str, lang: str, name: str) -> Count:
    """The count as the convention codes it: a vague count whose words the convention
    lists takes the convention's number, the longest matching words first; others as they are."""
    table = convention(name).words
    if count.qualifier != "vague":
        return count
    words = table.get(lang if lang in LANGUAGES else "fr", {})
    lowered = f" {quote.lower()} "
    for phrase in sorted(words, key=len, reverse=True):
        if f" {phrase} " in lowered or lowered.startswith(f" {phrase}"):
            return Count(words[phrase], "vague")
    return count
