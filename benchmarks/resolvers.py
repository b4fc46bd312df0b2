"""Score the period, place and source resolvers alone, on the gold claims' own quotes.

    python benchmarks/resolvers.py GOLD.jsonl [--lang en] [--errors FIELD]

The casualty grammar is bypassed: each gold claim's quote is found in the text
(`text.find(quote)`, in order), the sentence spans come from
`bilan.sentences.split_sentences`, and the three resolvers run on those spans with
the gold publication date. Fields are scored as `bilan.evaluate` scores matched
claims (period start and end by exact day, place within 30 km or by name when the
gold has no coordinates, country, source by normalised name, source type).
`--errors FIELD` prints every claim that field gets wrong.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from bilan.evaluate import _field_values
from bilan.resolve.periods import resolve_periods
from bilan.resolve.places import resolve_places
from bilan.resolve.sources import resolve_sources
from bilan.sentences import split_sentences

FIELDS = ("period_start", "period_end", "place", "country", "source", "source_type")


def _spans(text: str, sentences: list[tuple[int, int]], claims: list[dict]) -> list:
    spans = []
    cursor = 0
    for claim in claims:
        start = text.find(claim["quote"], cursor)
        if start < 0:
            start = text.find(claim["quote"])
        cursor = max(cursor, start)
        end = start + len(claim["quote"])
        index = next(i for i, (a, b) in enumerate(sentences) if a <= start < b)
        spans.append((index, start, end))
    return spans


def _predicted(doc: dict[str, Any]) -> list[dict[str, Any]]:
    text = doc["text"]
    sentences = split_sentences(text)
    spans = _spans(text, sentences, doc["claims"])
    published = date.fromisoformat(doc["published"]) if doc.get("published") else None
    lang = doc.get("lang", "fr")
    periods = resolve_periods(text, sentences, spans, published, lang)
    places = resolve_places(text, sentences, spans, lang)
    sources = resolve_sources(text, sentences, spans, lang)
    out = []
    for period, place, source in zip(periods, places, sources, strict=True):
        out.append(
            {
                "period": period.to_dict() if period else None,
                "place": place.name if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "country": place.country if place else None,
                "source": source.name if source else None,
                "source_type": source.type if source else None,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold")
    parser.add_argument("--lang")
    parser.add_argument("--errors", action="append", default=[])
    args = parser.parse_args()
    correct = dict.fromkeys(FIELDS, 0)
    total = 0
    with open(args.gold, encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle if line.strip()]
    for doc in documents:
        if args.lang and doc.get("lang", "fr") != args.lang:
            continue
        for gold, pred in zip(doc["claims"], _predicted(doc), strict=True):
            total += 1
            checks = _field_values(gold, {"count": gold["count"], **pred}, parent_ok=True)
            for name in FIELDS:
                ok = checks[name]
                correct[name] += ok
                if not ok and name in args.errors:
                    keys = {"period_start": "period", "period_end": "period"}.get(name, name)
                    extra = ("lat", "lon") if name == "place" else ()
                    print(
                        f"{doc['id']} {gold['id']} {name} {gold['quote']!r}\n"
                        f"   gold {[gold.get(k) for k in (keys, *extra)]}"
                        f" pred {[pred.get(k) for k in (keys, *extra)]}"
                    )
    print(f"{total} claims: " + " ".join(f"{k} {correct[k] / total:.3f}" for k in FIELDS))


if __name__ == "__main__":
    main()
