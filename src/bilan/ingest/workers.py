"""Extraction of reports in chunks: in this process, in a pool of processes, or on Dask.

The ingest sends chunks of reports out and gets each chunk's records back in input
order, whatever order the workers finish in; only the caller writes to the store. A
worker keeps its loaded models from one chunk to the next. A chunk whose worker dies is
sent again; a report is never stored twice, because the store is keyed by the content
hash and the caller writes each chunk once. After a loss, the chunks that were out are
sent again one at a time, so that a chunk that keeps killing its worker is found and
given up alone: its reports come back as errors (E170) and the others go on.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from bilan.errors import BilanError, ModelError, UsageError, WorkerError
from bilan.extract import MODELS, Extractor, claims_from_doc
from bilan.incidents.report import Incident, report_incidents
from bilan.ingest.sources import Report
from bilan.language import detect_language
from bilan.reconcile.regions import region_of
from bilan.sentences import split_sentences
from bilan.store import DocumentRecord

log = logging.getLogger(__name__)

# Reports per chunk: large enough that a chunk's transfer costs little next to its
# extraction (about a second of work), small enough to keep every worker busy.
CHUNK = 32
# Chunks in flight per worker: one running, one queued, so a worker never waits.
_AHEAD = 2
# Times a chunk may lose its worker before its reports are given up.
LOSSES = 2


@dataclass(frozen=True, slots=True)
class Task:
    """A report to extract, its content hash, and its language (None: detect it)."""

    report: Report
    key: str
    lang: str | None


@dataclass(frozen=True, slots=True)
class Extracted:
    """A report's record ready to store and its incidents; `warning` says why the
    incidents are missing when computing them failed (the record is stored anyway)."""

    record: DocumentRecord
    incidents: tuple[Incident, ...] = ()
    warning: str | None = None


# This process's extractors, loaded on first use and kept for every later chunk.
_extractors: dict[str, Extractor | None] = {}
# A Dask worker runs tasks in threads, but a pipeline's components keep state per call:
# one chunk at a time per process (the interpreter lock would serialise them anyway).
_one_at_a_time = threading.Lock()


def extractor_for(lang: str) -> Extractor | None:
    """This process's extractor for `lang`; None when bilan has no extraction for it."""
    if lang not in _extractors:
        try:
            _extractors[lang] = Extractor(lang)
        except ModelError:
            if lang in MODELS:
                raise  # the language is supported but its model package is missing
            log.info("no extraction for language %r: its documents are stored only", lang)
            _extractors[lang] = None
    return _extractors[lang]


def extract_chunk(tasks: Sequence[Task]) -> list[Extracted]:
    """Each task's record and incidents, in order. Runs wherever the chunk is sent."""
    with _one_at_a_time:
        return list(extract_reports(tasks))


def extract_reports(tasks: Sequence[Task]) -> Iterator[Extracted]:
    """Each task's record and incidents, in order, each as soon as its report is read."""
    langs = [task.lang or detect_language(task.report.text) for task in tasks]
    # What spaCy learns from a chunk's texts is freed after it, so a worker's memory does
    # not grow with the reports it has read; the docs die with it, so their records are
    # made inside.
    with contextlib.ExitStack() as zones:
        annotated: dict[str, Iterator[Any]] = {}
        for lang in dict.fromkeys(langs):
            extractor = extractor_for(lang)
            if extractor is None:
                continue
            zones.enter_context(extractor.memory_zone())
            annotated[lang] = extractor.annotate(
                (task.report.text, task.report.published)
                for task, code in zip(tasks, langs, strict=True) if code == lang)
        for task, lang in zip(tasks, langs, strict=True):
            doc = next(annotated[lang]) if lang in annotated else None
            yield _extracted(task, lang, doc)


def _extracted(task: Task, lang: str, doc: Any) -> Extracted:
    report = task.report
    claims = tuple(claims_from_doc(doc)) if doc is not None else ()
    record = DocumentRecord(
        id=task.key, text=report.text, lang=lang, origin=report.origin,
        status="extracted" if doc is not None else "skipped_language",
        published=report.published, external_id=report.external_id, outlet=report.outlet,
        url=report.url, title=report.title, sentences=tuple(split_sentences(report.text)),
        claims=claims, regions=tuple(region_of(claim.place) for claim in claims),
    )
    if not claims:
        return Extracted(record)
    try:
        incidents = report_incidents(task.key, report.text, list(claims), lang=lang)
    except BilanError as error:
        # The claims stand on their own; only the incident grouping of this report is lost.
        return Extracted(record, warning=f"{report.origin}: stored without its incidents "
                                         f"({error})")
    return Extracted(record, tuple(incidents))


Outcome = Extracted | WorkerError


class InProcess:
    """Extraction in the calling process, each report handed out as soon as it is read."""

    def map(self, chunks: Iterable[Sequence[Task]]) -> Iterator[Outcome]:
        for chunk in chunks:
            yield from extract_reports(chunk)

    def finished(self) -> Iterator[Outcome]:
        """Nothing: every report read has been handed out."""
        return iter(())

    def close(self) -> None:
        """Nothing to release."""


class _Ordered:
    """Chunks sent ahead to workers, results handed back in input order."""

    # Exceptions meaning the chunk's worker was lost, not that extraction failed.
    lost: tuple[type[BaseException], ...] = ()

    def __init__(self, window: int) -> None:
        self.window = window
        # The chunks out on the workers, in input order, and what is left to hand out of
        # the first one back.
        self._sent: deque[tuple[Sequence[Task], Any]] = deque()
        self._back: deque[Outcome] = deque()

    def _submit(self, chunk: Sequence[Task]) -> Any:
        raise NotImplementedError

    def _recover(self) -> None:
        """Make the workers usable again after one was lost."""

    def map(self, chunks: Iterable[Sequence[Task]]) -> Iterator[Outcome]:
        """Each report's outcome, in input order."""
        source = iter(chunks)
        sent, back = self._sent, self._back
        while True:
            while len(sent) < self.window and (chunk := next(source, None)) is not None:
                sent.append((chunk, self._submit(chunk)))
            if not sent:
                return
            chunk, future = sent[0]
            try:
                back.extend(future.result())
            except self.lost as error:
                log.warning("a worker was lost extracting %s (%s)", _span(chunk), error)
                self._recover()
                # Which chunk killed it is unknown: each one that was out is sent alone.
                back.extend(outcome for suspect, _ in sent for outcome in self._alone(suspect))
                sent.clear()
            else:
                sent.popleft()
            while back:
                yield back.popleft()

    def finished(self) -> Iterator[Outcome]:
        """After an interrupt: every outcome extracted and not handed out yet, in input
        order: the rest of the chunk being handed out, and each chunk the workers have
        finished by the time they stop (`_stop`), also behind one they had not."""
        self._stop()
        while self._back:
            yield self._back.popleft()
        while self._sent:
            _, future = self._sent.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from future.result()

    def _stop(self) -> None:
        """Stop sending work; the chunks the workers have started may finish."""

    def _alone(self, chunk: Sequence[Task]) -> list[Outcome]:
        """The chunk extracted with no other out; its reports as errors if it keeps
        killing its worker."""
        for _ in range(LOSSES):
            try:
                return list(self._submit(chunk).result())
            except self.lost as error:
                log.warning("a worker was lost extracting %s alone (%s)", _span(chunk), error)
                self._recover()
        return [WorkerError.of("E170", origin=task.report.origin, losses=LOSSES)
                for task in chunk]

    def close(self) -> None:
        raise NotImplementedError


def _span(chunk: Sequence[Task]) -> str:
    first, last = chunk[0].report.origin, chunk[-1].report.origin
    return first if first == last else f"{first} to {last}"


def _start_worker(langs: tuple[str, ...]) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; the models load once, here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for lang in langs:
        extractor_for(lang)


class ProcessPool(_Ordered):
    """Extraction in `workers` processes of this machine, each loading the models once."""

    lost = (BrokenProcessPool,)

    def __init__(self, workers: int, langs: Iterable[str] = ()) -> None:
        if workers < 1:
            raise UsageError.of("E173", workers=workers)
        super().__init__(_AHEAD * workers)
        self.workers = workers
        self.langs = tuple(lang for lang in langs if lang in MODELS)
        self.pool = self._pool()

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=_start_worker,
                                   initargs=(self.langs,))

    def _submit(self, chunk: Sequence[Task]) -> Future[list[Extracted]]:
        try:
            return self.pool.submit(extract_chunk, chunk)
        except BrokenProcessPool as error:
            # A worker died since the last chunk was sent: the loss is dealt with where
            # results are read, like one that happens after sending.
            lost: Future[list[Extracted]] = Future()
            lost.set_exception(error)
            return lost

    def _recover(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._pool()

    def _stop(self) -> None:
        # The chunks not started are dropped; the workers finish the ones they hold, which
        # `close` would wait for anyway: they are stored, not thrown away.
        self.pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster(_Ordered):
    """Extraction on the workers of a Dask distributed cluster (`tcp://HOST:PORT`).

    The scheduler re-runs the task of a lost worker elsewhere by itself; a task that
    killed its workers too often comes back as KilledWorker and its reports as errors.
    """

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client, KilledWorker
        except ImportError as error:
            raise WorkerError.of("E172") from error
        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise WorkerError.of("E171", address=address, reason=error) from error
        self.lost = (KilledWorker,)
        threads = sum(self.client.nthreads().values())
        super().__init__(_AHEAD * max(threads, 1))

    def _submit(self, chunk: Sequence[Task]) -> Any:
        # pure=False: a chunk sent again after a loss is a new task, not the failed one.
        return self.client.submit(extract_chunk, chunk, pure=False)

    def close(self) -> None:
        self.client.close()


def extraction(workers: int | None, dask: str | None,
               langs: Iterable[str] = ()) -> InProcess | ProcessPool | DaskCluster:
    """Where to extract: `workers` processes, a Dask scheduler's address, or here."""
    if workers is not None and dask is not None:
        raise UsageError.of("E174")
    if dask is not None:
        return DaskCluster(dask)
    if workers is not None:
        return ProcessPool(workers, langs)
    return InProcess()
