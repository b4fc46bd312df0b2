"""A real store holding a gold file's documents and their gold claims (no model needed).

Gold claims carry no offsets: each quote is found in its text, in claim order, and its
sentence is taken as its line (gold texts hold one paragraph per line).
"""

from __future__ import annotations

import dataclasses

from bilan.store import DocumentRecord, Store
from tests.conftest import read_gold
from tests.reconcile.claims import from_gold


def fill_with_gold(target: str, name: str = "dev.jsonl") -> None:
    """Store every document of a gold file with its gold claims, resolved as ingest does."""
    with Store(target) as store:
        for document in read_gold(name):
            text = document["text"]
            stored, cursor = [], 0
            for gold in document["claims"]:
                claim = from_gold(document, gold)
                start = text.find(gold["quote"], cursor)
                if start < 0:
                    start = text.find(gold["quote"])
                end = start + len(gold["quote"])
                cursor = max(start, 0)
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                stored.append(dataclasses.replace(claim, claim=dataclasses.replace(
                    claim.claim, start=start, end=end, sentence_start=line_start,
                    sentence_end=len(text) if line_end < 0 else line_end)))
            store.add_document(DocumentRecord(
                id=document["id"], text=text, lang=document["lang"],
                origin=document["id"], status="extracted", external_id=document["id"],
                outlet=document.get("outlet"),
                published=stored[0].published if stored else None,
                claims=tuple(s.claim for s in stored), regions=tuple(s.region for s in stored),
            ))
