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
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.extensions import CountSpan, Mention
from bilan.grammar.syntax import SentenceEntities, SyntacticReader, grammar
from bilan.records import Count
from bilan.rules.english import EnglishSentence, read_english
from bilan.rules.lexicon import EnglishLexicon, casualty_lexicon, cue_flags, match
from bilan.rules.reader import Head, SentenceReader


class CasualtyFinder:
    """Turns the doc's count expressions into casualty mentions, with the grammar of the
    doc's language: English has its own reader (`bilan.rules.english`), every other
    language the French one, each driven by its lexicon. `ner`: the pipeline's entity
    recogniser when it is loaded but not run, called on demand (see `SentenceEntities`)."""

    def __init__(self, ner: Callable[[Doc], Doc] | None = None) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        lex = casualty_lexicon(doc.lang_)
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
            tokens = list(span)
            if isinstance(lex, EnglishLexicon):
                read = read_english(EnglishSentence(lex, tokens, local, index), found)
            else:
                read = read_sentence(SentenceReader(lex, tokens, local, index), found)
            syntax = SyntacticReader(lex, grammar(doc.lang_), tokens, local, index, found,
                                     doc.text, spans, SentenceEntities(span, self.ner))
            first = len(found)
            found.extend(m for m in read if not syntax.not_a_claim(m))
            if doc.has_annotation("DEP"):
                found.extend(syntax.mentions())
                for mention in found[first:]:
                    mention.victims = syntax.typed(mention)
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
        rate = span.start > 0 and words[span.start - 1] in reader.lex.rate_prepositions
        if rate and _power_of_ten(span):
            continue  # "143 cas pour 100.000 habitants": the base of a rate, not a toll
        head = reader.heads[span.start]
        if head is not None and match(reader.lex.comparison, words, head.end) is not None:
            continue  # "avec dix décès de plus qu'en 2018": a difference, not people
        opener = _breakdown_opener(reader, span.start)
        context = mentions[-1] if mentions else (earlier[-1] if earlier else None)
        if head is None:
            headless = _headless(reader, span, opener, mentions, context)
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
        opener = opener or apposed or _after_colon(reader, span, mentions)
        coordinated = previous is not None and reader.coordinated(previous[1].end, span.start)
        outcome = head.outcome
        second = None
        predicate = None
        if opener and mentions and outcome is None:
            outcome = mentions[-1].outcome
        if outcome is None and among is not None and head.known:
            outcome = among  # "Parmi les morts figurent ...": the sentence says how
        joined = _joins_a_toll(reader, head) if outcome is None and head.known else None
        outcome = outcome or joined
        if outcome is None:
            predicate = reader.predicate_of(span, head)
            if predicate is not None:
                predicate = reader.final(predicate)
                outcome = predicate.outcome
                second = reader.chained(predicate)
        qualified = head.end < len(words) and reader.tokens[head.end].pos_ in ("VERB", "ADJ")
        if outcome is None and coordinated and previous is not None and previous[2]:
            # "six morts et 464 personnes contaminées": a participle of its own says otherwise;
            # "8 décès et 15 patients en réanimation": a harm noun's outcome is its own.
            shared = previous[1].outcome is None or not head.known or head.inherits
            outcome = previous[2] if shared and not qualified else None
        if outcome is None and among is not None:
            outcome = among
        # An unknown noun ("Gazaouis", "chiites") counts people only with a verb of harm.
        listed = opener or (coordinated and previous is not None and previous[3])
        # One person who flees is escaping, not displaced ("un jihadiste qui fuit").
        escaping = outcome == "displaced" and span.count.value == 1 and head.outcome is None
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
            victims = reader.victims_before(span.start) or (
                context.victims if context is not None else victims
            )
        elif (
            head.outcome is not None and victims == "people" and previous is not None
            and previous[2] and span.start > 0 and words[span.start - 1] == reader.lex.conjunction
            and top and top[-1].victims != "people"
        ):
            victims = top[-1].victims
        count = span.count
        carried = coordinated or reader.follows(mentions, span)  # "tuées et 30 blessées"
        if carried and previous is not None and not span.prefixed and previous[0].prefixed:
            if count.qualifier == "exact":
                count = Count(count.value, previous[0].count.qualifier)
        flags: set[str] = set()
        if opener or (coordinated and previous is not None and previous[3]):
            flags.add("breakdown")
        elif (among is not None or joined is not None) and head.outcome is None:
            flags.add("among")
        elif span.start > 0 and words[span.start - 1] == "(" and mentions:
            # "Tchoma Bangou (70 morts) et Zaroumdareye (30 morts)" break a toll down;
            # "suivis par le Brésil (46.510 morts)" ranks countries, each a toll of its own.
            if not any(word in reader.lex.ranking for word in words):
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
        if words[span.start] in reader.lex.pair_determiners:
            # "ses parents": people named by a description, harmed once, at first statement.
            name = "name:" + words[head.start]
            if any(name in m.flags and m.outcome == outcome for m in earlier + mentions):
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


def _name_apposed_victims(
    reader: SentenceReader, span: CountSpan, head: Head, mentions: list[Mention]
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


def _after_colon(reader: SentenceReader, span: CountSpan, mentions: list[Mention]) -> bool:
    """'Cinq proches ont été placés en garde à vue : ses parents et deux de ses frères': a
    list after a colon, with no verb of its own, details the toll stated before it."""
    words, tokens = reader.words, reader.tokens
    colon = next((k for k in range(span.start - 1, -1, -1) if words[k] == ":"), None)
    if colon is None or not any(m.end <= tokens[colon].idx for m in mentions):
        return False
    return all(tokens[k].pos_ not in ("VERB", "AUX") for k in range(colon + 1, span.start))


def _named_in_breakdown(reader: SentenceReader, mentions: list[Mention]) -> list[Mention]:
    """'plusieurs dizaines de jihadistes, dont l'émir d'Aqmi': one person of the toll."""
    words, tokens, lex = reader.words, reader.tokens, reader.lex
    found: list[Mention] = []
    for j in range(len(words) - 2):
        if words[j] not in lex.named_breakdown_openers or words[j + 1] not in lex.singular_articles:
            continue
        victim = match(lex.victims, words, j + 2)
        parents = [m for m in mentions if m.end <= tokens[j].idx and "breakdown" not in m.flags]
        if victim is None or not parents:
            continue
        last = tokens[victim[1] - 1]
        found.append(Mention(
            start=tokens[j + 1].idx, end=last.idx + len(last.text), sentence=reader.index,
            count=Count(1, "exact"), outcome=parents[-1].outcome, victims=victim[0],
            flags={"breakdown"},
        ))
    return found


def _distributive(reader: SentenceReader, mentions: list[Mention]) -> list[Mention]:
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
        last = tokens[end - 1]
        found.append(Mention(
            start=tokens[start].idx, end=last.idx + len(last.text), sentence=reader.index,
            count=Count(1, "exact"), outcome=pair.outcome, victims=pair.victims,
            flags={"breakdown"},
        ))
    return found


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
        phrase = match(lex.phrases, words, j)
        lost_life = phrase is not None and word in lex.lost_life_words
        if phrase is not None:
            outcome = phrase[0]  # "avait perdu la vie", "sera entendu en garde à vue"
        elif word in lex.intransitive:
            continue  # "X est mort" reads as often as an obituary as a casualty
        if outcome is None or word.endswith(lex.participle_plurals) or j < 2:
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
        auxiliaries = lex.singular_auxiliaries if passive or lost_life else lex.present_passive
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
        if subject is None or outcome == "displaced" or word in lex.passive_only:
            continue
        name = "name:" + tokens[subject[1] - 1].lower_
        is_name = tokens[subject[1] - 1].pos_ == "PROPN"
        # A new name is a new person; "l'homme" after a first harm is most likely them again.
        if name in names or (not is_name and outcome in outcomes):
            continue
        if _names_a_count(reader, subject[0], mentions):
            continue  # "Une humanitaire française, Sophie Pétronin, a été enlevée": one person
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
        if k > 0 and words[k - 1] in lex.articles:
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
    # "le commandant de la patrouille", "le chef du groupe": the head before its complement.
    head = k - 3 if words[k - 1] in lex.singular_articles else k - 2
    if head >= 1 and words[head + 1] in lex.noun_complements:
        if words[head - 1] in lex.definite and (words[head],) in lex.victims:
            return (head - 1, end)
    return None


def _questioned(reader: SentenceReader, j: int) -> bool:
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


def _person(reader: SentenceReader, subject: tuple[int, int], end: int, outcome: str) -> Mention:
    tokens, lex = reader.tokens, reader.lex
    victims = _apposed_role(reader, subject[0])
    for token in tokens[subject[0] : subject[1]]:
        victims = lex.victims.get((token.text.lower(),), victims)
        # "le chef du groupe", "le commandant de la police": the body says which side.
        if token.lower_ in lex.rebel_modifiers and victims == "people":
            victims = "rebels"
        elif token.lower_ in lex.security_modifiers and victims == "people":
            victims = "security_forces"
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


def _names_a_count(reader: SentenceReader, start: int, mentions: list[Mention]) -> bool:
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


def _apposed_role(reader: SentenceReader, start: int) -> str:
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
        role = match(reader.lex.victims, words, k)
        if role is not None and role[0] != "people":
            return role[0]
    return "people"


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
    reader: SentenceReader, span: CountSpan, opener: bool, mentions: list[Mention],
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
            if place > 0 and words[place - 1] in reader.lex.articles:
                place -= 1
            quoted = CountSpan(place, end + 1, span.count, span.prefixed)
            return _mention(reader, quoted, end + 1, listed[-1].outcome, listed[-1].victims,
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
    return None


def _toll_subject(reader: SentenceReader) -> tuple[str, str] | None:
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
        victim = match(lex.victims, words, i + 2)
        if victim is not None:
            for k in range(victim[1], min(len(words), victim[1] + 3)):
                if words[k] in lex.participles:
                    return lex.participles[words[k]], victim[0]
    return None


def _headless_ok(reader: SentenceReader, end: int) -> bool:
    """'dont plusieurs grièvement', 'dont deux graves', 'dont une vingtaine dans ...': a
    count with no noun."""
    if end >= len(reader.words):
        return True
    if match(reader.lex.comparison, reader.words, end) is not None:
        return False  # "soit 30 de moins que la veille": a difference, not people
    word = reader.words[end]
    return (
        word in reader.lex.headless
        or word in reader.lex.headless_end_words
        or reader.tokens[end].pos_ in ("ADP", "ADV", "ADJ")
    )


def _among_outcome(reader: SentenceReader, earlier: list[Mention]) -> str | None:
    """'Parmi les morts figurent ...', 'Parmi eux figurent ...': the outcome counts share."""
    words, lex = reader.words, reader.lex
    for i in range(len(words)):
        if match(lex.among_back, words, i) is not None and earlier:
            return earlier[-1].outcome
        if match(lex.among, words, i) is None:
            continue
        j = i + 2
        harm = match(lex.harm_nouns, words, j)
        if harm is not None:
            return harm[0]
        if j < len(words) and words[j] in lex.unspecified_victims:
            return earlier[-1].outcome if earlier else "killed"
        victim = match(lex.victims, words, j)
        if victim is not None and victim[1] < len(words):
            outcome = lex.participles.get(words[victim[1]])
            if outcome is not None:
                return outcome
    return None


def _joins_a_toll(reader: SentenceReader, head: Head) -> str | None:
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
        outcome = lex.participles.get(words[j]) or (harm[0] if harm is not None else None)
        if outcome is not None:
            return outcome
    return None


def _zero_mentions(reader: SentenceReader, earlier: list[Mention]) -> list[Mention]:
    """'aucun mort', 'ni mort ni blessé', "aucun d'entre eux n'a été blessé": counts of 0."""
    found = []
    words, tokens = reader.words, reader.tokens
    for i in range(len(words)):
        zero = match(reader.lex.zero, words, i)
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
        first, last = tokens[i], tokens[end - 1]
        found.append(Mention(start=first.idx, end=last.idx + len(last.text),
                             sentence=reader.index, count=Count(0, "exact"),
                             outcome=outcome, victims=victims))
    return found


def _negated_participle(reader: SentenceReader, i: int) -> tuple[str, int] | None:
    negated = False
    for k in range(i + 1, min(len(reader.words), i + 9)):
        word = reader.words[k]
        negated = negated or word in reader.lex.negations
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
    extensions.check_language(nlp)
    ner = nlp.get_pipe("ner") if "ner" in nlp.disabled else None
    return CasualtyFinder(ner)
