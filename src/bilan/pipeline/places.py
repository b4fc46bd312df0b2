"""`bilan_places`: where each casualty mention happened, resolved in the gazetteer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions


class PlaceResolver:
    """Names the place of each mention, inheriting it from earlier sentences when unnamed."""

    def __call__(self, doc: Doc) -> Doc:
        from bilan.resolve.places import resolve_places

        return extensions.annotate_mentions(
            doc, "place",
            lambda text, sentences, spans: resolve_places(
                text, sentences, spans, doc._.bilan_lang
            ),
        )


@Language.factory(
    "bilan_places", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_places(nlp: Language, name: str) -> PlaceResolver:
    extensions.install()
    return PlaceResolver()
