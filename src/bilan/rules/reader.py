"""Reading one tagged sentence: what a count counts (its head) and which harm predicate
governs it, before or after."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from bilan.extensions import CountSpan, Mention
from bilan.rules.lexicon import CasualtyLexicon, match, match_ending

FORWARD_WINDOW = 30
BACKWARD_WINDOW = 10
QUOTES = frozenset({"«", "»", '"', "“", "”"})
STOP_PUNCT = frozenset({";", ":", "?", "!"}) | QUOTES


@dataclass(slots=True)
class Head:
    """The noun a count counts: token span, outcome it carries (if any), victim type.

    `inherits`: "autres", "d'entre eux": the victims are those of the previous mention.
    `known`: the noun is in the victim lexicon (unknown nouns need a verb predicate).
    Read by the English grammar only: `participle`, the noun's own outcome yields to an
    active verb before it ("wounded patients", "executed five hostages"); `among`, part
    of a toll stated before ("30 of the wounded"); `headless`, a bare number.
    """

    start: int
    end: int
    outcome: str | None
    victims: str
    inherits: bool = False
    known: bool = True
    participle: bool = False
    among: bool = False
    headless: bool = False


@dataclass(frozen=True, slots=True)
class Predicate:
    """A harm predicate found near a count: outcome, distance in tokens, last token index;
    `among`: it joins a toll stated before ("were among the dead")."""

    outcome: str
    distance: int
    end: int
    among: bool = False


_CONTENT_POS = frozenset(
    ("ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "AUX", "PRON", "CCONJ", "NUM", "PUNCT",
     "SPACE", "X", "SCONJ")
)


class TaggedSentence:
    """One sentence of an annotated doc as the rules of every language read it: its
    tokens, their lower-cased texts, its text and its index in the doc."""

    def __init__(self, tokens: list[Token], index: int) -> None:
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.text = "".join(t.text_with_ws for t in tokens)
        self.index = index

    def coordinated(self, end: int, start: int) -> bool:
        """Whether only the language's conjunctions and commas part word `end` from `start`."""
        raise NotImplementedError

    def follows(self, mentions: list[Mention], span: CountSpan) -> bool:
        """Whether only conjunctions and commas part this sentence's last mention from
        `span` ("au moins 12 personnes ont été tuées et 30 blessées")."""
        if not mentions or mentions[-1].sentence != self.index:
            return False
        after = next((k for k, t in enumerate(self.tokens) if t.idx >= mentions[-1].end), None)
        return after is not None and self.coordinated(after, span.start)


def is_year(span: CountSpan) -> bool:
    """A bare four-digit number a year could be (1900 to 2099)."""
    return span.end - span.start == 1 and span.count.qualifier == "exact" and (
        1900 <= span.count.value <= 2099
    )


class SentenceReader(TaggedSentence):
    """Finds the casualty mentions of one sentence of an annotated doc."""

    def __init__(
        self, lex: CasualtyLexicon, tokens: list[Token], counts: list[CountSpan], index: int
    ) -> None:
        super().__init__(tokens, index)
        self.lex = lex
        self.counts = counts
        # Heads first: reading an ambiguous head looks ahead past the numeric-only counts.
        self.people_counts: dict[int, CountSpan] = {}
        self.heads = {c.start: self.head_of(c) for c in counts}
        # "1.500 personnes sur les 2.500 passagers": the whole a share is taken from is
        # read as words, not as a toll ("sur les treize blessés" still is one).
        self.counts = [c for c in counts if not self._unharmed_base(c)]
        self.people_counts = {
            c.start: c for c in self.counts
            if (head := self.heads[c.start]) is not None and head.known
        }

    def _unharmed_base(self, span: CountSpan) -> bool:
        head = self.heads[span.start]
        base = match_ending(self.lex.proportion_bases, self.words, span.start, span.start - 4)
        return base is not None and (head is None or head.outcome is None)

    # -- heads -----------------------------------------------------------------

    def head_of(self, span: CountSpan) -> Head | None:
        i = span.end
        words, lex = self.words, self.lex
        if span.start > 0 and words[span.start - 1] in lex.year_prepositions and is_year(span):
            return None  # "déclaré coupable en 2008 des meurtres de sept femmes"
        single = span.end - span.start == 1 and words[span.start] in lex.indefinite
        if single and i < len(words) and words[i] in lex.partitives:
            # "un des militaires tués" is one person; "l'un des corps" is part of a toll.
            victim = match(lex.victims, words, i + 1)
            predicate = self.harm_after(victim[1]) if victim is not None else None
            if victim is None or predicate is None:
                return None
            # "L'un des civils avait été porté disparu": only auxiliaries may come between.
            between = self.tokens[victim[1] : victim[1] + predicate.distance]
            if any(t.pos_ not in ("AUX", "ADV") for t in between):
                return None
            return Head(i + 1, victim[1], None, victim[0])
        if i < len(words) and words[i] in lex.partitives:
            back = match(lex.back_references, words, i)
            if back is not None:
                return Head(i, back[1], None, "people", inherits=True)
            i += 1
            if i < len(words) and words[i] in lex.possessives:
                i += 1  # "deux de ses frères"
        inherits = False
        if i < len(words) and words[i] in QUOTES:
            i += 1  # cinq "terroristes présumés"
        while i < len(words) and (words[i] in lex.skip_adjectives or words[i] in lex.other_markers):
            inherits = inherits or words[i] in lex.other_markers
            i += 1
        nominal = i > span.end and (words[i - 1],) in lex.victims  # "un jeune de 15 ans"
        if nominal and (i >= len(words) or self.tokens[i].pos_ not in ("NOUN", "PROPN", "ADJ")):
            i -= 1
        if inherits and (i >= len(words) or self.tokens[i].pos_ not in ("NOUN", "ADJ")):
            return Head(i - 1, i, None, "people", inherits=True)
        if i >= len(words) or words[i] in lex.not_people:
            return None
        before = words[span.start - 1] if span.start > 0 else ""
        if words[i] in lex.population and before in lex.population_links:
            return None  # "une commune de 1.000 habitants", "Pont-L'Evêque (4.500 habitants)"
        harm = match(lex.harm_nouns, words, i)
        not_a_toll = (words[span.start], words[i]) in lex.indefinite_not_count
        if harm is not None and single and not_a_toll:
            return None  # "une mort soudaine", "un corps humain": not tolls
        if harm is not None:
            outcome, end = harm
            victim = match(lex.victims, words, end)
            if victim is not None and victim[0] != "people":
                return Head(i, victim[1], outcome, victim[0], inherits)
            if words[i] in lex.ambiguous_harm:
                predicate = self.harm_after(end) or self.harm_before(span.start)
                if predicate is not None and predicate.outcome != outcome:
                    return Head(i, end, predicate.outcome, lex.ambiguous_harm[words[i]])
            # "quatre otages": a harm noun that names its victims says who they are.
            own = lex.ambiguous_harm.get(words[i], "people")
            victims = own if own != "people" else self._default_victims(span.start)
            return Head(i, end, outcome, victims, inherits)
        victim = match(lex.victims, words, i)
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
                feminine = single and words[span.start] in lex.feminine_indefinite
                victims = "women" if feminine else "people"
                return Head(i, i + 1, None, victims, inherits, known=False)
            return None
        victims, end = victim
        inherits = inherits and victims == "people" and words[i] not in lex.plain_people
        # "membres des forces de sécurité" says who; "un ami de l'assaillant" does not.
        refinable = words[i] in lex.generic_heads or victims in ("people", "combatants")
        if (refinable or victims == "civilians") and words[i] not in lex.relations:
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
        for k, word in enumerate(self.words[end : end + 6], start=end):
            if match(self.lex.phrases, self.words, k) is not None:
                break  # "placées en garde à vue": the predicate, not a modifier
            if word in self.lex.security_modifiers:
                return "security_forces"
            if word in self.lex.rebel_modifiers:
                return "rebels"
            if word in self.lex.aid_modifiers:
                return "aid_workers"
            found = self.lex.victims.get((word,))
            if found and found not in ("people", "other") and victims == "people":
                return found
            if word in self.lex.refine_stops:
                break
            if word in self.lex.participles:
                break
        return victims

    # -- predicates ------------------------------------------------------------

    def harm_after(self, end: int) -> Predicate | None:
        """A passive, intransitive or participial predicate after a subject ending at `end`."""
        words, tokens, lex = self.words, self.tokens, self.lex
        j = self._complement_end(end)
        limit = min(len(words), end + FORWARD_WINDOW)
        adjacent = True
        while j < limit:
            word = words[j]
            if word in STOP_PUNCT and not (word in QUOTES and j - end <= 4):
                # 'ont été "légèrement blessées"': a quote opening on the predicate is crossed
                return None
            phrase = match(lex.phrases, words, j)
            if phrase is not None:
                return Predicate(phrase[0], j - end, phrase[1] - 1)
            if match(lex.not_harm, words, j) is not None:
                return None  # "condamnés à mort": a sentence, not a death
            outcome = lex.participles.get(word)
            if outcome is not None and j > end and tokens[j - 1].pos_ == "DET":
                return None  # "limogés après la mort de": a noun of someone else's harm
            if outcome is not None and tokens[j].pos_ in ("VERB", "ADJ", "NOUN", "AUX", "PROPN"):
                # "abattu par la police"
                agent = j + 1 < len(words) and words[j + 1] in lex.agent_markers
                if adjacent or agent or word in lex.intransitive or self._after_passive(j):
                    return Predicate(outcome, j - end, j)
                return None
            if tokens[j].pos_ == "VERB" and word not in lex.active:  # "ont" misread as a verb
                lemma = tokens[j].lemma_
                if lemma in lex.intransitive_verbs:
                    return Predicate(lex.verbs[lemma], j - end, j)
                if self._reduced_relative(j) or self._infinitive_clause(j):
                    # "un Américain déclaré porteur du virus est mort", "suspecté d'être
                    # contaminé, est décédé": the clause qualifies the noun.
                    adjacent = False
                    j += 1
                    continue
                # An infinitive ("réussi à s'échapper") does not end the subject's clause.
                infinitive = "Inf" in tokens[j].morph.get("VerbForm", []) and not adjacent
                if lemma not in lex.light_verbs and not infinitive:
                    return None
            if word in lex.relative_pronouns and j == end:
                relative = self._skip_relative(j)
                if relative is not None:
                    j, adjacent = relative, False
                    continue
            if word == "," or word == "(":
                skipped = self._skip_incise(j)
                if skipped is not None:
                    j = skipped
                    continue
                if match(lex.breakdown_openers, words, j + 1) is not None:
                    # "15 patients ..., dont quatre sont décédés": the clause's verb is the
                    # part's harm, not the whole's.
                    return None
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

    def _complement_end(self, end: int) -> int:
        """'un ami de l'assaillant arrêté': past a noun's complement when the participle
        after it agrees with the head noun (singular, or plural), else `end` itself."""
        words, tokens = self.words, self.tokens
        if end == 0 or end + 2 >= len(words) or words[end] not in self.lex.noun_complements:
            return end
        k = end + 1
        determined = tokens[k].pos_ == "DET"
        k += determined
        # After an article any word is the noun ("l'assaillant", read as a verb).
        noun = tokens[k].pos_ in ("NOUN", "PROPN") or determined and tokens[k].is_alpha
        if not noun or words[k] in self.lex.participles:
            return end
        while k + 1 < len(words) and tokens[k + 1].pos_ == "PROPN":
            k += 1
        after = k + 1
        if after >= len(words) or words[after] not in self.lex.participles:
            return end
        plural = words[end - 1].endswith(self.lex.plural_endings)
        return after if words[after].endswith(self.lex.participle_plurals) == plural else end

    def _reduced_relative(self, j: int) -> bool:
        """A past participle with no auxiliary before it qualifies the noun, like an adjective."""
        morph = self.tokens[j].morph
        if "Part" not in morph.get("VerbForm", []) or "Past" not in morph.get("Tense", []):
            return False
        before = self.words[j - 1] if j > 0 else ""
        return before not in self.lex.passive and before not in self.lex.active

    def _infinitive_clause(self, j: int) -> bool:
        """A participle after "d'être", "à être": part of an infinitive, not a main verb."""
        words = self.words
        lex = self.lex
        return (
            j > 1 and words[j - 1] in lex.infinitive_auxiliaries
            and words[j - 2] in lex.infinitive_markers
        )

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
        return j > 0 and self.words[j - 1] in self.lex.coordinators

    def _after_passive(self, j: int) -> bool:
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.words[k] in self.lex.passive:
                return True
            if self.words[k] in self.lex.active:
                return False
            if self.tokens[k].pos_ not in ("ADV", "PRON") and self.words[k] not in QUOTES:
                return False
        return False

    def _skip_incise(self, comma: int) -> int | None:
        """After ', dont ...,' or ', en majorité des civils,': the index past the incise."""
        opener = match(self.lex.incise, self.words, comma + 1)
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
        return all(w in self.lex.list_links for w in between) and bool(between)

    def harm_before(self, start: int) -> Predicate | None:
        """An active verb or harm phrase whose object the count is ("tuant sept personnes")."""
        words, tokens, lex = self.words, self.tokens, self.lex
        if start > 0 and words[start - 1] in lex.agent_markers:
            return None
        noun = start - 2
        if noun > 0 and words[noun] in QUOTES:
            noun -= 1  # la "neutralisation" de plusieurs dizaines de jihadistes
        while noun > 0 and tokens[noun].pos_ == "ADJ" and start - noun < 5:
            noun -= 1  # "la mort accidentelle d'un fils"
        if match_ending(lex.not_harm, words, noun + 1, max(0, noun - 3)) or match(
            lex.not_harm, words, noun
        ):
            # "l'évacuation sanitaire de deux patients", "la condamnation à mort de quatre
            # journalistes": care and sentences, not flight and deaths.
            return None
        genitive = words[start - 1] in lex.genitive_links
        if noun >= 0 and genitive and words[noun] in lex.harm_before_de:
            return Predicate(lex.harm_before_de[words[noun]], 1, start - 1)
        j = start - 1
        limit = max(-1, start - BACKWARD_WINDOW)
        while j > limit:
            phrase = match_ending(lex.object_phrases, words, j + 1, max(0, limit))
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
                # "ayant tué en 2012 à Toulouse sept personnes", "a tué au couteau quatre
                # de ses collègues": a place or a means adjunct is crossed.
                place = j > 0 and words[j - 1] in lex.place_prepositions
                means = j > 0 and words[j - 1] in lex.means_prepositions
                if not (token.pos_ == "PROPN" and place or token.pos_ == "NOUN" and means):
                    return None
            elif token.pos_ == "ADP" and word not in lex.crossed_prepositions:
                return None
            if word in lex.object_stops:
                return None
            j -= 1
        return None

    def _after_active(self, j: int) -> bool:
        """Whether the participle at j is active: 'a tué', 'avoir tué', 'a tué ... et blessé'."""
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.words[k] in self.lex.active or self.words[k] in self.lex.active_markers:
                return True
            if self.words[k] == self.lex.conjunction:
                return self._previous_active_participle(k)
            if self.tokens[k].pos_ not in ("ADV", "PRON", "PUNCT", "ADP"):
                return False
        return False

    def _previous_active_participle(self, conjunction: int) -> bool:
        """'a contaminé 34.500 personnes et tué 722 patients': the active auxiliary of the
        first verb of the coordination also rules the second."""
        for k in range(conjunction - 1, max(-1, conjunction - 12), -1):
            if self.words[k] in self.lex.active or self.words[k] in self.lex.active_infinitives:
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
            found = match(self.lex.victims, self.words, j)
            if found is not None and found[0] != "people" and found[1] <= start:
                return found[0]
        return None

    def chained(self, predicate: Predicate) -> str | None:
        """'enlevés puis tués', 'deux Français, enlevés la veille, sont tués': the second
        outcome when a subject suffers two harms in turn."""
        words, k = self.words, predicate.end + 1
        if k + 1 < len(words) and words[k] in self.lex.sequence_words:
            return self.lex.participles.get(words[k + 1])
        if predicate.end == 0 or words[predicate.end - 1] != ",":
            return None
        for j in range(k, min(len(words) - 1, k + 20)):
            if j in self.people_counts or words[j] in (";", ":"):
                return None
            if words[j] in self.lex.passive or words[j] in self.lex.chain_auxiliaries:
                outcome = self.lex.participles.get(words[j + 1])
                if outcome is not None and outcome != predicate.outcome:
                    return outcome
        return None

    def final(self, predicate: Predicate) -> Predicate:
        """'rattrapée et égorgée': a death coordinated after another harm is what counts."""
        k = predicate.end + 1
        if k + 1 < len(self.words) and self.words[k] == self.lex.conjunction:
            if self.lex.participles.get(self.words[k + 1]) == "killed":
                return Predicate("killed", predicate.distance, k + 1)
        return predicate
