"""Score predicted claims against gold claims, as the gold guide's Scoring says.

A predicted claim matches a gold claim of the same document when outcome,
victims and count value are equal (one-to-one, in text order, nearest quote
first). Precision, recall and F1 count those matches; every other field is
scored on matched pairs only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bilan.resolve.gazetteer import distance_km
from bilan.resolve.sources import normalise_source_name

FIELDS = (
    "qualifier", "cause", "part_of", "period_start", "period_end", "place", "country",
    "source", "source_type",
)
PLACE_TOLERANCE_KM = 30.0


def normalise_name(name: str | None) -> str | None:
    """Lower-case, accents and articles stripped: how source and place names compare."""
    return None if name is None else normalise_source_name(name)


@dataclass(slots=True)
class Miss:
    """A gold claim no prediction matched, or a prediction no gold claim matched."""

    doc_id: str
    claim: Mapping[str, Any]
    sentence: str


@dataclass(slots=True)
class Score:
    """Counts accumulated over documents; ratios are computed on demand."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Miss] = field(default_factory=list)
    field_errors: list[tuple[str, str, Mapping[str, Any], Mapping[str, Any]]] = field(
        default_factory=list
    )

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self) -> dict[str, float]:
        n = self.true_positives
        return {name: (self.field_correct[name] / n if n else 0.0) for name in FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_claims": {"gold": self.gold, "predicted": self.predicted,
                                 "matched": self.true_positives},
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {k: round(v, 4) for k, v in self.field_accuracy().items()},
        }


def _key(claim: Mapping[str, Any]) -> tuple[str, str, int]:
    return claim["outcome"], claim["victims"], claim["count"]["value"]


def _quote_position(text: str, claim: Mapping[str, Any], after: int) -> int:
    if claim.get("start") is not None:
        return int(claim["start"])
    found = text.find(claim["quote"], after)
    return found if found >= 0 else text.find(claim["quote"])


def match_claims(
    text: str, gold: list[Mapping[str, Any]], predicted: list[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), one-to-one, nearest quotes first."""
    gold_pos: list[int] = []
    cursor = 0
    for claim in gold:
        pos = _quote_position(text, claim, cursor)
        gold_pos.append(pos)
        cursor = max(cursor, pos)
    pred_pos = [_quote_position(text, claim, 0) for claim in predicted]
    candidates = sorted(
        (abs(gold_pos[g] - pred_pos[p]), g, p)
        for g, gc in enumerate(gold)
        for p, pc in enumerate(predicted)
        if _key(gc) == _key(pc)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def _place_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if pred.get("lat") is None or pred.get("lon") is None:
            return False
        distance = distance_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"])
        return distance <= PLACE_TOLERANCE_KM
    return normalise_name(gold.get("place")) == normalise_name(pred.get("place"))


def _period(claim: Mapping[str, Any], end: str) -> str | None:
    period = claim.get("period") or {}
    return period.get(end)


def _field_values(
    gold: Mapping[str, Any], pred: Mapping[str, Any], parent_ok: bool
) -> dict[str, bool]:
    return {
        "qualifier": gold["count"]["qualifier"] == pred["count"]["qualifier"],
        "cause": gold.get("cause") == pred.get("cause"),
        "part_of": parent_ok,
        "period_start": _period(gold, "start") == _period(pred, "start"),
        "period_end": _period(gold, "end") == _period(pred, "end"),
        "place": _place_correct(gold, pred),
        "country": gold.get("country") == pred.get("country"),
        "source": normalise_name(gold.get("source")) == normalise_name(pred.get("source")),
        "source_type": gold.get("source_type") == pred.get("source_type"),
    }


def score_document(
    score: Score,
    doc_id: str,
    text: str,
    gold: list[Mapping[str, Any]],
    predicted: list[Mapping[str, Any]],
    sentence_of: Any = None,
) -> None:
    """Add one document's matches and field results to `score`."""
    pairs = match_claims(text, gold, predicted)
    pred_for_gold = {g: p for g, p in pairs}
    gold_index = {claim["id"]: i for i, claim in enumerate(gold)}
    pred_index = {claim["id"]: i for i, claim in enumerate(predicted)}
    score.gold += len(gold)
    score.predicted += len(predicted)
    score.true_positives += len(pairs)
    for g, p in pairs:
        gold_parent = gold[g].get("part_of")
        pred_parent = predicted[p].get("part_of")
        if gold_parent is None:
            parent_ok = pred_parent is None
        else:
            expected = pred_for_gold.get(gold_index.get(gold_parent, -1))
            parent_ok = pred_parent is not None and pred_index.get(pred_parent) == expected
        for name, ok in _field_values(gold[g], predicted[p], parent_ok).items():
            if ok:
                score.field_correct[name] += 1
            else:
                score.field_errors.append((doc_id, name, gold[g], predicted[p]))
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    locate = sentence_of or (lambda claim: claim.get("quote", ""))
    score.misses.extend(
        Miss(doc_id, c, locate(c)) for i, c in enumerate(gold) if i not in matched_gold
    )
    score.false_alarms.extend(
        Miss(doc_id, c, locate(c)) for i, c in enumerate(predicted) if i not in matched_pred
    )


def score_corpus(
    documents: Iterable[Mapping[str, Any]], predictions: Mapping[str, list[Mapping[str, Any]]]
) -> Score:
    """Score every gold document against the predictions keyed by document id."""
    score = Score()
    for doc in documents:
        text = doc["text"]
        score_document(score, doc["id"], text, doc.get("claims", []),
                       predictions.get(doc["id"], []), _sentence_finder(text))
    return score


def _sentence_finder(text: str) -> Any:
    from bilan.sentences import split_sentences

    spans = split_sentences(text)

    def sentence_of(claim: Mapping[str, Any]) -> str:
        pos = claim.get("start")
        if pos is None:
            pos = text.find(claim.get("quote") or "")
        for start, end in spans:
            if start <= pos < end:
                return text[start:end]
        return claim.get("quote", "")

    return sentence_of


def score_gold_file(path: Any, lang: str | None = None, model: str | None = None) -> Score:
    """Run the extraction over a gold JSON Lines file and score it."""
    from pathlib import Path

    from bilan.documents import jsonl_lines, open_jsonl
    from bilan.errors import MalformedLineError
    from bilan.extract import Extractor, claims_from_doc

    documents = []
    # Line by line: a gold file of any size is read within the line limit (E138).
    for number, line in jsonl_lines(open_jsonl(Path(path)), str(path), close=True):
        if isinstance(line, MalformedLineError):
            raise line
        documents.append(gold_document(line, f"{path}, line {number}", number))
    if lang is not None:
        documents = [d for d in documents if (d.lang or "fr") == lang]
    predictions: dict[str, list[Mapping[str, Any]]] = {}
    by_lang: dict[str, list[GoldDocument]] = {}
    for document in documents:
        by_lang.setdefault(document.lang or "fr", []).append(document)
    for doc_lang, group in by_lang.items():
        extractor = Extractor(doc_lang, model)
        annotated = extractor.annotate((d.text, d.published) for d in group)
        for document, doc in zip(group, annotated, strict=True):
            predictions[document.id] = [c.to_dict() for c in claims_from_doc(doc)]
    return score_corpus(({"id": d.id, "text": d.text, "claims": d.claims} for d in documents),
                        predictions)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold file's document (`id`, `text`, `lang`, `published`) and its claims."""

    id: str
    text: str
    lang: str | None
    published: date | None
    claims: list[Mapping[str, Any]]


# The fields of a gold claim the scorer reads and their JSON types: the required ones,
# then those that may be absent or null.
_REQUIRED = {"id": str, "outcome": str, "victims": str, "count": dict}
_OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "quote": str, "start": int, "part_of": str, "period": dict, "cause": str, "place": str,
    "country": str, "source": str, "source_type": str, "lat": (int, float),
    "lon": (int, float),
}


def gold_document(line: str, where: str, number: int) -> GoldDocument:
    """One line of a gold file, or a MalformedLineError naming `where` and the problem."""
    from bilan.documents import document_of, json_failure
    from bilan.errors import MalformedLineError

    try:
        record = json.loads(line)
    except ValueError as error:
        raise MalformedLineError.of("E130", where=where, reason=json_failure(error)) from error
    except RecursionError as error:
        raise MalformedLineError.of("E132", where=where) from error
    if not isinstance(record, dict) or not isinstance(record.get("claims", []), list):
        raise MalformedLineError.of("E131", where=where)
    document = document_of(record, where, number)
    claims = record.get("claims", [])
    for index, claim in enumerate(claims, 1):
        problem = _claim_problem(claim)
        if problem is not None:
            raise MalformedLineError.of("E139", where=where, number=index, problem=problem)
    return GoldDocument(document.id, document.text, document.lang, document.published,
                        claims)


def _claim_problem(claim: Any) -> str | None:
    """Why the scorer cannot read a gold claim; None when it can."""
    if not isinstance(claim, dict):
        return "not a JSON object"
    for name, kind in _REQUIRED.items():
        if not isinstance(claim.get(name), kind):
            return f"`{name}` is missing or not a {kind.__name__}"
    for name, kinds in _OPTIONAL.items():
        if claim.get(name) is not None and not isinstance(claim[name], kinds):
            return f"`{name}` has the wrong type"
    count = claim["count"]
    if not isinstance(count.get("value"), int) or not isinstance(count.get("qualifier"), str):
        return "`count` needs an integer `value` and a `qualifier`"
    if claim.get("quote") is None and claim.get("start") is None:
        return "neither `quote` nor `start` places it in the text"
    if any(not isinstance(day, str | None) for day in (claim.get("period") or {}).values()):
        return "`period` days are YYYY-MM-DD strings or null"
    return None
