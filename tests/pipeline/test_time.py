"""`bilan_time` on a blank English pipeline: a press release without a publication date
is dated by its dateline."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from bilan import extensions
from bilan.extensions import Mention
from bilan.records import Count, Period
from bilan.sentences import split_sentences


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        # 25 January 2013 is a Friday: "yesterday" is the 24th.
        (None, Period(date(2013, 1, 24), date(2013, 1, 24))),
        # A publication date of its own wins over the dateline.
        (date(2013, 1, 27), Period(date(2013, 1, 26), date(2013, 1, 26))),
    ],
)
def test_dateline_dates_a_release_without_publication(
    published: date | None, expected: Period
) -> None:
    text = "KABUL, Afghanistan (Jan. 25, 2013) - A security force killed two insurgents yesterday."
    nlp = spacy.blank("en")
    time = nlp.add_pipe("bilan_time")
    doc = nlp.make_doc(text)
    extensions.install()
    doc._.bilan_published = published
    doc._.bilan_sentences = split_sentences(text)
    start = text.index("two insurgents")
    doc._.bilan_mentions = [Mention(start, start + 14, 0, Count(2, "exact"), "killed", "rebels")]
    (mention,) = extensions.mentions(time(doc))
    assert mention.period == expected
