"""Stored claims for the reconciliation tests, written by hand or read from gold files."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from bilan.reconcile.regions import region_of
from bilan.records import Claim, Count, Period, Place, Source, StoredClaim
from tests.conftest import read_gold

_ids = itertools.count(1)
D = date.fromisoformat


def stored(
    value: int, qualifier: str = "exact", *, first: str | None = "2013-12-15",
    last: str | None = None, victims: str = "people", region: tuple[str, ...] | None = ("SY",),
    outcome: str = "killed", high: int | None = None, document: str = "doc",
    part_of: str | None = None, claim_id: str | None = None,
) -> StoredClaim:
    """A claim of `value` people over first..last (last defaults to first)."""
    last = last or first
    period = Period(D(first), D(last)) if first else None
    claim = Claim(
        id=claim_id or f"c{next(_ids)}", quote=f"{value} {victims}", outcome=outcome,
        cause="violence", victims=victims, count=Count(value, qualifier, high),
        part_of=part_of, period=period, place=None, source=Source("OSDH", "ngo"),
        start=0, end=0, sentence_start=0, sentence_end=0,
    )
    return StoredClaim(document, claim, region)


def from_gold(document: dict[str, Any], gold: dict[str, Any]) -> StoredClaim:
    """A gold claim as the store would hold it, its region derived from its coordinates."""
    period = gold["period"]
    place = (Place(gold["place"], gold["lat"], gold["lon"], gold["country"])
             if gold["place"] else None)
    claim = Claim(
        id=gold["id"], quote=gold["quote"], outcome=gold["outcome"], cause=gold["cause"],
        victims=gold["victims"],
        count=Count(gold["count"]["value"], gold["count"]["qualifier"],
                    gold["count"].get("high")),
        part_of=gold["part_of"],
        period=Period(period["start"] and D(period["start"]), period["end"] and D(period["end"]))
        if period else None,
        place=place, source=Source(gold["source"], gold["source_type"]) if gold["source"] else None,
        start=0, end=0, sentence_start=0, sentence_end=0,
    )
    return StoredClaim(document["id"], claim, region_of(place), D(document["published"]),
                       document["id"])


def gold_claims(name: str, documents: set[str] | None = None) -> list[StoredClaim]:
    return [
        from_gold(document, gold) for document in read_gold(name)
        if documents is None or document["id"] in documents for gold in document["claims"]
    ]
