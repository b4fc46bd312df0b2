"""Extraction quality on the development and validation sets, scored as the gold guide says.

Each floor is the score measured when it was last raised, minus 0.01 (rounded down), per
set and per field: any regression fails, and so does hard-coding a field. Raise a floor
when a change raises its score; never lower one without saying why in the commit.
"""

from pathlib import Path

import pytest

from bilan.evaluate import FIELDS, score_gold_file
from tests.conftest import GOLD

VALIDATION = Path(__file__).resolve().parent.parent / "validation"

# (gold file, language scored): written French and English reports, real French news, and
# the fresh validation sets annotated before bilan read them (validation/README.md).
SETS = {
    "dev-fr": (GOLD / "dev.jsonl", "fr"),
    "orangesum": (GOLD / "dev-orangesum.jsonl", "fr"),
    "dev-en-part": (GOLD / "dev.jsonl", "en"),
    "dev-en": (GOLD / "dev-en.jsonl", "en"),
    "fresh-fr": (VALIDATION / "orangesum-fresh.fr.jsonl", "fr"),
    "fresh2-fr": (VALIDATION / "orangesum-fresh2.fr.jsonl", "fr"),
    "fresh3-fr": (VALIDATION / "orangesum-fresh3.fr.jsonl", "fr"),
    "isaf-claims": (VALIDATION / "isaf-claims.en.jsonl", "en"),
}

FLOORS = {
    "dev-fr": {"f1": 0.96, "qualifier": 0.985, "cause": 0.985, "part_of": 0.959,
               "period_start": 0.959, "period_end": 0.959, "place": 0.914, "country": 0.981,
               "source": 0.963, "source_type": 0.976},
    "orangesum": {"f1": 0.889, "qualifier": 0.98, "cause": 0.957, "part_of": 0.967,
                  "period_start": 0.893, "period_end": 0.865, "place": 0.851,
                  "country": 0.957, "source": 0.943, "source_type": 0.939},
    "dev-en-part": {"f1": 0.965, "qualifier": 0.99, "cause": 0.99, "part_of": 0.99,
                    "period_start": 0.901, "period_end": 0.901, "place": 0.876,
                    "country": 0.99, "source": 0.914, "source_type": 0.926},
    "dev-en": {"f1": 0.98, "qualifier": 0.99, "cause": 0.99, "part_of": 0.985,
               "period_start": 0.932, "period_end": 0.908, "place": 0.889, "country": 0.975,
               "source": 0.917, "source_type": 0.927},
    # Individuals by the guide (names, any cause of death) raised recall and F1 and added
    # matched obituaries whose cause, place and country the resolvers get wrong (issue 8):
    # those field floors moved down with the matched set, not with a regression.
    "fresh-fr": {"f1": 0.653, "qualifier": 0.962, "cause": 0.858, "part_of": 0.971,
                 "period_start": 0.632, "period_end": 0.66, "place": 0.66, "country": 0.82,
                 "source": 0.82, "source_type": 0.839},
    # First scored at 0.577 (validation/README.md); since tuned on (idioms of detention,
    # headless counts), so no longer unseen. Its matched set grew with detentions whose
    # country the resolver misses, hence the lower country floor.
    "fresh2-fr": {"f1": 0.61, "qualifier": 0.99, "cause": 0.796, "part_of": 0.975,
                  "period_start": 0.647, "period_end": 0.632, "place": 0.453, "country": 0.736,
                  "source": 0.736, "source_type": 0.766},
    "fresh3-fr": {"f1": 0.0, "qualifier": 0.0, "cause": 0.0, "part_of": 0.0,
                  "period_start": 0.0, "period_end": 0.0, "place": 0.0, "country": 0.0,
                  "source": 0.0, "source_type": 0.0},
    # Its matched set grew with vague detentions ("detained multiple suspected
    # insurgents") whose place the resolver misses (no matched claim changed): hence the
    # lower place floor.
    "isaf-claims": {"f1": 0.849, "qualifier": 0.99, "cause": 0.99, "part_of": 0.99,
                    "period_start": 0.676, "period_end": 0.661, "place": 0.572,
                    "country": 0.99, "source": 0.945, "source_type": 0.975},
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    path, lang = SETS[request.param]
    return request.param, score_gold_file(path, lang=lang)


def test_claim_f1(scored):
    name, score = scored
    assert score.f1 >= FLOORS[name]["f1"]


@pytest.mark.parametrize("field", FIELDS)
def test_field(scored, field):
    name, score = scored
    assert score.field_accuracy()[field] >= FLOORS[name][field]
