"""Who states each casualty count, from raw text and sentence spans alone.

An attribution ("selon X", ", a indiqué X", "X a annoncé", "de source X") names
a source for every claim of its sentence; back-references ("l'ONG", "selon lui",
"la même source") resolve to a source met earlier in the document; someone who
speaks for an institution ("un porte-parole de la police") is the institution.
Pure string work on purpose: no parser, a few regular expressions per sentence.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan import lexicons
from bilan.records import Source

log = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_ARTICLE_TOKENS = frozenset("le la les un une des du de".split())
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9\-]{1,11})\s*\)")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# Punctuation that always ends a source's noun phrase; parentheses do not, so
# that an acronym after the full name stays reachable.
_PHRASE_END = re.compile(r"[,.;:!?«»\"“”\n]")
_QUOTE_CHARS = "«»\"“”"


def normalise_source_name(name: str) -> str:
    """A source name reduced for comparison: lower case, no accents, no articles.

    Hyphens count as spaces, so "Jean-Marc" and "Jean Marc", "état-major" and
    "état major" compare equal.
    """
    return " ".join(
        token for token in _fold(name).split() if token not in _ARTICLE_TOKENS
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
    found = _attributions_by_sentence(text, sentences, lex)
    out: list[Source | None] = []
    for index, start, end in claims:
        if not 0 <= index < len(sentences):
            log.warning("claim at %d-%d names sentence %d of %d", start, end, index, len(sentences))
            out.append(None)
            continue
        out.append(_source_for_claim(text, sentences, found, index, start, end))
    return out


@dataclass(frozen=True, slots=True)
class _Attribution:
    """A resolved attribution: document offsets of its phrase and what it names."""

    start: int
    end: int
    source: Source | None


@dataclass(frozen=True, slots=True)
class _Entity:
    """A source or source-like subject, remembered for later back-references."""

    source: Source
    person: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The compiled form of a language's sources.json."""

    data: dict[str, Any]
    preposition: re.Pattern[str]
    inverted: re.Pattern[str]
    preverbal: re.Pattern[str]
    gerund: re.Pattern[str]
    pronoun_verb: re.Pattern[str]
    source_phrase: re.Pattern[str]
    agent: re.Pattern[str]
    skips: re.Pattern[str]
    stops: frozenset[str]
    keep_after: dict[str, frozenset[str]]
    roles: re.Pattern[str]
    institutions: tuple[str, ...]
    trailing: re.Pattern[str]
    dropped_adjectives: frozenset[str]
    report_nouns: frozenset[str]
    report_back_nouns: frozenset[str]
    official: frozenset[str]
    author: re.Pattern[str]
    same: frozenset[str]
    pronouns: frozenset[str]
    typed: tuple[tuple[str, tuple[str, ...]], ...]
    titles: frozenset[str]
    organisations: tuple[tuple[frozenset[str], str | None, str], ...]
    types: tuple[tuple[re.Pattern[str], str], ...]
    particles: frozenset[str]


def _alternation(phrases: list[str]) -> str:
    """A regex alternation, longest phrase first so that prefixes do not win."""
    escaped = (re.escape(p).replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = lexicons.load(lang, "sources")
    verbs = data["speech_verbs"]
    participle = _alternation(verbs["participles"])
    present = _alternation(verbs["present"])
    aux = _alternation([a for a in verbs["auxiliaries"] if "-" not in a])
    adverbs = _alternation(verbs["adverbs"])
    adverb_run = rf"(?:\s+{adverbs})*"
    # ", a indiqué lundi l'OSDH" and "», affirme l'armée": the verb opens its clause.
    inverted = re.compile(
        rf"(?:^|[,»\"”]|\)\s*,)\s*(?:(?:{aux}){adverb_run}\s+{participle}|{present})\b",
        re.IGNORECASE,
    )
    preverbal = re.compile(
        rf"(?<![\w-])(?:(?:{aux}){adverb_run}\s+{participle}|{present})\b(?!-t-)", re.IGNORECASE
    )
    pronoun_verb = re.compile(
        rf"\b(?:(?:{aux})-t-(?P<p1>il|elle|ils|elles|on){adverb_run}\s+{participle}"
        rf"|(?:{present}|{participle})-t-(?P<p2>il|elle|ils|elles|on)"
        rf"|(?:ont|avaient|sont)-(?P<p3>ils|elles){adverb_run}\s+{participle})\b",
        re.IGNORECASE,
    )
    phrase = data["source_phrase"]
    source_phrase = re.compile(
        rf"\b(?:de|d'après des|selon des?)\s+(?P<np>(?:même\s+)?{_alternation(phrase['nouns'])}\b"
        rf"[^,.;:!?«»\"“”()]*)",
        re.IGNORECASE,
    )
    skips_data = data["inverted_subject_skips"]
    skip_words = _alternation(skips_data["words"])
    skips = re.compile(
        rf"(?:\s|,|\d{{1,2}}\b|{skip_words}\b|à\s+(?:l'|la\s+|le\s+|les\s+)?[\w-]+(?=\s*,|\s+[a-zA-ZÀ-ÿ]))+",
        re.IGNORECASE,
    )
    report = data["report_nouns"]
    types = tuple(
        (re.compile(rf"(?<![\w']){re.escape(keyword)}(?![\w'])"), kind)
        for keyword, kind in data["types"]
    )
    organisations = tuple(
        (frozenset(_fold(n) for n in org["names"]), org.get("short"), org["type"])
        for org in data["organisations"]
    )
    back = data["back_references"]
    stops = data["noun_phrase_stops"]
    return _Lexicon(
        data=data,
        preposition=re.compile(
            rf"(?<![\w-]){_alternation(data['prepositions'])}\s+(?!{_alternation([r.split()[1] for r in data['relative_prepositions']])}\b)",
            re.IGNORECASE,
        ),
        inverted=inverted,
        preverbal=preverbal,
        gerund=re.compile(rf",\s*{_alternation(verbs['gerunds'])}\b", re.IGNORECASE),
        pronoun_verb=pronoun_verb,
        source_phrase=source_phrase,
        agent=re.compile(
            rf"\b{_alternation(data['agent_participles'])}\b[^,.;:]{{0,40}}?\bpar\s+", re.IGNORECASE
        ),
        skips=skips,
        stops=frozenset(w for w in stops["words"]),
        keep_after={k: frozenset(v) for k, v in stops["keep_after"].items() if k != "_comment"},
        roles=re.compile(
            rf"^(?:(?:l'|le|la|les|un|une|des|son|sa|ses|leur)\s*)?(?:\w+\s+)?"
            rf"{_alternation(data['roles']['words'])}\s+(?P<rest>(?:de|du|des|d')\b.*)$",
            re.IGNORECASE,
        ),
        institutions=tuple(_fold(w) for w in data["roles"]["institutions"]),
        trailing=re.compile(
            rf"\s+{_alternation(data['trailing_complements']['phrases'])}(?![\w]).*$",
            re.IGNORECASE,
        ),
        dropped_adjectives=frozenset(data["dropped_adjectives"]),
        report_nouns=frozenset(report["nouns"]),
        report_back_nouns=frozenset(report["back_reference_nouns"]),
        official=frozenset(report["official_adjectives"]),
        author=re.compile(
            rf"\s(?:{_alternation(report['author_markers'])})(?:\s+|(?<='))", re.IGNORECASE
        ),
        same=frozenset(back["same"]),
        pronouns=frozenset(back["pronouns"]),
        typed=tuple(
            sorted(
                ((k, tuple(v)) for k, v in back["typed_nouns"].items()),
                key=lambda item: len(item[0]),
                reverse=True,
            )
        ),
        titles=frozenset(back["titles_need_earlier_mention"]),
        organisations=organisations,
        types=types,
        particles=frozenset(data["name_particles"]),
    )


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<![\w])([ld])'\s*", r"\1' ", text)
    text = text.replace("-", " ")
    return " ".join(text.split()).replace("l' ", "").replace("d' ", "")


def _attributions_by_sentence(
    text: str, sentences: list[tuple[int, int]], lex: _Lexicon
) -> list[list[_Attribution]]:
    history: list[_Entity] = []
    by_sentence: list[list[_Attribution]] = []
    for start, end in sentences:
        sentence = text[start:end].translate(_APOSTROPHES)
        found: list[_Attribution] = []
        subject = _subject_entity(sentence, lex)
        if subject is not None:
            history.append(subject)
        for offset, phrase_end, phrase, kind in _find_phrases(sentence, lex):
            entity = _resolve(phrase, kind, sentence, phrase_end, history, lex)
            if entity is not None:
                history.append(entity)
            found.append(
                _Attribution(start + offset, start + phrase_end, entity.source if entity else None)
            )
        by_sentence.append(found)
    return by_sentence


def _source_for_claim(
    text: str,
    sentences: list[tuple[int, int]],
    found: list[list[_Attribution]],
    index: int,
    start: int,
    end: int,
) -> Source | None:
    candidates = found[index]
    if not candidates:
        candidates = _continued_quote(text, sentences, found, index)
    if not candidates:
        return None
    nearest = min(candidates, key=lambda a: max(a.start - end, start - a.end, 0))
    return nearest.source


def _continued_quote(
    text: str, sentences: list[tuple[int, int]], found: list[list[_Attribution]], index: int
) -> list[_Attribution]:
    """The attribution of a quotation that opens in sentence `index` and closes later."""
    if not _opens_quote(text[sentences[index][0] : sentences[index][1]]):
        return []
    for later in range(index + 1, min(index + 4, len(sentences))):
        sentence = text[sentences[later][0] : sentences[later][1]]
        if any(c in sentence for c in "»\"”"):
            return found[later]
    return []


def _opens_quote(sentence: str) -> bool:
    straight = sentence.count('"')
    return straight % 2 == 1 or sentence.count("«") + sentence.count("“") > sentence.count(
        "»"
    ) + sentence.count("”")


def _find_phrases(sentence: str, lex: _Lexicon) -> list[tuple[int, int, str, str]]:
    """Attribution phrases of a sentence: (start, end, phrase, kind), in text order.

    `kind` is "np" for a noun phrase naming the source, "pronoun" for a pronoun.
    """
    spans: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, phrase: str, kind: str) -> None:
        if phrase and not any(s < end and start < e for s, e in taken):
            spans.append((start, end, phrase, kind))
            taken.append((start, end))

    for match in lex.pronoun_verb.finditer(sentence):
        pronoun = match.group("p1") or match.group("p2") or match.group("p3")
        if pronoun.lower() != "on":
            add(match.start(), match.end(), pronoun.lower(), "pronoun")
    for match in lex.source_phrase.finditer(sentence):
        phrase = _cut_phrase(match.group("np"), lex)
        if not _ignored_source_phrase(phrase, lex):
            add(match.start("np"), match.start("np") + len(phrase), phrase, "np")
    for match in lex.preposition.finditer(sentence):
        phrase = _noun_phrase(sentence, match.end(), lex)
        add(match.start(), match.end() + len(phrase), phrase, "np")
    for match in lex.agent.finditer(sentence):
        phrase = _noun_phrase(sentence, match.end(), lex)
        add(match.end(), match.end() + len(phrase), phrase, "np")
    for match in lex.inverted.finditer(sentence):
        skipped = lex.skips.match(sentence, match.end())
        at = skipped.end() if skipped else match.end()
        phrase = _noun_phrase(sentence, at, lex)
        if phrase and _looks_like_subject(phrase, lex):
            add(match.start(), at + len(phrase), phrase, "np")
            continue
        subject = _preverbal_subject(sentence[: match.start()], lex)
        if subject is not None and match.start() > 0 and sentence[match.start()] != ",":
            add(subject[0], match.end(), subject[1], "np")
    for match in lex.preverbal.finditer(sentence):
        if any(s <= match.start() < e for s, e in taken):
            continue
        subject = _preverbal_subject(sentence[: match.start()], lex)
        if subject is not None:
            add(subject[0], match.end(), subject[1], "np")
    for match in lex.gerund.finditer(sentence):
        subject = _preverbal_subject(sentence[: _first_comma(sentence)], lex)
        if subject is not None:
            add(subject[0], match.end(), subject[1], "np")
    spans.sort()
    return spans


def _first_comma(sentence: str) -> int:
    comma = sentence.find(",")
    return comma if comma >= 0 else len(sentence)


def _ignored_source_phrase(phrase: str, lex: _Lexicon) -> bool:
    words = phrase.lower().split()
    ignored = {a for item in lex.data["source_phrase"]["ignored_adjectives"] for a in [item]}
    rest = " ".join(words[1:])
    return not words or rest in ignored or any(rest.startswith(i) for i in ignored)


def _noun_phrase(sentence: str, at: int, lex: _Lexicon) -> str:
    """The noun phrase starting at `at`, up to punctuation or a stop word.

    A parenthesised acronym right after the phrase is kept with it.
    """
    window = sentence[at:]
    end = _PHRASE_END.search(window)
    window = window[: end.start()] if end else window
    acronym = _ACRONYM.search(window)
    if acronym and len(window[: acronym.start()].split()) <= 14:
        return window[: acronym.end()].rstrip()
    return _cut_phrase(window, lex)


def _cut_phrase(window: str, lex: _Lexicon) -> str:
    words = window.split(" ")
    kept: list[str] = []
    for word in words:
        bare = word.lower().strip("()")
        if kept and (bare in lex.stops or bare.startswith("qu'")):
            keep = lex.keep_after.get(bare)
            if not (keep and kept[-1].lower() in keep):
                break
        if "(" in word and not _ACRONYM.search(word):
            break
        kept.append(word)
    return " ".join(kept).strip()


def _looks_like_subject(phrase: str, lex: _Lexicon) -> bool:
    """Whether text after an inverted verb starts a noun phrase (not a clause)."""
    first = phrase.split()[0]
    lower = first.lower()
    return bool(
        re.match(r"(?:l'|d')?(?:le|la|les|un|une|des|ce|cette|ces|son|sa|ses|leur|leurs)?$", lower)
        and lower not in ("", "d'")
        or _CAPITAL.match(first)
        or lower.startswith("l'")
        or lower in lex.pronouns
        or lower in ("plusieurs", "deux", "trois")
    )


_DETERMINER = re.compile(
    r"^(?:l'|le |la |les |un |une |des |ce |cette |ces |plusieurs |deux |trois |son |sa |ses )",
    re.IGNORECASE,
)


def _preverbal_subject(prefix: str, lex: _Lexicon) -> tuple[int, str] | None:
    """The subject ending right before a speech verb: the last comma segment
    that opens a noun phrase ("A Khartoum, le syndicat des médecins a recensé")."""
    position = len(prefix)
    for segment in reversed(prefix.split(",")):
        position -= len(segment)
        candidate = segment.strip().strip(_QUOTE_CHARS).strip()
        start = position + (len(segment) - len(segment.lstrip()))
        position -= 1
        if not candidate:
            continue
        words = candidate.split()
        if len(words) > 16 or not (_DETERMINER.match(candidate) or _CAPITAL.match(candidate)):
            continue
        phrase = _noun_phrase(candidate, 0, lex)
        if phrase and len(phrase) >= len(candidate) - 1:
            return start, candidate
        if phrase and _DETERMINER.match(candidate) and candidate.lower().startswith(
            tuple(n for n in ("des sources", "des militants", "des médecins", "des témoins"))
        ):
            return start, phrase
        return None
    return None


def _subject_entity(sentence: str, lex: _Lexicon) -> _Entity | None:
    """The sentence's opening subject, when it names a source-like body.

    Remembered so that a later pronoun ("Ils précisent") can refer to it.
    """
    head = sentence.lstrip("•-–— ").split(",")[0]
    if not _DETERMINER.match(head) and not _CAPITAL.match(head):
        return None
    phrase = _noun_phrase(head, 0, lex)
    if not phrase or len(phrase.split()) > 8:
        return None
    entity = _entity_from_phrase(phrase, sentence, len(phrase), [], lex)
    if entity is None or entity.source.type is None or entity.source.type == "other":
        return None
    return entity


def _resolve(
    phrase: str, kind: str, sentence: str, phrase_end: int, history: list[_Entity], lex: _Lexicon
) -> _Entity | None:
    if kind == "pronoun":
        return history[-1] if history else None
    return _entity_from_phrase(phrase, sentence, phrase_end, history, lex)


def _entity_from_phrase(
    phrase: str, sentence: str, phrase_end: int, history: list[_Entity], lex: _Lexicon
) -> _Entity | None:
    phrase = phrase.strip().strip(_QUOTE_CHARS).strip()
    lower = phrase.lower()
    if lower in lex.pronouns or lower in lex.same:
        return history[-1] if history else None
    for noun, kinds in lex.typed:
        if lower == noun or lower.startswith(noun + " ") and not _ACRONYM.search(phrase):
            earlier = _last_of(history, kinds, noun in lex.titles)
            if earlier is not None:
                return earlier
            if noun in lex.titles or not kinds:
                break
    report = _report(phrase, history, lex)
    if report is not None:
        return report[0]
    role = lex.roles.match(phrase)
    if role:
        institution = _institution(role.group("rest"), lex)
        if institution is not None:
            return _entity_from_phrase(institution, sentence, phrase_end, history, lex)
    appositive = _appositive(sentence[phrase_end:], lex)
    if appositive is not None and _is_person(phrase, lex):
        inner = lex.roles.match("le " + appositive)
        institution = _institution(inner.group("rest"), lex) if inner else None
        if institution is not None:
            return _entity_from_phrase(institution, sentence, phrase_end, history, lex)
        return _named(phrase, appositive, lex, person=True)
    if appositive is not None and _is_person(appositive, lex):
        return _named(appositive, phrase, lex, person=True)
    return _named_from_phrase(phrase, lex)


def _last_of(history: list[_Entity], kinds: tuple[str, ...], person: bool) -> _Entity | None:
    for entity in reversed(history):
        if kinds and entity.source.type not in kinds:
            continue
        if person and not entity.person and kinds != ("government",):
            continue
        return entity
    return None


def _report(
    phrase: str, history: list[_Entity], lex: _Lexicon
) -> tuple[_Entity | None] | None:
    """A report noun's author ("un bilan de la police"), or None if `phrase` is no report.

    The one-element tuple tells "no report here" (None) from "a report by nobody" ((None,)).
    """
    words = phrase.split()
    if len(words) < 2 and phrase.lower() not in lex.report_nouns:
        return None
    det = words[0].lower()
    nouns = [i for i, w in enumerate(words[:4]) if w.lower() in lex.report_nouns]
    if not nouns:
        return None
    noun = words[nouns[0]].lower()
    rest = " " + " ".join(words[nouns[0] + 1 :])
    author = lex.author.search(rest)
    if author:
        name = rest[author.end() :].strip()
        return (_entity_from_phrase(_with_article(rest[author.start() :].split()[0], name), "", 0, history, lex),) if name else (None,)
    adjectives = {w.lower() for w in words[nouns[0] + 1 :]}
    if adjectives & lex.official:
        name = " ".join(w for w in words[nouns[0] :] if w.lower() in lex.official or w.lower() == noun)
        return (_named_from_phrase(name, lex),)
    if noun in lex.report_back_nouns and det in ("le", "la", "ce", "cette", "ces", "les", "l'"):
        return (history[-1] if history else None,)
    return (None,)


def _with_article(marker: str, name: str) -> str:
    """Turn the contracted article of "du ministère" back into "le ministère"."""
    article = {"du": "le ", "des": "les "}.get(marker.lower(), "")
    if name.lower().startswith(("l'", "la ", "le ", "les ", "un ", "une ")):
        return name
    return article + name


def _institution(rest: str, lex: _Lexicon) -> str | None:
    """The institution in a role's complement ("de la police de Kaduna"), if it is one."""
    folded = _fold(rest)
    for _names, short, _kind in lex.organisations:
        for name in _names:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) and short:
                return short
    marker, _, name = rest.partition(" ")
    if rest.lower().startswith("d'"):
        marker, name = "d'", rest[2:]
    name = _with_article(marker, name.strip())
    head = _fold(name).split()
    if head and head[0] in lex.institutions:
        return name
    for _names, _short, _kind in lex.organisations:
        for org in _names:
            if re.search(rf"(?<!\w){re.escape(org)}$", folded):
                words = rest.split()
                return " ".join(words[-len(org.split()) :])
    return None


def _appositive(after: str, lex: _Lexicon) -> str | None:
    """Text set off by commas right after a phrase (", porte-parole de l'hôpital,")."""
    match = re.match(r"\s*,\s*([^,.;:!?«»\"“”]+)", after)
    if not match:
        return None
    return match.group(1).strip()


def _is_person(phrase: str, lex: _Lexicon) -> bool:
    """Two to five capitalised words, optionally with name particles: a person's name."""
    words = phrase.strip().split()
    if not 2 <= len(words) <= 5 or _organisation(phrase, lex) is not None:
        return False
    capitals = [w for w in words if _CAPITAL.match(w)]
    rest_ok = all(_CAPITAL.match(w) or w.lower().split("-")[0] in lex.particles for w in words)
    return rest_ok and len(capitals) >= 2 and not any(w.isupper() and len(w) > 1 for w in words)


def _named(name: str, description: str, lex: _Lexicon, person: bool) -> _Entity:
    kind = _type_of(description, lex) or _type_of(name, lex)
    if kind is None and person:
        kind = lex.data["person_default_type"]
    return _Entity(Source(name.strip(), kind), person)


def _named_from_phrase(phrase: str, lex: _Lexicon) -> _Entity | None:
    """An entity from a noun phrase: its acronym, trailing proper name, or the phrase."""
    phrase = _drop_adjectives(lex.trailing.sub("", phrase).strip(" ,"), lex)
    if not phrase:
        return None
    organisation = _organisation(phrase, lex)
    acronym = _ACRONYM.search(phrase)
    if organisation is not None and organisation[0]:
        return _Entity(Source(organisation[0], organisation[1]), False)
    if acronym:
        description = phrase[: acronym.start()].strip()
        kind = _type_of(description, lex) or _type_of(acronym.group(1), lex)
        return _Entity(Source(acronym.group(1), kind), False)
    name = _trailing_proper_name(phrase, lex)
    if name is not None:
        person = _is_person(name, lex)
        return _named(name, phrase, lex, person)
    person = _is_person(phrase, lex)
    kind = _type_of(phrase, lex)
    if kind is None and person:
        kind = lex.data["person_default_type"]
    return _Entity(Source(phrase, kind), person)


def _drop_adjectives(phrase: str, lex: _Lexicon) -> str:
    words = phrase.split()
    kept = [w for i, w in enumerate(words) if not (i > 0 and w.lower() in lex.dropped_adjectives)]
    return " ".join(kept)


def _trailing_proper_name(phrase: str, lex: _Lexicon) -> str | None:
    """The name closing a descriptive phrase: "l'ONG Indepaz", "le ministre de la Santé
    Eteni Longondo" (the capital right after an article belongs to the description)."""
    words = phrase.split()
    if len(words) < 2 or not (_DETERMINER.match(phrase) or words[0].lower().startswith("l'")):
        return None
    run = len(words)
    while run > 1 and _CAPITAL.match(words[run - 1]):
        run -= 1
    if run == len(words):
        return None
    before = words[run - 1].lower()
    if before in ("de", "du", "des", "la", "le", "les", "d'", "en", "au", "aux", "à", "pour"):
        run += 1
        if len(words) - run < 2:
            return None
    if words[run - 1].lower().startswith(("l'", "d'")) and run == len(words) - 1:
        return None
    return " ".join(words[run:])


def _organisation(phrase: str, lex: _Lexicon) -> tuple[str | None, str] | None:
    """(preferred short name or None, type) when `phrase` is a known organisation."""
    folded = normalise_source_name(_ACRONYM.sub("", phrase))
    acronym = _ACRONYM.search(phrase)
    for names, short, kind in lex.organisations:
        folded_names = {normalise_source_name(n) for n in names}
        if folded in folded_names or (acronym and _fold(acronym.group(1)) in names):
            return short, kind
    return None


def _type_of(phrase: str, lex: _Lexicon) -> str | None:
    organisation = _organisation(phrase, lex)
    if organisation is not None:
        return organisation[1]
    folded = _fold(phrase)
    for pattern, kind in lex.types:
        if pattern.search(folded):
            return kind
    for names, _short, kind in lex.organisations:
        if any(re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", folded) for n in names):
            return kind
    return None
