"""The `Doc._.bilan_*` extensions, declared in one place and installed idempotently."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from bilan.errors import ModelError
from bilan.records import Count, Period, Place, Source

Resolver = Callable[
    [Doc, str, list[tuple[int, int]], list[tuple[int, int, int]]], Sequence[Any]
]


@dataclass(slots=True)
class Mention:
    """A casualty mention while the pipeline annotates it; becomes a `Claim`.

    Offsets are characters into `doc.text`; `sentence` indexes `doc._.bilan_sentences`.
    """

    start: int
    end: int
    sentence: int
    count: Count
    outcome: str
    victims: str
    cause: str = "violence"
    parent: int | None = None
    period: Period | None = None
    place: Place | None = None
    source: Source | None = None
    flags: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class CountSpan:
    """A number expression: token span [start, end) and the count it states.

    `prefixed`: the qualifier came from a word before the number ("au moins"), so it
    carries over to numbers coordinated after it.
    """

    start: int
    end: int
    count: Count
    prefixed: bool = False


def install() -> None:
    """Register the extensions once; later calls change nothing."""
    defaults = {
        "bilan_published": None,
        "bilan_sentences": None,
        "bilan_counts": None,
        "bilan_mentions": None,
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def check_language(nlp: Language) -> None:
    """Components read their language from the pipeline (`nlp.lang`): refuse one bilan
    has no lexicons for, when the component is added rather than on the first doc."""
    from bilan.lang import LANGUAGES

    if nlp.lang not in LANGUAGES:
        raise ModelError.of("E204", choices=", ".join(LANGUAGES), lang=nlp.lang)


def mentions(doc: Doc) -> list[Mention]:
    """The doc's mentions, creating the list on first use."""
    if doc._.bilan_mentions is None:
        doc._.bilan_mentions = []
    return doc._.bilan_mentions


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the doc's sentences, split once and cached on the doc."""
    if doc._.bilan_sentences is None:
        from bilan.sentences import split_sentences

        doc._.bilan_sentences = split_sentences(doc.text)
    return doc._.bilan_sentences


class MentionResolver:
    """A pipeline component that sets one attribute of every mention from a resolver.

    `resolve(doc, text, sentences, spans)` returns one value per (sentence, start, end) span.
    """

    def __init__(self, attribute: str, resolve: Resolver) -> None:
        self.attribute = attribute
        self.resolve = resolve

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        if found:
            spans = [(m.sentence, m.start, m.end) for m in found]
            values = self.resolve(doc, doc.text, sentence_spans(doc), spans)
            for mention, value in zip(found, values, strict=True):
                setattr(mention, self.attribute, value)
        return doc
