"""Resolve the days a casualty count covers from the words around it.

Pure regex and date arithmetic over a per-language lexicon
(`lang/<lang>/time.json`), so it runs in well under a millisecond per
report. Conventions follow the gold annotation guide: periods are inclusive day
ranges; relative expressions ("lundi", "hier", "depuis dimanche", "en 24
heures") resolve against the publication date; a count with no time of its own
takes the period of the nearest earlier sentence that has one, unless it names
an earlier dated event again ("dans cette attaque") or counts a present state
("toujours portées disparues"): then it takes that event's days.
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from bilan.records import Period
from bilan.resolve.datelines import find_dateline

_Days = tuple[date | None, date | None]

# Roles a time mention plays for the counts near it.
_WHEN = "when"  # the days the harm happened
_SINCE = "since"  # from this day up to the report
_OPEN = "open"  # cumulative up to the report, start unknown
_REPORT = "report"  # the day a count was announced, not the day of harm
_UNTIL = "until"  # the day a multi-day event ended
_IGNORE = "ignore"  # burial or finding of bodies: not the day of harm
_REFERENCE = "reference"  # "la plus meurtrière depuis 2015": compares, dates nothing
_USABLE = (_WHEN, _SINCE, _OPEN)
_SATURDAY = 5  # date.weekday()
# Rules counted from the last day the text named ("la veille", "deux jours plus tôt").
_COUNTED_FROM_ANCHOR = ("eve", "days_earlier", "days_later")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    first_of_month: frozenset[str]
    relative_days: dict[str, int]
    relative_years: dict[str, int]
    spans: dict[str, int]
    month_edges: dict[str, str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    rule_starts: re.Pattern[str]  # every offset where some rule matches
    rule_starts_folded: re.Pattern[str] | None  # the same, case-sensitive, for lowered text
    since: re.Pattern[str]
    since_reach: int
    since_place: re.Pattern[str] | None
    since_undated: re.Pattern[str]
    since_open_nouns: tuple[str, ...]
    comparative_before_since: re.Pattern[str]
    report_before: re.Pattern[str]
    ignore_before: re.Pattern[str]
    until_before: re.Pattern[str]
    onset_before: re.Pattern[str]
    launch_before: re.Pattern[str]
    ongoing: re.Pattern[str]
    continued_before: re.Pattern[str]
    focus_before: re.Pattern[str]
    doc_now: re.Pattern[str]
    epidemic: re.Pattern[str]
    event: re.Pattern[str]
    event_reach: int
    event_anaphor: re.Pattern[str]
    present_state: re.Pattern[str]
    segment_breaks: re.Pattern[str]
    private_segment: re.Pattern[str]
    own_number: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Mention:
    """A time expression; `start` covers a leading "depuis" when role is since."""

    start: int
    end: int
    rule: str
    fields: dict[str, str]
    role: str
    days: _Days | None = None  # resolved, for rules that do not depend on the report day
    undated: bool = False  # "depuis le début de l'invasion": a since with no day named
    open_noun: bool = False  # "depuis le début de l'épidémie": cumulative, start unknown
    inner: _Days | None = None  # a since's own date, or an onset's day


@cache
def _lexicon(lang: str) -> _Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("bilan").joinpath(f"lang/{lang}/time.json").read_text("utf-8")
    )
    weekdays = {w: i for i, w in enumerate(raw["weekdays"])}
    months = {name: i + 1 for i, names in enumerate(raw["months"]) for name in names}
    numbers = raw["numbers"]

    def alt(words: Any) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    month_slot = f"(?:{alt(months)})"
    if raw.get("capitalised_months"):
        # English capitalises its months: "may" is a verb, "May" the month.
        forms = [f(name) for name in months for f in (str.capitalize, str.upper)]
        month_slot = f"(?-i:{alt(forms)})"
    slots = {
        "weekday": f"(?:{alt(weekdays)})",
        "month": month_slot,
        "day": f"(?:{alt(raw['first_of_month'])}|[0-3]?\\d)",
        "year": r"(?:1[89]|20)\d\d",
        "num": f"(?:\\d+|{alt(numbers)})",
        "event": f"(?:{alt(raw['event_nouns'])})",
    }

    def compile_(pattern: str) -> re.Pattern[str]:
        for name, value in slots.items():
            pattern = pattern.replace("{" + name + "}", value)
        return re.compile(pattern, re.IGNORECASE)

    rules = tuple(
        (name, compile_(rf"(?<![\w-])(?:{pattern})(?![\w-])")) for name, pattern in raw["rules"]
    )
    # One pass finds where any rule matches; the rules then only run there. Group
    # names repeat across rules, so the union drops them.
    union = "|".join(
        "(?:" + re.sub(r"(?<!\\)\(\?P<\w+>", "(?:", pattern.pattern[len(r"(?<![\w-])") :]) + ")"
        for _, pattern in rules
    )
    starts = rf"(?<![\w-])(?={union})"
    return _Lexicon(
        weekdays=weekdays,
        months=months,
        numbers=numbers,
        first_of_month=frozenset(w.lower() for w in raw["first_of_month"]),
        relative_days=raw["relative_days"],
        # Only languages whose rules name a year from publication need them.
        relative_years=raw.get("relative_years", {}),
        spans=raw.get("spans", {}),
        month_edges=raw["month_edges"],
        rules=rules,
        rule_starts=re.compile(starts, re.IGNORECASE),
        # Case-insensitive alternations are slow in `re`; without capitals in the
        # pattern, matching lowered text case-sensitively finds the same offsets.
        rule_starts_folded=re.compile(starts) if starts == starts.lower() else None,
        since=compile_(raw["since"]),
        since_reach=raw["since_reach"],
        # "depuis le Liban" is from a place; English "since Russia opened" opens a clause.
        since_place=re.compile(raw["since_place"]) if raw["since_place"] else None,
        since_undated=compile_(raw["since_undated"]),
        since_open_nouns=tuple(raw["since_open_nouns"]),
        comparative_before_since=compile_(raw["comparative_before_since"]),
        report_before=compile_(raw["report_before"]),
        ignore_before=compile_(raw["ignore_before"]),
        until_before=compile_(raw["until_before"]),
        onset_before=compile_(raw["onset_before"]),
        launch_before=compile_(raw["launch_before"]),
        ongoing=compile_(raw["ongoing"]),
        continued_before=compile_(raw["continued_before"]),
        focus_before=compile_(raw["focus_before"]),
        doc_now=compile_(raw["doc_now"]),
        epidemic=compile_(raw["epidemic"]),
        event=compile_(r"(?<![\w-]){event}s?(?![\w-])"),
        event_reach=raw["event_reach"],
        event_anaphor=compile_(raw["event_anaphor"]),
        present_state=compile_(raw["present_state"]),
        segment_breaks=compile_(raw["segment_breaks"]),
        private_segment=compile_(raw["private_segment"]),
        own_number=re.compile(
            r"(?<![\w-])\d[\d.,]*(?![\w-])"
            + (rf"(?!\s*(?:{alt(raw['units'])})\b)" if raw.get("units") else ""),
            re.IGNORECASE,
        ),
    )


def resolve_periods(
    text: str,
    sentences: list[tuple[int, int]],
    claims: list[tuple[int, int, int]],
    published: date | None,
    lang: str = "fr",
) -> list[Period | None]:
    """One Period (or None) per claim.

    `sentences` are character spans (start, end exclusive) of the document's
    sentences (from `bilan.sentences.split_sentences(text)`); each claim is
    (sentence_index, start, end): the character span of the claim's quote.
    Periods are inclusive day ranges. With `published=None`, anything relative to
    the publication date cannot resolve: that end of the period is None, and the
    period itself is None when neither end resolves.
    """
    if not claims:
        return []
    lex = _lexicon(lang)
    # A dateline's date is the day of the report, never the day of harm.
    dateline = find_dateline(text)
    mentions = [
        replace(m, role=_REPORT) if dateline and dateline.start <= m.start < dateline.end else m
        for m in _scan(text, sentences, lex, published)
    ]
    by_sentence: list[list[_Mention]] = [[] for _ in sentences]
    for mention in mentions:
        index = _sentence_of(sentences, mention.start)
        if index is not None:
            by_sentence[index].append(mention)
    now = _doc_now(text, mentions, lex, published)
    # Only a report about an epidemic (named in its headline or lead) counts running
    # totals; a storm report that mentions covid in passing does not.
    epidemic = bool(lex.epidemic.search(text, 0, sentences[min(1, len(sentences) - 1)][1]))
    claim_spans = sorted((start, end) for _, start, end in claims)
    claim_starts = [start for start, _ in claim_spans]
    longest = max(end - start for start, end in claim_spans)
    dated = [k for k, found in enumerate(by_sentence) if any(m.role in _USABLE for m in found)]
    since_starts = [
        (m.start, m.inner[0])
        for m in mentions
        if m.role in (_SINCE, _REFERENCE) and m.inner and m.inner[0]
    ]

    events = _events(text, mentions, lex)
    claimed = {index for index, _, _ in claims}
    # Each claim's own pick first: a headline inheriting from the lead takes the
    # mention the lead's counts use.
    own_picks: list[_Mention | None] = []
    chosen: dict[int, _Mention] = {}  # last mention a sentence's claims used
    for index, start, end in claims:
        sentence = sentences[index]
        # Only the claims that reach into the sentence bear on its segments.
        near = claim_spans[
            bisect_right(claim_starts, sentence[0] - longest) : bisect_left(
                claim_starts, sentence[1]
            )
        ]
        local = [(a, b) for a, b in near if a < sentence[1] and sentence[0] < b]
        own_picks.append(_pick(text, sentence, by_sentence[index], (start, end), local, lex))
        if own_picks[-1] is not None:
            chosen[index] = own_picks[-1]
    periods: list[Period | None] = []
    for (index, start, end), picked in zip(claims, own_picks, strict=True):
        report = _report_day(by_sentence[index])
        sentence = sentences[index]
        source = index
        if picked is None:
            found = _inherit(
                index, by_sentence, dated, chosen, claimed, text, sentences, lex, published
            )
            if found:
                picked, source = found
        recalled = None
        if not epidemic:
            own = picked if source == index else None
            recalled = _recalled_event(text, sentence, (start, end), own, events, lex)
        if recalled:
            days: _Days | None = recalled
        elif epidemic and (
            picked is None or source < index or (source > index and picked.role == _WHEN)
        ):
            # An epidemic toll without a date of its own is a running total: a
            # country's deaths did not start when an earlier sentence's did, nor on
            # the day of a later one (a later "depuis son apparition" still counts).
            days = (None, report or now)
        elif picked is None:
            days = (None, report) if report else None
        elif (
            source == index
            and picked.role == _SINCE
            and picked.start <= start < end <= picked.end
        ):
            # "depuis le rapt de 276 lycéennes en avril 2014": the count inside the
            # since phrase is the founding event, dated by the phrase's date.
            days = picked.inner
        else:
            days = _period_days(
                picked,
                end=(report if source == index else None) or now,
                earlier_since=_earlier_since(since_starts, picked.start),
                numbers=lex.numbers,
            )
            if days and picked.role == _WHEN:
                days = _extend_until(days, picked, by_sentence[source])
        periods.append(_to_period(days))
    return periods


def _to_period(days: _Days | None) -> Period | None:
    if days is None or days == (None, None):
        return None
    return Period(days[0], days[1])


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the sentence holding `offset`; spans are sorted and disjoint."""
    index = bisect_right(sentences, offset, key=lambda span: span[0]) - 1
    if index >= 0 and offset < sentences[index][1]:
        return index
    return None


# --- scanning ---------------------------------------------------------------


def _scan(
    text: str, sentences: list[tuple[int, int]], lex: _Lexicon, published: date | None
) -> list[_Mention]:
    """Every time mention of the text, each given a role from the words before it."""
    raw: list[tuple[int, int, int, str, dict[str, str]]] = []
    resume = [0] * len(lex.rules)  # where each rule's own left-to-right scan stands
    for at in _rule_starts(text, lex):
        for order, (name, pattern) in enumerate(lex.rules):
            if at < resume[order]:
                continue
            match = pattern.match(text, at)
            if match:
                resume[order] = match.end()
                fields = {k: v for k, v in match.groupdict().items() if v is not None}
                raw.append((match.start(), -(match.end() - match.start()), order, name, fields))
    raw.sort()
    mentions: list[_Mention] = []
    last_end = -1
    anchor: date | None = None
    # A story about "les attentats de janvier 2015" told in 2020 means January
    # 2015 by a later bare "le 7 janvier": each month takes the year it was last
    # named with.
    month_years: dict[int, int] = {}
    ongoing = bool(lex.ongoing.search(text))
    for start, negative_length, _, name, fields in raw:
        end = start - negative_length
        if start < last_end:
            continue
        last_end = end
        sentence_start = _sentence_start(sentences, start)
        before = text[sentence_start:start]
        role = _role_from_context(before, lex, ongoing)
        fields = _narrative_years(fields, lex, published, month_years)
        days = _rule_days(name, fields, lex, published, anchor)
        if days is None and name in _COUNTED_FROM_ANCHOR:
            # "tué deux jours plus tôt" before any day is named dates nothing; a
            # count there takes its date from the sentences around it.
            continue
        if days and days[0]:
            anchor = days[0]
        inner = days if role == _SINCE else None  # "qui ont éclaté jeudi"
        mentions.append(_Mention(start, end, name, fields, role, days, inner=inner))
    return _attach_since(text, sentences, mentions, lex)


def _narrative_years(
    fields: dict[str, str], lex: _Lexicon, published: date | None, month_years: dict[int, int]
) -> dict[str, str]:
    """`fields` with a missing year filled from the year its month was last named
    with (no later than publication); records the years `fields` names."""
    filled = dict(fields)
    if "ry" in fields and published is not None:
        # "in April last year": the year counted from publication.
        filled["y"] = str(published.year + lex.relative_years[fields["ry"].lower()])
    for month_key, year_key in (("m", "y"), ("m2", "y2")):
        if month_key not in fields:
            continue
        month = lex.months[fields[month_key].lower()]
        if year_key in fields:
            month_years[month] = int(fields[year_key])
        elif month in month_years and (published is None or month_years[month] <= published.year):
            filled[year_key] = str(month_years[month])
    return filled


def _rule_starts(text: str, lex: _Lexicon) -> list[int]:
    """The offsets where at least one rule matches, in order."""
    lowered = text.lower()
    if lex.rule_starts_folded is not None and folds_simply(text, lowered):
        return [match.start() for match in lex.rule_starts_folded.finditer(lowered)]
    return [match.start() for match in lex.rule_starts.finditer(text)]


def folds_simply(text: str, lowered: str) -> bool:
    """Whether a case-insensitive regex without capitals finds in `text` what its
    case-sensitive twin finds in `lowered` (`text.lower()`), at the same offsets.

    Not so when lowering changes a length, or for characters with extra case
    equivalents ("ſ" matches "s", "ı" matches "i").
    """
    return len(lowered) == len(text) and all(c.lower() == c.upper().lower() for c in set(text))


def _sentence_start(sentences: list[tuple[int, int]], offset: int) -> int:
    index = _sentence_of(sentences, offset)
    return sentences[index][0] if index is not None else max(0, offset - 120)


def _role_from_context(before: str, lex: _Lexicon, ongoing: bool) -> str:
    """The role of a mention from the words of its sentence before it; `ongoing`
    says the report calls its event still under way ("toujours en cours")."""
    if lex.report_before.search(before):
        return _REPORT
    if lex.ignore_before.search(before):
        return _IGNORE
    if lex.until_before.search(before):
        return _UNTIL
    if lex.onset_before.search(before) or (ongoing and lex.launch_before.search(before)):
        return _SINCE
    if lex.continued_before.search(before):
        # "les combats se poursuivaient lundi": the event did not start that day.
        return _UNTIL
    return _WHEN


def _attach_since(
    text: str, sentences: list[tuple[int, int]], mentions: list[_Mention], lex: _Lexicon
) -> list[_Mention]:
    """Turn "depuis <date>" into since mentions; keep "depuis le début de X" undated.

    "depuis le Liban" (a capitalised name) is a place, and "la journée la plus
    meurtrière depuis 2015" compares: neither dates the count, but the latter's day
    still anchors a later undated "depuis le putsch".
    """
    out = list(mentions)
    # `mentions` is sorted and its starts distinct. A mention taken over by a since
    # starts at that since, before any later since: only untouched ones can follow.
    starts = [m.start for m in mentions]
    taken: set[int] = set()
    for since in lex.since.finditer(text):
        after = text[since.end() : since.end() + 40]
        near = bisect_left(starts, since.end())
        dated_next = any(
            i not in taken and starts[i] <= since.end() + 1
            for i in range(near, min(near + 2, len(starts)))
        )
        if not dated_next and lex.since_place and lex.since_place.match(after):
            continue
        sentence_start = _sentence_start(sentences, since.start())
        comparative = bool(
            lex.comparative_before_since.search(text[sentence_start : since.start()])
        )
        target = _following(since, mentions, starts, taken, text, lex.since_reach)
        undated = lex.since_undated.match(text, since.start())
        if target is not None and out[target].role in (_WHEN, _SINCE):
            inner = out[target]
            far = inner.start - since.end() > 40 and "," in text[since.end() : inner.start]
            if not (undated and far):
                taken.add(target)
                out[target] = _Mention(
                    since.start(),
                    inner.end,
                    inner.rule,
                    inner.fields,
                    _REFERENCE if comparative else _SINCE,
                    inner.days,
                    inner=inner.days,
                )
                continue
        if undated and not comparative:
            noun = undated.group("what").lower()
            out.append(
                _Mention(
                    since.start(),
                    undated.end(),
                    "since_undated",
                    {},
                    _SINCE,
                    None,
                    undated=True,
                    open_noun=any(noun.startswith(n) for n in lex.since_open_nouns),
                )
            )
    out.sort(key=lambda m: m.start)
    return out


def _following(
    since: re.Match[str],
    mentions: list[_Mention],
    starts: list[int],
    taken: set[int],
    text: str,
    reach: int,
) -> int | None:
    """The first untouched mention within `reach` after "depuis", in the same clause."""
    # A year rule may swallow the "depuis" itself ("depuis 2015").
    for i in range(bisect_left(starts, since.start()), len(starts)):
        if starts[i] > since.end() + reach:
            return None
        if i in taken:
            continue
        # Punctuation before one mention stands before every later one too.
        if re.search(r"[.;!?]", text[since.end() : mentions[i].start]):
            return None
        return i
    return None


def _doc_now(
    text: str, mentions: list[_Mention], lex: _Lexicon, published: date | None
) -> date | None:
    """The day a running tally was drawn up ("selon un bilan établi vendredi"), else publication."""
    for mention in mentions:
        if mention.role == _REPORT and mention.days and mention.days[1]:
            if lex.doc_now.search(text[max(0, mention.start - 90) : mention.start]):
                return mention.days[1]
    return published


def _report_day(mentions: list[_Mention]) -> date | None:
    for mention in mentions:
        if mention.role == _REPORT and mention.days and mention.days[1]:
            return mention.days[1]
    return None


# --- choosing the mention for a claim ----------------------------------------


def _pick(
    text: str,
    sentence: tuple[int, int],
    mentions: list[_Mention],
    quote: tuple[int, int],
    claim_spans: list[tuple[int, int]],
    lex: _Lexicon,
) -> _Mention | None:
    """The mention of the claim's own sentence that dates it, nearest first.

    Comma-delimited segments decide precedence: a mention in the claim's own
    segment first, then one in a segment with no count, then one beside another
    count. A mention inside a "dont ..." segment dates only that breakdown.
    """
    usable = [m for m in mentions if m.role in _USABLE]
    if not usable:
        return None
    segments = _segments(text, sentence, lex)
    own = {i for i, (s, e) in enumerate(segments) if s < quote[1] and quote[0] < e}
    others = {
        i
        for span in claim_spans
        if span != quote and sentence[0] <= span[0] < sentence[1]
        for i, (s, e) in enumerate(segments)
        if s < span[1] and span[0] < e
    } - own
    tiers: list[list[_Mention]] = [[], [], []]
    for mention in usable:
        segment = _segment_of(segments, mention.start)
        overlaps = mention.start < quote[1] and quote[0] < mention.end
        if segment in own or overlaps:
            tiers[0].append(mention)
        elif _private(text, segments[segment], mentions, claim_spans, lex):
            continue
        elif segment in others or _leads_next(mention, quote, claim_spans, sentence):
            tiers[2].append(mention)
        else:
            tiers[1].append(mention)
    for tier in tiers:
        if tier:
            return min(tier, key=lambda m: _gap(m, quote))
    return None


def _leads_next(
    mention: _Mention,
    quote: tuple[int, int],
    claim_spans: list[tuple[int, int]],
    sentence: tuple[int, int],
) -> bool:
    """Whether `mention` opens the clause of the next count after the claim: "4.000
    morts et, en mai 2008, plus de 138.000" dates the second count only."""
    if mention.start < quote[1]:
        return False
    following = [a for a, _ in claim_spans if quote[1] <= a < sentence[1]]
    return bool(following) and mention.end <= min(following)


def _private(
    text: str,
    segment: tuple[int, int],
    mentions: list[_Mention],
    claim_spans: list[tuple[int, int]],
    lex: _Lexicon,
) -> bool:
    """A "dont ..." segment, or one counting something else ("qui a recensé 66
    incidents depuis le début de l'année"), keeps its time to itself."""
    chunk = text[segment[0] : segment[1]]
    if lex.private_segment.search(chunk) or _aside(text, segment):
        return True
    for a, b in [(m.start, m.end) for m in mentions] + claim_spans:
        a, b = max(a, segment[0]) - segment[0], min(b, segment[1]) - segment[0]
        if a < b:
            chunk = chunk[:a] + " " * (b - a) + chunk[b:]
    # A number of its own, not part of a word ("a 10-storey block") nor a duration or a
    # distance ("more than 24 hours after").
    return bool(lex.own_number.search(chunk))


def _aside(text: str, segment: tuple[int, int]) -> bool:
    """A parenthesised segment ("François Hollande (2012-2017)"): a tenure or a
    background date, which dates nothing outside the parentheses."""
    return text[segment[0] - 1 : segment[0]] == "(" and text[segment[1] - 1 : segment[1]] == ")"


def _segments(text: str, sentence: tuple[int, int], lex: _Lexicon) -> list[tuple[int, int]]:
    cuts = [sentence[0]]
    for match in lex.segment_breaks.finditer(text, sentence[0], sentence[1]):
        # A comma between digits ("1,3 million") does not end a clause.
        if (
            match.group() == ","
            and text[match.start() - 1 : match.start()].isdigit()
            and text[match.end() : match.end() + 1].isdigit()
        ):
            continue
        cuts.append(match.end())
    cuts.append(sentence[1])
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _segment_of(segments: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(segments):
        if start <= offset < end:
            return index
    return len(segments) - 1


def _gap(mention: _Mention, quote: tuple[int, int]) -> int:
    return max(0, mention.start - quote[1], quote[0] - mention.end)


def _inherit(
    index: int,
    by_sentence: list[list[_Mention]],
    dated: list[int],
    chosen: dict[int, _Mention],
    claimed: set[int],
    text: str,
    sentences: list[tuple[int, int]],
    lex: _Lexicon,
    published: date | None,
) -> tuple[_Mention, int] | None:
    """The mention (and its sentence) that dates the nearest earlier sentence, else
    a sentence just after (a headline takes the date the lead's counts use).

    `dated` lists, in order, the sentences with a usable mention: no other can date.
    "pour la seule journée de mercredi" narrows one count and is not passed on, nor
    does a parenthesised aside. A sentence without counts whose only dates are
    earlier years ("il avait engagé l'armée au Mali en 2013") is background: it
    dates a count only when no earlier sentence does.
    """

    def broad(k: int) -> list[_Mention]:
        segments = _segments(text, sentences[k], lex)
        return [
            m
            for m in by_sentence[k]
            if m.role in _USABLE
            and not lex.focus_before.search(text[sentences[k][0] : m.start])
            and not _aside(text, segments[_segment_of(segments, m.start)])
        ]

    def background(k: int, usable: list[_Mention]) -> bool:
        return k not in claimed and all(
            m.rule in ("year", "year_range")
            and published is not None
            and m.days is not None
            and m.days[1] is not None
            and m.days[1].year < published.year
            for m in usable
        )

    fallback: tuple[_Mention, int] | None = None
    for j in range(bisect_left(dated, index) - 1, -1, -1):
        k = dated[j]
        usable = broad(k)
        if not usable:
            continue
        if background(k, usable):
            fallback = fallback or (usable[-1], k)
            continue
        if k in chosen and chosen[k] in usable:
            return chosen[k], k
        return usable[-1], k
    if fallback:
        return fallback
    for k in range(index + 1, min(index + 5, len(by_sentence))):
        usable = broad(k)
        if usable:
            return (chosen[k] if chosen.get(k) in usable else usable[0]), k
    return None


def _events(text: str, mentions: list[_Mention], lex: _Lexicon) -> list[tuple[int, _Days]]:
    """(offset, days) of each event noun dated by the mention just after it in the
    same clause ("l'attentat de mardi", "l'explosion qui a détruit le 4 août"), by
    offset."""
    starts = [m.start for m in mentions]
    events: list[tuple[int, _Days]] = []
    for noun in lex.event.finditer(text):
        index = bisect_left(starts, noun.end())
        if index == len(mentions):
            break
        mention = mentions[index]
        if (
            mention.role == _WHEN
            and mention.days
            and None not in mention.days
            and mention.start - noun.end() <= lex.event_reach
            and not re.search(r"[.;:!?,()«»]", text[noun.end() : mention.start])
        ):
            events.append((noun.start(), mention.days))
    return events


def _recalled_event(
    text: str,
    sentence: tuple[int, int],
    quote: tuple[int, int],
    own: _Mention | None,
    events: list[tuple[int, _Days]],
    lex: _Lexicon,
) -> _Days | None:
    """The days of an earlier dated event that a claim with no date in its clause
    points back to, else None.

    Two phenomena: a sentence with no date of its own that names the event again
    ("trois personnes sont mortes dans cette attaque", "un employé mort dans
    l'explosion"), and a count of a present state ("sept personnes sont toujours
    portées disparues"), whose harm was done in the event, whatever day the
    sentence's other clauses name. `own` is the mention of the claim's sentence
    that would date it, if any.
    """
    segments = _segments(text, sentence, lex)
    covering = [(a, b) for a, b in segments if a < quote[1] and quote[0] < b] or [quote]
    clause = (min(a for a, _ in covering), max(b for _, b in covering))
    if own is not None and own.start < clause[1] and clause[0] < own.end:
        return None
    anchor: int | None = None
    if own is None:
        anaphor = lex.event_anaphor.search(text, sentence[0], sentence[1])
        if anaphor:
            anchor = anaphor.start()
    if anchor is None and lex.present_state.search(text, clause[0], clause[1]):
        anchor = quote[0]
    if anchor is None:
        return None
    index = bisect_left(events, anchor, key=lambda event: event[0])
    return events[index - 1][1] if index else None


def _earlier_since(since_starts: list[tuple[int, date]], before: int) -> date | None:
    """The first day of the last since before offset `before`; `since_starts` holds
    (offset, first day) of the document's since mentions, by offset."""
    index = bisect_left(since_starts, before, key=lambda item: item[0])
    return since_starts[index - 1][1] if index else None


# --- resolving days -----------------------------------------------------------


def _period_days(
    mention: _Mention, *, end: date | None, earlier_since: date | None, numbers: dict[str, int]
) -> _Days | None:
    """The days `mention` gives a count reported on `end` (the report day or publication)."""
    if mention.role == _OPEN or mention.rule == "open":
        return (None, end)
    if mention.role == _SINCE:
        if mention.undated:
            # "depuis le début de l'invasion" restates an earlier "depuis le 24 février".
            if mention.open_noun or earlier_since is None:
                return (None, end)
            return (earlier_since, end)
        return (mention.inner[0] if mention.inner else None, end)
    if mention.rule in ("past_hours", "past_days"):
        return _span_ending(mention, end, numbers)
    return mention.days


def _span_ending(mention: _Mention, end: date | None, numbers: dict[str, int]) -> _Days | None:
    """ "en 24 heures", "en huit jours": N hours or days ending on `end`."""
    n = _count(mention.fields["n"], numbers)
    if end is None or n is None:
        return None
    days = n // 24 if mention.rule == "past_hours" else n - 1
    return (end - timedelta(days=max(days, 0)), end)


def _extend_until(days: _Days, mention: _Mention, mentions: list[_Mention]) -> _Days:
    """ "lancée vendredi soir et qui a pris fin samedi matin" spans both days, as does
    "ended a siege late on Saturday, ... after gunmen stormed the building on Friday"."""
    for other in mentions:
        if other.role != _UNTIL or not other.days or other is mention:
            continue
        last = other.days[1]
        if other.start > mention.end or (last and days[1] and last > days[1]):
            return (days[0], last)
    return days


def _count(word: str, numbers: dict[str, int]) -> int | None:
    if word.isdigit():
        return int(word)
    return numbers.get(word.lower())


def _rule_days(
    rule: str,
    fields: dict[str, str],
    lex: _Lexicon,
    published: date | None,
    anchor: date | None,
) -> _Days | None:
    """The days a rule's match denotes, or None when it cannot resolve."""
    pub = published
    if rule in ("past_hours", "past_days"):
        return None  # they end on the report day, known only per claim
    if rule == "vague":
        return None  # "au cours des dernières décennies": a time, but no days
    if rule in ("night", "weekday_pair"):
        if "d2" in fields:  # "la nuit de samedi à dimanche 6 septembre"
            second = _date(fields["d2"], fields["m2"], fields.get("y2"), lex, pub)
        else:
            second = _weekday(fields["wd2"], lex, pub)
        if second is None:
            return None
        back = (lex.weekdays[fields["wd2"].lower()] - lex.weekdays[fields["wd"].lower()]) % 7
        return (second - timedelta(days=back), second)
    if rule == "weekday":
        day = _weekday(fields["wd"], lex, pub)
        return (day, day) if day else None
    if rule == "last_night":  # "overnight": the night before the report, both days
        return (pub - timedelta(days=1), pub) if pub else None
    if rule == "weekend":  # the latest Saturday and Sunday, up to the report
        if pub is None:
            return None
        saturday = pub - timedelta(days=(pub.weekday() - _SATURDAY) % 7)
        if "last" in fields and pub.weekday() >= _SATURDAY:
            # "le week-end dernier" in a weekend report is the one before.
            saturday -= timedelta(days=7)
        return (saturday, min(saturday + timedelta(days=1), pub))
    if rule == "relative_day":
        if pub is None:
            return None
        offset = lex.relative_days.get(fields["rel"].lower().replace("’", "'"), 0)
        day = pub + timedelta(days=offset)
        return (day, day)
    if rule == "eve":
        # "la veille" is the day before the last day the text named.
        reference = anchor or pub
        if reference is None:
            return None
        day = reference - timedelta(days=1)
        return (day, day)
    if rule in ("days_earlier", "days_later"):
        # "assassiné deux jours plus tôt": counted from the last day the text named.
        n = _count(fields["n"], lex.numbers)
        if anchor is None or n is None:
            return None
        day = anchor + timedelta(days=n if rule == "days_later" else -n)
        return (day, day)
    if rule == "date":
        day = _date(fields["d"], fields["m"], fields.get("y"), lex, pub)
        return (day, day) if day else None
    if rule == "span_after":
        # "in the month after violence erupted on Aug. 25": that day and the span after.
        day = _date(fields["d"], fields["m"], fields.get("y"), lex, pub)
        if day is None:
            return None
        return _cap((day, day + timedelta(days=lex.spans[fields["span"].lower()] - 1)), pub)
    if rule in ("date_range", "night_dates"):
        last = _date(fields["d2"], fields["m2"], fields.get("y2"), lex, pub)
        if last is None:
            return None
        month = lex.months[fields["m"].lower()] if "m" in fields else last.month
        year = int(fields["y"]) if "y" in fields else last.year
        first = _safe_date(year, month, _day_number(fields["d"], lex))
        if first and first > last:
            first = _safe_date(year - 1, month, first.day)
        return (first, last)
    if rule in ("month", "month_edge"):
        span = _month(fields["m"], fields.get("y"), lex, pub)
        if span is None:
            return None
        # French annotators read "fin décembre" as the whole month ("month"); English
        # "early March" is its first day.
        edge = lex.month_edges.get(fields.get("edge", "").lower())
        if edge == "start":
            return (span[0], span[0])
        if edge == "end":
            return (span[1], span[1])
        return _cap(span, pub)
    if rule == "month_range":
        final = _month(fields["m2"], fields.get("y2"), lex, pub)
        if final is None or final[0] is None:
            return None
        first_month = lex.months[fields["m"].lower()]
        year = int(fields["y"]) if "y" in fields else final[0].year
        if first_month > final[0].month and "y" not in fields:
            year -= 1
        return _cap((date(year, first_month, 1), final[1]), pub)
    if rule == "year":
        year = int(fields["y"])
        return _cap((date(year, 1, 1), date(year, 12, 31)), pub)
    if rule == "year_range":
        return _cap((date(int(fields["y"]), 1, 1), date(int(fields["y2"]), 12, 31)), pub)
    if pub is None:
        return None
    if rule == "last_week":
        monday = pub - timedelta(days=pub.weekday() + 7)
        return (monday, monday + timedelta(days=6))
    if rule == "last_month":
        last = pub.replace(day=1) - timedelta(days=1)
        return (last.replace(day=1), last)
    if rule == "last_year":
        return (date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31))
    if rule == "this_year":
        return (date(pub.year, 1, 1), pub)
    if rule == "this_month":
        return (pub.replace(day=1), pub)
    if rule == "first_months":
        n = _count(fields["n"], lex.numbers)
        if not n or n > 12:
            return None
        year = pub.year if n < pub.month else pub.year - 1
        if "y" in fields:  # "the first six months of 2019"
            year = int(fields["y"])
        return (date(year, 1, 1), date(year, n, calendar.monthrange(year, n)[1]))
    if rule == "previous_days":
        n = _count(fields["n"], lex.numbers)
        if not n:
            return None
        return (pub - timedelta(days=n), pub - timedelta(days=1))
    return None


def _cap(span: _Days, pub: date | None) -> _Days:
    first, last = span
    if pub and last and last > pub and first and first <= pub:
        last = pub
    return (first, last)


def _weekday(word: str, lex: _Lexicon, pub: date | None) -> date | None:
    """The latest such weekday on or before publication."""
    if pub is None:
        return None
    return pub - timedelta(days=(pub.weekday() - lex.weekdays[word.lower()]) % 7)


def _day_number(word: str, lex: _Lexicon) -> int:
    return 1 if word.lower() in lex.first_of_month else int(word)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date(
    day_word: str, month_word: str, year_word: str | None, lex: _Lexicon, pub: date | None
) -> date | None:
    """A day of month; without a year, the latest such day not after publication."""
    day, month = _day_number(day_word, lex), lex.months[month_word.lower()]
    if year_word:
        return _safe_date(int(year_word), month, day)
    if pub is None:
        return None
    found = _safe_date(pub.year, month, day)
    if found and found > pub:
        found = _safe_date(pub.year - 1, month, day)
    return found


def _month(month_word: str, year_word: str | None, lex: _Lexicon, pub: date | None) -> _Days | None:
    """A whole month; without a year, the latest such month not after publication."""
    month = lex.months[month_word.lower()]
    if year_word:
        year = int(year_word)
    elif pub is None:
        return None
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def dateline_date(text: str, lang: str = "fr") -> date | None:
    """The day a dateline gives ("KABUL, Afghanistan (Jan. 25, 2013) -"), if it names one
    with its year: a press release's publication date when the document has none."""
    found = find_dateline(text)
    if found is None or found.date is None:
        return None
    lex = _lexicon(lang)
    inside = text[found.date[0] : found.date[1]]
    for name, pattern in lex.rules:
        match = pattern.search(inside) if name == "date" else None
        if match and match.group("y"):
            return _date(match.group("d"), match.group("m"), match.group("y"), lex, None)
    return None
