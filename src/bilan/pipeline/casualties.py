"""`bilan_casualties`: which counts state people harmed, how, and who they were.

A count becomes a casualty mention when its head noun is a harm noun ("301
morts") or a victim noun with a harm predicate: an adjacent participle
("treize soldats tués"), a passive or intransitive verb after it ("ont été
tués", "avaient péri", "sont portés disparus") or an active verb before it
("tuant sept personnes", "ont enlevé 121 élèves"). Reads token text, lemma and
coarse part of speech; sentences without a harm cue are skipped untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from bilan import extensions, lexicons
from bilan.extensions import CountSpan, Mention
from bilan.records import Count

_FORWARD_WINDOW = 30
_BACKWARD_WINDOW = 10
_STOP_PUNCT = frozenset({";", ":", "?", "!", "«", "»", '"', "“", "”"})


def _tuples(mapping: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(_split_words(key)): value for key, value in mapping.items()}


def _split_words(phrase: str) -> list[str]:
    # Tokenised like spaCy's French tokenizer: elided articles stay attached ("d'", "l'").
    return re.findall(r"\w+(?:-\w+)*'?|[^\w\s]", phrase)


@dataclass(slots=True)
class Head:
    """The noun a count counts: token span, outcome it carries (if any), victim type."""

    start: int
    end: int
    outcome: str | None
    victims: str


class CasualtyLexicon:
    """One language's casualty vocabulary, in the shapes the matcher needs."""

    def __init__(self, lang: str) -> None:
        lex = lexicons.load(lang, "casualties")
        self.cue = re.compile("|".join(lex["cue_stems"]), re.IGNORECASE)
        self.harm_nouns = _tuples(lex["harm_nouns"])
        self.participles: dict[str, str] = {}
        for stem, outcome in lex["harm_participles"].items():
            for ending in ("", "e", "s", "es"):
                form = stem + ending if not (stem.endswith("s") and ending == "s") else stem
                self.participles.setdefault(form, outcome)
        self.intransitive = {
            stem + ending
            for stem in lex["intransitive_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.verbs: dict[str, str] = lex["harm_verbs"]
        self.phrases = _tuples(lex["harm_phrases"])
        self.zero = _tuples(lex["zero_patterns"])
        self.victims = _tuples(lex["victim_nouns"])
        self.generic_heads = frozenset(lex["generic_heads"])
        self.security_modifiers = frozenset(lex["security_modifiers"])
        self.rebel_modifiers = frozenset(lex["rebel_modifiers"])
        self.not_people = frozenset(lex["not_people_after_number"])
        self.skip_adjectives = frozenset(lex["adjectives_to_skip"])
        self.passive = frozenset(lex["passive_auxiliaries"])
        self.active = frozenset(lex["active_auxiliaries"])
        self.breakdown_openers = _tuples(dict.fromkeys(lex["breakdown_openers"], "open"))
        self.breakdown_followers = _tuples(dict.fromkeys(lex["breakdown_followers"], "follow"))
        self.among = _tuples(dict.fromkeys(lex["among_openers"], "among"))
        self.headless = frozenset(lex["headless_breakdown_words"])
        self.incise = _tuples(dict.fromkeys(lex["incise_openers"], "incise"))
        self.coordinators = _tuples(dict.fromkeys(lex["coordinators"], "and"))
        self.max_phrase = max(len(k) for table in (
            self.harm_nouns, self.phrases, self.victims, self.zero, self.incise,
            self.breakdown_openers,
        ) for k in table)


def _match(table: dict[tuple[str, ...], str], words: list[str], i: int) -> tuple[str, int] | None:
    """Longest entry of `table` starting at word i: (value, end index)."""
    for size in range(min(6, len(words) - i), 0, -1):
        value = table.get(tuple(words[i : i + size]))
        if value is not None:
            return value, i + size
    return None


def _match_ending(
    table: dict[tuple[str, ...], str], words: list[str], end: int, start: int
) -> tuple[str, int] | None:
    """Longest entry of `table` ending at word index `end` (exclusive), not before `start`."""
    for size in range(min(6, end - start), 0, -1):
        value = table.get(tuple(words[end - size : end]))
        if value is not None:
            return value, end - size
    return None


class SentenceReader:
    """Finds the casualty mentions of one sentence of an annotated doc."""

    def __init__(
        self, lex: CasualtyLexicon, tokens: list[Token], counts: list[CountSpan], index: int
    ) -> None:
        self.lex = lex
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.counts = counts
        self.index = index
        self.count_starts = {c.start: c for c in counts}

    # -- heads -----------------------------------------------------------------

    def head_of(self, span: CountSpan) -> Head | None:
        i = span.end
        words = self.words
        if i < len(words) and words[i] in ("de", "d'", "des"):
            i += 1
        while i < len(words) and words[i] in self.lex.skip_adjectives:
            i += 1
        if i >= len(words) or words[i] in self.lex.not_people:
            return None
        harm = _match(self.lex.harm_nouns, words, i)
        if harm is not None:
            outcome, end = harm
            victim = _match(self.lex.victims, words, end)
            victims = victim[0] if victim and victim[0] != "people" else "people"
            return Head(i, victim[1] if victim and victims != "people" else end, outcome, victims)
        victim = _match(self.lex.victims, words, i)
        if victim is None:
            return None
        victims, end = victim
        if words[i] in self.lex.generic_heads or victims == "people":
            victims = self._refine(end, victims)
        return Head(i, end, None, victims)

    def _refine(self, end: int, victims: str) -> str:
        """'membres des forces de sécurité', 'personnes civiles': a modifier says more."""
        for word in self.words[end : end + 5]:
            if word in self.lex.security_modifiers:
                return "security_forces"
            if word in self.lex.rebel_modifiers:
                return "rebels"
            found = self.lex.victims.get((word,))
            if found and found != "people":
                return found
            if word in (",", ".", ";", "(", "et", "ont", "sont", "a", "est", "qui"):
                break
        return victims

    # -- predicates ------------------------------------------------------------

    def harm_after(self, end: int) -> str | None:
        """Outcome of a passive, intransitive or participial predicate after a subject."""
        words, tokens = self.words, self.tokens
        j = end
        limit = min(len(words), end + _FORWARD_WINDOW)
        adjacent = True
        while j < limit:
            word = words[j]
            if word in _STOP_PUNCT:
                return None
            phrase = _match(self.lex.phrases, words, j)
            if phrase is not None:
                return phrase[0]
            outcome = self.lex.participles.get(word)
            if outcome is not None and tokens[j].pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
                if adjacent or word in self.lex.intransitive or self._after_passive(j):
                    return outcome
                return None
            if tokens[j].pos_ == "VERB":
                verb = self.lex.verbs.get(tokens[j].lemma_)
                if verb is not None and tokens[j].lemma_ in ("mourir", "périr", "décéder",
                                                             "succomber", "disparaître", "fuir"):
                    return verb
                return None
            if word == "," or (word in ("(",) and j > end):
                skipped = self._skip_incise(j)
                if skipped is None:
                    adjacent = True
                    j += 1
                    continue
                j = skipped
                continue
            start = self.count_starts.get(j)
            if start is not None:
                if not self._coordinated(end, j):
                    return None
                j = start.end
                adjacent = False
                continue
            if tokens[j].pos_ not in ("ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "AUX",
                                      "PRON", "CCONJ", "NUM", "PUNCT", "SPACE", "X"):
                return None
            adjacent = adjacent and tokens[j].pos_ == "ADJ"
            j += 1
        return None

    def _after_passive(self, j: int) -> bool:
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.words[k] in self.lex.passive:
                return True
            if self.words[k] in self.lex.active:
                return False
            if self.tokens[k].pos_ not in ("ADV", "PRON"):
                return False
        return False

    def _skip_incise(self, comma: int) -> int | None:
        """After ', dont ...,' or ', en majorité des civils,': the index past the incise."""
        opener = _match(self.lex.incise, self.words, comma + 1)
        if opener is None and self.words[comma] != "(":
            return None
        close = ")" if self.words[comma] == "(" else ","
        for k in range(comma + 1, min(len(self.words), comma + 25)):
            if self.words[k] == close:
                return k + 1
            if self.tokens[k].pos_ == "VERB" and close == ",":
                return None
        return None

    def _coordinated(self, end: int, start: int) -> bool:
        between = self.words[end:start]
        return all(w in (",", "et", "ainsi", "que", "ou") for w in between) and bool(between)

    def harm_before(self, start: int) -> str | None:
        """Outcome of an active verb or harm phrase whose object the count is."""
        words, tokens = self.words, self.tokens
        j = start - 1
        limit = max(-1, start - _BACKWARD_WINDOW)
        while j > limit:
            phrase = _match_ending(self.lex.phrases, words, j + 1, max(0, limit))
            if phrase is not None:
                return phrase[0]
            token = tokens[j]
            if token.pos_ in ("VERB", "AUX") or words[j] in self.lex.participles:
                verb = self.lex.verbs.get(token.lemma_) or self.lex.participles.get(words[j])
                if verb is not None:
                    return verb
                if token.pos_ == "VERB":
                    return None
            if words[j] in _STOP_PUNCT or words[j] in ("dont", "qui", "que"):
                return None
            j -= 1
        return None


class CasualtyFinder:
    """Turns the doc's count expressions into casualty mentions."""

    def __init__(self) -> None:
        self._lexicons: dict[str, CasualtyLexicon] = {}

    def lexicon(self, lang: str) -> CasualtyLexicon:
        if lang not in self._lexicons:
            self._lexicons[lang] = CasualtyLexicon(lang)
        return self._lexicons[lang]

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicon(doc._.bilan_lang)
        counts = doc._.bilan_counts or []
        found = extensions.mentions(doc)
        spans = extensions.sentence_spans(doc)
        by_sentence = _group_counts(doc, counts, spans)
        for index, (start, end) in enumerate(spans):
            text = doc.text[start:end]
            if not lex.cue.search(text):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not span[0].pos_:
                continue
            local = [
                CountSpan(c.start - span.start, c.end - span.start, c.count, c.prefixed)
                for c in by_sentence.get(index, [])
            ]
            reader = SentenceReader(lex, list(span), local, index)
            for mention in read_sentence(reader, span.start):
                found.append(mention)
        found.sort(key=lambda m: m.start)
        return doc


def _group_counts(
    doc: Doc, counts: list[CountSpan], spans: list[tuple[int, int]]
) -> dict[int, list[CountSpan]]:
    grouped: dict[int, list[CountSpan]] = {}
    s = 0
    for count in counts:
        char = doc[count.start].idx
        while s < len(spans) and spans[s][1] <= char:
            s += 1
        if s < len(spans) and spans[s][0] <= char:
            grouped.setdefault(s, []).append(count)
    return grouped


def read_sentence(reader: SentenceReader, offset: int) -> list[Mention]:
    """Mentions of one sentence, in text order; offsets made absolute via `offset`."""
    words = reader.words
    mentions: list[Mention] = []
    among = _among_outcome(reader)
    previous: tuple[CountSpan, Head, str, str] | None = None
    for span in reader.counts:
        head = reader.head_of(span)
        opener = _breakdown_opener(reader, span.start)
        if head is None:
            if opener and mentions and _headless_ok(reader, span.end):
                parent = mentions[-1]
                mentions.append(_mention(reader, span, span.end, offset, parent.outcome,
                                         parent.victims, span.count, {"breakdown"}))
            continue
        outcome = head.outcome
        if outcome is None:
            outcome = reader.harm_after(head.end) or reader.harm_before(span.start)
        coordinated = previous is not None and reader._coordinated(previous[1].end, span.start)
        if outcome is None and coordinated and previous is not None:
            outcome = previous[2]
        if outcome is None and (opener or coordinated and previous and previous[3]):
            if mentions:
                outcome = mentions[-1].outcome
        if outcome is None and among is not None:
            outcome = among
        if outcome is None:
            previous = (span, head, "", "")
            continue
        count = span.count
        if coordinated and previous is not None and not span.prefixed and previous[0].prefixed:
            if count.qualifier == "exact":
                count = Count(count.value, previous[0].count.qualifier)
        flags: set[str] = set()
        if opener or (coordinated and previous is not None and previous[3] == "breakdown"):
            flags.add("breakdown")
        elif among is not None and head.outcome is None:
            flags.add("among")
        elif span.start > 0 and words[span.start - 1] == "(" and mentions:
            flags.add("breakdown")
        mentions.append(_mention(reader, span, head.end, offset, outcome, head.victims, count,
                                 flags))
        previous = (span, head, outcome, "breakdown" if "breakdown" in flags else "")
    mentions.extend(_zero_mentions(reader, offset))
    return mentions


def _mention(
    reader: SentenceReader, span: CountSpan, end: int, offset: int, outcome: str,
    victims: str, count: Count, flags: set[str],
) -> Mention:
    tokens = reader.tokens
    first, last = tokens[span.start], tokens[max(end - 1, span.start)]
    return Mention(
        start=first.idx, end=last.idx + len(last.text), sentence=reader.index, count=count,
        outcome=outcome, victims=victims, flags=flags,
    )


def _breakdown_opener(reader: SentenceReader, start: int) -> bool:
    words = reader.words
    for size in range(3, 0, -1):
        if start - size >= 0 and tuple(words[start - size : start]) in reader.lex.breakdown_openers:
            return True
    return False


def _headless_ok(reader: SentenceReader, end: int) -> bool:
    if end >= len(reader.words):
        return True
    word = reader.words[end]
    return word in reader.lex.headless or word in (",", ".", ")", "et")


def _among_outcome(reader: SentenceReader) -> str | None:
    """'Parmi les morts figurent ...': the outcome every count of the sentence shares."""
    words = reader.words
    for i in range(len(words)):
        if _match(reader.lex.among, words, i) is None:
            continue
        j = i + 2
        harm = _match(reader.lex.harm_nouns, words, j)
        if harm is not None:
            return harm[0]
        victim = _match(reader.lex.victims, words, j)
        if victim is not None and victim[1] < len(words):
            outcome = reader.lex.participles.get(words[victim[1]])
            if outcome is not None:
                return outcome
    return None


def _zero_mentions(reader: SentenceReader, offset: int) -> list[Mention]:
    found = []
    words, tokens = reader.words, reader.tokens
    for i in range(len(words)):
        match = _match(reader.lex.zero, words, i)
        if match is None:
            continue
        outcome, end = match
        first, last = tokens[i], tokens[end - 1]
        found.append(Mention(start=first.idx, end=last.idx + len(last.text),
                             sentence=reader.index, count=Count(0, "exact"),
                             outcome=outcome, victims="people"))
    return found


@Language.factory(
    "bilan_casualties", requires=["doc._.bilan_counts"], assigns=["doc._.bilan_mentions"]
)
def make_casualties(nlp: Language, name: str) -> CasualtyFinder:
    extensions.install()
    return CasualtyFinder()
