"""A real store holding dev.jsonl's documents and their gold claims (no model needed)."""

from __future__ import annotations

from bilan.store import DocumentRecord, Store
from tests.conftest import read_gold
from tests.reconcile.claims import from_gold


def fill_with_gold(target: str, name: str = "dev.jsonl") -> None:
    """Store every document of a gold file with its gold claims, resolved as ingest does."""
    with Store(target) as store:
        for document in read_gold(name):
            stored = [from_gold(document, gold) for gold in document["claims"]]
            store.add_document(DocumentRecord(
                id=document["id"], text=document["text"], lang=document["lang"],
                origin=document["id"], status="extracted", external_id=document["id"],
                outlet=document.get("outlet"),
                published=stored[0].published if stored else None,
                claims=tuple(s.claim for s in stored), regions=tuple(s.region for s in stored),
            ))
