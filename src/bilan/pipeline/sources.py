"""`bilan_sources`: who states each casualty count, and what kind of body it is."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.records import Source


def _resolve(
    doc: Doc, text: str, sentences: list[tuple[int, int]], spans: list[tuple[int, int, int]]
) -> Sequence[Source | None]:
    # Imported on first use: the resolver loads its lexicons (and the gazetteer) lazily.
    from bilan.resolve.sources import resolve_sources

    return resolve_sources(text, sentences, spans, doc.lang_)


@Language.factory(
    "bilan_sources", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_sources(nlp: Language, name: str) -> extensions.MentionResolver:
    extensions.install()
    extensions.check_language(nlp)
    return extensions.MentionResolver("source", _resolve)
