"""Sentence splitting that survives wire copy glued without spaces.

OrangeSum bodies often read `ministre."Nous allons` or `du pays.La province`:
a full stop directly followed by a capital or a quote starts a sentence, unless
the word before is an abbreviation or the dot sits inside a number.
"""

from __future__ import annotations

import re

# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# optional spaces, then something that opens a sentence.
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])(?:["»”)\]](?![A-ZÀ-Þ]))*"""  # closing quotes stay with the sentence
    r"""(?P<gap>[ \t\u00a0]*)"""
    r"""(?=["«“(\-–—•]?\s*[A-ZÀ-ÖØ-Þ0-9"«“•\-–—])"""  # what opens the next one
)
_ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle dr pr st ste av apr j.-c etc cf p ex gén col lt cdt sgt "
    "mr mrs ms gen lt col sgt capt gov sen rep rev jan feb aug sept oct nov dec no vs "
    "u.s u.n".split()
)
# Headings glued to the next sentence: "rouvrira vendrediTrois personnes" (a lower-case run
# of three or more letters directly followed by a capitalised word).
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ][a-zà-ÿ]{2})")
# The longest span a sentence may have, in characters (the longest gold sentence is ~480).
MAX_SENTENCE = 2_000
_WORD_BEFORE = re.compile(r"([\w.\-]+)[.!?…][\"»”)\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end exclusive) of the sentences of `text`.

    Newlines always end a sentence; spans exclude surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        _split_line(text, line.start(), line.end(), spans)
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    line = text[start:end]
    cuts = [
        (match.start("gap"), match.end())
        for match in _BOUNDARY.finditer(line)
        if _is_real_boundary(line, match.start("gap"), match.end())
    ]
    cuts.extend((match.start(), match.start()) for match in _GLUED.finditer(line))
    cut = 0
    for boundary, next_start in sorted(cuts):
        _append(text, start + cut, start + boundary, spans)
        cut = next_start
    _append(text, start + cut, end, spans)


def _is_real_boundary(line: str, boundary: int, next_start: int) -> bool:
    before = line[max(0, boundary - 40) : boundary]  # the word before is all that matters
    if before.endswith("."):
        word = _WORD_BEFORE.search(before)
        if word:
            token = word.group(1).lower()
            if token in _ABBREVIATIONS or len(token) == 1 and token.isalpha():
                return False
            # "3.800" or "1.400": a dot between digits is a thousands separator.
            if token[-1:].isdigit() and line[next_start : next_start + 1].isdigit():
                return False
    if boundary == next_start and line[next_start : next_start + 1].isdigit():
        return False
    return True


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A run-on "sentence" (a page without punctuation, a list) is cut on the last safe
    # boundary before MAX_SENTENCE: no model length limit is reachable and the work of a
    # sentence stays bounded whatever the input.
    while end - start > MAX_SENTENCE:
        cut = _safe_cut(text, start, start + MAX_SENTENCE)
        _append(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _safe_cut(text: str, start: int, limit: int) -> int:
    """The end of the last clause (after `;` or `,`), else word, of text[start:limit]."""
    floor = start + MAX_SENTENCE // 2
    for mark in ("; ", ", ", " "):  # with their space: "1,5" is a number
        at = text.rfind(mark, floor, limit)
        if at != -1:
            return at + 1
    return limit
