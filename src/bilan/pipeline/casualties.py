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
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from bilan import extensions, lexicons
from bilan.extensions import CountSpan, Mention
from bilan.records import Count

_FORWARD_WINDOW = 30
_BACKWARD_WINDOW = 10
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_STOP_PUNCT = frozenset({";", ":", "?", "!"}) | _QUOTES


def _tuples(mapping: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(_split_words(key)): value for key, value in mapping.items()}


def _split_words(phrase: str) -> list[str]:
    # Tokenised like spaCy's French tokenizer: elided articles stay attached ("d'", "l'").
    return re.findall(r"\w+(?:-\w+)*'?|[^\w\s]", phrase)


@dataclass(slots=True)
class Head:
    """The noun a count counts: token span, outcome it carries (if any), victim type.

    `inherits`: "autres", "d'entre eux": the victims are those of the previous mention.
    `known`: the noun is in the victim lexicon (unknown nouns need a verb predicate).
    """

    start: int
    end: int
    outcome: str | None
    victims: str
    inherits: bool = False
    known: bool = True


@dataclass(frozen=True, slots=True)
class Predicate:
    """A harm predicate found near a count: outcome, distance in tokens, last token index."""

    outcome: str
    distance: int
    end: int


class CasualtyLexicon:
    """One language's casualty vocabulary, in the shapes the matcher needs."""

    def __init__(self, lang: str) -> None:
        lex = lexicons.load(lang, "casualties")
        # Matched against lower-cased text at word starts: far faster than IGNORECASE. Long
        # participles and harm nouns cue themselves, so the lexicon cannot drift from it.
        stems = set(lex["cue_stems"])
        stems.update(re.escape(p[:-1]) for p in lex["harm_participles"] if len(p) >= 6)
        stems.update(re.escape(n.split()[0]) for n in lex["harm_nouns"] if len(n) >= 5)
        self.cue = re.compile(r"\b(?:" + "|".join(sorted(stems)) + ")")
        self.harm_nouns = _tuples(lex["harm_nouns"])
        self.ambiguous_harm: dict[str, str] = lex["ambiguous_harm_nouns"]
        self.harm_before_de: dict[str, str] = lex["harm_nouns_before_de"]
        self.participles: dict[str, str] = {}
        for stem, outcome in lex["harm_participles"].items():
            for ending in ("", "e", "s", "es"):
                form = stem + ending if not (stem.endswith("s") and ending == "s") else stem
                self.participles.setdefault(form, outcome)
        # Harm only when suffered ("ont été traitées"), not done ("a traité un adolescent de").
        self.passive_only = {
            stem + ending
            for stem in lex["passive_only_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.intransitive = {
            stem + ending
            for stem in lex["intransitive_participles"]
            for ending in ("", "e", "s", "es")
        }
        self.verbs: dict[str, str] = lex["harm_verbs"]
        self.intransitive_verbs = frozenset(
            ("mourir", "périr", "décéder", "succomber", "disparaître", "fuir")
        )
        self.light_verbs = frozenset(lex["light_verbs"])
        self.phrases = _tuples(lex["harm_phrases"])
        self.not_harm = _tuples(dict.fromkeys(lex["not_harm_phrases"], "none"))
        # Only these phrases take the harmed as their object ("a coûté la vie à neuf soldats").
        self.object_phrases = {
            key: value for key, value in self.phrases.items()
            if " ".join(key) in set(lex["object_phrases"])
        }
        self.zero = _tuples(lex["zero_patterns"])
        self.victims = _tuples(lex["victim_nouns"])
        self.generic_heads = frozenset(lex["generic_heads"])
        self.security_modifiers = frozenset(lex["security_modifiers"])
        self.rebel_modifiers = frozenset(lex["rebel_modifiers"])
        self.aid_modifiers = frozenset(lex["aid_modifiers"])
        self.not_people = frozenset(lex["not_people_after_number"] + lex["not_people_nouns"])
        self.skip_adjectives = frozenset(lex["adjectives_to_skip"])
        self.other_markers = frozenset(lex["other_markers"])
        self.time_nouns = frozenset(lex["time_nouns"])
        self.indefinite = frozenset(lexicons.load(lang, "counts")["indefinite_one"])
        self.indefinite_not_count = _tuples(dict.fromkeys(lex["indefinite_not_count"], "no"))
        self.singular_auxiliaries = frozenset(lex["singular_auxiliaries"])
        self.present_passive = frozenset(lex["present_passive_auxiliaries"])
        self.definite = frozenset(lex["definite_determiners"])
        self.perpetrator = _alternation(lex["perpetrator_words"])
        self.people_endings = tuple(lex["people_noun_endings"])
        self.nationality_endings = tuple(lex["nationality_endings"])
        # "des combats ont éclaté lundi dans le sud entre séparatistes et forces loyales"
        fights = "|".join(map(re.escape, lex["fighting_between"]))
        self.fighting_between = re.compile(
            r"\b(?:" + fights + r")\b[^.;]{0,80}?\bentre\b", re.IGNORECASE
        )
        self.security_agents = _alternation(lex["security_agents"])
        self.back_references = _tuples(dict.fromkeys(lex["back_reference_heads"], "back"))
        self.agent_markers = frozenset(lex["agent_markers"])
        self.passive = frozenset(lex["passive_auxiliaries"])
        self.active = frozenset(lex["active_auxiliaries"])
        self.breakdown_openers = _tuples(dict.fromkeys(lex["breakdown_openers"], "open"))
        self.among = _tuples(dict.fromkeys(lex["among_openers"], "among"))
        self.among_back = _tuples(dict.fromkeys(lex["among_back_references"], "back"))
        self.headless = frozenset(lex["headless_breakdown_words"])
        self.incise = _tuples(dict.fromkeys(lex["incise_openers"], "incise"))


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


def cue_flags(text: str, spans: list[tuple[int, int]], cue: re.Pattern[str]) -> list[bool]:
    """Whether each sentence span holds a casualty cue: one regex pass over the whole text."""
    hits = [match.start() for match in cue.finditer(text.lower())]
    return [bisect_left(hits, end) > bisect_left(hits, start) for start, end in spans]


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


_CONTENT_POS = frozenset(
    ("ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "AUX", "PRON", "CCONJ", "NUM", "PUNCT",
     "SPACE", "X", "SCONJ")
)


class SentenceReader:
    """Finds the casualty mentions of one sentence of an annotated doc."""

    def __init__(
        self, lex: CasualtyLexicon, tokens: list[Token], counts: list[CountSpan], index: int
    ) -> None:
        self.lex = lex
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.text = "".join(t.text_with_ws for t in tokens)
        self.counts = counts
        self.index = index
        # Heads first: reading an ambiguous head looks ahead past the numeric-only counts.
        self.people_counts: dict[int, CountSpan] = {}
        self.heads = {c.start: self.head_of(c) for c in counts}
        self.people_counts = {
            c.start: c for c in counts
            if (head := self.heads[c.start]) is not None and head.known
        }

    # -- heads -----------------------------------------------------------------

    def head_of(self, span: CountSpan) -> Head | None:
        i = span.end
        words, lex = self.words, self.lex
        single = span.end - span.start == 1 and words[span.start] in lex.indefinite
        if single and i < len(words) and words[i] in ("de", "d'", "des"):
            # "un des militaires tués" is one person; "l'un des corps" is part of a toll.
            victim = _match(lex.victims, words, i + 1)
            predicate = self.harm_after(victim[1]) if victim is not None else None
            if victim is None or predicate is None or predicate.distance > 0:
                return None
            return Head(i + 1, victim[1], None, victim[0])
        if i < len(words) and words[i] in ("de", "d'", "des"):
            back = _match(lex.back_references, words, i)
            if back is not None:
                return Head(i, back[1], None, "people", inherits=True)
            i += 1
        inherits = False
        if i < len(words) and words[i] in _QUOTES:
            i += 1  # cinq "terroristes présumés"
        while i < len(words) and (words[i] in lex.skip_adjectives or words[i] in lex.other_markers):
            inherits = inherits or words[i] in lex.other_markers
            i += 1
        if inherits and (i >= len(words) or self.tokens[i].pos_ not in ("NOUN", "ADJ")):
            return Head(i - 1, i, None, "people", inherits=True)
        if i >= len(words) or words[i] in lex.not_people:
            return None
        harm = _match(lex.harm_nouns, words, i)
        not_a_toll = (words[span.start], words[i]) in lex.indefinite_not_count
        if harm is not None and single and not_a_toll:
            return None  # "une mort soudaine", "un corps humain": not tolls
        if harm is not None:
            outcome, end = harm
            victim = _match(lex.victims, words, end)
            if victim is not None and victim[0] != "people":
                return Head(i, victim[1], outcome, victim[0], inherits)
            if words[i] in lex.ambiguous_harm:
                predicate = self.harm_after(end) or self.harm_before(span.start)
                if predicate is not None and predicate.outcome != outcome:
                    return Head(i, end, predicate.outcome, lex.ambiguous_harm[words[i]])
            return Head(i, end, outcome, self._default_victims(span.start), inherits)
        victim = _match(lex.victims, words, i)
        if victim is None:
            token = self.tokens[i]
            # "Gazaouis", "chiites": an unknown plural noun may count people; "une banlieue" not.
            plural = "Plur" in token.morph.get("Number", []) or token.pos_ == "PROPN"
            # Names of peoples and groups: capitalised ("Gazaouis") or a people ending ("chiites").
            plural = plural and (token.text[:1].isupper() or words[i].endswith(lex.people_endings))
            nationality = (
                token.pos_ in ("ADJ", "NOUN", "PROPN") and token.text[:1].isupper()
                and token.text[1:2].islower()  # not an acronym ("une ONG")
                and (  # not "un Front"
                    words[i].endswith(lex.nationality_endings)
                    or words[i].rstrip("s").endswith(lex.nationality_endings)
                )
            )
            if (
                (token.pos_ in ("NOUN", "PROPN") or nationality)
                and token.text[:1].isalpha() and (plural or nationality)
                and (nationality or not single)  # "un Américain", not "une banlieue"
            ):
                # "une Américaine": one woman; nationals otherwise count people.
                victims = "women" if single and words[span.start] == "une" else "people"
                return Head(i, i + 1, None, victims, inherits, known=False)
            return None
        victims, end = victim
        inherits = inherits and victims == "people" and words[i] not in ("personnes", "gens")
        if words[i] in lex.generic_heads or victims in ("people", "combatants", "civilians"):
            victims = self._refine(end, victims)
        return Head(i, end, None, victims, inherits)

    def _default_victims(self, start: int) -> str:
        """Who a bare harm noun counts: the dead of fighting "between" two sides, when no
        count earlier in the sentence says who, are combatants; anyone else is people."""
        if start == self.counts[0].start and self.lex.fighting_between.search(self.text):
            return "combatants"
        return "people"

    def _refine(self, end: int, victims: str) -> str:
        """'membres des forces de sécurité', 'employés d'une ONG': a modifier says more."""
        for word in self.words[end : end + 6]:
            if word in self.lex.security_modifiers:
                return "security_forces"
            if word in self.lex.rebel_modifiers:
                return "rebels"
            if word in self.lex.aid_modifiers:
                return "aid_workers"
            found = self.lex.victims.get((word,))
            if found and found not in ("people", "other") and victims == "people":
                return found
            if word in (",", ".", ";", "et", "ont", "sont", "a", "est", "qui", "par"):
                break
            if word in self.lex.participles:
                break
        return victims

    # -- predicates ------------------------------------------------------------

    def harm_after(self, end: int) -> Predicate | None:
        """A passive, intransitive or participial predicate after a subject ending at `end`."""
        words, tokens, lex = self.words, self.tokens, self.lex
        j = end
        limit = min(len(words), end + _FORWARD_WINDOW)
        adjacent = True
        while j < limit:
            word = words[j]
            if word in _STOP_PUNCT and not (word in _QUOTES and j - end <= 2):
                return None
            phrase = _match(lex.phrases, words, j)
            if phrase is not None:
                return Predicate(phrase[0], j - end, phrase[1] - 1)
            if _match(lex.not_harm, words, j) is not None:
                return None  # "condamnés à mort": a sentence, not a death
            outcome = lex.participles.get(word)
            if outcome is not None and tokens[j].pos_ in ("VERB", "ADJ", "NOUN", "AUX", "PROPN"):
                agent = j + 1 < len(words) and words[j + 1] == "par"  # "abattu par la police"
                if adjacent or agent or word in lex.intransitive or self._after_passive(j):
                    return Predicate(outcome, j - end, j)
                return None
            if tokens[j].pos_ == "VERB":
                lemma = tokens[j].lemma_
                if lemma in lex.intransitive_verbs:
                    return Predicate(lex.verbs[lemma], j - end, j)
                if self._reduced_relative(j):
                    adjacent = False  # "un Américain déclaré porteur du virus est mort"
                    j += 1
                    continue
                # An infinitive ("réussi à s'échapper") does not end the subject's clause.
                infinitive = "Inf" in tokens[j].morph.get("VerbForm", []) and not adjacent
                if lemma not in lex.light_verbs and not infinitive:
                    return None
            if word == "qui" and j == end:
                relative = self._skip_relative(j)
                if relative is not None:
                    j, adjacent = relative, False
                    continue
            if word == "," or word == "(":
                skipped = self._skip_incise(j)
                if skipped is not None:
                    j = skipped
                    continue
                if word == "," and j + 1 < limit and words[j + 1] in lex.participles:
                    adjacent = True  # "deux Français, enlevés la veille": an apposition
                    j += 1
                    continue
            count = self.people_counts.get(j)
            if count is not None:
                if not self.coordinated(end, j) and not self._coordinated_any(j):
                    return None
                head = self.heads[j]
                j = head.end if head is not None else count.end
                adjacent = False
                continue
            if tokens[j].pos_ not in _CONTENT_POS and tokens[j].pos_ != "VERB":
                return None
            adjacent = adjacent and tokens[j].pos_ == "ADJ"
            j += 1
        return None

    def _reduced_relative(self, j: int) -> bool:
        """A past participle with no auxiliary before it qualifies the noun, like an adjective."""
        morph = self.tokens[j].morph
        if "Part" not in morph.get("VerbForm", []) or "Past" not in morph.get("Tense", []):
            return False
        before = self.words[j - 1] if j > 0 else ""
        return before not in self.lex.passive and before not in self.lex.active

    def _skip_relative(self, qui: int) -> int | None:
        """'qui se trouvaient là': the index past the verb of a relative clause that states
        no harm itself, so the scan can reach the main verb ('avaient été tuées')."""
        for k in range(qui + 1, min(len(self.words), qui + 8)):
            token = self.tokens[k]
            if self.words[k] in self.lex.participles:
                return None
            if token.pos_ == "VERB":
                return None if token.lemma_ in self.lex.verbs else k + 1
        return None

    def _coordinated_any(self, j: int) -> bool:
        return j > 0 and self.words[j - 1] in ("et", ",", "ou")

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

    def coordinated(self, end: int, start: int) -> bool:
        """Whether only commas and conjunctions separate word `end` from word `start`."""
        between = self.words[end:start]
        return all(w in (",", "et", "ainsi", "que", "ou") for w in between) and bool(between)

    def harm_before(self, start: int) -> Predicate | None:
        """An active verb or harm phrase whose object the count is ("tuant sept personnes")."""
        words, tokens, lex = self.words, self.tokens, self.lex
        if start > 0 and words[start - 1] in lex.agent_markers:
            return None
        noun = start - 2
        if noun > 0 and words[noun] in _QUOTES:
            noun -= 1  # la "neutralisation" de plusieurs dizaines de jihadistes
        if noun >= 0 and words[start - 1] in ("de", "d'") and words[noun] in lex.harm_before_de:
            return Predicate(lex.harm_before_de[words[noun]], 1, start - 1)
        j = start - 1
        limit = max(-1, start - _BACKWARD_WINDOW)
        while j > limit:
            phrase = _match_ending(lex.object_phrases, words, j + 1, max(0, limit))
            if phrase is not None:
                return Predicate(phrase[0], start - j, j)
            token, word = tokens[j], words[j]
            verb = lex.verbs.get(token.lemma_) if token.pos_ == "VERB" else None
            participle = lex.participles.get(word)
            if word in lex.passive_only:
                return None
            if verb is not None or participle is not None:
                if token.lemma_ in lex.intransitive_verbs or word in lex.intransitive:
                    return None
                if participle is not None and not self._after_active(j):
                    return None
                return Predicate(verb or participle or "", start - j, j)
            if token.pos_ in ("VERB", "AUX") and token.lemma_ not in lex.light_verbs:
                if token.pos_ == "VERB":
                    return None
            elif token.pos_ in ("NOUN", "PROPN") and word not in lex.time_nouns:
                return None
            elif token.pos_ == "ADP" and word not in ("à", "au", "aux"):
                return None
            if word in (";", ":", "dont", "qui", "que"):
                return None
            j -= 1
        return None

    def _after_active(self, j: int) -> bool:
        """Whether the participle at j is active: 'a tué', 'avoir tué', 'a tué ... et blessé'."""
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.words[k] in self.lex.active or self.words[k] in ("avoir", "après"):
                return True
            if self.words[k] == "et":
                return self._previous_active_participle(k)
            if self.tokens[k].pos_ not in ("ADV", "PRON", "PUNCT", "ADP"):
                return False
        return False

    def _previous_active_participle(self, conjunction: int) -> bool:
        """'a contaminé 34.500 personnes et tué 722 patients': the active auxiliary of the
        first verb of the coordination also rules the second."""
        for k in range(conjunction - 1, max(-1, conjunction - 12), -1):
            if self.words[k] in self.lex.active or self.words[k] == "avoir":
                return True
            if self.words[k] in self.lex.passive or self.words[k] in (";", ":", "."):
                return False
        return False

    def predicate_of(self, span: CountSpan, head: Head) -> Predicate | None:
        """The nearer of the predicates after the head and before the count."""
        after = self.harm_after(head.end)
        before = self.harm_before(span.start)
        if after is None or (before is not None and before.distance < after.distance):
            return before
        return after

    def victims_before(self, start: int) -> str | None:
        """The nearest specific victim noun earlier in the sentence ("d'entre eux")."""
        for j in range(start - 1, -1, -1):
            found = _match(self.lex.victims, self.words, j)
            if found is not None and found[0] != "people" and found[1] <= start:
                return found[0]
        return None

    def chained(self, predicate: Predicate) -> str | None:
        """'enlevés puis tués', 'deux Français, enlevés la veille, sont tués': the second
        outcome when a subject suffers two harms in turn."""
        words, k = self.words, predicate.end + 1
        if k + 1 < len(words) and words[k] == "puis":
            return self.lex.participles.get(words[k + 1])
        if predicate.end == 0 or words[predicate.end - 1] != ",":
            return None
        for j in range(k, min(len(words) - 1, k + 20)):
            if j in self.people_counts or words[j] in (";", ":"):
                return None
            if words[j] in self.lex.passive or words[j] in ("sont", "est"):
                outcome = self.lex.participles.get(words[j + 1])
                if outcome is not None and outcome != predicate.outcome:
                    return outcome
        return None

    def final(self, predicate: Predicate) -> Predicate:
        """'rattrapée et égorgée': a death coordinated after another harm is what counts."""
        k = predicate.end + 1
        if k + 1 < len(self.words) and self.words[k] == "et":
            if self.lex.participles.get(self.words[k + 1]) == "killed":
                return Predicate("killed", predicate.distance, k + 1)
        return predicate


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
        flags = cue_flags(doc.text, spans, lex.cue)
        for index, (start, end) in enumerate(spans):
            if not flags[index]:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not span[0].pos_:
                continue
            local = [
                CountSpan(c.start - span.start, c.end - span.start, c.count, c.prefixed)
                for c in by_sentence.get(index, [])
            ]
            reader = SentenceReader(lex, list(span), local, index)
            found.extend(read_sentence(reader, found))
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


def read_sentence(reader: SentenceReader, earlier: list[Mention]) -> list[Mention]:
    """Mentions of one sentence, in text order; `earlier`: the doc's mentions so far."""
    words = reader.words
    mentions: list[Mention] = []
    among = _among_outcome(reader, earlier)
    previous: tuple[CountSpan, Head, str, bool] | None = None
    for span in reader.counts:
        head = reader.heads[span.start]
        opener = _breakdown_opener(reader, span.start)
        context = mentions[-1] if mentions else (earlier[-1] if earlier else None)
        if head is None:
            headless = _headless(reader, span, opener, mentions)
            if headless is not None:
                mentions.append(headless)
            continue
        # "Huit personnes, six Français et deux Nigériens, ont été tuées", "huit morts :
        # deux Nigériens": a list set against a toll just stated breaks it down.
        apposed = (
            head.outcome is None and previous is not None and bool(mentions)
            and previous[0] is not None and mentions[-1].end <= reader.tokens[span.start].idx
            and words[previous[1].end : span.start] in ([","], [":"])
        )
        opener = opener or apposed
        coordinated = previous is not None and reader.coordinated(previous[1].end, span.start)
        outcome = head.outcome
        second = None
        predicate = None
        if opener and mentions and outcome is None:
            outcome = mentions[-1].outcome
        if outcome is None and among is not None and head.known:
            outcome = among  # "Parmi les morts figurent ...": the sentence says how
        if outcome is None:
            predicate = reader.predicate_of(span, head)
            if predicate is not None:
                predicate = reader.final(predicate)
                outcome = predicate.outcome
                second = reader.chained(predicate)
        qualified = head.end < len(words) and reader.tokens[head.end].pos_ in ("VERB", "ADJ")
        if outcome is None and coordinated and previous is not None and previous[2]:
            # "six morts et 464 personnes contaminées": a participle of its own says otherwise.
            outcome = None if qualified else previous[2]
        if outcome is None and among is not None:
            outcome = among
        # An unknown noun ("Gazaouis", "chiites") counts people only with a verb of harm.
        listed = opener or (coordinated and previous is not None and previous[3])
        if outcome is None or not head.known and predicate is None and not listed:
            previous = (span, head, "", False)
            continue
        victims = head.victims
        top = [m for m in mentions if "breakdown" not in m.flags]
        if head.inherits:
            victims = reader.victims_before(span.start) or (
                context.victims if context is not None else victims
            )
        elif (
            head.outcome is not None and victims == "people" and previous is not None
            and previous[2] and span.start > 0 and words[span.start - 1] == "et"
            and top and top[-1].victims != "people"
        ):
            victims = top[-1].victims
        count = span.count
        if coordinated and previous is not None and not span.prefixed and previous[0].prefixed:
            if count.qualifier == "exact":
                count = Count(count.value, previous[0].count.qualifier)
        flags: set[str] = set()
        if opener or (coordinated and previous is not None and previous[3]):
            flags.add("breakdown")
        elif among is not None and head.outcome is None:
            flags.add("among")
        elif span.start > 0 and words[span.start - 1] == "(" and mentions:
            flags.add("breakdown")
        if (
            victims == "people" and outcome == "killed" and head.outcome is None
            and _perpetrator_killed(reader, count)
        ):
            victims = "rebels"
        mentions.append(_mention(reader, span, head.end, outcome, victims, count, flags))
        if second is not None:
            mentions.append(_mention(reader, span, head.end, second, victims, count, set()))
        previous = (span, head, outcome, "breakdown" in flags)
    mentions.extend(_zero_mentions(reader, earlier))
    mentions.extend(_individuals(reader, mentions, earlier))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _individuals(
    reader: SentenceReader, mentions: list[Mention], earlier: list[Mention]
) -> list[Mention]:
    """People harmed without a count word, at their first statement only: a name or a
    definite description before a singular passive predicate ("Chérif Chekatt a été
    abattu", "le chauffeur a été tué"). "La mort de <name>" is left out: in news it is
    as often a natural death or a later mention as a first statement of harm."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    named = [m for m in earlier + mentions if m.flags & {"person"}]
    outcomes = {m.outcome for m in mentions} | {m.outcome for m in named}
    names = {flag for m in named for flag in m.flags if flag.startswith("name:")}
    found: list[Mention] = []
    for j, word in enumerate(words):
        outcome = lex.participles.get(word)
        phrase = _match(lex.phrases, words, j)
        lost_life = phrase is not None and word in ("perdu", "trouvé")
        if phrase is not None:
            outcome = phrase[0]  # "avait perdu la vie", "sera entendu en garde à vue"
        elif word in lex.intransitive:
            continue  # "X est mort" reads as often as an obituary as a casualty
        if outcome is None or word.endswith("s") or j < 2:
            continue
        k = j - 1
        while k > 0 and tokens[k].pos_ == "ADV":
            k -= 1
        passive = words[k] == "été"
        if passive:
            k -= 1
        # "a été tué", "est interpellé"; never the active "a poignardé".
        auxiliaries = lex.singular_auxiliaries if passive or lost_life else lex.present_passive
        if words[k] in auxiliaries:
            subject = _subject_before(reader, k)
        elif words[k] == ",":
            subject = _subject_before(reader, k + 1)  # "Rafic Hariri, assassiné en 2005"
            subject = subject if subject and tokens[subject[0]].pos_ == "PROPN" else None
        else:
            continue
        # A name evacuated is as often a building ("la Tour Eiffel") as a person.
        if subject is None or outcome == "displaced":
            continue
        name = "name:" + tokens[subject[1] - 1].lower_
        is_name = tokens[subject[1] - 1].pos_ == "PROPN"
        # A new name is a new person; "l'homme" after a first harm is most likely them again.
        if name in names or (not is_name and outcome in outcomes):
            continue
        person = _person(reader, subject, j + 1, outcome)
        person.flags.add(name)
        found.append(person)
        outcomes.add(outcome)
        names.add(name)
    return found


def _subject_before(reader: SentenceReader, aux: int) -> tuple[int, int] | None:
    """A name (proper nouns) or a definite singular victim noun phrase ending before `aux`."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    k = aux - 1
    if k > 0 and words[k] == "," and tokens[k - 1].pos_ == "PROPN":
        k -= 1  # "le plus jeune, Chérif, est interpellé"
    end = k + 1
    if k >= 0 and tokens[k].pos_ == "PROPN":
        while k > 0 and tokens[k - 1].pos_ == "PROPN":
            k -= 1
        if k > 0 and tokens[k - 1].pos_ == "ADP":
            return None  # "la mairie de Paris": a name inside a longer noun phrase
        if k > 0 and words[k - 1] in ("le", "la", "l'", "les"):
            return None  # "la RDC", "l'AFP": places and bodies take an article, people not
        if k > 1 and tokens[k - 1].pos_ == "NOUN" and words[k - 2] in lex.definite:
            return (k - 2, end)  # "le suspect Chérif Chekatt"
        return (k, end)
    while k >= 0 and tokens[k].pos_ == "ADJ":
        k -= 1
    if k < 1 or tokens[k].pos_ != "NOUN" or "Plur" in tokens[k].morph.get("Number", []):
        return None
    if words[k - 1] in lex.definite and (words[k],) in lex.victims:
        return (k - 1, end)
    return None


def _person(reader: SentenceReader, subject: tuple[int, int], end: int, outcome: str) -> Mention:
    tokens, lex = reader.tokens, reader.lex
    victims = "people"
    for token in tokens[subject[0] : subject[1]]:
        victims = lex.victims.get((token.text.lower(),), victims)
    sentence = "".join(t.text_with_ws for t in tokens)
    if victims in ("people", "men") and (
        lex.perpetrator.search(sentence) or lex.security_agents.search(sentence)
    ):
        victims = "rebels"
    return Mention(
        start=tokens[subject[0]].idx, end=tokens[end - 1].idx + len(tokens[end - 1].text),
        sentence=reader.index, count=Count(1, "exact"), outcome=outcome, victims=victims,
        flags={"person"},
    )


def _perpetrator_killed(reader: SentenceReader, count: Count) -> bool:
    """One person of unknown side killed by the police, or named as the attacker, is one of
    the attackers: "un Français de 20 ans abattu par les policiers"."""
    lex = reader.lex
    return count.value == 1 and bool(
        lex.security_agents.search(reader.text) or lex.perpetrator.search(reader.text)
    )


def _mention(
    reader: SentenceReader, span: CountSpan, end: int, outcome: str, victims: str,
    count: Count, flags: set[str],
) -> Mention:
    """A mention over tokens [span.start, end) of the sentence; offsets are the doc's."""
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


def _headless(
    reader: SentenceReader, span: CountSpan, opener: bool, mentions: list[Mention]
) -> Mention | None:
    """A count with no noun: a breakdown ("dont plusieurs grièvement"), one more item of a
    list of per-place tolls ("l'Italie (32.735)", "plus de 1.000 en Argentine"), or the
    subject of a harm predicate ("13 ont été blessés")."""
    words, tokens = reader.words, reader.tokens
    if opener and mentions and _headless_ok(reader, span.end):
        parent = mentions[-1]
        return _mention(reader, span, span.end, parent.outcome, parent.victims, span.count,
                        {"breakdown"})
    listed = [m for m in mentions if "breakdown" not in m.flags]
    end = span.end
    year = re.fullmatch(r"(?:19|20)\d\d", words[span.start]) is not None  # "Serval (2013)"
    if (
        listed and not year and span.start > 1 and words[span.start - 1] == "("
        and words[end : end + 1] == [")"]
    ):
        place = span.start - 2
        if tokens[place].pos_ == "PROPN" or tokens[place].text[:1].isupper():
            while place > 0 and tokens[place - 1].pos_ == "PROPN":
                place -= 1
            if place > 0 and words[place - 1] in ("l'", "la", "le", "les"):
                place -= 1
            quoted = CountSpan(place, end + 1, span.count, span.prefixed)
            return _mention(reader, quoted, end + 1, listed[-1].outcome, listed[-1].victims,
                            span.count, set())
    if (
        listed and span.start > 0 and words[span.start - 1] in (",", "et")
        and end + 1 < len(words) and tokens[end].pos_ == "ADP"
        and tokens[end + 1].pos_ == "PROPN"
    ):
        return _mention(reader, span, end + 2, listed[-1].outcome, listed[-1].victims,
                        span.count, set())
    if span.start > 0 and words[span.start - 1] == "à":
        toll = _toll_subject(reader)
        if toll is not None:
            return _mention(reader, span, end, toll[0], toll[1], span.count, set())
    # "et 13 ont été blessés" continues a toll; "30 millions sont tués" alone counts rabbits.
    continues = bool(listed) and span.start > 0 and words[span.start - 1] in ("et", ",")
    if end < len(words) and tokens[end].pos_ == "AUX" and not opener and continues:
        predicate = reader.harm_after(end)
        if predicate is not None and predicate.distance <= 2:
            return _mention(reader, span, predicate.end + 1, predicate.outcome, "people",
                            span.count, set())
    return None


def _toll_subject(reader: SentenceReader) -> tuple[str, str] | None:
    """'le nombre de morts ... est tombé à 84', 'porte à 45 le nombre de soldats morts': the
    outcome and victims a toll's number counts."""
    words, lex = reader.words, reader.lex
    for i, word in enumerate(words[:-2]):
        if word != "nombre" or words[i + 1] not in ("de", "d'", "des"):
            continue
        harm = _match(lex.harm_nouns, words, i + 2)
        if harm is not None:
            return harm[0], "people"
        victim = _match(lex.victims, words, i + 2)
        if victim is not None:
            for k in range(victim[1], min(len(words), victim[1] + 3)):
                if words[k] in lex.participles:
                    return lex.participles[words[k]], victim[0]
    return None


def _headless_ok(reader: SentenceReader, end: int) -> bool:
    """'dont plusieurs grièvement', 'dont une vingtaine dans ...': a count with no noun."""
    if end >= len(reader.words):
        return True
    word = reader.words[end]
    return (
        word in reader.lex.headless
        or word in (",", ".", ")", "et")
        or reader.tokens[end].pos_ in ("ADP", "ADV")
    )


def _among_outcome(reader: SentenceReader, earlier: list[Mention]) -> str | None:
    """'Parmi les morts figurent ...', 'Parmi eux figurent ...': the outcome counts share."""
    words, lex = reader.words, reader.lex
    for i in range(len(words)):
        if _match(lex.among_back, words, i) is not None and earlier:
            return earlier[-1].outcome
        if _match(lex.among, words, i) is None:
            continue
        j = i + 2
        harm = _match(lex.harm_nouns, words, j)
        if harm is not None:
            return harm[0]
        if words[j : j + 1] == ["victimes"]:
            return earlier[-1].outcome if earlier else "killed"
        victim = _match(lex.victims, words, j)
        if victim is not None and victim[1] < len(words):
            outcome = lex.participles.get(words[victim[1]])
            if outcome is not None:
                return outcome
    return None


def _zero_mentions(reader: SentenceReader, earlier: list[Mention]) -> list[Mention]:
    """'aucun mort', 'ni mort ni blessé', "aucun d'entre eux n'a été blessé": counts of 0."""
    found = []
    words, tokens = reader.words, reader.tokens
    for i in range(len(words)):
        match = _match(reader.lex.zero, words, i)
        victims = "people"
        sentence_subject = words[i] == "personne" and (i == 0 or tokens[i - 1].pos_ == "PUNCT")
        if match is None and (words[i] in ("aucun", "aucune") or sentence_subject):
            match = _negated_participle(reader, i)
            if match is not None and earlier:
                victims = earlier[-1].victims
        if match is None:
            continue
        outcome, end = match
        first, last = tokens[i], tokens[end - 1]
        found.append(Mention(start=first.idx, end=last.idx + len(last.text),
                             sentence=reader.index, count=Count(0, "exact"),
                             outcome=outcome, victims=victims))
    return found


def _negated_participle(reader: SentenceReader, i: int) -> tuple[str, int] | None:
    negated = False
    for k in range(i + 1, min(len(reader.words), i + 9)):
        word = reader.words[k]
        negated = negated or word in ("n'", "ne")
        outcome = reader.lex.participles.get(word)
        if outcome is not None and negated:
            return outcome, k + 1
        if reader.tokens[k].pos_ == "VERB":
            return None
    return None


@Language.factory(
    "bilan_casualties", requires=["doc._.bilan_counts"], assigns=["doc._.bilan_mentions"]
)
def make_casualties(nlp: Language, name: str) -> CasualtyFinder:
    extensions.install()
    return CasualtyFinder()
