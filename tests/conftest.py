"""Shared fixtures: the packaged pipeline (loaded once) and the gold files beside the repo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold"
# Every C0 control, DEL, every C1 control, the line and paragraph separators and a bidi
# override: what no terminal, JSON or CSV output may carry raw.
CONTROLS = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x202E]))


def read_gold(name: str) -> list[dict[str, Any]]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def extractor():
    from bilan.extract import Extractor

    return Extractor("fr")


@pytest.fixture(scope="session")
def english():
    from bilan.extract import Extractor

    return Extractor("en")


@pytest.fixture
def hostile_store(tmp_path):
    """A SQLite store of one document whose text, two claims' quotes and sources hold
    CONTROLS."""
    from dataclasses import replace

    from bilan.records import Source
    from bilan.store import Store
    from tests.store.test_store import make_claim, make_document

    claims = tuple(replace(make_claim(n), quote=f"{n} morts{CONTROLS}fin",
                           source=Source(f"OSDH{CONTROLS}", "ngo")) for n in (1, 2))
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        document = make_document("d", claims)
        store.add_document(replace(document, text=f"{document.text}{CONTROLS}fin"))
    return db
