"""Shared fixtures: the packaged pipeline (loaded once) and the gold files beside the repo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold"


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
