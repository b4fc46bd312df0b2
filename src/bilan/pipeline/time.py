"""`bilan_time`: the days each casualty mention covers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions


class TimeResolver:
    """Resolves periods against `doc._.bilan_published`; relative dates stay null without it."""

    def __call__(self, doc: Doc) -> Doc:
        from bilan.resolve.periods import resolve_periods

        return extensions.annotate_mentions(
            doc, "period",
            lambda text, sentences, spans: resolve_periods(
                text, sentences, spans, doc._.bilan_published, doc._.bilan_lang
            ),
        )


@Language.factory(
    "bilan_time", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_time(nlp: Language, name: str) -> TimeResolver:
    extensions.install()
    return TimeResolver()
