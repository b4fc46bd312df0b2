"""Ingest: reports in, documents with their sentences and claims stored, one by one.

A document is keyed by the SHA-256 of its normalised text (NFC, runs of white
space as one space, trimmed), so a report ingested twice, or re-published with
other spacing, is stored once. Extraction runs in chunks, here or on workers
(`bilan.ingest.workers`), but this process writes every document, each in its own
transaction, in input order: an interrupted ingest keeps every document it finished
and a re-run skips them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from bilan.errors import BilanError, InputError
from bilan.extract import MODELS
from bilan.incidents.stored import index_document
from bilan.ingest.sources import Report
from bilan.ingest.workers import CHUNK, Extracted, InProcess, Outcome, Task
from bilan.records import Claim
from bilan.store import DocumentRecord, Store

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
    those stored without extraction because bilan has no extraction for their language;
    `warnings` name documents stored with something missing (their incidents)."""

    new: int = 0
    known: int = 0
    enriched: int = 0
    skipped_language: int = 0
    claims: int = 0
    undated: int = 0
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Reports dealt with so far, stored or not."""
        return self.new + self.known + self.enriched + len(self.failed)


class Extraction(Protocol):
    """Where an ingest's chunks of reports are extracted (see `bilan.ingest.workers`)."""

    def map(self, chunks: Iterable[list[Task]]) -> Iterator[Outcome]: ...

    def finished(self) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


class Ingester:
    """Detects languages, extracts claims and stores documents, loading each model once.

    `lang` ("auto" to detect) and `published` apply to the reports that state none;
    `extraction` runs the extraction (in this process by default, or on workers);
    `summary` is what was done so far, also when the run is interrupted.
    """

    def __init__(self, store: Store, lang: str = "auto", published: date | None = None,
                 max_chars: int = MAX_CHARS, extraction: Extraction | None = None) -> None:
        self.store = store
        self.lang = lang
        self.published = published
        self.max_chars = max_chars
        self.extraction = extraction or InProcess()
        self.summary = Summary()

    def run(
        self,
        reports: Iterable[Report | InputError],
        progress: Callable[[Summary, str], None] | None = None,
    ) -> Summary:
        """Ingest every report; `progress(summary, origin)` is called after each one."""
        summary = self.summary = Summary()
        current = None
        try:
            for current in self.extraction.map(self._chunks(reports, summary, progress)):
                self._write(current, summary)
                if progress:
                    progress(summary, _origin(current))
        except KeyboardInterrupt:
            # What is extracted is stored before the run stops, or a re-run would extract
            # it again: the report being written when the interrupt came (its transaction
            # rolled back) and every chunk the workers finished.
            if current is not None and not self._stored(current):
                self._write(current, summary)
            for outcome in self.extraction.finished():
                self._write(outcome, summary)
            raise
        return summary

    def _stored(self, outcome: Outcome) -> bool:
        return isinstance(outcome, BilanError) or self.store.has_document(outcome.record.id)

    def _chunks(
        self, reports: Iterable[Report | InputError], summary: Summary,
        progress: Callable[[Summary, str], None] | None,
    ) -> Iterator[list[Task]]:
        """The reports to extract, in chunks; the others are counted here, as they come."""
        chunk: list[Task] = []
        for item in reports:
            task = self._task(item, summary)
            if task is None:
                if progress:
                    progress(summary, str(item) if isinstance(item, InputError) else item.origin)
                continue
            chunk.append(task)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _task(self, item: Report | InputError, summary: Summary) -> Task | None:
        """What to extract for this report; None when it failed or adds nothing."""
        if isinstance(item, Report) and len(item.text) > self.max_chars:
            item = InputError.of("E150", name=item.origin, size=len(item.text),
                                 limit=self.max_chars)
        if isinstance(item, InputError):
            summary.failed.append(str(item))
            return None
        if item.published is None and self.published is not None:
            item = replace(item, published=self.published)
        key = document_id(item.text)
        stored = self.store.document_metadata(key)
        if stored is not None:
            enriched = self._enrichment(item, stored)
            if enriched is None:
                summary.known += 1
                return None
            item = enriched
        return Task(item, key, item.lang or (self.lang if self.lang in MODELS else None))

    def _write(self, outcome: Extracted | BilanError, summary: Summary) -> None:
        if isinstance(outcome, BilanError):
            summary.failed.append(str(outcome))
            return
        record = outcome.record
        stored = self.store.document_metadata(record.id)
        if stored is not None:
            # Known when its chunk was sent, or stored since by a copy earlier in this run.
            self._enrich(outcome, stored, summary)
            return
        try:
            added = self.store.add_document(record)
        except BilanError as error:
            summary.failed.append(str(error))
            return
        if not added:
            summary.known += 1
            return
        summary.new += 1
        summary.skipped_language += record.status == "skipped_language"
        self._count(outcome, summary)
        if outcome.incidents:
            index_document(self.store, record.id, outcome.incidents)

    def _enrich(self, outcome: Extracted, stored: dict[str, Any], summary: Summary) -> None:
        """Fill in the metadata a known document lacks; its claims and incidents are
        replaced unless the report lacks the date the store has been given since."""
        record = outcome.record
        if not _added(record, stored):
            summary.known += 1
            return
        # Claims depend on the date: extracted without it, they would lose their periods.
        reresolved = record.published is not None or stored["published"] is None
        try:
            self.store.enrich_document(record, replace_claims=reresolved)
        except BilanError as error:
            summary.failed.append(str(error))
            return
        summary.enriched += 1
        if reresolved:
            self._count(outcome, summary)
            # The incidents of the claims replaced; none: computed when first asked for.
            index_document(self.store, record.id, outcome.incidents)

    @staticmethod
    def _count(outcome: Extracted, summary: Summary) -> None:
        summary.claims += len(outcome.record.claims)
        summary.undated += _undated(outcome.record.claims)
        if outcome.warning is not None:
            summary.warnings.append(outcome.warning)

    @staticmethod
    def _enrichment(report: Report, stored: dict[str, Any]) -> Report | None:
        """The report with the stored metadata kept and what it adds, or None when it adds
        nothing the stored document lacks."""
        added = _added(report, stored)
        if not added:
            return None
        kept = {name: stored[name] for name in _METADATA if stored[name] is not None}
        return replace(report, **kept, **added)


def _added(report: Report | DocumentRecord, stored: dict[str, Any]) -> dict[str, Any]:
    """The metadata the report has and the stored document lacks."""
    return {name: getattr(report, name) for name in _METADATA
            if stored[name] is None and getattr(report, name) is not None}


def _origin(outcome: Extracted | BilanError) -> str:
    return outcome.detail if isinstance(outcome, BilanError) else outcome.record.origin


def _undated(claims: Iterable[Claim]) -> int:
    """How many claims no tally can place in time: without a whole period."""
    return sum(1 for claim in claims
               if claim.period is None or None in (claim.period.start, claim.period.end))
