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
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bilan.errors import BilanError, InputError, ModelError
from bilan.extract import MODELS, Extractor, claims_from_doc
from bilan.incidents.stored import index_document
from bilan.ingest.sources import Report
from bilan.language import detect_language
from bilan.reconcile.regions import region_of
from bilan.records import Claim
from bilan.sentences import split_sentences
from bilan.store import DocumentRecord, Store

log = logging.getLogger(__name__)

BATCH = 64
# Size policy: a document longer than this many characters is refused (`--max-size`);
# extraction time grows linearly with it, about 20 s per million characters.
MAX_CHARS = 10_000_000
# Metadata a re-ingest of a known text may add to the stored document.
_METADATA = ("published", "external_id", "url", "title", "outlet")


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
    enriched: int = 0
    skipped_language: int = 0
    claims: int = 0
    undated: int = 0
    failed: list[str] = field(default_factory=list)


class Ingester:
    """Detects languages, extracts claims and stores documents, loading each model once.

    `lang` ("auto" to detect) and `published` apply to the reports that state none;
    `summary` is what was done so far, also when the run is interrupted.
    """

    def __init__(self, store: Store, lang: str = "auto", published: date | None = None,
                 max_chars: int = MAX_CHARS) -> None:
        self.store = store
        self.lang = lang
        self.published = published
        self.max_chars = max_chars
        self.summary = Summary()
        self._extractors: dict[str, Extractor | None] = {}

    def run(
        self,
        reports: Iterable[Report | InputError],
        progress: Callable[[Summary, str], None] | None = None,
    ) -> Summary:
        """Ingest every report; `progress(summary, origin)` is called after each one."""
        summary = self.summary = Summary()
        batch: list[Report] = []
        for item in reports:
            if isinstance(item, Report) and len(item.text) > self.max_chars:
                item = InputError(f"{item.origin}: {len(item.text):,} characters, over the size "
                                  f"limit of {self.max_chars:,} (raise it with --max-size)",
                                  code="E150")
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                if progress:
                    progress(summary, str(item))
                continue
            if item.published is None and self.published is not None:
                item = replace(item, published=self.published)
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
            stored = self.store.document_metadata(key)
            if stored is not None:
                enriched = self._enrichment(report, stored)
                if enriched is None:
                    summary.known += 1
                    if progress:
                        progress(summary, report.origin)
                    continue
                report = enriched
            lang = report.lang or (self.lang if self.lang in MODELS else None)
            pending.append((report, key, lang or detect_language(report.text)))
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
                if self.store.has_document(key):
                    self.store.enrich_document(record)
                    summary.enriched += 1
                    summary.undated += _undated(claims)
                else:
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
        summary.undated += _undated(record.claims)
        if record.claims:
            index_document(self.store, record.id, record.text, record.lang, record.claims)
        summary.skipped_language += record.status == "skipped_language"

    @staticmethod
    def _enrichment(report: Report, stored: dict[str, Any]) -> Report | None:
        """The report with the stored metadata kept and what it adds, or None when it adds
        nothing the stored document lacks."""
        added = {name: getattr(report, name) for name in _METADATA
                 if stored[name] is None and getattr(report, name) is not None}
        if not added:
            return None
        kept = {name: stored[name] for name in _METADATA if stored[name] is not None}
        return replace(report, **kept, **added)


def _undated(claims: Iterable[Claim]) -> int:
    """How many claims no tally can place in time: without a whole period."""
    return sum(1 for claim in claims
               if claim.period is None or None in (claim.period.start, claim.period.end))
