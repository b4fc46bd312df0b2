"""What the sentence readers of every language share: a count's head, a harm predicate,
the tagged sentence they read, and the rules that are the same in every language (a
breakdown's opener, a qualifier carried over a list, the victims named before, people
counted once by name)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from bilan.extensions import CountSpan, Mention
from bilan.lang.lexicon import match, match_ending
from bilan.records import Count


@dataclass(slots=True)
class Head:
    """The noun a count counts: token span, outcome it carries (if any), victim type.

    `inherits`: "autres", "d'entre eux": the victims are those of the previous mention.
    `known`: the noun is in the victim lexicon (unknown nouns need a verb predicate).
    Read by the English grammar only: `participle`, the noun's own outcome yields to an
    active verb before it ("wounded patients", "executed five hostages"); `among`, part
    of a toll stated before ("30 of the wounded"); `headless`, a bare number.
    """

    start: int
    end: int
    outcome: str | None
    victims: str
    inherits: bool = False
    known: bool = True
    participle: bool = False
    among: bool = False
    headless: bool = False


@dataclass(frozen=True, slots=True)
class Predicate:
    """A harm predicate found near a count: outcome, distance in tokens, last token index;
    `among`: it joins a toll stated before ("were among the dead")."""

    outcome: str
    distance: int
    end: int
    among: bool = False


class TaggedSentence:
    """One sentence of an annotated doc as the rules of every language read it: its
    tokens, their lower-cased texts, its text and its index in the doc; `list_links`, the
    words that may join the items of a list (commas, conjunctions)."""

    def __init__(self, tokens: list[Token], index: int, list_links: frozenset[str]) -> None:
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.text = "".join(t.text_with_ws for t in tokens)
        self.index = index
        self.list_links = list_links

    def coordinated(self, end: int, start: int) -> bool:
        """Whether only list links (commas, conjunctions) part word `end` from `start`."""
        between = self.words[end:start]
        return bool(between) and all(w in self.list_links for w in between)

    def follows(self, mentions: list[Mention], span: CountSpan) -> bool:
        """Whether only conjunctions and commas part this sentence's last mention from
        `span` ("au moins 12 personnes ont été tuées et 30 blessées")."""
        if not mentions or mentions[-1].sentence != self.index:
            return False
        after = next((k for k, t in enumerate(self.tokens) if t.idx >= mentions[-1].end), None)
        return after is not None and self.coordinated(after, span.start)

    def mention(
        self, first: int, last: int, count: Count, outcome: str, victims: str,
        flags: set[str] | None = None,
    ) -> Mention:
        """A mention quoting tokens `first` to `last` (inclusive) of the sentence; its
        offsets are the doc's."""
        start, end = self.tokens[first], self.tokens[last]
        return Mention(
            start=start.idx, end=end.idx + len(end.text), sentence=self.index, count=count,
            outcome=outcome, victims=victims, flags=set() if flags is None else flags,
        )


def breakdown_opener(openers: dict[tuple[str, ...], str], words: list[str], start: int) -> bool:
    """Whether a breakdown opener ("dont", "parmi eux", "including") of up to three words
    ends right before word `start`."""
    return match_ending(openers, words, start, max(0, start - 3)) is not None


def carried_count(span: CountSpan, previous: CountSpan | None) -> Count:
    """The count of `span` when it continues the count `previous` ("au moins 12 tuées et
    30 blessées", "at least 20 people dead and 30 injured"): a bare exact number takes
    the qualifier of the prefixed one before it."""
    count = span.count
    if previous is None or not previous.prefixed or span.prefixed or count.qualifier != "exact":
        return count
    return Count(count.value, previous.count.qualifier)


def victims_before(
    victim_nouns: dict[tuple[str, ...], str], words: list[str], start: int,
    passed: Callable[[int, int], bool] = lambda first, end: False,
) -> str | None:
    """The nearest specific victim noun ending before word `start` ("d'entre eux", "one of
    them"), skipping the ones over words [first, end) that `passed` rules out."""
    for j in range(start - 1, -1, -1):
        found = match(victim_nouns, words, j)
        if found is None or found[0] == "people" or found[1] > start or passed(j, found[1]):
            continue
        return found[0]
    return None


def name_flag(word: str) -> str:
    """The flag a person is known by in a report: the same name is the same person."""
    return "name:" + word


def _surname(flag: str) -> str:
    """A name flag by its last word: "Mireille Knoll" is the "Knoll" of another reader."""
    return name_flag(flag.removeprefix("name:").rsplit(" ", 1)[-1])


def told_before(name: str, outcome: str, mentions: Iterable[Mention]) -> bool:
    """Whether the person known by the flag `name` was counted with this outcome already
    ("ses parents": harmed once, at first statement)."""
    return _surname(name) in told_names(m for m in mentions if m.outcome == outcome)


def told_names(mentions: Iterable[Mention]) -> set[str]:
    """The name flags, by last word, of people the mentions have already counted."""
    return {_surname(flag) for m in mentions for flag in m.flags if flag.startswith("name:")}


def is_year(span: CountSpan) -> bool:
    """A bare four-digit number a year could be (1900 to 2099)."""
    return span.end - span.start == 1 and span.count.qualifier == "exact" and (
        1900 <= span.count.value <= 2099
    )
