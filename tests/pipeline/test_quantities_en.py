"""English number expressions: values and qualifiers, read from token texts only."""

import pytest

from tests.pipeline import counting


def counts(text):
    return counting.counts(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("301 dead", (301, "exact", None)),
        ("1,400 people", (1400, "exact", None)),
        ("2.6 million people", (2_600_000, "exact", None)),
        ("an estimated 2.6 million people", (2_600_000, "about", None)),
        ("at least 30 people", (30, "at_least", None)),
        ("more than 330 people", (330, "more_than", None)),
        ("over 100 people", (100, "more_than", None)),
        ("up to 20 people", (20, "at_most", None)),
        ("fewer than 10 people", (10, "less_than", None)),
        ("nearly 50 people", (50, "about", None)),
        ("about 50 people", (50, "about", None)),
        ("some 50 people", (50, "about", None)),
        ("around 40 people", (40, "about", None)),
        ("a dozen people", (12, "about", None)),
        ("at least a dozen children", (12, "at_least", None)),
        ("dozens of people", (24, "vague", None)),
        ("hundreds of people", (200, "vague", None)),
        ("thousands of people", (2000, "vague", None)),
        ("tens of thousands of people", (20_000, "vague", None)),
        ("several soldiers", (2, "vague", None)),
        ("twenty-two miners", (22, "exact", None)),
        ("Twenty-four soldiers", (24, "exact", None)),
        ("one hundred and five people", (105, "exact", None)),
        ("between 160 and 190 men", (160, "range", 190)),
        # Number words would run on over the range's link ("three and six").
        ("between three and six insurgents", (3, "range", 6)),
        ("multiple suspected insurgents", (2, "vague", None)),
        ("at the least eight fighters", (8, "at_least", None)),
        ("3 to 5 members", (3, "range", 5)),
        ("a soldier", (1, "exact", None)),
        ("another member", (1, "exact", None)),
        ("another five people", (5, "exact", None)),
        ("a 63-year-old man", (1, "exact", None)),
    ],
)
def test_first_count(text, expected):
    assert counts(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her 10-year-old son", []),
        ("the 22,000-strong force", []),
        ("a 10-storey building", [(1, "exact", None)]),  # the article counts, not the 10
    ],
)
def test_compound_adjectives_are_not_counts(text, expected):
    assert counts(text) == expected
