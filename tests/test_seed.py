"""The AFP dispatch the project was created from: all six claims, every field right."""

from datetime import date

import pytest

from bilan.evaluate import FIELDS, score_corpus
from tests.conftest import read_gold


def test_seed_every_claim_and_field(extractor):
    documents = read_gold("seed.jsonl")
    predictions = {
        doc["id"]: [
            claim.to_dict()
            for claim in extractor.extract(doc["text"], date.fromisoformat(doc["published"]))
        ]
        for doc in documents
    }
    score = score_corpus(documents, predictions)
    assert (score.gold, score.predicted, score.true_positives) == (6, 6, 6)
    assert score.field_accuracy() == dict.fromkeys(FIELDS, 1.0)


@pytest.mark.parametrize("index", range(6))
def test_seed_quotes_are_traced_to_text(extractor, index):
    doc = read_gold("seed.jsonl")[0]
    claim = extractor.extract(doc["text"], date(2013, 12, 23))[index]
    assert doc["text"][claim.start : claim.end] == claim.quote
    assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
