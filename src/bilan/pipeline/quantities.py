"""`bilan_quantities`: number expressions and how sure they are.

Reads token texts only (no model needed): digits with French separators
("1.400", "1 400", "2,5 millions"), number words ("cent vingt et un"),
approximate nouns ("une centaine"), vague amounts ("des dizaines"), qualifier
prefixes ("plus de", "au moins") and ranges ("entre 10 et 15").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from text_to_num import text2num

from bilan import extensions
from bilan.extensions import CountSpan
from bilan.lang import load_lexicon
from bilan.lang.lexicon import match, phrase_table
from bilan.records import Count

_THREE_DIGITS = re.compile(r"^\d{3}$")
_DASH_RANGE = re.compile(r"^(\d+)[-–](\d+)$")


class CountFinder:
    """Finds count expressions in a token sequence, for one language's lexicon.

    `convention_words`: vague words (lower-case phrases) a named convention values
    ("numerous": 4 for the ISAF coders); those the lexicon leaves without value are read
    as vague counts, the others as the lexicon reads them.
    """

    def __init__(self, lang: str, convention_words: Mapping[str, int] | None = None) -> None:
        lexicon = load_lexicon(lang, "counts")
        self.lang = lang
        self.qualifiers: dict[tuple[str, ...], str] = {
            tuple(key.split()): value for key, value in lexicon["qualifiers"].items()
        }
        self.max_qualifier = max(len(key) for key in self.qualifiers)
        self.approximate: dict[str, int] = lexicon["approximate_nouns"]
        self.vague_plurals: dict[str, int] = lexicon["vague_plurals"]
        self.vague_words: dict[str, int] = lexicon["vague_words"]
        self.multipliers: dict[str, int] = lexicon["multipliers"]
        self.indefinite: frozenset[str] = frozenset(lexicon["indefinite_one"])
        self.approximate_articles = frozenset(lexicon["approximate_articles"])
        self.crossing = frozenset(lexicon["threshold_crossing"])
        self.below = frozenset(lexicon["threshold_below"])
        self.vague_articles = frozenset(lexicon["vague_articles"])
        self.number_words: frozenset[str] = frozenset(lexicon["number_words"])
        self.range_words: dict[str, str] = lexicon["range_words"]
        self.range_links: frozenset[str] = frozenset(lexicon["range_links"])
        self.pair_nouns: dict[str, int] = lexicon["pair_nouns"]
        self.pair_determiners = frozenset(lexicon["pair_determiners"])
        self.pair_articles = frozenset(lexicon["pair_articles"])
        self.couple_nouns: dict[str, int] = lexicon["couple_nouns"]
        self.couple_articles = frozenset(lexicon["couple_articles"])
        # Digit grouping differs: "1.400" and "2,5" in French, "1,400" and "2.5" in English.
        separators = re.escape(lexicon["thousands_separators"])
        self.separators = lexicon["thousands_separators"] + " "
        self.decimal_mark: str = lexicon["decimal_mark"]
        self.digits = re.compile(rf"^\d{{1,3}}(?:[{separators}]\d{{3}})+$|^\d+$")
        self.decimal = re.compile(rf"^\d+{re.escape(self.decimal_mark)}\d+$")
        self.space_grouped: bool = lexicon["space_grouped_thousands"]
        self.conjunction: str = lexicon["number_conjunction"]
        self.joiners = frozenset(lexicon["number_joiners"])
        self.adjective_nouns = frozenset(lexicon["compound_adjective_nouns"])
        self.compound_links = frozenset(lexicon["vague_compound_links"])
        self.compound_multipliers: dict[str, int] = lexicon["vague_compound_multipliers"]
        self.singular_genitives = phrase_table(dict.fromkeys(lexicon["singular_genitives"], "one"))
        # Empty while `_number_at` tells which of the convention's phrases the lexicon reads
        # whole ("several", "dozens"); "a few" is not read whole ("a" alone is one).
        self.convention_words: dict[tuple[str, ...], int] = {}
        phrases = {tuple(p.split()): value for p, value in (convention_words or {}).items()}
        self.convention_words = {
            words: value for words, value in phrases.items()
            if (self._number_at(list(words), [True] * len(words), 0) or (0, "", 0))[2]
            < len(words)
        }

    def find(self, words: Sequence[str], spaces: Sequence[bool]) -> list[CountSpan]:
        """Count expressions over `words` (token texts); `spaces[i]`: a space follows word i."""
        lowered = [w.lower() for w in words]
        found: list[CountSpan] = []
        i = 0
        while i < len(words):
            span = self._count_at(lowered, spaces, i)
            if span is None:
                i += 1
                continue
            found.append(span)
            i = span.end
        return found

    def _count_at(self, words: list[str], spaces: Sequence[bool], i: int) -> CountSpan | None:
        qualifier, after = self._qualifier_at(words, i)
        if qualifier == "range_open":
            return self._range_at(words, spaces, i, after)
        if qualifier == "threshold":
            qualifier = self._threshold(words, i)
        number = self._number_at(words, spaces, after)
        if number is None:
            return None
        value, own_qualifier, end = number
        if qualifier and own_qualifier in ("exact", "about"):
            final = qualifier
        else:
            final = own_qualifier
        high = self._range_high(words, spaces, end, value) if final == "exact" else None
        if high is not None:
            return CountSpan(i, high[1], Count(value, "range", high[0]), prefixed=False)
        return CountSpan(i, end, Count(value, final), prefixed=qualifier is not None)

    def _threshold(self, words: list[str], i: int) -> str | None:
        """'a franchi mercredi la barre des 1.000 morts': more than; 'sous la barre': less."""
        before = words[max(0, i - 3) : i]
        if any(word in self.crossing for word in before):
            return "more_than"
        if any(word in self.below for word in before):
            return "less_than"
        return None

    def _qualifier_at(self, words: list[str], i: int) -> tuple[str | None, int]:
        if words[i] in self.range_words:
            return "range_open", i + 1
        for size in range(self.max_qualifier, 0, -1):
            key = tuple(words[i : i + size])
            if key in self.qualifiers:
                return self.qualifiers[key], i + size
        return None, i

    def _range_at(
        self, words: list[str], spaces: Sequence[bool], i: int, after: int
    ) -> CountSpan | None:
        link = self.range_words[words[i]]
        low = self._number_at(words, spaces, after)
        if low is None and link in words[after:]:
            # "between three and six": number words would run on over the link ("and").
            low = self._number_at(words[: words.index(link, after)], spaces, after)
        if low is None:
            return None
        if low[2] < len(words) and words[low[2]] == link:
            high = self._number_at(words, spaces, low[2] + 1)
            if high is not None and high[0] > low[0]:
                return CountSpan(i, high[2], Count(low[0], "range", high[0]), prefixed=False)
        return None

    def _range_high(
        self, words: list[str], spaces: Sequence[bool], end: int, low: int
    ) -> tuple[int, int] | None:
        if end < len(words) and words[end] in self.range_links:
            high = self._number_at(words, spaces, end + 1)
            if high is not None and high[1] == "exact" and low < high[0] <= low * 10:
                return high[0], high[2]
        return None

    def _number_at(
        self, words: list[str], spaces: Sequence[bool], i: int
    ) -> tuple[int, str, int] | None:
        """(value, qualifier it carries itself, end index) of a number starting at i."""
        if i >= len(words):
            return None
        word = words[i]
        dash = _DASH_RANGE.match(word)
        if dash:
            return None
        if self._adjective_at(words, i):
            return None  # "a 63-year-old man", "a 10-storey block": the number describes
        if self.digits.match(word) or self.decimal.match(word):
            return self._digits_at(words, spaces, i)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in self.approximate_articles and nxt in self.approximate:
            return self.approximate[nxt], "about", i + 2
        for size in range(min(3, len(words) - i), 0, -1):
            value = self.convention_words.get(tuple(words[i : i + size]))
            if value is not None:
                return value, "vague", i + size
        if word in self.vague_words:
            if nxt in self.vague_plurals:
                return self._vague_compound(words, i + 1)
            if word in self.vague_plurals:
                return self._vague_compound(words, i)  # "tens of thousands"
            return self.vague_words[word], "vague", i + 1
        if word in self.vague_articles and nxt in self.vague_plurals:
            return self._vague_compound(words, i + 1)
        number_next = nxt in self.number_words and nxt != self.conjunction
        if word in self.indefinite and not self._adjective_at(words, i + 1) and (
            number_next or self.digits.match(nxt) or _is_hyphenated_number(nxt, self)
        ):
            return None  # "another five": the number that follows is the count
        if nxt in self.couple_nouns and word in self.couple_articles:
            return self.couple_nouns[nxt], "exact", i + 1  # "un couple de retraités": two
        if (word in self.number_words and word != self.conjunction) or _is_hyphenated_number(
            word, self
        ):
            return self._words_at(words, i)
        if nxt in self.pair_nouns and self._one_owner(words, i):
            return self.pair_nouns[nxt], "exact", i + 1  # "ses parents": a father and a mother
        return None

    def _adjective_at(self, words: list[str], i: int) -> bool:
        """Whether the number at i starts a compound adjective ("63-year-old")."""
        return (
            i + 2 < len(words) and words[i + 1] in self.joiners
            and words[i + 2] in self.adjective_nouns
        )

    def _one_owner(self, words: list[str], i: int) -> bool:
        """'ses parents', 'les parents de l'assaillant': the pair of one person, not the
        parents of many ('les parents des victimes')."""
        if words[i] in self.pair_determiners:
            return True
        if words[i] not in self.pair_articles:
            return False
        return match(self.singular_genitives, words, i + 2) is not None

    def _vague_compound(self, words: list[str], i: int) -> tuple[int, str, int]:
        # "des dizaines de milliers": the outer word qualifies, the inner multiplies.
        value = self.vague_plurals[words[i]]
        end = i + 1
        if end + 1 < len(words) and words[end] in self.compound_links:
            multiplier = self.compound_multipliers.get(words[end + 1])
            if multiplier is not None:
                value *= multiplier
                end += 2
        return value, "vague", end

    def _digits_at(
        self, words: list[str], spaces: Sequence[bool], i: int
    ) -> tuple[int, str, int]:
        text = words[i]
        end = i + 1
        # "1 400": the tokenizer splits French space-grouped thousands.
        while self.space_grouped and len(re.sub(r"\D", "", words[i])) <= 3:
            # A no-break space is its own token: "1", "\xa0", "354".
            gap = end < len(words) and words[end] in ("\u00a0", "\u202f")
            nxt = end + 1 if gap else end
            if nxt < len(words) and (gap or spaces[end - 1]) and _THREE_DIGITS.match(words[nxt]):
                text += words[nxt]
                end = nxt + 1
            else:
                break
        grouped = "".join(char for char in text if char not in self.separators)
        number = float(grouped.replace(self.decimal_mark, "."))
        if end < len(words) and words[end] in self.multipliers:
            number *= self.multipliers[words[end]]
            end += 1
        return int(round(number)), "exact", end

    def _words_at(self, words: list[str], i: int) -> tuple[int, str, int] | None:
        end = i
        while end < len(words) and (
            words[end] in self.number_words or _is_hyphenated_number(words[end], self)
            # "Twenty-two": English tokenizers split the hyphen off.
            or words[end] in self.joiners and end + 1 < len(words)
            and words[end + 1] in self.number_words and end > i
        ):
            end += 1
        while end > i and words[end - 1] == self.conjunction:
            end -= 1
        phrase = " ".join(word for word in words[i:end] if word not in self.joiners)
        if end == i + 1 and words[i] in self.indefinite:
            value = 1  # "a soldier", "another": text2num reads "one" only
        else:
            try:
                value = text2num(phrase, self.lang)
            except ValueError:
                return None
        # "deux millions"; a multiplier that is also a number word ("mille") was read above.
        multiplier = words[end] if end < len(words) else ""
        if multiplier in self.multipliers and multiplier not in self.number_words:
            value *= self.multipliers[multiplier]
            end += 1
        return value, "exact", end


def _is_hyphenated_number(word: str, finder: CountFinder) -> bool:
    parts = word.split("-")
    return len(parts) > 1 and all(p in finder.number_words for p in parts)


class QuantityFinder:
    """Stores every count expression of the doc in `doc._.bilan_counts`."""

    def __init__(self, convention_words: Mapping[str, int]) -> None:
        self.convention_words = convention_words
        self._finders: dict[str, CountFinder] = {}

    def __call__(self, doc: Doc) -> Doc:
        lang = doc.lang_
        if lang not in self._finders:
            self._finders[lang] = CountFinder(lang, self.convention_words)
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        doc._.bilan_counts = self._finders[lang].find(words, spaces)
        return doc


@Language.factory(
    "bilan_quantities", assigns=["doc._.bilan_counts"], default_config={"convention_words": {}}
)
def make_quantities(
    nlp: Language, name: str, convention_words: dict[str, int]
) -> QuantityFinder:
    """`convention_words`: see `CountFinder`; empty, the gold guide's reading."""
    extensions.install()
    extensions.check_language(nlp)
    return QuantityFinder(convention_words)
