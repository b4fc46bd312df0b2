"""Reading one tagged English sentence: the English casualty grammar.

English differs from French where the rules look: modifiers come before the noun
("two armed insurgents", "PMF members"), the passive participle follows its
auxiliary ("were killed", "have been killed"), actives take their victims as
objects ("killing 2 civilians", "left seven inmates dead"), and a breakdown says
"including", "of them" or "among the dead". Counts come from `bilan_quantities`;
mentions, breakdown links and records are shared with every language.
"""

from __future__ import annotations

from spacy.tokens import Token

from bilan.extensions import CountSpan, Mention
from bilan.lang.en.lexicon import EnglishLexicon
from bilan.lang.lexicon import match, match_ending
from bilan.lang.sentence import (
    Head,
    Predicate,
    TaggedSentence,
    breakdown_opener,
    carried_count,
    is_year,
    name_flag,
    told_names,
    victims_before,
)
from bilan.records import Count

FORWARD_WINDOW = 30
_NOUNISH = frozenset(("ADJ", "PROPN", "NOUN", "NUM"))
_CROSSED_AFTER = frozenset(("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "CCONJ", "PART", "ADV"))


class EnglishSentence(TaggedSentence):
    """The tokens of one sentence, with the lookups the English grammar needs."""

    def __init__(
        self, lex: EnglishLexicon, tokens: list[Token], counts: list[CountSpan], index: int
    ) -> None:
        # "his two sons and his brother": a possessive may stand between the items.
        super().__init__(tokens, index, lex.coordinators | lex.possessives)
        self.lex = lex
        self.pos = [t.pos_ for t in tokens]
        # "on 17 July 2021 neutralised 5 terrorists": a year after a month is a date.
        counts = [
            c for c in counts
            if not (is_year(c) and c.start > 0 and self.words[c.start - 1] in lex.year_before)
        ]
        self.count_starts = {c.start for c in counts}
        self.names: dict[int, Head] = {}
        persons = self._person_spans()
        self.persons = {span.start for span in persons}
        self.spans = sorted(counts + persons, key=lambda c: c.start)

    # -- noun phrases ------------------------------------------------------------

    def _modifier(self, j: int) -> bool:
        """A word that can stand before a noun: adjective, noun, name, prenominal
        participle ("armed", "suspected"), adverb of a participle ("internally")."""
        word, pos = self.words[j], self.pos[j]
        if word in self.lex.modifier_punct or pos in _NOUNISH:
            return True
        nxt = self.pos[j + 1] if j + 1 < len(self.words) else ""
        return pos in ("VERB", "ADV") and nxt in ("NOUN", "ADJ", "PROPN", "VERB")

    def noun_phrase(self, i: int) -> Head | None:
        """The noun phrase from word i: its last victim noun is the head; a harm noun or a
        participle before it gives the outcome ("civilian deaths", "missing students")."""
        words, lex = self.words, self.lex
        head: tuple[str, int, int] | None = None
        harm: tuple[str, int, int] | None = None
        j = i
        while j < len(words) and j < i + 9:
            word = words[j]
            if j in self.count_starts and j > i:
                break
            victim = match(lex.victim_nouns, words, j)
            noun_harm = match(lex.harm_nouns, words, j)
            verb_like = words[j] in lex.headless_nouns and any(
                self.pos[k] in ("NOUN", "PROPN") for k in range(i, j)
            )
            if verb_like and head is None:
                break  # "a combined force killed": a verb after a noun, not a harm noun
            if noun_harm is not None and (head is None or words[j] not in lex.headless_nouns):
                if head is not None or harm is None:
                    harm = (noun_harm[0], j, noun_harm[1])
                if head is not None:
                    break  # "civilian deaths": the harm noun is the head
                j = noun_harm[1]
                continue
            if victim is not None:
                head = (victim[0], j, victim[1])
                j = victim[1]
                continue
            if head is not None:
                complement = any(
                    match(table, words, j) is not None for _, table in lex.verb_complements.values()
                )
                if self.pos[j] == "NOUN" and word not in lex.modifier_punct and not complement:
                    return None  # "30 police posts": the victim noun was a modifier
                break
            if word in lex.not_people and j == i or not self._modifier(j):
                break
            j += 1
        if head is None:
            if harm is None:
                return self._unknown_noun(i)
            # "364 killed", "dozens of wounded": who they were is said before
            inherits = words[harm[1]] in lex.headless_nouns
            victims = lex.hostage_nouns.get(words[harm[1]]) or self._list_victims(harm[2]) or (
                self._np_victims(i, harm[2], "people")
            )
            hostages = words[harm[1]] in lex.hostage_nouns  # "executed five hostages"
            return Head(
                i, harm[2], harm[0], victims, inherits=inherits and victims == "people",
                participle=hostages,
            )
        end = head[2] if harm is None or harm[1] < head[1] else harm[2]
        victims = self._np_victims(i, end, head[0], head_word=words[head[1]])
        outcome = harm[0] if harm is not None else None
        participle = harm is not None and harm[1] < head[1]
        inherits = words[head[1]] in lex.relation_nouns
        return Head(i, end, outcome, victims, inherits=inherits, participle=participle)

    def _unknown_noun(self, i: int) -> Head | None:
        """'Rohingya', 'Gazans': a capitalised noun may count people, with a harm verb."""
        j = i
        while j < len(self.words) and self.pos[j] == "ADJ":
            j += 1
        if j >= len(self.words) or self.words[j] in self.lex.not_people:
            return None
        token = self.tokens[j]
        if token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() and token.text.isalpha():
            if token.text[1:2].islower():
                return Head(i, j + 1, None, "people", known=False)
        return None

    def _list_victims(self, end: int) -> str | None:
        """'287 killings, 92 injuries and 67 abductions of civilians': the victims named
        after a list of harm nouns."""
        words, lex = self.words, self.lex
        k = end
        while k < len(words) and (
            words[k] in lex.coordinators or k in self.count_starts
            or self.pos[k] == "NUM" or match(lex.harm_nouns, words, k) is not None
        ):
            k += 1
        if k + 1 < len(words) and words[k] == lex.partitive_link:
            victim = match(lex.victim_nouns, words, k + 1)
            if victim is not None and victim[0] != "people":
                return victim[0]
        return None

    def _np_victims(self, start: int, end: int, victims: str, head_word: str = "") -> str:
        """Modifiers refine the head: "Taliban leader", "PMF members", "teenage player",
        "members of a vigilante group", "fighters on both sides"."""
        lex = self.lex
        before = "".join(t.text_with_ws for t in self.tokens[start:end]).lower()
        after = "".join(t.text_with_ws for t in self.tokens[end : end + 7]).lower()
        if end < len(self.words) and self.words[end] in lex.complement_prepositions:
            if head_word in lex.side_heads and lex.combatant_sides.search(after):
                return "combatants"
        else:
            after = ""
        if head_word in lex.generic_heads:
            for text in (before, after):
                for kind, pattern in lex.modifiers.items():
                    if pattern.search(text):
                        return kind
        if victims in ("people", "civilians") and any(  # victim types, not words
            w in lex.children_modifiers for w in self.words[start:end]
        ):
            return "children"
        return victims

    def phrase(self, span: CountSpan) -> Head | None:
        """What the count at `span` counts; a headless phrase when nothing follows."""
        words, lex = self.words, self.lex
        if span.start in self.names:
            return self.names[span.start]
        i = span.end
        if i < len(words) and words[i] == lex.partitive_link:
            back = match(lex.back_references, words, i)
            if back is not None:
                # "56 of them children": a noun after the back-reference says who.
                after = self.noun_phrase(back[1]) if back[1] < len(words) else None
                if after is not None and after.outcome is None and after.known:
                    return Head(i, after.end, None, after.victims, inherits=False)
                return Head(i, back[1], None, "people", inherits=True)
            j = i + 1
            partitive = j < len(words) and (
                words[j] in lex.definite_determiners or words[j] in lex.possessives
            )
            if partitive:
                harm = match(lex.harm_nouns, words, j + 1)
                if harm is not None and words[j] in lex.definite_determiners:
                    # "30 of the wounded": part of a toll stated before
                    return Head(i, harm[1], harm[0], "people", inherits=True, among=True)
                j += 1
            # "12 of its troops", "dozens of bodies"; not "a zone of up to 10 km"
            return self.noun_phrase(j) if partitive or span.count.qualifier == "vague" else None
        while i < len(words) and words[i] in lex.other_words:
            i += 1
        if i > span.end:
            found = self.noun_phrase(i) if words[i - 1] in lex.other_heads else None
            if found is not None:
                return found
            # "five others", "dozens more injured"
            more = words[i - 1] in lex.more_words
            return Head(span.end, i, None, "people", inherits=True, headless=more)
        if i < len(words) and words[i] in lex.not_people:
            return None
        found = self.noun_phrase(i)
        if found is not None:
            return found
        if i < len(words) and self.pos[i] in _NOUNISH or words[span.start] in lex.articles:
            return None  # "two homemade rifles", "an unknown number": not people
        return Head(i, i, None, "people", inherits=True, headless=True)

    # -- individuals -------------------------------------------------------------

    def _person_spans(self) -> list[CountSpan]:
        """People harmed without a count: "the driver", "his wife", "the cell's leader",
        "Reporter Santiago Ruiz". Each is a count of one whose phrase starts after the
        determiner; only a predicate of harm makes it a mention."""
        words, lex = self.words, self.lex
        spans = []
        for i, word in enumerate(words):
            # "Reporter Santiago Ruiz", "Mullah Omar": a title before a name says a person.
            title = (
                i + 1 < len(words) and self.pos[i + 1] == "PROPN"
                and self.tokens[i].text[:1].isupper()
                and (word in lex.name_titles or self.pos[i] == "NOUN" and word in lex.person_nouns)
            )
            if not title and word not in lex.definite_determiners and word not in lex.possessives:
                continue
            start = i if title else i + 1
            if start in self.count_starts or start >= len(words):
                continue
            if title and word in lex.name_titles:
                end = i + 1
                while end < len(words) and self.pos[end] in ("PROPN", "PUNCT") and (
                    self.pos[end] == "PROPN" or words[end] in lex.modifier_punct
                ):
                    end += 1
                victim = match(lex.victim_nouns, words, i)
                self.names[i] = Head(i, end, None, victim[0] if victim else "people")
                spans.append(CountSpan(i, start, Count(1, "exact")))
                continue
            found = self.noun_phrase(start)
            if found is None or not found.known or words[found.end - 1] not in lex.person_nouns:
                continue
            spans.append(CountSpan(i, start, Count(1, "exact")))
        return spans

    # -- predicates --------------------------------------------------------------

    def harm_before(self, start: int, end: int) -> Predicate | None:
        """An active verb whose object the count (its phrase ending at `end`) is ("killing
        63 people", "killed the Taliban leader", "captured along with two of his aides",
        "forced 50,000 to flee", "led 10-15 soldiers away as prisoners")."""
        words, lex = self.words, self.lex
        j = start
        along = False  # "was captured along with two of his aides": a co-subject
        while j > 0 and match_ending(lex.active_verbs, words, j, max(0, j - 6)) is None:
            crossed = match_ending(lex.crossable_before_object, words, j, max(0, j - 3))
            if crossed is not None:
                along = along or crossed[1] < j - 1
                j = crossed[1]
            elif self.pos[j - 1] == "ADV" or words[j - 1] in lex.possessives:
                j -= 1  # "killed unintentionally", "abducted his two sons"
            else:
                break
        before_of = lex.harm_nouns_before_of
        if j > 1 and words[j - 1] == lex.partitive_link and words[j - 2] in before_of:
            return Predicate(lex.harm_nouns_before_of[words[j - 2]], start - j + 1, j - 2)
        verb = match_ending(lex.active_verbs, words, j, max(0, j - 6))
        if verb is not None:
            if verb[1] > 0 and words[verb[1] - 1] in lex.passive_auxiliaries and not along:
                return None  # "were killed 5 km away": a passive, not an object
            return Predicate(verb[0], start - j + 1, verb[1])
        for outcome, (verbs, complements) in lex.verb_complements.items():
            if j > 0 and words[j - 1] in verbs and match(complements, words, end):
                return Predicate(outcome, start - j + 1, j - 1)
        return None

    def harm_after(self, end: int) -> Predicate | None:
        """A passive, intransitive or participial predicate after a subject ending at
        `end`; a participle right after the noun ("civilians killed") yields to a finite
        predicate further on ("recruits captured at the base remain unaccounted for")."""
        words, lex = self.words, self.lex
        k = end
        limit = min(len(words), end + FORWARD_WINDOW)
        adjacent: Predicate | None = None
        relative = False
        passive = False
        while k < limit:
            word = words[k]
            if word in lex.stop_words:
                break
            phrase = match(lex.predicate_phrases, words, k)
            if phrase is not None:
                if not passive and phrase[0] != "displaced" and self._has_object(phrase[1]):
                    break  # "two gunmen shot and killed a local leader": they did it
                among = " ".join(words[k : phrase[1]]) in lex.among_predicates
                return Predicate(phrase[0], k - end, phrase[1] - 1, among)
            outcome = lex.participles.get(word)
            if outcome is not None and self.pos[k] in ("VERB", "ADJ", "NOUN", "AUX"):
                if passive:
                    return Predicate(outcome, k - end, k)
                if outcome != "displaced" and self._has_object(k + 1):
                    break  # "armed men killed a local leader"; "fled the fighting" is flight
                if k == end and adjacent is None:
                    adjacent = Predicate(outcome, 0, k)
                    k += 1
                    continue
                break
            if word in lex.passive_auxiliaries:
                passive = True
                k += 1
                continue
            finite = word in lex.finite_auxiliaries or self.pos[k] == "ADV"
            if finite or passive and word in lex.report_verbs:
                k += 1  # "have been", "were reportedly", "were reported killed"
                continue
            if word in (",", "("):
                skipped = self._skip_incise(k)
                if skipped is None:
                    break
                k = skipped
                continue
            opener = match(lex.breakdown_openers, words, k)
            if opener is not None and not passive:
                k = opener[1]  # "four civilians including a councillor were killed"
                continue
            if word in lex.relative_pronouns:
                relative = True
                k += 1
                continue
            if self.pos[k] in ("VERB", "AUX"):
                if relative and not passive:
                    relative = False  # "a group that fights alongside the army were ..."
                    k += 1
                    continue
                break
            crossed = word in lex.modifier_punct or word in lex.possessives
            if passive or self.pos[k] not in _CROSSED_AFTER and not crossed:
                break
            k += 1
        return adjacent

    def _has_object(self, k: int) -> bool:
        """Whether a noun phrase starts at k, the object of an active verb before it."""
        return k < len(self.words) and (
            self.pos[k] in ("DET", "NUM", "PRON") or k in self.count_starts
        )

    def _skip_incise(self, k: int) -> int | None:
        """After ', most of them civilians,', ', a man and a woman,' or '(WCK)': the index
        past the incise."""
        words = self.words
        close = ")" if words[k] == "(" else ","
        apposed = k + 1 in self.count_starts or k + 1 in self.persons
        if close == "," and not apposed and match(self.lex.incise_openers, words, k + 1) is None:
            return None
        for j in range(k + 1, min(len(words), k + 20)):
            if words[j] == close:
                return j + 1
        return None

    def to_death(self, start: int, end: int) -> Predicate | None:
        """'stabbed a woman to death', 'shot two men dead': a verb of violence and a
        complement of death around the count's phrase (start, end)."""
        j = start
        while j > 0 and self.pos[j - 1] == "ADV":
            j -= 1
        if j == 0 or self.words[j - 1] not in self.lex.to_death_verbs:
            return None
        found = match(self.lex.to_death_complements, self.words, end)
        if found is None:
            return None
        return Predicate("killed", start - j + 1, found[1] - 1)

    def copula_victims(self, end: int) -> str | None:
        """'12 of them were women', 'the three dead were all farmers': who they were."""
        words = self.words
        if end >= len(words) or words[end] not in self.lex.copulas:
            return None
        k = end + 1
        quantifiers = self.lex.quantifiers
        while k < len(words) and (self.pos[k] in ("ADV", "DET") or words[k] in quantifiers):
            k += 1
        found = self.noun_phrase(k) if k < len(words) else None
        return found.victims if found is not None and found.outcome is None else None

    def among_outcome(self, earlier: list[Mention]) -> str | None:
        """'Among the dead were ...', 'The dead included ...', 'Among them are ...', 'Of
        these, ...': the outcome the sentence's counts share with an earlier toll."""
        words, lex = self.words, self.lex
        for i in range(len(words)):
            opener = match(lex.among_openers, words, i)
            if opener is not None:
                harm = next(
                    (found[0] for j in range(i, opener[1])
                     if (found := match(lex.harm_nouns, words, j)) is not None),
                    None,
                )
                return harm
            if i == 0 and match(lex.among_back_references, words, i) is not None and earlier:
                return earlier[-1].outcome
        # "said the dead on Wednesday included nine children"
        for i in range(len(words) - 1):
            subject = match(lex.among_subjects, words, i)
            if subject is not None and lex.among_verbs & set(words[subject[1] : subject[1] + 4]):
                return "killed"
        return None

    def toll(self, span: CountSpan) -> tuple[str, str] | None:
        """'raising the toll ... to more than 270', 'has risen to 4,073' after 'the
        number of people evacuated', 'brought to 274 the number of civilians killed':
        the outcome and victims of a bare number."""
        words, lex = self.words, self.lex
        if match(lex.number_of, words, span.end) is not None:
            return self._number_of(span.end)
        if span.start == 0 or words[span.start - 1] not in lex.toll_links:
            return None
        for j in range(span.start - 1, max(-1, span.start - 12), -1):
            if match(lex.toll_nouns, words, j) is not None:
                return "killed", ""
        for j in range(span.start - 1, -1, -1):
            if match(lex.number_of, words, j) is not None:
                return self._number_of(j)
        return None

    def _number_of(self, j: int) -> tuple[str, str] | None:
        found = match(self.lex.number_of, self.words, j)
        if found is None:
            return None
        noun = self.noun_phrase(found[1])
        if noun is None:
            return None
        if noun.outcome is not None:
            return noun.outcome, noun.victims
        k = noun.end
        outcome = self.lex.participles.get(self.words[k]) if k < len(self.words) else None
        return (outcome, noun.victims) if outcome is not None else None

    def victims_before(self, start: int) -> str | None:
        """The nearest specific victim noun earlier in the sentence ("one of them")."""
        words, lex = self.words, self.lex

        def passed(first: int, end: int) -> bool:
            # "there were no civilians nearby": nobody to count; the subject of the harm
            # ("police arrested 14 of them") did it, not suffered it.
            return first > 0 and words[first - 1] in lex.zero_words or (
                match(lex.active_verbs, words, end) is not None
            )

        return victims_before(lex.victim_nouns, words, start, passed)

    def zero_mentions(self) -> list[Mention]:
        """'No one was killed or injured', 'no civilians were harmed', 'no casualties were
        reported': counts of 0, one per outcome."""
        words, lex = self.words, self.lex
        found = []
        for i, word in enumerate(words):
            people = match(lex.zero_people, words, i)
            if people is None and word not in lex.zero_words:
                continue
            victims, k = people if people is not None else ("people", i + 1)
            outcomes: list[str] = []
            if people is None and k < len(words):
                noun = lex.zero_nouns.get(words[k])
                victim = match(lex.victim_nouns, words, k)
                passive = k + 1 < len(words) and words[k + 1] in lex.passive_auxiliaries
                if noun is not None and passive:
                    outcomes, k = noun, k + 1
                elif victim is not None:
                    victims, k = victim
                else:
                    continue
            last = k
            while not outcomes and k < len(words) and (
                words[k] in lex.passive_auxiliaries or words[k] in lex.finite_auxiliaries
                or self.pos[k] == "ADV"
            ):
                k += 1
            while not outcomes or k < len(words) and words[k] in lex.coordinators:
                if outcomes:
                    k += 1
                word_k = words[k] if k < len(words) else ""
                named = lex.zero_participles.get(word_k) or (
                    [lex.participles[word_k]] if word_k in lex.participles else []
                )
                if not named:
                    break
                outcomes.extend(named)
                last = k
                k += 1
            else:
                last = k - 1
            end = min(last, len(words) - 1)
            for outcome in outcomes:
                found.append(self.mention(i, end, Count(0, "exact"), outcome, victims))
        return found


def read_english(sentence: EnglishSentence, earlier: list[Mention]) -> list[Mention]:
    """Mentions of one English sentence, in text order; `earlier`: the doc's so far."""
    s, words, lex = sentence, sentence.words, sentence.lex
    mentions: list[Mention] = []
    among = s.among_outcome(earlier)
    these = match(lex.sentence_back_references, words, 0) is not None
    names = told_names(earlier)
    previous: tuple[CountSpan, Head, str, bool] | None = None
    closing: int | None = None
    for span in s.spans:
        person = span.start in s.persons
        phrase = s.phrase(span)
        if phrase is None or span.start > 0 and words[span.start - 1] in lex.zero_words:
            continue  # "no one was killed" is a zero count
        top = [m for m in mentions if not m.flags & {"breakdown", "among"}]
        opener = breakdown_opener(lex.breakdown_openers, words, span.start) and bool(top)
        back = match(lex.back_references, words, span.end) is not None
        before = s.harm_before(span.start, phrase.end) or s.to_death(span.start, phrase.end)
        after = s.harm_after(phrase.end)
        outcome = phrase.outcome if not person else None
        flags: set[str] = set()
        predicate = after
        if before is not None and (outcome is None or phrase.participle):
            if after is None or before.distance <= after.distance or outcome is not None:
                outcome, predicate = before.outcome, before
        if outcome is None and after is not None:
            outcome = after.outcome
            if after.among:
                flags.add("among")
        copula = phrase.headless and bool(top) and s.copula_victims(phrase.end) is not None
        # "Two people, a man and a woman, were killed": a list set in the toll's subject.
        apposed = (
            previous is not None and bool(top) and words[previous[1].end : span.start] == [","]
            and closing is not None and closing > span.start
        )
        if outcome is None and apposed:
            outcome = top[-1].outcome
        # "Nine people were killed on 12 May, and 14 on 13 May": the toll's verb is elided.
        elliptic = (
            phrase.headless and bool(top) and span.start > 0
            and words[span.start - 1] in lex.coordinators
            and phrase.end < len(words) and s.pos[phrase.end] == "ADP"
        )
        if outcome is None and elliptic:
            outcome = top[-1].outcome
        if outcome is None and (opener or back and top or copula):
            # "including 3 children", "12 of them were women", "Of the 20 killed, 15 were
            # civilians"
            outcome = top[-1].outcome
        if outcome is None and among is not None and not person:
            outcome = among
            flags.add("among")
        coordinated = previous is not None and s.coordinated(previous[1].end, span.start)
        if outcome is None and coordinated and previous is not None:
            outcome = previous[2]
        toll = s.toll(span) if phrase.headless and outcome is None else None
        if toll is not None:
            outcome = toll[0]
        if outcome is None or (person and predicate is None and not coordinated):
            continue
        close = after is not None and after.distance <= 3
        if phrase.headless and not (opener or before or toll or close or copula or elliptic):
            continue
        if not phrase.known and predicate is None and not opener and among is None:
            continue
        if person:
            name = name_flag(words[phrase.end - 1])
            possessive = words[span.start] in lex.possessives
            same = any(m.outcome == outcome for m in mentions)
            # Individuals count at their first statement only; a displaced one is fleeing.
            if name in names or outcome == "displaced" or (same and not possessive):
                continue
            flags |= {"person", name}
            names.add(name)
        victims = toll[1] if toll is not None and toll[1] else (
            _victims(s, span, phrase, top, earlier, back)
        )
        # A count with an outcome of its own ("and 3,524 injured") leaves the list.
        listed = coordinated and previous is not None and previous[3] and phrase.outcome is None
        if opener or back and top or listed or copula or apposed:
            flags.add("breakdown")  # "including 468 children and 219 women"
        elif phrase.among or these:
            flags.add("among")
        # "at least 17 ... and 41", "at least 20 people dead and 30 injured"
        carried = phrase.headless and before is not None and top or s.follows(mentions, span)
        before_count = previous[0] if previous is not None else None
        count = carried_count(span, before_count) if carried else span.count
        first, final = _quote(s, span, phrase, predicate)
        mentions.append(s.mention(first, final, count, outcome, victims, flags))
        previous = (span, phrase, outcome, "breakdown" in flags)
        # Where the subject's predicate stands, when it comes after the subject.
        closing = predicate.end if predicate is not None and predicate is after else None
    mentions.extend(s.zero_mentions())
    mentions.sort(key=lambda m: m.start)
    return mentions


def _victims(
    s: EnglishSentence, span: CountSpan, phrase: Head, top: list[Mention],
    earlier: list[Mention], back: bool,
) -> str:
    """Who a count counts when its own noun does not say ("others", "of them", "364
    killed"): the noun after a copula, else the sentence's toll, the victims named before,
    the report's last toll."""
    named_after = s.copula_victims(phrase.end) if phrase.inherits else None
    if named_after is not None:
        return named_after
    if not phrase.inherits:
        return phrase.victims
    context = top[-1] if top else next(
        (m for m in reversed(earlier) if not m.flags & {"breakdown", "among"}), None
    )
    here = top[-1].victims if top and not back else None
    named = s.victims_before(span.start)
    # A bare number ("all four were killed") or "one of them" counts people named just
    # before; a harm noun ("dozens of wounded") continues the report's toll.
    if phrase.headless or back:
        return here or named or (context.victims if context is not None else phrase.victims)
    return here or (context.victims if context is not None else named) or phrase.victims


def _quote(
    s: EnglishSentence, span: CountSpan, phrase: Head, predicate: Predicate | None
) -> tuple[int, int]:
    """First and last token indices of a mention's quote: from an active verb before the count,
    or the count, to the phrase or a predicate that follows closely."""
    last = phrase.end - 1
    before = predicate is not None and predicate.end < span.start
    if predicate is not None and not before and predicate.distance <= 4:
        last = max(last, predicate.end)
    start = predicate.end if predicate is not None and before else span.start
    return min(start, span.start), max(last, span.start)
