"""Who states each casualty count, from raw text and sentence spans alone.

An attribution ("selon X", ", a indiqué X", "X a annoncé", "de source X") names
the source of every claim of its sentence; back-references ("l'ONG", "selon
lui", "la même source") resolve to a source met earlier in the document;
someone who speaks for an institution ("un porte-parole de la police") is the
institution. Plain string work with a few regular expressions per sentence, so
that it stays well under a millisecond per document.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan.lang import LANGUAGES, alternation, load_lexicon
from bilan.records import Source
from bilan.resolve.datelines import find_dateline

log = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9\-]{1,15})\s*\)")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# Punctuation that ends a source's noun phrase; parentheses do not, so that an
# acronym after the full name stays with it.
# A dot after a lone capital abbreviates ("The U.N. human rights office").
_PHRASE_END = re.compile(r"[,;:!?«»\"“”\n•]|(?<!\b[A-Z])\.")
_QUOTES = '«»"“”'
_HEADLINE = re.compile(r"\s*[-–]\s[^\n]{1,100}?\s[-–](?=\S)")
# Words before an acronym that describe its organisation ("the charity World Central Kitchen").
_DESCRIPTION_WORDS = 6
# Headlines glued to the body ("Maladie de KawasakiL'OMS a indiqué").
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[LD]')")


def normalise_source_name(name: str, lang: str | None = None) -> str:
    """A source name reduced for comparison: lower case, no accents, no articles.

    Hyphens count as spaces, so "Jean-Marc" equals "Jean Marc" and "état-major"
    equals "état major". Without `lang`, the articles of every language are
    stripped (the scorer compares names without knowing their language), but a
    word written in capitals is an acronym, not an article: "the UN" keeps "un".
    """
    articles = _articles(lang)
    acronyms = {_fold(w) for w in re.split(r"[\s'’-]+", name) if len(w) > 1 and w.isupper()}
    return " ".join(t for t in _fold(name).split() if t not in articles or t in acronyms)


@cache
def _articles(lang: str | None) -> frozenset[str]:
    languages = LANGUAGES if lang is None else (lang,)
    return frozenset(
        word for code in languages for word in load_lexicon(code, "sources")["articles"]
    )


def resolve_sources(
    text: str,
    sentences: list[tuple[int, int]],
    claims: list[tuple[int, int, int]],
    lang: str = "fr",
) -> list[Source | None]:
    """One Source (or None) per claim, in the order of `claims`.

    `sentences` are character spans (start, end exclusive) of the document's
    sentences, as `bilan.sentences.split_sentences` gives them; each claim is
    (sentence index, start, end), the character span of its quote in `text`.
    """
    lex = _lexicon(lang)
    found = _attributions(text, sentences, lex)
    out: list[Source | None] = []
    for index, start, end in claims:
        if not 0 <= index < len(sentences):
            log.warning("claim %d-%d names sentence %d of %d", start, end, index, len(sentences))
            out.append(None)
            continue
        out.append(_claim_source(text, sentences, found, index, start, end, lex))
    return out


@dataclass(frozen=True, slots=True)
class _Attribution:
    """What an attribution phrase names, and where the phrase sits in the document."""

    start: int
    end: int
    source: Source | None


@dataclass(frozen=True, slots=True)
class _Entity:
    """A source, or a source-like subject, kept for later back-references."""

    source: Source
    person: bool


@dataclass(frozen=True, slots=True)
class _Phrase:
    """An attribution phrase found in a sentence (offsets within the sentence).

    `kind` is "np" for a noun phrase, "pronoun" for a subject pronoun, "report"
    for what follows "selon" (which may be a report whose author is the source).
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """A language's sources.json, compiled."""

    lang: str
    data: dict[str, Any]
    preposition: re.Pattern[str]
    inverted: re.Pattern[str]
    preverbal: re.Pattern[str]
    clause_subject: re.Pattern[str]
    pronoun_verb: re.Pattern[str]
    source_phrase: re.Pattern[str]
    agent: re.Pattern[str]
    skips: re.Pattern[str]
    stops: frozenset[str]
    keep_after: dict[str, frozenset[str]]
    keep_in_names: frozenset[str]
    roles: tuple[re.Pattern[str], ...]
    role_markers: frozenset[str]
    institutions: frozenset[str]
    sub_units: frozenset[str]
    trailing: re.Pattern[str]
    dropped_adjectives: frozenset[str]
    report_nouns: frozenset[str]
    report_back_nouns: frozenset[str]
    official: frozenset[str]
    author: re.Pattern[str]
    same: frozenset[str]
    pronouns: frozenset[str]
    typed: dict[str, tuple[str, ...]]
    titles: frozenset[str]
    organisations: dict[str, tuple[str | None, str]]
    organisation_in: re.Pattern[str]
    types: re.Pattern[str]
    type_of_keyword: dict[str, tuple[int, str]]
    particles: frozenset[str]
    possessives: frozenset[str]
    openers: frozenset[str]
    ignored_adjectives: tuple[str, ...]
    quantity_openers: tuple[str, ...]
    determiner: re.Pattern[str]
    subject_article: re.Pattern[str]
    bare_determiners: frozenset[str]
    definite: frozenset[str]
    name_joiners: frozenset[str]
    object_openers: tuple[str, ...]
    contractions: dict[str, str]
    role_article: str
    bare_subjects: bool
    relative_openers: frozenset[str]
    conjunction: re.Pattern[str]
    subject_complements: frozenset[str]
    passive: re.Pattern[str] | None
    owned: re.Pattern[str] | None


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = load_lexicon(lang, "sources")
    verbs = data["speech_verbs"]
    adverb_run = rf"(?:\s+{alternation(verbs['adverbs'])})*"
    flexible = adverb_run + r"\s+"
    participle = alternation(verbs["participles"], flexible)
    present = alternation(verbs["present"], flexible)
    aux = alternation(verbs["auxiliaries"])
    finite = rf"(?:{aux}{adverb_run}\s+{participle}|{present})"
    stops = data["noun_phrase_stops"]
    report = data["report_nouns"]
    back = data["back_references"]
    skip_words = alternation(data["inverted_subject_skips"]["words"])
    phrase = data["source_phrase"]
    organisations: dict[str, tuple[str | None, str]] = {}
    for org in data["organisations"]:
        for name in org["names"]:
            organisations[normalise_source_name(name, lang)] = (org.get("short"), org["type"])
    keywords = {_fold(k): (rank, kind) for rank, (k, kind) in enumerate(reversed(data["types"]))}
    grammar = data["grammar"]
    roles = alternation(data["roles"]["words"])
    return _Lexicon(
        lang=lang,
        data=data,
        preposition=re.compile(
            rf"(?<![\w-]){alternation(data['prepositions'])}\s+"
            rf"(?!{alternation(data['relative_pronouns'])}\b)",
            re.IGNORECASE,
        ),
        # ", a indiqué lundi l'OSDH", "», affirme l'armée": the verb opens its clause.
        inverted=re.compile(rf"(?:^|[,»\"”])\s*{finite}\b(?!-t-)", re.IGNORECASE),
        preverbal=re.compile(rf"(?<![\w'-]){finite}\b(?!-t-)", re.IGNORECASE),
        # "..., affirmant avoir tué", "et affirmé avoir capturé", "après avoir annoncé
        # que": the speaker is the subject of the sentence.
        clause_subject=re.compile(
            rf"(?:,\s*{alternation(verbs['gerunds'])}"
            rf"|\bet{adverb_run}\s+{participle}"
            rf"|\b{alternation(data['infinitive_perfect'])}{adverb_run}\s+{participle})\b",
            re.IGNORECASE,
        ),
        # How a subject pronoun attaches to a speech verb differs by language
        # ("a-t-il indiqué", ", he said"): the lexicon gives the pattern.
        pronoun_verb=re.compile(
            grammar["pronoun_verb"]
            .replace("{aux}", aux)
            .replace("{adverbs}", adverb_run)
            .replace("{participle}", participle)
            .replace("{present}", present)
            .replace("{finite}", finite),
            re.IGNORECASE,
        ),
        source_phrase=re.compile(
            rf"(?:{alternation(phrase['after'])})\s+{phrase['link']}\s+"
            rf"(?P<np>(?:même\s+)?{alternation(phrase['nouns'])}\b[^,.;:!?«»\"“”()]*)",
            re.IGNORECASE,
        ),
        agent=re.compile(
            rf"\b{alternation(data['agent_participles'])}\b[^,.;:]{{0,40}}?\b{grammar['agent_marker']}\s+",
            re.IGNORECASE,
        ),
        skips=re.compile(
            rf"(?:\s|,|\d{{1,2}}\b|{skip_words}\b"
            rf"|{grammar['inverted_object']})+",
            re.IGNORECASE,
        ),
        stops=frozenset(stops["words"]),
        keep_after={k: frozenset(v) for k, v in stops["keep_after"].items() if k != "_comment"},
        keep_in_names=frozenset(stops["keep_in_names"]["words"]),
        roles=tuple(
            re.compile(pattern.replace("{roles}", roles), re.IGNORECASE)
            for pattern in grammar["role_patterns"]
        ),
        role_markers=frozenset(grammar["role_markers"]),
        institutions=frozenset(_fold(w) for w in data["roles"]["institutions"]),
        sub_units=frozenset(_fold(w) for w in data["sub_units"]["words"]),
        trailing=re.compile(
            rf"\s+{alternation(data['trailing_complements']['phrases'])}(?!\w).*$", re.IGNORECASE
        ),
        dropped_adjectives=frozenset(data["dropped_adjectives"]),
        report_nouns=frozenset(report["nouns"]),
        report_back_nouns=frozenset(report["back_reference_nouns"]),
        official=frozenset(report["official_adjectives"]),
        author=re.compile(
            rf"(?:^|\s)(?P<marker>{alternation(report['author_markers'])})(?:\s+|(?<='))",
            re.IGNORECASE,
        ),
        same=frozenset(back["same"]),
        pronouns=frozenset(back["pronouns"]),
        typed={k: tuple(v) for k, v in back["typed_nouns"].items()},
        titles=frozenset(back["titles_need_earlier_mention"]),
        organisations=organisations,
        organisation_in=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(n) for n in sorted(organisations, key=len, reverse=True))
            + r")(?!\w)"
        ),
        # A keyword may carry an English possessive: "the prosecutor's office".
        types=re.compile(
            r"(?<![\w'])(?:"
            + "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
            + r")(?!\w)(?!'(?!s\b|\s|$))"
        ),
        type_of_keyword=keywords,
        particles=frozenset(data["name_particles"]),
        possessives=frozenset(data["possessives"]),
        openers=frozenset(data["non_subject_openers"]),
        ignored_adjectives=tuple(phrase["ignored_adjectives"]),
        quantity_openers=tuple(w + " " for w in data["quantity_openers"]),
        determiner=re.compile(
            alternation(grammar["determiners"], r"\s+") + r"(?:(?<=')|\s)", re.IGNORECASE
        ),
        subject_article=re.compile(
            alternation(grammar["subject_articles"]) + r"(?:(?<=')|\s)", re.IGNORECASE
        ),
        bare_determiners=frozenset(grammar["bare_determiners"]),
        definite=frozenset(grammar["definite"]),
        # Words after which a capitalised word belongs to a description, not a name
        # ("le ministère de la Santé").
        name_joiners=frozenset(grammar["name_joiners"]),
        object_openers=tuple(grammar["object_openers"]),
        contractions=grammar["contractions"],
        role_article=grammar["role_article"],
        # English lets a bare plural be a subject ("police said", "residents said").
        bare_subjects=grammar["bare_subjects"],
        # A segment opening with a relative pronoun is a clause, not a subject.
        relative_openers=frozenset(grammar["relative_openers"]),
        conjunction=re.compile(alternation(grammar["clause_conjunctions"]) + r"\s+", re.I),
        subject_complements=frozenset(grammar["subject_complements"]),
        passive=re.compile(grammar["passive_before"], re.I) if grammar["passive_before"] else None,
        owned=re.compile(grammar["owned_name"]) if grammar["owned_name"] else None,
    )


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, no elided articles, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(
        c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cc"
    )
    text = re.sub(r"(?<!\w)[ld]'\s*", "", text)
    return " ".join(text.replace("-", " ").split())


def _attributions(
    text: str, sentences: list[tuple[int, int]], lex: _Lexicon
) -> list[list[_Attribution]]:
    """The resolved attribution phrases of every sentence, in document order."""
    history: list[_Entity] = []
    by_sentence: list[list[_Attribution]] = []
    straight = text.translate(_APOSTROPHES)  # one character for one: offsets hold
    dateline = find_dateline(straight)
    if dateline is not None:
        # "BAMAKO, 18 July 2018 - MINUSMA documented": the issuer opens the sentence.
        straight = (
            straight[: dateline.start]
            + " " * (dateline.end - dateline.start)
            + straight[dateline.end :]
        )
    # Phrases and subjects depend on the sentence alone: a repeated sentence (a
    # boilerplate line, a long file of reports) is analysed once.
    seen: dict[str, tuple[_Entity | None, list[_Phrase]]] = {}
    for start, end in sentences:
        sentence = straight[start:end]
        if sentence not in seen:
            seen[sentence] = (_subject_entity(sentence, lex), _phrases(sentence, lex))
        subject, phrases = seen[sentence]
        found: list[_Attribution] = []
        for phrase in phrases:
            entity = _resolve(phrase, sentence, history, lex)
            if entity is not None:
                history.append(entity)
            source = entity.source if entity else None
            found.append(_Attribution(start + phrase.start, start + phrase.end, source))
        # Added after the sentence's own attributions: a pronoun subject refers back
        # to earlier sentences, never to its own sentence's opening noun.
        if subject is not None and not found:
            history.append(subject)
        by_sentence.append(found)
    return by_sentence


def _claim_source(
    text: str,
    sentences: list[tuple[int, int]],
    found: list[list[_Attribution]],
    index: int,
    start: int,
    end: int,
    lex: _Lexicon,
) -> Source | None:
    if end <= sentences[index][0] + _headline_length(
        text[sentences[index][0] : sentences[index][1]]
    ):
        return None
    candidates = found[index] or _continued_quote(text, sentences, found, index)
    if not candidates and index > 0 and _refers_to_previous(text[start:end], lex):
        candidates = found[index - 1]
    named = [a for a in candidates if a.source is not None]
    if not named:
        return None
    return min(named, key=lambda a: max(a.start - end, start - a.end, 0)).source


def _headline_length(sentence: str) -> int:
    """Length of an intertitle glued to the sentence ("- 449.000 morts -La pandémie...").

    The outlet writes intertitles itself: the body's attribution does not cover them.
    """
    match = _HEADLINE.match(sentence)
    return match.end() if match else 0


def _refers_to_previous(quote: str, lex: _Lexicon) -> bool:
    """A partitive count ("22 d'entre eux") continues the previous sentence's claim."""
    return any(p in quote.lower() for p in lex.data["partitive_back_references"])


def _continued_quote(
    text: str, sentences: list[tuple[int, int]], found: list[list[_Attribution]], index: int
) -> list[_Attribution]:
    """The attribution of a quotation that opens in sentence `index` and closes later."""
    sentence = text[sentences[index][0] : sentences[index][1]]
    if sentence.count('"') % 2 == 0 and sentence.count("«") <= sentence.count("»"):
        return []
    for later in range(index + 1, min(index + 4, len(sentences))):
        if any(c in text[sentences[later][0] : sentences[later][1]] for c in '»"”'):
            return found[later]
    return []


def _phrases(sentence: str, lex: _Lexicon) -> list[_Phrase]:
    """The attribution phrases of a sentence, in text order, none overlapping."""
    phrases: list[_Phrase] = []

    def add(start: int, end: int, text: str, kind: str) -> None:
        if text and not any(p.start < end and start < p.end for p in phrases):
            phrases.append(_Phrase(start, end, text, kind))

    for match in lex.pronoun_verb.finditer(sentence):
        pronoun = next(g for g in match.group("p1", "p2", "p3", "p4") if g)
        if pronoun.lower() != "on":
            add(match.start(), match.end(), pronoun.lower(), "pronoun")
    for match in lex.source_phrase.finditer(sentence):
        text = _cut(match.group("np"), lex)
        rest = text.lower().split(" ", 1)[1:]
        if not (rest and rest[0].startswith(lex.ignored_adjectives)):
            add(match.start("np"), match.start("np") + len(text), text, "np")
    for match in lex.preposition.finditer(sentence):
        window = _window(sentence, match.end())
        add(match.start(), match.end() + len(window), window, "report")
    for match in lex.agent.finditer(sentence):
        text = _noun_phrase(sentence, match.end(), lex)
        add(match.end(), match.end() + len(text), text, "np")
    for match in lex.inverted.finditer(sentence):
        skipped = lex.skips.match(sentence, match.end())
        at = skipped.end() if skipped else match.end()
        text = _noun_phrase(sentence, at, lex)
        if text and _opens_noun_phrase(text, lex):
            add(match.start(), at + len(text), text, "np")
    for match in lex.preverbal.finditer(sentence):
        if lex.passive and lex.passive.search(sentence, 0, match.start()):
            continue  # "no casualties were reported": nobody is said to speak
        subject = _subject_before(sentence, match.start(), lex)
        if subject is not None:
            add(subject[0], match.end(), subject[1], "np")
    # The weakest cue: only when the sentence gives no other.
    if not phrases and lex.clause_subject.search(sentence):
        opening = _sentence_subject(sentence, lex)
        if opening:
            add(0, len(opening), opening, "np")
    phrases.sort(key=lambda p: p.start)
    return phrases


def _window(sentence: str, at: int) -> str:
    """The text from `at` to the next phrase-ending punctuation."""
    end = _PHRASE_END.search(sentence, at)
    return sentence[at : end.start() if end else len(sentence)].strip()


def _noun_phrase(sentence: str, at: int, lex: _Lexicon) -> str:
    """The noun phrase starting at `at`, with a parenthesised acronym that closes it."""
    window = _window(sentence, at)
    acronym = _ACRONYM.search(window)
    if acronym and len(window[: acronym.start()].split()) <= 14:
        return window[: acronym.end()]
    return _cut(window, lex)


def _cut(window: str, lex: _Lexicon) -> str:
    """`window` up to the first word that cannot belong to a source's name."""
    words = window.split()
    in_name = len(words) > 1 and bool(
        _CAPITAL.match(words[1] if lex.determiner.match(window) else words[0])
    )
    kept: list[str] = []
    for word in words:
        bare = word.lower()
        if kept and (
            bare in lex.stops or bare[:1].isdigit() or bare.startswith(("qu'", "n'", "s'"))
        ):
            keep = lex.keep_after.get(bare)
            if not (keep and kept[-1].lower() in keep) and not (
                in_name and bare in lex.keep_in_names
            ):
                break
        if "(" in word and not _ACRONYM.search(word):
            break
        kept.append(word)
    return " ".join(kept)


def _opens_noun_phrase(text: str, lex: _Lexicon) -> bool:
    """Whether text after an inverted verb is its subject (not an object "de ...")."""
    first = text.split()[0].lower()
    if lex.determiner.match(text + " "):
        return True
    if first in lex.openers or first.startswith(lex.object_openers):
        return first in lex.pronouns
    return first not in lex.possessives and _CAPITAL.match(text) is not None


def _subject_before(sentence: str, verb: int, lex: _Lexicon) -> tuple[int, str] | None:
    """The noun phrase ending right before a speech verb: the last comma segment
    that opens one ("A Khartoum, le syndicat des médecins a recensé")."""
    position = verb
    segments = sentence[:verb].split(",")
    for number, segment in reversed(list(enumerate(segments))):
        position -= len(segment)
        seg_start = position
        position -= 1
        parts = _GLUED.split(segment)
        seg_start += len(segment) - len(parts[-1])
        candidate = parts[-1].strip().strip(_QUOTES).strip()
        joined = lex.conjunction.match(candidate)
        if joined:  # ", and the United Nations says": the clause's subject follows
            candidate = candidate[joined.end() :]
        # "a police officer at the scene told Reuters": the place is no part of the name.
        candidate = lex.trailing.sub("", candidate).strip()
        if not candidate:
            continue
        first = candidate.split()[0].lower()
        bare = lex.bare_subjects and first not in lex.openers and _type_of(candidate, lex)
        if not bare and (
            first in lex.openers
            or not (lex.determiner.match(candidate) or _CAPITAL.match(candidate))
        ):
            if first in lex.relative_openers or not _CAPITAL.match(candidate):
                continue
            return None
        phrase = _noun_phrase(candidate, 0, lex)
        rest = candidate[len(phrase) :].split()
        # "A doctor at a makeshift hospital in Douma told AFP": where the speaker is.
        located = bool(rest) and rest[0].lower() in lex.subject_complements
        # "An estimated 2.6 million": a determiner alone names nobody.
        if (len(phrase) < len(candidate) - 1 and not located) or (
            phrase.lower() in lex.bare_determiners
        ):
            return None
        person = segments[number - 1].strip() if number else ""
        if (
            lex.determiner.match(phrase + " ")
            and _is_person(person, lex)
            and person.split()[0].lower() not in lex.openers
            and _role_rest(phrase, lex) is None
        ):
            # "Babagana Modu, the chairman of the council, told Reuters": the description
            # is an apposition to the person who speaks (a spokesperson's stands for
            # the institution).
            return sentence.rfind(person, 0, seg_start), person
        return seg_start + segment[len(segment) - len(parts[-1]) :].find(candidate[:5]), phrase
    return None


def _sentence_subject(sentence: str, lex: _Lexicon) -> str:
    """The noun phrase opening the sentence, or "" when it opens otherwise."""
    first = sentence.split()[0].lower() if sentence.split() else ""
    if first in lex.openers or not (lex.determiner.match(sentence) or _CAPITAL.match(sentence)):
        return ""
    if first[:1].isdigit() or sentence.lower().startswith(lex.quantity_openers):
        return ""
    return _noun_phrase(sentence, 0, lex)


def _subject_entity(sentence: str, lex: _Lexicon) -> _Entity | None:
    """The sentence's opening subject when it names a source-like body ("Les pompiers")."""
    head = _GLUED.split(sentence.lstrip("•-–— "))[-1]
    first = head.split()[0].lower() if head.split() else ""
    if first in lex.openers or not lex.subject_article.match(head):
        return None
    phrase = _noun_phrase(head, 0, lex)
    if len(phrase.split()) > 8:
        return None
    entity = _entity(phrase, "", [], lex)
    if entity is None or entity.source.type in (None, "other"):
        return None
    return entity


def _resolve(
    phrase: _Phrase, sentence: str, history: list[_Entity], lex: _Lexicon
) -> _Entity | None:
    if phrase.kind == "pronoun":
        return history[-1] if history else None
    author = _report_author(phrase.text, history, lex)
    if author is not None:
        return author[0]
    if phrase.kind == "report":
        text = _noun_phrase(phrase.text, 0, lex)
        return _entity(text, sentence[sentence.find(text) + len(text) :], history, lex)
    entity = _entity(phrase.text, sentence[phrase.end :], history, lex)
    if entity is not None and entity.source.name.lower() in lex.typed:
        # "Seven aid workers with the charity World Central Kitchen (WCK) were killed,
        # the group said": a typed noun nothing earlier resolves names the
        # organisation its own sentence introduced.
        introduced = list(_ACRONYM.finditer(sentence, 0, phrase.start))
        if introduced:
            name = introduced[-1].group(1)
            described = " ".join(sentence[: introduced[-1].start()].split()[-_DESCRIPTION_WORDS:])
            kind = _type_of(described, lex) or _type_of(name, lex)
            return _Entity(Source(name, kind), False)
    return entity


def _report_author(
    window: str, history: list[_Entity], lex: _Lexicon
) -> tuple[_Entity | None] | None:
    """Who wrote the report `window` opens with ("un bilan établi par l'AFP").

    None when `window` is no report; (None,) when it is one with no author, such
    as the outlet's own "dernier bilan".
    """
    words = window.split()
    heads = [i for i, w in enumerate(words[:4]) if w.lower() in lex.report_nouns]
    if not heads:
        return None
    head = heads[0]
    rest = " ".join(words[head + 1 :])
    author = lex.author.search(rest)
    if author and len(rest[: author.start()].split()) <= 4:
        name = _noun_phrase(rest, author.end(), lex)
        if name:
            marker = author.group("marker").lower()
            return (_entity(_with_article(marker, name, lex), "", history, lex),)
    described = [w for w in words[head + 1 :] if w.lower() in lex.official]
    if described:
        return (_entity(" ".join([words[head], *described]), "", history, lex),)
    if words[head].lower() in lex.report_back_nouns and words[0].lower() in lex.definite:
        return (history[-1] if history else None,)
    return (None,)


def _with_article(marker: str, name: str, lex: _Lexicon) -> str:
    """Turn the contracted article of "du ministère" back into "le ministère"."""
    if lex.determiner.match(name + " "):
        return name
    return lex.contractions.get(marker, "") + name


def _entity(phrase: str, after: str, history: list[_Entity], lex: _Lexicon) -> _Entity | None:
    """The source a noun phrase names; `after` is the sentence text that follows it."""
    phrase = phrase.strip().strip(_QUOTES).strip()
    lower = phrase.lower()
    if not phrase or lower.split()[0] in lex.possessives:
        return None
    if lower in lex.pronouns or lower in lex.same:
        return history[-1] if history else None
    words = lower.split()
    typed = lower
    if lower not in lex.typed and len(words) == 3 and "'" not in words[1]:
        # "the Britain-based monitor" refers back as "the monitor" does; "the
        # territory's health ministry" names one.
        typed = f"{words[0]} {words[2]}"
    if typed in lex.typed:
        earlier = _last_of(history, lex.typed[typed], typed in lex.titles)
        if earlier is not None:
            return earlier
    surname = _by_surname(phrase, history)
    if surname is not None:
        return surname
    rest = _role_rest(phrase, lex)
    if rest is not None:
        institution = _institution(rest, lex)
        if institution is not None:
            return _entity(institution, "", history, lex)
    unit = _parent_organisation(phrase, lex)
    if unit is not None:
        return unit
    appositive = _appositive(after)
    if appositive is not None and _is_person(phrase, lex):
        rest = _role_rest(lex.role_article + appositive, lex)
        institution = _institution(rest, lex) if rest is not None else None
        if institution is not None:
            return _entity(institution, "", history, lex)
        return _named(phrase, appositive, lex)
    if appositive is not None and _is_person(appositive, lex) and not _is_person(phrase, lex):
        return _named(appositive, phrase, lex)
    return _named(phrase, phrase, lex)


def _by_surname(phrase: str, history: list[_Entity]) -> _Entity | None:
    """A person named earlier in full, now by surname alone ("Modu" for "Babagana Modu")."""
    if " " in phrase or not _CAPITAL.match(phrase):
        return None
    for entity in reversed(history):
        if entity.person and entity.source.name.split()[-1] == phrase:
            return entity
    return None


def _role_rest(phrase: str, lex: _Lexicon) -> str | None:
    """What a role speaks for ("de la police" of "un porte-parole de la police"), if
    the phrase is a role."""
    for pattern in lex.roles:
        role = pattern.fullmatch(phrase)
        if role:
            return role.group("rest")
    return None


def _last_of(history: list[_Entity], kinds: tuple[str, ...], person: bool) -> _Entity | None:
    """The latest entity of one of `kinds` (any kind if empty); a title wants a person."""
    for entity in reversed(history):
        if kinds and entity.source.type not in kinds:
            continue
        if person and not entity.person:
            continue
        return entity
    return None


def _institution(rest: str, lex: _Lexicon) -> str | None:
    """The institution a role's complement names ("de la police de Kaduna"), if any."""
    found = lex.organisation_in.search(normalise_source_name(rest, lex.lang))
    if found is not None:
        short = lex.organisations[found.group(0)][0]
        if short:
            return short
        # An organisation closing the complement is named as the text writes it.
        words = rest.split()
        if normalise_source_name(words[-1], lex.lang) != found.group(0).split()[-1]:
            return None
        return " ".join(words[-len(found.group(0).split()) :])
    marker, _, name = rest.partition(" ")
    if "'" in marker:  # an elided preposition: "d'Alep"
        marker, name = rest[: marker.index("'") + 1], rest[marker.index("'") + 1 :]
    if marker.lower() not in lex.role_markers:  # "the governor's spokesman": no preposition
        marker, name = "", rest
    name = _with_article(marker.lower(), name.strip(), lex)
    words = [w for w in _fold(name).split() if w not in _articles(lex.lang)]
    # The head noun opens a French name ("la police nationale") and closes an
    # English one ("the provincial police").
    if words and (words[0] in lex.institutions or words[-1] in lex.institutions):
        return name
    return None


def _parent_organisation(phrase: str, lex: _Lexicon) -> _Entity | None:
    """A sub-unit named by its organisation: "le bureau des droits de l'homme de l'ONU"."""
    folded = _fold(phrase).split()
    if _ACRONYM.search(phrase) or len(folded) < 3:
        return None
    head = 1 if folded[0] in _articles(lex.lang) else 0
    if folded[head] not in lex.sub_units or _CAPITAL.match(phrase.split()[head]):
        return None
    normal = normalise_source_name(phrase, lex.lang)
    for name, (short, kind) in lex.organisations.items():
        if short and normal.endswith(" " + name):
            return _Entity(Source(short, kind), False)
    return None


def _appositive(after: str) -> str | None:
    """Text set off by a comma right after a phrase (", porte-parole de l'hôpital")."""
    match = re.match(r"\s*,\s*([^,.;:!?«»\"“”()]+)", after)
    return match.group(1).strip() if match else None


def _is_person(phrase: str, lex: _Lexicon) -> bool:
    """Two to five capitalised words, with name particles: a person's name."""
    words = phrase.split()
    if not 2 <= len(words) <= 5 or normalise_source_name(phrase, lex.lang) in lex.organisations:
        return False
    if any(w.isupper() and len(w) > 1 for w in words) or not _CAPITAL.match(words[-1]):
        return False
    return _CAPITAL.match(words[0]) is not None and all(
        _CAPITAL.match(w) or w.lower().split("-")[0] in lex.particles for w in words
    )


def _named(phrase: str, description: str, lex: _Lexicon) -> _Entity | None:
    """The entity a name-bearing phrase stands for: its acronym, trailing name, or itself."""
    phrase = _drop_adjectives(lex.trailing.sub("", phrase).strip(" ,"), lex)
    if not phrase:
        return None
    normal = normalise_source_name(_ACRONYM.sub("", phrase), lex.lang)
    known = lex.organisations.get(normal)
    if known and known[0]:
        return _Entity(Source(known[0], known[1]), False)
    acronym = _ACRONYM.search(phrase)
    if acronym:
        kind = _type_of(phrase[: acronym.start()], lex) or _type_of(acronym.group(1), lex)
        return _Entity(Source(acronym.group(1), kind), False)
    owned = lex.owned.fullmatch(phrase) if lex.owned else None
    # "Afghanistan's interior ministry", "the health ministry of the Houthi movement":
    # the body's own name is the shorter one.
    name = owned.group("name") if owned else _trailing_name(phrase, lex) or phrase
    person = _is_person(name, lex)
    kind = _type_of(description, lex) or _type_of(name, lex)
    if kind is None and person:
        kind = lex.data["person_default_type"]
    return _Entity(Source(name, kind), person)


def _drop_adjectives(phrase: str, lex: _Lexicon) -> str:
    """Without "dernier", "provisoire" and the like, which date rather than name."""
    words = phrase.split()
    return " ".join(w for i, w in enumerate(words) if i == 0 or w not in lex.dropped_adjectives)


def _trailing_name(phrase: str, lex: _Lexicon) -> str | None:
    """The proper name closing a description: "l'ONG Indepaz", "le ministre de la Santé
    Eteni Longondo" (a capital right after an article belongs to the description)."""
    words = phrase.split()
    # An article opens the description, or it opens lower-case without one
    # ("state news agency SANA").
    if len(words) < 2 or not (
        lex.determiner.match(phrase + " ") or any(w.islower() for w in words[:-1])
    ):
        return None
    run = len(words)
    while run > 1 and _CAPITAL.match(words[run - 1]):
        run -= 1
    if run == len(words) or words[run - 1].lower() in lex.bare_determiners:
        return None
    if words[run - 1].lower() in lex.name_joiners:
        run += 1
        if len(words) - run < 2:
            return None
    return " ".join(words[run:])


def _type_of(phrase: str, lex: _Lexicon) -> str | None:
    """The source type of a name: a known organisation's, else its highest-ranked keyword's."""
    normal = normalise_source_name(_ACRONYM.sub("", phrase), lex.lang)
    known = lex.organisations.get(normal)
    if known:
        return known[1]
    ranked = [lex.type_of_keyword[m.group(0)] for m in lex.types.finditer(_fold(phrase))]
    if ranked:
        return max(ranked)[1]
    found = lex.organisation_in.search(normal)
    return lex.organisations[found.group(0)][1] if found else None
