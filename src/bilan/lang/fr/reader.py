"""Reading one tagged French sentence: what a count counts (its head), which harm
predicate governs it, before or after, and the mentions they make.

A count becomes a casualty mention when its head noun is a harm noun ("301
morts") or a victim noun with a harm predicate: an adjacent participle
("treize soldats tués"), a passive or intransitive verb after it ("ont été
tués", "avaient péri", "sont portés disparus") or an active verb before it
("tuant sept personnes", "ont enlevé 121 élèves").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from bilan.extensions import CountSpan, Mention
from bilan.lang.fr.lexicon import FrenchLexicon
from bilan.lang.lexicon import match, match_ending
from bilan.lang.sentence import (
    Head,
    Predicate,
    TaggedSentence,
    breakdown_opener,
    carried_count,
    is_year,
    name_flag,
    told_before,
    victims_before,
)
from bilan.records import Count

FORWARD_WINDOW = 30
BACKWARD_WINDOW = 10

_CONTENT_POS = frozenset(
    ("ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "AUX", "PRON", "CCONJ", "NUM", "PUNCT",
     "SPACE", "X", "SCONJ")
)


class FrenchSentence(TaggedSentence):
    """The tokens of one French sentence, with the lookups the French grammar needs: a
    count's head and the harm predicates around it."""

    def __init__(
        self, lex: FrenchLexicon, tokens: list[Token], counts: list[CountSpan], index: int
    ) -> None:
        super().__init__(tokens, index, lex.list_links)
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
        tokens = self.tokens
        if span.start > 0 and i < len(words) and tokens[span.start - 1].pos_ == "PROPN" \
                and tokens[i].pos_ == "PROPN":
            return None  # "France 3 Paris": a number inside a name
        single = span.end - span.start == 1 and words[span.start] in lex.indefinite_one
        if single and i < len(words) and words[i] in lex.partitives:
            # "un des militaires tués" is one person; "l'un des corps" is part of a toll.
            victim = match(lex.victim_nouns, words, i + 1)
            predicate = self.harm_after(victim[1]) if victim is not None else None
            if victim is None or predicate is None:
                return None
            # "L'un des civils avait été porté disparu": only auxiliaries may come between.
            between = self.tokens[victim[1] : victim[1] + predicate.distance]
            if any(t.pos_ not in ("AUX", "ADV") for t in between):
                return None
            return Head(i + 1, victim[1], None, victim[0])
        partitive = i < len(words) and words[i] in lex.partitives
        if partitive:
            back = match(lex.back_reference_heads, words, i)
            if back is not None:
                return Head(i, back[1], None, "people", inherits=True)
            i += 1
            if i < len(words) and words[i] in lex.possessives:
                i += 1  # "deux de ses frères"
        inherits = False
        if i < len(words) and words[i] in lex.quote_marks:
            i += 1  # cinq "terroristes présumés"
        # "un second blessé", "une troisième personne": an ordinal ranks the count's people.
        while i < len(words) and (
            words[i] in lex.adjectives_to_skip or words[i] in lex.other_markers
            or "Ord" in tokens[i].morph.get("NumType", []) and tokens[i].pos_ == "ADJ"
        ):
            inherits = inherits or words[i] in lex.other_markers
            i += 1
        nominal = i > span.end and (words[i - 1],) in lex.victim_nouns  # "un jeune de 15 ans"
        if nominal and (i >= len(words) or self.tokens[i].pos_ not in ("NOUN", "PROPN", "ADJ")):
            i -= 1
        if inherits and (i >= len(words) or self.tokens[i].pos_ not in ("NOUN", "ADJ")):
            return Head(i - 1, i, None, "people", inherits=True)
        if partitive and i < len(words) and words[i] in lex.unspecified_victims:
            # "trois des victimes sont mortes": victims of what, their own predicate says
            # (not a verb past another clause: "accusée par plusieurs des victimes d'avoir
            # aidé ..., a été arrêtée").
            predicate = self.harm_after(i + 1)
            between = self.tokens[i + 1 : predicate.end] if predicate else []
            if predicate is None or any(t.pos_ == "VERB" or t.text == "," for t in between[:-1]):
                return None
            return Head(i, i + 1, predicate.outcome, "people")
        if i >= len(words) or words[i] in lex.not_people:
            return None
        before = words[span.start - 1] if span.start > 0 else ""
        if words[i] in lex.population_nouns and before in lex.population_links:
            return None  # "une commune de 1.000 habitants", "Pont-L'Evêque (4.500 habitants)"
        harm = match(lex.harm_nouns, words, i)
        not_a_toll = (words[span.start], words[i]) in lex.indefinite_not_count
        if harm is not None and single and not_a_toll and not self._found_body(i):
            return None  # "une mort soudaine", "un corps humain": not tolls
        if harm is not None:
            outcome, end = harm
            victim = match(lex.victim_nouns, words, end)
            if victim is not None and victim[0] != "people":
                return Head(i, victim[1], outcome, victim[0], inherits)
            # "trois des blessés sont morts": some of the harmed, dead since ("deux des
            # blessés ont été évacués" are still the injured).
            if words[i] in lex.ambiguous_harm_nouns or partitive:
                predicate = self.harm_after(end) or (
                    None if partitive else self.harm_before(span.start))
                if predicate is not None and predicate.outcome != outcome and (
                        not partitive or predicate.outcome == "killed"):
                    return Head(i, end, predicate.outcome,
                                lex.ambiguous_harm_nouns.get(words[i], "people"))
            # "quatre otages": a harm noun that names its victims says who they are.
            own = lex.ambiguous_harm_nouns.get(words[i], "people")
            victims = own if own != "people" else self._default_victims(span.start)
            return Head(i, end, outcome, victims, inherits)
        victim = match(lex.victim_nouns, words, i)
        if victim is None:
            token = self.tokens[i]
            # "Gazaouis", "chiites": an unknown plural noun may count people; "une banlieue" not.
            plural = "Plur" in token.morph.get("Number", []) or token.pos_ == "PROPN"
            # Names of peoples and groups: capitalised ("Gazaouis") or a people ending ("chiites").
            plural = plural and (
                token.text[:1].isupper() or words[i].endswith(lex.people_noun_endings)
            )
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
        if (refinable or victims == "civilians") and words[i] not in lex.relation_nouns:
            victims = self._refine(end, victims)
        return Head(i, end, None, victims, inherits)

    def _found_body(self, i: int) -> bool:
        """'un corps a été retrouvé', 'découvrent un corps', 'un corps retrouvé': a body
        found, the subject or object of a verb of finding, is a death."""
        token, finding = self.tokens[i], self.lex.finding_verbs
        return token.head.lemma_ in finding and token.dep_ in ("nsubj", "nsubj:pass", "obj") \
            or any(c.lemma_ in finding and c.dep_ == "acl" for c in token.children)

    def _default_victims(self, start: int) -> str:
        """Who a bare harm noun counts: the dead of fighting "between" two sides, when no
        count earlier in the sentence says who, are combatants; anyone else is people."""
        if start == self.counts[0].start and self.lex.fighting_between.search(self.text):
            return "combatants"
        return "people"

    def _refine(self, end: int, victims: str) -> str:
        """'membres des forces de sécurité', 'employés d'une ONG': a modifier says more."""
        for k, word in enumerate(self.words[end : end + 6], start=end):
            if match(self.lex.harm_phrases, self.words, k) is not None:
                break  # "placées en garde à vue": the predicate, not a modifier
            if word in self.lex.security_modifiers:
                return "security_forces"
            if word in self.lex.rebel_modifiers:
                return "rebels"
            if word in self.lex.aid_modifiers:
                return "aid_workers"
            found = self.lex.victim_nouns.get((word,))
            if found and found not in ("people", "other") and victims == "people":
                return found
            if word in self.lex.refine_stops:
                break
            if word in self.lex.harm_participles:
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
            quote = word in lex.quote_marks
            if (quote or word in lex.stop_punctuation) and not (quote and j - end <= 4):
                # 'ont été "légèrement blessées"': a quote opening on the predicate is crossed
                return None
            phrase = match(lex.harm_phrases, words, j)
            if phrase is not None:
                return Predicate(phrase[0], j - end, phrase[1] - 1)
            if match(lex.not_harm_phrases, words, j) is not None:
                return None  # "condamnés à mort": a sentence, not a death
            outcome = lex.harm_participles.get(word)
            if outcome is not None and j > end and tokens[j - 1].pos_ == "DET":
                return None  # "limogés après la mort de": a noun of someone else's harm
            after_object = tokens[j - 1].pos_ == "ADP" and tokens[end - 1].dep_ == "obj"
            if outcome is not None and after_object:
                # "condamner un homme à mort": the complement of the object's verb, which
                # says whether it is a harm ("battre", "mettre") or not ("condamner")
                return None
            if outcome is not None and tokens[j].pos_ in ("VERB", "ADJ", "NOUN", "AUX", "PROPN"):
                # "abattu par la police"
                agent = j + 1 < len(words) and words[j + 1] in lex.agent_markers
                intransitive = word in lex.intransitive_participles
                if adjacent or agent or intransitive or self._after_passive(j):
                    return Predicate(outcome, j - end, j)
                return None
            # "ont" misread as a verb
            if tokens[j].pos_ == "VERB" and word not in lex.active_auxiliaries:
                lemma = tokens[j].lemma_
                if lemma in lex.intransitive_verbs:
                    return Predicate(lex.harm_verbs[lemma], j - end, j)
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
            if j == end and match(lex.breakdown_openers, words, j) is not None \
                    and self._bare_count_subject(j + 1):
                # "40 passagers dont trois ont été tués": the relative clause's verb is the
                # part's harm, not the whole's.
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
                if word == "," and j + 1 < limit and words[j + 1] in lex.harm_participles:
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
            # "trois autres grièvement blessés": adjectives and adverbs keep it adjacent.
            adjacent = adjacent and (tokens[j].pos_ == "ADJ" or tokens[j].pos_ == "ADV"
                                     and word not in lex.negations)
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
        if not noun or words[k] in self.lex.harm_participles:
            return end
        while k + 1 < len(words) and tokens[k + 1].pos_ == "PROPN":
            k += 1
        after = k + 1
        if after >= len(words) or words[after] not in self.lex.harm_participles:
            return end
        plural = words[end - 1].endswith(self.lex.plural_endings)
        return after if words[after].endswith(self.lex.participle_plural_endings) == plural else end

    def _reduced_relative(self, j: int) -> bool:
        """A past participle with no auxiliary before it qualifies the noun, like an adjective."""
        morph = self.tokens[j].morph
        if "Part" not in morph.get("VerbForm", []) or "Past" not in morph.get("Tense", []):
            return False
        before = self.words[j - 1] if j > 0 else ""
        lex = self.lex
        return before not in lex.passive_auxiliaries and before not in lex.active_auxiliaries

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
            if self.words[k] in self.lex.harm_participles:
                return None
            if token.pos_ == "VERB":
                return None if token.lemma_ in self.lex.harm_verbs else k + 1
        return None

    def _coordinated_any(self, j: int) -> bool:
        return j > 0 and self.words[j - 1] in self.lex.coordinators

    def _after_passive(self, j: int) -> bool:
        for k in range(j - 1, max(-1, j - 4), -1):
            if self.words[k] in self.lex.passive_auxiliaries:
                return True
            if self.words[k] in self.lex.active_auxiliaries:
                return False
            quote = self.words[k] in self.lex.quote_marks
            if self.tokens[k].pos_ not in ("ADV", "PRON") and not quote:
                return False
        return False

    def _bare_count_subject(self, k: int) -> bool:
        """Whether a numeral without a noun starts a clause at k ("trois ont été tués")."""
        tokens = self.tokens
        return k + 1 < len(tokens) and "Card" in tokens[k].morph.get("NumType", []) \
            and tokens[k + 1].pos_ in ("AUX", "VERB")

    def _skip_incise(self, comma: int) -> int | None:
        """After ', dont ...,' or ', en majorité des civils,': the index past the incise."""
        opener = match(self.lex.incise_openers, self.words, comma + 1)
        if opener is None and self.words[comma] != "(":
            return None
        close = ")" if self.words[comma] == "(" else ","
        for k in range(comma + 1, min(len(self.words), comma + 25)):
            if self.words[k] == close:
                return k + 1
            if self.tokens[k].pos_ == "VERB" and close == ",":
                return None
        return None

    def harm_before(self, start: int) -> Predicate | None:
        """An active verb or harm phrase whose object the count is ("tuant sept personnes")."""
        words, tokens, lex = self.words, self.tokens, self.lex
        if start > 0 and words[start - 1] in lex.agent_markers:
            return None
        noun = start - 2
        if noun > 0 and words[noun] in lex.quote_marks:
            noun -= 1  # la "neutralisation" de plusieurs dizaines de jihadistes
        while noun > 0 and tokens[noun].pos_ == "ADJ" and start - noun < 5:
            noun -= 1  # "la mort accidentelle d'un fils"
        if match_ending(lex.not_harm_phrases, words, noun + 1, max(0, noun - 3)) or match(
            lex.not_harm_phrases, words, noun
        ):
            # "l'évacuation sanitaire de deux patients", "la condamnation à mort de quatre
            # journalistes": care and sentences, not flight and deaths.
            return None
        genitive = words[start - 1] in lex.genitive_links
        if noun >= 0 and genitive and words[noun] in lex.harm_nouns_before_de:
            return Predicate(lex.harm_nouns_before_de[words[noun]], 1, start - 1)
        j = start - 1
        limit = max(-1, start - BACKWARD_WINDOW)
        while j > limit:
            phrase = match_ending(lex.object_phrases, words, j + 1, max(0, limit))
            if phrase is not None:
                return Predicate(phrase[0], start - j, j)
            token, word = tokens[j], words[j]
            verb = lex.harm_verbs.get(token.lemma_) if token.pos_ == "VERB" else None
            participle = lex.harm_participles.get(word)
            if word in lex.passive_only_participles:
                return None
            if verb is not None or participle is not None:
                if token.lemma_ in lex.intransitive_verbs or word in lex.intransitive_participles:
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
            word = self.words[k]
            if word in self.lex.active_auxiliaries or word in self.lex.active_markers:
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
            word = self.words[k]
            if word in self.lex.active_auxiliaries or word in self.lex.active_infinitives:
                return True
            if self.words[k] in self.lex.passive_auxiliaries or self.words[k] in (";", ":", "."):
                return False
        return False

    def predicate_of(self, span: CountSpan, head: Head) -> Predicate | None:
        """The nearer of the predicates after the head and before the count; a death before
        it tells what became of people wounded after ('la mort d'un homme poignardé')."""
        after = self.harm_after(head.end)
        before = self.harm_before(span.start)
        if after is None or before is not None and (
                before.distance < after.distance
                or before.outcome == "killed" and after.outcome == "injured"):
            return before
        return after

    def victims_before(self, start: int) -> str | None:
        """The nearest specific victim noun earlier in the sentence ("d'entre eux")."""
        return victims_before(self.lex.victim_nouns, self.words, start)

    def chained(self, predicate: Predicate) -> str | None:
        """'enlevés puis tués', 'deux Français, enlevés la veille, sont tués': the second
        outcome when a subject suffers two harms in turn."""
        words, k = self.words, predicate.end + 1
        if k + 1 < len(words) and words[k] in self.lex.sequence_words:
            return self.lex.harm_participles.get(words[k + 1])
        if predicate.end == 0 or words[predicate.end - 1] != ",":
            return None
        for j in range(k, min(len(words) - 1, k + 20)):
            if j in self.people_counts or words[j] in (";", ":"):
                return None
            if words[j] in self.lex.passive_auxiliaries or words[j] in self.lex.chain_auxiliaries:
                outcome = self.lex.harm_participles.get(words[j + 1])
                if outcome is not None and outcome != predicate.outcome:
                    return outcome
        return None

    def final(self, predicate: Predicate) -> Predicate:
        """'rattrapée et égorgée': a death coordinated after another harm is what counts."""
        k = predicate.end + 1
        if k + 1 < len(self.words) and self.words[k] == self.lex.conjunction:
            if self.lex.harm_participles.get(self.words[k + 1]) == "killed":
                return Predicate("killed", predicate.distance, k + 1)
        return predicate


def read_french(reader: FrenchSentence, earlier: list[Mention]) -> list[Mention]:
    """Mentions of one French sentence, in text order; `earlier`: the doc's mentions so far."""
    words, lex = reader.words, reader.lex
    mentions: list[Mention] = []
    among = _among_outcome(reader, earlier)
    previous: tuple[CountSpan, Head, str, bool] | None = None
    for span in reader.counts:
        rate = span.start > 0 and words[span.start - 1] in reader.lex.rate_prepositions
        if rate and _power_of_ten(span):
            continue  # "143 cas pour 100.000 habitants": the base of a rate, not a toll
        head = reader.heads[span.start]
        if head is not None and match(reader.lex.comparison_words, words, head.end) is not None:
            continue  # "avec dix décès de plus qu'en 2018": a difference, not people
        opener = breakdown_opener(lex.breakdown_openers, words, span.start)
        context = mentions[-1] if mentions else (earlier[-1] if earlier else None)
        if head is None:
            headless = _headless(reader, span, opener, mentions, context)
            if headless is not None:
                mentions.append(headless)
            continue
        # "Huit personnes, six Français et deux Nigériens, ont été tuées", "huit morts :
        # deux Nigériens", "33 morts - 19 hommes et 14 femmes": a list set against a toll
        # just stated, after a comma, a colon or a dash, breaks it down; a part is
        # no more than its whole ("Sept morts, 177 personnes infectées"); a count with an
        # auxiliary after it is the subject of a clause of its own ("6.000 blessés, des
        # dizaines de personnes sont portées disparues").
        apposed = (
            head.outcome is None and previous is not None and bool(mentions)
            and not _own_clause(reader, head)
            and span.count.value <= mentions[-1].count.value
            and previous[0] is not None and mentions[-1].end <= reader.tokens[span.start].idx
            and words[previous[1].end : span.start] in ([","], [":"], ["-"], ["–"], ["—"])
        )
        if apposed and span.count == mentions[-1].count and not any(
                reader.coordinated(head.end, later.start) for later in reader.counts
                if later.start >= head.end):
            # "Une deuxième personne, une jeune femme, a été blessée": one apposition with the
            # toll's own number says who they were, not a part of them.
            _name_apposed_victims(reader, span, head, mentions)
            previous = (span, head, "", False)
            continue
        opener = opener or apposed or _after_colon(reader, span, mentions)
        # "Parmi les morts figurent ...": the sentence says how, but not of a later count
        # with a clause of its own ("..., des dizaines d'autres sont encore à l'hôpital").
        sentence_outcome = None if previous is not None and _own_clause(reader, head) \
            else among
        coordinated = previous is not None and reader.coordinated(previous[1].end, span.start)
        outcome = head.outcome
        second = None
        predicate = None
        if opener and mentions and outcome is None:
            outcome = mentions[-1].outcome
        if outcome is None and sentence_outcome is not None and head.known:
            outcome = sentence_outcome
        joined = _joins_a_toll(reader, head) if outcome is None and head.known else None
        outcome = outcome or joined
        if outcome is None:
            predicate = reader.predicate_of(span, head)
            if predicate is not None:
                predicate = reader.final(predicate)
                outcome = predicate.outcome
                second = reader.chained(predicate)
        elif head.outcome is not None and (told := reader.harm_after(head.end)) is not None \
                and told.outcome == outcome:
            # "Deux otages ont été enlevés puis tués": a harm noun's own harm, then another.
            second = reader.chained(told)
        # A participle or a verb of its own ("et 94 patients sont hospitalisés").
        qualified = head.end < len(words) and reader.tokens[head.end].pos_ in (
            "VERB", "ADJ", "AUX")
        if outcome is None and coordinated and previous is not None and previous[2]:
            # "six morts et 464 personnes contaminées": a participle of its own says otherwise;
            # "8 décès et 15 patients en réanimation": a harm noun's outcome is its own.
            shared = previous[1].outcome is None or not head.known or head.inherits
            outcome = previous[2] if shared and not qualified else None
        if outcome is None and sentence_outcome is not None:
            outcome = sentence_outcome
        if outcome is None and mentions and _gapped(reader, span, head):
            outcome = mentions[-1].outcome
        # An unknown noun ("Gazaouis", "chiites") counts people only with a verb of harm.
        listed = opener or (coordinated and previous is not None and previous[3])
        # One person who flees is escaping, not displaced ("un jihadiste qui fuit"), and
        # one homeless person is no displacement ("agressée par un sans-abri").
        escaping = outcome == "displaced" and span.count.value == 1
        if outcome is None or escaping or not head.known and predicate is None and not listed:
            _name_apposed_victims(reader, span, head, mentions)
            previous = (span, head, "", False)
            continue
        victims = head.victims
        top = [m for m in mentions if "breakdown" not in m.flags]
        if (head.inherits or not head.known and victims == "people") and opener and top:
            # "huit morts : deux Nigériens ..., les six autres"; a breakdown by nationality
            # takes its toll's victims ("quatre otages, deux Français").
            victims = top[-1].victims
        elif head.outcome is not None and opener and not mentions and victims == "people":
            # "357 abus contre des journalistes, dont 28 meurtres": harm to those just named.
            victims = reader.victims_before(span.start) or victims
        elif head.inherits:
            antecedent = context
            if match(lex.back_reference_heads, words, head.start) is not None:
                # "d'entre elles" points back at people counted, not at one person told
                # in between ("une jeune femme est décédée ... Cinq d'entre elles").
                antecedent = next((m for m in reversed((*earlier, *mentions))
                                   if m.count.value != 1), None)
            victims = reader.victims_before(span.start) or (
                antecedent.victims if antecedent is not None else victims
            )
        elif (
            head.outcome is not None and victims == "people" and previous is not None
            and previous[2] and span.start > 0 and words[span.start - 1] == reader.lex.conjunction
            and top and top[-1].victims != "people"
        ):
            victims = top[-1].victims
        carried = coordinated or reader.follows(mentions, span)  # "tuées et 30 blessées"
        before_count = previous[0] if previous is not None else None
        count = carried_count(span, before_count) if carried else span.count
        flags: set[str] = set()
        if opener or (coordinated and previous is not None and previous[3]):
            flags.add("breakdown")
        elif (sentence_outcome is not None or joined is not None) and head.outcome is None:
            flags.add("among")
        elif span.start > 0 and words[span.start - 1] == "(" and mentions:
            # "Tchoma Bangou (70 morts) et Zaroumdareye (30 morts)" break a toll down;
            # "suivis par le Brésil (46.510 morts)" ranks countries, each a toll of its own,
            # and so does "le Royaume-Uni (29.427), l'Italie (29.315 morts)".
            listing = reader.tokens[0].doc.text[mentions[-1].end - 1] == ")"
            if not listing and not any(word in reader.lex.ranking_words for word in words):
                flags.add("breakdown")
        if (
            victims == "people" and outcome == "killed" and head.outcome is None
            and _perpetrator_killed(reader, count)
        ):
            victims = "rebels"
        # The quote runs to a predicate that follows closely ("six personnes avaient péri").
        quote_end = head.end
        if predicate is not None and head.end <= predicate.end < head.end + 4:
            quote_end = predicate.end + 1
        if words[span.start] in lex.pair_determiners or words[span.start] in lex.pair_articles:
            # "ses parents": people named by a description, harmed once, at first statement.
            name = name_flag(words[head.start])
            if told_before(name, outcome, earlier + mentions):
                previous = (span, head, "", False)
                continue
            flags |= {"person", name}
        mentions.append(_mention(reader, span, quote_end, outcome, victims, count, flags))
        if second is not None:
            mentions.append(_mention(reader, span, head.end, second, victims, count, set()))
        previous = (span, head, outcome, "breakdown" in flags)
    mentions.extend(_zero_mentions(reader, earlier))
    mentions.extend(_individuals(reader, mentions, earlier))
    mentions.extend(_named_in_breakdown(reader, mentions))
    mentions.extend(_distributive(reader, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _own_clause(reader: FrenchSentence, head: Head) -> bool:
    """Whether an auxiliary right after the count's noun makes it the subject of a clause of
    its own ("des dizaines de personnes sont portées disparues")."""
    return head.end < len(reader.words) and reader.tokens[head.end].pos_ == "AUX"


def _name_apposed_victims(
    reader: FrenchSentence, span: CountSpan, head: Head, mentions: list[Mention]
) -> None:
    """'avait fait un mort à Porto Rico, une femme de 56 ans': an apposition with no harm
    of its own says who the toll just stated was."""
    if not mentions or span.start == 0 or reader.words[span.start - 1] != ",":
        return
    toll = mentions[-1]
    if toll.victims == "people" and toll.count == span.count and head.known:
        toll.victims = head.victims


def _power_of_ten(span: CountSpan) -> bool:
    value = span.count.value
    return value >= 10 and str(value).strip("0") == "1"


def _after_colon(reader: FrenchSentence, span: CountSpan, mentions: list[Mention]) -> bool:
    """'Cinq proches ont été placés en garde à vue : ses parents et deux de ses frères': a
    list after a colon, with no verb of its own, details the toll stated before it."""
    words, tokens = reader.words, reader.tokens
    colon = next((k for k in range(span.start - 1, -1, -1) if words[k] == ":"), None)
    if colon is None or not any(m.end <= tokens[colon].idx for m in mentions):
        return False
    return all(tokens[k].pos_ not in ("VERB", "AUX") for k in range(colon + 1, span.start))


def _named_in_breakdown(reader: FrenchSentence, mentions: list[Mention]) -> list[Mention]:
    """'plusieurs dizaines de jihadistes, dont l'émir d'Aqmi': one person of the toll."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    found: list[Mention] = []
    for j in range(len(words) - 2):
        if words[j] not in lex.named_breakdown_openers or words[j + 1] not in lex.singular_articles:
            continue
        victim = match(lex.victim_nouns, words, j + 2)
        parents = [m for m in mentions if m.end <= tokens[j].idx and "breakdown" not in m.flags]
        if victim is None or not parents:
            continue
        found.append(reader.mention(
            j + 1, victim[1] - 1, Count(1, "exact"), parents[-1].outcome, victim[0],
            {"breakdown"},
        ))
    return found


def _distributive(reader: FrenchSentence, mentions: list[Mention]) -> list[Mention]:
    """'Deux personnes ont été tuées, l'une à New York et l'autre dans le Maryland': one
    person each, a breakdown of the pair; each quote runs to the end of its clause."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    first = next((j for j in range(len(words)) if match(lex.distributive_first, words, j)), None)
    if first is None:
        return []
    second = next(
        (j for j in range(first + 2, len(words)) if match(lex.distributive_second, words, j)),
        None,
    )
    # The pair is the toll just stated: "deux tués et trois blessés, l'un ..." is unclear.
    before = [m for m in mentions if m.end <= tokens[first].idx and "breakdown" not in m.flags]
    if second is None or not before or before[-1].count.value != 2:
        return []
    pair = before[-1]
    found = []
    for start, stop in ((first, second), (second, len(words))):
        end = start + 2
        while end < min(stop, start + 8) and words[end] not in lex.clause_ends:
            end += 1
        found.append(reader.mention(
            start, end - 1, Count(1, "exact"), pair.outcome, pair.victims, {"breakdown"}
        ))
    return found


def _individuals(
    reader: FrenchSentence, mentions: list[Mention], earlier: list[Mention]
) -> list[Mention]:
    """People harmed without a count word, at their first statement only: a name or a
    definite description before a singular passive predicate ("Chérif Chekatt a été
    abattu", "le chauffeur a été tué"). "La mort de <name>" is left out: in news it is
    as often a natural death or a later mention as a first statement of harm."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    named = [m for m in earlier + mentions if m.flags & {"person"}]
    outcomes = {m.outcome for m in mentions} | {m.outcome for m in named}
    found: list[Mention] = []
    for j, word in enumerate(words):
        outcome = lex.harm_participles.get(word)
        phrase = match(lex.harm_phrases, words, j)
        lost_life = phrase is not None and word in lex.lost_life_words
        if phrase is not None:
            outcome = phrase[0]  # "avait perdu la vie", "sera entendu en garde à vue"
        elif word in lex.intransitive_participles:
            continue  # "X est mort" reads as often as an obituary as a casualty
        if outcome is None or word.endswith(lex.participle_plural_endings) or j < 2:
            continue
        k = j - 1
        while k > 0 and tokens[k].pos_ == "ADV":
            k -= 1
        passive = words[k] in lex.passive_participles
        if passive:
            k -= 1
            while k > 0 and tokens[k].pos_ == "ADV":
                k -= 1  # "a finalement été interpellé"
        # "a été tué", "est interpellé"; never the active "a poignardé".
        auxiliaries = (
            lex.singular_auxiliaries if passive or lost_life else lex.present_passive_auxiliaries
        )
        if words[k] in auxiliaries:
            subject = _subject_before(reader, k)
        elif word in lex.among_verbs and phrase is not None:
            # "Le commandant de la patrouille, un sous-lieutenant, figure parmi les morts"
            opening = _apposition_opening(words, k)
            subject = _subject_before(reader, opening) if opening is not None else None
        elif words[k] == ",":
            subject = _subject_before(reader, k + 1)  # "Rafic Hariri, assassiné en 2005"
            subject = subject if subject and tokens[subject[0]].pos_ == "PROPN" else None
        else:
            continue
        if word.startswith(lex.questionable_stems) and _questioned(reader, j):
            continue
        # A name evacuated is as often a building ("la Tour Eiffel") as a person, and a
        # name in hospital as often ill as hurt.
        if subject is None or outcome == "displaced" or word in lex.passive_only_participles:
            continue
        name = name_flag(tokens[subject[1] - 1].lower_)
        is_name = tokens[subject[1] - 1].pos_ == "PROPN"
        # A new name is a new person; "l'homme" after a first harm is most likely them again.
        if told_before(name, outcome, (*named, *found)) or (
                not is_name and outcome in outcomes):
            continue
        if _names_a_count(reader, subject[0], mentions):
            continue  # "Une humanitaire française, Sophie Pétronin, a été enlevée": one person
        person = _person(reader, subject, j + 1, outcome)
        person.flags.add(name)
        found.append(person)
        outcomes.add(outcome)
    return found


def _subject_before(reader: FrenchSentence, aux: int) -> tuple[int, int] | None:
    """A name (proper nouns) or a definite singular victim noun phrase ending before `aux`."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    k = aux - 1
    if k > 0 and words[k] == "," and tokens[k - 1].pos_ == "PROPN":
        k -= 1  # "le plus jeune, Chérif, est interpellé"
    end = k + 1
    if k >= 0 and tokens[k].pos_ == "PROPN":
        while k > 0 and tokens[k - 1].pos_ == "PROPN":
            k -= 1
        if k > 0 and tokens[k - 1].pos_ in ("ADP", "CCONJ"):
            # "la mairie de Paris", "patron de Renault, Nissan et Mitsubishi, a été
            # interpellé": a name inside a longer noun phrase (a coordinated subject
            # would take a plural verb).
            return None
        if k > 0 and words[k - 1] in lex.articles:
            return None  # "la RDC", "l'AFP": places and bodies take an article, people not
        if k > 1 and tokens[k - 1].pos_ == "NOUN" and words[k - 2] in lex.definite_determiners:
            return (k - 2, end)  # "le suspect Chérif Chekatt"
        if k > 1 and tokens[k - 1].pos_ == "NOUN" and tokens[k - 2].pos_ == "ADP":
            return None  # "l'arrêt du réseau CITEA": a name inside a longer noun phrase
        return (k, end)
    while k >= 0 and tokens[k].pos_ == "ADJ":
        k -= 1
    if k < 1 or tokens[k].pos_ != "NOUN" or "Plur" in tokens[k].morph.get("Number", []):
        return None
    if words[k - 1] in lex.definite_determiners and (words[k],) in lex.victim_nouns:
        return (k - 1, end)
    # "le commandant de la patrouille", "le chef du groupe": the head before its complement.
    head = k - 3 if words[k - 1] in lex.singular_articles else k - 2
    if head >= 1 and words[head + 1] in lex.noun_complements:
        if words[head - 1] in lex.definite_determiners and (words[head],) in lex.victim_nouns:
            return (head - 1, end)
    return None


def _questioned(reader: FrenchSentence, j: int) -> bool:
    """'interpellé sur ses revenus', 'interpellé par un jeune': questioned, not arrested
    (unlike 'interpellé par la police')."""
    lex = reader.lex
    after = reader.words[j + 1] if j + 1 < len(reader.words) else ""
    if after in lex.questioning_prepositions:
        return True
    rest = "".join(t.text_with_ws for t in reader.tokens[j + 1 :])
    return after in lex.agent_markers and not lex.security_agents.match(rest)


def _apposition_opening(words: list[str], k: int) -> int | None:
    """Where the apposition closing at k (", un sous-lieutenant,") opens; k itself when
    there is none."""
    if words[k] != ",":
        return k + 1
    for opening in range(k - 1, max(-1, k - 8), -1):
        if words[opening] == ",":
            return opening
    return None


def _person(reader: FrenchSentence, subject: tuple[int, int], end: int, outcome: str) -> Mention:
    tokens, lex = reader.tokens, reader.lex
    victims = _apposed_role(reader, subject[0])
    for token in tokens[subject[0] : subject[1]]:
        victims = lex.victim_nouns.get((token.text.lower(),), victims)
        # "le chef du groupe", "le commandant de la police": the body says which side.
        if token.lower_ in lex.rebel_modifiers and victims == "people":
            victims = "rebels"
        elif token.lower_ in lex.security_modifiers and victims == "people":
            victims = "security_forces"
    if victims in ("people", "men") and _attacker_told(reader):
        victims = "rebels"
    return reader.mention(subject[0], end - 1, Count(1, "exact"), outcome, victims, {"person"})


def _names_a_count(reader: FrenchSentence, start: int, mentions: list[Mention]) -> bool:
    """Whether the name at `start` is set against a count of one just before it."""
    opening = _apposition_start(reader.words, start)
    if opening is None:
        return False
    first = reader.tokens[opening].idx
    return any(m.count.value == 1 and first <= m.start < reader.tokens[start].idx for m in mentions)


def _apposition_start(words: list[str], start: int) -> int | None:
    """Where the description a name is set against opens ('Une humanitaire française,
    Sophie Pétronin'): the word after the previous clause mark, within five words."""
    if start < 2 or words[start - 1] != ",":
        return None
    k = start - 2
    while k > 0 and k > start - 7 and words[k - 1] not in (",", ".", ";", ":"):
        k -= 1
    return k


def _apposed_role(reader: FrenchSentence, start: int) -> str:
    """'Une humanitaire française, Sophie Pétronin, a été enlevée': the description a name
    is set against says who the person is; "people" when there is none."""
    words, tokens = reader.words, reader.tokens
    opening = _apposition_start(words, start)
    # A noun phrase ("Une humanitaire française,"), not a clause ("tenue par les rebelles,").
    if opening is None or tokens[opening].pos_ != "DET":
        return "people"
    if any(t.pos_ in ("VERB", "AUX") for t in tokens[opening : start - 1]):
        return "people"
    for k in range(opening, start - 1):
        role = match(reader.lex.victim_nouns, words, k)
        if role is not None and role[0] != "people":
            return role[0]
    return "people"


def _perpetrator_killed(reader: FrenchSentence, count: Count) -> bool:
    """One person of unknown side killed by the police, or named as the attacker, is one of
    the attackers: "un Français de 20 ans abattu par les policiers"."""
    return count.value == 1 and _attacker_told(reader)


def _attacker_told(reader: FrenchSentence) -> bool:
    """Whether the sentence has the police harm someone ("abattu par les policiers") or
    names an attacker who is not the agent of the harm: "le tireur a été abattu", but not
    "tué par le tueur jihadiste", where the victim is the attacker's."""
    lex = reader.lex
    agents = {t.i for token in reader.tokens for t in token.subtree
              if any(c.dep_ == "case" and c.lower_ in lex.agent_markers for c in token.children)}
    told = "".join(t.text_with_ws for t in reader.tokens if t.i not in agents)
    return bool(lex.security_agents.search(reader.text) or lex.perpetrator_words.search(told))


def _mention(
    reader: FrenchSentence, span: CountSpan, end: int, outcome: str, victims: str,
    count: Count, flags: set[str],
) -> Mention:
    """A mention over tokens [span.start, end) of the sentence, at least the count."""
    return reader.mention(span.start, max(end - 1, span.start), count, outcome, victims, flags)


def _headless(
    reader: FrenchSentence, span: CountSpan, opener: bool, mentions: list[Mention],
    context: Mention | None,
) -> Mention | None:
    """A count with no noun: a breakdown ("dont plusieurs grièvement"), one more item of a
    list of per-place tolls ("l'Italie (32.735)", "plus de 1.000 en Argentine"), the
    subject of a harm predicate ("13 ont été blessés"), or the object of one whose noun
    the clitic "en" stands for ("la France en avait perdu 13")."""
    words, tokens = reader.words, reader.tokens
    clitic = any(
        words[k] in reader.lex.clitic_pronouns and tokens[k + 1].pos_ in ("AUX", "VERB")
        for k in range(max(0, span.start - 4), span.start - 1)
    )
    if context is not None and clitic:
        predicate = reader.harm_before(span.start)
        if predicate is not None and predicate.distance <= 2:
            return _mention(reader, span, span.end, predicate.outcome, context.victims,
                            span.count, set())
    if (opener or _next_part(reader, span, mentions)) and mentions \
            and _headless_ok(reader, span.end):
        parent = mentions[-1]
        return _mention(reader, span, span.end, parent.outcome, parent.victims, span.count,
                        {"breakdown"})
    listed = [m for m in mentions if "breakdown" not in m.flags]
    end = span.end
    increment = match(reader.lex.increment_words, words, end)
    if listed and increment is not None \
            and match(reader.lex.comparison_words, words, end) is None:
        # "14.967 morts, 574 de plus depuis dimanche": the toll's rise, the same people.
        return _mention(reader, span, increment[1], listed[-1].outcome, listed[-1].victims,
                        span.count, set())
    year = re.fullmatch(r"(?:19|20)\d\d", words[span.start]) is not None  # "Serval (2013)"
    # "Viennent ensuite le Brésil (114.250), ...": a ranking may follow the toll it ranks
    # below, told in the sentence before.
    ranked = listed or [m for m in (context,) if m is not None
                        and m.sentence == reader.index - 1 and m.count.value > span.count.value]
    if (
        ranked and not year and span.start > 1 and words[span.start - 1] == "("
        and words[end : end + 1] == [")"]
    ):
        place = span.start - 2
        if tokens[place].pos_ == "PROPN" or tokens[place].text[:1].isupper():
            while place > 0 and tokens[place - 1].pos_ == "PROPN":
                place -= 1
            if place > 0 and words[place - 1] in reader.lex.articles:
                place -= 1
            quoted = CountSpan(place, end + 1, span.count, span.prefixed)
            return _mention(reader, quoted, end + 1, ranked[-1].outcome, ranked[-1].victims,
                            span.count, set())
    if (
        listed and span.start > 0 and words[span.start - 1] in reader.lex.continuation_links
        and end + 1 < len(words) and tokens[end].pos_ == "ADP"
        and tokens[end + 1].pos_ == "PROPN"
    ):
        return _mention(reader, span, end + 2, listed[-1].outcome, listed[-1].victims,
                        span.count, set())
    if span.start > 0 and words[span.start - 1] in reader.lex.toll_links:
        toll = _toll_subject(reader)
        if toll is not None:
            return _mention(reader, span, end, toll[0], toll[1], span.count, set())
    # "et 13 ont été blessés" continues a toll; "30 millions sont tués" alone counts rabbits.
    continues = (
        bool(listed) and span.start > 0 and words[span.start - 1] in reader.lex.continuation_links
    )
    if end < len(words) and tokens[end].pos_ == "AUX" and not opener and continues:
        predicate = reader.harm_after(end)
        if predicate is not None and predicate.distance <= 2:
            return _mention(reader, span, predicate.end + 1, predicate.outcome, "people",
                            span.count, set())
    complement_end = _gapped_complement(reader, span, listed[-1]) if continues else None
    if complement_end is not None:
        return _mention(reader, span, complement_end, listed[-1].outcome, listed[-1].victims,
                        span.count, set())
    return None


def _gapped_complement(reader: FrenchSentence, span: CountSpan, toll: Mention) -> int | None:
    """'Seize personnes avaient péri en 2014 et sept en 2016': after a toll of the same
    sentence and 'et', a bare count with only a complement left, its verb gapped, counts
    the same harm. The end of the complement, or None."""
    tokens, end = reader.tokens, span.end
    if toll.sentence != reader.index or reader.words[span.start - 1] != reader.lex.conjunction \
            or end == len(tokens) or tokens[end].pos_ != "ADP" \
            or reader.words[end] in reader.lex.partitives:  # "une soixantaine de cas"
        return None
    while end < len(tokens) and not tokens[end].is_punct:
        end += 1
    if _verb_since(reader, toll, span.start) or any(
            t.pos_ in ("VERB", "AUX") for t in tokens[span.end : end]):
        return None
    return end


def _verb_since(reader: FrenchSentence, mention: Mention, start: int) -> bool:
    """Whether a verb stands between the mention and token `start`: a clause of its own."""
    return any(t.pos_ in ("VERB", "AUX") for t in reader.tokens[:start] if t.idx >= mention.end)


def _next_part(reader: FrenchSentence, span: CountSpan, mentions: list[Mention]) -> bool:
    """'dont deux grièvement et trois légèrement', 'dont 12 à Kaboul, 20 à Kandahar': a
    numeral after a comma or 'et' that ends a verbless breakdown with no noun continues
    it ('dont 1.738 enfants, et 8.648 au groupe EI' goes back to the whole)."""
    tokens = reader.tokens
    if not mentions or "breakdown" not in mentions[-1].flags \
            or mentions[-1].sentence != reader.index or span.start == 0 \
            or reader.words[span.start - 1] not in (",", reader.lex.conjunction) \
            or tokens[span.start].pos_ == "DET":  # "un plus haut depuis trois mois"
        return False
    part = [t for t in tokens if mentions[-1].start <= t.idx < mentions[-1].end]
    return not any(t.pos_ in ("NOUN", "PROPN") for t in part) \
        and not _verb_since(reader, mentions[-1], span.start)


def _gapped(reader: FrenchSentence, span: CountSpan, head: Head) -> bool:
    """'Une personne a été gravement blessée et quatre autres plus légèrement': a count
    after a conjunction whose verb is left out, only its adverbs kept, shares the verb
    before."""
    tokens, end = reader.tokens, head.end
    if span.start == 0 or reader.words[span.start - 1] != reader.lex.conjunction:
        return False
    while end < len(tokens) and tokens[end].pos_ == "ADV":
        end += 1
    return end > head.end and (end == len(tokens) or tokens[end].is_punct)


def _toll_subject(reader: FrenchSentence) -> tuple[str, str] | None:
    """'le nombre de morts ... est tombé à 84', 'porte à 45 le nombre de soldats morts': the
    outcome and victims a toll's number counts."""
    words, lex = reader.words, reader.lex
    for i, word in enumerate(words[:-2]):
        if word not in lex.toll_nouns:
            continue
        if reader.tokens[i + 1].pos_ == "ADJ" and i + 3 < len(words):
            i += 1  # "le nombre total de morts"
        if words[i + 1] not in lex.partitives:
            continue
        harm = match(lex.harm_nouns, words, i + 2)
        if harm is not None:
            return harm[0], "people"
        victim = match(lex.victim_nouns, words, i + 2)
        if victim is not None:
            for k in range(victim[1], min(len(words), victim[1] + 3)):
                if words[k] in lex.harm_participles:
                    return lex.harm_participles[words[k]], victim[0]
    return None


def _headless_ok(reader: FrenchSentence, end: int) -> bool:
    """'dont plusieurs grièvement', 'dont deux graves', 'dont une vingtaine dans ...': a
    count with no noun; also one whose verb only says their state or place ('dont 21 sont
    dans un état critique', 'dont neuf se trouvent encore dans un état grave'), not a harm
    of its own ('dont trois sont morts')."""
    words, tokens = reader.words, reader.tokens
    if end >= len(words):
        return True
    if match(reader.lex.comparison_words, words, end) is not None:
        return False  # "soit 30 de moins que la veille": a difference, not people
    word = words[end]
    if word in reader.lex.negations:
        return False  # "dont deux n'ont pas survécu": a harm of their own, negated
    if word in reader.lex.frequency_quantifiers and end + 1 < len(words) \
            and tokens[end + 1].pos_ == "DET":
        return False  # "soit un tous les trois jours": how often, not who
    verb = end + 1 if tokens[end].dep_.startswith("expl") else end  # "se trouvent"
    placing = tokens[verb].pos_ == "VERB" and words[verb] not in reader.lex.harm_participles \
        and tokens[verb].lemma_ not in reader.lex.harm_verbs
    if (word in reader.lex.passive_auxiliaries or placing) and verb + 1 < len(words):
        state = verb + 1
        while state < len(words) and tokens[state].pos_ == "ADV":
            state += 1
        return state < len(words) and tokens[state].pos_ == "ADP" \
            and words[state] not in reader.lex.harm_participles
    return (
        word in reader.lex.headless_breakdown_words
        or word in reader.lex.headless_end_words
        or tokens[end].pos_ in ("ADP", "ADV", "ADJ")
    )


def _among_outcome(reader: FrenchSentence, earlier: list[Mention]) -> str | None:
    """'Parmi les morts figurent ...', 'Parmi eux figurent ...': the outcome counts share."""
    words, lex = reader.words, reader.lex
    for i in range(len(words)):
        if match(lex.among_back_references, words, i) is not None and earlier:
            return earlier[-1].outcome
        if match(lex.among_openers, words, i) is None:
            continue
        j = i + 2
        harm = match(lex.harm_nouns, words, j)
        if harm is not None:
            return harm[0]
        if j < len(words) and words[j] in lex.unspecified_victims:
            return earlier[-1].outcome if earlier else "killed"
        victim = match(lex.victim_nouns, words, j)
        if victim is not None and victim[1] < len(words):
            outcome = lex.harm_participles.get(words[victim[1]])
            if outcome is not None:
                return outcome
    return None


def _joins_a_toll(reader: FrenchSentence, head: Head) -> str | None:
    """'Une victime française figure parmi la soixantaine de personnes tuées': the outcome
    of the toll a count is said to be among."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    k = head.end
    while k < len(words) and tokens[k].pos_ == "ADJ":
        k += 1
    among = match(lex.among_predicates, words, k)
    if among is None:
        return None
    for j in range(among[1], min(len(words), among[1] + 10)):
        if words[j] in (",", ";", ":", "."):
            return None
        harm = match(lex.harm_nouns, words, j)
        outcome = lex.harm_participles.get(words[j]) or (harm[0] if harm is not None else None)
        if outcome is not None:
            return outcome
    return None


def _zero_mentions(reader: FrenchSentence, earlier: list[Mention]) -> list[Mention]:
    """'aucun mort', 'ni mort ni blessé', "aucun d'entre eux n'a été blessé": counts of 0."""
    found = []
    words, tokens = reader.words, reader.tokens
    for i in range(len(words)):
        zero = match(reader.lex.zero_patterns, words, i)
        victims = "people"
        lex = reader.lex
        pronoun = words[i] in lex.zero_pronouns
        sentence_subject = pronoun and (i == 0 or tokens[i - 1].pos_ == "PUNCT")
        if zero is None and (words[i] in lex.zero_determiners or sentence_subject):
            zero = _negated_participle(reader, i)
            if zero is not None and earlier:
                victims = earlier[-1].victims
        if zero is None:
            continue
        outcome, end = zero
        found.append(reader.mention(i, end - 1, Count(0, "exact"), outcome, victims))
    return found


def _negated_participle(reader: FrenchSentence, i: int) -> tuple[str, int] | None:
    negated = False
    for k in range(i + 1, min(len(reader.words), i + 9)):
        word = reader.words[k]
        negated = negated or word in reader.lex.negations
        outcome = reader.lex.harm_participles.get(word)
        if outcome is not None and negated:
            return outcome, k + 1
        if reader.tokens[k].pos_ == "VERB":
            return None
    return None
