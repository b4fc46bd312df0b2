"""`bilan_sources`: who states each casualty count, and what kind of body it is."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions


class SourceResolver:
    """Attributes each mention to the source its sentence (or a back-reference) names."""

    def __call__(self, doc: Doc) -> Doc:
        from bilan.resolve.sources import resolve_sources

        return extensions.annotate_mentions(
            doc, "source",
            lambda text, sentences, spans: resolve_sources(
                text, sentences, spans, doc._.bilan_lang
            ),
        )


@Language.factory(
    "bilan_sources", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_sources(nlp: Language, name: str) -> SourceResolver:
    extensions.install()
    return SourceResolver()
