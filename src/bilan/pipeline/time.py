"""`bilan_time`: the days each casualty mention covers, against `doc._.bilan_published`
(relative dates stay null without it)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.records import Period


def _resolve(
    doc: Doc, text: str, sentences: list[tuple[int, int]], spans: list[tuple[int, int, int]]
) -> Sequence[Period | None]:
    # Imported on first use: the resolver loads its lexicons (and the gazetteer) lazily.
    from bilan.resolve.periods import dateline_date, resolve_periods

    lang = doc.lang_
    # A press release without a publication date is dated by its dateline.
    published = doc._.bilan_published or dateline_date(text, lang)
    return resolve_periods(text, sentences, spans, published, lang)


@Language.factory(
    "bilan_time", requires=["doc._.bilan_mentions"], assigns=["doc._.bilan_mentions"]
)
def make_time(nlp: Language, name: str) -> extensions.MentionResolver:
    extensions.install()
    extensions.check_language(nlp)
    return extensions.MentionResolver("period", _resolve)
