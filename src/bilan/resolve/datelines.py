"""The dateline that opens a wire or press-release body: "KABUL, Afghanistan (Jan. 25,
2013) -", "MAIDUGURI, Nigeria (Reuters) -", "BAMAKO, 18 July 2018 -".

It says where the report was filed and, in press releases, when; the place is context
for the story (its country), not where the harm happened. Only punctuation and
capitals are read here; the date inside is read by `bilan.resolve.periods`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Datelines open one of the first lines, after a headline or an issuer's name.
_FIRST_LINES = 3
# A date by its shape alone, in any language: "June 17, 2014", "Nov. 2, 2016", "18 July 2018".
_DATE_SHAPE = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)"
    rf"(?:,\s+(?P<date>{_DATE_SHAPE})"
    r"|(?:,\s+(?P<country>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)*))?"
    r"(?:\s+\((?P<paren>[^()\n]{1,40})\))?)"
    r"\s*(?:\s[-–—]|:)\s"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character spans (start, end exclusive) of a dateline and of its parts."""

    start: int
    end: int
    place: tuple[int, int]
    date: tuple[int, int] | None  # the text that may hold a date: "(Jan. 25, 2013)"


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first lines of `text`, if there is one."""
    offset = 0
    for line in text.split("\n")[:_FIRST_LINES]:
        match = _DATELINE.match(text, offset)
        # A bare capitalised word before a dash is an issuer ("UNAMA - Afghanistan: ..."):
        # a dateline adds a country, an outlet or a date.
        if match and (match.group("country") or match.group("paren") or match.group("date")):
            group = "paren" if match.group("paren") else "date"
            date = (match.start(group), match.end(group)) if match.group(group) else None
            place_end = match.end("country") if match.group("country") else match.end("place")
            return Dateline(match.start(), match.end(), (match.start(), place_end), date)
        offset += len(line) + 1
    return None
