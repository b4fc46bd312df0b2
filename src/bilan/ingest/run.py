"""Ingest: reports in, documents with their sentences and claims stored, one by one.

A document is keyed by the SHA-256 of its normalised text (NFC, runs of white
space as one space, trimmed), so a report ingested twice, or re-published with
other spacing, is stored once. Extraction runs in batches for speed, but each
document is stored in its own transaction, in input order: an interrupted
ingest keeps every document it finished and a re-run skips them.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bilan.errors import BilanError, InputError, ModelError
from bilan.extract import MODELS, Extractor, claims_from_doc
from bilan.incidents.stored import index_document
from bilan.ingest.sources import Report
from bilan.language import detect_language
from bilan.reconcile.regions import region_of
from bilan.sentences import split_sentences
from bilan.store import DocumentRecord, Store

log = logging.getLogger(__name__)

BATCH = 64


def document_id(text: str) -> str:
    """Hex SHA-256 of the text, NFC-normalised with white space collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Summary:
    """What an ingest did. `new` counts documents stored now, `skipped_language` among them
    those stored without extraction because bilan has no extraction for their language."""

    new: int = 0
    known: int = 0
    skipped_language: int = 0
    claims: int = 0
    failed: list[str] = field(default_factory=list)


class Ingester:
    """Detects languages, extracts claims and stores documents, loading each model once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._extractors: dict[str, Extractor | None] = {}

    def run(
        self,
        reports: Iterable[Report | InputError],
        progress: Callable[[Summary, str], None] | None = None,
    ) -> Summary:
        """Ingest every report; `progress(summary, origin)` is called after each one."""
        summary = Summary()
        batch: list[Report] = []
        for item in reports:
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                if progress:
                    progress(summary, str(item))
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                self._ingest_batch(batch, summary, progress)
                batch = []
        self._ingest_batch(batch, summary, progress)
        return summary

    def _extractor(self, lang: str) -> Extractor | None:
        if lang not in self._extractors:
            try:
                self._extractors[lang] = Extractor(lang)
            except ModelError:
                if lang in MODELS:
                    raise  # the language is supported but its model package is missing
                log.info("no extraction for language %r: its documents are stored only", lang)
                self._extractors[lang] = None
        return self._extractors[lang]

    def _ingest_batch(
        self, batch: list[Report], summary: Summary,
        progress: Callable[[Summary, str], None] | None,
    ) -> None:
        pending: list[tuple[Report, str, str]] = []
        for report in batch:
            key = document_id(report.text)
            if self.store.has_document(key):
                summary.known += 1
                if progress:
                    progress(summary, report.origin)
                continue
            pending.append((report, key, report.lang or detect_language(report.text)))
        for lang in dict.fromkeys(lang for _, _, lang in pending):
            group = [(report, key) for report, key, code in pending if code == lang]
            extractor = self._extractor(lang)
            docs = (
                extractor.annotate((report.text, report.published) for report, _ in group)
                if extractor is not None else iter([None] * len(group))
            )
            for (report, key), doc in zip(group, docs, strict=True):
                claims = tuple(claims_from_doc(doc)) if doc is not None else ()
                record = DocumentRecord(
                    id=key, text=report.text, lang=lang, origin=report.origin,
                    status="extracted" if doc is not None else "skipped_language",
                    published=report.published, external_id=report.external_id,
                    outlet=report.outlet, url=report.url, title=report.title,
                    sentences=tuple(split_sentences(report.text)), claims=claims,
                    regions=tuple(region_of(claim.place) for claim in claims),
                )
                self._store(record, summary)
                if progress:
                    progress(summary, report.origin)

    def _store(self, record: DocumentRecord, summary: Summary) -> None:
        try:
            stored = self.store.add_document(record)
        except BilanError as error:
            summary.failed.append(str(error))
            return
        if not stored:
            summary.known += 1
            return
        summary.new += 1
        summary.claims += len(record.claims)
        if record.claims:
            index_document(self.store, record.id, record.text, record.lang, record.claims)
        summary.skipped_language += record.status == "skipped_language"
