"""Place names asked for with --place resolve to region paths in either language."""

import pytest

from bilan.errors import UnknownPlaceError
from bilan.reconcile.regions import resolve_region


@pytest.mark.parametrize(
    ("french", "english"), [("Alep", "Aleppo"), ("Kaboul", "Kabul"), ("Syrie", "Syria")]
)
def test_french_and_english_names_are_one_region(french, english):
    assert resolve_region(french) == resolve_region(english)


@pytest.mark.parametrize(("name", "country"), [("Helmand", "AF"), ("Borno", "NG")])
def test_english_regions_resolve_inside_their_country(name, country):
    region = resolve_region(name)
    assert region[0] == country and len(region) == 2


def test_an_unknown_place_names_itself():
    with pytest.raises(UnknownPlaceError, match="Nowhereville"):
        resolve_region("Nowhereville")
