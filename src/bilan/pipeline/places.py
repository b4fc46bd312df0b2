"""`bilan_places`: where each casualty mention happened, resolved in the gazetteer and
inherited from earlier sentences when a sentence names no place."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.records import Place


def _resolve(
    doc: Doc, text: str, sentences: list[tuple[int, int]], spans: list[tuple[int, int, int]]
) -> Sequence[Place | None]:
    # Imported on first use: the resolver loads its lexicons (and the gazetteer) lazily.
    from bilan.resolve.places import resolve_places

    return resolve_places(text, sentences, spans, doc.lang_)


@Language.factory(
    "bilan_places", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_places(nlp: Language, name: str) -> extensions.MentionResolver:
    extensions.install()
    extensions.check_language(nlp)
    return extensions.MentionResolver("place", _resolve)
