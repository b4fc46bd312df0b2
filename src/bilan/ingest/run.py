"""Ingest: reports in, documents with their sentences and claims stored, one by one.

A document is keyed by the SHA-256 of its normalised text (NFC, runs of white
space as one space, trimmed), so a report ingested twice, or re-published with
other spacing, is stored once. Extraction runs in batches for speed, but each
document is stored in its own transaction, in input order: an interrupted
ingest keeps every document it finished and a re-run skips them.

Extraction can run elsewhere: `Ingester.run` hands chunks of reports to a `submit`
function (a process pool's, a Dask client's) and stores their results in input
order as they come back, with a bounded number of chunks in flight. Each worker
process keeps its own extractors, so it loads each model once.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from datetime import date
from typing import Any, Protocol

from bilan.errors import BilanError, InputError, ModelError
from bilan.extract import AUTO, MODELS, Extractor, claims_from_doc
from bilan.ingest.sources import Report
from bilan.language import detect_language
from bilan.reconcile.regions import region_of
from bilan.records import Claim
from bilan.sentences import split_sentences
from bilan.store import DocumentRecord, Store

log = logging.getLogger(__name__)

# Reports per chunk handed to an extraction worker, and chunks in flight per worker:
# enough to keep every worker busy while the writer stores, few enough to bound memory.
BATCH = 32
IN_FLIGHT_PER_WORKER = 3
# Seconds to wait for a Dask scheduler to answer.
DASK_TIMEOUT = 30


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


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction makes of one report: its language, status, sentences and claims."""

    lang: str
    status: str
    sentences: tuple[tuple[int, int], ...]
    claims: tuple[Claim, ...]
    regions: tuple[tuple[str, ...] | None, ...]


# (text, publication date, declared language) of one report, as sent to a worker.
Job = tuple[str, date | None, str | None]


class Result(Protocol):
    def result(self) -> Any: ...


# submit(function, argument) -> a future of function(argument): a process pool's
# `submit`, a Dask client's, or `run_here`.
Submit = Callable[[Callable[[Any], Any], Any], Result]

# The extractors of this process, per language or "auto" (None: no extraction for the
# language). A worker process fills its own on first use and keeps them for every chunk.
_extractors: dict[str, Extractor | None] = {}


def _extractor(lang: str) -> Extractor | None:
    if lang not in _extractors:
        try:
            _extractors[lang] = Extractor(lang)
        except ModelError:
            if lang in MODELS or lang == AUTO:
                raise  # the language is supported but its model package is missing
            log.info("no extraction for language %r: its documents are stored only", lang)
            _extractors[lang] = None
    return _extractors[lang]


def extract_jobs(jobs: list[Job]) -> list[Extracted]:
    """Each report's language (declared, else detected), sentences and claims, in order.

    Runs in whichever process is given the chunk; it reads and writes no store."""
    langs = [lang or detect_language(text) for text, _, lang in jobs]
    results: dict[int, Extracted] = {}
    for lang in dict.fromkeys(langs):
        positions = [i for i, code in enumerate(langs) if code == lang]
        extractor = _extractor(lang)
        docs = (
            extractor.annotate((jobs[i][0], jobs[i][1]) for i in positions)
            if extractor is not None else iter([None] * len(positions))
        )
        for position, doc in zip(positions, docs, strict=True):
            claims = tuple(claims_from_doc(doc)) if doc is not None else ()
            results[position] = Extracted(
                lang, "extracted" if doc is not None else "skipped_language",
                tuple(split_sentences(jobs[position][0])), claims,
                tuple(region_of(claim.place) for claim in claims),
            )
    return [results[position] for position in range(len(jobs))]


def extract_claims(lang: str, jobs: list[Job]) -> list[list[Claim]]:
    """The claims of each text read as `bilan extract --lang` does (`auto`: per text)."""
    extractor = _extractor(lang)
    assert extractor is not None  # "fr", "en" and "auto" always have one
    docs = extractor.annotate(((text, published) for text, published, _ in jobs),
                              (declared for _, _, declared in jobs))
    return [claims_from_doc(doc) for doc in docs]


def run_here(function: Callable[[Any], Any], argument: Any) -> Future:
    """`function(argument)` in this process, as a future already done."""
    future: Future = Future()
    future.set_result(function(argument))
    return future


@contextmanager
def extraction_workers(workers: int = 1, dask: str | None = None) -> Iterator[tuple[Submit, int]]:
    """(submit, how many chunks run at once): a Dask cluster's at `dask`, else a pool of
    `workers` processes, else this process."""
    if dask:
        from distributed import Client

        try:
            client = Client(dask, timeout=DASK_TIMEOUT)
        except OSError as error:
            raise InputError(f"--dask {dask}: no Dask scheduler answers there ({error})") from error
        with client:
            threads = max(1, sum(client.nthreads().values()))
            # pure=False: a chunk resubmitted is computed again, never taken for another.
            yield (lambda function, argument: client.submit(function, argument, pure=False)), \
                threads
    elif workers > 1:
        # spawn: workers start clean, without the writer's open store or threads.
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            yield pool.submit, workers
    else:
        yield run_here, 1


def in_order(
    function: Callable[[Any], Any], chunks: Iterable[tuple[Any, Any]], submit: Submit,
    workers: int,
) -> Iterator[tuple[Any, Any]]:
    """(payload, function(argument)) for each (payload, argument), in input order, with at
    most IN_FLIGHT_PER_WORKER chunks per worker submitted and not yet taken."""
    pending: deque[tuple[Any, Result]] = deque()
    for payload, argument in chunks:
        pending.append((payload, submit(function, argument)))
        while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            payload, future = pending.popleft()
            yield payload, future.result()
    while pending:
        payload, future = pending.popleft()
        yield payload, future.result()


class Ingester:
    """Extracts claims (here or on workers) and stores documents in input order.

    `submit` sends a chunk to extraction (default: this process); `workers` is how
    many chunks run at once, which sets how many are kept in flight.
    """

    def __init__(self, store: Store, submit: Submit = run_here, workers: int = 1) -> None:
        self.store = store
        self.submit = submit
        self.workers = max(1, workers)

    def run(
        self,
        reports: Iterable[Report | InputError],
        progress: Callable[[Summary, str], None] | None = None,
    ) -> Summary:
        """Ingest every report; `progress(summary, origin)` is called after each one."""
        summary = Summary()

        def chunks() -> Iterator[tuple[list[tuple[Report, str]], list[Job]]]:
            chunk: list[tuple[Report, str]] = []
            for item in reports:
                if isinstance(item, InputError):
                    summary.failed.append(str(item))
                    if progress:
                        progress(summary, str(item))
                    continue
                key = document_id(item.text)
                if self.store.has_document(key):
                    summary.known += 1
                    if progress:
                        progress(summary, item.origin)
                    continue
                chunk.append((item, key))
                if len(chunk) >= BATCH:
                    yield chunk, _jobs(chunk)
                    chunk = []
            if chunk:
                yield chunk, _jobs(chunk)

        for chunk, extracted in in_order(extract_jobs, chunks(), self.submit, self.workers):
            for (report, key), result in zip(chunk, extracted, strict=True):
                self._store(DocumentRecord(
                    id=key, text=report.text, lang=result.lang, origin=report.origin,
                    status=result.status, published=report.published,
                    external_id=report.external_id, outlet=report.outlet, url=report.url,
                    title=report.title, sentences=result.sentences, claims=result.claims,
                    regions=result.regions,
                ), summary)
                if progress:
                    progress(summary, report.origin)
        return summary

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
        summary.skipped_language += record.status == "skipped_language"


def _jobs(chunk: Sequence[tuple[Report, str]]) -> list[Job]:
    return [(report.text, report.published, report.lang) for report, _ in chunk]
