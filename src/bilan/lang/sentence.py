"""What the sentence readers of every language share: a count's head, a harm predicate,
and the tagged sentence they read."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from bilan.extensions import CountSpan, Mention


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
    tokens, their lower-cased texts, its text and its index in the doc."""

    def __init__(self, tokens: list[Token], index: int) -> None:
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.text = "".join(t.text_with_ws for t in tokens)
        self.index = index

    def coordinated(self, end: int, start: int) -> bool:
        """Whether only the language's conjunctions and commas part word `end` from `start`."""
        raise NotImplementedError

    def follows(self, mentions: list[Mention], span: CountSpan) -> bool:
        """Whether only conjunctions and commas part this sentence's last mention from
        `span` ("au moins 12 personnes ont été tuées et 30 blessées")."""
        if not mentions or mentions[-1].sentence != self.index:
            return False
        after = next((k for k, t in enumerate(self.tokens) if t.idx >= mentions[-1].end), None)
        return after is not None and self.coordinated(after, span.start)


def is_year(span: CountSpan) -> bool:
    """A bare four-digit number a year could be (1900 to 2099)."""
    return span.end - span.start == 1 and span.count.qualifier == "exact" and (
        1900 <= span.count.value <= 2099
    )
