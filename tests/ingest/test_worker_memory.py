"""An extraction worker forgets what spaCy learned from the chunks it has read: its
vocabulary, which held every text without a cue as a new string, stays the size it had
after loading, and the claims are those of an extraction without that bound."""

from __future__ import annotations

import json
import uuid

from bilan.extract import extract
from bilan.ingest import Report
from bilan.ingest.run import document_id
from bilan.ingest.workers import Task, extract_chunk, extractor_for
from tests.conftest import GOLD


def gold_tasks(count: int) -> list[Task]:
    """The first gold reports, each closed by a sentence no other test reads (without a
    cue, so the same claims), so that what they teach spaCy is new to this process."""
    lines = (GOLD / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:count]
    reports = [Report(f"{record['text']}\nRéférence {uuid.uuid4().hex}.", record["id"])
               for record in map(json.loads, lines)]
    return [Task(report, document_id(report.text), "fr") for report in reports]


def test_a_worker_vocabulary_does_not_grow_with_the_reports_it_reads():
    tasks = gold_tasks(12)
    strings = extractor_for("fr").nlp.vocab.strings
    extract_chunk(tasks[:1])  # whatever loads on first use
    before = len(strings)
    records = [extracted.record for extracted in extract_chunk(tasks)]
    assert len(strings) == before
    # Without the bound the same reports add their texts to the vocabulary.
    unbounded = [extract(task.report.text) for task in tasks]
    assert len(strings) > before
    assert [[claim.to_dict() for claim in record.claims] for record in records] == \
        [[claim.to_dict() for claim in claims] for claims in unbounded]
    assert sum(len(record.claims) for record in records) > 0


def test_a_worker_reads_the_same_chunk_alike_twice():
    tasks = gold_tasks(6)
    first, second = extract_chunk(tasks), extract_chunk(tasks)
    assert [e.record for e in first] == [e.record for e in second]
    assert [e.incidents for e in first] == [e.incidents for e in second]
