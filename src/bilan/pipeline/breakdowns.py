"""`bilan_breakdowns`: link "dont 87 enfants" to the count it breaks down."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.extensions import Mention


def link_breakdowns(found: list[Mention]) -> None:
    """Set `parent` on breakdown mentions, in place; mentions are in text order.

    "dont", "parmi eux", a parenthesis: the nearest earlier top-level mention of the
    same sentence. "Parmi les morts figurent ...": the latest earlier top-level
    mention of that outcome. A child counted only as "people" takes its parent's type.
    """
    for index, mention in enumerate(found):
        if "breakdown" in mention.flags:
            parent = _last(found[:index], "sentence", mention.sentence)
        elif "among" in mention.flags:
            parent = _last(found[:index], "outcome", mention.outcome)
        else:
            continue
        if parent is None:
            continue
        mention.parent = parent
        if mention.victims == "people":
            mention.victims = found[parent].victims


def _last(candidates: list[Mention], field: str, value: object) -> int | None:
    """Index of the latest top-level candidate whose `field` equals `value`."""
    for index in range(len(candidates) - 1, -1, -1):
        candidate = candidates[index]
        if candidate.flags & {"breakdown", "among"}:
            continue
        if getattr(candidate, field) == value:
            return index
    return None


class BreakdownLinker:
    def __call__(self, doc: Doc) -> Doc:
        link_breakdowns(extensions.mentions(doc))
        return doc


@Language.factory(
    "bilan_breakdowns", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_breakdowns(nlp: Language, name: str) -> BreakdownLinker:
    extensions.install()
    extensions.check_language(nlp)
    return BreakdownLinker()
