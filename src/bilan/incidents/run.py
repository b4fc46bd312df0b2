"""Incidents of documents read from text: extraction, then each report's incidents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from bilan.documents import Document
from bilan.incidents.lexicon import convention as named_convention
from bilan.incidents.report import Incident, report_incidents
from bilan.records import Claim

# Documents annotated per call: the extractor batches its models over them.
_BATCH = 64


def documents_incidents(
    documents: Iterable[Document], *, lang: str = "fr", convention: str = "guide",
) -> Iterator[tuple[Document, list[Claim], list[Incident]]]:
    """Each document with its claims and its incidents, in input order.

    `lang` is as for `bilan.Extractor`: "fr", "en", or "auto" (each document's own `lang`
    field wins, else detection). The convention's vague words are read as counts where the
    gold guide gives them no value ("numerous" is 4 to the ISAF coders, no claim to the guide).
    """
    from bilan.extract import Extractor, claims_from_doc

    extractor = Extractor(lang, convention_words=named_convention(convention).words)
    pending = iter(documents)
    while batch := list(islice(pending, _BATCH)):
        docs = extractor.annotate(((d.text, d.published) for d in batch),
                                  (d.lang for d in batch))
        for document, doc in zip(batch, docs, strict=True):
            claims = claims_from_doc(doc)
            language = doc.lang_ if lang == "auto" else lang
            yield document, claims, report_incidents(
                document.id, document.text, claims, lang=language, convention=convention)
